//! The engine adds and compares the caps' points in a fixed-point form (`evaluate::points`) and
//! falls back on `rust_decimal` for a hall whose points do not fit it. Both must give the same
//! bytes: here for the sample hall at both levels, and for halls whose points only the fallback
//! holds (the random halls and policies of `properties.rs` compare them too, and so do the tests
//! of the other example policies, `other_county.rs` and `city_policy.rs`).

use kaoping_core::{Dataset, Explain, Policy};
use serde_json::{Value, json};

fn same_both_ways(policy: &Policy, d: &Dataset) -> kaoping_core::YearResult {
    let c = policy.check(d).unwrap_or_else(|e| panic!("valid: {e}"));
    for explain in [Explain::Full, Explain::Scores] {
        let fixed = serde_json::to_string(&c.evaluate_year(explain)).unwrap();
        let decimal = serde_json::to_string(&c.evaluate_year_on_decimals(explain)).unwrap();
        assert!(fixed == decimal, "{explain:?}: the fixed-point engine differs from the decimal one");
    }
    c.evaluate_year(Explain::Full)
}

#[test]
fn the_sample_hall_is_the_same_both_ways() {
    let d = Dataset::from_json(include_str!("../../examples/data/county-2026.json")).unwrap();
    same_both_ways(&Policy::builtin(), &d);
    same_both_ways(&Policy::builtin().with_lang(kaoping_core::messages::Lang::ZhCn), &d);
}

/// One staff member on one window all year, and the given records.
fn hall(records: Value) -> Dataset {
    let doc = json!({
        "hall": {"id": "H", "name": "H"}, "year": 2026,
        "departments": [{"id": "D1", "name": "D1"}],
        "windows": [{"id": "W1", "name": "W1", "department": "D1"}],
        "staff": [{"id": "S1", "name": "S1", "assignments": [{"window": "W1"}]}],
        "records": records,
    });
    Dataset::from_json(&doc.to_string()).unwrap()
}

#[test]
fn points_past_the_fixed_form_run_on_decimals_with_the_same_numbers() {
    // S2.3 (discretionary, 3–5 points stated on the record, C7/E11) with a point of 25 decimal
    // places: its mantissa (3 × 10²⁵ + 1) is past 2⁶³, so the hall runs on rust_decimal.
    // March: 3.0000000000000000000000001 + 4 = 7.0000000000000000000000001 taken from S2 (max 20,
    // not reached), so S2 scores 20 − 7.0000000000000000000000001 = 12.9999999999999999999999999.
    let records = json!([
        {"id": "r1", "date": "2026-03-02", "subject": "S1", "rule": "S2.3", "points": "3.0000000000000000000000001"},
        {"id": "r2", "date": "2026-03-03", "subject": "S1", "rule": "S2.3", "points": "4"},
    ]);
    let y = same_both_ways(&Policy::builtin(), &hall(records));
    let march = y.month(3).unwrap().subject("S1").unwrap();
    let s2 = march.category("S2").unwrap();
    assert_eq!(s2.points().to_string(), "7.0000000000000000000000001");
    assert_eq!(s2.score().to_string(), "12.9999999999999999999999999");
}
