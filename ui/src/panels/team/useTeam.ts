import { useCallback, useEffect, useRef, useState } from "react";
import { api, toIpcError } from "../../api";
import type { BrokerDashboard } from "../../bindings/BrokerDashboard";
import type { IpcError } from "../../bindings/IpcError";
import type { TeamDashboard } from "../../bindings/TeamDashboard";
import { useSyncStatusEvents } from "../../hooks/useSyncStatus";

/** What the panel shows: a unit (null: the lead's own) or one broker. */
export type TeamView = { kind: "unit"; id: string | null } | { kind: "broker"; id: string };

export interface TeamState {
  view: TeamView;
  /** The unit shown, or the last one while a broker is shown (its tree serves both). */
  dashboard: TeamDashboard | null;
  /** The broker shown; null in the unit view. */
  broker: BrokerDashboard | null;
  /** The first read of the cache has answered. */
  loaded: boolean;
  refreshing: boolean;
  /** The last refresh found head office unreachable; what is shown is the cache. */
  offline: boolean;
  /** The last read of the cache or refresh that failed (other than offline), and which it was. */
  error: { during: "read" | "refresh"; error: IpcError } | null;
  /** Asked for a unit or broker the cache does not hold. */
  missing: boolean;
}

export interface Team extends TeamState {
  openUnit: (id: string | null) => void;
  openBroker: (id: string) => void;
  /** Fetches everything again from head office, then shows the current view from the cache. */
  refresh: () => void;
  /** Shows the current view again from the cache (after assigning tasks, or a sync). */
  reload: () => void;
}

const INITIAL: TeamState = {
  view: { kind: "unit", id: null },
  dashboard: null,
  broker: null,
  loaded: false,
  refreshing: false,
  offline: false,
  error: null,
  missing: false,
};

/**
 * The 团队 panel's data: dashboards read from the desk's cache, so they show offline with the time
 * they were taken, and a refresh from head office. An empty cache is refreshed once on open; the
 * view is read again after every sync, which refreshes stale dashboards in the background.
 */
export function useTeam(): Team {
  const [state, setState] = useState<TeamState>(INITIAL);
  // Reads are numbered: an answer overtaken by a later read is dropped.
  const reads = useRef(0);
  const viewRef = useRef<TeamView>(INITIAL.view);
  const wasSyncing = useRef(false);

  const show = useCallback((view: TeamView) => {
    const read = ++reads.current;
    const current = () => read === reads.current;
    const failed = (reason: unknown) => {
      if (current()) setState((s) => ({ ...s, loaded: true, error: { during: "read", error: toIpcError(reason) } }));
    };
    if (view.kind === "broker") {
      api.teamBroker(view.id).then((broker) => {
        if (!current()) return;
        if (broker === null) return setState((s) => ({ ...s, loaded: true, missing: true }));
        viewRef.current = view;
        setState((s) => ({ ...s, view, broker, loaded: true, missing: false, error: null }));
      }, failed);
      return;
    }
    api.teamDashboard(view.id).then((dashboard) => {
      if (!current()) return;
      // The lead's own unit missing means an empty cache; another unit missing, a stale tree.
      if (dashboard === null) return setState((s) => ({ ...s, loaded: true, missing: view.id !== null }));
      viewRef.current = view;
      setState((s) => ({ ...s, view, dashboard, broker: null, loaded: true, missing: false, error: null }));
    }, failed);
  }, []);

  const refresh = useCallback(() => {
    setState((s) => ({ ...s, refreshing: true }));
    api.refreshTeam().then(
      (root) => {
        setState((s) => ({ ...s, refreshing: false, offline: false, error: null }));
        const view = viewRef.current;
        if (view.kind === "unit" && (view.id === null || view.id === root?.unit_id)) {
          if (root) setState((s) => ({ ...s, dashboard: root, broker: null, missing: false }));
        } else {
          show(view);
        }
      },
      (reason: unknown) => {
        const error = toIpcError(reason);
        setState((s) =>
          error.code === "offline"
            ? { ...s, refreshing: false, offline: true }
            : { ...s, refreshing: false, error: { during: "refresh", error } },
        );
      },
    );
  }, [show]);

  useEffect(() => {
    let active = true;
    api.teamDashboard(null).then(
      (dashboard) => {
        if (!active) return;
        setState((s) => ({ ...s, dashboard: s.dashboard ?? dashboard, loaded: true }));
        if (dashboard === null) refresh();
      },
      (reason: unknown) => {
        if (active) setState((s) => ({ ...s, loaded: true, error: { during: "read", error: toIpcError(reason) } }));
      },
    );
    return () => {
      active = false;
    };
  }, [refresh]);

  const reload = useCallback(() => show(viewRef.current), [show]);

  useSyncStatusEvents((status) => {
    if (wasSyncing.current && !status.syncing) reload();
    wasSyncing.current = status.syncing;
  });

  const openUnit = useCallback((id: string | null) => show({ kind: "unit", id }), [show]);
  const openBroker = useCallback((id: string) => show({ kind: "broker", id }), [show]);

  return { ...state, openUnit, openBroker, refresh, reload };
}
