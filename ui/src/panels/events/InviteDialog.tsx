import { Alert, App, Button, Typography } from "antd";
import { useState } from "react";
import { api, toIpcError } from "../../api";
import type { ClientQuery } from "../../bindings/ClientQuery";
import type { EventView } from "../../bindings/EventView";
import type { IpcError } from "../../bindings/IpcError";
import { FormDialog } from "../../components/Dialog";
import { announceLocalWrite } from "../../hooks/useSyncStatus";
import { useT } from "../../i18n/context";
import { RecipientPicker } from "../recommend/RecipientPicker";
import { EMPTY_RECIPIENT_FILTER, filterIsSet, recipientSelection, type PickedClient } from "../recommend/selection";

interface Props {
  event: EventView | null;
  onInvited: () => void;
  onCancel: () => void;
}

/** 邀请客户: the push's recipient picker (filters, saved filters, by hand) for an event. */
export function InviteDialog({ event, onInvited, onCancel }: Props) {
  const t = useT();
  return (
    <FormDialog
      open={event !== null}
      title={event ? t("events.inviteTitle", { title: event.title }) : ""}
      onCancel={onCancel}
      width={760}
    >
      {event && <InviteBody event={event} onInvited={onInvited} onCancel={onCancel} />}
    </FormDialog>
  );
}

function InviteBody({ event, onInvited, onCancel }: { event: EventView; onInvited: () => void; onCancel: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<ClientQuery>(EMPTY_RECIPIENT_FILTER);
  const [savedName, setSavedName] = useState<string | null>(null);
  const [picked, setPicked] = useState<PickedClient[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const chosen = picked.length > 0 || filterIsSet(filter);

  const send = () => {
    setSaving(true);
    setError(null);
    api.inviteToEvent(event.id, recipientSelection(picked, filter)).then(
      (count) => {
        setSaving(false);
        void message.success(t("events.invited", { count }));
        announceLocalWrite();
        onInvited();
      },
      (reason: unknown) => {
        setSaving(false);
        setError(toIpcError(reason));
      },
    );
  };

  return (
    <div className="event-invite" data-testid="event-invite">
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("events.inviteFailed")}
          description={error.message}
          className="complaint-error"
          data-testid="event-invite-error"
        />
      )}
      <RecipientPicker
        filter={filter}
        savedName={savedName}
        onFilter={(next, name) => {
          setFilter(next);
          setSavedName(name);
        }}
        picked={picked}
        onPicked={setPicked}
      />
      {!chosen && <Typography.Text type="secondary">{t("events.inviteNone")}</Typography.Text>}
      <div className="form-buttons">
        <Button onClick={onCancel} data-testid="event-invite-cancel">
          {t("events.cancel")}
        </Button>
        <Button type="primary" disabled={!chosen} loading={saving} onClick={send} data-testid="event-invite-submit">
          {t("events.inviteSubmit")}
        </Button>
      </div>
    </div>
  );
}
