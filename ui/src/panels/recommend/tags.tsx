import { Tag, Tooltip } from "antd";
import type { ApprovalState } from "../../bindings/ApprovalState";
import type { DeliveryStatus } from "../../bindings/DeliveryStatus";
import type { ProductKind } from "../../bindings/ProductKind";
import type { ProductRisk } from "../../bindings/ProductRisk";
import type { PushState } from "../../bindings/PushState";
import type { TargetInvestors } from "../../bindings/TargetInvestors";
import type { Verdict } from "../../bindings/Verdict";
import { useT } from "../../i18n/context";

export const PRODUCT_KINDS: readonly ProductKind[] = ["research_report", "stock_pick", "fund", "wealth_product"];
export const PRODUCT_RISKS: readonly ProductRisk[] = ["R1", "R2", "R3", "R4", "R5"];

/** Low risk green through high risk red. */
const RISK_COLORS: Record<ProductRisk, string> = {
  R1: "green",
  R2: "cyan",
  R3: "gold",
  R4: "orange",
  R5: "red",
};

const KIND_COLORS: Record<ProductKind, string> = {
  research_report: "blue",
  stock_pick: "geekblue",
  fund: "purple",
  wealth_product: "magenta",
};

const tagStyle = { marginInlineEnd: 0 } as const;

/** "R3 中风险", coloured by level. */
export function ProductRiskTag({ risk }: { risk: ProductRisk }) {
  const t = useT();
  return (
    <Tag color={RISK_COLORS[risk]} style={tagStyle} data-risk={risk}>
      {risk} {t(`product.risk.${risk}`)}
    </Tag>
  );
}

/** 仅限专业投资者: nothing is shown for an item for all investors. */
export function TargetInvestorsTag({ target }: { target: TargetInvestors }) {
  const t = useT();
  if (target === "all") return null;
  return (
    <Tooltip title={t("product.professionalOnlyHint")}>
      <Tag color="volcano" style={tagStyle} data-testid="professional-only">
        {t("product.professionalOnly")}
      </Tag>
    </Tooltip>
  );
}

export function ProductKindTag({ kind }: { kind: ProductKind }) {
  const t = useT();
  return (
    <Tag color={KIND_COLORS[kind]} variant="outlined" style={tagStyle}>
      {t(`product.kind.${kind}`)}
    </Tag>
  );
}

export function ApprovalTag({ approval }: { approval: ApprovalState }) {
  const t = useT();
  return (
    <Tag color={approval === "approved" ? "green" : "red"} variant="outlined" style={tagStyle}>
      {t(`product.approval.${approval}`)}
    </Tag>
  );
}

/** 不可推送, with why on hover. */
export function NotPushableTag() {
  const t = useT();
  return (
    <Tooltip title={t("product.notPushableHint")}>
      <Tag color="default" style={tagStyle} data-testid="not-pushable">
        {t("product.notPushable")}
      </Tag>
    </Tooltip>
  );
}

type VerdictKind = Verdict["verdict"];

export const VERDICT_LABELS = {
  allowed: "check.allowed",
  needs_confirmation: "check.needsConfirmation",
  blocked: "check.blocked",
} as const satisfies Record<VerdictKind, string>;

const VERDICT_COLORS: Record<VerdictKind, string> = {
  allowed: "green",
  needs_confirmation: "orange",
  blocked: "red",
};

/** 可推送 green, 需确认 orange, 不可推送 red. */
export function VerdictTag({ verdict }: { verdict: Verdict }) {
  const t = useT();
  return (
    <Tag color={VERDICT_COLORS[verdict.verdict]} style={tagStyle} data-verdict={verdict.verdict}>
      {t(VERDICT_LABELS[verdict.verdict])}
    </Tag>
  );
}

const STATE_COLORS: Record<PushState, string> = {
  pending: "default",
  accepted: "blue",
  refused: "red",
};

/** 待同步 / 总部已受理 / 总部已拒绝 (with head office's reason on hover). */
export function PushStateTag({ state, refusal }: { state: PushState; refusal?: string | null }) {
  const t = useT();
  const tag = (
    <Tag color={STATE_COLORS[state]} style={tagStyle} data-state={state}>
      {t(`push.state.${state}`)}
    </Tag>
  );
  return refusal ? <Tooltip title={t("push.refusal", { reason: refusal })}>{tag}</Tooltip> : tag;
}

const STATUS_COLORS: Record<DeliveryStatus, string> = {
  queued: "default",
  sent: "processing",
  delivered: "cyan",
  read: "blue",
  replied: "green",
  failed: "red",
  refused: "red",
};

interface StatusProps {
  /** Null until head office has taken the push. */
  status: DeliveryStatus | null;
  /** The push's own state: a refused push has no delivery, yet its recipients were refused. */
  state: PushState;
  testId?: string;
}

/** Where the message is for one recipient: 待同步 until head office takes the push. */
export function DeliveryStatusTag({ status, state, testId }: StatusProps) {
  const t = useT();
  if (status === null) {
    const refused = state === "refused";
    return (
      <Tag color={refused ? "red" : "default"} style={tagStyle} data-testid={testId} data-status="">
        {t(refused ? "delivery.refused" : "delivery.unsynced")}
      </Tag>
    );
  }
  return (
    <Tag color={STATUS_COLORS[status]} style={tagStyle} data-testid={testId} data-status={status}>
      {t(`delivery.${status}`)}
    </Tag>
  );
}
