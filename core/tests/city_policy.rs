//! A third, invented measure (`examples/policies/city.json`, ZZ市) run through the same engine:
//! citizen ratings (V17), weighted roll-ups with outside inputs (V9), partial periods (V16), a
//! monthly award with a fixed count (V6), eligibility lost to the end of the year (V7), the tie
//! at the quota line left for the centre (P9), a quota on 优秀 and 不定等次 (V8).
//!
//! Every expectation is computed by hand from the policy text, with the arithmetic beside it.
//! Year 2026. Staff are on window W01 all year unless a test says otherwise.

use kaoping_core::period::AwardStatus;
use kaoping_core::{Dataset, Policy};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::str::FromStr;

const POLICY_JSON: &str = include_str!("../../examples/policies/city.json");

fn policy() -> Policy {
    Policy::from_json(POLICY_JSON).unwrap_or_else(|e| panic!("city policy must load: {e}"))
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn member(id: &str) -> Value {
    json!({"id": id, "name": format!("工作人员{id}"), "assignments": [{"window": "W01"}]})
}

fn dataset(windows: &[&str], staff: Vec<Value>, records: Value, metrics: Value, inputs: Value) -> Dataset {
    let windows: Vec<Value> = windows.iter().map(|w| json!({"id": w, "name": w, "department": "D1"})).collect();
    let doc = json!({
        "hall": {"id": "ZZ", "name": "ZZ市政务服务中心"}, "year": 2026,
        "departments": [{"id": "D1", "name": "市场监管局"}],
        "windows": windows, "staff": staff, "records": records, "metrics": metrics, "inputs": inputs,
    });
    Dataset::from_json(&doc.to_string()).unwrap_or_else(|e| panic!("test dataset must parse: {e}"))
}

fn five_staff() -> Vec<Value> {
    ["S01", "S02", "S03", "S04", "S05"].iter().map(|s| member(s)).collect()
}

#[test]
fn v17_ratings_mean_rate_and_veto() {
    let ds = dataset(
        &["W01", "W02", "W03"],
        vec![],
        json!([]),
        json!([
            {"window": "W01", "month": "2026-03", "cases": 10, "ratings": {"very_satisfied": 2, "satisfied": 1, "very_dissatisfied": 1}},
            {"window": "W02", "month": "2026-03", "cases": 5},
            {"window": "W03", "month": "2026-03", "cases": 4, "ratings": {"satisfied": 3, "basically_satisfied": 1}}
        ]),
        json!([]),
    );
    let m = policy().evaluate_month(&ds, "2026-03".parse().unwrap()).unwrap();
    let w1 = m.subject("W01").unwrap();
    // V17: (2×30 + 1×24 + 1×0) / 4 = 84 / 4 = 21; rate 4 / 10 = 40% < 50% → −5: W2 = 16
    assert_eq!(w1.category("W2").unwrap().score(), d("16"));
    // 70 + 16 = 86, but one 非常不满意 is a veto: 不合格
    assert_eq!(w1.total(), d("86"));
    assert_eq!(w1.grade(), "不合格");
    assert!(w1.flags().iter().any(|f| f.code == "very_dissatisfied_rating"));
    let line = &w1.category("W2").unwrap().lines();
    assert!(line.iter().any(|l| l.detail.contains("84") || l.detail.contains("2×30")), "{line:?}");
    // no ratings: the stated 30, but 0 ratings of 5 cases is a rate of 0% < 50% → −5:
    // W2 = 30 − 5 = 25; 70 + 25 = 95
    let w2 = m.subject("W02").unwrap();
    assert_eq!(w2.category("W2").unwrap().score(), d("25"));
    assert_eq!(w2.total(), d("95"));
    // (3×24 + 1×18) / 4 = 90 / 4 = 22.5; rate 4 / 4 = 100%: 70 + 22.5 = 92.5, 优秀
    let w3 = m.subject("W03").unwrap();
    assert_eq!(w3.category("W2").unwrap().score(), d("22.5"));
    assert_eq!(w3.total(), d("92.5"));
    assert_eq!(w3.grade(), "优秀");
}

/// March: S02 late once (−1), S03 and S04 each a poor attitude (−2), S05 late ×3 (−3).
fn march_records() -> Value {
    json!([
        {"id": "R1", "rule": "S1.1", "subject": "S02", "date": "2026-03-03"},
        {"id": "R2", "rule": "S2.1", "subject": "S03", "date": "2026-03-04"},
        {"id": "R3", "rule": "S2.1", "subject": "S04", "date": "2026-03-05"},
        {"id": "R4", "rule": "S1.1", "subject": "S05", "date": "2026-03-06", "count": 3}
    ])
}

#[test]
fn v6_monthly_top_3_with_the_tie_at_the_line_left_for_the_centre() {
    let ds = dataset(&["W01"], five_staff(), march_records(), json!([]), json!([]));
    let y = policy().evaluate_hall_year(&ds).unwrap();
    assert_eq!(y.months.len(), 12, "monthly awards: each month as a period");
    let march = &y.months[2];
    let a = march.award("monthly_star", kaoping_core::policy::SubjectKind::Staff).unwrap();
    // count 3; S01 100, S02 99, then S03 and S04 at 98 with equal deductions (2), complaints (0)
    // and bonus (0) for the 1 place left: the centre decides
    assert_eq!(a.quota, 3);
    assert_eq!(a.awarded, vec!["S01", "S02"]);
    assert_eq!(a.tied_at_line, vec!["S03", "S04"]);
    assert_eq!(a.to_decide, Some(1));
}

#[test]
fn v7_a_30_minute_late_arrival_removes_eligibility_to_the_end_of_the_year() {
    let records = json!([{"id": "R1", "rule": "S1.1", "subject": "S01", "date": "2026-04-10", "minutes": 40}]);
    let ds = dataset(&["W01"], five_staff(), records, json!([]), json!([]));
    let y = policy().evaluate_hall_year(&ds).unwrap();
    let status = |p: &kaoping_core::period::PeriodResult| {
        let a = p.awards.iter().find(|a| a.award == "monthly_star" || a.award == "annual_star").unwrap();
        a.standings.iter().find(|s| s.subject == "S01").unwrap().status
    };
    // March: before the record, S01 is eligible (100, among the 5 tied at 100 for 3 places)
    assert_ne!(status(&y.months[2]), AwardStatus::NotEligible);
    // April (−5, the tier at 30 minutes or more) and every later month: not eligible
    for m in 3..12 {
        assert_eq!(status(&y.months[m]), AwardStatus::NotEligible, "month {}", m + 1);
    }
    assert_eq!(status(&y.annual), AwardStatus::NotEligible);
    // a quarter after April (Q3) also lists the loss
    assert!(!y.quarters[2].subject("S01").unwrap().disqualifications.is_empty());
    assert!(y.quarters[0].subject("S01").unwrap().disqualifications.is_empty());
}

#[test]
fn v9_v8_v16_annual_roll_up_quota_on_excellent_and_no_grade() {
    let mut staff = five_staff();
    // S06 in post from September: 4 months
    staff.push(json!({"id": "S06", "name": "S06", "assignments": [{"window": "W01", "from": "2026-09-01"}]}));
    let inputs = json!([
        {"subject": "S01", "period": "2026", "name": "annual_appraisal", "value": "80"},
        {"subject": "S02", "period": "2026", "name": "annual_appraisal", "value": "95"},
        {"subject": "S03", "period": "2026", "name": "annual_appraisal", "value": "90"},
        {"subject": "S04", "period": "2026", "name": "annual_appraisal", "value": "90"},
        {"subject": "S05", "period": "2026", "name": "annual_appraisal", "value": "100"},
        {"subject": "S01", "period": "2026", "name": "votes", "value": "100"},
        {"subject": "S02", "period": "2026", "name": "votes", "value": "60"}
    ]);
    let ds = dataset(&["W01"], staff, march_records(), json!([]), inputs);
    let y = policy().evaluate_hall_year(&ds).unwrap();
    let s = |id: &str| y.annual.subject(id).unwrap();
    // V9: 0.8 × (Σ monthly / 12) + 0.2 × appraisal
    // S01: 0.8 × 1200/12 + 0.2 × 80 = 80 + 16 = 96
    assert_eq!(s("S01").score, d("96"));
    // S02: 0.8 × 1199/12 + 0.2 × 95 = 79.9333… + 19 = 98.9333… → 98.93
    assert_eq!(s("S02").score, d("98.93"));
    // S03, S04: 0.8 × 1198/12 + 0.2 × 90 = 79.8666… + 18 = 97.8666… → 97.87
    assert_eq!(s("S03").score, d("97.87"));
    assert_eq!(s("S04").score, d("97.87"));
    // S05: 0.8 × 1197/12 + 0.2 × 100 = 79.8 + 20 = 99.8
    assert_eq!(s("S05").score, d("99.8"));
    // S06: 4 months at 100, no appraisal (0): 0.8 × 400/4 + 0 = 80; in post 4 < 6 months: 不定等次
    assert_eq!(s("S06").score, d("80"));
    assert_eq!(s("S06").grade, "不定等次");
    // V8: all five graded score 90 or more; 优秀 at most 0.20 × 5 graded = 1: S05 (99.8) keeps
    // it, the other four get 良好
    assert_eq!(s("S05").grade, "优秀");
    for id in ["S01", "S02", "S03", "S04"] {
        assert_eq!(s(id).grade, "良好", "{id}");
        assert!(s(id).grade_detail.is_some());
    }
    // V9 award score: 0.5 × period score + 0.5 × votes (0 when not given)
    // S01: 0.5 × 96 + 0.5 × 100 = 98; S02: 0.5 × 98.93 + 0.5 × 60 = 79.465 → 79.47;
    // S05: 0.5 × 99.8 + 0 = 49.9; S06 is not eligible (4 of 12 months)
    let a = y.annual.award("annual_star", kaoping_core::policy::SubjectKind::Staff).unwrap();
    assert_eq!(a.awarded, vec!["S01"]);
    let st = |id: &str| a.standings.iter().find(|x| x.subject == id).unwrap();
    assert_eq!(st("S01").score, d("98"));
    assert_eq!(st("S02").score, d("79.47"));
    assert_eq!(st("S05").score, d("49.9"));
    assert_eq!(st("S06").status, AwardStatus::NotEligible);
}

#[test]
fn v16_pro_rated_mean_when_the_policy_says_so() {
    let mut p: Value = serde_json::from_str(POLICY_JSON).unwrap();
    p["periods"]["mean_over"] = json!("period_months");
    p["periods"]["roll_ups"] = json!([]);
    let policy = Policy::from_json(&p.to_string()).unwrap();
    let staff = vec![member("S01"), json!({"id": "S06", "name": "S06", "assignments": [{"window": "W01", "from": "2026-09-01"}]})];
    let ds = dataset(&["W01"], staff, json!([]), json!([]), json!([]));
    let y = policy.evaluate_hall_year(&ds).unwrap();
    // V16 pro-rated: 4 months at 100 over the year's 12: 400 / 12 = 33.333… → 33.33
    let s6 = y.annual.subject("S06").unwrap();
    assert_eq!(s6.score, d("33.33"));
    assert!(s6.score_detail.is_some());
    // in post all year: 1200 / 12 = 100
    assert_eq!(y.annual.subject("S01").unwrap().score, d("100"));
}

#[test]
fn the_aggravated_case_forces_the_grade() {
    let records = json!([{"id": "R1", "rule": "S1.2", "subject": "S01", "date": "2026-03-03", "aggravated": true}]);
    let ds = dataset(&["W01"], five_staff(), records, json!([]), json!([]));
    let m = policy().evaluate_month(&ds, "2026-03".parse().unwrap()).unwrap();
    let s = m.subject("S01").unwrap();
    // 100 − 10 = 90 would be 优秀; the aggravated case forces 不合格
    assert_eq!(s.total(), d("90"));
    assert_eq!(s.grade(), "不合格");
}

#[test]
fn every_variation_is_named_in_the_readme_with_its_field() {
    let readme = include_str!("../../examples/policies/README.md");
    let table = &readme[readme.find("city.json").expect("the README describes city.json")..];
    for v in 1..=17 {
        assert!(table.contains(&format!("| V{v} |")), "V{v} missing from the city table");
    }
    assert!(!table.contains("not used"), "no variation is left unused");
}

#[test]
fn the_new_settings_refuse_what_cannot_work() {
    // each mistake a policy author can make with the new settings is refused at its place
    let base: Value = serde_json::from_str(include_str!("../../examples/policies/city.json")).unwrap();
    let refused = |edit: &dyn Fn(&mut Value), place: &str| {
        let mut doc = base.clone();
        edit(&mut doc);
        let e = Policy::from_json(&doc.to_string()).expect_err(place);
        assert!(e.problems.iter().any(|p| p.path == place), "{place}: {e}");
    };
    // a grade quota on a grade that is not a band
    refused(&|d| d["grades"]["quota"]["grade"] = json!("卓越"), "grades.quota.grade");
    // a share over 1 (20% is written 0.20)
    refused(&|d| d["grades"]["quota"]["share"] = json!("20"), "grades.quota.share");
    // a roll-up of no parts
    refused(&|d| d["periods"]["roll_ups"][0]["parts"] = json!([]), "periods.roll_ups[0].parts");
    // ratings: negative points for a level, and a veto met every month
    refused(&|d| d["rules"][5]["params"]["points"]["satisfied"] = json!("-1"), "rules[5].params.points.satisfied");
    refused(&|d| d["rules"][5]["params"]["veto"]["at_least"] = json!(0), "rules[5].params.veto.at_least");
    // and the document as shipped is accepted
    Policy::from_json(&base.to_string()).expect("city.json");
}

/// The fixed-point engine gives the bytes of the one on rust_decimal (core/tests/fixed_points.rs)
/// for this measure's kinds too: ratings, roll-ups with outside inputs, monthly awards.
#[test]
fn the_same_results_with_every_point_on_rust_decimal() {
    let ratings = json!([
        {"window": "W01", "month": "2026-03", "cases": 10, "ratings": {"very_satisfied": 2, "satisfied": 1, "very_dissatisfied": 1}},
        {"window": "W03", "month": "2026-03", "cases": 4, "ratings": {"satisfied": 3, "basically_satisfied": 1}}
    ]);
    let inputs = json!([
        {"subject": "S01", "period": "2026", "name": "annual_appraisal", "value": "80.5"},
        {"subject": "S02", "period": "2026", "name": "votes", "value": "60"}
    ]);
    let ds = dataset(&["W01", "W02", "W03"], five_staff(), march_records(), ratings, inputs);
    let policy = policy();
    let c = policy.check(&ds).unwrap();
    for explain in [kaoping_core::Explain::Full, kaoping_core::Explain::Scores] {
        let fixed = serde_json::to_string(&c.evaluate_year(explain)).unwrap();
        assert!(fixed == serde_json::to_string(&c.evaluate_year_on_decimals(explain)).unwrap(), "{explain:?}");
    }
}

/// An award that composes its own score (V9) lists its standings in that score's order, then by
/// the tie-breakers (P9), not in the period's ranking: here the two orders differ.
#[test]
fn v9_an_awards_own_score_orders_its_standings_not_the_ranking() {
    let records = json!([
        {"id": "R1", "rule": "S2.1", "subject": "S03", "date": "2026-03-04"},
        {"id": "R2", "rule": "S1.1", "subject": "S04", "date": "2026-03-05"},
        {"id": "R3", "rule": "S1.1", "subject": "S05", "date": "2026-03-06", "count": 3}
    ]);
    let inputs = json!([
        {"subject": "S05", "period": "2026", "name": "votes", "value": "100"},
        {"subject": "S03", "period": "2026", "name": "votes", "value": "90.06"},
        {"subject": "S04", "period": "2026", "name": "votes", "value": "90"},
        {"subject": "S02", "period": "2026", "name": "votes", "value": "50"}
    ]);
    let ds = dataset(&["W01"], five_staff(), records, json!([]), inputs);
    let y = policy().evaluate_hall_year(&ds).unwrap();
    // V9 annual, no appraisal given (0): 0.8 × Σ monthly / 12
    // S01, S02: 0.8 × 1200/12 = 80; S04 (S1.1 −1): 0.8 × 1199/12 = 79.9333… → 79.93;
    // S03 (S2.1 −2): 0.8 × 1198/12 = 79.8666… → 79.87; S05 (S1.1 ×3, −3): 0.8 × 1197/12 = 79.8
    let ranked: Vec<&str> = y.annual.staff.iter().map(|s| s.subject.as_str()).collect();
    assert_eq!(ranked, ["S01", "S02", "S04", "S03", "S05"]);
    // the award's score, 0.5 × annual + 0.5 × votes (0 when not given), 2 places half away from 0:
    // S05: 39.9 + 50 = 89.9; S03: 39.935 + 45.03 = 84.965 → 84.97; S04: 39.965 + 45 = 84.965 →
    // 84.97; S02: 40 + 25 = 65; S01: 40 + 0 = 40.
    // S03 and S04 tie at 84.97: the first tie-breaker, fewer deductions, puts S04 (1 point)
    // before S03 (2 points), against their ids' order
    let a = y.annual.award("annual_star", kaoping_core::policy::SubjectKind::Staff).unwrap();
    let order: Vec<(&str, Decimal)> = a.standings.iter().map(|s| (s.subject.as_str(), s.score)).collect();
    assert_eq!(order, [("S05", d("89.9")), ("S04", d("84.97")), ("S03", d("84.97")), ("S02", d("65")), ("S01", d("40"))]);
    // one star (count 1): the first of the award's order, not the first ranked
    assert_eq!(a.awarded, vec!["S05"]);
}
