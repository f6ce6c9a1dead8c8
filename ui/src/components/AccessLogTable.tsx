import { Button, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { HTMLAttributes } from "react";
import type { AccessLogEntry } from "../bindings/AccessLogEntry";
import { useT } from "../i18n/context";
import { formatDateTime } from "../lib/format";

interface Props {
  entries: AccessLogEntry[];
  /** data-testid of each row. */
  rowTestId: string;
  /** The whole desk's log names the client of each entry; one client's log does not. */
  showClient?: boolean;
  onOpenClient?: (clientId: string) => void;
  loading?: boolean;
}

/** Reveals and exports of personal data: when, what, why, and whether head office has it. */
export function AccessLogTable({ entries, rowTestId, showClient = false, onOpenClient, loading }: Props) {
  const t = useT();
  const columns: ColumnsType<AccessLogEntry> = [
    {
      title: t("access.time"),
      dataIndex: "at",
      width: 150,
      render: (v: string) => <span className="tabular">{formatDateTime(v)}</span>,
    },
    {
      title: t("access.action"),
      key: "action",
      width: 140,
      render: (_, e) =>
        e.action === "export" ? (
          <Tag color="purple">{t("access.export")}</Tag>
        ) : (
          <Tag color="blue">{t("access.reveal", { field: e.field ? t(`field.${e.field}`) : "" })}</Tag>
        ),
    },
    ...(showClient
      ? ([
          {
            title: t("access.client"),
            key: "client",
            width: 140,
            render: (_, e) => {
              if (!e.client_id) return <Typography.Text type="secondary">—</Typography.Text>;
              const label = e.client_name ?? e.client_id;
              return onOpenClient ? (
                <Button
                  type="link"
                  size="small"
                  className="link-button"
                  onClick={() => e.client_id && onOpenClient(e.client_id)}
                >
                  {label}
                </Button>
              ) : (
                label
              );
            },
          },
        ] satisfies ColumnsType<AccessLogEntry>)
      : []),
    { title: t("access.reason"), dataIndex: "reason", render: (v: string) => <span className="access-text">{v}</span> },
    ...(showClient
      ? ([
          {
            title: t("access.detail"),
            dataIndex: "detail",
            render: (v: string) => <span className="access-text">{v}</span>,
          },
        ] satisfies ColumnsType<AccessLogEntry>)
      : []),
    {
      title: t("access.status"),
      dataIndex: "pending",
      width: 90,
      render: (pending: boolean) =>
        pending ? (
          <Tag color="orange" data-testid="access-pending">
            {t("access.pending")}
          </Tag>
        ) : (
          <Tag color="green">{t("access.synced")}</Tag>
        ),
    },
  ];

  return (
    <Table<AccessLogEntry>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={entries}
      loading={loading}
      pagination={entries.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t("access.empty") }}
      onRow={() => ({ "data-testid": rowTestId }) as HTMLAttributes<HTMLElement>}
    />
  );
}
