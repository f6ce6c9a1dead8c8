import { UnorderedListOutlined } from "@ant-design/icons";
import { Button, Card, Segmented } from "antd";
import { useState } from "react";
import type { CommissionMonth } from "../../bindings/CommissionMonth";
import type { MonthFigure } from "../../bindings/MonthFigure";
import { CommissionHistoryChart, DailyCumulativeChart, type MonthMetric } from "../../charts";
import { useT } from "../../i18n/context";
import { BoardList } from "./BoardList";
import { ClientRanking } from "./ClientRanking";
import { Headline } from "./Headline";
import { daysInMonth, monthLabel } from "./months";
import { ALL_TRADES, type Drill } from "./TradesDrawer";

interface Props {
  data: CommissionMonth;
  /** The month is over (before this one). */
  ended: boolean;
  /** The last 24 months, oldest first; null while loading. */
  history: MonthFigure[] | null;
  onSelectMonth: (month: string) => void;
  onDrill: (drill: Drill) => void;
}

/** 概览: the month's headline figures, 24 months, the month day by day, by client and by board. */
export function Overview({ data, ended, history, onSelectMonth, onDrill }: Props) {
  const t = useT();
  const [metric, setMetric] = useState<MonthMetric>("total");

  return (
    <div className="commission-overview">
      <Headline data={data} ended={ended} />

      <div className="commission-grid commission-grid-charts">
        <Card
          size="small"
          title={t("months.title")}
          extra={
            <Segmented<MonthMetric>
              size="small"
              value={metric}
              onChange={setMetric}
              options={[
                { value: "total", label: t("months.metricTotal") },
                { value: "credited", label: t("months.metricCredited") },
              ]}
              data-testid="commission-history-metric"
            />
          }
        >
          <CommissionHistoryChart
            months={history ?? []}
            metric={metric}
            selected={data.month}
            onSelect={onSelectMonth}
            height={220}
          />
        </Card>
        <Card size="small" title={t("daily.title")}>
          <DailyCumulativeChart
            days={data.by_day}
            daysInMonth={daysInMonth(data.month)}
            target={data.target}
            monthName={monthLabel(t, data.month)}
            onSelectDay={(day) => onDrill({ filter: { ...ALL_TRADES, day } })}
            height={244}
          />
        </Card>
      </div>

      <div className="commission-grid commission-grid-tables">
        <Card
          size="small"
          title={t("byClient.title")}
          extra={
            <Button
              size="small"
              type="link"
              icon={<UnorderedListOutlined />}
              onClick={() => onDrill({ filter: ALL_TRADES })}
              data-testid="commission-all-trades"
            >
              {t("byClient.allTrades")}
            </Button>
          }
        >
          <ClientRanking
            clients={data.by_client}
            onOpen={(c) => onDrill({ filter: { ...ALL_TRADES, client_id: c.client_id }, clientName: c.client_name })}
          />
        </Card>
        <Card size="small" title={t("byBoard.title")}>
          <BoardList boards={data.by_board} onOpen={(board) => onDrill({ filter: { ...ALL_TRADES, board } })} />
        </Card>
      </div>
    </div>
  );
}
