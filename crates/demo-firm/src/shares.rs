//! Clients shared with a second, serving broker (客户共享), so the demo shows both sides on
//! broker01's desk: some of broker02's clients are co-served by broker01 for 30% of the service
//! credit, and some of broker01's own by broker03 for 20%. Decided by the client's number alone
//! (no draw from the generator), so every other figure of the demo stays as it was.

use super::broker_id;
use chrono::{Days, NaiveDate};
use domain::Rate;
use protocol::relationships::CoServer;

/// The co-server of client number `n` of broker number `broker`, if the client is shared.
pub(super) fn co_server(
    n: usize,
    broker: usize,
    developing: &str,
    brokers: usize,
    as_of: NaiveDate,
) -> Option<CoServer> {
    if brokers < 3 {
        return None;
    }
    let (co, share) = match broker {
        1 if n.is_multiple_of(25) => (0, Rate(3_000_000)),
        0 if n % 40 == 7 => (2, Rate(2_000_000)),
        _ => return None,
    };
    let co = broker_id(co);
    // The developer is already paid for bringing the client in (domain::shared_service).
    (co != developing).then(|| CoServer {
        broker_id: co,
        // Head office fills in names from its users table when it serves the row.
        broker_name: String::new(),
        share,
        since: as_of - Days::new(40 + (n % 30) as u64),
    })
}
