//! The hall-year as columns (issue 22, lean results): every number is the hall-year's, subjects
//! and texts are listed once, every table's columns are of one length.

use kaoping_core::columns::{FORMAT, HallYearColumns};
use kaoping_core::{Dataset, Explain, Policy};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Two windows W01, W02 with one staff member each (its head), all year, and metrics that trigger
/// nothing (as core/tests/periods.rs builds its halls).
fn hall() -> Value {
    let mut metrics = Vec::new();
    for w in ["W01", "W02"] {
        for m in 1..=12 {
            metrics.push(json!({"window": w, "month": format!("2026-{m:02}"), "cases": 50,
                "rates": {"online_full_process": "100", "online_available": "100", "one_network": "100"}}));
        }
    }
    json!({
        "hall": {"id": "H", "name": "测试大厅"}, "year": 2026,
        "departments": [{"id": "D1", "name": "一局"}],
        "windows": [{"id": "W01", "name": "窗口一", "department": "D1", "heads": [{"staff": "S01"}]}, {"id": "W02", "name": "窗口二", "department": "D1", "heads": [{"staff": "S02"}]}],
        "staff": [{"id": "S01", "name": "员工一", "assignments": [{"window": "W01"}]}, {"id": "S02", "name": "员工二", "assignments": [{"window": "W02"}]}],
        "targets": {"online_full_process": "90", "online_available": "90", "one_network": "90"},
        "metrics": metrics,
        // W1.3 −2 for W01 in January
        "records": [{"id": "a", "rule": "W1.3", "subject": "W01", "date": "2026-01-05"}]
    })
}

fn columns(ds: &Dataset) -> (HallYearColumns, Value) {
    let y = Policy::builtin().evaluate_hall_year_with(ds, Explain::Scores).unwrap();
    let c = HallYearColumns::of(&y);
    let v = serde_json::to_value(&c).unwrap();
    (c, v)
}

#[test]
fn a_small_hall_by_hand() {
    let ds = Dataset::from_json(&hall().to_string()).unwrap();
    let (c, v) = columns(&ds);
    assert_eq!(v["format"], FORMAT);
    // four subjects, once each, windows first
    assert_eq!(c.subjects.id, vec!["W01", "W02", "S01", "S02"]);
    assert_eq!(c.subjects.name[0], "窗口一");
    // W01's January: W1 −2 (W1.3) → 98; every other subject-month 100
    let months = &v["months"];
    let n = c.months.month.len();
    assert_eq!(n, 12 * 4, "four subjects in each of twelve months");
    let row = (0..n).find(|&i| c.months.month[i] == 1 && c.months.subject[i] == 0).unwrap();
    assert_eq!(months["total"][row], "98");
    assert_eq!((0..n).filter(|&i| months["total"][i] != "100").count(), 1);
    // Q1: W01 (98 + 100 + 100)/3 = 99.33; the year: (98 + 11 × 100)/12 = 1198/12 = 99.833… → 99.83
    let p = &v["periods"];
    let at = |period: &str, subject: u32| (0..c.periods.period.len()).find(|&i| c.periods.period[i] == period && c.periods.subject[i] == subject).unwrap();
    assert_eq!(p["score"][at("2026-Q1", 0)], "99.33");
    assert_eq!(p["score"][at("2026", 0)], "99.83");
    assert_eq!(c.periods.rank[at("2026-Q1", 0)], 2, "W02 (100) ranks first");
    // grades are texts listed once: 优秀 (≥ 90) for all
    let grade = c.texts[c.periods.grade[at("2026", 0)] as usize].as_str();
    assert_eq!(grade, "优秀");
    assert_eq!(c.texts.iter().filter(|t| t.as_str() == "优秀").count(), 1);
}

#[test]
fn the_sample_halls_columns_are_its_hall_year() {
    let ds = Dataset::from_json(include_str!("../../examples/data/county-2026.json")).unwrap();
    let y = Policy::builtin().evaluate_hall_year_with(&ds, Explain::Scores).unwrap();
    let c = HallYearColumns::of(&y);
    let v = serde_json::to_value(&c).unwrap();
    // every table's columns have one length
    for table in ["subjects", "months", "categories", "periods", "standings"] {
        let lens: Vec<usize> = v[table].as_object().unwrap().values().map(|col| col.as_array().unwrap().len()).collect();
        assert!(lens.windows(2).all(|w| w[0] == w[1]), "{table}: {lens:?}");
    }
    // each subject-month's total and categories, as the months have them
    let mut row = 0;
    let mut cat = 0;
    for m in &y.year.months {
        for s in m.windows.iter().chain(m.staff.iter()) {
            assert_eq!(c.subjects.id[c.months.subject[row] as usize], s.subject().as_str());
            assert_eq!((c.months.month[row], v["months"]["total"][row].as_str().unwrap().parse::<Decimal>().unwrap()), (m.month.month, s.total()));
            for k in s.categories().iter().chain(s.bonuses().iter()) {
                assert_eq!(c.texts[c.categories.category[cat] as usize], k.code().as_str());
                assert_eq!(v["categories"]["score"][cat].as_str().unwrap().parse::<Decimal>().unwrap(), k.score());
                cat += 1;
            }
            row += 1;
        }
    }
    assert_eq!((row, cat), (c.months.month.len(), c.categories.month.len()));
    // each period's subjects, scores, ranks and grades, and each award's standings
    let mut prow = 0;
    let mut srow = 0;
    for p in y.quarters.iter().chain(std::iter::once(&y.annual)) {
        for s in p.windows.iter().chain(p.staff.iter()) {
            assert_eq!(c.periods.period[prow], p.period.to_string());
            assert_eq!(c.subjects.id[c.periods.subject[prow] as usize], s.subject.as_str());
            assert_eq!(v["periods"]["score"][prow].as_str().unwrap().parse::<Decimal>().unwrap(), s.score);
            assert_eq!((c.periods.rank[prow], c.periods.department_rank[prow]), (s.rank, s.department_rank));
            assert_eq!(c.texts[c.periods.grade[prow] as usize], s.grade.as_str());
            prow += 1;
        }
        for a in &p.awards {
            for st in &a.standings {
                assert_eq!(c.texts[c.standings.award[srow] as usize], a.award);
                assert_eq!(c.subjects.id[c.standings.subject[srow] as usize], st.subject.as_str());
                assert_eq!((c.standings.rank[srow], c.standings.status[srow]), (st.rank, st.status));
                srow += 1;
            }
        }
    }
    assert_eq!((prow, srow), (c.periods.period.len(), c.standings.period.len()));
    // names once: the subjects' table holds every id once
    let mut ids = c.subjects.id.clone();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), c.subjects.id.len());
    // and it is smaller than the scores-only hall-year's compact JSON
    let (cols, full) = (serde_json::to_string(&c).unwrap().len(), serde_json::to_string(&y).unwrap().len());
    assert!(cols < full, "columns {cols} bytes, hall-year {full}");
    let _ = d("0");
}
