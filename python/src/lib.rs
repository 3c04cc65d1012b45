//! `kaoping._kaoping`: the native half of the Python package.
//!
//! Thin by design: every function converts its arguments, calls `kaoping-core` and converts the
//! answer back. No scoring logic lives here. The GIL is released (`Python::detach`) while the core
//! parses, validates, evaluates and serialises.
//!
//! Results stay the core's own values behind a handle (`NativePeriod`, `NativeMonth`). The
//! Python half asks a handle for its typed objects (`build`, see [`objects`]: the dataclasses of
//! `kaoping._types` built straight from the core's value, with `decimal.Decimal` scores, no JSON
//! in between) and, only when `to_json()` is called, for the core's JSON: the bytes the `kaoping`
//! command prints, written by the same `kaoping_core::json::to_string_pretty`. When `build`
//! fails (a value that does not fit the classes), the Python half decodes that JSON instead and
//! so gives the objects, or raises the errors, it always did.

mod objects;
mod sheets;

use kaoping_core::error::{Errors, Problem, ProblemKind};
use kaoping_core::period::PeriodResult;
use kaoping_core::result::Reason;
use kaoping_core::{Dataset, Explain, MonthResult, Period, Policy};
use objects::ObjectPlan;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyType};
use std::sync::Arc;

/// Runs `f` in the core without the GIL. A panic there is a bug of ours (valid or invalid input
/// must never cause one), and it reaches Python as a `RuntimeError` saying so, never as pyo3's
/// `PanicException`, which `except Exception` does not catch.
fn guarded<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))).map_err(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        PyRuntimeError::new_err(format!("kaoping internal error (please report it with the input): {what}"))
    })
}

/// `kaoping._errors.ValidationError` and `Problem`, fetched once.
static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static PROBLEM: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Turns the core's `Errors` into `kaoping.ValidationError(message, document, problems)`.
fn to_py_err(py: Python<'_>, e: Errors) -> PyErr {
    match build_validation_error(py, &e) {
        Ok(err) => err,
        // The Python half could not be imported (a broken install): still say what was wrong.
        Err(import_failure) => {
            let err = PyValueError::new_err(e.to_string());
            err.set_cause(py, Some(import_failure));
            err
        }
    }
}

fn build_validation_error(py: Python<'_>, e: &Errors) -> PyResult<PyErr> {
    let problem_cls = PROBLEM.import(py, "kaoping._errors", "Problem")?;
    let error_cls = VALIDATION_ERROR.import(py, "kaoping._errors", "ValidationError")?;
    let problems = PyList::empty(py);
    for p in &e.problems {
        let kw = PyDict::new(py);
        kw.set_item("kind", kind_str(p.kind))?;
        kw.set_item("path", &p.path)?;
        kw.set_item("record", p.record.as_deref())?;
        kw.set_item("rule", p.rule.as_deref())?;
        kw.set_item("message", &p.message)?;
        problems.append(problem_cls.call((), Some(&kw))?)?;
    }
    let value = error_cls.call1((e.to_string(), e.document.as_str(), problems))?;
    Ok(PyErr::from_value(value))
}

fn kind_str(kind: ProblemKind) -> String {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::String(s)) => s,
        _ => format!("{kind:?}"),
    }
}

fn request_error(path: &str, message: String) -> Errors {
    Errors::one("request", Problem::new(ProblemKind::Invalid, path, message))
}

/// A document argument: a `str`, or the file's `bytes` (or a `bytearray`) as read.
///
/// A `str` is read in place from the bytes `str.encode()` gives, not taken as `&str`: under the
/// limited API of Python 3.9 (abi3-py39), pyo3 makes a `&str` by encoding the string to a bytes
/// object and then copying those bytes into a `String`. For a county hall's dataset (a megabyte)
/// the copy was a fresh megabyte per call, which made glibc's heap grow and shrink around each
/// evaluation: some 950 page faults, about 2 ms, per `evaluate(policy, Dataset.from_json(text), "2026")`.
///
/// `bytes` are read in place and checked by the core (`from_json_bytes`: a BOM is allowed, and
/// bytes that are not UTF-8 give the same `ValidationError` as from Rust and the C ABI, naming
/// the byte). A file read as bytes is neither decoded by Python nor encoded again: for a county
/// hall's dataset that is 1.6 ms of a 20 ms evaluation.
enum Document<'py> {
    /// `str.encode()`: valid UTF-8, as CPython's strict encoder writes only that.
    Encoded(Bound<'py, PyBytes>),
    /// `bytes` as given, not yet checked.
    Bytes(Bound<'py, PyBytes>),
    /// a copy of a `bytearray`'s bytes, not yet checked.
    Copied(Vec<u8>),
}

impl<'py> Document<'py> {
    fn of(obj: &Bound<'py, PyAny>) -> PyResult<Document<'py>> {
        if let Ok(s) = obj.cast::<PyString>() {
            Ok(Document::Encoded(s.encode_utf8()?))
        } else if let Ok(b) = obj.cast::<PyBytes>() {
            Ok(Document::Bytes(b.clone()))
        } else if let Ok(b) = obj.cast::<PyByteArray>() {
            Ok(Document::Copied(b.to_vec()))
        } else {
            Err(PyTypeError::new_err(format!(
                "a JSON document is a str, bytes or bytearray, not {}",
                obj.get_type().name()?
            )))
        }
    }

    /// Parses the document with `text` for a checked `str` and `bytes` for bytes still to check.
    fn parse<T: Send>(
        &self,
        py: Python<'_>,
        text: impl FnOnce(&str) -> Result<T, Errors> + Send,
        bytes: impl FnOnce(&[u8]) -> Result<T, Errors> + Send,
    ) -> PyResult<Result<T, Errors>> {
        match self {
            Document::Encoded(utf8) => {
                // SAFETY: `utf8` is what `PyUnicode_AsUTF8String` returned, and CPython's strict
                // UTF-8 encoder only writes valid UTF-8 (a lone surrogate raises instead): pyo3
                // reads these bytes without checking them in the same way, before its copy.
                // Checking again would cost half a millisecond on a county hall's dataset.
                let t = unsafe { std::str::from_utf8_unchecked(utf8.as_bytes()) };
                guarded(py, || text(t))
            }
            Document::Bytes(b) => {
                let b = b.as_bytes();
                guarded(py, || bytes(b))
            }
            Document::Copied(v) => guarded(py, || bytes(v)),
        }
    }
}

/// A compiled policy (the core's `Policy`).
#[pyclass(frozen, module = "kaoping._kaoping", name = "NativePolicy")]
struct NativePolicy {
    inner: Arc<Policy>,
}

#[pymethods]
impl NativePolicy {
    /// The built-in county measure.
    #[staticmethod]
    fn builtin(py: Python<'_>) -> NativePolicy {
        NativePolicy { inner: Arc::new(py.detach(Policy::builtin)) }
    }

    /// Parses and checks a policy document (`str`, or `bytes` as read from a file); raises
    /// `ValidationError` listing every problem.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<NativePolicy> {
        let parsed = Document::of(text)?.parse(py, Policy::from_json, Policy::from_json_bytes)?;
        parsed.map(|p| NativePolicy { inner: Arc::new(p) }).map_err(|e| to_py_err(py, e))
    }

    /// The same policy writing the texts of results (details, reasons, flags, warnings, award
    /// standings) in `lang`: `"zh-CN"` or `"en"` (the default).
    fn with_lang(&self, lang: &str) -> PyResult<NativePolicy> {
        let lang: kaoping_core::messages::Lang = lang.parse().map_err(pyo3::exceptions::PyValueError::new_err)?;
        Ok(NativePolicy { inner: Arc::new((*self.inner).clone().with_lang(lang)) })
    }

    /// The language of the texts of results: `"zh-CN"` or `"en"`.
    #[getter]
    fn lang(&self) -> &'static str {
        self.inner.lang().tag()
    }

    #[getter]
    fn id(&self) -> &str {
        &self.inner.doc().id
    }

    #[getter]
    fn name(&self) -> &str {
        &self.inner.doc().name
    }

    /// The policy document as pretty JSON (what `kaoping policy` prints for the built-in one).
    fn to_json(&self, py: Python<'_>) -> String {
        let p = &self.inner;
        py.detach(|| p.to_json())
    }

    /// Checks a dataset against the policy; raises `ValidationError` listing every problem.
    fn validate(&self, py: Python<'_>, dataset: &NativeDataset) -> PyResult<()> {
        let (p, d) = (&self.inner, &dataset.inner);
        guarded(py, || p.validate(d))?.map_err(|e| to_py_err(py, e))
    }

    /// Scores `period` ("2026-10", "2026-Q3", "2026"): the core's period result (ranks, awards,
    /// department feedback) and the result of every month of the period, each evaluated once.
    fn evaluate(&self, py: Python<'_>, dataset: &NativeDataset, period: &str) -> PyResult<(NativePeriod, Vec<NativeMonth>)> {
        let (p, d) = (&self.inner, &dataset.inner);
        let out = guarded(py, || -> Result<(PeriodResult, Vec<MonthResult>), Errors> {
            let period: Period = period.parse().map_err(|m: String| request_error("period", m))?;
            // The period's scores, ranks and awards and the detail of its months (every line and
            // record outcome), exactly as the core computes them, each month evaluated once.
            p.evaluate_period_months(d, period, Explain::Full)
        })?;
        let (summary, months) = out.map_err(|e| to_py_err(py, e))?;
        let months = months.into_iter().map(|m| NativeMonth { inner: Arc::new(m) }).collect();
        Ok((NativePeriod { inner: Arc::new(summary) }, months))
    }
}

/// The core's pretty JSON of a result: the bytes the `kaoping` command prints (less the final
/// newline).
fn result_json<T: serde::Serialize + Sync>(py: Python<'_>, value: &T) -> String {
    py.detach(|| kaoping_core::json::to_string_pretty(value).expect("a result serialises"))
}

/// A period's result (the core's `PeriodResult`).
#[pyclass(frozen, module = "kaoping._kaoping", name = "NativePeriod")]
struct NativePeriod {
    inner: Arc<PeriodResult>,
}

#[pymethods]
impl NativePeriod {
    /// "2026", "2026-Q3" or "2026-10".
    #[getter]
    fn period(&self) -> String {
        self.inner.period.to_string()
    }

    /// The period's result as pretty JSON: the bytes `kaoping score FILE --period P --format json`
    /// prints (less its final newline).
    fn to_json(&self, py: Python<'_>) -> String {
        result_json(py, self.inner.as_ref())
    }

    /// The result as the plan's first class (`kaoping.PeriodResult`), built without JSON; raises
    /// when the value does not fit the plan (the caller then decodes `to_json()`).
    fn build<'py>(&self, py: Python<'py>, plan: &ObjectPlan) -> PyResult<Bound<'py, PyAny>> {
        objects::build(py, plan, self.inner.as_ref())
    }
}

/// A parsed dataset (the core's `Dataset`).
#[pyclass(frozen, module = "kaoping._kaoping", name = "NativeDataset")]
struct NativeDataset {
    inner: Arc<Dataset>,
}

#[pymethods]
impl NativeDataset {
    /// Parses a dataset document (`str`, or `bytes` as read from a file); raises `ValidationError`
    /// naming the place of the problem.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<NativeDataset> {
        let parsed = Document::of(text)?.parse(py, Dataset::from_json, Dataset::from_json_bytes)?;
        parsed.map(|d| NativeDataset { inner: Arc::new(d) }).map_err(|e| to_py_err(py, e))
    }

    #[getter]
    fn hall_id(&self) -> &str {
        &self.inner.hall.id
    }

    #[getter]
    fn hall_name(&self) -> &str {
        &self.inner.hall.name
    }

    #[getter]
    fn year(&self) -> i32 {
        self.inner.year
    }

    /// The dataset as the core writes it (pretty JSON, decimals as strings).
    fn to_json(&self, py: Python<'_>) -> String {
        let d = &self.inner;
        py.detach(|| d.to_json())
    }
}

/// One month's result (the core's `MonthResult`).
#[pyclass(frozen, module = "kaoping._kaoping", name = "NativeMonth")]
struct NativeMonth {
    inner: Arc<MonthResult>,
}

#[pymethods]
impl NativeMonth {
    /// "2026-10".
    #[getter]
    fn month(&self) -> String {
        self.inner.month.to_string()
    }

    /// The month's result as pretty JSON: the bytes `kaoping score FILE --month M --format json`
    /// prints (less its final newline).
    fn to_json(&self, py: Python<'_>) -> String {
        result_json(py, self.inner.as_ref())
    }

    /// The result as the plan's first class (`kaoping.MonthResult`), built without JSON; raises
    /// when the value does not fit the plan (the caller then decodes `to_json()`).
    fn build<'py>(&self, py: Python<'py>, plan: &ObjectPlan) -> PyResult<Bound<'py, PyAny>> {
        objects::build(py, plan, self.inner.as_ref())
    }

    /// The core's explanation of one subject's month; `None` when it was not evaluated.
    fn explain(&self, py: Python<'_>, subject: &str) -> PyResult<Option<String>> {
        let m = &self.inner;
        guarded(py, || kaoping_core::explain::explain(m, subject))
    }
}

/// The core's labels of a reason code (`month_cap` → ("达到本项月度上限", "monthly cap")).
#[pyfunction]
fn reason_labels(code: &str) -> PyResult<(String, String)> {
    let reason: Reason = serde_json::from_value(serde_json::Value::String(code.to_string()))
        .map_err(|_| PyValueError::new_err(format!("unknown reason code {code:?}")))?;
    Ok((reason.label_zh(), reason.label_en()))
}

/// A published JSON Schema by name (`dataset`, `policy`, `result`, …), as the core generates it.
/// The labels (Chinese, English) of a record's status (`group` "status"), a record's outcome
/// ("outcome") or an award standing's status ("award"), by its code.
#[pyfunction]
fn status_labels(group: &str, code: &str) -> PyResult<(String, String)> {
    use kaoping_core::messages::Lang;
    fn parse<T: serde::de::DeserializeOwned>(code: &str) -> Option<T> {
        serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
    }
    let both = |f: &dyn Fn(Lang) -> String| (f(Lang::ZhCn), f(Lang::En));
    let labels = match group {
        "status" => parse::<kaoping_core::dataset::Status>(code).map(|s| both(&|l| s.label(l))),
        "outcome" => parse::<kaoping_core::result::OutcomeKind>(code).map(|o| both(&|l| o.label(l))),
        "award" => parse::<kaoping_core::period::AwardStatus>(code).map(|a| both(&|l| a.label(l))),
        _ => return Err(PyValueError::new_err(format!("unknown group {group:?}: status, outcome or award"))),
    };
    labels.ok_or_else(|| PyValueError::new_err(format!("unknown {group} code {code:?}")))
}

#[pyfunction]
fn schema(name: &str) -> PyResult<String> {
    kaoping_core::schema::schema_json(name).ok_or_else(|| {
        PyValueError::new_err(format!("unknown schema {name:?}: one of {}", kaoping_core::schema::NAMES.join(", ")))
    })
}

/// Panics inside [`guarded`], as a bug in the core would: for the test that such a bug reaches
/// Python as a `RuntimeError` (not in the public API).
#[pyfunction]
fn _panic_in_core_for_tests(py: Python<'_>) -> PyResult<()> {
    guarded(py, || -> () { panic!("a deliberate panic") })
}

#[pymodule]
fn _kaoping(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativePolicy>()?;
    m.add_class::<NativeDataset>()?;
    m.add_class::<NativePeriod>()?;
    m.add_class::<NativeMonth>()?;
    m.add_class::<ObjectPlan>()?;
    m.add_function(wrap_pyfunction!(reason_labels, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(status_labels, m)?)?;
    m.add_function(wrap_pyfunction!(sheets::read_records, m)?)?;
    m.add_function(wrap_pyfunction!(sheets::report_workbook, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_in_core_for_tests, m)?)?;
    m.add("CORE_VERSION", kaoping_core::VERSION)?;
    m.add("SCHEMA_NAMES", kaoping_core::schema::NAMES.to_vec())?;
    Ok(())
}
