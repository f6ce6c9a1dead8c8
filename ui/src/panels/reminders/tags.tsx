import { Tag } from "antd";
import type { AlertKind } from "../../bindings/AlertKind";
import type { Repeat } from "../../bindings/Repeat";
import { useT, type Translate } from "../../i18n/context";
import type { MessageKey } from "../../i18n/messages";
import { weekdayOf } from "../../lib/agenda";
import { daysBetween } from "../../lib/format";

export const REPEATS: readonly Repeat[] = ["never", "daily", "weekly", "monthly", "yearly"];

/** Every kind, in the backend's order of urgency. */
export const ALERT_KINDS: readonly AlertKind[] = [
  "complaint_deadline",
  "forced_sale",
  "margin_warning",
  "new_share_payment",
  "id_expired",
  "assessment_expired",
  "rights_issue",
  "asset_outflow",
  "low_satisfaction",
  "maturity",
  "new_share_subscription",
  "id_expiring",
  "assessment_expiring",
  "birthday",
  "dormant",
];

const tagStyle = { marginInlineEnd: 0 } as const;

/** 每天 / 每周 / 每月 / 每年; nothing for a one-off reminder. */
export function RepeatTag({ repeat }: { repeat: Repeat }) {
  const t = useT();
  if (repeat === "never") return null;
  return (
    <Tag color="blue" variant="outlined" style={tagStyle} data-testid="repeat-tag" data-repeat={repeat}>
      {t(`repeat.${repeat}`)}
    </Tag>
  );
}

/** 跟进 for a contact note's follow-up date, 任务 for a lead's task; none for the broker's own. */
export function SourceTag({ source }: { source: string }) {
  const t = useT();
  if (source === "follow_up") {
    return (
      <Tag color="cyan" variant="outlined" style={tagStyle} data-testid="source-tag" data-source={source}>
        {t("agenda.source.follow_up")}
      </Tag>
    );
  }
  if (source === "task") {
    return (
      <Tag color="purple" style={tagStyle} data-testid="source-tag" data-source={source}>
        {t("agenda.source.task")}
      </Tag>
    );
  }
  return null;
}

const KIND_COLORS: Record<AlertKind, string> = {
  complaint_deadline: "red",
  forced_sale: "red",
  margin_warning: "volcano",
  new_share_payment: "gold",
  id_expired: "volcano",
  assessment_expired: "volcano",
  rights_issue: "geekblue",
  asset_outflow: "magenta",
  low_satisfaction: "volcano",
  maturity: "purple",
  new_share_subscription: "blue",
  id_expiring: "orange",
  assessment_expiring: "orange",
  birthday: "green",
  dormant: "default",
};

/**
 * 投诉时限 / 两融平仓线 / 两融预警 / 新股缴款 / 证件已过期 / 测评已过期 / 配股 / 资产流失 / 产品到期 /
 * 新股申购 / 证件将到期 / 测评将到期 / 生日 / 休眠客户: red and volcano for what must be done now,
 * gold and orange for what is coming, blues and purple for market events.
 */
export function AlertKindTag({ kind }: { kind: AlertKind }) {
  const t = useT();
  return (
    <Tag color={KIND_COLORS[kind]} style={tagStyle} data-testid="alert-kind" data-kind={kind}>
      {t(`alertKind.${kind}`)}
    </Tag>
  );
}

const LOG_EVENTS: Record<string, { label: MessageKey; color: string }> = {
  fired: { label: "reminderLog.event.fired", color: "orange" },
  missed: { label: "reminderLog.event.missed", color: "red" },
  snoozed: { label: "reminderLog.event.snoozed", color: "blue" },
  done: { label: "reminderLog.event.done", color: "green" },
};

/** 已提醒 / 错过 / 稍后 / 完成; an event the window does not know is shown as it came. */
export function LogEventTag({ event }: { event: string }) {
  const t = useT();
  const known = LOG_EVENTS[event];
  return (
    <Tag color={known?.color} style={tagStyle} data-testid="log-event" data-event={event}>
      {known ? t(known.label) : event}
    </Tag>
  );
}

/** 今天 / 明天 / 昨天 / 3 天后 / 2 天前, from `today`. */
export function relativeDay(t: Translate, date: string, today: string): string {
  const days = daysBetween(today, date);
  if (days === null) return date;
  if (days === 0) return t("relative.today");
  if (days === 1) return t("relative.tomorrow");
  if (days === -1) return t("relative.yesterday");
  return days > 0 ? t("relative.inDays", { days }) : t("relative.daysAgo", { days: -days });
}

const WEEKDAYS: readonly MessageKey[] = [
  "weekday.0",
  "weekday.1",
  "weekday.2",
  "weekday.3",
  "weekday.4",
  "weekday.5",
  "weekday.6",
];

const SHORT_WEEKDAYS: readonly MessageKey[] = [
  "weekdayShort.0",
  "weekdayShort.1",
  "weekdayShort.2",
  "weekdayShort.3",
  "weekdayShort.4",
  "weekdayShort.5",
  "weekdayShort.6",
];

/** 星期五 (or 周五 when `short`) for a "YYYY-MM-DD" date. */
export function weekdayName(t: Translate, date: string, short = false): string {
  const key = (short ? SHORT_WEEKDAYS : WEEKDAYS)[weekdayOf(date)];
  return key ? t(key) : "";
}

/** "03-18 周一": a date near today, as a list beside times shows it. */
export function shortDate(t: Translate, date: string): string {
  return `${date.slice(5)} ${weekdayName(t, date, true)}`;
}
