//! Sharing a client (客户共享): 经纪业务管理部 names a second broker who serves the client beside
//! the one whose book it is, and how the service part of the client's net commission is split
//! between them. The developer's share is untouched: sharing divides service, not origination.
//!
//! The split itself is `pay_plan::credited`. Like a transfer, the split follows the relationship as it stands when a month is computed:
//! the month's trades are split if the client is shared then, whole otherwise.

use crate::fees::Rate;
use thiserror::Error;

/// The co-server's part of the service credit may be anything from 1% to 99%: a share of 0% or
/// 100% is not a share but no change, or a transfer.
const LEAST: Rate = Rate(100_000);
const MOST: Rate = Rate(9_900_000);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShareError {
    #[error("共同服务人不能是客户现在的服务经纪人：请另选一位经纪人")]
    SameBroker,
    #[error(
        "该经纪人是客户的开发人，已按开发分成计酬，不能再设为共同服务人：如需由其服务，请改用客户划转"
    )]
    Developer,
    #[error("分成比例 {share} 不在 1% 至 99% 之间：请填写共同服务人分得的服务佣金比例")]
    OutOfRange { share: Rate },
}

/// Checks a share asked for on a client served by `serving` and brought in by `developer`.
pub fn check_share(
    serving: &str,
    developer: &str,
    co_server: &str,
    share: Rate,
) -> Result<(), ShareError> {
    if co_server == serving {
        return Err(ShareError::SameBroker);
    }
    if co_server == developer {
        return Err(ShareError::Developer);
    }
    if share < LEAST || share > MOST {
        return Err(ShareError::OutOfRange { share });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pay_plan::{credited, CreditRole};
    use crate::Fen;

    const THIRTY: Rate = Rate(3_000_000);

    #[test]
    fn a_share_needs_a_third_broker_and_a_split_inside_the_range() {
        assert_eq!(
            check_share("B1", "B2", "B1", THIRTY),
            Err(ShareError::SameBroker)
        );
        assert_eq!(
            check_share("B1", "B2", "B2", THIRTY),
            Err(ShareError::Developer)
        );
        for share in [Rate(0), Rate(99_999), Rate(9_900_001), Rate(10_000_000)] {
            assert_eq!(
                check_share("B1", "B1", "B3", share),
                Err(ShareError::OutOfRange { share })
            );
        }
        assert_eq!(check_share("B1", "B1", "B3", LEAST), Ok(()));
        assert_eq!(check_share("B1", "B1", "B3", MOST), Ok(()));
    }

    #[test]
    fn the_co_server_shares_service_and_never_the_developer_s_part() {
        let net = Fen(10_000);
        let dev = Rate(2_000_000); // 20% to whoever brought the client in
                                   // Not shared: as before.
        assert_eq!(credited(net, CreditRole::Serving, dev, None), Fen(8_000));
        assert_eq!(credited(net, CreditRole::Both, dev, None), net);
        // Shared 30%: service is 8,000, the co-server gets 2,400.
        let co = Some(THIRTY);
        assert_eq!(credited(net, CreditRole::CoServing, dev, co), Fen(2_400));
        assert_eq!(credited(net, CreditRole::Serving, dev, co), Fen(5_600));
        assert_eq!(credited(net, CreditRole::Developing, dev, co), Fen(2_000));
        // The server who also brought the client in keeps origination and 70% of service.
        assert_eq!(credited(net, CreditRole::Both, dev, co), Fen(7_600));
    }

    #[test]
    fn the_three_parts_always_add_up_to_the_net_commission() {
        for net in [0, 1, 3, 7, 99, 10_001, 123_457] {
            for share in [LEAST, THIRTY, Rate(3_333_333), MOST] {
                let (net, dev, co) = (Fen(net), Rate(1_500_000), Some(share));
                let parts = credited(net, CreditRole::Serving, dev, co)
                    + credited(net, CreditRole::Developing, dev, co)
                    + credited(net, CreditRole::CoServing, dev, co);
                assert_eq!(parts, net);
                assert_eq!(
                    credited(net, CreditRole::Both, dev, co)
                        + credited(net, CreditRole::CoServing, dev, co),
                    net
                );
            }
        }
    }
}
