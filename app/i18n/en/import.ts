import type { importing as vi } from "../vi/import";

export const importing: Record<keyof typeof vi, string> = {
};
