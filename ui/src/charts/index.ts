// Dependency-free SVG charts. Amounts are integer fen throughout.
export {
  AllocationDonut,
  ALLOCATION_MAX_SLICES,
  type AllocationDonutProps,
  type AllocationSlice,
} from "./AllocationDonut";
export {
  AssetTrendChart,
  ASSET_TREND_MAX_MONTHS,
  type AssetTrendChartProps,
  type AssetTrendPoint,
} from "./AssetTrendChart";
export {
  CommissionHistoryChart,
  OFFICIAL_COLOR,
  type CommissionHistoryChartProps,
  type MonthMetric,
} from "./CommissionHistoryChart";
export { DailyCumulativeChart, type DailyCumulativeChartProps } from "./DailyCumulativeChart";
export { compactYuan, percentFixed, percentText } from "./format";
export { ParetoChart, PARETO_MAX_BARS, type ParetoChartProps } from "./ParetoChart";
export { paretoBuckets, paretoSummary, type ParetoBucket, type ParetoSummary } from "./pareto";
export { Sparkline, type SparklineProps } from "./Sparkline";
