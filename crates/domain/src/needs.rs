//! 客户需求分析: the structured part of what a client wants from the firm (goal, horizon, liquidity,
//! products of interest, family stage). Each answer travels as its code, a short text, so a profile
//! merges field by field exactly like the contact preferences it extends.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

choices! {
    /// 投资目标.
    InvestmentGoal {
        CapitalPreservation = "capital_preservation", "保本保值";
        SteadyGrowth = "steady_growth", "稳健增值";
        AggressiveGrowth = "aggressive_growth", "积极成长";
        Retirement = "retirement", "养老规划";
        ChildEducation = "child_education", "子女教育";
        Legacy = "legacy", "财富传承";
    }
}

choices! {
    /// 投资期限: the bands of the suitability questionnaire.
    InvestmentHorizon {
        UnderOneYear = "under_1y", "1 年以内";
        OneToThreeYears = "1y_to_3y", "1–3 年";
        ThreeToFiveYears = "3y_to_5y", "3–5 年";
        OverFiveYears = "over_5y", "5 年以上";
    }
}

choices! {
    /// 流动性需求: how soon the client may need the money back.
    LiquidityNeed {
        High = "high", "高（随时可能用钱）";
        Medium = "medium", "中（一年内可能部分用钱）";
        Low = "low", "低（闲置资金）";
    }
}

choices! {
    /// 感兴趣的产品.
    ProductInterest {
        Equity = "equity", "股票";
        Fund = "fund", "公募基金";
        Bond = "bond", "债券";
        WealthManagement = "wealth_management", "理财/资管";
        Margin = "margin", "融资融券";
        Options = "options", "期权";
        Gold = "gold", "黄金";
    }
}

choices! {
    /// 家庭情况.
    FamilyStage {
        Single = "single", "单身";
        Married = "married", "已婚无子女";
        MarriedWithChildren = "with_children", "已婚有子女";
        ChildrenGrown = "children_grown", "子女已独立";
        Retired = "retired", "已退休";
    }
}

impl InvestmentHorizon {
    /// The years the band starts at: "at least three years" is every band starting at three or
    /// more.
    pub fn min_years(self) -> u8 {
        match self {
            InvestmentHorizon::UnderOneYear => 0,
            InvestmentHorizon::OneToThreeYears => 1,
            InvestmentHorizon::ThreeToFiveYears => 3,
            InvestmentHorizon::OverFiveYears => 5,
        }
    }

    /// This band and every longer one.
    pub fn at_least(self) -> Vec<InvestmentHorizon> {
        Self::ALL
            .iter()
            .copied()
            .filter(|h| h.min_years() >= self.min_years())
            .collect()
    }
}

/// A needs answer that is not one of the choices, named by the question it answers.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{question}的取值“{value}”无法识别，请从列表中选择")]
pub struct UnknownChoice {
    pub question: &'static str,
    pub value: String,
}

fn checked<T>(
    question: &'static str,
    code: Option<&str>,
    parse: fn(&str) -> Option<T>,
) -> Result<(), UnknownChoice> {
    match code {
        Some(c) if parse(c).is_none() => Err(UnknownChoice {
            question,
            value: c.to_string(),
        }),
        _ => Ok(()),
    }
}

/// The products as stored: codes in the form's order, each once, comma-separated.
pub fn products_text(products: &[ProductInterest]) -> String {
    ProductInterest::ALL
        .iter()
        .filter(|p| products.contains(p))
        .map(|p| p.code())
        .collect::<Vec<_>>()
        .join(",")
}

/// The stored products back as choices.
pub fn parse_products(text: &str) -> Result<Vec<ProductInterest>, UnknownChoice> {
    text.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| {
            ProductInterest::parse(c).ok_or_else(|| UnknownChoice {
                question: "感兴趣的产品",
                value: c.to_string(),
            })
        })
        .collect()
}

/// The needs answers as codes, the way a profile carries them.
#[derive(Debug, Clone, Copy, Default)]
pub struct NeedsAnswers<'a> {
    pub investment_goal: Option<&'a str>,
    pub horizon: Option<&'a str>,
    pub liquidity_need: Option<&'a str>,
    pub products_of_interest: Option<&'a str>,
    pub family_stage: Option<&'a str>,
}

/// Every answer is one of its question's choices (or not given).
pub fn check(answers: &NeedsAnswers<'_>) -> Result<(), UnknownChoice> {
    checked("投资目标", answers.investment_goal, InvestmentGoal::parse)?;
    checked("投资期限", answers.horizon, InvestmentHorizon::parse)?;
    checked("流动性需求", answers.liquidity_need, LiquidityNeed::parse)?;
    checked("家庭情况", answers.family_stage, FamilyStage::parse)?;
    if let Some(text) = answers.products_of_interest {
        parse_products(text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_what_serde_writes_and_parse_back() {
        for g in InvestmentGoal::ALL {
            assert_eq!(
                serde_json::to_string(g).unwrap(),
                format!("\"{}\"", g.code())
            );
            assert_eq!(InvestmentGoal::parse(g.code()), Some(*g));
        }
        for h in InvestmentHorizon::ALL {
            assert_eq!(
                serde_json::to_string(h).unwrap(),
                format!("\"{}\"", h.code())
            );
        }
    }

    #[test]
    fn at_least_three_years_is_the_two_longest_bands() {
        assert_eq!(
            InvestmentHorizon::ThreeToFiveYears.at_least(),
            vec![
                InvestmentHorizon::ThreeToFiveYears,
                InvestmentHorizon::OverFiveYears
            ]
        );
        assert_eq!(
            InvestmentHorizon::UnderOneYear.at_least().len(),
            InvestmentHorizon::ALL.len()
        );
    }

    #[test]
    fn products_are_stored_once_each_in_the_forms_order() {
        let text = products_text(&[
            ProductInterest::Gold,
            ProductInterest::Equity,
            ProductInterest::Gold,
        ]);
        assert_eq!(text, "equity,gold");
        assert_eq!(
            parse_products(&text).unwrap(),
            vec![ProductInterest::Equity, ProductInterest::Gold]
        );
        assert_eq!(products_text(&[]), "");
    }

    #[test]
    fn an_unknown_answer_names_its_question() {
        let err = check(&NeedsAnswers {
            horizon: Some("forever"),
            ..NeedsAnswers::default()
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "投资期限的取值“forever”无法识别，请从列表中选择"
        );
        let err = check(&NeedsAnswers {
            products_of_interest: Some("equity,crypto"),
            ..NeedsAnswers::default()
        })
        .unwrap_err();
        assert!(err.to_string().starts_with("感兴趣的产品"));
        assert!(check(&NeedsAnswers {
            investment_goal: Some("steady_growth"),
            horizon: Some("over_5y"),
            liquidity_need: Some("low"),
            products_of_interest: Some("fund,bond"),
            family_stage: Some("retired"),
        })
        .is_ok());
    }
}
