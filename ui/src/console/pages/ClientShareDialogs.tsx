import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import type { ClientOwnership } from "../../bindings/ClientOwnership";
import { percentToRate } from "./payPlanForm";
import { rateToPercent } from "../../lib/format";
import { PATHS, type ConsoleSession } from "../http";
import { ReasonDialog } from "../ReasonDialog";
import { useSubmit } from "../useSubmit";
import { type ClientDialogProps, otherBrokerOptions } from "./clientDialog";
import { EffectiveDayField, isLater } from "./EffectiveDayField";

interface ShareValues {
  co_broker_id: string;
  share: string;
  /** Empty: at once. */
  effective_on: Dayjs | null;
  reason: string;
}

/** The share as typed: a whole or decimal percentage; head office holds the 1%–99% range. */
const shareRule = {
  validator: (_: unknown, v: string | undefined) =>
    v && percentToRate(String(v)) !== null
      ? Promise.resolve()
      : Promise.reject(new Error("请填写共同服务人分得的服务佣金比例（%，如 30）")),
};

/** 共享客户: a second, serving broker from today or a later day, with their part of the service credit. */
export function ClientShareDialog(props: ClientDialogProps) {
  const { session, client, onClose, onDone } = props;
  const [form] = Form.useForm<ShareValues>();
  const day = Form.useWatch("effective_on", form);
  const later = isLater(day);
  const { saving, error, submit } = useSubmit(form, async (v) =>
    onDone(
      await session.post<ClientOwnership>(PATHS.clientShare, {
        client_id: client.client_id,
        co_broker_id: v.co_broker_id,
        share: percentToRate(String(v.share)) ?? 0,
        reason: v.reason,
        effective_on: v.effective_on ? v.effective_on.format("YYYY-MM-DD") : null,
      }),
    ),
  );
  return (
    <Modal
      open
      title={`共享客户：${client.name}（${client.client_id}）`}
      okText={later ? "安排共享" : "确认共享"}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": "client-share-ok" }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="client-share-error" />}
      <Form<ShareValues> form={form} layout="vertical" initialValues={{ effective_on: null }}>
        <Form.Item label="服务经纪人">{`${client.serving_broker_name}（${client.serving_broker_id}）`}</Form.Item>
        <Form.Item
          name="co_broker_id"
          label="共同服务经纪人"
          rules={[{ required: true, message: "请选择共同服务的经纪人" }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            placeholder="输入姓名或工号"
            options={otherBrokerOptions(props)}
            data-testid="client-share-to"
          />
        </Form.Item>
        <Form.Item
          name="share"
          label="共同服务人分得的服务佣金"
          required
          rules={[shareRule]}
          extra="服务佣金即净佣金扣除开发人分成后的部分；其余仍归服务经纪人。1% 至 99%。"
        >
          <InputNumber<string> stringMode min="1" max="99" step="5" addonAfter="%" style={{ width: 160 }} data-testid="client-share-rate" />
        </Form.Item>
        <EffectiveDayField day={day} change="共享" testId="client-share-day" />
        <Form.Item
          name="reason"
          label="共享原因（记入操作日志）"
          rules={[{ required: true, whitespace: true, message: "请写明共享原因" }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="client-share-reason" />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        自生效日起，共同服务人的桌面下次同步后即有该客户的全部记录，可联系、记录和推送；结算单按比例拆分服务佣金。
      </Typography.Text>
    </Modal>
  );
}

/** 结束共享: the co-server's desk drops the client at its next sync. */
export function ClientShareEndDialog({
  session,
  client,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  client: ClientOwnership;
  onClose: () => void;
  onDone: (client: ClientOwnership) => void;
}) {
  const co = client.co_server;
  return (
    <ReasonDialog
      title={`结束共享：${client.name}（${client.client_id}）`}
      okText="结束共享"
      reasonLabel="结束原因（记入操作日志）"
      reasonMissing="请写明结束共享的原因"
      testId="client-share-end"
      send={(reason) => session.post<ClientOwnership>(PATHS.clientShareEnd, { client_id: client.client_id, reason })}
      onClose={onClose}
      onDone={onDone}
    >
      {co && (
        <Typography.Paragraph>
          {`${co.broker_name}（${co.broker_id}）自 ${co.since} 起共同服务，分得服务佣金 ${rateToPercent(co.share)}%。结束后其桌面下次同步时移除该客户，服务佣金全部归 ${client.serving_broker_name}。`}
        </Typography.Paragraph>
      )}
    </ReasonDialog>
  );
}
