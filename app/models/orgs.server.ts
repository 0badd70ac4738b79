// Organizations: the party tree with materialized paths and validity dates.
import { eq } from "drizzle-orm";
import { organizations, type OrgKind } from "../../db/schema";
import { fold } from "~/utils/fold";
import type { Tx } from "./context.server";

export type NewOrgRow = {
  code: string;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  validFrom: string;
  validTo?: string | null;
};

/** Insert a node below its parent (or as a root) and set its path. No policy, no ledger:
 * callers are the policy-checked model functions and the seed. */
export function insertOrgRow(tx: Tx, row: NewOrgRow, createdAt: string): { id: number; path: string } {
  const parent = row.parentId
    ? tx.select({ path: organizations.path, depth: organizations.depth }).from(organizations).where(eq(organizations.id, row.parentId)).get()
    : undefined;
  if (row.parentId && !parent) throw new Error(`parent ${row.parentId} not found`);
  const inserted = tx
    .insert(organizations)
    .values({
      code: row.code,
      name: row.name,
      kind: row.kind,
      parentId: row.parentId,
      path: "",
      depth: parent ? parent.depth + 1 : 0,
      searchName: fold(`${row.name} ${row.code}`),
      validFrom: row.validFrom,
      validTo: row.validTo ?? null,
      createdAt,
    })
    .returning({ id: organizations.id })
    .get();
  const path = `${parent?.path ?? "/"}${inserted.id}/`;
  tx.update(organizations).set({ path }).where(eq(organizations.id, inserted.id)).run();
  return { id: inserted.id, path };
}
