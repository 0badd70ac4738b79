// The real zod, for the server (and tests). In the browser bundle every *.server module is
// replaced by an empty one, so `zod` is undefined there and ./z.ts uses the lazy recorder.
import * as zod from "zod";

export { zod };
