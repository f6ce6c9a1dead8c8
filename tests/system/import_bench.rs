//! `bench: import_trades_per_second`: a day of a large firm's trades (1,000,000 rows, about
//! 130 MB of CSV) loaded by `head-office import trades` into a SQLite head office that already
//! holds the clients and accounts, checked and written in one transaction, as the nightly job
//! does. Budget: under 60 s (issue 25).

use firm_import::ImportKind;
use head_office::admin::{self, NewUser};
use head_office_storage::{DatabaseLocation, SqlStorage};
use protocol::Role;
use std::fmt::Write;
use std::time::Instant;

const CLIENTS: usize = 10_000;
const TRADES: usize = 1_000_000;

fn id_number(n: usize) -> String {
    let first17 = format!("11010519800101{:03}", n % 1_000);
    format!(
        "{first17}{}",
        domain::IdNumber::check_char(&first17).expect("17 digits")
    )
}

fn load(storage: &SqlStorage, kind: ImportKind, csv: &str) -> f64 {
    let started = Instant::now();
    let report =
        head_office::import::import_file(storage, kind, csv.as_bytes(), false, system_tests::now())
            .expect("import");
    assert!(report.written, "{}", report.summary_zh(kind));
    started.elapsed().as_secs_f64()
}

pub fn run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let storage =
        SqlStorage::open(&DatabaseLocation::Sqlite(dir.path().join("hq.db"))).expect("open");
    admin::add_unit(&storage, "HQ", None, "总部", None).expect("root");
    admin::add_user(
        &storage,
        &NewUser {
            username: "wang.min".into(),
            display_name: "王敏".into(),
            role: Role::Broker,
            unit_id: "HQ".into(),
        },
        None,
    )
    .expect("a broker");
    let mut clients =
        String::from("client_id,name,id_number,mobile,investor_class,opened_on,serving_broker\n");
    let mut accounts =
        String::from("account_id,client_id,account_no,commission_rate,opened_on,cash\n");
    for i in 0..CLIENTS {
        let _ = writeln!(
            clients,
            "K{i:06},客户{i},{},138{i:08},普通投资者,2020-01-01,wang.min",
            id_number(i)
        );
        let _ = writeln!(accounts, "A{i:06},K{i:06},31{i:010},2.5,2020-01-01,100000");
    }
    load(&storage, ImportKind::Clients, &clients);
    load(&storage, ImportKind::Accounts, &accounts);
    let mut trades = String::with_capacity(TRADES * 130);
    trades.push_str("trade_id,account_id,traded_at,security_code,side,quantity,price,amount,commission,handling_fee,regulatory_fee,transfer_fee,stamp_duty\n");
    for i in 0..TRADES {
        let _ = writeln!(
            trades,
            "T{i:08},A{:06},2026-11-20 10:{:02}:{:02},600519.SH,买入,100,1500.00,150000,37.50,0.51,0.30,1.50,0",
            i % CLIENTS,
            (i / 60) % 60,
            i % 60
        );
    }
    eprintln!(
        "bench: importing {TRADES} trades ({} MB of CSV)…",
        trades.len() / 1_000_000
    );
    let seconds = load(&storage, ImportKind::Trades, &trades);
    println!("bench: import_trades_seconds {seconds:.2}");
    println!(
        "bench: import_trades_per_second {:.0}",
        TRADES as f64 / seconds
    );
    let again = load(&storage, ImportKind::Trades, &trades);
    println!("bench: reimport_unchanged_trades_seconds {again:.2}");
}
