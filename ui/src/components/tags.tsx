import { Space, Tag, Typography } from "antd";
import type { AssessmentStatus } from "../bindings/AssessmentStatus";
import type { RiskLevel } from "../bindings/RiskLevel";
import type { Tier } from "../bindings/Tier";
import { useT } from "../i18n/context";

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

const ASSESSMENT_COLORS: Record<AssessmentStatus, string | undefined> = {
  valid: "green",
  expiring: "orange",
  expired: "red",
  missing: undefined,
};

/** 有效 / 即将到期 / 已过期 / 未测评, as the backend judged it for today. */
export function AssessmentTag({ status }: { status: AssessmentStatus }) {
  const t = useT();
  return (
    <Tag color={ASSESSMENT_COLORS[status]} style={{ marginInlineEnd: 0 }} data-assessment={status}>
      {t(`assessment.${status}`)}
    </Tag>
  );
}

/** "C3 稳健型", or a dash when the client was never assessed. */
export function RiskText({ level }: { level: RiskLevel | null }) {
  const label = useRiskLabel();
  if (level === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return <span>{label(level)}</span>;
}

/** The client's own tags, small and grey. */
export function ClientTags({ tags, max }: { tags: readonly string[]; max?: number }) {
  const shown = max === undefined ? tags : tags.slice(0, max);
  const more = tags.length - shown.length;
  return (
    <Space size={2} wrap={false} className="client-tags">
      {shown.map((tag) => (
        <Tag key={tag} className="client-tag" variant="filled" data-testid="client-tag">
          {tag}
        </Tag>
      ))}
      {more > 0 && (
        <Tag className="client-tag" variant="filled" title={tags.slice(shown.length).join("、")}>
          +{more}
        </Tag>
      )}
    </Space>
  );
}
