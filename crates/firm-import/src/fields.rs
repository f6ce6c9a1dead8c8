//! One CSV row read by column name, each value checked and every refusal worded for the person
//! who fixes the file: which column, what it held, what it should hold.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use domain::Fen;
use std::collections::HashMap;

/// A file's header: where each column is.
pub struct Header {
    index: HashMap<String, usize>,
}

impl Header {
    /// The header, or which required columns it lacks.
    pub fn read(record: &csv::StringRecord, required: &[&str]) -> Checked<Header> {
        let index: HashMap<String, usize> = record
            .iter()
            .enumerate()
            .map(|(i, name)| (name.trim().trim_start_matches('\u{feff}').to_string(), i))
            .collect();
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|c| !index.contains_key(*c))
            .collect();
        if missing.is_empty() {
            Ok(Header { index })
        } else {
            Err(RowError::from(format!(
                "表头缺少列：{}（应有：{}）",
                missing.join("、"),
                required.join(",")
            )))
        }
    }
}

/// One row's values by column name.
pub struct Fields<'a> {
    pub header: &'a Header,
    pub record: &'a csv::StringRecord,
}

/// Why one value, and so its row, cannot be imported: the column, what it held, what it should.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct RowError(String);

impl From<String> for RowError {
    fn from(reason: String) -> Self {
        RowError(reason)
    }
}

impl From<&str> for RowError {
    fn from(reason: &str) -> Self {
        RowError(reason.to_string())
    }
}

pub type Checked<T> = Result<T, RowError>;

impl Fields<'_> {
    /// The trimmed value; empty when the column is absent or blank.
    pub fn raw(&self, column: &str) -> &str {
        self.header
            .index
            .get(column)
            .and_then(|i| self.record.get(*i))
            .map_or("", str::trim)
    }

    pub fn text(&self, column: &str) -> Checked<String> {
        match self.raw(column) {
            "" => Err(RowError::from(format!("{column} 不能为空"))),
            v => Ok(v.to_string()),
        }
    }

    /// A text of at most `max` characters.
    pub fn text_max(&self, column: &str, max: usize) -> Checked<String> {
        let v = self.text(column)?;
        if v.chars().count() > max {
            return Err(RowError::from(format!("{column} 不能超过 {max} 个字")));
        }
        Ok(v)
    }

    /// A firm's id for a row: letters, digits, `-` and `_`, at most 40.
    pub fn firm_id(&self, column: &str) -> Checked<String> {
        let id = self.text(column)?;
        if id.len() > 40
            || !id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(RowError::from(format!(
                "{column} 的值 {id:?} 只能由字母、数字、- 和 _ 组成，最多 40 位"
            )));
        }
        Ok(id)
    }

    pub fn optional(&self, column: &str) -> Option<String> {
        Some(self.raw(column))
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    }

    pub fn date(&self, column: &str) -> Checked<NaiveDate> {
        let v = self.text(column)?;
        NaiveDate::parse_from_str(&v, "%Y-%m-%d")
            .map_err(|_| RowError::from(format!("{column} 的值 {v:?} 不是日期，应写作 2026-11-30")))
    }

    pub fn optional_date(&self, column: &str) -> Checked<Option<NaiveDate>> {
        match self.raw(column) {
            "" => Ok(None),
            _ => self.date(column).map(Some),
        }
    }

    /// An instant: RFC 3339 with its offset, or `2026-11-30 09:31:05` in Beijing time.
    pub fn instant(&self, column: &str) -> Checked<DateTime<Utc>> {
        let v = self.text(column)?;
        if let Ok(at) = DateTime::parse_from_rfc3339(&v) {
            return Ok(at.with_timezone(&Utc));
        }
        NaiveDateTime::parse_from_str(&v, "%Y-%m-%d %H:%M:%S")
            .ok()
            .and_then(|local| {
                domain::clock::shanghai()
                    .from_local_datetime(&local)
                    .single()
            })
            .map(|at| at.with_timezone(&Utc))
            .ok_or_else(|| {
                RowError::from(format!(
                    "{column} 的值 {v:?} 不是时间，应写作 2026-11-30 09:31:05（北京时间）"
                ))
            })
    }

    pub fn yuan(&self, column: &str) -> Checked<Fen> {
        let v = self.text(column)?;
        Fen::parse_yuan(&v).ok_or_else(|| {
            RowError::from(format!(
                "{column} 的值 {v:?} 不是金额，应写作元，最多两位小数，如 1234.56"
            ))
        })
    }

    /// An amount that cannot be negative.
    pub fn yuan_at_least_zero(&self, column: &str) -> Checked<Fen> {
        let fen = self.yuan(column)?;
        if fen < Fen::ZERO {
            return Err(RowError::from(format!("{column} 不能为负数")));
        }
        Ok(fen)
    }

    pub fn whole(&self, column: &str) -> Checked<i64> {
        let v = self.text(column)?;
        v.parse()
            .map_err(|_| RowError::from(format!("{column} 的值 {v:?} 应为整数")))
    }

    /// A decimal with at most `places` places, scaled to an integer: `2.5` with 1 place is 25.
    pub fn scaled(&self, column: &str, places: u32) -> Checked<i64> {
        let v = self.text(column)?;
        scaled(&v, places).ok_or_else(|| {
            RowError::from(format!(
                "{column} 的值 {v:?} 应为不超过 {places} 位小数的非负数"
            ))
        })
    }

    /// 是/否, true/false, 1/0, Y/N; blank is no.
    pub fn yes_no(&self, column: &str) -> Checked<bool> {
        match self.raw(column).to_ascii_lowercase().as_str() {
            "" | "否" | "false" | "0" | "n" | "no" => Ok(false),
            "是" | "true" | "1" | "y" | "yes" => Ok(true),
            other => Err(RowError::from(format!(
                "{column} 的值 {other:?} 应为 是 或 否"
            ))),
        }
    }

    /// One of `choices` (code or Chinese name).
    pub fn choice<T: Copy>(&self, column: &str, choices: &[(&str, &str, T)]) -> Checked<T> {
        let v = self.text(column)?;
        choices
            .iter()
            .find(|(code, zh, _)| code.eq_ignore_ascii_case(&v) || *zh == v)
            .map(|(_, _, t)| *t)
            .ok_or_else(|| {
                let allowed: Vec<String> = choices
                    .iter()
                    .map(|(c, z, _)| format!("{c}（{z}）"))
                    .collect();
                RowError::from(format!(
                    "{column} 的值 {v:?} 不认识，应为 {}",
                    allowed.join("、")
                ))
            })
    }
}

/// `text` as a non-negative decimal scaled by 10^places, exactly.
pub fn scaled(text: &str, places: u32) -> Option<i64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > places as usize {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let fraction: i64 = if fraction.is_empty() {
        0
    } else {
        format!("{fraction:0<width$}", width = places as usize)
            .parse()
            .ok()?
    };
    whole.checked_mul(10i64.pow(places))?.checked_add(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_scale_exactly() {
        assert_eq!(scaled("2.5", 1), Some(25));
        assert_eq!(scaled("2.5", 3), Some(2_500));
        assert_eq!(scaled("12", 3), Some(12_000));
        assert_eq!(scaled("2.55", 1), None);
        assert_eq!(scaled("-1", 1), None);
        assert_eq!(scaled("", 1), None);
        assert_eq!(scaled("1.2.3", 3), None);
    }
}
