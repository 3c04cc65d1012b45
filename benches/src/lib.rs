//! Helpers for the benchmarks: load a scale's halls, evaluate a province on one core or across
//! halls with rayon (the same bytes either way).

use kaoping_core::period::HallYear;
use kaoping_core::{Checked, Dataset, Explain, Policy};
use rayon::prelude::*;
use std::hash::{Hash, Hasher};
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

/// A digest of a hall-year's every number and name: months (subjects, categories, lines, record
/// outcomes), quarters and the year (scores, ranks, awards). Equal digests mean equal results.
pub fn digest(h: &HallYear) -> u64 {
    let mut s = std::collections::hash_map::DefaultHasher::new();
    for m in &h.year.months {
        for x in m.windows.iter().chain(m.staff.iter()) {
            (&x.subject, x.total, &x.grade, x.base, x.bonus).hash(&mut s);
            for c in x.categories.iter().chain(x.bonuses.iter()) {
                (&c.code, c.points, c.score, c.lines.len()).hash(&mut s);
                for l in &c.lines {
                    (&l.rule, &l.record, l.raw, l.points, &l.detail).hash(&mut s);
                }
            }
            x.flags.len().hash(&mut s);
        }
        for r in &m.records {
            (&r.record, r.points, r.counted_occurrences, &r.detail, r.charges.len()).hash(&mut s);
        }
    }
    for p in h.quarters.iter().chain(std::iter::once(&h.annual)) {
        for x in p.windows.iter().chain(p.staff.iter()) {
            (&x.subject, x.score, x.rank, x.department_rank, &x.grade).hash(&mut s);
        }
        for a in &p.awards {
            (&a.award, &a.awarded, &a.tied_at_line).hash(&mut s);
        }
    }
    s.finish()
}

/// Every hall validated once and ready to evaluate ([`Policy::check`]).
pub fn check_all<'p, 'a>(policy: &'p Policy, halls: &'a [Dataset]) -> Vec<Checked<'p, 'a>> {
    halls.iter().map(|d| policy.check(d).expect("a generated hall is valid")).collect()
}

/// The province after parsing and validation: each checked hall's year evaluated, digested and
/// dropped before the next. One core.
pub fn province_checked(halls: &[Checked<'_, '_>], explain: Explain) -> Vec<u64> {
    halls.iter().map(|c| digest(&c.evaluate_hall_year(explain))).collect()
}

/// The same across halls with rayon.
pub fn province_checked_parallel(halls: &[Checked<'_, '_>], explain: Explain) -> Vec<u64> {
    halls.par_iter().map(|c| digest(&c.evaluate_hall_year(explain))).collect()
}

/// A province the way a platform runs it: each hall's year evaluated and handed on (here: to
/// [`digest`]) before the next, so memory holds one hall's result at a time. One core.
pub fn province_streaming(policy: &Policy, halls: &[Dataset], explain: Explain) -> Vec<u64> {
    halls.iter().map(|d| digest(&policy.evaluate_hall_year_with(d, explain).expect("valid"))).collect()
}

/// The same across halls with rayon (each worker holds one hall's result at a time).
pub fn province_streaming_parallel(policy: &Policy, halls: &[Dataset], explain: Explain) -> Vec<u64> {
    halls.par_iter().map(|d| digest(&policy.evaluate_hall_year_with(d, explain).expect("valid"))).collect()
}

pub fn records(halls: &[Dataset]) -> usize {
    halls.iter().map(|d| d.records.len()).sum()
}
