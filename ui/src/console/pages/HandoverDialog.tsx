import { Alert, Button, Form, Input, Modal, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import type { ClientOwnership } from "../../bindings/ClientOwnership";
import type { HandoverPlan } from "../../bindings/HandoverPlan";
import type { PreviewedBook } from "../../bindings/PreviewedBook";
import type { ReceiverShare } from "../../bindings/ReceiverShare";
import type { StaffDirectory } from "../../bindings/StaffDirectory";
import { formatFen } from "../../lib/format";
import { PATHS, type ConsoleSession } from "../http";
import { unitPath } from "./orgTree";

interface Values {
  from_broker_id: string;
  to_broker_ids: string[];
  reason: string;
}

interface Props {
  session: ConsoleSession;
  directory: StaffDirectory;
  onClose: () => void;
  onDone: (done: HandoverPlan) => void;
}

function message(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

/** 离职客户移交: a broker's whole book spread over colleagues, previewed before anything moves. */
export function HandoverDialog({ session, directory, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const [plan, setPlan] = useState<HandoverPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const from = Form.useWatch("from_broker_id", form);
  const brokers = directory.people.filter((p) => p.role === "Broker");
  const label = (id: string) => {
    const b = brokers.find((p) => p.user_id === id);
    return b ? `${b.display_name}（${b.user_id}）· ${unitPath(directory, b.unit_id)}` : id;
  };

  const run = async (fields: (keyof Values)[], send: (v: Values) => Promise<void>) => {
    const values = await form.validateFields(fields).catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      await send(form.getFieldsValue(true) as Values);
    } catch (reason) {
      setError(message(reason));
    } finally {
      setBusy(false);
    }
  };

  const preview = () =>
    run(["from_broker_id", "to_broker_ids"], async (v) => {
      setPlan(
        await session.post<HandoverPlan>(PATHS.handoverPreview, {
          from_broker_id: v.from_broker_id,
          to_broker_ids: v.to_broker_ids,
        }),
      );
    });

  const handOver = () =>
    run(["from_broker_id", "to_broker_ids", "reason"], async (v) => {
      if (!plan) return;
      onDone(
        await session.post<HandoverPlan>(PATHS.handover, {
          from_broker_id: v.from_broker_id,
          to_broker_ids: v.to_broker_ids,
          reason: v.reason,
          previewed: plan.book,
        }),
      );
    });

  return (
    <Modal
      open
      width={860}
      title="离职客户移交"
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button onClick={() => void preview()} loading={busy} data-testid="handover-preview">
            预览移交结果
          </Button>
          <Button
            type="primary"
            danger
            disabled={!plan}
            onClick={() => void handOver()}
            loading={busy}
            data-testid="handover-ok"
          >
            确认移交
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        经纪人离职或调离时，把其名下全部客户移交给选定的经纪人：资产大的客户先分，每位客户交给当前接收资产最少的经纪人，使各人接收的资产大致相当。
        先预览每位接收经纪人将得到哪些客户，确认后一次全部移交，各方桌面下次同步后生效。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="handover-error" />}
      <Form<Values> form={form} layout="vertical" disabled={busy} onValuesChange={() => setPlan(null)}>
        <Space size={16} style={{ display: "flex" }} align="start">
          <Form.Item
            name="from_broker_id"
            label="移出客户的经纪人"
            rules={[{ required: true, message: "请选择离职或调离的经纪人" }]}
            style={{ width: 330 }}
          >
            <Select
              showSearch={{ optionFilterProp: "label" }}
              placeholder="输入姓名或工号"
              options={brokers.map((b) => ({
                value: b.user_id,
                label: `${label(b.user_id)}${b.disabled ? "（已停用）" : ""}`,
              }))}
              data-testid="handover-from"
            />
          </Form.Item>
          <Form.Item
            name="to_broker_ids"
            label="接收经纪人（可多选）"
            rules={[{ required: true, message: "请至少选择一位接收客户的经纪人" }]}
            style={{ width: 450 }}
          >
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: "label" }}
              placeholder="输入姓名或工号"
              options={brokers
                .filter((b) => !b.disabled && b.user_id !== from)
                .map((b) => ({ value: b.user_id, label: label(b.user_id) }))}
              data-testid="handover-to"
            />
          </Form.Item>
        </Space>
        <Form.Item
          name="reason"
          label="移交原因（记入操作日志）"
          rules={[{ required: true, whitespace: true, message: "请写明移交原因" }]}
        >
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="handover-reason" />
        </Form.Item>
      </Form>
      {plan && <PlanTable plan={plan} directory={directory} />}
    </Modal>
  );
}

/** What else the handover does besides moving the book, one sentence each. */
function handoverNotes(book: PreviewedBook): string[] {
  const notes: string[] = [];
  if (book.co_served > 0) {
    notes.push(`另有 ${book.co_served} 位同事的客户由其共同服务：移交后这些共享随之结束，客户仍由原经纪人服务。`);
  }
  if (book.scheduled_in > 0) {
    notes.push(`有 ${book.scheduled_in} 项待生效的划转或共享原定转入该经纪人：移交时一并撤销，客户仍由原经纪人服务。`);
  }
  if (book.scheduled_out > 0) {
    notes.push(`名下有 ${book.scheduled_out} 位客户已有待生效的划转或共享：先移交给下表的接收经纪人，到期后仍按原计划办理。`);
  }
  return notes;
}

function PlanTable({ plan, directory }: { plan: HandoverPlan; directory: StaffDirectory }) {
  return (
    <div data-testid="handover-plan">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 8 }}
        title={`${plan.from_broker_name}（${plan.from_broker_id}）名下共 ${plan.book.clients} 位客户，总资产 ${formatFen(plan.book.total_assets)}，将移交如下：`}
        description={handoverNotes(plan.book).join(" ") || undefined}
      />
      <Table<ReceiverShare>
        rowKey="broker_id"
        size="small"
        pagination={false}
        dataSource={plan.receivers}
        expandable={{
          expandedRowRender: (share) => (
            <Table<ClientOwnership>
              rowKey="client_id"
              size="small"
              pagination={share.clients.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              dataSource={share.clients}
              columns={[
                { title: "客户号", dataIndex: "client_id", width: 120 },
                { title: "姓名", dataIndex: "name", width: 100 },
                { title: "总资产", dataIndex: "total_assets", align: "right", render: (f: number) => formatFen(f) },
              ]}
            />
          ),
        }}
        columns={[
          { title: "接收经纪人", render: (_, r) => `${r.broker_name}（${r.broker_id}）` },
          { title: "所在团队", render: (_, r) => unitPath(directory, r.unit_id) },
          { title: "现有客户", dataIndex: "clients_before", align: "right", width: 90 },
          { title: "接收客户", align: "right", width: 90, render: (_, r) => r.clients.length },
          {
            title: "接收资产",
            dataIndex: "total_assets",
            align: "right",
            width: 150,
            render: (f: number) => formatFen(f),
          },
        ]}
      />
    </div>
  );
}
