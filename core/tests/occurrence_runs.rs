//! E6 with `count` as arithmetic: a record's occurrences are one run that the caps split (those
//! that fit whole, one cut to what is left, the rest cut to nothing), its category line is one
//! line for the record, and the work and the result grow with the records, not with `count`.
//!
//! Expected figures are computed by hand from rules.md (the arithmetic is beside each assertion).

use kaoping_core::result::{Line, OutcomeKind, Reason};
use kaoping_core::{Dataset, Explain, MonthResult, Policy};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// One window W (head P all year) and staff member P assigned to W all year.
fn hall(records: Vec<Value>) -> Dataset {
    let v = json!({
        "hall": {"id": "H", "name": "县政务服务大厅"},
        "year": 2026,
        "departments": [{"id": "D", "name": "某局"}],
        "windows": [{"id": "W", "name": "窗口", "department": "D", "heads": [{"staff": "P"}]}],
        "staff": [{"id": "P", "name": "甲", "assignments": [{"window": "W"}]}],
        "records": records,
    });
    Dataset::from_json(&v.to_string()).expect("the test hall parses")
}

fn month(ds: &Dataset, m: &str) -> MonthResult {
    Policy::builtin().evaluate_month(ds, m.parse().unwrap()).expect("the month evaluates")
}

/// The lines of P's category `cat` that cite `record`.
fn lines<'a>(r: &'a MonthResult, cat: &str, record: &str) -> Vec<&'a Line> {
    let s = r.subject("P").expect("P is evaluated");
    let c = s.category(cat).unwrap_or_else(|| panic!("no category {cat}"));
    c.lines().iter().filter(|l| l.record.as_deref() == Some(record)).collect()
}

#[test]
fn a_run_cut_by_the_category_cap_in_the_middle_of_an_occurrence() {
    // S1: S1.2 −3 on the 5th leaves 17; S1.1 over 30 minutes (−2) × 11 on the 9th:
    // 8 whole occurrences (16), the 9th cut to the 1 left, the last 2 to nothing (C2, E6)
    let r = month(
        &hall(vec![
            json!({"id": "a", "rule": "S1.2", "subject": "P", "date": "2026-03-05"}),
            json!({"id": "b", "rule": "S1.1", "subject": "P", "date": "2026-03-09", "minutes": 45, "count": 11}),
        ]),
        "2026-03",
    );
    let o = r.record("b").expect("record b in the result").to_owned();
    // 9 of 11 counted: 8 × 2 + 1 = 17 of 22 points
    assert_eq!((o.occurrences, o.counted_occurrences), (11, 9));
    assert_eq!(o.points, d("17"));
    assert_eq!(o.outcome, OutcomeKind::PartlyCounted);
    assert_eq!(o.reason, Some(Reason::CategoryExhausted));
    assert!(o.detail.contains("9 of 11 counted"), "{}", o.detail);
    // one line for the record: 11 occurrences, raw 22, 17 counted, cut by the category's cap
    let ls = lines(&r, "S1", "b");
    assert_eq!(ls.len(), 1);
    assert_eq!((ls[0].occurrences, ls[0].raw, ls[0].points, ls[0].cut), (11, d("22"), d("17"), Some(Reason::CategoryExhausted)));
    // S1 = 20 − 3 − 17 = 0
    assert_eq!(r.subject("P").unwrap().category("S1").unwrap().score(), d("0"));
}

#[test]
fn a_run_under_a_monthly_item_cap_then_the_bonus_cap() {
    // WB.3 +0.5 each, at most +2 a month: count 7 → 4 whole (2), the rest cut by the monthly cap
    let r = month(
        &hall(vec![json!({"id": "w", "rule": "WB.3", "subject": "W", "date": "2026-03-09", "count": 7})]),
        "2026-03",
    );
    let o = r.record("w").unwrap().to_owned();
    assert_eq!((o.occurrences, o.counted_occurrences, o.points), (7, 4, d("2")));
    assert_eq!(o.reason, Some(Reason::MonthCap));
    // window W's bonus: 2; total 100 + 2 = 102
    assert_eq!(r.subject("W").unwrap().total(), d("102"));
}

#[test]
fn a_thousand_records_of_a_thousand_occurrences_stay_small() {
    // SB.1 +0.5 each, at most +2 a year: the first record's first 4 occurrences count (2), every
    // other occurrence is cut by the yearly cap; 1,000 records × count 1,000 = 1,000,000 occurrences
    let recs: Vec<Value> = (0..1000)
        .map(|i| json!({"id": format!("R{i:04}"), "rule": "SB.1", "subject": "P", "date": "2026-03-09", "count": 1000}))
        .collect();
    let r = month(&hall(recs), "2026-03");
    let first = r.record("R0000").unwrap().to_owned();
    assert_eq!((first.counted_occurrences, first.points, first.reason), (4, d("2"), Some(Reason::YearCap)));
    let last = r.record("R0999").unwrap().to_owned();
    assert_eq!((last.occurrences, last.counted_occurrences, last.points), (1000, 0, d("0")));
    assert_eq!(last.outcome, OutcomeKind::NotCounted);
    // one line a record, not one an occurrence
    let sb = r.subject("P").unwrap().bonuses().iter().find(|c| c.code() == "SB").unwrap();
    assert_eq!(sb.lines().len(), 1000);
    assert!(sb.lines().iter().all(|l| l.occurrences == 1000));
    // P's bonus: 2 (SB.1's yearly cap); total 102
    assert_eq!(r.subject("P").unwrap().total(), d("102"));
    // the full JSON stays small: well under a kilobyte a record
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.len() < 1000 * 1000, "{} bytes", json.len());
}

#[test]
fn without_text_a_category_filled_exactly_to_its_cap_counts_every_occurrence() {
    // Explain::Scores adds up a category whose cap cannot bind without its lines; the edge is a
    // sum equal to the cap. S1.2 −3 on the 5th, S1.1 over 30 minutes (−2) × 8 on the 9th and
    // S1.1 −1 (5 minutes) on the 12th: 3 + 16 + 1 = 20 = S1's max (C2), so all of it counts
    let mut recs = vec![
        json!({"id": "a", "rule": "S1.2", "subject": "P", "date": "2026-03-05"}),
        json!({"id": "b", "rule": "S1.1", "subject": "P", "date": "2026-03-09", "minutes": 45, "count": 8}),
        json!({"id": "c", "rule": "S1.1", "subject": "P", "date": "2026-03-12", "minutes": 5}),
    ];
    let ds = hall(recs.clone());
    for explain in [Explain::Scores, Explain::Full] {
        let r = Policy::builtin().evaluate_month_with(&ds, "2026-03".parse().unwrap(), explain).unwrap();
        let b = r.record("b").unwrap().to_owned();
        // 8 of 8 counted: 8 × 2 = 16
        assert_eq!((b.occurrences, b.counted_occurrences, b.points, b.reason), (8, 8, d("16"), None));
        assert_eq!(b.outcome, OutcomeKind::Counted);
        let c = r.record("c").unwrap().to_owned();
        assert_eq!((c.counted_occurrences, c.points, c.reason), (1, d("1"), None));
        // S1 = 20 − 20 = 0; P's total 100 − 20 = 80
        let s1 = r.subject("P").unwrap().category("S1").unwrap().to_owned();
        assert_eq!((s1.points, s1.score), (d("20"), d("0")));
        assert_eq!(r.subject("P").unwrap().total(), d("80"));
    }
    // one point more: S1.1 −1 (10 minutes) on the 13th makes 21 > 20, so the cap goes line by
    // line in date order, and the 13th's −1 finds nothing left (C2)
    recs.push(json!({"id": "e", "rule": "S1.1", "subject": "P", "date": "2026-03-13", "minutes": 10}));
    let ds = hall(recs);
    for explain in [Explain::Scores, Explain::Full] {
        let r = Policy::builtin().evaluate_month_with(&ds, "2026-03".parse().unwrap(), explain).unwrap();
        let c = r.record("c").unwrap().to_owned();
        assert_eq!((c.counted_occurrences, c.points, c.reason), (1, d("1"), None));
        let e = r.record("e").unwrap().to_owned();
        assert_eq!((e.counted_occurrences, e.points, e.reason), (0, d("0"), Some(Reason::CategoryExhausted)));
        assert_eq!(e.outcome, OutcomeKind::NotCounted);
        // still 100 − 20 = 80
        assert_eq!(r.subject("P").unwrap().total(), d("80"));
    }
}
