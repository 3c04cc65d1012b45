//! The bad-input corpus (`tests/bad-inputs/`): every file gives exactly the error `expected.json`
//! names (kind, path, message, record, rule) — or is accepted when marked ok — and nothing panics.
//! A dataset is checked against the built-in policy, or against the corpus's policy file its entry
//! names (`"policy"`), and an accepted dataset is evaluated too.
//! Also inputs too big to commit (a 50 MB string, a huge record count) are built here.

use kaoping_core::{Dataset, Errors, Policy};
use serde_json::Value;
use std::path::PathBuf;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/bad-inputs")
}

/// `policy`: the policy a dataset is checked against (the built-in one when `None`).
fn check(bytes: &[u8], document: &str, policy: Option<&Policy>) -> Result<(), Errors> {
    match document {
        "dataset" => {
            let ds = Dataset::from_json_bytes(bytes)?;
            let builtin;
            let p = match policy {
                Some(p) => p,
                None => {
                    builtin = Policy::builtin();
                    &builtin
                }
            };
            p.validate(&ds)?;
            // a valid dataset must also evaluate
            p.evaluate_year(&ds).map(|_| ())
        }
        _ => Policy::from_json_bytes(bytes).map(|_| ()),
    }
}

fn kind_name(e: &Errors) -> String {
    serde_json::to_value(e.problems[0].kind)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn every_corpus_file_gives_its_expected_error() {
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("expected.json")).unwrap())
            .unwrap();
    let cases = manifest.as_object().unwrap();
    assert!(cases.len() >= 60, "the corpus has {} files", cases.len());
    let mut failures = Vec::new();
    for (name, exp) in cases {
        let bytes = std::fs::read(corpus().join(name)).unwrap();
        let document = exp["document"].as_str().unwrap();
        // a dataset's own policy (issue 20, item 1): a policy file of the corpus, accepted alone
        let policy = match exp.get("policy").and_then(Value::as_str) {
            None => None,
            Some(file) => {
                let text = std::fs::read_to_string(corpus().join(file)).unwrap();
                match std::panic::catch_unwind(|| Policy::from_json(&text)) {
                    Ok(Ok(p)) => Some(p),
                    Ok(Err(e)) => {
                        failures.push(format!("{name}: its policy {file} is refused: {e}"));
                        continue;
                    }
                    Err(_) => {
                        failures.push(format!("{name}: its policy {file}: PANIC"));
                        continue;
                    }
                }
            }
        };
        // the policy is only read: a panic leaves nothing half-changed
        let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&bytes, document, policy.as_ref())));
        let got = match got {
            Ok(r) => r,
            Err(_) => {
                failures.push(format!("{name}: PANIC"));
                continue;
            }
        };
        match (exp["ok"].as_bool().unwrap(), got) {
            (true, Ok(())) => {}
            (true, Err(e)) => failures.push(format!("{name}: expected ok, got {e}")),
            (false, Ok(())) => failures.push(format!("{name}: expected an error, got ok")),
            (false, Err(e)) => {
                assert_eq!(e.document, document, "{name}");
                let first = &e.problems[0];
                let want = &exp["first"];
                let got_first = serde_json::json!({
                    "kind": kind_name(&e), "path": first.path, "message": first.message,
                    "record": first.record, "rule": first.rule,
                });
                let mut w = want.clone();
                for k in ["record", "rule"] {
                    if w.get(k).is_none() {
                        w[k] = Value::Null;
                    }
                }
                if got_first != w {
                    failures.push(format!("{name}:\n   want {w}\n   got  {got_first}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus files differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn peak_rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

#[test]
fn a_50_mb_string_is_refused_with_bounded_memory() {
    let big = "字".repeat(50 * 1024 * 1024 / 3);
    let text = format!(
        r#"{{"hall": {{"id": "H", "name": "h"}}, "year": 2026, "departments": [{{"id": "D", "name": "d"}}],
        "windows": [{{"id": "W", "name": "w", "department": "D"}}], "staff": [{{"id": "S", "name": "s", "assignments": [{{"window": "W"}}]}}],
        "records": [{{"id": "R", "rule": "S1.2", "subject": "S", "date": "2026-10-01", "note": "{big}"}}]}}"#
    );
    drop(big);
    let e = check(text.as_bytes(), "dataset", None).unwrap_err();
    assert_eq!(e.problems[0].path, "records[0].note");
    assert!(
        e.problems[0]
            .message
            .starts_with("a text is at most 4096 characters"),
        "{}",
        e.problems[0].message
    );
    // the document (50 MB) and its parse (50 MB) fit well inside the 1 GiB budget of SECURITY.md
    if let Some(kib) = peak_rss_kib() {
        assert!(kib < 1024 * 1024, "peak memory {kib} KiB");
    }
}

#[test]
fn a_huge_id_and_a_huge_count_are_refused() {
    let id = "9".repeat(10_000);
    let text = format!(
        r#"{{"hall": {{"id": "H", "name": "h"}}, "year": 2026, "departments": [{{"id": "D", "name": "d"}}],
        "windows": [{{"id": "W", "name": "w", "department": "D"}}], "staff": [{{"id": "S", "name": "s", "assignments": [{{"window": "W"}}]}}],
        "records": [{{"id": "{id}", "rule": "S1.2", "subject": "S", "date": "2026-10-01", "count": 4294967295}}]}}"#
    );
    let e = check(text.as_bytes(), "dataset", None).unwrap_err();
    let paths: Vec<&str> = e.problems.iter().map(|p| p.path.as_str()).collect();
    assert!(
        paths.contains(&"records[0].id") && paths.contains(&"records[0].count"),
        "{paths:?}"
    );
}

#[test]
fn many_records_evaluate_without_growing_beyond_their_size() {
    // 200,000 records on one staff member: every one is kept in the result (C10), nothing blows up
    let mut recs = Vec::new();
    for i in 0..200_000u32 {
        recs.push(format!(
            r#"{{"id": "R{i}", "rule": "S3.1", "subject": "S", "date": "2026-{:02}-{:02}"}}"#,
            1 + i % 12,
            1 + i % 28
        ));
    }
    let text = format!(
        r#"{{"hall": {{"id": "H", "name": "h"}}, "year": 2026, "departments": [{{"id": "D", "name": "d"}}],
        "windows": [{{"id": "W", "name": "w", "department": "D", "heads": [{{"staff": "S"}}]}}], "staff": [{{"id": "S", "name": "s", "assignments": [{{"window": "W"}}]}}],
        "records": [{}]}}"#,
        recs.join(",")
    );
    let ds = Dataset::from_json(&text).unwrap();
    let year = Policy::builtin().evaluate_year(&ds).unwrap();
    let n: usize = year.months.iter().map(|m| m.records.len()).sum();
    assert_eq!(n, 200_000);
    // S3 max 30: 1 point each, exhausted after 30 a month
    assert_eq!(
        year.month(1).unwrap().staff.get(0).unwrap()
            .category("S3")
            .unwrap()
            .score(),
        rust_decimal::Decimal::ZERO
    );
}

#[test]
fn a_kinds_threshold_naming_no_item_or_category_is_one_problem_each() {
    // S5.2 is a count_threshold kind: its threshold (params) counts S5.1 and zeroes S5
    let base: Value = serde_json::from_str(kaoping_core::BUILTIN_POLICY_JSON).unwrap();
    let i = base["rules"].as_array().unwrap().iter().position(|r| r["code"] == "S5.2").unwrap();
    for (field, value, message) in [
        ("counts", "S5.9", "no rule item \"S5.9\" to count"),
        ("zero_category", "S9", "S9"),
    ] {
        let mut p = base.clone();
        p["rules"][i]["params"][field] = value.into();
        let e = Policy::from_json(&p.to_string()).expect_err("refused");
        assert_eq!(e.problems.len(), 1, "{field}: {:?}", e.problems);
        let pr = &e.problems[0];
        assert_eq!(pr.path, format!("rules[{i}].params.{field}"));
        assert_eq!(pr.rule.as_deref(), Some("S5.2"));
        assert!(pr.message.contains(message), "{}", pr.message);
    }
}

/// Codes, subjects and notes are held once for all the records that share them, and measured
/// once: a record whose subject, code or note is too long is still named, each one at its place,
/// and a record of the same note as another named too.
#[test]
fn a_shared_text_too_long_is_named_at_every_record_that_gives_it() {
    let (long_id, long_note) = ("九".repeat(129), "注".repeat(4097));
    let text = format!(
        r#"{{"hall": {{"id": "H", "name": "h"}}, "year": 2026, "departments": [{{"id": "D", "name": "d"}}],
        "windows": [{{"id": "W", "name": "w", "department": "D"}}], "staff": [{{"id": "S", "name": "s", "assignments": [{{"window": "W"}}]}}],
        "records": [{{"id": "R0", "rule": "S1.2", "subject": "S", "date": "2026-10-01", "note": "short"}},
                    {{"id": "R1", "rule": "S1.2", "subject": "{long_id}", "date": "2026-10-01"}},
                    {{"id": "R2", "rule": "S1.2", "subject": "S", "date": "2026-10-01", "note": "{long_note}"}},
                    {{"id": "R3", "rule": "S1.2", "subject": "S", "date": "2026-10-02", "note": "{long_note}"}},
                    {{"id": "R4", "rule": "{long_id}", "subject": "S", "date": "2026-10-02", "evidence": "short"}}]}}"#
    );
    let e = check(text.as_bytes(), "dataset", None).unwrap_err();
    let limits: Vec<(&str, Option<&str>)> = e
        .problems
        .iter()
        .filter(|p| p.message.starts_with("an id or code is at most 128") || p.message.starts_with("a text is at most 4096"))
        .map(|p| (p.path.as_str(), p.record.as_deref()))
        .collect();
    assert_eq!(
        limits,
        [("records[1].subject", Some("R1")), ("records[2].note", Some("R2")), ("records[3].note", Some("R3")), ("records[4].rule", Some("R4"))],
        "{e}"
    );
}
