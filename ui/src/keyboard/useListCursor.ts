import { useEffect, useState } from "react";
import { useClientDrawer } from "../components/ClientDrawer";
import { useDeskKeys } from "./useDeskKeys";

/** Load the next page when the cursor comes this close to the last loaded row. */
const NEAR_END = 10;

interface Options {
  /** Identifies the list shown (the query): another list puts the cursor back to none. */
  listKey: string | null;
  scrollTo: (index: number) => void;
  loadMore: () => void;
}

/**
 * J/K (↓/↑) move a cursor over the client list and Enter opens the client under it; the row
 * under it is the current client for N and R. Quiet while a 360° is open over the list.
 */
export function useListCursor(rows: readonly { id: string; name: string }[], { listKey, scrollTo, loadMore }: Options) {
  const drawer = useClientDrawer();
  const [cursor, setCursor] = useState<{ list: string | null; index: number } | null>(null);
  const index = cursor !== null && cursor.list === listKey && cursor.index < rows.length ? cursor.index : null;
  const row = index !== null ? rows[index] : undefined;

  useDeskKeys((key) => {
    if (key === "next" || key === "previous") {
      if (rows.length === 0) return false;
      const next =
        index === null ? 0 : Math.min(rows.length - 1, Math.max(0, index + (key === "next" ? 1 : -1)));
      setCursor({ list: listKey, index: next });
      scrollTo(next);
      if (next >= rows.length - NEAR_END) loadMore();
      return true;
    }
    if (key === "open" && row) {
      drawer.open(row.id);
      return true;
    }
    return false;
  }, drawer.shownId === null);

  const { select } = drawer;
  const id = row?.id ?? null;
  const name = row?.name ?? null;
  useEffect(() => {
    select(id !== null && name !== null ? { id, name } : null);
  }, [select, id, name]);
  useEffect(() => () => select(null), [select]);

  return index;
}
