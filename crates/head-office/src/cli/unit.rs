//! `head-office unit`: the org tree.

use super::DbArg;
use clap::{Args, Subcommand};
use head_office::admin;

#[derive(Args)]
pub struct Unit {
    #[command(flatten)]
    db: DbArg,
    #[command(subcommand)]
    command: UnitCommand,
}

#[derive(Subcommand)]
enum UnitCommand {
    /// Add a unit under an existing one (without --parent: the head office at the root of a
    /// firm's empty tree).
    Add {
        #[arg(long)]
        id: String,
        #[arg(long)]
        parent: Option<String>,
        #[arg(long)]
        name: String,
    },
}

impl Unit {
    pub fn run(self) -> anyhow::Result<()> {
        let storage = self.db.open()?;
        match self.command {
            UnitCommand::Add { id, parent, name } => {
                println!(
                    "{}",
                    admin::add_unit(&storage, &id, parent.as_deref(), &name, None)?
                )
            }
        }
        Ok(())
    }
}
