import { InfoCircleOutlined } from "@ant-design/icons";
import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import type { ServiceCaseView } from "../../bindings/ServiceCaseView";
import { useT } from "../../i18n/context";
import { todayInShanghai } from "../../lib/format";

const day = (v: string | null) => (v ? <span className="tabular">{v}</span> : "—");

function CaseStatus({ item, today }: { item: ServiceCaseView; today: string }) {
  const t = useT();
  if (item.closed_on) return <Tag color="green">{t("service.closedOn", { date: item.closed_on })}</Tag>;
  if (item.due_on && item.due_on < today) return <Tag color="red">{t("service.overdue")}</Tag>;
  return <Tag color="orange">{t("service.open")}</Tag>;
}

/** 服务记录: complaints and return visits, as head office's customer service recorded them. */
export function ServiceTab({ cases }: { cases: ServiceCaseView[] }) {
  const t = useT();
  const [today] = useState(() => todayInShanghai());
  const complaints = cases.filter((c) => c.kind === "complaint");
  const visits = cases.filter((c) => c.kind === "return_visit");
  const text = (v: string | null) => <span className="service-text">{v ?? "—"}</span>;

  const complaintColumns: ColumnsType<ServiceCaseView> = [
    { title: t("service.openedOn"), dataIndex: "opened_on", width: 110, render: day },
    { title: t("service.summary"), dataIndex: "summary", render: text },
    { title: t("service.dueOn"), dataIndex: "due_on", width: 110, render: day },
    {
      title: t("service.status"),
      key: "status",
      width: 150,
      render: (_, item) => <CaseStatus item={item} today={today} />,
    },
    { title: t("service.outcome"), dataIndex: "outcome", render: text },
  ];
  const visitColumns: ColumnsType<ServiceCaseView> = [
    { title: t("service.visitOn"), dataIndex: "opened_on", width: 110, render: day },
    { title: t("service.summary"), dataIndex: "summary", render: text },
    { title: t("service.visitResult"), dataIndex: "outcome", render: text },
  ];

  return (
    <div className="profile-tab" data-testid="profile-service">
      <Typography.Paragraph type="secondary" className="profile-note" data-testid="service-read-only">
        <InfoCircleOutlined /> {t("service.readOnly")}
      </Typography.Paragraph>
      <Typography.Title level={5} className="profile-section">
        {t("service.complaints")}
      </Typography.Title>
      <Table<ServiceCaseView>
        size="small"
        rowKey="id"
        columns={complaintColumns}
        dataSource={complaints}
        pagination={false}
        locale={{ emptyText: t("service.noComplaints") }}
        data-testid="service-complaints"
      />
      <Typography.Title level={5} className="profile-section">
        {t("service.returnVisits")}
      </Typography.Title>
      <Table<ServiceCaseView>
        size="small"
        rowKey="id"
        columns={visitColumns}
        dataSource={visits}
        pagination={false}
        locale={{ emptyText: t("service.noVisits") }}
        data-testid="service-visits"
      />
    </div>
  );
}
