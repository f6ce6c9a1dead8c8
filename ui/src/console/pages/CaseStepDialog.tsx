import { Alert, Form, Input, Modal, Select } from "antd";
import type { CaseStatus } from "../../bindings/CaseStatus";
import type { ComplaintUpdate } from "../../bindings/ComplaintUpdate";
import type { OpenComplaint } from "../../bindings/OpenComplaint";
import { complaintZh } from "../../i18n/complaintMessages";
import { PATHS, type ConsoleSession } from "../http";
import { useSubmit } from "../useSubmit";

/** The steps service staff take; head office refuses, in Chinese, one a case cannot take now. */
const STEPS: CaseStatus[] = ["in_progress", "replied", "visited", "escalated", "closed"];

interface Values {
  to: CaseStatus;
  note: string;
}

interface Props {
  session: ConsoleSession;
  complaint: OpenComplaint;
  onClose: () => void;
  onMoved: () => void;
}

/** Moves a complaint one step on with a note; taking it names the caller as its handler. */
export function CaseStepDialog({ session, complaint, onClose, onMoved }: Props) {
  const [form] = Form.useForm<Values>();
  const { saving, error, submit: move } = useSubmit(form, async (values) => {
    const body: ComplaintUpdate = {
      case: complaint.case_no ?? complaint.id,
      update: {
        to: values.to,
        note: values.note,
        handler: values.to === "in_progress" ? session.user.display_name : null,
      },
    };
    // The answer is the case as the broker's feed will carry it; the queue is read again.
    await session.post<unknown>(PATHS.complaintUpdate, body);
    onMoved();
  });

  return (
    <Modal
      open
      title={`处理投诉：${complaint.case_no ?? "待编号"} · ${complaint.client_name}`}
      okText="确认"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void move()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": "case-step-ok" }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="case-step-error" />}
      <Form<Values> form={form} layout="vertical">
        <Form.Item label="客户反映">{complaint.summary}</Form.Item>
        <Form.Item label="当前状态">{complaintZh[`complaint.status.${complaint.status}`]}</Form.Item>
        <Form.Item name="to" label="下一步" rules={[{ required: true, message: "请选择下一步" }]}>
          <Select
            options={STEPS.filter((s) => s !== complaint.status).map((s) => ({
              value: s,
              label: complaintZh[`complaint.status.${s}`],
            }))}
            data-testid="case-step-to"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label="处理说明（经纪人和团队长可见）"
          rules={[{ required: true, whitespace: true, message: "请写明处理情况" }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="case-step-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
