//! A second county's measure (`examples/policies/other-county.json`, YY县) run through the same
//! engine: the policy format must carry other halls' measures (variations.md) with no code change.
//!
//! Every expectation below is computed by hand from the policy text, with the arithmetic beside it.
//! Year 2026; March has 31 days. Unless a test says otherwise, staff are assigned to one window for
//! the whole year and every window has a chief representative (so W1.1 "未明确首席代表" does not apply).

use kaoping_core::kind::{Contribution, KindParams, Registry, Rule, RuleContext, typed_kind};
use kaoping_core::policy::{PeriodKind, QuotaBase, QuotaRounding, RuleItem, SubjectKind};
use kaoping_core::result::{MonthResult, OutcomeKind, Reason, SubjectMonth};
use kaoping_core::{Dataset, Errors, Policy, Problem, ProblemKind, YearMonth};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::str::FromStr;
use std::sync::Arc;

const POLICY_JSON: &str = include_str!("../../examples/policies/other-county.json");

fn policy() -> Policy {
    Policy::from_json(POLICY_JSON).unwrap_or_else(|e| panic!("other-county policy must load: {e}"))
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn month(s: &str) -> YearMonth {
    s.parse().unwrap()
}

/// One hall, one department, the given windows, staff, records and metrics, year 2026.
fn dataset(windows: Value, staff: Value, records: Value, metrics: Value) -> Dataset {
    let doc = json!({
        "hall": {"id": "YY", "name": "YY县政务服务中心"},
        "year": 2026,
        "departments": [{"id": "D1", "name": "县市场监督管理局"}],
        "windows": windows,
        "staff": staff,
        "records": records,
        "metrics": metrics,
    });
    Dataset::from_json(&doc.to_string()).unwrap_or_else(|e| panic!("test dataset must parse: {e}"))
}

/// A window with a chief representative who is not on the roster (W1.1 does not apply).
fn window(id: &str) -> Value {
    json!({"id": id, "name": format!("{id}窗口"), "department": "D1", "chief_representatives": [{"name": "首席代表"}]})
}

/// A staff member on `window` all year.
fn member(id: &str, window: &str) -> Value {
    json!({"id": id, "name": format!("工作人员{id}"), "assignments": [{"window": window}]})
}

/// Window W01 with the given staff on it all year, and the records; no metrics.
fn one_window(staff: &[&str], records: Value) -> Dataset {
    let staff: Vec<Value> = staff.iter().map(|s| member(s, "W01")).collect();
    dataset(
        json!([window("W01")]),
        Value::Array(staff),
        records,
        json!([]),
    )
}

fn eval(ds: &Dataset, m: &str) -> MonthResult {
    // the fixed-point engine gives the bytes of the one on rust_decimal (core/tests/fixed_points.rs)
    let pol = policy();
    let c = pol.check(ds).unwrap_or_else(|e| panic!("valid: {e}"));
    let year = |y: kaoping_core::YearResult| serde_json::to_string(&y).unwrap();
    assert!(year(c.evaluate_year(kaoping_core::Explain::Full)) == year(c.evaluate_year_on_decimals(kaoping_core::Explain::Full)));
    policy()
        .evaluate_month(ds, month(m))
        .unwrap_or_else(|e| panic!("evaluation must succeed: {e}"))
}

fn subject(r: &MonthResult, id: &str) -> SubjectMonth {
    r.subject(id)
        .unwrap_or_else(|| panic!("{id} must be evaluated"))
        .to_owned()
}

fn score(s: &SubjectMonth, cat: &str) -> Decimal {
    s.category(cat)
        .unwrap_or_else(|| panic!("{} has no category {cat}", s.subject))
        .score
}

fn disqualified(s: &SubjectMonth, period: PeriodKind, rule: &str) -> bool {
    s.flags.iter().any(|f| {
        f.code == "disqualified" && f.period == Some(period) && f.rule.as_deref() == Some(rule)
    })
}

/// The policy as JSON, for tests that load a changed copy.
fn policy_value() -> Value {
    serde_json::from_str(POLICY_JSON).unwrap()
}

fn rule_index(p: &Value, code: &str) -> usize {
    p["rules"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["code"] == code)
        .unwrap_or_else(|| panic!("no rule {code}"))
}

fn load_err(p: &Value) -> Errors {
    match Policy::from_json(&p.to_string()) {
        Ok(_) => panic!("the changed policy must be rejected"),
        Err(e) => e,
    }
}

fn problem_at<'a>(e: &'a Errors, path: &str) -> &'a Problem {
    e.problems
        .iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("no problem at {path}: {e}"))
}

// ------------------------------------------------------------------ V1: categories and maxima

#[test]
fn v1_other_categories_and_maxima_load_and_score_a_clean_month() {
    let p = policy();
    let doc = p.doc();
    assert_eq!(doc.id, "yy-county-2026");
    let maxima = |cats: &[kaoping_core::policy::Category]| {
        cats.iter()
            .map(|c| (c.code.clone(), c.max, c.bonus))
            .collect::<Vec<_>>()
    };
    // staff 30/25/25/20 (sum 100 = base) + bonus 5
    assert_eq!(
        maxima(&doc.staff.categories),
        vec![
            ("S1".into(), d("30"), false),
            ("S2".into(), d("25"), false),
            ("S3".into(), d("25"), false),
            ("S4".into(), d("20"), false),
            ("SB".into(), d("5"), true)
        ]
    );
    assert_eq!(doc.staff.base, d("100")); // 30 + 25 + 25 + 20 = 100
    // window 20/15/10/15/15/15/10 (sum 100 = base) + bonus 5
    let w: Vec<Decimal> = doc
        .window
        .categories
        .iter()
        .filter(|c| !c.bonus)
        .map(|c| c.max)
        .collect();
    assert_eq!(
        w,
        ["20", "15", "10", "15", "15", "15", "10"].map(d).to_vec()
    );
    assert_eq!(doc.window.base, d("100")); // 20 + 15 + 10 + 15 + 15 + 15 + 10 = 100
    // every item cites its article
    for r in &doc.rules {
        assert!(r.cite.starts_with('第'), "{} has no cite", r.code);
    }

    // a month with no records: every category at its maximum
    let r = eval(&one_window(&["A"], json!([])), "2026-03");
    let a = &subject(&r, "A");
    assert_eq!(score(a, "S1"), d("30"));
    assert_eq!(score(a, "S4"), d("20"));
    assert_eq!(a.total, d("100")); // 30 + 25 + 25 + 20 + 0 bonus
    assert_eq!(a.grade, "合格"); // 100 > 85
    let w = &subject(&r, "W01");
    assert_eq!(score(w, "W5"), d("15")); // derived: A's S1 30 / 30 × 15 = 15
    assert_eq!(w.total, d("100")); // no metrics: W2.1/W3.1 do not apply (warning only)
}

// ------------------------------------------------------------------ V4: fractional points

#[test]
fn v4_fractional_points_add_up_exactly() {
    let ds = one_window(
        &["A"],
        json!([
            {"id": "u1", "rule": "S2.1", "subject": "A", "date": "2026-03-02"},
            {"id": "u2", "rule": "S2.1", "subject": "A", "date": "2026-03-09"},
            {"id": "u3", "rule": "S2.1", "subject": "A", "date": "2026-03-16"},
            {"id": "p1", "rule": "S1.3", "subject": "A", "date": "2026-03-05"},
            {"id": "m1", "rule": "W1.3", "subject": "W01", "date": "2026-03-06"},
            {"id": "m2", "rule": "W1.3", "subject": "W01", "date": "2026-03-20"}
        ]),
    );
    let r = eval(&ds, "2026-03");
    let a = &subject(&r, "A");
    // three S2.1 at 0.2 each: 0.2 + 0.2 + 0.2 = 0.6 (exact, not 0.6000000000000001); 25 − 0.6 = 24.4
    assert_eq!(a.category("S2").unwrap().points, d("0.6"));
    assert_eq!(score(a, "S2"), d("24.4"));
    // one S1.3 at 0.5: 30 − 0.5 = 29.5
    assert_eq!(score(a, "S1"), d("29.5"));
    // 100 − 0.6 − 0.5 = 98.9
    assert_eq!(a.total, d("98.9"));
    let w = &subject(&r, "W01");
    // two W1.3 at 0.5: 20 − 1 = 19
    assert_eq!(score(w, "W1"), d("19"));
    // W5 from A's S1: 29.5 / 30 × 15 = 14.75 (exact, no rounding needed)
    assert_eq!(score(w, "W5"), d("14.75"));
    // 100 − 1 − 0.25 = 98.75
    assert_eq!(w.total, d("98.75"));
}

// ------------------------------------------------------------------ V10: per unit

#[test]
fn v10_per_unit_half_days_and_working_days() {
    let ds = one_window(
        &["A"],
        json!([
            {"id": "ab1", "rule": "S1.2", "subject": "A", "date": "2026-03-03", "units": "3"},
            {"id": "od1", "rule": "S3.2", "subject": "A", "date": "2026-03-04", "units": "4"}
        ]),
    );
    let r = eval(&ds, "2026-03");
    let a = &subject(&r, "A");
    // 3 half days × 0.5 = 1.5; 30 − 1.5 = 28.5
    assert_eq!(r.record("ab1").unwrap().to_owned().points, d("1.5"));
    assert_eq!(score(a, "S1"), d("28.5"));
    // 4 working days overdue × 0.2 = 0.8; 25 − 0.8 = 24.2
    assert_eq!(r.record("od1").unwrap().to_owned().points, d("0.8"));
    assert_eq!(score(a, "S3"), d("24.2"));
    // 100 − 1.5 − 0.8 = 97.7
    assert_eq!(a.total, d("97.7"));

    // S1.2 counts whole half days only: 2.5 half days is rejected, naming the record's field
    let bad = one_window(
        &["A"],
        json!([{"id": "ab2", "rule": "S1.2", "subject": "A", "date": "2026-03-03", "units": "2.5"}]),
    );
    let e = policy().validate(&bad).unwrap_err();
    let p = problem_at(&e, "records[0].units");
    assert_eq!(p.record.as_deref(), Some("ab2"));
}

#[test]
fn v10_completion_shortfall_counts_whole_points_only() {
    let windows = json!([
        window("W01"),
        window("W02"),
        window("W03"),
        window("W04"),
        window("W05")
    ]);
    let rate = |w: &str, v: &str| json!({"window": w, "month": "2026-03", "rates": {"completion": v, "satisfaction": "99"}});
    let metrics = json!([
        rate("W01", "96.5"),
        rate("W02", "100"),
        rate("W03", "99.9"),
        rate("W04", "80"),
        rate("W05", "90.2")
    ]);
    let ds = dataset(windows, json!([]), json!([]), metrics);
    let r = eval(&ds, "2026-03");
    // shortfall 100 − 96.5 = 3.5 → 3 whole points × 1 = −3; 15 − 3 = 12
    assert_eq!(score(&subject(&r, "W01"), "W2"), d("12"));
    assert_eq!(subject(&r, "W01").total, d("97")); // 100 − 3
    // 100 − 100 = 0: nothing
    assert_eq!(score(&subject(&r, "W02"), "W2"), d("15"));
    // 100 − 99.9 = 0.1 → 0 whole points: nothing
    assert_eq!(score(&subject(&r, "W03"), "W2"), d("15"));
    // 100 − 80 = 20 → −20, but W2 holds 15 and windows stop at 0 (扣完为止): 0
    let w4 = &subject(&r, "W04");
    assert_eq!(score(w4, "W2"), d("0"));
    assert_eq!(w4.category("W2").unwrap().lines[0].raw, d("20"));
    assert_eq!(
        w4.category("W2").unwrap().lines[0].cut,
        Some(Reason::CategoryExhausted)
    );
    assert_eq!(w4.total, d("85")); // 100 − 15
    // 100 − 90.2 = 9.8 → 9 whole points; 15 − 9 = 6
    assert_eq!(score(&subject(&r, "W05"), "W2"), d("6"));
}

// ------------------------------------------------------------------ V13: rate against a target

#[test]
fn v13_satisfaction_below_target() {
    let metrics = json!([{"window": "W01", "month": "2026-03", "rates": {"completion": "100", "satisfaction": "97.5"}}]);
    let ds = dataset(
        json!([window("W01")]),
        json!([]),
        json!([]),
        metrics.clone(),
    );
    let r = eval(&ds, "2026-03");
    // 97.5 < 98 (the policy's target) → −2; 10 − 2 = 8
    assert_eq!(score(&subject(&r, "W01"), "W3"), d("8"));

    // the dataset's own target for the year (97) takes precedence: 97.5 ≥ 97 → nothing; W3 = 10
    let mut doc: Value = serde_json::from_str(&ds.to_json()).unwrap();
    doc["targets"] = json!({"satisfaction": "97"});
    let ds2 = Dataset::from_json(&doc.to_string()).unwrap();
    assert_eq!(score(&subject(&eval(&ds2, "2026-03"), "W01"), "W3"), d("10"));
}

/// Named figures (a window-month's `rates` and `values`) are found when the hall is compiled,
/// once a name even when several items read it: each kind still reads its own side of the name.
#[test]
fn named_figures_read_by_several_items_each_read_their_own_side() {
    // WB.2 made to read `satisfaction` (a value first, else the rate), which W3.1 reads as a rate
    let mut p = policy_value();
    let wb2 = rule_index(&p, "WB.2");
    p["rules"][wb2]["params"] = json!({"metric": "satisfaction", "tiers": [{"at_least": "90", "points": "0.5"}, {"at_least": "99", "points": "1"}]});
    let pol = Policy::from_json(&p.to_string()).unwrap();
    let metrics = json!([
        {"window": "W01", "month": "2026-03", "rates": {"satisfaction": "95"}, "values": {"satisfaction": "99.5", "completion": "97.5"}},
        {"window": "W02", "month": "2026-03", "rates": {"satisfaction": "99", "completion": "100"}}
    ]);
    let ds = dataset(json!([window("W01"), window("W02")]), json!([]), json!([]), metrics);
    let run = |ds: &Dataset| {
        let c = pol.check(ds).unwrap();
        let year = |y: kaoping_core::YearResult| serde_json::to_string(&y).unwrap();
        assert!(year(c.evaluate_year(kaoping_core::Explain::Full)) == year(c.evaluate_year_on_decimals(kaoping_core::Explain::Full)));
        pol.evaluate_month(ds, month("2026-03")).unwrap()
    };
    let r = run(&ds);
    let w1 = subject(&r, "W01");
    // W2.1: no completion rate, so the value 97.5: 100 − 97.5 = 2.5 → 2 whole points; 15 − 2 = 13
    assert_eq!(score(&w1, "W2"), d("13"));
    // W3.1: the rate 95 < 98 (the policy's target) → −2; 10 − 2 = 8
    assert_eq!(score(&w1, "W3"), d("8"));
    // WB.2: the value 99.5 (not the rate 95) ≥ 99 → 1
    assert_eq!(w1.bonus, d("1"));
    assert_eq!(w1.total, d("97")); // 100 − 2 − 2 + 1
    let w2 = subject(&r, "W02");
    // W2.1: the rate 100, no shortfall; W3.1: 99 ≥ 98; WB.2: no value, so the rate 99 ≥ 99 → 1
    assert_eq!((score(&w2, "W2"), score(&w2, "W3"), w2.bonus), (d("15"), d("10"), d("1")));
    assert_eq!(w2.total, d("101")); // 100 + 1

    // the dataset's target for satisfaction (99.5) before the policy's: W02's 99 < 99.5 → −2
    let mut doc: Value = serde_json::from_str(&ds.to_json()).unwrap();
    doc["targets"] = json!({"satisfaction": "99.5"});
    let r = run(&Dataset::from_json(&doc.to_string()).unwrap());
    assert_eq!(score(&subject(&r, "W02"), "W3"), d("8")); // 10 − 2
    assert_eq!(subject(&r, "W02").total, d("99")); // 100 − 2 + 1
    assert_eq!(subject(&r, "W01").total, d("97")); // 95 < 99.5 as it was < 98: unchanged
}

// ------------------------------------------------------------------ V15: chief representative

#[test]
fn v15_window_record_also_deducts_from_the_chief_representative() {
    // A is chief representative until 15 March, B from 16 March; both serve W01.
    // W02 has no chief representative at all.
    let windows = json!([
        {"id": "W01", "name": "W01窗口", "department": "D1", "chief_representatives": [
            {"staff": "A", "to": "2026-03-15"}, {"staff": "B", "from": "2026-03-16"}]},
        {"id": "W02", "name": "W02窗口", "department": "D1"}
    ]);
    let staff = json!([member("A", "W01"), member("B", "W01")]);
    let records = json!([
        {"id": "empty1", "rule": "W1.2", "subject": "W01", "date": "2026-03-10"},
        {"id": "sanji", "rule": "W4.2", "subject": "W01", "date": "2026-03-12", "points": "3"},
        {"id": "empty2", "rule": "W1.2", "subject": "W01", "date": "2026-03-20"},
        {"id": "empty3", "rule": "W1.2", "subject": "W02", "date": "2026-03-20"}
    ]);
    let r = eval(&dataset(windows, staff, records, json!([])), "2026-03");

    let w1 = &subject(&r, "W01");
    // two W1.2 at 2: 20 − 4 = 16; W4.2 stated 3: 15 − 3 = 12
    assert_eq!(score(w1, "W1"), d("16"));
    assert_eq!(score(w1, "W4"), d("12"));
    assert_eq!(w1.total, d("93")); // 100 − 4 − 3

    let a = &subject(&r, "A");
    // A is chief on 10 and 12 March: S4.3 same points (2 × 1 = 2) and S4.4 half rate (3 × 0.5 = 1.5)
    let s4 = a.category("S4").unwrap();
    let l43 = s4
        .lines
        .iter()
        .find(|l| l.rule == "S4.3")
        .expect("S4.3 line on A");
    assert_eq!(l43.record.as_deref(), Some("empty1"));
    assert_eq!(l43.points, d("2"));
    let l44 = s4
        .lines
        .iter()
        .find(|l| l.rule == "S4.4")
        .expect("S4.4 line on A");
    assert_eq!(l44.record.as_deref(), Some("sanji"));
    assert_eq!(l44.points, d("1.5"));
    assert_eq!(s4.lines.len(), 2); // empty2 (20 March) is B's
    assert_eq!(score(a, "S4"), d("16.5")); // 20 − 2 − 1.5
    assert_eq!(a.total, d("96.5")); // 100 − 3.5

    let b = &subject(&r, "B");
    // B is chief on 20 March: empty2 → S4.3 −2; 20 − 2 = 18
    let lb = b
        .category("S4")
        .unwrap()
        .lines
        .iter()
        .find(|l| l.rule == "S4.3")
        .expect("S4.3 line on B");
    assert_eq!(lb.record.as_deref(), Some("empty2"));
    assert_eq!(score(b, "S4"), d("18"));
    assert_eq!(b.total, d("98"));

    // the window record's outcome lists both charges: its own item, then the chief's
    let o = r.record("empty1").unwrap().to_owned();
    assert_eq!(o.points, d("2")); // on W1.2 itself
    assert!(
        o.charges
            .iter()
            .any(|c| c.subject == "W01" && c.rule == "W1.2" && c.points == d("2"))
    );
    assert!(
        o.charges
            .iter()
            .any(|c| c.subject == "A" && c.rule == "S4.3" && c.points == d("2"))
    );
    let o = r.record("sanji").unwrap().to_owned();
    assert!(
        o.charges
            .iter()
            .any(|c| c.subject == "A" && c.rule == "S4.4" && c.points == d("1.5"))
    );

    // W02: no chief representative → W1.1 −2 and W1.2 −2; 20 − 4 = 16; nobody to charge, with a warning
    let w2 = &subject(&r, "W02");
    assert_eq!(score(w2, "W1"), d("16"));
    assert!(
        r.warnings
            .iter()
            .any(|w| w.rule.as_deref() == Some("S4.3") && w.message.contains("empty3")),
        "{:?}",
        r.warnings
    );
}

// ------------------------------------------------------------------ V11: minute tiers

#[test]
fn v11_minute_tiers() {
    let late = |id: &str, s: &str, day: u32, min: Option<u32>| {
        let mut v =
            json!({"id": id, "rule": "S1.1", "subject": s, "date": format!("2026-03-{day:02}")});
        if let Some(m) = min {
            v["minutes"] = json!(m);
        }
        v
    };
    let ds = one_window(
        &["A", "B"],
        json!([
            late("a05", "A", 2, Some(5)),
            late("a10", "A", 3, Some(10)),
            late("a11", "A", 4, Some(11)),
            late("a30", "A", 5, Some(30)),
            late("b29", "B", 2, Some(29)),
            late("bnone", "B", 3, None)
        ]),
    );
    let r = eval(&ds, "2026-03");
    let pts = |id: &str| r.record(id).unwrap().to_owned().points;
    assert_eq!(pts("a05"), d("1")); // 5 ≤ 10 → 1
    assert_eq!(pts("a10"), d("1")); // 10 ≤ 10 → 1 (more than 10 is exclusive)
    assert_eq!(pts("a11"), d("2")); // 11 > 10 → 2
    assert_eq!(pts("a30"), d("5")); // 30 ≥ 30 → 5 (half a day's absence, inclusive)
    assert_eq!(pts("b29"), d("2")); // 10 < 29 < 30 → 2
    assert_eq!(pts("bnone"), d("1")); // no minutes → the base points 1
    assert_eq!(score(&subject(&r, "A"), "S1"), d("21")); // 30 − (1 + 1 + 2 + 5) = 21
    assert_eq!(score(&subject(&r, "B"), "S1"), d("27")); // 30 − (2 + 1) = 27
    // four late arrivals is below the 5-a-month threshold: no loss of eligibility
    assert!(!subject(&r, "A").has_flag("disqualified"));
}

#[test]
fn v11_five_late_arrivals_in_a_month_remove_the_years_eligibility() {
    let late = |id: String, s: &str, date: String| json!({"id": id, "rule": "S1.1", "subject": s, "date": date});
    let mut recs = Vec::new();
    for i in 1..=5 {
        recs.push(late(format!("c{i}"), "C", format!("2026-03-{:02}", i + 1))); // C: 5 in March
    }
    for i in 1..=4 {
        recs.push(late(format!("d{i}"), "D", format!("2026-03-{:02}", i + 1))); // D: 4 in March
    }
    for i in 1..=3 {
        recs.push(late(format!("e{i}"), "E", format!("2026-02-{:02}", i + 1))); // E: 3 in February …
    }
    for i in 4..=5 {
        recs.push(late(format!("e{i}"), "E", format!("2026-03-{:02}", i + 1))); // … and 2 in March
    }
    // F: one record standing for 5 late arrivals (C8: a record may carry a count)
    recs.push(
        json!({"id": "f1", "rule": "S1.1", "subject": "F", "date": "2026-03-09", "count": 5}),
    );
    let ds = one_window(&["C", "D", "E", "F"], Value::Array(recs));
    let r = eval(&ds, "2026-03");

    let c = &subject(&r, "C");
    // 5 ≥ 5 in the month → the year's award eligibility is lost
    assert!(disqualified(c, PeriodKind::Year, "S1.1"), "{:?}", c.flags);
    assert!(!disqualified(c, PeriodKind::Quarter, "S1.1")); // only the year
    assert_eq!(score(c, "S1"), d("25")); // points still count: 30 − 5 × 1 = 25
    assert_eq!(c.grade, "合格"); // 95 > 85: the threshold removes eligibility, it does not force a grade
    assert!(c.grade_forced_by.is_none());
    // 4 < 5: nothing
    assert!(!subject(&r, "D").has_flag("disqualified"));
    // 3 in February and 2 in March: the count is per month, neither month reaches 5
    assert!(!subject(&r, "E").has_flag("disqualified"));
    let feb = eval(&ds, "2026-02");
    assert!(!subject(&feb, "E").has_flag("disqualified"));
    // a count of 5 on one record is 5 late arrivals
    assert!(disqualified(&subject(&r, "F"), PeriodKind::Year, "S1.1"));
    assert_eq!(score(&subject(&r, "F"), "S1"), d("25")); // 30 − 5 × 1
}

// ------------------------------------------------------------------ V7: one-vote veto

#[test]
fn v7_veto_forces_the_lowest_grade_whatever_the_score() {
    let ds = one_window(
        &["V", "N"],
        json!([
            {"id": "v1", "rule": "S4.2", "subject": "V", "date": "2026-05-06"},
            {"id": "x1", "rule": "W6.2", "subject": "W01", "date": "2026-05-07"}
        ]),
    );
    let r = eval(&ds, "2026-05");
    let v = &subject(&r, "V");
    assert_eq!(score(v, "S4"), d("10")); // 20 − 10
    assert_eq!(v.total, d("90")); // 100 − 10: the bands alone would say 合格 (90 > 85)
    assert_eq!(policy().doc().grades.grade(v.total), "合格");
    assert_eq!(v.grade, "不合格"); // 一票否决
    let by = v.grade_forced_by.as_deref().expect("grade_forced_by set");
    assert!(by.contains("S4.2") && by.contains("v1"), "{by}");
    assert!(v.has_flag("forced_grade"));
    assert!(disqualified(v, PeriodKind::Quarter, "S4.2"));
    assert!(disqualified(v, PeriodKind::Year, "S4.2"));
    assert!(!disqualified(v, PeriodKind::Month, "S4.2"));

    // a colleague without a veto is graded by the bands
    let n = &subject(&r, "N");
    assert_eq!(n.total, d("100"));
    assert_eq!(n.grade, "合格");
    assert!(n.grade_forced_by.is_none());

    // the window's own veto: W6.2 −5, 15 − 5 = 10, total 95, still 不合格
    let w = &subject(&r, "W01");
    assert_eq!(w.total, d("95"));
    assert_eq!(w.grade, "不合格");
    assert!(
        w.grade_forced_by
            .as_deref()
            .unwrap_or_default()
            .contains("W6.2")
    );

    // the veto forces the grade of its month only: June is graded by the bands again
    let june = eval(&ds, "2026-06");
    assert_eq!(subject(&june, "V").total, d("100"));
    assert_eq!(subject(&june, "V").grade, "合格");
}

// ------------------------------------------------------------------ V3: bonus cap and maximum total

#[test]
fn v3_bonus_capped_at_5_a_month_and_total_at_105() {
    let sugg = |id: &str, s: &str, day: u32| json!({"id": id, "rule": "SB.2", "subject": s, "date": format!("2026-03-{day:02}")});
    let windows = json!([window("W01"), window("W02")]);
    let staff = json!([member("E", "W01"), member("F", "W02")]);
    let records = json!([
        sugg("e1", "E", 2), sugg("e2", "E", 9), sugg("e3", "E", 16), sugg("e4", "E", 23),
        sugg("f1", "F", 2), sugg("f2", "F", 9), sugg("f3", "F", 16),
        {"id": "fp", "rule": "S1.3", "subject": "F", "date": "2026-03-05"},
        {"id": "wb1a", "rule": "WB.1", "subject": "W01", "date": "2026-03-03"},
        {"id": "wb1b", "rule": "WB.1", "subject": "W01", "date": "2026-03-04"},
        {"id": "wb1c", "rule": "WB.1", "subject": "W01", "date": "2026-03-05"},
        {"id": "wb3n", "rule": "WB.3", "subject": "W01", "date": "2026-03-10", "level": "national"},
        {"id": "wb3c", "rule": "WB.3", "subject": "W01", "date": "2026-03-11", "level": "city"}
    ]);
    let metrics = json!([{"window": "W01", "month": "2026-03", "cases": 3500, "rates": {"completion": "100", "satisfaction": "100"}}]);
    let r = eval(&dataset(windows, staff, records, metrics), "2026-03");

    let e = &subject(&r, "E");
    // 4 × 2 = 8 raw; the category holds 5: 2 + 2 + 1 (cut) + 0 (cut)
    assert_eq!(e.bonus, d("5"));
    assert_eq!(e.total, d("105")); // 100 + 5 = 105 = max_total
    assert_eq!(r.record("e2").unwrap().to_owned().outcome, OutcomeKind::Counted);
    let e3 = r.record("e3").unwrap().to_owned();
    assert_eq!(e3.outcome, OutcomeKind::PartlyCounted);
    assert_eq!(e3.points, d("1")); // 5 − 4 left
    assert_eq!(e3.reason, Some(Reason::BonusCap));
    let e4 = r.record("e4").unwrap().to_owned();
    assert_eq!(e4.outcome, OutcomeKind::NotCounted);
    assert_eq!(e4.reason, Some(Reason::BonusCap));

    let f = &subject(&r, "F");
    // 3 × 2 = 6 → 5; base 100 − 0.5 = 99.5; 99.5 + 5 = 104.5
    assert_eq!(f.bonus, d("5"));
    assert_eq!(f.total, d("104.5"));

    let w = &subject(&r, "W01");
    // WB.1 month cap 1: 0.5 + 0.5 + 0 (MonthCap); WB.2 3500 ≥ 3000 → 1; WB.3 national 3, city 1
    // in item order: 0.5 + 0.5 + 1 + 3 = 5, so the city record is cut by the bonus cap
    assert_eq!(r.record("wb1c").unwrap().to_owned().reason, Some(Reason::MonthCap));
    assert_eq!(r.record("wb3n").unwrap().to_owned().points, d("3"));
    assert_eq!(r.record("wb3c").unwrap().to_owned().reason, Some(Reason::BonusCap));
    assert_eq!(w.bonus, d("5"));
    assert_eq!(w.total, d("105")); // W5 from E's S1 30 → 15; 100 + 5
    let w2 = &subject(&r, "W02");
    assert_eq!(w2.total, d("99.75")); // W5 from F's S1 29.5: 29.5 / 30 × 15 = 14.75; 100 − 0.25
}

// ------------------------------------------------------------------ V2: no floor

#[test]
fn v2_staff_deductions_have_no_floor() {
    let ds = one_window(
        &["Z"],
        json!([
            {"id": "z1", "rule": "S3.1", "subject": "Z", "date": "2026-03-02", "count": 60},
            {"id": "z2", "rule": "S4.1", "subject": "Z", "date": "2026-03-03", "points": "5", "count": 10},
            {"id": "z3", "rule": "S1.1", "subject": "Z", "date": "2026-03-04", "minutes": 45, "count": 4},
            {"id": "z4", "rule": "S2.1", "subject": "Z", "date": "2026-03-05", "count": 10}
        ]),
    );
    let r = eval(&ds, "2026-03");
    let z = &subject(&r, "Z");
    assert_eq!(score(z, "S1"), d("10")); // 4 × 5 (45 ≥ 30) = 20; 30 − 20 = 10
    assert_eq!(score(z, "S2"), d("23")); // 10 × 0.2 = 2; 25 − 2 = 23
    assert_eq!(score(z, "S3"), d("-5")); // 60 × 0.5 = 30; 25 − 30 = −5 (扣分不封顶)
    assert_eq!(score(z, "S4"), d("-30")); // 10 × 5 = 50; 20 − 50 = −30
    assert_eq!(z.base, d("-2")); // 10 + 23 − 5 − 30 = −2
    assert_eq!(z.total, d("-2")); // no min_total: the total stays below 0
    assert_eq!(z.grade, "不合格"); // −2 ≤ 70, by the bands
    assert!(z.grade_forced_by.is_none());
    assert!(
        z.categories
            .iter()
            .flat_map(|c| &c.lines)
            .all(|l| l.cut.is_none())
    ); // nothing was cut
    assert_eq!(r.record("z2").unwrap().to_owned().points, d("50")); // all 10 complaints count on Z

    // the window (扣完为止) gets the same complaints through W6.1 but stops at 0
    let w = &subject(&r, "W01");
    assert_eq!(score(w, "W6"), d("0")); // 50 → capped at 15
    let charge = r
        .record("z2")
        .unwrap().to_owned()
        .charges
        .iter()
        .find(|c| c.subject == "W01")
        .cloned()
        .expect("W6.1 charge");
    assert_eq!(charge.rule, "W6.1");
    assert_eq!(charge.raw, d("50"));
    assert_eq!(charge.points, d("15"));
    assert_eq!(charge.reason, Some(Reason::CategoryExhausted));
    assert_eq!(score(w, "W5"), d("5")); // Z's S1 10 / 30 × 15 = 5
    assert_eq!(w.total, d("75")); // 100 − 15 − (15 − 5)
}

/// The two floors meet in a derived category: W5 is made from staff S1, which may go below 0 under
/// the staff's 扣分不封顶, while the window's categories stop at 0 (扣完为止, C2).
#[test]
fn v2_v12_derived_window_category_keeps_the_window_floor() {
    // Y: 40 × S1.4 (−1 each) = 40; S1 = 30 − 40 = −10
    let ds = one_window(
        &["Y"],
        json!([{"id": "y1", "rule": "S1.4", "subject": "Y", "date": "2026-03-02", "count": 40}]),
    );
    let r = eval(&ds, "2026-03");
    assert_eq!(score(&subject(&r, "Y"), "S1"), d("-10"));
    let w = &subject(&r, "W01");
    // raw W5 = −10 / 30 × 15 = −5; the window floor (category) keeps it at 0
    assert_eq!(score(w, "W5"), d("0"));
    assert_eq!(w.total, d("85")); // 100 − 15
}

// ------------------------------------------------------------------ V8: exclusive grade bounds

#[test]
fn v8_exclusive_bounds_put_a_score_at_the_bound_in_the_lower_band() {
    let c = |id: &str, s: &str, pts: &str, n: u32| json!({"id": id, "rule": "S4.1", "subject": s, "date": "2026-03-02", "points": pts, "count": n});
    let e = |id: &str, s: &str, n: u32| json!({"id": id, "rule": "S3.1", "subject": s, "date": "2026-03-03", "count": n});
    let ds = one_window(
        &["G85", "G855", "G70", "G705"],
        json!([
            c("a", "G85", "5", 3),
            c("b1", "G855", "4.5", 1),
            c("b2", "G855", "5", 2),
            c("c1", "G70", "5", 4),
            e("c2", "G70", 20),
            c("d1", "G705", "5", 4),
            e("d2", "G705", 19)
        ]),
    );
    let r = eval(&ds, "2026-03");
    let g = |id: &str| {
        let s = &subject(&r, id);
        (s.total, s.grade.clone())
    };
    assert_eq!(g("G85"), (d("85"), "基本合格".into())); // 100 − 3 × 5 = 85; 85 is not above 85
    assert_eq!(g("G855"), (d("85.5"), "合格".into())); // 100 − 4.5 − 2 × 5 = 85.5 > 85
    assert_eq!(g("G70"), (d("70"), "不合格".into())); // 100 − 4 × 5 − 20 × 0.5 = 70; not above 70
    assert_eq!(g("G705"), (d("70.5"), "基本合格".into())); // 100 − 20 − 19 × 0.5 = 70.5 > 70

    let pol = policy();
    let grades = &pol.doc().grades;
    assert_eq!(grades.grade(d("85.01")), "合格"); // just above the bound
    assert_eq!(grades.grade(d("70.01")), "基本合格");
    assert_eq!(grades.grade(d("-2")), "不合格");
}

// ------------------------------------------------------------------ V5: discretionary with a step

#[test]
fn v5_discretionary_range_with_a_step() {
    let ds = one_window(
        &["A"],
        json!([{"id": "t1", "rule": "S2.2", "subject": "A", "date": "2026-03-02", "points": "2.5"}]),
    );
    // 2.5 lies in 1–3 on a 0.5 step: 25 − 2.5 = 22.5
    assert_eq!(score(&subject(&eval(&ds, "2026-03"), "A"), "S2"), d("22.5"));
    for (pts, why) in [
        ("2.2", "off the 0.5 step"),
        ("3.5", "above 3"),
        ("0.5", "below 1"),
    ] {
        let bad = one_window(
            &["A"],
            json!([{"id": "t2", "rule": "S2.2", "subject": "A", "date": "2026-03-02", "points": pts}]),
        );
        let e = policy().validate(&bad).unwrap_err();
        assert_eq!(
            problem_at(&e, "records[0].points").record.as_deref(),
            Some("t2"),
            "{why}"
        );
    }
}

// ------------------------------------------------------------------ V6: award quotas

#[test]
fn v6_award_quotas_are_carried_by_the_policy() {
    let p = policy();
    let awards = &p.doc().awards.awards;
    assert_eq!(awards.len(), 4);
    for subj in [SubjectKind::Window, SubjectKind::Staff] {
        let q = awards
            .iter()
            .find(|a| a.subject == subj && a.period == PeriodKind::Quarter)
            .unwrap();
        assert_eq!(q.share, Some(d("0.20")));
        assert_eq!(q.count, None);
        assert_eq!(q.rounding, QuotaRounding::HalfUp);
        assert_eq!(q.minimum, 1);
        assert_eq!(q.base, QuotaBase::Eligible);
        let y = awards
            .iter()
            .find(|a| a.subject == subj && a.period == PeriodKind::Year)
            .unwrap();
        assert_eq!(y.count, Some(1));
        assert_eq!(y.share, None);
    }
}

// ------------------------------------------------------------------ errors in a policy

#[test]
fn unknown_kind_is_rejected_at_the_items_kind() {
    let mut p = policy_value();
    let i = rule_index(&p, "S2.1");
    p["rules"][i]["kind"] = json!("per_occurence"); // misspelt
    let e = load_err(&p);
    assert_eq!(e.document, "policy");
    let pr = problem_at(&e, &format!("rules[{i}].kind"));
    assert!(pr.path.ends_with(".kind"));
    assert_eq!(pr.kind, ProblemKind::UnknownKind);
    assert_eq!(pr.rule.as_deref(), Some("S2.1"));
    assert!(
        pr.message.contains("per_occurrence"),
        "the message lists the registered kinds: {}",
        pr.message
    );
}

#[test]
fn bad_params_are_named_by_their_path() {
    // a negative point value
    let mut p = policy_value();
    let i = rule_index(&p, "S1.3");
    p["rules"][i]["params"]["points"] = json!("-0.5");
    let e = load_err(&p);
    let pr = problem_at(&e, &format!("rules[{i}].params.points"));
    assert_eq!(pr.kind, ProblemKind::Invalid);
    assert_eq!(pr.rule.as_deref(), Some("S1.3"));

    // a linked factor of 0
    let mut p = policy_value();
    let j = rule_index(&p, "S4.4");
    p["rules"][j]["params"]["factor"] = json!("0");
    let e = load_err(&p);
    assert_eq!(
        problem_at(&e, &format!("rules[{j}].params.factor")).kind,
        ProblemKind::Invalid
    );

    // a misspelt parameter name
    let mut p = policy_value();
    let k = rule_index(&p, "W2.1");
    let params = p["rules"][k]["params"].as_object_mut().unwrap();
    let v = params.remove("points_per_unit").unwrap();
    params.insert("point_per_unit".into(), v);
    let e = load_err(&p);
    assert!(
        e.problems
            .iter()
            .any(|pr| pr.path.starts_with(&format!("rules[{k}].params"))),
        "{e}"
    );

    // a veto naming a grade the policy does not have
    let mut p = policy_value();
    let v = rule_index(&p, "S4.2");
    p["rules"][v]["effects"]["force_grade"] = json!("优秀");
    let e = load_err(&p);
    assert_eq!(
        problem_at(&e, &format!("rules[{v}].effects.force_grade")).kind,
        ProblemKind::UnknownReference
    );

    // a base that is not the sum of the maxima (30 + 25 + 25 + 20 = 100, not 110)
    let mut p = policy_value();
    p["staff"]["base"] = json!("110");
    let e = load_err(&p);
    assert_eq!(problem_at(&e, "staff.base").kind, ProblemKind::Invalid);
}

// ------------------------------------------------------------------ a kind registered in Rust

/// `flat_state`: fixed points every month, whatever the records (a state such as "no service
/// pledge signed this year", read from outside the dataset).
#[derive(Debug, Clone, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct FlatState {
    points: Decimal,
}

impl KindParams for FlatState {
    const NAME: &'static str = "flat_state";
    const SUMMARY: &'static str = "fixed points every month";
    fn build(self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        if self.points <= Decimal::ZERO {
            return Err(vec![
                Problem::new(
                    ProblemKind::Invalid,
                    format!("{path}.params.points"),
                    "points must be greater than 0",
                )
                .rule(item.code.clone()),
            ]);
        }
        Ok(Arc::new(self))
    }
}

impl Rule for FlatState {
    fn derived_from(&self) -> Option<String> {
        Some("the month itself (flat_state)".into())
    }
    fn apply<'a>(&self, _cx: &RuleContext<'_, 'a>, out: &mut Vec<Contribution<'a>>) {
        out.push(Contribution::State {
            points: self.points,
            detail: format!("{} every month", self.points),
        });
    }
}

#[test]
fn a_kind_registered_in_rust_is_usable_from_the_policy() {
    let mut p = policy_value();
    p["rules"].as_array_mut().unwrap().push(json!({
        "code": "S3.9",
        "subject": "staff",
        "category": "S3",
        "name_zh": "未签订年度服务承诺书(按月扣分)",
        "cite": "第三条(三)9",
        "kind": "flat_state",
        "params": {"points": "1.5"}
    }));
    let n = p["rules"].as_array().unwrap().len() - 1;
    let text = p.to_string();

    // the built-in registry does not know the kind
    let e = Policy::from_json(&text).unwrap_err();
    assert_eq!(
        problem_at(&e, &format!("rules[{n}].kind")).kind,
        ProblemKind::UnknownKind
    );

    let mut reg = Registry::builtin();
    reg.register(typed_kind::<FlatState>()).unwrap();
    assert!(reg.register(typed_kind::<FlatState>()).is_err()); // a name is registered once
    let pol = Policy::from_json_with(&text, &reg).unwrap_or_else(|e| panic!("{e}"));

    let ds = one_window(
        &["A"],
        json!([{"id": "s1", "rule": "S2.1", "subject": "A", "date": "2026-04-02"}]),
    );
    for m in ["2026-03", "2026-04"] {
        let r = pol.evaluate_month(&ds, month(m)).unwrap();
        let a = &subject(&r, "A");
        assert_eq!(score(a, "S3"), d("23.5"), "{m}"); // 25 − 1.5 every month
    }
    let apr = pol.evaluate_month(&ds, month("2026-04")).unwrap();
    // April also has one S2.1: 100 − 1.5 − 0.2 = 98.3
    assert_eq!(subject(&apr, "A").total, d("98.3"));

    // its parameters are checked by the kind: points 0 is named at rules[n].params.points
    let mut bad = p.clone();
    bad["rules"][n]["params"]["points"] = json!("0");
    let e = Policy::from_json_with(&bad.to_string(), &reg).unwrap_err();
    assert_eq!(
        problem_at(&e, &format!("rules[{n}].params.points")).kind,
        ProblemKind::Invalid
    );
}
