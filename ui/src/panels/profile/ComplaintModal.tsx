import { Alert, App, DatePicker, Form, Input, Select, Space, Typography } from "antd";
import type { DatePickerProps } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { api, toIpcError } from "../../api";
import type { ComplaintCategory } from "../../bindings/ComplaintCategory";
import type { IpcError } from "../../bindings/IpcError";
import type { ServiceCaseView } from "../../bindings/ServiceCaseView";
import { FormDialog } from "../../components/Dialog";
import { FormButtons } from "../../components/FormButtons";
import { announceLocalWrite } from "../../hooks/useSyncStatus";
import { useT } from "../../i18n/context";
import { daysBetween, todayInShanghai } from "../../lib/format";
import { CONTACT_CHANNELS, type ContactChannel } from "../contactChannels";

/** The order the form offers; the backend's `ComplaintCategory`. */
export const COMPLAINT_CATEGORIES: readonly ComplaintCategory[] = [
  "service_attitude",
  "trading_system",
  "fees",
  "suitability",
  "disclosure",
  "other",
];
/** Lengths as the backend counts them (characters, trimmed). */
export const COMPLAINT_WORDS_MIN = 5;
export const COMPLAINT_WORDS_MAX = 2000;
export const COMPLAINT_ASKS_MAX = 500;
/** How far back a complaint may be dated; older ones go to head office's customer service. */
const OLDEST_DAYS = 90;
const DAY_FORMAT = "YYYY-MM-DD";

type CalendarDay = Parameters<NonNullable<DatePickerProps["disabledDate"]>>[0];

interface Values {
  category?: ComplaintCategory;
  channel: ContactChannel;
  receivedOn: CalendarDay;
  words: string;
  asks: string;
}

/** Neither a day to come nor one older than head office accepts from a desk. */
const disabledDate = (day: CalendarDay) => {
  const ago = daysBetween(day.format(DAY_FORMAT), todayInShanghai());
  return ago === null || ago < 0 || ago > OLDEST_DAYS;
};

interface FormProps {
  clientId: string;
  onSaved: (cases: ServiceCaseView[]) => void;
  onCancel: () => void;
}

function ComplaintForm({ clientId, onSaved, onCancel }: FormProps) {
  const t = useT();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const lengthMessage = t("complaint.wordsLength", { min: COMPLAINT_WORDS_MIN, max: COMPLAINT_WORDS_MAX });

  const finish = (values: Values) => {
    if (!values.category) return;
    setSaving(true);
    setError(null);
    api
      .registerComplaint({
        client_id: clientId,
        category: values.category,
        channel: values.channel,
        client_words: values.words.trim(),
        client_asks: (values.asks ?? "").trim(),
        received_on: values.receivedOn.format(DAY_FORMAT),
      })
      .then(
        (cases) => {
          setSaving(false);
          void message.success(t("complaint.saved"));
          announceLocalWrite();
          onSaved(cases);
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
      layout="vertical"
      className="complaint-form"
      data-testid="complaint-form"
      initialValues={{ channel: "phone", receivedOn: dayjs(todayInShanghai()), words: "", asks: "" }}
      onFinish={finish}
      disabled={saving}
      requiredMark={false}
    >
      <Typography.Paragraph type="secondary">{t("complaint.hint")}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("complaint.failed")}
          description={error.message}
          className="complaint-error"
          data-testid="complaint-error"
        />
      )}
      <Space size="middle" align="start" wrap>
        <Form.Item
          name="category"
          label={t("complaint.category")}
          rules={[{ required: true, message: t("complaint.categoryRequired") }]}
        >
          <Select<ComplaintCategory>
            style={{ width: 170 }}
            options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`complaint.category.${c}`) }))}
            data-testid="complaint-category"
          />
        </Form.Item>
        <Form.Item name="channel" label={t("complaint.channel")}>
          <Select<ContactChannel>
            style={{ width: 120 }}
            options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`contact.channel.${c}`) }))}
            data-testid="complaint-channel"
          />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t("complaint.receivedOn")}
          rules={[{ required: true, message: t("complaint.receivedRequired") }]}
        >
          <DatePicker
            style={{ width: 150 }}
            format={DAY_FORMAT}
            allowClear={false}
            disabledDate={disabledDate}
            data-testid="complaint-received"
          />
        </Form.Item>
      </Space>
      <Form.Item
        name="words"
        label={t("complaint.words")}
        rules={[
          {
            validator: (_, value: string | undefined) => {
              const length = [...(value ?? "").trim()].length;
              return length >= COMPLAINT_WORDS_MIN && length <= COMPLAINT_WORDS_MAX
                ? Promise.resolve()
                : Promise.reject(new Error(lengthMessage));
            },
          },
        ]}
      >
        <Input.TextArea
          rows={4}
          maxLength={COMPLAINT_WORDS_MAX}
          showCount
          placeholder={t("complaint.wordsPlaceholder")}
          data-testid="complaint-words"
        />
      </Form.Item>
      <Form.Item name="asks" label={t("complaint.asks")}>
        <Input.TextArea
          rows={2}
          maxLength={COMPLAINT_ASKS_MAX}
          showCount
          placeholder={t("complaint.asksPlaceholder")}
          data-testid="complaint-asks"
        />
      </Form.Item>
      <FormButtons
        cancelLabel={t("complaint.cancel")}
        submitLabel={t("complaint.submit")}
        onCancel={onCancel}
        saving={saving}
        testIdPrefix="complaint"
      />
    </Form>
  );
}

interface Props extends FormProps {
  open: boolean;
  clientName: string;
}

/** 登记投诉: category, channel, the day, the client's words and asks. Works offline. */
export function ComplaintModal({ open, clientName, clientId, onSaved, onCancel }: Props) {
  const t = useT();
  return (
    <FormDialog
      open={open}
      title={t("complaint.formTitle", { name: clientName })}
      onCancel={onCancel}
      width={600}
    >
      <ComplaintForm clientId={clientId} onSaved={onSaved} onCancel={onCancel} />
    </FormDialog>
  );
}
