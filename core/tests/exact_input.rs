//! A dataset's decimals are read exactly (issue 20, item 2): a value with more digits than a
//! decimal holds is refused naming its place, never rounded into range.

use kaoping_core::Dataset;
use serde_json::json;

fn first_problem(v: serde_json::Value) -> (String, String) {
    let e = Dataset::from_json(&v.to_string()).expect_err("the value cannot be held exactly");
    let p = &e.problems[0];
    (p.path.clone(), p.message.clone())
}

#[test]
fn rates_and_points_past_28_digits_are_refused_not_rounded() {
    let hall = |metrics: serde_json::Value, records: serde_json::Value| {
        json!({"hall": {"id": "H", "name": "大厅"}, "year": 2026, "metrics": metrics, "records": records})
    };
    // 89.999…9 (30 nines) would round to 90 and meet a target of 90 (W5.1's deduction lost)
    let (path, msg) = first_problem(hall(json!([{"window": "W", "month": "2026-03", "rates": {"one_network": "89.999999999999999999999999999999"}}]), json!([])));
    assert_eq!(path, "metrics[0].rates.one_network");
    assert!(msg.contains("more digits than a decimal holds exactly"), "{msg}");
    // 100.000…1 would round to 100 and pass as a rate
    let (path, _) = first_problem(hall(json!([{"window": "W", "month": "2026-03", "rates": {"x": "100.0000000000000000000000000001"}}]), json!([])));
    assert_eq!(path, "metrics[0].rates.x");
    // a number (not a string) is read from its text, exactly, too
    let text = r#"{"hall": {"id": "H", "name": "大厅"}, "year": 2026, "records": [{"id": "a", "rule": "S2.3", "subject": "P", "date": "2026-03-01", "points": 2.999999999999999999999999999999}]}"#;
    let e = Dataset::from_json(text).expect_err("refused");
    assert_eq!(e.problems[0].path, "records[0].points");
    // what a decimal holds is read as written
    let ok = r#"{"hall": {"id": "H", "name": "大厅"}, "year": 2026, "targets": {"x": 89.5}, "records": [{"id": "a", "rule": "S2.3", "subject": "P", "date": "2026-03-01", "points": "3.25"}]}"#;
    let ds = Dataset::from_json(ok).expect("exact decimals parse");
    assert_eq!(ds.records[0].points().unwrap().to_string(), "3.25");
    assert_eq!(ds.targets["x"].to_string(), "89.5");
}

#[test]
fn a_policys_decimals_past_28_digits_are_refused_too() {
    let mut doc: serde_json::Value = serde_json::from_str(&kaoping_core::Policy::builtin().to_json()).unwrap();
    let at = doc["rules"].as_array().unwrap().iter().position(|r| r["code"] == "SB.1").unwrap();
    // 0.5000…1 (29 digits after the point) would be read as 0.5
    doc["rules"][at]["params"]["points"] = json!("0.50000000000000000000000000001");
    let e = kaoping_core::Policy::from_json(&doc.to_string()).expect_err("refused, not rounded");
    assert!(e.problems[0].path.starts_with(&format!("rules[{at}]")), "{:?}", e.problems[0]);
    assert!(e.problems[0].message.contains("more digits than a decimal holds exactly"), "{}", e.problems[0].message);
}
