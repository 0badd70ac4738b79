// Both catalogs, whole, for the server (and tests). In the browser bundle this module is empty:
// the browser gets the strings of the page it is shown, then its language's catalog on demand.
import type { Lang } from "./format";
import { vi, type MessageKey } from "./catalog.vi";
import { en } from "./catalog.en";

export const catalogs: Record<Lang, Record<MessageKey, string>> = { vi, en };
