//! P8: the ranks of a period's windows and staff, in the hall and in each department.

use crate::engine::FastMap;
use crate::period::SubjectPeriod;
use crate::text::{cmp_ids, id_prefix};
use rust_decimal::Decimal;

/// P8: by score descending, equal scores share a rank (1, 2, 2, 4); in the hall and in each department.
pub(crate) fn rank(list: &mut Vec<SubjectPeriod>) {
    // by score, descending, then id: positions sorted, then each result moved once (a result is
    // a few hundred bytes; sorting them in place moved each several times)
    // (with the ids' first bytes as a number: ids of more than eight bytes compared whole on a tie)
    // (and the scores as integers at the list's largest scale, when they all fit: compared as
    // two numbers, not as decimals read from each result)
    let scale = list.iter().map(|s| s.score.scale()).max().unwrap_or(0);
    let as_integer = |d: Decimal| d.mantissa().checked_mul(10i128.checked_pow(scale - d.scale())?);
    let keys: Option<Vec<i128>> = list.iter().map(|s| as_integer(s.score)).collect();
    let integers = keys.is_some();
    let mut order: Vec<(i128, u64, u32)> =
        list.iter().enumerate().map(|(i, s)| (keys.as_ref().map_or(0, |k| k[i]), id_prefix(&s.subject), i as u32)).collect();
    order.sort_by(|&(ki, pi, i), &(kj, pj, j)| {
        let (a, b) = (&list[i as usize], &list[j as usize]);
        let by_score = if integers { kj.cmp(&ki) } else { b.score.cmp(&a.score) };
        by_score.then_with(|| cmp_ids(pi, &a.subject, pj, &b.subject))
    });
    let mut slots: Vec<Option<SubjectPeriod>> = std::mem::take(list).into_iter().map(Some).collect();
    list.extend(order.iter().map(|&(_, _, i)| slots[i as usize].take().expect("each position once")));
    let mut prev: Option<Decimal> = None;
    let mut r = 0;
    for (i, s) in list.iter_mut().enumerate() {
        if prev != Some(s.score) {
            r = i as u32 + 1;
            prev = Some(s.score);
        }
        s.rank = r;
    }
    // within each department: (results so far, the last score, its rank)
    let dept_ranks: Vec<u32> = {
        let mut by_dept: FastMap<&str, (u32, Option<Decimal>, u32)> = FastMap::default();
        list.iter()
            .map(|s| {
                let e = by_dept.entry(s.department.as_str()).or_insert((0, None, 0));
                e.0 += 1;
                if e.1 != Some(s.score) {
                    e.2 = e.0;
                    e.1 = Some(s.score);
                }
                e.2
            })
            .collect()
    };
    for (s, r) in list.iter_mut().zip(dept_ranks) {
        s.department_rank = r;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dataset, Policy};

    /// The sample hall's year's windows with the given scores, ranked; returned as (id, rank) in
    /// the ranked order, next to the order a plain sort by score (descending) and id gives.
    fn ranked(scores: &[&str]) -> (Vec<(String, u32)>, Vec<String>) {
        let ds = Dataset::from_json(include_str!("../../examples/data/county-2026.json")).unwrap();
        let mut list = Policy::builtin().evaluate_hall_year(&ds).unwrap().annual.windows;
        list.truncate(scores.len());
        for (s, x) in list.iter_mut().zip(scores) {
            s.score = x.parse().unwrap();
        }
        let mut plain: Vec<(Decimal, String)> = list.iter().map(|s| (s.score, s.subject.to_string())).collect();
        plain.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        rank(&mut list);
        (list.iter().map(|s| (s.subject.to_string(), s.rank)).collect(), plain.into_iter().map(|(_, id)| id).collect())
    }

    #[test]
    fn scores_of_several_scales_rank_as_decimals() {
        // 99.5 = 99.50 share a rank; 100 > 99.95 > 99.5; the integer keys are at scale 2
        let (got, plain) = ranked(&["99.5", "100", "99.95", "99.50", "-1", "0.00"]);
        assert_eq!(got.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(), plain);
        assert_eq!(got.iter().map(|(_, r)| *r).collect::<Vec<_>>(), vec![1, 2, 3, 3, 5, 6]);
    }

    #[test]
    fn scores_too_wide_for_the_integer_keys_rank_as_decimals_too() {
        // 28 decimal places against a 29-digit mantissa: 7.9… × 10^28 × 10^28 overflows an i128,
        // so the decimals themselves are compared
        let (got, plain) = ranked(&["0.0000000000000000000000000001", "79228162514264337593543950335", "5", "5.0"]);
        assert_eq!(got.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(), plain);
        assert_eq!(got.iter().map(|(_, r)| *r).collect::<Vec<_>>(), vec![1, 2, 2, 4]);
    }
}
