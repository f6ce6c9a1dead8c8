//! Each kind's columns and how one row becomes a record.

use crate::fields::{Checked, Fields, RowError};
use crate::service_kinds;
use crate::{ImportKind, ImportRow};
use chrono::NaiveDate;
use domain::{
    FeeBreakdown, Fen, IdNumber, InvestorClass, Mobile, ProductRisk, Rate, RiskLevel, SecurityCode,
    TargetInvestors, Tier, TradeSide,
};
use protocol::calendar::MarketEventKind;
use protocol::library::{ApprovalState, ProductKind};
use protocol::{
    AccountRecord, ClientRecord, HoldingRecord, MarketEventRecord, ProductRecord,
    RiskAssessmentRecord, TradeRecord,
};

pub(crate) fn columns(kind: ImportKind) -> &'static [&'static str] {
    match kind {
        ImportKind::Clients => &[
            "client_id",
            "name",
            "id_number",
            "mobile",
            "investor_class",
            "opened_on",
            "serving_broker",
        ],
        ImportKind::Accounts => &[
            "account_id",
            "client_id",
            "account_no",
            "commission_rate",
            "opened_on",
            "cash",
        ],
        ImportKind::Assessments => &[
            "assessment_id",
            "client_id",
            "level",
            "assessed_on",
            "expires_on",
        ],
        ImportKind::Holdings => &[
            "holding_id",
            "account_id",
            "security_code",
            "security_name",
            "quantity",
            "cost",
            "market_value",
        ],
        ImportKind::Trades => &[
            "trade_id",
            "account_id",
            "traded_at",
            "security_code",
            "side",
            "quantity",
            "price",
            "amount",
            "commission",
            "handling_fee",
            "regulatory_fee",
            "transfer_fee",
            "stamp_duty",
        ],
        ImportKind::Calendar => &["event_id", "kind", "on"],
        ImportKind::CashTransfers => service_kinds::CASH_TRANSFERS,
        ImportKind::Relationships => service_kinds::RELATIONSHIPS,
        ImportKind::Complaints => service_kinds::COMPLAINTS,
        ImportKind::ReturnVisits => service_kinds::RETURN_VISITS,
        ImportKind::Library => &[
            "product_id",
            "kind",
            "title",
            "summary",
            "risk",
            "version",
            "valid_from",
            "valid_until",
            "author",
            "approval_ref",
        ],
    }
}

pub(crate) fn row(kind: ImportKind, f: &Fields<'_>, today: NaiveDate) -> Checked<ImportRow> {
    match kind {
        ImportKind::Clients => client(f, today),
        ImportKind::Accounts => account(f, today).map(ImportRow::Account),
        ImportKind::Assessments => assessment(f, today).map(ImportRow::Assessment),
        ImportKind::Holdings => holding(f).map(ImportRow::Holding),
        ImportKind::Trades => trade(f).map(ImportRow::Trade),
        ImportKind::Calendar => market_event(f).map(ImportRow::MarketEvent),
        ImportKind::Library => product(f).map(ImportRow::Product),
        ImportKind::CashTransfers => service_kinds::cash_transfer(f).map(ImportRow::CashTransfer),
        ImportKind::Relationships => service_kinds::relation(f).map(ImportRow::Relation),
        ImportKind::Complaints => service_kinds::complaint(f, today).map(ImportRow::ServiceCase),
        ImportKind::ReturnVisits => {
            service_kinds::return_visit(f, today).map(ImportRow::ServiceCase)
        }
    }
}

fn not_after_today(column: &str, day: NaiveDate, today: NaiveDate) -> Checked<NaiveDate> {
    if day > today {
        return Err(RowError::from(format!("{column} {day} 晚于今天 {today}")));
    }
    Ok(day)
}

fn security(f: &Fields<'_>, column: &str) -> Checked<String> {
    let v = f.text(column)?;
    SecurityCode::parse(&v)
        .map(|c| c.to_string())
        .map_err(|e| RowError::from(format!("{column} {v:?}：{e}")))
}

fn client(f: &Fields<'_>, today: NaiveDate) -> Checked<ImportRow> {
    let id_text = f.text("id_number")?;
    let id_number = IdNumber::parse(&id_text, today).map_err(|e| e.to_string())?;
    let mobile = Mobile::parse(&f.text("mobile")?).map_err(|e| e.to_string())?;
    let serving_broker = f.text("serving_broker")?;
    let email = match f.optional("email") {
        Some(e) if !plausible_email(&e) => {
            return Err(RowError::from(format!(
                "email 的值 {e:?} 不像邮箱地址，应写作 name@example.com"
            )))
        }
        other => other,
    };
    let tags = f
        .raw("tags")
        .split([';', '；', '、'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    Ok(ImportRow::Client {
        record: ClientRecord {
            id: f.firm_id("client_id")?,
            name: f.text_max("name", 40)?,
            id_number: id_number.as_str().to_string(),
            mobile: mobile.as_str().to_string(),
            investor_class: f.choice(
                "investor_class",
                &[
                    ("ordinary", "普通投资者", InvestorClass::Ordinary),
                    ("professional", "专业投资者", InvestorClass::Professional),
                ],
            )?,
            tier: Tier::Standard,
            total_assets: Fen::ZERO,
            opened_on: not_after_today("opened_on", f.date("opened_on")?, today)?,
            serving_broker_id: String::new(),
            serving_broker_name: String::new(),
            developing_broker_id: String::new(),
            developing_broker_name: String::new(),
            last_contact_at: None,
            tags,
            version: 0,
            id_expires_on: f.optional_date("id_expires_on")?,
            co_server: None,
        },
        email,
        developing_broker: f
            .optional("developing_broker")
            .unwrap_or_else(|| serving_broker.clone()),
        serving_broker,
    })
}

/// One `@` with something on each side and a dot in the domain, no spaces: what a mail server
/// would even try.
fn plausible_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
                && !domain.contains('@')
                && text.len() <= 100
        }
        None => false,
    }
}

fn account(f: &Fields<'_>, today: NaiveDate) -> Checked<AccountRecord> {
    // 万分之 as brokers say it: 2.5 is 万2.5.
    let rate = Rate(f.scaled("commission_rate", 3)?);
    if rate > Rate::COMMISSION_CEILING {
        return Err("commission_rate 超过佣金上限万分之 30（0.3%），请核对".into());
    }
    let margin_ratio_bp = match f.raw("margin_ratio") {
        "" => None,
        _ => Some(
            u32::try_from(f.scaled("margin_ratio", 2)?)
                .map_err(|_| "margin_ratio 过大，应写作百分数，如 150.5".to_string())?,
        ),
    };
    Ok(AccountRecord {
        id: f.firm_id("account_id")?,
        client_id: f.firm_id("client_id")?,
        account_no: f.text_max("account_no", 20)?,
        commission_rate: rate,
        waive_minimum: f.yes_no("waive_minimum")?,
        opened_on: not_after_today("opened_on", f.date("opened_on")?, today)?,
        cash: f.yuan_at_least_zero("cash")?,
        margin_ratio_bp,
    })
}

fn assessment(f: &Fields<'_>, today: NaiveDate) -> Checked<RiskAssessmentRecord> {
    let assessed_on = not_after_today("assessed_on", f.date("assessed_on")?, today)?;
    let expires_on = f.date("expires_on")?;
    if expires_on <= assessed_on {
        return Err(RowError::from(format!(
            "expires_on {expires_on} 应晚于 assessed_on {assessed_on}"
        )));
    }
    Ok(RiskAssessmentRecord {
        id: f.firm_id("assessment_id")?,
        client_id: f.firm_id("client_id")?,
        level: f.choice(
            "level",
            &[
                ("C1", "保守型", RiskLevel::C1),
                ("C2", "谨慎型", RiskLevel::C2),
                ("C3", "稳健型", RiskLevel::C3),
                ("C4", "积极型", RiskLevel::C4),
                ("C5", "激进型", RiskLevel::C5),
            ],
        )?,
        assessed_on,
        expires_on,
        lowest_category: f.yes_no("lowest_category")?,
    })
}

fn holding(f: &Fields<'_>) -> Checked<HoldingRecord> {
    let quantity = f.whole("quantity")?;
    if quantity <= 0 {
        return Err("quantity 应为正整数（已清仓的持仓不必导入）".into());
    }
    Ok(HoldingRecord {
        id: f.firm_id("holding_id")?,
        client_id: String::new(),
        account_id: f.firm_id("account_id")?,
        security_code: security(f, "security_code")?,
        security_name: f.text_max("security_name", 40)?,
        quantity,
        cost: f.yuan_at_least_zero("cost")?,
        market_value: f.yuan_at_least_zero("market_value")?,
    })
}

fn trade(f: &Fields<'_>) -> Checked<TradeRecord> {
    let quantity = f.whole("quantity")?;
    if quantity <= 0 {
        return Err("quantity 应为正整数".into());
    }
    // Prices go to the 厘 (0.001 yuan), the tick of ETFs.
    let price_li = f.scaled("price", 3)?;
    let amount = f.yuan_at_least_zero("amount")?;
    let priced = price_li
        .checked_mul(quantity)
        .ok_or("price × quantity 过大")?;
    if (amount.0 * 10 - priced).abs() >= 10 {
        return Err(RowError::from(format!(
            "amount {} 与 price × quantity 不符（应约为 {}）",
            f.raw("amount"),
            Fen(priced / 10).yuan_plain()
        )));
    }
    let fees = FeeBreakdown::from_charged(
        f.yuan_at_least_zero("commission")?,
        f.yuan_at_least_zero("handling_fee")?,
        f.yuan_at_least_zero("regulatory_fee")?,
        f.yuan_at_least_zero("transfer_fee")?,
        f.yuan_at_least_zero("stamp_duty")?,
    )
    .ok_or("commission 小于其中包含的 handling_fee 与 regulatory_fee 之和，请核对")?;
    Ok(TradeRecord {
        id: f.firm_id("trade_id")?,
        client_id: String::new(),
        account_id: f.firm_id("account_id")?,
        traded_at: f.instant("traded_at")?,
        security_code: security(f, "security_code")?,
        side: f.choice(
            "side",
            &[
                ("buy", "买入", TradeSide::Buy),
                ("sell", "卖出", TradeSide::Sell),
            ],
        )?,
        quantity,
        price_li,
        amount,
        commission: fees.commission,
        handling_fee: fees.handling_fee,
        regulatory_fee: fees.regulatory_fee,
        transfer_fee: fees.transfer_fee,
        stamp_duty: fees.stamp_duty,
        net_commission: fees.net_commission,
    })
}

fn market_event(f: &Fields<'_>) -> Checked<MarketEventRecord> {
    let event = f.choice(
        "kind",
        &[
            ("holiday", "休市", MarketEventKind::Holiday),
            ("new_share", "新股申购", MarketEventKind::NewShare),
            ("rights_issue", "配股", MarketEventKind::RightsIssue),
            ("maturity", "到期", MarketEventKind::Maturity),
        ],
    )?;
    let holiday = event == MarketEventKind::Holiday;
    let (security_code, security_name) = if holiday {
        (String::new(), String::new())
    } else {
        (
            security(f, "security_code")?,
            f.text_max("security_name", 40)?,
        )
    };
    let window_days = match (event, f.raw("window_days")) {
        (MarketEventKind::RightsIssue, _) => u32::try_from(f.whole("window_days")?)
            .ok()
            .filter(|d| (1..=30).contains(d))
            .ok_or("配股的 window_days 应为 1–30 个交易日")?,
        _ => 0,
    };
    Ok(MarketEventRecord {
        id: f.firm_id("event_id")?,
        event,
        on: f.date("on")?,
        security_code,
        security_name,
        window_days,
        detail: f.optional("detail").unwrap_or_default(),
    })
}

fn product(f: &Fields<'_>) -> Checked<ProductRecord> {
    let valid_from = f.date("valid_from")?;
    let valid_until = f.date("valid_until")?;
    if valid_until < valid_from {
        return Err(RowError::from(format!(
            "valid_until {valid_until} 早于 valid_from {valid_from}"
        )));
    }
    let version = u32::try_from(f.whole("version")?)
        .ok()
        .filter(|v| *v >= 1)
        .ok_or("version 应为正整数，内容每次修改加 1")?;
    let security_code = match f.raw("security_code") {
        "" => None,
        _ => Some(security(f, "security_code")?),
    };
    Ok(ProductRecord {
        id: f.firm_id("product_id")?,
        product_kind: f.choice(
            "kind",
            &[
                ("research_report", "研究报告", ProductKind::ResearchReport),
                ("stock_pick", "个股点评", ProductKind::StockPick),
                ("fund", "公募基金", ProductKind::Fund),
                ("wealth_product", "理财产品", ProductKind::WealthProduct),
            ],
        )?,
        title: f.text_max("title", 100)?,
        summary: f.text_max("summary", 2_000)?,
        risk: f.choice(
            "risk",
            &[
                ("R1", "低风险", ProductRisk::R1),
                ("R2", "中低风险", ProductRisk::R2),
                ("R3", "中风险", ProductRisk::R3),
                ("R4", "中高风险", ProductRisk::R4),
                ("R5", "高风险", ProductRisk::R5),
            ],
        )?,
        target_investors: match f.raw("target_investors") {
            "" => TargetInvestors::All,
            _ => f.choice(
                "target_investors",
                &[
                    ("all", "普通及专业投资者", TargetInvestors::All),
                    (
                        "professional_only",
                        "仅限专业投资者",
                        TargetInvestors::ProfessionalOnly,
                    ),
                ],
            )?,
        },
        version,
        approval: match f.raw("approval") {
            "" => ApprovalState::Approved,
            _ => f.choice(
                "approval",
                &[
                    ("approved", "已审核", ApprovalState::Approved),
                    ("withdrawn", "已撤回", ApprovalState::Withdrawn),
                ],
            )?,
        },
        valid_from,
        valid_until,
        security_code,
        author: f.text_max("author", 40)?,
        approval_ref: f.text_max("approval_ref", 40)?,
        body: match f.raw("body") {
            "" => String::new(),
            _ => f.text_max("body", 50_000)?,
        },
    })
}
