//! Helpers for the benchmarks: load a scale's halls, evaluate a province on one core or across
//! halls with rayon (the same bytes either way).

use kaoping_core::period::HallYear;
use kaoping_core::{Checked, Dataset, Explain, Policy};
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

/// A digest of a hall-year's every number and name: months (subjects, categories, lines, record
/// outcomes), quarters and the year (scores, ranks, awards). Equal digests mean equal results; a
/// decimal is hashed with its scale (`1.0` and `1` differ, as they would in the JSON). A cheap
/// multiply-rotate hash, so that checking does not weigh on the timings.
pub fn digest(h: &HallYear) -> u64 {
    let mut d = Digest(0);
    for m in &h.year.months {
        for x in m.windows.iter().chain(m.staff.iter()) {
            d.text(x.subject()).dec(x.total()).text(x.grade()).dec(x.base()).dec(x.bonus());
            for c in x.all_categories() {
                d.text(c.code()).dec(c.points()).dec(c.score()).n(c.lines().len());
                for l in c.lines() {
                    d.text(&l.rule).text(l.record.as_deref().unwrap_or("")).dec(l.raw).dec(l.points).text(&l.detail);
                }
            }
            d.n(x.flags().len());
        }
        for r in &m.records {
            d.text(r.record()).dec(r.points()).n(r.counted_occurrences() as usize).text(&r.detail()).n(r.charge_count());
        }
    }
    for p in h.quarters.iter().chain(std::iter::once(&h.annual)) {
        for x in p.windows.iter().chain(p.staff.iter()) {
            d.text(&x.subject).dec(x.score).n(x.rank as usize).n(x.department_rank as usize).text(&x.grade);
        }
        for a in &p.awards {
            d.text(&a.award);
            for s in a.awarded.iter().chain(a.tied_at_line.iter()) {
                d.text(s);
            }
        }
    }
    d.0
}

struct Digest(u64);

impl Digest {
    fn word(&mut self, w: u64) -> &mut Self {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        self
    }
    fn n(&mut self, n: usize) -> &mut Self {
        self.word(n as u64)
    }
    fn dec(&mut self, v: rust_decimal::Decimal) -> &mut Self {
        let b = v.serialize();
        self.word(u64::from_le_bytes(b[..8].try_into().unwrap())).word(u64::from_le_bytes(b[8..].try_into().unwrap()))
    }
    fn text(&mut self, s: &str) -> &mut Self {
        let mut chunks = s.as_bytes().chunks_exact(8);
        for c in &mut chunks {
            self.word(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.word(u64::from_le_bytes(last)).word(s.len() as u64)
    }
}

/// Every hall validated once and ready to evaluate ([`Policy::check`]).
pub fn check_all<'p, 'a>(policy: &'p Policy, halls: &'a [Dataset]) -> Vec<Checked<'p, 'a>> {
    halls.iter().map(|d| policy.check(d).expect("a generated hall is valid")).collect()
}

/// The province after parsing and validation: each checked hall's year evaluated, handed on (here:
/// digested) and dropped before the next. One core. Returns the digests and the seconds spent in
/// kaoping (evaluating and dropping each result; the digest, the consumer's work, is not counted).
pub fn province_checked(halls: &[Checked<'_, '_>], explain: Explain) -> (Vec<u64>, f64) {
    let mut spent = std::time::Duration::ZERO;
    let digests = halls
        .iter()
        .map(|c| {
            let t = std::time::Instant::now();
            let y = c.evaluate_hall_year(explain);
            spent += t.elapsed();
            let d = digest(&y);
            let t = std::time::Instant::now();
            drop(y);
            spent += t.elapsed();
            d
        })
        .collect();
    (digests, spent.as_secs_f64())
}

/// The same across halls with rayon (timed by the caller as wall time, the digests included).
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
