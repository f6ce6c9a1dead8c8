//! Every route of the OpenAPI document, called over HTTP by the demo account of every role: a
//! route that lists `x-roles` refuses every other role with 403 `forbidden` before it reads the
//! body, and lets the listed ones through; a route without the list lets every signed-in role
//! through. The document is head office's own, so a route added without its roles, or a router
//! that checks other roles than the document says, fails here.

use protocol::{paths, Role, PROTOCOL_VERSION, VERSION_HEADER};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use sync::HeadOffice;
use system_tests::{access_token, small_firm, TestHeadOffice};

/// The demo firm's account of each role.
fn account(role: Role) -> &'static str {
    match role {
        Role::Broker => "broker01",
        Role::TeamLead => "lead01",
        Role::BranchManager => "manager01",
        Role::Admin => "admin",
        Role::Service => "service01",
        Role::ManagerHq => "hq01",
        Role::Compliance => "compliance01",
        Role::Finance => "finance01",
    }
}

struct Route {
    method: Method,
    path: String,
    /// `None`: any signed-in user.
    roles: Option<Vec<Role>>,
}

/// A value for each path parameter: the first of its enum, else a version no release has.
fn fill(template: &str, parameters: &[Value]) -> String {
    let mut path = template.to_string();
    for p in parameters.iter().filter(|p| p["in"] == "path") {
        let name = p["name"].as_str().unwrap_or_default();
        let value = p["schema"]["enum"][0].as_str().unwrap_or("0.0.1");
        path = path.replace(&format!("{{{name}}}"), value);
    }
    path
}

/// The bearer routes of the document; signing out last, as it ends the caller's token.
fn bearer_routes(document: &Value) -> Vec<Route> {
    let mut routes = Vec::new();
    for (template, item) in document["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if op["security"] != serde_json::json!([{"bearer": []}]) {
                continue;
            }
            let roles = op.get("x-roles").map(|r| {
                serde_json::from_value::<Vec<Role>>(r.clone())
                    .unwrap_or_else(|e| panic!("{method} {template}: x-roles {r}: {e}"))
            });
            let parameters = op["parameters"].as_array().cloned().unwrap_or_default();
            routes.push(Route {
                method: method.to_uppercase().parse().unwrap(),
                path: fill(template, &parameters),
                roles,
            });
        }
    }
    routes.sort_by_key(|r| r.path == paths::SIGN_OUT);
    routes
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_refuses_every_role_it_does_not_list_and_admits_the_ones_it_does() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let http = reqwest::Client::new();
    let document: Value = http
        .get(format!("{base}{}", paths::OPENAPI))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let routes = bearer_routes(&document);
    assert!(
        routes.iter().any(|r| r.roles.is_some()),
        "no route lists x-roles"
    );

    let api = HeadOffice::new(&base).unwrap();
    let (mut refused, mut admitted) = (0, 0);
    for role in Role::ALL {
        let token = access_token(&api, account(role)).await;
        for route in &routes {
            let mut request = http
                .request(route.method.clone(), format!("{base}{}", route.path))
                .header(VERSION_HEADER, PROTOCOL_VERSION.to_string())
                .bearer_auth(&token);
            if route.method == Method::POST {
                // Invalid for every route: an admitted caller changes nothing.
                request = request.json(&serde_json::json!({}));
            }
            let response = request.send().await.unwrap();
            let status = response.status();
            let body: Value = response.json().await.unwrap_or_default();
            let what = format!("{role:?} {} {}: {status} {body}", route.method, route.path);
            assert!(!status.is_server_error(), "{what}");
            match &route.roles {
                Some(roles) if !roles.contains(&role) => {
                    assert_eq!(status, StatusCode::FORBIDDEN, "{what}");
                    assert_eq!(body["code"], "forbidden", "{what}");
                    refused += 1;
                }
                _ => {
                    assert!(
                        status != StatusCode::UNAUTHORIZED && status != StatusCode::FORBIDDEN,
                        "{what}"
                    );
                    admitted += 1;
                }
            }
        }
    }
    assert!(
        refused > 0 && admitted > 0,
        "{refused} refused, {admitted} admitted"
    );
}
