import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Space, Table, Typography } from "antd";
import { useCallback, useState } from "react";
import type { PayPlanOverview } from "../../bindings/PayPlanOverview";
import type { PlanInUse } from "../../bindings/PlanInUse";
import type { Rate } from "../../bindings/Rate";
import type { ShareBand } from "../../bindings/ShareBand";
import { formatFen } from "../../lib/format";
import { PATHS } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";
import { FeeScheduleDialog, FeeScheduleTable } from "./FeeScheduleDialog";
import { GroupAllowances } from "./GroupAllowances";
import { PayPlanDialog, SplitDialog } from "./PayPlanDialogs";

/** A share of net commission as a percentage: rates are in ten-millionths. */
export function sharePercent(rate: Rate): string {
  return `${(rate / 100_000).toFixed(rate % 100_000 === 0 ? 0 : 2)}%`;
}

function bands(list: ShareBand[]): string {
  return list.map((b) => `${formatFen(b.from)} 起 ${sharePercent(b.rate)}`).join("；");
}

/** The plans ladder by ladder, in the order of the class list, then those of no class; each ladder as saved. */
function byLadder(data: PayPlanOverview | null): PlanInUse[] {
  if (!data) return [];
  const rank = (p: PlanInUse) => {
    const i = data.classes.findIndex((c) => c.id === p.class_id);
    return i < 0 ? data.classes.length : i;
  };
  return [...data.plans].sort((a, b) => rank(a) - rank(b));
}

/** Finance's view of the firm's pay plans and who each pays today, and their changes. */
export function PayPlansPage({ session, onSessionEnded }: PageProps) {
  const { message } = App.useApp();
  const load = useCallback(() => session.get<PayPlanOverview>(PATHS.payPlans), [session]);
  const { data, error, loading, reload } = useLoad(load, onSessionEnded);
  // undefined: no dialog; null: a new plan.
  const [editing, setEditing] = useState<PlanInUse | null | undefined>(undefined);
  const className = (id: string | null) => data?.classes.find((c) => c.id === id)?.name ?? id;
  const [splitting, setSplitting] = useState(false);
  const [addingFees, setAddingFees] = useState(false);
  const latestFees = data?.fee_schedules.at(-1);
  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      {data && data.unassigned_brokers > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`${data.unassigned_brokers} 名在岗经纪人今天没有适用的薪酬方案，发放前请为其指定方案`}
        />
      )}
      <Card
        size="small"
        title="薪酬方案"
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="pay-plan-new">
            新增方案
          </Button>
        }
      >
        <Table<PlanInUse>
          rowKey={(p) => p.plan.id}
          size="small"
          loading={loading}
          dataSource={byLadder(data)}
          pagination={false}
          data-testid="console-pay-plans"
          columns={[
            { title: "方案（级别）", render: (_, p) => `${p.plan.name}（${p.plan.id}）` },
            {
              title: "所属类别",
              render: (_, p) => (p.class_id ? `${className(p.class_id)}序列` : <Typography.Text type="secondary">不属任何类别</Typography.Text>),
            },
            { title: "底薪", align: "right", render: (_, p) => formatFen(p.plan.base_pay) },
            { title: "月度门槛", align: "right", render: (_, p) => formatFen(p.plan.monthly_threshold) },
            { title: "分成档位", render: (_, p) => bands(p.plan.bands) },
            { title: "新增资产奖励", align: "right", render: (_, p) => sharePercent(p.plan.new_asset_bonus) },
            { title: "适用经纪人", align: "right", dataIndex: "brokers", render: (n: number) => `${n} 人` },
            {
              title: "操作",
              width: 70,
              render: (_, p) => (
                <Button size="small" type="link" onClick={() => setEditing(p)} data-testid="pay-plan-edit">
                  调整
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title="组别津贴">
        <GroupAllowances
          session={session}
          groups={data?.groups ?? []}
          loading={loading}
          onSaved={(g) => {
            reload();
            void message.success(`“${g.group.name}”的津贴已保存，自尚未发布的结算单起按在组天数计发`);
          }}
        />
      </Card>
      <Card
        size="small"
        title="开发关系分成"
        extra={
          <Button onClick={() => setSplitting(true)} data-testid="split-edit">
            调整分成
          </Button>
        }
      >
        {data && data.development_splits.length > 0 ? (
          <Descriptions size="small" column={1}>
            {data.development_splits.map((s) => (
              <Descriptions.Item key={s.effective_from} label={`${s.effective_from} 起`}>
                开发经纪人得 {sharePercent(s.developer_share)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">未设置：净佣金全部计入服务经纪人</Typography.Text>
        )}
      </Card>
      <Card
        size="small"
        title="交易费率表"
        extra={
          <Button onClick={() => setAddingFees(true)} disabled={!latestFees} data-testid="fee-add">
            新增费率表
          </Button>
        }
      >
        <FeeScheduleTable schedules={data?.fee_schedules ?? []} />
      </Card>
      {addingFees && latestFees && (
        <FeeScheduleDialog
          session={session}
          latest={latestFees}
          onClose={() => setAddingFees(false)}
          onDone={() => {
            setAddingFees(false);
            reload();
            void message.success("交易费率表已保存，经纪人下次同步后按新费率计算");
          }}
        />
      )}
      {editing !== undefined && (
        <PayPlanDialog
          session={session}
          plan={editing}
          classes={data?.classes ?? []}
          onClose={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined);
            reload();
            void message.success("薪酬方案已保存，经纪人下次同步后生效");
          }}
        />
      )}
      {splitting && (
        <SplitDialog
          session={session}
          onClose={() => setSplitting(false)}
          onDone={() => {
            setSplitting(false);
            reload();
            void message.success("开发关系分成已保存");
          }}
        />
      )}
    </Space>
  );
}
