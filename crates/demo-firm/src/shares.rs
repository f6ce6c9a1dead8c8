//! Clients shared with a second, serving broker (客户共享): one in twenty of broker01's clients,
//! co-served by broker02 for 20% of the service credit or by broker03 for 30%. broker01's
//! 客户360 names the co-server; broker02's and broker03's desks hold those clients beside their
//! own. broker01's book stays the demo's round 2,000. Decided by the client's number alone (no
//! draw from the generator), so every other figure of the demo stays as it was.

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
    let (co, share) = match (broker, n % 40) {
        (0, 7) => (1, Rate(2_000_000)),
        (0, 27) => (2, Rate(3_000_000)),
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
