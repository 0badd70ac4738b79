export const ledger = {
};
