import { Alert, Card, Table, Tag } from "antd";
import { useCallback } from "react";
import type { AccessAuditEntry } from "../../bindings/AccessAuditEntry";
import type { SensitiveField } from "../../bindings/SensitiveField";
import { formatDateTime } from "../../lib/format";
import { useDaySpan } from "../DaySpanPicker";
import { PATHS } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";

const FIELD_NAMES: Record<SensitiveField, string> = {
  id_number: "身份证号",
  mobile: "手机号",
  account_number: "资金账号",
};

/** Compliance's review of who saw or exported clients' personal data, and why. */
export function AccessLogPage({ session, onSessionEnded }: PageProps) {
  const [from, until, picker] = useDaySpan();
  const load = useCallback(
    () => session.get<AccessAuditEntry[]>(PATHS.accessLog, { from, until }),
    [session, from, until],
  );
  const { data, error, loading } = useLoad(load, onSessionEnded);

  return (
    <Card
      size="small"
      title="客户敏感信息的查看与导出"
      extra={picker("总部接收日期")}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<AccessAuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: "所选日期内没有查看或导出记录" }}
        data-testid="console-access-table"
        columns={[
          { title: "发生时间", dataIndex: "at", width: 150, render: (t: string) => formatDateTime(t) },
          { title: "总部接收", dataIndex: "received_at", width: 150, render: (t: string) => formatDateTime(t) },
          { title: "经纪人", dataIndex: "username", width: 110 },
          {
            title: "操作",
            dataIndex: "action",
            width: 70,
            render: (a: AccessAuditEntry["action"]) =>
              a === "reveal" ? <Tag color="orange">查看</Tag> : <Tag color="purple">导出</Tag>,
          },
          { title: "客户", dataIndex: "client_id", width: 110, render: (c: string | null) => c ?? "—" },
          {
            title: "字段",
            dataIndex: "field",
            width: 90,
            render: (f: SensitiveField | null) => (f ? FIELD_NAMES[f] : "—"),
          },
          { title: "事由", dataIndex: "reason" },
          { title: "说明", dataIndex: "detail" },
        ]}
      />
    </Card>
  );
}
