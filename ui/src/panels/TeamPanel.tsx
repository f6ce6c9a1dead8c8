import { Tabs } from "antd";
import { useState } from "react";
import { useT } from "../i18n/context";
import { TeamOverview } from "./team/TeamOverview";
import { TransferApprovals } from "./team/TransferApprovals";
import { useTeamTransfers } from "./team/useTeamTransfers";

type TeamTab = "overview" | "transfers";

const isTab = (key: string): key is TeamTab => key === "overview" || key === "transfers";

/**
 * 团队, for team leads and branch managers: 团队概况 (dashboards from the desk's cache, task
 * assignment) and 移交审批 (transfer requests from head office, loaded each time the tab opens).
 */
export function TeamPanel() {
  const t = useT();
  const [tab, setTab] = useState<TeamTab>("overview");
  const transfers = useTeamTransfers();

  const open = (key: string) => {
    const next = isTab(key) ? key : "overview";
    setTab(next);
    if (next === "transfers") transfers.load();
  };

  return (
    <div className="panel team-panel" data-testid="team-panel">
      <Tabs
        activeKey={tab}
        onChange={open}
        size="small"
        items={[
          {
            key: "overview",
            label: <span data-testid="team-tab-overview">{t("teamTransfer.overviewTab")}</span>,
            children: <TeamOverview />,
          },
          {
            key: "transfers",
            label: <span data-testid="team-tab-transfers">{t("teamTransfer.tab")}</span>,
            children: <TransferApprovals transfers={transfers} />,
          },
        ]}
      />
    </div>
  );
}
