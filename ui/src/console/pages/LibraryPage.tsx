import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Segmented, Space, Table, Tag } from "antd";
import { useCallback, useState } from "react";
import type { LibraryItem } from "../../bindings/LibraryItem";
import type { LibraryReviewState } from "../../bindings/LibraryReviewState";
import { formatDateTime } from "../../lib/format";
import { mayCall } from "../access";
import { PATHS } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";
import { LibraryEditor } from "./LibraryEditor";
import { kindName, STATE_LABELS } from "./libraryLabels";
import { LibraryReviewDrawer } from "./LibraryReviewDrawer";

type Filter = "waiting" | "drafts" | "live" | "all";

const FILTERS: Record<Filter, (s: LibraryReviewState) => boolean> = {
  waiting: (s) => s === "submitted",
  drafts: (s) => s === "drafting" || s === "returned",
  live: (s) => s === "published",
  all: () => true,
};

/** The library in review: 经纪业务管理部 drafts and submits, compliance approves or returns. */
export function LibraryPage({ session, roles, onSessionEnded }: PageProps) {
  const { message } = App.useApp();
  const role = session.user.role;
  const drafts = mayCall(roles, role, "POST", PATHS.libraryDraft);
  const reviews = mayCall(roles, role, "POST", PATHS.libraryReview);
  const [filter, setFilter] = useState<Filter>(reviews ? "waiting" : "all");
  const [editing, setEditing] = useState<LibraryItem | "new" | null>(null);
  const [reviewing, setReviewing] = useState<LibraryItem | null>(null);
  const load = useCallback(() => session.get<LibraryItem[]>(PATHS.library), [session]);
  const { data, error, loading, reload } = useLoad(load, onSessionEnded);
  const shown = (data ?? []).filter((i) => FILTERS[filter](i.state));

  const done = (text: string) => {
    setEditing(null);
    setReviewing(null);
    void message.success(text);
    reload();
  };

  return (
    <Card
      size="small"
      title="资料库审核"
      extra={
        <Space>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { label: "待审核", value: "waiting" },
              { label: "起草与退回", value: "drafts" },
              { label: "已发布", value: "live" },
              { label: "全部", value: "all" },
            ]}
            data-testid="library-filter"
          />
          {drafts && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="library-new">
              新建资料
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<LibraryItem>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={shown}
        pagination={{ pageSize: 15, showSizeChanger: false }}
        locale={{ emptyText: "没有符合条件的资料" }}
        data-testid="console-library"
        columns={[
          { title: "标题", render: (_, i) => i.content.title },
          { title: "类别", width: 90, render: (_, i) => kindName(i.content.product_kind) },
          {
            title: "风险",
            width: 110,
            render: (_, i) =>
              i.content.target_investors === "professional_only" ? (
                <span>
                  {i.content.risk} <Tag color="volcano">仅限专业</Tag>
                </span>
              ) : (
                i.content.risk
              ),
          },
          {
            title: "状态",
            width: 100,
            dataIndex: "state",
            render: (s: LibraryReviewState) => <Tag color={STATE_LABELS[s].color}>{STATE_LABELS[s].text}</Tag>,
          },
          {
            title: "桌面版本",
            width: 80,
            dataIndex: "published_version",
            render: (v: number) => (v > 0 ? `第 ${v} 版` : "—"),
          },
          { title: "审核编号", width: 230, dataIndex: "approval_ref", render: (r: string | null) => r ?? "—" },
          { title: "起草人", width: 100, dataIndex: "drafted_by_name" },
          {
            title: "更新",
            width: 140,
            dataIndex: "updated_at",
            render: (t: string | null) => (t ? formatDateTime(t) : "—"),
          },
          {
            title: "操作",
            width: 140,
            render: (_, i) => (
              <Space size={4}>
                {drafts && i.state !== "submitted" && (
                  <Button size="small" type="link" onClick={() => setEditing(i)}>
                    {i.state === "published" || i.state === "withdrawn" ? "修订" : "修改"}
                  </Button>
                )}
                {reviews && (i.state === "submitted" || i.state === "published") && (
                  <Button size="small" type="link" onClick={() => setReviewing(i)} data-testid="library-review">
                    {i.state === "submitted" ? "审核" : "撤回"}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <LibraryEditor
          session={session}
          item={editing === "new" ? null : editing}
          onClose={() => {
            setEditing(null);
            reload();
          }}
          onSaved={(_, text) => done(text)}
        />
      )}
      {reviewing && (
        <LibraryReviewDrawer
          session={session}
          item={reviewing}
          onClose={() => setReviewing(null)}
          onDecided={(_, text) => done(text)}
        />
      )}
    </Card>
  );
}
