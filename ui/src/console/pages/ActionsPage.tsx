import { Alert, Card, Table, Tag } from "antd";
import { useCallback } from "react";
import type { StaffAction } from "../../bindings/StaffAction";
import { formatDateTime } from "../../lib/format";
import { ROLE_NAMES } from "../access";
import { useDaySpan } from "../DaySpanPicker";
import { PATHS } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";

/** 操作日志: what head office's staff changed in the console, who, and why. */
export function ActionsPage({ session, onSessionEnded }: PageProps) {
  const [from, until, picker] = useDaySpan();
  const load = useCallback(
    () => session.get<StaffAction[]>(PATHS.actions, { from, until }),
    [session, from, until],
  );
  const { data, error, loading } = useLoad(load, onSessionEnded);
  return (
    <Card size="small" title="总部人员的操作" extra={picker("操作日期")}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<StaffAction>
        rowKey={(a) => `${a.at}-${a.user_id}-${a.subject}-${a.action}`}
        size="small"
        loading={loading}
        dataSource={data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: "所选日期内没有操作记录" }}
        data-testid="console-actions"
        columns={[
          { title: "时间", dataIndex: "at", width: 150, render: (t: string) => formatDateTime(t) },
          { title: "人员", width: 160, render: (_, a) => `${a.user_name}（${a.user_id}）` },
          { title: "部门", width: 150, dataIndex: "role", render: (r: StaffAction["role"]) => ROLE_NAMES[r] },
          { title: "操作", width: 150, dataIndex: "action", render: (x: string) => <Tag>{x}</Tag> },
          { title: "对象", width: 170, dataIndex: "subject" },
          { title: "说明", dataIndex: "detail" },
        ]}
      />
    </Card>
  );
}
