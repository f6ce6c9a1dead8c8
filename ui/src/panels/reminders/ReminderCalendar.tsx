import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Alert, Button, Calendar, Space, Spin, Typography } from "antd";
import { useCallback, useMemo, useState, type ComponentProps, type MouseEvent } from "react";
import { api } from "../../api";
import type { AgendaItem } from "../../bindings/AgendaItem";
import { useLoaded } from "../../hooks/useLoaded";
import { useT } from "../../i18n/context";
import { calendarRange, isTask, monthOf, nextAlarm, shownTime } from "../../lib/agenda";
import { todayInShanghai } from "../../lib/format";

/** antd's calendar day (a dayjs object), named without depending on dayjs directly. */
type CalendarDay = Parameters<NonNullable<ComponentProps<typeof Calendar>["onSelect"]>>[0];

/** Entries a day cell lists before "还有 N 项". */
const SHOWN_PER_DAY = 3;

interface Props {
  /** Moves when the reminders may have changed. */
  reloadKey: unknown;
  now: Date;
  onNew: (date: string) => void;
  onEdit: (item: AgendaItem) => void;
}

/**
 * 日历: the month with each day's reminders, done ones struck through. A click on a day starts a
 * reminder on it; a click on an open reminder edits it.
 */
export function ReminderCalendar({ reloadKey, now, onNew, onEdit }: Props) {
  const t = useT();
  const [month, setMonth] = useState(() => monthOf(todayInShanghai()));
  const range = useMemo(() => calendarRange(month), [month]);
  const load = useCallback(() => api.remindersBetween(range.from, range.until), [range]);
  const view = useLoaded(load, reloadKey);

  const byDay = useMemo(() => {
    const days = new Map<string, AgendaItem[]>();
    for (const item of view.data ?? []) {
      const list = days.get(item.due_on);
      if (list) list.push(item);
      else days.set(item.due_on, [item]);
    }
    return days;
  }, [view.data]);

  const dayContent = (day: CalendarDay) => {
    const date = day.format("YYYY-MM-DD");
    const items = byDay.get(date) ?? [];
    if (items.length === 0) return null;
    const more = items.length - SHOWN_PER_DAY;
    return (
      <ul className="calendar-items" data-testid={`calendar-day-${date}`}>
        {items.slice(0, SHOWN_PER_DAY).map((item) => {
          const done = item.done_at !== null;
          const late = !done && nextAlarm(item) <= now.getTime();
          return (
            <li
              key={item.id}
              className={`calendar-item${done ? " calendar-item-done" : late ? " calendar-item-late" : ""}${
                isTask(item) ? " calendar-item-task" : ""
              }`}
              title={`${shownTime(item)} ${item.title}${item.client_name ? ` · ${item.client_name}` : ""}`}
              data-testid={`calendar-item-${item.id}`}
              onClick={(e: MouseEvent) => {
                // An open reminder opens in the form; the day behind it is not picked.
                e.stopPropagation();
                if (!done && !isTask(item)) onEdit(item);
              }}
            >
              <span className="tabular calendar-item-time">{shownTime(item)}</span> {item.title}
            </li>
          );
        })}
        {more > 0 && <li className="calendar-more">{t("calendar.more", { count: more })}</li>}
      </ul>
    );
  };

  return (
    <div className="reminder-calendar" data-testid="reminders-calendar" data-month={month}>
      {view.error && (
        <Alert type="error" showIcon title={t("agenda.loadFailed")} description={view.error.message} className="today-alert" />
      )}
      <Spin spinning={view.loading && view.data !== null}>
        <Calendar
          onPanelChange={(day) => setMonth(day.format("YYYY-MM"))}
          onSelect={(day, { source }) => {
            if (source === "date") onNew(day.format("YYYY-MM-DD"));
          }}
          cellRender={(day, info) => (info.type === "date" ? dayContent(day) : info.originNode)}
          headerRender={({ value, onChange }) => {
            const [year, mon] = value.format("YYYY-MM").split("-");
            return (
              <div className="calendar-head">
                <Space size={4}>
                  <Button
                    size="small"
                    icon={<LeftOutlined />}
                    aria-label={t("calendar.prev")}
                    onClick={() => onChange(value.subtract(1, "month"))}
                    data-testid="calendar-prev"
                  />
                  <Typography.Text strong className="calendar-month tabular" data-testid="calendar-month">
                    {t("charts.month", { year: year ?? "", month: Number(mon) })}
                  </Typography.Text>
                  <Button
                    size="small"
                    icon={<RightOutlined />}
                    aria-label={t("calendar.next")}
                    onClick={() => onChange(value.add(1, "month"))}
                    data-testid="calendar-next"
                  />
                  <Button
                    size="small"
                    onClick={() => {
                      const [y, m, d] = todayInShanghai().split("-").map(Number);
                      onChange(value.year(y ?? value.year()).month((m ?? 1) - 1).date(d ?? 1));
                    }}
                    data-testid="calendar-this-month"
                  >
                    {t("calendar.today")}
                  </Button>
                </Space>
                <Typography.Text type="secondary" className="calendar-hint">
                  {t("calendar.hint")}
                </Typography.Text>
              </div>
            );
          }}
        />
      </Spin>
    </div>
  );
}
