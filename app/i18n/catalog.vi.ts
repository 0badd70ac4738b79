// The Vietnamese catalog: one file per area of the portal (app/i18n/vi/<area>.ts), and the
// source of the keys. To add an area: one import line and one spread here, and the same in
// catalog.en.ts. The server has it whole (catalogs.server.ts); the browser loads it on demand,
// after the page has hydrated with the strings the server rendered (see index.ts).
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

export const vi = { ...viCommon, ...viAuth, ...viHome, ...viOrgs, ...viPeople, ...viImport, ...viLedger, ...viTasks, ...viInitiatives, ...viInitiativePages, ...viReceipts, ...viAttachments, ...viDeadlines, ...viSearch, ...viScoring, ...viDecisions, ...viProposals, ...viCouncils };
export type MessageKey = keyof typeof vi;
