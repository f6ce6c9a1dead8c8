//! The routes behind head office's web console (`/console`), each open to the roles of
//! `crate::access` it names.

use super::operations::{of, read, Access, Operation};
use crate::access::{ACCESS_LOG_READERS, FINANCE, STAFF_READERS};
use protocol::console::{AccessAuditEntry, AccessAuditQuery, PayPlanOverview, StaffDirectory};
use protocol::paths;

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
        query: Some(of::<AccessAuditQuery>),
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
];
