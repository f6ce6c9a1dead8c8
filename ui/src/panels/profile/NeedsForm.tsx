import { Alert, App, Form, Select, Space, Typography } from "antd";
import { useState } from "react";
import { api, toIpcError } from "../../api";
import type { ClientProfile } from "../../bindings/ClientProfile";
import type { IpcError } from "../../bindings/IpcError";
import type { PreferencesView } from "../../bindings/PreferencesView";
import { FormDialog } from "../../components/Dialog";
import { FormButtons } from "../../components/FormButtons";
import { announceLocalWrite } from "../../hooks/useSyncStatus";
import { useT } from "../../i18n/context";
import { FAMILY_STAGES, HORIZONS, INVESTMENT_GOALS, LIQUIDITY_NEEDS, PRODUCT_INTERESTS, useProfileText } from "./needsChoices";

/** The Select's value for 未了解 (not asked yet, sent as null). */
const NOT_ASKED = "";

interface Values {
  goal: string;
  horizon: string;
  liquidity: string;
  products: string[];
  family: string;
}

const orNull = (value: string): string | null => (value === NOT_ASKED ? null : value);

interface FormProps {
  profile: ClientProfile;
  onSaved: (profile: ClientProfile) => void;
  onCancel: () => void;
}

/** Goal, horizon, liquidity, products and family; the contact preferences ride along unchanged. */
function NeedsForm({ profile, onSaved, onCancel }: FormProps) {
  const t = useT();
  const text = useProfileText();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const current = profile.preferences;

  /** The choices, plus the stored code when this window does not know it, so saving keeps it. */
  const options = (field: string, codes: readonly string[], stored: string | null) => [
    { value: NOT_ASKED, label: t("needs.notAsked") },
    ...[...codes, ...(stored && !codes.includes(stored) ? [stored] : [])].map((code) => ({
      value: code,
      label: text.value(field, code),
    })),
  ];

  const finish = (values: Values) => {
    setSaving(true);
    setError(null);
    const next: PreferencesView = {
      ...current,
      investment_goal: orNull(values.goal),
      horizon: orNull(values.horizon),
      liquidity_need: orNull(values.liquidity),
      products_of_interest: values.products,
      family_stage: orNull(values.family),
      pending: false,
    };
    api.updatePreferences(profile.id, next).then(
      (saved) => {
        setSaving(false);
        void message.success(saved.preferences.pending ? t("needs.savedPending") : t("needs.saved"));
        announceLocalWrite();
        onSaved(saved);
      },
      (reason: unknown) => {
        // Everything chosen stays for the broker to correct.
        setSaving(false);
        setError(toIpcError(reason));
      },
    );
  };

  return (
    <Form<Values>
      layout="vertical"
      className="needs-form"
      data-testid="needs-form"
      initialValues={{
        goal: current.investment_goal ?? NOT_ASKED,
        horizon: current.horizon ?? NOT_ASKED,
        liquidity: current.liquidity_need ?? NOT_ASKED,
        products: current.products_of_interest,
        family: current.family_stage ?? NOT_ASKED,
      }}
      onFinish={finish}
      disabled={saving}
    >
      <Typography.Paragraph type="secondary">{t("needs.hint")}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("needs.failed")}
          description={error.message}
          className="complaint-error"
          data-testid="needs-error"
        />
      )}
      <Space size="middle" align="start" wrap>
        <Form.Item name="goal" label={t("needs.goal")}>
          <Select<string>
            style={{ width: 170 }}
            options={options("investment_goal", INVESTMENT_GOALS, current.investment_goal)}
            data-testid="needs-goal"
          />
        </Form.Item>
        <Form.Item name="horizon" label={t("needs.horizon")}>
          <Select<string>
            style={{ width: 140 }}
            options={options("horizon", HORIZONS, current.horizon)}
            data-testid="needs-horizon"
          />
        </Form.Item>
        <Form.Item name="liquidity" label={t("needs.liquidity")}>
          <Select<string>
            style={{ width: 220 }}
            options={options("liquidity_need", LIQUIDITY_NEEDS, current.liquidity_need)}
            data-testid="needs-liquidity"
          />
        </Form.Item>
      </Space>
      <Form.Item name="products" label={t("needs.products")}>
        <Select<string[]>
          mode="multiple"
          allowClear
          placeholder={t("needs.notAsked")}
          options={[
            ...PRODUCT_INTERESTS,
            ...current.products_of_interest.filter((c) => !(PRODUCT_INTERESTS as readonly string[]).includes(c)),
          ].map((code) => ({ value: code, label: text.value("products_of_interest", code) }))}
          data-testid="needs-products"
        />
      </Form.Item>
      <Form.Item name="family" label={t("needs.family")}>
        <Select<string>
          style={{ width: 170 }}
          options={options("family_stage", FAMILY_STAGES, current.family_stage)}
          data-testid="needs-family"
        />
      </Form.Item>
      <FormButtons
        cancelLabel={t("needs.cancel")}
        submitLabel={t("needs.save")}
        onCancel={onCancel}
        saving={saving}
        testIdPrefix="needs"
      />
    </Form>
  );
}

interface Props extends FormProps {
  open: boolean;
}

/** 客户需求分析, in a dialog over the 360°. Works offline like every broker write. */
export function NeedsModal({ open, ...form }: Props) {
  const t = useT();
  return (
    <FormDialog open={open} title={t("needs.formTitle", { name: form.profile.name })} onCancel={form.onCancel} width={620}>
      <NeedsForm {...form} />
    </FormDialog>
  );
}
