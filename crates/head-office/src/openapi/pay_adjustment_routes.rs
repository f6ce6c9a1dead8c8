//! The routes of finance's adjustments of a broker's month (薪酬调整) and the brokers' monthly
//! targets (月度目标), open to `access::FINANCE`.

use super::operations::{day, example, json_body, of, read, write, Access, Operation};
use crate::access::FINANCE;
use domain::pay_adjustment::PayAdjustment;
use domain::Fen;
use protocol::paths;
use protocol::pay_adjustments::{
    AdjustmentMonth, AdjustmentRemoval, BrokerTarget, MonthAdjustments, MonthlyTargetChange,
};

fn clawback() -> PayAdjustment {
    PayAdjustment {
        broker_id: "B001".into(),
        month: day(2026, 11, 1),
        amount: Fen::from_yuan(-300),
        note: "客户投诉核实，扣回当月服务奖励".into(),
    }
}

pub(super) const PAY_ADJUSTMENT_ROUTES: &[Operation] = &[
    Operation {
        access: Access::Only(FINANCE),
        query: Some(of::<AdjustmentMonth>),
        ..read(
            paths::CONSOLE_PAY_ADJUSTMENTS,
            "payAdjustments",
            "console",
            "薪酬调整",
            "Every adjustment of the month of `month` (any day of it), largest first, and how \
             many brokers' statements of that month are already published.",
            of::<MonthAdjustments>,
        )
    },
    Operation {
        access: Access::Only(FINANCE),
        ..write(
            paths::CONSOLE_PAY_ADJUSTMENT_ADD,
            "addPayAdjustment",
            "console",
            "新增薪酬调整",
            "Adds to a broker's month an amount outside the pay plan: positive to pay more, \
             negative to claw back, at most ¥1,000,000 either way, never zero. The note (1 to \
             100 characters) is the reason and the broker reads it on the statement. This month \
             or any before it; a month already published shows the adjustment once finance \
             publishes it again. Answers the month's adjustments.",
            json_body(of::<PayAdjustment>, || example(clawback())),
            of::<MonthAdjustments>,
        )
    },
    Operation {
        also: &[404],
        access: Access::Only(FINANCE),
        ..write(
            paths::CONSOLE_PAY_ADJUSTMENT_REMOVE,
            "removePayAdjustment",
            "console",
            "撤销薪酬调整",
            "Takes back out one adjustment equal to the one named (broker, month, amount and \
             note), with a reason for the operation log. 404 when there is none, e.g. another \
             officer took it out meanwhile.",
            json_body(of::<AdjustmentRemoval>, || {
                example(AdjustmentRemoval {
                    adjustment: clawback(),
                    reason: "投诉复核后撤销，不予扣回".into(),
                })
            }),
            of::<MonthAdjustments>,
        )
    },
    Operation {
        access: Access::Only(FINANCE),
        ..read(
            paths::CONSOLE_MONTHLY_TARGETS,
            "monthlyTargets",
            "console",
            "月度目标",
            "Every active broker with their unit and the net commission they are asked to reach \
             each month (zero: none).",
            of::<Vec<BrokerTarget>>,
        )
    },
    Operation {
        access: Access::Only(FINANCE),
        ..write(
            paths::CONSOLE_MONTHLY_TARGET_SET,
            "setMonthlyTarget",
            "console",
            "设置月度目标",
            "Sets an active broker's monthly net-commission target, from ¥0 (none) to \
             ¥10,000,000, with a reason for the operation log. The broker's desk measures the \
             month against it from its next sync. Answers every broker's target.",
            json_body(of::<MonthlyTargetChange>, || {
                example(MonthlyTargetChange {
                    broker_id: "B001".into(),
                    net_commission: Fen::from_yuan(40_000),
                    reason: "年度任务分解到月".into(),
                })
            }),
            of::<Vec<BrokerTarget>>,
        )
    },
];
