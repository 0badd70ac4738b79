// The server modules the root loader reads, in one place. The root route imports only this
// module, so the browser build replaces one module with an empty stand-in inside the root's own
// chunk, instead of loading a separate empty chunk for each server module the root shares with
// other routes (issue 5, the JavaScript budget: every page's first load carries the root).
export { requestLang } from "~/i18n/lang.server";
export { loadMe } from "~/models/accounts.server";
export { maybeSweepDeadlines } from "~/models/deadlines.server";
export { unreadCount } from "~/models/notifications.server";
export { currentSession } from "~/utils/request.server";
