import { Card, Typography } from "antd";
import { useMemo } from "react";
import type { ClientProfile } from "../../bindings/ClientProfile";
import { AllocationDonut, AssetTrendChart } from "../../charts";
import { useT } from "../../i18n/context";
import { AccountsTable, HoldingsTable } from "../ProfileTables";

/** 资产: 24-month trend, allocation by asset class, funds accounts and holdings. */
export function AssetsTab({ profile }: { profile: ClientProfile }) {
  const t = useT();
  const points = useMemo(
    () => profile.asset_months.map((m) => ({ month: m.month, totalAssets: m.total_assets })),
    [profile.asset_months],
  );
  const slices = useMemo(
    () => profile.allocation.map((s) => ({ label: t(`assetClass.${s.asset_class}`), value: s.value })),
    [profile.allocation, t],
  );

  return (
    <div className="profile-tab" data-testid="profile-assets">
      <div className="profile-charts">
        <Card size="small" title={t("assets.trend")} className="profile-chart-card">
          <AssetTrendChart points={points} height={220} />
        </Card>
        <Card size="small" title={t("assets.allocation")} className="profile-chart-card">
          <AllocationDonut slices={slices} height={170} />
        </Card>
      </div>
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
