//! `head-office user`: people (add, disable, enable, reset a password, place, list); each says
//! what it changed, and disabling or a reset ends the user's sessions.

use super::DbArg;
use clap::{Args, Subcommand};
use clock::SharedClock;
use head_office::admin::{self, NewUser};
use head_office_storage::{SignInPressure, Storage};

#[derive(Args)]
pub struct User {
    #[command(flatten)]
    db: DbArg,
    #[command(subcommand)]
    command: UserCommand,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user with a temporary password, printed once.
    Add {
        #[arg(long)]
        username: String,
        /// The name colleagues and clients see, e.g. 王敏.
        #[arg(long)]
        name: String,
        /// broker, team-lead, branch-manager or admin.
        #[arg(long)]
        role: String,
        /// The org unit they are placed in, e.g. TM01.
        #[arg(long)]
        unit: String,
    },
    /// Stop a user signing in; their sessions end at once.
    Disable {
        #[arg(long)]
        username: String,
    },
    /// Let a disabled user sign in again.
    Enable {
        #[arg(long)]
        username: String,
    },
    /// Give a new temporary password, printed once; every session of the user ends.
    ResetPassword {
        #[arg(long)]
        username: String,
    },
    /// Place a user in another unit of the org tree (their clients stay theirs).
    Place {
        #[arg(long)]
        username: String,
        #[arg(long)]
        unit: String,
    },
    /// List the org tree and who is in each unit, and the failed sign-ins of the last 24 hours.
    List,
}

impl User {
    pub fn run(self, clock: &SharedClock) -> anyhow::Result<()> {
        let now = clock.now();
        let storage = &self.db.open()?;
        match self.command {
            UserCommand::Add {
                username,
                name,
                role,
                unit,
            } => {
                let user = NewUser {
                    username,
                    display_name: name,
                    role: admin::parse_role(&role)?,
                    unit_id: unit,
                };
                let (id, password) = admin::add_user(storage, &user, None)?;
                println!(
                    "已新建用户 {}（{}，编号 {id}），部门 {}",
                    user.display_name, user.username, user.unit_id
                );
                println!("临时密码：{password}（请当面告知本人，首次登录后修改）");
            }
            UserCommand::Disable { username } => {
                println!(
                    "{}",
                    admin::set_disabled(storage, &username, true, now, None)?
                )
            }
            UserCommand::Enable { username } => {
                println!(
                    "{}",
                    admin::set_disabled(storage, &username, false, now, None)?
                )
            }
            UserCommand::ResetPassword { username } => {
                let (said, password) = admin::reset_password(storage, &username, now, None)?;
                println!("{said}");
                println!("临时密码：{password}（请当面告知本人）");
            }
            UserCommand::Place { username, unit } => {
                println!("{}", admin::place_user(storage, &username, &unit, None)?)
            }
            UserCommand::List => {
                let failures = admin::recent_sign_in_failures(storage, now)?;
                print_tree(storage, &failures)?;
                println!();
                for line in admin::sign_in_report(&failures) {
                    println!("{line}");
                }
            }
        }
        Ok(())
    }
}

fn print_tree(storage: &dyn Storage, failures: &[SignInPressure]) -> anyhow::Result<()> {
    let chart = storage.org_chart()?;
    let attacked = admin::users_under_attack(storage, failures)?;
    let Some(root) = chart.units.iter().find(|u| u.parent_id.is_none()) else {
        println!("（组织架构为空）");
        return Ok(());
    };
    for unit in chart.subtree(&root.id) {
        let mut depth = 0;
        let mut up = unit.parent_id.clone();
        while let Some(p) = up {
            depth += 1;
            up = chart
                .units
                .iter()
                .find(|u| u.id == p)
                .and_then(|u| u.parent_id.clone());
        }
        let indent = "  ".repeat(depth);
        println!("{indent}{}（{}）", unit.name, unit.id);
        for p in chart.people.iter().filter(|p| p.unit_id == unit.id) {
            let state = if p.disabled { " [已停用]" } else { "" };
            let attack = if attacked.contains(&p.id) {
                " [⚠ 登录受攻击，见下]"
            } else {
                ""
            };
            println!(
                "{indent}  - {} {} {:?}{state}{attack}",
                p.id, p.name, p.role
            );
        }
    }
    Ok(())
}
