//! `head-office release publish`: a new version of the desk for the firm's desks to update to.

use super::DbArg;
use clap::{Args, Subcommand, ValueEnum};
use clock::SharedClock;
use domain::release::ReleaseChannel;
use head_office::releases::{self, Publish};
use std::path::PathBuf;

#[derive(Args)]
pub struct Release {
    #[command(flatten)]
    db: DbArg,
    #[command(subcommand)]
    command: ReleaseCommand,
}

#[derive(Clone, Copy, ValueEnum)]
enum Channel {
    /// Every desk of the firm.
    Stable,
    /// Only the desks of the units given with --units.
    Pilot,
}

#[derive(Subcommand)]
enum ReleaseCommand {
    /// Publish a bundle (.deb or .AppImage from `make package`) with its signature (.sig).
    Publish {
        #[arg(long)]
        file: PathBuf,
        #[arg(long)]
        signature: PathBuf,
        /// X.Y.Z, as the bundle's signature names it.
        #[arg(long)]
        version: String,
        #[arg(long, value_enum, default_value = "stable")]
        channel: Channel,
        /// For a pilot: the org units (teams, branches) whose desks get it first, comma-separated.
        #[arg(long, value_delimiter = ',')]
        units: Vec<String>,
        /// What changed, shown to brokers before they install.
        #[arg(long, default_value = "")]
        notes: String,
    },
}

impl Release {
    pub fn run(self, clock: &SharedClock) -> anyhow::Result<()> {
        let storage = self.db.open()?;
        match self.command {
            ReleaseCommand::Publish {
                file,
                signature,
                version,
                channel,
                units,
                notes,
            } => {
                let publish = Publish {
                    bundle: &file,
                    signature: &signature,
                    version: &version,
                    channel: match channel {
                        Channel::Stable => ReleaseChannel::Stable,
                        Channel::Pilot => ReleaseChannel::Pilot,
                    },
                    units: units.into_iter().map(|u| u.trim().to_string()).collect(),
                    notes,
                };
                println!("{}", releases::publish(&storage, publish, clock.now())?);
            }
        }
        Ok(())
    }
}
