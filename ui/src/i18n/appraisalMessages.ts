// 考核 on the desk's 佣金 panel: the broker's own scorecard as head office published it.
// Merged into messages.ts.

export const appraisalZh = {
  "appraisal.tab": "考核",
  "appraisal.loadFailed": "无法加载考核结果",
  "appraisal.notPublished": "{month}的考核结果尚未发布：总部在月末之后发布，发布后下次同步即可查看。",
  "appraisal.none": "总部尚未发布过你的考核结果。",
  "appraisal.total": "总分",
  "appraisal.rank.level": "在{cohort}的 {peers} 位经纪人中排第 {rank} 名",
  "appraisal.rank.class": "在{cohort}类别的 {peers} 位经纪人中排第 {rank} 名",
  "appraisal.rank.group": "在{cohort}组别的 {peers} 位经纪人中排第 {rank} 名",
  "appraisal.howScored.level": "每项按你在同级别经纪人中的位置计 0–100 分（并列各得一半），乘以该项权重后相加，满分 100 分。",
  "appraisal.howScored.class":
    "你所在类别有自己的考核方案：每项按你在同类别经纪人中的位置计 0–100 分（并列各得一半），乘以该项权重后相加，满分 100 分。",
  "appraisal.howScored.group":
    "你所在组别有自己的考核方案：每项按你在同组别经纪人中的位置计 0–100 分（并列各得一半），乘以该项权重后相加，满分 100 分。",
  "appraisal.published": "总部发布于 {at}",
  "appraisal.col.measure": "指标",
  "appraisal.col.figure": "本月数据",
  "appraisal.col.standing": "位置分",
  "appraisal.col.weight": "权重",
  "appraisal.col.points": "得分",
  "appraisal.history": "历月考核",
  "appraisal.measure.net_commission": "净佣金",
  "appraisal.measure.net_new_assets": "净流入资产",
  "appraisal.measure.active_clients": "活跃客户",
  "appraisal.measure.contact_coverage": "联系覆盖率",
  "appraisal.measure.open_complaints": "未结投诉",
  "appraisal.measure.satisfaction": "客户满意度",
  "appraisal.measure.blocked_recipients": "适当性拦截",
  "appraisal.people": "{count} 人",
  "appraisal.times": "{count} 次",
  "appraisal.score": "{score} 分",
};

export const appraisalEn: Record<keyof typeof appraisalZh, string> = {
  "appraisal.tab": "Appraisal",
  "appraisal.loadFailed": "Could not load the appraisal",
  "appraisal.notPublished":
    "The appraisal for {month} is not published yet: head office publishes it after the month ends, and it arrives with the next sync.",
  "appraisal.none": "Head office has not published an appraisal for you yet.",
  "appraisal.total": "Total",
  "appraisal.rank.level": "Rank {rank} of {peers} brokers at {cohort}",
  "appraisal.rank.class": "Rank {rank} of {peers} brokers of the {cohort} class",
  "appraisal.rank.group": "Rank {rank} of {peers} brokers of the {cohort} group",
  "appraisal.howScored.level":
    "Each measure scores 0–100 by where you stand among brokers of your level (ties share), weighted and added up to 100.",
  "appraisal.howScored.class":
    "Your class has its own scheme: each measure scores 0–100 by where you stand among brokers of your class (ties share), weighted and added up to 100.",
  "appraisal.howScored.group":
    "Your group has its own scheme: each measure scores 0–100 by where you stand among brokers of your group (ties share), weighted and added up to 100.",
  "appraisal.published": "Published by head office {at}",
  "appraisal.col.measure": "Measure",
  "appraisal.col.figure": "This month",
  "appraisal.col.standing": "Standing",
  "appraisal.col.weight": "Weight",
  "appraisal.col.points": "Points",
  "appraisal.history": "Past months",
  "appraisal.measure.net_commission": "Net commission",
  "appraisal.measure.net_new_assets": "Net new assets",
  "appraisal.measure.active_clients": "Active clients",
  "appraisal.measure.contact_coverage": "Contact coverage",
  "appraisal.measure.open_complaints": "Open complaints",
  "appraisal.measure.satisfaction": "Client satisfaction",
  "appraisal.measure.blocked_recipients": "Suitability blocks",
  "appraisal.people": "{count}",
  "appraisal.times": "{count}",
  "appraisal.score": "{score} / 5",
};
