//! Commission on the demo firm: the desk's own figures, computed from its book by the domain's
//! fee and pay-plan rules, agree with head office's official statements to the fen; a trade head
//! office corrects shows up as a difference on exactly that client and trade; a dispute travels
//! to head office and its answer comes back.

use chrono::{Months, NaiveDate};
use domain::pay_plan::month_of;
use domain::Fen;
use head_office_storage::Storage;
use protocol::DisputeStatus;
use store::{DifferenceKind, LineSource, NewDispute, TradeFilter, WriteIds};
use system_tests::now;
use system_tests::{small_firm, TestDesk, TestHeadOffice, TODAY};

pub(crate) fn published_months() -> Vec<NaiveDate> {
    let (this_month, _) = month_of(TODAY);
    (1..=3).map(|k| this_month - Months::new(k)).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_desk_matches_every_published_statement_to_the_fen() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let mut developed_elsewhere = 0;
    for (username, broker) in [("broker01", "B001"), ("broker02", "B002")] {
        let desk = TestDesk::synced(&head_office.base_url(), username).await;
        for month in published_months() {
            let view = desk.with_store(|s| s.reconcile(broker, month).unwrap());
            let statement = view.statement.as_ref().expect("published");
            assert!(
                view.matched >= 10,
                "{username} {month}: {} lines",
                view.matched
            );
            assert!(
                view.differences.is_empty(),
                "{username} {month}: {:?}",
                view.differences.first()
            );
            assert_eq!(view.desk.credited, statement.credited, "{username} {month}");
            assert_eq!(view.desk.share, statement.share);
            assert_eq!(view.desk.bonus, statement.bonus);
            assert_eq!(view.desk.base, statement.base);
            assert_eq!(view.desk.total, statement.total, "{username} {month}");
            developed_elsewhere += desk.with_store(|s| {
                s.commission_lines(broker, month)
                    .unwrap()
                    .iter()
                    .filter(|l| l.source == LineSource::Statement)
                    .count()
            });
        }
    }
    assert!(
        developed_elsewhere > 0,
        "clients brought in by one broker and served by another count for both"
    );
    // broker02 was promoted mid-month last month: two plans, each for its days.
    let desk = TestDesk::synced(&head_office.base_url(), "broker02").await;
    let last_month = published_months()[0];
    let month = desk.with_store(|s| s.commission_month("B002", last_month, TODAY).unwrap());
    assert_eq!(month.pay.segments.len(), 2);
    assert_ne!(month.pay.segments[0].plan_id, month.pay.segments[1].plan_id);
    // broker01's clawback two months ago is on the statement and in the desk's total alike.
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let clawed = published_months()[1];
    let view = desk.with_store(|s| s.reconcile("B001", clawed).unwrap());
    assert_eq!(view.desk.adjustments, Fen::from_yuan(-300));
    // Earned to date on the month's last trading day is the month's pay.
    let month = desk.with_store(|s| s.commission_month("B001", clawed, TODAY).unwrap());
    let last = month.by_day.last().expect("trading days");
    assert_eq!(last.earned_to_date, month.pay.total);
    assert!(view
        .statement
        .unwrap()
        .adjustment_note
        .unwrap()
        .contains("退还"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_corrected_trade_shows_up_on_its_client_and_a_dispute_gets_an_answer() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let month = published_months()[0];
    let trade = desk.with_store(|s| {
        s.commission_trades("B001", month, &TradeFilter::default())
            .unwrap()
            .into_iter()
            .find(|t| t.source == LineSource::Book && t.commission > Fen(600))
            .expect("a trade above the minimum")
    });
    // Finance charges ¥1.00 more on one trade and republishes the month.
    head_office
        .storage
        .correct_trade_commission(
            &trade.trade_id,
            trade.commission,
            trade.commission + Fen(100),
            None,
        )
        .unwrap();
    head_office
        .storage
        .publish_statements(month, now(), None)
        .unwrap();
    desk.sync().await;

    let view = desk.with_store(|s| s.reconcile("B001", month).unwrap());
    assert_eq!(view.differences.len(), 1, "{:?}", view.differences);
    let d = &view.differences[0];
    assert_eq!(
        (d.kind, d.trade_id.as_str(), d.client_id.as_str()),
        (
            DifferenceKind::Amount,
            trade.trade_id.as_str(),
            trade.client_id.as_str()
        )
    );
    assert_eq!(d.official_net.unwrap() - d.desk_net.unwrap(), Fen(100));
    assert_ne!(
        view.desk.credited,
        view.statement.as_ref().unwrap().credited
    );

    // The broker disputes it; head office answers; the answer comes back with the next sync.
    let dispute = NewDispute {
        month,
        trade_id: Some(trade.trade_id.clone()),
        comment: "本笔按万2.5计算应为原佣金，请核实".into(),
    };
    let too_short = NewDispute {
        comment: "错".into(),
        ..dispute.clone()
    };
    let ids = |n: u32| WriteIds {
        mutation_id: format!("m-d{n}"),
        record_id: format!("D-{n}"),
    };
    let err = desk
        .store
        .lock()
        .unwrap()
        .dispute_statement("B001", ids(0), &too_short, now())
        .unwrap_err();
    assert!(err.to_string().contains("4 到 500 字"));
    desk.store
        .lock()
        .unwrap()
        .dispute_statement("B001", ids(1), &dispute, now())
        .unwrap();
    let view = desk.with_store(|s| s.reconcile("B001", month).unwrap());
    assert!(view.disputes[0].pending);
    assert_eq!(view.differences[0].dispute, Some(DisputeStatus::Open));
    desk.sync().await;
    head_office
        .storage
        .answer_dispute(
            "D-1",
            DisputeStatus::Resolved,
            "已核实，下月结算时退还 1.00 元",
            None,
        )
        .unwrap();
    desk.sync().await;
    let view = desk.with_store(|s| s.reconcile("B001", month).unwrap());
    let answered = &view.disputes[0];
    assert!(!answered.pending);
    assert_eq!(answered.record.status, DisputeStatus::Resolved);
    assert!(answered.record.answer.as_deref().unwrap().contains("退还"));
    assert_eq!(
        answered.record.statement_amount - answered.record.desk_amount,
        d.official_credited.unwrap() - d.desk_credited.unwrap()
    );
}
