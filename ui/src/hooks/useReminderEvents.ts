import { useEffect, useEffectEvent } from "react";
import { onReminders } from "../api";
import type { ReminderEvent } from "../bindings/ReminderEvent";

/** Calls `handler` with every `reminders` event (fired or missed reminders) while mounted. */
export function useReminderEvents(handler: (events: ReminderEvent[]) => void): void {
  const onEvent = useEffectEvent(handler);
  useEffect(() => {
    let active = true;
    let unlisten: (() => void) | null = null;
    onReminders((events) => {
      if (active) onEvent(events);
    }).then(
      (fn) => {
        if (active) unlisten = fn;
        else fn();
      },
      (reason: unknown) => console.error("cannot listen to reminders", reason),
    );
    return () => {
      active = false;
      unlisten?.();
    };
  }, []);
}
