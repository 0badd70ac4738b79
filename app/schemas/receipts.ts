/** A receipt is a few KB; the check page refuses anything over this. */
export const RECEIPT_MAX_BYTES = 100 * 1024;
