//! Shared by the importer's fuzz targets: the sample hall as the roster, the built-in policy, and
//! what must hold of every import.

use kaoping_cli::import::{Format, Imported, import_bytes};
use kaoping_core::{Dataset, Policy};
use std::sync::LazyLock;

/// The sample hall (departments, windows, staff, targets) with its first 50 records, kept with
/// --append, and without its monthly metrics: the importer reads neither, and cloning, validating
/// and writing all 1,966 records and 351 metric rows made every run ten times slower.
pub static ROSTER: LazyLock<Dataset> = LazyLock::new(|| {
    let mut ds = Dataset::from_json(include_str!("../../examples/data/county-2026.json")).expect("the sample hall is a valid roster");
    ds.records.truncate(50);
    ds.metrics.clear();
    POLICY.validate(&ds).expect("the trimmed roster is valid");
    ds
});
pub static POLICY: LazyLock<Policy> = LazyLock::new(Policy::builtin);

/// Imports the bytes onto the sample roster. An error is a message naming what is wrong; a
/// success is a dataset that the command would write and that reads back as the same valid dataset.
pub fn check(bytes: &[u8], format: Format, file: &str, append: bool) {
    match import_bytes(bytes, format, file, &POLICY, &ROSTER, append) {
        Err(msg) => assert!(!msg.trim().is_empty(), "an error names its problem"),
        Ok(Imported { dataset, imported, kept, dropped }) => {
            assert_eq!(dataset.records.len(), imported + kept, "every imported record is in the dataset");
            assert_eq!(kept, if append { ROSTER.records.len() } else { 0 });
            assert_eq!(kept + dropped, ROSTER.records.len(), "every roster record is kept or counted as dropped");
            // what `kaoping import -o` writes, `kaoping validate` reads back unchanged
            let json = dataset.to_json();
            let back = Dataset::from_json(&json).expect("the written dataset reads back");
            POLICY.validate(&back).expect("the written dataset is valid");
            assert_eq!(back.to_json(), json, "the written dataset round-trips");
        }
    }
}
