//! Business rules of BrokerDesk, free of I/O: anything here is given its inputs (including "today")
//! and returns a value. Both the desk and the head office build on these rules, so a fee, a mask or a
//! validity check can never differ between the two.

#[macro_use]
mod choices;

pub mod access;
pub mod alerts;
pub mod appraisal;
pub mod asset_class;
pub mod broker_category;
pub mod calendar;
pub mod class_ladder;
pub mod client_transfer;
pub mod clock;
pub mod complaint;
pub mod event;
pub mod fees;
pub mod fold;
pub mod group_allowance;
pub mod kpi;
pub mod level_move;
pub mod library_review;
pub mod mask;
pub mod merge;
pub mod money;
pub mod needs;
pub mod org_tree;
pub mod pareto;
pub mod pay_adjustment;
pub mod pay_plan;
pub mod pay_plan_edit;
pub mod policy;
pub mod reassignment;
pub mod recommendation;
pub mod release;
pub mod repeat;
pub mod satisfaction;
pub mod schedule;
pub mod shared_service;
pub mod spreadsheet;
pub mod suitability;
pub mod suitability_check;
pub mod tier;
pub mod validate;

pub use access::{AccessAction, SensitiveField};
pub use asset_class::{AssetClass, Board};
pub use complaint::{CaseStatus, ComplaintCategory, ComplaintLimits};
pub use fees::{FeeBreakdown, FeeSchedule, Rate, RoundingRule, TradeSide};
pub use money::Fen;
pub use policy::{AssessmentStatus, FirmPolicy};
pub use suitability::{InvestorClass, ProductRisk, RiskLevel, TargetInvestors};
pub use tier::{Tier, TierBands, TierPolicy};
pub use validate::{Exchange, IdNumber, Mobile, SecurityCode, ValidationError};
