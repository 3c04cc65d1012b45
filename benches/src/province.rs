//! Times a whole scale once: `cargo run --release -p kaoping-benches --bin province -- target/bench-data/province`
//! prints parse+validate time, evaluation time (one core, then rayon) and peak memory.

use kaoping_benches::*;
use kaoping_core::Policy;
use std::time::Instant;

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .map(|kib| kib / 1024.0)
        .unwrap_or(f64::NAN)
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/bench-data/province".into());
    let runs: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let policy = Policy::builtin();
    let texts = read_all(&hall_files(dir.as_ref()));
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mut parse = Vec::new();
    let mut seq = Vec::new();
    let mut par = Vec::new();
    let mut halls = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        halls = parse_all(&texts, &policy);
        parse.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let a = province_sequential(&policy, &halls);
        seq.push(t.elapsed().as_secs_f64());
        drop(a);
        let t = Instant::now();
        let b = province_parallel(&policy, &halls);
        par.push(t.elapsed().as_secs_f64());
        drop(b);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[v.len() / 2]
    };
    let n = records(&halls);
    let (p, s, r) = (median(&mut parse), median(&mut seq), median(&mut par));
    println!("scale {dir}: {} halls, {n} records, {:.1} MB JSON", halls.len(), bytes as f64 / 1e6);
    println!("parse + validate   {:8.3} s  ({:.0} records/s)", p, n as f64 / p);
    println!("evaluate, 1 core   {:8.3} s  ({:.0} records/s)", s, n as f64 / s);
    println!("evaluate, rayon    {:8.3} s  ({} threads)", r, rayon::current_num_threads());
    println!("peak memory        {:8.0} MiB", peak_rss_mib());
}
