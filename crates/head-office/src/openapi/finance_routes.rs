//! The routes of finance's pay work in the console (薪酬方案, 交易费率表, 更正成交佣金), open to
//! `access::FINANCE`.

use super::operations::{day, example, json_body, of, read, write, Access, Operation};
use crate::access::FINANCE;
use domain::pay_plan::{DevelopmentSplit, PayPlan, ShareBand};
use domain::{FeeSchedule, Fen, Rate};
use protocol::console::{
    DevelopmentSplitChange, FeeScheduleChange, GroupAllowanceChange, PayPlanChange,
    PayPlanOverview, TradeCharge, TradeChargeQuery, TradeCommissionCorrection,
};
use protocol::paths;

pub(super) const FINANCE_ROUTES: &[Operation] = &[
    Operation {
        access: Access::Only(FINANCE),
        ..read(
            paths::CONSOLE_PAY_PLANS,
            "payPlans",
            "console",
            "薪酬方案",
            "The firm's pay plans, how many active brokers each pays today, the brokers with \
             none, and the development splits.",
            of::<PayPlanOverview>,
        )
    },
    Operation {
        access: Access::Only(FINANCE),
        ..write(
            paths::CONSOLE_PAY_PLAN_SAVE,
            "savePayPlan",
            "console",
            "保存薪酬方案",
            "Adds a pay plan (a new `id`) or changes one: 2 to 16 capitals, digits or hyphens; a \
             name no other plan has; bands from ¥0 up in ascending order, at most 10; rates \
             between 0 and 100%. Brokers on the plan are paid by it in every statement not yet \
             published; published ones stay as they were. `class_id` puts the level on a class's \
             ladder (a broker on it is of that class), and is fixed once any broker was set to be \
             paid by it. Answers the plans as they now stand.",
            json_body(of::<PayPlanChange>, || {
                example(PayPlanChange {
                    plan: PayPlan {
                        id: "AM4".into(),
                        name: "客户经理（四级）".into(),
                        base_pay: Fen::from_yuan(4_500),
                        monthly_threshold: Fen::from_yuan(8_000),
                        bands: vec![
                            ShareBand {
                                from: Fen::ZERO,
                                rate: Rate(2_000_000),
                            },
                            ShareBand {
                                from: Fen::from_yuan(50_000),
                                rate: Rate(3_000_000),
                            },
                        ],
                        new_asset_bonus: Rate(1_000),
                    },
                    class_id: Some("CL-AM".into()),
                    reason: "新设四级客户经理，自下月起适用".into(),
                })
            }),
            of::<PayPlanOverview>,
        )
    },
    Operation {
        access: Access::Only(FINANCE),
        ..write(
            paths::CONSOLE_DEVELOPMENT_SPLIT,
            "setDevelopmentSplit",
            "console",
            "开发关系分成",
            "Sets the developing broker's share of a client's net commission, when another broker \
             serves the client, from `effective_from` on: today or later, a year ahead at most; \
             one already set for that day is replaced.",
            json_body(of::<DevelopmentSplitChange>, || {
                example(DevelopmentSplitChange {
                    split: DevelopmentSplit {
                        effective_from: day(2027, 1, 1),
                        developer_share: Rate(3_000_000),
                    },
                    reason: "按新的经纪业务管理办法调整".into(),
                })
            }),
            of::<PayPlanOverview>,
        )
    },
    Operation {
        access: Access::Only(FINANCE),
        ..write(
            paths::CONSOLE_FEE_SCHEDULE,
            "addFeeSchedule",
            "console",
            "交易费率表",
            "Adds the exchanges' and regulators' fees from `effective_from` on (today or later, a \
             year ahead at most; one already set for that day is replaced). Each rate is checked \
             against the most any has been: 万10 for a fee, 万30 for stamp duty, ¥100 for the \
             minimum commission. Trades from that day are costed by it on every desk.",
            json_body(of::<FeeScheduleChange>, || {
                example(FeeScheduleChange {
                    schedule: FeeSchedule {
                        effective_from: day(2027, 1, 1),
                        ..FeeSchedule::since_2023_08_28()
                    },
                    reason: "交易所下调经手费".into(),
                })
            }),
            of::<PayPlanOverview>,
        )
    },
    Operation {
        access: Access::Only(FINANCE),
        ..write(
            paths::CONSOLE_GROUP_ALLOWANCE,
            "setGroupAllowance",
            "console",
            "组别津贴",
            "Sets a group's monthly allowance (0 for none, ¥20,000 at most), paid to each broker \
             for the days of the month they spend in the group. It pays from the statements not \
             yet published; published ones keep what they said.",
            json_body(of::<GroupAllowanceChange>, || {
                example(GroupAllowanceChange {
                    group_id: "GR-BANK".into(),
                    monthly: Fen::from_yuan(800),
                    reason: "银行驻点补贴按新协议调整".into(),
                })
            }),
            of::<PayPlanOverview>,
        )
    },
    Operation {
        also: &[404],
        access: Access::Only(FINANCE),
        query: Some(of::<TradeChargeQuery>),
        ..read(
            paths::CONSOLE_TRADE_CHARGE,
            "tradeCharge",
            "console",
            "成交佣金",
            "What one trade was charged: its amount, commission, the fees inside the commission \
             and the net commission the broker is credited.",
            of::<TradeCharge>,
        )
    },
    Operation {
        also: &[404],
        access: Access::Only(FINANCE),
        ..write(
            paths::CONSOLE_TRADE_CORRECTION,
            "correctTradeCommission",
            "console",
            "更正成交佣金",
            "Corrects what a trade was charged: never below the fees inside it, never above 0.3 % \
             of its amount (or the ¥5 minimum where that is more). The broker's desk has it at \
             its next sync; the month's statement once finance publishes it again. The old and \
             new figures and the reason go to the operation log.",
            json_body(of::<TradeCommissionCorrection>, || {
                example(TradeCommissionCorrection {
                    trade_id: "T00001234".into(),
                    commission: Fen::from_yuan(25),
                    reason: "客户佣金率已于当月下调，按新佣金率更正".into(),
                })
            }),
            of::<TradeCharge>,
        )
    },
];
