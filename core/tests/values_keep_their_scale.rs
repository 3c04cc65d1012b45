//! A record's points of one occurrence are held once per hall in the compiled form (a month
//! record holds the value's place in the hall's list, BENCHMARKS.md's fifteenth round). Values
//! equal as numbers but written with other digits (`3`, `3.0`, `3.50`) must stay each record's
//! own: the list keys a value by its digits and scale, not by `Decimal`'s equality.

use kaoping_core::{Dataset, Explain, Policy};
use serde_json::json;

#[test]
fn records_valued_alike_but_written_otherwise_keep_their_own_digits() {
    // S2.3 (C7, 视情节: the record states its points, 3–5) for three staff members of window W;
    // records on different days so that each is its own line
    let records = [("R1", "A", "3"), ("R2", "A", "3.50"), ("R3", "B", "3.0"), ("R4", "B", "3.5"), ("R5", "C", "3")];
    let staff: Vec<_> = ["A", "B", "C"].iter().map(|s| json!({"id": s, "name": s, "assignments": [{"window": "W", "from": "2026-01-01"}]})).collect();
    let recs: Vec<_> = records.iter().enumerate().map(|(i, (id, s, p))| json!({"id": id, "rule": "S2.3", "subject": s, "date": format!("2026-01-{:02}", 10 + i), "points": p})).collect();
    let v = json!({
        "hall": {"id": "H", "name": "县政务服务大厅"},
        "year": 2026,
        "departments": [{"id": "D", "name": "某局"}],
        "windows": [{"id": "W", "name": "窗口", "department": "D", "heads": [{"staff": "A"}]}],
        "staff": staff,
        "records": recs,
    });
    let ds = Dataset::from_json(&v.to_string()).expect("parses");
    let m = Policy::builtin().evaluate_month_with(&ds, "2026-01".parse().unwrap(), Explain::Full).expect("January evaluates");
    // each record's line raw points as the record states them, digits and scale
    for (id, subject, stated) in records {
        let s = m.subject(subject).expect("evaluated");
        let line = s.categories().iter().flat_map(|c| c.lines().iter()).find(|l| l.record.as_deref() == Some(id)).expect("the record's line");
        assert_eq!(line.raw.to_string(), stated, "{id}");
        assert_eq!(line.points.to_string(), stated, "{id}: within S2's cap, all of it counts");
    }
    // S2 (max 20): A 20 − 3 − 3.50 = 13.50; B 20 − 3.0 − 3.5 = 13.5; C 20 − 3 = 17
    let s2 = |id: &str| m.subject(id).unwrap().category("S2").unwrap().score();
    assert_eq!((s2("A").to_string(), s2("B").to_string(), s2("C").to_string()), ("13.50".into(), "13.5".into(), "17".into()));
}
