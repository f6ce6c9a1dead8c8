// The palette's ranking, pure so that it is tested on its own. Head office's book is searched
// by the store (pinyin and initials need the Rust side's dictionary); the window merges those
// clients with the desk's actions into one list.

import type { MatchStrength } from "../bindings/MatchStrength";
import type { PaletteClient } from "../bindings/PaletteClient";
import type { MessageKey } from "../i18n/messages";
import type { DeskKey } from "./keys";

/** What an action needs of the current client. */
export type Subject = "none" | "optional" | "required";

export interface PaletteAction {
  id: string;
  /** What the palette shows: the message, and the panel it names for "打开{panel}". */
  label: MessageKey;
  panel?: MessageKey;
  /** Its name in both languages: a broker may type either. */
  labels: readonly string[];
  /** Pinyin, initials and other words it answers to ("yj" and "commission" for 佣金). */
  keywords: readonly string[];
  subject: Subject;
  /** Its shortcut, shown beside it. */
  key?: DeskKey;
}

export type PaletteEntry =
  | { kind: "client"; client: PaletteClient; strength: MatchStrength }
  | { kind: "action"; action: PaletteAction; strength: MatchStrength };

const STRENGTH_ORDER: Record<MatchStrength, number> = { exact: 0, prefix: 1, contains: 2 };

/** How `typed` (already trimmed, lower case) matches `word`, or null when it does not. */
export function strengthOf(typed: string, word: string): MatchStrength | null {
  const w = word.toLowerCase();
  if (w === typed) return "exact";
  if (w.startsWith(typed)) return "prefix";
  return w.includes(typed) ? "contains" : null;
}

/** The best match of `typed` among an action's names and keywords. */
export function actionStrength(typed: string, action: PaletteAction): MatchStrength | null {
  let best: MatchStrength | null = null;
  for (const word of [...action.labels, ...action.keywords]) {
    const s = strengthOf(typed, word);
    if (s !== null && (best === null || STRENGTH_ORDER[s] < STRENGTH_ORDER[best])) best = s;
  }
  return best;
}

/** How many clients opened lately the palette offers before anything is typed. */
export const RECENT_SHOWN = 5;

/**
 * One list for what was typed:
 * - nothing typed: the clients opened lately, then every action in the desk's order;
 * - else every match, ranked by: a client opened lately first (a broker on the phone is most
 *   often back to the client of a minute ago); then the closer match (whole name or word, its
 *   start, somewhere inside); at equal closeness actions before other clients (there are few
 *   actions and a typed word is more often meant as one); ties keep the order given (the
 *   store's order for clients, the desk's for actions).
 */
export function rankPalette(
  text: string,
  actions: readonly PaletteAction[],
  clients: readonly PaletteClient[],
): PaletteEntry[] {
  const typed = text.trim().toLowerCase();
  if (typed === "") {
    const recent: PaletteEntry[] = clients
      .filter((c) => c.opened_at !== null)
      .slice(0, RECENT_SHOWN)
      .map((client) => ({ kind: "client", client, strength: "exact" }));
    const all: PaletteEntry[] = actions.map((action) => ({ kind: "action", action, strength: "exact" }));
    return [...recent, ...all];
  }
  const entries: { entry: PaletteEntry; recent: boolean; order: number }[] = [];
  actions.forEach((action, order) => {
    const strength = actionStrength(typed, action);
    if (strength !== null) entries.push({ entry: { kind: "action", action, strength }, recent: false, order });
  });
  clients.forEach((client, order) => {
    entries.push({
      entry: { kind: "client", client, strength: client.strength },
      recent: client.opened_at !== null,
      order: actions.length + order,
    });
  });
  const group = (e: { entry: PaletteEntry; recent: boolean }) =>
    e.recent ? 0 : 1 + STRENGTH_ORDER[e.entry.strength] * 2 + (e.entry.kind === "action" ? 0 : 1);
  return entries
    .sort((a, b) => group(a) - group(b) || a.order - b.order)
    .map((e) => e.entry);
}

/** Which entries an action picked without a client lists: only clients, to choose its subject. */
export function clientsOnly(entries: readonly PaletteEntry[]): PaletteEntry[] {
  return entries.filter((e) => e.kind === "client");
}
