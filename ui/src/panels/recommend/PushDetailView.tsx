import { LockOutlined } from "@ant-design/icons";
import { Alert, Space, Spin, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useMemo, useState, type HTMLAttributes } from "react";
import { api, toIpcError } from "../../api";
import type { IpcError } from "../../bindings/IpcError";
import type { PushDetail } from "../../bindings/PushDetail";
import type { PushRecipientView } from "../../bindings/PushRecipientView";
import type { PushState } from "../../bindings/PushState";
import type { PushSummary } from "../../bindings/PushSummary";
import { useT, type Translate } from "../../i18n/context";
import { formatDateTime } from "../../lib/format";
import { ProductCard } from "./ProductCard";
import { DeliveryStatusTag, VerdictTag } from "./tags";

const text = (v: string | null) => (v ? <span className="service-text">{v}</span> : "—");

function recipientColumns(t: Translate, state: PushState): ColumnsType<PushRecipientView> {
  return [
    { title: t("detail.colClient"), dataIndex: "client_name", width: 110 },
    {
      title: t("detail.colVerdict"),
      key: "verdict",
      width: 180,
      render: (_, r) => (
        <Space size={4} wrap>
          <VerdictTag verdict={r.desk_verdict} />
          {r.elderly_confirmed && (
            <Tag color="orange" variant="outlined" style={{ marginInlineEnd: 0 }}>
              {t("detail.elderlyConfirmed")}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t("detail.colStatus"),
      key: "status",
      width: 110,
      render: (_, r) => (
        <DeliveryStatusTag status={r.status} state={state} testId={`delivery-status-${r.client_id}`} />
      ),
    },
    { title: t("detail.colReason"), dataIndex: "reason", render: text },
    { title: t("detail.colReply"), dataIndex: "reply", render: text },
    {
      title: t("detail.colUpdated"),
      key: "updated_at",
      width: 140,
      render: (_, r) => (r.updated_at ? <span className="tabular">{formatDateTime(r.updated_at)}</span> : "—"),
    },
  ];
}

/**
 * One push as sent (cover message and item, archived and read-only) and, per recipient, the
 * desk's verdict at sending and what became of the message. Loads again whenever the summary
 * changes, i.e. after a sync brought news of it.
 */
export function PushDetailView({ summary }: { summary: PushSummary }) {
  const t = useT();
  const [detail, setDetail] = useState<PushDetail | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const stamp = `${summary.state}|${summary.refusal ?? ""}|${JSON.stringify(summary.counts)}`;

  useEffect(() => {
    let active = true;
    api.pushDetail(summary.id).then(
      (loaded) => {
        if (!active) return;
        setDetail(loaded);
        setError(null);
      },
      (reason: unknown) => {
        if (active) setError(toIpcError(reason));
      },
    );
    return () => {
      active = false;
    };
  }, [summary.id, stamp]);

  const shown = detail?.summary ?? summary;
  const columns = useMemo(() => recipientColumns(t, shown.state), [t, shown.state]);

  return (
    <div className="push-detail" data-testid="push-detail">
      {shown.refusal && (
        <Alert
          type="error"
          showIcon
          title={t("push.state.refused")}
          description={shown.refusal}
          className="compose-alert"
          data-testid="push-refusal"
        />
      )}
      <div className="push-archive" data-testid="push-archive">
        <div className="push-archive-head">
          <Typography.Text strong>{t("detail.cover")}</Typography.Text>
          <Tag icon={<LockOutlined />} variant="filled" data-testid="push-archived">
            {t("detail.archived")}
          </Tag>
        </div>
        <Typography.Paragraph className="push-cover" data-testid="push-cover">
          {shown.cover_message}
        </Typography.Paragraph>
        <Typography.Text strong>{t("detail.product")}</Typography.Text>
        <ProductCard product={shown.product} testId="push-product" />
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("detail.loadFailed")}
          description={error.message}
          className="compose-alert"
          data-testid="push-detail-error"
        />
      )}
      {!detail && !error && (
        <div className="drawer-loading">
          <Spin />
        </div>
      )}
      {detail && (
        <Table<PushRecipientView>
          rowKey="client_id"
          size="small"
          columns={columns}
          dataSource={detail.recipients}
          pagination={detail.recipients.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          onRow={(r) => {
            const attrs: Record<string, string> = { "data-testid": `push-recipient-${r.client_id}` };
            return attrs as HTMLAttributes<HTMLElement>;
          }}
        />
      )}
    </div>
  );
}
