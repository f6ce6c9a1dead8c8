//! What head office's console reads, over HTTP as the console's roles: the staff directory, the
//! access log of reveals and exports a desk sent, and the pay plans with who each pays.

use domain::{AccessAction, SensitiveField};
use protocol::console::{AccessAuditEntry, PayPlanOverview, StaffDirectory};
use protocol::{paths, Role};
use reqwest::StatusCode;
use store::WriteIds;
use sync::HeadOffice;
use system_tests::console::Console;
use system_tests::{access_token, now, small_firm, TestDesk, TestHeadOffice, TODAY};

#[tokio::test(flavor = "multi_thread")]
async fn the_console_reads_the_firm_as_head_office_keeps_it() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);

    // 经纪业务管理部 sees the whole tree, every account placed in a unit of it.
    let hq = access_token(&api, "hq01").await;
    let staff: StaffDirectory = console.read(&hq, paths::CONSOLE_STAFF, &[]).await;
    let root: Vec<_> = staff
        .units
        .iter()
        .filter(|u| u.parent_id.is_none())
        .collect();
    assert_eq!(root.len(), 1);
    assert!(staff
        .people
        .iter()
        .all(|p| staff.units.iter().any(|u| u.id == p.unit_id)));
    let broker01 = staff.people.iter().find(|p| p.user_id == "B001").unwrap();
    assert_eq!(broker01.role, Role::Broker);
    assert!(staff.people.iter().any(|p| p.role == Role::Compliance));

    // 经纪业务管理部's summary report is the whole firm, branch by branch.
    let report: protocol::team::TeamDashboard = console.read(&hq, paths::TEAM_DASHBOARD, &[]).await;
    assert_eq!(report.unit_id, root[0].id);
    let active = staff
        .people
        .iter()
        .filter(|p| p.role == Role::Broker && !p.disabled)
        .count() as u32;
    assert_eq!(report.totals.brokers, active);
    let branches = staff
        .units
        .iter()
        .filter(|u| u.parent_id.as_deref() == Some(root[0].id.as_str()))
        .count();
    assert_eq!(report.rows.len(), branches);

    // The same report as a workbook: a row per branch, then the firm's total.
    let file = console.get(&hq, paths::CONSOLE_REPORT_XLSX, &[]).await;
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(
        file.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let bytes = file.bytes().await.unwrap();
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let sheet = calamine::Reader::worksheet_range(&mut book, "汇总报表").unwrap();
    let names: Vec<String> = sheet.rows().skip(3).map(|r| r[1].to_string()).collect();
    let mut expected: Vec<String> = report.rows.iter().map(|r| r.name.clone()).collect();
    expected.push("合计".into());
    assert_eq!(names, expected);
    let total = match &sheet.rows().next_back().unwrap()[7] {
        calamine::Data::Float(yuan) => *yuan,
        other => panic!("the total's net commission is {other:?}"),
    };
    assert_eq!(
        (total * 100.0).round() as i64,
        report.totals.net_commission.0,
        "the total's net commission, to the fen"
    );

    // 财务: every active broker is paid by a plan or counted as having none.
    let finance = access_token(&api, "finance01").await;
    let pay: PayPlanOverview = console.read(&finance, paths::CONSOLE_PAY_PLANS, &[]).await;
    let brokers = staff
        .people
        .iter()
        .filter(|p| p.role == Role::Broker && !p.disabled)
        .count() as u32;
    let paid: u32 = pay.plans.iter().map(|p| p.brokers).sum();
    assert_eq!(paid + pay.unassigned_brokers, brokers);
    assert!(paid > 0, "the demo firm pays its brokers: {pay:?}");

    // 合规: a reveal on broker01's desk is in the day's log once the desk has synced.
    let desk = TestDesk::synced(&base, "broker01").await;
    let client = desk.first_client();
    let ids = WriteIds {
        mutation_id: "m-console-reveal".into(),
        record_id: "A-console-reveal".into(),
    };
    desk.store
        .lock()
        .unwrap()
        .reveal(
            ids,
            &client,
            SensitiveField::IdNumber,
            "客户办理业务核对身份",
            now(),
        )
        .unwrap();
    desk.sync().await;
    let compliance = access_token(&api, "compliance01").await;
    let day = domain::clock::shanghai_date(now()).to_string();
    let span = [("from", day.as_str()), ("until", day.as_str())];
    let log: Vec<AccessAuditEntry> = console
        .read(&compliance, paths::CONSOLE_ACCESS_LOG, &span)
        .await;
    let entry = log.iter().find(|e| e.id == "A-console-reveal").unwrap();
    assert_eq!(entry.username, "broker01");
    assert_eq!(entry.action, AccessAction::Reveal);
    assert_eq!(entry.field, Some(SensitiveField::IdNumber));
    assert_eq!(entry.client_id.as_deref(), Some(client.as_str()));

    // A span the reviewer cannot read at once is refused, saying what to do instead.
    let today = TODAY.to_string();
    let year = [("from", "2025-01-01"), ("until", today.as_str())];
    let refused = console
        .get(&compliance, paths::CONSOLE_ACCESS_LOG, &year)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert!(
        body["message"].as_str().unwrap().contains("92 天"),
        "{body}"
    );
    let backwards = [("from", day.as_str()), ("until", "2020-01-01")];
    let refused = console
        .get(&compliance, paths::CONSOLE_ACCESS_LOG, &backwards)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
