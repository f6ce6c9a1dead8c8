// 客户移交 and 内部交流 for tests: 王丽 (B0042, user u1) asks to hand 张三 (C000123, the profile fixture) to
// 李雷 (broker07); an earlier request to 周八 was rejected by 陈经理; the lead's list holds a pending
// request of 王丽's and one of 赵六's already approved. Threads on a task and a request.

import type { CommentRecord } from "../bindings/CommentRecord";
import type { CommentView } from "../bindings/CommentView";
import type { NewComment } from "../bindings/NewComment";
import type { TransferDecision } from "../bindings/TransferDecision";
import type { TransferRequestRecord } from "../bindings/TransferRequestRecord";
import type { TransferRequestView } from "../bindings/TransferRequestView";

export function transferRequest(overrides: Partial<TransferRequestRecord> = {}): TransferRequestRecord {
  return {
    id: "TR-1",
    client_id: "C000123",
    client_name: "张三",
    from_broker_id: "B0042",
    from_broker_name: "王丽",
    to_broker_id: "broker07",
    to_broker_name: "broker07",
    reason: "客户常住地迁至北京，由北京分公司就近服务",
    // 2024-03-15 10:05 in Beijing.
    raised_at: "2024-03-15T02:05:00Z",
    status: "pending",
    decided_by_name: null,
    decided_at: null,
    decision_note: null,
    ...overrides,
  };
}

export function transferView(overrides: Partial<TransferRequestRecord> = {}, pending = false): TransferRequestView {
  return { request: transferRequest(overrides), pending };
}

/** Just asked on this desk: head office has not got it yet. */
export const unsyncedRequest = transferView({}, true);

/** Rejected last month by 陈经理, with a reason. */
export const rejectedRequest = transferView({
  id: "TR-0",
  to_broker_id: "B4",
  to_broker_name: "周八",
  reason: "客户希望由机构服务小组对接",
  raised_at: "2024-02-20T01:00:00Z",
  status: "rejected",
  decided_by_name: "陈经理",
  decided_at: "2024-02-21T06:30:00Z",
  decision_note: "客户本人未确认，请先与客户沟通",
});

/** The lead's list: 王丽's request awaiting a decision, 赵六's already approved. */
export const leadPending = transferRequest({ id: "TR-1", to_broker_id: "B2", to_broker_name: "李雷" });
export const leadApproved = transferRequest({
  id: "TR-7",
  client_id: "C000456",
  client_name: "钱七",
  from_broker_id: "B3",
  from_broker_name: "赵六",
  to_broker_id: "B1",
  to_broker_name: "王丽",
  reason: "赵六调岗，客户交由王丽服务",
  raised_at: "2024-03-10T03:00:00Z",
  status: "approved",
  decided_by_name: "陈经理",
  decided_at: "2024-03-11T02:00:00Z",
  decision_note: null,
});

/** What head office answers to a decision on a request of the lead's list. */
export function decided(decision: TransferDecision): TransferRequestRecord {
  const request = [leadPending, leadApproved].find((r) => r.id === decision.request_id) ?? leadPending;
  return {
    ...request,
    status: decision.approve ? "approved" : "rejected",
    decided_by_name: "陈经理",
    decided_at: "2024-03-15T04:00:00Z",
    decision_note: decision.note,
  };
}

export function commentRecord(overrides: Partial<CommentRecord> = {}): CommentRecord {
  return {
    id: "CM-1",
    subject: "task",
    subject_id: "TK-1",
    author_id: "P0",
    author_name: "陈经理",
    body: "重点回访近三个月未联系的客户",
    // 2024-03-14 17:20 in Beijing.
    at: "2024-03-14T09:20:00Z",
    ...overrides,
  };
}

export function commentView(overrides: Partial<CommentRecord> = {}, pending = false): CommentView {
  return { comment: commentRecord(overrides), pending };
}

/** The broker's thread with `body` added on this desk (pending) at 2024-03-15 12:00 in Beijing. */
export function threadWith(thread: CommentView[], body: string, subject: NewComment["subject"], subjectId: string) {
  return [
    ...thread,
    commentView(
      { id: "CM-new", subject, subject_id: subjectId, author_id: "u1", author_name: "王丽", body, at: "2024-03-15T04:00:00Z" },
      true,
    ),
  ];
}

/** The `[command, args]` pairs of one command among a mock's recorded calls. */
export function argsOf(calls: Array<[string, Record<string, unknown>]>, command: string): Array<Record<string, unknown>> {
  return calls.filter(([cmd]) => cmd === command).map(([, args]) => args);
}
