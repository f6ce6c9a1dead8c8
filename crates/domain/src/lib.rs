//! Business rules of BrokerDesk, free of I/O: anything here is given its inputs (including "today")
//! and returns a value. Both the desk and the head office build on these rules, so a fee, a mask or a
//! validity check can never differ between the two.

pub mod fees;
pub mod mask;
pub mod merge;
pub mod money;
pub mod suitability;
pub mod tier;
pub mod validate;

pub use fees::{FeeBreakdown, FeeSchedule, Rate, RoundingRule, TradeSide};
pub use money::Fen;
pub use suitability::{InvestorClass, ProductRisk, RiskLevel};
pub use tier::{Tier, TierBands};
pub use validate::{Exchange, IdNumber, Mobile, SecurityCode, ValidationError};
