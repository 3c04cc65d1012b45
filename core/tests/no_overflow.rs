//! Valid policies and datasets never panic on arithmetic (issue 20, item 1): every quotient is
//! exact and bounded (core::exact), and the limits make every sum of points provably fit a
//! decimal (limits::MAX_FACTOR) — one occurrence's points past the limit are refused at
//! validation, naming the record.

use kaoping_core::{Dataset, Policy, ProblemKind};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The built-in policy with `f` applied to its document.
fn builtin_with(f: impl FnOnce(&mut Value)) -> Result<Policy, kaoping_core::Errors> {
    let mut doc: Value = serde_json::from_str(&Policy::builtin().to_json()).unwrap();
    f(&mut doc);
    Policy::from_json(&doc.to_string())
}

fn rule<'a>(doc: &'a mut Value, code: &str) -> &'a mut Value {
    doc["rules"].as_array_mut().unwrap().iter_mut().find(|r| r["code"] == code).unwrap()
}

fn rule_index(doc: &Value, code: &str) -> usize {
    doc["rules"].as_array().unwrap().iter().position(|r| r["code"] == code).unwrap()
}

/// Window W (head P) and staff P, all year; the records given.
fn hall(records: Value) -> Dataset {
    let v = json!({
        "hall": {"id": "H", "name": "大厅"},
        "year": 2026,
        "departments": [{"id": "D", "name": "某局"}],
        "windows": [{"id": "W", "name": "窗口", "department": "D", "heads": [{"staff": "P"}]}],
        "staff": [{"id": "P", "name": "甲", "assignments": [{"window": "W"}]}],
        "records": records,
    });
    Dataset::from_json(&v.to_string()).unwrap()
}

#[test]
fn a_tiny_source_max_caps_the_derived_category_at_its_max() {
    for tiny in ["0.0000000000000000000000000001", "0.000000000000000000000000001"] {
        let policy = builtin_with(|doc| rule(doc, "W2")["params"]["source_max"] = json!(tiny)).expect("the policy is valid");
        let r = policy.evaluate_month(&hall(json!([])), "2026-03".parse().unwrap()).expect("March evaluates");
        // W2 = 20 / 1e-28 × 15, far past the category's max: W2 scores its max, 15 (C2)
        assert_eq!(r.subject("W").unwrap().category("W2").unwrap().score(), d("15"), "{tiny}");
    }
}

#[test]
fn a_linked_factor_past_the_limit_is_refused() {
    let mut at = 0;
    let err = builtin_with(|doc| {
        at = rule_index(doc, "W6.1");
        rule(doc, "W6.1")["params"]["factor"] = json!("1000000000");
    })
    .expect_err("factor 1e9 is past MAX_FACTOR");
    let p = err.problems.iter().find(|p| p.path == format!("rules[{at}].params.factor")).expect("a problem at the factor");
    assert!(p.message.contains("1000"), "{}", p.message);
    // the limit itself is accepted
    builtin_with(|doc| rule(doc, "W6.1")["params"]["factor"] = json!("1000")).expect("factor 1000 is within the limit");
}

#[test]
fn units_times_points_past_the_limit_are_refused_naming_the_record() {
    // S1.2 as per_unit at 1e9 points a half day: 1e9 half days are 1e18 points for one occurrence
    let policy = builtin_with(|doc| {
        let r = rule(doc, "S1.2");
        r["kind"] = json!("per_unit");
        r["params"] = json!({"points_per_unit": "1000000000", "unit": "half_day"});
    })
    .expect("the policy is valid");
    let ds = hall(json!([
        {"id": "big", "rule": "S1.2", "subject": "P", "date": "2026-03-09", "units": "1000000000", "count": 80},
        {"id": "ok", "rule": "S1.2", "subject": "P", "date": "2026-03-10", "units": "1", "count": 80},
    ]));
    let err = policy.validate(&ds).expect_err("1e18 points for one occurrence is past the limit");
    assert_eq!(err.problems.len(), 1, "{err}");
    let p = &err.problems[0];
    assert_eq!((p.path.as_str(), p.record.as_deref(), p.kind), ("records[0].units", Some("big"), ProblemKind::Invalid));
    // 1 half day × 1e9, 80 times: S1 = 20 − 20 = 0 (C2); nothing overflows
    let ds = hall(json!([{"id": "ok", "rule": "S1.2", "subject": "P", "date": "2026-03-10", "units": "1", "count": 80}]));
    let r = policy.evaluate_month(&ds, "2026-03".parse().unwrap()).expect("March evaluates");
    assert_eq!(r.subject("P").unwrap().category("S1").unwrap().score(), d("0"));
    let o = r.record("ok").unwrap().to_owned();
    // the first occurrence is cut to the 20 left, the other 79 to nothing
    assert_eq!((o.counted_occurrences, o.points), (1, d("20")));
}

#[test]
fn a_shortfall_in_tiny_units_stops_at_the_limit_and_says_so() {
    // the invented county's W2.1: −1 per unit of on-time completion below 100 %; in units of
    // 1e-18 a rate of 50 % is 5e19 units: counted as 1e9 points with a warning; W2 (max 10 there)
    // scores 0 (C2)
    let mut doc: Value = serde_json::from_str(include_str!("../../examples/policies/other-county.json")).unwrap();
    rule(&mut doc, "W2.1")["params"]["unit"] = json!("0.000000000000000001");
    let policy = Policy::from_json(&doc.to_string()).expect("the policy is valid");
    let mut v: Value = serde_json::to_value(hall(json!([]))).unwrap();
    v["metrics"] = json!([{"window": "W", "month": "2026-03", "rates": {"completion": "50"}}]);
    let ds = Dataset::from_json(&v.to_string()).unwrap();
    let r = policy.evaluate_month(&ds, "2026-03".parse().unwrap()).expect("March evaluates");
    let w = r.subject("W").unwrap();
    let c = w.categories().iter().find(|c| c.lines().iter().any(|l| l.rule == "W2.1")).expect("W2.1's category");
    assert_eq!(c.score(), d("0"));
    assert!(w.warnings().iter().any(|m| m.contains("W2.1") && m.contains("counted as 1000000000")), "{:?}", w.warnings());
}

#[test]
fn c2_holds_when_an_items_own_cap_is_above_its_categorys_room() {
    // found by the policy property test: W5.1 at 100 a rate with a monthly sub-cap of 20, in W5
    // (max 10). One rate below target: 100, cut to 20 by the item's cap, then to the category's
    // 10 (C2): W5 = 10 − 10 = 0, not −10
    let policy = builtin_with(|doc| {
        let r = rule(doc, "W5.1");
        r["params"]["points_each"] = json!("100");
        r["caps"]["month"] = json!("20");
    })
    .expect("the policy is valid");
    let mut v: Value = serde_json::to_value(hall(json!([]))).unwrap();
    v["targets"] = json!({"online_full_process": "90", "online_available": "95", "one_network": "85"});
    v["metrics"] = json!([{"window": "W", "month": "2026-03", "cases": 10,
        "rates": {"online_full_process": "80", "online_available": "96", "one_network": "88"}}]);
    let ds = Dataset::from_json(&v.to_string()).unwrap();
    let r = policy.evaluate_month(&ds, "2026-03".parse().unwrap()).expect("March evaluates");
    let w5 = r.subject("W").unwrap().category("W5").unwrap();
    assert_eq!((w5.points(), w5.score()), (d("10"), d("0")));
}
