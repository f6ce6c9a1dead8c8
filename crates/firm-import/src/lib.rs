//! A firm's own data, as its systems export it (CSV in UTF-8, or an XLSX workbook; a header row),
//! read into the records head office keeps. Each row is checked on its own with the domain's rules (ID numbers, mobile
//! numbers, security codes, money to the fen); what needs the database (does the client exist,
//! who is the broker) head office checks as it writes. Every bad row is reported with its line
//! and the reason, in Chinese, so the firm's IT fixes the file in one pass.

mod fields;
mod kinds;
mod service_kinds;
mod workbook;

use chrono::NaiveDate;
pub use fields::RowError;
use fields::{Fields, Header};
use protocol::{
    AccountRecord, CashTransferRecord, ClientRecord, ClientRelationRecord, HoldingRecord,
    MarketEventRecord, ProductRecord, RiskAssessmentRecord, ServiceCaseRecord, TradeRecord,
};

/// What a file holds; each kind has its own columns (README, "Loading your firm's data").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Clients,
    Accounts,
    Assessments,
    Holdings,
    Trades,
    Calendar,
    Library,
    CashTransfers,
    Relationships,
    Complaints,
    ReturnVisits,
}

impl ImportKind {
    pub const ALL: [ImportKind; 11] = [
        ImportKind::Clients,
        ImportKind::Accounts,
        ImportKind::Assessments,
        ImportKind::Holdings,
        ImportKind::Trades,
        ImportKind::CashTransfers,
        ImportKind::Relationships,
        ImportKind::Complaints,
        ImportKind::ReturnVisits,
        ImportKind::Calendar,
        ImportKind::Library,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Clients => "clients",
            ImportKind::Accounts => "accounts",
            ImportKind::Assessments => "assessments",
            ImportKind::Holdings => "holdings",
            ImportKind::Trades => "trades",
            ImportKind::Calendar => "calendar",
            ImportKind::Library => "library",
            ImportKind::CashTransfers => "cash_transfers",
            ImportKind::Relationships => "relationships",
            ImportKind::Complaints => "complaints",
            ImportKind::ReturnVisits => "return_visits",
        }
    }

    pub fn parse(text: &str) -> Option<ImportKind> {
        ImportKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The columns a file of this kind must have, in the documented order.
    pub fn columns(self) -> &'static [&'static str] {
        kinds::columns(self)
    }
}

/// One good row, ready for head office to resolve and write.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportRow {
    /// Brokers are named by username; head office fills in their ids and names. Tier and total
    /// assets are head office's to compute.
    Client {
        record: ClientRecord,
        serving_broker: String,
        developing_broker: String,
        /// Kept at head office for the e-mail channel; not part of the desk's record.
        email: Option<String>,
    },
    Account(AccountRecord),
    Assessment(RiskAssessmentRecord),
    /// The client is the account's; head office fills it in.
    Holding(HoldingRecord),
    Trade(TradeRecord),
    MarketEvent(MarketEventRecord),
    Product(ProductRecord),
    /// The client is the account's; head office fills it in.
    CashTransfer(CashTransferRecord),
    /// The related client's name is head office's to fill in.
    Relation(ClientRelationRecord),
    /// A complaint or a return visit from the firm's service system.
    ServiceCase(ServiceCaseRecord),
}

impl ImportRow {
    /// The firm's id of the row, the key an import upserts by.
    pub fn id(&self) -> &str {
        match self {
            ImportRow::Client { record, .. } => &record.id,
            ImportRow::Account(r) => &r.id,
            ImportRow::Assessment(r) => &r.id,
            ImportRow::Holding(r) => &r.id,
            ImportRow::Trade(r) => &r.id,
            ImportRow::MarketEvent(r) => &r.id,
            ImportRow::Product(r) => &r.id,
            ImportRow::CashTransfer(r) => &r.id,
            ImportRow::Relation(r) => &r.id,
            ImportRow::ServiceCase(r) => &r.id,
        }
    }
}

/// A row that cannot be imported, by its line in the file (the header is line 1).
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct RowProblem {
    pub line: u64,
    pub reason: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "第 {} 行：{}", self.line, self.reason)
    }
}

#[derive(Debug, Default)]
pub struct Parsed {
    /// Good rows with their lines, in file order.
    pub rows: Vec<(u64, ImportRow)>,
    pub problems: Vec<RowProblem>,
}

/// The file cannot be read as CSV at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("文件不是 UTF-8 编码的 CSV：{0}。请另存为“CSV UTF-8（逗号分隔）”后重试")]
    NotCsv(String),
    #[error("{0}")]
    Header(String),
    #[error(
        "无法读取 Excel 文件：{0}。请确认是 .xlsx 格式（Excel 2007 及以后），数据在第一个工作表"
    )]
    NotXlsx(String),
}

/// Reads a whole file of `kind`, CSV or the first sheet of an XLSX workbook; `today` bounds
/// dates (an ID's birth date, an opening day).
pub fn parse(kind: ImportKind, file: &[u8], today: NaiveDate) -> Result<Parsed, ImportError> {
    if workbook::is_xlsx(file) {
        return workbook::parse(kind, file, today);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(file);
    let header_record = reader
        .headers()
        .map_err(|e| ImportError::NotCsv(e.to_string()))?
        .clone();
    let header = Header::read(&header_record, kind.columns())
        .map_err(|e| ImportError::Header(e.to_string()))?;
    let mut parsed = Parsed::default();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, csv::Position::line);
                parsed.take(kind, &header, line, &record, today);
            }
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                let reason = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => {
                        "含有非 UTF-8 字符：请把文件另存为“CSV UTF-8”".to_string()
                    }
                    _ => format!("无法读取：{e}"),
                };
                parsed.problems.push(RowProblem { line, reason });
                if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
    Ok(parsed)
}

impl Parsed {
    /// Reads one data row at `line` into a good row or a problem; blank rows are skipped.
    fn take(
        &mut self,
        kind: ImportKind,
        header: &Header,
        line: u64,
        record: &csv::StringRecord,
        today: NaiveDate,
    ) {
        if record.iter().all(|v| v.trim().is_empty()) {
            return;
        }
        let fields = Fields { header, record };
        match kinds::row(kind, &fields, today) {
            Ok(row) => self.rows.push((line, row)),
            Err(reason) => self.problems.push(RowProblem {
                line,
                reason: reason.to_string(),
            }),
        }
    }
}

/// What an import did, or (with problems and `written` false) why it wrote nothing.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct ImportReport {
    pub inserted: usize,
    pub updated: usize,
    /// Rows already exactly as the file says: a re-import changes nothing and tells no desk.
    pub unchanged: usize,
    pub problems: Vec<RowProblem>,
    /// False when problems stopped the whole file.
    pub written: bool,
}

impl ImportReport {
    /// The report as head-office IT reads it.
    pub fn summary_zh(&self, kind: ImportKind) -> String {
        let mut text = if self.written {
            format!(
                "{}：新增 {} 行，更新 {} 行，未变 {} 行",
                kind.as_str(),
                self.inserted,
                self.updated,
                self.unchanged
            )
        } else {
            format!(
                "{}：发现 {} 行有误，整个文件未导入（改正后重新导入，或加 --skip-bad 只导入正确的行）",
                kind.as_str(),
                self.problems.len()
            )
        };
        if self.written && !self.problems.is_empty() {
            text.push_str(&format!("；跳过 {} 行有误", self.problems.len()));
        }
        for p in &self.problems {
            text.push('\n');
            text.push_str(&p.to_string());
        }
        text
    }
}
