//! 考核's satisfaction measure from head office's own return visits: customer service records
//! two scored visits to broker01's clients this month, and the month's appraisal board has them
//! in broker01's figures and scores broker01's satisfaction as their average.

use domain::appraisal::{AppraisalScheme, Appraised, Measure};
use protocol::broker_force::{AppraisalBoard, BrokerAppraisal};
use protocol::paths;
use protocol::relationships::ClientOwnership;
use protocol::service::{NewReturnVisit, ServiceCaseRecord};
use sync::HeadOffice;
use system_tests::console::Console;
use system_tests::{access_token, small_firm, TestHeadOffice, TODAY};

fn broker01(board: &AppraisalBoard) -> &BrokerAppraisal {
    board
        .cohorts
        .iter()
        .flat_map(|c| &c.brokers)
        .find(|b| b.card.broker_id == "B001")
        .expect("broker01 is appraised")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_month_s_return_visits_score_the_broker_s_satisfaction() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;
    let service = access_token(&api, "service01").await;

    let before: AppraisalBoard = console.read(&hq, paths::CONSOLE_APPRAISAL, &[]).await;
    let (visits, points) = {
        let f = &broker01(&before).figures;
        (f.scored_visits, f.satisfaction_points)
    };
    let clients: Vec<ClientOwnership> = console
        .read(&hq, paths::CONSOLE_CLIENTS, &[("q", "C0000001")])
        .await;
    assert_eq!(clients[0].serving_broker_id, "B001");
    for (score, words) in [(5, "经纪人很专业"), (2, "电话总打不通")] {
        let visit = NewReturnVisit {
            client_id: clients[0].client_id.clone(),
            visited_on: TODAY,
            purpose: "服务回访".into(),
            result: "已完成满意度调查".into(),
            satisfaction: Some(score),
            client_words: Some(words.into()),
            by: "客服中心".into(),
        };
        let _: ServiceCaseRecord = console.ok(&service, paths::SERVICE_VISITS, &visit).await;
    }

    let after: AppraisalBoard = console.read(&hq, paths::CONSOLE_APPRAISAL, &[]).await;
    let b = broker01(&after);
    assert_eq!(b.figures.scored_visits, visits + 2);
    assert_eq!(b.figures.satisfaction_points, points + 7);
    let total = points + 7;
    let count = visits + 2;
    let average_tenths = (total * 20 + count) / (count * 2);
    // Every level of the demo firm weighs it, so broker01's card scores it.
    let part = b
        .card
        .parts
        .iter()
        .find(|p| p.measure == Measure::Satisfaction)
        .expect("broker01's level weighs satisfaction");
    assert_eq!(part.figure, i64::from(average_tenths));
    // The firm's default scheme weighs it.
    assert!(AppraisalScheme::firm_default(Appraised::Level("X".into()))
        .weights
        .iter()
        .any(|w| w.measure == Measure::Satisfaction && w.percent > 0));
}
