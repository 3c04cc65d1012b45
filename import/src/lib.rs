//! kaoping's importer of filled records sheets (xlsx, xls, ods via calamine; CSV in UTF-8 or
//! GBK) into a dataset, shared by the `kaoping import` command and the Python package
//! (`kaoping.read_records`), so both accept and refuse exactly the same sheets. Every bad cell of
//! every row is reported with its address (`记录!D7`) and what was expected, with the code or id
//! it most likely means when there is one (`S1.l` → S1.1, `迟到` → S1.1, `杨健 是 S037?`); the
//! dataset is validated by the core, and the core's problems are mapped back to the cells they
//! come from.

pub mod progress;

use kaoping_core::messages::{Lang, text};
use chrono::NaiveDate;
use kaoping_core::dataset::{Dataset, Level, Record, RecordFields, Status};
use kaoping_core::policy::{RuleItem, SubjectKind};
use kaoping_core::{Errors, Policy};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;

/// A sheet of the template in `lang` (the catalogue's `template-sheet-…`): `records` (记录),
/// `rules` (考评项目), `windows`, `staff`, `lists`, `instructions`. `kaoping template` writes
/// them; the importer reads the records sheet by its name in any language.
pub fn template_sheet(id: &str, lang: Lang) -> String {
    text(lang, &format!("template-sheet-{id}"), &[])
}

/// A spreadsheet column's letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(col: usize) -> String {
    let mut n = col + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).expect("ascii")
}

/// One column of the records sheet.
pub struct ColumnDef {
    /// The record field it fills.
    pub field: &'static str,
    /// Other headers accepted on import (Chinese variants, the JSON field name).
    pub aliases: &'static [&'static str],
    pub required: bool,
    /// Width in the template.
    pub width: f64,
}

impl ColumnDef {
    /// The header the template writes in `lang` (the catalogue's `template-col-…`: 日期, Date);
    /// the importer reads the header of every language.
    pub fn header(&self, lang: Lang) -> String {
        text(lang, &format!("template-col-{}", self.field), &[])
    }

    /// The input message the template shows for the column (`template-help-…`).
    pub fn help(&self, lang: Lang) -> String {
        text(lang, &format!("template-help-{}", self.field), &[])
    }
}

pub const COLUMNS: &[ColumnDef] = &[
    ColumnDef { field: "id", aliases: &["编号", "记录号", "id"], required: false, width: 16.0 },
    ColumnDef { field: "rule", aliases: &["项目", "项目代码", "规则", "规则代码", "考评项目代码", "rule"], required: true, width: 46.0 },
    ColumnDef { field: "subject", aliases: &["对象", "考评对象", "窗口或人员", "subject"], required: true, width: 22.0 },
    ColumnDef { field: "date", aliases: &["发生日期", "记录日期", "date"], required: true, width: 12.0 },
    ColumnDef { field: "count", aliases: &["count"], required: false, width: 8.0 },
    ColumnDef { field: "minutes", aliases: &["分钟数", "迟到分钟", "minutes"], required: false, width: 8.0 },
    ColumnDef { field: "points", aliases: &["扣分分值", "points"], required: false, width: 8.0 },
    ColumnDef { field: "units", aliases: &["units"], required: false, width: 8.0 },
    ColumnDef { field: "level", aliases: &["level"], required: false, width: 10.0 },
    ColumnDef { field: "key", aliases: &["key"], required: false, width: 16.0 },
    ColumnDef { field: "aggravated", aliases: &["aggravated"], required: false, width: 10.0 },
    ColumnDef { field: "status", aliases: &["status"], required: false, width: 10.0 },
    ColumnDef { field: "evidence", aliases: &["佐证", "evidence"], required: false, width: 20.0 },
    ColumnDef { field: "note", aliases: &["说明", "note"], required: false, width: 30.0 },
];

fn column(field: &str) -> &'static ColumnDef {
    COLUMNS.iter().find(|c| c.field == field).expect("a known field")
}

/// A cell as read from a workbook or a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Bool(bool),
    Error(String),
}

impl Value {
    fn is_blank(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as the user sees it, for messages.
    fn shown(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.trim().to_string(),
            Value::Number(f) => number_text(*f),
            Value::Date(d) => d.to_string(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Value::Error(e) => e.clone(),
        }
    }
}

/// A number as its shortest exact text (`2.5`, `3`), the way the sheet shows it.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 { format!("{}", f as i64) } else { format!("{f}") }
}

/// A sheet's cells by row (index 0 is the sheet's row 1).
pub struct Grid {
    /// The sheet name as addresses show it: the sheet of a workbook, the file name of a CSV.
    pub sheet: String,
    pub rows: Vec<Vec<Value>>,
    /// What was read, for the summary: `records.xlsx (记录)`, `records.csv (GBK)`.
    pub source: String,
}

/// A problem with one cell (or one row, or the sheet).
#[derive(Debug, Clone)]
pub struct CellError {
    /// 0-based row and column; `usize::MAX` when the problem concerns a whole row / the sheet.
    pub row: usize,
    pub col: usize,
    pub address: String,
    pub message: String,
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.address, self.message)
    }
}

fn quote_sheet(sheet: &str) -> String {
    sheet.to_string()
}

fn cell_address(sheet: &str, row: usize, col: usize) -> String {
    format!("{}!{}{}", quote_sheet(sheet), column_letter(col), row + 1)
}

fn row_address(sheet: &str, row: usize, lang: Lang) -> String {
    text(lang, "import-row", &[("sheet", &quote_sheet(sheet)), ("row", &(row + 1))])
}

/// A list as the language writes it (`A、B、C`, `A, B, C`).
fn list(items: &[String], lang: Lang) -> String {
    items.join(&text(lang, "import-list-separator", &[]))
}

/// A cell's problem under its column's header (`日期: 应为日期…`).
fn in_column(field: &str, message: &str, lang: Lang) -> String {
    text(lang, "import-cell", &[("column", &column(field).header(lang)), ("message", &message)])
}

// ------------------------------------------------------------------ reading

/// The last row and column of a sheet (Excel's `XFD1048576`): cells beyond are refused.
pub const MAX_SHEET_ROWS: u32 = 1_048_576;
pub const MAX_SHEET_COLUMNS: u32 = 16_384;
/// Cells a grid may hold (each row counted up to its last filled cell): a sheet of a million
/// records of 16 columns. Past it a sheet is refused before it fills memory.
pub const MAX_GRID_CELLS: usize = 1 << 24;
/// Strings a workbook's shared strings table may declare (its `uniqueCount`, which calamine
/// reserves room for before reading a string).
pub const MAX_SHARED_STRINGS: u64 = 1 << 24;

/// Whether a file is read as CSV (by its extension: csv, txt, tsv) rather than as a workbook.
pub fn is_csv(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("tsv"))
}

/// Reads a filled records sheet as `kaoping import` does: CSV or workbook by the file's
/// extension ([`is_csv`]), a workbook's `sheet` when given (a CSV file is one sheet: naming a
/// sheet is refused), else its 记录 sheet, else its first. A file that cannot be read is said
/// in `lang`.
pub fn read_sheet(path: &Path, sheet: Option<&str>, lang: Lang) -> Result<Grid, String> {
    match (is_csv(path), sheet) {
        (true, Some(_)) => Err(text(lang, "cli-sheet-csv", &[])),
        (true, None) => read_csv(path, lang),
        (false, _) => read_workbook(path, sheet, lang),
    }
}

/// Reads the records sheet of a workbook: `sheet` when given, else the sheet named 记录 (or the
/// records sheet's name in another language), else the first. A workbook that cannot be read is
/// said in `lang`.
pub fn read_workbook(path: &Path, sheet: Option<&str>, lang: Lang) -> Result<Grid, String> {
    let label = path.display().to_string();
    if let Ok(f) = std::fs::File::open(path) {
        check_shared_strings(std::io::BufReader::new(f), &label, lang)?;
    }
    let mut wb = calamine::open_workbook_auto(path).map_err(|e| text(lang, "cli-not-a-workbook", &[("path", &label), ("error", &e)]))?;
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    workbook_grid(&mut wb, sheet, &label, &file, lang)
}

/// [`read_workbook`] of a workbook's bytes; `file` names it in messages, and its extension
/// chooses the format as for a path (xls, xlsx/xlsm, xlsb, ods; any other: detected).
pub fn read_workbook_bytes(bytes: Vec<u8>, file: &str, sheet: Option<&str>, lang: Lang) -> Result<Grid, String> {
    use calamine::{Error, Ods, Reader, Sheets, Xls, Xlsb, Xlsx};
    check_shared_strings(std::io::Cursor::new(&bytes[..]), file, lang)?;
    let ext = Path::new(file).extension().and_then(|e| e.to_str());
    let data = std::io::Cursor::new(bytes);
    let opened: Result<Sheets<_>, Error> = match ext {
        Some("xls" | "xla") => Xls::new(data).map(Sheets::Xls).map_err(Error::Xls),
        Some("xlsx" | "xlsm" | "xlam") => Xlsx::new(data).map(Sheets::Xlsx).map_err(Error::Xlsx),
        Some("xlsb") => Xlsb::new(data).map(Sheets::Xlsb).map_err(Error::Xlsb),
        Some("ods") => Ods::new(data).map(Sheets::Ods).map_err(Error::Ods),
        _ => calamine::open_workbook_auto_from_rs(data),
    };
    let mut wb = opened.map_err(|e| text(lang, "cli-not-a-workbook", &[("path", &file), ("error", &e)]))?;
    workbook_grid(&mut wb, sheet, file, file, lang)
}

/// calamine reserves room for as many strings as a zipped workbook's shared strings table
/// declares before reading any (calamine issue #684): a damaged or hostile count would abort
/// the program on the allocation. Counts no workbook can have are refused here, before calamine
/// opens the file. Anything else wrong with the file is left to calamine to report.
fn check_shared_strings<R: std::io::Read + std::io::Seek>(data: R, label: &str, lang: Lang) -> Result<(), String> {
    let Ok(mut zip) = zip::ZipArchive::new(data) else { return Ok(()) };
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index(i) else { continue };
        if !part.name_raw().to_ascii_lowercase().ends_with(b"sharedstrings.xml") {
            continue;
        }
        if let Some(n) = declared_strings(std::io::BufReader::new(part))
            && n > MAX_SHARED_STRINGS
        {
            return Err(text(lang, "import-read-shared-strings", &[("path", &label), ("count", &n), ("max", &MAX_SHARED_STRINGS)]));
        }
    }
    Ok(())
}

/// The largest `uniqueCount` on the first `sst` element of a shared strings part, read as
/// calamine reads it (quick-xml, the element's local name), the attribute found in the raw tag.
fn declared_strings<R: std::io::BufRead>(part: R) -> Option<u64> {
    use quick_xml::events::Event;
    let mut xml = quick_xml::Reader::from_reader(part);
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == "sst" => {
                // every `uniqueCount = "digits` in the tag (whatever its prefix or quoting)
                let tag = e.as_bytes();
                let key = b"uniqueCount";
                let mut most = None;
                let mut at = 0;
                while let Some(i) = tag[at..].windows(key.len()).position(|w| w == key) {
                    at += i + key.len();
                    let rest = &tag[at..];
                    let rest = rest.trim_ascii_start().strip_prefix(b"=").unwrap_or(rest).trim_ascii_start();
                    let rest = rest.strip_prefix(b"\"").or(rest.strip_prefix(b"'")).unwrap_or(rest);
                    let digits = rest.iter().take_while(|b| b.is_ascii_digit());
                    let n = digits.fold(0u64, |n, &d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')));
                    most = most.max(Some(n));
                }
                return most;
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// The grid of the chosen sheet of an opened workbook; `label` names the workbook in messages,
/// `file` in the grid's source; problems are said in `lang`.
fn workbook_grid<RS: std::io::Read + std::io::Seek>(wb: &mut calamine::Sheets<RS>, sheet: Option<&str>, label: &str, file: &str, lang: Lang) -> Result<Grid, String> {
    use calamine::{Reader, Sheets};
    let names = wb.sheet_names();
    let name = match sheet {
        Some(s) => {
            if !names.iter().any(|n| n == s) {
                return Err(text(lang, "import-read-no-such-sheet", &[("path", &label), ("sheet", &format!("{s:?}")), ("sheets", &list(&names, lang))]));
            }
            s.to_string()
        }
        None => names
            .iter()
            .find(|n| Lang::ALL.iter().any(|l| **n == template_sheet("records", *l)))
            .or(names.first())
            .cloned()
            .ok_or_else(|| text(lang, "import-read-no-sheets", &[("path", &label)]))?,
    };
    let cant = |e: calamine::Error| text(lang, "cli-cannot-read-sheet", &[("sheet", &name), ("path", &label), ("error", &e)]);
    let rows = match wb {
        // cell by cell: calamine's worksheet_range would first allocate the rectangle from the
        // first to the last cell, whatever its size (calamine issue #693)
        Sheets::Xlsx(x) => match x.worksheet_cells_reader(&name) {
            // a chart sheet has no cells, as calamine's worksheet_range has it
            Err(calamine::XlsxError::NotAWorksheet(_)) => Vec::new(),
            Err(e) => return Err(cant(calamine::Error::Xlsx(e))),
            Ok(mut cells) => sparse_rows(|| cells.next_cell().map_err(|e| cant(calamine::Error::Xlsx(e))), &name, label, lang)?,
        },
        Sheets::Xlsb(x) => {
            let mut cells = x.worksheet_cells_reader(&name).map_err(|e| cant(calamine::Error::Xlsb(e)))?;
            sparse_rows(|| cells.next_cell().map_err(|e| cant(calamine::Error::Xlsb(e))), &name, label, lang)?
        }
        _ => {
            let range = wb.worksheet_range(&name).map_err(cant)?;
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let mut rows: Vec<Vec<Value>> = vec![Vec::new(); r0 as usize];
            for row in range.rows() {
                let mut out = vec![Value::Empty; c0 as usize];
                out.extend(row.iter().map(|cell| value_of(data_ref(cell))));
                rows.push(out);
            }
            rows
        }
    };
    Ok(Grid { source: format!("{file} ({name})"), sheet: name, rows })
}

/// A cell read by calamine as the importer sees it.
fn value_of(cell: calamine::DataRef<'_>) -> Value {
    use calamine::DataRef as D;
    match cell {
        D::Empty => Value::Empty,
        D::String(s) => Value::Text(s),
        D::SharedString(s) => Value::Text(s.to_string()),
        D::Int(i) => Value::Number(i as f64),
        D::Float(f) => Value::Number(f),
        D::Bool(b) => Value::Bool(b),
        D::DateTime(dt) => match dt.as_datetime() {
            Some(d) if dt.is_datetime() => Value::Date(d.date()),
            _ => Value::Number(dt.as_f64()),
        },
        D::DateTimeIso(s) | D::DurationIso(s) => Value::Text(s),
        D::Error(e) => Value::Error(format!("{e}")),
    }
}

fn data_ref(cell: &calamine::Data) -> calamine::DataRef<'_> {
    use calamine::{Data, DataRef};
    match cell {
        Data::Empty => DataRef::Empty,
        Data::String(s) => DataRef::SharedString(s),
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(dt) => DataRef::DateTime(*dt),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
    }
}

/// Rows from a sheet's cells in any order, each row as long as its last filled cell: cells
/// beyond `XFD1048576` and grids of more than [`MAX_GRID_CELLS`] cells are refused.
fn sparse_rows<'a>(
    mut next: impl FnMut() -> Result<Option<calamine::Cell<calamine::DataRef<'a>>>, String>,
    sheet: &str,
    label: &str,
    lang: Lang,
) -> Result<Vec<Vec<Value>>, String> {
    let mut rows: Vec<Vec<Value>> = Vec::new();
    let mut size = 0usize;
    while let Some(cell) = next()? {
        let (r, c) = cell.get_position();
        let value = value_of(cell.get_value().clone());
        if value == Value::Empty {
            continue;
        }
        let at = || format!("{sheet}!{}{}", column_letter(c as usize), u64::from(r) + 1);
        if r >= MAX_SHEET_ROWS || c >= MAX_SHEET_COLUMNS {
            return Err(text(lang, "import-read-beyond-grid", &[("path", &label), ("cell", &at())]));
        }
        let (r, c) = (r as usize, c as usize);
        if rows.len() <= r {
            size += r + 1 - rows.len();
            rows.resize_with(r + 1, Vec::new);
        }
        let row = &mut rows[r];
        if row.len() <= c {
            size += c + 1 - row.len();
            if size > MAX_GRID_CELLS {
                return Err(text(lang, "import-read-too-large", &[("path", &label), ("sheet", &sheet), ("max", &MAX_GRID_CELLS), ("cell", &at())]));
            }
            row.resize(c + 1, Value::Empty);
        }
        row[c] = value;
    }
    Ok(rows)
}

/// Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else GBK (GB18030),
/// as Chinese Excel and WPS export it. Returns the text and the encoding's name; a problem is
/// said in `lang`.
pub fn decode(bytes: &[u8], lang: Lang) -> Result<(String, &'static str), String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest).map(|s| (s.to_string(), "UTF-8")).map_err(|e| text(lang, "cli-false-utf8", &[("error", &e)]));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (decoded, had_errors) = enc.decode_with_bom_removal(bytes);
        return if had_errors { Err(text(lang, "import-read-false-utf16", &[])) } else { Ok((decoded.into_owned(), "UTF-16")) };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), "UTF-8"));
    }
    match encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(decoded) => Ok((decoded.into_owned(), "GBK")),
        None => Err(text(lang, "import-read-not-text", &[])),
    }
}

/// RFC 4180 fields: quotes, doubled quotes, separators and line breaks inside quotes.
pub fn parse_csv(text: &str, sep: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut at_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            c if c == sep => {
                row.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

pub fn read_csv(path: &Path, lang: Lang) -> Result<Grid, String> {
    let bytes = std::fs::read(path).map_err(|e| text(lang, "cli-cannot-read", &[("path", &path.display()), ("error", &e)]))?;
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    csv_grid(&bytes, &path.display().to_string(), file, lang)
}

/// [`read_csv`] of a CSV file's bytes; `file` names it in messages and addresses.
pub fn read_csv_bytes(bytes: &[u8], file: &str, lang: Lang) -> Result<Grid, String> {
    csv_grid(bytes, file, file.to_string(), lang)
}

/// The grid of a CSV file's bytes; `label` names the file in messages, `file` in addresses.
fn csv_grid(bytes: &[u8], label: &str, file: String, lang: Lang) -> Result<Grid, String> {
    let (text, encoding) = decode(bytes, lang).map_err(|e| text(lang, "cli-cannot-read", &[("path", &label), ("error", &e)]))?;
    let first = text.lines().next().unwrap_or("");
    let sep = if first.contains('\t') && !first.contains(',') {
        '\t'
    } else if first.contains(';') && !first.contains(',') {
        ';'
    } else {
        ','
    };
    let rows = parse_csv(&text, sep)
        .into_iter()
        .map(|r| r.into_iter().map(|f| if f.trim().is_empty() { Value::Empty } else { Value::Text(f) }).collect())
        .collect();
    Ok(Grid { source: format!("{file} ({encoding})"), sheet: file, rows })
}

// ------------------------------------------------------------------ cells → records

fn normalize_header(h: &str) -> String {
    let mut s: String = h.trim().trim_start_matches(['*', '＊']).trim_end_matches(['*', '＊']).trim().to_string();
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(i) = s.find(open)
            && s.ends_with(close)
        {
            s.truncate(i);
        }
    }
    s.trim().to_lowercase()
}

fn field_of_header(h: &str) -> Option<&'static str> {
    let n = normalize_header(h);
    if n.is_empty() {
        return None;
    }
    // every language's header and every alias, normalized once
    static HEADERS: std::sync::OnceLock<Vec<(String, &'static str)>> = std::sync::OnceLock::new();
    let headers = HEADERS.get_or_init(|| {
        COLUMNS
            .iter()
            .flat_map(|c| {
                let own = Lang::ALL.iter().map(|l| normalize_header(&c.header(*l)));
                own.chain(c.aliases.iter().map(|a| normalize_header(a))).map(|h| (h, c.field))
            })
            .collect()
    });
    headers.iter().find(|(h, _)| *h == n).map(|(_, field)| *field)
}

/// Where each field's column is, and the header row.
pub struct Layout {
    pub header_row: usize,
    pub columns: HashMap<&'static str, usize>,
}

fn find_layout(grid: &Grid, lang: Lang) -> Result<Layout, Vec<CellError>> {
    // the header row is the first of the first ten rows naming the rule, subject and date columns
    let mut best: Option<(usize, usize)> = None;
    for (r, row) in grid.rows.iter().enumerate().take(10) {
        let found = row.iter().filter(|v| matches!(v, Value::Text(t) if field_of_header(t).is_some())).count();
        let required = COLUMNS.iter().filter(|c| c.required).all(|c| row.iter().any(|v| matches!(v, Value::Text(t) if field_of_header(t) == Some(c.field))));
        if required {
            best = Some((r, found));
            break;
        }
        if found > 0 && best.is_none_or(|(_, n)| found > n) {
            best = Some((r, found));
        }
    }
    let Some((header_row, _)) = best else {
        let expected: Vec<String> = COLUMNS.iter().map(|c| c.header(lang)).collect();
        return Err(vec![CellError {
            row: 0,
            col: 0,
            address: cell_address(&grid.sheet, 0, 0),
            message: text(lang, "import-no-header", &[("columns", &list(&expected, lang))]),
        }]);
    };
    let mut errors = Vec::new();
    let mut columns = HashMap::new();
    for (c, v) in grid.rows[header_row].iter().enumerate() {
        if let Value::Text(t) = v
            && let Some(field) = field_of_header(t)
            && let Some(prev) = columns.insert(field, c)
        {
            errors.push(CellError {
                row: header_row,
                col: c,
                address: cell_address(&grid.sheet, header_row, c),
                message: text(lang, "import-column-twice", &[("column", &column(field).header(lang)), ("first", &column_letter(prev))]),
            });
        }
    }
    for c in COLUMNS.iter().filter(|c| c.required) {
        if !columns.contains_key(c.field) {
            errors.push(CellError {
                row: header_row,
                col: usize::MAX,
                address: row_address(&grid.sheet, header_row, lang),
                message: text(lang, "import-column-missing", &[("column", &c.header(lang))]),
            });
        }
    }
    if errors.is_empty() { Ok(Layout { header_row, columns }) } else { Err(errors) }
}

fn parse_date(v: &Value) -> Option<NaiveDate> {
    match v {
        Value::Date(d) => Some(*d),
        // a date typed into a cell without date format: the Excel serial number (1900 system)
        Value::Number(f) if (1.0..2_958_466.0).contains(f) && f.fract() == 0.0 => {
            NaiveDate::from_ymd_opt(1899, 12, 30).and_then(|d| d.checked_add_days(chrono::Days::new(*f as u64)))
        }
        Value::Text(s) => {
            let s = s.trim();
            let s = s.split(['T', ' ']).next().unwrap_or(s);
            ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"].iter().find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        }
        _ => None,
    }
}

fn parse_decimal(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(f) if f.is_finite() => Decimal::from_str(&format!("{f}")).ok(),
        Value::Text(s) => Decimal::from_str(s.trim()).ok(),
        _ => None,
    }
}

fn parse_whole(v: &Value) -> Option<u32> {
    match v {
        Value::Number(f) if f.fract() == 0.0 && *f >= 0.0 && *f <= u32::MAX as f64 => Some(*f as u32),
        Value::Text(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn parse_level(s: &str) -> Option<Level> {
    match s.trim().to_lowercase().as_str() {
        "县级" | "县" | "county" => Some(Level::County),
        "市级" | "市" | "city" => Some(Level::City),
        "省级" | "省" | "province" => Some(Level::Province),
        "国家级" | "国家" | "national" => Some(Level::National),
        _ => None,
    }
}

fn parse_status(s: &str) -> Option<Status> {
    match s.trim().to_lowercase().as_str() {
        "已确认" | "确认" | "confirmed" => Some(Status::Confirmed),
        "待核实" | "待定" | "核实中" | "申诉中" | "pending" => Some(Status::Pending),
        "已撤销" | "撤销" | "revoked" => Some(Status::Revoked),
        _ => None,
    }
}

fn parse_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(f) if *f == 0.0 || *f == 1.0 => Some(*f == 1.0),
        Value::Text(s) => match s.trim().to_lowercase().as_str() {
            "是" | "y" | "yes" | "true" | "1" | "√" => Some(true),
            "否" | "n" | "no" | "false" | "0" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// The code at the start of a drop-down label: `S1.1 迟到…` → `S1.1`.
fn leading_code(s: &str) -> &str {
    let s = s.trim();
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))).unwrap_or(s.len());
    &s[..end]
}

// ------------------------------------------------------------------ suggestions for mistakes

/// Full-width ASCII as a Chinese input method types it in full-width mode (`ｓ１．１`, `Ｓ０３７`)
/// as ASCII; the ideographic space as a space and the ideographic full stop `。` as `.`.
fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '。' => '.',
            c => c,
        })
        .collect()
}

/// A name as names are compared: width-folded, without spaces (`杨 健`, `社保经办窗口１`).
fn name_key(s: &str) -> String {
    fold_width(s).chars().filter(|c| !c.is_whitespace()).collect()
}

/// A rule code as its look-alikes are typed: upper case, `l` `I` `|` as `1`, `O` as `0`, and
/// `,` `、` `·` `-` `_` typed for the full stop as `.` (`S1.l`, `Sl.1`, `S1、1`).
fn code_key(s: &str) -> String {
    s.chars()
        .map(|c| match c.to_ascii_uppercase() {
            'L' | 'I' | '|' => '1',
            'O' => '0',
            ',' | '、' | '·' | '-' | '_' => '.',
            c => c,
        })
        .collect()
}

/// An id as its look-alikes are typed: width-folded, upper case, `l` `I` as `1`, `O` as `0`,
/// and the leading zeros of its numbers dropped (`S37`, `s0037` and `SO37` are all `S37`).
fn id_key(s: &str) -> String {
    let chars: Vec<char> = fold_width(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c.to_ascii_uppercase() {
            'L' | 'I' | '|' => '1',
            'O' => '0',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(chars.len());
    let mut in_number = false;
    for (i, &c) in chars.iter().enumerate() {
        if c == '0' && !in_number && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            continue;
        }
        in_number = c.is_ascii_digit();
        out.push(c);
    }
    out
}

/// The code-like start of a typed rule cell, with the characters typed for a code's full stop.
fn typed_code(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ',' | '、' | '·' | '|'))).unwrap_or(s.len());
    &s[..end]
}

/// Edit distance between typed text and a code or a name. From strsim rather than by hand:
/// optimal string alignment (a swap, `S.11`, is one edit), counted in characters, so a slip in a
/// Chinese name (`杨建` for `杨健`) is one edit as a slip in a code is; strsim is maintained and
/// already in the build (clap's suggestions use it), so it adds no untested code.
fn distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

/// How many options a suggestion names; past it, the first ones and how many there are.
const MOST_SUGGESTED: usize = 4;
/// Typed text longer than this (in characters) is not compared by edit distance.
const MOST_COMPARED: usize = 32;
/// Near ties past this are not suggested: a typo close to many codes or names says nothing.
const MOST_NEAR: usize = 3;
/// Cells compared by edit distance with every name of the roster; past it (a sheet of many
/// bad cells against a large roster), names are still looked up exactly but not by distance.
const MOST_NAME_SCANS: usize = 500;

/// A text echoed in a message, cut to 40 characters (a cell may hold megabytes).
fn echo(s: &str, lang: Lang) -> String {
    const MOST: usize = 40;
    let n = s.chars().count();
    if n <= MOST { s.to_string() } else { text(lang, "import-echo-cut", &[("start", &s.chars().take(MOST).collect::<String>()), ("count", &n)]) }
}

/// The options of a question: `是 A?`, `是 A 还是 B?`, `是 A、B 还是 C?`; more than
/// [`MOST_SUGGESTED`]: the first ones, how many there are and where to look (`see`: `见“考评项目”表`).
fn question(options: &[String], see: &str, lang: Lang) -> String {
    match options {
        [] => String::new(),
        [one] => text(lang, "import-question-one", &[("one", one)]),
        _ if options.len() > MOST_SUGGESTED => {
            text(lang, "import-question-many", &[("first", &list(&options[..MOST_SUGGESTED], lang)), ("count", &options.len()), ("see", &see)])
        }
        [rest @ .., last] => text(lang, "import-question-or", &[("rest", &list(rest, lang)), ("last", last)]),
    }
}

/// Of the candidates, those of `kind` when there are any.
fn of_kind<T>(found: Vec<T>, kind: Option<SubjectKind>, kind_of: impl Fn(&T) -> SubjectKind) -> Vec<T> {
    match kind {
        Some(k) if found.iter().any(|t| kind_of(t) == k) => found.into_iter().filter(|t| kind_of(t) == k).collect(),
        _ => found,
    }
}

/// The items a record may name (not those the system calculates), with their names and codes
/// as typed text is compared with them.
struct Items<'a> {
    /// Each item with the keys of its names (Chinese, and English when the policy gives one;
    /// lower case) and of its code.
    items: Vec<(&'a RuleItem, Vec<String>, String)>,
    lang: Lang,
}

/// Typed text longer than this (in characters) is not looked for in the items' names.
const MOST_NAME_TEXT: usize = 200;

impl<'a> Items<'a> {
    fn new(policy: &'a Policy) -> Self {
        let items = policy
            .doc()
            .rules
            .iter()
            .filter(|i| policy.item(&i.code).is_some_and(|(_, rule)| rule.derived_from().is_none()))
            .map(|i| {
                let names = std::iter::once(&i.name_zh).chain((!i.name_en.is_empty()).then_some(&i.name_en));
                (i, names.map(|n| name_key(n).to_lowercase()).collect(), code_key(&i.code))
            })
            .collect();
        Items { items, lang: policy.lang() }
    }

    /// The items of which a (name key, code key) passes `keep`, those of `kind` when there are any.
    fn find(&self, kind: Option<SubjectKind>, keep: impl Fn(&str, &str) -> bool) -> Vec<&'a RuleItem> {
        let found = self.items.iter().filter(|(_, names, code)| names.iter().any(|n| keep(n, code))).map(|(i, _, _)| *i).collect();
        of_kind(found, kind, |i| i.subject)
    }

    /// What to say of a rule cell that names no item of the policy (`typed`: width-folded,
    /// trimmed): the item its text names (`迟到` → S1.1), the item its code looks like (`S1.l` →
    /// S1.1), the items of a category (`S1`), the item one edit away (`S11` → S1.1), the items
    /// of the category of a wrong number (`S1.9`), or, for text that only looks like a code, the
    /// item it names (`late` → S1.1); `None` when nothing is near. Of several, those of `kind`
    /// (the row's subject's kind, when known) are preferred.
    fn hint(&self, typed: &str, kind: Option<SubjectKind>) -> Option<String> {
        let lang = self.lang;
        let ask = |found: Vec<&RuleItem>| {
            let labels: Vec<String> = found.iter().map(|i| format!("{} ({})", i.code, i.name(lang))).collect();
            question(&labels, &text(lang, "import-see-sheet", &[("sheet", &template_sheet("rules", lang))]), lang)
        };
        let none = || text(lang, "import-no-rule", &[("typed", &echo(typed, lang))]);
        // the items whose name holds the text (or is held in it), when it is long enough to say
        let named = |t: &str| {
            let name = name_key(t).to_lowercase();
            if !(2..=MOST_NAME_TEXT).contains(&name.chars().count()) {
                return None;
            }
            let found = self.find(kind, |n, _| !n.is_empty() && (n.contains(&name) || name.contains(n)));
            (!found.is_empty()).then(|| format!("{}; {}", none(), ask(found)))
        };
        let code = typed_code(typed);
        // the item's name, typed instead of its code or after a wrong one (`迟到`, `S9.9 迟到`)
        if let Some(hint) = named(&typed[code.len()..]) {
            return Some(hint);
        }
        if code.is_empty() || code.chars().count() > MOST_COMPARED {
            // (a long text of a code's characters alone may still be a name: `lateness`)
            return if code.len() == typed.len() { named(typed) } else { None };
        }
        let key = code_key(code);
        let alike = self.find(kind, |_, c| c == key);
        if !alike.is_empty() {
            return Some(format!("{}; {}", none(), ask(alike)));
        }
        let prefix = format!("{key}.");
        let within = self.find(None, |_, c| c.starts_with(&prefix));
        if !within.is_empty() {
            return Some(text(lang, "import-is-category", &[("code", &echo(code, lang)), ("question", &ask(within))]));
        }
        let near = self.find(kind, |_, c| distance(&key, c) == 1);
        if !near.is_empty() && near.len() <= MOST_NEAR {
            return Some(format!("{}; {}", none(), ask(near)));
        }
        // a wrong number within a category (`S1.9`): the category's items
        if let Some((category, _)) = key.rsplit_once('.') {
            let prefix = format!("{category}.");
            let within = self.find(None, |_, c| c.starts_with(&prefix));
            if !within.is_empty() {
                return Some(format!("{}; {}", none(), ask(within)));
            }
        }
        // no code is near: text that only looks like one may be a name typed alone (`late`)
        if code.len() == typed.len() { named(typed) } else { None }
    }
}

/// A window or staff member of the roster.
#[derive(Clone, Copy)]
struct Entry<'a> {
    id: &'a str,
    name: &'a str,
    kind: SubjectKind,
    /// Its place in the roster's windows or staff.
    at: usize,
}

/// The roster's windows and staff, looked up by id, by name and by look-alikes of their ids.
struct Subjects<'a> {
    roster: &'a Dataset,
    lang: Lang,
    entries: Vec<Entry<'a>>,
    by_id: HashMap<&'a str, usize>,
    by_upper: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    by_key: HashMap<String, Vec<usize>>,
    name_scans: std::cell::Cell<usize>,
}

impl<'a> Subjects<'a> {
    fn new(roster: &'a Dataset, lang: Lang) -> Self {
        let windows = roster.windows.iter().enumerate().map(|(at, w)| Entry { id: &w.id, name: &w.name, kind: SubjectKind::Window, at });
        let staff = roster.staff.iter().enumerate().map(|(at, s)| Entry { id: &s.id, name: &s.name, kind: SubjectKind::Staff, at });
        let entries: Vec<Entry<'a>> = windows.chain(staff).collect();
        let (mut by_id, mut by_upper, mut by_name, mut by_key) = (HashMap::new(), HashMap::<_, Vec<_>>::new(), HashMap::<_, Vec<_>>::new(), HashMap::<_, Vec<_>>::new());
        for (i, e) in entries.iter().enumerate() {
            // a window first, as the core looks subjects up
            by_id.entry(e.id).or_insert(i);
            by_upper.entry(fold_width(e.id).to_uppercase()).or_default().push(i);
            by_name.entry(name_key(e.name)).or_default().push(i);
            by_key.entry(id_key(e.id)).or_default().push(i);
        }
        Subjects { roster, lang, entries, by_id, by_upper, by_name, by_key, name_scans: std::cell::Cell::new(0) }
    }

    fn all(&self, found: Option<&Vec<usize>>) -> Vec<Entry<'a>> {
        found.map(|v| v.iter().map(|&i| self.entries[i]).collect()).unwrap_or_default()
    }

    /// The entry of a typed id: the id itself, else the one id it is in another width or case
    /// (`ｓ０３７`, `s037`: the same id typed differently, taken without a question).
    fn resolve(&self, id: &str) -> Option<Entry<'a>> {
        if let Some(&i) = self.by_id.get(id) {
            return Some(self.entries[i]);
        }
        match self.by_upper.get(&fold_width(id).to_uppercase()).map(Vec::as_slice) {
            Some(&[i]) => Some(self.entries[i]),
            _ => None,
        }
    }

    /// The kind of a subject cell's subject, when its id is on the roster, or its name (typed
    /// instead of the id) is only of windows or only of staff.
    fn kind_of(&self, cell: &str) -> Option<SubjectKind> {
        let cell = fold_width(cell);
        if let Some(e) = self.resolve(cell.split_whitespace().next().unwrap_or("")) {
            return Some(e.kind);
        }
        let named = self.all(self.by_name.get(&name_key(&cell)));
        let kind = named.first()?.kind;
        named.iter().all(|e| e.kind == kind).then_some(kind)
    }

    /// An entry as a choice between entries of the same name: `S012 (人社局, 窗口 W04)`,
    /// `W04 (窗口, 人社局)`; a staff member's windows on `date` when it is known.
    fn describe(&self, e: &Entry<'_>, date: Option<NaiveDate>) -> String {
        let dept = |id: &str| self.roster.departments.iter().find(|d| d.id == id).map(|d| d.name.clone()).unwrap_or_else(|| id.to_string());
        match e.kind {
            SubjectKind::Window => text(self.lang, "import-describe-window", &[("id", &e.id), ("department", &dept(&self.roster.windows[e.at].department))]),
            SubjectKind::Staff => {
                let s = &self.roster.staff[e.at];
                let mut about: Vec<String> = s.department.as_deref().map(dept).into_iter().collect();
                let on = |a: &&kaoping_core::dataset::Assignment| date.is_none_or(|d| a.from.is_none_or(|f| f <= d) && a.to.is_none_or(|t| d <= t));
                let mut windows: Vec<&str> = s.assignments.iter().filter(on).map(|a| a.window.as_str()).collect();
                if windows.is_empty() {
                    windows = s.assignments.iter().map(|a| a.window.as_str()).collect();
                }
                windows.dedup();
                if !windows.is_empty() {
                    about.push(text(self.lang, "import-describe-windows", &[("windows", &windows.join("/"))]));
                }
                if about.is_empty() { e.id.to_string() } else { format!("{} ({})", e.id, about.join(", ")) }
            }
        }
    }

    /// `杨健 是 S037? …` for one entry of a name, the ids of several.
    fn named(&self, name: &str, found: &[Entry<'_>], date: Option<NaiveDate>) -> String {
        match found {
            [e] => text(self.lang, "import-named-one", &[("name", &e.name), ("id", &e.id)]),
            _ => {
                let id = if found.iter().all(|e| e.kind == SubjectKind::Staff) {
                    "import-named-staff"
                } else if found.iter().all(|e| e.kind == SubjectKind::Window) {
                    "import-named-windows"
                } else {
                    "import-named-subjects"
                };
                let ids: Vec<String> = found.iter().map(|e| self.describe(e, date)).collect();
                text(self.lang, id, &[("count", &found.len()), ("name", &echo(name, self.lang)), ("ids", &list(&ids, self.lang))])
            }
        }
    }

    /// What to say of a subject cell whose id is not on the roster (`whole`, width-folded and
    /// trimmed; `id` its first word, `name` the rest): the id of the name typed (`杨健 是 S037?`),
    /// the ids of a shared name, the id it looks like (`S37` → S037), or the name one edit away
    /// (`杨建` → S037 杨健). Of several, those of `kind` (the row's rule's) are preferred.
    fn hint(&self, whole: &str, id: &str, name: &str, kind: Option<SubjectKind>, date: Option<NaiveDate>) -> String {
        let lang = self.lang;
        let none = || text(lang, "import-not-on-roster", &[("typed", &echo(whole, lang))]);
        let see = || text(lang, "import-see-sheets", &[("first", &template_sheet("windows", lang)), ("second", &template_sheet("staff", lang))]);
        // a name instead of an id (`杨健`, `杨健 S037`)
        for typed in [whole, id] {
            let found = of_kind(self.all(self.by_name.get(&name_key(typed))), kind, |e| e.kind);
            if !found.is_empty() {
                let what = if found.iter().all(|e| e.kind == SubjectKind::Window) { "import-id-not-window-name" } else { "import-id-not-staff-name" };
                return match found.as_slice() {
                    [_] => text(lang, what, &[("named", &self.named(typed, &found, date))]),
                    _ => self.named(typed, &found, date),
                };
            }
        }
        // a wrong id before a known name (`S999 杨健`)
        if !name.is_empty() {
            let found = of_kind(self.all(self.by_name.get(&name_key(name))), kind, |e| e.kind);
            if !found.is_empty() {
                return format!("{}; {}", none(), self.named(name, &found, date));
            }
        }
        let label = |e: &Entry<'_>| format!("{} {}", e.id, e.name);
        // an id typed with its look-alikes or without its zeros (`S37`, `SO37`)
        if id.chars().count() <= MOST_COMPARED {
            let found = of_kind(self.all(self.by_key.get(&id_key(id))), kind, |e| e.kind);
            if !found.is_empty() {
                return format!("{}; {}", none(), question(&found.iter().map(label).collect::<Vec<_>>(), &see(), lang));
            }
        }
        // a name with a slip (`杨建`): one edit from a name of two characters or more
        let typed = name_key(if name.is_empty() { whole } else { name });
        let n = typed.chars().count();
        if (2..=MOST_COMPARED).contains(&n) && !typed.chars().any(|c| c.is_ascii_alphanumeric()) && self.name_scans.get() < MOST_NAME_SCANS {
            self.name_scans.set(self.name_scans.get() + 1);
            let near: Vec<Entry<'a>> =
                self.entries.iter().copied().filter(|e| e.name.chars().count() >= 2 && distance(&typed, &name_key(e.name)) == 1).collect();
            let near = of_kind(near, kind, |e| e.kind);
            if !near.is_empty() && near.len() <= MOST_NEAR {
                return format!("{}; {}", none(), question(&near.iter().map(label).collect::<Vec<_>>(), &see(), lang));
            }
        }
        text(lang, "import-no-subject", &[("typed", &echo(whole, lang)), ("windows", &template_sheet("windows", lang)), ("staff", &template_sheet("staff", lang))])
    }

    /// A known id written with another entry's name (`S001 杨健`): what the roster says, and
    /// whose the name is.
    fn mismatch(&self, e: &Entry<'_>, name: &str, date: Option<NaiveDate>) -> String {
        let mut msg = text(self.lang, "import-id-other-name", &[("id", &e.id), ("name", &e.name), ("typed", &echo(name, self.lang))]);
        let others: Vec<Entry<'a>> = self.all(self.by_name.get(&name_key(name))).into_iter().filter(|o| o.id != e.id).collect();
        if !others.is_empty() {
            msg.push_str("; ");
            msg.push_str(&self.named(name, &others, date));
        }
        msg
    }
}

/// One imported record and where it came from.
pub struct SheetRecord {
    pub row: usize,
    pub record: Record,
}

/// Reads the records of a grid; every bad cell of every row is an error. The roster is used to
/// check the names written after subject ids (`S001 姚欢阳`) and to suggest the id of a name
/// typed instead of an id (`杨健 是 S037?`); the policy, the code of an item typed by its name or
/// with a slip (`迟到`, `S1.l` → S1.1). Suggestions only: a cell is taken as it is written, or
/// in another width or case of the same code or id (`ｓ１．１`, `s037`), never guessed.
pub fn records(grid: &Grid, policy: &Policy, roster: &Dataset, progress: &indicatif::ProgressBar) -> (Option<Layout>, Vec<SheetRecord>, Vec<CellError>) {
    let lang = policy.lang();
    let layout = match find_layout(grid, lang) {
        Ok(l) => l,
        Err(e) => return (None, Vec::new(), e),
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let empty = Value::Empty;
    let subjects = Subjects::new(roster, lang);
    let items = Items::new(policy);
    for (r, row) in grid.rows.iter().enumerate().skip(layout.header_row + 1) {
        progress.inc(1);
        let get = |field: &str| layout.columns.get(field).and_then(|&c| row.get(c)).unwrap_or(&empty);
        if layout.columns.values().all(|&c| row.get(c).is_none_or(Value::is_blank)) {
            continue;
        }
        let mut bad = |field: &str, msg: String| {
            let c = layout.columns[field];
            errors.push(CellError { row: r, col: c, address: cell_address(&grid.sheet, r, c), message: in_column(field, &msg, lang) });
        };
        let got = |v: &Value| text(lang, "import-got", &[("value", &v.shown())]);
        // cells holding Excel errors (#N/A, #VALUE!) are reported as such, and the row's other
        // cells are still checked
        let mut any_error = false;
        for c in COLUMNS {
            if let Value::Error(e) = get(c.field) {
                bad(c.field, text(lang, "import-cell-error", &[("error", e)]));
                any_error = true;
            }
        }
        let cell_text = |field: &str| -> Option<String> {
            let v = get(field);
            if v.is_blank() { None } else { Some(v.shown()) }
        };

        // the row's date, for the windows a staff member worked at when a name is shared
        let on = parse_date(get("date"));
        let rule = match get("rule") {
            Value::Error(_) => None,
            v if v.is_blank() => {
                bad("rule", text(lang, "import-rule-required", &[]));
                None
            }
            v => {
                let typed = fold_width(&v.shown());
                let code = leading_code(&typed);
                let found = policy.item(code).or_else(|| policy.item(&code.to_uppercase())).map(|(i, _)| i.code.clone());
                if found.is_none() {
                    let hint = items.hint(typed.trim(), subjects.kind_of(&get("subject").shown()));
                    bad("rule", hint.unwrap_or_else(|| text(lang, "import-rule-unknown", &[("rules", &template_sheet("rules", lang)), ("got", &got(v))])));
                }
                found
            }
        };
        let subject = match get("subject") {
            Value::Error(_) => None,
            v if v.is_blank() => {
                bad("subject", text(lang, "import-subject-required", &[]));
                None
            }
            v => {
                let whole = fold_width(&v.shown());
                let whole = whole.trim();
                let mut parts = whole.splitn(2, char::is_whitespace);
                let id = parts.next().unwrap_or("");
                let name = parts.next().map(str::trim).unwrap_or("");
                match subjects.resolve(id) {
                    Some(e) if !name.is_empty() && name_key(e.name) != name_key(name) => {
                        bad("subject", subjects.mismatch(&e, name, on));
                        None
                    }
                    Some(e) => Some(e.id.to_string()),
                    None => {
                        let kind = rule.as_deref().and_then(|c| policy.item(c)).map(|(i, _)| i.subject);
                        bad("subject", subjects.hint(whole, id, name, kind, on));
                        None
                    }
                }
            }
        };
        let date = match get("date") {
            Value::Error(_) => None,
            v if v.is_blank() => {
                bad("date", text(lang, "import-date-required", &[("year", &roster.year)]));
                None
            }
            v => {
                let d = parse_date(v);
                if d.is_none() {
                    bad("date", text(lang, "import-date-bad", &[("year", &roster.year), ("got", &got(v))]));
                }
                d
            }
        };
        let count = match get("count") {
            Value::Error(_) => None,
            v if v.is_blank() => Some(1),
            v => match parse_whole(v) {
                Some(n) if n >= 1 => Some(n),
                _ => {
                    bad("count", text(lang, "import-count-bad", &[("got", &got(v))]));
                    None
                }
            },
        };
        let minutes = match get("minutes") {
            Value::Error(_) => None,
            v if v.is_blank() => Some(None),
            v => match parse_whole(v) {
                Some(n) => Some(Some(n)),
                None => {
                    bad("minutes", text(lang, "import-minutes-bad", &[("got", &got(v))]));
                    None
                }
            },
        };
        let mut decimal = |field: &str, what: &str| match get(field) {
            Value::Error(_) => None,
            v if v.is_blank() => Some(None),
            v => match parse_decimal(v) {
                Some(d) if d >= Decimal::ZERO => Some(Some(d)),
                _ => {
                    bad(field, text(lang, "import-number-bad", &[("what", &text(lang, what, &[])), ("got", &got(v))]));
                    None
                }
            },
        };
        let points = decimal("points", "import-what-points");
        let units = decimal("units", "import-what-units");
        let level = match get("level") {
            Value::Error(_) => None,
            v if v.is_blank() => Some(None),
            v => match parse_level(&v.shown()) {
                Some(l) => Some(Some(l)),
                None => {
                    bad("level", text(lang, "import-level-bad", &[("got", &got(v))]));
                    None
                }
            },
        };
        let aggravated = match get("aggravated") {
            Value::Error(_) => None,
            v if v.is_blank() => Some(false),
            v => match parse_bool(v) {
                Some(b) => Some(b),
                None => {
                    bad("aggravated", text(lang, "import-aggravated-bad", &[("got", &got(v))]));
                    None
                }
            },
        };
        let status = match get("status") {
            Value::Error(_) => None,
            v if v.is_blank() => Some(Status::Confirmed),
            v => match parse_status(&v.shown()) {
                Some(s) => Some(s),
                None => {
                    bad("status", text(lang, "import-status-bad", &[("got", &got(v))]));
                    None
                }
            },
        };
        let (Some(rule), Some(subject), Some(date), Some(count), Some(minutes), Some(points), Some(units), Some(level), Some(aggravated), Some(status)) =
            (rule, subject, date, count, minutes, points, units, level, aggravated, status)
        else {
            continue;
        };
        if any_error {
            continue;
        }
        let id = cell_text("id").unwrap_or_else(|| format!("R{}-{}", date.format("%Y%m%d"), r + 1));
        out.push(SheetRecord {
            row: r,
            record: RecordFields {
                id: id.into(),
                rule: rule.into(),
                subject: subject.into(),
                date,
                count,
                minutes,
                points,
                units,
                level,
                key: cell_text("key").map(Into::into),
                aggravated,
                status,
                evidence: cell_text("evidence").map(Into::into),
                note: cell_text("note").map(Into::into),
            }
            .into(),
        });
    }
    (Some(layout), out, errors)
}

/// Maps the core's problems with a dataset to cells: `records[i].field` of an imported record →
/// the cell of that field in the record's row. Problems elsewhere (the roster, kept records)
/// are named by their place in the roster file.
pub fn map_problems(errors: &Errors, grid: &Grid, layout: &Layout, kept: usize, imported: &[SheetRecord], roster_name: &str, lang: Lang) -> Vec<CellError> {
    let sheet_row = |i: usize| i.checked_sub(kept).and_then(|j| imported.get(j)).map(|s| s.row);
    // "records[12]" in a message → "记录!第14行" when record 12 came from the sheet
    let rewrite = |msg: &str| -> String {
        let mut out = String::new();
        let mut rest = msg;
        while let Some(i) = rest.find("records[") {
            out.push_str(&rest[..i]);
            let after = &rest[i + 8..];
            match after.find(']').and_then(|e| after[..e].parse::<usize>().ok().map(|n| (e, n))) {
                Some((e, n)) if sheet_row(n).is_some() => {
                    out.push_str(&row_address(&grid.sheet, sheet_row(n).expect("checked"), lang));
                    rest = &after[e + 1..];
                }
                _ => {
                    out.push_str("records[");
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    };
    errors
        .problems
        .iter()
        .map(|p| {
            let mut msg = rewrite(&p.message);
            if let Some(r) = &p.record {
                msg.push(' ');
                msg.push_str(&text(lang, "import-record-of", &[("record", r)]));
            }
            if let Some(rest) = p.path.strip_prefix("records[")
                && let Some(end) = rest.find(']')
                && let Ok(i) = rest[..end].parse::<usize>()
                && let Some(row) = sheet_row(i)
            {
                let field = rest[end + 1..].trim_start_matches('.');
                let field = field.split(['.', '[']).next().unwrap_or("");
                if let Some(&col) = layout.columns.iter().find(|(f, _)| **f == field).map(|(_, c)| c) {
                    return CellError { row, col, address: cell_address(&grid.sheet, row, col), message: in_column(field, &msg, lang) };
                }
                let what = COLUMNS.iter().find(|c| c.field == field).map(|c| format!("{} ({}): ", c.header(lang), c.field)).unwrap_or_default();
                return CellError { row, col: usize::MAX, address: row_address(&grid.sheet, row, lang), message: format!("{what}{msg}") };
            }
            let place = if p.path.is_empty() { roster_name.to_string() } else { format!("{roster_name}: {}", p.path) };
            CellError { row: 0, col: 0, address: place, message: msg }
        })
        .collect()
}

// ------------------------------------------------------------------ the whole import

/// What an import gives.
pub struct Imported {
    /// The roster with the sheet's records (after the roster's own with `append`), validated.
    pub dataset: Dataset,
    /// The records read from the sheet.
    pub imported: usize,
    /// The roster's records kept (with `append`; else 0).
    pub kept: usize,
    /// The roster's records dropped (without `append`, the CLI's `--replace`; else 0).
    pub dropped: usize,
}

/// `kaoping import` after reading: the sheet's records onto the roster (after its records with
/// `append`, the command's default; else replacing them, the command's `--replace`), the dataset validated by the core and its problems mapped back
/// to the cells. Every problem, sorted by place, when there is any. `roster_name` names the
/// roster in problems outside the sheet; `progress` draws bars for large sheets on a terminal.
pub fn import(grid: &Grid, policy: &Policy, roster: &Dataset, append: bool, roster_name: &str, progress: bool) -> Result<Imported, Vec<CellError>> {
    let lang = policy.lang();
    let bar = if progress { crate::progress::bar(grid.rows.len() as u64, text(lang, "import-progress-reading", &[])) } else { indicatif::ProgressBar::hidden() };
    let (layout, imported, mut errors) = records(grid, policy, roster, &bar);
    bar.finish_and_clear();
    let mut ds = roster.clone();
    let (kept, dropped) = if append { (ds.records.len(), 0) } else { (0, ds.records.len()) };
    if !append {
        ds.records.clear();
    }
    ds.records.extend(imported.iter().map(|s| s.record.clone()));
    if let Some(layout) = &layout {
        let spin = if progress { crate::progress::spinner(grid.rows.len() as u64, text(lang, "import-progress-checking", &[])) } else { indicatif::ProgressBar::hidden() };
        let checked = policy.validate(&ds);
        spin.finish_and_clear();
        if let Err(e) = checked {
            errors.extend(map_problems(&e, grid, layout, kept, &imported, roster_name, lang));
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| (e.row, e.col));
        return Err(errors);
    }
    Ok(Imported { dataset: ds, imported: imported.len(), kept, dropped })
}

/// The command's message for an import's problems: `records.csv (UTF-8): 2 problems, nothing
/// written:` and one indented line per problem.
pub fn problems_message(grid: &Grid, errors: &[CellError]) -> String {
    problems_message_in(grid, errors, Lang::ZhCn)
}

/// [`problems_message`], its first line in `lang` (the cells' own messages are in the
/// language of the policy the import was given).
pub fn problems_message_in(grid: &Grid, errors: &[CellError], lang: Lang) -> String {
    let n = errors.len();
    let mut msg = match n {
        1 => text(lang, "cli-import-problem", &[("source", &grid.source)]),
        _ => text(lang, "cli-import-problems", &[("source", &grid.source), ("count", &n)]),
    };
    for e in errors {
        msg.push_str(&format!("\n  {e}"));
    }
    msg
}

/// How a sheet's bytes are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV text: UTF-8 (BOM or not), UTF-16 with BOM, or GBK; comma, tab or semicolon separated.
    Csv,
    /// A workbook (xlsx, xlsm, xls, xlsb, ods), the format chosen by the file name's extension.
    Workbook,
}

/// `kaoping import` of a sheet's bytes, without files: reads the sheet (`file` names it in
/// messages and addresses; for a workbook, the 记录 sheet or the first), imports its records onto
/// the roster and validates the dataset. The error is the message the command prints. Never
/// panics, whatever the bytes (the importer's fuzz targets call this).
pub fn import_bytes(bytes: &[u8], format: Format, file: &str, policy: &Policy, roster: &Dataset, append: bool) -> Result<Imported, String> {
    let grid = match format {
        Format::Csv => read_csv_bytes(bytes, file, policy.lang())?,
        Format::Workbook => read_workbook_bytes(bytes.to_vec(), file, None, policy.lang())?,
    };
    import(&grid, policy, roster, append, "roster.json", false).map_err(|e| problems_message_in(&grid, &e, policy.lang()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields() {
        let rows = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\n,,\n", ',');
        assert_eq!(rows, vec![vec!["a", "b,c", "say \"hi\""], vec!["1", "two\nlines", "3"], vec!["", "", ""]]);
        assert_eq!(parse_csv("x,y", ','), vec![vec!["x", "y"]]);
    }

    #[test]
    fn encodings() {
        let (gbk, _, _) = encoding_rs::GBK.encode("考评项目,对象编号\n");
        assert_eq!(decode(&gbk, Lang::En).unwrap(), ("考评项目,对象编号\n".to_string(), "GBK"));
        assert_eq!(decode("\u{feff}日期".as_bytes(), Lang::En).unwrap(), ("日期".to_string(), "UTF-8"));
        assert_eq!(decode("日期".as_bytes(), Lang::En).unwrap().1, "UTF-8");
        assert!(decode(&[0x81, 0x20, 0xFF], Lang::En).is_err());
    }

    #[test]
    fn a_name_typed_alone_is_looked_for_when_no_code_is_near() {
        // county.json: S1.1 is "late, leaving early, leaving the post, empty window"
        let policy = Policy::builtin();
        let items = Items::new(&policy);
        let staff = Some(SubjectKind::Staff);
        let late = items.hint("late", staff).expect("a hint");
        assert!(late.starts_with("no rule item \"late\"; S1.1 (late, leaving early"), "{late}");
        // a code's look-alike is still read as the code it looks like, not as a name
        assert!(items.hint("S1.l", staff).expect("a hint").contains("S1.1 (late"));
        assert!(items.hint("S11", staff).expect("a hint").contains("S1.1 (late"));
        // text near no code and in no name: nothing to offer
        assert_eq!(items.hint("zzq", staff), None);
    }

    #[test]
    fn a_file_that_is_not_text_is_said_in_the_runs_language() {
        // 0x81 0x20 is no GBK pair and not UTF-8; FF FE then a lone surrogate is no UTF-16
        let bad = [0x81, 0x20, 0xFF];
        assert_eq!(decode(&bad, Lang::En).unwrap_err(), "the file is neither UTF-8 nor GBK text: save it from Excel as “CSV UTF-8” or “CSV (逗号分隔)”");
        assert_eq!(decode(&bad, Lang::ZhCn).unwrap_err(), "文件既不是 UTF-8 也不是 GBK 文本: 请在 Excel 中另存为 “CSV UTF-8” 或 “CSV (逗号分隔)”");
        let utf16 = [0xFF, 0xFE, 0x00, 0xD8];
        assert_eq!(decode(&utf16, Lang::ZhCn).unwrap_err(), "文件以 UTF-16 标记开头, 但内容不是有效的 UTF-16");
        assert_eq!(read_csv_bytes(&bad, "记录.csv", Lang::ZhCn).err().expect("refused"), "无法读取 记录.csv: 文件既不是 UTF-8 也不是 GBK 文本: 请在 Excel 中另存为 “CSV UTF-8” 或 “CSV (逗号分隔)”");
        assert!(read_csv_bytes(&bad, "records.csv", Lang::En).err().expect("refused").starts_with("cannot read records.csv: the file is neither"));
    }

    #[test]
    fn cells() {
        assert_eq!(parse_date(&Value::Text("2026-10-09".into())), NaiveDate::from_ymd_opt(2026, 10, 9));
        assert_eq!(parse_date(&Value::Text("2026/10/9".into())), NaiveDate::from_ymd_opt(2026, 10, 9));
        assert_eq!(parse_date(&Value::Text("2026年10月9日".into())), NaiveDate::from_ymd_opt(2026, 10, 9));
        assert_eq!(parse_date(&Value::Text("2026-10-09 00:00:00".into())), NaiveDate::from_ymd_opt(2026, 10, 9));
        assert_eq!(parse_date(&Value::Number(46304.0)), NaiveDate::from_ymd_opt(2026, 10, 9));
        assert_eq!(parse_date(&Value::Text("2026-13-01".into())), None);
        assert_eq!(parse_decimal(&Value::Number(2.5)), Some(Decimal::new(25, 1)));
        assert_eq!(parse_decimal(&Value::Number(0.1)), Some(Decimal::new(1, 1)));
        assert_eq!(leading_code("S1.1 迟到、早退"), "S1.1");
        assert_eq!(leading_code("W2 工作考勤【系统计算,勿填】"), "W2");
        assert_eq!(field_of_header("考评项目*"), Some("rule"));
        assert_eq!(field_of_header("日期（必填）"), Some("date"));
        assert_eq!(field_of_header("subject"), Some("subject"));
        assert_eq!(number_text(3.0), "3");
    }

    #[test]
    fn look_alikes() {
        assert_eq!(fold_width("ｓ１．１\u{3000}迟到"), "s1.1 迟到");
        assert_eq!(fold_width("S1。1"), "S1.1");
        assert_eq!(code_key("s1.l"), "S1.1");
        assert_eq!(code_key("SO、1"), "S0.1");
        assert_eq!(typed_code("S1、1迟到"), "S1、1");
        assert_eq!(id_key("S037"), "S37");
        assert_eq!(id_key("ｓＯ３７"), "S37");
        assert_eq!(id_key("S0037"), "S37");
        assert_eq!(id_key("S100"), "S100");
        assert_eq!(id_key("W0"), "W0");
        assert_eq!(name_key("杨 健"), "杨健");
        let zh = Lang::ZhCn;
        assert_eq!(question(&["A".into()], "x", zh), "是 A?");
        assert_eq!(question(&["A".into(), "B".into(), "C".into()], "x", zh), "是 A、B 还是 C?");
        let five: Vec<String> = ["A", "B", "C", "D", "E"].map(String::from).to_vec();
        assert_eq!(question(&five, "见“考评项目”表", zh), "是 A、B、C、D 等 5 项中的哪一项? 见“考评项目”表");
        assert_eq!(echo(&"长".repeat(41), zh), format!("{}…(共 41 字)", "长".repeat(40)));
        // in English: the same questions, the list separated by commas
        let en = Lang::En;
        assert_eq!(question(&["A".into()], "x", en), "A?");
        assert_eq!(question(&["A".into(), "B".into(), "C".into()], "x", en), "A, B or C?");
        assert_eq!(question(&five, "See the \"Rule items\" sheet", en), "which of the 5: A, B, C, D, …? See the \"Rule items\" sheet");
        assert_eq!(echo(&"长".repeat(41), en), format!("{}… (41 characters)", "长".repeat(40)));
    }
}
