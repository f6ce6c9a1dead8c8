//! Alerts from head office's market calendar, ID validity and margin ratios, on a real cached
//! book with a fixed "today" (Wednesday 25 November 2026) and a holiday on Thursday 26th.

use crate::common::{book, day, records, TODAY};
use domain::{Fen, FirmPolicy};
use protocol::{HoldingRecord, MarketEventKind, MarketEventRecord, Record};
use store::{AlertKind, BookAlert, Store};

fn apply(store: &mut Store, records: Vec<Record>) {
    crate::common::apply_more(store, 2_000, records);
}

fn event(kind: MarketEventKind, on: chrono::NaiveDate, code: &str, window: u32) -> Record {
    Record::MarketEvent(MarketEventRecord {
        id: format!("{}-{code}-{on}", kind.as_str()),
        event: kind,
        on,
        security_code: code.into(),
        security_name: format!("证券{code}"),
        window_days: window,
        detail: "说明".into(),
    })
}

fn holding(n: u32, code: &str, quantity: i64, value_yuan: i64) -> Record {
    Record::Holding(HoldingRecord {
        id: format!("H{n}-{code}"),
        client_id: format!("C{n:07}"),
        account_id: format!("A{n:07}"),
        security_code: code.into(),
        security_name: format!("证券{code}"),
        quantity,
        cost: Fen::from_yuan(value_yuan),
        market_value: Fen::from_yuan(value_yuan),
    })
}

/// The fixture's clients and accounts, with ID validity and margin ratios set.
fn with_ids_and_margins() -> Vec<Record> {
    records()
        .into_iter()
        .filter_map(|r| match r {
            Record::Client(mut c) => {
                c.id_expires_on = match c.id.as_str() {
                    "C0000003" => Some(day(2026, 12, 10)),
                    "C0000004" => Some(day(2026, 11, 1)),
                    _ => Some(day(2036, 1, 1)),
                };
                Some(Record::Client(c))
            }
            Record::Account(mut a) => {
                a.margin_ratio_bp = match a.client_id.as_str() {
                    "C0000001" => Some(14_000),
                    "C0000002" => Some(12_500),
                    "C0000003" => Some(25_000),
                    _ => None,
                };
                Some(Record::Account(a))
            }
            _ => None,
        })
        .collect()
}

fn of(alerts: &[BookAlert], kind: AlertKind) -> Vec<&BookAlert> {
    alerts.iter().filter(|a| a.kind == kind).collect()
}

fn client_of(a: &BookAlert) -> &str {
    a.client_id.as_deref().unwrap_or("-")
}

#[test]
fn the_calendar_ids_and_margins_raise_alerts_counted_in_trading_days() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = book(dir.path());
    let mut rows = with_ids_and_margins();
    rows.extend([
        event(MarketEventKind::Holiday, day(2026, 11, 26), "", 0),
        // Subscribed on Tuesday: with Thursday closed, T+2 is Friday.
        event(MarketEventKind::NewShare, day(2026, 11, 24), "301633.SZ", 0),
        // Open on the next session, which is Friday.
        event(MarketEventKind::NewShare, day(2026, 11, 27), "732398.SH", 0),
        // Record date Tuesday: five sessions from Wednesday, skipping Thursday.
        event(
            MarketEventKind::RightsIssue,
            day(2026, 11, 24),
            "601166.SH",
            5,
        ),
        event(MarketEventKind::Maturity, day(2026, 11, 30), "SBX127", 0),
        event(MarketEventKind::Maturity, day(2026, 12, 20), "019745.SH", 0),
        holding(1, "600519.SH", 100, 150_000),
        holding(1, "601166.SH", 1_000, 13_000),
        holding(2, "301633.SZ", 500, 22_900),
        holding(3, "600036.SH", 100, 3_600),
        holding(5, "SBX127", 1_000, 100_000),
        holding(4, "019745.SH", 10, 1_000),
    ]);
    apply(&mut store, rows);

    let calendar = store.trading_calendar().unwrap();
    assert!(!calendar.is_trading_day(day(2026, 11, 26)));

    let alerts = store.book_alerts(TODAY).unwrap();
    let payment = of(&alerts, AlertKind::NewSharePayment);
    assert_eq!(payment.len(), 1);
    assert_eq!(client_of(payment[0]), "C0000002");
    assert_eq!(payment[0].due_on, day(2026, 11, 27));
    assert!(payment[0].reason.contains("500 股") && payment[0].reason.contains("2026-11-27"));

    // Subscription day concerns the book, not one client: only 张伟 holds ¥10,000 on Shanghai.
    let subscription = of(&alerts, AlertKind::NewShareSubscription);
    assert_eq!(subscription.len(), 1);
    assert_eq!(subscription[0].client_id, None);
    assert!(subscription[0].reason.contains("1 位客户沪市"));

    let rights = of(&alerts, AlertKind::RightsIssue);
    assert_eq!(rights.len(), 1);
    assert_eq!(client_of(rights[0]), "C0000001");
    assert!(rights[0].reason.contains("2026-11-25 至 2026-12-02"));

    let maturity = of(&alerts, AlertKind::Maturity);
    assert_eq!(
        maturity.iter().map(|a| client_of(a)).collect::<Vec<_>>(),
        ["C0000005"],
        "the bond maturing in December is outside the seven-day window"
    );

    assert_eq!(
        of(&alerts, AlertKind::IdExpiring)
            .iter()
            .map(|a| client_of(a))
            .collect::<Vec<_>>(),
        ["C0000003"]
    );
    assert_eq!(
        of(&alerts, AlertKind::IdExpired)
            .iter()
            .map(|a| client_of(a))
            .collect::<Vec<_>>(),
        ["C0000004"]
    );
    let warn = of(&alerts, AlertKind::MarginWarning);
    assert_eq!(warn.len(), 1);
    assert!(warn[0].reason.contains("140.00%"));
    assert_eq!(
        of(&alerts, AlertKind::ForcedSale)
            .iter()
            .map(|a| client_of(a))
            .collect::<Vec<_>>(),
        ["C0000002"]
    );
    assert_eq!(
        alerts[0].kind,
        AlertKind::ForcedSale,
        "with no complaint open, a forced sale comes before anything else"
    );

    // After the window, nothing of the calendar is left.
    let later = store.book_alerts(day(2026, 12, 3)).unwrap();
    assert!(later.iter().all(|a| !matches!(
        a.kind,
        AlertKind::NewSharePayment
            | AlertKind::NewShareSubscription
            | AlertKind::RightsIssue
            | AlertKind::Maturity
    )));
}

#[test]
fn thresholds_are_the_firms_as_head_office_last_said() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = book(dir.path());
    apply(&mut store, with_ids_and_margins());
    let mut policy = FirmPolicy::default();
    policy.alerts.margin_warn_bp = 13_500;
    policy.alerts.margin_force_bp = 12_000;
    policy.alerts.id_warn_days = 10;
    store.set_firm_policy(&policy).unwrap();
    let alerts = store.book_alerts(TODAY).unwrap();
    assert!(of(&alerts, AlertKind::MarginWarning)
        .iter()
        .all(|a| client_of(a) == "C0000002"));
    assert!(of(&alerts, AlertKind::ForcedSale).is_empty());
    assert!(
        of(&alerts, AlertKind::IdExpiring).is_empty(),
        "15 days ahead is outside a 10-day window"
    );
}
