import { UserOutlined } from "@ant-design/icons";
import { Badge, Card, Empty, Typography } from "antd";
import type { AgendaItem } from "../../bindings/AgendaItem";
import { useT } from "../../i18n/context";
import { isTask, shownTime } from "../../lib/agenda";
import { RepeatTag, shortDate, SourceTag } from "../reminders/tags";

interface Props {
  items: AgendaItem[];
  onEdit: (item: AgendaItem) => void;
}

/** 未来一周: what is coming, by day; a click opens the broker's own reminder in the form. */
export function WeekCard({ items, onEdit }: Props) {
  const t = useT();
  return (
    <Card
      size="small"
      className="today-card"
      title={
        <span className="today-card-title">
          {t("today.week")}
          <Badge count={items.length} showZero color={items.length > 0 ? "#1d4ed8" : "#94a3b8"} data-testid="today-week-count" />
        </span>
      }
      data-testid="today-week"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("today.weekEmpty")} className="today-empty" />
      ) : (
        <ul className="week-list">
          {items.map((item) => (
            <li key={item.id} data-testid={`week-item-${item.id}`}>
              <button
                type="button"
                className="week-item"
                disabled={isTask(item)}
                onClick={() => onEdit(item)}
              >
                <span className="week-when tabular">
                  {shortDate(t, item.due_on)} {shownTime(item)}
                </span>
                <span className="week-title">
                  <Typography.Text ellipsis>{item.title}</Typography.Text>
                  {item.client_name && (
                    <Typography.Text type="secondary" className="week-client">
                      <UserOutlined /> {item.client_name}
                    </Typography.Text>
                  )}
                </span>
                <RepeatTag repeat={item.repeat} />
                <SourceTag source={item.source} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
