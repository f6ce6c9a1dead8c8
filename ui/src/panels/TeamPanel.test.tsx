import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ipcReject } from "../test/fixtures";
import { teamDashboard } from "../test/teamFixtures";
import { renderWithProviders } from "../test/render";
import { freezeTeamClock, mockTeam } from "../test/teamDesk";
import { TeamPanel } from "./TeamPanel";

beforeEach(freezeTeamClock);
afterEach(() => {
  vi.useRealTimers();
});

const rowIds = () => screen.getAllByTestId("team-row").map((r) => `${r.dataset.kind}:${r.dataset.id}`);
const row = (id: string) => {
  const found = screen.getAllByTestId("team-row").find((r) => r.dataset.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};

describe("TeamPanel unit view", () => {
  it("shows the branch's totals and its direct reports from the cache", async () => {
    const desk = mockTeam();
    renderWithProviders(<TeamPanel />);

    const totals = await screen.findByTestId("team-totals");
    expect(within(totals).getByTestId("team-kpi-clients")).toHaveTextContent("客户数170");
    expect(within(totals).getByTestId("team-kpi-clients")).toHaveTextContent("4 位经纪人");
    expect(within(totals).getByTestId("team-kpi-assets")).toHaveTextContent("¥70,000,000.00");
    expect(within(totals).getByTestId("team-kpi-net-new")).toHaveTextContent("本月净流入+¥118,456.00");
    expect(within(totals).getByTestId("team-kpi-net-commission")).toHaveTextContent("¥118,000.00");
    expect(within(totals).getByTestId("team-kpi-coverage")).toHaveTextContent("近30天联系覆盖率54.7%");
    expect(within(totals).getByTestId("team-kpi-overdue")).toHaveTextContent("3 / 1");
    expect(within(totals).getByTestId("team-kpi-pushes")).toHaveTextContent("7 / 1");
    expect(within(totals).getByTestId("team-kpi-transfers")).toHaveTextContent("2 / 3");

    expect(screen.getByTestId("team-unit-name")).toHaveTextContent("上海浦东营业部");
    expect(screen.getByTestId("team-month")).toHaveTextContent("2024年3月");
    expect(screen.getByTestId("team-taken-at")).toHaveTextContent("数据时间 2024-03-15 09:20");
    expect(rowIds()).toEqual(["unit:U1", "unit:U2", "broker:B3"]);
    expect(row("U1")).toHaveTextContent("财富管理一组 · 团队长 张三");
    expect(row("U1")).toHaveTextContent("¥88,000.00");
    expect(row("U1")).toHaveTextContent("60.8%");
    expect(row("U2")).toHaveTextContent("-¥5,000.00");
    expect(row("B3")).toHaveTextContent("赵六");
    expect(row("B3")).toHaveTextContent("—");
    for (const r of screen.getAllByTestId("team-row")) expect(within(r).getByTestId("sparkline")).toBeInTheDocument();
    const summary = screen.getByTestId("team-summary");
    expect(summary).toHaveTextContent("合计");
    expect(summary).toHaveTextContent("¥70,000,000.00");
    expect(summary).toHaveTextContent("¥118,000.00");
    expect(summary).toHaveTextContent("54.7%");

    const tree = screen.getByTestId("team-tree");
    expect(within(tree).getAllByTestId("team-tree-broker").map((b) => b.dataset.id)).toEqual(["B1", "B2", "B4", "B3"]);
    expect(desk.units).toEqual([null]);
    expect(desk.calls("refresh_team")).toBe(0);
  });

  it("drills into a unit from its row and back up by the breadcrumb", async () => {
    const desk = mockTeam();
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    await user.click(within(await screen.findByTestId("team-table")).getByText("财富管理一组 · 团队长 张三"));

    await waitFor(() => expect(rowIds()).toEqual(["broker:B1", "broker:B2"]));
    expect(desk.units).toEqual([null, "U1"]);
    expect(screen.getByTestId("team-unit-name")).toHaveTextContent("财富管理一组");
    expect(within(screen.getByTestId("team-totals")).getByTestId("team-kpi-clients")).toHaveTextContent("120");
    const crumbs = screen.getAllByTestId("team-crumb");
    expect(crumbs.map((c) => c.textContent)).toEqual(["上海浦东营业部", "财富管理一组"]);

    await user.click(crumbs[0]);
    await waitFor(() => expect(rowIds()).toEqual(["unit:U1", "unit:U2", "broker:B3"]));
    expect(desk.units).toEqual([null, "U1", "U0"]);
  });

  it("opens a unit from the tree, at any depth", async () => {
    const desk = mockTeam();
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    const tree = await screen.findByTestId("team-tree");
    const unit = within(tree)
      .getAllByTestId("team-tree-unit")
      .find((u) => u.dataset.id === "U3");
    await user.click(unit!);
    await waitFor(() => expect(desk.units).toEqual([null, "U3"]));
    // Not in this cache: said so, and the branch stays.
    expect(await screen.findByTestId("team-missing")).toBeInTheDocument();
    expect(rowIds()).toEqual(["unit:U1", "unit:U2", "broker:B3"]);
  });
});

describe("TeamPanel broker view", () => {
  it("shows a broker read-only with masked mobiles and nothing to reveal", async () => {
    const desk = mockTeam();
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    await user.click(within(await screen.findByTestId("team-table")).getByText("财富管理一组 · 团队长 张三"));
    await waitFor(() => expect(rowIds()).toContain("broker:B1"));
    await user.click(row("B1"));

    const view = await screen.findByTestId("team-broker");
    expect(desk.brokers).toEqual(["B1"]);
    expect(within(view).getByTestId("team-broker-name")).toHaveTextContent("王丽");
    expect(within(view).getByTestId("team-readonly")).toHaveTextContent("只读视图：客户信息已脱敏，不能查看明文");
    const clients = within(view).getByTestId("team-top-clients");
    const mobiles = within(clients).getAllByTestId("team-client-mobile").map((m) => m.textContent);
    expect(mobiles).toEqual(["138****5678", "139****1234"]);
    expect(within(clients).getByText("钻石")).toBeInTheDocument();
    expect(within(clients).getByText("无记录")).toBeInTheDocument();
    expect(within(view).queryByTestId(/reveal/)).not.toBeInTheDocument();
    expect(within(view).queryByRole("button", { name: /查看|显示|reveal/i })).not.toBeInTheDocument();

    const overdue = within(view).getAllByTestId("team-overdue-item");
    expect(overdue).toHaveLength(2);
    expect(overdue[0]).toHaveTextContent("提醒回访张三，确认调仓意向2024-03-12张三");
    expect(overdue[1]).toHaveTextContent("任务本周完成 5 位高净值客户回访2024-03-14—");
    const complaints = within(view).getAllByTestId("team-complaint-item");
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toHaveTextContent("TS20240310-000042张三适当性/销售");
    expect(complaints[0]).toHaveTextContent("处理中2024-03-17剩 2 天");
    const months = within(view).getAllByTestId("team-satisfaction-month");
    expect(months.map((m) => m.textContent)).toEqual(["2024-0264.50", "2024-0333.71"]);
    expect(within(view).getAllByTestId("team-tier-row")).toHaveLength(5);
    expect(within(view).getAllByTestId("team-trend-bar")).toHaveLength(6);

    await user.click(within(view).getByTestId("team-back"));
    await waitFor(() => expect(screen.queryByTestId("team-broker")).not.toBeInTheDocument());
    expect(desk.units.at(-1)).toBe("U1");
  });
});

describe("TeamPanel refresh", () => {
  it("refreshes an empty cache once on open and says so when offline", async () => {
    const desk = mockTeam((cmd) =>
      cmd === "team_dashboard"
        ? null
        : cmd === "refresh_team"
          ? ipcReject({ code: "offline", message: "无法连接总部" })
          : undefined,
    );
    renderWithProviders(<TeamPanel />);
    expect(await screen.findByText("尚无团队数据，请联网后点击刷新")).toBeInTheDocument();
    expect(await screen.findByTestId("team-offline")).toHaveTextContent("离线：无法连接总部");
    expect(desk.calls("refresh_team")).toBe(1);
    expect(screen.getByTestId("team-assign")).toBeDisabled();
  });

  it("shows what the first refresh brought", async () => {
    mockTeam((cmd) => (cmd === "team_dashboard" ? null : undefined));
    renderWithProviders(<TeamPanel />);
    await waitFor(() => expect(rowIds()).toEqual(["unit:U1", "unit:U2", "broker:B3"]));
    expect(screen.getByTestId("team-taken-at")).toHaveTextContent("数据时间 2024-03-15 11:55");
  });

  it("keeps the cached view when head office cannot be reached", async () => {
    const desk = mockTeam((cmd) =>
      cmd === "refresh_team" ? ipcReject({ code: "offline", message: "无法连接总部" }) : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    await screen.findByTestId("team-totals");
    await user.click(screen.getByTestId("team-refresh"));
    expect(await screen.findByTestId("team-offline")).toHaveTextContent("离线：显示的是 2024-03-15 09:20 的数据");
    expect(rowIds()).toEqual(["unit:U1", "unit:U2", "broker:B3"]);
    expect(desk.calls("refresh_team")).toBe(1);
  });

  it("shows the refreshed figures and their time", async () => {
    mockTeam((cmd) =>
      cmd === "refresh_team" ? teamDashboard({ taken_at: "2024-03-15T03:59:00Z", rows: [] }) : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    await screen.findByTestId("team-totals");
    await user.click(screen.getByTestId("team-refresh"));
    await waitFor(() => expect(screen.getByTestId("team-taken-at")).toHaveTextContent("2024-03-15 11:59"));
    expect(screen.queryAllByTestId("team-row")).toHaveLength(0);
    expect(screen.queryByTestId("team-offline")).not.toBeInTheDocument();
  });

  it("shows why the cache could not be read", async () => {
    mockTeam((cmd) =>
      cmd === "team_dashboard" ? ipcReject({ code: "storage", message: "本机数据读取失败" }) : undefined,
    );
    renderWithProviders(<TeamPanel />);
    const error = await screen.findByTestId("team-error");
    expect(error).toHaveTextContent("无法读取团队数据");
    expect(error).toHaveTextContent("本机数据读取失败");
  });
});
