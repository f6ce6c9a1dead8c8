import { useCallback, useState } from "react";
import { useReminderEvents } from "./useReminderEvents";
import { useSyncStatusEvents } from "./useSyncStatus";

export interface AgendaReloads {
  /** Moves whenever what the agenda shows may have changed; a dependency for loads. */
  reloads: number;
  reload: () => void;
}

/**
 * When to load the agenda again: after the scheduler fired or found missed reminders, and after
 * every sync-status change outside a sync (a sync brings follow-ups, clients and their facts).
 */
export function useAgendaReloads(): AgendaReloads {
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  useReminderEvents(reload);
  useSyncStatusEvents((status) => {
    // Progress while syncing changes nothing yet; the status after it does.
    if (!status.syncing) reload();
  });
  return { reloads, reload };
}
