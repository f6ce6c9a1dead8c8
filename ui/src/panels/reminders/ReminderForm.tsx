import { CalendarOutlined, FieldTimeOutlined } from "@ant-design/icons";
import { Alert, App, Button, Calendar, Dropdown, Form, Input, Popover, Select, Space } from "antd";
import { Dialog } from "../../components/Dialog";
import { useState } from "react";
import { api, toIpcError } from "../../api";
import type { Agenda } from "../../bindings/Agenda";
import type { AgendaItem } from "../../bindings/AgendaItem";
import type { IpcError } from "../../bindings/IpcError";
import type { NewReminder } from "../../bindings/NewReminder";
import type { Repeat } from "../../bindings/Repeat";
import { announceLocalWrite } from "../../hooks/useSyncStatus";
import { useT } from "../../i18n/context";
import { defaultWhen, dueTimeOf, MORNING, parseDateText, parseTimeText } from "../../lib/agenda";
import { ClientSelect, type ClientChoice } from "./ClientSelect";
import { REPEATS } from "./tags";
import { now } from "../../lib/clock";

/** What the form opens on: a new reminder (maybe for a day, a client or an alert), or one to edit. */
export type ReminderTarget =
  | { mode: "new"; date?: string; client?: ClientChoice; title?: string; note?: string }
  | { mode: "edit"; item: AgendaItem };

/** Times offered beside the time field, around the trading day. */
export const QUICK_TIMES = [
  "08:30",
  "09:00",
  "09:15",
  "09:30",
  "10:00",
  "10:30",
  "11:00",
  "11:30",
  "13:00",
  "13:30",
  "14:00",
  "14:30",
  "15:00",
  "15:30",
  "16:00",
  "17:00",
  "18:00",
  "19:00",
  "20:00",
] as const;

const NOTE_MAX = 500;
/** As the desk accepts it (the store refuses longer titles). */
const TITLE_MAX = 100;

interface Values {
  title: string;
  client: string | null;
  date: string;
  time: string;
  repeat: Repeat;
  note: string;
}

function initialValues(target: ReminderTarget, now: Date): Values {
  if (target.mode === "edit") {
    const { item } = target;
    return {
      title: item.title,
      client: item.client_id,
      date: item.due_on,
      time: item.due_time ? item.due_time.slice(0, 5) : "",
      repeat: item.repeat,
      note: item.note ?? "",
    };
  }
  const soon = defaultWhen(now);
  // A day picked on the calendar other than today starts in the morning.
  const onOtherDay = target.date !== undefined && target.date !== soon.date;
  return {
    title: target.title ?? "",
    client: target.client?.id ?? null,
    date: target.date ?? soon.date,
    time: onOtherDay ? MORNING : soon.time,
    repeat: "never",
    note: target.note ?? "",
  };
}

/** The NewReminder the values make; dates and times were validated by the form's rules. */
export function reminderOf(values: Values): NewReminder {
  const time = parseTimeText(values.time);
  const note = values.note.trim();
  return {
    client_id: values.client ?? null,
    title: values.title,
    due_on: parseDateText(values.date) ?? values.date,
    due_time: time === null ? null : dueTimeOf(time),
    repeat: values.repeat,
    note: note === "" ? null : note,
  };
}

interface BodyProps {
  target: ReminderTarget;
  onCancel: () => void;
  onSaved: (agenda: Agenda) => void;
}

function ReminderFormBody({ target, onCancel, onSaved }: BodyProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [initial] = useState(() => initialValues(target, now()));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [picking, setPicking] = useState(false);

  const clientChoice: ClientChoice | null =
    target.mode === "edit"
      ? target.item.client_id
        ? { id: target.item.client_id, name: target.item.client_name ?? target.item.client_id }
        : null
      : (target.client ?? null);

  const save = (values: Values) => {
    const reminder = reminderOf(values);
    setSaving(true);
    setError(null);
    const request =
      target.mode === "edit" ? api.updateReminder(target.item.id, reminder) : api.addReminder(reminder);
    request.then(
      (agenda) => {
        setSaving(false);
        void message.success(t("reminderForm.saved"));
        announceLocalWrite();
        onSaved(agenda);
      },
      (reason: unknown) => {
        // Everything typed stays for the broker to correct.
        setSaving(false);
        setError(toIpcError(reason));
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="reminder-form"
      data-testid="reminder-form"
      initialValues={initial}
      onFinish={save}
      disabled={saving}
      requiredMark={false}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("reminderForm.saveFailed")}
          description={error.message}
          className="reminder-form-error"
          data-testid="reminder-error"
        />
      )}
      <Form.Item name="title" label={t("reminderForm.title")}>
        <Input
          placeholder={t("reminderForm.titlePlaceholder")}
          maxLength={TITLE_MAX}
          autoFocus
          data-testid="reminder-title"
        />
      </Form.Item>
      <Form.Item name="client" label={t("reminderForm.client")}>
        <ClientSelect initial={clientChoice} testId="reminder-client" />
      </Form.Item>
      <div className="reminder-form-when">
        <Form.Item label={t("reminderForm.date")} required>
          <Space.Compact>
            <Form.Item
              name="date"
              noStyle
              rules={[
                {
                  validator: (_, value: string) =>
                    parseDateText(value ?? "") !== null
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("reminderForm.dateInvalid"))),
                },
              ]}
            >
              <Input
                placeholder={t("reminderForm.datePlaceholder")}
                className="tabular"
                style={{ width: 132 }}
                aria-label={t("reminderForm.date")}
                data-testid="reminder-date"
              />
            </Form.Item>
            <Popover
              trigger="click"
              open={picking}
              onOpenChange={setPicking}
              placement="bottomLeft"
              content={
                <div className="reminder-date-picker" data-testid="reminder-date-calendar">
                  <Calendar
                    fullscreen={false}
                    onSelect={(day, { source }) => {
                      if (source !== "date") return;
                      form.setFieldValue("date", day.format("YYYY-MM-DD"));
                      void form.validateFields(["date"]);
                      setPicking(false);
                    }}
                  />
                </div>
              }
            >
              <Button
                icon={<CalendarOutlined />}
                aria-label={t("reminderForm.pickDate")}
                data-testid="reminder-date-pick"
              />
            </Popover>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          label={t("reminderForm.time")}
          tooltip={t("reminderForm.timeHint")}
        >
          <Space.Compact>
            <Form.Item
              name="time"
              noStyle
              rules={[
                {
                  validator: (_, value: string) =>
                    (value ?? "").trim() === "" || parseTimeText(value) !== null
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("reminderForm.timeInvalid"))),
                },
              ]}
            >
              <Input
                placeholder={t("reminderForm.timePlaceholder")}
                className="tabular"
                style={{ width: 84 }}
                aria-label={t("reminderForm.time")}
                data-testid="reminder-time"
              />
            </Form.Item>
            <Dropdown
              trigger={["click"]}
              menu={{
                items: QUICK_TIMES.map((time) => ({
                  key: time,
                  label: <span className="tabular" data-testid={`quick-time-${time}`}>{time}</span>,
                })),
                onClick: ({ key }) => {
                  form.setFieldValue("time", key);
                  void form.validateFields(["time"]);
                },
                className: "reminder-quick-times",
              }}
            >
              <Button
                icon={<FieldTimeOutlined />}
                aria-label={t("reminderForm.pickTime")}
                data-testid="reminder-time-pick"
              />
            </Dropdown>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="repeat" label={t("reminderForm.repeat")}>
          <Select<Repeat>
            style={{ width: 110 }}
            options={REPEATS.map((r) => ({ value: r, label: t(`repeat.${r}`) }))}
            aria-label={t("reminderForm.repeat")}
            data-testid="reminder-repeat"
          />
        </Form.Item>
      </div>
      <Form.Item name="note" label={t("reminderForm.note")}>
        <Input.TextArea
          rows={2}
          maxLength={NOTE_MAX}
          placeholder={t("reminderForm.notePlaceholder")}
          data-testid="reminder-note"
        />
      </Form.Item>
      <div className="reminder-form-buttons">
        <Button onClick={onCancel} data-testid="reminder-cancel">
          {t("reminderForm.cancel")}
        </Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="reminder-submit">
          {t("reminderForm.save")}
        </Button>
      </div>
    </Form>
  );
}

interface Props {
  /** What to open; closed when null. */
  target: ReminderTarget | null;
  onClose: () => void;
  /** Called with the agenda `add_reminder` or `update_reminder` answered; the caller closes. */
  onSaved: (agenda: Agenda) => void;
}

/**
 * 新建提醒 / 编辑提醒: what, for which client (optional), when (date and time typed or picked),
 * repeat and a note. A refused save shows the backend's reason and keeps everything typed.
 */
export function ReminderForm({ target, onClose, onSaved }: Props) {
  const t = useT();
  return (
    <Dialog
      open={target !== null}
      title={t(target?.mode === "edit" ? "reminderForm.editTitle" : "reminderForm.newTitle")}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={560}
      mask={{ closable: false }}
    >
      {target && <ReminderFormBody target={target} onCancel={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}
