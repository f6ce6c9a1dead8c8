import { Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { HTMLAttributes } from "react";
import type { Tier } from "../../bindings/Tier";
import type { TierBands } from "../../bindings/TierBands";
import type { TierReport } from "../../bindings/TierReport";
import type { TierSummary } from "../../bindings/TierSummary";
import { compactYuan, percentFixed, percentText } from "../../charts";
import { TierTag } from "../../components/tags";
import { useT, type Translate } from "../../i18n/context";
import { formatCount, formatFen, sumFen } from "../../lib/format";

const yuan = (fen: number) => `¥${compactYuan(fen)}`;

/** The assets band of a tier as text: "≥ ¥1000万", "¥50万 – ¥200万", "< ¥10万". */
export function bandText(tier: Tier, bands: TierBands, t: Translate): string {
  switch (tier) {
    case "Diamond":
      return t("tiers.from", { from: yuan(bands.diamond_from) });
    case "Platinum":
      return t("tiers.range", { from: yuan(bands.platinum_from), to: yuan(bands.diamond_from) });
    case "Gold":
      return t("tiers.range", { from: yuan(bands.gold_from), to: yuan(bands.platinum_from) });
    case "Silver":
      return t("tiers.range", { from: yuan(bands.silver_from), to: yuan(bands.gold_from) });
    case "Standard":
      return t("tiers.below", { to: yuan(bands.silver_from) });
  }
}

/** 客户等级分布: clients and assets per tier, with the tiering policy. */
export function TierTable({ report }: { report: TierReport }) {
  const t = useT();
  const { policy, tiers } = report;
  const clients = tiers.reduce((n, s) => n + s.clients, 0);
  const assets = sumFen(tiers.map((s) => s.total_assets));
  const share = (part: number, whole: number) => (whole > 0 ? percentFixed(part / whole) : "—");

  const columns: ColumnsType<TierSummary> = [
    { title: t("tiers.tier"), dataIndex: "tier", width: 80, render: (v: Tier) => <TierTag tier={v} /> },
    {
      title: t("tiers.band"),
      key: "band",
      render: (_, s) => <span className="tabular">{bandText(s.tier, policy.bands, t)}</span>,
    },
    {
      title: t("tiers.clients"),
      dataIndex: "clients",
      align: "right",
      render: (v: number) => <span className="tabular">{formatCount(v)}</span>,
    },
    {
      title: t("tiers.clientShare"),
      key: "clientShare",
      align: "right",
      render: (_, s) => <span className="tabular">{share(s.clients, clients)}</span>,
    },
    {
      title: t("tiers.assets"),
      dataIndex: "total_assets",
      align: "right",
      render: (v: number) => <span className="tabular">{formatFen(v)}</span>,
    },
    {
      title: t("tiers.assetShare"),
      key: "assetShare",
      align: "right",
      render: (_, s) => <span className="tabular">{share(s.total_assets, assets)}</span>,
    },
  ];

  return (
    <div data-testid="tier-report">
      <Table<TierSummary>
        size="small"
        rowKey="tier"
        columns={columns}
        dataSource={tiers}
        pagination={false}
        onRow={(s) => ({ "data-testid": "tier-row", "data-tier": s.tier }) as HTMLAttributes<HTMLElement>}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <strong>{t("tiers.total")}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong className="tabular">{formatCount(clients)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} />
            <Table.Summary.Cell index={4} align="right">
              <strong className="tabular">{formatFen(assets)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} />
          </Table.Summary.Row>
        )}
      />
      <Typography.Paragraph type="secondary" className="profile-note" data-testid="tier-policy">
        {t("tiers.policy", {
          months: policy.window_months,
          pct: percentText(policy.hysteresis_bp / 10_000, 2),
        })}
      </Typography.Paragraph>
    </div>
  );
}
