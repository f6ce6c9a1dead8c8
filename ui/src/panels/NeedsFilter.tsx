import { Select } from "antd";
import type { InvestmentGoal } from "../bindings/InvestmentGoal";
import type { InvestmentHorizon } from "../bindings/InvestmentHorizon";
import type { ProductInterest } from "../bindings/ProductInterest";
import { useT } from "../i18n/context";
import type { NeedsFilterValue } from "../lib/needsQuery";
import { HORIZONS, INVESTMENT_GOALS, PRODUCT_INTERESTS } from "./profile/needsChoices";

interface Props {
  value: NeedsFilterValue;
  onChange: (patch: Partial<NeedsFilterValue>) => void;
}

/** "At least 1 year" and up: "at least under a year" is no condition. */
const HORIZON_FLOORS = HORIZONS.filter((h) => h !== "under_1y");

/** 投资目标 (any of), 投资期限 (at least) and 感兴趣的产品: for the client list and push recipients. */
export function NeedsFilter({ value, onChange }: Props) {
  const t = useT();
  return (
    <>
      <Select<InvestmentGoal[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t("filter.goal")}
        aria-label={t("filter.goal")}
        style={{ width: 180 }}
        value={value.goals}
        onChange={(goals) => onChange({ goals })}
        options={INVESTMENT_GOALS.map((g) => ({ value: g, label: t(`needs.goal.${g}`) }))}
        data-testid="filter-goal"
      />
      <Select<InvestmentHorizon>
        allowClear
        placeholder={t("filter.horizon")}
        aria-label={t("filter.horizon")}
        style={{ width: 140 }}
        value={value.horizonAtLeast ?? undefined}
        onChange={(h) => onChange({ horizonAtLeast: h ?? null })}
        options={HORIZON_FLOORS.map((h) => ({ value: h, label: t(`needs.horizonAtLeast.${h}`) }))}
        data-testid="filter-horizon"
      />
      <Select<ProductInterest>
        allowClear
        placeholder={t("filter.interest")}
        aria-label={t("filter.interest")}
        style={{ width: 150 }}
        value={value.interestedIn ?? undefined}
        onChange={(p) => onChange({ interestedIn: p ?? null })}
        options={PRODUCT_INTERESTS.map((p) => ({ value: p, label: t(`needs.product.${p}`) }))}
        data-testid="filter-interest"
      />
    </>
  );
}
