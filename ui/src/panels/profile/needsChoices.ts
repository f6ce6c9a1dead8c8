// The needs analysis's choices, in the order the backend's `domain::needs` lists them, and how a
// stored code reads. A code this window does not know is shown as it is, never dropped.

import type { FamilyStage } from "../../bindings/FamilyStage";
import type { InvestmentGoal } from "../../bindings/InvestmentGoal";
import type { InvestmentHorizon } from "../../bindings/InvestmentHorizon";
import type { LiquidityNeed } from "../../bindings/LiquidityNeed";
import type { ProductInterest } from "../../bindings/ProductInterest";
import { useT } from "../../i18n/context";
import type { MessageKey } from "../../i18n/messages";
import { useChannelLabel } from "../contactChannels";

export const INVESTMENT_GOALS: readonly InvestmentGoal[] = [
  "capital_preservation",
  "steady_growth",
  "aggressive_growth",
  "retirement",
  "child_education",
  "legacy",
];
export const HORIZONS: readonly InvestmentHorizon[] = ["under_1y", "1y_to_3y", "3y_to_5y", "over_5y"];
export const LIQUIDITY_NEEDS: readonly LiquidityNeed[] = ["high", "medium", "low"];
export const PRODUCT_INTERESTS: readonly ProductInterest[] = [
  "equity",
  "fund",
  "bond",
  "wealth_management",
  "margin",
  "options",
  "gold",
];
export const FAMILY_STAGES: readonly FamilyStage[] = [
  "single",
  "married",
  "with_children",
  "children_grown",
  "retired",
];

const has = <T extends string>(list: readonly T[], code: string): code is T => (list as readonly string[]).includes(code);

/** The label key of a code of one of the profile's fields; null when the code is not known here. */
function codeKey(field: string, code: string): MessageKey | null {
  switch (field) {
    case "investment_goal":
      return has(INVESTMENT_GOALS, code) ? `needs.goal.${code}` : null;
    case "horizon":
      return has(HORIZONS, code) ? `needs.horizon.${code}` : null;
    case "liquidity_need":
      return has(LIQUIDITY_NEEDS, code) ? `needs.liquidity.${code}` : null;
    case "family_stage":
      return has(FAMILY_STAGES, code) ? `needs.family.${code}` : null;
    default:
      return has(PRODUCT_INTERESTS, code) ? `needs.product.${code}` : null;
  }
}

const FIELD_KEYS: Record<string, MessageKey> = {
  preferred_channel: "needs.field.preferred_channel",
  best_time_to_call: "needs.field.best_time_to_call",
  remark: "needs.field.remark",
  investment_goal: "needs.field.investment_goal",
  horizon: "needs.field.horizon",
  liquidity_need: "needs.field.liquidity_need",
  products_of_interest: "needs.field.products_of_interest",
  family_stage: "needs.field.family_stage",
};

/** How the profile's fields and their stored values read: `label(field)` and `value(field, stored)`. */
export function useProfileText(): { label: (field: string) => string; value: (field: string, stored: string | null) => string } {
  const t = useT();
  const channelLabel = useChannelLabel();
  const one = (field: string, code: string) => {
    const key = codeKey(field, code);
    return key ? t(key) : t("needs.unknownCode", { code });
  };
  return {
    label: (field) => (field in FIELD_KEYS ? t(FIELD_KEYS[field]) : field),
    value: (field, stored) => {
      if (stored === null || stored === "") return t("needs.blank");
      switch (field) {
        case "preferred_channel":
          return channelLabel(stored);
        case "best_time_to_call":
        case "remark":
          return stored;
        case "products_of_interest":
          return stored
            .split(",")
            .map((code) => one(field, code))
            .join("、");
        default:
          return one(field, stored);
      }
    },
  };
}
