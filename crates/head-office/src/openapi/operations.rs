//! What the types cannot say about a route: its path and method, who may call it, which refusals
//! it answers. Bodies and answers are named by their Rust types; examples are Rust values, so they
//! are type-checked too. The routes themselves are listed in `desk_routes.rs` (what a desk calls)
//! and `staff_routes.rs` (leads, service, the firm's systems).

use chrono::NaiveDate;
use firm_import::ImportKind;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Serialize;
use serde_json::json;
use serde_json::Value;
type SchemaOf = fn(&mut SchemaGenerator) -> Schema;
/// A path parameter's name and schema.
type PathParam = (&'static str, fn() -> Value);

pub(super) fn of<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<T>()
}

pub(super) fn example<T: Serialize>(value: T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Access {
    Public,
    /// Any signed-in user.
    Bearer,
    /// Signed-in users of these roles; the router refuses the others (`crate::access`).
    Only(crate::access::Roles),
    GatewaySignature,
}

pub(super) enum Body {
    None,
    Json {
        schema: SchemaOf,
        example: Option<fn() -> Value>,
    },
    /// One of the firm's files, as CSV text or an XLSX workbook.
    File,
}

/// What a route answers with when it succeeds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Answer {
    /// 200 with the response type.
    Json,
    /// 200 with the response type, or 204 when there is nothing to say.
    JsonOrNothing,
    /// 200 with a file's bytes.
    File,
    /// 200 with an XLSX workbook.
    Workbook,
}

pub(super) struct Operation {
    pub method: &'static str,
    pub path: &'static str,
    pub id: &'static str,
    pub tag: &'static str,
    pub summary: &'static str,
    pub description: &'static str,
    pub access: Access,
    /// Sends and expects the protocol version header (the desk's routes).
    pub versioned: bool,
    pub path_params: &'static [PathParam],
    pub query: Option<SchemaOf>,
    pub body: Body,
    pub response: SchemaOf,
    pub answer: Answer,
    /// Refusals beyond the ones every route of its kind may give.
    pub also: &'static [u16],
}

impl Operation {
    /// Every refusal this route may answer, in order.
    pub fn errors(&self) -> Vec<u16> {
        let mut errors = vec![400];
        match self.access {
            Access::Public => {}
            Access::Bearer | Access::Only(_) => errors.extend([401, 403]),
            Access::GatewaySignature => errors.extend([401, 404]),
        }
        if !matches!(self.body, Body::None) {
            errors.extend([408, 413, 415, 422]);
        }
        if self.query.is_some() || !self.path_params.is_empty() {
            errors.push(422);
        }
        errors.extend(self.also);
        errors.sort_unstable();
        errors.dedup();
        errors
    }
}

const NO_PARAMS: &[PathParam] = &[];

pub(super) const fn read(
    path: &'static str,
    id: &'static str,
    tag: &'static str,
    summary: &'static str,
    description: &'static str,
    response: SchemaOf,
) -> Operation {
    Operation {
        method: "get",
        path,
        id,
        tag,
        summary,
        description,
        access: Access::Bearer,
        versioned: true,
        path_params: NO_PARAMS,
        query: None,
        body: Body::None,
        response,
        answer: Answer::Json,
        also: &[],
    }
}

pub(super) const fn write(
    path: &'static str,
    id: &'static str,
    tag: &'static str,
    summary: &'static str,
    description: &'static str,
    body: Body,
    response: SchemaOf,
) -> Operation {
    Operation {
        method: "post",
        body,
        ..read(path, id, tag, summary, description, response)
    }
}

pub(super) const fn json_body(schema: SchemaOf, example: fn() -> Value) -> Body {
    Body::Json {
        schema,
        example: Some(example),
    }
}

pub(super) fn import_kinds() -> Value {
    let kinds: Vec<&str> = ImportKind::ALL.iter().map(|k| k.as_str()).collect();
    json!({"type": "string", "enum": kinds})
}

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}
