import { Alert, Button, DatePicker, Form, Input, Select, Space } from "antd";
import type { DatePickerProps } from "antd";
import { useState } from "react";
import { api, toIpcError } from "../api";
import type { ClientProfile } from "../bindings/ClientProfile";
import type { IpcError } from "../bindings/IpcError";
import { useT } from "../i18n/context";
import { cancelOnEscape } from "../keyboard/useDeskKeys";
import { todayInShanghai } from "../lib/format";
import {
  CONTACT_CHANNELS,
  CONTACT_SUMMARY_MAX,
  DEFAULT_CHANNEL,
  isBeforeToday,
  type ContactChannel,
} from "./contactChannels";

/** antd's calendar value (a dayjs object), named without depending on dayjs directly. */
type CalendarDay = Parameters<NonNullable<DatePickerProps["disabledDate"]>>[0];

const DAY_FORMAT = "YYYY-MM-DD";

interface Values {
  channel: ContactChannel;
  summary: string;
  followUp?: CalendarDay | null;
}

interface Props {
  clientId: string;
  /** Called with the profile `add_contact_note` returned. */
  onSaved: (profile: ClientProfile) => void;
  onCancel: () => void;
}

/** Days before today (in Shanghai) cannot be chosen as the next follow-up. */
const disabledDate = (day: CalendarDay) => isBeforeToday(day.format(DAY_FORMAT), todayInShanghai());

/**
 * 记录联系: the text first (the cursor waits there), then channel and an optional follow-up
 * date. Ctrl+Enter saves, Esc cancels. A rejected save shows the reason and keeps everything
 * the broker typed.
 */
export function ContactForm({ clientId, onSaved, onCancel }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const save = (values: Values) => {
    setSaving(true);
    setError(null);
    api
      .addContactNote({
        client_id: clientId,
        channel: values.channel,
        summary: values.summary,
        follow_up_on: values.followUp ? values.followUp.format(DAY_FORMAT) : null,
      })
      .then(
        (profile) => {
          setSaving(false);
          onSaved(profile);
        },
        (reason: unknown) => {
          setSaving(false);
          setError(toIpcError(reason));
        },
      );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="contact-form"
      data-testid="contact-form"
      initialValues={{ channel: DEFAULT_CHANNEL, summary: "", followUp: null }}
      onFinish={save}
      disabled={saving}
      onKeyDown={cancelOnEscape(onCancel, saving)}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("contact.saveFailed")}
          description={error.message}
          className="contact-form-error"
          data-testid="contact-error"
        />
      )}
      <Form.Item
        name="summary"
        label={t("contact.summary")}
        rules={[{ required: true, whitespace: true, message: t("contact.summaryRequired") }]}
      >
        <Input.TextArea
          rows={4}
          maxLength={CONTACT_SUMMARY_MAX}
          showCount
          placeholder={t("contact.summaryPlaceholder")}
          autoFocus
          data-testid="contact-summary"
        />
      </Form.Item>
      <Space size="middle" align="start" wrap>
        <Form.Item name="channel" label={t("contact.channel")}>
          <Select<ContactChannel>
            style={{ width: 140 }}
            options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`contact.channel.${c}`) }))}
            data-testid="contact-channel"
          />
        </Form.Item>
        <Form.Item name="followUp" label={t("contact.followUp")}>
          <DatePicker
            style={{ width: 160 }}
            format={DAY_FORMAT}
            disabledDate={disabledDate}
            data-testid="contact-follow-up"
          />
        </Form.Item>
      </Space>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="contact-save">
          {t("contact.save")}
        </Button>
        <Button onClick={onCancel} data-testid="contact-cancel">
          {t("contact.cancel")}
        </Button>
      </Space>
    </Form>
  );
}
