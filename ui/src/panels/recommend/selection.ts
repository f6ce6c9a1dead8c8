// Who a push goes to: the filter and hand-picked clients as `check_recipients` takes them, and
// the draft `send_recommendation` takes from the checked list. Only allowed recipients and those
// needing confirmation that the broker ticked one by one are ever sent; blocked ones never are.

import type { ClientQuery } from "../../bindings/ClientQuery";
import type { PushDraft } from "../../bindings/PushDraft";
import type { RecipientCheck } from "../../bindings/RecipientCheck";
import type { RecipientSelection } from "../../bindings/RecipientSelection";
import { allClientsQuery, CLIENT_PAGE_SIZE } from "../../lib/clientQuery";
import { hasNeeds, needsOf } from "../../lib/needsQuery";

/** A client added by hand, with the name to show on its chip. */
export interface PickedClient {
  id: string;
  name: string;
}

/** No condition at all: the filter selects nobody until one is set. */
export const EMPTY_RECIPIENT_FILTER: ClientQuery = allClientsQuery(CLIENT_PAGE_SIZE);

const securityCode = (query: ClientQuery): string => query.holds_security?.trim() ?? "";

/** Conditions a saved filter may carry that the drawer has no control for. */
export function hasHiddenConditions(query: ClientQuery): boolean {
  return (
    (query.search ?? "").trim() !== "" ||
    query.assessment.length > 0 ||
    query.assets_min !== null ||
    query.assets_max !== null ||
    query.contacted_within_days !== null ||
    query.not_contacted_days !== null ||
    query.dormant_only
  );
}

/** Whether the filter narrows the book at all (else it selects nobody, not everybody). */
export function filterIsSet(query: ClientQuery): boolean {
  return (
    query.tiers.length > 0 ||
    query.risk_levels.length > 0 ||
    query.tag !== null ||
    securityCode(query) !== "" ||
    hasNeeds(needsOf(query)) ||
    hasHiddenConditions(query)
  );
}

/** The filter as sent: null when nothing is set, the security code trimmed or left out. */
export function selectionQuery(query: ClientQuery): ClientQuery | null {
  if (!filterIsSet(query)) return null;
  const sent: ClientQuery = { ...query, offset: 0 };
  delete sent.holds_security;
  const code = securityCode(query);
  if (code !== "") sent.holds_security = code;
  return sent;
}

export function recipientSelection(picked: readonly PickedClient[], filter: ClientQuery): RecipientSelection {
  return { client_ids: picked.map((c) => c.id), query: selectionQuery(filter) };
}

/** Identifies a selection, to tell whether a check still matches what is selected. */
export function selectionKey(selection: RecipientSelection): string {
  return JSON.stringify(selection);
}

/** Whether this recipient goes with the push: allowed, or needing confirmation and confirmed. */
export function isSendable(check: RecipientCheck, confirmed: ReadonlySet<string>): boolean {
  switch (check.verdict.verdict) {
    case "allowed":
      return true;
    case "needs_confirmation":
      return confirmed.has(check.client_id);
    case "blocked":
      return false;
  }
}

/** The push for the checked recipients: blocked and unconfirmed ones are left out. */
export function buildDraft(
  productId: string,
  coverMessage: string,
  checks: readonly RecipientCheck[],
  confirmed: ReadonlySet<string>,
): PushDraft {
  const sendable = checks.filter((c) => isSendable(c, confirmed));
  return {
    product_id: productId,
    cover_message: coverMessage,
    client_ids: sendable.map((c) => c.client_id),
    elderly_confirmed: sendable.filter((c) => c.verdict.verdict === "needs_confirmation").map((c) => c.client_id),
  };
}
