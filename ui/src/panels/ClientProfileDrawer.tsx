import { Alert, Descriptions, Drawer, Spin, Tag, Typography } from "antd";
import type { DescriptionsProps } from "antd";
import { useEffect, useState } from "react";
import { api, toIpcError } from "../api";
import type { ClientProfile } from "../bindings/ClientProfile";
import type { IpcError } from "../bindings/IpcError";
import { RiskCell, TierTag, useRiskLabel } from "../components/tags";
import { useT } from "../i18n/context";
import { formatFen, formatInstantDate, todayInShanghai } from "../lib/format";
import { AccountsTable, HoldingsTable } from "./ProfileTables";
import { brokerLabel, useCurrentUser } from "../components/currentUser";

interface Loaded {
  id: string;
  profile: ClientProfile | null;
  error: IpcError | null;
}

interface Props {
  /** The client to show; the drawer is closed when null. */
  clientId: string | null;
  onClose: () => void;
}

/** 客户360 (basic): identity, risk, accounts and holdings of one client. */
export function ClientProfileDrawer({ clientId, onClose }: Props) {
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (clientId === null) return;
    let active = true;
    api.clientProfile(clientId).then(
      (profile) => {
        if (active) setLoaded({ id: clientId, profile, error: null });
      },
      (reason: unknown) => {
        if (active) setLoaded({ id: clientId, profile: null, error: toIpcError(reason) });
      },
    );
    return () => {
      active = false;
    };
  }, [clientId]);

  const current = loaded !== null && loaded.id === clientId ? loaded : null;
  const profile = current?.profile ?? null;

  return (
    <Drawer
      open={clientId !== null}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={t("profile.title")}
    >
      <div data-testid="client-profile">
        {clientId !== null && current === null && (
          <div className="drawer-loading">
            <Spin />
          </div>
        )}
        {current?.error && (
          <Alert
            type="error"
            showIcon
            title={t("profile.loadFailed")}
            description={current.error.message}
            data-testid="profile-error"
          />
        )}
        {profile && <ProfileBody profile={profile} />}
      </div>
    </Drawer>
  );
}

function ProfileBody({ profile }: { profile: ClientProfile }) {
  const t = useT();
  const me = useCurrentUser();
  const riskLabel = useRiskLabel();
  const [today] = useState(() => todayInShanghai());
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const items: DescriptionsProps["items"] = [
    { key: "id", label: t("profile.clientId"), children: <span className="tabular">{profile.id}</span> },
    {
      key: "idNumber",
      label: t("profile.idNumber"),
      children: (
        <span className="tabular" data-testid="profile-id-number">
          {profile.id_number_masked}
        </span>
      ),
    },
    {
      key: "mobile",
      label: t("profile.mobile"),
      children: (
        <span className="tabular" data-testid="profile-mobile">
          {profile.mobile_masked}
        </span>
      ),
    },
    {
      key: "class",
      label: t("profile.investorClass"),
      children: t(`investor.${profile.investor_class}`),
    },
    {
      key: "risk",
      label: t("profile.risk"),
      children: (
        <RiskCell
          level={profile.risk_level}
          expiresOn={profile.assessment_expires_on}
          today={today}
        />
      ),
    },
    {
      key: "assessedOn",
      label: t("profile.assessedOn"),
      children: profile.assessed_on ?? dash,
    },
    {
      key: "expiresOn",
      label: t("profile.expiresOn"),
      children: profile.assessment_expires_on ?? dash,
    },
    { key: "openedOn", label: t("profile.openedOn"), children: profile.opened_on },
    {
      key: "serving",
      label: t("profile.servingBroker"),
      children: brokerLabel(profile.serving_broker_id, me, t("profile.self")),
    },
    {
      key: "developing",
      label: t("profile.developingBroker"),
      children: brokerLabel(profile.developing_broker_id, me, t("profile.self")),
    },
    {
      key: "assets",
      label: t("profile.totalAssets"),
      children: <span className="tabular">{formatFen(profile.total_assets)}</span>,
    },
    {
      key: "lastContact",
      label: t("profile.lastContact"),
      children: profile.last_contact_at ? formatInstantDate(profile.last_contact_at) : t("clients.noContact"),
    },
  ];

  return (
    <div className="profile">
      <div className="profile-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {profile.name}
        </Typography.Title>
        <TierTag tier={profile.tier} />
        {profile.risk_level ? (
          <Tag color="blue" data-testid="profile-risk">
            {riskLabel(profile.risk_level)}
          </Tag>
        ) : (
          <Tag data-testid="profile-risk">{t("risk.none")}</Tag>
        )}
      </div>
      <Descriptions
        size="small"
        bordered
        column={2}
        title={t("profile.basic")}
        items={items}
        styles={{ label: { width: 110 } }}
      />
      <Typography.Title level={5} className="profile-section">
        {t("profile.accounts")}
      </Typography.Title>
      <AccountsTable accounts={profile.accounts} />
      <Typography.Title level={5} className="profile-section">
        {t("profile.holdings")}
      </Typography.Title>
      <HoldingsTable holdings={profile.holdings} />
    </div>
  );
}
