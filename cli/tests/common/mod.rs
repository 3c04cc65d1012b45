//! Helpers shared by the CLI's integration tests: running the built binary, scratch
//! directories, the sample hall, reading workbooks back.
#![allow(dead_code)]

use calamine::{Data, Reader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_kaoping");

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("cli/ is in the repository").to_path_buf()
}

pub fn sample() -> PathBuf {
    repo().join("examples/data/county-2026.json")
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kaoping-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

pub fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("the kaoping binary runs")
}

pub fn run_p(args: &[&Path]) -> Output {
    Command::new(BIN).args(args).output().expect("the kaoping binary runs")
}

/// Runs and asserts the exit code, showing stderr on failure.
pub fn expect(args: &[&str], code: i32) -> Output {
    let out = run(args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "kaoping {}\nstdout:\n{}\nstderr:\n{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Every sheet of a workbook as rows of cells.
pub fn read_sheet(path: &Path, sheet: &str) -> Vec<Vec<Data>> {
    let mut wb = calamine::open_workbook_auto(path).expect("the workbook opens");
    let range = wb.worksheet_range(sheet).unwrap_or_else(|e| panic!("sheet {sheet} of {}: {e}", path.display()));
    range.rows().map(|r| r.to_vec()).collect()
}

pub fn sheet_names(path: &Path) -> Vec<String> {
    let wb = calamine::open_workbook_auto(path).expect("the workbook opens");
    wb.sheet_names()
}

pub fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        other => format!("{other:?}"),
    }
}

pub fn number(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("expected a number, got {other:?}"),
    }
}

/// A decimal as the double Excel holds.
pub fn f(d: rust_decimal::Decimal) -> f64 {
    d.to_string().parse().unwrap()
}

/// The column index of a header in a sheet's first row.
pub fn col(rows: &[Vec<Data>], header: &str) -> usize {
    rows[0].iter().position(|h| text(h) == header).unwrap_or_else(|| panic!("no column {header:?} in {:?}", rows[0]))
}

/// A file of an xlsx package (the XML of a sheet, styles), as text.
pub fn xlsx_part(path: &Path, part: &str) -> String {
    use std::io::Read;
    let file = std::fs::File::open(path).expect("the workbook opens");
    let mut zip = zip::ZipArchive::new(file).expect("an xlsx is a zip");
    let mut out = String::new();
    zip.by_name(part).unwrap_or_else(|e| panic!("{part}: {e}")).read_to_string(&mut out).expect("utf-8 xml");
    out
}
