import { Alert, App, Button, Card, Form, Input, Modal, Table, Typography } from "antd";
import { useState } from "react";
import type { BrokerTarget } from "../../bindings/BrokerTarget";
import { formatFen, unscaled } from "../../lib/format";
import { PATHS, type ConsoleSession } from "../http";
import { useSubmit } from "../useSubmit";
import { yuanRule, yuanToFen } from "./payPlanForm";

interface Values {
  target: string;
  reason: string;
}

function TargetDialog({
  session,
  broker,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  broker: BrokerTarget;
  onClose: () => void;
  onDone: (targets: BrokerTarget[]) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { saving, error, submit } = useSubmit(form, async (v) =>
    onDone(
      await session.post<BrokerTarget[]>(PATHS.monthlyTargetSet, {
        broker_id: broker.broker_id,
        net_commission: yuanToFen(v.target) ?? 0,
        reason: v.reason,
      }),
    ),
  );
  const current = unscaled(broker.monthly_target, 2);
  return (
    <Modal
      open
      title={`月度目标：${broker.broker_name}（${broker.broker_id}）`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ "data-testid": "target-ok" }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="target-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ target: current, reason: "" }}>
        <Form.Item name="target" label="每月净佣金目标（元，填 0 表示不设目标）" required rules={[yuanRule]}>
          <Input data-testid="target-amount" />
        </Form.Item>
        <Form.Item name="reason" label="调整原因（记入操作日志）" rules={[{ required: true, whitespace: true, message: "请写明调整原因" }]}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="target-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 月度目标: every active broker's monthly net-commission target, which their desk measures against. */
export function MonthlyTargetsCard({
  session,
  targets,
  loading,
  onChanged,
}: {
  session: ConsoleSession;
  targets: BrokerTarget[];
  loading: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [filter, setFilter] = useState("");
  const [editing, setEditing] = useState<BrokerTarget | null>(null);
  const shown = targets.filter(
    (t) => !filter.trim() || `${t.broker_name}${t.broker_id}${t.unit_name}`.includes(filter.trim()),
  );
  const unset = targets.filter((t) => t.monthly_target === 0).length;
  return (
    <Card
      size="small"
      title="月度目标"
      extra={
        <Input.Search
          allowClear
          placeholder="姓名、工号或部门"
          style={{ width: 220 }}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="targets-filter"
        />
      }
    >
      <Typography.Paragraph type="secondary">
        经纪人在工作台“佣金”页按此目标看当月进度，下次同步后生效。{unset > 0 && `有 ${unset} 名在岗经纪人未设目标。`}
      </Typography.Paragraph>
      <Table<BrokerTarget>
        rowKey="broker_id"
        size="small"
        loading={loading}
        dataSource={shown}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        data-testid="console-targets"
        columns={[
          { title: "经纪人", render: (_, t) => `${t.broker_name}（${t.broker_id}）` },
          { title: "所属部门", dataIndex: "unit_name" },
          {
            title: "每月净佣金目标",
            align: "right",
            render: (_, t) => (t.monthly_target > 0 ? formatFen(t.monthly_target) : <Typography.Text type="secondary">未设</Typography.Text>),
          },
          {
            title: "操作",
            width: 70,
            render: (_, t) => (
              <Button size="small" type="link" onClick={() => setEditing(t)} data-testid="target-edit">
                调整
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <TargetDialog
          session={session}
          broker={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            onChanged();
            void message.success(`已保存 ${editing.broker_name} 的月度目标，经纪人下次同步后可见`);
          }}
        />
      )}
    </Card>
  );
}
