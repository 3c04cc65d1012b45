//! Every format problem at once (issue 20, item 3): one bad field does not hide the others, and
//! a record's problem names its id.

use kaoping_core::Dataset;
use serde_json::json;

#[test]
fn five_bad_dates_are_five_problems_each_naming_its_record() {
    let records: Vec<_> = (0..5).map(|i| json!({"id": format!("R{i}"), "rule": "S1.1", "subject": "P", "date": format!("2026/10/{}", i + 1)})).collect();
    let v = json!({"hall": {"id": "H", "name": "大厅"}, "year": 2026, "records": records});
    let e = Dataset::from_json(&v.to_string()).expect_err("bad dates");
    let got: Vec<(String, Option<String>)> = e.problems.iter().map(|p| (p.path.clone(), p.record.clone())).collect();
    let want: Vec<(String, Option<String>)> = (0..5).map(|i| (format!("records[{i}].date"), Some(format!("R{i}")))).collect();
    assert_eq!(got, want);
}

#[test]
fn problems_in_the_document_and_in_each_list_are_all_reported() {
    let v = json!({
        "hall": {"id": "H", "name": "大厅"},
        "year": "2026",                                                     // 1: a string, not a year
        "windows": [{"id": "W", "name": "窗口", "department": "D", "opened": "2026-13-01"}], // 2: month 13
        "staff": [{"id": "P", "name": "甲", "assignments": [{"window": "W"}], "colour": "red"}], // 3: unknown field
        "records": [
            {"id": "a", "rule": "S1.1", "subject": "P", "date": "2026-10-09"},
            {"id": "b", "rule": "S1.1", "subject": "P", "date": "2026-10-09", "count": -1}, // 4: negative count
        ],
    });
    let e = Dataset::from_json(&v.to_string()).expect_err("four problems");
    let paths: Vec<&str> = e.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["year", "windows[0].opened", "staff[0].colour", "records[1].count"], "{e}");
    assert_eq!(e.problems[3].record.as_deref(), Some("b"));
}
