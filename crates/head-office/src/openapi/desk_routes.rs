//! The routes a broker's desk calls: session, sync, the firm's rules.

use super::operations::{
    day, example, json_body, of, read, write, Access, Answer, Body, Operation,
};
use chrono::{TimeZone, Utc};
use protocol::release::{DeskUpdate, DeskUpdateQuery};
use protocol::{
    paths, ContactChannel, ContactNoteRecord, Mutation, MutationOp, PayTerms, PullPage, PullQuery,
    PushRequest, PushResponse, RefreshRequest, SessionTokens, SignInRequest, SignedOut,
    UserProfile,
};
use serde_json::{json, Value};

pub(super) const DESK: &[Operation] = &[
    Operation {
        access: Access::Public,
        body: json_body(of::<SignInRequest>, || {
            example(SignInRequest {
                username: "broker01".into(),
                password: "demo-password".into(),
                device_id: "desk-3f2a9c".into(),
            })
        }),
        also: &[401, 403, 429],
        ..write(
            paths::SIGN_IN,
            "signIn",
            "session",
            "登录",
            "Checks the password (argon2id) and starts a sign-in bound to the desk's device id. \
             Repeated failures from one account or address are slowed down and then refused (429).",
            Body::None,
            of::<SessionTokens>,
        )
    },
    Operation {
        access: Access::Public,
        body: json_body(of::<RefreshRequest>, || {
            example(RefreshRequest {
                refresh_token: "r-1c9e…".into(),
                device_id: "desk-3f2a9c".into(),
                retry_key: Some("k-77d0…".into()),
            })
        }),
        also: &[401, 403],
        ..write(
            paths::REFRESH,
            "refresh",
            "session",
            "续期",
            "Spends a single-use refresh token for a new pair. A token spent twice without its \
             retry key ends the whole sign-in (401 session_ended).",
            Body::None,
            of::<SessionTokens>,
        )
    },
    write(
        paths::SIGN_OUT,
        "signOut",
        "session",
        "退出登录",
        "Ends the caller's sign-in: every refresh and access token of it.",
        Body::None,
        of::<SignedOut>,
    ),
    read(
        paths::ME,
        "me",
        "session",
        "当前用户",
        "Who the access token belongs to.",
        of::<UserProfile>,
    ),
    Operation {
        query: Some(of::<PullQuery>),
        ..read(
            paths::FEED,
            "pullFeed",
            "sync",
            "拉取变更",
            "Everything in the caller's book that changed after `cursor`, in commit order, at most \
             `limit` (≤ 5,000) per page. Leads have no book: their page is empty.",
            of::<PullPage>,
        )
    },
    write(
        paths::PUSH,
        "push",
        "sync",
        "提交变更",
        "The desk's mutations (≤ 200), applied in order, each exactly once by its id: a resend \
         gets the first answer. A mutation head office refuses is answered in its result, not by \
         failing the batch.",
        json_body(of::<PushRequest>, || {
            example(PushRequest {
                mutations: vec![Mutation {
                    id: "M-desk-3f2a9c-000042".into(),
                    made_at: Utc.with_ymd_and_hms(2026, 3, 2, 1, 30, 0).single().unwrap_or_default(),
                    op: MutationOp::AddContactNote(ContactNoteRecord {
                        id: "CN-000042".into(),
                        client_id: "C0000001".into(),
                        channel: ContactChannel::Phone,
                        summary: "电话沟通近期持仓，客户关注红利基金".into(),
                        contacted_at: Utc
                            .with_ymd_and_hms(2026, 3, 2, 1, 25, 0)
                            .single()
                            .unwrap_or_default(),
                        follow_up_on: Some(day(2026, 3, 9)),
                        author_id: "U-broker01".into(),
                    }),
                }],
            })
        }),
        of::<PushResponse>,
    ),
    read(
        paths::POLICY,
        "firmPolicy",
        "firm",
        "公司业务规则",
        "The firm's configurable practice (tiers, reminder lead times, masking …).",
        of::<domain::FirmPolicy>,
    ),
    read(
        paths::PAY_TERMS,
        "payTerms",
        "firm",
        "佣金方案",
        "The firm's fee schedules and pay plans, and the caller's own plan history.",
        of::<PayTerms>,
    ),
    read(
        paths::APPRAISALS,
        "myAppraisals",
        "firm",
        "我的考核",
        "The caller's own scorecards as head office published them, newest month first, a \
         year at most: level, scheme, each measure's standing and the rank among the level's \
         brokers (who are counted, not named).",
        of::<Vec<protocol::broker_force::PublishedAppraisal>>,
    ),
    Operation {
        versioned: false,
        query: Some(of::<DeskUpdateQuery>),
        answer: Answer::JsonOrNothing,
        ..read(
            paths::DESK_UPDATE,
            "deskUpdate",
            "release",
            "检查新版本",
            "The newest release published for the caller's desk (a pilot reaches its units and \
             those under them first), as Tauri's updater reads it; 204 when there is none. Not \
             version-checked, so a desk too old to sync can still update.",
            of::<DeskUpdate>,
        )
    },
    Operation {
        versioned: false,
        path_params: &[("version", version_param), ("bundle", bundle_param)],
        answer: Answer::File,
        also: &[404],
        ..read(
            paths::DESK_UPDATE_BUNDLE,
            "deskUpdateBundle",
            "release",
            "下载安装包",
            "A published bundle's bytes. The desk checks its signature against the key built into \
             the app before installing it.",
            of::<DeskUpdate>,
        )
    },
];

fn version_param() -> Value {
    json!({"type": "string", "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+$"})
}

fn bundle_param() -> Value {
    json!({"type": "string", "enum": ["deb", "appimage"]})
}
