//! The broker's commission on the desk: the month, 24 months, the trades behind a figure, the
//! reconciliation with head office's statement, disputes, and the statement exported.

use super::{lock, random_id, Desk, Session};
use crate::error::{DeskError, Result};
use crate::ipc::StatementExport;
use chrono::NaiveDate;
use store::{
    CommissionMonth, MonthFigure, NewDispute, Reconciliation, TradeCommission, TradeFilter,
    WriteIds,
};

fn me(session: &Session) -> Result<String> {
    session
        .profile
        .user
        .as_ref()
        .map(|u| u.user_id.clone())
        .ok_or(DeskError::NotSignedIn)
}

impl Desk {
    pub fn commission_month(&self, month: NaiveDate) -> Result<CommissionMonth> {
        let session = self.unlocked()?;
        let today = self.today();
        let view = lock(&session.reader).commission_month(&me(&session)?, month, today)?;
        Ok(view)
    }

    /// The broker's own scorecards (考核) as head office last published them, newest first.
    pub fn my_appraisals(&self) -> Result<Vec<protocol::broker_force::PublishedAppraisal>> {
        let session = self.unlocked()?;
        let cards = lock(&session.reader).appraisals()?;
        Ok(cards)
    }

    pub fn commission_history(&self, months: u32) -> Result<Vec<MonthFigure>> {
        let session = self.unlocked()?;
        let today = self.today();
        let history = lock(&session.reader).commission_history(&me(&session)?, today, months)?;
        Ok(history)
    }

    pub fn commission_trades(
        &self,
        month: NaiveDate,
        filter: &TradeFilter,
    ) -> Result<Vec<TradeCommission>> {
        let session = self.unlocked()?;
        let trades = lock(&session.reader).commission_trades(&me(&session)?, month, filter)?;
        Ok(trades)
    }

    pub fn reconcile(&self, month: NaiveDate) -> Result<Reconciliation> {
        let session = self.unlocked()?;
        let view = lock(&session.reader).reconcile(&me(&session)?, month)?;
        Ok(view)
    }

    /// Queues the dispute for head office and returns the month's reconciliation with it.
    pub fn dispute_statement(&self, dispute: &NewDispute) -> Result<Reconciliation> {
        let session = self.unlocked()?;
        let me = me(&session)?;
        let ids = WriteIds {
            mutation_id: format!("m-{}", random_id()),
            record_id: format!("D-{}", random_id()),
        };
        let view = {
            let mut store = lock(&session.store);
            store.dispute_statement(&me, ids, dispute, self.now())?;
            lock(&self.status).pending = store.sync_counters()?.pending;
            store.reconcile(&me, dispute.month)?
        };
        Ok(view)
    }

    /// Writes the month's statement (the desk's figures beside head office's, every trade) as
    /// XLSX and as a printable page, into the export folder.
    pub fn export_statement(&self, month: NaiveDate) -> Result<StatementExport> {
        let session = self.unlocked()?;
        let me = me(&session)?;
        let (view, lines) = {
            let store = lock(&session.store);
            let view = store.reconcile(&me, month)?;
            let lines = store.commission_lines(&me, month)?;
            (view, lines)
        };
        super::statement_export::write(&self.config.export_dir, &view, &lines, self.now())
    }
}
