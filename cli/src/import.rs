//! `kaoping import`: filled records sheets (xlsx, xls, ods via calamine; CSV in UTF-8 or GBK)
//! into a dataset. Every bad cell is reported with its address (`记录!D7`) and what was
//! expected; the dataset is validated by the core before anything is written, and the core's
//! problems are mapped back to the cells they come from.

use crate::table::column_letter;
use chrono::NaiveDate;
use kaoping_core::dataset::{Dataset, Level, Record, Status};
use kaoping_core::{Errors, Policy};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;

/// One column of the records sheet.
pub struct ColumnDef {
    /// The record field it fills.
    pub field: &'static str,
    /// The Chinese header the template writes.
    pub header: &'static str,
    /// Other headers accepted on import (Chinese variants, the JSON field name).
    pub aliases: &'static [&'static str],
    pub required: bool,
    /// Width in the template.
    pub width: f64,
    /// The input message the template shows.
    pub help: &'static str,
}

pub const COLUMNS: &[ColumnDef] = &[
    ColumnDef { field: "id", header: "记录编号", aliases: &["编号", "记录号", "id"], required: false, width: 16.0, help: "可留空: 导入时自动编为 R+日期-行号。填写时全年不得重复。" },
    ColumnDef { field: "rule", header: "考评项目", aliases: &["项目", "项目代码", "规则", "规则代码", "考评项目代码", "rule"], required: true, width: 46.0, help: "必填。从下拉列表选择, 或只填代码如 S1.1。" },
    ColumnDef { field: "subject", header: "对象编号", aliases: &["对象", "考评对象", "窗口或人员", "subject"], required: true, width: 22.0, help: "必填。窗口编号 (如 W01) 或人员编号 (如 S001); 可从下拉列表选择。" },
    ColumnDef { field: "date", header: "日期", aliases: &["发生日期", "记录日期", "date"], required: true, width: 12.0, help: "必填。如 2026-10-09。" },
    ColumnDef { field: "count", header: "次数", aliases: &["count"], required: false, width: 8.0, help: "一行代表几次相同问题; 留空为 1。" },
    ColumnDef { field: "minutes", header: "分钟", aliases: &["分钟数", "迟到分钟", "minutes"], required: false, width: 8.0, help: "迟到、早退、离岗的分钟数 (S1.1: 超过 30 分钟扣 2 分)。" },
    ColumnDef { field: "points", header: "分值", aliases: &["扣分分值", "points"], required: false, width: 8.0, help: "视情节扣分的项目必填, 如 3 或 2.5 (范围见“考评项目”表)。" },
    ColumnDef { field: "units", header: "单位数", aliases: &["units"], required: false, width: 8.0, help: "按单位计分的项目 (如每半天) 填写单位数。" },
    ColumnDef { field: "level", header: "级别", aliases: &["level"], required: false, width: 10.0, help: "通报、媒体采用等项目必填: 县级、市级、省级、国家级。" },
    ColumnDef { field: "key", header: "成果标识", aliases: &["key"], required: false, width: 16.0, help: "同一篇稿件、同一项成果在不同级别采用时填写相同标识, 只计最高一次。" },
    ColumnDef { field: "aggravated", header: "情节加重", aliases: &["aggravated"], required: false, width: 10.0, help: "情节加重 (造成不良影响、引起投诉等) 填“是”; 留空为否。" },
    ColumnDef { field: "status", header: "状态", aliases: &["status"], required: false, width: 10.0, help: "留空为已确认; 待核实、申诉中填“待核实” (不计分); 撤销填“已撤销”。" },
    ColumnDef { field: "evidence", header: "佐证材料", aliases: &["佐证", "evidence"], required: false, width: 20.0, help: "照片、文件编号等; 部分项目必填 (见“考评项目”表)。" },
    ColumnDef { field: "note", header: "备注", aliases: &["说明", "note"], required: false, width: 30.0, help: "情况说明。" },
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

fn row_address(sheet: &str, row: usize) -> String {
    format!("{}!第{}行", quote_sheet(sheet), row + 1)
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

/// Reads the records sheet of a workbook: `sheet` when given, else the sheet named 记录, else the first.
pub fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Grid, String> {
    let label = path.display().to_string();
    if let Ok(f) = std::fs::File::open(path) {
        check_shared_strings(std::io::BufReader::new(f), &label)?;
    }
    let mut wb = calamine::open_workbook_auto(path).map_err(|e| format!("cannot read {label} as a workbook: {e}"))?;
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    workbook_grid(&mut wb, sheet, &label, &file)
}

/// [`read_workbook`] of a workbook's bytes; `file` names it in messages, and its extension
/// chooses the format as for a path (xls, xlsx/xlsm, xlsb, ods; any other: detected).
pub fn read_workbook_bytes(bytes: Vec<u8>, file: &str, sheet: Option<&str>) -> Result<Grid, String> {
    use calamine::{Error, Ods, Reader, Sheets, Xls, Xlsb, Xlsx};
    check_shared_strings(std::io::Cursor::new(&bytes[..]), file)?;
    let ext = Path::new(file).extension().and_then(|e| e.to_str());
    let data = std::io::Cursor::new(bytes);
    let opened: Result<Sheets<_>, Error> = match ext {
        Some("xls" | "xla") => Xls::new(data).map(Sheets::Xls).map_err(Error::Xls),
        Some("xlsx" | "xlsm" | "xlam") => Xlsx::new(data).map(Sheets::Xlsx).map_err(Error::Xlsx),
        Some("xlsb") => Xlsb::new(data).map(Sheets::Xlsb).map_err(Error::Xlsb),
        Some("ods") => Ods::new(data).map(Sheets::Ods).map_err(Error::Ods),
        _ => calamine::open_workbook_auto_from_rs(data),
    };
    let mut wb = opened.map_err(|e| format!("cannot read {file} as a workbook: {e}"))?;
    workbook_grid(&mut wb, sheet, file, file)
}

/// calamine reserves room for as many strings as a zipped workbook's shared strings table
/// declares before reading any (calamine issue #684): a damaged or hostile count would abort
/// the program on the allocation. Counts no workbook can have are refused here, before calamine
/// opens the file. Anything else wrong with the file is left to calamine to report.
fn check_shared_strings<R: std::io::Read + std::io::Seek>(data: R, label: &str) -> Result<(), String> {
    let Ok(mut zip) = zip::ZipArchive::new(data) else { return Ok(()) };
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index(i) else { continue };
        if !part.name_raw().to_ascii_lowercase().ends_with(b"sharedstrings.xml") {
            continue;
        }
        if let Some(n) = declared_strings(std::io::BufReader::new(part))
            && n > MAX_SHARED_STRINGS
        {
            return Err(format!(
                "cannot read {label} as a workbook: its shared strings table declares {n} strings, more than the {MAX_SHARED_STRINGS} a workbook can hold (the file is damaged)"
            ));
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
/// `file` in the grid's source.
fn workbook_grid<RS: std::io::Read + std::io::Seek>(wb: &mut calamine::Sheets<RS>, sheet: Option<&str>, label: &str, file: &str) -> Result<Grid, String> {
    use calamine::{Reader, Sheets};
    let names = wb.sheet_names();
    let name = match sheet {
        Some(s) => {
            if !names.iter().any(|n| n == s) {
                return Err(format!("{label}: no sheet {s:?}; the sheets are {}", names.join(", ")));
            }
            s.to_string()
        }
        None => names
            .iter()
            .find(|n| *n == crate::template::RECORDS_SHEET)
            .or(names.first())
            .cloned()
            .ok_or_else(|| format!("{label}: the workbook has no sheets"))?,
    };
    let cant = |e: calamine::Error| format!("cannot read sheet {name} of {label}: {e}");
    let rows = match wb {
        // cell by cell: calamine's worksheet_range would first allocate the rectangle from the
        // first to the last cell, whatever its size (calamine issue #693)
        Sheets::Xlsx(x) => match x.worksheet_cells_reader(&name) {
            // a chart sheet has no cells, as calamine's worksheet_range has it
            Err(calamine::XlsxError::NotAWorksheet(_)) => Vec::new(),
            Err(e) => return Err(cant(calamine::Error::Xlsx(e))),
            Ok(mut cells) => sparse_rows(|| cells.next_cell().map_err(|e| cant(calamine::Error::Xlsx(e))), &name, label)?,
        },
        Sheets::Xlsb(x) => {
            let mut cells = x.worksheet_cells_reader(&name).map_err(|e| cant(calamine::Error::Xlsb(e)))?;
            sparse_rows(|| cells.next_cell().map_err(|e| cant(calamine::Error::Xlsb(e))), &name, label)?
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
) -> Result<Vec<Vec<Value>>, String> {
    let mut rows: Vec<Vec<Value>> = Vec::new();
    let mut size = 0usize;
    while let Some(cell) = next()? {
        let (r, c) = cell.get_position();
        let value = value_of(cell.get_value().clone());
        if value == Value::Empty {
            continue;
        }
        let at = || format!("{sheet}!{}{}", crate::table::column_letter(c as usize), u64::from(r) + 1);
        if r >= MAX_SHEET_ROWS || c >= MAX_SHEET_COLUMNS {
            return Err(format!("{label}: cell {} is beyond the last cell of a sheet (XFD1048576)", at()));
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
                return Err(format!(
                    "{label}: sheet {sheet} is too large to import: more than {MAX_GRID_CELLS} cells up to the last filled cell of each row (at {}); delete what lies right of and below the records",
                    at()
                ));
            }
            row.resize(c + 1, Value::Empty);
        }
        row[c] = value;
    }
    Ok(rows)
}

/// Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else GBK (GB18030),
/// as Chinese Excel and WPS export it. Returns the text and the encoding's name.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest).map(|s| (s.to_string(), "UTF-8")).map_err(|e| format!("the file starts as UTF-8 but is not: {e}"));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (text, had_errors) = enc.decode_with_bom_removal(bytes);
        return if had_errors { Err("the file starts as UTF-16 but is not".into()) } else { Ok((text.into_owned(), "UTF-16")) };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), "UTF-8"));
    }
    match encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok((text.into_owned(), "GBK")),
        None => Err("the file is neither UTF-8 nor GBK text: save it from Excel as “CSV UTF-8” or “CSV (逗号分隔)”".into()),
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

pub fn read_csv(path: &Path) -> Result<Grid, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    csv_grid(&bytes, &path.display().to_string(), file)
}

/// [`read_csv`] of a CSV file's bytes; `file` names it in messages and addresses.
pub fn read_csv_bytes(bytes: &[u8], file: &str) -> Result<Grid, String> {
    csv_grid(bytes, file, file.to_string())
}

/// The grid of a CSV file's bytes; `label` names the file in messages, `file` in addresses.
fn csv_grid(bytes: &[u8], label: &str, file: String) -> Result<Grid, String> {
    let (text, encoding) = decode(bytes).map_err(|e| format!("{label}: {e}"))?;
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
    COLUMNS.iter().find(|c| normalize_header(c.header) == n || c.aliases.iter().any(|a| normalize_header(a) == n)).map(|c| c.field)
}

/// Where each field's column is, and the header row.
pub struct Layout {
    pub header_row: usize,
    pub columns: HashMap<&'static str, usize>,
}

fn find_layout(grid: &Grid) -> Result<Layout, Vec<CellError>> {
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
        let expected: Vec<&str> = COLUMNS.iter().map(|c| c.header).collect();
        return Err(vec![CellError {
            row: 0,
            col: 0,
            address: cell_address(&grid.sheet, 0, 0),
            message: format!("找不到表头行: 应有 {} 等列 (模板用 kaoping template 生成)", expected.join("、")),
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
                message: format!("列“{}”重复 (已在 {} 列)", column(field).header, column_letter(prev)),
            });
        }
    }
    for c in COLUMNS.iter().filter(|c| c.required) {
        if !columns.contains_key(c.field) {
            errors.push(CellError {
                row: header_row,
                col: usize::MAX,
                address: row_address(&grid.sheet, header_row),
                message: format!("缺少必填列“{}”", c.header),
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

/// One imported record and where it came from.
pub struct SheetRecord {
    pub row: usize,
    pub record: Record,
}

/// Reads the records of a grid; every bad cell is an error. The roster is used to check the
/// names written after subject ids (`S001 姚欢阳`).
pub fn records(grid: &Grid, policy: &Policy, roster: &Dataset, progress: &indicatif::ProgressBar) -> (Option<Layout>, Vec<SheetRecord>, Vec<CellError>) {
    let layout = match find_layout(grid) {
        Ok(l) => l,
        Err(e) => return (None, Vec::new(), e),
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let empty = Value::Empty;
    for (r, row) in grid.rows.iter().enumerate().skip(layout.header_row + 1) {
        progress.inc(1);
        let get = |field: &str| layout.columns.get(field).and_then(|&c| row.get(c)).unwrap_or(&empty);
        if layout.columns.values().all(|&c| row.get(c).is_none_or(Value::is_blank)) {
            continue;
        }
        let mut bad = |field: &str, msg: String| {
            let c = layout.columns[field];
            errors.push(CellError { row: r, col: c, address: cell_address(&grid.sheet, r, c), message: format!("{}: {msg}", column(field).header) });
        };
        let got = |v: &Value| format!("实为“{}”", v.shown());
        // cells holding Excel errors (#N/A, #VALUE!) are reported as such
        let mut any_error = false;
        for c in COLUMNS {
            if let Value::Error(e) = get(c.field) {
                bad(c.field, format!("单元格为错误值 {e}"));
                any_error = true;
            }
        }
        if any_error {
            continue;
        }
        let text = |field: &str| -> Option<String> {
            let v = get(field);
            if v.is_blank() { None } else { Some(v.shown()) }
        };

        let rule = match get("rule") {
            v if v.is_blank() => {
                bad("rule", "必填: 应为考评项目代码 (如 S1.1), 可从下拉列表选择".into());
                None
            }
            v => {
                let shown = v.shown();
                let code = leading_code(&shown);
                let found = policy.item(code).or_else(|| policy.item(&code.to_uppercase())).map(|(i, _)| i.code.clone());
                if found.is_none() {
                    bad("rule", format!("应为“{}”表中的考评项目代码 (如 S1.1), {}", crate::template::RULES_SHEET, got(v)));
                }
                found
            }
        };
        let subject = match get("subject") {
            v if v.is_blank() => {
                bad("subject", "必填: 应为窗口编号 (如 W01) 或人员编号 (如 S001)".into());
                None
            }
            v => {
                let shown = v.shown();
                let mut parts = shown.splitn(2, char::is_whitespace);
                let id = parts.next().unwrap_or("").to_string();
                let name = parts.next().map(str::trim).unwrap_or("");
                let known = roster
                    .windows
                    .iter()
                    .find(|w| w.id == id)
                    .map(|w| w.name.as_str())
                    .or_else(|| roster.staff.iter().find(|s| s.id == id).map(|s| s.name.as_str()));
                match known {
                    Some(n) if !name.is_empty() && n != name => {
                        bad("subject", format!("编号 {id} 在名单中是“{n}”, 表中写的是“{name}”"));
                        None
                    }
                    _ => Some(id),
                }
            }
        };
        let date = match get("date") {
            v if v.is_blank() => {
                bad("date", format!("必填: 应为日期, 如 {}-10-09", roster.year));
                None
            }
            v => {
                let d = parse_date(v);
                if d.is_none() {
                    bad("date", format!("应为日期, 如 {}-10-09; {}", roster.year, got(v)));
                }
                d
            }
        };
        let count = match get("count") {
            v if v.is_blank() => Some(1),
            v => match parse_whole(v) {
                Some(n) if n >= 1 => Some(n),
                _ => {
                    bad("count", format!("应为 1 以上的整数 (留空为 1); {}", got(v)));
                    None
                }
            },
        };
        let minutes = match get("minutes") {
            v if v.is_blank() => Some(None),
            v => match parse_whole(v) {
                Some(n) => Some(Some(n)),
                None => {
                    bad("minutes", format!("应为分钟数 (不小于 0 的整数); {}", got(v)));
                    None
                }
            },
        };
        let mut decimal = |field: &str, what: &str| match get(field) {
            v if v.is_blank() => Some(None),
            v => match parse_decimal(v) {
                Some(d) if d >= Decimal::ZERO => Some(Some(d)),
                _ => {
                    bad(field, format!("应为{what} (不小于 0 的数, 如 3 或 2.5); {}", got(v)));
                    None
                }
            },
        };
        let points = decimal("points", "分值");
        let units = decimal("units", "单位数");
        let level = match get("level") {
            v if v.is_blank() => Some(None),
            v => match parse_level(&v.shown()) {
                Some(l) => Some(Some(l)),
                None => {
                    bad("level", format!("应为 县级、市级、省级 或 国家级; {}", got(v)));
                    None
                }
            },
        };
        let aggravated = match get("aggravated") {
            v if v.is_blank() => Some(false),
            v => match parse_bool(v) {
                Some(b) => Some(b),
                None => {
                    bad("aggravated", format!("应为“是”或“否” (留空为否); {}", got(v)));
                    None
                }
            },
        };
        let status = match get("status") {
            v if v.is_blank() => Some(Status::Confirmed),
            v => match parse_status(&v.shown()) {
                Some(s) => Some(s),
                None => {
                    bad("status", format!("应为 已确认、待核实 或 已撤销 (留空为已确认); {}", got(v)));
                    None
                }
            },
        };
        let (Some(rule), Some(subject), Some(date), Some(count), Some(minutes), Some(points), Some(units), Some(level), Some(aggravated), Some(status)) =
            (rule, subject, date, count, minutes, points, units, level, aggravated, status)
        else {
            continue;
        };
        let id = text("id").unwrap_or_else(|| format!("R{}-{}", date.format("%Y%m%d"), r + 1));
        out.push(SheetRecord {
            row: r,
            record: Record {
                id: id.into(),
                rule: rule.into(),
                subject: subject.into(),
                date,
                count,
                minutes,
                points,
                units,
                level,
                key: text("key").map(Into::into),
                aggravated,
                status,
                evidence: text("evidence"),
                note: text("note"),
            },
        });
    }
    (Some(layout), out, errors)
}

/// Maps the core's problems with a dataset to cells: `records[i].field` of an imported record →
/// the cell of that field in the record's row. Problems elsewhere (the roster, kept records)
/// are named by their place in the roster file.
pub fn map_problems(errors: &Errors, grid: &Grid, layout: &Layout, kept: usize, imported: &[SheetRecord], roster_name: &str) -> Vec<CellError> {
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
                    out.push_str(&row_address(&grid.sheet, sheet_row(n).expect("checked")));
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
                msg.push_str(&format!(" [记录 {r}]"));
            }
            if let Some(rest) = p.path.strip_prefix("records[")
                && let Some(end) = rest.find(']')
                && let Ok(i) = rest[..end].parse::<usize>()
                && let Some(row) = sheet_row(i)
            {
                let field = rest[end + 1..].trim_start_matches('.');
                let field = field.split(['.', '[']).next().unwrap_or("");
                if let Some(&col) = layout.columns.iter().find(|(f, _)| **f == field).map(|(_, c)| c) {
                    return CellError { row, col, address: cell_address(&grid.sheet, row, col), message: format!("{}: {msg}", column(field).header) };
                }
                let what = COLUMNS.iter().find(|c| c.field == field).map(|c| format!("{} ({}): ", c.header, c.field)).unwrap_or_default();
                return CellError { row, col: usize::MAX, address: row_address(&grid.sheet, row), message: format!("{what}{msg}") };
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
    let bar = if progress { crate::progress::bar(grid.rows.len() as u64, "读取记录") } else { indicatif::ProgressBar::hidden() };
    let (layout, imported, mut errors) = records(grid, policy, roster, &bar);
    bar.finish_and_clear();
    let mut ds = roster.clone();
    let (kept, dropped) = if append { (ds.records.len(), 0) } else { (0, ds.records.len()) };
    if !append {
        ds.records.clear();
    }
    ds.records.extend(imported.iter().map(|s| s.record.clone()));
    if let Some(layout) = &layout {
        let spin = if progress { crate::progress::spinner(grid.rows.len() as u64, "校验数据") } else { indicatif::ProgressBar::hidden() };
        let checked = policy.validate(&ds);
        spin.finish_and_clear();
        if let Err(e) = checked {
            errors.extend(map_problems(&e, grid, layout, kept, &imported, roster_name));
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
    let n = errors.len();
    let mut msg = format!("{}: {n} problem{}, nothing written:", grid.source, if n == 1 { "" } else { "s" });
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
        Format::Csv => read_csv_bytes(bytes, file)?,
        Format::Workbook => read_workbook_bytes(bytes.to_vec(), file, None)?,
    };
    import(&grid, policy, roster, append, "roster.json", false).map_err(|e| problems_message(&grid, &e))
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
        assert_eq!(decode(&gbk).unwrap(), ("考评项目,对象编号\n".to_string(), "GBK"));
        assert_eq!(decode("\u{feff}日期".as_bytes()).unwrap(), ("日期".to_string(), "UTF-8"));
        assert_eq!(decode("日期".as_bytes()).unwrap().1, "UTF-8");
        assert!(decode(&[0x81, 0x20, 0xFF]).is_err());
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
}
