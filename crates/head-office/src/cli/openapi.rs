//! `head-office openapi`: the API's description, for the firm's gateway team and any second client,
//! without a running server.

pub fn print() -> anyhow::Result<()> {
    println!(
        "{}",
        serde_json::to_string_pretty(head_office::openapi::document())?
    );
    Ok(())
}
