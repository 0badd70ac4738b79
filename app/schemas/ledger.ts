import { z } from "./z";
import { parseDate } from "~/i18n/format";

const text = (max: number) => z.string().trim().max(max, "errors.tooLong").optional().transform((v) => (v ? v : undefined));
const positiveInt = z
  .string()
  .optional()
  .transform((v) => (v && /^\d{1,12}$/.test(v) && Number(v) > 0 ? Number(v) : undefined));
const day = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || parseDate(v) !== null, "errors.invalidDate")
  .transform((v) => (v ? v : undefined));

/** The ledger filters, read from the query string of the GET form on /so-cai. The keys are
 * the form's field names, so that errors link to their fields. */
export const ledgerFilterSchema = z
  .object({
    nguoi: text(100),
    "ma-nguoi": positiveInt,
    "to-chuc": text(100),
    "chi-to-chuc-nay": z.string().optional().transform((v) => !!v),
    "doi-tuong": text(50),
    "ma-doi-tuong": text(50),
    "thao-tac": text(60),
    "tu-ngay": day,
    "den-ngay": day,
    truoc: positiveInt,
    sau: positiveInt,
  })
  .refine(
    (v) => {
      const from = v["tu-ngay"] ? parseDate(v["tu-ngay"]) : null;
      const to = v["den-ngay"] ? parseDate(v["den-ngay"]) : null;
      return !from || !to || from <= to;
    },
    {
      path: ["den-ngay"],
      message: "ledger.filter.periodOrder",
    },
  );

export type LedgerFilterInput = z.input<typeof ledgerFilterSchema>;
