//! Who may call which kind of route, by role. The router refuses a caller outside the list before
//! any body is read (`api::access::require`), and the OpenAPI document prints the same list as
//! `x-roles`, so what the document promises and what the server does cannot drift apart; the
//! system test `role_matrix` calls every route as every role to hold them to it.
//!
//! Segregation of duties: IT (`Admin`) runs the systems and the accounts but does not review the
//! library, answer disputes or publish statements; each of those belongs to its department.

use protocol::Role;

/// The roles a kind of route is open to.
pub type Roles = &'static [Role];

/// Team dashboards, tasks, transfers and comments: a lead's own subtree.
pub const LEADS: Roles = &[Role::TeamLead, Role::BranchManager, Role::Admin];

/// Reading a unit's figures and drilling down to a broker: leads on the desk, and
/// 经纪业务管理部 for the whole firm's summary reports (汇总报表) in the console.
pub const REPORT_READERS: Roles = &[
    Role::TeamLead,
    Role::BranchManager,
    Role::Admin,
    Role::ManagerHq,
];

/// The complaint queue and return visits (客服).
pub const SERVICE_DESK: Roles = &[Role::Service, Role::Admin];

/// Loading the firm's files and running the systems (信息技术部).
pub const IT: Roles = &[Role::Admin];

/// The firm's tree and everyone in it: IT keeps the accounts, 经纪业务管理部 the broker force.
pub const STAFF_READERS: Roles = &[Role::Admin, Role::ManagerHq];

/// Shaping the tree and placing people in it: 经纪业务管理部 for the broker force, and IT, who
/// does the same from `head-office unit|user`.
pub const ORG_KEEPERS: Roles = &[Role::ManagerHq, Role::Admin];

/// Brokers' levels, each a pay plan and an appraisal scheme, and the month's appraisal (考核):
/// 经纪业务管理部 moves brokers between levels, finance pays by them; both read them.
pub const LEVEL_READERS: Roles = &[Role::ManagerHq, Role::Finance];

/// Moving a broker to another level (经纪业务管理部).
pub const BROKER_FORCE: Roles = &[Role::ManagerHq];

/// Who revealed or exported clients' personal data, and what staff did in the console: logs
/// compliance reviews and IT keeps.
pub const ACCESS_LOG_READERS: Roles = &[Role::Compliance, Role::Admin];

/// Pay plans, fee schedules, statements and disputes (财务).
pub const FINANCE: Roles = &[Role::Finance];

/// The library in review: 经纪业务管理部 drafts, compliance reviews.
pub const LIBRARY_READERS: Roles = &[Role::ManagerHq, Role::Compliance];

/// Drafting and submitting library items (经纪业务管理部).
pub const LIBRARY_DRAFTERS: Roles = &[Role::ManagerHq];

/// Approving, returning and withdrawing what brokers may push (合规).
pub const COMPLIANCE: Roles = &[Role::Compliance];

/// Finding any client and moving them between brokers (经纪业务管理部).
pub const RELATIONSHIPS: Roles = &[Role::ManagerHq];

/// Why a role was refused, in words the caller can act on.
pub fn refusal(roles: Roles) -> String {
    let names: Vec<&str> = roles.iter().map(|r| role_name(*r)).collect();
    format!("此功能仅对{}开放，您的账号无权使用", names.join("、"))
}

/// The role as head office's staff call it.
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Broker => "经纪人",
        Role::TeamLead => "团队长",
        Role::BranchManager => "营业部负责人",
        Role::Admin => "信息技术部（管理员）",
        Role::Service => "客服",
        Role::ManagerHq => "经纪业务管理部",
        Role::Compliance => "合规部",
        Role::Finance => "财务部",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_names_every_role_that_may() {
        assert_eq!(
            refusal(SERVICE_DESK),
            "此功能仅对客服、信息技术部（管理员）开放，您的账号无权使用"
        );
    }
}
