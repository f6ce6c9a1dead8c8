import { BellOutlined } from "@ant-design/icons";
import { Button, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState, type HTMLAttributes } from "react";
import type { AlertKind } from "../../bindings/AlertKind";
import type { BookAlert } from "../../bindings/BookAlert";
import { useT } from "../../i18n/context";
import { alertKeys } from "../../lib/alerts";
import { AlertClient } from "./AlertClient";
import { ALERT_KINDS, AlertKindTag, relativeDay } from "./tags";

interface Props {
  alerts: BookAlert[];
  today: string;
  onOpenClient: (clientId: string) => void;
  /** Opens the form for a reminder about the alert (and its client, if it has one). */
  onRemind: (alert: BookAlert) => void;
}

/** 客户提醒: everything the book raises, filtered by kind, in the backend's order of urgency. */
export function AlertsView({ alerts, today, onOpenClient, onRemind }: Props) {
  const t = useT();
  const [kind, setKind] = useState<AlertKind | null>(null);

  const counts = useMemo(() => {
    const by = new Map<AlertKind, number>();
    for (const a of alerts) by.set(a.kind, (by.get(a.kind) ?? 0) + 1);
    return by;
  }, [alerts]);
  const keyOf = useMemo(() => alertKeys(alerts), [alerts]);
  const shown = kind === null ? alerts : alerts.filter((a) => a.kind === kind);

  const columns: ColumnsType<BookAlert> = [
    {
      title: t("bookAlerts.kind"),
      key: "kind",
      width: 120,
      render: (_, a) => <AlertKindTag kind={a.kind} />,
    },
    {
      title: t("bookAlerts.client"),
      key: "client",
      width: 150,
      render: (_, a) => <AlertClient alert={a} onOpenClient={onOpenClient} withId />,
    },
    { title: t("bookAlerts.reason"), key: "reason", render: (_, a) => a.reason },
    {
      title: t("bookAlerts.dueOn"),
      key: "due",
      width: 150,
      render: (_, a) => (
        <span className="tabular">
          {a.due_on}{" "}
          <Typography.Text type="secondary">{relativeDay(t, a.due_on, today)}</Typography.Text>
        </span>
      ),
    },
    {
      key: "remind",
      width: 96,
      render: (_, a) => (
        <Button size="small" type="link" icon={<BellOutlined />} onClick={() => onRemind(a)} data-testid="alert-remind">
          {t("bookAlerts.remind")}
        </Button>
      ),
    },
  ];

  return (
    <div className="alerts-view" data-testid="reminders-alerts">
      <div className="alerts-filter" data-testid="alerts-filter">
        <Tag.CheckableTag checked={kind === null} onChange={() => setKind(null)} data-testid="alerts-filter-all">
          {t("bookAlerts.all")} {alerts.length}
        </Tag.CheckableTag>
        {ALERT_KINDS.filter((k) => (counts.get(k) ?? 0) > 0).map((k) => (
          <Tag.CheckableTag
            key={k}
            checked={kind === k}
            onChange={(on) => setKind(on ? k : null)}
            data-testid={`alerts-filter-${k}`}
          >
            {t(`alertKind.${k}`)} {counts.get(k)}
          </Tag.CheckableTag>
        ))}
      </div>
      <Table<BookAlert>
        size="small"
        rowKey={keyOf}
        columns={columns}
        dataSource={shown}
        pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t("bookAlerts.empty") }}
        onRow={(a) => ({ "data-testid": "alert-row", "data-kind": a.kind }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
