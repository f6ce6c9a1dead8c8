//! The OpenAPI 3.1 document of head office's API, served at `/api/v1/openapi.json` and printed by
//! `head-office openapi`.
//!
//! Every body's schema comes from the Rust type the handler reads or writes (`schemars`, following
//! the same serde attributes the wire does), so the document cannot drift from `protocol`. What a
//! type cannot say — the route, who may call it, which errors it answers — is in `desk_routes.rs`,
//! `staff_routes.rs`, `console_routes.rs`, `org_routes.rs`, `relationship_routes.rs` and
//! `finance_routes.rs` and `pay_adjustment_routes.rs`, one entry per route, and a test checks that entry list against `protocol::paths::ALL`.
//!
//! Schemas follow the decoding contract (a field with a default is optional): a request's schema
//! is then exactly what head office accepts, and a response's what it may send, since head office
//! always writes every field.

mod console_routes;
mod desk_routes;
mod finance_routes;
mod operations;
mod org_routes;
mod pay_adjustment_routes;
mod relationship_routes;
mod staff_routes;

use operations::{Access, Answer, Body, Operation};
use protocol::{ApiError, ErrorCode, PROTOCOL_VERSION, VERSION_HEADER};
use schemars::generate::SchemaSettings;
use schemars::SchemaGenerator;
use serde_json::{json, Map, Value};
use std::sync::OnceLock;

/// The document, built once per process: it depends only on the code.
pub fn document() -> &'static Value {
    static DOCUMENT: OnceLock<Value> = OnceLock::new();
    DOCUMENT.get_or_init(build)
}

fn build() -> Value {
    let mut generator = SchemaSettings::draft2020_12()
        .for_deserialize()
        .with(|s| {
            s.definitions_path = "/components/schemas".into();
            s.meta_schema = None;
        })
        .into_generator();
    let error = generator.subschema_for::<ApiError>();
    let mut paths = Map::new();
    for op in desk_routes::DESK
        .iter()
        .chain(staff_routes::STAFF)
        .chain(console_routes::CONSOLE)
        .chain(org_routes::ORG)
        .chain(relationship_routes::RELATIONSHIPS_ROUTES)
        .chain(finance_routes::FINANCE_ROUTES)
        .chain(pay_adjustment_routes::PAY_ADJUSTMENT_ROUTES)
    {
        let item = paths
            .entry(op.path.to_string())
            .or_insert_with(|| json!({}));
        item[op.method] = operation(op, &mut generator, &error);
    }
    let schemas = generator.take_definitions(true);
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "BrokerDesk head office (经纪人工作台总部)",
            "version": env!("CARGO_PKG_VERSION"),
            "description": DESCRIPTION,
        },
        "tags": [
            {"name": "session", "description": "登录、续期与退出"},
            {"name": "sync", "description": "经纪人桌面的同步：拉取变更、提交变更"},
            {"name": "firm", "description": "公司的业务规则与佣金方案"},
            {"name": "team", "description": "团队长与营业部经理的团队视图"},
            {"name": "service", "description": "客服：投诉与回访"},
            {"name": "console", "description": "总部管理控制台：组织人员、合规、财务"},
            {"name": "integration", "description": "公司系统的接入：数据导入、短信/邮件网关回执"},
            {"name": "meta", "description": "健康检查与本文档"},
        ],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "登录或续期得到的 access_token，有效期见 access_expires_in_secs。",
                },
                "gatewaySignature": {
                    "type": "apiKey",
                    "in": "header",
                    "name": protocol::gateway::SIGNATURE_HEADER,
                    "description": "网关以 head-office channel --set 配置的密钥对请求体做 HMAC-SHA256，十六进制，前缀 sha256=。",
                },
            },
        },
    })
}

const DESCRIPTION: &str = "The API BrokerDesk's desks sync with. Every `/api/v1` route but \
health, this document, the gateway's receipts and the import sends and expects the header \
`x-brokerdesk-protocol`; a desk of another protocol version is refused with `protocol_mismatch`. \
Every error is a JSON body `{code, message}`: the code is for programs, the message is Chinese \
text for the person at the desk.";

fn operation(op: &Operation, generator: &mut SchemaGenerator, error: &schemars::Schema) -> Value {
    let mut parameters = Vec::new();
    if op.versioned {
        parameters.push(json!({
            "name": VERSION_HEADER,
            "in": "header",
            "required": true,
            "description": "The desk's protocol version; head office answers with its own.",
            "schema": {"type": "string", "enum": [PROTOCOL_VERSION.to_string()]},
        }));
    }
    for (name, schema) in op.path_params {
        parameters.push(json!({"name": name, "in": "path", "required": true, "schema": schema()}));
    }
    if let Some(query) = op.query {
        parameters.extend(query_parameters(query(generator), generator));
    }
    let mut value = json!({
        "operationId": op.id,
        "tags": [op.tag],
        "summary": op.summary,
        "description": op.description,
        "parameters": parameters,
        "security": security(op.access),
        "responses": responses(op, generator, error),
    });
    if let Access::Only(roles) = op.access {
        // Role names as the wire writes them (`UserProfile.role`).
        value["x-roles"] = json!(roles);
    }
    match &op.body {
        Body::None => {}
        Body::Json { schema, example } => {
            let mut media = json!({"schema": schema(generator)});
            if let Some(example) = example {
                media["example"] = example();
            }
            value["requestBody"] = json!({
                "required": true,
                "content": {"application/json": media},
            });
        }
        Body::File => {
            value["requestBody"] = json!({
                "required": true,
                "content": {
                    "text/csv": {"schema": {"type": "string"}},
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
                        {"schema": {"type": "string", "contentMediaType": "application/octet-stream"}},
                },
            });
        }
    }
    value
}

fn security(access: Access) -> Value {
    match access {
        Access::Public => json!([]),
        Access::Bearer | Access::Only(_) => json!([{"bearer": []}]),
        Access::GatewaySignature => json!([{"gatewaySignature": []}]),
    }
}

/// A query type's fields as OpenAPI parameters, one each; query types are flat structs.
fn query_parameters(schema: schemars::Schema, generator: &SchemaGenerator) -> Vec<Value> {
    let object = resolve(schema.as_value(), generator);
    let required: Vec<&str> = object["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let Some(properties) = object["properties"].as_object() else {
        return Vec::new();
    };
    properties
        .iter()
        .map(|(name, schema)| {
            let mut parameter = json!({
                "name": name,
                "in": "query",
                "required": required.contains(&name.as_str()),
                "schema": schema,
            });
            if let Some(text) = schema.get("description") {
                parameter["description"] = text.clone();
            }
            parameter
        })
        .collect()
}

/// A schema with its top-level `$ref` followed, for the query's properties.
fn resolve(schema: &Value, generator: &SchemaGenerator) -> Value {
    match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference.rsplit('/').next().unwrap_or_default();
            generator.definitions()[name].clone()
        }
        None => schema.clone(),
    }
}

fn responses(op: &Operation, generator: &mut SchemaGenerator, error: &schemars::Schema) -> Value {
    let mut responses = Map::new();
    let content = match op.answer {
        Answer::File => json!({"application/octet-stream":
            {"schema": {"type": "string", "contentMediaType": "application/octet-stream"}}}),
        Answer::Workbook => json!({(crate::reports::XLSX_MIME):
            {"schema": {"type": "string", "contentMediaType": crate::reports::XLSX_MIME}}}),
        Answer::Json | Answer::JsonOrNothing => {
            json!({"application/json": {"schema": (op.response)(generator)}})
        }
    };
    responses.insert(
        "200".into(),
        json!({"description": op.summary, "content": content}),
    );
    if op.answer == Answer::JsonOrNothing {
        responses.insert("204".into(), json!({"description": "Nothing newer."}));
    }
    for status in op.errors() {
        responses.insert(
            status.to_string(),
            json!({
                "description": error_description(status),
                "content": {"application/json": {"schema": error}},
            }),
        );
    }
    Value::Object(responses)
}

/// What each refusal means, with the codes its body may carry.
fn error_description(status: u16) -> String {
    let (text, codes): (&str, &[ErrorCode]) = match status {
        400 => (
            "请求本身有误（参数或正文无法解析、协议版本不符）",
            &[ErrorCode::BadRequest, ErrorCode::ProtocolMismatch],
        ),
        401 => (
            "未登录、令牌过期或签名不对",
            &[
                ErrorCode::Unauthorized,
                ErrorCode::BadCredentials,
                ErrorCode::SessionEnded,
            ],
        ),
        403 => (
            "账号已停用，或此角色无权这样做",
            &[ErrorCode::Forbidden, ErrorCode::AccountDisabled],
        ),
        404 => ("所指的对象不存在或不在调用者范围内", &[ErrorCode::NotFound]),
        408 => ("正文在时限内没有传完", &[ErrorCode::BadRequest]),
        413 => ("正文超过此接口的上限", &[ErrorCode::PayloadTooLarge]),
        415 => ("正文不是 JSON", &[ErrorCode::BadRequest]),
        422 => (
            "内容不合业务规则，message 说明要改什么",
            &[ErrorCode::Validation, ErrorCode::Unsuitable],
        ),
        429 => ("登录尝试过于频繁，稍后再试", &[ErrorCode::RateLimited]),
        _ => ("", &[]),
    };
    let codes: Vec<String> = codes
        .iter()
        .filter_map(|c| serde_json::to_value(c).ok())
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    format!("{text}（code: {}）", codes.join(", "))
}

#[cfg(test)]
mod tests;
