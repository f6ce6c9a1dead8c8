import { DownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Input, Space, Table, Tag } from "antd";
import { useCallback, useState } from "react";
import type { StaffAction } from "../../bindings/StaffAction";
import { formatDateTime } from "../../lib/format";
import { ROLE_NAMES } from "../access";
import { useDaySpan } from "../DaySpanPicker";
import { PATHS, saveAs } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";

/** 操作日志: what head office's staff changed in the console, who, and why. */
export function ActionsPage({ session, onSessionEnded }: PageProps) {
  const { message } = App.useApp();
  const [from, until, picker] = useDaySpan();
  // Head office narrows the log; the words go with the export too, so the file is what is shown.
  const [words, setWords] = useState("");
  const query = useCallback((): Record<string, string> => {
    const q = words.trim();
    return q ? { from, until, q } : { from, until };
  }, [from, until, words]);
  const load = useCallback(() => session.get<StaffAction[]>(PATHS.actions, query()), [session, query]);
  const { data, error, loading } = useLoad(load, onSessionEnded);
  const exportXlsx = () =>
    session
      .download(PATHS.actionsXlsx, query())
      .then(saveAs, (reason: unknown) => void message.error(reason instanceof Error ? reason.message : String(reason)));
  return (
    <Card
      size="small"
      title="总部人员的操作"
      extra={
        <Space>
          {picker("操作日期")}
          <Input.Search
            allowClear
            placeholder="筛选：人员、操作、对象或说明中的词，空格分隔"
            style={{ width: 300 }}
            onSearch={setWords}
            data-testid="actions-search"
          />
          <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} data-testid="actions-export">
            导出 Excel
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<StaffAction>
        rowKey={(a) => `${a.at}-${a.user_id}-${a.subject}-${a.action}`}
        size="small"
        loading={loading}
        dataSource={data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: words.trim() ? "所选日期内没有符合筛选条件的操作记录" : "所选日期内没有操作记录" }}
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
