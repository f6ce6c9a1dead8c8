import { CheckOutlined, CloseOutlined, MessageOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Space, Spin, Typography } from "antd";
import { useState } from "react";
import type { TransferRequestRecord } from "../../bindings/TransferRequestRecord";
import { TeamThread, ThreadModal } from "../../components/thread/Thread";
import { TransferDecisionText, TransferStatusTag } from "../../components/transferTags";
import { useT } from "../../i18n/context";
import { formatDateTime } from "../../lib/format";
import { DecisionModal, type DecisionTarget } from "./DecisionModal";
import type { TeamTransfers } from "./useTeamTransfers";

interface RowProps {
  request: TransferRequestRecord;
  onDecide: (target: DecisionTarget) => void;
  onThread: (request: TransferRequestRecord) => void;
}

function TransferRow({ request, onDecide, onThread }: RowProps) {
  const t = useT();
  const pending = request.status === "pending";
  return (
    <li className="team-transfer" data-testid="team-transfer" data-id={request.id} data-status={request.status}>
      <div className="team-transfer-main">
        <div className="transfer-item-head">
          <TransferStatusTag status={request.status} />
          <Typography.Text strong data-testid="team-transfer-client">
            {request.client_name}
          </Typography.Text>
          <Typography.Text type="secondary" className="tabular">
            {request.client_id}
          </Typography.Text>
          <Typography.Text data-testid="team-transfer-route">
            {t("teamTransfer.route", { from: request.from_broker_name, to: request.to_broker_name })}
          </Typography.Text>
        </div>
        <div className="transfer-reason">{request.reason}</div>
        <Typography.Text type="secondary" className="tabular transfer-raised">
          {t("transfer.raisedAt", { time: formatDateTime(request.raised_at) })}
        </Typography.Text>
        <TransferDecisionText request={request} />
      </div>
      <Space size={4} className="team-transfer-actions">
        {pending && (
          <>
            <Button
              size="small"
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => onDecide({ request, approve: true })}
              data-testid="transfer-approve"
            >
              {t("teamTransfer.approve")}
            </Button>
            <Button
              size="small"
              danger
              icon={<CloseOutlined />}
              onClick={() => onDecide({ request, approve: false })}
              data-testid="transfer-reject"
            >
              {t("teamTransfer.reject")}
            </Button>
          </>
        )}
        <Button size="small" icon={<MessageOutlined />} onClick={() => onThread(request)} data-testid="transfer-thread-open">
          {t("thread.open")}
        </Button>
      </Space>
    </li>
  );
}

/**
 * 移交审批: the transfer requests of the lead's brokers from head office, pending first, with
 * 批准 / 驳回 and each request's thread. Offline, head office's message shows above what was loaded.
 */
export function TransferApprovals({ transfers }: { transfers: TeamTransfers }) {
  const t = useT();
  const [deciding, setDeciding] = useState<DecisionTarget | null>(null);
  const [thread, setThread] = useState<TransferRequestRecord | null>(null);
  const { items, loaded, loading, error } = transfers;

  return (
    <div className="team-transfers" data-testid="team-transfers">
      <div className="panel-toolbar">
        <Typography.Text type="secondary">{t("teamTransfer.hint")}</Typography.Text>
        <span className="toolbar-spacer" />
        <Button icon={<ReloadOutlined />} loading={loading} onClick={transfers.load} data-testid="team-transfers-refresh">
          {t("teamTransfer.refresh")}
        </Button>
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          className="team-alert"
          title={t("teamTransfer.loadFailed")}
          description={error.message}
          data-testid="team-transfers-error"
        />
      )}
      {items.length > 0 ? (
        <ul className="team-transfer-list">
          {items.map((r) => (
            <TransferRow key={r.id} request={r} onDecide={setDeciding} onThread={setThread} />
          ))}
        </ul>
      ) : !loaded ? (
        <div className="team-empty">
          <Spin />
        </div>
      ) : (
        !error && <Empty description={t("teamTransfer.empty")} data-testid="team-transfers-empty" />
      )}
      <DecisionModal target={deciding} onDecide={transfers.decide} onClose={() => setDeciding(null)} />
      <ThreadModal
        title={thread && t("thread.transferTitle", { client: thread.client_name })}
        onClose={() => setThread(null)}
      >
        {thread && <TeamThread subject="transfer" subjectId={thread.id} />}
      </ThreadModal>
    </div>
  );
}
