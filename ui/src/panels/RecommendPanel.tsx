import { App, Tabs } from "antd";
import { useCallback, useState } from "react";
import { api, toIpcError } from "../api";
import type { ProductView } from "../bindings/ProductView";
import { useSyncedList } from "../hooks/useSyncedList";
import { announceLocalWrite } from "../hooks/useSyncStatus";
import { useT } from "../i18n/context";
import { ComposeDrawer } from "./recommend/ComposeDrawer";
import { ProductLibrary } from "./recommend/ProductLibrary";
import { PushHistory } from "./recommend/PushHistory";

/** Pushes the history shows. */
export const HISTORY_LIMIT = 200;

type RecommendTab = "library" | "history";

const loadHistory = () => api.pushHistory(HISTORY_LIMIT);

/**
 * 推荐: the approved library (资料库), pushing an item to suitable clients, and what became of
 * each push (推送记录), refreshed whenever a sync finishes.
 */
export function RecommendPanel() {
  const t = useT();
  const { message } = App.useApp();
  const [tab, setTab] = useState<RecommendTab>("library");
  const [composing, setComposing] = useState<ProductView | null>(null);
  const history = useSyncedList(loadHistory, "push history");
  const { act } = history;

  const refresh = useCallback(() => {
    act(loadHistory).catch((reason: unknown) => void message.error(toIpcError(reason).message));
  }, [act, message]);

  const onSent = () => {
    setComposing(null);
    void message.success(t("compose.sent"));
    setTab("history");
    refresh();
    announceLocalWrite();
  };

  return (
    <div className="panel panel-fill recommend-panel" data-testid="recommend-panel">
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key === "history" ? "history" : "library")}
        items={[
          {
            key: "library",
            label: <span data-testid="library-tab">{t("recommend.tab.library")}</span>,
            children: <ProductLibrary onCompose={setComposing} />,
          },
          {
            key: "history",
            label: <span data-testid="history-tab">{t("recommend.tab.history")}</span>,
            children: <PushHistory pushes={history.items} onRefresh={refresh} />,
          },
        ]}
      />
      <ComposeDrawer product={composing} onClose={() => setComposing(null)} onSent={onSent} />
    </div>
  );
}
