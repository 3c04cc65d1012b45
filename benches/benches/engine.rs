//! criterion benches: parse + validate one hall; one month; a hall-year (months, quarters, year,
//! awards); the same through the C ABI (JSON in and out); a city on one core and with rayon.
//! Data: `python3 benches/generate.py --scale county|city --out target/bench-data/<scale>`
//! (falls back to the bundled sample when the county data is missing).

use criterion::{Criterion, criterion_group, criterion_main};
use kaoping::*;
use kaoping_benches::*;
use kaoping_core::{Dataset, Explain, Period, Policy};
use std::ffi::CString;
use std::hint::black_box;
use std::path::Path;
use std::ptr;

fn county_text() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = root.join("target/bench-data/county");
    match dir.is_dir() {
        true => std::fs::read_to_string(&hall_files(&dir)[0]).unwrap(),
        false => std::fs::read_to_string(root.join("examples/data/county-2026.json")).unwrap(),
    }
}

fn county(c: &mut Criterion) {
    let policy = Policy::builtin();
    let text = county_text();
    let ds = Dataset::from_json(&text).unwrap();
    let mut g = c.benchmark_group("county");
    g.sample_size(20);
    g.bench_function("parse_validate", |b| {
        b.iter(|| {
            let d = Dataset::from_json(black_box(&text)).unwrap();
            policy.validate(&d).unwrap();
            d
        })
    });
    g.bench_function("month_2026_12", |b| b.iter(|| policy.evaluate_month(black_box(&ds), "2026-12".parse().unwrap()).unwrap()));
    g.bench_function("hall_year", |b| b.iter(|| policy.evaluate_hall_year(black_box(&ds)).unwrap()));
    // the C ABI, JSON in and out: the year's months and the four quarters and the year
    let mut engine = ptr::null_mut();
    assert_eq!(unsafe { kp_engine_new_builtin(&mut engine) }, KpStatus::KpOk);
    let periods: Vec<CString> = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026"].iter().map(|p| CString::new(*p).unwrap()).collect();
    g.bench_function("ffi_year_json", |b| {
        b.iter(|| unsafe {
            let mut out = ptr::null_mut();
            assert_eq!(kp_evaluate_year(engine, text.as_ptr(), text.len(), &mut out, ptr::null_mut()), KpStatus::KpOk);
            kp_string_free(out);
        })
    });
    g.bench_function("ffi_periods_json", |b| {
        b.iter(|| unsafe {
            for p in &periods {
                let mut out = ptr::null_mut();
                assert_eq!(kp_evaluate_period(engine, text.as_ptr(), text.len(), p.as_ptr(), &mut out, ptr::null_mut()), KpStatus::KpOk);
                kp_string_free(out);
            }
        })
    });
    g.bench_function("hall_year_scores", |b| b.iter(|| policy.evaluate_hall_year_with(black_box(&ds), Explain::Scores).unwrap()));
    // a hall-year with JSON in and out: native, and through the C ABI, full and lean
    g.bench_function("native_hall_year_json", |b| {
        b.iter(|| {
            let d = Dataset::from_json(black_box(&text)).unwrap();
            kaoping_core::json::to_string_pretty(&policy.evaluate_hall_year(&d).unwrap()).unwrap()
        })
    });
    g.bench_function("ffi_hall_year_json", |b| {
        b.iter(|| unsafe {
            let mut out = ptr::null_mut();
            assert_eq!(kp_evaluate_hall_year(engine, text.as_ptr(), text.len(), 0, &mut out, ptr::null_mut()), KpStatus::KpOk);
            kp_string_free(out);
        })
    });
    g.bench_function("native_hall_year_scores_compact", |b| {
        b.iter(|| {
            let d = Dataset::from_json(black_box(&text)).unwrap();
            serde_json::to_string(&policy.evaluate_hall_year_with(&d, Explain::Scores).unwrap()).unwrap()
        })
    });
    g.bench_function("ffi_hall_year_scores_compact", |b| {
        b.iter(|| unsafe {
            let mut out = ptr::null_mut();
            assert_eq!(
                kp_evaluate_hall_year(engine, text.as_ptr(), text.len(), KP_SCORES_ONLY | KP_COMPACT, &mut out, ptr::null_mut()),
                KpStatus::KpOk
            );
            kp_string_free(out);
        })
    });
    // the work of the Python call kaoping.evaluate(policy, dataset, "2026") (benches/python_bench.py)
    g.bench_function("native_period_months_2026", |b| {
        b.iter(|| {
            let d = Dataset::from_json(black_box(&text)).unwrap();
            let (summary, months) = policy.evaluate_period_months(&d, Period::Year(2026), Explain::Full).unwrap();
            (kaoping_core::json::to_string_pretty(&summary).unwrap(), months)
        })
    });
    g.bench_function("native_year_json", |b| {
        b.iter(|| {
            let d = Dataset::from_json(black_box(&text)).unwrap();
            kaoping_core::json::to_string_pretty(&policy.evaluate_year(&d).unwrap()).unwrap()
        })
    });
    g.finish();
    unsafe { kp_engine_free(engine) };
}

fn city(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data/city");
    if !dir.is_dir() {
        eprintln!("skipping city benches: no {}", dir.display());
        return;
    }
    let policy = Policy::builtin();
    let halls = parse_all(&read_all(&hall_files(&dir)), &policy);
    let mut g = c.benchmark_group("city");
    g.sample_size(10);
    g.bench_function("one_core", |b| b.iter(|| province_sequential(&policy, black_box(&halls))));
    g.bench_function("rayon", |b| b.iter(|| province_parallel(&policy, black_box(&halls))));
    g.finish();
}

criterion_group!(benches, county, city);
criterion_main!(benches);
