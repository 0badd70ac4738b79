// The action shared by the create and edit task forms: "find" looks cadres up and sends the
// form back as typed; "save" (or Enter in any field) validates and calls the model.
import { json, redirect } from "@remix-run/node";
import type { Ctx } from "~/models/context.server";
import { findAssignees } from "~/models/tasks.server";
import { splitList, taskSchema, toTaskInput, type TaskInput } from "~/schemas/tasks";
import { attempt, badRequest, formFailure, formValues, zodFieldErrors } from "./http.server";

export async function taskFormAction(request: Request, ctx: Ctx, save: (input: TaskInput) => { id: number }, banner: "tao" | "sua") {
  const { form, values: raw } = await formValues(request);
  const { intent = "save", addAssignee: _added, ...rest } = raw;
  if (intent !== "save" && intent !== "find") badRequest();
  // Unticked boxes send nothing: send "unticked" back rather than the form's defaults.
  const values: Record<string, string> = { area_corruption: "", area_waste: "", area_negative: "", ...rest };
  // Cadres ticked in the finder's results join the assignees, once each.
  const added = form.getAll("addAssignee").filter((v): v is string => typeof v === "string");
  if (added.length) {
    const current = splitList(values.assignees ?? "");
    const extra = added.map((u) => u.trim().toLowerCase()).filter((u) => u && !current.includes(u));
    values.assignees = [...current, ...new Set(extra)].join("\n");
  }
  const query = (values.timCanBo ?? "").trim().slice(0, 100);
  if (intent === "find" && query) {
    const orgId = Number(values.orgId);
    const candidates = Number.isSafeInteger(orgId) ? findAssignees(ctx, orgId, query) : [];
    return json({ ok: false as const, formError: null, fieldErrors: {}, values, candidates, round: crypto.randomUUID() });
  }
  const parsed = taskSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => save(toTaskInput(parsed.data)), values);
  if (!result.ok) return result.response;
  return redirect(`/nhiem-vu/${result.value.id}?da-luu=${banner}`);
}

/** The :id of a task URL; anything but a positive integer is a 404. */
export function taskIdParam(params: Record<string, string | undefined>): number {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw json({ message: "not_found" }, { status: 404 });
  return id;
}

/** ?da-luu=… on a task page after a change → the banner's catalog key. */
const SAVED = { tao: "tasks.saved.created", sua: "tasks.saved.updated", "ban-hanh": "tasks.saved.published", "ket-thuc": "tasks.saved.closed" } as const;
export function taskSavedBanner(url: URL): (typeof SAVED)[keyof typeof SAVED] | null {
  const value = url.searchParams.get("da-luu") ?? "";
  return value in SAVED ? SAVED[value as keyof typeof SAVED] : null;
}
