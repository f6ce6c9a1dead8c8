import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useMemo, useState } from "react";
import type { BrokerLevel } from "../../bindings/BrokerLevel";
import type { LevelBoard } from "../../bindings/LevelBoard";
import type { OrgChanged } from "../../bindings/OrgChanged";
import { todayInShanghai } from "../../lib/format";
import { mayCall } from "../access";
import { PATHS, type ConsoleSession } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";
import { useSubmit } from "../useSubmit";
import { CategorizeDialog, NewCategoryDialog } from "./CategoryDialogs";
import { classChangeOf, levelOptions } from "./classLadder";

interface MoveValues {
  plan_id: string;
  effective_from: Dayjs;
  reason: string;
}

function LevelMoveDialog({
  session,
  board,
  broker,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  board: LevelBoard;
  broker: BrokerLevel;
  onClose: () => void;
  onDone: (done: OrgChanged) => void;
}) {
  const [form] = Form.useForm<MoveValues>();
  // Promotions usually take effect on the first of a month; head office decides what is allowed.
  const firstOfNextMonth = dayjs(todayInShanghai()).add(1, "month").startOf("month");
  const classChange = classChangeOf(broker, Form.useWatch("plan_id", form), board.levels, board.categories);
  const { saving, error, submit: save } = useSubmit(form, async (v) =>
    onDone(
      await session.post<OrgChanged>(PATHS.levelMove, {
        broker_id: broker.broker_id,
        plan_id: v.plan_id,
        effective_from: v.effective_from.format("YYYY-MM-DD"),
        reason: v.reason,
      }),
    ),
  );
  return (
    <Modal open title="调整级别" okText="调整" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {broker.display_name}（{broker.broker_id}），{broker.unit_name}。生效日起按新级别的薪酬方案计酬，之前的日子不变。各类别有自己的职级序列：调到其他类别的级别，即自生效日起改为该类别。
      </Typography.Paragraph>
      {classChange && <Alert type="info" showIcon title={classChange} style={{ marginBottom: 12 }} data-testid="level-class-change" />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="level-error" />}
      <Form<MoveValues> form={form} layout="vertical" initialValues={{ effective_from: firstOfNextMonth }}>
        <Form.Item name="plan_id" label="新级别" rules={[{ required: true, message: "请选择新级别" }]}>
          <Select options={levelOptions(board.levels, board.categories)} data-testid="level-plan" />
        </Form.Item>
        <Form.Item name="effective_from" label="生效日期" rules={[{ required: true, message: "请选择生效日期" }]}>
          <DatePicker allowClear={false} data-testid="level-day" />
        </Form.Item>
        <Form.Item name="reason" label="原因（记入操作日志）" rules={[{ required: true, whitespace: true, message: "请写明原因" }]}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="level-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 经纪人级别: each active broker's level (a pay plan) today and moves set ahead, their class and group. */
export function LevelsPage({ session, roles, onSessionEnded }: PageProps) {
  const { message } = App.useApp();
  const moves = mayCall(roles, session.user.role, "POST", PATHS.levelMove);
  const load = useCallback(() => session.get<LevelBoard>(PATHS.levels), [session]);
  const { data, error, loading, reload } = useLoad(load, onSessionEnded);
  const [words, setWords] = useState("");
  const [level, setLevel] = useState<string | null>(null);
  const [moving, setMoving] = useState<BrokerLevel | null>(null);
  const [placing, setPlacing] = useState<BrokerLevel | null>(null);
  const [addingCategory, setAddingCategory] = useState(false);
  const [category, setCategory] = useState<string | null>(null);
  const categoryName = useCallback((id: string | null) => data?.categories.find((c) => c.id === id)?.name ?? null, [data]);
  const levelName = useCallback((id: string) => data?.levels.find((l) => l.plan_id === id)?.name ?? id, [data]);
  const shown = useMemo(() => {
    const w = words.trim();
    return (data?.brokers ?? []).filter(
      (b) =>
        (!level || b.current?.plan_id === level) &&
        (!category || b.class_id === category || b.group_id === category) &&
        (!w || [b.broker_id, b.username, b.display_name, b.unit_name].some((f) => f.includes(w))),
    );
  }, [data, words, level, category]);
  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Card
      size="small"
      title="经纪人级别"
      extra={
        <Space>
          <Select
            allowClear
            placeholder="全部级别"
            style={{ width: 180 }}
            value={level}
            onChange={(v: string | undefined) => setLevel(v ?? null)}
            options={levelOptions(data?.levels ?? [], data?.categories ?? [])}
            data-testid="levels-filter"
          />
          <Select
            allowClear
            placeholder="全部类别与组别"
            style={{ width: 180 }}
            value={category}
            onChange={(v: string | undefined) => setCategory(v ?? null)}
            options={[
              { label: "类别", options: (data?.categories ?? []).filter((c) => c.kind === "class").map((c) => ({ value: c.id, label: c.name })) },
              { label: "组别", options: (data?.categories ?? []).filter((c) => c.kind === "group").map((c) => ({ value: c.id, label: c.name })) },
            ]}
            data-testid="levels-category-filter"
          />
          {moves && (
            <Button onClick={() => setAddingCategory(true)} data-testid="category-add">
              新增类别或组别
            </Button>
          )}
          <Input.Search allowClear placeholder="工号、姓名或单位" style={{ width: 220 }} onSearch={setWords} data-testid="levels-search" />
        </Space>
      }
    >
      <Table<BrokerLevel>
        rowKey="broker_id"
        size="small"
        loading={loading}
        dataSource={shown}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="console-levels"
        columns={[
          { title: "工号", dataIndex: "broker_id", width: 90 },
          { title: "姓名", dataIndex: "display_name", width: 110 },
          { title: "所在单位", dataIndex: "unit_name", width: 160 },
          {
            title: "类别 / 组别",
            width: 190,
            render: (_, b) => (
              <span data-testid={`categories-${b.broker_id}`}>
                {categoryName(b.class_id) ?? <Typography.Text type="secondary">未分类别</Typography.Text>}
                {" / "}
                {categoryName(b.group_id) ?? <Typography.Text type="secondary">未分组别</Typography.Text>}
              </span>
            ),
          },
          {
            title: "当前级别",
            width: 240,
            render: (_, b) =>
              b.current ? (
                <span>
                  {levelName(b.current.plan_id)}
                  <Typography.Text type="secondary">（{b.current.effective_from} 起）</Typography.Text>
                </span>
              ) : (
                <Tag color="warning">未设薪酬方案</Tag>
              ),
          },
          {
            title: "已排定的调整",
            render: (_, b) =>
              b.scheduled.map((p) => (
                <Tag color="blue" key={p.effective_from}>
                  {p.effective_from} 起 {levelName(p.plan_id)}
                </Tag>
              )),
          },
          ...(moves
            ? [
                {
                  title: "操作",
                  width: 120,
                  render: (_: unknown, b: BrokerLevel) => (
                    <Space size={0}>
                      <Button size="small" type="link" onClick={() => setMoving(b)} data-testid={`level-move-${b.broker_id}`}>
                        调级
                      </Button>
                      <Button size="small" type="link" onClick={() => setPlacing(b)} data-testid={`categorize-${b.broker_id}`}>
                        分类
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {placing && data && (
        <CategorizeDialog
          session={session}
          categories={data.categories}
          levels={data.levels}
          broker={placing}
          onClose={() => setPlacing(null)}
          onDone={(done) => {
            setPlacing(null);
            void message.success(done.message);
            reload();
          }}
        />
      )}
      {addingCategory && (
        <NewCategoryDialog
          session={session}
          onClose={() => setAddingCategory(false)}
          onDone={(done) => {
            setAddingCategory(false);
            void message.success(done.message);
            reload();
          }}
        />
      )}
      {moving && data && (
        <LevelMoveDialog
          session={session}
          board={data}
          broker={moving}
          onClose={() => setMoving(null)}
          onDone={(done) => {
            setMoving(null);
            void message.success(done.message);
            reload();
          }}
        />
      )}
    </Card>
  );
}
