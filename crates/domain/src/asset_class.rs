//! Which asset class a holding belongs to, for the allocation chart of the client profile. Decided
//! by the code's board, the way the exchanges number them (DOMAIN.md, "Validation").

use crate::validate::SecurityCode;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    TS,
    schemars::JsonSchema,
)]
#[ts(export)]
pub enum AssetClass {
    /// 股票
    Equity,
    /// 基金（场内 ETF）
    Fund,
    /// 债券
    Bond,
    /// 现金
    Cash,
    /// 其他
    Other,
}

impl AssetClass {
    pub fn of(code: &SecurityCode) -> AssetClass {
        let digits = code.digits();
        let p2 = &digits[..2];
        let p3 = &digits[..3];
        match p3 {
            "159" => AssetClass::Fund,
            "600" | "601" | "603" | "605" | "688" | "689" | "000" | "001" | "002" | "003"
            | "300" | "301" | "920" => AssetClass::Equity,
            _ if matches!(p2, "51" | "56" | "58") => AssetClass::Fund,
            // Shanghai treasury and corporate bonds (01x, 10x–13x, 019) and Shenzhen bonds (10x–14x).
            _ if matches!(p2, "01" | "10" | "11" | "12" | "13" | "14") => AssetClass::Bond,
            _ if digits.starts_with('4') || digits.starts_with('8') => AssetClass::Equity,
            _ => AssetClass::Other,
        }
    }

    /// For a stored code such as `510300.SH`; anything unparseable is `Other`.
    pub fn of_stored(code: &str) -> AssetClass {
        SecurityCode::parse(code).map_or(AssetClass::Other, |c| AssetClass::of(&c))
    }
}

/// Where a security trades, the way commission is reported by product type.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Board {
    /// 沪深主板
    Main,
    /// 创业板
    ChiNext,
    /// 科创板
    Star,
    /// 北交所
    Beijing,
    /// 场内基金（ETF）
    Fund,
    Other,
}

impl Board {
    pub fn of_stored(code: &str) -> Board {
        let Ok(parsed) = SecurityCode::parse(code) else {
            return Board::Other;
        };
        let digits = parsed.digits();
        if AssetClass::of(&parsed) == AssetClass::Fund {
            return Board::Fund;
        }
        match &digits[..3] {
            "300" | "301" => Board::ChiNext,
            "688" | "689" => Board::Star,
            "600" | "601" | "603" | "605" | "000" | "001" | "002" | "003" => Board::Main,
            "920" => Board::Beijing,
            _ if digits.starts_with('4') || digits.starts_with('8') => Board::Beijing,
            _ => Board::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boards_of_codes() {
        assert_eq!(Board::of_stored("600519.SH"), Board::Main);
        assert_eq!(Board::of_stored("002594.SZ"), Board::Main);
        assert_eq!(Board::of_stored("300750.SZ"), Board::ChiNext);
        assert_eq!(Board::of_stored("688981.SH"), Board::Star);
        assert_eq!(Board::of_stored("920118.BJ"), Board::Beijing);
        assert_eq!(Board::of_stored("510300.SH"), Board::Fund);
        assert_eq!(Board::of_stored("x"), Board::Other);
    }

    #[test]
    fn boards_map_to_classes() {
        assert_eq!(AssetClass::of_stored("600519.SH"), AssetClass::Equity);
        assert_eq!(AssetClass::of_stored("300750.SZ"), AssetClass::Equity);
        assert_eq!(AssetClass::of_stored("510300.SH"), AssetClass::Fund);
        assert_eq!(AssetClass::of_stored("159915.SZ"), AssetClass::Fund);
        assert_eq!(AssetClass::of_stored("019547.SH"), AssetClass::Bond);
        assert_eq!(AssetClass::of_stored("920118.BJ"), AssetClass::Equity);
        assert_eq!(AssetClass::of_stored("bad"), AssetClass::Other);
    }
}
