//! Quarters, years, rankings and awards (rules.md P1–P12), with hand-computed expectations.

use kaoping_core::period::{AwardStatus, Period, PeriodResult};
use kaoping_core::policy::SubjectKind;
use kaoping_core::{Dataset, Policy};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A hall of `n` windows W01…, each with one staff member S01… all year, a head, and metrics that trigger nothing.
fn hall(n: usize) -> Value {
    let windows: Vec<Value> = (1..=n)
        .map(|i| json!({"id": format!("W{i:02}"), "name": format!("窗口{i}"), "department": if i % 2 == 0 { "D2" } else { "D1" }, "heads": [{"staff": format!("S{i:02}")}]}))
        .collect();
    let staff: Vec<Value> = (1..=n).map(|i| json!({"id": format!("S{i:02}"), "name": format!("员工{i}"), "assignments": [{"window": format!("W{i:02}")}]})).collect();
    let mut metrics = Vec::new();
    for i in 1..=n {
        for m in 1..=12 {
            // 500 cases: below WB.4's 2000 and, for one member, above SB.3's 100 per staff → every staff member gets +0.3?
            // No: keep cases at 50 so SB.3 (≥ 100 per staff) never applies, and rates at 100 so W5.1 never deducts.
            metrics.push(json!({"window": format!("W{i:02}"), "month": format!("2026-{m:02}"), "cases": 50,
                "rates": {"online_full_process": "100", "online_available": "100", "one_network": "100"}}));
        }
    }
    json!({
        "hall": {"id": "H", "name": "测试大厅"}, "year": 2026,
        "departments": [{"id": "D1", "name": "一局"}, {"id": "D2", "name": "二局"}],
        "windows": windows, "staff": staff,
        "targets": {"online_full_process": "90", "online_available": "90", "one_network": "90"},
        "metrics": metrics, "records": []
    })
}

fn rec(v: &mut Value, id: &str, rule: &str, subject: &str, date: &str, extra: Value) {
    let mut r = json!({"id": id, "rule": rule, "subject": subject, "date": date});
    if let Value::Object(m) = extra {
        for (k, x) in m {
            r[k] = x;
        }
    }
    v["records"].as_array_mut().unwrap().push(r);
}

fn eval(v: &Value, period: &str) -> PeriodResult {
    let ds = Dataset::from_json(&v.to_string()).unwrap_or_else(|e| panic!("{e}"));
    Policy::builtin()
        .evaluate_period(&ds, period.parse::<Period>().unwrap())
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn periods_parse() {
    assert_eq!(
        "2026-Q3".parse::<Period>().unwrap(),
        Period::Quarter {
            year: 2026,
            quarter: 3
        }
    );
    assert_eq!("2026".parse::<Period>().unwrap(), Period::Year(2026));
    assert_eq!("2026-10".parse::<Period>().unwrap().months().len(), 1);
    assert_eq!(
        "2026-Q3"
            .parse::<Period>()
            .unwrap()
            .months()
            .iter()
            .map(|m| m.month)
            .collect::<Vec<_>>(),
        vec![7, 8, 9]
    );
    assert!("2026-Q5".parse::<Period>().is_err());
    assert!("26".parse::<Period>().is_err());
}

#[test]
fn quota_of_31_is_3_and_of_9_is_0() {
    // P4/P5: 10% of 31 = 3.1 → rounded down 3
    let r = eval(&hall(31), "2026-Q1");
    let a = r.award("model_window", SubjectKind::Window).unwrap();
    assert_eq!((a.participants, a.quota), (31, 3));
    let a = r.award("service_star", SubjectKind::Staff).unwrap();
    assert_eq!((a.participants, a.quota), (31, 3));
    // 10% of 9 = 0.9 → 0: nobody is awarded
    let r = eval(&hall(9), "2026-Q1");
    let a = r.award("model_window", SubjectKind::Window).unwrap();
    assert_eq!((a.participants, a.quota), (9, 0));
    assert!(a.awarded.is_empty());
    assert!(
        a.standings
            .iter()
            .all(|s| s.status == AwardStatus::QuotaFull)
    );
    // P6: 15% of 31 = 4.65 → 4 for the year
    let r = eval(&hall(31), "2026");
    assert_eq!(
        r.award("model_window", SubjectKind::Window).unwrap().quota,
        4
    );
}

#[test]
fn quarterly_mean_298_over_3_is_99_33() {
    let mut v = hall(1);
    // W1.3 −2 in September: totals 100, 100, 98 → (100 + 100 + 98) / 3 = 99.333… → 99.33 (C11)
    rec(&mut v, "r1", "W1.3", "W01", "2026-09-05", json!({}));
    let r = eval(&v, "2026-Q3");
    let w = r.subject("W01").unwrap();
    assert_eq!(w.months_evaluated, 3);
    assert_eq!(w.score, d("99.33"));
    // E8: deductions Σ (100 − base) = 2
    assert_eq!(w.deductions, d("2"));
}

#[test]
fn equal_scores_share_a_rank() {
    let mut v = hall(4);
    // Q1: W01 −2 once (W1.3): (98+100+100)/3 = 99.33; W02, W03 full 100; W04 −3 (W1.2): 97/… → 99
    rec(&mut v, "a", "W1.3", "W01", "2026-01-05", json!({}));
    rec(&mut v, "b", "W1.2", "W04", "2026-01-05", json!({}));
    let r = eval(&v, "2026-Q1");
    let ranks: Vec<(&str, u32)> = r
        .windows
        .iter()
        .map(|w| (w.subject.as_str(), w.rank))
        .collect();
    // P8: 100, 100, 99.33, 99 → ranks 1, 1, 3, 4
    assert_eq!(ranks, vec![("W02", 1), ("W03", 1), ("W01", 3), ("W04", 4)]);
    // department ranks: D1 = W01, W03 → W03 1, W01 2; D2 = W02, W04 → W02 1, W04 2
    let dr = |id: &str| r.subject(id).unwrap().department_rank;
    assert_eq!((dr("W03"), dr("W01"), dr("W02"), dr("W04")), (1, 2, 1, 2));
    // 1 2 2 4: three windows where two share second place
    let mut v = hall(4);
    rec(&mut v, "a", "W1.3", "W01", "2026-01-05", json!({}));
    rec(&mut v, "b", "W1.3", "W02", "2026-01-05", json!({}));
    rec(&mut v, "c", "W1.2", "W04", "2026-01-05", json!({}));
    let r = eval(&v, "2026-Q1");
    let ranks: Vec<u32> = r.windows.iter().map(|w| w.rank).collect();
    assert_eq!(ranks, vec![1, 2, 2, 4]);
}

#[test]
fn a_tie_at_the_quota_line_is_broken_by_fewer_deductions() {
    let mut v = hall(10);
    // quota: 10% of 10 windows = 1.
    // W01: W1.3 −2 and WB.5 province +2 in July → 100 in July; 100, 100 → 100.00, deductions 2.
    rec(&mut v, "a1", "W1.3", "W01", "2026-07-03", json!({}));
    rec(
        &mut v,
        "a2",
        "WB.5",
        "W01",
        "2026-07-04",
        json!({"level": "province", "key": "reform-1"}),
    );
    // W02: nothing → 100.00, deductions 0. Everyone else −2 once → 99.33.
    for i in 3..=10 {
        rec(
            &mut v,
            &format!("x{i}"),
            "W1.3",
            &format!("W{i:02}"),
            "2026-08-03",
            json!({}),
        );
    }
    let r = eval(&v, "2026-Q3");
    assert_eq!(r.subject("W01").unwrap().score, d("100"));
    assert_eq!(r.subject("W02").unwrap().score, d("100"));
    let a = r.award("model_window", SubjectKind::Window).unwrap();
    assert_eq!(a.quota, 1);
    // P9: equal scores, fewer deductions wins: W02 (0) over W01 (2)
    assert_eq!(a.awarded, vec!["W02".to_string()]);
    assert!(a.tied_at_line.is_empty());
    let w01 = a.standings.iter().find(|s| s.subject == "W01").unwrap();
    assert_eq!(w01.status, AwardStatus::QuotaFull);
}

#[test]
fn a_tie_that_survives_every_tie_breaker_awards_none_of_the_group() {
    let mut v = hall(10);
    // W01 and W02 both untouched: 100, no deductions, no complaints, no bonus; the others 99.33
    for i in 3..=10 {
        rec(
            &mut v,
            &format!("x{i}"),
            "W1.3",
            &format!("W{i:02}"),
            "2026-08-03",
            json!({}),
        );
    }
    let r = eval(&v, "2026-Q3");
    let a = r.award("model_window", SubjectKind::Window).unwrap();
    assert_eq!(a.quota, 1);
    assert!(a.awarded.is_empty());
    assert_eq!(a.tied_at_line, vec!["W01".to_string(), "W02".to_string()]);
    for s in a
        .standings
        .iter()
        .filter(|s| s.subject == "W01" || s.subject == "W02")
    {
        assert_eq!(s.status, AwardStatus::TieAtQuotaLine);
        assert!(
            s.detail.text().contains("for the centre to decide"),
            "{}",
            s.detail
        );
    }
}

#[test]
fn city_level_criticism_in_may_removes_q2_but_not_the_year() {
    let mut v = hall(10);
    // S5.3 city in May: −5 (S5), quarterly eligibility lost; W6.2 charges the window −5 with the same loss
    rec(
        &mut v,
        "c1",
        "S5.3",
        "S01",
        "2026-05-12",
        json!({"level": "city"}),
    );
    let q2 = eval(&v, "2026-Q2");
    let s = q2.subject("S01").unwrap();
    assert_eq!(s.disqualifications.len(), 1);
    assert_eq!(s.disqualifications[0].record.as_deref(), Some("c1"));
    let star = q2.award("service_star", SubjectKind::Staff).unwrap();
    let st = star.standings.iter().find(|x| x.subject == "S01").unwrap();
    assert_eq!(st.status, AwardStatus::NotEligible);
    assert!(st.detail.text().contains("c1"), "{}", st.detail);
    // the window loses it through its staff member's 通报 (W6.2)
    let mw = q2.award("model_window", SubjectKind::Window).unwrap();
    assert_eq!(
        mw.standings
            .iter()
            .find(|x| x.subject == "W01")
            .unwrap()
            .status,
        AwardStatus::NotEligible
    );
    // the year: city level does not remove annual eligibility
    let y = eval(&v, "2026");
    assert!(y.subject("S01").unwrap().disqualifications.is_empty());
    assert!(y.subject("W01").unwrap().disqualifications.is_empty());
    // Q3 is untouched
    assert!(
        eval(&v, "2026-Q3")
            .subject("S01")
            .unwrap()
            .disqualifications
            .is_empty()
    );
}

#[test]
fn province_level_criticism_removes_the_quarter_and_the_year() {
    let mut v = hall(10);
    rec(
        &mut v,
        "p1",
        "S5.3",
        "S03",
        "2026-05-12",
        json!({"level": "province"}),
    );
    let q2 = eval(&v, "2026-Q2");
    assert!(!q2.subject("S03").unwrap().disqualifications.is_empty());
    assert!(!q2.subject("W03").unwrap().disqualifications.is_empty());
    let y = eval(&v, "2026");
    for id in ["S03", "W03"] {
        let s = y.subject(id).unwrap();
        assert_eq!(s.disqualifications.len(), 1, "{id}");
        assert_eq!(s.disqualifications[0].record.as_deref(), Some("p1"));
    }
    let a = y.award("service_star", SubjectKind::Staff).unwrap();
    assert_eq!(
        a.standings
            .iter()
            .find(|x| x.subject == "S03")
            .unwrap()
            .status,
        AwardStatus::NotEligible
    );
    assert!(!a.awarded.iter().any(|s| s == "S03"));
}

#[test]
fn a_member_who_joined_in_august_is_not_eligible_for_q3() {
    let mut v = hall(10);
    v["staff"].as_array_mut().unwrap().push(json!({"id": "S99", "name": "新人", "assignments": [{"window": "W01", "from": "2026-08-10"}]}));
    let r = eval(&v, "2026-Q3");
    let s = r.subject("S99").unwrap();
    // evaluated in August and September only
    assert_eq!(s.months_evaluated, 2);
    let a = r.award("service_star", SubjectKind::Staff).unwrap();
    let st = a.standings.iter().find(|x| x.subject == "S99").unwrap();
    assert_eq!(st.status, AwardStatus::NotEligible);
    assert!(st.detail.text().contains("2 of 3"), "{}", st.detail);
    // participants: 11 staff evaluated in Q3 (E10: the base counts every participant) → 1.1 → 1
    assert_eq!((a.participants, a.quota), (11, 1));
}

#[test]
fn worked_example_2_quarters_and_the_annual_zeroing_of_w6() {
    // rules.md worked example 2: window M with staff P and Q
    let mut v = json!({
        "hall": {"id": "H", "name": "h"}, "year": 2026,
        "departments": [{"id": "D1", "name": "一局"}],
        "windows": [{"id": "M", "name": "M", "department": "D1", "heads": [{"staff": "P"}]}],
        "staff": [{"id": "P", "name": "P", "assignments": [{"window": "M"}]}, {"id": "Q", "name": "Q", "assignments": [{"window": "M"}]}],
        "targets": {}, "metrics": [], "records": []
    });
    for m in 1..=12 {
        v["metrics"].as_array_mut().unwrap().push(
            json!({"window": "M", "month": format!("2026-{m:02}"), "cases": 10, "rates": {}}),
        );
    }
    rec(
        &mut v,
        "1",
        "S5.1",
        "P",
        "2026-01-08",
        json!({"points": "2"}),
    );
    rec(
        &mut v,
        "2",
        "S5.1",
        "Q",
        "2026-01-20",
        json!({"points": "3"}),
    );
    rec(
        &mut v,
        "3",
        "S5.1",
        "P",
        "2026-04-02",
        json!({"points": "2"}),
    );
    rec(
        &mut v,
        "4",
        "S5.1",
        "Q",
        "2026-06-03",
        json!({"points": "2"}),
    );
    rec(
        &mut v,
        "5",
        "S5.1",
        "P",
        "2026-06-09",
        json!({"points": "4"}),
    );
    // the three rates have no targets: W5.1 cannot deduct (warnings only)
    // Q1 = (95 + 100 + 100) / 3 = 98.33
    assert_eq!(eval(&v, "2026-Q1").subject("M").unwrap().score, d("98.33"));
    // Q2 = (98 + 100 + 80) / 3 = 92.67 (quarters keep the months as scored)
    let q2 = eval(&v, "2026-Q2");
    let m = q2.subject("M").unwrap();
    assert_eq!(
        m.monthly.iter().map(|t| t.total).collect::<Vec<_>>(),
        vec![d("98"), d("100"), d("80")]
    );
    assert_eq!(m.score, d("92.67"));
    // the year counts W6 as 0 in every month: every month is 80 → annual 80
    let y = eval(&v, "2026");
    let m = y.subject("M").unwrap();
    assert!(
        m.monthly.iter().all(|t| t.total == d("80")),
        "{:?}",
        m.monthly
    );
    assert_eq!(m.score, d("80"));
    // E8: the annual deductions use the zeroing: 20 a month × 12 = 240
    assert_eq!(m.deductions, d("240"));
    // E8: complaints charged to the window: 5
    assert_eq!(m.complaints, 5);
    assert_eq!(y.subject("P").unwrap().complaints, 3);
}

#[test]
fn department_feedback_and_indicator() {
    let mut v = hall(4);
    // Year: W01 −2 in January → (98 + 11 × 100) / 12 = 99.8333 → 99.83; W03 100 → D1 indicator (99.83 + 100) / 2 = 99.915 → 99.92
    rec(&mut v, "a", "W1.3", "W01", "2026-01-05", json!({}));
    let y = eval(&v, "2026");
    assert_eq!(y.subject("W01").unwrap().score, d("99.83"));
    let d1 = y.departments.iter().find(|x| x.department == "D1").unwrap();
    assert_eq!(d1.name, "一局");
    assert_eq!(d1.windows.len(), 2);
    assert_eq!(d1.staff.len(), 2);
    assert_eq!(d1.indicator, Some(d("99.92")));
}

/// Results read back with a dataset that no longer lists a department its subjects name (the
/// department feedback is made from the results' departments): that department is listed all
/// the same, named by its id, in id order with the others.
#[test]
fn department_feedback_lists_a_department_only_its_subjects_name() {
    let mut v = hall(4);
    rec(&mut v, "a", "W1.3", "W01", "2026-01-05", json!({}));
    let p = Policy::builtin();
    let ds = Dataset::from_json(&v.to_string()).unwrap();
    let months = p.evaluate_year(&ds).unwrap().months;
    // the same hall without D1 in its list
    v["departments"] = json!([{"id": "D2", "name": "二局"}]);
    let without_d1 = Dataset::from_json(&v.to_string()).unwrap();
    let y = p.period_from_months(&without_d1, Period::Year(2026), &months);
    let ids: Vec<&str> = y.departments.iter().map(|x| x.department.as_str()).collect();
    assert_eq!(ids, ["D1", "D2"]);
    let d1 = &y.departments[0];
    // no name in the dataset: its id
    assert_eq!(d1.name, "D1");
    // W01 and W03 with S01 and S03, as in `department_feedback_and_indicator`:
    // (99.83 + 100) / 2 = 99.915 → 99.92
    assert_eq!((d1.windows.len(), d1.staff.len()), (2, 2));
    assert_eq!(d1.indicator, Some(d("99.92")));
    let d2 = &y.departments[1];
    assert_eq!(d2.name, "二局");
    // W02 and W04 at 100 all year: (100 + 100) / 2 = 100
    assert_eq!(d2.indicator, Some(d("100")));
}

/// Months handed in with their subjects in other orders, a subject missing from a month, and a
/// month given twice: each subject's months are found by id wherever they stand.
#[test]
fn a_period_finds_each_subjects_months_by_id_in_any_order() {
    let mut v = hall(4);
    // W01 −2 in January (W1.3), as in `department_feedback_and_indicator`
    rec(&mut v, "a", "W1.3", "W01", "2026-01-05", json!({}));
    let p = Policy::builtin();
    let ds = Dataset::from_json(&v.to_string()).unwrap();
    let mut months = p.evaluate_year(&ds).unwrap().months;
    // W01 left out of February, and March's windows in reverse id order
    months[1].windows = months[1].windows.iter().filter(|s| s.subject().as_str() != "W01").map(|s| s.to_owned()).collect();
    months[2].windows = months[2].windows.iter().map(|s| s.to_owned()).rev().collect::<Vec<_>>().into_iter().collect();
    let y = p.period_from_months(&ds, Period::Year(2026), &months);
    let w01 = y.subject("W01").unwrap();
    // P2: 11 months of W01: (98 + 10 × 100) / 11 = 99.8181… → 99.82; January first, no February
    assert_eq!((w01.months_evaluated, w01.score), (11, d("99.82")));
    let listed: Vec<u32> = w01.monthly.iter().map(|m| m.month.month).collect();
    assert_eq!(listed, [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    assert_eq!(w01.monthly[0].total, d("98"));
    // P8: W02, W03, W04 at 100 share rank 1 (by id), W01 fourth
    let order: Vec<(&str, u32, u32)> = y.windows.iter().map(|s| (s.subject.as_str(), s.months_evaluated, s.rank)).collect();
    assert_eq!(order, [("W02", 12, 1), ("W03", 12, 1), ("W04", 12, 1), ("W01", 11, 4)]);
    // January given twice in the first quarter: each given month counts, W01's rows January,
    // January, March: (98 + 98 + 100) / 3 = 98.666… → 98.67
    let q1 = [months[0].clone(), months[0].clone(), months[1].clone(), months[2].clone()];
    let q = p.period_from_months(&ds, Period::Quarter { year: 2026, quarter: 1 }, &q1);
    let w01 = q.subject("W01").unwrap();
    assert_eq!((w01.months_evaluated, w01.score), (3, d("98.67")));
    assert_eq!(q.subject("W03").unwrap().months_evaluated, 4);
}

/// A month's total of 28 decimal places (read back from a result, say): the period's sums do
/// not fit 64-bit integers at that scale, and are the decimals' sums all the same.
#[test]
fn a_period_adds_up_totals_of_any_scale() {
    let v = hall(2);
    let p = Policy::builtin();
    let ds = Dataset::from_json(&v.to_string()).unwrap();
    let mut months = p.evaluate_year(&ds).unwrap().months;
    // W01's January total 0.0000000000000000000000000001 (10⁻²⁸), the rest 100
    months[0].windows = months[0]
        .windows
        .iter()
        .map(|s| {
            let mut s = s.to_owned();
            if s.subject.as_str() == "W01" {
                s.total = d("0.0000000000000000000000000001");
            }
            s
        })
        .collect();
    let y = p.period_from_months(&ds, Period::Year(2026), &months);
    let w01 = y.subject("W01").unwrap();
    // P2: (10⁻²⁸ + 11 × 100) / 12 = 91.666… → 91.67 (C11); no deductions, no bonus (base 100)
    assert_eq!((w01.score, w01.deductions, w01.bonus), (d("91.67"), d("0"), d("0")));
    assert_eq!(w01.monthly[0].total, d("0.0000000000000000000000000001"));
    // W02: 100 every month
    assert_eq!(y.subject("W02").unwrap().score, d("100"));
    // Q1: (10⁻²⁸ + 100 + 100) / 3 = 66.666… → 66.67
    let q = p.period_from_months(&ds, Period::Quarter { year: 2026, quarter: 1 }, &months[..3]);
    assert_eq!(q.subject("W01").unwrap().score, d("66.67"));
}

#[test]
fn awards_respect_quota_eligibility_and_order_on_generated_halls() {
    // property over many small halls: awarded ≤ quota; none ineligible; every awarded outranks every eligible non-awarded
    let mut seed = 12345u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let codes = ["W1.2", "W1.3", "W4.3", "WB.1", "WB.3"];
    for round in 0..12 {
        let n = 10 + (next() % 25) as usize;
        let mut v = hall(n);
        for k in 0..(next() % 40) {
            let w = 1 + next() % n as u64;
            let m = 1 + next() % 12;
            let code = codes[(next() % codes.len() as u64) as usize];
            rec(
                &mut v,
                &format!("r{k}"),
                code,
                &format!("W{w:02}"),
                &format!("2026-{m:02}-10"),
                json!({}),
            );
            if next() % 4 == 0 {
                let lvl = ["county", "city", "province"][(next() % 3) as usize];
                rec(
                    &mut v,
                    &format!("p{k}"),
                    "S5.3",
                    &format!("S{w:02}"),
                    &format!("2026-{m:02}-11"),
                    json!({"level": lvl}),
                );
            }
        }
        for period in ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026"] {
            let r = eval(&v, period);
            for a in &r.awards {
                assert!(a.awarded.len() as u32 <= a.quota, "round {round} {period}");
                let list = if a.subject == SubjectKind::Window {
                    &r.windows
                } else {
                    &r.staff
                };
                let score = |id: &str| list.iter().find(|s| s.subject == id).unwrap().score;
                for id in &a.awarded {
                    let st = a.standings.iter().find(|s| &s.subject == id).unwrap();
                    assert_eq!(st.status, AwardStatus::Awarded);
                    assert!(
                        list.iter()
                            .find(|s| &s.subject == id)
                            .unwrap()
                            .disqualifications
                            .is_empty()
                    );
                    for other in a.standings.iter().filter(|s| {
                        matches!(
                            s.status,
                            AwardStatus::QuotaFull | AwardStatus::TieAtQuotaLine
                        )
                    }) {
                        assert!(
                            score(id) >= score(&other.subject),
                            "round {round} {period}: {id} vs {}",
                            other.subject
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_hall_year_equals_the_periods_one_by_one() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/data/county-2026.json"
    );
    let ds = Dataset::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    let p = Policy::builtin();
    let all = p.evaluate_hall_year(&ds).unwrap();
    for q in 1..=4 {
        assert_eq!(
            all.quarters[q as usize - 1],
            p.evaluate_period(
                &ds,
                Period::Quarter {
                    year: 2026,
                    quarter: q
                }
            )
            .unwrap()
        );
    }
    assert_eq!(
        all.annual,
        p.evaluate_period(&ds, Period::Year(2026)).unwrap()
    );
    assert_eq!(all.year, p.evaluate_year(&ds).unwrap());
}

#[test]
fn a_month_or_a_quarter_alone_equals_its_months_in_the_year() {
    // a month or a quarter evaluates the months before it only for the year to date (at the
    // scores level): its own months must be those of the whole year, at either level
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/data/county-2026.json"
    );
    let ds = Dataset::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    let p = Policy::builtin();
    for explain in [kaoping_core::Explain::Full, kaoping_core::Explain::Scores] {
        let year = p.evaluate_year_with(&ds, explain).unwrap();
        for m in 1..=12u32 {
            let month = kaoping_core::YearMonth { year: 2026, month: m };
            assert_eq!(p.evaluate_month_with(&ds, month, explain).unwrap(), year.months[m as usize - 1], "{month}");
            let (_, months) = p.evaluate_period_months(&ds, Period::Month(month), explain).unwrap();
            assert_eq!(months, year.months[m as usize - 1..m as usize], "{month}");
        }
        for q in 1..=4u32 {
            let (_, months) = p.evaluate_period_months(&ds, Period::Quarter { year: 2026, quarter: q }, explain).unwrap();
            let from = 3 * (q as usize - 1);
            assert_eq!(months, year.months[from..from + 3], "Q{q}");
        }
    }
}

/// Issue 21: a period's months with no record and no metrics are listed, so a quarter asked for
/// after its first month does not pass as complete. The hall of `hall(2)` has metrics in every
/// month; here only January–October's are kept, and one record in November.
#[test]
fn months_without_records_or_metrics_are_listed() {
    let mut v = hall(2);
    let kept: Vec<Value> = v["metrics"].as_array().unwrap().iter().filter(|m| m["month"].as_str().unwrap() <= "2026-10").cloned().collect();
    v["metrics"] = Value::Array(kept);
    // Q3 has metrics in every month: complete
    assert!(eval(&v, "2026-Q3").months_without_data.is_empty());
    // Q4: October has metrics; November and December have neither records nor metrics
    let q4 = eval(&v, "2026-Q4");
    let names: Vec<String> = q4.months_without_data.iter().map(|m| m.to_string()).collect();
    assert_eq!(names, ["2026-11", "2026-12"]);
    // a November record (S1.1, late) makes November a month with data, though it has no metrics
    rec(&mut v, "R1", "S1.1", "S01", "2026-11-03", json!({"minutes": 10}));
    let q4 = eval(&v, "2026-Q4");
    let names: Vec<String> = q4.months_without_data.iter().map(|m| m.to_string()).collect();
    assert_eq!(names, ["2026-12"]);
    // the year lists the same December
    let names: Vec<String> = eval(&v, "2026").months_without_data.iter().map(|m| m.to_string()).collect();
    assert_eq!(names, ["2026-12"]);
}

#[test]
fn a_periods_hall_figures_come_from_the_core() {
    use kaoping_core::summary::{CategoryDeduction, GradeCount, RuleDeduction};
    let mut v = hall(4);
    // Q1: W01 −2 in January (W1.3, 窗口建设 W1), W04 −3 (W1.2, W1); everyone else clean
    rec(&mut v, "a", "W1.3", "W01", "2026-01-05", json!({}));
    rec(&mut v, "b", "W1.2", "W04", "2026-01-05", json!({}));
    let ds = Dataset::from_json(&v.to_string()).unwrap();
    let policy = Policy::builtin();
    let (p, months) = policy.evaluate_period_months(&ds, "2026-Q1".parse().unwrap(), kaoping_core::Explain::Full).unwrap();
    let s = policy.summarize(&p, &months);
    // windows: W01 (98+100+100)/3 = 99.33, W02 100, W03 100, W04 (97+100+100)/3 = 99;
    // mean (99.33 + 100 + 100 + 99)/4 = 398.33/4 = 99.5825 → 99.58 (2 places, half away from zero)
    assert_eq!(s.window_mean, Some(d("99.58")));
    // staff: four clean members, 100 each
    assert_eq!(s.staff_mean, Some(d("100")));
    // January's windows (98 + 100 + 100 + 97)/4 = 98.75; February and March 100
    let jan = &s.months[0];
    assert_eq!((jan.month.month, jan.window_mean, jan.staff_mean), (1, Some(d("98.75")), Some(d("100"))));
    assert_eq!(s.months.iter().map(|m| m.window_mean).collect::<Vec<_>>(), vec![Some(d("98.75")), Some(d("100")), Some(d("100"))]);
    // every score ≥ 90: all 优秀 (the county policy's bands 90/80/60)
    assert_eq!(s.grades[0], GradeCount { grade: "优秀".into(), windows: 4, staff: 4 });
    assert!(s.grades[1..].iter().all(|g| g.windows == 0 && g.staff == 0));
    // by rule: W1.2 3 points once, then W1.3 2 points once (largest first)
    assert_eq!(
        s.by_rule,
        vec![RuleDeduction { rule: "W1.2".into(), points: d("3"), occurrences: 1 }, RuleDeduction { rule: "W1.3".into(), points: d("2"), occurrences: 1 }]
    );
    // by category: W1 took 2 + 3 = 5 over the quarter; every staff category 0
    let w1: &CategoryDeduction = s.by_category.iter().find(|c| c.kind == SubjectKind::Window && c.code == "W1").unwrap();
    assert_eq!(w1.points, d("5"));
    assert!(s.by_category.iter().filter(|c| c.kind == SubjectKind::Staff).all(|c| c.points.is_zero()));
    // an empty list has no mean
    assert_eq!(policy.mean_of(std::iter::empty()), None);
}
