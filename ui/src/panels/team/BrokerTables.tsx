import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { HTMLAttributes } from "react";
import type { CaseStatus } from "../../bindings/CaseStatus";
import type { ComplaintCategory } from "../../bindings/ComplaintCategory";
import type { MaskedClient } from "../../bindings/MaskedClient";
import type { OpenComplaint } from "../../bindings/OpenComplaint";
import type { SatisfactionPoint } from "../../bindings/SatisfactionPoint";
import type { OverdueItem } from "../../bindings/OverdueItem";
import type { Tier } from "../../bindings/Tier";
import type { TierCoverage } from "../../bindings/TierCoverage";
import { TierTag } from "../../components/tags";
import { useT } from "../../i18n/context";
import { formatCount, formatFen, formatInstantDate } from "../../lib/format";
import { coverageText } from "../../lib/team";

const rowTestId = (id: string) => () => ({ "data-testid": id }) as HTMLAttributes<HTMLElement>;

/** Of each tier's clients, how many were contacted in the coverage window. */
export function TierCoverageTable({ coverage }: { coverage: TierCoverage[] }) {
  const t = useT();
  const columns: ColumnsType<TierCoverage> = [
    { title: t("team.tier"), dataIndex: "tier", render: (v: Tier) => <TierTag tier={v} /> },
    { title: t("team.tierClients"), dataIndex: "clients", align: "right", render: (v: number) => formatCount(v) },
    { title: t("team.tierContacted"), dataIndex: "contacted", align: "right", render: (v: number) => formatCount(v) },
    { title: t("team.tierRate"), key: "rate", align: "right", render: (_, r) => coverageText(r) },
  ];
  return (
    <Table<TierCoverage>
      size="small"
      rowKey="tier"
      columns={columns}
      dataSource={coverage}
      pagination={false}
      className="tabular"
      onRow={rowTestId("team-tier-row")}
      data-testid="team-tier-coverage"
    />
  );
}

/** The broker's largest clients as a lead may see them: the mobile masked, nothing to reveal. */
export function TopClients({ clients }: { clients: MaskedClient[] }) {
  const t = useT();
  const columns: ColumnsType<MaskedClient> = [
    { title: t("team.client.name"), dataIndex: "name", render: (v: string) => <span className="client-name">{v}</span> },
    {
      title: t("team.client.mobile"),
      dataIndex: "mobile_masked",
      render: (v: string) => (
        <span className="tabular" data-testid="team-client-mobile">
          {v}
        </span>
      ),
    },
    { title: t("team.client.tier"), dataIndex: "tier", render: (v: Tier) => <TierTag tier={v} /> },
    {
      title: t("team.client.assets"),
      dataIndex: "total_assets",
      align: "right",
      render: (v: number) => <span className="tabular">{formatFen(v)}</span>,
    },
    {
      title: t("team.client.net"),
      dataIndex: "net_commission",
      align: "right",
      render: (v: number) => <span className="tabular">{formatFen(v)}</span>,
    },
    {
      title: t("team.client.lastContact"),
      dataIndex: "last_contact_at",
      render: (v: string | null) =>
        v === null ? (
          <Typography.Text type="secondary">{t("team.client.noContact")}</Typography.Text>
        ) : (
          <span className="tabular">{formatInstantDate(v)}</span>
        ),
    },
  ];
  return (
    <Table<MaskedClient>
      size="small"
      rowKey="client_id"
      columns={columns}
      dataSource={clients}
      pagination={false}
      locale={{ emptyText: t("team.topClientsEmpty") }}
      onRow={rowTestId("team-top-client")}
      data-testid="team-top-clients"
    />
  );
}

/** 提醒 or 任务; any other kind as the backend named it. */
function KindTag({ kind }: { kind: string }) {
  const t = useT();
  if (kind === "task") return <Tag color="purple">{t("team.overdue.task")}</Tag>;
  if (kind === "reminder") return <Tag color="blue">{t("team.overdue.reminder")}</Tag>;
  return <Tag>{kind}</Tag>;
}

type KeyedItem = OverdueItem & { key: string };

/** The broker's overdue reminders and tasks. */
export function OverdueList({ items }: { items: OverdueItem[] }) {
  const t = useT();
  // Two items may read alike (the same call twice): the position tells them apart.
  const rows: KeyedItem[] = items.map((item, i) => ({ ...item, key: String(i) }));
  const columns: ColumnsType<KeyedItem> = [
    { title: t("team.overdue.kind"), dataIndex: "kind", width: 72, render: (v: string) => <KindTag kind={v} /> },
    { title: t("team.overdue.title"), dataIndex: "title" },
    {
      title: t("team.overdue.due"),
      dataIndex: "due_on",
      width: 110,
      render: (v: string) => <Typography.Text type="danger" className="tabular">{v}</Typography.Text>,
    },
    {
      title: t("team.overdue.client"),
      dataIndex: "client_name",
      width: 100,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];
  return (
    <Table<KeyedItem>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false, size: "small" } : false}
      locale={{ emptyText: t("team.overdueEmpty") }}
      onRow={rowTestId("team-overdue-item")}
      data-testid="team-overdue"
    />
  );
}

/** Days left before the firm's deadline: red once past or due today, orange within two days. */
function DaysLeft({ days }: { days: number | null }) {
  const t = useT();
  if (days === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (days < 0) return <Tag color="red">{t("complaint.daysOver", { days: -days })}</Tag>;
  if (days === 0) return <Tag color="red">{t("complaint.dueToday")}</Tag>;
  return <Tag color={days <= 2 ? "orange" : "default"}>{t("complaint.daysLeft", { days })}</Tag>;
}

/** The broker's clients' complaints still open, soonest deadline first. */
export function OpenComplaints({ items }: { items: OpenComplaint[] }) {
  const t = useT();
  const columns: ColumnsType<OpenComplaint> = [
    {
      title: t("complaint.caseNo"),
      dataIndex: "case_no",
      width: 150,
      render: (v: string | null) => <span className="tabular">{v ?? "—"}</span>,
    },
    { title: t("team.overdue.client"), dataIndex: "client_name", width: 90 },
    {
      title: t("complaint.category"),
      dataIndex: "category",
      width: 110,
      render: (v: ComplaintCategory | null) => (v ? t(`complaint.category.${v}`) : "—"),
    },
    { title: t("complaint.words"), dataIndex: "summary", ellipsis: true },
    {
      title: t("service.status"),
      dataIndex: "status",
      width: 80,
      render: (v: CaseStatus) => <Tag color="blue">{t(`complaint.status.${v}`)}</Tag>,
    },
    { title: t("service.dueOn"), dataIndex: "due_on", width: 100, render: (v: string | null) => v ?? "—" },
    {
      title: t("team.complaints.left"),
      dataIndex: "days_left",
      width: 100,
      render: (v: number | null) => <DaysLeft days={v} />,
    },
  ];
  return (
    <Table<OpenComplaint>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={items.length > 8 ? { y: 320 } : undefined}
      locale={{ emptyText: t("team.complaints.empty") }}
      onRow={(item) =>
        ({ "data-testid": "team-complaint-item", "data-case": item.case_no ?? item.id }) as HTMLAttributes<HTMLElement>
      }
      data-testid="team-complaints"
    />
  );
}

/** The broker's return-visit scores by month: how many, the average out of 5, how many low. */
export function SatisfactionTrend({ points }: { points: SatisfactionPoint[] }) {
  const t = useT();
  const columns: ColumnsType<SatisfactionPoint> = [
    { title: t("team.satisfaction.month"), dataIndex: "month", render: (v: string) => <span className="tabular">{v.slice(0, 7)}</span> },
    { title: t("team.satisfaction.visits"), dataIndex: "visits", align: "right", render: (v: number) => formatCount(v) },
    {
      title: t("team.satisfaction.average"),
      dataIndex: "average_tenths",
      align: "right",
      render: (v: number) => (
        <Typography.Text type={v < 40 ? "danger" : undefined} className="tabular">
          {(v / 10).toFixed(1)}
        </Typography.Text>
      ),
    },
    {
      title: t("team.satisfaction.low"),
      dataIndex: "low",
      align: "right",
      render: (v: number) => (v > 0 ? <Tag color="volcano">{v}</Tag> : <span className="tabular">0</span>),
    },
  ];
  return (
    <Table<SatisfactionPoint>
      size="small"
      rowKey="month"
      columns={columns}
      dataSource={points}
      pagination={false}
      locale={{ emptyText: t("team.satisfaction.empty") }}
      onRow={rowTestId("team-satisfaction-month")}
      data-testid="team-satisfaction"
    />
  );
}
