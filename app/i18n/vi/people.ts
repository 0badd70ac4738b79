export const people = {
};
