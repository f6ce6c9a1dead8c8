import {
  AuditOutlined,
  ApartmentOutlined,
  BookOutlined,
  AccountBookOutlined,
  RiseOutlined,
  TrophyOutlined,
  BarChartOutlined,
  HistoryOutlined,
  SwapOutlined,
  CustomerServiceOutlined,
  WalletOutlined,
  DatabaseOutlined,
  DiffOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import type { Role } from "../bindings/Role";
import { mayRead, type RouteRoles } from "./access";
import { PATHS, type ConsoleSession } from "./http";
import { AccessLogPage } from "./pages/AccessLogPage";
import { ComplaintsPage } from "./pages/ComplaintsPage";
import { ActionsPage } from "./pages/ActionsPage";
import { AppraisalPage } from "./pages/AppraisalPage";
import { BackupsPage } from "./pages/BackupsPage";
import { LevelsPage } from "./pages/LevelsPage";
import { LibraryPage } from "./pages/LibraryPage";
import { RelationshipsPage } from "./pages/RelationshipsPage";
import { ReportsPage } from "./pages/ReportsPage";
import { SettlementPage } from "./pages/SettlementPage";
import { PayAdjustmentsPage } from "./pages/PayAdjustmentsPage";
import { PayPlansPage } from "./pages/PayPlansPage";
import { StaffPage } from "./pages/StaffPage";

export interface PageProps {
  session: ConsoleSession;
  /** What head office's document says each route is open to. */
  roles: RouteRoles;
  onSessionEnded: (why: string) => void;
}

export interface ConsolePage {
  key: string;
  label: string;
  icon: ReactNode;
  /** The route the page reads: whoever may read it sees the page. */
  route: string;
  render: (props: PageProps) => ReactNode;
}

const PAGES: ConsolePage[] = [
  {
    key: "staff",
    label: "组织与人员",
    icon: <ApartmentOutlined />,
    route: PATHS.staff,
    render: (p) => <StaffPage {...p} />,
  },
  {
    key: "levels",
    label: "经纪人级别",
    icon: <RiseOutlined />,
    route: PATHS.levels,
    render: (p) => <LevelsPage {...p} />,
  },
  {
    key: "appraisal",
    label: "经纪人考核",
    icon: <TrophyOutlined />,
    route: PATHS.appraisal,
    render: (p) => <AppraisalPage {...p} />,
  },
  {
    key: "reports",
    label: "汇总报表",
    icon: <BarChartOutlined />,
    route: PATHS.teamDashboard,
    render: (p) => <ReportsPage {...p} />,
  },
  {
    key: "relationships",
    label: "客户关系",
    icon: <SwapOutlined />,
    route: PATHS.clients,
    render: (p) => <RelationshipsPage {...p} />,
  },
  {
    key: "library",
    label: "资料库审核",
    icon: <BookOutlined />,
    route: PATHS.library,
    render: (p) => <LibraryPage {...p} />,
  },
  {
    key: "access-log",
    label: "敏感信息查看记录",
    icon: <AuditOutlined />,
    route: PATHS.accessLog,
    render: (p) => <AccessLogPage {...p} />,
  },
  {
    key: "actions",
    label: "操作日志",
    icon: <HistoryOutlined />,
    route: PATHS.actions,
    render: (p) => <ActionsPage {...p} />,
  },
  {
    key: "pay-plans",
    label: "薪酬方案",
    icon: <WalletOutlined />,
    route: PATHS.payPlans,
    render: (p) => <PayPlansPage {...p} />,
  },
  {
    key: "pay-adjustments",
    label: "薪酬调整",
    icon: <DiffOutlined />,
    route: PATHS.payAdjustments,
    render: (p) => <PayAdjustmentsPage {...p} />,
  },
  {
    key: "settlement",
    label: "佣金结算",
    icon: <AccountBookOutlined />,
    route: PATHS.disputes,
    render: (p) => <SettlementPage {...p} />,
  },
  {
    key: "complaints",
    label: "投诉队列",
    icon: <CustomerServiceOutlined />,
    route: PATHS.complaints,
    render: (p) => <ComplaintsPage {...p} />,
  },
  {
    key: "backups",
    label: "数据备份",
    icon: <DatabaseOutlined />,
    route: PATHS.backups,
    render: (p) => <BackupsPage {...p} />,
  },
];

/** The pages `role` may use, by what head office's document says of their routes. */
export function pagesFor(roles: RouteRoles, role: Role): ConsolePage[] {
  return PAGES.filter((p) => mayRead(roles, role, p.route));
}
