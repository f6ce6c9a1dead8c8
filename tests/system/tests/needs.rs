//! Needs analysis (客户需求分析) across the wire: the broker fills it in offline, head office's call
//! centre changes other answers meanwhile; the sync merges them field by field, a clash on one
//! answer becomes a conflict, and every version is kept with who made it. The answers then pick
//! clients in the list and as recipients of a push.

use head_office_storage::Storage;
use protocol::ClientPreferences;
use store::{ClientQuery, PreferencesView};
use system_tests::{now, small_firm, TestDesk, TestHeadOffice, TODAY};

use domain::needs::{InvestmentGoal, InvestmentHorizon, ProductInterest};

fn needs(goal: &str, horizon: &str, products: &[&str]) -> PreferencesView {
    PreferencesView {
        investment_goal: Some(goal.into()),
        horizon: Some(horizon.into()),
        products_of_interest: products.iter().map(|p| p.to_string()).collect(),
        ..PreferencesView::default()
    }
}

fn matching(desk: &TestDesk, query: ClientQuery) -> Vec<String> {
    desk.with_store(|s| {
        let query = ClientQuery {
            limit: 1_000,
            ..query
        };
        s.list_clients(&query, TODAY)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.id)
            .collect()
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn needs_merge_by_answer_keep_every_version_and_pick_clients() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let client = desk.first_client();
    let broker = head_office
        .storage
        .user_by_username("broker01")
        .unwrap()
        .unwrap();
    // The demo firm asked most clients already: this test starts from a blank profile.
    head_office
        .storage
        .set_preferences(&client, &ClientPreferences::default(), now())
        .unwrap();
    desk.sync().await;
    let earlier = desk
        .with_store(|s| s.profile_history(&client).unwrap())
        .len();

    // Offline, the broker records what the client wants...
    desk.store
        .lock()
        .unwrap()
        .update_preferences(
            "m-needs-1".into(),
            &client,
            &needs("steady_growth", "3y_to_5y", &["bond", "fund"]),
            now(),
        )
        .unwrap();
    let shown = desk.with_store(|s| s.preferences(&client).unwrap());
    assert!(shown.pending, "the edit shows at once, waiting to be sent");
    assert_eq!(
        shown.products_of_interest,
        ["fund", "bond"],
        "in the form's order"
    );
    // ...while the call centre learns the family situation and a shorter horizon.
    let mut theirs = head_office.storage.preferences(&client).unwrap();
    theirs.family_stage = Some("retired".into());
    theirs.horizon = Some("1y_to_3y".into());
    head_office
        .storage
        .set_preferences(&client, &theirs, now())
        .unwrap();

    desk.sync().await;

    let merged = head_office.storage.preferences(&client).unwrap();
    assert_eq!(
        merged,
        ClientPreferences {
            investment_goal: Some("steady_growth".into()),
            horizon: Some("1y_to_3y".into()),
            products_of_interest: Some("fund,bond".into()),
            family_stage: Some("retired".into()),
            ..ClientPreferences::default()
        },
        "each side's answer kept; on the clash head office's stands"
    );
    let shown = desk.with_store(|s| s.preferences(&client).unwrap());
    assert!(!shown.pending);
    assert_eq!(shown.horizon.as_deref(), Some("1y_to_3y"));
    assert_eq!(shown.family_stage.as_deref(), Some("retired"));
    let conflicts = desk.with_store(|s| s.conflicts().unwrap());
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(conflicts[0].field, "horizon");
    assert_eq!(conflicts[0].mine.as_deref(), Some("3y_to_5y"));

    // Who changed what, when: head office first, then the broker's merged edit.
    let history = desk.with_store(|s| s.profile_history(&client).unwrap());
    assert_eq!(history.len(), earlier + 2, "{history:?}");
    assert_eq!(history[0].changed_by, broker.display_name);
    assert_eq!(history[0].changed_at.date_naive(), TODAY);
    let fields: Vec<&str> = history[0]
        .changes
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert_eq!(fields, ["investment_goal", "products_of_interest"]);
    assert_eq!(history[1].changed_by, "总部");
    assert!(history[0].version > history[1].version);

    // The broker keeps their horizon: a third version, and the conflict is gone.
    let conflict = &conflicts[0];
    desk.store
        .lock()
        .unwrap()
        .resolve_conflict(
            &conflict.mutation_id,
            "horizon",
            true,
            "m-needs-2".into(),
            now(),
        )
        .unwrap();
    desk.sync().await;
    let history = desk.with_store(|s| s.profile_history(&client).unwrap());
    assert_eq!(history.len(), earlier + 3);
    assert_eq!(history[0].changes[0].after.as_deref(), Some("3y_to_5y"));
    assert!(desk.with_store(|s| s.conflicts().unwrap()).is_empty());

    // The answers pick clients: 稳健增值 with three years or more finds this client among
    // others who answered alike (the demo firm's); 5 years or more, another goal or another
    // product leaves it out. Every client found answered as asked.
    let goal = |g| ClientQuery {
        goals: Some(vec![g]),
        horizon_at_least: Some(InvestmentHorizon::ThreeToFiveYears),
        ..ClientQuery::default()
    };
    let found = matching(&desk, goal(InvestmentGoal::SteadyGrowth));
    assert!(found.contains(&client));
    for id in &found {
        let p = desk.with_store(|s| s.preferences(id).unwrap());
        assert_eq!(p.investment_goal.as_deref(), Some("steady_growth"));
        assert!(matches!(p.horizon.as_deref(), Some("3y_to_5y" | "over_5y")));
    }
    let others = desk.with_store(|s| {
        s.list_clients(&ClientQuery::default(), TODAY)
            .unwrap()
            .total
    });
    assert!((found.len() as u64) < others, "the filter narrows the book");
    assert!(!matching(&desk, goal(InvestmentGoal::Legacy)).contains(&client));
    let longer = ClientQuery {
        horizon_at_least: Some(InvestmentHorizon::OverFiveYears),
        ..goal(InvestmentGoal::SteadyGrowth)
    };
    assert!(!matching(&desk, longer).contains(&client));
    let interested = |p| ClientQuery {
        interested_in: Some(p),
        ..ClientQuery::default()
    };
    let bonds = matching(&desk, interested(ProductInterest::Bond));
    assert!(bonds.contains(&client));
    for id in &bonds {
        let p = desk.with_store(|s| s.preferences(id).unwrap());
        assert!(
            p.products_of_interest.contains(&"bond".to_string()),
            "{id}: {p:?}"
        );
    }
    assert!(!matching(&desk, interested(ProductInterest::Equity)).contains(&client));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_answer_that_is_not_a_choice_is_refused_in_chinese_and_nothing_changes() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let desk = TestDesk::synced(&head_office.base_url(), "broker01").await;
    let client = desk.first_client();
    let saved = needs("retirement", "over_5y", &["bond"]);
    let mut store = desk.store.lock().unwrap();
    store
        .update_preferences("m-ok".into(), &client, &saved, now())
        .unwrap();

    let err = store
        .update_preferences(
            "m-bad".into(),
            &client,
            &needs("retirement", "forever", &["bond"]),
            now(),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "投资期限的取值“forever”无法识别，请从列表中选择"
    );
    let err = store
        .update_preferences(
            "m-bad-2".into(),
            &client,
            &needs("retirement", "over_5y", &["bond", "crypto"]),
            now(),
        )
        .unwrap_err();
    assert!(err.to_string().contains("感兴趣的产品"), "{err}");
    let shown = store.preferences(&client).unwrap();
    assert_eq!(shown.horizon.as_deref(), Some("over_5y"));
    assert_eq!(shown.products_of_interest, ["bond"]);
    drop(store);

    // Head office refuses the same, whoever sends it.
    let bad = ClientPreferences {
        investment_goal: Some("get_rich".into()),
        ..ClientPreferences::default()
    };
    let err = head_office
        .storage
        .set_preferences(&client, &bad, now())
        .unwrap_err();
    assert!(err.to_string().contains("投资目标"), "{err}");
}
