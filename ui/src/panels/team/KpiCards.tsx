import { Typography } from "antd";
import type { ReactNode } from "react";
import type { KpiFigures } from "../../bindings/KpiFigures";
import { useT } from "../../i18n/context";
import { formatCount, formatFen, formatSignedFen } from "../../lib/format";
import { coverageText, coverageTotal } from "../../lib/team";

interface Card {
  key: string;
  label: string;
  value: ReactNode;
  note?: string;
  /** Something needs the lead's attention (overdue items, open complaints). */
  warn?: boolean;
}

interface Props {
  figures: KpiFigures;
  /** Days the contact coverage counts back. */
  coverageDays: number;
  /** A unit's figures: the number of brokers they cover is shown. */
  unit?: boolean;
  testId: string;
}

const pair = (a: number, b: number) => `${formatCount(a)} / ${formatCount(b)}`;

/** A unit's or a broker's month at a glance: book, money, activity, coverage and what is overdue. */
export function KpiCards({ figures: f, coverageDays, unit = false, testId }: Props) {
  const t = useT();
  const coverage = coverageTotal(f.coverage);
  const overdue = f.overdue_reminders + f.overdue_tasks;

  const cards: Card[] = [
    {
      key: "clients",
      label: t("team.kpi.clients"),
      value: formatCount(f.clients),
      note: unit ? t("team.kpi.brokers", { count: formatCount(f.brokers) }) : undefined,
    },
    { key: "assets", label: t("team.kpi.assets"), value: formatFen(f.total_assets) },
    { key: "net-new", label: t("team.kpi.netNew"), value: formatSignedFen(f.net_new_assets) },
    { key: "net-commission", label: t("team.kpi.netCommission"), value: formatFen(f.net_commission) },
    { key: "active", label: t("team.kpi.active"), value: formatCount(f.active_clients) },
    { key: "dormant", label: t("team.kpi.dormant"), value: formatCount(f.dormant_clients) },
    {
      key: "coverage",
      label: t("team.kpi.coverage", { days: coverageDays }),
      value: coverageText(coverage),
      note: t("team.kpi.coverageDetail", {
        contacted: formatCount(coverage.contacted),
        clients: formatCount(coverage.clients),
      }),
    },
    {
      key: "overdue",
      label: t("team.kpi.overdue"),
      value: pair(f.overdue_reminders, f.overdue_tasks),
      warn: overdue > 0,
    },
    { key: "pushes", label: t("team.kpi.pushes"), value: pair(f.pushes_sent, f.recipients_blocked) },
    {
      key: "complaints",
      label: t("team.kpi.complaints"),
      value: formatCount(f.open_complaints),
      warn: f.open_complaints > 0,
    },
    { key: "transfers", label: t("team.kpi.transfers"), value: pair(f.transfers_in, f.transfers_out) },
  ];

  return (
    <div className="team-kpis" data-testid={testId}>
      {cards.map((c) => (
        <div key={c.key} className={c.warn ? "team-kpi team-kpi-warn" : "team-kpi"} data-testid={`team-kpi-${c.key}`}>
          <Typography.Text type="secondary" className="team-kpi-label">
            {c.label}
          </Typography.Text>
          <div className="team-kpi-value tabular">{c.value}</div>
          {c.note && (
            <Typography.Text type="secondary" className="team-kpi-note tabular">
              {c.note}
            </Typography.Text>
          )}
        </div>
      ))}
    </div>
  );
}
