//! The broker force's routes in the console: reshaping the firm's tree (`access::ORG_KEEPERS`)
//! and brokers' levels, classes and groups.

use super::operations::{example, json_body, of, read, write, Access, Operation};
use crate::access::{BROKER_FORCE, LEVEL_READERS, ORG_KEEPERS};
use domain::broker_category::{BrokerCategory, CategoryKind};
use protocol::broker_force::{
    AppraisalBoard, AppraisalMonth, AppraisalQuery, AppraisalsPublished, BrokerCategorization,
    LevelBoard, LevelMove, NewBrokerCategory, NewOrgUnit, OrgChanged, Placement, SchemeChange,
    SchemeRemoval, UnitClosure, UnitMove,
};
use protocol::paths;

pub(super) const ORG: &[Operation] = &[
    Operation {
        access: Access::Only(ORG_KEEPERS),
        ..write(
            paths::CONSOLE_UNITS,
            "addUnit",
            "console",
            "新建单位",
            "A unit under an open one, at any depth: a branch, a team, a group. Its id is 1 to 16 \
             letters or digits, unique in the firm.",
            json_body(of::<NewOrgUnit>, || {
                example(NewOrgUnit {
                    id: "TM07".into(),
                    parent_id: "BR01".into(),
                    name: "财富管理三组".into(),
                })
            }),
            of::<OrgChanged>,
        )
    },
    Operation {
        access: Access::Only(ORG_KEEPERS),
        ..write(
            paths::CONSOLE_UNIT_MOVE,
            "moveUnit",
            "console",
            "调整上级单位",
            "Hangs a unit, with everything under it, under another open unit; never under itself \
             or its own units. Leads' dashboards follow the tree from their next read.",
            json_body(of::<UnitMove>, || {
                example(UnitMove {
                    unit_id: "TM07".into(),
                    parent_id: "BR02".into(),
                    reason: "营业部间团队调整".into(),
                })
            }),
            of::<OrgChanged>,
        )
    },
    Operation {
        access: Access::Only(ORG_KEEPERS),
        ..write(
            paths::CONSOLE_UNIT_CLOSE,
            "closeUnit",
            "console",
            "撤销单位",
            "Closes a unit with nobody active placed in it and every unit below it closed. It \
             stays in the tree for the reports of its past; nobody is placed in it again.",
            json_body(of::<UnitClosure>, || {
                example(UnitClosure {
                    unit_id: "TM07".into(),
                    reason: "团队并入财富管理一组".into(),
                })
            }),
            of::<OrgChanged>,
        )
    },
    Operation {
        access: Access::Only(ORG_KEEPERS),
        ..write(
            paths::CONSOLE_PLACEMENT,
            "placeStaff",
            "console",
            "人员调动",
            "Places an account in an open unit. A broker keeps their clients; their leads become \
             those of the new unit.",
            json_body(of::<Placement>, || {
                example(Placement {
                    username: "broker07".into(),
                    unit_id: "TM02".into(),
                    reason: "按渠道重新分组".into(),
                })
            }),
            of::<OrgChanged>,
        )
    },
    Operation {
        access: Access::Only(LEVEL_READERS),
        ..read(
            paths::CONSOLE_LEVELS,
            "brokerLevels",
            "console",
            "经纪人级别",
            "Every active broker with the level (pay plan) in force today and the moves already \
             set for later days, and the levels there are.",
            of::<LevelBoard>,
        )
    },
    Operation {
        access: Access::Only(BROKER_FORCE),
        ..write(
            paths::CONSOLE_LEVEL_MOVE,
            "moveLevel",
            "console",
            "调整级别",
            "Moves a broker to another level from `effective_from`: today or later, a year ahead \
             at most, so days already worked stay paid as they were. A move set for the same \
             day is replaced. A level on another class's ladder moves the broker to that class \
             from the same day. The desk has it with its next pay terms.",
            json_body(of::<LevelMove>, || {
                example(LevelMove {
                    broker_id: "B007".into(),
                    plan_id: "PP-IA1".into(),
                    effective_from: chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or_default(),
                    reason: "年度考核优秀，晋升一级".into(),
                })
            }),
            of::<OrgChanged>,
        )
    },
    Operation {
        access: Access::Only(BROKER_FORCE),
        ..write(
            paths::CONSOLE_BROKER_CATEGORY,
            "addBrokerCategory",
            "console",
            "新增类别或组别",
            "Adds a class (类别: the kind of work, e.g. 理财顾问) or a group (组别: the channel, e.g. \
             银行渠道) to the firm's lists. Its id is 2 to 16 capitals, digits or hyphens, unique \
             across both; its name is unique among its kind.",
            json_body(of::<NewBrokerCategory>, || {
                example(NewBrokerCategory {
                    category: BrokerCategory {
                        id: "CL-PB".into(),
                        kind: CategoryKind::Class,
                        name: "私人银行顾问".into(),
                    },
                    reason: "新设私人银行业务".into(),
                })
            }),
            of::<OrgChanged>,
        )
    },
    Operation {
        access: Access::Only(BROKER_FORCE),
        ..write(
            paths::CONSOLE_BROKER_CATEGORIZE,
            "categorizeBroker",
            "console",
            "调整分类",
            "Places an active broker in a class and a group of the lists; either may be none. \
             The level board shows both and filters by them. A broker whose level today is on a \
             class's ladder is of that class: another class is refused (move their level \
             instead).",
            json_body(of::<BrokerCategorization>, || {
                example(BrokerCategorization {
                    broker_id: "B007".into(),
                    class_id: Some("CL-IA".into()),
                    group_id: Some("GR-BANK".into()),
                    reason: "调往银行渠道".into(),
                })
            }),
            of::<OrgChanged>,
        )
    },
    Operation {
        access: Access::Only(LEVEL_READERS),
        query: Some(of::<AppraisalQuery>),
        ..read(
            paths::CONSOLE_APPRAISAL,
            "brokerAppraisal",
            "console",
            "经纪人考核",
            "A month's appraisal (考核) of every active broker, level by level: each measure of \
             the level's scheme scored by where the broker stands among the level's brokers (0 \
             to 100), weighted, ranked; with the month's figures behind every score.",
            of::<AppraisalBoard>,
        )
    },
    Operation {
        access: Access::Only(BROKER_FORCE),
        ..write(
            paths::CONSOLE_APPRAISAL_PUBLISH,
            "publishAppraisal",
            "console",
            "发布考核结果",
            "Publishes a month that is over: each broker's own card is kept and reaches their \
             desk at its next sync. Publishing a month again replaces its cards.",
            json_body(of::<AppraisalMonth>, || {
                example(AppraisalMonth {
                    month: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default(),
                })
            }),
            of::<AppraisalsPublished>,
        )
    },
    Operation {
        access: Access::Only(BROKER_FORCE),
        ..write(
            paths::CONSOLE_APPRAISAL_SCHEME,
            "setAppraisalScheme",
            "console",
            "调整考核方案",
            "Sets a level's or a class's scheme: each measure once, weights adding up to 100. \
             A class's scheme comes before its brokers' levels' and ranks them among the \
             class. The month's appraisal reads it at once; months already published keep \
             their cards.",
            json_body(of::<SchemeChange>, || {
                example(SchemeChange {
                    scheme: domain::appraisal::AppraisalScheme::firm_default(
                        domain::appraisal::Appraised::Class("CL-IA".into()),
                    ),
                    reason: "投资顾问加强客户服务考核".into(),
                })
            }),
            of::<OrgChanged>,
        )
    },
    Operation {
        also: &[404],
        access: Access::Only(BROKER_FORCE),
        ..write(
            paths::CONSOLE_APPRAISAL_SCHEME_REMOVE,
            "removeAppraisalScheme",
            "console",
            "取消考核方案",
            "Drops a class's or level's own scheme: the class's brokers are appraised among \
             their levels again, a level by the firm's default. 404 when it has none.",
            json_body(of::<SchemeRemoval>, || {
                example(SchemeRemoval {
                    applies_to: domain::appraisal::Appraised::Class("CL-IA".into()),
                    reason: "投资顾问改按级别统一考核".into(),
                })
            }),
            of::<OrgChanged>,
        )
    },
];
