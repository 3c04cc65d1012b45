//! # kaoping C ABI
//!
//! A thin layer over `kaoping-core`: it converts and calls, and holds no scoring logic.
//!
//! Conventions (after rustls-ffi):
//! - names are `kp_<noun>_<verb>`; the engine handle comes first;
//! - every call returns a [`KpStatus`] with a fixed, never reused number;
//! - inputs are UTF-8 JSON with an explicit byte length; short identifiers (periods, subject ids,
//!   schema names) are NUL-terminated UTF-8;
//! - outputs are written only on success; returned strings are allocated by the library and freed
//!   with [`kp_string_free`]; the engine is freed with [`kp_engine_free`];
//! - after a failing call, [`kp_last_error_message`] and [`kp_last_error_json`] describe it
//!   (thread-local: they describe the last failing call on the calling thread);
//! - no Rust panic crosses the boundary: every entry point catches it and returns `KP_PANIC`;
//! - freeing an unknown pointer or freeing twice is detected and reported (`KP_INVALID_HANDLE`).

use kaoping_core::error::{Errors, Problem, ProblemKind};
use kaoping_core::{Dataset, Explain, Period, Policy};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;

/// The ABI version: increases whenever a signature or a status number changes meaning.
pub const KP_ABI_VERSION: u32 = 1;

/// kp_evaluate_hall_year flag: scores, grades, flags and record outcomes without category lines or
/// explanatory text (the core's `Explain::Scores`); every number is the same as with full text.
pub const KP_SCORES_ONLY: u32 = 1;
/// kp_evaluate_hall_year flag: JSON without indentation (the same values, fewer bytes).
pub const KP_COMPACT: u32 = 2;
/// kp_evaluate_hall_year flag: the scores as columns (format `kaoping-columns/1`: each table an
/// object of equal-length arrays, subjects and texts listed once and referred to by index; see
/// the core's `columns` module), compact, without texts; implies KP_SCORES_ONLY and KP_COMPACT.
pub const KP_COLUMNS: u32 = 4;

/// Status of every call. Numbers are fixed and never reused.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KpStatus {
    /// Success: outputs were written.
    KpOk = 0,
    /// The dataset or policy has problems: see kp_last_error_json for all of them. Also a text
    /// output (kp_explain) that would hold a NUL character from the dataset's names or notes.
    KpInvalidInput = 1,
    /// A required pointer argument was NULL.
    KpNullPointer = 2,
    /// Input bytes are not valid UTF-8.
    KpInvalidUtf8 = 3,
    /// An argument is not acceptable (a malformed period, a month or period outside the dataset's
    /// year, an unknown schema name, an unknown subject); kp_last_error_json's document is `request`.
    KpInvalidArgument = 4,
    /// An engine or string pointer that this library did not hand out, or already freed.
    KpInvalidHandle = 5,
    /// An internal error (a caught panic). Please report it with kp_last_error_message.
    KpPanic = 6,
}

/// An engine: a compiled policy. Opaque; create with kp_engine_new or kp_engine_new_builtin,
/// free with kp_engine_free. One engine may be used from many threads at once.
pub struct KpEngine {
    policy: Policy,
}

// Live handles, to detect double frees and foreign pointers. A B-tree (not a hash table) so that
// leak checkers see the tables as reachable at exit.
static ENGINES: Mutex<Option<BTreeSet<usize>>> = Mutex::new(None);
/// Live strings handed out: address → capacity of the buffer (freed without scanning it again).
static STRINGS: Mutex<Option<BTreeMap<usize, usize>>> = Mutex::new(None);

fn registry_insert(reg: &Mutex<Option<BTreeSet<usize>>>, p: usize) {
    reg.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert_with(BTreeSet::new).insert(p);
}
fn registry_contains(reg: &Mutex<Option<BTreeSet<usize>>>, p: usize) -> bool {
    reg.lock().unwrap_or_else(|e| e.into_inner()).as_ref().is_some_and(|s| s.contains(&p))
}
fn registry_remove(reg: &Mutex<Option<BTreeSet<usize>>>, p: usize) -> bool {
    reg.lock().unwrap_or_else(|e| e.into_inner()).as_mut().is_some_and(|s| s.remove(&p))
}

struct LastError {
    message: CString,
    json: String,
}

thread_local! {
    static LAST_ERROR: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

/// A failure of one call: its status and the problems behind it.
struct Fail {
    status: KpStatus,
    errors: Errors,
}

impl Fail {
    fn new(status: KpStatus, path: &str, message: impl Into<String>) -> Fail {
        let kind = match status {
            KpStatus::KpInvalidInput | KpStatus::KpInvalidUtf8 => ProblemKind::Syntax,
            _ => ProblemKind::Invalid,
        };
        Fail { status, errors: Errors::one("request", Problem::new(kind, path, message)) }
    }
    /// The documents' problems (KP_INVALID_INPUT), or the request's (KP_INVALID_ARGUMENT: a month
    /// or period outside the dataset's year).
    fn input(errors: Errors) -> Fail {
        let status = if errors.document == "request" { KpStatus::KpInvalidArgument } else { KpStatus::KpInvalidInput };
        Fail { status, errors }
    }
}

std::thread_local! {
    /// The language of the engine the current call uses (English before an engine is checked, and
    /// for the calls without one): the last error's message is written in it, as its problems are.
    static CALL_LANG: std::cell::Cell<kaoping_core::messages::Lang> = const { std::cell::Cell::new(kaoping_core::messages::Lang::En) };
}

fn set_last_error(f: &Fail) {
    let json = serde_json::to_string(&f.errors).unwrap_or_else(|_| "{}".into());
    let text = f.errors.display_in(CALL_LANG.get());
    let message = CString::new(text.replace('\0', " ")).unwrap_or_default();
    LAST_ERROR.with(|e| *e.borrow_mut() = Some(LastError { message, json }));
}

fn clear_last_error() {
    LAST_ERROR.with(|e| *e.borrow_mut() = None);
}

/// Runs an entry point: clears the last error, catches panics, records failures.
fn guard(f: impl FnOnce() -> Result<(), Fail>) -> KpStatus {
    clear_last_error();
    CALL_LANG.set(kaoping_core::messages::Lang::En);
    guard_keep(f)
}

/// As [`guard`], but a success leaves the last error as it was (for the free functions, so that a
/// caller can free the error JSON and still read the message).
fn guard_keep(f: impl FnOnce() -> Result<(), Fail>) -> KpStatus {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => KpStatus::KpOk,
        Ok(Err(fail)) => {
            set_last_error(&fail);
            fail.status
        }
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            set_last_error(&Fail::new(KpStatus::KpPanic, "", format!("internal error: {what}")));
            KpStatus::KpPanic
        }
    }
}

/// Reads `len` bytes at `ptr` as UTF-8.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (or be NULL, which is reported).
unsafe fn input_str<'a>(ptr: *const u8, len: usize, name: &str) -> Result<&'a str, Fail> {
    if ptr.is_null() {
        return Err(Fail::new(KpStatus::KpNullPointer, name, format!("{name} is NULL")));
    }
    if len > isize::MAX as usize {
        return Err(Fail::new(KpStatus::KpInvalidArgument, name, format!("{name}: length {len} is not a valid length")));
    }
    // SAFETY: the caller promises `len` readable bytes at `ptr`.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    let document = if name.starts_with("policy") { "policy" } else { "dataset" };
    kaoping_core::error::utf8(bytes, document).map_err(|errors| Fail { status: KpStatus::KpInvalidUtf8, errors })
}

/// Reads a NUL-terminated UTF-8 string.
///
/// # Safety
/// `ptr` must be NULL or point to a NUL-terminated string.
unsafe fn input_cstr<'a>(ptr: *const c_char, name: &str) -> Result<&'a str, Fail> {
    if ptr.is_null() {
        return Err(Fail::new(KpStatus::KpNullPointer, name, format!("{name} is NULL")));
    }
    // SAFETY: the caller promises a NUL-terminated string.
    let c = unsafe { CStr::from_ptr(ptr) };
    c.to_str().map_err(|_| Fail::new(KpStatus::KpInvalidUtf8, name, format!("{name} is not valid UTF-8")))
}

/// # Safety
/// `engine` must be NULL or a pointer; it is checked against the live engines before use.
unsafe fn engine_ref<'a>(engine: *const KpEngine) -> Result<&'a KpEngine, Fail> {
    if engine.is_null() {
        return Err(Fail::new(KpStatus::KpNullPointer, "engine", "engine is NULL"));
    }
    if !registry_contains(&ENGINES, engine as usize) {
        return Err(Fail::new(KpStatus::KpInvalidHandle, "engine", "engine is not a live engine of this library (freed, or never created)"));
    }
    // SAFETY: the pointer is a live engine created by kp_engine_new*, not yet freed.
    let e: &KpEngine = unsafe { &*engine };
    CALL_LANG.set(e.policy.lang());
    Ok(e)
}

/// The checked engine and the dataset text of an entry point.
///
/// # Safety
/// As [`engine_ref`] and [`input_str`].
unsafe fn engine_and_text<'a>(engine: *const KpEngine, dataset_json: *const u8, dataset_len: usize) -> Result<(&'a KpEngine, &'a str), Fail> {
    // SAFETY: forwarded from the caller's contract.
    let e = unsafe { engine_ref(engine) }?;
    let text = unsafe { input_str(dataset_json, dataset_len, "dataset_json") }?;
    Ok((e, text))
}

fn check_out<T>(out: *mut *mut T, name: &str) -> Result<(), Fail> {
    if out.is_null() { Err(Fail::new(KpStatus::KpNullPointer, name, format!("{name} is NULL"))) } else { Ok(()) }
}

/// Hands a string to the caller; a text holding a NUL character (U+0000), which a C string cannot
/// carry, is refused as invalid input (it can only have come from the dataset: a name, an id, a
/// note), naming the line of the text that holds it.
///
/// # Safety
/// `out` is non-NULL and writable; `out_len` is NULL or writable.
unsafe fn output(s: String, out: *mut *mut c_char, out_len: *mut usize) -> Result<(), Fail> {
    if let Some(at) = s.as_bytes().iter().position(|&b| b == 0) {
        let start = s[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = s[at..].find('\n').map_or(s.len(), |i| at + i);
        let line = s[..at].matches('\n').count() + 1;
        let message = format!(
            "the text would hold a NUL character (U+0000), which a C string cannot carry, at line {line}: {:?}; it comes from a name, an id or a note of the dataset: remove it there",
            &s[start..end]
        );
        return Err(Fail::input(Errors::one("dataset", Problem::new(ProblemKind::Invalid, "", message))));
    }
    // SAFETY: checked just above; the rest per this function's contract.
    unsafe { output_unchecked(s, out, out_len) }
}

/// [`output`] for JSON written by serde_json, which holds no NUL byte: serde_json writes U+0000
/// in a string as the escape `\u0000` (JSON allows no raw control character in a string), and
/// nothing else it writes is a NUL. Scanning a hall-year's 13 MB for one took about a millisecond
/// of a 24 ms call (BENCHMARKS.md). Checked in debug builds, and by the tests (a NUL in a dataset's
/// names comes back escaped).
///
/// # Safety
/// As [`output`].
unsafe fn output_json(json: String, out: *mut *mut c_char, out_len: *mut usize) -> Result<(), Fail> {
    debug_assert!(!json.as_bytes().contains(&0), "serde_json wrote a NUL byte");
    // SAFETY: per this function's contract.
    unsafe { output_unchecked(json, out, out_len) }
}

/// Hands `s` over to the caller as a NUL-terminated string.
///
/// # Safety
/// `s` holds no NUL byte; `out` checked non-NULL; `out_len` NULL or writable.
unsafe fn output_unchecked(s: String, out: *mut *mut c_char, out_len: *mut usize) -> Result<(), Fail> {
    let len = s.len();
    let mut bytes = s.into_bytes();
    // the buffer is handed over as it is (no copy to a tight allocation): its capacity is kept
    // with its address, for kp_string_free
    bytes.push(0);
    let mut bytes = std::mem::ManuallyDrop::new(bytes);
    let p = bytes.as_mut_ptr() as *mut c_char;
    STRINGS.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert_with(BTreeMap::new).insert(p as usize, bytes.capacity());
    // SAFETY: checked non-NULL by the caller of this function; writable per the API contract.
    unsafe {
        *out = p;
        if !out_len.is_null() {
            *out_len = len;
        }
    }
    Ok(())
}

fn parse_period(s: &str) -> Result<Period, Fail> {
    s.parse::<Period>().map_err(|e| Fail::new(KpStatus::KpInvalidArgument, "period", e))
}

fn pretty<T: serde::Serialize>(v: &T) -> String {
    kaoping_core::json::to_string_pretty(v).expect("results serialise")
}

// ------------------------------------------------------------------ entry points

/// The ABI version of this library (KP_ABI_VERSION when the header was generated).
#[unsafe(no_mangle)]
pub extern "C" fn kp_abi_version() -> u32 {
    KP_ABI_VERSION
}

/// The library version, like "0.1.0": a static string owned by the library; do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn kp_version() -> *const c_char {
    static V: &CStr = match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
        Ok(v) => v,
        Err(_) => c"?",
    };
    V.as_ptr()
}

/// Creates an engine with the built-in policy (the county measure).
/// On KP_OK, `*out` holds an engine the caller frees with kp_engine_free.
///
/// # Safety
/// `out` must be NULL (reported) or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kp_engine_new_builtin(out: *mut *mut KpEngine) -> KpStatus {
    guard(|| {
        check_out(out, "out")?;
        let e = Box::into_raw(Box::new(KpEngine { policy: Policy::builtin() }));
        registry_insert(&ENGINES, e as usize);
        // SAFETY: checked non-NULL above.
        unsafe { *out = e };
        Ok(())
    })
}

/// Creates an engine from a policy document (UTF-8 JSON, `policy_len` bytes).
/// On KP_OK, `*out` holds an engine the caller frees with kp_engine_free; on KP_INVALID_INPUT the
/// policy's problems are in kp_last_error_json.
///
/// # Safety
/// `policy_json` must point to `policy_len` readable bytes; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kp_engine_new(policy_json: *const u8, policy_len: usize, out: *mut *mut KpEngine) -> KpStatus {
    guard(|| {
        check_out(out, "out")?;
        // SAFETY: per the function's contract.
        let text = unsafe { input_str(policy_json, policy_len, "policy_json") }?;
        let policy = Policy::from_json(text).map_err(Fail::input)?;
        let e = Box::into_raw(Box::new(KpEngine { policy }));
        registry_insert(&ENGINES, e as usize);
        // SAFETY: checked non-NULL above.
        unsafe { *out = e };
        Ok(())
    })
}

/// Creates an engine with `engine`'s policy that writes the texts of results (record details,
/// reasons, flags, warnings, award standings) in `lang`: "zh-CN" or "en" (an engine writes English
/// unless made this way). Numbers, codes and statuses are the same in every language. `engine` is
/// left as it was (other threads may be using it); on KP_OK, `*out` holds a new engine the caller
/// frees with kp_engine_free. An unknown language is KP_INVALID_ARGUMENT.
///
/// # Safety
/// `engine` must be NULL (reported) or an engine of this library; `lang` a NUL-terminated string
/// or NULL (reported); `out` must be NULL (reported) or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kp_engine_with_lang(engine: *const KpEngine, lang: *const c_char, out: *mut *mut KpEngine) -> KpStatus {
    guard(|| {
        check_out(out, "out")?;
        // SAFETY: per the function's contract.
        let e = unsafe { engine_ref(engine) }?;
        let lang: kaoping_core::messages::Lang = unsafe { input_cstr(lang, "lang") }?
            .parse()
            .map_err(|m: String| Fail::new(KpStatus::KpInvalidArgument, "lang", m))?;
        let e = Box::into_raw(Box::new(KpEngine { policy: e.policy.clone().with_lang(lang) }));
        registry_insert(&ENGINES, e as usize);
        // SAFETY: checked non-NULL above.
        unsafe { *out = e };
        Ok(())
    })
}

/// Frees an engine. NULL is a no-op (KP_OK); a pointer that is not a live engine (freed twice, or
/// never created here) is reported as KP_INVALID_HANDLE and left alone.
///
/// # Safety
/// No other thread may be using the engine while it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kp_engine_free(engine: *mut KpEngine) -> KpStatus {
    guard(|| {
        if engine.is_null() {
            return Ok(());
        }
        if !registry_remove(&ENGINES, engine as usize) {
            return Err(Fail::new(KpStatus::KpInvalidHandle, "engine", "not a live engine: already freed, or not created by this library"));
        }
        // SAFETY: the pointer came from Box::into_raw in kp_engine_new* and was live until now.
        drop(unsafe { Box::from_raw(engine) });
        Ok(())
    })
}

/// Frees a string returned by this library. NULL is a no-op (KP_OK); a pointer this library did not
/// return, or one already freed, is reported as KP_INVALID_HANDLE and left alone. A successful free
/// leaves the thread's last error as it was.
///
/// # Safety
/// `s` must be NULL or a pointer; it is checked before it is freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kp_string_free(s: *mut c_char) -> KpStatus {
    guard_keep(|| {
        if s.is_null() {
            return Ok(());
        }
        let cap = STRINGS.lock().unwrap_or_else(|e| e.into_inner()).as_mut().and_then(|m| m.remove(&(s as usize)));
        let Some(cap) = cap else {
            return Err(Fail::new(KpStatus::KpInvalidHandle, "s", "not a live string of this library: already freed, or not returned by it"));
        };
        // SAFETY: the pointer is the buffer of a Vec<u8> of this capacity that `output` leaked and
        // that was live until now; length 0, as bytes need no drop.
        drop(unsafe { Vec::from_raw_parts(s as *mut u8, 0, cap) });
        Ok(())
    })
}

/// Validates a dataset (UTF-8 JSON, `dataset_len` bytes) against the engine's policy.
/// KP_OK when valid; KP_INVALID_INPUT with every problem in kp_last_error_json otherwise.
///
/// # Safety
/// `engine` must be an engine of this library (checked); `dataset_json` must point to `dataset_len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kp_validate(engine: *const KpEngine, dataset_json: *const u8, dataset_len: usize) -> KpStatus {
    guard(|| {
        // SAFETY: per the function's contract.
        let (e, text) = unsafe { engine_and_text(engine, dataset_json, dataset_len) }?;
        let ds = Dataset::from_json(text).map_err(Fail::input)?;
        e.policy.validate(&ds).map_err(Fail::input)
    })
}

/// Evaluates a period of a dataset. `period` is a NUL-terminated "2026-10" (a month: the month's
/// full result, every category line and every record's outcome — the same bytes as
/// `kaoping score FILE --month 2026-10 --format json`), or "2026-Q3" / "2026" (the period result as
/// kp_evaluate_period). On KP_OK, `*out` holds pretty-printed JSON without a final newline and
/// `*out_len` (if not NULL) its length in bytes; free it with kp_string_free.
///
/// # Safety
/// `engine` must be an engine of this library (checked); `dataset_json` must point to `dataset_len`
/// readable bytes; `period` must be a NUL-terminated string; `out` must be writable; `out_len` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kp_evaluate(
    engine: *const KpEngine,
    dataset_json: *const u8,
    dataset_len: usize,
    period: *const c_char,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> KpStatus {
    guard(|| {
        check_out(out, "out")?;
        // SAFETY: per the function's contract.
        let (e, text) = unsafe { engine_and_text(engine, dataset_json, dataset_len) }?;
        let period = parse_period(unsafe { input_cstr(period, "period") }?)?;
        let ds = Dataset::from_json(text).map_err(Fail::input)?;
        let json = match period {
            Period::Month(m) => pretty(&e.policy.evaluate_month(&ds, m).map_err(Fail::input)?),
            p => pretty(&e.policy.evaluate_period(&ds, p).map_err(Fail::input)?),
        };
        // SAFETY: `out` checked; `out_len` per contract.
        unsafe { output_json(json, out, out_len) }
    })
}

/// The period result of a month ("2026-10"), a quarter ("2026-Q3") or a year ("2026"): every
/// subject's period score, months evaluated, deductions, complaints and bonus (E8), hall and
/// department ranks, award lists and department feedback, subjects in rank order — the same bytes as
/// `kaoping score FILE --period P --format json`, without the final newline. Output and ownership
/// as kp_evaluate.
///
/// # Safety
/// As kp_evaluate.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kp_evaluate_period(
    engine: *const KpEngine,
    dataset_json: *const u8,
    dataset_len: usize,
    period: *const c_char,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> KpStatus {
    guard(|| {
        check_out(out, "out")?;
        // SAFETY: per the function's contract.
        let (e, text) = unsafe { engine_and_text(engine, dataset_json, dataset_len) }?;
        let period = parse_period(unsafe { input_cstr(period, "period") }?)?;
        let ds = Dataset::from_json(text).map_err(Fail::input)?;
        let json = pretty(&e.policy.evaluate_period(&ds, period).map_err(Fail::input)?);
        // SAFETY: `out` checked; `out_len` per contract.
        unsafe { output_json(json, out, out_len) }
    })
}

/// Evaluates every month of the dataset's year (the year result: twelve month results).
/// Output and ownership as kp_evaluate.
///
/// # Safety
/// As kp_evaluate.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kp_evaluate_year(
    engine: *const KpEngine,
    dataset_json: *const u8,
    dataset_len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> KpStatus {
    guard(|| {
        check_out(out, "out")?;
        // SAFETY: per the function's contract.
        let (e, text) = unsafe { engine_and_text(engine, dataset_json, dataset_len) }?;
        let ds = Dataset::from_json(text).map_err(Fail::input)?;
        let json = pretty(&e.policy.evaluate_year(&ds).map_err(Fail::input)?);
        // SAFETY: `out` checked; `out_len` per contract.
        unsafe { output_json(json, out, out_len) }
    })
}

/// A hall's whole year: the twelve month results, the four quarters and the year (scores, ranks,
/// awards, department feedback), each month evaluated once — a JSON object
/// `{"year": {...}, "quarters": [...], "annual": {...}}`. `flags` is 0 or a combination of
/// KP_SCORES_ONLY, KP_COMPACT and KP_COLUMNS (the scores as columns instead); other bits are
/// refused (KP_INVALID_ARGUMENT). With 0 the months are the same as kp_evaluate_year's. Output and
/// ownership as kp_evaluate.
///
/// # Safety
/// As kp_evaluate.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kp_evaluate_hall_year(
    engine: *const KpEngine,
    dataset_json: *const u8,
    dataset_len: usize,
    flags: u32,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> KpStatus {
    guard(|| {
        check_out(out, "out")?;
        if flags & !(KP_SCORES_ONLY | KP_COMPACT | KP_COLUMNS) != 0 {
            return Err(Fail::new(
                KpStatus::KpInvalidArgument,
                "flags",
                format!("unknown flags {flags:#x}: give 0 or KP_SCORES_ONLY (1), KP_COMPACT (2), KP_COLUMNS (4) together"),
            ));
        }
        // SAFETY: per the function's contract.
        let (e, text) = unsafe { engine_and_text(engine, dataset_json, dataset_len) }?;
        let ds = Dataset::from_json(text).map_err(Fail::input)?;
        let explain = if flags & (KP_SCORES_ONLY | KP_COLUMNS) != 0 { Explain::Scores } else { Explain::Full };
        let year = e.policy.evaluate_hall_year_with(&ds, explain).map_err(Fail::input)?;
        let json = if flags & KP_COLUMNS != 0 {
            serde_json::to_string(&kaoping_core::columns::HallYearColumns::of(&year))
        } else if flags & KP_COMPACT != 0 {
            serde_json::to_string(&year)
        } else {
            Ok(pretty(&year))
        }
        .expect("results serialise");
        // SAFETY: `out` checked; `out_len` per contract.
        unsafe { output_json(json, out, out_len) }
    })
}

/// The award lists of a period ("2026-Q3", "2026"; a month, "2026-10", has lists only when the
/// policy awards monthly, else `[]`): a JSON array of award results (quota, awarded, ties at the
/// quota line, every participant's standing and why). Output and ownership as kp_evaluate
/// (the same bytes as `kaoping awards FILE --period P --format json`, without the final newline).
///
/// # Safety
/// As kp_evaluate.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kp_awards(
    engine: *const KpEngine,
    dataset_json: *const u8,
    dataset_len: usize,
    period: *const c_char,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> KpStatus {
    guard(|| {
        check_out(out, "out")?;
        // SAFETY: per the function's contract.
        let (e, text) = unsafe { engine_and_text(engine, dataset_json, dataset_len) }?;
        let period = parse_period(unsafe { input_cstr(period, "period") }?)?;
        let ds = Dataset::from_json(text).map_err(Fail::input)?;
        let res = e.policy.evaluate_period(&ds, period).map_err(Fail::input)?;
        // SAFETY: `out` checked; `out_len` per contract.
        unsafe { output_json(pretty(&res.awards), out, out_len) }
    })
}

/// Explains one subject's month as UTF-8 text (Chinese labels, rule codes, record ids): how each
/// point was lost or won. `subject` is a window or staff id, `month` "2026-10". KP_INVALID_ARGUMENT
/// when the subject was not evaluated in that month; KP_INVALID_INPUT when the text would hold a
/// NUL character (from a name or a note of the dataset), which a C string cannot carry. Output
/// and ownership as kp_evaluate.
///
/// # Safety
/// As kp_evaluate; `subject` and `month` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kp_explain(
    engine: *const KpEngine,
    dataset_json: *const u8,
    dataset_len: usize,
    subject: *const c_char,
    month: *const c_char,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> KpStatus {
    guard(|| {
        check_out(out, "out")?;
        // SAFETY: per the function's contract.
        let (e, text) = unsafe { engine_and_text(engine, dataset_json, dataset_len) }?;
        let subject = unsafe { input_cstr(subject, "subject") }?;
        let month = unsafe { input_cstr(month, "month") }?;
        let month = month.parse().map_err(|e: String| Fail::new(KpStatus::KpInvalidArgument, "month", e))?;
        let ds = Dataset::from_json(text).map_err(Fail::input)?;
        let res = e.policy.evaluate_month(&ds, month).map_err(Fail::input)?;
        let text = kaoping_core::explain::explain(&res, subject)
            .ok_or_else(|| Fail::new(KpStatus::KpInvalidArgument, "subject", format!("{subject:?} was not evaluated in {month}")))?;
        // SAFETY: `out` checked; `out_len` per contract.
        unsafe { output(text, out, out_len) }
    })
}

/// A published JSON Schema by name ("policy", "dataset", "result", "year_result", "period_result",
/// "errors"). Output and ownership as kp_evaluate.
///
/// # Safety
/// `name` NUL-terminated; `out` writable; `out_len` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kp_schema(name: *const c_char, out: *mut *mut c_char, out_len: *mut usize) -> KpStatus {
    guard(|| {
        check_out(out, "out")?;
        // SAFETY: per the function's contract.
        let name = unsafe { input_cstr(name, "name") }?;
        let s = kaoping_core::schema::schema_json(name).ok_or_else(|| {
            Fail::new(KpStatus::KpInvalidArgument, "name", format!("unknown schema {name:?}; one of {}", kaoping_core::schema::NAMES.join(", ")))
        })?;
        // SAFETY: `out` checked; `out_len` per contract.
        unsafe { output(s, out, out_len) }
    })
}

/// The message of the last failing call on this thread (every problem, one per line, in the
/// language of the engine the call used: English for calls without one), or NULL when
/// the last call that can fail succeeded. kp_version, kp_abi_version, kp_last_error_json and a
/// successful kp_string_free leave it as it was. Owned by the library: valid until the next kp_ call
/// on this thread; do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn kp_last_error_message() -> *const c_char {
    LAST_ERROR.with(|e| e.borrow().as_ref().map(|l| l.message.as_ptr()).unwrap_or(std::ptr::null()))
}

/// The last failing call's problems on this thread as JSON (`{"document": …, "problems": [{"kind",
/// "path", "record", "rule", "message"}]}`, the errors schema). On KP_OK `*out` holds a copy the
/// caller frees with kp_string_free; KP_INVALID_ARGUMENT when there is no error to report.
/// This call does not clear the last error.
///
/// # Safety
/// `out` writable; `out_len` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kp_last_error_json(out: *mut *mut c_char, out_len: *mut usize) -> KpStatus {
    let json = LAST_ERROR.with(|e| e.borrow().as_ref().map(|l| l.json.clone()));
    if out.is_null() {
        return KpStatus::KpNullPointer;
    }
    match json {
        None => KpStatus::KpInvalidArgument,
        // SAFETY: `out` checked; `out_len` per contract. Does not go through guard, so the last error stays.
        Some(j) => match catch_unwind(AssertUnwindSafe(|| unsafe { output(j, out, out_len) })) {
            Ok(Ok(())) => KpStatus::KpOk,
            _ => KpStatus::KpPanic,
        },
    }
}
