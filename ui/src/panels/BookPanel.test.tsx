import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ContributionReport } from "../bindings/ContributionReport";
import type { TierReport } from "../bindings/TierReport";
import { accessEntry, ipcReject } from "../test/fixtures";
import { mockDesk } from "../test/mockDesk";
import { renderWithProviders } from "../test/render";
import { AuditPanel } from "./AuditPanel";
import { BookPanel } from "./BookPanel";

// 10 clients; the first two bring 80 % of ¥10,000.00.
const contribution: ContributionReport = {
  since: "2023-04-01",
  total: 1_000_000,
  clients: [
    { client_id: "C1", name: "张三", tier: "Diamond", net_commission: 500_000 },
    { client_id: "C2", name: "李四", tier: "Gold", net_commission: 300_000 },
    ...Array.from({ length: 8 }, (_, i) => ({
      client_id: `C${i + 3}`,
      name: `客户${i + 3}`,
      tier: "Standard" as const,
      net_commission: 25_000,
    })),
  ],
  clients_for_80: 2,
};

const tiers: TierReport = {
  policy: {
    bands: {
      silver_from: 10_000_000,
      gold_from: 50_000_000,
      platinum_from: 200_000_000,
      diamond_from: 1_000_000_000,
    },
    window_months: 3,
    hysteresis_bp: 1000,
  },
  tiers: [
    { tier: "Diamond", clients: 1, total_assets: 1_500_000_000 },
    { tier: "Platinum", clients: 0, total_assets: 0 },
    { tier: "Gold", clients: 1, total_assets: 80_000_000 },
    { tier: "Silver", clients: 0, total_assets: 0 },
    { tier: "Standard", clients: 8, total_assets: 20_000_000 },
  ],
};

describe("BookPanel", () => {
  it("states who brings 80% of net commission, with the Pareto chart, ranking and tiers", async () => {
    mockDesk((cmd) => (cmd === "contribution" ? contribution : cmd === "tier_report" ? tiers : undefined));
    renderWithProviders(<BookPanel />);

    expect(await screen.findByTestId("book-headline")).toHaveTextContent(
      "前 2 位客户（占 20%）贡献了 80% 的净佣金",
    );
    expect(screen.getByTestId("book-panel")).toBeInTheDocument();
    expect(screen.getByTestId("pareto-chart")).toBeInTheDocument();
    expect(screen.getByTestId("book-total")).toHaveTextContent("¥10,000.00");

    const rows = screen.getAllByTestId("contribution-row");
    expect(rows).toHaveLength(10);
    expect(within(rows[0]).getByText("张三")).toBeInTheDocument();
    expect(within(rows[0]).getByText("核心客户")).toBeInTheDocument();
    expect(within(rows[1]).getByText("30.0%")).toBeInTheDocument();
    expect(within(rows[1]).getByText("80.0%")).toBeInTheDocument();
    expect(within(rows[2]).queryByText("核心客户")).not.toBeInTheDocument();

    const diamond = screen.getAllByTestId("tier-row")[0];
    expect(within(diamond).getByText("≥ ¥1000万")).toBeInTheDocument();
    expect(within(screen.getAllByTestId("tier-row")[2]).getByText("¥50万 – ¥200万")).toBeInTheDocument();
    expect(screen.getByTestId("tier-policy")).toHaveTextContent("近 3 个月");
    expect(screen.getByTestId("tier-policy")).toHaveTextContent("降级缓冲 10%");
  });

  it("shows the error when the report cannot load", async () => {
    mockDesk((cmd) =>
      cmd === "contribution" ? ipcReject({ code: "storage", message: "本机数据读取失败" }) : cmd === "tier_report" ? tiers : undefined,
    );
    renderWithProviders(<BookPanel />);
    expect(await screen.findByTestId("book-error")).toHaveTextContent("本机数据读取失败");
  });
});

describe("AuditPanel", () => {
  it("lists the desk's reveals and exports with their reason and sync state", async () => {
    mockDesk((cmd) =>
      cmd === "access_log"
        ? [
            accessEntry(),
            accessEntry({
              id: "L2",
              action: "export",
              client_id: null,
              client_name: null,
              field: null,
              reason: "季度回访名单",
              detail: "导出客户名单 120 条（XLSX，个人信息已脱敏）",
              pending: false,
            }),
          ]
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<AuditPanel />);

    const entries = await screen.findAllByTestId("audit-entry");
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent("查看身份证号");
    expect(entries[0]).toHaveTextContent("张三");
    expect(entries[0]).toHaveTextContent("待同步");
    expect(entries[1]).toHaveTextContent("导出客户名单 120 条");
    expect(entries[1]).toHaveTextContent("已同步");
    expect(screen.getByTestId("audit-pending")).toHaveTextContent("1 条待同步至总部");

    await user.click(within(entries[0]).getByText("张三"));
    expect(await screen.findByTestId("profile-id-number")).toBeInTheDocument();
  });
});
