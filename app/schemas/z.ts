// The zod every schema module imports (`import { z } from "./z"`): the real zod on the server
// and in tests; in the browser a recorder that builds the real schema on demand, so that zod is
// not part of any page's first load (see zod-lazy.client.ts). Types are zod's own.
import type * as Zod from "zod";
import { zod } from "./zod.server";
import { recorder } from "./zod-lazy.client";

export const z: typeof Zod = zod ?? recorder;
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace z {
  export type output<T> = Zod.output<T>;
  export type input<T> = Zod.input<T>;
  export type infer<T> = Zod.infer<T>;
  export type ZodType<O = unknown, I = unknown> = Zod.ZodType<O, I>;
  export type RefinementCtx<T = unknown> = Zod.RefinementCtx<T>;
  export type ZodError<T = unknown> = Zod.ZodError<T>;
}
