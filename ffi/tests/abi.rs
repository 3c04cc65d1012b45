//! The C ABI from Rust: status codes, ownership, the error path, and misuse that must be reported.

use kaoping::*;
use std::ffi::{CStr, CString, c_char};
use std::ptr;

const SAMPLE: &str = include_str!("../../examples/data/county-2026.json");

fn engine() -> *mut KpEngine {
    let mut e = ptr::null_mut();
    assert_eq!(unsafe { kp_engine_new_builtin(&mut e) }, KpStatus::KpOk);
    e
}

fn take(p: *mut c_char) -> String {
    let s = unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_string();
    assert_eq!(unsafe { kp_string_free(p) }, KpStatus::KpOk);
    s
}

fn last_error() -> serde_json::Value {
    let mut out = ptr::null_mut();
    assert_eq!(unsafe { kp_last_error_json(&mut out, ptr::null_mut()) }, KpStatus::KpOk);
    serde_json::from_str(&take(out)).unwrap()
}

#[test]
fn evaluate_a_month_equals_the_core() {
    let e = engine();
    let period = CString::new("2026-10").unwrap();
    let mut out = ptr::null_mut();
    let mut len = 0usize;
    let st = unsafe { kp_evaluate(e, SAMPLE.as_ptr(), SAMPLE.len(), period.as_ptr(), &mut out, &mut len) };
    assert_eq!(st, KpStatus::KpOk);
    let got = take(out);
    assert_eq!(got.len(), len);
    let ds = kaoping_core::Dataset::from_json(SAMPLE).unwrap();
    let want = serde_json::to_string_pretty(&kaoping_core::Policy::builtin().evaluate_month(&ds, "2026-10".parse().unwrap()).unwrap()).unwrap();
    assert!(got == want);
    assert!(kp_last_error_message().is_null());
    assert_eq!(unsafe { kp_engine_free(e) }, KpStatus::KpOk);
}

#[test]
fn a_bad_dataset_reports_every_problem_with_its_record() {
    let e = engine();
    let bad = r#"{"hall":{"id":"H","name":"h"},"year":2026,"departments":[{"id":"D","name":"d"}],
      "windows":[{"id":"W","name":"w","department":"D"}],"staff":[{"id":"S","name":"s","assignments":[{"window":"W"}]}],
      "records":[{"id":"r1","rule":"S2.3","subject":"S","date":"2026-03-01","points":"7"},{"id":"r2","rule":"X9","subject":"S","date":"2026-03-01"}]}"#;
    assert_eq!(unsafe { kp_validate(e, bad.as_ptr(), bad.len()) }, KpStatus::KpInvalidInput);
    let msg = unsafe { CStr::from_ptr(kp_last_error_message()) }.to_str().unwrap().to_string();
    assert!(msg.contains("records[0].points") && msg.contains("r1"), "{msg}");
    let j = last_error();
    assert_eq!(j["problems"].as_array().unwrap().len(), 2);
    assert_eq!(j["problems"][0]["record"], "r1");
    assert_eq!(j["problems"][1]["path"], "records[1].rule");
    // the next successful call clears the last error
    assert_eq!(unsafe { kp_validate(e, SAMPLE.as_ptr(), SAMPLE.len()) }, KpStatus::KpOk);
    assert!(kp_last_error_message().is_null());
    unsafe { kp_engine_free(e) };
}

#[test]
fn misuse_is_reported_not_undefined() {
    let e = engine();
    let mut out = ptr::null_mut();
    let p = CString::new("2026-10").unwrap();
    // NULL engine, NULL dataset, NULL out
    assert_eq!(unsafe { kp_evaluate(ptr::null(), SAMPLE.as_ptr(), SAMPLE.len(), p.as_ptr(), &mut out, ptr::null_mut()) }, KpStatus::KpNullPointer);
    assert_eq!(unsafe { kp_evaluate(e, ptr::null(), 3, p.as_ptr(), &mut out, ptr::null_mut()) }, KpStatus::KpNullPointer);
    assert_eq!(unsafe { kp_evaluate(e, SAMPLE.as_ptr(), SAMPLE.len(), p.as_ptr(), ptr::null_mut(), ptr::null_mut()) }, KpStatus::KpNullPointer);
    assert!(out.is_null(), "outputs are written only on success");
    // invalid UTF-8
    let bytes = [b'{', 0xff, 0xfe, b'}'];
    assert_eq!(unsafe { kp_validate(e, bytes.as_ptr(), bytes.len()) }, KpStatus::KpInvalidUtf8);
    // a length that cannot be right
    assert_eq!(unsafe { kp_validate(e, SAMPLE.as_ptr(), usize::MAX) }, KpStatus::KpInvalidArgument);
    // a malformed period
    let q = CString::new("2026-Q7").unwrap();
    assert_eq!(unsafe { kp_evaluate(e, SAMPLE.as_ptr(), SAMPLE.len(), q.as_ptr(), &mut out, ptr::null_mut()) }, KpStatus::KpInvalidArgument);
    // a truncated dataset is invalid input, not a crash
    assert_eq!(unsafe { kp_validate(e, SAMPLE.as_ptr(), 100) }, KpStatus::KpInvalidInput);
    // unknown schema; schema by name
    let n = CString::new("nope").unwrap();
    assert_eq!(unsafe { kp_schema(n.as_ptr(), &mut out, ptr::null_mut()) }, KpStatus::KpInvalidArgument);
    let n = CString::new("dataset").unwrap();
    assert_eq!(unsafe { kp_schema(n.as_ptr(), &mut out, ptr::null_mut()) }, KpStatus::KpOk);
    let s = out;
    assert_eq!(unsafe { kp_string_free(s) }, KpStatus::KpOk);
    // double free and foreign pointers are detected
    assert_eq!(unsafe { kp_string_free(s) }, KpStatus::KpInvalidHandle);
    let mut local = [0 as c_char; 4];
    assert_eq!(unsafe { kp_string_free(local.as_mut_ptr()) }, KpStatus::KpInvalidHandle);
    assert_eq!(unsafe { kp_string_free(ptr::null_mut()) }, KpStatus::KpOk);
    assert_eq!(unsafe { kp_engine_free(e) }, KpStatus::KpOk);
    assert_eq!(unsafe { kp_engine_free(e) }, KpStatus::KpInvalidHandle);
    // a freed engine is refused, not used
    assert_eq!(unsafe { kp_validate(e, SAMPLE.as_ptr(), SAMPLE.len()) }, KpStatus::KpInvalidHandle);
}

#[test]
fn a_bad_policy_is_invalid_input() {
    let mut e = ptr::null_mut();
    let text = kaoping_core::BUILTIN_POLICY_JSON.replace("\"per_occurrence\"", "\"no_such_kind\"");
    assert_eq!(unsafe { kp_engine_new(text.as_ptr(), text.len(), &mut e) }, KpStatus::KpInvalidInput);
    assert!(e.is_null());
    let j = last_error();
    assert!(j["problems"][0]["path"].as_str().unwrap().ends_with(".kind"), "{j}");
    let text = kaoping_core::BUILTIN_POLICY_JSON;
    assert_eq!(unsafe { kp_engine_new(text.as_ptr(), text.len(), &mut e) }, KpStatus::KpOk);
    assert_eq!(unsafe { kp_engine_free(e) }, KpStatus::KpOk);
}

#[test]
fn explain_awards_year_and_versions() {
    let e = engine();
    let (mut out, mut len) = (ptr::null_mut(), 0usize);
    let subj = CString::new("W01").unwrap();
    let m = CString::new("2026-10").unwrap();
    assert_eq!(unsafe { kp_explain(e, SAMPLE.as_ptr(), SAMPLE.len(), subj.as_ptr(), m.as_ptr(), &mut out, &mut len) }, KpStatus::KpOk);
    assert!(take(out).contains("W01"));
    let nobody = CString::new("NOBODY").unwrap();
    assert_eq!(unsafe { kp_explain(e, SAMPLE.as_ptr(), SAMPLE.len(), nobody.as_ptr(), m.as_ptr(), &mut out, &mut len) }, KpStatus::KpInvalidArgument);
    let q = CString::new("2026-Q3").unwrap();
    assert_eq!(unsafe { kp_awards(e, SAMPLE.as_ptr(), SAMPLE.len(), q.as_ptr(), &mut out, &mut len) }, KpStatus::KpOk);
    let awards: serde_json::Value = serde_json::from_str(&take(out)).unwrap();
    assert_eq!(awards.as_array().unwrap().len(), 2);
    assert_eq!(unsafe { kp_evaluate_year(e, SAMPLE.as_ptr(), SAMPLE.len(), &mut out, &mut len) }, KpStatus::KpOk);
    let year: serde_json::Value = serde_json::from_str(&take(out)).unwrap();
    assert_eq!(year["months"].as_array().unwrap().len(), 12);
    assert_eq!(kp_abi_version(), KP_ABI_VERSION);
    assert_eq!(unsafe { CStr::from_ptr(kp_version()) }.to_str().unwrap(), kaoping_core::VERSION);
    unsafe { kp_engine_free(e) };
}

#[test]
fn one_engine_many_threads() {
    let e = engine() as usize;
    let results: Vec<String> = std::thread::scope(|s| {
        let hs: Vec<_> = (0..8)
            .map(|_| {
                s.spawn(move || {
                    let p = CString::new("2026-Q3").unwrap();
                    let mut out = ptr::null_mut();
                    assert_eq!(unsafe { kp_evaluate(e as *const KpEngine, SAMPLE.as_ptr(), SAMPLE.len(), p.as_ptr(), &mut out, ptr::null_mut()) }, KpStatus::KpOk);
                    take(out)
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(results.windows(2).all(|w| w[0] == w[1]));
    unsafe { kp_engine_free(e as *mut KpEngine) };
}

#[test]
fn hall_year_with_flags_equals_the_core() {
    let e = engine();
    let ds = kaoping_core::Dataset::from_json(SAMPLE).unwrap();
    let policy = kaoping_core::Policy::builtin();
    let call = |flags: u32| {
        let mut out = ptr::null_mut();
        let st = unsafe { kp_evaluate_hall_year(e, SAMPLE.as_ptr(), SAMPLE.len(), flags, &mut out, ptr::null_mut()) };
        (st, if st == KpStatus::KpOk { take(out) } else { String::new() })
    };
    // 0: full text, indented — the core's hall-year, byte for byte
    let (st, full) = call(0);
    assert_eq!(st, KpStatus::KpOk);
    assert!(full == serde_json::to_string_pretty(&policy.evaluate_hall_year(&ds).unwrap()).unwrap());
    // scores only, compact: the core's Explain::Scores result, one line
    let (st, lean) = call(KP_SCORES_ONLY | KP_COMPACT);
    assert_eq!(st, KpStatus::KpOk);
    assert!(!lean.contains('\n'));
    let want = serde_json::to_string(&policy.evaluate_hall_year_with(&ds, kaoping_core::Explain::Scores).unwrap()).unwrap();
    assert!(lean == want);
    assert!(lean.len() < full.len() / 2, "{} vs {}", lean.len(), full.len());
    // the annual ranking is the same either way
    let (a, b): (serde_json::Value, serde_json::Value) = (serde_json::from_str(&full).unwrap(), serde_json::from_str(&lean).unwrap());
    assert_eq!(a["annual"], b["annual"]);
    // an unknown flag is refused and named
    let (st, _) = call(8);
    assert_eq!(st, KpStatus::KpInvalidArgument);
    assert_eq!(last_error()["problems"][0]["path"], "flags");
    unsafe { kp_engine_free(e) };
}

#[test]
fn a_nul_in_the_data_comes_back_escaped_in_json_and_refused_in_text() {
    // U+0000 in a staff member's name and a record's note: the JSON outputs (handed over without
    // scanning them for a NUL byte) carry it as the escape \u0000, every call succeeds and the
    // output is one C string of the stated length; the plain-text explanation, which would hold a
    // raw NUL, is refused instead of being cut short at it
    let e = engine();
    let ds = r#"{"hall":{"id":"H","name":"h"},"year":2026,"departments":[{"id":"D","name":"d"}],
      "windows":[{"id":"W","name":"w","department":"D"}],"staff":[{"id":"S","name":"s\u0000t","assignments":[{"window":"W"}]}],
      "records":[{"id":"r1","rule":"S1.1","subject":"S","date":"2026-03-01","minutes":10,"note":"n\u0000"}]}"#;
    let p = CString::new("2026-03").unwrap();
    for flags in [0, KP_SCORES_ONLY, KP_COMPACT, KP_SCORES_ONLY | KP_COMPACT] {
        let (mut out, mut len) = (ptr::null_mut(), 0usize);
        assert_eq!(unsafe { kp_evaluate_hall_year(e, ds.as_ptr(), ds.len(), flags, &mut out, &mut len) }, KpStatus::KpOk);
        let got = take(out);
        assert_eq!(got.len(), len, "flags {flags}: the string ends at its stated length");
        assert!(got.contains(r#""s\u0000t""#), "flags {flags}");
    }
    let (mut out, mut len) = (ptr::null_mut(), 0usize);
    assert_eq!(unsafe { kp_evaluate(e, ds.as_ptr(), ds.len(), p.as_ptr(), &mut out, &mut len) }, KpStatus::KpOk);
    let got = take(out);
    assert_eq!(got.len(), len);
    assert!(got.contains(r#""s\u0000t""#));
    let (s, mut out) = (CString::new("S").unwrap(), ptr::null_mut());
    // the explanation is plain text, where a NUL cannot be escaped: refused as the dataset's fault,
    // naming the line that would hold it (the staff member's heading, with the name "s\0t")
    assert_eq!(unsafe { kp_explain(e, ds.as_ptr(), ds.len(), s.as_ptr(), p.as_ptr(), &mut out, ptr::null_mut()) }, KpStatus::KpInvalidInput);
    assert!(out.is_null());
    let msg = unsafe { CStr::from_ptr(kp_last_error_message()) }.to_str().unwrap().to_owned();
    assert!(msg.contains("NUL character (U+0000)") && msg.contains("line 1") && msg.contains(r"s\0t"), "{msg}");
    let err = last_error();
    assert_eq!((&err["document"], &err["problems"][0]["kind"]), (&serde_json::json!("dataset"), &serde_json::json!("invalid")));
    unsafe { kp_engine_free(e) };
}

#[test]
fn an_engine_in_chinese_writes_the_cores_chinese_texts() {
    use kaoping_core::messages::Lang;
    let e = engine();
    let (zh, en) = (CString::new("zh-CN").unwrap(), CString::new("fr").unwrap());
    let mut chinese = ptr::null_mut();
    assert_eq!(unsafe { kp_engine_with_lang(e, zh.as_ptr(), &mut chinese) }, KpStatus::KpOk);
    // an unknown language is refused, naming the argument; NULLs are reported
    let mut none = ptr::null_mut();
    assert_eq!(unsafe { kp_engine_with_lang(e, en.as_ptr(), &mut none) }, KpStatus::KpInvalidArgument);
    assert!(none.is_null());
    assert_eq!(last_error()["problems"][0]["path"], "lang");
    assert_eq!(unsafe { kp_engine_with_lang(e, ptr::null(), &mut none) }, KpStatus::KpNullPointer);
    assert_eq!(unsafe { kp_engine_with_lang(ptr::null(), zh.as_ptr(), &mut none) }, KpStatus::KpNullPointer);
    let period = CString::new("2026-Q3").unwrap();
    let ds = kaoping_core::Dataset::from_json(SAMPLE).unwrap();
    for (engine, lang) in [(chinese, Lang::ZhCn), (e, Lang::En)] {
        let mut out = ptr::null_mut();
        let st = unsafe { kp_evaluate_period(engine, SAMPLE.as_ptr(), SAMPLE.len(), period.as_ptr(), &mut out, ptr::null_mut()) };
        assert_eq!(st, KpStatus::KpOk);
        let want = kaoping_core::Policy::builtin().with_lang(lang).evaluate_period(&ds, "2026-Q3".parse().unwrap()).unwrap();
        let got = take(out);
        assert!(got == serde_json::to_string_pretty(&want).unwrap(), "{lang}");
        // the quota of 示范窗口: 0.1 × 30 windows = 3, rounded down, in the engine's language
        assert!(got.contains(if lang == Lang::ZhCn { "3 (向下取整)" } else { "3 (down)" }), "{lang}");
    }
    // the first engine is unchanged and both are freed on their own
    assert_eq!(unsafe { kp_engine_free(chinese) }, KpStatus::KpOk);
    assert_eq!(unsafe { kp_engine_free(e) }, KpStatus::KpOk);
}

#[test]
fn every_format_problem_comes_back_through_the_c_abi() {
    // issue 20, item 3: five dates written 2026/10/N are five problems, each naming its record
    let records: Vec<String> = (0..5).map(|i| format!(r#"{{"id": "R{i}", "rule": "S1.1", "subject": "P", "date": "2026/10/{}"}}"#, i + 1)).collect();
    let ds = format!(r#"{{"hall": {{"id": "H", "name": "大厅"}}, "year": 2026, "records": [{}]}}"#, records.join(", "));
    let e = engine();
    assert_eq!(unsafe { kp_validate(e, ds.as_ptr(), ds.len()) }, KpStatus::KpInvalidInput);
    let problems = last_error()["problems"].as_array().unwrap().clone();
    let got: Vec<(String, String)> = problems.iter().map(|p| (p["path"].as_str().unwrap().to_string(), p["record"].as_str().unwrap_or("").to_string())).collect();
    let want: Vec<(String, String)> = (0..5).map(|i| (format!("records[{i}].date"), format!("R{i}"))).collect();
    assert_eq!(got, want);
    assert_eq!(unsafe { kp_engine_free(e) }, KpStatus::KpOk);
}

#[test]
fn a_month_or_period_outside_the_datasets_year_is_a_bad_argument() {
    // issue 22: the docs say KP_INVALID_ARGUMENT (4) for a bad period; the sample is of 2026
    let e = engine();
    for (what, p) in [("period", "2025-Q3"), ("period", "2027"), ("month", "2025-10")] {
        let period = CString::new(p).unwrap();
        let mut out = ptr::null_mut();
        let st = if what == "month" {
            unsafe { kp_evaluate(e, SAMPLE.as_ptr(), SAMPLE.len(), period.as_ptr(), &mut out, ptr::null_mut()) }
        } else {
            unsafe { kp_evaluate_period(e, SAMPLE.as_ptr(), SAMPLE.len(), period.as_ptr(), &mut out, ptr::null_mut()) }
        };
        assert_eq!(st, KpStatus::KpInvalidArgument, "{p}");
        assert!(out.is_null(), "{p}: nothing written");
        let err = last_error();
        assert_eq!(err["document"], "request", "{p}");
        assert_eq!(err["problems"][0]["path"], what, "{p}");
    }
    // a dataset's own problem stays KP_INVALID_INPUT
    let period = CString::new("2026-Q3").unwrap();
    let mut out = ptr::null_mut();
    let bad = "{\"hall\": {\"id\": \"H\", \"name\": \"h\"}, \"year\": 2026, \"records\": [{\"id\": \"R\"}]}";
    assert_eq!(unsafe { kp_evaluate_period(e, bad.as_ptr(), bad.len(), period.as_ptr(), &mut out, ptr::null_mut()) }, KpStatus::KpInvalidInput);
    assert_eq!(unsafe { kp_engine_free(e) }, KpStatus::KpOk);
}

#[test]
fn the_hall_year_as_columns() {
    // issue 22: KP_COLUMNS gives the core's columns of the scores-only hall-year, compact
    let e = engine();
    let mut out = ptr::null_mut();
    let mut len = 0usize;
    assert_eq!(unsafe { kp_evaluate_hall_year(e, SAMPLE.as_ptr(), SAMPLE.len(), KP_COLUMNS, &mut out, &mut len) }, KpStatus::KpOk);
    let got = take(out);
    assert_eq!(got.len(), len);
    let ds = kaoping_core::Dataset::from_json(SAMPLE).unwrap();
    let y = kaoping_core::Policy::builtin().evaluate_hall_year_with(&ds, kaoping_core::Explain::Scores).unwrap();
    let want = serde_json::to_string(&kaoping_core::columns::HallYearColumns::of(&y)).unwrap();
    assert!(got == want);
    assert!(got.starts_with("{\"format\":\"kaoping-columns/1\""));
    // with the other flags it is the same; an unknown bit is still refused
    let mut again = ptr::null_mut();
    assert_eq!(unsafe { kp_evaluate_hall_year(e, SAMPLE.as_ptr(), SAMPLE.len(), KP_COLUMNS | KP_SCORES_ONLY | KP_COMPACT, &mut again, ptr::null_mut()) }, KpStatus::KpOk);
    assert!(take(again) == want);
    let mut none = ptr::null_mut();
    assert_eq!(unsafe { kp_evaluate_hall_year(e, SAMPLE.as_ptr(), SAMPLE.len(), 8, &mut none, ptr::null_mut()) }, KpStatus::KpInvalidArgument);
    assert_eq!(unsafe { kp_engine_free(e) }, KpStatus::KpOk);
}

#[test]
fn the_last_errors_message_is_in_the_engines_language() {
    // a Chinese engine's problems and the message that lists them are both Chinese; an English
    // engine's both English
    let e = engine();
    let zh = CString::new("zh-CN").unwrap();
    let mut chinese = ptr::null_mut();
    assert_eq!(unsafe { kp_engine_with_lang(e, zh.as_ptr(), &mut chinese) }, KpStatus::KpOk);
    let bad = include_str!("../../tests/fixtures/bad-dataset.json");
    for (engine, header) in [(chinese, "数据集有 3 个问题"), (e, "the dataset has 3 problems")] {
        assert_eq!(unsafe { kp_validate(engine, bad.as_ptr(), bad.len()) }, KpStatus::KpInvalidInput);
        let message = unsafe { CStr::from_ptr(kp_last_error_message()) }.to_str().unwrap().to_string();
        assert!(message.starts_with(header), "{message}");
    }
    assert_eq!(unsafe { kp_engine_free(chinese) }, KpStatus::KpOk);
    assert_eq!(unsafe { kp_engine_free(e) }, KpStatus::KpOk);
}
