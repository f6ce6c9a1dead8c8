import { Alert, Descriptions, Drawer, Spin, Tag, Typography } from "antd";
import type { DescriptionsProps } from "antd";
import { useEffect, useRef, useState } from "react";
import { api, toIpcError } from "../api";
import type { ClientProfile } from "../bindings/ClientProfile";
import type { IpcError } from "../bindings/IpcError";
import { RiskCell, TierTag, useRiskLabel } from "../components/tags";
import { useSyncStatusEvents } from "../hooks/useSyncStatus";
import { useT } from "../i18n/context";
import { formatFen, formatInstantDate, todayInShanghai } from "../lib/format";
import { ContactLog } from "./ContactLog";
import { PreferencesCard } from "./PreferencesCard";
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

/** 客户360 (basic): identity, risk, accounts, holdings and contact log of one client. */
export function ClientProfileDrawer({ clientId, onClose }: Props) {
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reloads, setReloads] = useState(0);
  // Bumped by every load and every saved note, so that an older answer never replaces a newer profile.
  const generation = useRef(0);
  const shownId = useRef(clientId);
  const wasSyncing = useRef(false);

  useEffect(() => {
    shownId.current = clientId;
    if (clientId === null) return;
    let active = true;
    const asked = ++generation.current;
    const fresh = () => active && generation.current === asked;
    api.clientProfile(clientId).then(
      (profile) => {
        if (fresh()) setLoaded({ id: clientId, profile, error: null });
      },
      (reason: unknown) => {
        if (!fresh()) return;
        const error = toIpcError(reason);
        // A failed refresh keeps the profile on screen (and any note being typed).
        setLoaded((prev) =>
          prev?.id === clientId && prev.profile ? prev : { id: clientId, profile: null, error },
        );
      },
    );
    return () => {
      active = false;
    };
  }, [clientId, reloads]);

  // A finished sync may have confirmed or rolled back pending notes: show the cache's view.
  useSyncStatusEvents((status) => {
    if (wasSyncing.current && !status.syncing) setReloads((n) => n + 1);
    wasSyncing.current = status.syncing;
  });

  const takeProfile = (profile: ClientProfile) => {
    // A save that finishes after the drawer moved on to another client changes nothing here.
    if (profile.id !== shownId.current) return;
    generation.current += 1;
    setLoaded((prev) => (prev?.id === profile.id ? { id: profile.id, profile, error: null } : prev));
  };

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
        {profile && <ProfileBody key={profile.id} profile={profile} onProfile={takeProfile} />}
      </div>
    </Drawer>
  );
}

interface BodyProps {
  profile: ClientProfile;
  onProfile: (profile: ClientProfile) => void;
}

function ProfileBody({ profile, onProfile }: BodyProps) {
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
      <PreferencesCard profile={profile} onProfile={onProfile} />
      <ContactLog profile={profile} onProfile={onProfile} />
    </div>
  );
}
