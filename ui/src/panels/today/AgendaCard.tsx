import { Badge, Card, Empty } from "antd";
import type { ReactNode } from "react";
import type { Agenda } from "../../bindings/Agenda";
import type { AgendaItem } from "../../bindings/AgendaItem";
import { AgendaItemRow } from "../reminders/AgendaItemRow";

interface Props {
  title: string;
  items: AgendaItem[];
  empty: string;
  now: Date;
  /** Overdue: the card is marked red. */
  danger?: boolean;
  /** Ids of reminders the scheduler found missed. */
  missed: ReadonlySet<string>;
  onAgenda: (agenda: Agenda) => void;
  onEdit: (item: AgendaItem) => void;
  onOpenClient: (clientId: string) => void;
  extra?: ReactNode;
  testId: string;
}

/** 今日待办 or 已逾期: the reminders, each with 完成, 稍后提醒 and 编辑. */
export function AgendaCard({ title, items, empty, now, danger, missed, onAgenda, onEdit, onOpenClient, extra, testId }: Props) {
  return (
    <Card
      size="small"
      className={`today-card${danger && items.length > 0 ? " today-card-danger" : ""}`}
      title={
        <span className="today-card-title">
          {title}
          <Badge
            count={items.length}
            showZero
            color={danger && items.length > 0 ? "#cf1322" : items.length > 0 ? "#1d4ed8" : "#94a3b8"}
            data-testid={`${testId}-count`}
          />
        </span>
      }
      extra={extra}
      data-testid={testId}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} className="today-empty" />
      ) : (
        <div className="agenda-list">
          {items.map((item) => (
            <AgendaItemRow
              key={item.id}
              item={item}
              now={now}
              withDate={danger}
              missed={missed.has(item.id)}
              onAgenda={onAgenda}
              onEdit={onEdit}
              onOpenClient={onOpenClient}
            />
          ))}
        </div>
      )}
    </Card>
  );
}
