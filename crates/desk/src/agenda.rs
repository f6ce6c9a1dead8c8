//! The agenda on the desk: reminders, the alerts of the book, the Today panel, and the
//! scheduler's tick, which runs whether the screen is locked or not (reminders fire offline and
//! locked; what a locked desk shows of them is decided by the caller).

use super::{lock, random_id, Desk};
use crate::error::Result;
use crate::ipc::{TodayCommission, TodayView};
use chrono::{Duration, NaiveDate};
use store::{Agenda, AgendaItem, BookAlert, NewReminder, ReminderEvent};

/// The most alerts the Today panel lists; the 提醒 panel has them all.
const TODAY_ALERTS: usize = 12;
/// When a reminder snoozed to another day comes back: before the 09:15 call auction.
const MORNING_HOUR: i64 = 9;

impl Desk {
    pub fn agenda(&self) -> Result<Agenda> {
        let session = self.unlocked()?;
        let agenda = lock(&session.reader).agenda(self.today())?;
        Ok(agenda)
    }

    pub fn reminders_between(&self, from: NaiveDate, until: NaiveDate) -> Result<Vec<AgendaItem>> {
        let session = self.unlocked()?;
        let items = lock(&session.reader).reminders_between(from, until)?;
        Ok(items)
    }

    pub fn add_reminder(&self, reminder: &NewReminder) -> Result<Agenda> {
        let session = self.unlocked()?;
        let id = format!("RM-{}", random_id());
        lock(&session.store).add_reminder(&id, reminder, self.now())?;
        self.agenda()
    }

    pub fn update_reminder(&self, id: &str, reminder: &NewReminder) -> Result<Agenda> {
        let session = self.unlocked()?;
        lock(&session.store).update_reminder(id, reminder, self.now())?;
        self.agenda()
    }

    /// Done: a lead's task is reported back to head office; a reminder closes or moves on.
    pub fn complete_reminder(&self, id: &str) -> Result<Agenda> {
        let session = self.unlocked()?;
        {
            let mut store = lock(&session.store);
            if store.is_task(id)? {
                store.complete_task(format!("m-{}", random_id()), id, self.now())?;
                lock(&self.status).pending = store.sync_counters()?.pending;
            } else {
                store.complete_reminder(id, self.now())?;
            }
        }
        self.agenda()
    }

    pub fn snooze_reminder(&self, id: &str, minutes: u32) -> Result<Agenda> {
        let session = self.unlocked()?;
        let now = self.now();
        let until = now + Duration::minutes(i64::from(minutes.clamp(1, 7 * 24 * 60)));
        lock(&session.store).snooze_reminder(id, until, now)?;
        self.agenda()
    }

    /// Not today: back at 09:00 on the next day the exchanges trade, by head office's calendar.
    pub fn snooze_reminder_to_next_trading_day(&self, id: &str) -> Result<Agenda> {
        let session = self.unlocked()?;
        let now = self.now();
        {
            let mut store = lock(&session.store);
            let day = store.trading_calendar()?.next_trading_day(self.today());
            let until = domain::clock::shanghai_midnight(day) + Duration::hours(MORNING_HOUR);
            store.snooze_reminder(id, until, now)?;
        }
        self.agenda()
    }

    pub fn reminder_log(&self, limit: u32) -> Result<Vec<ReminderEvent>> {
        let session = self.unlocked()?;
        let log = lock(&session.reader).reminder_log(limit)?;
        Ok(log)
    }

    pub fn book_alerts(&self) -> Result<Vec<BookAlert>> {
        let session = self.unlocked()?;
        let today = self.today();
        let alerts = lock(&session.reader).book_alerts(today)?;
        Ok(alerts)
    }

    /// 工作台: what is due, what the book raises, and the month's commission so far.
    pub fn today_view(&self) -> Result<TodayView> {
        let session = self.unlocked()?;
        let me = session.profile.user.as_ref().map(|u| u.user_id.clone());
        let today = self.today();
        let store = lock(&session.reader);
        let agenda = store.agenda(today)?;
        let mut alerts = store.book_alerts(today)?;
        let alert_total = alerts.len() as u32;
        alerts.truncate(TODAY_ALERTS);
        // Before the first sync brings the pay terms there is no figure to show, which is no error.
        let commission = me
            .and_then(|me| store.commission_month(&me, today, today).ok())
            .map(|m| TodayCommission {
                month: m.month,
                credited: m.pay.credited,
                target: m.target,
                total: m.pay.total,
            });
        Ok(TodayView {
            agenda,
            alerts,
            alert_total,
            commission,
        })
    }

    /// One scheduler tick; `None` when nobody is signed in. Returns the occurrences acted on and
    /// whether the desk is locked (so a notification can leave the client out).
    pub fn scheduler_tick(&self) -> Result<Option<(Vec<ReminderEvent>, bool)>> {
        let Ok(session) = self.session() else {
            return Ok(None);
        };
        let events = lock(&session.store).scheduler_tick(self.now())?;
        Ok(Some((events, self.is_locked()?)))
    }
}
