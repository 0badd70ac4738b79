// The English catalog: one file per area (app/i18n/en/<area>.ts, typed Record<keyof vi-area,
// string>), so English covers every key. Register an area here and in catalog.vi.ts.
import type { MessageKey } from "./catalog.vi";
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

export const en: Record<MessageKey, string> = { ...enCommon, ...enAuth, ...enHome, ...enOrgs, ...enPeople, ...enImport, ...enLedger, ...enTasks, ...enInitiatives, ...enInitiativePages, ...enReceipts, ...enAttachments, ...enDeadlines, ...enSearch, ...enScoring, ...enDecisions, ...enProposals, ...enCouncils };
