//! A policy and a dataset together (issue 20): the bytes before the first NUL as a policy, the
//! rest as a dataset; when both are valid, the year, its quarters and periods evaluate without a
//! panic, every record appears once, and every category stays within its bounds.
#![no_main]
use kaoping_core::{Dataset, Policy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(cut) = data.iter().position(|&b| b == 0) else { return };
    let Ok(policy) = Policy::from_json_bytes(&data[..cut]) else { return };
    let Ok(ds) = Dataset::from_json_bytes(&data[cut + 1..]) else { return };
    if policy.validate(&ds).is_err() {
        return;
    }
    let all = policy.evaluate_hall_year(&ds).expect("a valid dataset evaluates");
    let year = &all.year;
    let n: usize = year.months.iter().map(|m| m.records.len()).sum();
    assert_eq!(n, ds.records.len(), "every record appears once");
    for m in &year.months {
        for s in m.windows.iter().chain(m.staff.iter()) {
            for c in s.all_categories() {
                assert!(!c.score().is_sign_negative() && c.score() <= c.max(), "{} {}: {} of {}", s.subject(), c.code(), c.score(), c.max());
            }
        }
    }
});
