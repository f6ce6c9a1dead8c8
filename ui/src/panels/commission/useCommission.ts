import { useCallback, useEffect, useRef, useState } from "react";
import { api, toIpcError } from "../../api";
import type { CommissionMonth } from "../../bindings/CommissionMonth";
import type { IpcError } from "../../bindings/IpcError";
import type { MonthFigure } from "../../bindings/MonthFigure";
import type { Reconciliation } from "../../bindings/Reconciliation";
import { useSyncStatusEvents } from "../../hooks/useSyncStatus";
import { HISTORY_MONTHS } from "./months";

export interface MonthlyView<T> {
  /** The last answer for the month asked, or for the month before while it loads; null at first. */
  data: T | null;
  error: IpcError | null;
  /** The month asked has not answered yet. */
  loading: boolean;
}

interface Answer<T> {
  month: string;
  data: T | null;
  error: IpcError | null;
}

/** One command per month, asked again when `reloads` moves; a failed reload keeps the figures. */
function useMonthly<T>(load: (month: string) => Promise<T>, month: string, reloads: number) {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);

  useEffect(() => {
    let active = true;
    load(month).then(
      (data) => {
        if (active) setAnswer({ month, data, error: null });
      },
      (reason: unknown) => {
        if (!active) return;
        const error = toIpcError(reason);
        setAnswer((prev) => ({ month, data: prev?.month === month ? prev.data : null, error }));
      },
    );
    return () => {
      active = false;
    };
  }, [load, month, reloads]);

  /** Shows `data` for `of` (an answer a command gave, e.g. after a dispute). */
  const replace = useCallback((of: string, data: T) => setAnswer({ month: of, data, error: null }), []);

  const view: MonthlyView<T> = {
    data: answer?.data ?? null,
    error: answer?.month === month ? answer.error : null,
    loading: answer?.month !== month,
  };
  return { view, replace };
}

export interface CommissionData {
  overview: MonthlyView<CommissionMonth>;
  reconciliation: MonthlyView<Reconciliation>;
  /** The last 24 months, oldest first; null until loaded (or if it cannot be). */
  history: MonthFigure[] | null;
  /** Shows a reconciliation a dispute answered with. */
  setReconciliation: (view: Reconciliation) => void;
  reload: () => void;
}

/**
 * The month's figures and its reconciliation, and the 24 months: loaded for the month shown, and
 * again after every sync, which is what brings trades, statements and answers to disputes.
 */
export function useCommission(month: string): CommissionData {
  const [reloads, setReloads] = useState(0);
  const wasSyncing = useRef(false);
  const [history, setHistory] = useState<MonthFigure[] | null>(null);

  const overview = useMonthly(api.commissionMonth, month, reloads);
  const reconciliation = useMonthly(api.reconcile, month, reloads);
  const replaceReconciliation = reconciliation.replace;

  useEffect(() => {
    let active = true;
    api.commissionHistory(HISTORY_MONTHS).then(
      (months) => {
        if (active) setHistory(months);
      },
      // The chart is a companion to the month's figures: keep what it showed.
      (reason: unknown) => console.error("cannot load commission history", reason),
    );
    return () => {
      active = false;
    };
  }, [reloads]);

  useSyncStatusEvents((status) => {
    if (wasSyncing.current && !status.syncing) setReloads((n) => n + 1);
    wasSyncing.current = status.syncing;
  });

  const setReconciliation = useCallback(
    (view: Reconciliation) => replaceReconciliation(view.month, view),
    [replaceReconciliation],
  );
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return {
    overview: overview.view,
    reconciliation: reconciliation.view,
    history,
    setReconciliation,
    reload,
  };
}
