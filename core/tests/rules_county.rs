//! The built-in county policy checked against `rules.md`, rule by rule.
//!
//! Every expectation here is computed by hand from the specification (the arithmetic is in the
//! comment above each assertion); none is copied from the program's output.

use kaoping_core::policy::PeriodKind;
use kaoping_core::result::{OutcomeKind, Reason, RecordOutcome, SubjectMonth};
use kaoping_core::{Dataset, MonthResult, Policy, Problem, ProblemKind, YearMonth, YearResult};
use rust_decimal::Decimal;
use serde_json::{Value, json};

// ------------------------------------------------------------------ helpers

fn d(s: &str) -> Decimal {
    s.parse::<Decimal>().unwrap()
}

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

fn dataset(v: Value) -> Dataset {
    Dataset::from_json(&serde_json::to_string(&v).unwrap()).expect("the test dataset parses")
}

/// A record line; `extra` is merged in (minutes, points, level, key, count, status, …).
fn rec(id: &str, rule: &str, subject: &str, date: &str, extra: Value) -> Value {
    let mut v = json!({"id": id, "rule": rule, "subject": subject, "date": date});
    if let Value::Object(m) = extra {
        for (k, x) in m {
            v[k] = x;
        }
    }
    v
}

/// The skeleton of a 2026 hall: department D.
fn base() -> Value {
    json!({
        "hall": {"id": "H", "name": "县政务服务大厅"},
        "year": 2026,
        "departments": [{"id": "D", "name": "某局"}],
        "windows": [],
        "staff": [],
        "records": [],
        "metrics": [],
        "targets": {}
    })
}

/// One window W (head P all year) and one staff member P assigned to W all year.
fn hall_json(records: Value) -> Value {
    let mut v = base();
    v["windows"] =
        json!([{"id": "W", "name": "窗口", "department": "D", "heads": [{"staff": "P"}]}]);
    v["staff"] = json!([{"id": "P", "name": "甲", "assignments": [{"window": "W"}]}]);
    v["records"] = records;
    v
}

fn hall(records: Value) -> Dataset {
    dataset(hall_json(records))
}

/// The one-window hall with window metrics.
fn hall_metrics(records: Value, metrics: Value, targets: Value) -> Dataset {
    let mut v = hall_json(records);
    v["metrics"] = metrics;
    v["targets"] = targets;
    dataset(v)
}

fn month(ds: &Dataset, m: &str) -> MonthResult {
    Policy::builtin()
        .evaluate_month(ds, ym(m))
        .expect("the month evaluates")
}

fn year(ds: &Dataset) -> YearResult {
    Policy::builtin()
        .evaluate_year(ds)
        .expect("the year evaluates")
}

fn ymonth(y: &YearResult, m: u32) -> &MonthResult {
    y.month(m).expect("month in the year result")
}

fn subj(r: &MonthResult, id: &str) -> SubjectMonth {
    r.subject(id)
        .unwrap_or_else(|| panic!("subject {id} not evaluated in {}", r.month))
        .to_owned()
}

/// Score of a category (deduction: max − points; bonus: points).
fn score(r: &MonthResult, id: &str, cat: &str) -> Decimal {
    subj(r, id)
        .category(cat)
        .unwrap_or_else(|| panic!("no category {cat} for {id}"))
        .score
}

fn total(r: &MonthResult, id: &str) -> Decimal {
    subj(r, id).total
}

fn bonus(r: &MonthResult, id: &str) -> Decimal {
    subj(r, id).bonus
}

fn out(r: &MonthResult, id: &str) -> RecordOutcome {
    r.record(id)
        .unwrap_or_else(|| panic!("record {id} missing from the result of {}", r.month))
        .to_owned()
}

fn has_period_flag(s: &SubjectMonth, code: &str, period: PeriodKind) -> bool {
    s.flags
        .iter()
        .any(|f| f.code == code && f.period == Some(period))
}

fn problems(ds: &Dataset) -> Vec<Problem> {
    Policy::builtin()
        .validate(ds)
        .expect_err("the dataset must be rejected")
        .problems
}

fn at<'a>(ps: &'a [Problem], path: &str) -> &'a Problem {
    ps.iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("no problem at {path}; got {ps:#?}"))
}

/// Half away from zero to 2 places (C11), for period means computed in the tests.
fn round2(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

// ------------------------------------------------------------------ C1 base

#[test]
fn c1_no_records_everyone_starts_at_100() {
    let r = month(&hall(json!([])), "2026-10");
    // C1 staff: 20 + 20 + 30 + 10 + 20 = 100
    for (c, m) in [
        ("S1", "20"),
        ("S2", "20"),
        ("S3", "30"),
        ("S4", "10"),
        ("S5", "20"),
    ] {
        assert_eq!(score(&r, "P", c), d(m), "{c}");
    }
    // C1 staff: base 100, bonus 0, total 100
    assert_eq!(subj(&r, "P").base, d("100"));
    assert_eq!(bonus(&r, "P"), d("0"));
    assert_eq!(total(&r, "P"), d("100"));
    // C1 window: 15 + 15 + 15 + 25 + 10 + 20 = 100 (W2/W3 from P's full S1/S2: 20/20·15 = 15)
    for (c, m) in [
        ("W1", "15"),
        ("W2", "15"),
        ("W3", "15"),
        ("W4", "25"),
        ("W5", "10"),
        ("W6", "20"),
    ] {
        assert_eq!(score(&r, "W", c), d(m), "{c}");
    }
    assert_eq!(total(&r, "W"), d("100"));
}

// ------------------------------------------------------------------ S1 attendance

#[test]
fn s1_1_late_and_over_30_minutes() {
    let r = month(
        &hall(json!([
            rec("r1", "S1.1", "P", "2026-10-05", json!({"minutes": 10})),
            rec("r2", "S1.1", "P", "2026-10-06", json!({"minutes": 45})),
        ])),
        "2026-10",
    );
    // S1.1 10 min → −1, 45 min → −2; 20 − 1 − 2 = 17
    assert_eq!(score(&r, "P", "S1"), d("17"));
    // C1: total 100 − 3 = 97
    assert_eq!(total(&r, "P"), d("97"));
    // S1.1 record outcomes: 1 and 2 points
    assert_eq!(out(&r, "r1").points, d("1"));
    assert_eq!(out(&r, "r2").points, d("2"));
    // W2: P sole staff all October (31 days): 17·31/31 / 20 · 15 = 12.75
    assert_eq!(score(&r, "W", "W2"), d("12.75"));
}

#[test]
fn c6_thirty_minutes_is_not_more_than_thirty() {
    let r = month(
        &hall(json!([
            rec("m30", "S1.1", "P", "2026-10-05", json!({"minutes": 30})),
            rec("m31", "S1.1", "P", "2026-10-06", json!({"minutes": 31})),
        ])),
        "2026-10",
    );
    // C6 超过30分钟 exclusive: 30 min → −1
    assert_eq!(out(&r, "m30").points, d("1"));
    // C6: 31 min → −2
    assert_eq!(out(&r, "m31").points, d("2"));
    // S1 = 20 − 1 − 2 = 17
    assert_eq!(score(&r, "P", "S1"), d("17"));
}

#[test]
fn e1_s1_1_without_minutes_is_minus_1_unless_flagged_over_30() {
    let r = month(
        &hall(json!([
            rec("plain", "S1.1", "P", "2026-10-05", json!({})),
            rec(
                "flag",
                "S1.1",
                "P",
                "2026-10-06",
                json!({"aggravated": true})
            ),
        ])),
        "2026-10",
    );
    // E1: no minutes, no flag → −1
    assert_eq!(out(&r, "plain").points, d("1"));
    // E1: explicit over-30 flag → −2
    assert_eq!(out(&r, "flag").points, d("2"));
    // S1 = 20 − 1 − 2 = 17
    assert_eq!(score(&r, "P", "S1"), d("17"));
}

fn one_record(rule: &str, extra: Value) -> MonthResult {
    let subject = if rule.starts_with('S') { "P" } else { "W" };
    month(
        &hall(json!([rec("r1", rule, subject, "2026-10-12", extra)])),
        "2026-10",
    )
}

#[test]
fn s1_2_disobeying_hall_management() {
    let r = one_record("S1.2", json!({}));
    // S1.2 −3: 20 − 3 = 17
    assert_eq!(score(&r, "P", "S1"), d("17"));
    // total 100 − 3 = 97
    assert_eq!(total(&r, "P"), d("97"));
}

#[test]
fn s1_3_meeting_or_post_discipline() {
    let r = one_record("S1.3", json!({"count": 2}));
    // S1.3 −3 each, count 2 (C8): 20 − 6 = 14
    assert_eq!(score(&r, "P", "S1"), d("14"));
    // W2 = 14/20·15 = 10.5
    assert_eq!(score(&r, "W", "W2"), d("10.5"));
}

#[test]
fn s1_4_leave_procedure() {
    let r = one_record("S1.4", json!({}));
    // S1.4 −3: 20 − 3 = 17
    assert_eq!(score(&r, "P", "S1"), d("17"));
}

// ------------------------------------------------------------------ S2 discipline

#[test]
fn s2_1_phone_at_work() {
    let r = one_record("S2.1", json!({}));
    // S2.1 −2: 20 − 2 = 18
    assert_eq!(score(&r, "P", "S2"), d("18"));
    // W3 = 18/20·15 = 13.5
    assert_eq!(score(&r, "W", "W3"), d("13.5"));
}

#[test]
fn s2_2_snacks_dozing() {
    let r = one_record("S2.2", json!({"count": 3}));
    // S2.2 −2 × 3 (C8): 20 − 6 = 14
    assert_eq!(score(&r, "P", "S2"), d("14"));
}

#[test]
fn s2_3_quarrel_points_stated() {
    let r = one_record("S2.3", json!({"points": 4}));
    // S2.3 stated 4 within 3–5: 20 − 4 = 16
    assert_eq!(score(&r, "P", "S2"), d("16"));
    // W3 = 16/20·15 = 12
    assert_eq!(score(&r, "W", "W3"), d("12"));
}

#[test]
fn e11_decimal_discretionary_points_and_c11_rounding_of_w3() {
    let r = one_record("S2.3", json!({"points": "3.5"}));
    // E11: 3.5 is valid for S2.3 (3–5): S2 = 20 − 3.5 = 16.5
    assert_eq!(score(&r, "P", "S2"), d("16.5"));
    // C11: W3 = 16.5/20·15 = 12.375 → 12.38 (half away from zero)
    assert_eq!(score(&r, "W", "W3"), d("12.38"));
}

#[test]
fn s2_4_leaking_private_data() {
    let r = one_record("S2.4", json!({}));
    // S2.4 −3: 20 − 3 = 17
    assert_eq!(score(&r, "P", "S2"), d("17"));
}

#[test]
fn s2_5_corrupt_conduct() {
    let r = one_record("S2.5", json!({}));
    // S2.5 −10: 20 − 10 = 10
    assert_eq!(score(&r, "P", "S2"), d("10"));
    // W3 = 10/20·15 = 7.5
    assert_eq!(score(&r, "W", "W3"), d("7.5"));
}

#[test]
fn c2_category_exhaustion_s2_stays_at_zero() {
    let r = month(
        &hall(json!([
            rec("c1", "S2.5", "P", "2026-10-03", json!({})),
            rec("c2", "S2.5", "P", "2026-10-10", json!({})),
            rec("c3", "S2.5", "P", "2026-10-17", json!({})),
            rec("c4", "S2.5", "P", "2026-10-24", json!({})),
        ])),
        "2026-10",
    );
    // C2: 20 − 10 − 10 = 0; the third and fourth S2.5 (−10 each) find nothing left: S2 = 0, not −20
    assert_eq!(score(&r, "P", "S2"), d("0"));
    // C2: the category's points taken stop at its maximum 20
    assert_eq!(subj(&r, "P").category("S2").unwrap().points, d("20"));
    // C2: the first two count in full, 10 each
    assert_eq!(out(&r, "c1").points, d("10"));
    assert_eq!(out(&r, "c2").points, d("10"));
    // C2: c3 and c4 kept, not counted: category exhausted
    for id in ["c3", "c4"] {
        let o = out(&r, id);
        assert_eq!(o.outcome, OutcomeKind::NotCounted, "{id}");
        assert_eq!(o.points, d("0"), "{id}");
        assert_eq!(o.reason, Some(Reason::CategoryExhausted), "{id}");
    }
    // C1/C2: total 100 − 20 = 80 (other categories untouched)
    assert_eq!(total(&r, "P"), d("80"));
    // W3 = 0/20·15 = 0
    assert_eq!(score(&r, "W", "W3"), d("0"));
}

/// rules.md fixes the order only for yearly caps (date, then id); for the category cap (C2) the
/// order across items is not written down. Date order is the reading asked for here ("later
/// records are CategoryExhausted"); the engine applies the category cap in the policy's item order.
#[test]
fn c2_category_cap_consumed_in_date_order_across_items() {
    let r = month(
        &hall(json!([
            rec("c1", "S2.5", "P", "2026-10-03", json!({})),
            rec("c2", "S2.5", "P", "2026-10-10", json!({})),
            rec("c4", "S2.1", "P", "2026-10-20", json!({})),
        ])),
        "2026-10",
    );
    // C2: 20 − 10 − 10 = 0 either way
    assert_eq!(score(&r, "P", "S2"), d("0"));
    // C2 in date order: the two earlier S2.5 count 10 each
    assert_eq!(out(&r, "c1").points, d("10"));
    assert_eq!(out(&r, "c2").points, d("10"));
    // C2 in date order: the later S2.1 (−2) finds nothing left: not counted, category exhausted
    assert_eq!(out(&r, "c4").points, d("0"));
    assert_eq!(out(&r, "c4").reason, Some(Reason::CategoryExhausted));
}

#[test]
fn c2_partial_record_on_exhausted_category() {
    let r = one_record("S4.1", json!({"count": 12}));
    // S4.1 −1 × 12 = 12 > max 10 (C2): S4 = 0
    assert_eq!(score(&r, "P", "S4"), d("0"));
    let o = out(&r, "r1");
    // C2/E6: 10 of the 12 occurrences count, 10 points
    assert_eq!(o.points, d("10"));
    assert_eq!(o.counted_occurrences, 10);
    assert_eq!(o.outcome, OutcomeKind::PartlyCounted);
    assert_eq!(o.reason, Some(Reason::CategoryExhausted));
    // total 100 − 10 = 90
    assert_eq!(total(&r, "P"), d("90"));
}

// ------------------------------------------------------------------ S3 service norms

#[test]
fn s3_1_no_uniform() {
    let r = one_record("S3.1", json!({}));
    // S3.1 −1: 30 − 1 = 29
    assert_eq!(score(&r, "P", "S3"), d("29"));
    // staff S3 does not reach the window: W4 stays 25
    assert_eq!(score(&r, "W", "W4"), d("25"));
}

#[test]
fn s3_2_cold_reception_and_bad_effect() {
    let r = month(
        &hall(json!([
            rec("cold", "S3.2", "P", "2026-10-05", json!({})),
            rec(
                "bad",
                "S3.2",
                "P",
                "2026-10-06",
                json!({"aggravated": true})
            ),
        ])),
        "2026-10",
    );
    // S3.2 −2
    assert_eq!(out(&r, "cold").points, d("2"));
    // S3.2 with bad effect −5
    assert_eq!(out(&r, "bad").points, d("5"));
    // S3 = 30 − 2 − 5 = 23
    assert_eq!(score(&r, "P", "S3"), d("23"));
}

#[test]
fn s3_3_stopping_a_case() {
    let r = one_record("S3.3", json!({}));
    // S3.3 −2: 30 − 2 = 28
    assert_eq!(score(&r, "P", "S3"), d("28"));
}

#[test]
fn s3_4_not_knowing_policy_and_complaint_variant() {
    let r = month(
        &hall(json!([
            rec("plain", "S3.4", "P", "2026-10-05", json!({})),
            rec(
                "compl",
                "S3.4",
                "P",
                "2026-10-06",
                json!({"aggravated": true})
            ),
        ])),
        "2026-10",
    );
    // S3.4 −3
    assert_eq!(out(&r, "plain").points, d("3"));
    // S3.4 that caused a complaint −5
    assert_eq!(out(&r, "compl").points, d("5"));
    // S3 = 30 − 3 − 5 = 22
    assert_eq!(score(&r, "P", "S3"), d("22"));
}

#[test]
fn s3_5_asking_for_praise() {
    let r = one_record("S3.5", json!({}));
    // S3.5 −3: 30 − 3 = 27
    assert_eq!(score(&r, "P", "S3"), d("27"));
}

// ------------------------------------------------------------------ S4 housekeeping

#[test]
fn s4_1_messy_window() {
    let r = one_record("S4.1", json!({}));
    // S4.1 −1: 10 − 1 = 9
    assert_eq!(score(&r, "P", "S4"), d("9"));
}

#[test]
fn s4_2_high_power_appliances() {
    let r = one_record("S4.2", json!({"count": 2}));
    // S4.2 −1 × 2: 10 − 2 = 8
    assert_eq!(score(&r, "P", "S4"), d("8"));
}

#[test]
fn s4_3_computer_left_on() {
    let r = one_record("S4.3", json!({}));
    // S4.3 −1: 10 − 1 = 9
    assert_eq!(score(&r, "P", "S4"), d("9"));
    // total 100 − 1 = 99
    assert_eq!(total(&r, "P"), d("99"));
}

// ------------------------------------------------------------------ S5 complaints

#[test]
fn s5_1_complaint_with_decimal_points_also_charges_the_window() {
    let r = one_record("S5.1", json!({"points": "2.5"}));
    // S5.1 2.5 (E11, within 2–5): S5 = 20 − 2.5 = 17.5
    assert_eq!(score(&r, "P", "S5"), d("17.5"));
    // W6.1 the same points against the window P is assigned to: 20 − 2.5 = 17.5
    assert_eq!(score(&r, "W", "W6"), d("17.5"));
    // totals: 100 − 2.5 = 97.5 for both
    assert_eq!(total(&r, "P"), d("97.5"));
    assert_eq!(total(&r, "W"), d("97.5"));
    // the record is charged to P under S5.1 and to W under W6.1
    let o = out(&r, "r1");
    assert!(
        o.charges
            .iter()
            .any(|c| c.subject == "W" && c.rule == "W6.1" && c.points == d("2.5")),
        "{:?}",
        o.charges
    );
}

#[test]
fn s5_2_two_complaints_in_a_month_zero_s5_and_flag() {
    let r = month(
        &hall(json!([
            rec("c1", "S5.1", "P", "2026-10-05", json!({"points": 2})),
            rec("c2", "S5.1", "P", "2026-10-20", json!({"points": 3})),
        ])),
        "2026-10",
    );
    // S5.2: 2 complaints in the month (C5: 2次以上 includes 2) → S5 = 0 (not 20 − 2 − 3 = 15)
    assert_eq!(score(&r, "P", "S5"), d("0"));
    // S5.2: flag 建议调岗或辞退
    assert!(subj(&r, "P").has_flag("recommend_reassignment"));
    // total 100 − 20 = 80
    assert_eq!(total(&r, "P"), d("80"));
    // W6.1: the window's W6 is not zeroed (2 < 5): 20 − 2 − 3 = 15
    assert_eq!(score(&r, "W", "W6"), d("15"));
}

#[test]
fn c8_count_two_on_one_complaint_record_is_two_complaints() {
    let r = one_record("S5.1", json!({"points": 2, "count": 2}));
    // C8: count 2 = two complaints in the month → S5.2: S5 = 0 with the flag
    assert_eq!(score(&r, "P", "S5"), d("0"));
    assert!(subj(&r, "P").has_flag("recommend_reassignment"));
    // W6.1: 20 − 2·2 = 16
    assert_eq!(score(&r, "W", "W6"), d("16"));
}

#[test]
fn s5_2_third_complaint_of_the_year() {
    let y = year(&hall(json!([
        rec("c1", "S5.1", "P", "2026-02-05", json!({"points": 2})),
        rec("c2", "S5.1", "P", "2026-04-07", json!({"points": 3})),
        rec("c3", "S5.1", "P", "2026-06-09", json!({"points": 2})),
        rec("c4", "S5.1", "P", "2026-09-01", json!({"points": 2})),
    ])));
    // Feb: 1st complaint: S5 = 20 − 2 = 18, no flag
    assert_eq!(score(ymonth(&y, 2), "P", "S5"), d("18"));
    assert!(!subj(ymonth(&y, 2), "P").has_flag("recommend_reassignment"));
    // Apr: 2nd of the year, 1 in the month: S5 = 20 − 3 = 17, no flag
    assert_eq!(score(ymonth(&y, 4), "P", "S5"), d("17"));
    assert!(!subj(ymonth(&y, 4), "P").has_flag("recommend_reassignment"));
    // Jun: 3rd of the year (C5 3次以上 includes 3), one in June → S5 = 0 with the flag
    assert_eq!(score(ymonth(&y, 6), "P", "S5"), d("0"));
    assert!(subj(ymonth(&y, 6), "P").has_flag("recommend_reassignment"));
    // Jul: no complaint in the month → default reading: S5 = 20, no flag
    assert_eq!(score(ymonth(&y, 7), "P", "S5"), d("20"));
    assert!(!subj(ymonth(&y, 7), "P").has_flag("recommend_reassignment"));
    // Sep: 4th of the year with one in the month → S5 = 0 with the flag
    assert_eq!(score(ymonth(&y, 9), "P", "S5"), d("0"));
    assert!(subj(ymonth(&y, 9), "P").has_flag("recommend_reassignment"));
    // W6.1 for the window: 4 complaints in the year < 5: Sep W6 = 20 − 2 = 18
    assert_eq!(score(ymonth(&y, 9), "W", "W6"), d("18"));
}

#[test]
fn s5_3_criticism_levels_points_and_eligibility() {
    // (level, S5 = 20 − points, quarter lost, year lost)
    for (level, s5, q, yr) in [
        ("county", "17", false, false),
        ("city", "15", true, false),
        ("province", "10", true, true),
        ("national", "10", true, true),
    ] {
        let r = one_record("S5.3", json!({"level": level}));
        // S5.3 county −3 / city −5 / province+ −10
        assert_eq!(score(&r, "P", "S5"), d(s5), "{level}");
        // S5.3 city: loses quarterly eligibility; province+: the quarter's and the year's
        assert_eq!(
            has_period_flag(&subj(&r, "P"), "disqualified", PeriodKind::Quarter),
            q,
            "{level} quarter"
        );
        assert_eq!(
            has_period_flag(&subj(&r, "P"), "disqualified", PeriodKind::Year),
            yr,
            "{level} year"
        );
        // W6.2: the same points against the window: W6 = 20 − points
        assert_eq!(score(&r, "W", "W6"), d(s5), "{level} W6");
        // W6.2: the window loses the same eligibility
        assert_eq!(
            has_period_flag(&subj(&r, "W"), "disqualified", PeriodKind::Quarter),
            q,
            "{level} window quarter"
        );
        assert_eq!(
            has_period_flag(&subj(&r, "W"), "disqualified", PeriodKind::Year),
            yr,
            "{level} window year"
        );
    }
}

// ------------------------------------------------------------------ staff bonuses

#[test]
fn sb_1_yearly_cap_consumed_in_date_then_id_order() {
    let y = year(&hall(json!([
        rec("j", "SB.1", "P", "2026-01-15", json!({"count": 3})),
        // February: "a-late" has the smallest id but the latest date
        rec("a-late", "SB.1", "P", "2026-02-20", json!({})),
        rec("c", "SB.1", "P", "2026-02-10", json!({})),
        rec("b", "SB.1", "P", "2026-02-10", json!({})),
        rec("m", "SB.1", "P", "2026-03-03", json!({})),
    ])));
    // SB.1 Jan: 3 × 0.5 = 1.5 (cap 2 not reached); total 101.5
    assert_eq!(bonus(ymonth(&y, 1), "P"), d("1.5"));
    assert_eq!(total(ymonth(&y, 1), "P"), d("101.5"));
    let feb = ymonth(&y, 2);
    // SB.1 Feb: 0.5 left of the yearly 2; date order then id: b (10th) counts
    assert_eq!(out(feb, "b").points, d("0.5"));
    assert_eq!(out(feb, "b").outcome, OutcomeKind::Counted);
    // c (10th, id after b) and a-late (20th): not counted, yearly cap
    for id in ["c", "a-late"] {
        assert_eq!(out(feb, id).outcome, OutcomeKind::NotCounted, "{id}");
        assert_eq!(out(feb, id).reason, Some(Reason::YearCap), "{id}");
        assert_eq!(out(feb, id).points, d("0"), "{id}");
    }
    // Feb bonus 0.5; total 100.5
    assert_eq!(bonus(feb, "P"), d("0.5"));
    assert_eq!(total(feb, "P"), d("100.5"));
    // Mar: 1.5 + 0.5 = 2 used → m not counted: yearly cap; bonus 0
    assert_eq!(out(ymonth(&y, 3), "m").reason, Some(Reason::YearCap));
    assert_eq!(bonus(ymonth(&y, 3), "P"), d("0"));
}

#[test]
fn e6_count_on_a_capped_item_one_of_three_counted() {
    let y = year(&hall(json!([
        rec("j", "SB.1", "P", "2026-01-15", json!({"count": 3})),
        rec("f", "SB.1", "P", "2026-02-15", json!({"count": 3})),
    ])));
    let o = out(ymonth(&y, 2), "f");
    // E6: 2 − 1.5 = 0.5 left: one occurrence of 0.5 counts, two do not
    assert_eq!(o.occurrences, 3);
    assert_eq!(o.counted_occurrences, 1);
    assert_eq!(o.points, d("0.5"));
    assert_eq!(o.outcome, OutcomeKind::PartlyCounted);
    assert_eq!(o.reason, Some(Reason::YearCap));
    // E6: the outcome says how many counted: "1 of 3 counted"
    assert!(o.detail.contains("1 of 3 counted"), "{}", o.detail);
    // Feb bonus 0.5
    assert_eq!(bonus(ymonth(&y, 2), "P"), d("0.5"));
}

#[test]
fn e6_outcome_wording_says_yearly_cap() {
    let y = year(&hall(json!([
        rec("j", "SB.1", "P", "2026-01-15", json!({"count": 3})),
        rec("f", "SB.1", "P", "2026-02-15", json!({"count": 3})),
        rec("m", "SB.1", "P", "2026-03-15", json!({})),
    ])));
    // Yearly caps: "not counted: yearly cap"
    assert!(
        out(ymonth(&y, 3), "m")
            .detail
            .contains("not counted: yearly cap"),
        "{}",
        out(ymonth(&y, 3), "m").detail
    );
    // E6: ("1 of 3 counted: yearly cap")
    assert!(
        out(ymonth(&y, 2), "f").detail.contains("yearly cap"),
        "{}",
        out(ymonth(&y, 2), "f").detail
    );
}

#[test]
fn sb_2_article_levels_and_different_achievements_add_up() {
    let r = month(
        &hall(json!([
            rec(
                "a",
                "SB.2",
                "P",
                "2026-10-03",
                json!({"level": "city", "key": "A"})
            ),
            rec(
                "b",
                "SB.2",
                "P",
                "2026-10-04",
                json!({"level": "province", "key": "B"})
            ),
            rec(
                "c",
                "SB.2",
                "P",
                "2026-10-05",
                json!({"level": "national", "key": "C"})
            ),
        ])),
        "2026-10",
    );
    // SB.2 city +1, province +2, national +3; different achievements add up (C4): 6
    assert_eq!(bonus(&r, "P"), d("6"));
    // total 100 + 6 = 106
    assert_eq!(total(&r, "P"), d("106"));
}

#[test]
fn c4_same_article_at_several_levels_in_a_month_counts_highest() {
    let r = month(
        &hall(json!([
            rec(
                "city",
                "SB.2",
                "P",
                "2026-10-03",
                json!({"level": "city", "key": "A"})
            ),
            rec(
                "prov",
                "SB.2",
                "P",
                "2026-10-10",
                json!({"level": "province", "key": "A"})
            ),
        ])),
        "2026-10",
    );
    // C4 就高不就低: key A counts once at province +2 (not 1 + 2 = 3)
    assert_eq!(bonus(&r, "P"), d("2"));
    assert_eq!(out(&r, "prov").points, d("2"));
    // C4: the city record is kept, not counted: another record of the key was higher
    assert_eq!(out(&r, "city").outcome, OutcomeKind::NotCounted);
    assert_eq!(out(&r, "city").reason, Some(Reason::NotHighestOfKey));
}

#[test]
fn e4_equal_values_in_a_month_earliest_date_counts() {
    let r = month(
        &hall(json!([
            rec(
                "a",
                "SB.2",
                "P",
                "2026-10-20",
                json!({"level": "city", "key": "A"})
            ),
            rec(
                "b",
                "SB.2",
                "P",
                "2026-10-05",
                json!({"level": "city", "key": "A"})
            ),
        ])),
        "2026-10",
    );
    // E4: equal values (city +1 twice): the earliest date counts (b, 5th), not the smaller id
    assert_eq!(out(&r, "b").points, d("1"));
    assert_eq!(out(&r, "a").points, d("0"));
    assert_eq!(out(&r, "a").outcome, OutcomeKind::NotCounted);
    // bonus +1 once
    assert_eq!(bonus(&r, "P"), d("1"));

    let r = month(
        &hall(json!([
            rec(
                "y",
                "SB.2",
                "P",
                "2026-10-05",
                json!({"level": "city", "key": "A"})
            ),
            rec(
                "x",
                "SB.2",
                "P",
                "2026-10-05",
                json!({"level": "city", "key": "A"})
            ),
        ])),
        "2026-10",
    );
    // E4: equal values on the same date: the smaller id (x) counts
    assert_eq!(out(&r, "x").points, d("1"));
    assert_eq!(out(&r, "y").points, d("0"));
    assert_eq!(out(&r, "y").reason, Some(Reason::NotHighestOfKey));
    assert_eq!(bonus(&r, "P"), d("1"));
}

#[test]
fn e4_key_belongs_to_one_subject() {
    let mut v = hall_json(json!([
        rec(
            "p",
            "SB.2",
            "P",
            "2026-10-03",
            json!({"level": "city", "key": "A"})
        ),
        rec(
            "q",
            "SB.2",
            "Q",
            "2026-10-04",
            json!({"level": "city", "key": "A"})
        ),
    ]));
    v["staff"] = json!([
        {"id": "P", "name": "甲", "assignments": [{"window": "W"}]},
        {"id": "Q", "name": "乙", "assignments": [{"window": "W"}]}
    ]);
    let r = month(&dataset(v), "2026-10");
    // E4: an achievement key belongs to one subject: P +1 and Q +1 (two different achievements)
    assert_eq!(bonus(&r, "P"), d("1"));
    assert_eq!(bonus(&r, "Q"), d("1"));
}

/// Worked example 3 of rules.md.
#[test]
fn worked_example_3_same_article_across_months() {
    let y = year(&hall(json!([
        rec(
            "mar",
            "SB.2",
            "P",
            "2026-03-05",
            json!({"level": "city", "key": "A"})
        ),
        rec(
            "may",
            "SB.2",
            "P",
            "2026-05-06",
            json!({"level": "province", "key": "A"})
        ),
        rec(
            "jul",
            "SB.2",
            "P",
            "2026-07-07",
            json!({"level": "city", "key": "A"})
        ),
    ])));
    // E4 March: city +1
    assert_eq!(bonus(ymonth(&y, 3), "P"), d("1"));
    // E4 May: province 2, top-up over the 1 already counted: 2 − 1 = +1
    assert_eq!(bonus(ymonth(&y, 5), "P"), d("1"));
    assert_eq!(out(ymonth(&y, 5), "may").points, d("1"));
    // E4 July: city 1 ≤ 2 already counted → 0, not counted: already counted at a higher level
    assert_eq!(bonus(ymonth(&y, 7), "P"), d("0"));
    assert_eq!(out(ymonth(&y, 7), "jul").outcome, OutcomeKind::NotCounted);
    assert_eq!(
        out(ymonth(&y, 7), "jul").reason,
        Some(Reason::AlreadyCounted)
    );
}

/// March: SB.4 4 × 2 = 8 (2nd), SB.1 3 × 0.5 = 1.5 (3rd), SB.2 city key A +1 (5th): C3 leaves
/// 10 − 9.5 = 0.5 for the keyed record. May: SB.2 province key A (6th). July: city key A (7th).
fn e4_cut_by_c3() -> Dataset {
    hall(json!([
        rec("sb4", "SB.4", "P", "2026-03-02", json!({"count": 4})),
        rec("sb1", "SB.1", "P", "2026-03-03", json!({"count": 3})),
        rec("mar", "SB.2", "P", "2026-03-05", json!({"level": "city", "key": "A"})),
        rec("may", "SB.2", "P", "2026-05-06", json!({"level": "province", "key": "A"})),
        rec("jul", "SB.2", "P", "2026-07-07", json!({"level": "city", "key": "A"})),
    ]))
}

/// The year under the built-in policy with one of its settings changed.
fn year_with_setting(ds: &Dataset, setting: &str, value: &str) -> YearResult {
    let mut p: Value = serde_json::from_str(&Policy::builtin().to_json()).unwrap();
    p["settings"][setting] = json!(value);
    Policy::from_json(&p.to_string())
        .expect("the policy with the setting is valid")
        .evaluate_year(ds)
        .expect("the year evaluates")
}

#[test]
fn e4_a_key_cut_by_the_bonus_cap_is_topped_up_to_its_full_value_by_default() {
    let y = year(&e4_cut_by_c3());
    // the default is `counted`: the same as naming it
    assert_eq!(y, year_with_setting(&e4_cut_by_c3(), "achievement_value", "counted"));
    // March: 8 + 1.5 + 1 = 10.5 → C3 10; the keyed record counts 10 − 9.5 = 0.5
    assert_eq!(bonus(ymonth(&y, 3), "P"), d("10"));
    assert_eq!(out(ymonth(&y, 3), "mar").points, d("0.5"));
    assert_eq!(out(ymonth(&y, 3), "mar").reason, Some(Reason::BonusCap));
    // May: province 2, top-up over the 0.5 the key counted: 2 − 0.5 = +1.5
    assert_eq!(out(ymonth(&y, 5), "may").points, d("1.5"));
    assert_eq!(bonus(ymonth(&y, 5), "P"), d("1.5"));
    // July: city 1 ≤ 0.5 + 1.5 = 2 already counted → 0, not counted
    assert_eq!(bonus(ymonth(&y, 7), "P"), d("0"));
    assert_eq!(out(ymonth(&y, 7), "jul").reason, Some(Reason::AlreadyCounted));
}

#[test]
fn e4_a_key_cut_by_the_bonus_cap_keeps_its_value_before_the_cap_when_set() {
    let y = year_with_setting(&e4_cut_by_c3(), "achievement_value", "before_category_cap");
    // March as by default: C3 cuts the keyed record to 10 − 9.5 = 0.5
    assert_eq!(bonus(ymonth(&y, 3), "P"), d("10"));
    assert_eq!(out(ymonth(&y, 3), "mar").points, d("0.5"));
    // but the key keeps the 1 its item counted before C3 (as E7's yearly caps do):
    // May: province 2 − 1 = +1 (the 0.5 C3 cut in March is not made up)
    assert_eq!(out(ymonth(&y, 5), "may").points, d("1"));
    assert_eq!(bonus(ymonth(&y, 5), "P"), d("1"));
    // July: city 1 ≤ 1 + 1 = 2 already counted → 0
    assert_eq!(bonus(ymonth(&y, 7), "P"), d("0"));
    assert_eq!(out(ymonth(&y, 7), "jul").reason, Some(Reason::AlreadyCounted));
}

#[test]
fn sb_3_cases_per_staff_member_at_least_100() {
    for (cases, expected) in [(100, "0.3"), (99, "0")] {
        let ds = hall_metrics(
            json!([]),
            json!([{"window": "W", "month": "2026-10", "cases": cases}]),
            json!({}),
        );
        let r = month(&ds, "2026-10");
        // SB.3: cases / 1 staff = cases; ≥ 100 (C5 以上 inclusive) → +0.3, 99 → 0
        assert_eq!(bonus(&r, "P"), d(expected), "cases {cases}");
        // WB.4 far below 2000: the window gets nothing
        assert_eq!(bonus(&r, "W"), d("0"));
    }
}

#[test]
fn sb_3_staff_count_includes_members_on_duty_any_day() {
    // window W: P all month, Q only 1–5 October; 250 cases / 2 members = 125 ≥ 100
    let mut v = hall_json(json!([]));
    v["windows"] = json!([
        {"id": "W", "name": "窗口", "department": "D", "heads": [{"staff": "P"}]},
        {"id": "V", "name": "窗口二", "department": "D", "heads": [{"staff": "P"}]}
    ]);
    v["staff"] = json!([
        {"id": "P", "name": "甲", "assignments": [{"window": "W"}]},
        {"id": "Q", "name": "乙", "assignments": [{"window": "W", "to": "2026-10-05"}, {"window": "V", "from": "2026-10-06"}]}
    ]);
    v["metrics"] = json!([{"window": "W", "month": "2026-10", "cases": 250}, {"window": "V", "month": "2026-10", "cases": 50}]);
    let r = month(&dataset(v.clone()), "2026-10");
    // SB.3: 250 / 2 = 125 ≥ 100: each member of W gets +0.3, the short-stay member too
    assert_eq!(bonus(&r, "P"), d("0.3"));
    assert_eq!(bonus(&r, "Q"), d("0.3"));
    // with 199 cases: 199 / 2 = 99.5 < 100 → nobody (Q counts as a whole member, not by days)
    v["metrics"] = json!([{"window": "W", "month": "2026-10", "cases": 199}, {"window": "V", "month": "2026-10", "cases": 50}]);
    let r = month(&dataset(v), "2026-10");
    assert_eq!(bonus(&r, "P"), d("0"));
    assert_eq!(bonus(&r, "Q"), d("0"));
}

#[test]
fn sb_4_suggestion_adopted() {
    let r = one_record("SB.4", json!({}));
    // SB.4 +2; total 100 + 2 = 102
    assert_eq!(bonus(&r, "P"), d("2"));
    assert_eq!(total(&r, "P"), d("102"));
}

// ------------------------------------------------------------------ C3 / E7 monthly bonus cap

#[test]
fn c3_monthly_bonus_cap_of_10() {
    let r = month(
        &hall(json!([
            rec("s", "SB.4", "P", "2026-10-03", json!({"count": 6})),
            rec("w", "S1.2", "P", "2026-10-04", json!({})),
        ])),
        "2026-10",
    );
    // C3: 6 × 2 = 12 → at most 10
    assert_eq!(bonus(&r, "P"), d("10"));
    // C3: total = base (100 − 3) + 10 = 107
    assert_eq!(subj(&r, "P").base, d("97"));
    assert_eq!(total(&r, "P"), d("107"));
    let o = out(&r, "s");
    // E6/C3: 5 of 6 occurrences count (10 points), cut by the bonus cap
    assert_eq!(o.points, d("10"));
    assert_eq!(o.counted_occurrences, 5);
    assert_eq!(o.reason, Some(Reason::BonusCap));
    assert_eq!(o.outcome, OutcomeKind::PartlyCounted);
}

#[test]
fn c3_total_at_most_110() {
    let r = one_record("SB.4", json!({"count": 8}));
    // C3: 8 × 2 = 16 → 10; total 100 + 10 = 110
    assert_eq!(bonus(&r, "P"), d("10"));
    assert_eq!(total(&r, "P"), d("110"));
}

#[test]
fn e7_item_caps_before_the_monthly_bonus_cap() {
    let ds = hall(json!([
        rec("b", "WB.3", "W", "2026-10-02", json!({"count": 5})),
        rec(
            "n1",
            "WB.5",
            "W",
            "2026-10-03",
            json!({"level": "national", "key": "R1"})
        ),
        rec(
            "n2",
            "WB.5",
            "W",
            "2026-10-04",
            json!({"level": "national", "key": "R2"})
        ),
        rec(
            "p3",
            "WB.5",
            "W",
            "2026-10-05",
            json!({"level": "province", "key": "R3"})
        ),
    ]));
    let r = month(&ds, "2026-10");
    // E7: WB.3 5 × 0.5 = 2.5 → monthly item cap 2; WB.5 3 + 3 + 2 = 8; 2 + 8 = 10 ≤ 10 (C3 cuts nothing)
    assert_eq!(bonus(&r, "W"), d("10"));
    // E7: WB.3 cut by its own monthly cap, 4 of 5
    assert_eq!(out(&r, "b").points, d("2"));
    assert_eq!(out(&r, "b").reason, Some(Reason::MonthCap));
    // total 110
    assert_eq!(total(&r, "W"), d("110"));
}

#[test]
fn e7_yearly_cap_is_used_by_points_counted_before_the_bonus_cap() {
    let y = year(&hall(json!([
        rec("j1", "SB.1", "P", "2026-01-10", json!({"count": 4})),
        rec("j2", "SB.4", "P", "2026-01-11", json!({"count": 5})),
        rec("f1", "SB.1", "P", "2026-02-10", json!({})),
    ])));
    // Jan: SB.1 4 × 0.5 = 2 (yearly cap reached), SB.4 5 × 2 = 10; 12 → C3 10
    assert_eq!(bonus(ymonth(&y, 1), "P"), d("10"));
    // Feb: SB.1's yearly 2 was used in January before C3 cut → not counted: yearly cap; bonus 0
    assert_eq!(out(ymonth(&y, 2), "f1").reason, Some(Reason::YearCap));
    assert_eq!(bonus(ymonth(&y, 2), "P"), d("0"));
}

/// Jan: SB.4 5 × 2 = 10 (10th), then SB.1 4 × 0.5 = 2, its yearly cap (11th): C3 has nothing
/// left for SB.1 (10 + 2 = 12 → 10). Feb: SB.1 once more.
fn e7_cut_by_c3() -> Dataset {
    hall(json!([
        rec("j2", "SB.4", "P", "2026-01-10", json!({"count": 5})),
        rec("j1", "SB.1", "P", "2026-01-11", json!({"count": 4})),
        rec("f1", "SB.1", "P", "2026-02-10", json!({})),
    ]))
}

#[test]
fn e7_a_yearly_cap_is_used_even_by_points_the_bonus_cap_cut() {
    let y = year(&e7_cut_by_c3());
    assert_eq!(y, year_with_setting(&e7_cut_by_c3(), "yearly_cap_usage", "before_category_cap"));
    // Jan: SB.4 10 first (date order), SB.1 2 → C3 leaves 0: not counted, bonus cap; bonus 10
    assert_eq!(bonus(ymonth(&y, 1), "P"), d("10"));
    assert_eq!(out(ymonth(&y, 1), "j1").points, d("0"));
    assert_eq!(out(ymonth(&y, 1), "j1").reason, Some(Reason::BonusCap));
    // Feb: SB.1's yearly cap 2 was used by January's 2 before C3 cut them (E7) → not counted
    assert_eq!(out(ymonth(&y, 2), "f1").reason, Some(Reason::YearCap));
    assert_eq!(bonus(ymonth(&y, 2), "P"), d("0"));
}

#[test]
fn e7_a_yearly_cap_is_used_only_by_counted_points_when_set() {
    let y = year_with_setting(&e7_cut_by_c3(), "yearly_cap_usage", "counted");
    // Jan as by default: SB.1's 2 cut to 0 by C3; bonus 10
    assert_eq!(bonus(ymonth(&y, 1), "P"), d("10"));
    assert_eq!(out(ymonth(&y, 1), "j1").points, d("0"));
    // Feb: January counted 0 of SB.1's yearly 2, so 0.5 counts: bonus 0.5
    assert_eq!(out(ymonth(&y, 2), "f1").points, d("0.5"));
    assert_eq!(out(ymonth(&y, 2), "f1").reason, None);
    assert_eq!(bonus(ymonth(&y, 2), "P"), d("0.5"));
}

// ------------------------------------------------------------------ W1 set-up

#[test]
fn w1_1_no_designated_head_once_a_month() {
    let mut v = hall_json(json!([]));
    // head from 1 March only: January and February have no head on any day
    v["windows"][0]["heads"] = json!([{"staff": "P", "from": "2026-03-01"}]);
    let y = year(&dataset(v));
    // W1.1 −2 once a month (a state, not per day): W1 = 15 − 2 = 13, total 98
    assert_eq!(score(ymonth(&y, 2), "W", "W1"), d("13"));
    assert_eq!(total(ymonth(&y, 2), "W"), d("98"));
    // W1.1: March has a head every day → W1 = 15
    assert_eq!(score(ymonth(&y, 3), "W", "W1"), d("15"));
    // the staff member is unaffected
    assert_eq!(total(ymonth(&y, 2), "P"), d("100"));
}

#[test]
fn w1_2_staff_changed_without_report() {
    let r = one_record("W1.2", json!({}));
    // W1.2 −3: 15 − 3 = 12
    assert_eq!(score(&r, "W", "W1"), d("12"));
    assert_eq!(total(&r, "W"), d("97"));
}

#[test]
fn w1_3_meetings_or_materials() {
    let r = one_record("W1.3", json!({"count": 2}));
    // W1.3 −2 × 2 (C8): 15 − 4 = 11
    assert_eq!(score(&r, "W", "W1"), d("11"));
}

#[test]
fn c2_window_category_floor() {
    let r = one_record("W1.2", json!({"count": 6}));
    // C2: 6 × 3 = 18 > 15 → W1 = 0
    assert_eq!(score(&r, "W", "W1"), d("0"));
    let o = out(&r, "r1");
    // C2/E6: 5 occurrences count (15 points), the 6th finds nothing left
    assert_eq!(o.points, d("15"));
    assert_eq!(o.counted_occurrences, 5);
    assert_eq!(o.reason, Some(Reason::CategoryExhausted));
    assert!(o.detail.contains("5 of 6 counted"), "{}", o.detail);
    // total 100 − 15 = 85
    assert_eq!(total(&r, "W"), d("85"));
}

// ------------------------------------------------------------------ W2 / W3 derived

/// Worked example 1 of rules.md (W2 with a mover, September, 30 days).
fn mover_hall(records: Value, metrics: Value) -> Dataset {
    let mut v = base();
    v["windows"] = json!([
        {"id": "K", "name": "窗口K", "department": "D", "heads": [{"staff": "X"}]},
        {"id": "L", "name": "窗口L", "department": "D", "heads": [{"staff": "Z"}]}
    ]);
    v["staff"] = json!([
        {"id": "X", "name": "X", "assignments": [{"window": "K"}]},
        {"id": "Y", "name": "Y", "assignments": [{"window": "L", "to": "2026-09-10"}, {"window": "K", "from": "2026-09-11"}]},
        {"id": "Z", "name": "Z", "assignments": [{"window": "L"}]}
    ]);
    v["records"] = records;
    v["metrics"] = metrics;
    dataset(v)
}

#[test]
fn worked_example_1_w2_with_a_mover() {
    let ds = mover_hall(
        json!([
            rec("y1", "S1.1", "Y", "2026-09-15", json!({"minutes": 10})),
            rec("y2", "S1.1", "Y", "2026-09-15", json!({"minutes": 10})),
            rec("y3", "S1.1", "Y", "2026-09-15", json!({"minutes": 10})),
        ]),
        json!([]),
    );
    let r = month(&ds, "2026-09");
    // S1.1 three × −1: Y's S1 = 20 − 3 = 17
    assert_eq!(score(&r, "Y", "S1"), d("17"));
    // W2 of K: (30·20 + 20·17) / 50 / 20 · 15 = 18.8 / 20 · 15 = 14.10
    assert_eq!(score(&r, "K", "W2"), d("14.10"));
    // W2 of L: (30·20 + 10·17) / 40 / 20 · 15 = 14.4375 → 14.44 (C11)
    assert_eq!(score(&r, "L", "W2"), d("14.44"));
    // totals: K 100 − (15 − 14.10) = 99.10; L 100 − (15 − 14.44) = 99.44
    assert_eq!(total(&r, "K"), d("99.10"));
    assert_eq!(total(&r, "L"), d("99.44"));
    // Y's days: 10 at L (1–10 Sep), 20 at K (11–30 Sep)
    let links = &subj(&r, "Y").links;
    assert!(
        links.iter().any(|l| l.id == "K" && l.days == 20),
        "{links:?}"
    );
    assert!(
        links.iter().any(|l| l.id == "L" && l.days == 10),
        "{links:?}"
    );
}

#[test]
fn mover_mid_month_complaints_charged_to_the_window_of_the_date() {
    let ds = mover_hall(
        json!([
            rec("early", "S5.1", "Y", "2026-09-05", json!({"points": 3})),
            rec("late", "S5.1", "Y", "2026-09-20", json!({"points": 2})),
            rec(
                "crit",
                "S5.3",
                "Y",
                "2026-09-10",
                json!({"level": "county"})
            ),
        ]),
        json!([]),
    );
    let r = month(&ds, "2026-09");
    // W6.1: the 5 Sep complaint (3) goes to L, where Y was that day; W6.2: the 10 Sep county criticism (3) too
    // L: W6 = 20 − 3 − 3 = 14
    assert_eq!(score(&r, "L", "W6"), d("14"));
    // W6.1: the 20 Sep complaint (2) goes to K: W6 = 20 − 2 = 18
    assert_eq!(score(&r, "K", "W6"), d("18"));
    // S5.2: Y has 2 complaints in September → S5 = 0 with the flag
    assert_eq!(score(&r, "Y", "S5"), d("0"));
    assert!(subj(&r, "Y").has_flag("recommend_reassignment"));
    // the charges name the right window
    assert!(
        out(&r, "early")
            .charges
            .iter()
            .any(|c| c.subject == "L" && c.rule == "W6.1")
    );
    assert!(
        out(&r, "late")
            .charges
            .iter()
            .any(|c| c.subject == "K" && c.rule == "W6.1")
    );
}

#[test]
fn e5_sb_3_once_for_a_member_of_two_qualifying_windows() {
    // K: 300 cases / {X, Y} = 150; L: 250 cases / {Y, Z} = 125; both ≥ 100
    let ds = mover_hall(
        json!([]),
        json!([{"window": "K", "month": "2026-09", "cases": 300}, {"window": "L", "month": "2026-09", "cases": 250}]),
    );
    let r = month(&ds, "2026-09");
    // SB.3: X +0.3, Z +0.3
    assert_eq!(bonus(&r, "X"), d("0.3"));
    assert_eq!(bonus(&r, "Z"), d("0.3"));
    // E5: Y qualifies through both windows but gets +0.3 once (not 0.6)
    assert_eq!(bonus(&r, "Y"), d("0.3"));
}

#[test]
fn c11_w2_rounds_half_away_from_zero() {
    // two staff all April (30 days): P S1 20, Q S1 = 20 − 3 (S1.2) − 2 (S1.1 45 min) = 15
    let mut v = hall_json(json!([
        rec("q1", "S1.2", "Q", "2026-04-08", json!({})),
        rec("q2", "S1.1", "Q", "2026-04-09", json!({"minutes": 45})),
    ]));
    v["staff"] = json!([
        {"id": "P", "name": "甲", "assignments": [{"window": "W"}]},
        {"id": "Q", "name": "乙", "assignments": [{"window": "W"}]}
    ]);
    let r = month(&dataset(v), "2026-04");
    // S1 of Q: 20 − 3 − 2 = 15
    assert_eq!(score(&r, "Q", "S1"), d("15"));
    // C11: W2 = (30·20 + 30·15) / 60 / 20 · 15 = 17.5 / 20 · 15 = 13.125 → 13.13 (not banker's 13.12)
    assert_eq!(score(&r, "W", "W2"), d("13.13"));
    // total 100 − (15 − 13.13) = 98.13
    assert_eq!(total(&r, "W"), d("98.13"));
}

#[test]
fn w3_weighted_by_days() {
    // November (30 days): P all month with S2.5 (S2 = 10); Q from 21 November (10 days), S2 = 20
    let mut v = hall_json(json!([rec("c", "S2.5", "P", "2026-11-03", json!({}))]));
    v["staff"] = json!([
        {"id": "P", "name": "甲", "assignments": [{"window": "W"}]},
        {"id": "Q", "name": "乙", "assignments": [{"window": "W", "from": "2026-11-21"}]}
    ]);
    let r = month(&dataset(v), "2026-11");
    // W3 = (30·10 + 10·20) / 40 / 20 · 15 = 12.5 / 20 · 15 = 9.375 → 9.38 (C11)
    assert_eq!(score(&r, "W", "W3"), d("9.38"));
    // W2: both S1 20 → 15
    assert_eq!(score(&r, "W", "W2"), d("15"));
}

#[test]
fn w2_w3_no_staff_on_duty_full_marks_with_warning() {
    let mut v = hall_json(json!([]));
    v["windows"] = json!([
        {"id": "W", "name": "窗口", "department": "D", "heads": [{"staff": "P"}]},
        {"id": "E", "name": "空窗口", "department": "D", "heads": [{"name": "某负责人"}]}
    ]);
    let r = month(&dataset(v), "2026-10");
    // W2/W3 with no staff on duty: full marks 15
    assert_eq!(score(&r, "E", "W2"), d("15"));
    assert_eq!(score(&r, "E", "W3"), d("15"));
    assert_eq!(total(&r, "E"), d("100"));
    // … and the result carries a warning
    let e = subj(&r, "E");
    assert!(
        e.warnings.iter().any(|w| w.contains("W2"))
            || r.warnings
                .iter()
                .any(|w| w.subject.as_deref() == Some("E") && w.message.contains("W2")),
        "{:?} {:?}",
        e.warnings,
        r.warnings
    );
}

// ------------------------------------------------------------------ W4 service norms

#[test]
fn w4_1_service_items_points_stated() {
    let r = one_record("W4.1", json!({"points": 3}));
    // W4.1 stated 3 within 2–5: 25 − 3 = 22
    assert_eq!(score(&r, "W", "W4"), d("22"));
}

#[test]
fn w4_2_three_concentrations_points_stated() {
    let r = one_record("W4.2", json!({"points": "2.5"}));
    // W4.2 stated 2.5 (E11): 25 − 2.5 = 22.5
    assert_eq!(score(&r, "W", "W4"), d("22.5"));
    assert_eq!(total(&r, "W"), d("97.5"));
}

#[test]
fn w4_3_practice_differs_from_guide() {
    let r = one_record("W4.3", json!({}));
    // W4.3 −3: 25 − 3 = 22
    assert_eq!(score(&r, "W", "W4"), d("22"));
}

#[test]
fn w4_4_guide_not_published() {
    let r = one_record("W4.4", json!({"count": 9}));
    // W4.4 −3 × 9 = 27 > 25 (C2): W4 = 0
    assert_eq!(score(&r, "W", "W4"), d("0"));
    // 100 − 25 = 75
    assert_eq!(total(&r, "W"), d("75"));
}

// ------------------------------------------------------------------ W5 reform

fn targets() -> Value {
    json!({"online_full_process": 90, "online_available": 80, "one_network": 70})
}

#[test]
fn w5_1_each_rate_below_target() {
    let ds = hall_metrics(
        json!([]),
        json!([{"window": "W", "month": "2026-10", "rates": {"online_full_process": "89.99", "online_available": 80, "one_network": 50}}]),
        targets(),
    );
    let r = month(&ds, "2026-10");
    // W5.1: 89.99 < 90 (−1), 80 = 80 not below (0), 50 < 70 (−1): W5 = 10 − 2 = 8
    assert_eq!(score(&r, "W", "W5"), d("8"));
}

#[test]
fn w5_1_and_w5_2_sub_caps() {
    let ds = hall_metrics(
        json!([rec("t", "W5.2", "W", "2026-10-10", json!({"count": 4}))]),
        json!([{"window": "W", "month": "2026-10", "rates": {"online_full_process": 10, "online_available": 10, "one_network": 10}}]),
        targets(),
    );
    let r = month(&ds, "2026-10");
    // W5.1: three rates below → −3 (sub-cap 3); W5.2: 4 × 2 = 8 → sub-cap 7 (C2); W5 = 10 − 3 − 7 = 0
    assert_eq!(score(&r, "W", "W5"), d("0"));
    // W5.2 record: 7 of 8 points, cut by the item's cap
    assert_eq!(out(&r, "t").points, d("7"));
    assert_eq!(out(&r, "t").outcome, OutcomeKind::PartlyCounted);
    assert_eq!(out(&r, "t").reason, Some(Reason::MonthCap));
}

#[test]
fn w5_2_reform_task_not_completed() {
    let r = one_record("W5.2", json!({}));
    // W5.2 −2: 10 − 2 = 8
    assert_eq!(score(&r, "W", "W5"), d("8"));
}

#[test]
fn w5_2_sub_cap_alone() {
    let r = one_record("W5.2", json!({"count": 5}));
    // W5.2 5 × 2 = 10 → sub-cap 7: W5 = 10 − 7 = 3 (not 0)
    assert_eq!(score(&r, "W", "W5"), d("3"));
}

// ------------------------------------------------------------------ W6 complaints

#[test]
fn w6_1_complaint_against_staff_charges_window() {
    let r = one_record("S5.1", json!({"points": 4}));
    // W6.1 the same points as the S5.1 record: 20 − 4 = 16
    assert_eq!(score(&r, "W", "W6"), d("16"));
    // S5 of P: 20 − 4 = 16
    assert_eq!(score(&r, "P", "S5"), d("16"));
}

#[test]
fn w6_1_reaching_five_zeroes_w6_for_the_rest_of_the_year() {
    let y = year(&hall(json!([
        rec("c1", "S5.1", "P", "2026-01-05", json!({"points": 2})),
        rec("c2", "S5.1", "P", "2026-03-05", json!({"points": 2})),
        rec("c3", "S5.1", "P", "2026-05-05", json!({"points": 2})),
        rec("c4", "S5.1", "P", "2026-07-05", json!({"points": 2})),
        rec("c5", "S5.1", "P", "2026-09-05", json!({"points": 2})),
    ])));
    // W6.1: 1st–4th complaint months: 20 − 2 = 18
    for m in [1, 3, 5, 7] {
        assert_eq!(score(ymonth(&y, m), "W", "W6"), d("18"), "month {m}");
    }
    // W6.1: August, count 4 < 5: W6 = 20
    assert_eq!(score(ymonth(&y, 8), "W", "W6"), d("20"));
    // W6.1: September, the 5th (C5 5次以上 includes 5) → W6 = 0
    assert_eq!(score(ymonth(&y, 9), "W", "W6"), d("0"));
    assert!(
        subj(ymonth(&y, 9), "W")
            .flags
            .iter()
            .any(|f| f.code == "category_zeroed_for_year" && f.category.as_deref() == Some("W6")),
        "{:?}",
        subj(ymonth(&y, 9), "W").flags
    );
    // W6.1: every remaining month W6 = 0, total 80, with no record in them
    for m in 10..=12 {
        assert_eq!(score(ymonth(&y, m), "W", "W6"), d("0"), "month {m}");
        assert_eq!(total(ymonth(&y, m), "W"), d("80"), "month {m}");
    }
}

#[test]
fn w6_1_four_complaints_do_not_zero() {
    let y = year(&hall(json!([rec(
        "c",
        "S5.1",
        "P",
        "2026-02-05",
        json!({"points": 2, "count": 4})
    )])));
    // W6.1: 4 × 2 = 8: W6 = 20 − 8 = 12 (4 < 5)
    assert_eq!(score(ymonth(&y, 2), "W", "W6"), d("12"));
    // March: not zeroed: W6 = 20
    assert_eq!(score(ymonth(&y, 3), "W", "W6"), d("20"));
}

#[test]
fn w6_2_criticism_of_staff_charges_window() {
    let r = one_record("S5.3", json!({"level": "city"}));
    // W6.2 city −5: W6 = 20 − 5 = 15
    assert_eq!(score(&r, "W", "W6"), d("15"));
    // W6.2 city: the window loses quarterly eligibility, not the year's
    assert!(has_period_flag(
        &subj(&r, "W"),
        "disqualified",
        PeriodKind::Quarter
    ));
    assert!(!has_period_flag(
        &subj(&r, "W"),
        "disqualified",
        PeriodKind::Year
    ));
    // charged under W6.2 to W
    assert!(
        out(&r, "r1")
            .charges
            .iter()
            .any(|c| c.subject == "W" && c.rule == "W6.2" && c.points == d("5"))
    );
}

#[test]
fn w6_3_and_e2_reply_variants() {
    let r = month(
        &hall(json!([
            rec("late", "W6.3", "W", "2026-10-05", json!({})),
            rec(
                "evasive",
                "W6.3",
                "W",
                "2026-10-06",
                json!({"aggravated": true})
            ),
        ])),
        "2026-10",
    );
    // E2: late reply −2
    assert_eq!(out(&r, "late").points, d("2"));
    // E2: evasive reply −3
    assert_eq!(out(&r, "evasive").points, d("3"));
    // W6 = 20 − 2 − 3 = 15
    assert_eq!(score(&r, "W", "W6"), d("15"));
}

// ------------------------------------------------------------------ window bonuses

#[test]
fn wb_1_head_visits_yearly_cap() {
    let y = year(&hall(json!([
        rec("v1", "WB.1", "W", "2026-01-10", json!({})),
        rec("v2", "WB.1", "W", "2026-02-10", json!({})),
        rec("v3", "WB.1", "W", "2026-03-10", json!({})),
        rec("v4", "WB.1", "W", "2026-04-10", json!({})),
        rec("v5", "WB.1", "W", "2026-05-10", json!({})),
    ])));
    // WB.1 +0.5 a month Jan–Apr: 4 × 0.5 = 2 = yearly cap
    for m in 1..=4 {
        assert_eq!(bonus(ymonth(&y, m), "W"), d("0.5"), "month {m}");
    }
    // WB.1 May: cap reached → not counted: yearly cap; bonus 0, total 100
    assert_eq!(out(ymonth(&y, 5), "v5").outcome, OutcomeKind::NotCounted);
    assert_eq!(out(ymonth(&y, 5), "v5").reason, Some(Reason::YearCap));
    assert_eq!(bonus(ymonth(&y, 5), "W"), d("0"));
    assert_eq!(total(ymonth(&y, 5), "W"), d("100"));
}

#[test]
fn wb_2_contest_with_evidence_and_yearly_cap() {
    let y = year(&hall(json!([
        rec(
            "e1",
            "WB.2",
            "W",
            "2026-01-10",
            json!({"evidence": "文件2026-1号", "count": 3})
        ),
        rec(
            "e2",
            "WB.2",
            "W",
            "2026-02-10",
            json!({"evidence": "照片-002", "count": 2})
        ),
    ])));
    // WB.2 Jan: 3 × 0.5 = 1.5
    assert_eq!(bonus(ymonth(&y, 1), "W"), d("1.5"));
    // WB.2 Feb: 0.5 left of the yearly 2: 1 of 2 counted
    let o = out(ymonth(&y, 2), "e2");
    assert_eq!(o.points, d("0.5"));
    assert_eq!(o.counted_occurrences, 1);
    assert_eq!(o.reason, Some(Reason::YearCap));
    assert_eq!(bonus(ymonth(&y, 2), "W"), d("0.5"));
}

#[test]
fn e12_wb_2_without_evidence_not_counted() {
    let r = month(
        &hall(json!([
            rec("noev", "WB.2", "W", "2026-10-05", json!({})),
            rec(
                "ev",
                "WB.2",
                "W",
                "2026-10-06",
                json!({"evidence": "照片-001"})
            ),
        ])),
        "2026-10",
    );
    // E12: without evidence: kept, not counted, reason no evidence
    let o = out(&r, "noev");
    assert_eq!(o.outcome, OutcomeKind::NotCounted);
    assert_eq!(o.reason, Some(Reason::NoEvidence));
    assert_eq!(o.points, d("0"));
    // WB.2 with evidence: +0.5; bonus 0.5
    assert_eq!(out(&r, "ev").points, d("0.5"));
    assert_eq!(bonus(&r, "W"), d("0.5"));
}

#[test]
fn wb_3_banners_monthly_and_yearly_caps() {
    let y = year(&hall(json!([
        rec("j", "WB.3", "W", "2026-01-10", json!({"count": 5})),
        rec("f", "WB.3", "W", "2026-02-10", json!({"count": 5})),
        rec("m", "WB.3", "W", "2026-03-10", json!({})),
    ])));
    let jan = out(ymonth(&y, 1), "j");
    // WB.3 Jan: 5 × 0.5 = 2.5 → monthly cap 2: 4 of 5 counted
    assert_eq!(jan.points, d("2"));
    assert_eq!(jan.counted_occurrences, 4);
    assert_eq!(jan.reason, Some(Reason::MonthCap));
    assert_eq!(bonus(ymonth(&y, 1), "W"), d("2"));
    // WB.3 Feb: again 2 (year 2 + 2 = 4 = yearly cap)
    assert_eq!(bonus(ymonth(&y, 2), "W"), d("2"));
    // WB.3 Mar: yearly 4 used → not counted: yearly cap
    assert_eq!(out(ymonth(&y, 3), "m").reason, Some(Reason::YearCap));
    assert_eq!(out(ymonth(&y, 3), "m").outcome, OutcomeKind::NotCounted);
    assert_eq!(bonus(ymonth(&y, 3), "W"), d("0"));
}

#[test]
fn e6_monthly_cap_across_two_records_of_a_month() {
    let r = month(
        &hall(json!([
            rec("a", "WB.3", "W", "2026-10-03", json!({"count": 3})),
            rec("b", "WB.3", "W", "2026-10-09", json!({"count": 3})),
        ])),
        "2026-10",
    );
    // WB.3: a (3 Oct) 3 × 0.5 = 1.5, fully counted
    assert_eq!(out(&r, "a").points, d("1.5"));
    assert_eq!(out(&r, "a").outcome, OutcomeKind::Counted);
    // E6: b (9 Oct): 2 − 1.5 = 0.5 left → 1 of 3 counted, monthly cap
    let b = out(&r, "b");
    assert_eq!(b.points, d("0.5"));
    assert_eq!(b.counted_occurrences, 1);
    assert_eq!(b.reason, Some(Reason::MonthCap));
    assert!(b.detail.contains("1 of 3 counted"), "{}", b.detail);
    // bonus 2
    assert_eq!(bonus(&r, "W"), d("2"));
}

/// E4 for a window item: the same reform publicised by a city medium in March and a national one in June.
#[test]
fn e4_wb_5_top_up_across_months() {
    let y = year(&hall(json!([
        rec(
            "m",
            "WB.5",
            "W",
            "2026-03-05",
            json!({"level": "city", "key": "R"})
        ),
        rec(
            "j",
            "WB.5",
            "W",
            "2026-06-05",
            json!({"level": "national", "key": "R"})
        ),
        rec(
            "a",
            "WB.5",
            "W",
            "2026-08-05",
            json!({"level": "province", "key": "R"})
        ),
    ])));
    // E4 March: city +1
    assert_eq!(bonus(ymonth(&y, 3), "W"), d("1"));
    // E4 June: national 3 − 1 already counted = +2
    assert_eq!(bonus(ymonth(&y, 6), "W"), d("2"));
    // E4 August: province 2 ≤ 3 already counted → 0, already counted
    assert_eq!(bonus(ymonth(&y, 8), "W"), d("0"));
    assert_eq!(out(ymonth(&y, 8), "a").reason, Some(Reason::AlreadyCounted));
}

#[test]
fn wb_4_monthly_cases_tiers() {
    for (cases, expected) in [(1999, "0"), (2000, "0.3"), (2999, "0.3"), (3000, "0.5")] {
        let ds = hall_metrics(
            json!([]),
            json!([{"window": "W", "month": "2026-10", "cases": cases}]),
            json!({}),
        );
        let r = month(&ds, "2026-10");
        // WB.4: 2000+ → 0.3, 3000+ → 0.5 (highest tier only, not 0.8); 1999 → 0
        assert_eq!(bonus(&r, "W"), d(expected), "cases {cases}");
    }
}

#[test]
fn wb_5_reform_publicity_levels_and_same_reform() {
    let r = month(
        &hall(json!([
            rec(
                "n",
                "WB.5",
                "W",
                "2026-10-03",
                json!({"level": "national", "key": "R1"})
            ),
            rec(
                "p",
                "WB.5",
                "W",
                "2026-10-04",
                json!({"level": "province", "key": "R2"})
            ),
            rec(
                "c",
                "WB.5",
                "W",
                "2026-10-05",
                json!({"level": "city", "key": "R3"})
            ),
            rec(
                "c1",
                "WB.5",
                "W",
                "2026-10-06",
                json!({"level": "city", "key": "R1"})
            ),
        ])),
        "2026-10",
    );
    // WB.5 national +3 (R1; its city record is not counted), province +2, city +1: 3 + 2 + 1 = 6
    assert_eq!(bonus(&r, "W"), d("6"));
    // C4: same reform R1 at city level: highest only
    assert_eq!(out(&r, "c1").reason, Some(Reason::NotHighestOfKey));
    assert_eq!(total(&r, "W"), d("106"));
}

// ------------------------------------------------------------------ worked example 2

#[test]
fn worked_example_2_s5_2_and_w6_1_over_a_year() {
    let mut v = base();
    v["windows"] =
        json!([{"id": "M", "name": "窗口M", "department": "D", "heads": [{"staff": "P"}]}]);
    v["staff"] = json!([
        {"id": "P", "name": "P", "assignments": [{"window": "M"}]},
        {"id": "Q", "name": "Q", "assignments": [{"window": "M"}]}
    ]);
    v["records"] = json!([
        rec("p1", "S5.1", "P", "2026-01-08", json!({"points": 2})),
        rec("q1", "S5.1", "Q", "2026-01-20", json!({"points": 3})),
        rec("p2", "S5.1", "P", "2026-04-02", json!({"points": 2})),
        rec("q2", "S5.1", "Q", "2026-06-03", json!({"points": 2})),
        rec("p3", "S5.1", "P", "2026-06-09", json!({"points": 4})),
    ]);
    let y = year(&dataset(v));
    let w6 = |m| score(ymonth(&y, m), "M", "W6");
    let tot = |m| total(ymonth(&y, m), "M");
    // W6 January: 20 − 2 − 3 = 15, total 95
    assert_eq!(w6(1), d("15"));
    assert_eq!(tot(1), d("95"));
    // February, March: 100
    assert_eq!(tot(2), d("100"));
    assert_eq!(tot(3), d("100"));
    // April: 20 − 2 = 18, total 98
    assert_eq!(w6(4), d("18"));
    assert_eq!(tot(4), d("98"));
    // May: 20, total 100
    assert_eq!(w6(5), d("20"));
    assert_eq!(tot(5), d("100"));
    // June: the window's year count reaches 2 + 1 + 2 = 5 → W6 = 0 from June to December, total 80
    for m in 6..=12 {
        assert_eq!(w6(m), d("0"), "month {m}");
        assert_eq!(tot(m), d("80"), "month {m}");
    }
    // quarters keep the months as scored: Q1 = (95 + 100 + 100) / 3 = 98.33; Q2 = (98 + 100 + 80) / 3 = 92.67
    assert_eq!(round2((tot(1) + tot(2) + tot(3)) / d("3")), d("98.33"));
    assert_eq!(round2((tot(4) + tot(5) + tot(6)) / d("3")), d("92.67"));
    // the year counts W6 as 0 in every month: the June result says so for W6 …
    assert!(
        subj(ymonth(&y, 6), "M")
            .flags
            .iter()
            .any(|f| f.code == "category_zeroed_for_year" && f.category.as_deref() == Some("W6"))
    );
    // … so the annual score is the mean of (total − W6 as scored) = 80 for every month → 80
    let annual: Decimal = (1..=12).map(|m| tot(m) - w6(m)).sum::<Decimal>() / d("12");
    assert_eq!(round2(annual), d("80"));
    // Staff in June: P has a third complaint of the year → S5 = 0 with the reassignment flag
    let jun = ymonth(&y, 6);
    assert_eq!(score(jun, "P", "S5"), d("0"));
    assert!(subj(jun, "P").has_flag("recommend_reassignment"));
    // Q has a second (one in June): S5 = 20 − 2 = 18, no flag
    assert_eq!(score(jun, "Q", "S5"), d("18"));
    assert!(!subj(jun, "Q").has_flag("recommend_reassignment"));
    // April: P's second complaint of the year, one in the month: S5 = 20 − 2 = 18, no flag
    assert_eq!(score(ymonth(&y, 4), "P", "S5"), d("18"));
    assert!(!subj(ymonth(&y, 4), "P").has_flag("recommend_reassignment"));
}

// ------------------------------------------------------------------ C9 / C10

#[test]
fn c9_year_to_date_only_counts_up_to_the_month_scored() {
    let ds = hall(json!([
        rec("j", "SB.1", "P", "2026-01-10", json!({"count": 2})),
        rec("f", "SB.1", "P", "2026-02-10", json!({"count": 4})),
    ]));
    let jan = month(&ds, "2026-01");
    // C9: January alone: 2 × 0.5 = 1 (later records do not matter)
    assert_eq!(bonus(&jan, "P"), d("1"));
    // C9: January's result lists only January's records
    assert_eq!(jan.records.len(), 1);
    let feb = month(&ds, "2026-02");
    // C9: February: 2 − 1 = 1 left → 2 of 4 counted (1 point)
    assert_eq!(bonus(&feb, "P"), d("1"));
    assert_eq!(out(&feb, "f").counted_occurrences, 2);
    assert_eq!(out(&feb, "f").reason, Some(Reason::YearCap));
}

#[test]
fn c10_pending_and_revoked_are_kept_not_counted() {
    let r = month(
        &hall(json!([
            rec(
                "pend",
                "S1.2",
                "P",
                "2026-10-03",
                json!({"status": "pending"})
            ),
            rec(
                "rev",
                "S2.1",
                "P",
                "2026-10-04",
                json!({"status": "revoked"})
            ),
            rec("ok", "S1.1", "P", "2026-10-05", json!({})),
            rec(
                "wrev",
                "W1.2",
                "W",
                "2026-10-06",
                json!({"status": "revoked"})
            ),
        ])),
        "2026-10",
    );
    // C10: only the confirmed S1.1 (−1) counts: S1 = 19, S2 = 20
    assert_eq!(score(&r, "P", "S1"), d("19"));
    assert_eq!(score(&r, "P", "S2"), d("20"));
    // C10: the revoked window record does not count: W1 = 15
    assert_eq!(score(&r, "W", "W1"), d("15"));
    // C10: every input record appears in the result
    assert_eq!(r.records.len(), 4);
    // C10: pending → not counted, reason pending
    assert_eq!(out(&r, "pend").outcome, OutcomeKind::NotCounted);
    assert_eq!(out(&r, "pend").reason, Some(Reason::Pending));
    assert_eq!(out(&r, "pend").points, d("0"));
    // C10: revoked → not counted, reason revoked
    assert_eq!(out(&r, "rev").outcome, OutcomeKind::NotCounted);
    assert_eq!(out(&r, "rev").reason, Some(Reason::Revoked));
    assert_eq!(out(&r, "wrev").reason, Some(Reason::Revoked));
    // the confirmed one: counted, 1 point
    assert_eq!(out(&r, "ok").outcome, OutcomeKind::Counted);
}

#[test]
fn c10_pending_criticism_has_no_effect() {
    let r = one_record("S5.3", json!({"level": "province", "status": "pending"}));
    // C10: a pending S5.3 takes nothing: S5 = 20, W6 = 20
    assert_eq!(score(&r, "P", "S5"), d("20"));
    assert_eq!(score(&r, "W", "W6"), d("20"));
    // C10: and costs no eligibility, neither the member's nor the window's
    assert!(!subj(&r, "P").has_flag("disqualified"));
    assert!(!subj(&r, "W").has_flag("disqualified"));
    assert_eq!(out(&r, "r1").reason, Some(Reason::Pending));
}

#[test]
fn c10_pending_complaint_does_not_feed_s5_2_or_w6_1() {
    let r = month(
        &hall(json!([
            rec("c1", "S5.1", "P", "2026-10-05", json!({"points": 2})),
            rec(
                "c2",
                "S5.1",
                "P",
                "2026-10-20",
                json!({"points": 3, "status": "pending"})
            ),
        ])),
        "2026-10",
    );
    // C10: one counted complaint → S5.2 not met: S5 = 20 − 2 = 18, no flag
    assert_eq!(score(&r, "P", "S5"), d("18"));
    assert!(!subj(&r, "P").has_flag("recommend_reassignment"));
    // W6.1: 20 − 2 = 18
    assert_eq!(score(&r, "W", "W6"), d("18"));
    assert_eq!(out(&r, "c2").reason, Some(Reason::Pending));
}

// ------------------------------------------------------------------ validation (C7, E3, E9, …)

#[test]
fn c7_points_outside_range_named_with_path_record_and_rule() {
    let ps = problems(&hall(json!([
        rec("ok", "S1.1", "P", "2026-10-01", json!({})),
        rec("bad", "S5.1", "P", "2026-10-02", json!({"points": 6})),
    ])));
    // C7: S5.1 6 is outside 2–5 → error at records[1].points naming record and rule
    let p = at(&ps, "records[1].points");
    assert_eq!(p.record.as_deref(), Some("bad"));
    assert_eq!(p.rule.as_deref(), Some("S5.1"));
    assert_eq!(p.kind, ProblemKind::Invalid);
    assert!(p.message.contains('6'), "{}", p.message);
    // only that one problem
    assert_eq!(ps.len(), 1, "{ps:#?}");
}

#[test]
fn c7_points_below_range_and_missing() {
    let ps = problems(&hall(json!([
        rec("low", "S2.3", "P", "2026-10-02", json!({"points": "2.99"})),
        rec("none", "W4.1", "W", "2026-10-03", json!({})),
    ])));
    // C7: S2.3 2.99 below 3 → records[0].points
    let p = at(&ps, "records[0].points");
    assert_eq!(p.record.as_deref(), Some("low"));
    assert_eq!(p.rule.as_deref(), Some("S2.3"));
    // C7: W4.1 without points → records[1].points
    let p = at(&ps, "records[1].points");
    assert_eq!(p.record.as_deref(), Some("none"));
    assert_eq!(p.rule.as_deref(), Some("W4.1"));
    assert!(p.message.contains("missing"), "{}", p.message);
}

#[test]
fn unknown_rule_code_rejected() {
    let ps = problems(&hall(json!([rec(
        "x",
        "S9.9",
        "P",
        "2026-10-02",
        json!({})
    )])));
    // the code S9.9 is not in the measure
    let p = at(&ps, "records[0].rule");
    assert_eq!(p.kind, ProblemKind::UnknownReference);
    assert_eq!(p.record.as_deref(), Some("x"));
    assert!(p.message.contains("S9.9"), "{}", p.message);
}

#[test]
fn staff_rule_on_a_window_id_rejected() {
    let ps = problems(&hall(json!([
        rec("sw", "S1.2", "W", "2026-10-02", json!({})),
        rec("ws", "W1.2", "P", "2026-10-03", json!({})),
    ])));
    // S1.2 is a staff item; W is a window
    let p = at(&ps, "records[0].subject");
    assert_eq!(p.record.as_deref(), Some("sw"));
    assert_eq!(p.rule.as_deref(), Some("S1.2"));
    assert!(p.message.contains("window"), "{}", p.message);
    // W1.2 is a window item; P is a staff member
    let p = at(&ps, "records[1].subject");
    assert_eq!(p.record.as_deref(), Some("ws"));
    assert!(p.message.contains("staff"), "{}", p.message);
}

#[test]
fn e3_derived_items_cannot_be_recorded() {
    // (code, subject, what it is derived from — a word the message must name)
    let cases = [
        ("S5.2", "P", "S5.1"),
        ("SB.3", "P", "cases"),
        ("W1.1", "W", "head"),
        ("W2", "W", "S1"),
        ("W3", "W", "S2"),
        ("W5.1", "W", "online"),
        ("W6.1", "W", "S5.1"),
        ("W6.2", "W", "S5.3"),
        ("WB.4", "W", "cases"),
    ];
    let records: Vec<Value> = cases
        .iter()
        .enumerate()
        .map(|(i, (c, s, _))| rec(&format!("d{i}"), c, s, "2026-10-02", json!({})))
        .collect();
    let ps = problems(&hall(Value::Array(records)));
    for (i, (code, _, from)) in cases.iter().enumerate() {
        // E3: a record naming a derived item is an error naming what the item is derived from
        let p = at(&ps, &format!("records[{i}].rule"));
        assert_eq!(p.rule.as_deref(), Some(*code));
        assert_eq!(p.record.as_deref(), Some(format!("d{i}").as_str()));
        assert!(p.message.contains("derived"), "{code}: {}", p.message);
        assert!(
            p.message.contains(from),
            "{code} should name {from}: {}",
            p.message
        );
    }
}

#[test]
fn e3_level_not_listed_rejected() {
    let ps = problems(&hall(json!([
        rec(
            "a",
            "SB.2",
            "P",
            "2026-10-02",
            json!({"level": "county", "key": "A"})
        ),
        rec(
            "b",
            "WB.5",
            "W",
            "2026-10-02",
            json!({"level": "county", "key": "R"})
        ),
        rec("c", "S5.3", "P", "2026-10-02", json!({})),
    ])));
    // E3: SB.2 lists city/province/national only
    let p = at(&ps, "records[0].level");
    assert_eq!(p.record.as_deref(), Some("a"));
    assert_eq!(p.rule.as_deref(), Some("SB.2"));
    assert!(p.message.contains("county"), "{}", p.message);
    // E3: WB.5 likewise
    let p = at(&ps, "records[1].level");
    assert_eq!(p.rule.as_deref(), Some("WB.5"));
    // S5.3 needs a level
    let p = at(&ps, "records[2].level");
    assert_eq!(p.record.as_deref(), Some("c"));
}

#[test]
fn e4_keyed_record_has_count_1() {
    let ps = problems(&hall(json!([rec(
        "k",
        "SB.2",
        "P",
        "2026-10-02",
        json!({"level": "city", "key": "A", "count": 2})
    )])));
    // E4: a keyed record has count 1
    let p = at(&ps, "records[0].count");
    assert_eq!(p.record.as_deref(), Some("k"));
}

#[test]
fn e9_staff_record_on_a_day_without_assignment() {
    let mut v = hall_json(json!([rec("late", "S1.1", "P", "2026-02-10", json!({}))]));
    v["staff"][0]["assignments"] = json!([{"window": "W", "from": "2026-03-01"}]);
    let ps = problems(&dataset(v));
    // E9: P has no assignment on 10 Feb: the window to charge is unknown → error
    let p = at(&ps, "records[0].date");
    assert_eq!(p.record.as_deref(), Some("late"));
    assert_eq!(p.rule.as_deref(), Some("S1.1"));
    assert!(p.message.contains("assign"), "{}", p.message);
}

#[test]
fn duplicate_record_ids_rejected() {
    let ps = problems(&hall(json!([
        rec("r1", "S1.1", "P", "2026-10-02", json!({})),
        rec("r1", "S1.2", "P", "2026-10-03", json!({})),
    ])));
    // record ids are unique: the second r1 is named
    let p = at(&ps, "records[1].id");
    assert_eq!(p.kind, ProblemKind::Duplicate);
    assert_eq!(p.record.as_deref(), Some("r1"));
}

#[test]
fn an_id_given_three_times_is_named_at_each_later_place() {
    let ps = problems(&hall(json!([
        rec("r1", "S1.1", "P", "2026-10-02", json!({})),
        rec("r2", "S1.1", "P", "2026-10-02", json!({})),
        rec("r1", "S1.2", "P", "2026-10-03", json!({})),
        rec("r1", "S1.2", "P", "2026-10-04", json!({})),
    ])));
    // record ids are unique: records[2] and records[3] repeat r1, and each names the place of
    // the r1 just before it (0, then 2); r2 at records[1] is no problem
    let dups: Vec<(&str, &str)> = ps.iter().filter(|p| p.kind == ProblemKind::Duplicate).map(|p| (p.path.as_str(), p.record.as_deref().unwrap_or(""))).collect();
    assert_eq!(dups, [("records[2].id", "r1"), ("records[3].id", "r1")]);
    let en = |path: &str| at(&ps, path).message_in(kaoping_core::messages::Lang::En);
    assert!(en("records[2].id").ends_with("is also used by records[0]"), "{}", en("records[2].id"));
    assert!(en("records[3].id").ends_with("is also used by records[2]"), "{}", en("records[3].id"));
}

#[test]
fn count_zero_rejected() {
    let ps = problems(&hall(json!([rec(
        "z",
        "S1.1",
        "P",
        "2026-10-02",
        json!({"count": 0})
    )])));
    // C8: count at least 1
    let p = at(&ps, "records[0].count");
    assert_eq!(p.record.as_deref(), Some("z"));
    assert_eq!(p.kind, ProblemKind::Invalid);
}

#[test]
fn date_outside_the_year_rejected() {
    let ps = problems(&hall(json!([rec(
        "old",
        "S1.1",
        "P",
        "2025-12-31",
        json!({})
    )])));
    // C9: the dataset is 2026; 2025-12-31 is outside
    let p = at(&ps, "records[0].date");
    assert_eq!(p.record.as_deref(), Some("old"));
    assert!(p.message.contains("2025-12-31"), "{}", p.message);
}

#[test]
fn overlapping_assignments_rejected() {
    let mut v = hall_json(json!([]));
    v["windows"] = json!([
        {"id": "W", "name": "窗口", "department": "D", "heads": [{"staff": "P"}]},
        {"id": "V", "name": "窗口二", "department": "D", "heads": [{"staff": "P"}]}
    ]);
    v["staff"][0]["assignments"] =
        json!([{"window": "W", "to": "2026-06-30"}, {"window": "V", "from": "2026-06-15"}]);
    let ps = problems(&dataset(v));
    // 15–30 June in both W and V
    let p = at(&ps, "staff[0].assignments[1]");
    assert!(p.message.contains("overlap"), "{}", p.message);
}

#[test]
fn all_errors_of_a_bad_dataset_are_reported_at_once() {
    let mut v = hall_json(json!([
        rec("a", "S5.1", "P", "2026-10-02", json!({"points": 6})),
        rec("b", "S9.9", "P", "2026-10-02", json!({})),
        rec("c", "S1.2", "W", "2026-10-02", json!({})),
        rec("d", "W2", "W", "2026-10-02", json!({})),
        rec("e", "SB.2", "P", "2026-10-02", json!({"level": "county"})),
        rec("f", "S1.1", "P", "2026-01-05", json!({})),
        rec("a", "S1.1", "P", "2026-10-03", json!({})),
        rec("h", "S1.1", "P", "2026-10-04", json!({"count": 0})),
        rec("i", "S1.1", "P", "2027-01-04", json!({})),
    ]));
    v["windows"] = json!([
        {"id": "W", "name": "窗口", "department": "D", "heads": [{"staff": "P"}]},
        {"id": "V", "name": "窗口二", "department": "D", "heads": [{"staff": "P"}]}
    ]);
    // P from 1 February (so 5 January has no assignment, E9), and two overlapping assignments
    v["staff"][0]["assignments"] = json!([{"window": "W", "from": "2026-02-01", "to": "2026-11-30"}, {"window": "V", "from": "2026-11-01"}]);
    let ds = dataset(v);
    let ps = problems(&ds);
    let expected = [
        ("records[0].points", Some("a")),  // C7
        ("records[1].rule", Some("b")),    // unknown code
        ("records[2].subject", Some("c")), // staff rule on a window
        ("records[3].rule", Some("d")),    // E3 derived
        ("records[4].level", Some("e")),   // E3 level
        ("records[5].date", Some("f")),    // E9
        ("records[6].id", Some("a")),      // duplicate id
        ("records[7].count", Some("h")),   // count 0
        ("records[8].date", Some("i")),    // outside the year
        ("staff[0].assignments[1]", None), // overlap
    ];
    // every problem reported at once: 10 expected
    for (path, record) in expected {
        let p = at(&ps, path);
        if let Some(r) = record {
            assert_eq!(p.record.as_deref(), Some(r), "{path}");
        }
    }
    assert_eq!(ps.len(), expected.len(), "{ps:#?}");
    // evaluate_month rejects it the same way, with the same problems
    let err = Policy::builtin()
        .evaluate_month(&ds, ym("2026-10"))
        .expect_err("rejected");
    assert_eq!(err.document, "dataset");
    assert_eq!(err.problems.len(), expected.len());
}
