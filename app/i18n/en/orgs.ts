import type { orgs as vi } from "../vi/orgs";

export const orgs: Record<keyof typeof vi, string> = {
};
