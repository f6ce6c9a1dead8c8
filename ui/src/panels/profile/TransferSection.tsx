import { MessageOutlined, SwapOutlined } from "@ant-design/icons";
import { Button, Tooltip, Typography } from "antd";
import { useCallback, useState } from "react";
import { api } from "../../api";
import type { ClientProfile } from "../../bindings/ClientProfile";
import type { TransferRequestView } from "../../bindings/TransferRequestView";
import { BrokerThread } from "../../components/thread/Thread";
import { TransferDecisionText, TransferStatusTag, TransferUnsyncedTag } from "../../components/transferTags";
import { useSyncedList } from "../../hooks/useSyncedList";
import { useT } from "../../i18n/context";
import { formatDateTime } from "../../lib/format";
import { TransferModal } from "./TransferModal";

/** One request: how it stands, to whom, why, the decision, and its thread on demand. */
function TransferItem({ view }: { view: TransferRequestView }) {
  const t = useT();
  const [threadOpen, setThreadOpen] = useState(false);
  const { request, pending } = view;
  return (
    <li className="transfer-item" data-testid="transfer-item" data-id={request.id} data-status={request.status}>
      <div className="transfer-item-head">
        <TransferStatusTag status={request.status} />
        {pending && <TransferUnsyncedTag />}
        <Typography.Text strong data-testid="transfer-to-name">
          {t("transfer.toBroker", { name: request.to_broker_name })}
        </Typography.Text>
      </div>
      <div className="transfer-reason" data-testid="transfer-reason-text">
        {request.reason}
      </div>
      <Typography.Text type="secondary" className="tabular transfer-raised">
        {t("transfer.raisedAt", { time: formatDateTime(request.raised_at) })}
      </Typography.Text>
      <TransferDecisionText request={request} />
      <Button
        type="link"
        size="small"
        className="link-button"
        icon={<MessageOutlined />}
        aria-expanded={threadOpen}
        onClick={() => setThreadOpen((open) => !open)}
        data-testid="transfer-thread-open"
      >
        {t("thread.open")}
      </Button>
      {threadOpen && <BrokerThread subject="transfer" subjectId={request.id} />}
    </li>
  );
}

/**
 * 客户移交 in 客户360's rail: the client's transfer requests (read from the desk, again after each
 * sync) and 申请移交, disabled while one awaits a decision.
 */
export function TransferSection({ profile }: { profile: ClientProfile }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const load = useCallback(() => api.transferRequests(profile.id), [profile.id]);
  const { items, act } = useSyncedList(load, "transfer requests");
  const open = items.some((v) => v.request.status === "pending");

  const submit = (toBroker: string, reason: string) =>
    act(() => api.requestTransfer(profile.id, toBroker, reason));

  return (
    <section className="transfers" data-testid="transfer-section">
      <div className="contact-log-head">
        <Typography.Title level={5} className="profile-section">
          <SwapOutlined /> {t("transfer.title")}
        </Typography.Title>
        <Tooltip title={open ? t("transfer.pendingExists") : undefined}>
          <Button size="small" disabled={open} onClick={() => setAsking(true)} data-testid="transfer-request">
            {t("transfer.request")}
          </Button>
        </Tooltip>
      </div>
      <ul className="transfer-list" data-testid="transfer-list">
        {items.length === 0 ? (
          <li className="transfer-empty" data-testid="transfer-empty">
            <Typography.Text type="secondary">{t("transfer.empty")}</Typography.Text>
          </li>
        ) : (
          items.map((v) => <TransferItem key={v.request.id} view={v} />)
        )}
      </ul>
      <TransferModal
        open={asking}
        clientName={profile.name}
        submit={submit}
        onCancel={() => setAsking(false)}
        onDone={() => setAsking(false)}
      />
    </section>
  );
}
