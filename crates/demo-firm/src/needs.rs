//! The demo firm's needs analyses (客户需求分析): four clients in five have one, with answers that
//! fit the client's age and wealth. Chosen from the client's number, not the random stream, so
//! adding them left every other generated row as it was.

use domain::needs::{
    products_text, FamilyStage, InvestmentGoal, InvestmentHorizon, LiquidityNeed, ProductInterest,
};
use domain::Fen;
use protocol::{ClientPreferences, PreferencesRecord, Record};

fn pick<T: Copy>(choices: &[T], n: usize) -> T {
    choices[n % choices.len()]
}

/// The profile of the `n`th client, or none for a client never asked.
pub(super) fn profile(n: usize, client_id: &str, age: i32, assets: Fen) -> Option<Record> {
    if n.is_multiple_of(5) {
        return None;
    }
    let wealthy = assets >= Fen::from_yuan(3_000_000);
    let (goals, family): (&[InvestmentGoal], &[FamilyStage]) = match age {
        ..=34 => (
            &[
                InvestmentGoal::AggressiveGrowth,
                InvestmentGoal::SteadyGrowth,
            ],
            &[FamilyStage::Single, FamilyStage::Married],
        ),
        35..=54 if wealthy => (
            &[InvestmentGoal::Legacy, InvestmentGoal::SteadyGrowth],
            &[FamilyStage::MarriedWithChildren],
        ),
        35..=54 => (
            &[
                InvestmentGoal::ChildEducation,
                InvestmentGoal::SteadyGrowth,
                InvestmentGoal::AggressiveGrowth,
            ],
            &[FamilyStage::MarriedWithChildren, FamilyStage::Married],
        ),
        55..=64 => (
            &[InvestmentGoal::Retirement, InvestmentGoal::SteadyGrowth],
            &[FamilyStage::ChildrenGrown],
        ),
        _ => (
            &[
                InvestmentGoal::CapitalPreservation,
                InvestmentGoal::Retirement,
            ],
            &[FamilyStage::Retired],
        ),
    };
    let horizon = if age >= 65 {
        pick(
            &[
                InvestmentHorizon::UnderOneYear,
                InvestmentHorizon::OneToThreeYears,
            ],
            n / 5,
        )
    } else {
        pick(InvestmentHorizon::ALL, n / 5)
    };
    let products: Vec<ProductInterest> = (0..1 + n % 3)
        .map(|i| pick(ProductInterest::ALL, n / 3 + i * 2))
        .collect();
    let fields = ClientPreferences {
        investment_goal: Some(pick(goals, n / 2).code().into()),
        horizon: Some(horizon.code().into()),
        liquidity_need: Some(pick(LiquidityNeed::ALL, n / 7).code().into()),
        products_of_interest: Some(products_text(&products)),
        family_stage: Some(pick(family, n / 11).code().into()),
        ..ClientPreferences::default()
    };
    Some(Record::Preferences(PreferencesRecord {
        id: client_id.to_string(),
        client_id: client_id.to_string(),
        fields,
        version: 1,
        history: Vec::new(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_profile_is_one_head_office_accepts() {
        for n in 1..500 {
            let assets = Fen::from_yuan(50_000 * (n as i64 % 90));
            let age = 20 + (n as i32 * 7) % 70;
            match profile(n, "C1", age, assets) {
                Some(Record::Preferences(p)) => assert_eq!(p.fields.problem(), None, "{p:?}"),
                Some(other) => panic!("not a profile: {other:?}"),
                None => assert_eq!(n % 5, 0),
            }
        }
    }
}
