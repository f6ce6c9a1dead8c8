// A change that needs nothing but a confirmation and the reason the operation log keeps:
// calling a scheduled move off, ending a share, dropping a scheme. Head office's refusal, in
// Chinese, stays on the dialog with the reason typed.

import { Alert, Form, Input, Modal } from "antd";
import type { ReactNode } from "react";
import { useSubmit } from "./useSubmit";

export function ReasonDialog<T>({
  title,
  okText,
  reasonLabel,
  reasonMissing,
  testId,
  children,
  send,
  onClose,
  onDone,
}: {
  title: string;
  okText: string;
  reasonLabel: string;
  /** What the form says when no reason is given. */
  reasonMissing: string;
  /** Prefix of the dialog's test ids: `${testId}-ok`, `-reason`, `-error`. */
  testId: string;
  /** What the change will do, in words. */
  children: ReactNode;
  send: (reason: string) => Promise<T>;
  onClose: () => void;
  onDone: (done: T) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { saving, error, submit } = useSubmit(form, async (v) => onDone(await send(v.reason)));
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger: true, "data-testid": `${testId}-ok` }}
      cancelText="返回"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {children}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid={`${testId}-error`} />}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={reasonLabel} rules={[{ required: true, whitespace: true, message: reasonMissing }]}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
