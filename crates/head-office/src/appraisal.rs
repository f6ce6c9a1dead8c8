//! 考核 from head office's own data: a month's figures of every active broker (the same
//! `broker_figures` the dashboards read), grouped by the class, else the group, they were in at
//! the month's end when that has its own scheme, and otherwise by the level each held then; and
//! scored by that cohort's scheme with `domain::appraisal`'s rules. Once a month is over,
//! 经纪业务管理部 publishes it: each broker's own card is kept, and their desk has it at its
//! next sync (a broker never reads a peer's figures).

/// How many months of their own cards a desk keeps.
pub const MONTHS_ON_DESK: u32 = 12;

use crate::error::{HeadOfficeError, Result};
use crate::staff_log::{written, ByStaff};
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use domain::appraisal;
use domain::appraisal::{AppraisalScheme, Appraised, CohortKind};
use domain::broker_category::{BrokerCategory, CategoryKind, CategoryPeriod};
use domain::kpi::KpiFigures;
use domain::pay_plan::PlanPeriod;
use head_office_storage::org::KpiWindow;
use head_office_storage::pay::PaySettings;
use head_office_storage::{Storage, UserRow};
use protocol::broker_force::{
    AppraisalBoard, AppraisalCohort, AppraisalsPublished, BrokerAppraisal, OrgChanged,
    PublishedAppraisal, SchemeChange, SchemeRemoval,
};
use protocol::Role;
use std::collections::HashMap;

pub fn board(
    storage: &dyn Storage,
    month: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<AppraisalBoard> {
    let chart = storage.org_chart()?;
    let pay = storage.pay_settings()?;
    let window = KpiWindow::new(month, now, storage.firm_policy()?.dormant_months)?;
    let month_end = (window.month + Months::new(1))
        .checked_sub_days(Days::new(1))
        .unwrap_or(window.month);
    let as_of = month_end.min(window.today);
    let brokers: Vec<_> = chart
        .people
        .iter()
        .filter(|p| p.role == Role::Broker && !p.disabled)
        .collect();
    let ids: Vec<String> = brokers.iter().map(|p| p.id.clone()).collect();
    let mut figures = storage.broker_figures(&ids, &window)?;
    let periods = pay.periods_by_broker();
    let class_periods = storage.broker_category_periods(CategoryKind::Class)?;
    let group_periods = storage.broker_category_periods(CategoryKind::Group)?;
    let (classes, groups): (Vec<BrokerCategory>, Vec<BrokerCategory>) = storage
        .broker_categories()?
        .into_iter()
        .partition(|c| c.kind == CategoryKind::Class);
    let unit_names: HashMap<&str, &str> = chart
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.name.as_str()))
        .collect();
    // Each cohort's brokers, with the figures of their month and who they are.
    let mut members: HashMap<Appraised, Vec<(String, KpiFigures)>> = HashMap::new();
    let mut people: HashMap<&str, (&str, &str)> = HashMap::new();
    let mut without_level = Vec::new();
    for person in &brokers {
        let f = figures.remove(&person.id).unwrap_or_else(KpiFigures::empty);
        let own_periods = periods
            .get(person.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        // The class and group of the month's last day appraised: a move after the month leaves
        // the month in those it was worked in.
        let placed = class_periods
            .get(&person.id)
            .and_then(|own| CategoryPeriod::on(own, as_of));
        let by_class = pay
            .class_on(own_periods, placed, as_of)
            .map(|class| Appraised::Class(class.to_string()))
            .filter(|class| pay.own_scheme(class).is_some());
        let by_group = || {
            let own = group_periods.get(&person.id).map_or(&[][..], Vec::as_slice);
            CategoryPeriod::on(own, as_of)
                .map(|group| Appraised::Group(group.to_string()))
                .filter(|group| pay.own_scheme(group).is_some())
        };
        let by_level = || {
            PlanPeriod::in_force(own_periods, as_of)
                .map(|level| Appraised::Level(level.plan_id.clone()))
        };
        match by_class.or_else(by_group).or_else(by_level) {
            Some(cohort) => members
                .entry(cohort)
                .or_default()
                .push((person.id.clone(), f)),
            None => without_level.push(person.id.clone()),
        }
        let unit = unit_names.get(person.unit_id.as_str()).copied();
        people.insert(&person.id, (&person.name, unit.unwrap_or_default()));
    }
    let named_cohorts = classes
        .iter()
        .map(|c| (Appraised::Class(c.id.clone()), &c.name))
        .chain(
            groups
                .iter()
                .map(|g| (Appraised::Group(g.id.clone()), &g.name)),
        )
        .chain(
            pay.plans
                .iter()
                .map(|p| (Appraised::Level(p.id.clone()), &p.name)),
        );
    let cohorts = named_cohorts
        .filter_map(|(cohort, name)| {
            let own = pay.own_scheme(&cohort).cloned();
            let own_scheme = own.is_some();
            // A class's or group's own scheme is listed with nobody in it, so it can still be
            // changed.
            let peers = match members.remove(&cohort) {
                Some(peers) => peers,
                None if own_scheme && cohort.kind() != CohortKind::Level => Vec::new(),
                None => return None,
            };
            let scheme = own.unwrap_or_else(|| AppraisalScheme::firm_default(cohort.clone()));
            let cards = appraisal::score(&peers, &scheme);
            let mut figures: HashMap<String, KpiFigures> = peers.into_iter().collect();
            let brokers = cards
                .into_iter()
                .map(|card| {
                    let (name, unit) = people
                        .get(card.broker_id.as_str())
                        .copied()
                        .unwrap_or_default();
                    BrokerAppraisal {
                        display_name: name.to_string(),
                        unit_name: unit.to_string(),
                        figures: figures
                            .remove(&card.broker_id)
                            .unwrap_or_else(KpiFigures::empty),
                        card,
                    }
                })
                .collect();
            Some(AppraisalCohort {
                cohort,
                name: name.clone(),
                own_scheme,
                scheme,
                brokers,
            })
        })
        .collect();
    Ok(AppraisalBoard {
        month: window.month,
        as_of,
        cohorts,
        classes,
        groups,
        default_weights: AppraisalScheme::default_weights(),
        without_level,
    })
}

/// Publishes the month's cards, replacing any published before; the month must be over.
pub fn publish(
    storage: &dyn Storage,
    caller: &UserRow,
    month: NaiveDate,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<AppraisalsPublished> {
    let first = month.with_day(1).unwrap_or(month);
    if first >= today.with_day(1).unwrap_or(today) {
        return Err(HeadOfficeError::Validation(format!(
            "{} 尚未结束，月末之后才能发布该月考核结果",
            first.format("%Y年%m月")
        )));
    }
    let by = ByStaff {
        caller,
        action: "发布考核结果",
        reason: None,
        at: now,
    };
    let (month, brokers, message) = publish_month(storage, first, now, Some(&by))?;
    Ok(AppraisalsPublished {
        month,
        brokers,
        message,
    })
}

/// Keeps the month's cards (replacing any kept before); the month's first day, how many, and
/// what was done in words.
pub fn publish_month(
    storage: &dyn Storage,
    month: NaiveDate,
    now: DateTime<Utc>,
    by: Option<&ByStaff<'_>>,
) -> Result<(NaiveDate, u32, String)> {
    let board = board(storage, Some(month), now)?;
    let mut cards = Vec::new();
    for cohort in board.cohorts {
        for broker in cohort.brokers {
            let published = PublishedAppraisal {
                month: board.month,
                cohort_name: cohort.name.clone(),
                ranked_among: cohort.cohort.kind(),
                card: broker.card,
                published_at: now,
            };
            cards.push((
                published.card.broker_id.clone(),
                serde_json::to_string(&published)?,
            ));
        }
    }
    let brokers = u32::try_from(cards.len()).unwrap_or(u32::MAX);
    let message = format!(
        "已发布 {} 考核结果，共 {brokers} 位经纪人，经纪人下次同步后可在佣金页查看",
        board.month.format("%Y年%m月")
    );
    let subject = board.month.format("%Y-%m").to_string();
    written(by, &subject, &message, |log| {
        storage.publish_appraisals(board.month, &cards, now, log)
    })?;
    Ok((board.month, brokers, message))
}

/// Sets a level's, class's or group's scheme; months already published keep the cards they were scored
/// by.
pub fn set_scheme(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &SchemeChange,
    now: DateTime<Utc>,
) -> Result<OrgChanged> {
    let reason = crate::staff_log::reason(&req.reason, "调整考核方案")?;
    let scheme = &req.scheme;
    let owner = owner_name(storage, &scheme.applies_to)?;
    scheme
        .validate()
        .map_err(|e| HeadOfficeError::Validation(format!("{owner}的考核方案：{e}")))?;
    let weights: Vec<String> = scheme
        .weights
        .iter()
        .map(|w| format!("{} {}%", w.measure.label_zh(), w.percent))
        .collect();
    let message = format!("{owner}的考核方案已调整为：{}", weights.join("，"));
    let detail = format!("{message}：{reason}");
    let change = |pay: &mut PaySettings| -> head_office_storage::Result<()> {
        pay.appraisal_schemes
            .retain(|s| s.applies_to != scheme.applies_to);
        pay.appraisal_schemes.push(scheme.clone());
        Ok(())
    };
    crate::staff_log::logged(
        caller,
        "调整考核方案",
        scheme.applies_to.id(),
        &detail,
        now,
        |log| storage.change_pay_settings(&change, log),
    )?;
    Ok(OrgChanged { message })
}

/// Drops a level's, class's or group's own scheme: the class's brokers go back to their groups'
/// or levels' cohorts, the group's to their levels', the level to the firm's default.
pub fn remove_scheme(
    storage: &dyn Storage,
    caller: &UserRow,
    req: &SchemeRemoval,
    now: DateTime<Utc>,
) -> Result<OrgChanged> {
    let reason = crate::staff_log::reason(&req.reason, "取消考核方案")?;
    let owner = owner_name(storage, &req.applies_to)?;
    if storage
        .pay_settings()?
        .own_scheme(&req.applies_to)
        .is_none()
    {
        return Err(HeadOfficeError::NotFound(format!(
            "{owner}没有自己的考核方案，无需取消；请刷新后查看"
        )));
    }
    let message = match req.applies_to {
        Appraised::Class(_) => {
            format!("已取消{owner}的考核方案，其经纪人改按各自组别或级别的方案考核")
        }
        Appraised::Group(_) => format!("已取消{owner}的考核方案，其经纪人改按各自级别的方案考核"),
        Appraised::Level(_) => format!("已取消{owner}的考核方案，改按公司默认方案考核"),
    };
    let detail = format!("{message}：{reason}");
    let change = |pay: &mut PaySettings| -> head_office_storage::Result<()> {
        pay.appraisal_schemes
            .retain(|s| s.applies_to != req.applies_to);
        Ok(())
    };
    crate::staff_log::logged(
        caller,
        "取消考核方案",
        req.applies_to.id(),
        &detail,
        now,
        |log| storage.change_pay_settings(&change, log),
    )?;
    Ok(OrgChanged { message })
}

/// 级别“客户经理（一级）”, 类别“投资顾问” or 组别“银行渠道”, for messages; refuses an unknown one.
fn owner_name(storage: &dyn Storage, who: &Appraised) -> Result<String> {
    let name = match who {
        Appraised::Level(id) => storage
            .pay_settings()?
            .plans
            .into_iter()
            .find(|p| &p.id == id)
            .map(|p| p.name),
        Appraised::Class(id) | Appraised::Group(id) => {
            let kind = match who {
                Appraised::Group(_) => CategoryKind::Group,
                _ => CategoryKind::Class,
            };
            storage
                .broker_categories()?
                .into_iter()
                .find(|c| &c.id == id && c.kind == kind)
                .map(|c| c.name)
        }
    };
    let kind = who.kind().label_zh();
    name.map(|n| format!("{kind}“{n}”")).ok_or_else(|| {
        HeadOfficeError::Validation(format!("{kind} {} 不存在，请从列表中选择", who.id()))
    })
}

/// The caller's own published cards, newest first.
pub fn mine(storage: &dyn Storage, broker_id: &str) -> Result<Vec<PublishedAppraisal>> {
    storage
        .appraisals_of(broker_id, MONTHS_ON_DESK)?
        .iter()
        .map(|json| Ok(serde_json::from_str(json)?))
        .collect()
}
