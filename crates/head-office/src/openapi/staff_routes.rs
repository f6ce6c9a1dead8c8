//! The routes of leads, customer service and the firm's own systems, and the meta routes.

use super::operations::{
    day, example, import_kinds, json_body, of, read, write, Access, Body, Operation,
};
use crate::access::{IT, LEADS, REPORT_READERS, SERVICE_DESK};
use firm_import::ImportReport;
use protocol::backups::{BackupFile, BackupShelf};
use protocol::gateway::{ReceiptBatch, ReceiptOutcome};
use protocol::service::{ComplaintQuery, ComplaintUpdate};
use protocol::team::{
    AssignTasks, AssignedTasks, BrokerDashboard, BrokerQuery, CommentQuery, CommentRecord,
    CommentSubject, NewComment, TeamDashboard, TeamQuery, TransferDecision, TransferRequestRecord,
};
use protocol::{paths, Health, OpenComplaint, ServiceCaseRecord};
use schemars::Schema;

pub(super) const STAFF: &[Operation] = &[
    Operation {
        access: Access::Only(REPORT_READERS),
        query: Some(of::<TeamQuery>),
        also: &[404],
        ..read(
            paths::TEAM_DASHBOARD,
            "teamDashboard",
            "team",
            "团队看板",
            "A unit of the caller's subtree (their own when `unit` is absent) and its direct \
             reports' figures for a month. Brokers are refused.",
            of::<TeamDashboard>,
        )
    },
    Operation {
        access: Access::Only(REPORT_READERS),
        query: Some(of::<BrokerQuery>),
        also: &[404],
        ..read(
            paths::TEAM_BROKER,
            "teamBroker",
            "team",
            "经纪人看板",
            "One broker of the caller's subtree, read-only, clients masked.",
            of::<BrokerDashboard>,
        )
    },
    Operation {
        access: Access::Only(LEADS),
        also: &[404],
        ..write(
            paths::TEAM_TASKS,
            "assignTasks",
            "team",
            "布置任务",
            "One task for each assignee of the caller's subtree, in that broker's agenda.",
            json_body(of::<AssignTasks>, || {
                example(AssignTasks {
                    assignees: vec!["U-broker01".into()],
                    title: "月底前回访高净值客户".into(),
                    detail: None,
                    due_on: day(2026, 3, 31),
                })
            }),
            of::<AssignedTasks>,
        )
    },
    Operation {
        access: Access::Only(LEADS),
        ..read(
            paths::TEAM_TRANSFERS,
            "transferRequests",
            "team",
            "客户转移申请",
            "Transfer requests raised in the caller's subtree.",
            of::<Vec<TransferRequestRecord>>,
        )
    },
    Operation {
        access: Access::Only(LEADS),
        also: &[404],
        ..write(
            paths::TEAM_TRANSFER_DECIDE,
            "decideTransfer",
            "team",
            "审批客户转移",
            "Approves or rejects a pending request of the caller's subtree; an approved one moves \
             the client with its history.",
            json_body(of::<TransferDecision>, || {
                example(TransferDecision {
                    request_id: "TR-0001".into(),
                    approve: true,
                    note: Some("同意，请做好交接".into()),
                })
            }),
            of::<TransferRequestRecord>,
        )
    },
    Operation {
        access: Access::Only(LEADS),
        query: Some(of::<CommentQuery>),
        also: &[404],
        ..read(
            paths::TEAM_COMMENTS,
            "comments",
            "team",
            "内部交流",
            "The thread on a task or transfer request of the caller's subtree.",
            of::<Vec<CommentRecord>>,
        )
    },
    Operation {
        access: Access::Only(LEADS),
        also: &[404],
        ..write(
            paths::TEAM_COMMENTS,
            "addComment",
            "team",
            "留言",
            "Adds the caller's message to a thread of their subtree.",
            json_body(of::<NewComment>, || {
                example(NewComment {
                    subject: CommentSubject::Task,
                    subject_id: "T-0001".into(),
                    body: "请本周内完成".into(),
                })
            }),
            of::<Vec<CommentRecord>>,
        )
    },
    Operation {
        access: Access::Only(SERVICE_DESK),
        query: Some(of::<ComplaintQuery>),
        ..read(
            paths::SERVICE_COMPLAINTS,
            "complaints",
            "service",
            "投诉队列",
            "Customer service's complaints by deadline: open ones unless `all`.",
            of::<Vec<OpenComplaint>>,
        )
    },
    Operation {
        access: Access::Only(SERVICE_DESK),
        also: &[404],
        ..write(
            paths::SERVICE_COMPLAINT_UPDATE,
            "updateComplaint",
            "service",
            "推进投诉",
            "Moves a complaint one step on with a note.",
            Body::Json {
                schema: of::<ComplaintUpdate>,
                example: None,
            },
            of::<ServiceCaseRecord>,
        )
    },
    Operation {
        access: Access::Only(SERVICE_DESK),
        also: &[404],
        ..write(
            paths::SERVICE_VISITS,
            "returnVisit",
            "service",
            "记录回访",
            "A return visit with its result and satisfaction score (1–5).",
            Body::Json {
                schema: of::<protocol::NewReturnVisit>,
                example: None,
            },
            of::<ServiceCaseRecord>,
        )
    },
    Operation {
        access: Access::GatewaySignature,
        versioned: false,
        body: Body::Json {
            schema: of::<ReceiptBatch>,
            example: None,
        },
        ..write(
            paths::CHANNEL_RECEIPTS,
            "channelReceipts",
            "integration",
            "网关回执",
            "What became of each message the firm's gateway was handed, signed with the channel's \
             secret. A receipt only moves a delivery forward, so a batch may be sent again. 404 \
             while no channel is configured.",
            Body::None,
            of::<ReceiptOutcome>,
        )
    },
    Operation {
        access: Access::Only(IT),
        ..read(
            paths::CONSOLE_BACKUPS,
            "backups",
            "console",
            "数据备份",
            "The backup directory IT set on the server (`head-office backup-dir`), none until \
             set, and the backups in it, newest first.",
            of::<BackupShelf>,
        )
    },
    Operation {
        access: Access::Only(IT),
        ..write(
            paths::CONSOLE_BACKUP_TAKE,
            "takeBackup",
            "console",
            "立即备份",
            "A consistent copy of the whole database, taken while head office serves, into the \
             backup directory and named by when it was taken; refused (422) until IT sets the \
             directory. `head-office restore` puts one back.",
            Body::None,
            of::<BackupFile>,
        )
    },
    Operation {
        access: Access::Only(IT),
        versioned: false,
        path_params: &[("kind", import_kinds)],
        query: Some(of::<crate::api::ImportQuery>),
        body: Body::File,
        also: &[404],
        ..write(
            paths::ADMIN_IMPORT,
            "importFile",
            "integration",
            "导入公司数据",
            "One of the firm's files, as `head-office import` loads it. A \
             file with bad rows is refused whole (422, every row named) unless `skip_bad`.",
            Body::None,
            of::<ImportReport>,
        )
    },
    Operation {
        access: Access::Public,
        versioned: false,
        ..read(
            paths::HEALTH,
            "health",
            "meta",
            "健康检查",
            "For a load balancer's check.",
            of::<Health>,
        )
    },
    Operation {
        access: Access::Public,
        versioned: false,
        ..read(
            paths::OPENAPI,
            "openapi",
            "meta",
            "本文档",
            "This OpenAPI 3.1 document.",
            |_| Schema::from(true),
        )
    },
];
