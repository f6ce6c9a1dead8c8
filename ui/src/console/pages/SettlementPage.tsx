import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Radio, Segmented, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useState } from "react";
import type { DisputeInQueue } from "../../bindings/DisputeInQueue";
import type { DisputeStatus } from "../../bindings/DisputeStatus";
import type { StatementsPublished } from "../../bindings/StatementsPublished";
import { formatDateTime, formatFen, todayInShanghai } from "../../lib/format";
import { PATHS } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";
import { TradeCorrectionDialog } from "./TradeCorrectionDialog";

const STATUS: Record<DisputeStatus, { text: string; color: string }> = {
  open: { text: "待答复", color: "gold" },
  resolved: { text: "已解决", color: "green" },
  rejected: { text: "不予调整", color: "default" },
};

interface AnswerValues {
  status: DisputeStatus;
  answer: string;
}

/** 佣金结算: finance publishes a month's statements and answers brokers' disputes of them. */
export function SettlementPage({ session, onSessionEnded }: PageProps) {
  const { message, modal } = App.useApp();
  const [all, setAll] = useState(false);
  const [month, setMonth] = useState<Dayjs>(() => dayjs(todayInShanghai()).subtract(1, "month").startOf("month"));
  const [publishError, setPublishError] = useState<string | null>(null);
  const [answering, setAnswering] = useState<DisputeInQueue | null>(null);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [answerError, setAnswerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<AnswerValues>();
  const load = useCallback(
    () => session.get<DisputeInQueue[]>(PATHS.disputes, all ? { all: "true" } : {}),
    [session, all],
  );
  const { data, error, loading, reload } = useLoad(load, onSessionEnded);

  const publish = () => {
    const label = month.format("YYYY年MM月");
    modal.confirm({
      title: `发布 ${label} 的佣金结算单？`,
      content: "每位经纪人下次同步后会收到该月的正式结算单；已发布过的月份会以更正后的数字重新发布。",
      okText: "发布",
      cancelText: "取消",
      onOk: async () => {
        setPublishError(null);
        try {
          const done = await session.post<StatementsPublished>(PATHS.statementsPublish, {
            month: month.format("YYYY-MM-DD"),
          });
          void message.success(`已发布 ${label} 的结算单 ${done.statements} 份`);
        } catch (reason) {
          setPublishError(reason instanceof Error ? reason.message : String(reason));
        }
      },
    });
  };

  const answer = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !answering) return;
    setSaving(true);
    setAnswerError(null);
    try {
      await session.post<DisputeInQueue[]>(PATHS.disputeAnswer, { id: answering.dispute.id, ...values });
      setAnswering(null);
      void message.success("已答复，经纪人下次同步后可在对账页看到");
      reload();
    } catch (reason) {
      setAnswerError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card size="small" title="发布结算单">
        {publishError && <Alert type="error" showIcon title={publishError} style={{ marginBottom: 12 }} />}
        <Space>
          <Typography.Text>结算月份</Typography.Text>
          <DatePicker picker="month" value={month} allowClear={false} onChange={(m) => m && setMonth(m)} />
          <Button type="primary" onClick={publish} data-testid="statements-publish">
            发布
          </Button>
        </Space>
      </Card>
      <Card
        size="small"
        title="佣金异议"
        extra={
          <Segmented
            value={all ? "all" : "open"}
            options={[
              { label: "待答复", value: "open" },
              { label: "全部", value: "all" },
            ]}
            onChange={(v) => setAll(v === "all")}
          />
        }
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Table<DisputeInQueue>
          rowKey={(d) => d.dispute.id}
          size="small"
          loading={loading}
          dataSource={data ?? []}
          pagination={{ pageSize: 15, showSizeChanger: false }}
          locale={{ emptyText: "没有待答复的异议" }}
          data-testid="console-disputes"
          columns={[
            { title: "提出时间", width: 140, render: (_, d) => formatDateTime(d.dispute.raised_at) },
            { title: "经纪人", width: 130, render: (_, d) => `${d.broker_name}（${d.broker_id}）` },
            { title: "月份", width: 90, render: (_, d) => d.month.slice(0, 7) },
            { title: "成交", width: 120, render: (_, d) => d.dispute.trade_id ?? "整张结算单" },
            { title: "经纪人算", width: 110, align: "right", render: (_, d) => formatFen(d.dispute.desk_amount) },
            { title: "结算单", width: 110, align: "right", render: (_, d) => formatFen(d.dispute.statement_amount) },
            { title: "异议内容", render: (_, d) => d.dispute.comment },
            {
              title: "状态",
              width: 90,
              render: (_, d) => <Tag color={STATUS[d.dispute.status].color}>{STATUS[d.dispute.status].text}</Tag>,
            },
            {
              title: "操作",
              width: 130,
              render: (_, d) => {
                const trade = d.dispute.trade_id;
                return d.dispute.status === "open" ? (
                  <Space size={0}>
                    {trade && (
                      <Button size="small" type="link" onClick={() => setCorrecting(trade)} data-testid="dispute-correct">
                        更正佣金
                      </Button>
                    )}
                    <Button
                      size="small"
                      type="link"
                      onClick={() => {
                        form.resetFields();
                        setAnswerError(null);
                        setAnswering(d);
                      }}
                      data-testid="dispute-answer"
                    >
                      答复
                    </Button>
                  </Space>
                ) : null;
              },
            },
          ]}
        />
      </Card>
      {correcting && (
        <TradeCorrectionDialog
          session={session}
          tradeId={correcting}
          onSessionEnded={onSessionEnded}
          onClose={() => setCorrecting(null)}
          onDone={(t) => {
            setCorrecting(null);
            void message.success(`成交 ${t.trade_id} 的佣金已更正为 ${formatFen(t.commission)}；请答复异议，并重新发布当月结算单`);
          }}
        />
      )}
      <Modal
        open={answering !== null}
        title={answering ? `答复异议：${answering.broker_name} ${answering.month.slice(0, 7)}` : ""}
        okText="答复"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void answer()}
        onCancel={() => setAnswering(null)}
        destroyOnHidden
        okButtonProps={{ "data-testid": "dispute-answer-ok" }}
      >
        {answerError && <Alert type="error" showIcon title={answerError} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph type="secondary">{answering?.dispute.comment}</Typography.Paragraph>
        <Form<AnswerValues> form={form} layout="vertical" initialValues={{ status: "resolved", answer: "" }}>
          <Form.Item name="status" label="处理结果">
            <Radio.Group>
              <Radio value="resolved">已解决（将更正）</Radio>
              <Radio value="rejected">不予调整</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="answer"
            label="处理意见（经纪人可见）"
            rules={[{ required: true, whitespace: true, message: "请写明处理意见" }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="dispute-answer-text" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
