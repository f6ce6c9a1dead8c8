// The event kinds and answers in the order the backend's `domain::event` lists them.

import type { EventKind } from "../../bindings/EventKind";
import type { Rsvp } from "../../bindings/Rsvp";

export const EVENT_KINDS: readonly EventKind[] = ["strategy_meeting", "lecture", "seminar", "salon", "online"];
export const RSVPS: readonly Rsvp[] = ["invited", "accepted", "declined"];

/** Longest texts and the largest hall the backend accepts. */
export const TITLE_MAX = 60;
export const PLACE_MAX = 100;
export const DESCRIPTION_MAX = 1000;
export const CAPACITY_MAX = 2000;

/** A picked wall-clock time ("2026-12-12 14:00" as the picker formats it) as a Beijing instant, whatever zone this computer is set to. */
export const beijingInstant = (picked: { format: (template: string) => string }): string =>
  `${picked.format("YYYY-MM-DDTHH:mm")}:00+08:00`;
