import { Alert, App, Button, Card, Segmented, Table, Tag } from "antd";
import { useCallback, useState } from "react";
import type { OpenComplaint } from "../../bindings/OpenComplaint";
import { complaintZh } from "../../i18n/complaintMessages";
import { PATHS } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";
import { CaseStepDialog } from "./CaseStepDialog";

function deadline(c: OpenComplaint) {
  if (c.days_left === null) return "—";
  if (c.days_left < 0) return <Tag color="red">超期 {-c.days_left} 天</Tag>;
  if (c.days_left === 0) return <Tag color="orange">今日到期</Tag>;
  return `剩 ${c.days_left} 天`;
}

/** Customer service's queue of complaints, the nearest deadline first. */
export function ComplaintsPage({ session, onSessionEnded }: PageProps) {
  const { message } = App.useApp();
  const [all, setAll] = useState(false);
  const [moving, setMoving] = useState<OpenComplaint | null>(null);
  const load = useCallback(
    () => session.get<OpenComplaint[]>(PATHS.complaints, all ? { all: "true" } : {}),
    [session, all],
  );
  const { data, error, loading, reload } = useLoad(load, onSessionEnded);
  return (
    <Card
      size="small"
      title="投诉队列"
      extra={
        <Segmented
          value={all ? "all" : "open"}
          options={[
            { label: "未办结", value: "open" },
            { label: "全部", value: "all" },
          ]}
          onChange={(v) => setAll(v === "all")}
        />
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<OpenComplaint>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: "没有待处理的投诉" }}
        data-testid="console-complaints"
        columns={[
          { title: "受理编号", dataIndex: "case_no", width: 150, render: (n: string | null) => n ?? "待编号" },
          { title: "客户", dataIndex: "client_name", width: 90 },
          { title: "经纪人", dataIndex: "broker_name", width: 90 },
          {
            title: "类别",
            dataIndex: "category",
            width: 100,
            render: (c: OpenComplaint["category"]) => (c ? complaintZh[`complaint.category.${c}`] : "—"),
          },
          {
            title: "状态",
            dataIndex: "status",
            width: 80,
            render: (s: OpenComplaint["status"]) => complaintZh[`complaint.status.${s}`],
          },
          { title: "受理日期", dataIndex: "opened_on", width: 100 },
          { title: "时限", width: 100, render: (_, c) => deadline(c) },
          { title: "摘要", dataIndex: "summary" },
          { title: "处理人", dataIndex: "handler", width: 80, render: (h: string | null) => h ?? "—" },
          {
            title: "操作",
            width: 70,
            render: (_, c) =>
              c.status === "closed" ? null : (
                <Button size="small" type="link" onClick={() => setMoving(c)} data-testid="case-step">
                  处理
                </Button>
              ),
          },
        ]}
      />
      {moving && (
        <CaseStepDialog
          session={session}
          complaint={moving}
          onClose={() => setMoving(null)}
          onMoved={() => {
            setMoving(null);
            void message.success("已更新，经纪人下次同步后可见");
            reload();
          }}
        />
      )}
    </Card>
  );
}
