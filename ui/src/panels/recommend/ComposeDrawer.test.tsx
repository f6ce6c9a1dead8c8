import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { PushDraft } from "../../bindings/PushDraft";
import type { PushSummary } from "../../bindings/PushSummary";
import { allClientsQuery } from "../../lib/clientQuery";
import { ipcReject } from "../../test/fixtures";
import { pushSummary } from "../../test/recommendFixtures";
import {
  ABOVE_RISK,
  composeAndCheck,
  ELDERLY_REASON,
  libraryReady,
  mockRecommend,
  NOT_ASSESSED,
} from "../../test/recommendDesk";
import { renderWithProviders } from "../../test/render";
import { RecommendPanel } from "../RecommendPanel";

describe("RecommendPanel compose", () => {
  it("checks the filtered clients and shows who may, who needs a confirmation and who may not, and why", async () => {
    const desk = mockRecommend();
    const user = userEvent.setup();
    renderWithProviders(<RecommendPanel />);
    await composeAndCheck(user);

    expect(desk.selections).toEqual([
      {
        client_ids: [],
        query: { ...allClientsQuery(200), tiers: ["Gold"], risk_levels: ["C4"], holds_security: "600519" },
      },
    ]);
    expect(screen.getByTestId("check-allowed-count")).toHaveTextContent(/^可推送\s*1$/);
    expect(screen.getByTestId("check-confirm-count")).toHaveTextContent(/^需确认\s*1\s*已确认 0 \/ 1$/);
    expect(screen.getByTestId("check-blocked-count")).toHaveTextContent(/^不可推送\s*2$/);

    const allowed = screen.getByTestId("check-row-C1");
    expect(within(allowed).getByText("可推送")).toBeInTheDocument();
    expect(within(allowed).queryByRole("checkbox")).not.toBeInTheDocument();

    const elderly = screen.getByTestId("check-row-C2");
    expect(within(elderly).getByText("需确认")).toBeInTheDocument();
    expect(within(elderly).getByText("72 岁")).toBeInTheDocument();
    expect(elderly).toHaveTextContent(ELDERLY_REASON);
    const confirmation = "已向客户充分揭示风险，确认推送（高龄客户）";
    expect(within(elderly).getByText(confirmation)).toBeInTheDocument();
    expect(screen.getByTestId("confirm-elderly-C2")).toBeInTheDocument();

    for (const [id, reason] of [
      ["C3", ABOVE_RISK],
      ["C4", NOT_ASSESSED],
    ]) {
      const blocked = screen.getByTestId(`check-row-${id}`);
      expect(within(blocked).getByText("不可推送")).toBeInTheDocument();
      expect(blocked).toHaveTextContent(reason);
      expect(blocked).toHaveClass("check-row-blocked");
      // No way to send to a blocked client: no box to tick, nothing to override.
      expect(within(blocked).queryByRole("checkbox")).not.toBeInTheDocument();
      expect(screen.queryByTestId(`confirm-elderly-${id}`)).not.toBeInTheDocument();
    }
    expect(within(screen.getByTestId("check-row-C4")).getByText("未测评")).toBeInTheDocument();

    await user.click(screen.getByTestId("check-filter-blocked"));
    await waitFor(() => expect(screen.queryByTestId("check-row-C1")).not.toBeInTheDocument());
    expect(screen.getByTestId("check-row-C3")).toBeInTheDocument();
    expect(screen.queryByTestId("check-row-C2")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("check-filter-all"));
    expect(await screen.findByTestId("check-row-C1")).toBeInTheDocument();
  });

  it("sends only the allowed clients and those confirmed one by one, then shows the history", async () => {
    const queued = pushSummary({ id: "push-new", state: "pending", recipients: 2 });
    let history: PushSummary[] = [];
    const desk = mockRecommend((cmd) => (cmd === "push_history" ? history : undefined));
    const user = userEvent.setup();
    renderWithProviders(<RecommendPanel />);

    await libraryReady();
    await user.click(screen.getByTestId("product-row-P-001"));
    await screen.findByTestId("compose-drawer");
    // A client added by hand, besides the filter.
    await user.type(within(screen.getByTestId("client-picker")).getByRole("combobox"), "钱");
    await user.click(await screen.findByTestId("pick-option-C9"));
    expect(screen.getByTestId("picked-C9")).toHaveTextContent("钱七");
    await user.click(screen.getByTestId("filter-risk-C4"));
    await user.click(screen.getByTestId("check-suitability"));
    await screen.findByTestId("check-summary");
    expect(desk.selections[0]).toEqual({
      client_ids: ["C9"],
      query: { ...allClientsQuery(200), risk_levels: ["C4"] },
    });

    const send = screen.getByTestId("send-push");
    // Nothing to send without a cover message.
    expect(send).toHaveTextContent("发送给 1 位客户");
    expect(send).toBeDisabled();
    await user.type(screen.getByTestId("cover-message"), "白酒龙头估值回落，供您参考。");
    expect(send).toBeEnabled();

    await user.click(screen.getByTestId("confirm-elderly-C2"));
    expect(send).toHaveTextContent("发送给 2 位客户");
    expect(screen.getByTestId("check-confirmed-count")).toHaveTextContent("已确认 1 / 1");

    history = [queued];
    await user.click(send);
    await waitFor(() => expect(desk.drafts).toHaveLength(1));
    expect(desk.drafts[0]).toEqual({
      product_id: "P-001",
      cover_message: "白酒龙头估值回落，供您参考。",
      client_ids: ["C1", "C2"],
      elderly_confirmed: ["C2"],
    });
    expect(await screen.findByText("已加入待发送队列，将随下次同步发出")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId("compose-drawer")).not.toBeInTheDocument());
    const row = await screen.findByTestId("push-row-push-new");
    expect(row).toBeVisible();
    expect(within(row).getByText("待同步")).toBeInTheDocument();
    // The outbox grew: the status bar is told.
    expect(desk.calls("sync_status")).toBe(1);
  });

  it("keeps the unconfirmed elderly client out and asks for a new check once the recipients change", async () => {
    const desk = mockRecommend();
    const user = userEvent.setup();
    renderWithProviders(<RecommendPanel />);
    await composeAndCheck(user);
    await user.type(screen.getByTestId("cover-message"), "供参考");

    // Ticked and unticked again: only the allowed client goes.
    await user.click(screen.getByTestId("confirm-elderly-C2"));
    await user.click(screen.getByTestId("confirm-elderly-C2"));
    expect(screen.getByTestId("send-push")).toHaveTextContent("发送给 1 位客户");

    await user.click(screen.getByTestId("filter-tier-Diamond"));
    expect(screen.getByTestId("check-stale")).toHaveTextContent("推送对象已更改，请重新检查适当性");
    expect(screen.getByTestId("send-push")).toBeDisabled();
    await user.click(screen.getByTestId("check-suitability"));
    await waitFor(() => expect(screen.queryByTestId("check-stale")).not.toBeInTheDocument());
    expect(desk.selections.at(-1)?.query?.tiers).toEqual(["Gold", "Diamond"]);

    await user.click(screen.getByTestId("send-push"));
    await waitFor(() => expect(desk.drafts).toHaveLength(1));
    expect(desk.drafts[0]?.client_ids).toEqual(["C1"]);
    expect(desk.drafts[0]?.elderly_confirmed).toEqual([]);
  });

  it("shows why a send was refused and keeps everything the broker typed", async () => {
    const refusal = "推荐语不得含有“保本”等承诺收益的表述，请修改后再发送";
    const desk = mockRecommend((cmd, args) => {
      if (cmd !== "send_recommendation") return undefined;
      desk.drafts.push((args as { draft: PushDraft }).draft);
      return ipcReject({ code: "validation", message: refusal });
    });
    const user = userEvent.setup();
    renderWithProviders(<RecommendPanel />);
    await composeAndCheck(user);
    await user.type(screen.getByTestId("cover-message"), "这只产品保本，放心买");
    await user.click(screen.getByTestId("confirm-elderly-C2"));
    await user.click(screen.getByTestId("send-push"));

    expect(await screen.findByTestId("send-error")).toHaveTextContent(refusal);
    expect(desk.drafts).toHaveLength(1);
    expect(screen.getByTestId("compose-drawer")).toBeInTheDocument();
    expect(screen.getByTestId("cover-message")).toHaveValue("这只产品保本，放心买");
    expect(screen.getByTestId("confirm-elderly-C2")).toBeChecked();
    expect(screen.getByTestId("filter-tier-Gold")).toHaveAttribute("aria-checked", "true");
    expect(screen.getByTestId("filter-security")).toHaveValue(" 600519 ");
    expect(screen.getByTestId("send-push")).toHaveTextContent("发送给 2 位客户");
    expect(screen.queryByText("已加入待发送队列，将随下次同步发出")).not.toBeInTheDocument();
  });
});
