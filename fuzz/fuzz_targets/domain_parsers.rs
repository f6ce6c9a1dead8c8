//! The domain's parsers of what a broker types or head office sends: resident ID numbers, mobile
//! numbers, security codes and amounts in yuan, with the masks and free-text checks beside them.
//! Any text must be accepted or refused without a panic, and what is accepted must be accepted
//! again, unchanged, in the normal form it was given.

#![no_main]

use chrono::NaiveDate;
use domain::{mask, validate, Fen, IdNumber, Mobile, SecurityCode};
use libfuzzer_sys::fuzz_target;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("a real day")
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();

    if let Ok(id) = IdNumber::parse(text, today()) {
        assert_eq!(id.as_str().len(), 18);
        assert_eq!(IdNumber::parse(id.as_str(), today()), Ok(id.clone()));
        assert!(id.birth_date() <= today());
        let _ = (id.is_male(), id.age_on(today()));
    }
    if let Ok(mobile) = Mobile::parse(text) {
        assert_eq!(mobile.as_str().len(), 11);
        assert_eq!(Mobile::parse(mobile.as_str()), Ok(mobile.clone()));
    }
    if let Ok(code) = SecurityCode::parse(text) {
        let shown = code.to_string();
        assert_eq!(SecurityCode::parse(&shown), Ok(code.clone()));
        assert_eq!(code.digits().len(), 6);
    }
    if let Some(fen) = Fen::parse_yuan(text) {
        assert_eq!(Fen::parse_yuan(&fen.yuan_plain()), Some(fen));
        let _ = fen.to_string();
    }
    // Any amount at all, from the first eight bytes: its plain form parses back to it.
    if let Some(bytes) = data.get(..8).and_then(|b| <[u8; 8]>::try_from(b).ok()) {
        let fen = Fen(i64::from_le_bytes(bytes));
        assert_eq!(Fen::parse_yuan(&fen.yuan_plain()), Some(fen), "{fen:?}");
        let _ = fen.to_string();
    }

    // Masks hide characters, never add or drop any.
    let chars = text.chars().count();
    assert_eq!(mask::id_number(text).chars().count(), chars);
    assert_eq!(mask::mobile(text).chars().count(), chars);
    assert_eq!(mask::account_number(text).chars().count(), chars);

    if let Ok(summary) = validate::contact_summary(text) {
        assert_eq!(summary, summary.trim());
    }
    let _ = validate::preferences(Some(text), Some(text), Some(text));
});
