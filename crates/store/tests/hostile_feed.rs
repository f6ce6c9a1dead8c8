//! What head office sends, however absurd, is applied or refused and then shown without a panic.
//! The cases here were found by the fuzz targets of fuzz/ (`make fuzz`).

use crate::common::{apply_more, book, TODAY};
use domain::{AssetClass, Fen};
use protocol::{HoldingRecord, Record};

fn holding(id: &str, code: &str, market_value: Fen) -> Record {
    Record::Holding(HoldingRecord {
        id: id.into(),
        client_id: "C0000005".into(),
        account_id: "A0000005".into(),
        security_code: code.into(),
        security_name: "贵州茅台".into(),
        quantity: i64::MAX,
        cost: Fen(i64::MIN),
        market_value,
    })
}

/// apply_page (from its extreme-value seeds): two equity holdings worth i64::MAX fen each overflowed
/// the profile's allocation, a panic in a debug build and a negative figure in a release one.
#[test]
fn a_profile_opens_whatever_its_holdings_are_said_to_be_worth() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = book(dir.path());
    apply_more(
        &mut store,
        100,
        vec![
            holding("H-1", "600519.SH", Fen(i64::MAX)),
            holding("H-2", "600036.SH", Fen(i64::MAX)),
        ],
    );
    let profile = store.client_profile("C0000005", TODAY).unwrap().unwrap();
    let equity = profile
        .allocation
        .iter()
        .find(|s| s.asset_class == AssetClass::Equity)
        .unwrap();
    assert_eq!(equity.value, Fen(i64::MAX));
}
