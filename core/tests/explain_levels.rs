//! `Explain::Scores` leaves out category lines and text, and nothing else: every number, grade,
//! flag, warning, record outcome and charge equals the full result's.

use kaoping_core::period::HallYear;
use kaoping_core::{Dataset, Explain, Policy};

fn without_text(mut h: HallYear) -> HallYear {
    for m in &mut h.year.months {
        // (the subjects held as rows: taken out as owned values, changed, and held again)
        for list in [&mut m.windows, &mut m.staff] {
            let mut owned = list.to_vec();
            for s in &mut owned {
                for c in s.categories.iter_mut().chain(s.bonuses.iter_mut()) {
                    c.lines.clear();
                }
            }
            *list = owned.into();
        }
        // the outcomes rendered, their texts left out, and held compactly again
        let mut records = m.records.to_vec();
        for r in &mut records {
            r.detail = Default::default();
        }
        m.records = records.into();
    }
    h
}

fn check(policy: &Policy, ds: &Dataset) {
    let full = policy.evaluate_hall_year_with(ds, Explain::Full).unwrap();
    let lean = policy.evaluate_hall_year_with(ds, Explain::Scores).unwrap();
    // the full result does explain: lines and text are there to be left out
    assert!(full.year.months.iter().any(|m| m.staff.iter().any(|s| s.categories().iter().any(|c| !c.lines().is_empty()))));
    assert!(full.year.months.iter().any(|m| m.records.iter().any(|r| !r.detail().is_empty())));
    assert!(lean.year.months.iter().all(|m| m.records.iter().all(|r| r.detail().is_empty())));
    assert!(without_text(full) == lean, "Explain::Scores changed something besides lines and text");
}

#[test]
fn scores_level_equals_full_level_without_text_on_the_sample() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/county-2026.json")).unwrap();
    check(&Policy::builtin(), &Dataset::from_json(&text).unwrap());
}

#[test]
fn scores_level_equals_full_level_without_text_under_another_policy() {
    // the other county's policy on the sample's roster and the records its codes share
    let policy_text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/policies/other-county.json")).unwrap();
    let policy = Policy::from_json(&policy_text).unwrap();
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/county-2026.json")).unwrap();
    let mut ds = Dataset::from_json(&text).unwrap();
    let all = std::mem::take(&mut ds.records);
    let mut one = ds.clone();
    ds.records = all
        .iter()
        .filter(|&r| {
            one.records = std::iter::once(r).collect();
            policy.item(r.rule()).is_some() && policy.validate(&one).is_ok()
        })
        .collect();
    assert!(ds.records.len() > 500, "only {} records kept", ds.records.len());
    check(&policy, &ds);
}
