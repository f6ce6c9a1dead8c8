//! Money is held as integer fen (0.01 yuan) so every sum is exact.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};
use ts_rs::TS;

/// An amount of renminbi in fen. Signed, because profit and cash flows can be negative.
///
/// Crosses IPC as a plain JSON number: any real amount is far below 2^53 fen.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    TS,
    schemars::JsonSchema,
)]
#[serde(transparent)]
#[ts(export)]
pub struct Fen(#[ts(type = "number")] pub i64);

impl Fen {
    pub const ZERO: Fen = Fen(0);

    pub const fn from_yuan(yuan: i64) -> Fen {
        Fen(yuan * 100)
    }

    /// Yuan as typed, `25`, `25.5`, `-0.05`: at most two decimals, nothing else.
    pub fn parse_yuan(text: &str) -> Option<Fen> {
        let text = text.trim();
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !plain(whole) || !plain(fraction) || fraction.len() > 2 {
            return None;
        }
        let yuan: i64 = whole.parse().ok()?;
        let fen: i64 = format!("{fraction:0<2}").parse().ok()?;
        let magnitude = yuan.checked_mul(100)?;
        // Built towards its sign rather than negated at the end: the most negative amount,
        // `-92233720368547758.08` (what `yuan_plain` writes for `Fen(i64::MIN)`), has no positive
        // counterpart in an i64, so building it positive first refused it.
        let total = if negative {
            magnitude.checked_neg()?.checked_sub(fen)?
        } else {
            magnitude.checked_add(fen)?
        };
        Some(Fen(total))
    }
}

// Sums saturate instead of overflowing. No real amount comes near i64::MAX fen (about 9.2e16
// yuan), but the desk adds up whatever head office sends: two holdings worth i64::MAX each panicked
// the client profile's allocation in a debug build and wrapped to a large negative figure in a
// release one (found with fuzz/'s apply_page target, from its extreme-value seeds). A clamped
// figure is wrong too, but visibly so, and the rest of the view still works.
impl Add for Fen {
    type Output = Fen;
    fn add(self, rhs: Fen) -> Fen {
        Fen(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Fen {
    fn add_assign(&mut self, rhs: Fen) {
        self.0 = self.0.saturating_add(rhs.0);
    }
}

impl Sub for Fen {
    type Output = Fen;
    fn sub(self, rhs: Fen) -> Fen {
        Fen(self.0.saturating_sub(rhs.0))
    }
}

impl Sum for Fen {
    fn sum<I: Iterator<Item = Fen>>(iter: I) -> Fen {
        iter.fold(Fen::ZERO, |total, f| total + f)
    }
}

/// `¥1,234.56`, the way amounts read on a Chinese statement.
impl Fen {
    /// Plain decimal yuan without grouping or symbol, `-1234.50`: for files other programs read.
    pub fn yuan_plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let yuan = (abs / 100).to_string();
        let mut grouped = String::with_capacity(yuan.len() + yuan.len() / 3);
        for (i, c) in yuan.chars().enumerate() {
            if i > 0 && (yuan.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        write!(f, "{sign}¥{grouped}.{:02}", abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_grouped_yuan_with_two_decimals() {
        assert_eq!(Fen(123_456_789).to_string(), "¥1,234,567.89");
        assert_eq!(Fen(5).to_string(), "¥0.05");
        assert_eq!(Fen(-100_000).to_string(), "-¥1,000.00");
        assert_eq!(Fen(123_456_789).yuan_plain(), "1234567.89");
        assert_eq!(Fen(-5).yuan_plain(), "-0.05");
    }

    #[test]
    fn parses_yuan_as_typed() {
        assert_eq!(Fen::parse_yuan("25"), Some(Fen(2_500)));
        assert_eq!(Fen::parse_yuan(" 25.5 "), Some(Fen(2_550)));
        assert_eq!(Fen::parse_yuan("-0.05"), Some(Fen(-5)));
        for bad in ["", "1.234", "1,000", "abc", "1e3", ".5", "--1"] {
            assert_eq!(Fen::parse_yuan(bad), None, "{bad}");
        }
    }

    /// Found with fuzz/ (apply_page): head office's figures are added up as they come, so two
    /// absurd ones must not overflow.
    #[test]
    fn sums_saturate_instead_of_overflowing() {
        assert_eq!(Fen(i64::MAX) + Fen(1), Fen(i64::MAX));
        assert_eq!(Fen(i64::MIN) - Fen(1), Fen(i64::MIN));
        assert_eq!(Fen(i64::MIN) + Fen(-1), Fen(i64::MIN));
        let mut total = Fen(i64::MAX);
        total += Fen(i64::MAX);
        assert_eq!(total, Fen(i64::MAX));
        assert_eq!(
            [Fen(i64::MAX), Fen(i64::MAX)].into_iter().sum::<Fen>(),
            Fen(i64::MAX)
        );
        assert_eq!([Fen(250), Fen(-50)].into_iter().sum::<Fen>(), Fen(200));
    }

    /// Found by `make fuzz` (domain_parsers): the plain form of the most negative amount did not
    /// parse back, because it was built positive and only then negated.
    #[test]
    fn every_amount_parses_back_from_its_plain_form() {
        // The fuzzer's input: its first eight bytes are the amount, little-endian.
        let crash = [0u8, 0, 0, 0, 0, 0, 0, 128, 49, 48, 88];
        let mut first8 = [0u8; 8];
        first8.copy_from_slice(&crash[..8]);
        let most_negative = Fen(i64::from_le_bytes(first8));
        assert_eq!(most_negative, Fen(i64::MIN));
        assert_eq!(most_negative.yuan_plain(), "-92233720368547758.08");
        for fen in [
            Fen(i64::MIN),
            Fen(i64::MIN + 1),
            Fen(-1),
            Fen(0),
            Fen(i64::MAX),
        ] {
            assert_eq!(Fen::parse_yuan(&fen.yuan_plain()), Some(fen), "{fen:?}");
        }
        // One fen beyond either end is still refused, not wrapped.
        assert_eq!(Fen::parse_yuan("-92233720368547758.09"), None);
        assert_eq!(Fen::parse_yuan("92233720368547758.08"), None);
    }
}
