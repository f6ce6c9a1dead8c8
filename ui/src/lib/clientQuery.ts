// The client list's filters as the broker sets them, and the ClientQuery `list_clients`,
// `export_clients` and saved filters take. Amounts typed in 万元 become integer fen exactly.

import type { AssessmentStatus } from "../bindings/AssessmentStatus";
import type { ClientQuery } from "../bindings/ClientQuery";
import type { ClientSort } from "../bindings/ClientSort";
import type { ClientSortField } from "../bindings/ClientSortField";
import type { Fen } from "../bindings/Fen";
import type { RiskLevel } from "../bindings/RiskLevel";
import type { Tier } from "../bindings/Tier";
import { hasNeeds, needsOf, needsQuery, NO_NEEDS, type NeedsFilterValue } from "./needsQuery";

/** Rows asked for at a time as the list scrolls. */
export const CLIENT_PAGE_SIZE = 200;
/** The most rows `list_clients` returns in one call. */
export const MAX_PAGE = 1000;

/** Fen in one 万元 (10,000 yuan). */
export const FEN_PER_WAN = 1_000_000;

export const TIERS: readonly Tier[] = ["Standard", "Silver", "Gold", "Platinum", "Diamond"];
export const RISK_LEVELS: readonly RiskLevel[] = ["C1", "C2", "C3", "C4", "C5"];
export const ASSESSMENT_STATUSES: readonly AssessmentStatus[] = ["valid", "expiring", "expired", "missing"];
export const SORT_FIELDS: readonly ClientSortField[] = [
  "total_assets",
  "name",
  "last_contact",
  "assessment_expiry",
  "opened_on",
];

/** The last-contact choices: contacted within N days, or not contacted for N days. */
export const CONTACT_FILTERS = [
  { value: "within7", within: 7 },
  { value: "within30", within: 30 },
  { value: "within90", within: 90 },
  { value: "not30", notFor: 30 },
  { value: "not90", notFor: 90 },
  { value: "not180", notFor: 180 },
] as const;

export type ContactFilter = (typeof CONTACT_FILTERS)[number]["value"];

export interface ClientFilters {
  tiers: Tier[];
  riskLevels: RiskLevel[];
  assessment: AssessmentStatus[];
  /** As typed, in 万元 ("50", "12.5"); null when empty. */
  assetsMinWan: string | null;
  assetsMaxWan: string | null;
  tag: string | null;
  contact: ContactFilter | null;
  dormantOnly: boolean;
  /** 需求分析: goal, horizon, product of interest. */
  needs: NeedsFilterValue;
}

export const EMPTY_FILTERS: ClientFilters = {
  tiers: [],
  riskLevels: [],
  assessment: [],
  assetsMinWan: null,
  assetsMaxWan: null,
  tag: null,
  contact: null,
  dormantOnly: false,
  needs: NO_NEEDS,
};

/** The biggest clients first, as the backend's own default. */
export const DEFAULT_SORT: ClientSort = { field: "total_assets", descending: true };

/** A query without its window: what identifies one list. */
export type BaseQuery = Omit<ClientQuery, "offset" | "limit">;

const WAN_RE = /^(\d+)(?:\.(\d*))?$/;
const FEN_DIGITS_PER_WAN = 6;

/**
 * A non-negative amount typed in 万元 as integer fen, by decimal digits, never by float
 * multiplication: "12.5" → 12_500_000, "0.07" → 70_000. Digits beyond one fen are dropped.
 * Null for empty or unreadable text.
 */
export function wanToFen(text: string | null | undefined): Fen | null {
  if (text === null || text === undefined) return null;
  const m = WAN_RE.exec(text.trim());
  if (!m) return null;
  const whole = Number(m[1]);
  const frac = Number((m[2] ?? "").slice(0, FEN_DIGITS_PER_WAN).padEnd(FEN_DIGITS_PER_WAN, "0"));
  const fen = whole * FEN_PER_WAN + frac;
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Integer fen as 万元 text for the inputs, exactly: 12_500_000 → "12.5". */
export function fenToWan(fen: Fen | null): string | null {
  if (fen === null || !Number.isSafeInteger(fen)) return null;
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const rest = abs % FEN_PER_WAN;
  const whole = (abs - rest) / FEN_PER_WAN;
  const frac = String(rest).padStart(FEN_DIGITS_PER_WAN, "0").replace(/0+$/, "");
  return frac ? `${sign}${whole}.${frac}` : `${sign}${whole}`;
}

function contactDays(contact: ContactFilter | null): { within: number | null; notFor: number | null } {
  const choice = CONTACT_FILTERS.find((c) => c.value === contact);
  if (!choice) return { within: null, notFor: null };
  return "within" in choice ? { within: choice.within, notFor: null } : { within: null, notFor: choice.notFor };
}

/** The query for a search text, filters and sort. */
export function buildQuery(search: string, filters: ClientFilters, sort: ClientSort): BaseQuery {
  const text = search.trim();
  const contact = contactDays(filters.contact);
  return {
    search: text === "" ? null : text,
    tiers: [...filters.tiers],
    risk_levels: [...filters.riskLevels],
    assessment: [...filters.assessment],
    assets_min: wanToFen(filters.assetsMinWan),
    assets_max: wanToFen(filters.assetsMaxWan),
    tag: filters.tag,
    contacted_within_days: contact.within,
    not_contacted_days: contact.notFor,
    dormant_only: filters.dormantOnly,
    ...needsQuery(filters.needs),
    sort: { ...sort },
  };
}

export function withWindow(base: BaseQuery, offset: number, limit: number): ClientQuery {
  return { ...base, offset, limit: Math.min(Math.max(1, limit), MAX_PAGE) };
}

/** Everything, in the default order: e.g. to count the book. */
export function allClientsQuery(limit: number): ClientQuery {
  return withWindow(buildQuery("", EMPTY_FILTERS, DEFAULT_SORT), 0, limit);
}

function contactFromDays(within: number | null, notFor: number | null): ContactFilter | null {
  const choice = CONTACT_FILTERS.find((c) =>
    "within" in c ? within !== null && c.within === within : notFor !== null && c.notFor === notFor,
  );
  return choice?.value ?? null;
}

/** A saved query back as search text, filters and sort, to put into the list's controls. */
export function fromQuery(query: ClientQuery): { search: string; filters: ClientFilters; sort: ClientSort } {
  return {
    search: query.search ?? "",
    filters: {
      tiers: [...query.tiers],
      riskLevels: [...query.risk_levels],
      assessment: [...query.assessment],
      assetsMinWan: fenToWan(query.assets_min),
      assetsMaxWan: fenToWan(query.assets_max),
      tag: query.tag,
      contact: contactFromDays(query.contacted_within_days, query.not_contacted_days),
      dormantOnly: query.dormant_only,
      needs: needsOf(query),
    },
    sort: { ...query.sort },
  };
}

/** Whether any filter (not the search, not the sort) narrows the list. */
export function hasFilters(filters: ClientFilters): boolean {
  return (
    filters.tiers.length > 0 ||
    filters.riskLevels.length > 0 ||
    filters.assessment.length > 0 ||
    wanToFen(filters.assetsMinWan) !== null ||
    wanToFen(filters.assetsMaxWan) !== null ||
    filters.tag !== null ||
    filters.contact !== null ||
    filters.dormantOnly ||
    hasNeeds(filters.needs)
  );
}
