import { BellOutlined, ClockCircleOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import type { ReminderEvent } from "../bindings/ReminderEvent";
import { useReminderEvents } from "../hooks/useReminderEvents";
import { useT } from "../i18n/context";
import { ReminderFeedContext, type ReminderFeedValue } from "./reminderFeed";

/** Titles a notification lists before "等 N 条". */
const LISTED_TITLES = 3;

const FIRED_KEY = "fired-reminders";
const MISSED_KEY = "missed-reminders";

/**
 * Seconds a notice stays (longer while the pointer rests on it). The desktop notification, the
 * highlighted agenda and the missed banner keep the reminder in view after that; a notice that
 * stayed for good would cover the window's bottom corner.
 */
const FIRED_SECONDS = 20;
const MISSED_SECONDS = 10;

const occurrence = (e: ReminderEvent) => `${e.reminder_id}@${e.due_at}`;

interface Props {
  /** Shows the 提醒 panel (a notification's button). */
  onOpenReminders: () => void;
  children: ReactNode;
}

/**
 * The window's side of the reminder scheduler: a notification when reminders fire (到期提醒, the
 * newest first while earlier ones are still shown), one for those found missed while the desk was
 * closed (错过的提醒 N 条), and the missed ones for the panels to point out until dismissed.
 */
export function ReminderFeed({ onOpenReminders, children }: Props) {
  const t = useT();
  const { notification } = App.useApp();
  const [missed, setMissed] = useState<ReminderEvent[]>([]);
  // Fired reminders the notice currently shows, newest first.
  const [shownFired, setShownFired] = useState<ReminderEvent[]>([]);

  const openButton = (key: string) => (
    <Button
      type="primary"
      size="small"
      icon={<BellOutlined />}
      onClick={() => {
        notification.destroy(key);
        if (key === FIRED_KEY) setShownFired([]);
        onOpenReminders();
      }}
      data-testid="notify-open-reminders"
    >
      {t("notify.open")}
    </Button>
  );

  const listTitles = (events: ReminderEvent[]) => {
    const titles = events.slice(0, LISTED_TITLES).map((e) => e.title);
    return events.length > titles.length
      ? `${titles.join("、")} ${t("notify.andMore", { count: events.length })}`
      : titles.join("、");
  };

  const merge = (shown: ReminderEvent[], incoming: ReminderEvent[]) => {
    const fresh = new Set(incoming.map(occurrence));
    return [...incoming, ...shown.filter((e) => !fresh.has(occurrence(e)))];
  };

  useReminderEvents((events) => {
    const fired = events.filter((e) => e.event === "fired");
    const newlyMissed = events.filter((e) => e.event === "missed");

    if (fired.length > 0) {
      const all = merge(shownFired, [...fired].reverse());
      setShownFired(all);
      notification.warning({
        key: FIRED_KEY,
        title: all.length === 1 ? t("notify.fired") : t("notify.firedMany", { count: all.length }),
        description: <span data-testid="notify-fired">{listTitles(all)}</span>,
        actions: openButton(FIRED_KEY),
        icon: <BellOutlined style={{ color: "#fa8c16" }} />,
        placement: "bottomRight",
        duration: FIRED_SECONDS,
        onClose: () => setShownFired([]),
      });
    }

    if (newlyMissed.length > 0) {
      const seen = new Set(missed.map(occurrence));
      const all = [...missed, ...newlyMissed.filter((e) => !seen.has(occurrence(e)))];
      setMissed(all);
      notification.info({
        key: MISSED_KEY,
        title: t("notify.missed", { count: all.length }),
        description: <span data-testid="notify-missed">{listTitles(all)}</span>,
        actions: openButton(MISSED_KEY),
        icon: <ClockCircleOutlined style={{ color: "#cf1322" }} />,
        placement: "bottomRight",
        duration: MISSED_SECONDS,
      });
    }
  });

  const dismissMissed = useCallback(() => {
    setMissed([]);
    notification.destroy(MISSED_KEY);
  }, [notification]);

  const value = useMemo<ReminderFeedValue>(() => ({ missed, dismissMissed }), [missed, dismissMissed]);
  return <ReminderFeedContext.Provider value={value}>{children}</ReminderFeedContext.Provider>;
}
