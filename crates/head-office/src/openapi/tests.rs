use super::*;
use protocol::paths;

#[test]
fn every_path_is_described_and_nothing_else() {
    let doc = document();
    let described: Vec<&str> = doc["paths"]
        .as_object()
        .expect("paths")
        .keys()
        .map(String::as_str)
        .collect();
    for path in paths::ALL {
        assert!(described.contains(path), "{path} is not in the document");
    }
    for path in &described {
        assert!(
            paths::ALL.contains(path),
            "{path} is described but not served"
        );
    }
}

#[test]
fn every_reference_resolves() {
    let doc = document();
    let text = doc.to_string();
    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    for reference in text.split("\"$ref\":\"").skip(1) {
        let target = reference.split('"').next().unwrap_or_default();
        let name = target
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("{target} points outside the components"));
        assert!(
            schemas.contains_key(name),
            "{name} is referred to but missing"
        );
    }
}

#[test]
fn bodies_come_from_the_protocol_types() {
    let doc = document();
    let push = &doc["paths"][paths::PUSH]["post"];
    assert_eq!(
        push["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/PushRequest"
    );
    let mutation = &doc["components"]["schemas"]["MutationOp"];
    let variants = mutation["oneOf"].as_array().expect("a tagged enum");
    let ops: Vec<&str> = variants
        .iter()
        .filter_map(|v| v["properties"]["op"]["const"].as_str())
        .collect();
    assert!(ops.contains(&"add_contact_note"), "{ops:?}");
    assert!(ops.contains(&"record_event_response"), "{ops:?}");
}

#[test]
fn the_feed_query_is_spelled_as_parameters() {
    let doc = document();
    let parameters = doc["paths"][paths::FEED]["get"]["parameters"]
        .as_array()
        .expect("parameters");
    let named = |n: &str| parameters.iter().find(|p| p["name"] == n).cloned();
    assert_eq!(named("cursor").expect("cursor")["required"], true);
    assert_eq!(named("count").expect("count")["required"], false);
    let version = named(protocol::VERSION_HEADER).expect("version header");
    assert_eq!(version["in"], "header");
}

#[test]
fn errors_are_the_one_contract() {
    let doc = document();
    let sign_in = &doc["paths"][paths::SIGN_IN]["post"]["responses"];
    for status in ["400", "401", "403", "422", "429"] {
        assert_eq!(
            sign_in[status]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/ApiError",
            "{status}"
        );
    }
    assert!(sign_in["200"].is_object());
}

#[test]
fn examples_are_valid_bodies() {
    let doc = document();
    let example =
        &doc["paths"][paths::PUSH]["post"]["requestBody"]["content"]["application/json"]["example"];
    let push: protocol::PushRequest =
        serde_json::from_value(example.clone()).expect("the example decodes");
    assert_eq!(push.mutations.len(), 1);
}
