import { Tabs, Typography } from "antd";
import type { TabsProps } from "antd";
import type { ReactNode } from "react";
import type { ClientProfile } from "../../bindings/ClientProfile";
import { AccessLogTable } from "../../components/AccessLogTable";
import { useT } from "../../i18n/context";
import type { MessageKey } from "../../i18n/messages";
import { ContactLog } from "../ContactLog";
import { PreferencesCard } from "../PreferencesCard";
import { AssetsTab } from "./AssetsTab";
import { CashTab } from "./CashTab";
import { ProfileHeader } from "./ProfileHeader";
import { NeedsTab } from "./NeedsTab";
import { PushesTab } from "./PushesTab";
import { RelationsTab } from "./RelationsTab";
import { RemindersList } from "./RemindersList";
import { ServiceTab } from "./ServiceTab";
import { TradesTab } from "./TradesTab";
import { TransferSection } from "./TransferSection";

export const PROFILE_TABS = ["assets", "needs", "trades", "cash", "service", "pushes", "relations", "access"] as const;
export type ProfileTab = (typeof PROFILE_TABS)[number];

interface Props {
  profile: ClientProfile;
  /** Takes a profile a save returned as the current one. */
  onProfile: (profile: ClientProfile) => void;
  /** Loads the profile again, e.g. after a reveal wrote to the access log. */
  onReload: () => void;
  onOpenClient?: (clientId: string) => void;
}

/**
 * 客户360: the header, then the client's data in tabs on the left and the broker's own work
 * with the client (contacts, follow-ups, preferences, transfer requests) always in view on the right.
 */
export function ProfileBody({ profile, onProfile, onReload, onOpenClient }: Props) {
  const t = useT();
  const label = (key: ProfileTab, count?: number): ReactNode => (
    <span data-testid={`profile-tab-${key}`}>
      {t(`profile.tab.${key}` satisfies MessageKey)}
      {count !== undefined && count > 0 && <span className="tab-count tabular">{count}</span>}
    </span>
  );
  const panes: Record<ProfileTab, ReactNode> = {
    assets: <AssetsTab profile={profile} />,
    needs: <NeedsTab profile={profile} onProfile={onProfile} />,
    trades: <TradesTab profile={profile} />,
    cash: <CashTab profile={profile} />,
    service: <ServiceTab profile={profile} onCases={(cases) => onProfile({ ...profile, service_cases: cases })} />,
    pushes: <PushesTab profile={profile} />,
    relations: <RelationsTab relations={profile.relations} onOpenClient={onOpenClient} />,
    access: (
      <div className="profile-tab" data-testid="profile-access">
        <Typography.Paragraph type="secondary" className="profile-note">
          {t("access.hint")}
        </Typography.Paragraph>
        <AccessLogTable entries={profile.access_log} rowTestId="access-log-entry" />
      </div>
    ),
  };
  const counts: Partial<Record<ProfileTab, number>> = {
    trades: profile.trades.length,
    service: profile.service_cases.length,
    relations: profile.relations.length,
    access: profile.access_log.length,
  };
  const items: TabsProps["items"] = PROFILE_TABS.map((key) => ({
    key,
    label: label(key, counts[key]),
    children: panes[key],
  }));

  return (
    <div className="profile">
      <ProfileHeader profile={profile} onAccessLogged={onReload} />
      <div className="profile-columns">
        <div className="profile-main">
          <Tabs defaultActiveKey="assets" items={items} size="small" />
        </div>
        <aside className="profile-rail">
          <ContactLog profile={profile} onProfile={onProfile} />
          <RemindersList reminders={profile.reminders} />
          <PreferencesCard profile={profile} onProfile={onProfile} />
          <TransferSection profile={profile} />
        </aside>
      </div>
    </div>
  );
}
