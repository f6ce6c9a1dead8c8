//! Team figures and scope on a small fixed firm, on a real SQLite head office: a branch with two
//! teams (one with a sub-team, so depth goes below a team) and a neighbouring branch whose figures
//! must never show. "Now" is Wednesday 25 November 2026, 10:00 in Beijing.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use demo_firm::{ClientBook, FirmSeed, OrgUnitSeed, UserSeed};
use domain::{Fen, InvestorClass, Rate, Tier, TradeSide};
use head_office::error::HeadOfficeError;
use head_office::team::{assign_tasks, broker_dashboard, team_dashboard};
use head_office_storage::test_support;
use head_office_storage::{SqlStorage, Storage, UserRow};
use protocol::team::{AssignTasks, BrokerQuery, ReportKind, TeamQuery};
use protocol::{
    AccountRecord, CashTransferRecord, ClientRecord, ContactChannel, ContactNoteRecord, Record,
    Role, ServiceCaseRecord, TaskRecord, TradeRecord, TransferDirection,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `hour`:00 in Beijing.
fn bj(y: i32, m: u32, d: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, hour, 0, 0).unwrap() - Duration::hours(8)
}

fn now() -> DateTime<Utc> {
    bj(2026, 11, 25, 10)
}

fn unit(id: &str, parent: Option<&str>) -> OrgUnitSeed {
    OrgUnitSeed {
        id: id.into(),
        parent_id: parent.map(Into::into),
        name: format!("部门{id}"),
    }
}

fn user(id: &str, role: Role, unit: &str) -> UserSeed {
    UserSeed {
        id: id.into(),
        username: id.to_lowercase(),
        display_name: format!("姓名{id}"),
        role,
        // Never signed in with here.
        password_hash: "x".into(),
        org_unit_id: unit.into(),
    }
}

struct Client {
    id: &'static str,
    broker: &'static str,
    tier: Tier,
    assets_yuan: i64,
    last_contact: Option<DateTime<Utc>>,
    /// (when, net commission in fen)
    trades: &'static [(i32, u32, u32, i64)],
}

fn book(c: &Client) -> ClientBook {
    let account = format!("A{}", c.id);
    ClientBook {
        client: ClientRecord {
            id: c.id.into(),
            name: format!("客户{}", c.id),
            id_number: "11010519491231002X".into(),
            mobile: "13812345678".into(),
            investor_class: InvestorClass::Ordinary,
            tier: c.tier,
            total_assets: Fen::from_yuan(c.assets_yuan),
            opened_on: day(2020, 1, 1),
            serving_broker_id: c.broker.into(),
            serving_broker_name: String::new(),
            developing_broker_id: c.broker.into(),
            developing_broker_name: String::new(),
            last_contact_at: c.last_contact,
            tags: Vec::new(),
            version: 1,
            id_expires_on: None,
            co_server: None,
        },
        accounts: vec![AccountRecord {
            id: account.clone(),
            client_id: c.id.into(),
            account_no: format!("3100{}", &c.id[1..]),
            commission_rate: Rate(2_500),
            waive_minimum: false,
            opened_on: day(2020, 1, 1),
            cash: Fen::ZERO,
            margin_ratio_bp: None,
        }],
        holdings: Vec::new(),
        trades: c
            .trades
            .iter()
            .enumerate()
            .map(|(k, &(y, m, d, net))| TradeRecord {
                id: format!("T{}-{k}", c.id),
                client_id: c.id.into(),
                account_id: account.clone(),
                traded_at: bj(y, m, d, 10),
                security_code: "600519.SH".into(),
                side: TradeSide::Buy,
                quantity: 100,
                price_li: 1_500_000,
                amount: Fen::from_yuan(150_000),
                commission: Fen(net + 500),
                handling_fee: Fen(300),
                regulatory_fee: Fen(100),
                transfer_fee: Fen(100),
                stamp_duty: Fen::ZERO,
                net_commission: Fen(net),
            })
            .collect(),
        asset_months: Vec::new(),
        risk_assessments: Vec::new(),
        contact_notes: Vec::new(),
        service: Vec::new(),
    }
}

const CLIENTS: &[Client] = &[
    // Team T1: B1 and B2; its sub-team T1A: B5. Team T2: B3. Branch BR2's team T3: B4.
    Client {
        id: "C1",
        broker: "B1",
        tier: Tier::Gold,
        assets_yuan: 1_000_000,
        last_contact: None,
        trades: &[(2026, 11, 10, 10_000), (2026, 10, 15, 5_000)],
    },
    Client {
        id: "C2",
        broker: "B1",
        tier: Tier::Standard,
        assets_yuan: 50_000,
        last_contact: None,
        trades: &[],
    },
    Client {
        id: "C3",
        broker: "B2",
        tier: Tier::Gold,
        assets_yuan: 2_000_000,
        last_contact: Some(DateTime::from_timestamp(1_793_491_200, 0).unwrap()),
        trades: &[(2026, 11, 2, 30_000)],
    },
    Client {
        id: "C4",
        broker: "B3",
        tier: Tier::Standard,
        assets_yuan: 100_000,
        last_contact: None,
        trades: &[(2026, 11, 20, 4_000)],
    },
    Client {
        id: "C5",
        broker: "B5",
        tier: Tier::Silver,
        assets_yuan: 500_000,
        last_contact: None,
        trades: &[(2026, 11, 3, 2_000)],
    },
    Client {
        id: "C6",
        broker: "B4",
        tier: Tier::Diamond,
        assets_yuan: 30_000_000,
        last_contact: None,
        trades: &[(2026, 11, 3, 1_000_000)],
    },
];

fn firm() -> FirmSeed {
    let mut books: Vec<ClientBook> = CLIENTS.iter().map(book).collect();
    // What the figures must pick up: a contact note on C1 within 30 days, money in
    // and out of B1's book this month, an open complaint on C2.
    books[0].contact_notes.push(ContactNoteRecord {
        id: "N1".into(),
        client_id: "C1".into(),
        channel: ContactChannel::Phone,
        summary: "季度回顾".into(),
        contacted_at: bj(2026, 11, 20, 15),
        follow_up_on: None,
        author_id: "B1".into(),
    });
    books[0]
        .service
        .push(Record::CashTransfer(CashTransferRecord {
            id: "X1".into(),
            client_id: "C1".into(),
            account_id: "AC1".into(),
            transferred_at: bj(2026, 11, 12, 11),
            direction: TransferDirection::In,
            amount: Fen::from_yuan(200_000),
        }));
    books[1]
        .service
        .push(Record::CashTransfer(CashTransferRecord {
            id: "X2".into(),
            client_id: "C2".into(),
            account_id: "AC2".into(),
            transferred_at: bj(2026, 11, 13, 11),
            direction: TransferDirection::Out,
            amount: Fen::from_yuan(30_000),
        }));
    books[1]
        .service
        .push(Record::ServiceCase(ServiceCaseRecord::open_complaint(
            "S1",
            "C2",
            day(2026, 11, 18),
            day(2026, 11, 28),
            "佣金疑问",
        )));
    FirmSeed {
        units: vec![
            unit("HQ", None),
            unit("BR1", Some("HQ")),
            unit("T1", Some("BR1")),
            unit("T1A", Some("T1")),
            unit("T2", Some("BR1")),
            unit("BR2", Some("HQ")),
            unit("T3", Some("BR2")),
        ],
        users: vec![
            user("A1", Role::Admin, "HQ"),
            user("M1", Role::BranchManager, "BR1"),
            user("L1", Role::TeamLead, "T1"),
            user("L1A", Role::TeamLead, "T1A"),
            user("L2", Role::TeamLead, "T2"),
            user("M2", Role::BranchManager, "BR2"),
            user("L3", Role::TeamLead, "T3"),
            user("B1", Role::Broker, "T1"),
            user("B2", Role::Broker, "T1"),
            user("B5", Role::Broker, "T1A"),
            user("B3", Role::Broker, "T2"),
            user("B4", Role::Broker, "T3"),
        ],
        books: Box::new(books.into_iter()),
        library: Vec::new(),
        pay: Default::default(),
        statement_months: Vec::new(),
        as_of: day(2026, 11, 25),
        tasks: vec![(
            "B2".into(),
            TaskRecord {
                id: "TK1".into(),
                title: "回访金卡客户".into(),
                detail: None,
                client_id: None,
                assigned_by_name: "L1".into(),
                due_on: day(2026, 11, 20),
                done_at: None,
            },
        )],
        market_events: Vec::new(),
        transfer_requests: Vec::new(),
        comments: Vec::new(),
        broker_placements: Vec::new(),
        placement_history: Vec::new(),
    }
}

fn setup() -> (tempfile::TempDir, SqlStorage) {
    let dir = tempfile::tempdir().unwrap();
    let storage = SqlStorage::open(&test_support::fresh_database(dir.path()).unwrap()).unwrap();
    storage.import_firm(firm()).unwrap();
    (dir, storage)
}

fn who(storage: &SqlStorage, id: &str) -> UserRow {
    storage.user_by_id(id).unwrap().unwrap()
}

fn unit_q(unit: Option<&str>) -> TeamQuery {
    TeamQuery {
        unit: unit.map(Into::into),
        month: None,
    }
}

#[test]
fn a_branch_manager_sees_the_right_totals_three_levels_deep() {
    let (_dir, storage) = setup();
    let m1 = who(&storage, "M1");
    let branch = team_dashboard(&storage, &m1, &unit_q(None), now()).unwrap();
    assert_eq!(branch.unit_id, "BR1");
    assert_eq!(branch.month, day(2026, 11, 1));
    let t = &branch.totals;
    assert_eq!((t.brokers, t.clients), (4, 5));
    // C1 100.00 + C3 300.00 + C5 20.00 + C4 40.00; nothing of B4's 10,000.00.
    assert_eq!(t.net_commission, Fen(46_000));
    assert_eq!(t.total_assets, Fen::from_yuan(3_650_000));
    assert_eq!(t.net_new_assets, Fen::from_yuan(170_000));
    assert_eq!(t.active_clients, 4);
    // C2 never traded nor was contacted.
    assert_eq!(t.dormant_clients, 1);
    assert_eq!(t.open_complaints, 1);
    assert_eq!(t.overdue_tasks, 1);
    // Gold: C1 (note on the 20th) and C3 (contacted on 1 November) within 30 days.
    let gold = t.coverage.iter().find(|c| c.tier == Tier::Gold).unwrap();
    assert_eq!((gold.clients, gold.contacted), (2, 2));
    assert_eq!(t.coverage_bp(), Some(4_000));

    // Direct reports are the two teams, ranked by commission; each team's figures are its
    // whole subtree's, and together they make the branch's.
    let names: Vec<(&str, ReportKind, u32)> = branch
        .rows
        .iter()
        .map(|r| (r.id.as_str(), r.kind, r.rank))
        .collect();
    assert_eq!(
        names,
        [("T1", ReportKind::Unit, 1), ("T2", ReportKind::Unit, 2)]
    );
    assert_eq!(branch.rows[0].figures.net_commission, Fen(42_000));
    assert_eq!(branch.rows[0].leader_name.as_deref(), Some("姓名L1"));
    let mut sum = domain::kpi::KpiFigures::empty();
    branch.rows.iter().for_each(|r| sum.add(&r.figures));
    assert_eq!(&sum, t);
    // The trend: October had C1's 50.00.
    let october = branch
        .trend
        .iter()
        .find(|p| p.month == day(2026, 10, 1))
        .unwrap();
    assert_eq!(october.net_commission, Fen(5_000));
    assert_eq!(branch.trend.len(), 6);

    // Down a level: team T1 has a sub-team and two brokers of its own.
    let team = team_dashboard(&storage, &m1, &unit_q(Some("T1")), now()).unwrap();
    let rows: Vec<&str> = team.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(rows, ["B2", "B1", "T1A"]);
    assert_eq!(
        team.path.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["BR1", "T1"]
    );
    // And down to the sub-team's broker, read-only and masked.
    let b5 = broker_dashboard(
        &storage,
        &m1,
        &BrokerQuery {
            broker: "B5".into(),
            month: None,
        },
        now(),
    )
    .unwrap();
    assert_eq!(b5.unit_id, "T1A");
    assert_eq!(b5.figures.net_commission, Fen(2_000));
    assert_eq!(b5.top_clients[0].mobile_masked, "138****5678");
    // The tree beside the table goes all the way down.
    let t1 = &branch.tree.children[0];
    assert_eq!(
        (t1.unit_id.as_str(), t1.children[0].unit_id.as_str()),
        ("T1", "T1A")
    );
    assert!(branch.tree.children.iter().all(|c| c.unit_id != "T3"));
}

#[test]
fn nobody_reads_or_assigns_outside_their_subtree() {
    let (_dir, storage) = setup();
    let forbidden = |r: Result<(), HeadOfficeError>| {
        assert!(matches!(r, Err(HeadOfficeError::Forbidden(_))), "{r:?}")
    };
    let dash = |id: &str, unit: Option<&str>| {
        team_dashboard(&storage, &who(&storage, id), &unit_q(unit), now()).map(|_| ())
    };
    let broker = |id: &str, b: &str| {
        let q = BrokerQuery {
            broker: b.into(),
            month: None,
        };
        broker_dashboard(&storage, &who(&storage, id), &q, now()).map(|_| ())
    };
    forbidden(dash("M1", Some("BR2")));
    forbidden(dash("M1", Some("T3")));
    forbidden(dash("M1", Some("HQ")));
    forbidden(dash("L1", Some("T2")));
    forbidden(dash("L1", Some("BR1")));
    forbidden(dash("L1A", Some("T1")));
    forbidden(dash("B1", None));
    forbidden(broker("M1", "B4"));
    forbidden(broker("L1", "B3"));
    forbidden(broker("L1A", "B1"));
    forbidden(broker("B1", "B2"));
    forbidden(broker("M1", "NOBODY"));
    dash("L1", Some("T1A")).unwrap();
    broker("L1", "B5").unwrap();
    broker("A1", "B4").unwrap();
    let all = team_dashboard(&storage, &who(&storage, "A1"), &unit_q(None), now()).unwrap();
    assert_eq!(all.totals.net_commission, Fen(1_046_000));

    let task = |assignees: &[&str]| AssignTasks {
        assignees: assignees.iter().map(|a| a.to_string()).collect(),
        title: "月底前完成高净值客户回访".into(),
        detail: None,
        due_on: day(2026, 11, 30),
    };
    let counter = std::cell::Cell::new(0);
    let id = || {
        counter.set(counter.get() + 1);
        format!("TX{}", counter.get())
    };
    let l1 = who(&storage, "L1");
    forbidden(assign_tasks(&storage, &l1, &task(&["B1", "B3"]), id, now()).map(|_| ()));
    forbidden(assign_tasks(&storage, &who(&storage, "B1"), &task(&["B2"]), id, now()).map(|_| ()));
    assert!(storage.pull("B3", 0, 5_000).unwrap().changes.iter().all(|c| {
        !matches!(c, protocol::Change::Upsert { record: Record::Task(t), .. } if t.title.contains("月底"))
    }));
    let made = assign_tasks(&storage, &l1, &task(&["B1", "B5", "B1"]), id, now()).unwrap();
    assert_eq!(
        made.task_ids.len(),
        2,
        "one task per broker, named twice or not"
    );
    let reached = storage
        .pull("B5", 0, 5_000)
        .unwrap()
        .changes
        .into_iter()
        .any(|c| matches!(c, protocol::Change::Upsert { record: Record::Task(t), .. } if t.assigned_by_name == "姓名L1"));
    assert!(
        reached,
        "the task is in the broker's feed, from the lead by name"
    );
    let past = AssignTasks {
        due_on: day(2026, 11, 24),
        ..task(&["B1"])
    };
    assert!(matches!(
        assign_tasks(&storage, &l1, &past, id, now()),
        Err(HeadOfficeError::Validation(_))
    ));
}

#[test]
fn transfers_count_in_and_out_of_the_month() {
    let (_dir, storage) = setup();
    storage
        .transfer_client("C2", "B2", bj(2026, 11, 24, 16))
        .unwrap();
    let m1 = who(&storage, "M1");
    let team = team_dashboard(&storage, &m1, &unit_q(Some("T1")), now()).unwrap();
    let of = |id: &str| team.rows.iter().find(|r| r.id == id).unwrap();
    assert_eq!(of("B1").figures.transfers_out, 1);
    assert_eq!(of("B2").figures.transfers_in, 1);
    assert_eq!(of("B2").figures.clients, 2);
    assert_eq!(team.totals.clients, 4);
}
