//! A deterministic demo firm: the same seed, size and date give the same firm, byte for byte. It is
//! what `make run` serves, what the tests sync against and, scaled up, the benchmark book.

mod book;
mod calendar;
mod library;
mod market;
mod needs;
mod pay;
mod people;
mod service;
mod shares;
mod tasks;
mod transfers;

pub use head_office_storage::seed::{ClientBook, FirmSeed, OrgUnitSeed, UserSeed};

use chrono::{Datelike, NaiveDate};
use domain::broker_category::{before_records, CategoryKind, CategoryPeriod};
use head_office_storage::categories::BrokerPlacement;
use head_office_storage::passwords::hash_password;
use head_office_storage::Result;
use protocol::Role;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The demo broker everybody signs in as first.
pub const DEMO_BROKER: &str = "broker01";
pub const DEMO_LEAD: &str = "lead01";
pub const DEMO_MANAGER: &str = "manager01";

#[derive(Debug, Clone)]
pub struct DemoParams {
    pub seed: u64,
    pub clients: usize,
    pub brokers: usize,
    /// The demo broker's own book; the rest of the clients spread heavy-tailed over the others.
    pub demo_broker_clients: usize,
    /// Mean number of trades per client over 24 months; the spread is heavy-tailed.
    pub trades_per_client: u32,
    /// Mean number of contact-log entries per client over 24 months.
    pub notes_per_client: u32,
    /// "Today" of the generated firm: expiries and history are placed relative to it.
    pub as_of: NaiveDate,
    /// Every demo user's password.
    pub password: String,
}

impl DemoParams {
    pub fn standard(as_of: NaiveDate) -> DemoParams {
        DemoParams {
            seed: 20_261_125,
            clients: 20_000,
            brokers: 30,
            demo_broker_clients: 2_000,
            trades_per_client: 24,
            notes_per_client: 6,
            as_of,
            password: "demo1234".to_string(),
        }
    }
}

const BRANCHES: [&str; 3] = ["上海浦东营业部", "北京朝阳营业部", "深圳南山营业部"];
const TEAMS_PER_BRANCH: usize = 2;

pub fn generate(params: &DemoParams) -> Result<FirmSeed> {
    let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
    let mut units = vec![OrgUnitSeed {
        id: "HQ".into(),
        parent_id: None,
        name: "华信证券总部".into(),
    }];
    let mut users = Vec::new();
    // Everyone shares the demo password, so one hash serves all: a firm of 20,000 brokers for the
    // load benchmark would otherwise spend minutes hashing.
    let password_hash = hash_password(&params.password)?;
    let user = |id: String, username: String, role: Role, unit: &str, rng: &mut ChaCha8Rng| {
        let male = rand::Rng::gen_bool(rng, 0.5);
        let display_name = people::name(rng, male);
        Ok::<_, head_office_storage::StorageError>(UserSeed {
            id,
            username,
            display_name,
            role,
            password_hash: password_hash.clone(),
            org_unit_id: unit.to_string(),
        })
    };
    users.push(user(
        "A01".into(),
        "admin".into(),
        Role::Admin,
        "HQ",
        &mut rng,
    )?);
    let team_count = BRANCHES.len() * TEAMS_PER_BRANCH;
    for (b, branch) in BRANCHES.iter().enumerate() {
        let branch_id = format!("BR{:02}", b + 1);
        units.push(OrgUnitSeed {
            id: branch_id.clone(),
            parent_id: Some("HQ".into()),
            name: (*branch).into(),
        });
        let manager = format!("manager{:02}", b + 1);
        users.push(user(
            format!("M{:02}", b + 1),
            manager,
            Role::BranchManager,
            &branch_id,
            &mut rng,
        )?);
        for t in 0..TEAMS_PER_BRANCH {
            let n = b * TEAMS_PER_BRANCH + t + 1;
            let team_id = format!("TM{n:02}");
            units.push(OrgUnitSeed {
                id: team_id.clone(),
                parent_id: Some(branch_id.clone()),
                name: format!("财富管理{}组", ["一", "二"][t]),
            });
            users.push(user(
                format!("L{n:02}"),
                format!("lead{n:02}"),
                Role::TeamLead,
                &team_id,
                &mut rng,
            )?);
        }
    }
    for k in 0..params.brokers {
        let team = format!("TM{:02}", k % team_count + 1);
        users.push(user(
            broker_id(k),
            format!("broker{:02}", k + 1),
            Role::Broker,
            &team,
            &mut rng,
        )?);
    }
    // Head office's customer service. Named, not drawn: drawing would change everyone after.
    users.push(UserSeed {
        id: "S01".into(),
        username: "service01".into(),
        display_name: "周敏".into(),
        role: Role::Service,
        password_hash: password_hash.clone(),
        org_unit_id: "HQ".into(),
    });
    // Head office's departments that work in the console, named for the same reason.
    for (id, username, display_name, role) in [
        ("H01", "hq01", "郑立群", Role::ManagerHq),
        ("C01", "compliance01", "何静", Role::Compliance),
        ("F01", "finance01", "钱文博", Role::Finance),
    ] {
        users.push(UserSeed {
            id: id.into(),
            username: username.into(),
            display_name: display_name.into(),
            role,
            password_hash: password_hash.clone(),
            org_unit_id: "HQ".into(),
        });
    }
    let sizes = book_sizes(params);
    let transfer_requests = transfers::requests(&sizes, team_count, params.as_of);
    let books = book::Books::new(params.clone(), sizes, rng);
    Ok(FirmSeed {
        units,
        users,
        books: Box::new(books),
        library: library::generate(params.seed, params.as_of),
        pay: pay::settings(params.brokers, params.as_of),
        statement_months: pay::published_months(params.as_of),
        as_of: params.as_of,
        tasks: tasks::generate(params.brokers, team_count, params.as_of),
        market_events: calendar::market_events(params.as_of),
        transfer_requests,
        comments: transfers::comments(team_count, params.brokers, params.as_of),
        broker_placements: placements(params.brokers),
        placement_history: group_history(params.brokers, params.as_of),
    })
}

/// Most brokers are 客户经理 of the branch channel; every fifth a 理财顾问 and every seventh an
/// 投资顾问; every fourth serves the bank channel and every ninth the online one.
/// The class of the `i`th broker: every seventh an investment adviser, every fifth of the rest
/// a wealth adviser, the others account managers.
pub(crate) fn class_of(i: usize) -> &'static str {
    match i {
        _ if i % 7 == 6 => "CL-IA",
        _ if i % 5 == 4 => "CL-FA",
        _ => "CL-AM",
    }
}

fn placements(brokers: usize) -> Vec<(String, BrokerPlacement)> {
    (0..brokers)
        .map(|i| {
            let class = class_of(i);
            let group = match i {
                _ if i % 9 == 8 => "GR-ONLINE",
                _ if i % 4 == 3 => "GR-BANK",
                _ => "GR-BRANCH",
            };
            let placed = BrokerPlacement {
                class_id: Some(class.into()),
                group_id: Some(group.into()),
            };
            (broker_id(i), placed)
        })
        .collect()
}

/// broker04 moved from the branch channel to the bank's on the 16th of last month: a group's
/// pay and 考核 follow each day's group.
fn group_history(brokers: usize, as_of: NaiveDate) -> Vec<(String, CategoryKind, CategoryPeriod)> {
    if brokers < 4 {
        return Vec::new();
    }
    let last_month = as_of.with_day(1).unwrap_or(as_of) - chrono::Months::new(1);
    let in_group = |group: &str, effective_from| {
        let period = CategoryPeriod {
            category_id: Some(group.into()),
            effective_from,
        };
        (broker_id(3), CategoryKind::Group, period)
    };
    vec![
        in_group("GR-BRANCH", before_records()),
        in_group("GR-BANK", last_month + chrono::Days::new(15)),
    ]
}

/// `hour`:00 in Beijing on `day`.
pub(crate) fn beijing_at(day: NaiveDate, hour: u32) -> chrono::DateTime<chrono::Utc> {
    beijing(day, hour, 0)
}

pub(crate) fn beijing(day: NaiveDate, hour: u32, minute: u32) -> chrono::DateTime<chrono::Utc> {
    let local = day.and_hms_opt(hour, minute, 0).unwrap_or_default();
    // Beijing has no daylight saving: UTC+8 all year.
    chrono::TimeZone::from_utc_datetime(&chrono::Utc, &(local - chrono::Duration::hours(8)))
}

pub(crate) fn days_before(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_sub_days(chrono::Days::new(days)).unwrap_or(day)
}

pub(crate) fn broker_id(index: usize) -> String {
    format!("B{:03}", index + 1)
}

/// How many clients each broker serves: the demo broker's fixed share, the rest by 1/√rank, which
/// gives the long tail of a real branch (a few big books, many small ones).
fn book_sizes(p: &DemoParams) -> Vec<usize> {
    if p.brokers == 0 {
        return Vec::new();
    }
    let first = p.demo_broker_clients.min(p.clients);
    let rest = p.clients - first;
    let weights: Vec<f64> = (1..p.brokers).map(|r| 1.0 / (r as f64).sqrt()).collect();
    let total: f64 = weights.iter().sum();
    let mut sizes = vec![first];
    let mut given = 0;
    for w in &weights {
        let n = ((rest as f64) * w / total).floor() as usize;
        sizes.push(n);
        given += n;
    }
    // Rounding leftovers go to the second-largest book so that the total is exact.
    if let Some(s) = sizes.get_mut(1) {
        *s += rest - given;
    } else {
        sizes[0] += rest - given;
    }
    sizes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn book_sizes_add_up_and_tail_off() {
        let p = DemoParams::standard(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let sizes = book_sizes(&p);
        assert_eq!(sizes.len(), 30);
        assert_eq!(sizes.iter().sum::<usize>(), 20_000);
        assert_eq!(sizes[0], 2_000);
        assert!(sizes[1] > sizes[29] * 4);
    }
}
