//! The demo firm's approved library: research reports, stock notes, funds and the firm's own
//! products, each with a risk level, a version, an approval reference and a validity window.
//! Drawn from its own generator so the rest of the demo firm stays exactly as before.

use super::market::LISTED;
use chrono::{Days, NaiveDate};
use domain::{ProductRisk, TargetInvestors};
use protocol::{ApprovalState, ProductKind, ProductRecord};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const REPORTS: [(&str, ProductRisk); 18] = [
    ("宏观月报：内需修复与政策节奏", ProductRisk::R2),
    ("A股年度策略：盈利底部与估值修复", ProductRisk::R3),
    ("固收周报：利率低位震荡，信用利差收窄", ProductRisk::R2),
    ("行业深度：新能源车出海的第二曲线", ProductRisk::R3),
    ("行业深度：半导体设备国产化进程", ProductRisk::R4),
    ("行业点评：白酒春节动销跟踪", ProductRisk::R3),
    ("金融工程：红利低波策略的回撤特征", ProductRisk::R3),
    ("资产配置月报：股债均衡，增配黄金", ProductRisk::R2),
    ("港股策略：南向资金与高股息资产", ProductRisk::R4),
    ("可转债周报：条款博弈与估值分层", ProductRisk::R3),
    ("行业深度：创新药出海授权交易复盘", ProductRisk::R4),
    ("北交所专题：专精特新的流动性与估值", ProductRisk::R4),
    ("银行业季报：息差企稳的信号", ProductRisk::R3),
    ("期权策略：备兑开仓增强收益的风险", ProductRisk::R5),
    ("家庭资产配置指南：养老与教育金规划", ProductRisk::R1),
    ("公募基金季度观察：主动权益的风格漂移", ProductRisk::R3),
    ("商品周报：铜价与全球制造业周期", ProductRisk::R4),
    ("投资者教育：新股申购规则与中签缴款", ProductRisk::R1),
];

const FUNDS: [(&str, ProductRisk); 10] = [
    ("华信现金宝货币A", ProductRisk::R1),
    ("华信安心短债A", ProductRisk::R2),
    ("华信稳健添利债券A", ProductRisk::R2),
    ("华信沪深300指数增强A", ProductRisk::R3),
    ("华信红利低波ETF联接A", ProductRisk::R3),
    ("华信科创50ETF联接A", ProductRisk::R4),
    ("华信新能源产业混合A", ProductRisk::R4),
    ("华信医药创新股票A", ProductRisk::R4),
    ("华信全球科技QDII", ProductRisk::R5),
    ("华信稳健养老目标2035", ProductRisk::R3),
];

const WEALTH: [(&str, ProductRisk); 10] = [
    ("华信收益凭证·安享28天（本金保障型）", ProductRisk::R1),
    ("华信收益凭证·季季盈91天", ProductRisk::R2),
    ("华信固收+1号集合资产管理计划", ProductRisk::R2),
    ("华信量化中性1号集合资产管理计划", ProductRisk::R3),
    ("华信指数增强3号集合资产管理计划", ProductRisk::R4),
    ("华信雪球结构收益凭证（中证500）", ProductRisk::R4),
    ("华信多策略FOF单一资产管理计划", ProductRisk::R4),
    ("华信私募股权精选母基金", ProductRisk::R5),
    ("华信场外期权挂钩收益凭证", ProductRisk::R5),
    ("华信两融增强收益凭证", ProductRisk::R4),
];

/// Sold to professional investors only (专业投资者专享), as such products are.
const FOR_PROFESSIONALS: [&str; 2] = ["华信私募股权精选母基金", "华信场外期权挂钩收益凭证"];

const ANALYSTS: [&str; 8] = [
    "华信研究所 宏观组",
    "华信研究所 策略组",
    "华信研究所 固收组",
    "华信研究所 新能源组",
    "华信研究所 TMT组",
    "华信研究所 消费组",
    "华信研究所 医药组",
    "华信研究所 金工组",
];

const TAKES: [&str; 6] = [
    "业绩稳健，估值处于历史中枢下方",
    "新品放量，关注二季度订单兑现",
    "行业景气回升，龙头份额继续提升",
    "分红率提升，股息回报具备吸引力",
    "短期波动加大，建议逢低分批关注",
    "海外收入占比提升，汇率影响需跟踪",
];

/// The item's full text, made from what it already is (no random draw, so the rest of the demo
/// firm stays as it was): the view, who it suits, and the risk notice every item carries.
fn body_of(
    kind: ProductKind,
    title: &str,
    summary: &str,
    risk: ProductRisk,
    target: TargetInvestors,
    author: &str,
) -> String {
    let what = match kind {
        ProductKind::ResearchReport => "研究报告",
        ProductKind::StockPick => "个股点评",
        ProductKind::Fund => "基金产品介绍",
        ProductKind::WealthProduct => "理财产品说明",
    };
    let who = match target {
        TargetInvestors::All => format!("风险承受能力与 {} 级相匹配的投资者", risk.code()),
        TargetInvestors::ProfessionalOnly => "专业投资者（普通投资者不得购买）".to_string(),
    };
    format!(
        "【{what}】{title}\n\n【核心观点】{summary}\n\n【适合对象】{who}；\
         经纪人推送前须完成适当性匹配。\n\n【风险提示】过往业绩不代表未来表现，市场有风险，投资需谨慎。\n\n{author}"
    )
}

/// 60-odd items around `as_of`: most valid now, a few expired or withdrawn, as a real library is.
pub fn generate(seed: u64, as_of: NaiveDate) -> Vec<ProductRecord> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x11b4_a4e7);
    let mut items = Vec::new();
    let mut push = |rng: &mut ChaCha8Rng,
                    kind: ProductKind,
                    title: String,
                    summary: String,
                    risk: ProductRisk,
                    security_code: Option<String>,
                    author: String| {
        let n = items.len() + 1;
        let published = as_of - Days::new(rng.gen_range(1..120));
        let life = match kind {
            ProductKind::ResearchReport | ProductKind::StockPick => rng.gen_range(30..180),
            ProductKind::Fund | ProductKind::WealthProduct => rng.gen_range(180..720),
        };
        let approval = if n % 23 == 0 {
            ApprovalState::Withdrawn
        } else {
            ApprovalState::Approved
        };
        let target_investors = if FOR_PROFESSIONALS.contains(&title.as_str()) {
            TargetInvestors::ProfessionalOnly
        } else {
            TargetInvestors::All
        };
        let body = body_of(kind, &title, &summary, risk, target_investors, &author);
        items.push(ProductRecord {
            id: format!("P{n:04}"),
            product_kind: kind,
            title,
            summary,
            risk,
            target_investors,
            version: rng.gen_range(1..=3),
            approval,
            valid_from: published,
            valid_until: published + Days::new(life),
            security_code,
            author,
            approval_ref: format!("华信合规审〔{}〕{:04}号", as_of.format("%Y"), 100 + n * 7),
            body,
        });
    };
    for (title, risk) in REPORTS {
        let author = ANALYSTS[rng.gen_range(0..ANALYSTS.len())].to_string();
        let summary = format!("{title}。本报告仅供参考，不构成投资建议。");
        push(
            &mut rng,
            ProductKind::ResearchReport,
            title.to_string(),
            summary,
            risk,
            None,
            author,
        );
    }
    for listed in LISTED.iter().filter(|l| !l.code.starts_with("51")).take(22) {
        // ChiNext and STAR stocks carry more risk than main-board blue chips.
        let risk = if listed.code.starts_with("30") || listed.code.starts_with("68") {
            ProductRisk::R4
        } else {
            ProductRisk::R3
        };
        let take = TAKES[rng.gen_range(0..TAKES.len())];
        let author = ANALYSTS[rng.gen_range(0..ANALYSTS.len())].to_string();
        push(
            &mut rng,
            ProductKind::StockPick,
            format!("个股点评：{}（{}）", listed.name, listed.code),
            format!("{take}。个股点评不构成买卖建议，投资者应自主决策。"),
            risk,
            Some(listed.code.to_string()),
            author,
        );
    }
    for (title, risk) in FUNDS {
        push(
            &mut rng,
            ProductKind::Fund,
            title.to_string(),
            format!(
                "{title}，风险等级 {}（{}）。基金过往业绩不代表未来表现。",
                risk.code(),
                risk.label_zh()
            ),
            risk,
            None,
            "华信基金代销部".into(),
        );
    }
    for (title, risk) in WEALTH {
        push(
            &mut rng,
            ProductKind::WealthProduct,
            title.to_string(),
            format!(
                "{title}，风险等级 {}（{}）。产品有风险，认购前请阅读产品说明书与风险揭示书。",
                risk.code(),
                risk.label_zh()
            ),
            risk,
            None,
            "华信财富管理部".into(),
        );
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_realistic_library() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let items = generate(1, today);
        assert!(items.len() >= 50, "{} items", items.len());
        assert_eq!(items, generate(1, today));
        let pushable = items.iter().filter(|p| p.pushable_on(today)).count();
        assert!(pushable >= 40 && pushable < items.len());
        for risk in ProductRisk::ALL {
            assert!(items.iter().any(|p| p.risk == risk && p.pushable_on(today)));
        }
    }
}
