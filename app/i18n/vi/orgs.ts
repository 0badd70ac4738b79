export const orgs = {
};
