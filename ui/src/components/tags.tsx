import { Space, Tag } from "antd";
import type { RiskLevel } from "../bindings/RiskLevel";
import type { Tier } from "../bindings/Tier";
import { useT } from "../i18n/context";
import { assessmentState } from "../lib/format";

const TIER_COLORS: Record<Tier, string | undefined> = {
  Standard: undefined,
  Silver: "geekblue",
  Gold: "gold",
  Platinum: "purple",
  Diamond: "magenta",
};

export function TierTag({ tier }: { tier: Tier }) {
  const t = useT();
  return (
    <Tag color={TIER_COLORS[tier]} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t(`tier.${tier}`)}
    </Tag>
  );
}

/** "C3 稳健型". */
export function useRiskLabel(): (level: RiskLevel) => string {
  const t = useT();
  return (level) => `${level} ${t(`risk.${level}`)}`;
}

interface RiskProps {
  level: RiskLevel | null;
  expiresOn: string | null;
  /** Today's date in Shanghai, "YYYY-MM-DD". */
  today: string;
}

/** The risk level with a red 已过期 or orange 即将到期 tag, or 未测评. */
export function RiskCell({ level, expiresOn, today }: RiskProps) {
  const t = useT();
  const label = useRiskLabel();
  if (level === null) return <Tag style={{ marginInlineEnd: 0 }}>{t("risk.none")}</Tag>;
  const state = assessmentState(expiresOn, today);
  return (
    <Space size={4} wrap={false}>
      <span>{label(level)}</span>
      {state === "expired" && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t("risk.expired")}
        </Tag>
      )}
      {state === "expiring" && (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t("risk.expiring")}
        </Tag>
      )}
    </Space>
  );
}
