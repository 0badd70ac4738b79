// The browser's stand-in for zod (issue 5, the JavaScript budget): zod is ~25 KB gzipped, too
// much for a first load. The schema modules run against this recorder instead: every property
// read and call (`z.string().trim().min(1, "errors.required")`) is recorded, nothing is built.
// When a form first needs to check (focus or submit), `realize` loads zod on demand and replays
// the recording against it, so the browser validates with exactly the schema the action uses,
// with the same messages (the check itself then runs through react-hook-form, loaded at the same
// moment: app/components/form-check.client.ts). Schemas must therefore only be built with z in module code: reading a
// built schema's properties (`.shape`, `.options`) in the browser gives a recording, not a value.
import type * as Zod from "zod";

const OPS = Symbol("zod recording");
type Op = { get: PropertyKey } | { call: unknown[] };

function record(ops: Op[]): unknown {
  // A function target so that the recording can be both read (z.coerce) and called (z.string()).
  return new Proxy(function () {}, {
    get(_, prop) {
      if (prop === OPS) return ops;
      if (typeof prop === "symbol" || prop === "then") return undefined;
      return record([...ops, { get: prop }]);
    },
    apply(_, __, args: unknown[]) {
      return record([...ops, { call: args }]);
    },
  });
}

/** Stands for the zod namespace in the browser. */
export const recorder = record([]) as typeof Zod;

const built = new WeakMap<object, unknown>();

function replay(zod: typeof Zod, value: unknown): unknown {
  if (typeof value === "function" || (typeof value === "object" && value !== null)) {
    const ops = (value as { [OPS]?: Op[] })[OPS];
    if (ops) {
      const hit = built.get(ops);
      if (hit) return hit;
      let current: unknown = zod;
      let self: unknown = undefined;
      for (const op of ops) {
        if ("get" in op) {
          self = current;
          current = (current as Record<PropertyKey, unknown>)[op.get];
        } else {
          current = (current as (...a: unknown[]) => unknown).apply(self, op.call.map((a) => replay(zod, a)));
          self = undefined;
        }
      }
      built.set(ops, current);
      return current;
    }
    if (Array.isArray(value)) return value.map((v) => replay(zod, v));
    if (Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replay(zod, v)]));
    }
  }
  return value;
}

let loading: Promise<typeof Zod> | undefined;
function loadZod(): Promise<typeof Zod> {
  loading ??= import("zod").catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** True when `schema` is a browser recording rather than a real zod schema. */
export function isRecording(schema: unknown): boolean {
  return (typeof schema === "function" || typeof schema === "object") && schema !== null && !!(schema as { [OPS]?: Op[] })[OPS];
}

/** The real schema behind `schema` (a recording or already a zod schema), loading zod if need be. */
export async function realize<S>(schema: S): Promise<Zod.ZodType> {
  if (!isRecording(schema)) return schema as Zod.ZodType;
  return replay(await loadZod(), schema) as Zod.ZodType;
}

/** Start loading zod without waiting (a form was focused). */
export function prefetchZod(): void {
  void loadZod().catch(() => undefined);
}
