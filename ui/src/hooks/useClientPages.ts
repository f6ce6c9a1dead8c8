import { useCallback, useEffect, useRef, useState } from "react";
import { api, toIpcError } from "../api";
import type { ClientRow } from "../bindings/ClientRow";
import type { IpcError } from "../bindings/IpcError";
import { CLIENT_PAGE_SIZE, MAX_PAGE, withWindow, type BaseQuery } from "../lib/clientQuery";

interface Loaded {
  /** The query (as JSON) these rows answer. */
  key: string;
  rows: ClientRow[];
  total: number;
}

export interface ClientPages {
  /** Rows loaded so far for the latest query that answered; empty before the first answer. */
  rows: ClientRow[];
  /** The query (as JSON) the rows shown answer; null before the first answer. */
  shownKey: string | null;
  /** Matching clients in the whole book; null before the first answer. */
  total: number | null;
  /** A new query is loading (the rows shown answer an older one). */
  loading: boolean;
  /** More rows of the current query are loading. */
  loadingMore: boolean;
  error: IpcError | null;
  /** Asks for the next page, unless one is on its way or everything is loaded. */
  loadMore: () => void;
}

/**
 * The client list, a page of CLIENT_PAGE_SIZE at a time: the first page whenever the query
 * changes, the next one whenever loadMore() is called. A change of `reloads` refreshes the rows
 * shown in place (up to MAX_PAGE of them), e.g. after a sync.
 */
export function useClientPages(query: BaseQuery, reloads: number): ClientPages {
  const key = JSON.stringify(query);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<{ key: string; error: IpcError } | null>(null);
  const [moreFor, setMoreFor] = useState<number | null>(null);
  // Every first-page request gets a new generation; answers of an older one are dropped.
  const generation = useRef(0);
  const latest = useRef<Loaded | null>(null);
  const moreInFlight = useRef<number | null>(null);

  useEffect(() => {
    latest.current = loaded;
  }, [loaded]);

  useEffect(() => {
    let active = true;
    const asked = ++generation.current;
    const base = JSON.parse(key) as BaseQuery;
    const shown = latest.current;
    // A refresh of the same list asks for as many rows as are shown, so the view stays put.
    const limit = shown?.key === key ? Math.max(CLIENT_PAGE_SIZE, shown.rows.length) : CLIENT_PAGE_SIZE;
    api.listClients(withWindow(base, 0, Math.min(limit, MAX_PAGE))).then(
      (page) => {
        if (!active || asked !== generation.current) return;
        const next = { key, rows: page.rows, total: page.total };
        latest.current = next;
        setLoaded(next);
        setError(null);
      },
      (reason: unknown) => {
        if (active && asked === generation.current) setError({ key, error: toIpcError(reason) });
      },
    );
    return () => {
      active = false;
    };
  }, [key, reloads]);

  const loadMore = useCallback(() => {
    const shown = latest.current;
    const asked = generation.current;
    if (!shown || shown.rows.length >= shown.total || moreInFlight.current === asked) return;
    moreInFlight.current = asked;
    setMoreFor(asked);
    const base = JSON.parse(shown.key) as BaseQuery;
    const done = () => {
      if (moreInFlight.current === asked) moreInFlight.current = null;
      setMoreFor((current) => (current === asked ? null : current));
    };
    api.listClients(withWindow(base, shown.rows.length, CLIENT_PAGE_SIZE)).then(
      (page) => {
        done();
        if (asked !== generation.current || latest.current !== shown) return;
        // The book may have changed between pages: never show a client twice.
        const seen = new Set(shown.rows.map((r) => r.id));
        const next = {
          key: shown.key,
          rows: [...shown.rows, ...page.rows.filter((r) => !seen.has(r.id))],
          total: page.total,
        };
        latest.current = next;
        setLoaded(next);
      },
      (reason: unknown) => {
        done();
        if (asked === generation.current) setError({ key: shown.key, error: toIpcError(reason) });
      },
    );
  }, []);

  const current = error?.key === key ? error.error : null;
  return {
    rows: loaded?.rows ?? [],
    shownKey: loaded?.key ?? null,
    total: loaded?.total ?? null,
    loading: loaded?.key !== key && current === null,
    loadingMore: moreFor !== null,
    error: current,
    loadMore,
  };
}
