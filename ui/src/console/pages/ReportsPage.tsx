import { FileExcelOutlined, PrinterOutlined } from "@ant-design/icons";
import { Alert, App, Breadcrumb, Button, Card, DatePicker, Space, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useMemo, useState } from "react";
import type { TeamDashboard } from "../../bindings/TeamDashboard";
import type { TeamRow } from "../../bindings/TeamRow";
import { formatCount, formatDateTime, formatFen, todayInShanghai } from "../../lib/format";
import { coverageText, coverageTotal } from "../../lib/team";
import { EChart } from "../EChart";
import { PATHS, saveAs } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";

/** Fen as 万元 with two decimals, for a chart's axis: 1 万元 is 1,000,000 fen. */
export function wan(fen: number): number {
  return Math.round(fen / 10_000) / 100;
}

/** 汇总报表: a unit's month by its direct reports (branches, teams, brokers), charted and printable. */
export function ReportsPage({ session, onSessionEnded }: PageProps) {
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(() => dayjs(todayInShanghai()).startOf("month"));
  const [unit, setUnit] = useState<string | null>(null);
  const query = useMemo(() => {
    const q: Record<string, string> = { month: month.format("YYYY-MM-DD") };
    if (unit) q.unit = unit;
    return q;
  }, [month, unit]);
  const load = useCallback(() => session.get<TeamDashboard>(PATHS.teamDashboard, query), [session, query]);
  const exportXlsx = () =>
    session.download(PATHS.reportXlsx, query).then(
      saveAs,
      (reason: unknown) => void message.error(reason instanceof Error ? reason.message : String(reason)),
    );
  const { data, error, loading } = useLoad(load, onSessionEnded);

  const chart = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0, data: ["净佣金（万元）", "净流入（万元）"] },
      grid: { left: 70, right: 70, top: 50, bottom: 70 },
      xAxis: { type: "category", data: (data?.rows ?? []).map((r) => r.name), axisLabel: { interval: 0, rotate: 20 } },
      // Commission is a small fraction of money moved: each has its own scale.
      yAxis: [
        { type: "value", name: "净佣金（万元）" },
        { type: "value", name: "净流入（万元）", splitLine: { show: false } },
      ],
      series: [
        { name: "净佣金（万元）", type: "bar", data: (data?.rows ?? []).map((r) => wan(r.figures.net_commission)) },
        {
          name: "净流入（万元）",
          type: "bar",
          yAxisIndex: 1,
          data: (data?.rows ?? []).map((r) => wan(r.figures.net_new_assets)),
        },
      ],
    }),
    [data],
  );
  const trend = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      grid: { left: 70, right: 20, top: 40, bottom: 30 },
      xAxis: { type: "category", data: (data?.trend ?? []).map((p) => p.month.slice(0, 7)) },
      yAxis: { type: "value", name: "净佣金（万元）" },
      series: [{ type: "line", data: (data?.trend ?? []).map((p) => wan(p.net_commission)) }],
    }),
    [data],
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card
        size="small"
        title={
          <Space>
            <span>汇总报表</span>
            {data && (
              <Breadcrumb
                items={data.path.map((p) => ({
                  title: (
                    <a onClick={() => setUnit(p.id)}>
                      {p.name}
                    </a>
                  ),
                }))}
              />
            )}
          </Space>
        }
        extra={
          <Space className="no-print">
            <DatePicker picker="month" value={month} allowClear={false} onChange={(m) => m && setMonth(m)} />
            <Button icon={<FileExcelOutlined />} onClick={() => void exportXlsx()} data-testid="report-xlsx">
              导出 Excel
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="report-print">
              打印
            </Button>
          </Space>
        }
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {data && (
          <Typography.Paragraph type="secondary">
            {data.unit_name} · {month.format("YYYY年MM月")} · 经纪人 {formatCount(data.totals.brokers)} 名 · 客户{" "}
            {formatCount(data.totals.clients)} 户 · 资产 {formatFen(data.totals.total_assets)} · 净流入{" "}
            {formatFen(data.totals.net_new_assets)} · 净佣金 {formatFen(data.totals.net_commission)} · 未结投诉{" "}
            {data.totals.open_complaints} 件 · 数据时间 {formatDateTime(data.taken_at)}
          </Typography.Paragraph>
        )}
        <Table<TeamRow>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.rows ?? []}
          pagination={false}
          data-testid="console-report"
          onRow={(r) => ({
            onClick: () => r.kind === "unit" && setUnit(r.id),
            style: r.kind === "unit" ? { cursor: "pointer" } : undefined,
          })}
          columns={[
            { title: "排名", dataIndex: "rank", width: 60 },
            { title: "单位 / 经纪人", dataIndex: "name", render: (n: string, r) => (r.kind === "unit" ? <a>{n}</a> : n) },
            { title: "负责人", dataIndex: "leader_name", width: 90, render: (n: string | null) => n ?? "—" },
            { title: "经纪人", width: 70, align: "right", render: (_, r) => r.figures.brokers },
            { title: "客户", width: 80, align: "right", render: (_, r) => formatCount(r.figures.clients) },
            { title: "资产", width: 150, align: "right", render: (_, r) => formatFen(r.figures.total_assets) },
            { title: "净流入", width: 140, align: "right", render: (_, r) => formatFen(r.figures.net_new_assets) },
            { title: "净佣金", width: 130, align: "right", render: (_, r) => formatFen(r.figures.net_commission) },
            { title: "活跃客户", width: 80, align: "right", render: (_, r) => formatCount(r.figures.active_clients) },
            { title: "联系覆盖", width: 110, render: (_, r) => coverageText(coverageTotal(r.figures.coverage)) },
            { title: "未结投诉", width: 80, align: "right", render: (_, r) => r.figures.open_complaints },
          ]}
        />
      </Card>
      <Card size="small" title="各单位净佣金与净流入" className="report-chart">
        <EChart option={chart} testId="report-chart" />
      </Card>
      <Card size="small" title="近六个月净佣金" className="report-chart">
        <EChart option={trend} height={220} />
      </Card>
    </Space>
  );
}
