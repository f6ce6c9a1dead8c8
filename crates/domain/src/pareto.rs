//! The 80/20 view of a book (DOMAIN.md, "Tiers"): how few clients bring most of the net commission.

use crate::money::Fen;

/// How many of the largest contributions (sorted largest first) it takes to reach `share_bp`
/// basis points of the total (8000 = 80 %). Zero when there is nothing to share.
pub fn clients_reaching(sorted_desc: &[Fen], share_bp: u32) -> usize {
    let total: i128 = sorted_desc.iter().map(|f| i128::from(f.0.max(0))).sum();
    if total == 0 {
        return 0;
    }
    let target = total * i128::from(share_bp.min(10_000));
    let mut running: i128 = 0;
    for (i, f) in sorted_desc.iter().enumerate() {
        running += i128::from(f.0.max(0));
        // Compare in basis points without dividing: running / total >= share_bp / 10000.
        if running * 10_000 >= target {
            return i + 1;
        }
    }
    sorted_desc.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_clients_that_reach_the_share() {
        let v: Vec<Fen> = [50, 30, 10, 5, 5].into_iter().map(Fen).collect();
        assert_eq!(clients_reaching(&v, 8_000), 2);
        assert_eq!(clients_reaching(&v, 8_001), 3);
        assert_eq!(clients_reaching(&v, 10_000), 5);
        assert_eq!(clients_reaching(&[], 8_000), 0);
        assert_eq!(clients_reaching(&[Fen(0), Fen(0)], 8_000), 0);
    }
}
