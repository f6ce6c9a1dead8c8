//! Which release of the desk a desk should move to. Head office keeps every release it published;
//! a pilot release reaches only the desks of brokers in the units it names (or under them), and
//! everyone else waits for the stable channel. A desk is never offered its own version or an older
//! one: a downgrade is a new release with a higher number.

use crate::ValidationError;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// `X.Y.Z`, as the app's `tauri.conf.json` numbers it; ordered as numbers, so 0.10.0 > 0.9.9.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
#[schemars(with = "String")]
pub struct DeskVersion {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
}

impl FromStr for DeskVersion {
    type Err = ValidationError;

    fn from_str(text: &str) -> Result<DeskVersion, ValidationError> {
        let bad = || ValidationError::DeskVersionShape(text.to_string());
        let mut parts = text.split('.').map(|p| {
            // Digits only: no sign, no leading zeros beyond "0", no pre-release suffix.
            if p.is_empty()
                || !p.bytes().all(|b| b.is_ascii_digit())
                || (p.len() > 1 && p.starts_with('0'))
            {
                return Err(bad());
            }
            p.parse::<u32>().map_err(|_| bad())
        });
        let (Some(major), Some(minor), Some(patch), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        Ok(DeskVersion {
            major: major?,
            minor: minor?,
            patch: patch?,
        })
    }
}

impl TryFrom<String> for DeskVersion {
    type Error = ValidationError;

    fn try_from(text: String) -> Result<DeskVersion, ValidationError> {
        text.parse()
    }
}

impl From<DeskVersion> for String {
    fn from(v: DeskVersion) -> String {
        v.to_string()
    }
}

impl fmt::Display for DeskVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReleaseChannel {
    /// Every desk of the firm.
    Stable,
    /// Only the desks of the units the release names, first.
    Pilot,
}

/// What decides who is offered a release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseReach {
    pub version: DeskVersion,
    pub channel: ReleaseChannel,
    /// For a pilot: the org units whose brokers (and those of units under them) get it.
    pub units: Vec<String>,
}

impl ReleaseReach {
    /// Whether a broker in `caller_units` (their unit and every unit above it) is offered it.
    pub fn reaches(&self, caller_units: &[String]) -> bool {
        match self.channel {
            ReleaseChannel::Stable => true,
            ReleaseChannel::Pilot => self.units.iter().any(|u| caller_units.contains(u)),
        }
    }
}

/// The newest release a desk at `current` should move to, if any.
pub fn release_for<'a>(
    releases: impl IntoIterator<Item = &'a ReleaseReach>,
    current: DeskVersion,
    caller_units: &[String],
) -> Option<&'a ReleaseReach> {
    releases
        .into_iter()
        .filter(|r| r.version > current && r.reaches(caller_units))
        .max_by_key(|r| r.version)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> DeskVersion {
        text.parse().unwrap()
    }

    fn reach(version: &str, channel: ReleaseChannel, units: &[&str]) -> ReleaseReach {
        ReleaseReach {
            version: v(version),
            channel,
            units: units.iter().map(|u| u.to_string()).collect(),
        }
    }

    #[test]
    fn versions_are_three_numbers_ordered_as_numbers() {
        assert!(v("0.10.0") > v("0.9.9"));
        assert_eq!(v("1.2.3").to_string(), "1.2.3");
        for bad in [
            "",
            "1.2",
            "1.2.3.4",
            "v1.2.3",
            "1.2.x",
            "1.02.3",
            "1.2.3-beta",
            "-1.2.3",
        ] {
            let e = bad.parse::<DeskVersion>().unwrap_err().to_string();
            assert!(e.contains("X.Y.Z"), "{bad}: {e}");
        }
    }

    #[test]
    fn a_pilot_reaches_its_units_and_those_under_them_first() {
        let releases = [
            reach("0.1.1", ReleaseChannel::Stable, &[]),
            reach("0.2.0", ReleaseChannel::Pilot, &["TM01"]),
        ];
        let in_pilot = ["TM01".to_string(), "BR01".to_string(), "HQ".to_string()];
        let elsewhere = ["TM02".to_string(), "BR01".to_string(), "HQ".to_string()];
        let current = v("0.1.0");
        assert_eq!(
            release_for(&releases, current, &in_pilot).unwrap().version,
            v("0.2.0")
        );
        assert_eq!(
            release_for(&releases, current, &elsewhere).unwrap().version,
            v("0.1.1")
        );
        // A whole branch in the pilot takes its teams along.
        let branch_pilot = [reach("0.2.0", ReleaseChannel::Pilot, &["BR01"])];
        assert!(release_for(&branch_pilot, current, &elsewhere).is_some());
    }

    #[test]
    fn nothing_older_or_the_same_is_offered() {
        let releases = [reach("0.1.0", ReleaseChannel::Stable, &[])];
        assert_eq!(release_for(&releases, v("0.1.0"), &[]), None);
        assert_eq!(release_for(&releases, v("0.2.0"), &[]), None);
    }
}
