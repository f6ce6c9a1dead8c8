// How the console names and shows 考核's measures; the scoring is head office's
// (domain::appraisal).

import type { Appraised } from "../../bindings/Appraised";
import type { Measure } from "../../bindings/Measure";
import { formatFen } from "../../lib/format";

export const MEASURE_NAMES: Record<Measure, string> = {
  net_commission: "净佣金",
  net_new_assets: "净流入资产",
  active_clients: "活跃客户",
  contact_coverage: "联系覆盖率",
  open_complaints: "未结投诉",
  satisfaction: "客户满意度",
  blocked_recipients: "适当性拦截",
};

/** A measure's figure as the broker's month has it: yuan, a count, or a percentage. */
export function measureFigure(measure: Measure, figure: number): string {
  switch (measure) {
    case "net_commission":
    case "net_new_assets":
      return formatFen(figure);
    case "contact_coverage":
      return `${(figure / 100).toFixed(2)}%`;
    case "active_clients":
      return `${figure} 人`;
    case "satisfaction":
      return `${(figure / 10).toFixed(1)} 分`;
    case "open_complaints":
    case "blocked_recipients":
      return `${figure} 次`;
  }
}

/** A total in hundredths of a point, as points out of 100. */
export function points(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}

/** 考核 cohorts are keyed by kind and id: `level-PP-AM1`, `class-CL-IA`. */
export function cohortKey(a: Appraised): string {
  return "level" in a ? `level-${a.level}` : `class-${a.class}`;
}
