//! Helpers for the benchmarks: load a scale's halls, evaluate a province on one core or across
//! halls with rayon (the same bytes either way).

use kaoping_core::period::HallYear;
use kaoping_core::{Dataset, Policy};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The dataset files of a generated scale (`target/bench-data/<scale>/*.json`), sorted by name.
pub fn hall_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e} (generate it: python3 benches/generate.py --scale … --out {})", dir.display(), dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v
}

pub fn read_all(files: &[PathBuf]) -> Vec<String> {
    files.iter().map(|p| std::fs::read_to_string(p).expect("readable")).collect()
}

pub fn parse_all(texts: &[String], policy: &Policy) -> Vec<Dataset> {
    texts
        .iter()
        .map(|t| {
            let ds = Dataset::from_json(t).expect("a generated hall parses");
            policy.validate(&ds).expect("a generated hall is valid");
            ds
        })
        .collect()
}

/// Every hall's year (12 months, 4 quarters, the year, awards), one hall after another.
pub fn province_sequential(policy: &Policy, halls: &[Dataset]) -> Vec<HallYear> {
    halls.iter().map(|d| policy.evaluate_hall_year(d).expect("valid")).collect()
}

/// The same across halls with rayon; results in hall order.
pub fn province_parallel(policy: &Policy, halls: &[Dataset]) -> Vec<HallYear> {
    halls.par_iter().map(|d| policy.evaluate_hall_year(d).expect("valid")).collect()
}

pub fn records(halls: &[Dataset]) -> usize {
    halls.iter().map(|d| d.records.len()).sum()
}
