import type { people as vi } from "../vi/people";

export const people: Record<keyof typeof vi, string> = {
};
