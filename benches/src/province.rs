//! Times a whole scale: `cargo run --release -p kaoping-benches --bin province -- target/bench-data/province 3`
//! prints the medians of parse + validate, of the evaluation of every hall-year on one core and
//! with rayon, with full explanations and scores only, and the peak memory. Each hall's result is
//! digested and dropped before the next (as a platform hands results on), and the digests of
//! every way of running must agree. The one-core figures count kaoping's time only (evaluating and
//! dropping each result, not the digest); the rayon figures are wall time, digests included.
//! Other modes (the third argument): `full` or `scores` (one level), `subset` (the pandas
//! baseline's work), `subset-empty` (the same staff-months without their records: the fixed cost
//! of a subject-month), `floor` (a floor under it), `json` (the C ABI call's phases), `ffi` (the C ABI
//! against the same work in Rust, alternately), `parse` (parse and validate apart), `dump OUT`
//! (each hall-year's JSON, full and scores only, into OUT: to compare two engines byte for byte),
//! `once` (each hall-year evaluated once at the scores level on one core: for instruction counts,
//! which the `scores` mode's rayon run would double).

use kaoping_benches::*;
use kaoping_core::{Dataset, Explain, Policy};
use std::time::Instant;

/// With `--features mimalloc`, the process allocates with mimalloc instead of the system's
/// allocator (an application's choice; the library does not set one). BENCHMARKS.md reports both.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .map(|kib| kib / 1024.0)
        .unwrap_or(f64::NAN)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/bench-data/province".into());
    let runs: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    // an optional third argument runs one level only (`full` or `scores`), for profiling, or
    // `subset`: the pandas baseline's work only (see [`subset`]), or `json`: the phases of the C
    // ABI's hall-year call (see [`json_phases`])
    let only = std::env::args().nth(3);
    if only.as_deref() == Some("subset") {
        return subset(&dir, runs, false);
    }
    if only.as_deref() == Some("subset-empty") {
        return subset(&dir, runs, true);
    }
    if only.as_deref() == Some("json") {
        return json_phases(&dir, runs);
    }
    if only.as_deref() == Some("floor") {
        return floor(&dir, runs);
    }
    if only.as_deref() == Some("ffi") {
        return ffi_against_native(&dir, runs);
    }
    if only.as_deref() == Some("parse") {
        return parse_apart(&dir, runs);
    }
    if only.as_deref() == Some("once") {
        return once(&dir);
    }
    if only.as_deref() == Some("memory") {
        return memory(&dir);
    }
    if only.as_deref() == Some("dump") {
        let out = std::env::args().nth(4).expect("dump OUT: the folder to write into");
        return dump(&dir, out.as_ref());
    }
    let policy = Policy::builtin();
    let texts = read_all(&hall_files(dir.as_ref()));
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    // parse + validate: the datasets from JSON, each checked against the policy once
    let mut parse = Vec::new();
    for _ in 0..runs.saturating_sub(1) {
        let t = Instant::now();
        let halls: Vec<Dataset> = texts.iter().map(|t| Dataset::from_json(t).expect("parses")).collect();
        let checked = check_all(&policy, &halls);
        parse.push(t.elapsed().as_secs_f64());
        drop(checked);
    }
    let t = Instant::now();
    let halls: Vec<Dataset> = texts.iter().map(|t| Dataset::from_json(t).expect("parses")).collect();
    let checked = check_all(&policy, &halls);
    parse.push(t.elapsed().as_secs_f64());
    drop(texts);
    let n = records(&halls);
    println!(
        "scale {dir}: {} halls, {n} records, {:.1} MB JSON; allocator: {}",
        halls.len(),
        bytes as f64 / 1e6,
        if cfg!(feature = "mimalloc") { "mimalloc" } else { "system" }
    );
    let p = median(parse);
    println!("parse + validate            {:8.3} s  ({:.0} records/s)", p, n as f64 / p);
    let mut reference: Option<Vec<u64>> = None;
    for explain in [Explain::Full, Explain::Scores] {
        if only.as_deref().is_some_and(|o| !format!("{explain:?}").eq_ignore_ascii_case(o)) {
            continue;
        }
        let mut seq = Vec::new();
        let mut par = Vec::new();
        for _ in 0..runs {
            let (a, spent) = province_checked(&checked, explain);
            seq.push(spent);
            let t = Instant::now();
            let b = province_checked_parallel(&checked, explain);
            par.push(t.elapsed().as_secs_f64());
            assert_eq!(a, b, "rayon changed a result");
            if explain == Explain::Full {
                assert!(reference.as_ref().is_none_or(|r| *r == a), "a run changed a result");
                // the same as evaluating from the dataset, validation included
                let k = 1.min(halls.len());
                assert_eq!(province_streaming(&policy, &halls[..k], explain)[..], a[..k]);
                reference = Some(a);
            }
        }
        let (s, r) = (median(seq), median(par));
        let name = format!("{explain:?}").to_lowercase();
        println!("evaluate ({name:6}), 1 core  {:8.3} s  ({:.0} records/s)", s, n as f64 / s);
        println!("evaluate ({name:6}), rayon   {:8.3} s  ({} threads)", r, rayon::current_num_threads());
    }
    println!("peak memory                 {:8.0} MiB", peak_rss_mib());
}

/// Each hall-year's JSON (`Explain::Full` and `Explain::Scores`), written into `out` by the
/// hall file's name: the same input through two builds must give the same bytes (issue 19's
/// "every number, grade, flag, rank, award and record outcome unchanged").
fn dump(dir: &str, out: &std::path::Path) {
    let policy = Policy::builtin();
    std::fs::create_dir_all(out).expect("the output folder");
    let files = hall_files(dir.as_ref());
    for (f, text) in files.iter().zip(read_all(&files)) {
        let ds = Dataset::from_json(&text).expect("parses");
        let name = f.file_stem().and_then(|s| s.to_str()).expect("a file name");
        for (level, explain) in [("full", Explain::Full), ("scores", Explain::Scores)] {
            let h = policy.evaluate_hall_year_with(&ds, explain).expect("valid");
            let json = serde_json::to_string_pretty(&h).expect("serialises");
            std::fs::write(out.join(format!("{name}.{level}.json")), json).expect("written");
        }
    }
    println!("{} halls written to {}", files.len(), out.display());
}

/// The pandas baseline's subset ("monthly staff scores"): the county policy reduced to it
/// (benches/baseline/subset-policy.json), the records of its codes (the others are dropped before
/// timing, as the baseline ignores them), and the twelve months only, without text, after
/// validation (pandas' ingest is timed apart from its scoring too). `empty`: every record
/// dropped, so that what is left is the fixed cost of the same staff-months (and window-months).
fn subset(dir: &str, runs: usize, empty: bool) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let policy_text = std::fs::read_to_string(root.join("baseline/subset-policy.json")).expect("subset policy");
    let policy = Policy::from_json(&policy_text).expect("a valid policy");
    let halls: Vec<kaoping_core::Dataset> = read_all(&hall_files(dir.as_ref()))
        .iter()
        .map(|t| {
            let mut d = kaoping_core::Dataset::from_json(t).expect("parses");
            d.records.retain(|r| !empty && policy.item(r.rule()).is_some());
            d
        })
        .collect();
    // validated once, before timing, as the baseline's ingest is timed apart from its scoring
    let checked = check_all(&policy, &halls);
    let n = records(&halls);
    let mut times = Vec::new();
    let mut totals = 0usize;
    for _ in 0..runs {
        let t = Instant::now();
        for c in &checked {
            let y = c.evaluate_year(Explain::Scores);
            totals += y.months.iter().map(|m| m.staff.len()).sum::<usize>();
        }
        times.push(t.elapsed().as_secs_f64());
    }
    let s = median(times);
    println!("scale {dir}: {} halls, {n} records of the subset's codes", halls.len());
    println!("subset (monthly staff scores), 1 core  {:8.3} s  ({:.0} records/s; {} staff-months a run)", s, n as f64 / s, totals / runs);
    println!("peak memory                 {:8.0} MiB", peak_rss_mib());
}

/// The phases of `kp_evaluate_hall_year` for each hall (JSON in, hall-year, JSON out), timed apart:
/// parse, validate, evaluate and serialise, at both levels (full text indented, as the call's
/// default; scores only compact, as with `KP_SCORES_ONLY | KP_COMPACT`). Medians per hall.
/// Parse and validate apart, every hall's dataset kept as the main mode keeps them: the JSON
/// into datasets (`Dataset::from_json`), then each checked against the county policy.
/// Memory as a platform holds the province: each hall's file read, parsed and its text dropped
/// before the next (the other modes read every file first, to time the parse without the disk,
/// and so hold all the JSON at once); then every hall checked, each `Checked` kept; then every
/// hall's year evaluated (full text) and dropped, one after another. Prints the peak after each
/// step (`VmHWM`) and the resident memory at the end of it (`VmRSS`).
fn memory(dir: &str) {
    let rss = || {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
            .map(|kib| kib / 1024.0)
            .unwrap_or(f64::NAN)
    };
    let policy = Policy::builtin();
    let files = hall_files(dir.as_ref());
    let mut bytes = 0;
    let halls: Vec<Dataset> = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).expect("readable");
            bytes += text.len();
            Dataset::from_json(&text).expect("parses")
        })
        .collect();
    println!("scale {dir}: {} halls, {} records, {:.1} MB of JSON (1.5× is {:.0} MiB)", halls.len(), records(&halls), bytes as f64 / 1e6, 1.5 * bytes as f64 / 1048576.0);
    println!("datasets parsed, each text dropped      peak {:6.0} MiB, resident {:6.0} MiB", peak_rss_mib(), rss());
    let held = halls.iter().map(|d| d.records.heap_bytes()).sum::<usize>();
    println!("  of which the records' lists           {:6.0} MiB ({} records, {:.0} bytes each)", held as f64 / 1048576.0, records(&halls), held as f64 / records(&halls) as f64);
    let checked = check_all(&policy, &halls);
    println!("and every hall checked (kept)           peak {:6.0} MiB, resident {:6.0} MiB", peak_rss_mib(), rss());
    let (digests, _) = province_checked(&checked, Explain::Full);
    println!("and each hall-year evaluated, dropped   peak {:6.0} MiB, resident {:6.0} MiB ({} halls)", peak_rss_mib(), rss(), digests.len());
}

/// Each hall's year evaluated once at the scores level, on one core, and digested, and nothing
/// else: what an instruction count of one evaluation needs
/// (`valgrind --tool=callgrind --toggle-collect='kaoping_benches::province_checked' … once`).
/// The `scores` mode also evaluates every hall with rayon, and such a count takes that run too.
fn once(dir: &str) {
    let policy = Policy::builtin();
    let texts = read_all(&hall_files(dir.as_ref()));
    let halls: Vec<Dataset> = texts.iter().map(|t| Dataset::from_json(t).expect("parses")).collect();
    let checked = check_all(&policy, &halls);
    let (digests, spent) = province_checked(&checked, Explain::Scores);
    println!("{} hall-years evaluated once (scores, 1 core) in {spent:.3} s; digest of the first {:016x}", digests.len(), digests.first().copied().unwrap_or(0));
}

fn parse_apart(dir: &str, runs: usize) {
    let policy = Policy::builtin();
    let texts = read_all(&hall_files(dir.as_ref()));
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let (mut parse, mut check) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let t = Instant::now();
        let halls: Vec<Dataset> = texts.iter().map(|t| Dataset::from_json(t).expect("parses")).collect();
        parse.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let checked = check_all(&policy, &halls);
        check.push(t.elapsed().as_secs_f64());
        drop(checked);
    }
    let (p, c) = (median(parse), median(check));
    println!("parse     {p:8.3} s  ({:.0} MB/s)", bytes as f64 / 1e6 / p);
    println!("validate  {c:8.3} s");
    println!("together  {:8.3} s  ({:.0} MB/s)", p + c, bytes as f64 / 1e6 / (p + c));
    println!("peak memory {:8.0} MiB", peak_rss_mib());
}

fn json_phases(dir: &str, runs: usize) {
    let policy = Policy::builtin();
    let texts = read_all(&hall_files(dir.as_ref()));
    for (explain, compact) in [(Explain::Full, false), (Explain::Scores, true)] {
        let (mut parse, mut check, mut eval, mut write, mut bytes) = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), 0);
        for _ in 0..runs {
            for t in &texts {
                let t0 = Instant::now();
                let ds = Dataset::from_json(t).expect("parses");
                let t1 = Instant::now();
                let c = policy.check(&ds).expect("valid");
                let t2 = Instant::now();
                let y = c.evaluate_hall_year(explain);
                let t3 = Instant::now();
                let json = if compact { serde_json::to_string(&y) } else { kaoping_core::json::to_string_pretty(&y) }.expect("serialises");
                let t4 = Instant::now();
                bytes = json.len();
                parse.push((t1 - t0).as_secs_f64());
                check.push((t2 - t1).as_secs_f64());
                eval.push((t3 - t2).as_secs_f64());
                write.push((t4 - t3).as_secs_f64());
            }
        }
        let ms = |v: Vec<f64>| median(v) * 1e3;
        println!(
            "hall-year through JSON ({explain:?}, {}): parse {:.1} ms, validate {:.1} ms, evaluate {:.1} ms, write {:.1} ms ({:.1} MB)",
            if compact { "compact" } else { "indented" },
            ms(parse),
            ms(check),
            ms(eval),
            ms(write),
            bytes as f64 / 1e6
        );
    }
}

/// A floor under the subset's evaluation: only what any evaluation that keeps kaoping's promise
/// must do, with none of the scoring. Every record of the subset's codes gets its outcome (the
/// result's `RecordOutcome`, with its one charge, its shared ids and codes, a month's vector of
/// them) and every staff-month its total summed from its records' points, then all is dropped, as
/// the subset bench drops its result. No caps, no rule kinds, no categories: the time of this is
/// less than any engine that explains every record can take. Two lower floors beside it: the same
/// with a compact outcome of 32 bytes (indices instead of shared texts: what a result type
/// redesigned for speed could hold at best), and the staff-month sums alone (no outcome at all:
/// reading the records and adding their points). BENCHMARKS.md compares them with the pandas
/// baseline's scoring (a tenth of which is the target).
fn floor(dir: &str, runs: usize) {
    use kaoping_core::result::{Charge, Charges, OutcomeKind, RecordOutcome};
    use kaoping_core::Text;
    use rust_decimal::Decimal;
    use std::collections::HashMap;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let policy_text = std::fs::read_to_string(root.join("baseline/subset-policy.json")).expect("subset policy");
    let policy = Policy::from_json(&policy_text).expect("a valid policy");
    // per hall, before timing: each record's shared texts, staff index and month (as the engine's
    // check builds its index), and the records in month order
    struct Hall {
        texts: Vec<(Text, Text, Text)>,
        at: Vec<(u32, u32)>,
        months: Vec<Vec<usize>>,
        staff: usize,
        records: Vec<kaoping_core::Record>,
    }
    let halls: Vec<Hall> = read_all(&hall_files(dir.as_ref()))
        .iter()
        .map(|t| {
            let mut d = Dataset::from_json(t).expect("parses");
            d.records.retain(|r| policy.item(r.rule()).is_some());
            let mut interned: HashMap<String, Text> = HashMap::new();
            let mut intern = |s: &str| interned.entry(s.to_string()).or_insert_with(|| Text::new(s)).clone();
            let staff: HashMap<&str, u32> = d.staff.iter().enumerate().map(|(i, s)| (s.id.as_str(), i as u32)).collect();
            let texts = d.records.iter().map(|r| (Text::new(r.id()), intern(r.rule()), intern(r.subject()))).collect();
            let at = d.records.iter().map(|r| (staff.get(r.subject()).copied().unwrap_or(0), chrono::Datelike::month(&r.date()) - 1)).collect::<Vec<_>>();
            let mut months = vec![Vec::new(); 12];
            for (i, (_, m)) in at.iter().enumerate() {
                months[*m as usize].push(i);
            }
            let n = d.staff.len();
            Hall { texts, at, months, staff: n, records: d.records.to_vec() }
        })
        .collect();
    let n: usize = halls.iter().map(|h| h.records.len()).sum();
    // each record's rule as a small index into the hall's rule codes (as an engine's check would
    // resolve it once), for the compact outcome below
    let rule_ix: Vec<Vec<u16>> = halls
        .iter()
        .map(|h| {
            let mut codes: Vec<&str> = Vec::new();
            h.records
                .iter()
                .map(|r| match codes.iter().position(|c| *c == r.rule) {
                    Some(i) => i as u16,
                    None => {
                        codes.push(&r.rule);
                        (codes.len() - 1) as u16
                    }
                })
                .collect()
        })
        .collect();
    // An outcome as small as one can be made and still say what `RecordOutcome` says about a
    // counted record: which record (its place in the dataset), its rule (an index, above),
    // status, outcome, reason, counted occurrences and points; 32 bytes, nothing shared.
    #[derive(Clone, Copy)]
    #[allow(dead_code)]
    struct Compact {
        points: Decimal,
        record: u32,
        counted: u32,
        rule: u16,
        status: u8,
        outcome: u8,
        reason: u8,
    }
    // One floor's run: every record's points summed per staff-month, and its outcome, if
    // `outcome` makes one (from the hall's index, the record's index and its points), kept in its
    // month's vector; then all dropped. Returns the time and the points summed.
    fn pass<O>(halls: &[Hall], outcome: impl Fn(usize, usize, Decimal) -> Option<O>) -> (f64, Decimal) {
        let t = Instant::now();
        let mut sum = Decimal::ZERO;
        for (hi, h) in halls.iter().enumerate() {
            let mut months = Vec::with_capacity(12);
            for m in &h.months {
                let mut totals = vec![Decimal::ZERO; h.staff];
                let mut out = Vec::with_capacity(m.len());
                for &i in m {
                    let r = &h.records[i];
                    let points = r.points().unwrap_or(Decimal::ONE) * Decimal::from(r.count);
                    totals[h.at[i].0 as usize] += points;
                    if let Some(o) = outcome(hi, i, points) {
                        out.push(o);
                    }
                }
                months.push((out, totals));
            }
            sum += months.iter().map(|(_, t)| t.iter().copied().sum::<Decimal>()).sum::<Decimal>();
            drop(std::hint::black_box(months));
        }
        (t.elapsed().as_secs_f64(), sum)
    }
    // three floors, run alternately (one run of each per round) so that a slow spell of the
    // machine weighs on all three alike: the result's own outcomes, compact outcomes, no outcomes
    let mut times = [Vec::new(), Vec::new(), Vec::new()];
    let mut check = [Decimal::ZERO; 3];
    for _ in 0..runs {
        let round = [
            pass(&halls, |hi, i, points| {
                let (r, (id, rule, subject)) = (&halls[hi].records[i], &halls[hi].texts[i]);
                let mut charges = Charges::new();
                charges.push(Charge {
                    subject: subject.clone(),
                    rule: rule.clone(),
                    occurrences: r.count,
                    counted_occurrences: r.count,
                    raw: points,
                    points,
                    reason: None,
                });
                Some(RecordOutcome {
                    record: id.clone(),
                    rule: rule.clone(),
                    subject: subject.clone(),
                    date: r.date,
                    status: r.status,
                    outcome: OutcomeKind::Counted,
                    occurrences: r.count,
                    counted_occurrences: r.count,
                    points,
                    reason: None,
                    detail: Text::default(),
                    charges,
                })
            }),
            pass(&halls, |hi, i, points| {
                let r = &halls[hi].records[i];
                Some(Compact {
                    points,
                    record: i as u32,
                    counted: r.count,
                    rule: rule_ix[hi][i],
                    status: r.status as u8,
                    outcome: OutcomeKind::Counted as u8,
                    reason: 0,
                })
            }),
            pass(&halls, |_, _, _| None::<()>),
        ];
        for (k, (time, sum)) in round.into_iter().enumerate() {
            times[k].push(time);
            check[k] += sum;
        }
    }
    assert!(check[0] == check[1] && check[1] == check[2], "the floors summed different points");
    println!(
        "scale {dir}: {} halls, {n} records of the subset's codes ({} bytes a parsed record); {runs} rounds, the three floors alternately",
        halls.len(),
        std::mem::size_of::<kaoping_core::Record>()
    );
    let [full, compact, sums] = times.map(median);
    for (what, s, size) in [
        ("record outcomes (RecordOutcome) + staff-month sums", full, std::mem::size_of::<RecordOutcome>()),
        ("compact outcomes + staff-month sums", compact, std::mem::size_of::<Compact>()),
        ("staff-month sums only, no outcome", sums, 0),
    ] {
        println!("floor: {what:52} 1 core  {:8.4} s  ({:.0} records/s; {size} bytes an outcome)", s, n as f64 / s);
    }
    println!("(check: {} points a round)", check[0] / Decimal::from(runs));
}

/// The C ABI's calls against the same work in Rust, JSON in and out, on the scale's first hall,
/// timed alternately (one native call, then one through the C ABI, `runs` rounds), so that a slow
/// spell of the machine weighs on both medians alike; criterion times them minutes apart. Each
/// pair's outputs must be the same bytes.
fn ffi_against_native(dir: &str, runs: usize) {
    use kaoping::*;
    use std::ffi::CStr;
    use std::ptr;
    let policy = Policy::builtin();
    // the first hall only (a province's directory holds a hundred)
    let text = std::fs::read_to_string(&hall_files(dir.as_ref())[0]).expect("readable");
    let mut engine = ptr::null_mut();
    // SAFETY: the C ABI's documented use: an engine made, used and freed once, outputs freed
    assert_eq!(unsafe { kp_engine_new_builtin(&mut engine) }, KpStatus::KpOk);
    // the call's output, as the C ABI hands it over (to be freed with kp_string_free)
    let ffi = |flags: Option<u32>| -> *mut std::ffi::c_char {
        let mut out = ptr::null_mut();
        let status = unsafe {
            match flags {
                Some(f) => kp_evaluate_hall_year(engine, text.as_ptr(), text.len(), f, &mut out, ptr::null_mut()),
                None => kp_evaluate_year(engine, text.as_ptr(), text.len(), &mut out, ptr::null_mut()),
            }
        };
        assert_eq!(status, KpStatus::KpOk);
        out
    };
    let native = |which: u8| -> String {
        let d = Dataset::from_json(&text).expect("parses");
        match which {
            0 => kaoping_core::json::to_string_pretty(&policy.evaluate_hall_year(&d).expect("valid")),
            1 => serde_json::to_string(&policy.evaluate_hall_year_with(&d, Explain::Scores).expect("valid")),
            _ => kaoping_core::json::to_string_pretty(&policy.evaluate_year(&d).expect("valid")),
        }
        .expect("serialises")
    };
    let cases: [(&str, u8, Option<u32>); 3] = [
        ("hall-year, full text, indented (flags 0)", 0, Some(0)),
        ("hall-year, KP_SCORES_ONLY | KP_COMPACT", 1, Some(KP_SCORES_ONLY | KP_COMPACT)),
        ("year (kp_evaluate_year)", 2, None),
    ];
    for (name, which, flags) in cases {
        let out = ffi(flags);
        assert!(native(which).as_bytes() == unsafe { CStr::from_ptr(out) }.to_bytes(), "{name}: the C ABI's bytes differ from the core's");
        unsafe { kp_string_free(out) };
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            // the time of each call includes freeing its output, as a caller does
            let t = Instant::now();
            drop(std::hint::black_box(native(which)));
            a.push(t.elapsed().as_secs_f64());
            let t = Instant::now();
            unsafe { kp_string_free(std::hint::black_box(ffi(flags))) };
            b.push(t.elapsed().as_secs_f64());
        }
        let (n, f) = (median(a), median(b));
        println!("{name:42} native {:6.2} ms, C ABI {:6.2} ms: C ABI / native {:.3}", n * 1e3, f * 1e3, f / n);
    }
    unsafe { kp_engine_free(engine) };
}
