//! Decoding of the feed's tagged objects (`Change` by `op`, `Record` by `kind`) without buffering.
//!
//! serde's derived decoder for an internally tagged enum cannot know where the tag is, so it
//! first copies the whole object into an intermediate tree and then decodes that; with a `Record`
//! inside a `Change`, every row of a first sync was copied twice before it was read (a third of
//! the desk's decoding time in the profile). Head office writes the tag first, always (serde's
//! encoder does), so the tag is read first and the rest of the object decoded straight into its
//! type; an object whose tag comes later (another producer) still decodes, through a JSON value.

use crate::entities::{EntityKind, Record};
use crate::feed::Change;
use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, Error, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// An enum carried on the wire as an object with a tag field.
pub(crate) trait Tagged: Sized {
    const TAG: &'static str;
    const EXPECTING: &'static str;
    type Tag: DeserializeOwned;

    /// The value for `tag`, from the object's other fields.
    fn from_fields<'de, D: Deserializer<'de>>(tag: Self::Tag, fields: D) -> Result<Self, D::Error>;
}

pub(crate) fn deserialize<'de, T: Tagged, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_map(TaggedVisitor(PhantomData))
}

struct TaggedVisitor<T>(PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TaggedVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        match map.next_key_seed(FirstKeySeed(T::TAG))? {
            None => Err(A::Error::missing_field(T::TAG)),
            Some(FirstKey::Tag) => {
                let tag: T::Tag = map.next_value()?;
                T::from_fields(tag, MapAccessDeserializer::new(map))
            }
            Some(FirstKey::Other(key)) => {
                let mut object = serde_json::Map::new();
                object.insert(key, map.next_value()?);
                while let Some((k, v)) = map.next_entry::<String, serde_json::Value>()? {
                    object.insert(k, v);
                }
                let tag = object
                    .remove(T::TAG)
                    .ok_or_else(|| A::Error::missing_field(T::TAG))?;
                let tag = T::Tag::deserialize(tag).map_err(A::Error::custom)?;
                T::from_fields(tag, serde_json::Value::Object(object)).map_err(A::Error::custom)
            }
        }
    }
}

/// The object's first key: its tag, or another field (kept, for the slow path).
enum FirstKey {
    Tag,
    Other(String),
}

/// Reads a first key, given the tag's name.
struct FirstKeySeed(&'static str);

impl<'de> DeserializeSeed<'de> for FirstKeySeed {
    type Value = FirstKey;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<FirstKey, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for FirstKeySeed {
    type Value = FirstKey;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: Error>(self, key: &str) -> Result<FirstKey, E> {
        Ok(if key == self.0 {
            FirstKey::Tag
        } else {
            FirstKey::Other(key.to_string())
        })
    }
}

impl<'de> Deserialize<'de> for Record {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize(d)
    }
}

impl Tagged for Record {
    const TAG: &'static str = "kind";
    const EXPECTING: &'static str = "a record with its kind";
    type Tag = EntityKind;

    fn from_fields<'de, D: Deserializer<'de>>(kind: EntityKind, f: D) -> Result<Self, D::Error> {
        Ok(match kind {
            EntityKind::Client => Record::Client(Deserialize::deserialize(f)?),
            EntityKind::Account => Record::Account(Deserialize::deserialize(f)?),
            EntityKind::Holding => Record::Holding(Deserialize::deserialize(f)?),
            EntityKind::Trade => Record::Trade(Deserialize::deserialize(f)?),
            EntityKind::AssetMonth => Record::AssetMonth(Deserialize::deserialize(f)?),
            EntityKind::RiskAssessment => Record::RiskAssessment(Deserialize::deserialize(f)?),
            EntityKind::ContactNote => Record::ContactNote(Deserialize::deserialize(f)?),
            EntityKind::Preferences => Record::Preferences(Deserialize::deserialize(f)?),
            EntityKind::CashTransfer => Record::CashTransfer(Deserialize::deserialize(f)?),
            EntityKind::ServiceCase => Record::ServiceCase(Deserialize::deserialize(f)?),
            EntityKind::ClientRelation => Record::ClientRelation(Deserialize::deserialize(f)?),
            EntityKind::Product => Record::Product(Deserialize::deserialize(f)?),
            EntityKind::PushDelivery => Record::PushDelivery(Deserialize::deserialize(f)?),
            EntityKind::Statement => Record::Statement(Deserialize::deserialize(f)?),
            EntityKind::StatementLine => Record::StatementLine(Deserialize::deserialize(f)?),
            EntityKind::Dispute => Record::Dispute(Deserialize::deserialize(f)?),
            EntityKind::Task => Record::Task(Deserialize::deserialize(f)?),
            EntityKind::MarketEvent => Record::MarketEvent(Deserialize::deserialize(f)?),
            EntityKind::TransferRequest => Record::TransferRequest(Deserialize::deserialize(f)?),
            EntityKind::Comment => Record::Comment(Deserialize::deserialize(f)?),
            EntityKind::ClientEvent => Record::ClientEvent(Deserialize::deserialize(f)?),
            EntityKind::EventInvitation => Record::EventInvitation(Deserialize::deserialize(f)?),
        })
    }
}

impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize(d)
    }
}

/// `Change`'s `op`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ChangeOp {
    Upsert,
    Remove,
}

// The fields of each `op`, as `Change` names them.
#[derive(Deserialize, schemars::JsonSchema)]
struct UpsertFields {
    seq: u64,
    record: Record,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct RemoveFields {
    seq: u64,
    kind: EntityKind,
    id: String,
}

impl Tagged for Change {
    const TAG: &'static str = "op";
    const EXPECTING: &'static str = "a change with its op";
    type Tag = ChangeOp;

    fn from_fields<'de, D: Deserializer<'de>>(op: ChangeOp, f: D) -> Result<Self, D::Error> {
        Ok(match op {
            ChangeOp::Upsert => {
                let UpsertFields { seq, record } = UpsertFields::deserialize(f)?;
                Change::Upsert { seq, record }
            }
            ChangeOp::Remove => {
                let RemoveFields { seq, kind, id } = RemoveFields::deserialize(f)?;
                Change::Remove { seq, kind, id }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::push::{ContactChannel, ContactNoteRecord};
    use chrono::{NaiveDate, TimeZone, Utc};

    fn changes() -> Vec<Change> {
        let note = ContactNoteRecord {
            id: "N1-0".into(),
            client_id: "C1".into(),
            channel: ContactChannel::Phone,
            summary: "电话回访，客户关心\"红利\"再投资".into(),
            contacted_at: Utc.with_ymd_and_hms(2026, 3, 2, 1, 30, 0).unwrap(),
            follow_up_on: NaiveDate::from_ymd_opt(2026, 3, 9),
            author_id: "B001".into(),
        };
        vec![
            Change::Upsert {
                seq: 7,
                record: Record::ContactNote(note),
            },
            Change::Remove {
                seq: 8,
                kind: EntityKind::Holding,
                id: "H9".into(),
            },
        ]
    }

    #[test]
    fn head_office_encoding_decodes_to_the_same_changes() {
        let json = serde_json::to_string(&changes()).unwrap();
        assert!(json.starts_with(r#"[{"op":"upsert","seq":7,"record":{"kind":"contact_note""#));
        let back: Vec<Change> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, changes());
    }

    #[test]
    fn a_tag_after_other_fields_still_decodes() {
        // A JSON value's keys come out sorted: "id", "kind", "op", "record", "seq".
        let value = serde_json::to_value(changes()).unwrap();
        let json = serde_json::to_string(&value).unwrap();
        assert!(
            json.contains(r#"{"id":"H9","kind":"holding","op":"remove""#),
            "{json}"
        );
        assert!(json.contains(r#"{"author_id":"B001""#), "{json}");
        let back: Vec<Change> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, changes());
    }

    #[test]
    fn a_missing_or_unknown_tag_is_an_error_that_names_it() {
        let missing = serde_json::from_str::<Change>(r#"{"seq":1,"id":"H9"}"#).unwrap_err();
        assert!(
            missing.to_string().contains("missing field `op`"),
            "{missing}"
        );
        let unknown = serde_json::from_str::<Record>(r#"{"kind":"yacht","id":"Y1"}"#).unwrap_err();
        assert!(unknown.to_string().contains("yacht"), "{unknown}");
        let wrong_field = serde_json::from_str::<Change>(
            r#"{"op":"remove","seq":"x","kind":"holding","id":"H"}"#,
        )
        .unwrap_err();
        assert!(
            wrong_field.to_string().contains("invalid type"),
            "{wrong_field}"
        );
    }
}
