import { SendOutlined } from "@ant-design/icons";
import { Alert, Button, Input, Spin, Tag, Typography } from "antd";
import { Dialog } from "../Dialog";
import { useState, type KeyboardEvent, type ReactNode } from "react";
import { toIpcError } from "../../api";
import type { CommentSubject } from "../../bindings/CommentSubject";
import type { IpcError } from "../../bindings/IpcError";
import { useLoaded } from "../../hooks/useLoaded";
import { useT } from "../../i18n/context";
import { formatDateTime } from "../../lib/format";
import { useCurrentUser } from "../currentUser";
import { useBrokerThread, useTeamThread, type ThreadMessage, type ThreadSource } from "./threadSource";

/** The backend refuses longer messages. */
export const THREAD_BODY_MAX = 1000;

function Message({ message, mine }: { message: ThreadMessage; mine: boolean }) {
  const t = useT();
  return (
    <li
      className={`thread-message${mine ? " thread-message-mine" : ""}`}
      data-testid="thread-message"
      data-id={message.id}
    >
      <div className="thread-message-head">
        <Typography.Text strong data-testid="thread-author">
          {message.author}
        </Typography.Text>
        <Typography.Text type="secondary" className="tabular" data-testid="thread-time">
          {formatDateTime(message.at)}
        </Typography.Text>
        {message.pending && (
          <Tag color="orange" variant="outlined" data-testid="thread-pending">
            {t("thread.pending")}
          </Tag>
        )}
      </div>
      <div className="thread-body">{message.body}</div>
    </li>
  );
}

/**
 * 内部交流: the messages of a thread, oldest first (author, Beijing time, 待同步 while only on this
 * desk), and a box to add one. An empty message is refused here; a refusal of the command keeps
 * what was typed.
 */
export function Thread({ source }: { source: ThreadSource }) {
  const t = useT();
  const me = useCurrentUser();
  const thread = useLoaded(source.load, source.key);
  const [body, setBody] = useState("");
  const [empty, setEmpty] = useState(false);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<IpcError | null>(null);
  const messages = thread.data;

  const send = () => {
    const text = body.trim();
    if (text === "") {
      setEmpty(true);
      return;
    }
    setSending(true);
    setSendError(null);
    source.send(text).then(
      (next) => {
        setSending(false);
        setBody("");
        thread.set(next);
      },
      (reason: unknown) => {
        setSending(false);
        setSendError(toIpcError(reason));
      },
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!sending) send();
    }
  };

  return (
    <div className="thread" data-testid="thread">
      {thread.error && (
        <Alert
          type="error"
          showIcon
          title={t("thread.loadFailed")}
          description={thread.error.message}
          data-testid="thread-error"
        />
      )}
      {messages === null ? (
        thread.loading && <Spin size="small" className="thread-loading" />
      ) : messages.length === 0 ? (
        <Typography.Text type="secondary" className="thread-empty" data-testid="thread-empty">
          {t("thread.empty")}
        </Typography.Text>
      ) : (
        <ol className="thread-messages">
          {messages.map((m) => (
            <Message key={m.id} message={m} mine={me !== null && me.user_id === m.authorId} />
          ))}
        </ol>
      )}
      {sendError && (
        <Alert
          type="error"
          showIcon
          title={t("thread.sendFailed")}
          description={sendError.message}
          data-testid="thread-send-error"
        />
      )}
      <div className="thread-compose">
        <Input.TextArea
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            if (e.target.value.trim() !== "") setEmpty(false);
          }}
          onKeyDown={onKeyDown}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={THREAD_BODY_MAX}
          placeholder={t("thread.placeholder")}
          status={empty ? "error" : undefined}
          aria-label={t("thread.title")}
          data-testid="thread-input"
        />
        <div className="thread-compose-foot">
          {empty && (
            <Typography.Text type="danger" className="thread-hint" data-testid="thread-hint">
              {t("thread.bodyRequired")}
            </Typography.Text>
          )}
          <Button
            type="primary"
            size="small"
            icon={<SendOutlined />}
            loading={sending}
            onClick={send}
            data-testid="thread-send"
          >
            {t("thread.send")}
          </Button>
        </div>
      </div>
    </div>
  );
}

interface SubjectProps {
  subject: CommentSubject;
  subjectId: string;
}

/** The broker's thread on their task or transfer request, from the desk's cache. */
export function BrokerThread({ subject, subjectId }: SubjectProps) {
  const source = useBrokerThread(subject, subjectId);
  return <Thread source={source} />;
}

/** A lead's thread, from head office. */
export function TeamThread({ subject, subjectId }: SubjectProps) {
  const source = useTeamThread(subject, subjectId);
  return <Thread source={source} />;
}

interface ModalProps {
  /** The modal is closed when null. */
  title: string | null;
  onClose: () => void;
  children: ReactNode;
}

/** A thread in a small modal, e.g. from a 留言 button. */
export function ThreadModal({ title, onClose, children }: ModalProps) {
  // The title stays while the modal closes.
  const [shown, setShown] = useState(title);
  if (title !== null && title !== shown) setShown(title);
  return (
    <Dialog open={title !== null} title={shown} onCancel={onClose} footer={null} destroyOnHidden width={560}>
      <div data-testid="thread-modal">{title !== null && children}</div>
    </Dialog>
  );
}
