import { EditOutlined } from "@ant-design/icons";
import { Button, Descriptions, Space, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import type { ClientProfile } from "../../bindings/ClientProfile";
import { useT } from "../../i18n/context";
import { formatDateTime } from "../../lib/format";
import { NeedsModal } from "./NeedsForm";
import { useProfileText } from "./needsChoices";

interface Props {
  profile: ClientProfile;
  /** Takes the profile a save returned as the current one. */
  onProfile: (profile: ClientProfile) => void;
}

/** 需求分析: the client's answers, the form to change them, and who changed what when. */
export function NeedsTab({ profile, onProfile }: Props) {
  const t = useT();
  const text = useProfileText();
  const [editing, setEditing] = useState(false);
  const p = profile.preferences;
  const answer = (field: string, stored: string | null, testId: string) => (
    <span data-testid={testId}>
      {stored === null ? <Typography.Text type="secondary">{t("needs.notAsked")}</Typography.Text> : text.value(field, stored)}
    </span>
  );
  const contact = [p.preferred_channel && text.value("preferred_channel", p.preferred_channel), p.best_time_to_call]
    .filter(Boolean)
    .join(" · ");

  return (
    <div className="profile-tab" data-testid="profile-needs">
      <div className="section-head">
        <Space size="small" align="center">
          <Typography.Text type="secondary">{t("needs.hint")}</Typography.Text>
          {p.pending && (
            <Tag color="orange" data-testid="needs-pending">
              {t("needs.pending")}
            </Tag>
          )}
        </Space>
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="needs-edit">
          {t("needs.edit")}
        </Button>
      </div>
      <Descriptions size="small" bordered column={2} className="needs-answers">
        <Descriptions.Item label={t("needs.goal")}>{answer("investment_goal", p.investment_goal, "needs-goal-value")}</Descriptions.Item>
        <Descriptions.Item label={t("needs.horizon")}>{answer("horizon", p.horizon, "needs-horizon-value")}</Descriptions.Item>
        <Descriptions.Item label={t("needs.liquidity")}>
          {answer("liquidity_need", p.liquidity_need, "needs-liquidity-value")}
        </Descriptions.Item>
        <Descriptions.Item label={t("needs.family")}>{answer("family_stage", p.family_stage, "needs-family-value")}</Descriptions.Item>
        <Descriptions.Item label={t("needs.products")} span={2}>
          <span data-testid="needs-products-value">
            {p.products_of_interest.length === 0 ? (
              <Typography.Text type="secondary">{t("needs.notAsked")}</Typography.Text>
            ) : (
              p.products_of_interest.map((code) => <Tag key={code}>{text.value("products_of_interest", code)}</Tag>)
            )}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t("needs.contact")} span={2}>
          {contact || <Typography.Text type="secondary">{t("needs.contactHint")}</Typography.Text>}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} className="profile-section">
        {t("needs.history")}
      </Typography.Title>
      {profile.profile_history.length === 0 ? (
        <Typography.Text type="secondary">{t("needs.historyEmpty")}</Typography.Text>
      ) : (
        <Timeline
          className="needs-history"
          data-testid="needs-history"
          items={profile.profile_history.map((change) => ({
            key: change.version,
            content: (
              <div data-testid="needs-history-entry">
                <Typography.Text strong>
                  {t("needs.historyBy", { who: change.changed_by, at: formatDateTime(change.changed_at) })}
                </Typography.Text>{" "}
                <Typography.Text type="secondary">{t("needs.historyVersion", { version: change.version })}</Typography.Text>
                <ul className="needs-history-fields">
                  {change.changes.map((c) => (
                    <li key={c.field}>
                      {text.label(c.field)}：{text.value(c.field, c.before)} → {text.value(c.field, c.after)}
                    </li>
                  ))}
                </ul>
              </div>
            ),
          }))}
        />
      )}
      <NeedsModal
        open={editing}
        profile={profile}
        onCancel={() => setEditing(false)}
        onSaved={(next) => {
          setEditing(false);
          onProfile(next);
        }}
      />
    </div>
  );
}
