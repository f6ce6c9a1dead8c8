//! The client 360° across the wire: head office's transfers, service cases, relations, tags and
//! firm policy reach the desk; the desk's reveals and exports reach head office's audit log.

use chrono::Duration;
use domain::{AccessAction, FirmPolicy, SensitiveField};
use head_office_storage::Storage;
use store::{ClientQuery, WriteIds};
use system_tests::now;
use system_tests::{small_firm, TestDesk, TestHeadOffice, TODAY};

#[tokio::test(flavor = "multi_thread")]
async fn head_office_360_data_and_policy_reach_the_desk() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let mut policy = FirmPolicy {
        dormant_months: 3,
        ..FirmPolicy::default()
    };
    policy.tiers.window_months = 3;
    head_office.storage.set_firm_policy(&policy).unwrap();
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;

    assert_eq!(desk.with_store(|s| s.firm_policy().unwrap()), policy);
    let (transfers, cases, relations, tagged) = desk.with_store(|s| {
        let mut found = (0, 0, 0, 0);
        let page = s
            .list_clients(
                &ClientQuery {
                    limit: 1_000,
                    ..Default::default()
                },
                TODAY,
            )
            .unwrap();
        for row in &page.rows {
            let p = s.client_profile(&row.id, TODAY).unwrap().unwrap();
            assert!(
                !p.serving_broker_name.is_empty(),
                "names come from head office"
            );
            found.0 += p.cash_transfers.len();
            found.1 += p.service_cases.len();
            found.2 += p.relations.len();
            found.3 += usize::from(!p.tags.is_empty());
            assert_eq!(p.asset_months.len(), 24);
        }
        found
    });
    assert!(transfers > 100, "transfers: {transfers}");
    assert!(cases > 10, "service cases: {cases}");
    assert!(relations > 2, "relations: {relations}");
    assert!(tagged > 10, "tagged clients: {tagged}");
}

#[tokio::test(flavor = "multi_thread")]
async fn reveals_and_exports_reach_the_audit_log_at_head_office() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let client = desk.first_client();
    let started = now() - Duration::seconds(1);
    {
        let mut store = desk.store.lock().unwrap();
        let ids = |n: u32| WriteIds {
            mutation_id: format!("m-audit-{n}"),
            record_id: format!("A-audit-{n}"),
        };
        store
            .reveal(
                ids(1),
                &client,
                SensitiveField::Mobile,
                "客户来电更新联系方式",
                now(),
            )
            .unwrap();
        store
            .record_export(
                ids(2),
                "月度回访名单",
                "导出客户名单 150 条（XLSX，个人信息已脱敏）",
                now(),
            )
            .unwrap();
    }
    desk.sync().await;

    let entries = head_office
        .storage
        .audit_entries(started, now() + Duration::seconds(1))
        .unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].username, "broker01");
    assert_eq!(entries[0].action, AccessAction::Reveal);
    assert_eq!(entries[0].client_id.as_deref(), Some(client.as_str()));
    assert_eq!(entries[0].field, Some(SensitiveField::Mobile));
    assert_eq!(entries[0].reason, "客户来电更新联系方式");
    assert_eq!(entries[1].action, AccessAction::Export);
    // Head-office IT's export of the day holds both, in Chinese.
    let today = domain::clock::shanghai_date(now());
    let day = head_office::audit::entries_in(head_office.storage.as_ref(), today, today).unwrap();
    let csv = head_office::audit::to_csv(&day);
    assert!(csv.contains("broker01,查看"), "{csv}");
    assert!(csv.contains("手机号,客户来电更新联系方式"), "{csv}");
    assert!(csv.contains("导出"), "{csv}");
    let log = desk.with_store(|s| s.access_log(None, 10).unwrap());
    assert!(
        log.iter().all(|e| !e.pending),
        "settled entries are marked as received"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_monthly_tier_run_follows_head_office_bands_and_reaches_the_desk() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let diamonds = |desk: &TestDesk| {
        desk.with_store(|s| {
            let query = ClientQuery {
                tiers: vec![domain::Tier::Diamond],
                ..Default::default()
            };
            s.list_clients(&query, TODAY).unwrap().total
        })
    };
    let before = diamonds(&desk);
    // The firm lowers the diamond band tenfold: more clients become diamond at the next run.
    let mut policy = FirmPolicy::default();
    policy.tiers.bands.diamond_from = domain::Fen::from_yuan(1_000_001);
    let storage = &head_office.storage;
    storage.set_firm_policy(&policy).unwrap();
    let changed = storage.recompute_tiers().unwrap();
    assert!(changed > 0);
    assert_eq!(
        storage.recompute_tiers().unwrap(),
        0,
        "a second run changes nothing"
    );
    let report = desk.sync().await;
    assert!(report.pulled as usize >= 1 && report.pulled as usize <= changed);
    assert!(diamonds(&desk) > before, "{} → {}", before, diamonds(&desk));

    let mut nonsense = FirmPolicy::default();
    nonsense.tiers.bands.gold_from = domain::Fen::ZERO;
    let refused = storage.set_firm_policy(&nonsense).unwrap_err().to_string();
    assert!(refused.contains("逐级升高"), "{refused}");
}
