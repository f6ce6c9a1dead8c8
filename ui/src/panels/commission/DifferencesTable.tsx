import { ExclamationCircleOutlined } from "@ant-design/icons";
import { Button, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, type HTMLAttributes } from "react";
import type { DisputeView } from "../../bindings/DisputeView";
import type { Fen } from "../../bindings/Fen";
import type { LineDifference } from "../../bindings/LineDifference";
import { useT, type Translate } from "../../i18n/context";
import { formatDateTime, formatFen, formatSignedFen } from "../../lib/format";
import { DifferenceKindTag, DisputeStatusTag } from "./tags";

/** Head office's credit less the desk's, a side it lacks counting as nothing. */
export function lineDifference(d: LineDifference): Fen {
  return (d.official_credited ?? 0) - (d.desk_credited ?? 0);
}

function pair(desk: Fen | null, official: Fen | null) {
  const text = (v: Fen | null) => (v === null ? "—" : formatFen(v));
  return (
    <span className="tabular reconcile-pair">
      <span>{text(desk)}</span>
      <Typography.Text type="secondary"> / </Typography.Text>
      <span>{text(official)}</span>
    </span>
  );
}

function differenceColumns(
  t: Translate,
  disputeOf: (tradeId: string) => DisputeView | undefined,
  onDispute: (d: LineDifference) => void,
): ColumnsType<LineDifference> {
  return [
    {
      title: t("reconcile.kind"),
      dataIndex: "kind",
      width: 96,
      render: (_, d) => <DifferenceKindTag kind={d.kind} />,
    },
    {
      title: t("reconcile.time"),
      dataIndex: "traded_at",
      width: 128,
      render: (v: string) => <span className="tabular">{formatDateTime(v)}</span>,
    },
    {
      title: t("reconcile.client"),
      key: "client",
      render: (_, d) => (
        <span className="client-name-cell">
          <span className="client-name">{d.client_name}</span>
          <span className="client-id tabular">{d.client_id}</span>
        </span>
      ),
    },
    {
      title: t("reconcile.code"),
      dataIndex: "security_code",
      width: 84,
      render: (v: string) => <span className="tabular">{v}</span>,
    },
    {
      title: t("reconcile.net"),
      key: "net",
      align: "right",
      width: 160,
      render: (_, d) => pair(d.desk_net, d.official_net),
    },
    {
      title: t("reconcile.credited"),
      key: "credited",
      align: "right",
      width: 160,
      render: (_, d) => pair(d.desk_credited, d.official_credited),
    },
    {
      title: t("reconcile.lineDiff"),
      key: "diff",
      align: "right",
      width: 100,
      render: (_, d) => <strong className="tabular">{formatSignedFen(lineDifference(d))}</strong>,
    },
    {
      title: t("reconcile.dispute"),
      key: "dispute",
      width: 110,
      align: "center",
      render: (_, d) => {
        if (d.dispute !== null) {
          // The line knows the status; the dispute itself knows whether it has left the desk.
          return <DisputeStatusTag status={d.dispute} pending={disputeOf(d.trade_id)?.pending ?? false} />;
        }
        return (
          <Button
            size="small"
            icon={<ExclamationCircleOutlined />}
            onClick={() => onDispute(d)}
            data-testid={`dispute-${d.trade_id}`}
          >
            {t("dispute.raise")}
          </Button>
        );
      },
    },
  ];
}

interface Props {
  differences: LineDifference[];
  disputes: DisputeView[];
  onDispute: (d: LineDifference) => void;
}

/** 差异明细: each trade the desk and the statement disagree on, with its dispute or a button to raise one. */
export function DifferencesTable({ differences, disputes, onDispute }: Props) {
  const t = useT();
  const columns = useMemo(() => {
    // The newest dispute of each trade: disputes come newest first.
    const byTrade = new Map<string, DisputeView>();
    for (const d of disputes) if (d.trade_id !== null && !byTrade.has(d.trade_id)) byTrade.set(d.trade_id, d);
    return differenceColumns(t, (id) => byTrade.get(id), onDispute);
  }, [t, disputes, onDispute]);
  return (
    <Table<LineDifference>
      size="small"
      rowKey="trade_id"
      columns={columns}
      dataSource={differences}
      pagination={differences.length > 20 ? { pageSize: 20, showSizeChanger: false, size: "small" } : false}
      onRow={(d) => ({ "data-testid": `reconcile-diff-${d.trade_id}` }) as HTMLAttributes<HTMLElement>}
      data-testid="reconcile-differences"
    />
  );
}
