import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Empty, Popconfirm, Space, Table, Tabs, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useState } from "react";
import type { AppraisalBoard } from "../../bindings/AppraisalBoard";
import type { AppraisalCohort } from "../../bindings/AppraisalCohort";
import type { AppraisalsPublished } from "../../bindings/AppraisalsPublished";
import type { BrokerAppraisal } from "../../bindings/BrokerAppraisal";
import { formatFen, todayInShanghai } from "../../lib/format";
import { mayCall } from "../access";
import { PATHS } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";
import { MEASURE_NAMES, measureFigure, points } from "./appraisalLabels";
import { SchemeDialog } from "./SchemeDialog";

function schemeText(cohort: AppraisalCohort): string {
  return cohort.scheme.weights.map((w) => `${MEASURE_NAMES[w.measure]} ${w.percent}%`).join("，");
}

/** The figures behind one broker's score: each measure, where it stands, and its points. */
function ScoreDrawer({ broker, onClose }: { broker: BrokerAppraisal; onClose: () => void }) {
  const f = broker.figures;
  return (
    <Drawer open width={560} title={`${broker.display_name}（${broker.card.broker_id}）的考核明细`} onClose={onClose} data-testid="appraisal-drawer">
      <Typography.Paragraph>
        总分 <Typography.Text strong>{points(broker.card.total)}</Typography.Text>，同级别 {broker.card.peers} 人中排第{" "}
        {broker.card.rank} 名。每项按在同级别经纪人中的位置计 0–100 分，再乘以权重。
      </Typography.Paragraph>
      <Table
        rowKey="measure"
        size="small"
        pagination={false}
        dataSource={broker.card.parts}
        columns={[
          { title: "指标", dataIndex: "measure", render: (m: keyof typeof MEASURE_NAMES) => MEASURE_NAMES[m] },
          { title: "本月数据", render: (_, p) => measureFigure(p.measure, p.figure) },
          { title: "位置分", dataIndex: "standing", width: 70 },
          { title: "权重", dataIndex: "percent", width: 60, render: (w: number) => `${w}%` },
          { title: "得分", dataIndex: "points", width: 70, render: (x: number) => points(x) },
        ]}
      />
      <Descriptions size="small" column={2} title="本月业绩概况" style={{ marginTop: 16 }}>
        <Descriptions.Item label="客户">{f.clients} 人</Descriptions.Item>
        <Descriptions.Item label="客户资产">{formatFen(f.total_assets)}</Descriptions.Item>
        <Descriptions.Item label="休眠客户">{f.dormant_clients} 人</Descriptions.Item>
        <Descriptions.Item label="推荐推送">{f.pushes_sent} 次</Descriptions.Item>
        <Descriptions.Item label="逾期提醒">{f.overdue_reminders} 条</Descriptions.Item>
        <Descriptions.Item label="客户转入/转出">
          {f.transfers_in} / {f.transfers_out}
        </Descriptions.Item>
      </Descriptions>
    </Drawer>
  );
}

function CohortTable({
  cohort,
  onOpen,
  onEditScheme,
}: {
  cohort: AppraisalCohort;
  onOpen: (b: BrokerAppraisal) => void;
  onEditScheme: ((c: AppraisalCohort) => void) | null;
}) {
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Space>
        <Typography.Text type="secondary">考核方案：{schemeText(cohort)}</Typography.Text>
        {onEditScheme && (
          <Button size="small" type="link" onClick={() => onEditScheme(cohort)} data-testid={`scheme-edit-${cohort.plan_id}`}>
            调整方案
          </Button>
        )}
      </Space>
      <Table<BrokerAppraisal>
        rowKey={(b) => b.card.broker_id}
        size="small"
        dataSource={cohort.brokers}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        onRow={(b) => ({ onClick: () => onOpen(b), style: { cursor: "pointer" } })}
        data-testid={`appraisal-${cohort.plan_id}`}
        columns={[
          { title: "排名", width: 60, render: (_, b) => b.card.rank },
          { title: "经纪人", width: 140, render: (_, b) => `${b.display_name}（${b.card.broker_id}）` },
          { title: "所在单位", dataIndex: "unit_name", width: 140 },
          {
            title: "总分",
            width: 80,
            render: (_, b) => <Typography.Text strong>{points(b.card.total)}</Typography.Text>,
          },
          ...cohort.scheme.weights.map((w) => ({
            title: `${MEASURE_NAMES[w.measure]}（${w.percent}%）`,
            render: (_: unknown, b: BrokerAppraisal) => {
              const part = b.card.parts.find((p) => p.measure === w.measure);
              return part ? `${measureFigure(part.measure, part.figure)} · ${part.standing}` : "";
            },
          })),
        ]}
      />
    </Space>
  );
}

/** 经纪人考核: a month's scorecards, level by level, each ranked among its own brokers. */
export function AppraisalPage({ session, roles, onSessionEnded }: PageProps) {
  const { message } = App.useApp();
  const thisMonth = dayjs(todayInShanghai()).startOf("month");
  const [month, setMonth] = useState<Dayjs>(() => thisMonth);
  const publishes = mayCall(roles, session.user.role, "POST", PATHS.appraisalPublish);
  const publish = () =>
    session.post<AppraisalsPublished>(PATHS.appraisalPublish, { month: month.format("YYYY-MM-DD") }).then(
      (done) => void message.success(done.message),
      (reason: unknown) => void message.error(reason instanceof Error ? reason.message : String(reason)),
    );
  const load = useCallback(
    () => session.get<AppraisalBoard>(PATHS.appraisal, { month: month.format("YYYY-MM-DD") }),
    [session, month],
  );
  const { data, error, loading, reload } = useLoad(load, onSessionEnded);
  const [open, setOpen] = useState<BrokerAppraisal | null>(null);
  const [editing, setEditing] = useState<AppraisalCohort | null>(null);
  return (
    <Card
      size="small"
      title="经纪人考核"
      loading={loading && !data}
      extra={
        <Space>
          {data && <Typography.Text type="secondary">按 {data.as_of} 的级别分组</Typography.Text>}
          <DatePicker picker="month" value={month} allowClear={false} onChange={(m) => m && setMonth(m)} data-testid="appraisal-month" />
          {publishes && (
            <Popconfirm
              title={`发布 ${month.format("YYYY年MM月")} 的考核结果？经纪人下次同步后可在佣金页看到自己的考核；已发布过的月份将被替换`}
              okText="发布"
              cancelText="取消"
              disabled={!month.isBefore(thisMonth)}
              onConfirm={() => void publish()}
            >
              <Button type="primary" disabled={!month.isBefore(thisMonth)} title={month.isBefore(thisMonth) ? undefined : "月末之后才能发布该月考核结果"} data-testid="appraisal-publish">
                发布考核结果
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {data && data.without_level.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${data.without_level.length} 位经纪人当时没有级别，未参加考核：${data.without_level.join("、")}。请在“经纪人级别”中设置。`}
        />
      )}
      {data && data.cohorts.length === 0 ? (
        <Empty description="没有可考核的经纪人" />
      ) : (
        <Tabs
          data-testid="appraisal-levels"
          items={(data?.cohorts ?? []).map((c) => ({
            key: c.plan_id,
            label: (
              <span>
                {c.name} <Tag>{c.brokers.length} 人</Tag>
              </span>
            ),
            children: <CohortTable cohort={c} onOpen={setOpen} onEditScheme={publishes ? setEditing : null} />,
          }))}
        />
      )}
      {open && <ScoreDrawer broker={open} onClose={() => setOpen(null)} />}
      {editing && (
        <SchemeDialog
          session={session}
          cohort={editing}
          onClose={() => setEditing(null)}
          onDone={(done) => {
            setEditing(null);
            void message.success(done.message);
            reload();
          }}
        />
      )}
    </Card>
  );
}
