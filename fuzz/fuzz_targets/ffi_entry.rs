//! The C ABI with arbitrary bytes and lengths: the first bytes choose the call, the period and the
//! lengths (never beyond the buffer: a C caller lying about a length is outside what can be checked).
#![no_main]
use kaoping::*;
use libfuzzer_sys::fuzz_target;
use std::ffi::CString;
use std::ptr;

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let (head, body) = data.split_at(3);
    let len = if head[1] == 0 { body.len() } else { (head[1] as usize * 7) % (body.len() + 1) };
    let periods = ["2026-10", "2026-Q3", "2026", "2026-13", "", "\u{0}x", "2025-01"];
    let period = CString::new(periods[head[2] as usize % periods.len()].replace('\0', "")).unwrap();
    let mut engine = ptr::null_mut();
    unsafe {
        if head[0] % 5 == 4 {
            // the body as a policy
            if kp_engine_new(body.as_ptr(), len, &mut engine) == KpStatus::KpOk {
                kp_engine_free(engine);
            }
            return;
        }
        assert_eq!(kp_engine_new_builtin(&mut engine), KpStatus::KpOk);
        let mut out = ptr::null_mut();
        let mut out_len = 0usize;
        let st = match head[0] % 5 {
            0 => kp_validate(engine, body.as_ptr(), len),
            1 => kp_evaluate(engine, body.as_ptr(), len, period.as_ptr(), &mut out, &mut out_len),
            2 => kp_evaluate_period(engine, body.as_ptr(), len, period.as_ptr(), &mut out, &mut out_len),
            _ => kp_awards(engine, body.as_ptr(), len, period.as_ptr(), &mut out, &mut out_len),
        };
        assert_ne!(st, KpStatus::KpPanic, "no panic inside the library");
        if st == KpStatus::KpOk && !out.is_null() {
            assert_eq!(kp_string_free(out), KpStatus::KpOk);
        } else if st != KpStatus::KpOk {
            let mut e = ptr::null_mut();
            assert_eq!(kp_last_error_json(&mut e, ptr::null_mut()), KpStatus::KpOk);
            kp_string_free(e);
        }
        assert_eq!(kp_engine_free(engine), KpStatus::KpOk);
    }
});
