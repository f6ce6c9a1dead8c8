import type { BookAlert } from "../bindings/BookAlert";

/** Kind, client ("book" for an alert about the whole book) and day. */
const baseKey = (alert: BookAlert) => `${alert.kind}-${alert.client_id ?? "book"}-${alert.due_on}`;

/**
 * A React key for each of `alerts`: kind, client and day, numbered from the second alert that
 * shares them (two new shares subscribed the same day, two rights issues of one client). Keys
 * follow the alert objects, so a filtered list keeps them.
 */
export function alertKeys(alerts: readonly BookAlert[]): (alert: BookAlert) => string {
  const keys = new Map<BookAlert, string>();
  const seen = new Map<string, number>();
  for (const alert of alerts) {
    const base = baseKey(alert);
    const before = seen.get(base) ?? 0;
    seen.set(base, before + 1);
    keys.set(alert, before === 0 ? base : `${base}-${before + 1}`);
  }
  return (alert) => keys.get(alert) ?? baseKey(alert);
}
