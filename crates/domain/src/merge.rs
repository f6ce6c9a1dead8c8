//! Field-by-field merge of a broker's change with head office's (DESIGN.md, promise 6): a field only
//! one side changed takes that side's value; where both changed it differently, head office's value
//! stands and the broker's is kept in a conflict for the broker to decide.

/// Both sides changed one field, differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldConflict<T> {
    pub before: T,
    pub mine: T,
    pub head_office: T,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Merged<T> {
    Clean(T),
    /// The value is head office's; the broker's waits in the conflict.
    Conflict(FieldConflict<T>),
}

impl<T> Merged<T> {
    pub fn value(&self) -> &T {
        match self {
            Merged::Clean(v) => v,
            Merged::Conflict(c) => &c.head_office,
        }
    }
}

/// Three-way merge of one field: `before` is what the broker's change was based on.
pub fn merge_field<T: PartialEq + Clone>(before: &T, mine: &T, head_office: &T) -> Merged<T> {
    if mine == before || mine == head_office {
        Merged::Clean(head_office.clone())
    } else if head_office == before {
        Merged::Clean(mine.clone())
    } else {
        Merged::Conflict(FieldConflict {
            before: before.clone(),
            mine: mine.clone(),
            head_office: head_office.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Few distinct values, so that equal and unequal ones both come up often.
    fn value() -> impl Strategy<Value = Option<String>> {
        prop_oneof![Just(None), (0u8..4).prop_map(|n| Some(format!("备注{n}")))]
    }

    proptest! {
        #[test]
        fn a_side_that_changed_nothing_never_wins_over_one_that_did(before in value(), other in value()) {
            prop_assert_eq!(merge_field(&before, &before, &other), Merged::Clean(other.clone()));
            prop_assert_eq!(merge_field(&before, &other, &before), Merged::Clean(other));
        }

        #[test]
        fn agreement_is_never_a_conflict(before in value(), both in value()) {
            prop_assert_eq!(merge_field(&before, &both, &both), Merged::Clean(both));
        }

        #[test]
        fn head_office_stands_in_a_conflict_and_nothing_is_lost(before in value(), mine in value(), theirs in value()) {
            let merged = merge_field(&before, &mine, &theirs);
            match &merged {
                Merged::Conflict(c) => {
                    prop_assert!(mine != before && theirs != before && mine != theirs);
                    prop_assert_eq!(merged.value(), &theirs);
                    prop_assert_eq!((&c.before, &c.mine, &c.head_office), (&before, &mine, &theirs));
                }
                Merged::Clean(v) => {
                    prop_assert!(mine == before || theirs == before || mine == theirs);
                    prop_assert!(v == &mine || v == &theirs);
                }
            }
        }

        #[test]
        fn merging_is_idempotent(before in value(), mine in value(), theirs in value()) {
            // Applying the broker's change again to the merged result changes nothing more.
            let once = merge_field(&before, &mine, &theirs).value().clone();
            let twice = merge_field(&before, &mine, &once).value().clone();
            prop_assert_eq!(once, twice);
        }
    }
}
