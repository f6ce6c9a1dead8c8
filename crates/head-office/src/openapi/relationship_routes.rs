//! The routes of broker–client relationships in the console (客户关系), open to
//! `access::RELATIONSHIPS`.

use super::operations::{day, example, json_body, of, read, write, Access, Operation};
use crate::access::RELATIONSHIPS;
use protocol::handover::{BookHandover, HandoverPlan, PreviewedBook};
use protocol::paths;
use protocol::relationships::{
    ClientOwnership, ClientSearch, ClientShare, ClientShareEnd, ClientTransfer, ScheduledTransfer,
    ScheduledTransferCancel,
};

pub(super) const RELATIONSHIPS_ROUTES: &[Operation] = &[
    Operation {
        access: Access::Only(RELATIONSHIPS),
        query: Some(of::<ClientSearch>),
        ..read(
            paths::CONSOLE_CLIENTS,
            "findClients",
            "console",
            "查找客户",
            "Clients of the whole firm whose id is `q` or whose name contains it (at least two \
             characters), at most 50, with who serves them.",
            of::<Vec<ClientOwnership>>,
        )
    },
    Operation {
        also: &[404],
        access: Access::Only(RELATIONSHIPS),
        ..write(
            paths::CONSOLE_CLIENT_TRANSFER,
            "transferClient",
            "console",
            "客户划转",
            "Moves a client with their whole history to another active broker's book; both desks \
             follow at their next sync. Without `effective_on`, or with today, the move is made \
             at once; with a later day (three months ahead at most) it is set for the start of \
             that day, Beijing time, and the answer's `scheduled` says so. A client has at most \
             one move waiting. The reason (4 to 200 characters) goes to the operation log.",
            json_body(of::<ClientTransfer>, || {
                example(ClientTransfer {
                    client_id: "C000123".into(),
                    to_broker_id: "B002".into(),
                    reason: "原经纪人离职，客户由同组经纪人接续服务".into(),
                    effective_on: Some(day(2027, 1, 1)),
                })
            }),
            of::<ClientOwnership>,
        )
    },
    Operation {
        access: Access::Only(RELATIONSHIPS),
        ..read(
            paths::CONSOLE_SCHEDULED_TRANSFERS,
            "scheduledTransfers",
            "console",
            "待生效的划转",
            "The moves set for a later day and not made yet, soonest first, each with who serves \
             the client now.",
            of::<Vec<ScheduledTransfer>>,
        )
    },
    Operation {
        also: &[404],
        access: Access::Only(RELATIONSHIPS),
        ..write(
            paths::CONSOLE_SCHEDULED_TRANSFER_CANCEL,
            "cancelScheduledTransfer",
            "console",
            "撤销待生效的划转",
            "Calls off a move before its day; the client stays where they are. The reason goes to \
             the operation log. Answers the moves still waiting.",
            json_body(of::<ScheduledTransferCancel>, || {
                example(ScheduledTransferCancel {
                    id: "ST-0A1B2C3D4E5F".into(),
                    reason: "经纪人撤回离职申请，继续服务该客户".into(),
                })
            }),
            of::<Vec<ScheduledTransfer>>,
        )
    },
    Operation {
        also: &[404],
        access: Access::Only(RELATIONSHIPS),
        ..write(
            paths::CONSOLE_CLIENT_SHARE,
            "shareClient",
            "console",
            "客户共享",
            "Names a second, serving broker for a client from today, or from `effective_on` (up \
             to three months ahead, begun at the start of that day if it still holds then; it \
             waits among the scheduled transfers and is called off the same way), with their part of the \
             service credit (the net commission less the developer's share), from 1% to 99%. \
             The co-server's desk gets the client's whole book at its next sync and may write to \
             it; statements split the service credit while the share lasts. The co-server may \
             be neither the serving broker nor the client's developer; a client has one \
             co-server at a time. The reason goes to the operation log.",
            json_body(of::<ClientShare>, || {
                example(ClientShare {
                    client_id: "C000123".into(),
                    co_broker_id: "B003".into(),
                    share: domain::Rate(3_000_000),
                    reason: "客户配置基金需理财顾问协同服务".into(),
                    effective_on: None,
                })
            }),
            of::<ClientOwnership>,
        )
    },
    Operation {
        also: &[404],
        access: Access::Only(RELATIONSHIPS),
        ..write(
            paths::CONSOLE_CLIENT_SHARE_END,
            "endClientShare",
            "console",
            "结束客户共享",
            "Ends a client's share: the co-server's desk drops the client at its next sync and \
             the serving broker is credited the whole service part again. 404 when the client \
             is not shared. The reason goes to the operation log.",
            json_body(of::<ClientShareEnd>, || {
                example(ClientShareEnd {
                    client_id: "C000123".into(),
                    reason: "基金配置已完成，恢复由原经纪人单独服务".into(),
                })
            }),
            of::<ClientOwnership>,
        )
    },
    Operation {
        access: Access::Only(RELATIONSHIPS),
        ..write(
            paths::CONSOLE_HANDOVER_PREVIEW,
            "previewHandover",
            "console",
            "离职客户移交预览",
            "What handing a broker's whole book to the receiving brokers would do, changing \
             nothing: the largest clients first, each to the receiver with the least assets so \
             far, so each receiving desk gets about the same to serve. Shows every receiver's \
             share client by client.",
            json_body(of::<BookHandover>, || {
                example(BookHandover {
                    from_broker_id: "B003".into(),
                    to_broker_ids: vec!["B001".into(), "B002".into()],
                    reason: String::new(),
                    previewed: None,
                })
            }),
            of::<HandoverPlan>,
        )
    },
    Operation {
        access: Access::Only(RELATIONSHIPS),
        ..write(
            paths::CONSOLE_HANDOVER,
            "handOverBook",
            "console",
            "离职客户移交",
            "Hands the book over exactly as the preview showed, all clients or none, each with its \
             whole history; every desk concerned follows at its next sync. Refused when the book \
             is no longer the `previewed` size. Moves waiting to bring a client to the leaving \
             broker are called off with it. The reason goes to the operation log.",
            json_body(of::<BookHandover>, || {
                example(BookHandover {
                    from_broker_id: "B003".into(),
                    to_broker_ids: vec!["B001".into(), "B002".into()],
                    reason: "经纪人离职，客户由同组经纪人接续服务".into(),
                    previewed: Some(PreviewedBook {
                        clients: 152,
                        total_assets: domain::Fen::from_yuan(48_300_000),
                        co_served: 2,
                        scheduled_in: 1,
                        scheduled_out: 0,
                    }),
                })
            }),
            of::<HandoverPlan>,
        )
    },
];
