// What 推荐's tests are given: library items, recipient checks, pushes and their recipients.
import type { ClientPushView } from "../bindings/ClientPushView";
import type { ProductView } from "../bindings/ProductView";
import type { PushRecipientView } from "../bindings/PushRecipientView";
import type { PushSummary } from "../bindings/PushSummary";
import type { RecipientCheck } from "../bindings/RecipientCheck";

export function product(overrides: Partial<ProductView> = {}): ProductView {
  return {
    id: "P-001",
    product_kind: "stock_pick",
    title: "贵州茅台：高端白酒龙头，估值回到合理区间",
    summary: "渠道库存健康，批价企稳；维持长期关注。",
    risk: "R3",
    target_investors: "all",
    version: 2,
    approval: "approved",
    valid_from: "2024-01-01",
    valid_until: "2099-12-31",
    security_code: "600519",
    author: "研究所 陈明",
    approval_ref: "合规审 2024-0123",
    body: "",
    pushable: true,
    ...overrides,
  };
}

export function recipientCheck(overrides: Partial<RecipientCheck> = {}): RecipientCheck {
  return {
    client_id: "C000123",
    name: "张三",
    tier: "Gold",
    investor_class: "Ordinary",
    risk_level: "C4",
    assessment_expires_on: "2099-12-31",
    lowest_category: false,
    age: 48,
    verdict: { verdict: "allowed" },
    reason: null,
    ...overrides,
  };
}

export function pushSummary(overrides: Partial<PushSummary> = {}): PushSummary {
  return {
    id: "push-1",
    product: product(),
    cover_message: "白酒龙头估值回落，供您参考。",
    sent_at: "2024-03-01T02:15:00Z",
    state: "accepted",
    refusal: null,
    recipients: 3,
    counts: { waiting: 0, sent: 0, delivered: 1, read: 1, replied: 1, failed: 0, refused: 0 },
    ...overrides,
  };
}

export function pushRecipient(overrides: Partial<PushRecipientView> = {}): PushRecipientView {
  return {
    client_id: "C000123",
    client_name: "张三",
    desk_verdict: { verdict: "allowed" },
    elderly_confirmed: false,
    status: "delivered",
    reason: null,
    reply: null,
    updated_at: "2024-03-01T03:00:00Z",
    ...overrides,
  };
}

export function clientPush(overrides: Partial<ClientPushView> = {}): ClientPushView {
  return {
    push_id: "push-1",
    product: product(),
    cover_message: "白酒龙头估值回落，供您参考。",
    sent_at: "2024-03-01T02:15:00Z",
    state: "accepted",
    status: "replied",
    reason: null,
    reply: "收到，谢谢",
    ...overrides,
  };
}
