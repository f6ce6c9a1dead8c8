// Which key does what on the desk. Pure: the window's listeners ask `deskKeyOf` what an event
// means; the palette and the `?` sheet show `SHORTCUTS` so the two can never disagree.

import type { MessageKey } from "../i18n/messages";

/** What a key press asks of the desk. */
export type DeskKey =
  | "palette"
  | "help"
  | "sync"
  | "lock"
  | "contact"
  | "reminder"
  | "next"
  | "previous"
  | "open"
  | "back"
  | "snooze"
  | "complete";

/** The part of a KeyboardEvent the desk looks at (a real event has all of it). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  target: EventTarget | null;
  isComposing?: boolean;
}

/** macOS writes ⌘ where the others write Ctrl. */
export function isMac(platform: string = typeof navigator === "undefined" ? "" : navigator.platform): boolean {
  return /mac/i.test(platform);
}

const TYPING_ROLES = new Set(["textbox", "combobox", "searchbox", "spinbutton"]);

/**
 * True where a plain key types a character: text fields, selects, anything editable. Plain-key
 * shortcuts never fire there; Ctrl/⌘ combinations still do, since they type nothing.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof Element === "undefined" || !(target instanceof Element)) return false;
  const el = target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role]");
  if (el === null) return false;
  if (el instanceof HTMLInputElement) {
    return !["button", "checkbox", "radio", "submit", "reset", "range", "color", "file"].includes(el.type);
  }
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el.matches("[contenteditable=''], [contenteditable='true']")) return true;
  return TYPING_ROLES.has(el.getAttribute("role") ?? "");
}

/** The command key of this platform is held (⌘ on macOS, Ctrl elsewhere), and nothing else. */
function command(e: KeyPress, mac: boolean): boolean {
  return (mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey) && !e.altKey;
}

const PLAIN: Readonly<Record<string, DeskKey>> = {
  "?": "help",
  n: "contact",
  r: "reminder",
  j: "next",
  ArrowDown: "next",
  k: "previous",
  ArrowUp: "previous",
  Enter: "open",
  Escape: "back",
  s: "snooze",
  d: "complete",
};

const WITH_COMMAND: Readonly<Record<string, DeskKey>> = { k: "palette", r: "sync", l: "lock" };

/** What `e` asks of the desk, or null when it is no shortcut (or is typing). */
export function deskKeyOf(e: KeyPress, mac: boolean = isMac()): DeskKey | null {
  if (e.isComposing) return null; // an IME is building a character (拼音输入法)
  if (command(e, mac) && !e.shiftKey) return WITH_COMMAND[e.key.toLowerCase()] ?? null;
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === "Escape") return "back";
  if (isTypingTarget(e.target)) return null;
  // `?` needs Shift on most keyboards; letters with Shift are no shortcut.
  if (e.shiftKey && e.key !== "?") return null;
  return PLAIN[e.key.length === 1 ? e.key.toLowerCase() : e.key] ?? null;
}

/** Ctrl+Enter (⌘+Enter): submit the form the focus is in. */
export function isSubmitChord(e: KeyPress, mac: boolean = isMac()): boolean {
  return e.key === "Enter" && command(e, mac) && !e.shiftKey;
}

/** Where a shortcut works, as the `?` sheet groups them. */
export type ShortcutScope = "anywhere" | "clients" | "agenda" | "forms";

export interface Shortcut {
  /** What the palette shows beside an action of the same key; forms' chords have none. */
  key: DeskKey | "submit" | "cancel" | "snoozeChoice";
  scope: ShortcutScope;
  /** The keys as printed; "Mod" is ⌘ on macOS, Ctrl elsewhere. */
  keys: readonly (readonly string[])[];
  label: MessageKey;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: "palette", scope: "anywhere", keys: [["Mod", "K"]], label: "keys.palette" },
  { key: "contact", scope: "anywhere", keys: [["N"]], label: "keys.contact" },
  { key: "reminder", scope: "anywhere", keys: [["R"]], label: "keys.reminder" },
  { key: "sync", scope: "anywhere", keys: [["Mod", "R"]], label: "keys.sync" },
  { key: "lock", scope: "anywhere", keys: [["Mod", "L"]], label: "keys.lock" },
  { key: "help", scope: "anywhere", keys: [["?"]], label: "keys.help" },
  { key: "back", scope: "anywhere", keys: [["Esc"]], label: "keys.back" },
  { key: "next", scope: "clients", keys: [["J"], ["↓"]], label: "keys.next" },
  { key: "previous", scope: "clients", keys: [["K"], ["↑"]], label: "keys.previous" },
  { key: "open", scope: "clients", keys: [["Enter"]], label: "keys.open" },
  { key: "snooze", scope: "agenda", keys: [["S"]], label: "keys.snooze" },
  { key: "snoozeChoice", scope: "agenda", keys: [["1"], ["2"], ["3"]], label: "keys.snoozeChoice" },
  { key: "complete", scope: "agenda", keys: [["D"]], label: "keys.complete" },
  { key: "submit", scope: "forms", keys: [["Mod", "Enter"]], label: "keys.submit" },
  { key: "cancel", scope: "forms", keys: [["Esc"]], label: "keys.cancel" },
];

/** The keys of a shortcut as this platform prints them, e.g. "Ctrl K" or "⌘ K". */
export function printedKeys(keys: readonly string[], mac: boolean = isMac()): string[] {
  return keys.map((k) => (k === "Mod" ? (mac ? "⌘" : "Ctrl") : k));
}

/** The first printed chord of a desk key, for the palette's hint column. */
export function chordOf(key: DeskKey, mac: boolean = isMac()): string[] | null {
  const found = SHORTCUTS.find((s) => s.key === key);
  return found?.keys[0] ? printedKeys(found.keys[0], mac) : null;
}
