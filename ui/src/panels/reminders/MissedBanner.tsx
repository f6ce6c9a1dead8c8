import { Alert, Button } from "antd";
import { useReminderFeed } from "../../components/reminderFeed";
import { useT } from "../../i18n/context";
import { formatDateTime } from "../../lib/format";

/** 错过的提醒 N 条: what came due while the desk was closed, until the broker dismisses it. */
export function MissedBanner() {
  const t = useT();
  const { missed, dismissMissed } = useReminderFeed();
  if (missed.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="missed-banner"
      data-testid="reminders-missed"
      title={t("missed.title", { count: missed.length })}
      description={
        <>
          {t("missed.hint")}
          <ul className="missed-list">
            {missed.map((e) => (
              <li key={`${e.reminder_id}@${e.due_at}`} data-testid="missed-item">
                <span className="tabular missed-at">{formatDateTime(e.due_at)}</span> {e.title}
              </li>
            ))}
          </ul>
        </>
      }
      action={
        <Button size="small" onClick={dismissMissed} data-testid="missed-dismiss">
          {t("missed.dismiss")}
        </Button>
      }
    />
  );
}
