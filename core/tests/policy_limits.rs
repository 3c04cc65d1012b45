//! A policy's strings are held to the limits a dataset's are (issue 20, item 6; SECURITY.md):
//! ids and codes at most 128 characters, other texts at most 4,096, each a problem naming its
//! place.

use kaoping_core::Policy;
use serde_json::{Value, json};

fn refused(f: impl FnOnce(&mut Value)) -> Vec<(String, String)> {
    let mut doc: Value = serde_json::from_str(&Policy::builtin().to_json()).unwrap();
    f(&mut doc);
    let e = Policy::from_json(&doc.to_string()).expect_err("past a limit");
    e.problems.into_iter().map(|p| (p.path, p.message)).collect()
}

#[test]
fn long_ids_codes_and_texts_are_refused_naming_their_place() {
    // a policy id of 1 MiB
    let ps = refused(|d| d["id"] = json!("x".repeat(1 << 20)));
    assert!(ps.iter().any(|(p, m)| p == "id" && m == "an id or code is at most 128 characters, got 1048576"), "{ps:?}");
    // a rule's name_zh of 10 Mi characters (a text: 4,096)
    let ps = refused(|d| d["rules"][0]["name_zh"] = json!("字".repeat(10 << 20)));
    assert!(ps.iter().any(|(p, m)| p == "rules[0].name_zh" && m == "a text is at most 4096 characters, got 10485760"), "{ps:?}");
    // a linked item's source code of 200 characters
    let ps = refused(|d| {
        let i = d["rules"].as_array().unwrap().iter().position(|r| r["code"] == "W6.1").unwrap();
        d["rules"][i]["params"]["source"] = json!("S".repeat(200));
    });
    assert!(ps.iter().any(|(p, m)| p.ends_with(".params.source") && m.contains("at most 128")), "{ps:?}");
    // at the limits, nothing is said about length
    let mut doc: Value = serde_json::from_str(&Policy::builtin().to_json()).unwrap();
    doc["id"] = json!("x".repeat(128));
    doc["rules"][0]["name_zh"] = json!("字".repeat(4096));
    Policy::from_json(&doc.to_string()).expect("within the limits");
}

#[test]
fn a_staff_member_may_not_share_a_windows_id() {
    // issue 20, item 8: `explain W` would silently pick the window
    let v = json!({
        "hall": {"id": "H", "name": "大厅"}, "year": 2026,
        "departments": [{"id": "D", "name": "某局"}],
        "windows": [{"id": "W", "name": "窗口", "department": "D"}],
        "staff": [{"id": "W", "name": "甲", "assignments": [{"window": "W"}]}],
    });
    let ds = kaoping_core::Dataset::from_json(&v.to_string()).unwrap();
    let e = Policy::builtin().validate(&ds).expect_err("ambiguous id");
    let p = e.problems.iter().find(|p| p.path == "staff[0].id").expect("a problem at staff[0].id");
    assert_eq!(p.kind, kaoping_core::ProblemKind::Duplicate);
    assert!(p.message.contains("windows[0]"), "{}", p.message);
}

#[test]
fn counted_statuses_must_include_confirmed() {
    // issue 20, item 8: [] or ["pending"] reported every confirmed record as not counted, "pending"
    for statuses in [json!([]), json!(["pending"])] {
        let ps = refused(|d| d["settings"]["counted_statuses"] = statuses.clone());
        assert!(ps.iter().any(|(p, m)| p == "settings.counted_statuses" && m.contains("must include \"confirmed\"")), "{ps:?}");
    }
    // counting pending records too is a county's choice
    let mut doc: Value = serde_json::from_str(&Policy::builtin().to_json()).unwrap();
    doc["settings"]["counted_statuses"] = json!(["confirmed", "pending"]);
    Policy::from_json(&doc.to_string()).expect("a valid reading");
}

#[test]
fn a_kinds_named_params_given_as_a_list_are_refused() {
    // issue 20, item 8: a list was read by position
    let mut at = 0;
    let ps = refused(|d| {
        at = d["rules"].as_array().unwrap().iter().position(|r| r["code"] == "S1.2").unwrap();
        d["rules"][at]["params"] = json!(["3"]);
    });
    assert!(ps.iter().any(|(p, m)| *p == format!("rules[{at}].params") && m.contains("named, in an object")), "{ps:?}");
}

#[test]
fn policies_that_could_not_mean_what_they_say_are_refused() {
    let index = |d: &Value, code: &str| d["rules"].as_array().unwrap().iter().position(|r| r["code"] == code).unwrap();
    // a link to a linked item (W6.1 reads S5.1; W6.2 reading W6.1 would read nothing)
    let ps = refused(|d| {
        let i = index(d, "W6.2");
        d["rules"][i]["params"]["source"] = json!("W6.1");
    });
    assert!(ps.iter().any(|(p, m)| p.ends_with(".params.source") && m.contains("is itself a linked item")), "{ps:?}");
    // S5.2 counting itself
    let ps = refused(|d| {
        let i = index(d, "S5.2");
        d["rules"][i]["params"]["counts"] = json!("S5.2");
    });
    assert!(ps.iter().any(|(p, m)| p.ends_with(".params.counts") && m.contains("would count itself")), "{ps:?}");
    // a threshold at_least 0: met by everyone
    let ps = refused(|d| {
        let i = index(d, "S5.2");
        d["rules"][i]["params"]["any_of"][0]["at_least"] = json!(0);
    });
    assert!(ps.iter().any(|(p, m)| p.ends_with(".at_least") && m.contains("at_least 0")), "{ps:?}");
    // a max_total below the base (100)
    let ps = refused(|d| d["staff"]["max_total"] = json!("90"));
    assert!(ps.iter().any(|(p, _)| p == "staff.max_total"), "{ps:?}");
    // two grade bands with the same minimum
    let ps = refused(|d| d["grades"]["bands"][1]["min"] = d["grades"]["bands"][0]["min"].clone());
    assert!(ps.iter().any(|(p, m)| p == "grades.bands[1].min" && m.contains("not below")), "{ps:?}");
}

#[test]
fn a_huge_value_is_not_echoed_whole() {
    // issue 20, item 5: a 50 MB rule code gave 100 MB of messages
    let code = "X".repeat(50 << 20);
    let v = json!({"hall": {"id": "H", "name": "大厅"}, "year": 2026,
        "records": [{"id": "a", "rule": code, "subject": "P", "date": "2026-03-09"}]});
    let ds = kaoping_core::Dataset::from_json(&v.to_string()).unwrap();
    let e = Policy::builtin().validate(&ds).expect_err("refused");
    let text = e.to_string();
    assert!(text.len() < 64 * 1024, "{} bytes of problems", text.len());
    assert!(text.contains("characters in all"), "the cut says so");
    for p in &e.problems {
        assert!(p.message.len() <= 2048 + 64 && p.rule.as_ref().is_none_or(|r| r.len() <= 512 + 64));
    }
}
