import type { LibraryReviewState } from "../../bindings/LibraryReviewState";
import type { ProductKind } from "../../bindings/ProductKind";
import type { ProductRisk } from "../../bindings/ProductRisk";
import type { TargetInvestors } from "../../bindings/TargetInvestors";
import { recommendZh } from "../../i18n/recommendMessages";

export const STATE_LABELS: Record<LibraryReviewState, { text: string; color: string }> = {
  drafting: { text: "起草中", color: "default" },
  submitted: { text: "待合规审核", color: "gold" },
  returned: { text: "已退回修改", color: "orange" },
  published: { text: "已发布", color: "green" },
  withdrawn: { text: "已撤回", color: "red" },
};

export const KINDS: ProductKind[] = ["research_report", "stock_pick", "fund", "wealth_product"];
export const RISKS: ProductRisk[] = ["R1", "R2", "R3", "R4", "R5"];

/** Whom an item may be pushed to (投资者类别), as compliance approves it. */
export const TARGETS: { value: TargetInvestors; label: string }[] = [
  { value: "all", label: "普通及专业投资者" },
  { value: "professional_only", label: "仅限专业投资者" },
];

export function targetName(target: TargetInvestors): string {
  return TARGETS.find((t) => t.value === target)?.label ?? target;
}

export function kindName(kind: ProductKind): string {
  return recommendZh[`product.kind.${kind}`];
}

export function riskName(risk: ProductRisk): string {
  return `${risk} ${recommendZh[`product.risk.${risk}`]}`;
}
