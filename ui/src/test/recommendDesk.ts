// The 推荐 panel's desk for tests: a small library, a suitability check with each verdict, and
// a mock that records what the window asked for.

import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { expect } from "vitest";
import type { ClientPage } from "../bindings/ClientPage";
import type { ProductQuery } from "../bindings/ProductQuery";
import type { PushDetail } from "../bindings/PushDetail";
import type { PushDraft } from "../bindings/PushDraft";
import type { PushSummary } from "../bindings/PushSummary";
import type { RecipientChecks } from "../bindings/RecipientChecks";
import type { RecipientSelection } from "../bindings/RecipientSelection";
import { clientRow } from "./fixtures";
import { product, pushSummary, recipientCheck } from "./recommendFixtures";
import { mockDesk, type Handler } from "./mockDesk";
import { loaded } from "./render";

export const maotai = product();
// Past its validity: listed, but it cannot be pushed. (A withdrawn item is not listed at all.)
export const expired = product({
  id: "P-002",
  product_kind: "fund",
  title: "成长精选混合基金",
  risk: "R5",
  target_investors: "professional_only",
  version: 1,
  valid_until: "2020-12-31",
  security_code: null,
  approval_ref: "合规审 2023-0999",
  body: "",
  pushable: false,
});
export const report = product({
  id: "P-003",
  product_kind: "research_report",
  title: "2024 年宏观策略展望",
  risk: "R1",
  version: 3,
  security_code: null,
  valid_until: "2099-06-30",
  approval_ref: "合规审 2024-0456",
  body: "",
});
const LIBRARY = [maotai, expired, report];

function libraryAnswer(query: ProductQuery) {
  return LIBRARY.filter(
    (p) =>
      (!query.pushable_only || p.pushable) &&
      (query.risks.length === 0 || query.risks.includes(p.risk)) &&
      (query.kinds.length === 0 || query.kinds.includes(p.product_kind)) &&
      (query.search === null || p.title.includes(query.search)),
  );
}

export const ELDERLY_REASON = "客户已达高龄标准，推荐 R3 以上产品须经经纪人逐一确认并留痕";
export const ABOVE_RISK = "产品风险等级 R3 高于客户风险承受能力 C2（谨慎型），不得推送";
export const NOT_ASSESSED = "客户尚未完成风险测评，不得推送";

export const checks: RecipientChecks = {
  product: maotai,
  checks: [
    recipientCheck({ client_id: "C1", name: "张三" }),
    recipientCheck({
      client_id: "C2",
      name: "王老伯",
      age: 72,
      verdict: { verdict: "needs_confirmation" },
      reason: ELDERLY_REASON,
    }),
    recipientCheck({
      client_id: "C3",
      name: "李四",
      risk_level: "C2",
      verdict: { verdict: "blocked", reasons: ["above_risk_level"] },
      reason: ABOVE_RISK,
    }),
    recipientCheck({
      client_id: "C4",
      name: "赵六",
      risk_level: null,
      assessment_expires_on: null,
      age: null,
      verdict: { verdict: "blocked", reasons: ["not_assessed"] },
      reason: NOT_ASSESSED,
    }),
  ],
  allowed: 1,
  needs_confirmation: 1,
  blocked: 2,
};

const sentDetail: PushDetail = { summary: pushSummary({ id: "push-new", state: "pending" }), recipients: [] };

export interface Desk {
  productQueries: ProductQuery[];
  selections: RecipientSelection[];
  drafts: PushDraft[];
  /** How many times the window has called `cmd`. */
  calls: (cmd: string) => number;
}

/** A desk with the library above; `extra` answers first. */
export function mockRecommend(extra: Handler = () => undefined, history: PushSummary[] = []): Desk {
  const desk: Desk = { productQueries: [], selections: [], drafts: [], calls: () => 0 };
  const calls = mockDesk((cmd, args) => {
    const answer = extra(cmd, args);
    if (answer !== undefined) return answer;
    switch (cmd) {
      case "products": {
        const { query } = args as { query: ProductQuery };
        desk.productQueries.push(query);
        return libraryAnswer(query);
      }
      case "check_recipients":
        desk.selections.push((args as { selection: RecipientSelection }).selection);
        return checks;
      case "send_recommendation":
        desk.drafts.push((args as { draft: PushDraft }).draft);
        return sentDetail;
      case "push_history":
        return history;
      case "list_clients": {
        const page: ClientPage = {
          total: 1,
          rows: [clientRow({ id: "C9", name: "钱七", tier: "Diamond", risk_level: "C5" })],
        };
        return page;
      }
      default:
        return undefined;
    }
  });
  desk.calls = (command) => calls.filter(([cmd]) => cmd === command).length;
  return desk;
}

/** The library once its rows are shown and clickable (`loaded`). */
export async function libraryReady(): Promise<HTMLElement> {
  const library = await screen.findByTestId("recommend-library");
  await waitFor(() => expect(library.querySelector(".ant-table-row")).not.toBeNull());
  await loaded(library);
  return library;
}

/** Opens 推送 for 茅台, sets 金卡 + C4 + holders of 600519 and checks. */
export async function composeAndCheck(user: UserEvent) {
  await libraryReady();
  await user.click(screen.getByTestId("compose-P-001"));
  const drawer = await screen.findByTestId("compose-drawer");
  expect(within(drawer).getByText(`推送：《${maotai.title}》`)).toBeInTheDocument();
  expect(screen.getByTestId("check-suitability")).toBeDisabled();
  await user.click(screen.getByTestId("filter-tier-Gold"));
  await user.click(screen.getByTestId("filter-risk-C4"));
  await user.type(screen.getByTestId("filter-security"), " 600519 ");
  await user.click(screen.getByTestId("check-suitability"));
  await screen.findByTestId("check-summary");
}
