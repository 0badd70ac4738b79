// Deadline reminders (in-app notifications written by the deadline sweep).
export const deadlines = {
  "deadlines.notify.task": "Sắp đến hạn nhiệm vụ {title} (hạn {deadline}); đồng chí chưa đăng ký sáng kiến, giải pháp nào cho nhiệm vụ này",
  "deadlines.notify.decision": "Sắp đến hạn ra quyết định đối với đơn {number}: {title} (hạn {due})",
};
