import { BellOutlined } from "@ant-design/icons";
import { Empty, Tag, Typography } from "antd";
import { useState } from "react";
import type { ReminderView } from "../../bindings/ReminderView";
import { useT } from "../../i18n/context";
import { todayInShanghai } from "../../lib/format";

function ReminderState({ reminder, today }: { reminder: ReminderView; today: string }) {
  const t = useT();
  if (reminder.done_at) return <Tag color="green">{t("reminders.done")}</Tag>;
  if (reminder.due_on < today) return <Tag color="red">{t("reminders.overdue")}</Tag>;
  if (reminder.due_on === today) return <Tag color="orange">{t("reminders.today")}</Tag>;
  return <Tag color="blue">{t("reminders.open")}</Tag>;
}

/** 跟进提醒: the client's reminders, open ones first by due date. */
export function RemindersList({ reminders }: { reminders: ReminderView[] }) {
  const t = useT();
  const [today] = useState(() => todayInShanghai());
  const sorted = [...reminders].sort((a, b) => {
    const doneA = a.done_at ? 1 : 0;
    const doneB = b.done_at ? 1 : 0;
    return doneA - doneB || a.due_on.localeCompare(b.due_on);
  });

  return (
    <section className="reminders" data-testid="reminders">
      <Typography.Title level={5} className="profile-section">
        <BellOutlined /> {t("reminders.title")}
      </Typography.Title>
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("reminders.empty")} />
      ) : (
        <ul className="reminder-list">
          {sorted.map((r) => (
            <li key={r.id} className="reminder-item" data-testid="reminder-item">
              <div className="reminder-title">{r.title}</div>
              <div className="reminder-meta">
                <Typography.Text type="secondary" className="tabular">
                  {t("reminders.due", { date: r.due_on })}
                </Typography.Text>
                <ReminderState reminder={r} today={today} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
