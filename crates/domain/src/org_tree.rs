//! The firm's org tree as 经纪业务管理部 reshapes it: units (head office, branches, teams, at any
//! depth) are created, moved under another unit, and closed. A closed unit stays in the tree, so
//! last year's reports still name it, but nobody can be placed in it or under it again.
//!
//! The rules keep the tree a tree whose every open unit hangs from open units: a unit never moves
//! under itself or its own descendants, the root never moves, and a unit closes only once nobody
//! active is placed in it and every unit below it is closed.

use thiserror::Error;

/// One unit as the rules need to see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitLink<'a> {
    pub id: &'a str,
    pub parent: Option<&'a str>,
    pub name: &'a str,
    pub closed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OrgTreeError {
    #[error("单位 {0} 不存在，请从组织架构中选择")]
    Unknown(String),
    #[error("{0}已撤销，不能再在其下新建单位或安排人员")]
    Closed(String),
    #[error("{0}是公司的根单位，不能调整上级")]
    Root(String),
    #[error("不能把{unit}调到{target}之下：{target}就在{unit}的下属单位中")]
    IntoOwnSubtree { unit: String, target: String },
    #[error("{unit}的上级已是{parent}，无需调整")]
    Unchanged { unit: String, parent: String },
    #[error("{0}是公司的根单位，不能撤销")]
    RootClose(String),
    #[error("{unit}还有 {people} 位在用人员，请先把他们调到其他单位再撤销")]
    StillStaffed { unit: String, people: usize },
    #[error("{unit}下还有未撤销的单位{child}，请先撤销或调走下属单位")]
    OpenChildren { unit: String, child: String },
}

pub type Result<T> = std::result::Result<T, OrgTreeError>;

fn find<'t, 'a>(units: &'t [UnitLink<'a>], id: &str) -> Result<&'t UnitLink<'a>> {
    units
        .iter()
        .find(|u| u.id == id)
        .ok_or_else(|| OrgTreeError::Unknown(id.to_string()))
}

/// The unit people may be placed in, or a new unit created under: it exists and is open.
pub fn check_open(units: &[UnitLink<'_>], id: &str) -> Result<()> {
    let unit = find(units, id)?;
    if unit.closed {
        return Err(OrgTreeError::Closed(unit.name.to_string()));
    }
    Ok(())
}

/// Whether `id` is `ancestor` or sits somewhere under it. Walks up parents, and stops after as
/// many steps as there are units, so a broken tree cannot loop forever.
fn within(units: &[UnitLink<'_>], id: &str, ancestor: &str) -> bool {
    let mut at = Some(id);
    for _ in 0..=units.len() {
        match at {
            Some(here) if here == ancestor => return true,
            Some(here) => at = units.iter().find(|u| u.id == here).and_then(|u| u.parent),
            None => return false,
        }
    }
    false
}

/// Moving `unit` (with everything under it) under `new_parent`.
pub fn check_move(units: &[UnitLink<'_>], unit: &str, new_parent: &str) -> Result<()> {
    let moving = find(units, unit)?;
    let target = find(units, new_parent)?;
    if moving.closed {
        return Err(OrgTreeError::Closed(moving.name.to_string()));
    }
    if moving.parent.is_none() {
        return Err(OrgTreeError::Root(moving.name.to_string()));
    }
    if within(units, new_parent, unit) {
        return Err(OrgTreeError::IntoOwnSubtree {
            unit: moving.name.to_string(),
            target: target.name.to_string(),
        });
    }
    if moving.parent == Some(new_parent) {
        return Err(OrgTreeError::Unchanged {
            unit: moving.name.to_string(),
            parent: target.name.to_string(),
        });
    }
    check_open(units, new_parent)
}

/// Closing `unit`, given how many active (not disabled) people are placed in it. Disabled
/// accounts may stay where they were: they are the history of who worked there.
pub fn check_close(units: &[UnitLink<'_>], unit: &str, active_people: usize) -> Result<()> {
    let closing = find(units, unit)?;
    if closing.closed {
        return Err(OrgTreeError::Closed(closing.name.to_string()));
    }
    if closing.parent.is_none() {
        return Err(OrgTreeError::RootClose(closing.name.to_string()));
    }
    if active_people > 0 {
        return Err(OrgTreeError::StillStaffed {
            unit: closing.name.to_string(),
            people: active_people,
        });
    }
    if let Some(child) = units.iter().find(|u| u.parent == Some(unit) && !u.closed) {
        return Err(OrgTreeError::OpenChildren {
            unit: closing.name.to_string(),
            child: child.name.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link<'a>(id: &'a str, parent: Option<&'a str>, closed: bool) -> UnitLink<'a> {
        UnitLink {
            id,
            parent,
            name: id,
            closed,
        }
    }

    /// HQ ─ BJ ─ BJ1 ─ BJ1A; HQ ─ SH (closed: OLD).
    fn firm() -> Vec<UnitLink<'static>> {
        vec![
            link("HQ", None, false),
            link("BJ", Some("HQ"), false),
            link("BJ1", Some("BJ"), false),
            link("BJ1A", Some("BJ1"), false),
            link("SH", Some("HQ"), false),
            link("OLD", Some("SH"), true),
        ]
    }

    #[test]
    fn a_unit_moves_under_any_open_unit_outside_its_own_subtree() {
        let units = firm();
        assert_eq!(check_move(&units, "BJ1", "SH"), Ok(()));
        assert_eq!(check_move(&units, "BJ1A", "HQ"), Ok(()));
    }

    #[test]
    fn a_unit_never_moves_under_itself_or_its_descendants() {
        let units = firm();
        for target in ["BJ", "BJ1", "BJ1A"] {
            assert!(
                matches!(
                    check_move(&units, "BJ", target),
                    Err(OrgTreeError::IntoOwnSubtree { .. })
                ),
                "{target}"
            );
        }
    }

    #[test]
    fn the_root_stays_and_closed_units_take_nothing() {
        let units = firm();
        assert!(matches!(
            check_move(&units, "HQ", "BJ"),
            Err(OrgTreeError::IntoOwnSubtree { .. }) | Err(OrgTreeError::Root(_))
        ));
        assert_eq!(
            check_move(&units, "BJ1", "OLD"),
            Err(OrgTreeError::Closed("OLD".into()))
        );
        assert_eq!(
            check_open(&units, "OLD"),
            Err(OrgTreeError::Closed("OLD".into()))
        );
        assert_eq!(
            check_open(&units, "NOPE"),
            Err(OrgTreeError::Unknown("NOPE".into()))
        );
        assert!(matches!(
            check_move(&units, "BJ1", "BJ"),
            Err(OrgTreeError::Unchanged { .. })
        ));
    }

    #[test]
    fn a_unit_closes_only_empty_and_with_every_child_closed() {
        let units = firm();
        assert!(matches!(
            check_close(&units, "BJ1A", 2),
            Err(OrgTreeError::StillStaffed { people: 2, .. })
        ));
        assert_eq!(check_close(&units, "BJ1A", 0), Ok(()));
        assert!(matches!(
            check_close(&units, "BJ1", 0),
            Err(OrgTreeError::OpenChildren { ref child, .. }) if child == "BJ1A"
        ));
        // SH's only child is closed already.
        assert_eq!(check_close(&units, "SH", 0), Ok(()));
        assert_eq!(
            check_close(&units, "HQ", 0),
            Err(OrgTreeError::RootClose("HQ".into()))
        );
        assert_eq!(
            check_close(&units, "OLD", 0),
            Err(OrgTreeError::Closed("OLD".into()))
        );
    }

    #[test]
    fn a_broken_tree_with_a_loop_does_not_hang_the_check() {
        let units = vec![link("A", Some("B"), false), link("B", Some("A"), false)];
        assert!(check_move(&units, "A", "B").is_err());
    }
}
