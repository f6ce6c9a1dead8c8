import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ClientEventView } from "../../bindings/ClientEventView";
import { useT } from "../../i18n/context";
import { formatDateTime } from "../../lib/format";

/** 客户活动 on the 360°: the events the client was invited to, the answer and whether they came. */
export function ClientEvents({ events }: { events: ClientEventView[] }) {
  const t = useT();
  const columns: ColumnsType<ClientEventView> = [
    {
      title: t("events.when"),
      key: "when",
      width: 150,
      render: (_, e) => <span className="tabular">{formatDateTime(e.starts_at)}</span>,
    },
    {
      title: t("events.name"),
      key: "name",
      render: (_, e) => (
        <span>
          {e.title} <Tag>{t(`events.kind.${e.kind}`)}</Tag>
        </span>
      ),
    },
    { title: t("events.place"), dataIndex: "place", key: "place", ellipsis: true },
    {
      title: t("events.rsvp"),
      key: "rsvp",
      width: 110,
      render: (_, e) => (
        <span>
          {t(`events.rsvp.${e.rsvp}`)}
          {e.pending && <Tag color="orange">{t("events.pending")}</Tag>}
        </span>
      ),
    },
    {
      title: t("events.attended"),
      key: "attended",
      width: 70,
      render: (_, e) => (e.attended ? <Tag color="green">{t("events.attended")}</Tag> : "—"),
    },
  ];
  return (
    <>
      <Typography.Title level={5} className="profile-section">
        {t("events.profileTitle")}
      </Typography.Title>
      <Table<ClientEventView>
        size="small"
        rowKey="event_id"
        columns={columns}
        dataSource={events}
        pagination={false}
        locale={{ emptyText: t("events.profileEmpty") }}
        data-testid="client-events"
      />
    </>
  );
}
