// The needs analysis's conditions on a client query (投资目标, 投资期限 at least, 感兴趣的产品), as
// the list's filter bar and the push's recipient filter keep them.

import type { InvestmentGoal } from "../bindings/InvestmentGoal";
import type { InvestmentHorizon } from "../bindings/InvestmentHorizon";
import type { ProductInterest } from "../bindings/ProductInterest";

export interface NeedsFilterValue {
  goals: InvestmentGoal[];
  horizonAtLeast: InvestmentHorizon | null;
  interestedIn: ProductInterest | null;
}

export const NO_NEEDS: NeedsFilterValue = { goals: [], horizonAtLeast: null, interestedIn: null };

/** The needs fields of ClientQuery. */
interface NeedsFields {
  goals?: InvestmentGoal[];
  horizon_at_least?: InvestmentHorizon;
  interested_in?: ProductInterest;
}

/** The conditions a query carries. */
export function needsOf(query: NeedsFields): NeedsFilterValue {
  return {
    goals: query.goals ?? [],
    horizonAtLeast: query.horizon_at_least ?? null,
    interestedIn: query.interested_in ?? null,
  };
}

/** The conditions as a query's fields; an empty one is left out. */
export function needsQuery(value: NeedsFilterValue): NeedsFields {
  return {
    ...(value.goals.length > 0 ? { goals: [...value.goals] } : {}),
    ...(value.horizonAtLeast ? { horizon_at_least: value.horizonAtLeast } : {}),
    ...(value.interestedIn ? { interested_in: value.interestedIn } : {}),
  };
}

export function hasNeeds(value: NeedsFilterValue): boolean {
  return value.goals.length > 0 || value.horizonAtLeast !== null || value.interestedIn !== null;
}

/** The query with its needs conditions replaced by `value`'s. */
export function withNeeds<Q extends NeedsFields>(query: Q, value: NeedsFilterValue): Q {
  const next = { ...query };
  delete next.goals;
  delete next.horizon_at_least;
  delete next.interested_in;
  return { ...next, ...needsQuery(value) };
}
