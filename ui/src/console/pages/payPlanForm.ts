// Pay plans as finance types them: yuan with at most two decimals and percentages with at most
// five, read digit by digit into exact fen and Rate (ten-millionths), never through a float.

import type { PayPlan } from "../../bindings/PayPlan";
import { rateToPercent, unscaled } from "../../lib/format";

const YUAN = /^\d{1,12}(\.\d{1,2})?$/;
const PERCENT = /^\d{1,3}(\.\d{1,5})?$/;

function scaled(text: string, pattern: RegExp, decimals: number): number | null {
  const t = text.trim();
  if (!pattern.test(t)) return null;
  const [whole, fraction = ""] = t.split(".");
  return Number(whole + fraction.padEnd(decimals, "0"));
}

/** "1234.5" → 123450 fen; null when it is not an amount in yuan. */
export function yuanToFen(text: string): number | null {
  return scaled(text, YUAN, 2);
}

/** "25" → 2 500 000 (25 % in ten-millionths); null when it is not a percentage. */
export function percentToRate(text: string): number | null {
  return scaled(text, PERCENT, 5);
}

const WAN = /^\d{1,2}(\.\d{1,3})?$/;

/** "0.341" (万0.341) → 341 in ten-millionths; null when it is not a rate per ten thousand. */
export function wanToRate(text: string): number | null {
  return scaled(text, WAN, 3);
}

export const fenToYuan = (fen: number): string => unscaled(fen, 2);
export { rateToPercent };

export interface PlanValues {
  id: string;
  name: string;
  base_pay: string;
  monthly_threshold: string;
  bands: { from: string; rate: string }[];
  new_asset_bonus: string;
  reason: string;
}

export function planValues(plan: PayPlan): Omit<PlanValues, "reason"> {
  return {
    id: plan.id,
    name: plan.name,
    base_pay: fenToYuan(plan.base_pay),
    monthly_threshold: fenToYuan(plan.monthly_threshold),
    bands: plan.bands.map((b) => ({ from: fenToYuan(b.from), rate: rateToPercent(b.rate) })),
    new_asset_bonus: rateToPercent(plan.new_asset_bonus),
  };
}

/** The plan the form describes; the fields were checked by their own rules first. */
export function planFrom(v: PlanValues): PayPlan {
  return {
    id: v.id.trim(),
    name: v.name.trim(),
    base_pay: yuanToFen(v.base_pay) ?? 0,
    monthly_threshold: yuanToFen(v.monthly_threshold) ?? 0,
    bands: v.bands.map((b) => ({ from: yuanToFen(b.from) ?? 0, rate: percentToRate(b.rate) ?? 0 })),
    new_asset_bonus: percentToRate(v.new_asset_bonus) ?? 0,
  };
}

/** The form rule for an amount typed in yuan (the message says how to write one). */
export const yuanRule = {
  validator: (_: unknown, v: string | undefined) =>
    v && yuanToFen(v) !== null ? Promise.resolve() : Promise.reject(new Error("请填写金额（元，最多两位小数）")),
};
