//! The palette's client search over a real encrypted cache: what matched and how well, the
//! clients opened lately first, and text it refuses.

use crate::common::{book, now};
use chrono::Duration;
use store::{MatchStrength, PaletteMatch, Store, StoreError};

fn found(store: &Store, text: &str) -> Vec<(String, PaletteMatch, MatchStrength)> {
    store
        .palette_clients(text)
        .unwrap()
        .into_iter()
        .map(|c| (c.name, c.matched, c.strength))
        .collect()
}

fn names(store: &Store, text: &str) -> Vec<String> {
    found(store, text).into_iter().map(|(n, _, _)| n).collect()
}

#[test]
fn each_key_matches_and_says_how() {
    let dir = tempfile::tempdir().unwrap();
    let store = book(dir.path());
    use MatchStrength::*;
    use PaletteMatch::*;
    assert_eq!(
        found(&store, "zw"),
        [
            ("张伟".to_string(), Initials, Exact),
            ("张卫东".to_string(), Initials, Prefix)
        ],
        "the whole initials first, then those they begin"
    );
    assert_eq!(
        found(&store, "weidong"),
        [("张卫东".to_string(), Pinyin, Contains)]
    );
    assert_eq!(
        found(&store, "ZhangWei")[0],
        ("张伟".to_string(), Pinyin, Exact)
    );
    assert_eq!(
        found(&store, "张卫东"),
        [("张卫东".to_string(), Name, Exact)]
    );
    assert_eq!(found(&store, "张")[0].2, Prefix);
    assert_eq!(
        found(&store, "卫东"),
        [("张卫东".to_string(), Name, Contains)]
    );
    assert_eq!(
        found(&store, "310000004003"),
        [("单杰".to_string(), Account, Exact)]
    );
    assert_eq!(
        found(&store, "5678"),
        [
            ("单杰".to_string(), Phone, Prefix),
            ("张伟".to_string(), Phone, Prefix)
        ],
        "a phone tail, in pinyin order (shan before zhang)"
    );
    assert!(found(&store, "%").is_empty(), "LIKE wildcards are literal");
    assert!(found(&store, "xyzxyz").is_empty());
}

#[test]
fn clients_opened_lately_come_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = book(dir.path());
    assert!(
        store.palette_clients("").unwrap().is_empty(),
        "nothing opened yet"
    );
    store.note_client_opened("C0000002", now()).unwrap();
    store
        .note_client_opened("C0000004", now() + Duration::minutes(5))
        .unwrap();
    let recent = store.palette_clients("  ").unwrap();
    assert_eq!(
        recent.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["李娜", "张卫东"],
        "latest first"
    );
    assert!(recent.iter().all(|c| c.matched == PaletteMatch::Recent));
    assert_eq!(recent[0].opened_at, Some(now() + Duration::minutes(5)));
    assert_eq!(recent[0].mobile_masked, "150****2222");
    // 张卫东 only begins with zw, but was opened: before 张伟, whose initials are zw exactly.
    assert_eq!(names(&store, "zw"), ["张卫东", "张伟"]);
    // Opening again moves a client up; a client not in the book is not offered.
    store
        .note_client_opened("C0000002", now() + Duration::minutes(9))
        .unwrap();
    store.note_client_opened("C9999999", now()).unwrap();
    assert_eq!(names(&store, ""), ["张卫东", "李娜"]);
}

#[test]
fn the_recent_list_keeps_the_latest_fifty() {
    let dir = tempfile::tempdir().unwrap();
    let store = book(dir.path());
    store.note_client_opened("C0000001", now()).unwrap();
    for i in 0..60 {
        store
            .note_client_opened(&format!("X{i:03}"), now() + Duration::minutes(i + 1))
            .unwrap();
    }
    // 张伟 was the oldest of 61 opened: forgotten, though still in the book.
    assert!(store.palette_clients("").unwrap().is_empty());
    assert_eq!(names(&store, "zw"), ["张伟", "张卫东"]);
}

#[test]
fn a_pasted_paragraph_is_refused_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let store = book(dir.path());
    let long = "客户".repeat(30);
    match store.palette_clients(&long) {
        Err(StoreError::Invalid(message)) => assert!(message.contains("搜索内容过长"), "{message}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
}
