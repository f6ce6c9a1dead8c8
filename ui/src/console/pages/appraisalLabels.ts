// How the console names and shows 考核's measures; the scoring is head office's
// (domain::appraisal).

import type { Appraised } from "../../bindings/Appraised";
import type { CohortKind } from "../../bindings/CohortKind";
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

/** Whom a scheme appraises, as the kind of cohort and its id. */
export function appraisedAs(a: Appraised): { kind: CohortKind; id: string } {
  if ("level" in a) return { kind: "level", id: a.level };
  if ("class" in a) return { kind: "class", id: a.class };
  return { kind: "group", id: a.group };
}

/** 级别, 类别 or 组别: the word for a kind of cohort. */
export const COHORT_WORDS: Record<CohortKind, string> = { level: "级别", class: "类别", group: "组别" };

/** 考核 cohorts are keyed by kind and id: `level-PP-AM1`, `class-CL-IA`, `group-GR-BANK`. */
export function cohortKey(a: Appraised): string {
  const { kind, id } = appraisedAs(a);
  return `${kind}-${id}`;
}
