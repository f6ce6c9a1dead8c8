import { Alert, App, DatePicker, Form, Input, InputNumber, Select, Space } from "antd";
import type { DatePickerProps } from "antd";
import { useState } from "react";
import { api, toIpcError } from "../../api";
import type { EventKind } from "../../bindings/EventKind";
import type { EventView } from "../../bindings/EventView";
import type { IpcError } from "../../bindings/IpcError";
import { FormDialog } from "../../components/Dialog";
import { FormButtons } from "../../components/FormButtons";
import { announceLocalWrite } from "../../hooks/useSyncStatus";
import { useT } from "../../i18n/context";
import { todayInShanghai } from "../../lib/format";
import { beijingInstant, CAPACITY_MAX, DESCRIPTION_MAX, EVENT_KINDS, PLACE_MAX, TITLE_MAX } from "./eventLabels";

type CalendarDay = Parameters<NonNullable<DatePickerProps["disabledDate"]>>[0];

interface Values {
  title: string;
  kind: EventKind;
  startsAt?: CalendarDay;
  place: string;
  capacity: number | null;
  description: string;
}

interface Props {
  open: boolean;
  onCreated: (events: EventView[]) => void;
  onCancel: () => void;
}

function EventFormBody({ onCreated, onCancel }: Omit<Props, "open">) {
  const t = useT();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const finish = (values: Values) => {
    if (!values.startsAt || values.capacity === null) return;
    setSaving(true);
    setError(null);
    api
      .createEvent({
        title: values.title.trim(),
        kind: values.kind,
        starts_at: beijingInstant(values.startsAt),
        place: values.place.trim(),
        capacity: values.capacity,
        description: (values.description ?? "").trim(),
      })
      .then(
        (events) => {
          setSaving(false);
          void message.success(t("events.created"));
          announceLocalWrite();
          onCreated(events);
        },
        (reason: unknown) => {
          // Everything typed stays for the organiser to correct.
          setSaving(false);
          setError(toIpcError(reason));
        },
      );
  };

  return (
    <Form<Values>
      layout="vertical"
      className="event-form"
      data-testid="event-form"
      initialValues={{ title: "", kind: "strategy_meeting", place: "", capacity: 50, description: "" }}
      onFinish={finish}
      disabled={saving}
      requiredMark={false}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("events.createFailed")}
          description={error.message}
          className="complaint-error"
          data-testid="event-error"
        />
      )}
      <Form.Item
        name="title"
        label={t("events.formName")}
        rules={[
          {
            validator: (_, value: string | undefined) => {
              const length = [...(value ?? "").trim()].length;
              return length >= 2 && length <= TITLE_MAX
                ? Promise.resolve()
                : Promise.reject(new Error(t("events.formNameRequired")));
            },
          },
        ]}
      >
        <Input maxLength={TITLE_MAX} placeholder={t("events.formNamePlaceholder")} data-testid="event-title" />
      </Form.Item>
      <Space size="middle" align="start" wrap>
        <Form.Item name="kind" label={t("events.formKind")}>
          <Select<EventKind>
            style={{ width: 150 }}
            options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
            data-testid="event-kind"
          />
        </Form.Item>
        <Form.Item
          name="startsAt"
          label={t("events.formStart")}
          rules={[{ required: true, message: t("events.formStartRequired") }]}
        >
          <DatePicker
            showTime={{ format: "HH:mm", minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: 190 }}
            disabledDate={(day: CalendarDay) => day.format("YYYY-MM-DD") < todayInShanghai()}
            data-testid="event-start"
          />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t("events.formCapacity")}
          rules={[{ required: true, message: t("events.formCapacityRequired") }]}
        >
          <InputNumber<number> min={1} max={CAPACITY_MAX} precision={0} style={{ width: 110 }} data-testid="event-capacity" />
        </Form.Item>
      </Space>
      <Form.Item
        name="place"
        label={t("events.formPlace")}
        rules={[{ required: true, whitespace: true, message: t("events.formPlaceRequired") }]}
      >
        <Input maxLength={PLACE_MAX} placeholder={t("events.formPlacePlaceholder")} data-testid="event-place" />
      </Form.Item>
      <Form.Item name="description" label={t("events.formDescription")}>
        <Input.TextArea rows={3} maxLength={DESCRIPTION_MAX} showCount data-testid="event-description" />
      </Form.Item>
      <FormButtons
        cancelLabel={t("events.cancel")}
        submitLabel={t("events.create")}
        onCancel={onCancel}
        saving={saving}
        testIdPrefix="event"
      />
    </Form>
  );
}

/** 新建活动: name, type, start (Beijing time), seats, place and description. Works offline. */
export function EventForm({ open, ...body }: Props) {
  const t = useT();
  return (
    <FormDialog open={open} title={t("events.formTitle")} onCancel={body.onCancel} width={600}>
      <EventFormBody {...body} />
    </FormDialog>
  );
}
