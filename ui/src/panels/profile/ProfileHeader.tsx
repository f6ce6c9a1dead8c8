import { Avatar, Descriptions, Space, Tag, Typography } from "antd";
import type { DescriptionsProps } from "antd";
import type { ClientProfile } from "../../bindings/ClientProfile";
import { brokerLabel, useCurrentUser } from "../../components/currentUser";
import { AssessmentTag, ClientTags, RiskText, TierTag } from "../../components/tags";
import { useT } from "../../i18n/context";
import { formatFen, formatInstantDate, rateToPercent } from "../../lib/format";
import { SensitiveValue } from "./SensitiveValue";

interface Props {
  profile: ClientProfile;
  /** A reveal wrote to the access log: reload the profile to show it. */
  onAccessLogged: () => void;
}

/** 客户360's header: who the client is, their standing, their brokers and masked identity. */
export function ProfileHeader({ profile, onAccessLogged }: Props) {
  const t = useT();
  const me = useCurrentUser();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const accountsMasked = profile.accounts.map((a) => a.account_no_masked).join("、");

  const items: DescriptionsProps["items"] = [
    {
      key: "risk",
      label: t("profile.risk"),
      children: (
        <span data-testid="profile-risk">
          <RiskText level={profile.risk_level} />
        </span>
      ),
    },
    {
      key: "assessment",
      label: t("profile.assessment"),
      children: (
        <Space size={6} wrap>
          <span data-testid="profile-assessment">
            <AssessmentTag status={profile.assessment_status} />
          </span>
          {profile.assessment_expires_on && (
            <Typography.Text type="secondary" className="tabular">
              {t("profile.expiresOn")} {profile.assessment_expires_on}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: "assessedOn", label: t("profile.assessedOn"), children: profile.assessed_on ?? dash },
    {
      key: "serving",
      label: t("profile.servingBroker"),
      children: brokerLabel(profile.serving_broker_id, me, t("profile.self"), profile.serving_broker_name),
    },
    {
      key: "developing",
      label: t("profile.developingBroker"),
      children: brokerLabel(
        profile.developing_broker_id,
        me,
        t("profile.self"),
        profile.developing_broker_name,
      ),
    },
    ...(profile.co_server
      ? [
          {
            key: "coServer",
            label: t("profile.coServer"),
            children: (
              <span data-testid="profile-co-server">
                {brokerLabel(profile.co_server.broker_id, me, t("profile.self"), profile.co_server.broker_name)}
                <Typography.Text type="secondary">
                  {" · "}
                  {t("profile.coServerTerms", {
                    share: rateToPercent(profile.co_server.share),
                    since: profile.co_server.since,
                  })}
                </Typography.Text>
              </span>
            ),
          },
        ]
      : []),
    {
      key: "lastContact",
      label: t("profile.lastContact"),
      children: profile.last_contact_at ? formatInstantDate(profile.last_contact_at) : t("clients.noContact"),
    },
    {
      key: "idNumber",
      label: t("profile.idNumber"),
      children: (
        <SensitiveValue
          clientId={profile.id}
          field="id_number"
          masked={profile.id_number_masked}
          onRevealed={onAccessLogged}
        />
      ),
    },
    {
      key: "mobile",
      label: t("profile.mobile"),
      children: (
        <SensitiveValue
          clientId={profile.id}
          field="mobile"
          masked={profile.mobile_masked}
          onRevealed={onAccessLogged}
        />
      ),
    },
    {
      key: "accounts",
      label: t("profile.accountNumbers"),
      children:
        profile.accounts.length === 0 ? (
          dash
        ) : (
          <SensitiveValue
            clientId={profile.id}
            field="account_number"
            masked={accountsMasked}
            onRevealed={onAccessLogged}
          />
        ),
    },
  ];

  return (
    <section className="profile-header" data-testid="profile-header">
      <div className="profile-header-top">
        <Avatar size={52} className="profile-avatar">
          {profile.name.slice(0, 1)}
        </Avatar>
        <div className="profile-identity">
          <div className="profile-title">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="profile-name">
              {profile.name}
            </Typography.Title>
            <TierTag tier={profile.tier} />
            <Tag color={profile.investor_class === "Professional" ? "cyan" : undefined} style={{ marginInlineEnd: 0 }}>
              {t(`investor.${profile.investor_class}`)}
            </Tag>
            {profile.age !== null && (
              <Typography.Text type="secondary" data-testid="profile-age">
                {t("profile.age", { age: profile.age })}
              </Typography.Text>
            )}
          </div>
          <div className="profile-subtitle">
            <Typography.Text type="secondary" className="tabular">
              {t("profile.clientId")} {profile.id}
            </Typography.Text>
            <Typography.Text type="secondary" className="tabular">
              {t("profile.openedOn")} {profile.opened_on}
            </Typography.Text>
            {profile.tags.length > 0 && <ClientTags tags={profile.tags} />}
          </div>
        </div>
        <div className="profile-assets">
          <Typography.Text type="secondary">{t("profile.totalAssets")}</Typography.Text>
          <div className="profile-assets-value tabular" data-testid="profile-total-assets">
            {formatFen(profile.total_assets)}
          </div>
        </div>
      </div>
      <Descriptions size="small" column={3} items={items} className="profile-facts" />
    </section>
  );
}
