import { Alert, Table, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useState, type HTMLAttributes } from "react";
import { api, toIpcError } from "../../api";
import type { ClientProfile } from "../../bindings/ClientProfile";
import type { ClientPushView } from "../../bindings/ClientPushView";
import type { IpcError } from "../../bindings/IpcError";
import { useT } from "../../i18n/context";
import { formatDateTime } from "../../lib/format";
import { DeliveryStatusTag, ProductRiskTag } from "../recommend/tags";

const text = (v: string | null) => (v ? <span className="service-text">{v}</span> : "—");

/**
 * 推荐记录: every item pushed to this client, newest first, with where the message is and the
 * client's reply. Loads again with each new profile (a finished sync reloads the profile).
 */
export function PushesTab({ profile }: { profile: ClientProfile }) {
  const t = useT();
  const [pushes, setPushes] = useState<ClientPushView[] | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => {
    let active = true;
    api.clientPushes(profile.id).then(
      (list) => {
        if (!active) return;
        setPushes(list);
        setError(null);
      },
      (reason: unknown) => {
        if (active) setError(toIpcError(reason));
      },
    );
    return () => {
      active = false;
    };
  }, [profile]);

  const columns: ColumnsType<ClientPushView> = [
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
          <Tooltip title={p.cover_message}>
            <Typography.Text strong>{p.product.title}</Typography.Text>
          </Tooltip>
          <ProductRiskTag risk={p.product.risk} />
        </div>
      ),
    },
    {
      title: t("detail.colStatus"),
      key: "status",
      width: 110,
      render: (_, p) => <DeliveryStatusTag status={p.status} state={p.state} />,
    },
    { title: t("detail.colReply"), dataIndex: "reply", render: text },
    { title: t("detail.colReason"), dataIndex: "reason", render: text },
  ];

  return (
    <div className="profile-tab" data-testid="profile-pushes">
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("clientPushes.loadFailed")}
          description={error.message}
          style={{ marginBottom: 12 }}
          data-testid="profile-pushes-error"
        />
      )}
      <Table<ClientPushView>
        size="small"
        rowKey="push_id"
        columns={columns}
        dataSource={pushes ?? []}
        loading={pushes === null && error === null}
        pagination={false}
        locale={{ emptyText: t("clientPushes.empty") }}
        onRow={(p) => {
          const attrs: Record<string, string> = { "data-testid": `client-push-${p.push_id}` };
          return attrs as HTMLAttributes<HTMLElement>;
        }}
      />
    </div>
  );
}
