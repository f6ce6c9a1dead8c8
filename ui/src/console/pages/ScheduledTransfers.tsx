import { Alert, App, Button, Card, Table, Typography } from "antd";
import { useState } from "react";
import type { ScheduledTransfer } from "../../bindings/ScheduledTransfer";
import { formatDateTime } from "../../lib/format";
import { PATHS, type ConsoleSession } from "../http";
import { ReasonDialog } from "../ReasonDialog";
import { waitingChange } from "./clientDialog";

function CancelDialog({
  session,
  transfer,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  transfer: ScheduledTransfer;
  onClose: () => void;
  onDone: (left: ScheduledTransfer[]) => void;
}) {
  return (
    <ReasonDialog
      title={transfer.share === null ? "撤销划转安排" : "撤销共享安排"}
      okText="撤销安排"
      reasonLabel="撤销原因（记入操作日志）"
      reasonMissing="请写明撤销原因"
      testId="scheduled-cancel"
      send={(reason) => session.post<ScheduledTransfer[]>(PATHS.scheduledTransferCancel, { id: transfer.id, reason })}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph>
        {transfer.client_name}（{transfer.client_id}）
        {transfer.share === null
          ? `原定 ${transfer.effective_on} 从 ${transfer.serving_broker_name} 划转给 ${transfer.to_broker_name}。撤销后客户留在现经纪人名下。`
          : `原定 ${transfer.effective_on} 起${waitingChange(transfer)}。撤销后客户仍由 ${transfer.serving_broker_name} 单独服务。`}
      </Typography.Paragraph>
    </ReasonDialog>
  );
}

/** 待生效的划转与共享: moves and shares set for a later day, each made at the start of its day unless called off. */
export function ScheduledTransfers({
  session,
  rows,
  error,
  onChanged,
}: {
  session: ConsoleSession;
  rows: ScheduledTransfer[];
  error: string | null;
  onChanged: (left: ScheduledTransfer[]) => void;
}) {
  const { message } = App.useApp();
  const [cancelling, setCancelling] = useState<ScheduledTransfer | null>(null);
  return (
    <Card size="small" title="待生效的划转与共享" style={{ marginTop: 16 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<ScheduledTransfer>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: "没有待生效的划转或共享：划转或共享客户时选择以后的生效日期，会列在这里" }}
        data-testid="scheduled-transfers"
        columns={[
          { title: "生效日期", dataIndex: "effective_on", width: 110 },
          { title: "客户", render: (_, t) => `${t.client_name}（${t.client_id}）` },
          { title: "现服务经纪人", render: (_, t) => `${t.serving_broker_name}（${t.serving_broker_id}）` },
          { title: "安排", render: (_, t) => waitingChange(t) },
          { title: "原因", dataIndex: "reason", ellipsis: true },
          { title: "安排人", render: (_, t) => `${t.requested_by_name} · ${formatDateTime(t.requested_at)}`, width: 200 },
          {
            title: "操作",
            width: 80,
            render: (_, t) => (
              <Button size="small" type="link" danger onClick={() => setCancelling(t)} data-testid="scheduled-cancel">
                撤销
              </Button>
            ),
          },
        ]}
      />
      {cancelling && (
        <CancelDialog
          session={session}
          transfer={cancelling}
          onClose={() => setCancelling(null)}
          onDone={(left) => {
            setCancelling(null);
            onChanged(left);
            void message.success(`已撤销 ${cancelling.client_name} 的${cancelling.share === null ? "划转" : "共享"}安排`);
          }}
        />
      )}
    </Card>
  );
}
