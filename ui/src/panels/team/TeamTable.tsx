import { TeamOutlined, UserOutlined } from "@ant-design/icons";
import { Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { HTMLAttributes, ReactNode } from "react";
import type { KpiFigures } from "../../bindings/KpiFigures";
import type { TeamDashboard } from "../../bindings/TeamDashboard";
import type { TeamRow } from "../../bindings/TeamRow";
import type { TrendPoint } from "../../bindings/TrendPoint";
import { Sparkline } from "../../charts";
import { useT } from "../../i18n/context";
import { formatCount, formatFen, formatSignedFen } from "../../lib/format";
import { coverageRatio, coverageText, coverageTotal } from "../../lib/team";

interface Props {
  dashboard: TeamDashboard;
  onOpenUnit: (unitId: string) => void;
  onOpenBroker: (brokerId: string) => void;
}

const num = (text: string): ReactNode => <span className="tabular">{text}</span>;
const overdueOf = (f: KpiFigures) => f.overdue_reminders + f.overdue_tasks;
const trendValues = (trend: TrendPoint[]) => trend.map((p) => p.net_commission);

/** The figures' cells after the name, in column order; shared by the rows and the 合计 row. */
function figureCells(f: KpiFigures): ReactNode[] {
  return [
    num(formatCount(f.clients)),
    num(formatFen(f.total_assets)),
    num(formatFen(f.net_commission)),
    num(formatSignedFen(f.net_new_assets)),
    num(coverageText(coverageTotal(f.coverage))),
    num(formatCount(overdueOf(f))),
    num(formatCount(f.recipients_blocked)),
    num(formatCount(f.open_complaints)),
  ];
}

/**
 * The unit's direct reports, ranked by the month's net commission: child units with their leader
 * and brokers, each with its figures and six months of net commission. A click opens the unit or
 * the broker; the last row is the unit's whole subtree.
 */
export function TeamTable({ dashboard, onOpenUnit, onOpenBroker }: Props) {
  const t = useT();
  const nameOf = (r: TeamRow) =>
    r.kind === "unit" && r.leader_name ? t("team.unitWithLeader", { unit: r.name, leader: r.leader_name }) : r.name;
  const cell = (index: number) => (_: unknown, r: TeamRow) => figureCells(r.figures)[index];
  const figure = (
    key: string,
    title: string,
    index: number,
    sortBy: (f: KpiFigures) => number,
  ): ColumnsType<TeamRow>[number] => ({
    key,
    title,
    align: "right",
    render: cell(index),
    sorter: (a, b) => sortBy(a.figures) - sortBy(b.figures),
    sortDirections: ["descend", "ascend"],
  });

  const columns: ColumnsType<TeamRow> = [
    {
      key: "rank",
      title: t("team.col.rank"),
      dataIndex: "rank",
      width: 64,
      defaultSortOrder: "ascend",
      sorter: (a, b) => a.rank - b.rank,
      render: (v: number) => num(String(v)),
    },
    {
      key: "name",
      title: t("team.col.name"),
      render: (_, r) => (
        <span className="team-row-name">
          {r.kind === "unit" ? <TeamOutlined /> : <UserOutlined />}
          <Typography.Text strong={r.kind === "unit"}>{nameOf(r)}</Typography.Text>
        </span>
      ),
    },
    figure("clients", t("team.col.clients"), 0, (f) => f.clients),
    figure("assets", t("team.col.assets"), 1, (f) => f.total_assets),
    figure("net-commission", t("team.col.netCommission"), 2, (f) => f.net_commission),
    figure("net-new", t("team.col.netNew"), 3, (f) => f.net_new_assets),
    figure("coverage", t("team.col.coverage"), 4, (f) => coverageRatio(coverageTotal(f.coverage))),
    figure("overdue", t("team.col.overdue"), 5, overdueOf),
    figure("blocked", t("team.col.blocked"), 6, (f) => f.recipients_blocked),
    figure("complaints", t("team.col.complaints"), 7, (f) => f.open_complaints),
    {
      key: "trend",
      title: t("team.col.trend"),
      width: 100,
      render: (_, r) => (
        <Sparkline
          values={trendValues(r.trend)}
          width={80}
          height={22}
          ariaLabel={t("team.trendAria", { name: r.name, count: r.trend.length })}
        />
      ),
    },
  ];

  const totals = figureCells(dashboard.totals);
  return (
    <Table<TeamRow>
      size="small"
      rowKey={(r) => `${r.kind}:${r.id}`}
      columns={columns}
      dataSource={dashboard.rows}
      pagination={false}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("team.noRows") }}
      onRow={(r) =>
        ({
          "data-testid": "team-row",
          "data-id": r.id,
          "data-kind": r.kind,
          className: "clickable-row",
          onClick: () => (r.kind === "unit" ? onOpenUnit(r.id) : onOpenBroker(r.id)),
        }) as HTMLAttributes<HTMLElement>
      }
      summary={() => (
        <Table.Summary>
          <Table.Summary.Row className="team-summary" data-testid="team-summary">
            <Table.Summary.Cell index={0} />
            <Table.Summary.Cell index={1}>
              <Typography.Text strong>{t("team.total")}</Typography.Text>
            </Table.Summary.Cell>
            {totals.map((content, i) => (
              <Table.Summary.Cell key={i} index={i + 2} align="right">
                {content}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={totals.length + 2}>
              <Sparkline
                values={trendValues(dashboard.trend)}
                width={80}
                height={22}
                ariaLabel={t("team.trendAria", { name: dashboard.unit_name, count: dashboard.trend.length })}
              />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
      data-testid="team-table"
    />
  );
}
