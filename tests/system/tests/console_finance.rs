//! Finance in head office's console: a broker's dispute raised on the desk is in finance's
//! queue with whose it is; finance answers it and the answer is on the desk after the next sync;
//! a month that has ended is published, one that has not is refused; both are in the log.

use protocol::console::{
    DisputeAnswer, DisputeInQueue, StaffAction, StatementMonth, StatementsPublished,
};
use protocol::{paths, DisputeStatus, PROTOCOL_VERSION, VERSION_HEADER};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use store::{NewDispute, WriteIds};
use sync::HeadOffice;
use system_tests::{access_token, answer, now, small_firm, TestDesk, TestHeadOffice};

#[tokio::test(flavor = "multi_thread")]
async fn finance_answers_a_dispute_and_publishes_a_month_from_the_console() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let http = reqwest::Client::new();
    let finance = access_token(&api, "finance01").await;
    let call = |method: Method, path: &str| {
        http.request(method, format!("{base}{path}"))
            .header(VERSION_HEADER, PROTOCOL_VERSION.to_string())
            .bearer_auth(&finance)
    };

    let desk = TestDesk::synced(&base, "broker01").await;
    let month = crate::commission::published_months()[0];
    desk.store
        .lock()
        .unwrap()
        .dispute_statement(
            "B001",
            WriteIds {
                mutation_id: "m-console-dispute".into(),
                record_id: "D-console".into(),
            },
            &NewDispute {
                month,
                trade_id: None,
                comment: "本月结算单的分成档位与方案不符，请核实".into(),
            },
            now(),
        )
        .unwrap();
    desk.sync().await;

    let queue: Vec<DisputeInQueue> = answer(call(Method::GET, paths::CONSOLE_DISPUTES)).await;
    let queued = queue
        .iter()
        .find(|d| d.dispute.id == "D-console")
        .expect("in the queue");
    assert_eq!((queued.broker_id.as_str(), queued.month), ("B001", month));
    assert_eq!(queued.dispute.status, DisputeStatus::Open);

    let reply = |status: DisputeStatus, words: &str| DisputeAnswer {
        id: "D-console".into(),
        status,
        answer: words.into(),
    };
    for (bad, why) in [
        (reply(DisputeStatus::Open, "已核实"), "请选择处理结果"),
        (reply(DisputeStatus::Resolved, "  "), "请写明处理意见"),
    ] {
        let refused = call(Method::POST, paths::CONSOLE_DISPUTE_ANSWER)
            .json(&bad)
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = refused.json().await.unwrap();
        assert!(body["message"].as_str().unwrap().contains(why), "{body}");
    }
    let left: Vec<DisputeInQueue> = answer(call(Method::POST, paths::CONSOLE_DISPUTE_ANSWER).json(
        &reply(
            DisputeStatus::Rejected,
            "档位按 11 月 1 日生效的方案计算，无误",
        ),
    ))
    .await;
    assert!(left.iter().all(|d| d.dispute.id != "D-console"));
    desk.sync().await;
    let view = desk.with_store(|s| s.reconcile("B001", month).unwrap());
    let answered = view
        .disputes
        .iter()
        .find(|d| d.record.id == "D-console")
        .unwrap();
    assert_eq!(answered.record.status, DisputeStatus::Rejected);
    assert!(answered.record.answer.as_deref().unwrap().contains("无误"));

    // This month is not over; last month is.
    let today = domain::clock::shanghai_date(now());
    let refused = call(Method::POST, paths::CONSOLE_STATEMENTS_PUBLISH)
        .json(&StatementMonth { month: today })
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = refused.json().await.unwrap();
    assert!(
        body["message"].as_str().unwrap().contains("尚未结束"),
        "{body}"
    );
    let published: StatementsPublished = answer(
        call(Method::POST, paths::CONSOLE_STATEMENTS_PUBLISH).json(&StatementMonth { month }),
    )
    .await;
    assert!(published.statements > 0, "{published:?}");

    let compliance = access_token(&api, "compliance01").await;
    let day = today.to_string();
    let log: Vec<StaffAction> = answer(
        http.get(format!("{base}{}", paths::CONSOLE_ACTIONS))
            .header(VERSION_HEADER, PROTOCOL_VERSION.to_string())
            .bearer_auth(&compliance)
            .query(&[("from", &day), ("until", &day)]),
    )
    .await;
    let actions: Vec<&str> = log.iter().map(|a| a.action.as_str()).collect();
    assert!(
        actions.contains(&"答复佣金异议") && actions.contains(&"发布佣金结算单"),
        "{actions:?}"
    );
}

/// Finance corrects what one of broker01's trades was charged: a figure outside the trade's
/// limits is refused saying which, the month's statement published again carries it to the
/// desk, and the log has the old and new figures.
#[tokio::test(flavor = "multi_thread")]
async fn finance_corrects_a_trade_s_commission_within_its_limits() {
    use domain::Fen;
    use protocol::console::{TradeCharge, TradeCommissionCorrection};
    use store::{LineSource, TradeFilter};
    use system_tests::console::Console;

    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let finance = access_token(&api, "finance01").await;
    let desk = TestDesk::synced(&base, "broker01").await;
    let month = crate::commission::published_months()[0];
    let trade = desk.with_store(|s| {
        s.commission_trades("B001", month, &TradeFilter::default())
            .unwrap()
            .into_iter()
            .find(|t| t.source == LineSource::Book && t.commission > Fen(600))
            .expect("a trade above the minimum")
    });
    let charged: TradeCharge = console
        .read(
            &finance,
            paths::CONSOLE_TRADE_CHARGE,
            &[("trade_id", &trade.trade_id)],
        )
        .await;
    assert_eq!(charged.commission, trade.commission);
    assert_eq!(charged.broker_id, "B001");
    let missing = console
        .get(
            &finance,
            paths::CONSOLE_TRADE_CHARGE,
            &[("trade_id", "T-NONE")],
        )
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);

    let correction = |commission: Fen, reason: &str| TradeCommissionCorrection {
        trade_id: trade.trade_id.clone(),
        commission,
        reason: reason.into(),
    };
    let why = "客户佣金率已于当月下调，按新佣金率更正";
    let ceiling = domain::fees::commission_ceiling(charged.amount);
    for (bad, refusal) in [
        (correction(ceiling + Fen(1), why), "0.3%"),
        (
            correction(charged.included_fees - Fen(1), why),
            "经手费与证管费",
        ),
        (correction(charged.commission, why), "无需更正"),
        (
            correction(charged.commission + Fen(100), ""),
            "更正佣金原因",
        ),
    ] {
        console
            .refuses(&finance, paths::CONSOLE_TRADE_CORRECTION, &bad, refusal)
            .await;
    }
    let corrected: TradeCharge = console
        .ok(
            &finance,
            paths::CONSOLE_TRADE_CORRECTION,
            &correction(charged.commission + Fen(100), why),
        )
        .await;
    assert_eq!(corrected.commission, charged.commission + Fen(100));
    assert_eq!(corrected.net_commission, charged.net_commission + Fen(100));

    // Published again, the month's statement carries the corrected figure: the desk, which
    // reckons each trade by the client's own rate, now shows exactly this trade ¥1.00 apart.
    let _: StatementsPublished = console
        .ok(
            &finance,
            paths::CONSOLE_STATEMENTS_PUBLISH,
            &StatementMonth { month },
        )
        .await;
    desk.sync().await;
    let view = desk.with_store(|s| s.reconcile("B001", month).unwrap());
    assert_eq!(view.differences.len(), 1, "{:?}", view.differences);
    let d = &view.differences[0];
    assert_eq!(d.trade_id, trade.trade_id);
    assert_eq!(d.official_net.unwrap() - d.desk_net.unwrap(), Fen(100));

    let compliance = access_token(&api, "compliance01").await;
    let day = domain::clock::shanghai_date(now());
    let log = console.operation_log(&compliance, day, day).await;
    let lines: Vec<&StaffAction> = log.iter().filter(|a| a.action == "更正成交佣金").collect();
    assert_eq!(lines.len(), 1, "refusals are not logged: {lines:?}");
    assert_eq!(lines[0].subject, trade.trade_id);
    assert!(
        lines[0].detail.contains(&charged.commission.to_string())
            && lines[0].detail.contains(&corrected.commission.to_string())
            && lines[0].detail.contains(why),
        "{}",
        lines[0].detail
    );
}
