//! The bad-input corpus through the C ABI: the same first problem (kind, path, message, record,
//! rule) as the core gives, in kp_last_error_json, with KP_INVALID_INPUT — never a crash. A dataset
//! is checked by an engine of the built-in policy, or of the corpus's policy file its entry names
//! (`"policy"`, through kp_engine_new); an accepted dataset is evaluated too (kp_evaluate_year).

use kaoping::*;
use serde_json::Value;
use std::ffi::CStr;
use std::path::PathBuf;
use std::ptr;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/bad-inputs")
}

fn last_error() -> Value {
    let mut out = ptr::null_mut();
    assert_eq!(unsafe { kp_last_error_json(&mut out, ptr::null_mut()) }, KpStatus::KpOk);
    let s = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_string();
    unsafe { kp_string_free(out) };
    serde_json::from_str(&s).unwrap()
}

#[test]
fn the_corpus_through_the_c_abi() {
    let manifest: Value = serde_json::from_str(&std::fs::read_to_string(corpus().join("expected.json")).unwrap()).unwrap();
    let mut engine = ptr::null_mut();
    assert_eq!(unsafe { kp_engine_new_builtin(&mut engine) }, KpStatus::KpOk);
    let mut failures = Vec::new();
    for (name, exp) in manifest.as_object().unwrap() {
        let bytes = std::fs::read(corpus().join(name)).unwrap();
        let ok = exp["ok"].as_bool().unwrap();
        // the last error, read before a dataset's own engine is freed (kp_engine_free clears it)
        let mut saved = None;
        let status = if exp["document"] == "dataset" {
            // a dataset's own policy (issue 20, item 1): an engine of that policy file of the corpus
            let own = match exp.get("policy").and_then(Value::as_str) {
                None => None,
                Some(file) => {
                    let policy = std::fs::read(corpus().join(file)).unwrap();
                    let mut e = ptr::null_mut();
                    let st = unsafe { kp_engine_new(policy.as_ptr(), policy.len(), &mut e) };
                    if st != KpStatus::KpOk {
                        failures.push(format!("{name}: its policy {file}: kp_engine_new gave {st:?}: {}", last_error()));
                        continue;
                    }
                    Some(e)
                }
            };
            let eng = own.unwrap_or(engine);
            let mut st = unsafe { kp_validate(eng, bytes.as_ptr(), bytes.len()) };
            if st == KpStatus::KpOk && ok {
                // an accepted dataset evaluates: every month of its year
                let (mut out, mut len) = (ptr::null_mut(), 0usize);
                st = unsafe { kp_evaluate_year(eng, bytes.as_ptr(), bytes.len(), &mut out, &mut len) };
                if st == KpStatus::KpOk {
                    assert!(len > 0, "{name}: an empty year result");
                    assert_eq!(unsafe { kp_string_free(out) }, KpStatus::KpOk);
                }
            }
            if st != KpStatus::KpOk {
                saved = Some(last_error());
            }
            if let Some(e) = own {
                assert_eq!(unsafe { kp_engine_free(e) }, KpStatus::KpOk);
            }
            st
        } else {
            let mut e = ptr::null_mut();
            let st = unsafe { kp_engine_new(bytes.as_ptr(), bytes.len(), &mut e) };
            if st == KpStatus::KpOk {
                unsafe { kp_engine_free(e) };
            }
            st
        };
        if ok {
            if status != KpStatus::KpOk {
                failures.push(format!("{name}: expected ok, got {status:?}: {}", saved.unwrap_or_else(last_error)));
            }
            continue;
        }
        // bytes that are not UTF-8 have their own status; the problem reported is the same
        let want_status = if name.contains("invalid-utf8") { KpStatus::KpInvalidUtf8 } else { KpStatus::KpInvalidInput };
        if status != want_status {
            failures.push(format!("{name}: expected KP_INVALID_INPUT, got {status:?}"));
            continue;
        }
        let err = saved.unwrap_or_else(last_error);
        let first = &err["problems"][0];
        let want = &exp["first"];
        for k in ["kind", "path", "message", "record", "rule"] {
            let w = want.get(k).cloned().unwrap_or(Value::Null);
            let g = first.get(k).cloned().unwrap_or(Value::Null);
            if w != g {
                failures.push(format!("{name}: {k}: want {w}, got {g}"));
            }
        }
        assert_eq!(err["document"], exp["document"], "{name}");
    }
    unsafe { kp_engine_free(engine) };
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
