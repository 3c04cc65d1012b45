//! A result's record outcomes name their records by the dataset's own ids, shared with the
//! dataset's list rather than copied (`Records::ids`): they must name the right record whether
//! the list is as read, cut by `retain`, or changed after the evaluation.

use kaoping_core::{Dataset, Policy};
use std::collections::BTreeMap;

fn sample() -> Dataset {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/county-2026.json")).expect("the sample");
    Dataset::from_json(&text).expect("parses")
}

/// Every outcome of October names a record of the dataset, with that record's rule, subject and
/// date, and every record of October has its outcome.
fn outcomes_match(ds: &Dataset) {
    let month = Policy::builtin().evaluate_month(ds, "2026-10".parse().unwrap()).expect("valid");
    let by_id: BTreeMap<&str, _> = ds.records.iter().map(|r| (r.id(), r)).collect();
    let october = ds.records.iter().filter(|r| r.date().to_string().starts_with("2026-10")).count();
    assert!(october > 10, "the sample has records in October");
    assert_eq!(month.records.len(), october);
    for o in month.records.iter() {
        let r = by_id.get(o.record()).unwrap_or_else(|| panic!("{} is not a record of the dataset", o.record()));
        assert_eq!((o.rule(), o.subject(), o.date()), (r.rule(), r.subject(), r.date()), "{}", o.record());
    }
}

#[test]
fn as_read() {
    outcomes_match(&sample());
}

#[test]
fn after_every_other_record_is_dropped() {
    // `retain` keeps the dropped records' ids in the list's buffer: the outcomes must find each
    // kept record's own id, not the one at its new place in the buffer
    let mut ds = sample();
    let mut i = 0;
    ds.records.retain(|_| {
        i += 1;
        i % 2 == 0
    });
    outcomes_match(&ds);
}

#[test]
fn a_record_added_after_the_evaluation_leaves_its_result_as_it_was() {
    let mut ds = sample();
    let policy = Policy::builtin();
    let before = policy.evaluate_month(&ds, "2026-10".parse().unwrap()).expect("valid");
    let ids: Vec<String> = before.records.iter().map(|o| o.record().to_owned()).collect();
    let mut extra = ds.records.get(0).expect("records").to_record();
    extra.id = "R-added-later".into();
    ds.records.push(extra);
    // the result shares the ids it was made with; the list's new record does not change them
    assert_eq!(before.records.iter().map(|o| o.record().to_owned()).collect::<Vec<_>>(), ids);
    assert_eq!(ds.records.last().map(|r| r.id()), Some("R-added-later"));
    outcomes_match(&ds);
}
