//! Spreadsheets as the command reads and writes them: the importer of filled records sheets (the
//! `kaoping-import` crate: the same reading, leniency and refusals as `kaoping import`) and the
//! report's workbook (the command's library: the same workbook as `kaoping report`).

use crate::{NativeDataset, NativePolicy, guarded, to_py_err};
use kaoping_core::error::{Errors, Problem, ProblemKind};
use kaoping_import::Imported;
use pyo3::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// Reads the filled sheet at `path` (xlsx, xls, ods, or CSV in UTF-8 or GBK, by its extension;
/// a workbook's `sheet`, else its 记录 sheet, else its first) and imports its records onto
/// `roster` (after its records, or instead of them with `replace`), validated under `policy`.
/// Returns the dataset and the counts: imported, kept, dropped. Raises `ValidationError`
/// (document `sheet`) with one problem per bad cell, addressed as `记录!D7`, or one naming the
/// file when it cannot be read.
#[pyfunction]
#[pyo3(signature = (path, policy, roster, replace = false, sheet = None))]
pub(crate) fn read_records(
    py: Python<'_>,
    path: PathBuf,
    policy: &NativePolicy,
    roster: &NativeDataset,
    replace: bool,
    sheet: Option<String>,
) -> PyResult<(NativeDataset, usize, usize, usize)> {
    let (policy, roster) = (policy.inner.clone(), roster.inner.clone());
    let roster_name = "roster".to_string();
    let done = guarded(py, move || -> Result<Imported, Errors> {
        let sheet_error = |m: String| Errors::one("sheet", Problem::new(ProblemKind::Invalid, path.display().to_string(), m));
        let grid = kaoping_import::read_sheet(&path, sheet.as_deref(), policy.lang()).map_err(sheet_error)?;
        kaoping_import::import(&grid, &policy, &roster, !replace, &roster_name, false).map_err(|cells| Errors {
            document: "sheet".into(),
            problems: cells.into_iter().map(|c| Problem::new(ProblemKind::Invalid, c.address, c.message)).collect(),
        })
    })?;
    let Imported { dataset, imported, kept, dropped } = done.map_err(|e| to_py_err(py, e))?;
    Ok((NativeDataset { inner: Arc::new(dataset) }, imported, kept, dropped))
}

/// The report's workbook of `period` (every sheet: the brief with its charts, scores, details,
/// department feedback, rankings, award lists, records), as `kaoping report … -o FILE.xlsx`
/// writes it, as bytes.
#[pyfunction]
pub(crate) fn report_workbook<'py>(py: Python<'py>, policy: &NativePolicy, dataset: &NativeDataset, period: &str) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
    let period: kaoping_core::Period = period.parse().map_err(|e: String| to_py_err(py, Errors::one("request", Problem::new(ProblemKind::Invalid, "period", e))))?;
    let (policy, ds) = (policy.inner.clone(), dataset.inner.clone());
    let bytes = guarded(py, move || kaoping_cli::report::workbook(&policy, &ds, period))?;
    match bytes {
        Ok(b) => Ok(pyo3::types::PyBytes::new(py, &b)),
        Err(message) => Err(pyo3::exceptions::PyValueError::new_err(message)),
    }
}
