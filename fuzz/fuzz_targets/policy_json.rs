//! Any bytes as a policy: load, and when it loads evaluate a small fixed hall for a year and awards.
#![no_main]
use kaoping_core::{Dataset, Period, Policy};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const HALL: &str = include_str!("../../tests/bad-inputs/ok-good.json");

fn hall() -> &'static Dataset {
    static D: OnceLock<Dataset> = OnceLock::new();
    D.get_or_init(|| Dataset::from_json(HALL).expect("the fixture parses"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(policy) = Policy::from_json_bytes(data) else { return };
    // a policy that loads may still reject the hall (unknown codes): that is an error, not a crash
    if policy.validate(hall()).is_ok() {
        let _ = policy.evaluate_year(hall()).expect("a valid hall evaluates");
        let _ = policy.evaluate_period(hall(), Period::Year(2026)).expect("a valid hall evaluates a year");
    }
});
