// The catalogs: Vietnamese is the source of the keys; English must translate every one of
// them (its files are typed Record<keyof vi-area, string>). One file per area of the portal.
import { common as viCommon } from "./vi/common";
import { auth as viAuth } from "./vi/auth";
import { home as viHome } from "./vi/home";
import { orgs as viOrgs } from "./vi/orgs";
import { people as viPeople } from "./vi/people";
import { importing as viImport } from "./vi/import";
import { ledger as viLedger } from "./vi/ledger";
import { tasks as viTasks } from "./vi/tasks";
import { initiatives as viInitiatives } from "./vi/initiatives";
import { initiativePages as viInitiativePages } from "./vi/initiative-pages";
import { receipts as viReceipts } from "./vi/receipts";
import { deadlines as viDeadlines } from "./vi/deadlines";
import { attachments as viAttachments } from "./vi/attachments";
import { search as viSearch } from "./vi/search";
import { scoring as viScoring } from "./vi/scoring";
import { decisions as viDecisions } from "./vi/decisions";
import { proposals as viProposals } from "./vi/proposals";
import { councils as viCouncils } from "./vi/councils";
import { common as enCommon } from "./en/common";
import { auth as enAuth } from "./en/auth";
import { home as enHome } from "./en/home";
import { orgs as enOrgs } from "./en/orgs";
import { people as enPeople } from "./en/people";
import { importing as enImport } from "./en/import";
import { ledger as enLedger } from "./en/ledger";
import { tasks as enTasks } from "./en/tasks";
import { initiatives as enInitiatives } from "./en/initiatives";
import { initiativePages as enInitiativePages } from "./en/initiative-pages";
import { receipts as enReceipts } from "./en/receipts";
import { deadlines as enDeadlines } from "./en/deadlines";
import { attachments as enAttachments } from "./en/attachments";
import { search as enSearch } from "./en/search";
import { scoring as enScoring } from "./en/scoring";
import { decisions as enDecisions } from "./en/decisions";
import { proposals as enProposals } from "./en/proposals";
import { councils as enCouncils } from "./en/councils";
import type { Lang } from "./format";

const vi = { ...viCommon, ...viAuth, ...viHome, ...viOrgs, ...viPeople, ...viImport, ...viLedger, ...viTasks, ...viInitiatives, ...viInitiativePages, ...viReceipts, ...viAttachments, ...viDeadlines, ...viSearch, ...viScoring, ...viDecisions, ...viProposals, ...viCouncils };
export type MessageKey = keyof typeof vi;
const en: Record<MessageKey, string> = { ...enCommon, ...enAuth, ...enHome, ...enOrgs, ...enPeople, ...enImport, ...enLedger, ...enTasks, ...enInitiatives, ...enInitiativePages, ...enReceipts, ...enAttachments, ...enDeadlines, ...enSearch, ...enScoring, ...enDecisions, ...enProposals, ...enCouncils };

export const catalogs: Record<Lang, Record<MessageKey, string>> = { vi, en };
export const LANGS: Lang[] = ["vi", "en"];

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isMessageKey(key: string): key is MessageKey {
  return key in vi;
}

export function translator(lang: Lang): Translate {
  const catalog = catalogs[lang];
  return (key, params) => {
    const text = catalog[key] ?? vi[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
  };
}

/** Translate a message that may be a catalog key (field errors carry keys). */
export function translateMaybe(t: Translate, message: string | undefined): string {
  if (!message) return "";
  return isMessageKey(message) ? t(message) : message;
}
