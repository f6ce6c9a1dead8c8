//! A pull page as the desk receives it from head office (`GET /api/v1/feed`): any bytes must decode
//! to a page or fail cleanly, and a page that decodes must survive a round trip through JSON
//! unchanged, since the desk and head office share these types and nothing else.

#![no_main]

use libfuzzer_sys::fuzz_target;
use protocol::PullPage;

fuzz_target!(|data: &[u8]| {
    let Ok(page) = serde_json::from_slice::<PullPage>(data) else {
        return;
    };
    for change in &page.changes {
        // What the desk reads off every change before applying it.
        let _ = change.seq();
        if let protocol::Change::Upsert { record, .. } = change {
            let kind = record.kind();
            assert_eq!(protocol::EntityKind::parse(kind.as_str()), Some(kind));
        }
    }
    let text = serde_json::to_vec(&page).expect("a decoded page encodes");
    let again: PullPage = serde_json::from_slice(&text).expect("an encoded page decodes");
    assert_eq!(page.changes, again.changes);
    assert_eq!(
        (page.cursor, page.has_more, page.remaining, &page.epoch),
        (again.cursor, again.has_more, again.remaining, &again.epoch)
    );
    // The encoding is canonical: encoding the decoded copy gives the same bytes.
    assert_eq!(
        text,
        serde_json::to_vec(&again).expect("a decoded page encodes")
    );
});
