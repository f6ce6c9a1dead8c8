import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api";
import type { ConflictView } from "../bindings/ConflictView";
import { useSyncStatusEvents } from "./useSyncStatus";

export interface ConflictsFeed {
  /** Fields both this desk and head office changed; empty until `conflicts` answers. */
  conflicts: ConflictView[];
  /** Calls `resolve_conflict`; resolves to the remaining ones, rejects with the IpcError. */
  resolve: (mutationId: string, field: string, keepMine: boolean) => Promise<ConflictView[]>;
}

/** Pending conflicts: loaded at mount and again whenever a sync has just finished. */
export function useConflicts(): ConflictsFeed {
  const [conflicts, setConflicts] = useState<ConflictView[]>([]);
  const [reloads, setReloads] = useState(0);
  const wasSyncing = useRef(false);
  // Requests are numbered; an answer older than one already taken is dropped.
  const asked = useRef(0);
  const taken = useRef(0);

  const take = useCallback((request: number, list: ConflictView[]) => {
    if (request < taken.current) return;
    taken.current = request;
    setConflicts(list);
  }, []);

  useEffect(() => {
    let active = true;
    const request = ++asked.current;
    api.conflicts().then(
      (list) => {
        if (active) take(request, list);
      },
      // A lost session is handled by onSessionLost; anything else keeps the last list.
      (reason: unknown) => console.error("cannot load conflicts", reason),
    );
    return () => {
      active = false;
    };
  }, [reloads, take]);

  useSyncStatusEvents((status) => {
    if (wasSyncing.current && !status.syncing) setReloads((n) => n + 1);
    wasSyncing.current = status.syncing;
  });

  const resolve = useCallback(
    async (mutationId: string, field: string, keepMine: boolean) => {
      const request = ++asked.current;
      const remaining = await api.resolveConflict(mutationId, field, keepMine);
      take(request, remaining);
      return remaining;
    },
    [take],
  );

  return { conflicts, resolve };
}
