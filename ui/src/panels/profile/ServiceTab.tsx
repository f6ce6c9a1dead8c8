import { InfoCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Descriptions, Rate, Table, Tag, Timeline, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { type HTMLAttributes, useState } from "react";
import type { ClientProfile } from "../../bindings/ClientProfile";
import type { ServiceCaseView } from "../../bindings/ServiceCaseView";
import { useT } from "../../i18n/context";
import { daysBetween, formatDateTime, todayInShanghai } from "../../lib/format";
import { useChannelLabel } from "../contactChannels";
import { ClientEvents } from "./ClientEvents";
import { ComplaintModal } from "./ComplaintModal";

const day = (v: string | null) => (v ? <span className="tabular">{v}</span> : "—");

/** The deadline, and while the case is open the days left before it. */
function TimeLeft({ item, today }: { item: ServiceCaseView; today: string }) {
  const t = useT();
  if (!item.due_on) return "—";
  const left = item.status === "closed" ? null : daysBetween(today, item.due_on);
  if (left === null) return day(item.due_on);
  const [color, text] =
    left < 0
      ? ["red", t("complaint.daysOver", { days: -left })]
      : left === 0
        ? ["red", t("complaint.dueToday")]
        : [left <= 2 ? "orange" : "default", t("complaint.daysLeft", { days: left })];
  return (
    <div className="complaint-due">
      {day(item.due_on)}
      <Tag color={color} data-testid="complaint-time-left">
        {text}
      </Tag>
    </div>
  );
}

/** The case's details and every step head office's staff took. */
function CaseDetail({ item }: { item: ServiceCaseView }) {
  const t = useT();
  const channel = useChannelLabel();
  return (
    <div className="complaint-detail" data-testid="complaint-detail">
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t("complaint.channel")}>{item.channel ? channel(item.channel) : "—"}</Descriptions.Item>
        <Descriptions.Item label={t("complaint.handler")}>{item.handler ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("complaint.asks")}>{item.client_asks ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("service.outcome")} span={3}>
          {item.outcome ?? "—"}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">{t("complaint.history")}</Typography.Text>
      <Timeline
        className="complaint-history"
        items={item.history.map((s) => ({
          key: `${s.at}-${s.status}`,
          color: s.status === "closed" ? "green" : "blue",
          content: (
            <span>
              <span className="tabular">{formatDateTime(s.at)}</span> <Tag>{t(`complaint.status.${s.status}`)}</Tag>
              {s.by}：{s.note}
            </span>
          ),
        }))}
      />
    </div>
  );
}

interface Props {
  profile: ClientProfile;
  onCases: (cases: ServiceCaseView[]) => void;
}

/** 服务记录: complaints (registered here or at head office, followed to the end) and return visits. */
export function ServiceTab({ profile, onCases }: Props) {
  const t = useT();
  const [today] = useState(() => todayInShanghai());
  const [registering, setRegistering] = useState(false);
  const cases = profile.service_cases;
  const complaints = cases.filter((c) => c.kind === "complaint");
  const visits = cases.filter((c) => c.kind === "return_visit");
  const text = (v: string | null) => <span className="service-text">{v ?? "—"}</span>;

  const complaintColumns: ColumnsType<ServiceCaseView> = [
    {
      title: t("complaint.caseNo"),
      key: "case_no",
      width: 180,
      render: (_, item) => (
        <div className="complaint-case">
          {item.case_no ? (
            <span className="tabular">{item.case_no}</span>
          ) : (
            <Tag color="gold" data-testid="complaint-pending">
              {t("complaint.pending")}
            </Tag>
          )}
          <Typography.Text type="secondary" className="tabular">
            {t("service.openedOn")} {item.opened_on}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t("complaint.category"),
      key: "category",
      width: 110,
      render: (_, item) => (item.category ? t(`complaint.category.${item.category}`) : "—"),
    },
    { title: t("complaint.words"), dataIndex: "summary", ellipsis: { showTitle: true } },
    {
      title: t("service.dueOn"),
      key: "due_on",
      width: 120,
      render: (_, item) => <TimeLeft item={item} today={today} />,
    },
    {
      title: t("service.status"),
      key: "status",
      width: 84,
      render: (_, item) => (
        <Tag color={item.status === "closed" ? "green" : "blue"}>{t(`complaint.status.${item.status}`)}</Tag>
      ),
    },
  ];
  const visitColumns: ColumnsType<ServiceCaseView> = [
    { title: t("service.visitOn"), dataIndex: "opened_on", width: 110, render: day },
    { title: t("service.summary"), dataIndex: "summary", width: 100, render: text },
    { title: t("service.visitResult"), dataIndex: "outcome", render: text },
    {
      title: t("service.satisfaction"),
      dataIndex: "satisfaction",
      width: 130,
      render: (v: number | null) =>
        v === null ? (
          "—"
        ) : (
          <span className={v <= 2 ? "satisfaction-low" : undefined} data-testid="visit-satisfaction" data-score={v}>
            <Rate disabled value={v} count={5} className="satisfaction-rate" />
          </span>
        ),
    },
    { title: t("service.clientWords"), dataIndex: "client_words", render: text },
    { title: t("service.visitBy"), dataIndex: "handler", width: 100, render: text },
  ];

  return (
    <div className="profile-tab" data-testid="profile-service">
      <Typography.Paragraph type="secondary" className="profile-note" data-testid="service-read-only">
        <InfoCircleOutlined /> {t("service.readOnly")}
      </Typography.Paragraph>
      <div className="profile-section-head">
        <Typography.Title level={5} className="profile-section">
          {t("service.complaints")}
        </Typography.Title>
        <Button size="small" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="complaint-new">
          {t("complaint.register")}
        </Button>
      </div>
      <Table<ServiceCaseView>
        size="small"
        rowKey="id"
        columns={complaintColumns}
        dataSource={complaints}
        pagination={false}
        expandable={{
          expandedRowRender: (item) => <CaseDetail item={item} />,
          rowExpandable: (item) => item.history.length > 0 || item.client_asks !== null,
        }}
        onRow={(item) => ({ "data-id": item.id, "data-case": item.case_no ?? item.id }) as HTMLAttributes<HTMLElement>}
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
      <ClientEvents events={profile.events} />
      <ComplaintModal
        open={registering}
        clientId={profile.id}
        clientName={profile.name}
        onCancel={() => setRegistering(false)}
        onSaved={(next) => {
          setRegistering(false);
          onCases(next);
        }}
      />
    </div>
  );
}
