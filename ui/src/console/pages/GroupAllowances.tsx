import { Alert, Button, Form, Input, Modal, Table, Typography } from "antd";
import { useState } from "react";
import type { GroupPay } from "../../bindings/GroupPay";
import type { PayPlanOverview } from "../../bindings/PayPlanOverview";
import { formatFen } from "../../lib/format";
import { PATHS, type ConsoleSession } from "../http";
import { useSubmit } from "../useSubmit";
import { fenToYuan, yuanRule, yuanToFen } from "./payPlanForm";

interface AllowanceValues {
  monthly: string;
  reason: string;
}

/** Sets one group's monthly allowance; 0 stops it. */
function AllowanceDialog({
  session,
  group,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  group: GroupPay;
  onClose: () => void;
  onDone: (now: PayPlanOverview) => void;
}) {
  const [form] = Form.useForm<AllowanceValues>();
  const { saving, error, submit } = useSubmit(form, async (v) =>
    onDone(
      await session.post<PayPlanOverview>(PATHS.groupAllowance, {
        group_id: group.group.id,
        monthly: yuanToFen(v.monthly) ?? 0,
        reason: v.reason,
      }),
    ),
  );
  return (
    <Modal
      open
      title={`调整组别津贴：${group.group.name}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        在本组别的经纪人每月另得的津贴，按当月在本组别的天数折算（月中调入、调出按天计）。自尚未发布的结算单起按新金额计发，已发布的结算单不变。填 0 表示不再发放。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="allowance-error" />}
      <Form<AllowanceValues> form={form} layout="vertical" initialValues={{ monthly: fenToYuan(group.monthly) }}>
        <Form.Item name="monthly" label="津贴（元/月）" rules={[yuanRule]}>
          <Input style={{ width: 200 }} prefix="¥" data-testid="allowance-monthly" />
        </Form.Item>
        <Form.Item name="reason" label="原因（记入操作日志）" rules={[{ required: true, whitespace: true, message: "请写明原因" }]}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="allowance-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 组别津贴: what each group pays its brokers a month on top of their level's plan. */
export function GroupAllowances({
  session,
  groups,
  loading,
  onSaved,
}: {
  session: ConsoleSession;
  groups: GroupPay[];
  loading: boolean;
  onSaved: (group: GroupPay) => void;
}) {
  const [editing, setEditing] = useState<GroupPay | null>(null);
  return (
    <>
      <Table<GroupPay>
        rowKey={(g) => g.group.id}
        size="small"
        loading={loading}
        dataSource={groups}
        pagination={false}
        data-testid="group-allowances"
        locale={{ emptyText: "还没有组别：请先在“经纪人级别”的分类管理中添加" }}
        columns={[
          { title: "组别", render: (_, g) => `${g.group.name}（${g.group.id}）` },
          {
            title: "津贴（每月）",
            align: "right",
            render: (_, g) => (g.monthly > 0 ? formatFen(g.monthly) : <Typography.Text type="secondary">不发</Typography.Text>),
          },
          { title: "今日在组经纪人", align: "right", dataIndex: "brokers", render: (n: number) => `${n} 人` },
          {
            title: "操作",
            width: 70,
            render: (_, g) => (
              <Button size="small" type="link" onClick={() => setEditing(g)} data-testid={`allowance-edit-${g.group.id}`}>
                调整
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <AllowanceDialog
          session={session}
          group={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            onSaved(editing);
          }}
        />
      )}
    </>
  );
}
