import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { type HTMLAttributes, useState } from "react";
import { api } from "../api";
import type { EventView } from "../bindings/EventView";
import { useCurrentUser } from "../components/currentUser";
import { useAgendaReloads } from "../hooks/useAgendaReloads";
import { useLoaded } from "../hooks/useLoaded";
import { useT } from "../i18n/context";
import { formatDateTime } from "../lib/format";
import { EventDrawer } from "./events/EventDrawer";
import { EventForm } from "./events/EventForm";
import { leadsTeam } from "./registry";

const loadEvents = () => api.events();

/**
 * 客户活动: the firm's events (to come first), each with its seats and this book's invitations;
 * 新建活动, and a drawer per event to invite clients and record who signed up and who came.
 * Loaded again after every sync (counts come from head office) and after every change made here.
 */
export function EventsPanel() {
  const t = useT();
  const user = useCurrentUser();
  const { reloads, reload } = useAgendaReloads();
  const [changes, setChanges] = useState(0);
  const events = useLoaded(loadEvents, `${reloads}|${changes}`);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = events.data ?? [];
  const open = list.find((e) => e.id === openId) ?? null;

  const columns: ColumnsType<EventView> = [
    {
      title: t("events.when"),
      key: "when",
      width: 150,
      render: (_, e) => (
        <span className="tabular">
          {formatDateTime(e.starts_at)}
          {e.started && (
            <Tag className="event-started" bordered={false}>
              {t("events.started")}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t("events.name"),
      key: "name",
      render: (_, e) => (
        <span>
          <Typography.Text strong>{e.title}</Typography.Text> <Tag color="blue">{t(`events.kind.${e.kind}`)}</Tag>
          {e.mine && <Tag color="geekblue">{t("events.mineTag")}</Tag>}
          {e.pending && <Tag color="orange">{t("events.pending")}</Tag>}
        </span>
      ),
    },
    { title: t("events.place"), dataIndex: "place", key: "place", ellipsis: true },
    { title: t("events.organizer"), dataIndex: "organizer_name", key: "organizer", width: 110 },
    {
      title: t("events.seats"),
      key: "seats",
      width: 120,
      render: (_, e) => (
        <span className="tabular" data-testid="event-row-seats">
          {e.accepted} / {e.capacity}
          {e.accepted >= e.capacity && (
            <Tag color="red" className="event-full">
              {t("events.full")}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t("events.mine"),
      key: "mine",
      width: 210,
      render: (_, e) => (
        <span className="tabular" data-testid="event-row-mine">
          {e.my_invited} / {e.my_accepted} / {e.my_attended}
        </span>
      ),
    },
  ];

  return (
    <div className="panel events-panel" data-testid="events-panel">
      <div className="panel-toolbar">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("events.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("events.hint")}</Typography.Text>
        <span className="toolbar-spacer" />
        <Button icon={<ReloadOutlined />} onClick={reload} data-testid="events-refresh">
          {t("events.refresh")}
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="event-new">
          {t("events.new")}
        </Button>
      </div>
      {events.error && (
        <Alert
          type="error"
          showIcon
          title={t("events.loadFailed")}
          description={events.error.message}
          className="today-alert"
        />
      )}
      <Table<EventView>
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={list}
        loading={events.loading && events.data === null}
        pagination={false}
        locale={{ emptyText: t("events.empty") }}
        onRow={(e) =>
          ({
            onClick: () => setOpenId(e.id),
            className: "event-row",
            "data-id": e.id,
          }) as HTMLAttributes<HTMLElement>
        }
        data-testid="events-table"
      />
      <EventForm
        open={creating}
        onCancel={() => setCreating(false)}
        onCreated={(next) => {
          setCreating(false);
          events.set(next);
        }}
      />
      <EventDrawer
        event={open}
        canInvite={!leadsTeam(user?.role ?? null)}
        onClose={() => setOpenId(null)}
        onChanged={() => setChanges((n) => n + 1)}
      />
    </div>
  );
}
