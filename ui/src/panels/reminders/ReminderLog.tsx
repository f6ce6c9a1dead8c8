import { ReloadOutlined } from "@ant-design/icons";
import { Button, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { HTMLAttributes } from "react";
import type { ReminderEvent } from "../../bindings/ReminderEvent";
import { useT } from "../../i18n/context";
import { formatDateTime } from "../../lib/format";
import { LogEventTag } from "./tags";

interface Props {
  events: ReminderEvent[];
  loading: boolean;
  onRefresh: () => void;
}

/** 提醒记录: what the scheduler and the broker did with each reminder, newest first. */
export function ReminderLog({ events, loading, onRefresh }: Props) {
  const t = useT();
  const columns: ColumnsType<ReminderEvent> = [
    {
      title: t("reminderLog.at"),
      key: "at",
      width: 150,
      render: (_, e) => <span className="tabular">{formatDateTime(e.at)}</span>,
    },
    {
      title: t("reminderLog.event"),
      key: "event",
      width: 90,
      render: (_, e) => <LogEventTag event={e.event} />,
    },
    {
      title: t("reminderLog.title"),
      key: "title",
      render: (_, e) =>
        e.title === "" ? <Typography.Text type="secondary">{t("reminderLog.removed")}</Typography.Text> : e.title,
    },
    {
      title: t("reminderLog.dueAt"),
      key: "due",
      width: 150,
      render: (_, e) => <span className="tabular">{formatDateTime(e.due_at)}</span>,
    },
  ];
  return (
    <div className="reminder-log" data-testid="reminders-log">
      <div className="reminder-log-toolbar">
        <Button size="small" icon={<ReloadOutlined />} onClick={onRefresh} data-testid="reminders-log-refresh">
          {t("agenda.refresh")}
        </Button>
      </div>
      <Table<ReminderEvent>
        size="small"
        loading={loading && events.length === 0}
        rowKey={(e) => `${e.reminder_id}@${e.due_at}#${e.event}@${e.at}`}
        columns={columns}
        dataSource={events}
        pagination={events.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t("reminderLog.empty") }}
        onRow={(e) => ({ "data-testid": "log-row", "data-event": e.event }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
