import { SearchOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table } from "antd";
import { useCallback, useState } from "react";
import type { ClientOwnership } from "../../bindings/ClientOwnership";
import type { StaffDirectory } from "../../bindings/StaffDirectory";
import { formatFen } from "../../lib/format";
import { PATHS } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";
import { HandoverDialog } from "./HandoverDialog";

interface MoveValues {
  to_broker_id: string;
  reason: string;
}

/** 客户关系: find any client of the firm and move them to another broker's book. */
export function RelationshipsPage({ session, onSessionEnded }: PageProps) {
  const { message } = App.useApp();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<ClientOwnership[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [moving, setMoving] = useState<ClientOwnership | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<MoveValues>();
  const [handingOver, setHandingOver] = useState(false);
  const loadStaff = useCallback(() => session.get<StaffDirectory>(PATHS.staff), [session]);
  const staff = useLoad(loadStaff, onSessionEnded);
  const brokers = (staff.data?.people ?? []).filter((p) => p.role === "Broker" && !p.disabled);
  const unitName = (id: string) => staff.data?.units.find((u) => u.id === id)?.name ?? id;

  const search = (text: string) => {
    setSearching(true);
    setSearchError(null);
    session.get<ClientOwnership[]>(PATHS.clients, { q: text }).then(
      (rows) => {
        setSearching(false);
        setFound(rows);
      },
      (reason: unknown) => {
        setSearching(false);
        setSearchError(reason instanceof Error ? reason.message : String(reason));
      },
    );
  };

  const move = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !moving) return;
    setSaving(true);
    setMoveError(null);
    try {
      const moved = await session.post<ClientOwnership>(PATHS.clientTransfer, {
        client_id: moving.client_id,
        to_broker_id: values.to_broker_id,
        reason: values.reason,
      });
      setFound((rows) => rows?.map((r) => (r.client_id === moved.client_id ? moved : r)) ?? null);
      setMoving(null);
      void message.success(`${moved.name} 已划转给 ${moved.serving_broker_name}，双方经纪人下次同步后生效`);
    } catch (reason) {
      setMoveError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title="客户关系"
      extra={
        <Space>
          <Input.Search
            placeholder="客户号，或姓名中的至少两个字"
            enterButton={<SearchOutlined />}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onSearch={search}
            loading={searching}
            style={{ width: 320 }}
            data-testid="clients-search"
          />
          <Button onClick={() => setHandingOver(true)} disabled={!staff.data} data-testid="handover-open">
            离职客户移交
          </Button>
        </Space>
      }
    >
      {searchError && <Alert type="error" showIcon title={searchError} style={{ marginBottom: 12 }} />}
      <Table<ClientOwnership>
        rowKey="client_id"
        size="small"
        dataSource={found ?? []}
        pagination={false}
        locale={{ emptyText: found ? "没有找到符合条件的客户" : "输入客户号或姓名查找全公司的客户" }}
        data-testid="console-clients"
        columns={[
          { title: "客户号", dataIndex: "client_id", width: 120 },
          { title: "姓名", dataIndex: "name", width: 100 },
          { title: "总资产", dataIndex: "total_assets", align: "right", render: (f: number) => formatFen(f) },
          { title: "服务经纪人", render: (_, c) => `${c.serving_broker_name}（${c.serving_broker_id}）` },
          { title: "所在团队", dataIndex: "unit_id", render: (u: string) => unitName(u) },
          { title: "开发经纪人", dataIndex: "developing_broker_id", width: 100 },
          {
            title: "操作",
            width: 80,
            render: (_, c) => (
              <Button
                size="small"
                type="link"
                onClick={() => {
                  form.resetFields();
                  setMoveError(null);
                  setMoving(c);
                }}
                data-testid="client-move"
              >
                划转
              </Button>
            ),
          },
        ]}
      />
      {handingOver && staff.data && (
        <HandoverDialog
          session={session}
          directory={staff.data}
          onClose={() => setHandingOver(false)}
          onDone={(done) => {
            setHandingOver(false);
            setFound(null);
            void message.success(
              `${done.from_broker_name} 名下 ${done.book.clients} 位客户已移交给 ${done.receivers.map((r) => r.broker_name).join("、")}，各方桌面下次同步后生效`,
            );
          }}
        />
      )}
      <Modal
        open={moving !== null}
        title={moving ? `划转客户：${moving.name}（${moving.client_id}）` : ""}
        okText="确认划转"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void move()}
        onCancel={() => setMoving(null)}
        destroyOnHidden
        okButtonProps={{ "data-testid": "client-move-ok" }}
      >
        {moveError && <Alert type="error" showIcon title={moveError} style={{ marginBottom: 12 }} />}
        <Form<MoveValues> form={form} layout="vertical">
          <Form.Item label="现服务经纪人">
            {moving ? `${moving.serving_broker_name}（${moving.serving_broker_id}）` : ""}
          </Form.Item>
          <Form.Item
            name="to_broker_id"
            label="接收经纪人"
            rules={[{ required: true, message: "请选择接收客户的经纪人" }]}
          >
            <Select
              showSearch={{ optionFilterProp: "label" }}
              placeholder="输入姓名或工号"
              options={brokers
                .filter((b) => b.user_id !== moving?.serving_broker_id)
                .map((b) => ({ value: b.user_id, label: `${b.display_name}（${b.user_id}）· ${unitName(b.unit_id)}` }))}
              data-testid="client-move-to"
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label="划转原因（记入操作日志）"
            rules={[{ required: true, whitespace: true, message: "请写明划转原因" }]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount data-testid="client-move-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
