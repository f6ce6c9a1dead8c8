import { Typography } from "antd";
import { useCurrentUser } from "../../components/currentUser";
import { useT } from "../../i18n/context";
import type { MessageKey } from "../../i18n/messages";
import { shanghaiWallClock } from "../../lib/format";
import { weekdayName } from "../reminders/tags";

function greetingKey(hour: number): MessageKey {
  if (hour < 11) return "today.morning";
  if (hour < 13) return "today.noon";
  if (hour < 18) return "today.afternoon";
  return "today.evening";
}

interface Props {
  now: Date;
  /** What the day holds; absent while the day is loading, rather than zeros that are not so. */
  counts?: { due: number; overdue: number; alerts: number };
}

/** 早上好，王丽 · 2024年3月15日 星期五, and what the day holds in one line. */
export function Greeting({ now, counts }: Props) {
  const t = useT();
  const user = useCurrentUser();
  const { date, time } = shanghaiWallClock(now);
  const greeting = t(greetingKey(Number(time.slice(0, 2))));
  const [year, month, day] = date.split("-");
  return (
    <div className="today-greeting-block">
      <Typography.Title level={4} className="today-greeting" data-testid="today-greeting">
        {user ? t("today.greeting", { greeting, name: user.display_name }) : greeting}
      </Typography.Title>
      <Typography.Text type="secondary" className="today-date tabular" data-testid="today-date">
        {t("today.date", {
          year: year ?? "",
          month: Number(month),
          day: Number(day),
          date,
          weekday: weekdayName(t, date),
        })}
        {counts && (
          <span className="today-summary" data-testid="today-summary">
            {" · "}
            {t("today.summary", counts)}
          </span>
        )}
      </Typography.Text>
    </div>
  );
}
