import { Alert, Form, Input, Modal, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import type { ClientOwnership } from "../../bindings/ClientOwnership";
import { PATHS } from "../http";
import { useSubmit } from "../useSubmit";
import { type ClientDialogProps, otherBrokerOptions } from "./clientDialog";
import { EffectiveDayField, isLater } from "./EffectiveDayField";

interface MoveValues {
  to_broker_id: string;
  /** Empty: at once. */
  effective_on: Dayjs | null;
  reason: string;
}

/** 划转客户: to another broker, at once or from a later day (head office holds the limits). */
export function ClientMoveDialog(props: ClientDialogProps) {
  const { session, client, onClose, onDone } = props;
  const [form] = Form.useForm<MoveValues>();
  const day = Form.useWatch("effective_on", form);
  const later = isLater(day);
  const { saving, error, submit } = useSubmit(form, async (v) =>
    onDone(
      await session.post<ClientOwnership>(PATHS.clientTransfer, {
        client_id: client.client_id,
        to_broker_id: v.to_broker_id,
        reason: v.reason,
        effective_on: v.effective_on ? v.effective_on.format("YYYY-MM-DD") : null,
      }),
    ),
  );
  return (
    <Modal
      open
      title={`划转客户：${client.name}（${client.client_id}）`}
      okText={later ? "安排划转" : "确认划转"}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": "client-move-ok" }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="client-move-error" />}
      <Form<MoveValues> form={form} layout="vertical" initialValues={{ effective_on: null }}>
        <Form.Item label="现服务经纪人">{`${client.serving_broker_name}（${client.serving_broker_id}）`}</Form.Item>
        <Form.Item name="to_broker_id" label="接收经纪人" rules={[{ required: true, message: "请选择接收客户的经纪人" }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            placeholder="输入姓名或工号"
            options={otherBrokerOptions(props)}
            data-testid="client-move-to"
          />
        </Form.Item>
        <EffectiveDayField day={day} change="划转" testId="client-move-day" />
        <Form.Item
          name="reason"
          label="划转原因（记入操作日志）"
          rules={[{ required: true, whitespace: true, message: "请写明划转原因" }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="client-move-reason" />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">划转后客户的全部记录随客户转入接收经纪人名下，双方桌面下次同步后生效。</Typography.Text>
    </Modal>
  );
}
