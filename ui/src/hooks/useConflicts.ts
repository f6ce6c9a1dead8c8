import { useCallback } from "react";
import { api } from "../api";
import type { ConflictView } from "../bindings/ConflictView";
import { useSyncedList } from "./useSyncedList";

export interface ConflictsFeed {
  /** Fields both this desk and head office changed; empty until `conflicts` answers. */
  conflicts: ConflictView[];
  /** Calls `resolve_conflict`; resolves to the remaining ones, rejects with the IpcError. */
  resolve: (mutationId: string, field: string, keepMine: boolean) => Promise<ConflictView[]>;
}

const loadConflicts = () => api.conflicts();

/** Pending conflicts: loaded at mount and again whenever a sync has just finished. */
export function useConflicts(): ConflictsFeed {
  const { items, act } = useSyncedList(loadConflicts, "conflicts");
  const resolve = useCallback(
    (mutationId: string, field: string, keepMine: boolean) =>
      act(() => api.resolveConflict(mutationId, field, keepMine)),
    [act],
  );
  return { conflicts: items, resolve };
}
