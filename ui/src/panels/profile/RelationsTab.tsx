import { Button, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { RelationKind } from "../../bindings/RelationKind";
import type { RelationView } from "../../bindings/RelationView";
import { useT } from "../../i18n/context";

interface Props {
  relations: RelationView[];
  /** Opens a related client's profile; only clients in the broker's book can be opened. */
  onOpenClient?: (clientId: string) => void;
}

/** 关系: household and same-employer clients; those in the book open their own 客户360. */
export function RelationsTab({ relations, onOpenClient }: Props) {
  const t = useT();
  const columns: ColumnsType<RelationView> = [
    {
      title: t("relations.name"),
      key: "name",
      render: (_, r) =>
        r.in_book && onOpenClient ? (
          <Button
            type="link"
            size="small"
            className="link-button"
            onClick={() => onOpenClient(r.related_client_id)}
            data-testid="relation-link"
          >
            {r.related_name}
          </Button>
        ) : (
          <span data-testid="relation-name">
            {r.related_name}{" "}
            {!r.in_book && <Typography.Text type="secondary">（{t("relations.notInBook")}）</Typography.Text>}
          </span>
        ),
    },
    { title: t("relations.label"), dataIndex: "label", width: 140 },
    {
      title: t("relations.kind"),
      dataIndex: "kind",
      width: 120,
      render: (v: RelationKind) => (
        <Tag color={v === "family" ? "volcano" : "blue"}>{t(`relations.kind.${v}`)}</Tag>
      ),
    },
  ];
  return (
    <div className="profile-tab" data-testid="profile-relations">
      <Table<RelationView>
        size="small"
        rowKey={(r) => `${r.related_client_id}-${r.kind}`}
        columns={columns}
        dataSource={relations}
        pagination={false}
        locale={{ emptyText: t("relations.empty") }}
      />
    </div>
  );
}
