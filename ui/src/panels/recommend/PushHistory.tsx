import { ReloadOutlined } from "@ant-design/icons";
import { Button, Progress, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState, type HTMLAttributes } from "react";
import type { DeliveryCounts } from "../../bindings/DeliveryCounts";
import type { PushSummary } from "../../bindings/PushSummary";
import { useT, type Translate } from "../../i18n/context";
import type { MessageKey } from "../../i18n/messages";
import { formatCount, formatDateTime } from "../../lib/format";
import { PushDetailView } from "./PushDetailView";
import { ProductRiskTag, PushStateTag } from "./tags";

/** Counts shown beside the bar, in the order a message moves; zeros are left out. */
const COUNT_LABELS: ReadonlyArray<[keyof DeliveryCounts, MessageKey, string | undefined]> = [
  ["waiting", "delivery.waiting", undefined],
  ["sent", "delivery.sent", "processing"],
  ["delivered", "delivery.delivered", "cyan"],
  ["read", "delivery.read", "blue"],
  ["replied", "delivery.replied", "green"],
  ["failed", "delivery.failed", "red"],
  ["refused", "delivery.refused", "red"],
];

/** Reached the client: delivered, read or replied. */
export function reachedCount(counts: DeliveryCounts): number {
  return counts.delivered + counts.read + counts.replied;
}

function DeliveryProgress({ push }: { push: PushSummary }) {
  const t = useT();
  const reached = reachedCount(push.counts);
  const total = Math.max(push.recipients, 1);
  return (
    <div className="delivery-progress" data-testid={`delivery-progress-${push.id}`}>
      <Progress
        percent={Math.round((reached / total) * 100)}
        success={{ percent: Math.round(((push.counts.read + push.counts.replied) / total) * 100) }}
        size="small"
        showInfo={false}
        aria-label={t("delivery.progress", { reached, total: push.recipients })}
        style={{ width: 90, margin: 0 }}
      />
      <Space size={2} wrap>
        {COUNT_LABELS.filter(([field]) => push.counts[field] > 0).map(([field, label, color]) => (
          <Tag key={field} color={color} className="delivery-count" data-testid={`count-${field}`}>
            {t(label)} {push.counts[field]}
          </Tag>
        ))}
      </Space>
    </div>
  );
}

function historyColumns(t: Translate): ColumnsType<PushSummary> {
  return [
    {
      title: t("history.colSentAt"),
      key: "sent_at",
      width: 140,
      render: (_, p) => <span className="tabular">{formatDateTime(p.sent_at)}</span>,
    },
    {
      title: t("history.colProduct"),
      key: "product",
      render: (_, p) => (
        <div className="product-title-cell">
          <Typography.Text strong ellipsis>
            {p.product.title}
          </Typography.Text>
          <ProductRiskTag risk={p.product.risk} />
        </div>
      ),
    },
    {
      title: t("history.colRecipients"),
      key: "recipients",
      width: 80,
      align: "right",
      render: (_, p) => (
        <span className="tabular">{t("history.recipients", { count: formatCount(p.recipients) })}</span>
      ),
    },
    {
      title: t("history.colState"),
      key: "state",
      width: 120,
      render: (_, p) => <PushStateTag state={p.state} refusal={p.refusal} />,
    },
    {
      title: t("history.colDelivery"),
      key: "delivery",
      width: 330,
      render: (_, p) => <DeliveryProgress push={p} />,
    },
  ];
}

interface Props {
  /** Newest first, as `push_history` answers. */
  pushes: PushSummary[];
  onRefresh: () => void;
}

/** 推送记录: every push, newest first; a row opens what was sent and what became of it per client. */
export function PushHistory({ pushes, onRefresh }: Props) {
  const t = useT();
  const [expanded, setExpanded] = useState<readonly string[]>([]);
  const columns = useMemo(() => historyColumns(t), [t]);
  const toggle = (id: string) =>
    setExpanded((keys) => (keys.includes(id) ? keys.filter((k) => k !== id) : [...keys, id]));

  return (
    <div className="recommend-pane" data-testid="push-history">
      <div className="panel-toolbar">
        <Typography.Text type="secondary" className="tabular">
          {t("library.total", { total: formatCount(pushes.length) })}
        </Typography.Text>
        <span className="toolbar-spacer" />
        <Button icon={<ReloadOutlined />} onClick={onRefresh} data-testid="history-refresh">
          {t("history.refresh")}
        </Button>
      </div>
      <Table<PushSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={pushes}
        pagination={pushes.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t("history.empty") }}
        rowClassName={() => "clickable-row"}
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (_open, p) => toggle(p.id),
          expandedRowRender: (p) => <PushDetailView summary={p} />,
        }}
        onRow={(p) => {
          const attrs: Record<string, string> = { "data-testid": `push-row-${p.id}` };
          return { ...attrs, onClick: () => toggle(p.id) } as HTMLAttributes<HTMLElement>;
        }}
      />
    </div>
  );
}
