import { SearchOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Input, Space, Table, Tag } from "antd";
import { useCallback, useState } from "react";
import type { ClientOwnership } from "../../bindings/ClientOwnership";
import type { ScheduledTransfer } from "../../bindings/ScheduledTransfer";
import type { StaffDirectory } from "../../bindings/StaffDirectory";
import { formatFen, rateToPercent } from "../../lib/format";
import { PATHS } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";
import { ClientMoveDialog } from "./ClientMoveDialog";
import { ClientShareDialog, ClientShareEndDialog } from "./ClientShareDialogs";
import { HandoverDialog } from "./HandoverDialog";
import { waitingChange } from "./clientDialog";
import { ScheduledTransfers } from "./ScheduledTransfers";

/** 客户关系: find any client of the firm, move them to another broker's book (now or from a later day), or share them with a second, serving broker. */
export function RelationshipsPage({ session, onSessionEnded }: PageProps) {
  const { message } = App.useApp();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<ClientOwnership[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [moving, setMoving] = useState<ClientOwnership | null>(null);
  const [sharing, setSharing] = useState<ClientOwnership | null>(null);
  const [unsharing, setUnsharing] = useState<ClientOwnership | null>(null);
  const [handingOver, setHandingOver] = useState(false);
  const loadStaff = useCallback(() => session.get<StaffDirectory>(PATHS.staff), [session]);
  const staff = useLoad(loadStaff, onSessionEnded);
  const loadScheduled = useCallback(() => session.get<ScheduledTransfer[]>(PATHS.scheduledTransfers), [session]);
  const scheduled = useLoad(loadScheduled, onSessionEnded);
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

  const replaced = (client: ClientOwnership) =>
    setFound((rows) => rows?.map((r) => (r.client_id === client.client_id ? client : r)) ?? null);

  const shared = (client: ClientOwnership) => {
    replaced(client);
    setSharing(null);
    const co = client.co_server;
    if (client.scheduled) {
      scheduled.reload();
      void message.success(
        `${client.name} 将于 ${client.scheduled.effective_on} 起${waitingChange(client.scheduled)}，在此之前仍由 ${client.serving_broker_name} 单独服务`,
      );
    } else if (co) {
      void message.success(
        `${client.name} 已由 ${client.serving_broker_name} 与 ${co.broker_name} 共同服务（${co.broker_name} 分得服务佣金 ${rateToPercent(co.share)}%），双方经纪人下次同步后生效`,
      );
    }
  };

  const unshared = (client: ClientOwnership) => {
    replaced(client);
    setUnsharing(null);
    void message.success(`${client.name} 的共享已结束，恢复由 ${client.serving_broker_name} 单独服务`);
  };

  const moved = (client: ClientOwnership) => {
    replaced(client);
    setMoving(null);
    if (client.scheduled) {
      scheduled.reload();
      void message.success(
        `${client.name} 将于 ${client.scheduled.effective_on} ${waitingChange(client.scheduled)}，在此之前仍由 ${client.serving_broker_name} 服务`,
      );
    } else {
      void message.success(`${client.name} 已划转给 ${client.serving_broker_name}，双方经纪人下次同步后生效`);
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
          {
            title: "服务经纪人",
            render: (_, c) => (
              <Space size={4} wrap>
                {`${c.serving_broker_name}（${c.serving_broker_id}）`}
                {c.co_server && (
                  <Tag color="geekblue" data-testid="client-co-server">
                    与 {c.co_server.broker_name} 共同服务 · {rateToPercent(c.co_server.share)}%
                  </Tag>
                )}
                {c.scheduled && (
                  <Tag color="blue" data-testid="client-scheduled">
                    {c.scheduled.effective_on} 起{waitingChange(c.scheduled)}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: "所在团队", dataIndex: "unit_id", render: (u: string) => unitName(u) },
          { title: "开发经纪人", dataIndex: "developing_broker_id", width: 100 },
          {
            title: "操作",
            width: 150,
            render: (_, c) => (
              <Space size={0}>
                <Button
                  size="small"
                  type="link"
                  disabled={!staff.data}
                  onClick={() => setMoving(c)}
                  data-testid="client-move"
                >
                  划转
                </Button>
                {c.co_server ? (
                  <Button size="small" type="link" danger onClick={() => setUnsharing(c)} data-testid="client-share-end">
                    结束共享
                  </Button>
                ) : (
                  <Button
                    size="small"
                    type="link"
                    disabled={!staff.data}
                    onClick={() => setSharing(c)}
                    data-testid="client-share"
                  >
                    共享
                  </Button>
                )}
              </Space>
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
      {moving && staff.data && (
        <ClientMoveDialog
          session={session}
          client={moving}
          brokers={brokers}
          unitName={unitName}
          onClose={() => setMoving(null)}
          onDone={moved}
        />
      )}
      {sharing && staff.data && (
        <ClientShareDialog
          session={session}
          client={sharing}
          brokers={brokers.filter((b) => b.user_id !== sharing.developing_broker_id)}
          unitName={unitName}
          onClose={() => setSharing(null)}
          onDone={shared}
        />
      )}
      {unsharing && (
        <ClientShareEndDialog
          session={session}
          client={unsharing}
          onClose={() => setUnsharing(null)}
          onDone={unshared}
        />
      )}
      <ScheduledTransfers
        session={session}
        rows={scheduled.data ?? []}
        error={scheduled.error}
        onChanged={(left) => {
          scheduled.reload();
          // A search result still showing a called-off move would mislead.
          setFound((rows) => rows?.map((r) => (left.some((t) => t.client_id === r.client_id) ? r : { ...r, scheduled: null })) ?? null);
        }}
      />
    </Card>
  );
}
