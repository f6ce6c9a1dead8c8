import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Empty, Popconfirm, Space, Table, Tabs, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useState } from "react";
import type { AppraisalBoard } from "../../bindings/AppraisalBoard";
import type { AppraisalCohort } from "../../bindings/AppraisalCohort";
import type { AppraisalsPublished } from "../../bindings/AppraisalsPublished";
import type { BrokerAppraisal } from "../../bindings/BrokerAppraisal";
import type { OrgChanged } from "../../bindings/OrgChanged";
import { formatFen, todayInShanghai } from "../../lib/format";
import { mayCall } from "../access";
import { PATHS } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";
import { appraisedAs, COHORT_WORDS, cohortKey, MEASURE_NAMES, measureFigure, points } from "./appraisalLabels";
import { SchemeDialog, SchemeRemovalDialog, type SchemeTarget } from "./SchemeDialog";

function schemeText(cohort: AppraisalCohort): string {
  const weights = cohort.scheme.weights.map((w) => `${MEASURE_NAMES[w.measure]} ${w.percent}%`).join("，");
  return cohort.own_scheme ? weights : `${weights}（公司默认）`;
}

/** 级别, 类别 or 组别: what kind of cohort this is. */
function kindWord(cohort: AppraisalCohort): string {
  return COHORT_WORDS[appraisedAs(cohort.cohort).kind];
}

/** 同级别, 同类别 or 同组别: whom a cohort's brokers are ranked among. */
function peersWord(cohort: AppraisalCohort): string {
  return `同${kindWord(cohort)}`;
}

/** Why a class's or group's brokers are ranked together rather than by level. */
const RANKED_TOGETHER: Record<"class" | "group", string> = {
  class: "本类别的经纪人不分级别，按本方案在类别内排名。",
  group: "本组别的经纪人不分级别，按本方案在组别内排名（其类别另有方案的，按类别的方案）。",
};

/** The figures behind one broker's score: each measure, where it stands, and its points. */
function ScoreDrawer({ broker, cohort, onClose }: { broker: BrokerAppraisal; cohort: AppraisalCohort; onClose: () => void }) {
  const f = broker.figures;
  const peers = peersWord(cohort);
  return (
    <Drawer open width={560} title={`${broker.display_name}（${broker.card.broker_id}）的考核明细`} onClose={onClose} data-testid="appraisal-drawer">
      <Typography.Paragraph>
        总分 <Typography.Text strong>{points(broker.card.total)}</Typography.Text>，{cohort.name}
        {peers} {broker.card.peers} 人中排第 {broker.card.rank} 名。每项按在{peers}经纪人中的位置计 0–100 分，再乘以权重。
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
  onRemoveScheme,
}: {
  cohort: AppraisalCohort;
  onOpen: (b: BrokerAppraisal) => void;
  onEditScheme: ((c: AppraisalCohort) => void) | null;
  onRemoveScheme: ((c: AppraisalCohort) => void) | null;
}) {
  const key = cohortKey(cohort.cohort);
  const { kind } = appraisedAs(cohort.cohort);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <Typography.Text type="secondary">考核方案：{schemeText(cohort)}</Typography.Text>
        {onEditScheme && (
          <Button size="small" type="link" onClick={() => onEditScheme(cohort)} data-testid={`scheme-edit-${key}`}>
            调整方案
          </Button>
        )}
        {onRemoveScheme && cohort.own_scheme && (
          <Button size="small" type="link" danger onClick={() => onRemoveScheme(cohort)} data-testid={`scheme-remove-${key}`}>
            {kind === "level" ? "恢复默认方案" : `取消${kindWord(cohort)}方案`}
          </Button>
        )}
      </Space>
      {kind !== "level" && <Typography.Text type="secondary">{RANKED_TOGETHER[kind]}</Typography.Text>}
      <Table<BrokerAppraisal>
        rowKey={(b) => b.card.broker_id}
        size="small"
        dataSource={cohort.brokers}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: `本${kindWord(cohort)}暂无经纪人` }}
        onRow={(b) => ({ onClick: () => onOpen(b), style: { cursor: "pointer" } })}
        data-testid={`appraisal-${key}`}
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

/** 经纪人考核: a month's scorecards, class by class and group by group (those with their own
 * scheme) and level by level, each ranked among its own brokers. */
export function AppraisalPage({ session, roles, onSessionEnded }: PageProps) {
  const { message } = App.useApp();
  const thisMonth = dayjs(todayInShanghai()).startOf("month");
  const [month, setMonth] = useState<Dayjs>(() => thisMonth);
  const publishes = mayCall(roles, session.user.role, "POST", PATHS.appraisalPublish);
  const setsSchemes = mayCall(roles, session.user.role, "POST", PATHS.appraisalScheme);
  const removesSchemes = mayCall(roles, session.user.role, "POST", PATHS.appraisalSchemeRemove);
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
  const [open, setOpen] = useState<{ broker: BrokerAppraisal; cohort: AppraisalCohort } | null>(null);
  const [editing, setEditing] = useState<SchemeTarget | null>(null);
  const [removing, setRemoving] = useState<AppraisalCohort | null>(null);
  const done = (changed: OrgChanged) => {
    setEditing(null);
    setRemoving(null);
    void message.success(changed.message);
    reload();
  };
  const withoutScheme = [...(data?.classes ?? []), ...(data?.groups ?? [])].filter(
    (c) => !data?.cohorts.some((co) => co.own_scheme && appraisedAs(co.cohort).id === c.id),
  );
  return (
    <Card
      size="small"
      title="经纪人考核"
      loading={loading && !data}
      extra={
        <Space>
          {data && <Typography.Text type="secondary">按 {data.as_of} 的级别分组，有方案的类别、组别单独排名</Typography.Text>}
          {setsSchemes && data && (
            <Button
              disabled={withoutScheme.length === 0}
              title={withoutScheme.length === 0 ? "每个类别和组别都已有考核方案" : undefined}
              onClick={() => setEditing({ kind: "new_category", categories: withoutScheme, weights: data.default_weights })}
              data-testid="scheme-new-category"
            >
              按类别或组别设置方案
            </Button>
          )}
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
            key: cohortKey(c.cohort),
            label: (
              <span>
                {c.name} {"level" in c.cohort || <Tag color={"class" in c.cohort ? "blue" : "purple"}>{kindWord(c)}</Tag>}
                <Tag>{c.brokers.length} 人</Tag>
              </span>
            ),
            children: (
              <CohortTable
                cohort={c}
                onOpen={(broker) => setOpen({ broker, cohort: c })}
                onEditScheme={
                  setsSchemes ? (co) => setEditing({ kind: "cohort", appliesTo: co.cohort, name: co.name, weights: co.scheme.weights }) : null
                }
                onRemoveScheme={removesSchemes ? setRemoving : null}
              />
            ),
          }))}
        />
      )}
      {open && <ScoreDrawer broker={open.broker} cohort={open.cohort} onClose={() => setOpen(null)} />}
      {editing && <SchemeDialog session={session} target={editing} onClose={() => setEditing(null)} onDone={done} />}
      {removing && (
        <SchemeRemovalDialog
          session={session}
          appliesTo={removing.cohort}
          name={removing.name}
          onClose={() => setRemoving(null)}
          onDone={done}
        />
      )}
    </Card>
  );
}
