//! The routes behind head office's web console (`/console`), each open to the roles of
//! `crate::access` it names.

use super::operations::{day, example, json_body, of, read, write, Access, Answer, Operation};
use crate::access::{
    ACCESS_LOG_READERS, COMPLIANCE, FINANCE, IT, LIBRARY_DRAFTERS, LIBRARY_READERS, REPORT_READERS,
    STAFF_READERS,
};
use domain::ProductRisk;
use protocol::console::{
    AccessAuditEntry, AccountChanged, AccountIssued, AccountRef, AccountStatus, ActionQuery,
    DaySpan, DisputeAnswer, DisputeInQueue, DisputeQuery, LibraryContent, LibraryDraft,
    LibraryItem, LibraryReview, LibrarySubmission, LibraryVerdict, NewAccount, StaffAction,
    StaffDirectory, StatementMonth, StatementsPublished,
};
use protocol::paths;
use protocol::ProductKind;

pub(super) const CONSOLE: &[Operation] = &[
    Operation {
        access: Access::Only(STAFF_READERS),
        ..read(
            paths::CONSOLE_STAFF,
            "staffDirectory",
            "console",
            "组织与人员",
            "The firm's units at any depth and every account placed in them, disabled ones \
             marked.",
            of::<StaffDirectory>,
        )
    },
    Operation {
        access: Access::Only(ACCESS_LOG_READERS),
        query: Some(of::<DaySpan>),
        ..read(
            paths::CONSOLE_ACCESS_LOG,
            "accessLog",
            "console",
            "敏感信息查看记录",
            "Every reveal and export of a client's personal data head office received on the \
             Beijing days `from` to `until` (at most 92), with the broker's stated reason.",
            of::<Vec<AccessAuditEntry>>,
        )
    },
    Operation {
        access: Access::Only(LIBRARY_READERS),
        ..read(
            paths::CONSOLE_LIBRARY,
            "libraryItems",
            "console",
            "资料库",
            "Every item of the firm's library with where it is in review and the version desks \
             have; items loaded from the firm's files are listed as published.",
            of::<Vec<LibraryItem>>,
        )
    },
    Operation {
        also: &[404],
        access: Access::Only(LIBRARY_DRAFTERS),
        ..write(
            paths::CONSOLE_LIBRARY_DRAFT,
            "saveLibraryDraft",
            "console",
            "保存资料草稿",
            "A new draft (no `id`) or the next version of an item; refused while the item waits \
             for compliance.",
            json_body(of::<LibraryDraft>, || {
                example(LibraryDraft {
                    id: None,
                    content: LibraryContent {
                        product_kind: ProductKind::ResearchReport,
                        title: "2027 年消费行业展望".into(),
                        summary: "关注需求复苏与估值修复的节奏".into(),
                        body: String::new(),
                        risk: ProductRisk::R3,
                        target_investors: domain::TargetInvestors::All,
                        valid_from: day(2026, 12, 1),
                        valid_until: day(2027, 3, 31),
                        security_code: None,
                        author: "研究所 王磊".into(),
                    },
                })
            }),
            of::<LibraryItem>,
        )
    },
    Operation {
        also: &[404],
        access: Access::Only(LIBRARY_DRAFTERS),
        ..write(
            paths::CONSOLE_LIBRARY_SUBMIT,
            "submitLibraryItem",
            "console",
            "提交合规审核",
            "Sends a draft to compliance; refused with every problem listed if compliance could \
             not approve it (a promise of returns, a lapsed validity, a missing field).",
            json_body(of::<LibrarySubmission>, || {
                example(LibrarySubmission {
                    id: "LIB-0A1B2C3D4E5F".into(),
                })
            }),
            of::<LibraryItem>,
        )
    },
    Operation {
        also: &[404],
        access: Access::Only(COMPLIANCE),
        ..write(
            paths::CONSOLE_LIBRARY_REVIEW,
            "reviewLibraryItem",
            "console",
            "合规审核",
            "Approves a submitted item, which every desk then has at its next sync; returns it \
             with a note; or withdraws a published one with a note, after which no broker can \
             push it. The drafter cannot approve their own item.",
            json_body(of::<LibraryReview>, || {
                example(LibraryReview {
                    id: "LIB-0A1B2C3D4E5F".into(),
                    verdict: LibraryVerdict::Return,
                    note: "摘要请删去对收益的描述".into(),
                })
            }),
            of::<LibraryItem>,
        )
    },
    Operation {
        access: Access::Only(ACCESS_LOG_READERS),
        query: Some(of::<ActionQuery>),
        ..read(
            paths::CONSOLE_ACTIONS,
            "staffActions",
            "console",
            "操作日志",
            "What head office's staff did in the console on the Beijing days `from` to `until` \
             (at most 92), newest first: who, what, to which client or item, and why. With `q`, \
             only entries that mention every one of its words.",
            of::<Vec<StaffAction>>,
        )
    },
    Operation {
        access: Access::Only(ACCESS_LOG_READERS),
        query: Some(of::<ActionQuery>),
        answer: Answer::Workbook,
        ..read(
            paths::CONSOLE_ACTIONS_XLSX,
            "staffActionsWorkbook",
            "console",
            "操作日志导出",
            "The operation log of `from` to `until` (at most 366 days), narrowed by `q` as the \
             list is, as an XLSX workbook oldest first, for filing.",
            of::<Vec<StaffAction>>,
        )
    },
    Operation {
        access: Access::Only(FINANCE),
        query: Some(of::<DisputeQuery>),
        ..read(
            paths::CONSOLE_DISPUTES,
            "disputeQueue",
            "console",
            "佣金异议",
            "Brokers' disputes of their statements, oldest first, with whose and which month; \
             only open ones unless `all`.",
            of::<Vec<DisputeInQueue>>,
        )
    },
    Operation {
        also: &[404],
        access: Access::Only(FINANCE),
        ..write(
            paths::CONSOLE_DISPUTE_ANSWER,
            "answerDispute",
            "console",
            "答复异议",
            "Resolved or rejected, with words the broker reads on their desk after the next sync; \
             answers with the open queue.",
            json_body(of::<DisputeAnswer>, || {
                example(DisputeAnswer {
                    id: "D-0001".into(),
                    status: protocol::DisputeStatus::Resolved,
                    answer: "已核实，下月结算时退还 1.00 元".into(),
                })
            }),
            of::<Vec<DisputeInQueue>>,
        )
    },
    Operation {
        access: Access::Only(FINANCE),
        ..write(
            paths::CONSOLE_STATEMENTS_PUBLISH,
            "publishStatements",
            "console",
            "发布结算单",
            "Every broker's official statement for a month that has ended (again, if it was \
             published before: a corrected figure reaches the desks as a difference).",
            json_body(of::<StatementMonth>, || {
                example(StatementMonth {
                    month: day(2026, 11, 1),
                })
            }),
            of::<StatementsPublished>,
        )
    },
    Operation {
        access: Access::Only(IT),
        ..write(
            paths::CONSOLE_ACCOUNTS,
            "addAccount",
            "console",
            "开立账号",
            "An account of any role placed in a unit, with a temporary password shown once.",
            json_body(of::<NewAccount>, || {
                example(NewAccount {
                    username: "compliance02".into(),
                    display_name: "李清".into(),
                    role: protocol::Role::Compliance,
                    unit_id: "HQ".into(),
                })
            }),
            of::<AccountIssued>,
        )
    },
    Operation {
        access: Access::Only(IT),
        ..write(
            paths::CONSOLE_ACCOUNT_STATUS,
            "setAccountStatus",
            "console",
            "停用或启用账号",
            "Disabling ends every session of the account at once; enabling lets it sign in again.",
            json_body(of::<AccountStatus>, || {
                example(AccountStatus {
                    username: "broker07".into(),
                    disabled: true,
                })
            }),
            of::<AccountChanged>,
        )
    },
    Operation {
        access: Access::Only(IT),
        ..write(
            paths::CONSOLE_ACCOUNT_PASSWORD,
            "resetPassword",
            "console",
            "重置密码",
            "A new temporary password, shown once; every session of the account ends.",
            json_body(of::<AccountRef>, || {
                example(AccountRef {
                    username: "broker07".into(),
                })
            }),
            of::<AccountIssued>,
        )
    },
    Operation {
        access: Access::Only(REPORT_READERS),
        query: Some(of::<protocol::team::TeamQuery>),
        answer: Answer::Workbook,
        also: &[404],
        ..read(
            paths::CONSOLE_REPORT_XLSX,
            "summaryReportWorkbook",
            "console",
            "汇总报表导出",
            "The dashboard of a unit of the caller's subtree (their own when `unit` is absent) for \
             a month, as an XLSX workbook: one row per direct report and the total.",
            of::<protocol::team::TeamDashboard>,
        )
    },
];
