import { useCallback, useEffect, useState } from "react";
import { useReminderEvents } from "./useReminderEvents";
import { useSyncStatusEvents } from "./useSyncStatus";

export interface AgendaReloads {
  /** Moves whenever what the agenda shows may have changed; a dependency for loads. */
  reloads: number;
  reload: () => void;
}

const agendaListeners = new Set<() => void>();

/** A reminder was saved outside the agenda's own panel (R, the palette): every agenda reloads. */
export function announceAgendaChange(): void {
  for (const reload of agendaListeners) reload();
}

/**
 * When to load the agenda again: after the scheduler fired or found missed reminders, after a
 * reminder was saved elsewhere (announceAgendaChange), and after
 * every sync-status change outside a sync (a sync brings follow-ups, clients and their facts).
 */
export function useAgendaReloads(): AgendaReloads {
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  useEffect(() => {
    agendaListeners.add(reload);
    return () => {
      agendaListeners.delete(reload);
    };
  }, [reload]);
  useReminderEvents(reload);
  useSyncStatusEvents((status) => {
    // Progress while syncing changes nothing yet; the status after it does.
    if (!status.syncing) reload();
  });
  return { reloads, reload };
}
