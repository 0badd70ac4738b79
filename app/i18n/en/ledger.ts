import type { ledger as vi } from "../vi/ledger";

export const ledger: Record<keyof typeof vi, string> = {
};
