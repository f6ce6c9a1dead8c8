import { EditOutlined } from "@ant-design/icons";
import { Alert, App, Button, Descriptions, Form, Input, Select, Space, Tag, Typography } from "antd";
import type { DescriptionsProps } from "antd";
import { useState } from "react";
import { api, toIpcError } from "../api";
import type { ClientProfile } from "../bindings/ClientProfile";
import type { IpcError } from "../bindings/IpcError";
import type { PreferencesView } from "../bindings/PreferencesView";
import { announceLocalWrite } from "../hooks/useSyncStatus";
import { useT } from "../i18n/context";
import { cancelOnEscape } from "../keyboard/useDeskKeys";
import { CONTACT_CHANNELS, useChannelLabel } from "./contactChannels";

/** Longest 方便联系时间 the backend accepts. */
export const BEST_TIME_MAX = 50;
/** Longest 客户备注 the backend accepts. */
export const REMARK_MAX = 500;

/** The Select's value for 不限 (no preferred channel, sent as null). */
const ANY_CHANNEL = "";

interface Values {
  channel: string;
  bestTime: string;
  remark: string;
}

/** Blank text is "not set". */
const orNull = (value: string | undefined): string | null =>
  value === undefined || value.trim() === "" ? null : value;

interface Props {
  profile: ClientProfile;
  /** Takes the profile `update_preferences` returned as the drawer's current one. */
  onProfile: (profile: ClientProfile) => void;
}

/** 客户偏好: preferred channel, best time to call and remark, with an inline form to edit them. */
export function PreferencesCard({ profile, onProfile }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const channelLabel = useChannelLabel();
  const [editing, setEditing] = useState(false);
  const prefs = profile.preferences;
  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  const items: DescriptionsProps["items"] = [
    {
      key: "channel",
      label: t("preferences.channel"),
      children: (
        <span data-testid="preferences-channel-value">
          {prefs.preferred_channel ? channelLabel(prefs.preferred_channel) : dash}
        </span>
      ),
    },
    {
      key: "bestTime",
      label: t("preferences.bestTime"),
      children: <span data-testid="preferences-best-time-value">{prefs.best_time_to_call ?? dash}</span>,
    },
    {
      key: "remark",
      label: t("preferences.remark"),
      children: (
        <span className="preferences-remark" data-testid="preferences-remark-value">
          {prefs.remark ?? dash}
        </span>
      ),
    },
  ];

  const saved = (next: ClientProfile) => {
    onProfile(next);
    setEditing(false);
    void message.success(next.preferences.pending ? t("preferences.savedPending") : t("preferences.saved"));
    announceLocalWrite();
  };

  return (
    <section className="preferences" data-testid="preferences">
      <div className="section-head">
        <Space size="small" align="center">
          <Typography.Title level={5} className="profile-section">
            {t("preferences.title")}
          </Typography.Title>
          {prefs.pending && (
            <Tag color="orange" data-testid="preferences-pending">
              {t("preferences.pending")}
            </Tag>
          )}
        </Space>
        {!editing && (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="preferences-edit"
          >
            {t("preferences.edit")}
          </Button>
        )}
      </div>
      {editing ? (
        <PreferencesForm
          clientId={profile.id}
          initial={prefs}
          onSaved={saved}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Descriptions size="small" bordered column={1} items={items} styles={{ label: { width: 110 } }} />
      )}
    </section>
  );
}

interface FormProps {
  clientId: string;
  initial: PreferencesView;
  onSaved: (profile: ClientProfile) => void;
  onCancel: () => void;
}

/** The inline editor. A rejected save shows the reason and keeps everything typed. */
function PreferencesForm({ clientId, initial, onSaved, onCancel }: FormProps) {
  const t = useT();
  const channelLabel = useChannelLabel();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const known: readonly string[] = CONTACT_CHANNELS;
  const channels = [
    ...CONTACT_CHANNELS,
    // Keep a code this window does not know selectable, so that saving does not drop it.
    ...(initial.preferred_channel && !known.includes(initial.preferred_channel)
      ? [initial.preferred_channel]
      : []),
  ];
  const options = [
    { value: ANY_CHANNEL, label: t("preferences.any") },
    ...channels.map((c) => ({ value: c, label: channelLabel(c) })),
  ];

  const save = (values: Values) => {
    setSaving(true);
    setError(null);
    api
      .updatePreferences(clientId, {
        // The needs analysis answers ride along unchanged.
        ...initial,
        preferred_channel: orNull(values.channel),
        best_time_to_call: orNull(values.bestTime),
        remark: orNull(values.remark),
        pending: false,
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
      data-testid="preferences-form"
      initialValues={{
        channel: initial.preferred_channel ?? ANY_CHANNEL,
        bestTime: initial.best_time_to_call ?? "",
        remark: initial.remark ?? "",
      }}
      onFinish={save}
      disabled={saving}
      onKeyDown={cancelOnEscape(onCancel, saving)}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("preferences.saveFailed")}
          description={error.message}
          className="contact-form-error"
          data-testid="preferences-error"
        />
      )}
      <Space size="middle" align="start" wrap>
        <Form.Item name="channel" label={t("preferences.channel")}>
          <Select<string> style={{ width: 140 }} options={options} data-testid="preferences-channel" />
        </Form.Item>
        <Form.Item name="bestTime" label={t("preferences.bestTime")}>
          <Input
            style={{ width: 260 }}
            maxLength={BEST_TIME_MAX}
            placeholder={t("preferences.bestTimePlaceholder")}
            data-testid="preferences-best-time"
          />
        </Form.Item>
      </Space>
      <Form.Item name="remark" label={t("preferences.remark")}>
        <Input.TextArea rows={3} maxLength={REMARK_MAX} showCount data-testid="preferences-remark" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="preferences-save">
          {t("preferences.save")}
        </Button>
        <Button onClick={onCancel} data-testid="preferences-cancel">
          {t("preferences.cancel")}
        </Button>
      </Space>
    </Form>
  );
}
