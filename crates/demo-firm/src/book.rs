//! One client's whole book at a time, so a firm of any size streams into storage in constant memory.

use super::calendar;
use super::market::LISTED;
use super::people::person;
use super::service::{self, Neighbour, Subject};
use super::shares;
use super::{beijing, broker_id, days_before, ClientBook, DemoParams};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use domain::{
    FeeSchedule, Fen, InvestorClass, Rate, RiskLevel, SecurityCode, TierPolicy, TradeSide,
};
use protocol::{
    AccountRecord, AssetMonthRecord, ClientRecord, ContactChannel, ContactNoteRecord,
    HoldingRecord, RiskAssessmentRecord, TradeRecord,
};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

pub(super) struct Books {
    params: DemoParams,
    sizes: Vec<usize>,
    broker: usize,
    made_for_broker: usize,
    next_client: usize,
    rng: ChaCha8Rng,
    fees: FeeSchedule,
    tiers: TierPolicy,
    neighbour: Option<Neighbour>,
}

impl Books {
    pub(super) fn new(params: DemoParams, sizes: Vec<usize>, rng: ChaCha8Rng) -> Books {
        Books {
            params,
            sizes,
            broker: 0,
            made_for_broker: 0,
            next_client: 1,
            rng,
            fees: FeeSchedule::since_2023_08_28(),
            tiers: TierPolicy::default(),
            neighbour: None,
        }
    }
}

impl Iterator for Books {
    type Item = ClientBook;

    fn next(&mut self) -> Option<ClientBook> {
        while self.made_for_broker >= *self.sizes.get(self.broker)? {
            self.broker += 1;
            self.made_for_broker = 0;
            self.neighbour = None;
        }
        self.made_for_broker += 1;
        let n = self.next_client;
        self.next_client += 1;
        Some(self.client_book(n))
    }
}

/// A standard normal draw (Box–Muller); rand's distributions crate is not worth a dependency here.
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1: f64 = rng.gen_range(f64::EPSILON..1.0);
    let u2: f64 = rng.gen();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

impl Books {
    fn client_book(&mut self, n: usize) -> ClientBook {
        let as_of = self.params.as_of;
        let rng = &mut self.rng;
        let p = person(rng, as_of);
        let client_id = format!("C{n:07}");
        let serving = broker_id(self.broker);
        let developing = if rng.gen_bool(0.85) || self.params.brokers < 2 {
            serving.clone()
        } else {
            broker_id(rng.gen_range(0..self.params.brokers))
        };
        // Generated asset sizes are a statistical model, not money; they become exact fen here.
        let assets_yuan = (120_000f64.ln() + 1.4 * normal(rng))
            .exp()
            .clamp(5_000.0, 80_000_000.0);
        let total_assets = Fen((assets_yuan * 100.0) as i64);
        let investor_class = if total_assets >= Fen::from_yuan(5_000_000) && rng.gen_bool(0.7) {
            InvestorClass::Professional
        } else {
            InvestorClass::Ordinary
        };
        let opened_on = days_before(as_of, rng.gen_range(30..6_500));
        let last_contact_at = rng.gen_bool(0.8).then(|| {
            let day = days_before(as_of, rng.gen_range(0..180));
            beijing(day, rng.gen_range(9..19), rng.gen_range(0..60))
        });
        let account = AccountRecord {
            id: format!("A{n:07}"),
            client_id: client_id.clone(),
            account_no: format!("3100{n:08}"),
            commission_rate: Rate([1_000, 1_500, 2_000, 2_500, 3_000][rng.gen_range(0..5)]),
            waive_minimum: rng.gen_bool(0.15),
            opened_on,
            cash: Fen(total_assets.0 * rng.gen_range(5..30) / 100),
            margin_ratio_bp: calendar::margin_ratio_bp(&client_id, total_assets),
        };
        let risk = risk_assessment(rng, &client_id, as_of);
        let mut holdings = holdings(rng, &account, total_assets - account.cash);
        holdings.extend(calendar::extra_holdings(
            &client_id,
            &account.id,
            total_assets,
        ));
        let trades = trades(
            rng,
            &self.fees,
            &account,
            total_assets,
            self.params.trades_per_client,
            as_of,
        );
        let asset_months = asset_months(rng, &client_id, total_assets, as_of);
        let contact_notes = contact_notes(
            rng,
            &client_id,
            &serving,
            self.params.notes_per_client,
            as_of,
        );
        let last_contact_at = contact_notes
            .last()
            .map(|n| n.contacted_at)
            .or(last_contact_at);
        let subject = Subject {
            client_id: &client_id,
            account_id: &account.id,
            assets: total_assets,
            age: p.age,
            opened_on,
            as_of,
        };
        let tags = service::tags(rng, &subject);
        let mut service = service::cash_transfers(rng, &subject);
        service.extend(service::service_cases(rng, &subject));
        service.extend(service::relations(
            rng,
            &subject,
            &p.name,
            self.neighbour.as_ref(),
        ));
        service.extend(super::needs::profile(n, &client_id, p.age, total_assets));
        let month_ends: Vec<Fen> = asset_months.iter().map(|m| m.total_assets).collect();
        self.neighbour = Some(Neighbour {
            client_id: client_id.clone(),
            name: p.name.clone(),
        });
        let id_expires_on = calendar::id_expires_on(&client_id, p.age, as_of);
        let co_server = shares::co_server(n, self.broker, &developing, self.params.brokers, as_of);
        let client = ClientRecord {
            id_expires_on,
            co_server,
            id: client_id,
            name: p.name,
            id_number: p.id_number,
            mobile: p.mobile,
            investor_class,
            tier: self.tiers.assign(None, &month_ends),
            total_assets,
            opened_on,
            // Head office fills in names from its users table when it serves the row.
            serving_broker_name: String::new(),
            developing_broker_name: String::new(),
            serving_broker_id: serving,
            developing_broker_id: developing,
            last_contact_at,
            tags,
            version: 1,
        };
        ClientBook {
            client,
            accounts: vec![account],
            holdings,
            trades,
            asset_months,
            risk_assessments: vec![risk],
            contact_notes,
            service,
        }
    }
}

fn risk_assessment(
    rng: &mut ChaCha8Rng,
    client_id: &str,
    as_of: NaiveDate,
) -> RiskAssessmentRecord {
    let level = match rng.gen_range(0..100) {
        0..=9 => RiskLevel::C1,
        10..=29 => RiskLevel::C2,
        30..=64 => RiskLevel::C3,
        65..=89 => RiskLevel::C4,
        _ => RiskLevel::C5,
    };
    // Assessed up to 26 months ago with a 24-month validity: some expired, some about to.
    let assessed_on = days_before(as_of, rng.gen_range(0..790));
    // About one C1 in five accepts no loss at all (最低类别); taken from the id, not the
    // generator, so the rest of the firm stays as it was.
    let lowest_category =
        level == RiskLevel::C1 && client_id.bytes().map(u32::from).sum::<u32>() % 5 == 0;
    RiskAssessmentRecord {
        id: format!("R{}", &client_id[1..]),
        client_id: client_id.to_string(),
        level,
        assessed_on,
        expires_on: assessed_on
            .checked_add_months(Months::new(24))
            .unwrap_or(assessed_on),
        lowest_category,
    }
}

fn holdings(rng: &mut ChaCha8Rng, account: &AccountRecord, invested: Fen) -> Vec<HoldingRecord> {
    let count = rng.gen_range(0..=5usize);
    let mut picks: Vec<usize> = Vec::new();
    while picks.len() < count {
        let i = rng.gen_range(0..LISTED.len());
        if !picks.contains(&i) {
            picks.push(i);
        }
    }
    picks
        .into_iter()
        .enumerate()
        .filter_map(|(k, i)| {
            let listed = &LISTED[i];
            let share = invested.0 / count.max(1) as i64;
            // Whole lots of 100 the client's share pays for: a small account holds no 茅台.
            let lots = share * 10 / (listed.price_li * 100);
            let quantity = lots * 100;
            let market_value = Fen(quantity * listed.price_li / 10);
            // Drawn even for a lot the client cannot afford, so the rest of the firm stays the same.
            let cost_percent = rng.gen_range(70..130);
            (lots > 0).then(|| HoldingRecord {
                id: format!("H{}-{k}", &account.client_id[1..]),
                client_id: account.client_id.clone(),
                account_id: account.id.clone(),
                security_code: listed.code.to_string(),
                security_name: listed.name.to_string(),
                quantity,
                cost: Fen(market_value.0 * cost_percent / 100),
                market_value,
            })
        })
        .collect()
}

fn trades(
    rng: &mut ChaCha8Rng,
    fees: &FeeSchedule,
    account: &AccountRecord,
    assets: Fen,
    mean: u32,
    as_of: NaiveDate,
) -> Vec<TradeRecord> {
    let count = (f64::from(mean) * -rng.gen_range(f64::EPSILON..1.0).ln()).round() as usize;
    let mut out: Vec<TradeRecord> = (0..count)
        .map(|k| {
            let mut day = days_before(as_of, rng.gen_range(1..730));
            while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                day = days_before(day, 1);
            }
            let listed = &LISTED[rng.gen_range(0..LISTED.len())];
            let etf = listed.code.starts_with('5') || listed.code.starts_with("159");
            let mut price_li = listed.price_li * rng.gen_range(75..125) / 100;
            if !etf {
                price_li = (price_li / 10).max(1) * 10; // stocks tick in fen, ETFs in li
            }
            let target = assets.0 * rng.gen_range(2..30) / 100;
            let quantity = (target * 10 / (price_li * 100)).max(1) * 100;
            let amount = Fen(quantity * price_li / 10);
            let side = if rng.gen_bool(0.5) {
                TradeSide::Buy
            } else {
                TradeSide::Sell
            };
            let exchange = SecurityCode::parse(listed.code)
                .map(|c| c.exchange())
                .unwrap_or(domain::Exchange::Sh);
            let f = fees.charge(
                exchange,
                side,
                amount,
                account.commission_rate,
                account.waive_minimum,
            );
            TradeRecord {
                id: format!("T{}-{k}", &account.client_id[1..]),
                client_id: account.client_id.clone(),
                account_id: account.id.clone(),
                traded_at: beijing(day, rng.gen_range(9..15), rng.gen_range(0..60)),
                security_code: listed.code.to_string(),
                side,
                quantity,
                price_li,
                amount,
                commission: f.commission,
                handling_fee: f.handling_fee,
                regulatory_fee: f.regulatory_fee,
                transfer_fee: f.transfer_fee,
                stamp_duty: f.stamp_duty,
                net_commission: f.net_commission,
            }
        })
        .collect();
    out.sort_by_key(|t| t.traded_at);
    out
}

fn asset_months(
    rng: &mut ChaCha8Rng,
    client_id: &str,
    now: Fen,
    as_of: NaiveDate,
) -> Vec<AssetMonthRecord> {
    let this_month = as_of.with_day(1).unwrap_or(as_of);
    let mut value = now.0 as f64;
    let mut out = Vec::with_capacity(24);
    for back in 0..24u32 {
        let month = this_month
            .checked_sub_months(Months::new(back))
            .unwrap_or(this_month);
        out.push(AssetMonthRecord {
            id: format!("M{}-{}", &client_id[1..], month.format("%Y%m")),
            client_id: client_id.to_string(),
            month,
            total_assets: Fen(value.max(0.0) as i64),
        });
        value /= 1.0 + 0.005 + 0.06 * normal(rng);
    }
    out.reverse();
    out
}

const NOTE_TEMPLATES: &[&str] = &[
    "电话沟通近期市场波动，客户情绪稳定，暂不调仓",
    "客户询问红利类ETF，已发送公司研究所的配置观点",
    "上门拜访，了解家庭资产情况，客户有子女教育资金规划需求",
    "微信提醒风险测评即将到期，客户约定下周到营业部重新测评",
    "客户反映APP登录问题，已转交客服处理并回访确认解决",
    "沟通新股申购规则及市值要求，客户表示了解",
    "客户关注持仓个股分红安排，已说明除权除息日期",
    "节日问候，客户对服务表示满意",
    "介绍两融业务开通条件及风险，客户暂不考虑",
    "客户咨询国债逆回购操作，已讲解交易规则",
];

fn contact_notes(
    rng: &mut ChaCha8Rng,
    client_id: &str,
    broker: &str,
    mean: u32,
    as_of: NaiveDate,
) -> Vec<ContactNoteRecord> {
    let count = (f64::from(mean) * -rng.gen_range(f64::EPSILON..1.0).ln()).round() as usize;
    let mut out: Vec<ContactNoteRecord> = (0..count)
        .map(|k| {
            let day = days_before(as_of, rng.gen_range(1..730));
            ContactNoteRecord {
                id: format!("N{}-{k}", &client_id[1..]),
                client_id: client_id.to_string(),
                channel: ContactChannel::ALL[rng.gen_range(0..ContactChannel::ALL.len())],
                summary: NOTE_TEMPLATES[rng.gen_range(0..NOTE_TEMPLATES.len())].to_string(),
                contacted_at: beijing(day, rng.gen_range(9..19), rng.gen_range(0..60)),
                follow_up_on: rng
                    .gen_bool(0.2)
                    .then(|| day + Days::new(rng.gen_range(3..30))),
                author_id: broker.to_string(),
            }
        })
        .collect();
    out.sort_by_key(|n| n.contacted_at);
    out
}
