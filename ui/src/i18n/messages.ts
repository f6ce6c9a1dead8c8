// Every string the window shows. Chinese is the source; English must have the same keys.

export const zhCN = {
  "app.name": "经纪人工作台",
  "app.nameEn": "BrokerDesk",
  "app.loading": "正在加载…",
  "app.loadFailed": "无法读取登录状态",
  "app.retry": "重试",

  "signin.subtitle": "证券经纪人客户服务与营销平台",
  "signin.server": "服务器地址",
  "signin.serverRequired": "请输入服务器地址",
  "signin.serverInvalid": "服务器地址须以 http:// 或 https:// 开头",
  "signin.username": "用户名",
  "signin.usernameRequired": "请输入用户名",
  "signin.password": "密码",
  "signin.passwordRequired": "请输入密码",
  "signin.submit": "登录",
  "signin.failed": "登录失败",
  "signin.sessionEnded": "请重新登录",

  "sync.firstTitle": "正在同步客户数据…",
  "sync.firstHint": "首次登录需要从总部下载您名下的客户数据，完成后即可离线使用。",
  "sync.progress": "已同步 {applied} / {total} 条",
  "sync.preparing": "正在连接总部…",

  "nav.clients": "客户",

  "header.signOut": "退出登录",
  "header.signOutConfirm": "确定要退出登录吗？",
  "header.signOutHint": "本机缓存的客户数据将保留，下次登录后继续同步。",
  "header.ok": "退出",
  "header.cancel": "取消",
  "header.language": "语言",

  "status.online": "在线",
  "status.offline": "离线",
  "status.unknown": "未连接",
  "status.pending": "待同步 {count} 条",
  "status.lastSync": "上次同步 {time}",
  "status.neverSynced": "从未同步",
  "status.syncing": "同步中…",
  "status.syncingProgress": "同步中 {applied} / {total}",
  "status.syncNow": "立即同步",

  "clients.search": "搜索姓名、客户号、资金账号或手机尾号",
  "clients.total": "共 {total} 位客户",
  "clients.colClient": "客户",
  "clients.colTier": "客户等级",
  "clients.colRisk": "风险等级",
  "clients.colAssets": "总资产",
  "clients.colLastContact": "最近联系",
  "clients.noContact": "无记录",
  "clients.empty": "没有符合条件的客户",

  "tier.Standard": "普通",
  "tier.Silver": "银卡",
  "tier.Gold": "金卡",
  "tier.Platinum": "白金",
  "tier.Diamond": "钻石",

  "risk.C1": "保守型",
  "risk.C2": "谨慎型",
  "risk.C3": "稳健型",
  "risk.C4": "积极型",
  "risk.C5": "激进型",
  "risk.none": "未测评",
  "risk.expired": "已过期",
  "risk.expiring": "即将到期",

  "investor.Ordinary": "普通投资者",
  "investor.Professional": "专业投资者",

  "profile.title": "客户360",
  "profile.basic": "基本信息",
  "profile.clientId": "客户号",
  "profile.idNumber": "身份证号",
  "profile.mobile": "手机号",
  "profile.investorClass": "投资者类别",
  "profile.risk": "风险等级",
  "profile.assessedOn": "测评日期",
  "profile.expiresOn": "有效期至",
  "profile.openedOn": "开户日期",
  "profile.servingBroker": "服务经纪人",
  "profile.developingBroker": "开发经纪人",
  "profile.self": "（本人）",
  "profile.totalAssets": "总资产",
  "profile.lastContact": "最近联系",
  "profile.accounts": "资金账户",
  "profile.accountNo": "资金账号",
  "profile.rate": "佣金费率",
  "profile.waiveMinimum": "免五",
  "profile.cash": "可用资金",
  "profile.yes": "是",
  "profile.no": "否",
  "profile.holdings": "持仓",
  "profile.securityCode": "证券代码",
  "profile.securityName": "名称",
  "profile.quantity": "数量",
  "profile.cost": "成本",
  "profile.marketValue": "市值",
  "profile.profit": "浮动盈亏",
  "profile.noAccounts": "暂无资金账户",
  "profile.noHoldings": "暂无持仓",
  "profile.loadFailed": "无法加载客户资料",

  "error.internal": "发生内部错误，请重试或联系管理员",
} as const;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

export const en: Messages = {
  "app.name": "BrokerDesk",
  "app.nameEn": "经纪人工作台",
  "app.loading": "Loading…",
  "app.loadFailed": "Could not read the sign-in state",
  "app.retry": "Retry",

  "signin.subtitle": "Client service and marketing for securities brokers",
  "signin.server": "Server address",
  "signin.serverRequired": "Enter the server address",
  "signin.serverInvalid": "The server address must start with http:// or https://",
  "signin.username": "Username",
  "signin.usernameRequired": "Enter your username",
  "signin.password": "Password",
  "signin.passwordRequired": "Enter your password",
  "signin.submit": "Sign in",
  "signin.failed": "Sign-in failed",
  "signin.sessionEnded": "Please sign in again",

  "sync.firstTitle": "Syncing client data…",
  "sync.firstHint":
    "The first sign-in downloads your clients from head office; after that the desk also works offline.",
  "sync.progress": "Synced {applied} / {total} records",
  "sync.preparing": "Connecting to head office…",

  "nav.clients": "Clients",

  "header.signOut": "Sign out",
  "header.signOutConfirm": "Sign out now?",
  "header.signOutHint": "Cached client data stays on this computer and syncs again at the next sign-in.",
  "header.ok": "Sign out",
  "header.cancel": "Cancel",
  "header.language": "Language",

  "status.online": "Online",
  "status.offline": "Offline",
  "status.unknown": "Not connected",
  "status.pending": "{count} changes pending",
  "status.lastSync": "Last sync {time}",
  "status.neverSynced": "Never synced",
  "status.syncing": "Syncing…",
  "status.syncingProgress": "Syncing {applied} / {total}",
  "status.syncNow": "Sync now",

  "clients.search": "Search name, client no., account no. or mobile tail",
  "clients.total": "{total} clients",
  "clients.colClient": "Client",
  "clients.colTier": "Tier",
  "clients.colRisk": "Risk level",
  "clients.colAssets": "Total assets",
  "clients.colLastContact": "Last contact",
  "clients.noContact": "None",
  "clients.empty": "No matching clients",

  "tier.Standard": "Standard",
  "tier.Silver": "Silver",
  "tier.Gold": "Gold",
  "tier.Platinum": "Platinum",
  "tier.Diamond": "Diamond",

  "risk.C1": "Conservative",
  "risk.C2": "Cautious",
  "risk.C3": "Balanced",
  "risk.C4": "Active",
  "risk.C5": "Aggressive",
  "risk.none": "Not assessed",
  "risk.expired": "Expired",
  "risk.expiring": "Expiring soon",

  "investor.Ordinary": "Ordinary investor",
  "investor.Professional": "Professional investor",

  "profile.title": "Client 360",
  "profile.basic": "Basic information",
  "profile.clientId": "Client no.",
  "profile.idNumber": "ID number",
  "profile.mobile": "Mobile",
  "profile.investorClass": "Investor class",
  "profile.risk": "Risk level",
  "profile.assessedOn": "Assessed on",
  "profile.expiresOn": "Valid until",
  "profile.openedOn": "Opened on",
  "profile.servingBroker": "Serving broker",
  "profile.developingBroker": "Developing broker",
  "profile.self": " (me)",
  "profile.totalAssets": "Total assets",
  "profile.lastContact": "Last contact",
  "profile.accounts": "Funds accounts",
  "profile.accountNo": "Account no.",
  "profile.rate": "Commission",
  "profile.waiveMinimum": "No ¥5 minimum",
  "profile.cash": "Available cash",
  "profile.yes": "Yes",
  "profile.no": "No",
  "profile.holdings": "Holdings",
  "profile.securityCode": "Code",
  "profile.securityName": "Name",
  "profile.quantity": "Quantity",
  "profile.cost": "Cost",
  "profile.marketValue": "Market value",
  "profile.profit": "Unrealised P/L",
  "profile.noAccounts": "No funds accounts",
  "profile.noHoldings": "No holdings",
  "profile.loadFailed": "Could not load the client profile",

  "error.internal": "An internal error occurred. Try again or contact your administrator.",
};

export type Locale = "zh-CN" | "en";

export const MESSAGES: Record<Locale, Messages> = { "zh-CN": zhCN, en };

/** Replaces each "{name}" in a message with its value. */
export function interpolate(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** Each language's name in itself, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { "zh-CN": "中文", en: "English" };
