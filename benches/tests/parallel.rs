//! Parallelism must not change a single digit: rayon across halls gives the same bytes as one core.

use kaoping_benches::*;
use kaoping_core::{Dataset, Policy};

#[test]
fn rayon_across_halls_gives_identical_bytes() {
    let sample = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/county-2026.json")).unwrap();
    let policy = Policy::builtin();
    let halls: Vec<Dataset> = (0..4)
        .map(|i| {
            let mut d = Dataset::from_json(&sample).unwrap();
            d.hall.id = format!("H{i}");
            // make the halls differ: drop every (i+2)-th record
            let mut k = 0;
            d.records.retain(|_| {
                k += 1;
                k % (i + 2) != 0
            });
            d
        })
        .collect();
    let a = serde_json::to_string(&province_sequential(&policy, &halls)).unwrap();
    let b = serde_json::to_string(&province_parallel(&policy, &halls)).unwrap();
    assert_eq!(a.len(), b.len());
    assert!(a == b, "parallel output differs");
}
