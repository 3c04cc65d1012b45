//! C11 for derived categories (W2, W3): the exact weighted mean ÷ 20 × 15 is rounded once, half
//! away from zero, to 2 places, also when the mean itself is not a terminating decimal (issue 18:
//! 13.375 was printed 13.37, the mean cut at 28 digits before the multiplication).
//!
//! Expected figures are computed by hand (in the comments) or, in the property test, as exact
//! rationals (num-rational) rounded half up — never by the engine's own helpers.

use kaoping_core::exact;
use kaoping_core::policy::RoundingMode;
use kaoping_core::{Dataset, Policy};
use num_bigint::BigInt;
use num_rational::BigRational;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// One window W (head A all year) and staff, each `(id, first day in January, S2.3 points per
/// record)`: assigned to W from that day to the end of the year.
fn hall(staff: &[(&str, u32, &[&str])], extra: Vec<Value>) -> Dataset {
    let mut records = extra;
    let mut members = Vec::new();
    for (i, (id, from, points)) in staff.iter().enumerate() {
        members.push(json!({"id": id, "name": id, "assignments": [{"window": "W", "from": format!("2026-01-{from:02}")}]}));
        for (j, p) in points.iter().enumerate() {
            records.push(json!({"id": format!("R{i}-{j}"), "rule": "S2.3", "subject": id, "date": "2026-01-31", "points": p}));
        }
    }
    let v = json!({
        "hall": {"id": "H", "name": "县政务服务大厅"},
        "year": 2026,
        "departments": [{"id": "D", "name": "某局"}],
        "windows": [{"id": "W", "name": "窗口", "department": "D", "heads": [{"staff": staff[0].0}]}],
        "staff": members,
        "records": records,
    });
    Dataset::from_json(&v.to_string()).expect("the test hall parses")
}

/// (W3, the window's total) in January.
fn w3(ds: &Dataset) -> (Decimal, Decimal) {
    let r = Policy::builtin().evaluate_month(ds, "2026-01".parse().unwrap()).expect("January evaluates");
    let w = r.subject("W").expect("window W is evaluated");
    (w.category("W3").expect("W3").score(), w.total())
}

#[test]
fn issue_example_six_members_13_375_rounds_up() {
    // S2: A 20 − 10 (S2.5) = 10; F 20 − 3 (S2.3) = 17; B–E 20. All 31 days of January.
    // W3 = (10 + 20 + 20 + 20 + 20 + 17)·31 / 186 / 20 × 15 = 107/6 / 20 × 15 = 13.375 → 13.38
    // total = 15 + 15 + 13.38 + 25 + 10 + 20 = 98.38
    let none: &[&str] = &[];
    let ds = hall(
        &[("A", 1, none), ("B", 1, none), ("C", 1, none), ("D", 1, none), ("E", 1, none), ("F", 1, &["3"])],
        vec![json!({"id": "R-A", "rule": "S2.5", "subject": "A", "date": "2026-01-05"})],
    );
    assert_eq!(w3(&ds), (d("13.38"), d("98.38")));
}

#[test]
fn half_cents_of_three_members_round_up() {
    let none: &[&str] = &[];
    // S2 17 (S2.3 3), 20, 16.5 (S2.3 3.5): (17 + 20 + 16.5)·31 / 93 / 20 × 15 = 53.5/3 × 0.75
    // = 13.375 → 13.38; total 85 + 13.38 = 98.38
    let ds = hall(&[("A", 1, &["3"]), ("B", 1, none), ("C", 1, &["3.5"])], vec![]);
    assert_eq!(w3(&ds), (d("13.38"), d("98.38")));
    // S2 20, 20, 16.5: 56.5/3 × 0.75 = 14.125 → 14.13; total 99.13
    let ds = hall(&[("A", 1, none), ("B", 1, none), ("C", 1, &["3.5"])], vec![]);
    assert_eq!(w3(&ds), (d("14.13"), d("99.13")));
    // S2 12 (S2.1 −2 four times), 20, 15.5 (S2.3 4.5): 47.5/3 × 0.75 = 11.875 → 11.88; total 96.88
    let ds = hall(
        &[("A", 1, none), ("B", 1, none), ("C", 1, &["4.5"])],
        vec![json!({"id": "R-A", "rule": "S2.1", "subject": "A", "date": "2026-01-05", "count": 4})],
    );
    assert_eq!(w3(&ds), (d("11.88"), d("96.88")));
}

#[test]
fn half_cent_of_a_member_four_days_in_post_rounds_up() {
    // A and B all 31 days (S2 20), C from 28 January: 4 days, S2 20 − 3.41 (S2.3) = 16.59.
    // W3 = (31·20 + 31·20 + 4·16.59) / 66 / 20 × 15 = 1306.36 × 15 / 1320 = 14.845 → 14.85
    // total 85 + 14.85 = 99.85
    let none: &[&str] = &[];
    let ds = hall(&[("A", 1, none), ("B", 1, none), ("C", 28, &["3.41"])], vec![]);
    assert_eq!(w3(&ds), (d("14.85"), d("99.85")));
}

fn rational(x: Decimal) -> BigRational {
    BigRational::new(BigInt::from(x.mantissa()), num_traits::pow(BigInt::from(10), x.scale() as usize))
}

/// An exact rational rounded half away from zero to 2 places, as a decimal (`None` beyond a
/// decimal's range).
fn try_round_half_up_2(q: &BigRational) -> Option<Decimal> {
    let hundred = BigRational::from_integer(BigInt::from(100));
    let cents = (q * hundred).round(); // num-rational rounds half away from zero
    let cents = i128::try_from(cents.to_integer()).ok()?;
    Decimal::try_from_i128_with_scale(cents, 2).ok().map(|d| d.normalize())
}

fn round_half_up_2(q: &BigRational) -> Decimal {
    try_round_half_up_2(q).expect("within a decimal's range")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// W3 of random staff (first day in January, S2.3 points in cents) is the exact weighted
    /// mean of their S2 scores ÷ 20 × 15, rounded half up to cents.
    #[test]
    fn w3_is_the_exact_mean_rounded_once(
        staff in prop::collection::vec((1u32..=31, prop::collection::vec(300i64..=500, 0..4)), 1..7)
    ) {
        let ids: Vec<String> = (0..staff.len()).map(|i| format!("P{i}")).collect();
        let pts: Vec<Vec<String>> = staff.iter().map(|(_, ps)| ps.iter().map(|c| Decimal::new(*c, 2).to_string()).collect()).collect();
        let pts_ref: Vec<Vec<&str>> = pts.iter().map(|v| v.iter().map(|s| s.as_str()).collect()).collect();
        let spec: Vec<(&str, u32, &[&str])> = staff.iter().enumerate().map(|(i, (from, _))| (ids[i].as_str(), *from, pts_ref[i].as_slice())).collect();
        let ds = hall(&spec, vec![]);
        // S2 = max(0, 20 − Σ points) (C2); weight = days in post in January = 32 − first day
        let mut num = BigRational::from_integer(BigInt::from(0));
        let mut den = BigRational::from_integer(BigInt::from(0));
        for (from, ps) in &staff {
            let lost: i64 = ps.iter().sum();
            let s2 = rational(Decimal::new((2000 - lost).max(0), 2));
            let days = BigRational::from_integer(BigInt::from(32 - from));
            num += days.clone() * s2;
            den += days;
        }
        let expected = round_half_up_2(&(num / den / rational(d("20")) * rational(d("15"))));
        prop_assert_eq!(w3(&ds).0, expected);
    }

    /// The exact quotient of decimals, rounded half away from zero, is the rational's.
    #[test]
    fn quotient_is_the_rational_rounded(
        a in any::<i64>(), sa in 0u32..=12, b in any::<i64>(), sb in 0u32..=12,
        c in any::<i64>().prop_filter("non-zero", |c| *c != 0), sc in 0u32..=12,
    ) {
        let (a, b, c) = (Decimal::new(a, sa), Decimal::new(b, sb), Decimal::new(c, sc));
        let expected = try_round_half_up_2(&(rational(a) * rational(b) / rational(c)));
        prop_assert_eq!(exact::quotient(&[a, b], &[c], 2, RoundingMode::HalfAwayFromZero), expected);
    }
}
