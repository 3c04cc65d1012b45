//! The importer of filled records sheets (the `kaoping-import` crate): the same reading, the same
//! leniency (Chinese headers, the date forms, names → ids as suggestions only) and the same
//! refusals as `kaoping import`.

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
        let grid = kaoping_import::read_sheet(&path, sheet.as_deref()).map_err(sheet_error)?;
        kaoping_import::import(&grid, &policy, &roster, !replace, &roster_name, false).map_err(|cells| Errors {
            document: "sheet".into(),
            problems: cells.into_iter().map(|c| Problem::new(ProblemKind::Invalid, c.address, c.message)).collect(),
        })
    })?;
    let Imported { dataset, imported, kept, dropped } = done.map_err(|e| to_py_err(py, e))?;
    Ok((NativeDataset { inner: Arc::new(dataset) }, imported, kept, dropped))
}
