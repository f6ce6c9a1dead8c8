import { Button, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, type HTMLAttributes } from "react";
import type { ContributionReport } from "../../bindings/ContributionReport";
import type { Tier } from "../../bindings/Tier";
import { percentFixed } from "../../charts";
import { TierTag } from "../../components/tags";
import { useT } from "../../i18n/context";
import { formatFen } from "../../lib/format";

interface Ranked {
  rank: number;
  client_id: string;
  name: string;
  tier: Tier;
  net_commission: number;
  /** Running total of net commission up to this client, integer fen. */
  cumulative: number;
}

/** The clients in order with their rank and running total. */
function ranked(report: ContributionReport): Ranked[] {
  const rows: Ranked[] = [];
  let running = 0;
  for (const [i, c] of report.clients.entries()) {
    running += c.net_commission;
    rows.push({ ...c, rank: i + 1, cumulative: running });
  }
  return rows;
}

interface Props {
  report: ContributionReport;
  onOpenClient: (clientId: string) => void;
}

/** 客户贡献排名: each client's net commission, share and cumulative share; the 80% group marked. */
export function ContributionTable({ report, onOpenClient }: Props) {
  const t = useT();
  const rows = useMemo(() => ranked(report), [report]);
  const share = (fen: number) => (report.total > 0 ? percentFixed(fen / report.total) : "—");

  const columns: ColumnsType<Ranked> = [
    { title: t("book.rank"), dataIndex: "rank", width: 64, render: (v: number) => <span className="tabular">{v}</span> },
    {
      title: t("book.client"),
      key: "client",
      render: (_, r) => (
        <span className="book-client">
          <Button type="link" size="small" className="link-button" onClick={() => onOpenClient(r.client_id)}>
            {r.name}
          </Button>
          {r.rank <= report.clients_for_80 && (
            <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
              {t("book.core")}
            </Tag>
          )}
        </span>
      ),
    },
    { title: t("book.tier"), dataIndex: "tier", width: 80, render: (v: Tier) => <TierTag tier={v} /> },
    {
      title: t("book.net"),
      dataIndex: "net_commission",
      align: "right",
      render: (v: number) => <span className="tabular">{formatFen(v)}</span>,
    },
    {
      title: t("book.share"),
      key: "share",
      align: "right",
      width: 90,
      render: (_, r) => <span className="tabular">{share(r.net_commission)}</span>,
    },
    {
      title: t("book.cumulative"),
      key: "cumulative",
      align: "right",
      width: 100,
      render: (_, r) => <span className="tabular">{share(r.cumulative)}</span>,
    },
  ];

  return (
    <Table<Ranked>
      size="small"
      rowKey="client_id"
      columns={columns}
      dataSource={rows}
      pagination={{ pageSize: 20, showSizeChanger: false, size: "small" }}
      locale={{ emptyText: t("book.empty") }}
      onRow={() => ({ "data-testid": "contribution-row" }) as HTMLAttributes<HTMLElement>}
      data-testid="contribution-table"
    />
  );
}
