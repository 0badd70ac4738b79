export const importing = {
};
