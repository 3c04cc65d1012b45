//! P8: the ranks of a period's windows and staff, in the hall and in each department.

use crate::maps::FastMap;
use crate::text::{cmp_ids, id_prefix};
use rust_decimal::Decimal;

/// What P8 ranks (a period's subject): its score, id and department, and its two ranks.
pub(crate) trait Ranked {
    fn score(&self) -> Decimal;
    fn id(&self) -> &str;
    fn department(&self) -> &str;
    /// Its rank in the hall and in its department.
    fn set_ranks(&mut self, in_hall: u32, in_department: u32);
}

/// P8: by score descending, equal scores share a rank (1, 2, 2, 4); in the hall and in each
/// department. The list ends in that order (then by id).
pub(crate) fn rank<T: Ranked>(list: &mut Vec<T>) {
    // by score, descending, then id: positions sorted, then each result moved once (a result is
    // a few hundred bytes; sorting them in place moved each several times)
    // (with the ids' first bytes as a number: ids of more than eight bytes compared whole on a tie)
    // (and the scores as integers at the list's largest scale, when they all fit: compared as
    // two numbers, not as decimals read from each result)
    let scale = list.iter().map(|s| s.score().scale()).max().unwrap_or(0);
    let keys: Option<Vec<i128>> = list.iter().map(|s| crate::exact::mantissa_at(s.score(), scale)).collect();
    let integers = keys.is_some();
    let mut order: Vec<(i128, u64, u32)> =
        list.iter().enumerate().map(|(i, s)| (keys.as_ref().map_or(0, |k| k[i]), id_prefix(s.id()), i as u32)).collect();
    // a period's list comes by id already: then the ids' order is the positions', and equal
    // scores need no id compared (a check of n − 1 pairs, where the sort compared ids on every tie)
    let by_id = order.windows(2).all(|w| cmp_ids(w[0].1, list[w[0].2 as usize].id(), w[1].1, list[w[1].2 as usize].id()).is_le());
    // (scores of a few digits, as most are, with the position in one 64-bit number: the larger
    // score first, then the earlier position, as the number's order)
    let packed: Option<Vec<u64>> = (integers && by_id)
        .then(|| order.iter().map(|&(k, _, i)| i32::try_from(k).ok().map(|k| u64::from(!(k as u32 ^ 0x8000_0000)) << 32 | u64::from(i))).collect())
        .flatten();
    if let Some(mut packed) = packed {
        packed.sort_unstable();
        for (o, p) in order.iter_mut().zip(packed) {
            let i = p as u32;
            *o = (keys.as_ref().map_or(0, |k| k[i as usize]), 0, i);
        }
    } else {
        order.sort_by(|&(ki, pi, i), &(kj, pj, j)| {
            let (a, b) = (&list[i as usize], &list[j as usize]);
            let by_score = if integers { kj.cmp(&ki) } else { b.score().cmp(&a.score()) };
            by_score.then_with(|| if by_id { i.cmp(&j) } else { cmp_ids(pi, a.id(), pj, b.id()) })
        });
    }
    let mut slots: Vec<Option<T>> = std::mem::take(list).into_iter().map(Some).collect();
    list.extend(order.iter().map(|&(_, _, i)| slots[i as usize].take().expect("each position once")));
    // in the hall: (the last score, its rank); within each department: (results so far, the last
    // score, its rank); the scores compared as their integer keys when they have them
    // (a score as its integer key, or as its decimal when the list has none)
    type Score = (i128, Option<Decimal>);
    let score_of = |at: usize, s: &T| -> Score { if integers { (order[at].0, None) } else { (0, Some(s.score())) } };
    let mut hall: (Option<Score>, u32) = (None, 0);
    let ranks: Vec<(u32, u32)> = {
        let mut by_dept: FastMap<&str, (u32, Option<Score>, u32)> = FastMap::with_capacity_and_hasher(list.len(), Default::default());
        list.iter()
            .enumerate()
            .map(|(i, s)| {
                let score = Some(score_of(i, s));
                if hall.0 != score {
                    hall = (score, i as u32 + 1);
                }
                let e = by_dept.entry(s.department()).or_insert((0, None, 0));
                e.0 += 1;
                if e.1 != score {
                    e.2 = e.0;
                    e.1 = score;
                }
                (hall.1, e.2)
            })
            .collect()
    };
    for (s, (in_hall, in_department)) in list.iter_mut().zip(ranks) {
        s.set_ranks(in_hall, in_department);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A subject to rank: (id, department, score, ranks).
    struct S(String, &'static str, Decimal, (u32, u32));

    impl Ranked for S {
        fn score(&self) -> Decimal {
            self.2
        }
        fn id(&self) -> &str {
            &self.0
        }
        fn department(&self) -> &str {
            self.1
        }
        fn set_ranks(&mut self, in_hall: u32, in_department: u32) {
            self.3 = (in_hall, in_department);
        }
    }

    /// Windows W01, W02, … of departments D1 and D2 in turn with the given scores, ranked;
    /// returned as (id, rank, department rank) in the ranked order, next to the order a plain
    /// sort by score (descending) and id gives.
    fn ranked(scores: &[&str]) -> (Vec<(String, u32, u32)>, Vec<String>) {
        let mut list: Vec<S> = scores
            .iter()
            .enumerate()
            .map(|(i, x)| S(format!("W{:02}", i + 1), ["D1", "D2"][i % 2], x.parse().unwrap(), (0, 0)))
            .collect();
        let mut plain: Vec<(Decimal, String)> = list.iter().map(|s| (s.2, s.0.clone())).collect();
        plain.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        rank(&mut list);
        (list.iter().map(|s| (s.0.clone(), s.3.0, s.3.1)).collect(), plain.into_iter().map(|(_, id)| id).collect())
    }

    #[test]
    fn scores_of_several_scales_rank_as_decimals() {
        // 99.5 = 99.50 share a rank; 100 > 99.95 > 99.5; the integer keys are at scale 2
        let (got, plain) = ranked(&["99.5", "100", "99.95", "99.50", "-1", "0.00"]);
        assert_eq!(got.iter().map(|(id, _, _)| id.clone()).collect::<Vec<_>>(), plain);
        assert_eq!(got.iter().map(|(_, r, _)| *r).collect::<Vec<_>>(), vec![1, 2, 3, 3, 5, 6]);
        // in D1 (W01 99.5, W03 99.95, W05 −1): W03 1, W01 2, W05 3; in D2 (W02 100, W04 99.50,
        // W06 0.00): 1, 2, 3
        assert_eq!(got.iter().map(|(id, _, d)| (id.as_str(), *d)).collect::<Vec<_>>(), vec![("W02", 1), ("W03", 1), ("W01", 2), ("W04", 2), ("W06", 3), ("W05", 3)]);
    }

    #[test]
    fn scores_too_wide_for_the_integer_keys_rank_as_decimals_too() {
        // 28 decimal places against a 29-digit mantissa: 7.9… × 10^28 × 10^28 overflows an i128,
        // so the decimals themselves are compared
        let (got, plain) = ranked(&["0.0000000000000000000000000001", "79228162514264337593543950335", "5", "5.0"]);
        assert_eq!(got.iter().map(|(id, _, _)| id.clone()).collect::<Vec<_>>(), plain);
        assert_eq!(got.iter().map(|(_, r, _)| *r).collect::<Vec<_>>(), vec![1, 2, 2, 4]);
        // in D2 W02 then W04 (5.0), in D1 W03 (5) then W01: 1 and 2 in each
        assert_eq!(got.iter().map(|(id, _, d)| (id.as_str(), *d)).collect::<Vec<_>>(), vec![("W02", 1), ("W03", 1), ("W04", 2), ("W01", 2)]);
    }

    #[test]
    fn equal_scores_share_a_department_rank() {
        // W01 90 and W03 90.0 in D1, W02 80 and W04 80 in D2: 1, 1, 3, 3 in the hall; each
        // department's pair shares its first place
        let (got, _) = ranked(&["90", "80", "90.0", "80"]);
        assert_eq!(got, vec![("W01".into(), 1, 1), ("W03".into(), 1, 1), ("W02".into(), 3, 1), ("W04".into(), 3, 1)]);
    }

    #[test]
    fn a_list_out_of_id_order_ranks_ties_by_id() {
        // the list given as W03 90, W01 90, W02 95, W10 90 (not by id): W02 first (95), then the
        // three 90s by id, W01, W03, W10, sharing rank 2 (P8: 1, 2, 2, 2)
        let mut list: Vec<S> = [("W03", "90"), ("W01", "90"), ("W02", "95"), ("W10", "90")]
            .iter()
            .map(|&(id, x)| S(id.to_string(), "D1", x.parse().unwrap(), (0, 0)))
            .collect();
        rank(&mut list);
        let got: Vec<(&str, u32, u32)> = list.iter().map(|s| (s.0.as_str(), s.3.0, s.3.1)).collect();
        assert_eq!(got, vec![("W02", 1, 1), ("W01", 2, 2), ("W03", 2, 2), ("W10", 2, 2)]);
    }

    #[test]
    fn scores_past_32_bits_rank_by_their_integer_keys() {
        // at scale 1 the keys are 30000000000, 10, 30000000005 (past an i32): W03 first, W01,
        // then W02; in D1 (W01, W03): W03 1, W01 2; in D2 W02 1
        let (got, plain) = ranked(&["3000000000", "1", "3000000000.5"]);
        assert_eq!(got.iter().map(|(id, _, _)| id.clone()).collect::<Vec<_>>(), plain);
        assert_eq!(got, vec![("W03".into(), 1, 1), ("W01".into(), 2, 2), ("W02".into(), 3, 1)]);
    }
}
