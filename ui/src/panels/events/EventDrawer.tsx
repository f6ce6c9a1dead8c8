import { UserAddOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, Descriptions, Drawer, Select, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { type HTMLAttributes, useState } from "react";
import { api, toIpcError } from "../../api";
import type { EventView } from "../../bindings/EventView";
import type { InvitationView } from "../../bindings/InvitationView";
import type { IpcError } from "../../bindings/IpcError";
import type { Rsvp } from "../../bindings/Rsvp";
import { announceLocalWrite } from "../../hooks/useSyncStatus";
import { useLoaded } from "../../hooks/useLoaded";
import { useT } from "../../i18n/context";
import { formatDateTime } from "../../lib/format";
import { InviteDialog } from "./InviteDialog";
import { RSVPS } from "./eventLabels";

interface Props {
  event: EventView | null;
  /** Leads have no book of their own: nobody to invite. */
  canInvite: boolean;
  onClose: () => void;
  /** Something changed that the list counts. */
  onChanged: () => void;
}

/** One event: its details, this book's invited clients with their answers and attendance. */
export function EventDrawer({ event, canInvite, onClose, onChanged }: Props) {
  const t = useT();
  return (
    <Drawer
      open={event !== null}
      onClose={onClose}
      size="large"
      title={event ? t("events.detailTitle", { title: event.title }) : ""}
      destroyOnHidden
      data-testid="event-drawer"
    >
      {event && <EventDetail event={event} canInvite={canInvite} onChanged={onChanged} />}
    </Drawer>
  );
}

function EventDetail({ event, canInvite, onChanged }: { event: EventView; canInvite: boolean; onChanged: () => void }) {
  const t = useT();
  const [reloads, setReloads] = useState(0);
  const invitations = useLoaded(() => api.eventInvitations(event.id), `${event.id}|${reloads}`);
  const [inviting, setInviting] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const respond = (row: InvitationView, rsvp: Rsvp, attended: boolean) => {
    setBusy(row.client_id);
    setError(null);
    api.recordEventResponse({ event_id: event.id, client_id: row.client_id, rsvp, attended }).then(
      (rows) => {
        setBusy(null);
        invitations.set(rows);
        announceLocalWrite();
        onChanged();
      },
      (reason: unknown) => {
        setBusy(null);
        setError(toIpcError(reason));
      },
    );
  };

  const columns: ColumnsType<InvitationView> = [
    {
      title: t("events.client"),
      key: "client",
      render: (_, row) => (
        <span>
          {row.client_name} <Typography.Text type="secondary">{row.client_id}</Typography.Text>{" "}
          <Tag>{t(`tier.${row.tier}`)}</Tag>
          {row.pending && <Tag color="orange">{t("events.pending")}</Tag>}
        </span>
      ),
    },
    {
      title: t("events.rsvp"),
      key: "rsvp",
      width: 130,
      render: (_, row) => (
        <Select<Rsvp>
          size="small"
          style={{ width: 110 }}
          value={row.rsvp}
          disabled={busy === row.client_id}
          onChange={(rsvp) => respond(row, rsvp, row.attended)}
          options={RSVPS.map((r) => ({ value: r, label: t(`events.rsvp.${r}`) }))}
          data-testid={`rsvp-${row.client_id}`}
        />
      ),
    },
    {
      title: (
        <Tooltip title={t("events.attendHint")}>
          <span>{t("events.attended")}</span>
        </Tooltip>
      ),
      key: "attended",
      width: 80,
      render: (_, row) => (
        <Checkbox
          checked={row.attended}
          disabled={!event.started || busy === row.client_id}
          onChange={(e) => respond(row, row.rsvp === "declined" ? "accepted" : row.rsvp, e.target.checked)}
          data-testid={`attended-${row.client_id}`}
        />
      ),
    },
  ];

  return (
    <div className="event-detail" data-testid="event-detail">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t("events.formKind")}>{t(`events.kind.${event.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t("events.when")}>
          <span className="tabular">{formatDateTime(event.starts_at)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("events.place")}>{event.place}</Descriptions.Item>
        <Descriptions.Item label={t("events.organizer")}>{event.organizer_name}</Descriptions.Item>
        <Descriptions.Item label={t("events.seats")}>
          <span className="tabular" data-testid="event-seats">
            {event.accepted} / {event.capacity}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t("events.attended")}>
          <span className="tabular">{event.attended}</span>
        </Descriptions.Item>
        {event.description && (
          <Descriptions.Item label={t("events.formDescription")} span={2}>
            {event.description}
          </Descriptions.Item>
        )}
      </Descriptions>
      <div className="section-head event-invitees-head">
        <Typography.Title level={5} className="profile-section">
          {t("events.invitees")}
        </Typography.Title>
        {canInvite && (
          <Tooltip title={event.started ? t("events.inviteClosed") : undefined}>
            <Button
              size="small"
              icon={<UserAddOutlined />}
              disabled={event.started}
              onClick={() => setInviting(true)}
              data-testid="event-invite-open"
            >
              {t("events.invite")}
            </Button>
          </Tooltip>
        )}
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("events.responseFailed")}
          description={error.message}
          className="complaint-error"
          data-testid="event-response-error"
        />
      )}
      {invitations.error && <Alert type="error" showIcon title={invitations.error.message} />}
      <Table<InvitationView>
        size="small"
        rowKey="client_id"
        columns={columns}
        dataSource={invitations.data ?? []}
        loading={invitations.loading && invitations.data === null}
        pagination={false}
        locale={{ emptyText: t("events.noInvitees") }}
        onRow={(row) => ({ "data-id": row.client_id }) as HTMLAttributes<HTMLElement>}
        data-testid="event-invitations"
      />
      <InviteDialog
        event={inviting ? event : null}
        onCancel={() => setInviting(false)}
        onInvited={() => {
          setInviting(false);
          setReloads((n) => n + 1);
          onChanged();
        }}
      />
    </div>
  );
}
