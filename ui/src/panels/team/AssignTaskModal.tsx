import { Alert, App, Button, DatePicker, Form, Input, Select, Typography } from "antd";
import { Dialog } from "../../components/Dialog";
import type { DatePickerProps } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { api, toIpcError } from "../../api";
import type { AssignTasks } from "../../bindings/AssignTasks";
import type { IpcError } from "../../bindings/IpcError";
import { useT } from "../../i18n/context";
import { addDays } from "../../lib/agenda";
import { todayInShanghai } from "../../lib/format";
import type { BrokerChoice } from "../../lib/team";

/** antd's calendar value (a dayjs object). */
type CalendarDay = Parameters<NonNullable<DatePickerProps["disabledDate"]>>[0];

const DAY_FORMAT = "YYYY-MM-DD";
export const TASK_TITLE_MAX = 100;
export const TASK_DETAIL_MAX = 1000;
/** A new task is due this many days from today unless the lead picks another day. */
export const DEFAULT_DUE_DAYS = 3;

interface Values {
  assignees: string[];
  title: string;
  detail: string;
  due: CalendarDay | null;
}

/** Days before today (in Shanghai) cannot be a task's due date. */
const isPast = (day: CalendarDay) => day.format(DAY_FORMAT) < todayInShanghai();

/** The request the values make; the form's rules have checked them. */
export function assignmentOf(values: Values): AssignTasks {
  const detail = (values.detail ?? "").trim();
  return {
    assignees: values.assignees,
    title: values.title.trim(),
    detail: detail === "" ? null : detail,
    due_on: values.due ? values.due.format(DAY_FORMAT) : "",
  };
}

interface BodyProps {
  brokers: BrokerChoice[];
  preselect: string[];
  onCancel: () => void;
  onAssigned: () => void;
}

function AssignForm({ brokers, preselect, onCancel, onAssigned }: BodyProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [initial] = useState<Values>(() => ({
    assignees: preselect.filter((id) => brokers.some((b) => b.id === id)),
    title: "",
    detail: "",
    due: dayjs(addDays(todayInShanghai(), DEFAULT_DUE_DAYS)),
  }));

  const submit = (values: Values) => {
    const request = assignmentOf(values);
    setSaving(true);
    setError(null);
    api.assignTasks(request).then(
      () => {
        setSaving(false);
        void message.success(t("teamAssign.done", { count: request.assignees.length }));
        onAssigned();
      },
      (reason: unknown) => {
        // Everything chosen and typed stays for the lead to try again.
        setSaving(false);
        setError(toIpcError(reason));
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="assign-form"
      data-testid="assign-form"
      initialValues={initial}
      onFinish={submit}
      disabled={saving}
      requiredMark={false}
    >
      <Typography.Paragraph type="secondary">{t("teamAssign.hint")}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("teamAssign.failed")}
          description={error.message}
          className="assign-error"
          data-testid="assign-error"
        />
      )}
      <Form.Item
        name="assignees"
        label={t("teamAssign.assignees")}
        rules={[{ required: true, type: "array", min: 1, message: t("teamAssign.assigneesRequired") }]}
      >
        <Select<string[]>
          mode="multiple"
          allowClear
          optionFilterProp="label"
          placeholder={t("teamAssign.assigneesPlaceholder")}
          options={brokers.map((b) => ({
            value: b.id,
            label: t("teamAssign.assignee", { name: b.name, unit: b.unitName }),
          }))}
          data-testid="assign-assignees"
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t("teamAssign.taskTitle")}
        rules={[
          { required: true, whitespace: true, message: t("teamAssign.titleRequired") },
          { max: TASK_TITLE_MAX, message: t("teamAssign.titleTooLong", { max: TASK_TITLE_MAX }) },
        ]}
      >
        <Input
          placeholder={t("teamAssign.titlePlaceholder")}
          maxLength={TASK_TITLE_MAX}
          showCount
          data-testid="assign-title"
        />
      </Form.Item>
      <Form.Item
        name="detail"
        label={t("teamAssign.detail")}
        rules={[{ max: TASK_DETAIL_MAX, message: t("teamAssign.detailTooLong", { max: TASK_DETAIL_MAX }) }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={TASK_DETAIL_MAX}
          showCount
          placeholder={t("teamAssign.detailPlaceholder")}
          data-testid="assign-detail"
        />
      </Form.Item>
      <Form.Item
        name="due"
        label={t("teamAssign.due")}
        rules={[
          { required: true, message: t("teamAssign.dueRequired") },
          {
            validator: (_, value: CalendarDay | null) =>
              value && isPast(value) ? Promise.reject(new Error(t("teamAssign.duePast"))) : Promise.resolve(),
          },
        ]}
      >
        <DatePicker
          style={{ width: 160 }}
          format={DAY_FORMAT}
          disabledDate={isPast}
          allowClear={false}
          data-testid="assign-due"
        />
      </Form.Item>
      <div className="assign-buttons">
        <Button onClick={onCancel} data-testid="assign-cancel">
          {t("teamAssign.cancel")}
        </Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="assign-submit">
          {t("teamAssign.submit")}
        </Button>
      </div>
    </Form>
  );
}

interface Props {
  open: boolean;
  /** Every broker of the lead's tree. */
  brokers: BrokerChoice[];
  /** Chosen when the modal opens (the broker being viewed). */
  preselect: string[];
  onClose: () => void;
  /** The tasks were made; the caller closes and shows the new figures. */
  onAssigned: () => void;
}

/**
 * 分配任务: to whom (any brokers of the tree), what, details and by when. Needs head office; a
 * refusal shows head office's (Chinese) reason and keeps the form as it was.
 */
export function AssignTaskModal({ open, brokers, preselect, onClose, onAssigned }: Props) {
  const t = useT();
  return (
    <Dialog
      open={open}
      title={t("teamAssign.title")}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={560}
      mask={{ closable: false }}
    >
      {open && <AssignForm brokers={brokers} preselect={preselect} onCancel={onClose} onAssigned={onAssigned} />}
    </Dialog>
  );
}
