// Registering initiatives (sáng kiến) and prevention solutions (giải pháp phòng ngừa): a draft
// the authors fill in section by section, then submission, which numbers it (SK-2026-000123),
// freezes the version under a SHA-256 of its canonical content and records it in the ledger.
// Every change is one write(): policy → validation → rows → ledger event. Ledger payloads carry
// ids, numbers and hashes, never the text or anyone's name. The server sets every time and
// status; nothing a request sends for them is read.
// Decisions (accept, return, withdraw) are in initiatives-decide.server.ts, reads in
// initiatives-read.server.ts and initiatives-lists.server.ts (all re-exported here).
import { and, eq } from "drizzle-orm";
import { initiatives, initiativeVersions, INITIATIVE_KINDS, organizations, people, type InitiativeKind } from "../../db/schema";
import { canEditInitiative, canRegisterTo, canViewInitiative, canViewTask } from "~/auth/policy";
import { fullName } from "~/i18n/format";
import { isSection, sectionsFor, type Section } from "~/schemas/initiatives";
import { canonicalJson, sha256Hex } from "~/utils/canonical.server";
import { fold } from "~/utils/fold";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { conflict, forbidden, invalid, notFound } from "./errors";
import { writeTogether } from "./group-commit.server";
import { completenessErrors, validateSection } from "./initiatives-content.server";
import {
  attachmentHashes, currentYear, freezeContent, isAuthor, leadersOver, loadInitiative, loadVersion, nextRegistrationNumber, notify, parseContent,
  PREFIX, replaceAuthors, type Content, type Loaded, type StoredAuthor,
} from "./initiatives-shared.server";
import { stmt } from "./initiatives-statements.server";
import { appendEvent } from "./ledger.server";
import { loadNode } from "./orgs-shared.server";
import { loadTask } from "./tasks-shared.server";

export * from "./initiatives-decide.server";
export * from "./initiatives-forms.server";
export * from "./initiatives-lists.server";
export * from "./initiatives-inbox.server";
export * from "./initiatives-read.server";

export type DraftInput = { kind: InitiativeKind; taskId?: number | null; receivingOrgId?: number | null };

/**
 * Start a draft, against a published task the actor can see (received by the task's posting
 * organization unless another is chosen) or freestanding (received by the actor's own
 * organization). The receiving organization must be the actor's own or above it.
 */
export function createDraft(ctx: Ctx, input: DraftInput): { id: number } {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  return write(ctx, (tx) => {
    if (!(INITIATIVE_KINDS as readonly string[]).includes(input.kind)) throw invalid({ kind: "errors.chooseOne" });
    let receivingOrgId = actor.orgId;
    let taskId: number | null = null;
    if (input.taskId != null) {
      const task = loadTask(tx, input.taskId);
      if (!task || !canViewTask(actor, task.record)) throw notFound();
      if (task.row.status !== "published") throw invalid({ taskId: "initiatives.errors.taskNotOpen" });
      taskId = task.row.id;
      receivingOrgId = task.row.orgId;
    }
    if (input.receivingOrgId != null) receivingOrgId = input.receivingOrgId;
    const org = loadNode(tx, receivingOrgId);
    if (!org || org.validTo || !canRegisterTo(actor, org.path)) throw invalid({ receivingOrgId: "initiatives.errors.orgNotAllowed" });

    const at = nowIso(ctx);
    const { id } = tx
      .insert(initiatives)
      .values({ kind: input.kind, receivingOrgId: org.id, authorOrgId: actor.orgId, taskId, status: "draft", title: "", searchText: "", currentVersion: 1, createdBy: actor.personId, createdAt: at, updatedAt: at })
      .returning({ id: initiatives.id })
      .get();
    tx.insert(initiativeVersions).values({ initiativeId: id, version: 1, content: "{}", createdBy: actor.personId, createdAt: at, updatedAt: at }).run();
    replaceAuthors(tx, id, [{ ...selfAuthor(tx, actor.personId), shareBp: 10_000 }]);
    appendEvent(ctx, tx, { action: "initiative.created", entity: "initiative", entityId: id, orgId: actor.orgId, payload: { id, kind: input.kind, taskId, receivingOrgId: org.id } });
    return { id };
  });
}

function selfAuthor(tx: Tx, personId: number): Omit<StoredAuthor, "shareBp"> {
  const p = tx
    .select({ familyName: people.familyName, middleName: people.middleName, givenName: people.givenName, dateOfBirth: people.dateOfBirth, position: people.position, orgName: organizations.name })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.orgId))
    .where(eq(people.id, personId))
    .get();
  if (!p) throw forbidden();
  return { personId, fullName: fullName(p), dateOfBirth: p.dateOfBirth, workplace: p.orgName, jobTitle: p.position, qualification: "" };
}

/** The initiative if the actor may edit it now: not found when they may not see it, refused
 * when they see it but may not edit (a leader; or the authors once it is submitted).
 * Exported for the attachments model, which edits the same draft under the same rule. */
export function editable(ctx: Ctx, tx: Ctx["db"] | Tx, id: number): Loaded {
  const loaded = loadInitiative(tx, id);
  if (!loaded || !canViewInitiative(ctx.actor, loaded.record)) throw notFound();
  if (!canEditInitiative(ctx.actor, loaded.record)) {
    if (isAuthor(ctx, loaded)) throw conflict("initiatives.errors.notEditable");
    throw forbidden();
  }
  return loaded;
}

function draftVersion(tx: Tx, loaded: Loaded) {
  const version = loadVersion(tx, loaded.row.id, loaded.row.currentVersion);
  // An editable initiative always has an unfrozen current version; anything else is a bug.
  if (!version || version.contentSha256) throw conflict("initiatives.errors.notEditable");
  return version;
}

function searchText(title: string, field: string, number: string | null): string {
  return fold([number ?? "", title, field].join(" "));
}

/**
 * Store one section of the current draft version. Bad values are refused with field errors
 * (invalid()) and nothing is written; drafts may be incomplete. The authors section replaces
 * the authors list; the general section updates the title shown in lists.
 */
export function saveSection(ctx: Ctx, id: number, section: string, values: unknown): { section: Section } {
  return write(ctx, (tx) => {
    const loaded = editable(ctx, tx, id);
    if (!isSection(section) || !sectionsFor(loaded.row.kind).includes(section)) throw invalid({}, "errors.badRequest");
    const version = draftVersion(tx, loaded);
    const data = validateSection(ctx, tx, section, values, loaded.row.createdBy);
    const content = parseContent(version.content);
    content[section] = data;
    const at = nowIso(ctx);
    tx.update(initiativeVersions).set({ content: canonicalJson(content), updatedAt: at }).where(and(eq(initiativeVersions.initiativeId, id), eq(initiativeVersions.version, version.version))).run();
    if (section === "authors") replaceAuthors(tx, id, data as StoredAuthor[]);
    const general = (content.general ?? {}) as { title?: string; field?: string };
    tx.update(initiatives)
      .set({ title: general.title ?? "", searchText: searchText(general.title ?? "", general.field ?? "", loaded.row.registrationNumber), updatedAt: at })
      .where(eq(initiatives.id, id))
      .run();
    appendEvent(ctx, tx, {
      action: "initiative.saved",
      entity: "initiative",
      entityId: id,
      orgId: loaded.row.authorOrgId,
      payload: { id, version: version.version, section, sectionSha256: sha256Hex(canonicalJson(data)) },
    });
    return { section };
  });
}

export type Submitted = { registrationNumber: string; version: number; contentSha256: string; ledgerSeq: number; ledgerHash: string; submittedAt: string };

/**
 * Submit the current draft version: complete content required. The first submission takes
 * the next number of its prefix and year (in the same IMMEDIATE transaction, so numbers are
 * unique and never reused); a resubmission after return keeps it. The version is frozen under
 * the SHA-256 of its canonical content (the attachments' hashes included), the ledger records
 * it, and the receiving organization's leaders are notified.
 */
export function submit(ctx: Ctx, id: number): Submitted {
  return write(ctx, (tx) => submitIn(ctx, tx, id));
}

/** The same, sharing its COMMIT with the other writes of this moment (group-commit.server.ts):
 * the registration page's way, since submissions come in crowds before a deadline. */
export function submitTogether(ctx: Ctx, id: number): Promise<Submitted> {
  return writeTogether(ctx, (tx) => submitIn(ctx, tx, id));
}

function submitIn(ctx: Ctx, tx: Tx, id: number): Submitted {
  const loaded = editable(ctx, tx, id);
  const { row } = loaded;
  const version = draftVersion(tx, loaded);
  const content = parseContent(version.content);
  const errors = completenessErrors(ctx, row.kind, content, loaded.authors, row.createdBy);
  if (Object.keys(errors).length) throw invalid(errors, "initiatives.errors.incomplete");
  // The receiving organization exists (a foreign key); it must still be open.
  const open = stmt(tx, "orgValidTo").raw().get(row.receivingOrgId) as [string | null] | undefined;
  if (!open || open[0]) throw invalid({ receivingOrgId: "initiatives.errors.orgClosed" });

  const registrationNumber = row.registrationNumber ?? nextRegistrationNumber(tx, PREFIX[row.kind], currentYear(ctx));
  const sections: Content = Object.fromEntries(sectionsFor(row.kind).filter((s) => s !== "authors" && content[s] !== undefined).map((s) => [s, content[s]]));
  const frozen = freezeContent(sections, loaded.authors, attachmentHashes(tx, id));
  const at = nowIso(ctx);
  const ledger = appendEvent(ctx, tx, {
    action: "initiative.submitted",
    entity: "initiative",
    entityId: id,
    orgId: row.receivingOrgId,
    payload: { id, version: version.version, registrationNumber, contentSha256: frozen.sha256, resubmission: row.registrationNumber !== null },
  });
  stmt(tx, "freezeVersion").run({
    content: frozen.text, contentSha256: frozen.sha256, submittedAt: at, ledgerSeq: ledger.seq, ledgerHash: ledger.hash, updatedAt: at,
    initiativeId: id, version: version.version,
  });
  const general = content.general as { title: string; field: string };
  stmt(tx, "markSubmitted").run({
    registrationNumber,
    title: general.title,
    searchText: searchText(general.title, general.field, registrationNumber),
    firstSubmittedAt: row.firstSubmittedAt ?? at,
    submittedAt: at,
    updatedAt: at,
    id,
  });
  notify(tx, leadersOver(tx, row.receivingOrgPath, loaded.record.authorIds), "initiatives.notify.submitted", { number: registrationNumber, title: general.title }, id, at);
  return { registrationNumber, version: version.version, contentSha256: frozen.sha256, ledgerSeq: ledger.seq, ledgerHash: ledger.hash, submittedAt: at };
}
