import { useCallback, useEffect, useRef, useState } from "react";
import { useSyncStatusEvents } from "./useSyncStatus";

export interface SyncedList<T> {
  /** The list; empty until the first load answers. */
  items: T[];
  /**
   * Runs an action that answers with the new list (dismiss, resolve…) and shows that list;
   * rejects with the action's IpcError.
   */
  act: (action: () => Promise<T[]>) => Promise<T[]>;
}

/**
 * A list kept in the desk's cache (refusals, conflicts): loaded at mount and again whenever a sync
 * has just finished, since a sync is what changes it. `what` names it in the console on failure.
 */
export function useSyncedList<T>(load: () => Promise<T[]>, what: string): SyncedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [reloads, setReloads] = useState(0);
  const wasSyncing = useRef(false);
  // Requests are numbered; an answer older than one already taken is dropped.
  const asked = useRef(0);
  const taken = useRef(0);

  const take = useCallback((request: number, list: T[]) => {
    if (request < taken.current) return;
    taken.current = request;
    setItems(list);
  }, []);

  useEffect(() => {
    let active = true;
    const request = ++asked.current;
    load().then(
      (list) => {
        if (active) take(request, list);
      },
      // A lost session is handled by onSessionLost; anything else keeps the last list.
      (reason: unknown) => console.error(`cannot load ${what}`, reason),
    );
    return () => {
      active = false;
    };
  }, [reloads, take, load, what]);

  useSyncStatusEvents((status) => {
    if (wasSyncing.current && !status.syncing) setReloads((n) => n + 1);
    wasSyncing.current = status.syncing;
  });

  const act = useCallback(
    async (action: () => Promise<T[]>) => {
      const request = ++asked.current;
      const remaining = await action();
      take(request, remaining);
      return remaining;
    },
    [take],
  );

  return { items, act };
}
