import type { deadlines as vi } from "../vi/deadlines";

export const deadlines: Record<keyof typeof vi, string> = {
  "deadlines.notify.task": "Task {title} is due soon ({deadline}); you have not registered an initiative or solution for it yet",
  "deadlines.notify.decision": "The decision on registration {number}: {title} is due soon ({due})",
};
