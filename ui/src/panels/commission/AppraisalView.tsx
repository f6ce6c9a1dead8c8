import { Alert, Empty, Space, Spin, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../api";
import type { Measure } from "../../bindings/Measure";
import type { MeasureScore } from "../../bindings/MeasureScore";
import type { PublishedAppraisal } from "../../bindings/PublishedAppraisal";
import type { Translate } from "../../i18n/context";
import { useT } from "../../i18n/context";
import { formatDateTime, formatFen } from "../../lib/format";
import { monthLabel } from "./months";

/** A measure's figure as the broker's month has it: yuan, a count, or a percentage. */
function figure(t: Translate, measure: Measure, value: number): string {
  switch (measure) {
    case "net_commission":
    case "net_new_assets":
      return formatFen(value);
    case "contact_coverage":
      return `${(value / 100).toFixed(2)}%`;
    case "active_clients":
      return t("appraisal.people", { count: value });
    case "satisfaction":
      return t("appraisal.score", { score: (value / 10).toFixed(1) });
    case "open_complaints":
    case "blocked_recipients":
      return t("appraisal.times", { count: value });
  }
}

const points = (hundredths: number) => (hundredths / 100).toFixed(2);

/** 考核 on the 佣金 panel: the broker's own card for the month, as head office published it. */
export function AppraisalView({ month }: { month: string }) {
  const t = useT();
  const [cards, setCards] = useState<PublishedAppraisal[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.myAppraisals().then(setCards, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  if (error) return <Alert type="error" showIcon title={t("appraisal.loadFailed")} description={error} />;
  if (!cards) return <Spin />;
  if (cards.length === 0) return <Empty description={t("appraisal.none")} data-testid="appraisal-none" />;
  const card = cards.find((c) => c.month === month);
  return (
    <div data-testid="appraisal-view">
      {card ? (
        <>
          <Space size={16} align="baseline" wrap>
            <span>
              {t("appraisal.total")}{" "}
              <Typography.Text strong style={{ fontSize: 20 }} data-testid="appraisal-total">
                {points(card.card.total)}
              </Typography.Text>
            </span>
            <Typography.Text>
              {t(`appraisal.rank.${card.ranked_among}`, { cohort: card.cohort_name, peers: card.card.peers, rank: card.card.rank })}
            </Typography.Text>
          </Space>
          <Typography.Paragraph type="secondary">{t(`appraisal.howScored.${card.ranked_among}`)}</Typography.Paragraph>
          <Table<MeasureScore>
            rowKey="measure"
            size="small"
            pagination={false}
            dataSource={card.card.parts}
            columns={[
              { title: t("appraisal.col.measure"), render: (_, p) => t(`appraisal.measure.${p.measure}`) },
              { title: t("appraisal.col.figure"), render: (_, p) => figure(t, p.measure, p.figure) },
              { title: t("appraisal.col.standing"), dataIndex: "standing", width: 90 },
              { title: t("appraisal.col.weight"), dataIndex: "percent", width: 80, render: (w: number) => `${w}%` },
              { title: t("appraisal.col.points"), dataIndex: "points", width: 90, render: (x: number) => points(x) },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t("appraisal.published", { at: formatDateTime(card.published_at) })}
          </Typography.Paragraph>
        </>
      ) : (
        <Alert type="info" showIcon title={t("appraisal.notPublished", { month: monthLabel(t, month) })} data-testid="appraisal-pending" />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("appraisal.history")}
      </Typography.Title>
      <div>
        {cards.map((c) => (
          <Tag key={c.month} color={c.month === month ? "blue" : "default"}>
            {monthLabel(t, c.month)} {points(c.card.total)}（{c.card.rank}/{c.card.peers}）
          </Tag>
        ))}
      </div>
    </div>
  );
}
