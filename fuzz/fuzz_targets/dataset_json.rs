//! Any bytes as a dataset: parse, validate, and when valid evaluate the year and a quarter.
//! Must never panic; a valid dataset must keep every record in the outcomes.
//!
//! The library reads a dataset by its own fast paths (its records and metrics straight from the text, the
//! rest with sonic-rs) and falls back on serde_json; whatever it reads must be what serde_json
//! reads, strictly, from the same text, and it must refuse what serde_json refuses.
#![no_main]
use kaoping_core::{Dataset, Period, Policy};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn policy() -> &'static Policy {
    static P: OnceLock<Policy> = OnceLock::new();
    P.get_or_init(Policy::builtin)
}

/// serde_json's reading of the whole text (after a BOM, as the library allows one).
fn by_serde_json(data: &[u8]) -> Option<Dataset> {
    let text = std::str::from_utf8(data).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let de = &mut serde_json::Deserializer::from_str(text);
    let ds = <Dataset as serde::Deserialize>::deserialize(&mut *de).ok()?;
    de.end().ok()?;
    Some(ds)
}

fuzz_target!(|data: &[u8]| {
    let read = Dataset::from_json_bytes(data);
    match (&read, by_serde_json(data)) {
        (Ok(a), Some(b)) => assert_eq!(a.to_json(), b.to_json(), "read otherwise than serde_json reads it"),
        (Ok(_), None) => panic!("read a document serde_json refuses"),
        (Err(e), Some(_)) => panic!("refused a document serde_json reads: {e}"),
        (Err(_), None) => {}
    }
    let Ok(ds) = read else { return };
    if policy().validate(&ds).is_err() {
        return;
    }
    let year = policy().evaluate_year(&ds).expect("a valid dataset evaluates");
    let n: usize = year.months.iter().map(|m| m.records.len()).sum();
    assert_eq!(n, ds.records.len(), "every record appears once");
    let _ = policy().evaluate_period(&ds, Period::Quarter { year: ds.year, quarter: 2 }).expect("a valid dataset evaluates a quarter");
});
