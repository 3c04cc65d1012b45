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
    assert_eq!(ds.records.get(0).unwrap().points().unwrap().to_string(), "3.25");
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

/// A window-month's figures (`rates`, `values`) are held as one sorted list (`Figures`, fifteenth
/// round of BENCHMARKS.md) and must read and write as the map they were: by name, a name given
/// twice at its last value, each value's digits kept, an empty map written `{}`, through both
/// parsers alike.
#[test]
fn a_window_months_figures_read_and_write_as_a_map() {
    let text = r#"{"hall": {"id": "H", "name": "大厅"}, "year": 2026, "records": [],
        "metrics": [{"window": "W", "month": "2026-03", "rates": {"one_network": "89.50", "b": 97, "a": "1", "b": "96.0"}, "values": {"votes": "12"}},
                    {"window": "W", "month": "2026-04"}]}"#;
    let ds = Dataset::from_json(text).expect("parses");
    let m = &ds.metrics[0];
    // sorted by name; `b` given twice keeps its last value, 96.0, with its scale
    let rates: Vec<(String, String)> = m.rates.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    assert_eq!(rates, [("a".into(), "1".into()), ("b".into(), "96.0".into()), ("one_network".into(), "89.50".into())]);
    assert_eq!(m.rates.get("one_network").map(|v| v.to_string()).as_deref(), Some("89.50"));
    assert_eq!(m.values.get("votes").map(|v| v.to_string()).as_deref(), Some("12"));
    assert!(ds.metrics[1].rates.is_empty() && ds.metrics[1].values.is_empty());
    // the second parser (serde_json, for a document sonic-rs refuses) reads the same
    let by_serde_json: Dataset = serde_json::from_str(text).expect("parses");
    assert_eq!(by_serde_json.metrics, ds.metrics);
    // written back: objects, `values` left out when empty, `rates` written `{}` when empty
    let back = serde_json::to_value(&ds.metrics).unwrap();
    assert_eq!(back[0]["rates"], json!({"a": "1", "b": "96.0", "one_network": "89.50"}));
    assert_eq!(back[0]["values"], json!({"votes": "12"}));
    assert_eq!(back[1]["rates"], json!({}));
    assert!(back[1].get("values").is_none());
}
