import { Progress, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, type HTMLAttributes } from "react";
import type { ClientCommission } from "../../bindings/ClientCommission";
import { useT, type Translate } from "../../i18n/context";
import { formatCount, formatFen } from "../../lib/format";
import { basisPoints } from "./months";

interface Ranked extends ClientCommission {
  rank: number;
}

function columns(t: Translate): ColumnsType<Ranked> {
  const money = (v: number) => <span className="tabular">{formatFen(v)}</span>;
  return [
    {
      title: t("byClient.rank"),
      dataIndex: "rank",
      width: 56,
      render: (v: number) => <span className="tabular commission-rank">{v}</span>,
    },
    {
      title: t("byClient.client"),
      key: "client",
      ellipsis: true,
      render: (_, c) => (
        <span className="client-name-cell">
          <span className="client-name">{c.client_name}</span>
          <span className="client-id tabular">{c.client_id}</span>
        </span>
      ),
    },
    {
      title: t("byClient.trades"),
      dataIndex: "trades",
      align: "right",
      width: 84,
      render: (v: number) => <span className="tabular">{formatCount(v)}</span>,
    },
    { title: t("byClient.net"), dataIndex: "net_commission", align: "right", width: 120, render: money },
    {
      title: t("byClient.credited"),
      dataIndex: "credited",
      align: "right",
      width: 120,
      render: (v: number) => <strong className="tabular">{formatFen(v)}</strong>,
    },
    {
      title: t("byClient.share"),
      dataIndex: "share_bp",
      align: "right",
      width: 130,
      render: (v: number) => (
        <span className="commission-share">
          <Progress
            percent={Math.max(0, Math.min(100, v / 100))}
            showInfo={false}
            size="small"
            style={{ width: 48, margin: 0 }}
          />
          <span className="tabular">{basisPoints(v)}</span>
        </span>
      ),
    },
  ];
}

interface Props {
  /** Largest credit first, as `commission_month` answers. */
  clients: ClientCommission[];
  onOpen: (client: ClientCommission) => void;
}

/** 客户排名: each client's trades, net commission, the broker's credit and its share of the month. */
export function ClientRanking({ clients, onOpen }: Props) {
  const t = useT();
  const rows = useMemo(() => clients.map((c, i) => ({ ...c, rank: i + 1 })), [clients]);
  const cols = useMemo(() => columns(t), [t]);
  return (
    <Table<Ranked>
      size="small"
      rowKey="client_id"
      columns={cols}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false, size: "small" } : false}
      locale={{ emptyText: t("byClient.empty") }}
      rowClassName={() => "clickable-row"}
      onRow={(c) => {
        const attrs: Record<string, string> = { "data-testid": `client-row-${c.client_id}` };
        return { ...attrs, onClick: () => onOpen(c) } as HTMLAttributes<HTMLElement>;
      }}
      data-testid="commission-by-client"
    />
  );
}
