//! Any bytes as a dataset: parse, validate, and when valid evaluate the year and a quarter.
//! Must never panic; a valid dataset must keep every record in the outcomes.
#![no_main]
use kaoping_core::{Dataset, Period, Policy};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn policy() -> &'static Policy {
    static P: OnceLock<Policy> = OnceLock::new();
    P.get_or_init(Policy::builtin)
}

fuzz_target!(|data: &[u8]| {
    let Ok(ds) = Dataset::from_json_bytes(data) else { return };
    if policy().validate(&ds).is_err() {
        return;
    }
    let year = policy().evaluate_year(&ds).expect("a valid dataset evaluates");
    let n: usize = year.months.iter().map(|m| m.records.len()).sum();
    assert_eq!(n, ds.records.len(), "every record appears once");
    let _ = policy().evaluate_period(&ds, Period::Quarter { year: ds.year, quarter: 2 }).expect("a valid dataset evaluates a quarter");
});
