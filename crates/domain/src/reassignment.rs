//! Handing a leaving broker's whole book to colleagues (离职客户移交). 经纪业务管理部 names the
//! receiving brokers; the book is spread so that each receives about the same assets to serve:
//! the largest clients first, each to the receiver with the least so far. The spread depends on
//! nothing but the book and the receivers' order, so the preview the manager approved is exactly
//! what the move then does.

use crate::money::Fen;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReassignmentError {
    #[error("请至少选择一位接收客户的经纪人")]
    NoReceiver,
    #[error("接收经纪人不能是移出客户的经纪人本人")]
    ReceiverIsLeaving,
    #[error("接收经纪人 {0} 选了两次，请去掉重复的一位")]
    RepeatedReceiver(String),
    #[error("该经纪人名下没有客户，无需移交")]
    EmptyBook,
}

/// One client of the leaving broker's book, as the spread weighs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookClient {
    pub client_id: String,
    pub total_assets: Fen,
}

/// Which receiver (by index into the receivers given) takes each client, in the book's order.
pub fn spread(
    leaving: &str,
    receivers: &[String],
    book: &[BookClient],
) -> Result<Vec<usize>, ReassignmentError> {
    if receivers.is_empty() {
        return Err(ReassignmentError::NoReceiver);
    }
    if receivers.iter().any(|r| r == leaving) {
        return Err(ReassignmentError::ReceiverIsLeaving);
    }
    for (i, r) in receivers.iter().enumerate() {
        if receivers[..i].contains(r) {
            return Err(ReassignmentError::RepeatedReceiver(r.clone()));
        }
    }
    if book.is_empty() {
        return Err(ReassignmentError::EmptyBook);
    }
    let mut order: Vec<usize> = (0..book.len()).collect();
    order.sort_by(|&a, &b| {
        book[b]
            .total_assets
            .cmp(&book[a].total_assets)
            .then_with(|| book[a].client_id.cmp(&book[b].client_id))
    });
    // Per receiver: assets so far, clients so far; ties go to the fewer clients, then the first.
    let mut load = vec![(Fen::ZERO, 0usize); receivers.len()];
    let mut to = vec![0; book.len()];
    for client in order {
        let (pick, _) = load
            .iter()
            .enumerate()
            .min_by_key(|(i, (assets, count))| (*assets, *count, *i))
            .unwrap_or((0, &(Fen::ZERO, 0)));
        load[pick].0 += book[client].total_assets;
        load[pick].1 += 1;
        to[client] = pick;
    }
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn client(id: &str, yuan: i64) -> BookClient {
        BookClient {
            client_id: id.into(),
            total_assets: Fen::from_yuan(yuan),
        }
    }

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_largest_clients_go_first_to_whoever_has_least() {
        let book = [
            client("C1", 100),
            client("C2", 900),
            client("C3", 500),
            client("C4", 400),
        ];
        // C2 → A; C3 → B; C4 → B (500 < 900); C1 → B? B has 900, A 900: equal assets, A has fewer
        // clients (1 against 2), so A.
        assert_eq!(
            spread("X", &names(&["A", "B"]), &book),
            Ok(vec![0, 0, 1, 1])
        );
    }

    #[test]
    fn refusals_say_what_to_fix() {
        let book = [client("C1", 1)];
        assert_eq!(spread("X", &[], &book), Err(ReassignmentError::NoReceiver));
        assert_eq!(
            spread("X", &names(&["A", "X"]), &book),
            Err(ReassignmentError::ReceiverIsLeaving)
        );
        assert_eq!(
            spread("X", &names(&["A", "B", "A"]), &book),
            Err(ReassignmentError::RepeatedReceiver("A".into()))
        );
        assert_eq!(
            spread("X", &names(&["A"]), &[]),
            Err(ReassignmentError::EmptyBook)
        );
    }

    proptest! {
        /// Every client goes to exactly one receiver, and no receiver ends further ahead of
        /// another than the largest single client: no one is handed the whole big end.
        #[test]
        fn the_book_is_spread_whole_and_even(
            assets in prop::collection::vec(0i64..50_000_000, 1..120),
            receivers in 1usize..6,
        ) {
            let book: Vec<BookClient> = assets
                .iter()
                .enumerate()
                .map(|(i, a)| client(&format!("C{i:04}"), *a))
                .collect();
            let names: Vec<String> = (0..receivers).map(|i| format!("B{i}")).collect();
            let to = spread("LEAVING", &names, &book).unwrap();
            prop_assert_eq!(to.len(), book.len());
            let mut sums = vec![Fen::ZERO; receivers];
            for (c, r) in book.iter().zip(&to) {
                prop_assert!(*r < receivers);
                sums[*r] += c.total_assets;
            }
            let largest = book.iter().map(|c| c.total_assets).max().unwrap_or(Fen::ZERO);
            let (min, max) = (sums.iter().min().unwrap(), sums.iter().max().unwrap());
            prop_assert!(max.0 - min.0 <= largest.0, "{sums:?}");
            // The same book and receivers spread the same way.
            prop_assert_eq!(spread("LEAVING", &names, &book).unwrap(), to);
        }
    }
}
