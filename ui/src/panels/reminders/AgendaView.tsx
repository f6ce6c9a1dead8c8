import { Empty, Typography } from "antd";
import type { Agenda } from "../../bindings/Agenda";
import type { AgendaItem } from "../../bindings/AgendaItem";
import { useT } from "../../i18n/context";
import { AgendaItemRow } from "./AgendaItemRow";

interface SectionProps {
  title: string;
  items: AgendaItem[];
  withDate: boolean;
  danger?: boolean;
  testId: string;
}

interface Props {
  agenda: Agenda;
  now: Date;
  /** Ids of reminders the scheduler found missed. */
  missed: ReadonlySet<string>;
  onAgenda: (agenda: Agenda) => void;
  onEdit: (item: AgendaItem) => void;
  onOpenClient: (clientId: string) => void;
}

/** 待办: 已逾期, 今天 and 未来一周, every reminder with 完成 / 稍后提醒 / 编辑. */
export function AgendaView({ agenda, now, missed, onAgenda, onEdit, onOpenClient }: Props) {
  const t = useT();
  const total = agenda.overdue.length + agenda.today.length + agenda.week.length;

  const section = ({ title, items, withDate, danger, testId }: SectionProps) => (
    <section className={`agenda-section${danger && items.length > 0 ? " agenda-section-danger" : ""}`} data-testid={testId}>
      <Typography.Title level={5} className="agenda-section-title">
        {title}
        <span className="agenda-section-count tabular">{items.length}</span>
      </Typography.Title>
      {items.length === 0 ? (
        <Typography.Text type="secondary" className="agenda-section-empty">
          {t("agenda.sectionEmpty")}
        </Typography.Text>
      ) : (
        <div className="agenda-list">
          {items.map((item) => (
            <AgendaItemRow
              key={item.id}
              item={item}
              now={now}
              withDate={withDate}
              missed={missed.has(item.id)}
              onAgenda={onAgenda}
              onEdit={onEdit}
              onOpenClient={onOpenClient}
            />
          ))}
        </div>
      )}
    </section>
  );

  if (total === 0) {
    return <Empty description={t("today.dueEmpty")} data-testid="reminders-agenda-empty" />;
  }
  return (
    <div className="agenda-view">
      {section({
        title: t("agenda.section.overdue"),
        items: agenda.overdue,
        withDate: true,
        danger: true,
        testId: "agenda-overdue",
      })}
      {section({ title: t("agenda.section.today"), items: agenda.today, withDate: false, testId: "agenda-today" })}
      {section({ title: t("agenda.section.week"), items: agenda.week, withDate: true, testId: "agenda-week" })}
    </div>
  );
}
