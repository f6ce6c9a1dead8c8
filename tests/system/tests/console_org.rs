//! The firm's tree reshaped in head office's console: 经纪业务管理部 (hq01) adds a team under a
//! branch, moves a broker into it, moves the team to another branch and closes it once empty.
//! Leads' dashboards follow the tree at their next read, the rules refuse what would break it
//! (with a message saying what to do), and compliance reads every change with its reason.

use protocol::broker_force::{NewOrgUnit, OrgChanged, Placement, UnitClosure, UnitMove};
use protocol::console::{StaffAction, StaffDirectory};
use protocol::paths;
use protocol::team::TeamDashboard;
use reqwest::StatusCode;
use sync::HeadOffice;
use system_tests::console::Console;
use system_tests::{access_token, now, small_firm, TestHeadOffice, TODAY};

/// The brokers anywhere under the caller's unit, by their dashboard's tree.
async fn brokers_seen(console: &Console, token: &str) -> Vec<String> {
    let board: TeamDashboard = console.read(token, paths::TEAM_DASHBOARD, &[]).await;
    let mut out = Vec::new();
    let mut stack = vec![board.tree];
    while let Some(node) = stack.pop() {
        out.extend(node.brokers.into_iter().map(|b| b.id));
        stack.extend(node.children);
    }
    out
}

fn moved(unit: &str, parent: &str) -> UnitMove {
    UnitMove {
        unit_id: unit.into(),
        parent_id: parent.into(),
        reason: "营业部间团队调整".into(),
    }
}

fn placed(username: &str, unit: &str) -> Placement {
    Placement {
        username: username.into(),
        unit_id: unit.into(),
        reason: "按渠道重新分组".into(),
    }
}

fn closing(unit: &str) -> UnitClosure {
    UnitClosure {
        unit_id: unit.into(),
        reason: "团队并入财富管理一组".into(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_manager_reshapes_the_tree_and_leads_dashboards_follow() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let api = HeadOffice::new(&base).unwrap();
    let console = Console::new(&base);
    let hq = access_token(&api, "hq01").await;
    let lead01 = access_token(&api, "lead01").await;
    let manager01 = access_token(&api, "manager01").await;
    let manager02 = access_token(&api, "manager02").await;
    // broker07 (B007) is in lead01's team TM01, under manager01's BR01.
    assert!(brokers_seen(&console, &lead01)
        .await
        .contains(&"B007".into()));

    let team = NewOrgUnit {
        id: "TM07".into(),
        parent_id: "BR01".into(),
        name: "财富管理三组".into(),
    };
    let _: OrgChanged = console.ok(&hq, paths::CONSOLE_UNITS, &team).await;
    for (bad, why) in [
        (team.clone(), "已存在"),
        (
            NewOrgUnit {
                parent_id: "NOPE".into(),
                id: "TM08".into(),
                ..team.clone()
            },
            "不存在",
        ),
        (
            NewOrgUnit {
                id: "TM 8".into(),
                ..team.clone()
            },
            "字母或数字",
        ),
    ] {
        let (status, message) = console.refused(&hq, paths::CONSOLE_UNITS, &bad).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        assert!(message.contains(why), "{message}");
    }

    // broker07 moves into the new team: out of lead01's dashboard, still in manager01's.
    let (status, message) = console
        .refused(
            &hq,
            paths::CONSOLE_PLACEMENT,
            &Placement {
                reason: "".into(),
                ..placed("broker07", "TM07")
            },
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("调动原因"), "{message}");
    let _: OrgChanged = console
        .ok(&hq, paths::CONSOLE_PLACEMENT, &placed("broker07", "TM07"))
        .await;
    assert!(!brokers_seen(&console, &lead01)
        .await
        .contains(&"B007".into()));
    assert!(brokers_seen(&console, &manager01)
        .await
        .contains(&"B007".into()));

    // The team, with broker07, moves to manager02's branch; a branch never goes under its own team.
    let _: OrgChanged = console
        .ok(&hq, paths::CONSOLE_UNIT_MOVE, &moved("TM07", "BR02"))
        .await;
    assert!(!brokers_seen(&console, &manager01)
        .await
        .contains(&"B007".into()));
    assert!(brokers_seen(&console, &manager02)
        .await
        .contains(&"B007".into()));
    for (bad, why) in [
        (moved("BR02", "TM07"), "下属单位"),
        (moved("HQ", "BR01"), "根单位"),
        (moved("TM07", "BR02"), "无需调整"),
    ] {
        let (status, message) = console.refused(&hq, paths::CONSOLE_UNIT_MOVE, &bad).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        assert!(message.contains(why), "{message}");
    }

    // Closed only once nobody active is left; then nobody is placed in it, nor a unit under it.
    let (status, message) = console
        .refused(&hq, paths::CONSOLE_UNIT_CLOSE, &closing("TM07"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("1 位在用人员"), "{message}");
    let _: OrgChanged = console
        .ok(&hq, paths::CONSOLE_PLACEMENT, &placed("broker07", "TM01"))
        .await;
    let closed: OrgChanged = console
        .ok(&hq, paths::CONSOLE_UNIT_CLOSE, &closing("TM07"))
        .await;
    assert!(
        closed.message.contains(&TODAY.to_string()),
        "{}",
        closed.message
    );
    assert!(brokers_seen(&console, &lead01)
        .await
        .contains(&"B007".into()));
    let directory: StaffDirectory = console.read(&hq, paths::CONSOLE_STAFF, &[]).await;
    let tm07 = directory.units.iter().find(|u| u.id == "TM07").unwrap();
    assert_eq!(tm07.closed_on, Some(TODAY));
    assert_eq!(tm07.parent_id.as_deref(), Some("BR02"));
    let (_, message) = console
        .refused(&hq, paths::CONSOLE_PLACEMENT, &placed("broker07", "TM07"))
        .await;
    assert!(message.contains("已撤销"), "{message}");
    let (_, message) = console
        .refused(
            &hq,
            paths::CONSOLE_UNITS,
            &NewOrgUnit {
                id: "TM09".into(),
                parent_id: "TM07".into(),
                name: "财富管理四组".into(),
            },
        )
        .await;
    assert!(message.contains("已撤销"), "{message}");
    let (status, _) = console
        .refused(&lead01, paths::CONSOLE_UNIT_CLOSE, &closing("TM01"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Compliance reads each change, with who made it and why.
    let compliance = access_token(&api, "compliance01").await;
    let day = domain::clock::shanghai_date(now()).to_string();
    let log: Vec<StaffAction> = console
        .read(
            &compliance,
            paths::CONSOLE_ACTIONS,
            &[("from", &day), ("until", &day)],
        )
        .await;
    let actions: Vec<(&str, &str)> = log
        .iter()
        .filter(|a| a.user_id == "H01")
        .map(|a| (a.action.as_str(), a.subject.as_str()))
        .collect();
    for expected in [
        ("新建单位", "TM07"),
        ("人员调动", "broker07"),
        ("调整单位", "TM07"),
        ("撤销单位", "TM07"),
    ] {
        assert!(actions.contains(&expected), "{expected:?} in {actions:?}");
    }
    let closure = log.iter().find(|a| a.action == "撤销单位").unwrap();
    assert!(
        closure.detail.contains("并入财富管理一组"),
        "{}",
        closure.detail
    );

    // Narrowed by words (every one must appear), and exported as the list shows it.
    let span = [("from", day.as_str()), ("until", day.as_str())];
    let narrowed: Vec<StaffAction> = console
        .read(
            &compliance,
            paths::CONSOLE_ACTIONS,
            &[span[0], span[1], ("q", "tm07 撤销")],
        )
        .await;
    assert_eq!(narrowed.len(), 1, "{narrowed:?}");
    assert_eq!(narrowed[0].action, "撤销单位");
    let none: Vec<StaffAction> = console
        .read(
            &compliance,
            paths::CONSOLE_ACTIONS,
            &[span[0], span[1], ("q", "TM07 开立账号")],
        )
        .await;
    assert!(none.is_empty(), "{none:?}");
    let response = console
        .get(
            &compliance,
            paths::CONSOLE_ACTIONS_XLSX,
            &[span[0], span[1], ("q", "TM07")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = response.bytes().await.unwrap();
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let sheet = calamine::Reader::worksheet_range(&mut book, "操作日志").unwrap();
    let mut exported: Vec<String> = sheet.rows().skip(3).map(|r| r[4].to_string()).collect();
    // Only what mentions TM07. (The test's clock stands still, so all four share one instant and
    // their order among themselves is not the test's to check.)
    exported.sort();
    let mut expected = ["新建单位", "人员调动", "调整单位", "撤销单位"];
    expected.sort();
    assert_eq!(exported, expected);

    // A year may be exported, but not listed at once.
    let year_ago = (TODAY - chrono::Days::new(300)).to_string();
    let year = [("from", year_ago.as_str()), span[1]];
    let listed = console
        .get(&compliance, paths::CONSOLE_ACTIONS, &year)
        .await;
    assert_eq!(listed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let exported_year = console
        .get(&compliance, paths::CONSOLE_ACTIONS_XLSX, &year)
        .await;
    assert_eq!(exported_year.status(), StatusCode::OK);
}
