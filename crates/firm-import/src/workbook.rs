//! The first sheet of an XLSX workbook read as the CSV would be: row 1 the header, each cell as
//! the text a person typed. Excel keeps numbers and dates as numbers, so they are written back
//! the way the CSV columns expect them (`13800000001`, `1234.5`, `2026-11-30`).

use crate::fields::Header;
use crate::{ImportError, ImportKind, Parsed};
use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use std::io::Cursor;

/// A ZIP file, as every .xlsx is.
pub(crate) fn is_xlsx(file: &[u8]) -> bool {
    file.starts_with(b"PK\x03\x04")
}

fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Whole numbers (a mobile number, a quantity) without the `.0` Excel's float adds.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(at) if at.time() == chrono::NaiveTime::MIN => at.date().to_string(),
            Some(at) => at.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => d.to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

pub(crate) fn parse(
    kind: ImportKind,
    file: &[u8],
    today: NaiveDate,
) -> Result<Parsed, ImportError> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(file))
        .map_err(|e: calamine::XlsxError| ImportError::NotXlsx(e.to_string()))?;
    let sheet = book
        .worksheet_range_at(0)
        .ok_or_else(|| ImportError::NotXlsx("工作簿中没有工作表".into()))?
        .map_err(|e| ImportError::NotXlsx(e.to_string()))?;
    // Lines count from the sheet's first row, as Excel numbers them.
    let first_line = u64::from(sheet.start().map_or(0, |(row, _)| row)) + 1;
    let mut rows = sheet.rows();
    let header_record: csv::StringRecord = rows
        .next()
        .map(|r| r.iter().map(text).collect())
        .unwrap_or_default();
    let header = Header::read(&header_record, kind.columns())
        .map_err(|e| ImportError::Header(e.to_string()))?;
    let mut parsed = Parsed::default();
    for (i, row) in rows.enumerate() {
        let record: csv::StringRecord = row.iter().map(text).collect();
        parsed.take(kind, &header, first_line + 1 + i as u64, &record, today);
    }
    Ok(parsed)
}
