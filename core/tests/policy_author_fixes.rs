//! What a first policy author met (issue #23): a partial `settings` object, `rest_of_year`
//! without a category, effects on a per_occurrence variant, staff-only measures and measures
//! without grades. Expected numbers are computed by hand from the small policies below.

use kaoping_core::policy::{PeriodKind, Severity, YearToDate};
use kaoping_core::{Dataset, Policy};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A staff-only measure: one category S1 of 100, late arrival −1 (−2 above 30 minutes, and that
/// tier removes the year's eligibility), no `window`, no `grades`.
fn staff_only() -> Value {
    json!({
        "id": "staff-only", "name": "staff only",
        "staff": {"base": "100", "categories": [{"code": "S1", "name_zh": "考勤", "max": "100"}]},
        "rules": [{
            "code": "S1.1", "subject": "staff", "category": "S1", "name_zh": "迟到", "cite": "一",
            "kind": "per_occurrence",
            "params": {"points": "1", "minute_tiers": [{"above": 30, "points": "2", "effects": {"disqualify": ["year"]}}],
                       "aggravated_points": "3"},
            "aggravated_effects": {"flag": "talk_to_member"}
        }]
    })
}

fn dataset(records: Value) -> Dataset {
    let doc = json!({
        "hall": {"id": "H", "name": "H"}, "year": 2026,
        "departments": [{"id": "D1", "name": "D1"}],
        "windows": [{"id": "W01", "name": "W01", "department": "D1"}],
        "staff": [{"id": "S01", "name": "S01", "assignments": [{"window": "W01"}]}],
        "records": records,
    });
    Dataset::from_json(&doc.to_string()).unwrap()
}

#[test]
fn a_partial_settings_object_keeps_every_other_default() {
    // only the rounding given: the two errors (E9, E3) stay errors, as with no settings at all
    let mut p = staff_only();
    p["settings"] = json!({"rounding": {"places": 1, "mode": "down"}});
    let policy = Policy::from_json(&p.to_string()).unwrap();
    let s = &policy.doc().settings;
    assert_eq!(s.unassigned_staff_record, Severity::Error);
    assert_eq!(s.derived_item_records, Severity::Error);
    assert_eq!(s.missing_metrics, Severity::Warning);
    assert_eq!(s.yearly_cap_usage, YearToDate::BeforeCategoryCap);
    assert_eq!(s.rounding.places, 1);
}

#[test]
fn the_schema_gives_each_settings_field_the_objects_default() {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../schemas/policy.schema.json")).unwrap()).unwrap();
    let settings = &schema["$defs"]["Settings"];
    // the object's default is written where the policy names it
    let object_default = &schema["properties"]["settings"]["default"];
    for (name, field) in settings["properties"].as_object().unwrap() {
        assert_eq!(&field["default"], &object_default[name], "settings.{name}: the field's default and the object's default differ");
    }
    assert_eq!(object_default["unassigned_staff_record"], "error");
    assert_eq!(object_default["derived_item_records"], "error");
}

#[test]
fn rest_of_year_without_a_category_is_refused() {
    let mut p = staff_only();
    p["rules"][0]["threshold"] = json!({"any_of": [{"scope": "month", "at_least": 3}], "persistence": "rest_of_year", "flag": "x"});
    let e = Policy::from_json(&p.to_string()).unwrap_err();
    assert!(e.problems.iter().any(|x| x.path == "rules[0].threshold.persistence"), "{e}");
}

#[test]
fn a_minute_tier_and_the_aggravated_case_carry_their_own_effects() {
    let policy = Policy::from_json(&staff_only().to_string()).unwrap();
    let ds = dataset(json!([
        {"id": "R1", "rule": "S1.1", "subject": "S01", "date": "2026-03-02", "minutes": 20},
        {"id": "R2", "rule": "S1.1", "subject": "S01", "date": "2026-04-02", "minutes": 45},
        {"id": "R3", "rule": "S1.1", "subject": "S01", "date": "2026-05-02", "aggravated": true}
    ]));
    let dis = |m: &str| {
        let r = policy.evaluate_month(&ds, m.parse().unwrap()).unwrap();
        r.subject("S01").unwrap().to_owned()
    };
    // March: 20 minutes is not above 30: −1, no effect
    let mar = dis("2026-03");
    assert_eq!(mar.total, d("99"));
    assert!(mar.flags.is_empty());
    // April: 45 minutes, the tier above 30: −2 and the year's eligibility lost
    let apr = dis("2026-04");
    assert_eq!(apr.total, d("98"));
    assert!(apr.flags.iter().any(|f| f.code == "disqualified" && f.period == Some(PeriodKind::Year) && f.record.as_deref() == Some("R2")));
    // May: aggravated −3 and the aggravated case's flag
    let may = dis("2026-05");
    assert_eq!(may.total, d("97"));
    assert!(may.flags.iter().any(|f| f.code == "talk_to_member"));
    assert!(!may.flags.iter().any(|f| f.code == "disqualified"));
}

#[test]
fn a_staff_only_measure_without_grades_needs_no_window_category_or_band() {
    let policy = Policy::from_json(&staff_only().to_string()).unwrap();
    let ds = dataset(json!([{"id": "R1", "rule": "S1.1", "subject": "S01", "date": "2026-03-02"}]));
    let m = policy.evaluate_month(&ds, "2026-03".parse().unwrap()).unwrap();
    assert!(m.windows.is_empty(), "windows are not scored");
    let s = m.subject("S01").unwrap();
    // 100 − 1 = 99, no grade
    assert_eq!(s.total(), d("99"));
    assert_eq!(s.grade(), "");
    let y = policy.evaluate_hall_year(&ds).unwrap();
    assert!(y.annual.windows.is_empty());
    // (11 × 100 + 99) / 12 = 1199 / 12 = 99.916… → 99.92
    assert_eq!(y.annual.subject("S01").unwrap().score, d("99.92"));
}

#[test]
fn a_force_grade_in_a_tier_must_name_a_band() {
    let mut p = staff_only();
    p["rules"][0]["params"]["minute_tiers"][0]["effects"] = json!({"force_grade": "不合格"});
    let e = Policy::from_json(&p.to_string()).unwrap_err();
    assert!(e.problems.iter().any(|x| x.path == "rules[0].params.minute_tiers[0].effects.force_grade"), "{e}");
}
