import { Alert, Descriptions, Form, Input, Modal, Skeleton, Typography } from "antd";
import { useCallback } from "react";
import type { TradeCharge } from "../../bindings/TradeCharge";
import { formatDateTime, formatFen } from "../../lib/format";
import { PATHS, type ConsoleSession } from "../http";
import { useLoad } from "../useLoad";
import { useSubmit } from "../useSubmit";
import { yuanRule, yuanToFen } from "./payPlanForm";

interface Values {
  commission: string;
  reason: string;
}

/** 更正成交佣金: what the trade was charged, and the corrected figure (head office holds the limits). */
export function TradeCorrectionDialog({
  session,
  tradeId,
  onSessionEnded,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  tradeId: string;
  onSessionEnded: (why: string) => void;
  onClose: () => void;
  onDone: (corrected: TradeCharge) => void;
}) {
  const load = useCallback(() => session.get<TradeCharge>(PATHS.tradeCharge, { trade_id: tradeId }), [session, tradeId]);
  const charge = useLoad(load, onSessionEnded);
  const [form] = Form.useForm<Values>();
  const { saving, error, submit } = useSubmit(form, async (v) =>
    onDone(
      await session.post<TradeCharge>(PATHS.tradeCorrection, {
        trade_id: tradeId,
        commission: yuanToFen(v.commission) ?? 0,
        reason: v.reason,
      }),
    ),
  );
  const t = charge.data;
  return (
    <Modal
      open
      title={`更正成交佣金：${tradeId}`}
      okText="更正"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ disabled: !t, "data-testid": "trade-correct-ok" }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {charge.error && <Alert type="error" showIcon title={charge.error} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="trade-correct-error" />}
      {!t && !charge.error && <Skeleton active />}
      {t && (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }} data-testid="trade-charge">
            <Descriptions.Item label="客户">{t.client_id}</Descriptions.Item>
            <Descriptions.Item label="经纪人">{t.broker_id}</Descriptions.Item>
            <Descriptions.Item label="成交时间">{formatDateTime(t.traded_at)}</Descriptions.Item>
            <Descriptions.Item label="成交金额">{formatFen(t.amount)}</Descriptions.Item>
            <Descriptions.Item label="现收佣金">{formatFen(t.commission)}</Descriptions.Item>
            <Descriptions.Item label="其中经手费与证管费">{formatFen(t.included_fees)}</Descriptions.Item>
          </Descriptions>
          <Form<Values> form={form} layout="vertical">
            <Form.Item
              name="commission"
              label="更正后的佣金（元）"
              rules={[yuanRule]}
            >
              <Input suffix="元" style={{ width: 200 }} data-testid="trade-correct-commission" />
            </Form.Item>
            <Form.Item name="reason" label="更正原因（记入操作日志）" rules={[{ required: true, whitespace: true, message: "请写明更正原因" }]}>
              <Input.TextArea rows={2} maxLength={200} showCount data-testid="trade-correct-reason" />
            </Form.Item>
          </Form>
          <Typography.Text type="secondary">佣金不能低于其中的经手费与证管费，也不能超过成交金额的 0.3%（不足 5 元的按 5 元）。更正后请重新发布当月结算单。</Typography.Text>
        </>
      )}
    </Modal>
  );
}
