//! Tables as the report and the template write them: typed cells, Chinese headers, and the
//! renderings to Excel (rust_xlsxwriter), CSV, Markdown and JSON.
//!
//! Every number in a table comes from the core's results: this module only formats. In Excel a
//! table sheet has its header row frozen, repeated on every printed page and filtered
//! (autofilter), grades coloured by conditional format, dates as dates, and long text wrapped in
//! columns narrow enough for the sheet to print legibly on A4 landscape, one page wide. The
//! report's first sheet (the brief, [`Sheet::brief`]) is laid out as small tables on a grid with
//! native Excel charts beside them.

use chrono::{Datelike, NaiveDate};
use kaoping_core::messages::Lang;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartDataLabel, ChartFont, ChartLegendPosition, ChartMarker, ChartType, ConditionalFormatCell, ConditionalFormatCellRule, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Workbook, Worksheet, XlsxError,
};

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A grade's name: text, whose column Excel colours by grade (by conditional format).
    Grade(String),
    /// A count or a rank.
    Int(i64),
    /// A score or points: written to Excel as a number with format `0.00`.
    Score(Decimal),
    /// A change of a score (signed): written to Excel as a number with format `+0.00`.
    Delta(Decimal),
    /// A date: an Excel date (`yyyy-mm-dd`), `2026-10-09` in text.
    Date(NaiveDate),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() { Cell::Empty } else { Cell::Text(s) }
    }

    /// A grade's name (empty: an empty cell).
    pub fn grade(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() { Cell::Empty } else { Cell::Grade(s) }
    }

    /// The cell's text, when it is text (a grade is).
    fn as_text(&self) -> Option<&str> {
        match self {
            Cell::Text(s) | Cell::Grade(s) => Some(s),
            _ => None,
        }
    }

    /// The cell as text: scores exactly, with at least two decimal places (`98.50`, `14.333`).
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Grade(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Score(d) => decimal_text(*d),
            Cell::Delta(d) if d.is_sign_positive() && !d.is_zero() => format!("+{}", decimal_text(*d)),
            Cell::Delta(d) => decimal_text(*d),
            Cell::Date(d) => d.to_string(),
        }
    }

    fn is_text(&self) -> bool {
        self.as_text().is_some()
    }
}

/// A decimal written exactly, padded to two decimal places (never rounded).
pub fn decimal_text(d: Decimal) -> String {
    let mut d = d;
    if d.scale() < 2 {
        d.rescale(2);
    }
    d.to_string()
}

/// The double nearest to a decimal: Excel stores doubles, so this is the one conversion the
/// report makes, at the Excel boundary (through the decimal's exact text, so the double is the
/// correctly rounded one).
pub fn decimal_to_f64(d: Decimal) -> f64 {
    d.to_string().parse().expect("a decimal's text is a number")
}

/// A further table of a sheet (the brief's blocks): its title, headers (none: a note) and rows.
#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// In the Excel brief, how many grid columns each column takes (1 when not given).
    pub spans: Vec<u16>,
    /// In the Excel brief, the block starts a printed page.
    pub page_break: bool,
}

impl Section {
    pub fn new(title: impl Into<String>, headers: &[&str], spans: &[u16], rows: Vec<Vec<Cell>>) -> Section {
        Section { title: title.into(), headers: headers.iter().map(|h| h.to_string()).collect(), rows, spans: spans.to_vec(), page_break: false }
    }

    /// A section of one line of text across the grid.
    pub fn note(title: impl Into<String>, text: impl Into<String>) -> Section {
        Section { title: title.into(), headers: Vec::new(), rows: vec![vec![Cell::text(text)]], spans: vec![BRIEF_GRID.len() as u16], page_break: false }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Horizontal bars (a ranking: the first row on top).
    Bar,
    Column,
    Line,
}

/// Where a chart's data is: a column of a table sheet's data rows, or of a section of the
/// sheet the chart is on.
#[derive(Debug, Clone, PartialEq)]
pub enum DataRef {
    Sheet { sheet: String, col: usize, rows: usize },
    Section { section: usize, col: usize },
}

/// A native Excel chart of a brief.
#[derive(Debug, Clone)]
pub struct ChartSpec {
    pub kind: ChartKind,
    pub title: String,
    pub categories: DataRef,
    /// The series, each named by its column's header.
    pub series: Vec<DataRef>,
    /// The value axis' name.
    pub value_axis: String,
    /// Where the value axis starts (a ranking starts near its lowest score).
    pub value_min: Option<f64>,
    /// Colours of the points of a one-series chart, in order (RGB).
    pub point_colors: Vec<u32>,
    pub height: u32,
}

/// One sheet of a report.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// File-name slug for CSV output and `--sheet` (`window-scores`).
    pub slug: &'static str,
    /// The sheet's name, in the report's language (概况, Summary).
    pub name: String,
    /// A title for printing (page header) and Markdown.
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Columns kept in view when scrolling right (id and name).
    pub freeze_cols: u16,
    /// Further tables after the main one (CSV, Markdown and JSON write them after it).
    pub sections: Vec<Section>,
    /// Charts (Excel only).
    pub charts: Vec<ChartSpec>,
    /// Laid out as a brief in Excel: the main table (the facts) and the sections as blocks on a
    /// grid, the charts beside them.
    pub brief: bool,
}

impl Sheet {
    pub fn new(slug: &'static str, name: impl Into<String>, title: String, headers: Vec<String>, rows: Vec<Vec<Cell>>, freeze_cols: u16) -> Sheet {
        Sheet { slug, name: name.into(), title, headers, rows, freeze_cols, sections: Vec::new(), charts: Vec::new(), brief: false }
    }
}

/// Display width of text: CJK and other wide characters count two.
pub fn text_width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) < 0x1100 { 1 } else { 2 }).sum()
}

/// Excel column letters: 0 → A, 25 → Z, 26 → AA.
pub use kaoping_import::column_letter;

/// Formats shared by the workbook writers, and the language of the words they add themselves
/// (the page footer, the brief's first block).
pub struct Formats {
    pub lang: Lang,
    pub header: Format,
    pub score: Format,
    pub text: Format,
    pub int: Format,
    /// A count and a score in a wide (merged) cell of the brief.
    pub int_left: Format,
    pub score_left: Format,
    /// Text wrapped within its column.
    pub wrap: Format,
    pub date: Format,
    pub delta: Format,
    /// The brief's title and its blocks' titles.
    pub title: Format,
    pub block: Format,
    /// Grade names (highest first) and the conditional format of each, for grade columns.
    pub grades: Vec<(String, Format)>,
}

impl Formats {
    pub fn new(lang: Lang) -> Formats {
        let font = "宋体";
        let body = Format::new().set_font_name(font).set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
        Formats {
            lang,
            header: Format::new()
                .set_bold()
                .set_font_name(font)
                .set_background_color(0xD9E1F2)
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            score: body.clone().set_num_format("0.00"),
            text: body.clone(),
            int: body.clone().set_num_format("0").set_align(FormatAlign::Center),
            int_left: body.clone().set_num_format("0").set_align(FormatAlign::Left),
            score_left: body.clone().set_num_format("0.00").set_align(FormatAlign::Left),
            wrap: body.clone().set_text_wrap(),
            date: body.clone().set_num_format("yyyy-mm-dd"),
            delta: body.clone().set_num_format("+0.00;-0.00;0.00"),
            title: Format::new().set_bold().set_font_name(font).set_font_size(16).set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter),
            block: Format::new().set_bold().set_font_name(font).set_font_size(12).set_background_color(0xFCE4D6).set_border(FormatBorder::Thin),
            grades: Vec::new(),
        }
    }

    /// With the grades of a policy (highest first): the highest green, the lowest red, those
    /// between blue, yellow and orange.
    pub fn with_grades(mut self, names: &[String]) -> Formats {
        // (fill, font) per band
        const TOP: (u32, u32) = (0xC6EFCE, 0x006100);
        const BOTTOM: (u32, u32) = (0xFFC7CE, 0x9C0006);
        const BETWEEN: [(u32, u32); 3] = [(0xDDEBF7, 0x1F4E78), (0xFFEB9C, 0x9C5700), (0xFCE4D6, 0x833C0B)];
        let n = names.len();
        self.grades = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let (fill, font) = match i {
                    0 => TOP,
                    i if i + 1 == n => BOTTOM,
                    i => BETWEEN[(i - 1) % BETWEEN.len()],
                };
                (name.clone(), Format::new().set_background_color(fill).set_font_color(font))
            })
            .collect();
        self
    }

    fn of(&self, cell: &Cell, wrap: bool) -> &Format {
        match cell {
            Cell::Score(_) => &self.score,
            Cell::Int(_) => &self.int,
            Cell::Delta(_) => &self.delta,
            Cell::Date(_) => &self.date,
            Cell::Text(_) | Cell::Grade(_) | Cell::Empty if wrap => &self.wrap,
            Cell::Text(_) | Cell::Grade(_) | Cell::Empty => &self.text,
        }
    }
}

/// Column widths (in Excel character units) from the header and the widest cell (at most 40;
/// longer text is cut off on screen and in print, but kept whole in the cell).
pub fn column_widths(headers: &[String], rows: &[Vec<Cell>]) -> Vec<f64> {
    headers
        .iter()
        .enumerate()
        .map(|(c, h)| {
            let widest = rows.iter().filter_map(|r| r.get(c)).map(|v| text_width(&v.display())).max().unwrap_or(0);
            // headers wrap onto two lines, so a long header needs only about half its width
            let header = text_width(h).min(12.max(text_width(h).div_ceil(2)));
            let w = widest.max(header).clamp(6, 40);
            w as f64 + 2.0
        })
        .collect()
}

/// The widths, in Excel character units, that a printed page one A4 landscape page wide can
/// hold legibly (about 80% scale).
const PRINT_BUDGET: usize = 165;
/// A wrapped column is never narrower than this.
const WRAP_FLOOR: usize = 12;

/// Column widths for a table that prints: each column as wide as its widest cell (at most 40);
/// while the total is past [`PRINT_BUDGET`], the widest text column is narrowed (down to
/// [`WRAP_FLOOR`]) and its text wraps. Returns the widths and which columns wrap.
pub fn fit_widths(headers: &[String], rows: &[Vec<Cell>]) -> (Vec<f64>, Vec<bool>) {
    let n = headers.len();
    let mut natural = vec![0usize; n];
    let mut texty = vec![false; n];
    for (c, h) in headers.iter().enumerate() {
        let header = text_width(h).min(12.max(text_width(h).div_ceil(2)));
        let widest = rows.iter().filter_map(|r| r.get(c)).map(|v| text_width(&v.display())).max().unwrap_or(0);
        natural[c] = widest.max(header).max(6);
        texty[c] = rows.iter().filter_map(|r| r.get(c)).any(Cell::is_text);
    }
    let mut width: Vec<usize> = natural.iter().map(|&w| w.min(40)).collect();
    let total = |w: &[usize]| w.iter().map(|w| w + 2).sum::<usize>();
    while total(&width) > PRINT_BUDGET {
        let widest = (0..n).filter(|&c| texty[c] && width[c] > WRAP_FLOOR).max_by_key(|&c| (width[c], std::cmp::Reverse(c)));
        match widest {
            Some(c) => width[c] -= 1,
            None => break,
        }
    }
    let wrap = (0..n).map(|c| texty[c] && natural[c] > width[c]).collect();
    (width.iter().map(|&w| w as f64 + 2.0).collect(), wrap)
}

/// Lines a text takes in a column `width` units wide, as Excel shows it: a unit is about 7
/// pixels, a half-width character of 11-point 宋体 about 7.3 (a CJK character twice that).
/// (LibreOffice draws CJK text narrower, so rows there may have room to spare.)
fn lines_in(text: &str, width: f64) -> usize {
    // a column `width` units wide is about 7·width + 5 pixels, less 6 of padding
    let per_line = (width * 0.955 - 0.2).max(1.0);
    text.split('\n').map(|l| ((text_width(l) as f64) / per_line).ceil().max(1.0) as usize).sum()
}

/// Points per line of 11-point 宋体, and a row's padding.
const LINE_HEIGHT: f64 = 14.5;

fn write_cell(ws: &mut Worksheet, r: u32, c: u16, cell: &Cell, format: &Format) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => ws.write_blank(r, c, format).map(|_| ()),
        Cell::Text(s) | Cell::Grade(s) => ws.write_string_with_format(r, c, s, format).map(|_| ()),
        Cell::Int(i) => ws.write_number_with_format(r, c, *i as f64, format).map(|_| ()),
        Cell::Score(d) | Cell::Delta(d) => ws.write_number_with_format(r, c, decimal_to_f64(*d), format).map(|_| ()),
        Cell::Date(d) => {
            let date = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
            ws.write_datetime_with_format(r, c, date, format).map(|_| ())
        }
    }
}

/// The columns of `rows` that hold grades ([`Cell::Grade`]), which Excel colours by grade.
fn grade_columns(rows: &[Vec<Cell>]) -> Vec<usize> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..width).filter(|&c| rows.iter().any(|r| matches!(r.get(c), Some(Cell::Grade(_))))).collect()
}

/// Colours the grades of a column's data rows (first_row..=last_row) by conditional format.
fn grade_colours(ws: &mut Worksheet, formats: &Formats, first_row: u32, last_row: u32, col: u16) -> Result<(), XlsxError> {
    if last_row < first_row {
        return Ok(());
    }
    for (name, format) in &formats.grades {
        let cf = ConditionalFormatCell::new().set_rule(ConditionalFormatCellRule::EqualTo(name.as_str())).set_format(format);
        ws.add_conditional_format(first_row, col, last_row, col, &cf)?;
    }
    Ok(())
}

fn print_setup(ws: &mut Worksheet, title: &str, lang: Lang) {
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_header(format!("&C&\"宋体,Bold\"&12{}", header_escape(title)));
    // the catalogue's words escaped, then Excel's codes of the page and the number of pages
    // put in their places
    let footer = kaoping_core::messages::text(lang, "report-page-footer", &[("page", &"\u{1}"), ("pages", &"\u{2}")]);
    ws.set_footer(format!("&C{}", header_escape(&footer).replace('\u{1}', "&P").replace('\u{2}', "&N")));
}

/// Writes one sheet: a brief ([`Sheet::brief`]) or a table.
/// A workbook of `sheets` as bytes; `each` is told of each sheet before it is written (a progress bar).
pub fn workbook_bytes(sheets: &[Sheet], formats: &Formats, each: &mut dyn FnMut(&Sheet)) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    for s in sheets {
        each(s);
        write_sheet(&mut wb, s, formats, &mut || {})?;
    }
    wb.save_to_buffer()
}

pub fn write_sheet(workbook: &mut Workbook, sheet: &Sheet, formats: &Formats, on_row: &mut dyn FnMut()) -> Result<(), XlsxError> {
    if sheet.brief {
        return write_brief(workbook, sheet, formats);
    }
    write_table(workbook, sheet, formats, on_row)
}

/// Writes one table sheet: bold header row, frozen and filtered (autofilter), widths fitted to
/// print (long text wrapped, rows as tall as their text), scores as numbers `0.00`, dates as
/// dates, grades coloured; printed landscape, one page wide, with the header row repeated on
/// every page.
pub fn write_table(workbook: &mut Workbook, sheet: &Sheet, formats: &Formats, on_row: &mut dyn FnMut()) -> Result<(), XlsxError> {
    let ws: &mut Worksheet = workbook.add_worksheet();
    ws.set_name(&sheet.name)?;
    let (widths, wrap) = fit_widths(&sheet.headers, &sheet.rows);
    for (c, h) in sheet.headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &formats.header)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        let mut lines = 1;
        for (c, cell) in row.iter().enumerate() {
            let w = wrap.get(c).copied().unwrap_or(false);
            if w && let Some(s) = cell.as_text() {
                lines = lines.max(lines_in(s, widths[c]));
            }
            write_cell(ws, r, c as u16, cell, formats.of(cell, w))?;
        }
        if lines > 1 {
            ws.set_row_height(r, lines as f64 * LINE_HEIGHT + 3.0)?;
        }
        on_row();
    }
    for (c, w) in widths.into_iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }
    let last_col = sheet.headers.len().saturating_sub(1) as u16;
    let last_row = sheet.rows.len() as u32;
    if !sheet.headers.is_empty() {
        ws.autofilter(0, 0, last_row, last_col)?;
    }
    for c in grade_columns(&sheet.rows) {
        grade_colours(ws, formats, 1, last_row, c as u16)?;
    }
    ws.set_row_height(0, 30)?;
    ws.set_freeze_panes(1, sheet.freeze_cols)?;
    ws.set_repeat_rows(0, 0)?;
    print_setup(ws, &sheet.title, formats.lang);
    Ok(())
}

/// The brief's grid: widths of columns A–F, in Excel character units. Blocks are laid out on
/// it (a block's column may span several grid columns); the charts stand to its right.
pub const BRIEF_GRID: [f64; 6] = [10.0, 9.0, 22.0, 24.0, 10.0, 10.0];
/// The column the charts start at (H; G is a gap).
const CHART_COL: u16 = 7;
const CHART_WIDTH: u32 = 640;

/// Where a block landed: its first data row and the grid column of each of its columns.
struct Placed {
    first_row: u32,
    rows: usize,
    header_row: Option<u32>,
    cols: Vec<u16>,
}

/// Writes a brief: a title row (frozen), then the facts (the sheet's own table) and each
/// section as a titled block on the grid, one below the other; the charts to the right, one
/// below the other. Printed like the tables (A4 landscape, one page wide).
pub fn write_brief(workbook: &mut Workbook, sheet: &Sheet, formats: &Formats) -> Result<(), XlsxError> {
    let ws: &mut Worksheet = workbook.add_worksheet();
    ws.set_name(&sheet.name)?;
    let grid_cols = BRIEF_GRID.len() as u16;
    for (c, w) in BRIEF_GRID.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_column_width(grid_cols, 2)?;
    ws.merge_range(0, 0, 0, grid_cols - 1, &sheet.title, &formats.title)?;
    ws.set_row_height(0, 30)?;

    let facts = Section { title: kaoping_core::messages::text(formats.lang, "report-section-facts", &[]), headers: Vec::new(), rows: sheet.rows.clone(), spans: vec![2, 4], page_break: false };
    let blocks: Vec<&Section> = std::iter::once(&facts).chain(sheet.sections.iter()).collect();
    let mut placed: Vec<Placed> = Vec::new();
    let mut r: u32 = 2;
    let mut breaks = Vec::new();
    for b in &blocks {
        if b.page_break {
            breaks.push(r);
        }
        ws.merge_range(r, 0, r, grid_cols - 1, &b.title, &formats.block)?;
        ws.set_row_height(r, 20)?;
        r += 1;
        let ncols = b.headers.len().max(b.rows.iter().map(Vec::len).max().unwrap_or(0));
        let spans: Vec<u16> = (0..ncols).map(|i| b.spans.get(i).copied().unwrap_or(1).max(1)).collect();
        let mut cols = Vec::with_capacity(ncols);
        let mut at = 0u16;
        for s in &spans {
            cols.push(at);
            at += s;
        }
        let width_of = |i: usize| -> f64 { (cols[i]..cols[i] + spans[i]).map(|g| BRIEF_GRID.get(g as usize).copied().unwrap_or(8.43)).sum() };
        let put = |ws: &mut Worksheet, r: u32, i: usize, cell: &Cell, format: &Format| -> Result<(), XlsxError> {
            let (c, s) = (cols[i], spans[i]);
            if s > 1 {
                ws.merge_range(r, c, r, c + s - 1, "", format)?;
            }
            write_cell(ws, r, c, cell, format)
        };
        let header_row = if b.headers.is_empty() {
            None
        } else {
            for (i, h) in b.headers.iter().enumerate() {
                put(ws, r, i, &Cell::text(h), &formats.header)?;
            }
            r += 1;
            Some(r - 1)
        };
        let first_row = r;
        for row in &b.rows {
            let mut lines = 1;
            for (i, cell) in row.iter().enumerate().take(ncols) {
                if let Some(s) = cell.as_text() {
                    lines = lines.max(lines_in(s, width_of(i)));
                }
                let format = match cell {
                    Cell::Int(_) if spans[i] > 1 => &formats.int_left,
                    Cell::Score(_) if spans[i] > 1 => &formats.score_left,
                    _ => formats.of(cell, true),
                };
                put(ws, r, i, cell, format)?;
            }
            if lines > 1 {
                ws.set_row_height(r, lines as f64 * LINE_HEIGHT + 3.0)?;
            }
            r += 1;
        }
        for i in grade_columns(&b.rows) {
            grade_colours(ws, formats, first_row, r - 1, cols[i])?;
        }
        placed.push(Placed { first_row, rows: b.rows.len(), header_row, cols });
        r += 1;
    }
    let last_table_row = r;

    // the charts, right of the blocks, one below the other
    let mut y = 0u32;
    for spec in &sheet.charts {
        // sections are blocks 1.. (block 0 is the facts)
        let chart = build_chart(spec, &sheet.name, |section, col| placed.get(section + 1).map(|p| (p.first_row, p.rows, p.header_row, p.cols.get(col).copied())))?;
        ws.insert_chart_with_offset(2, CHART_COL, &chart, 0, y)?;
        y += spec.height + 10;
    }
    // the print range: the blocks and the charts (about 20 pixels a row; rows set taller only
    // make the range longer than needed)
    let chart_rows = 2 + y / 20 + 1;
    let last_row = last_table_row.max(chart_rows);
    let last_col = if sheet.charts.is_empty() { grid_cols - 1 } else { CHART_COL + (CHART_WIDTH / 64) as u16 + 1 };
    ws.set_print_area(0, 0, last_row, last_col)?;
    if !breaks.is_empty() {
        ws.set_page_breaks(&breaks)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.set_repeat_rows(0, 0)?;
    print_setup(ws, &sheet.title, formats.lang);
    ws.set_print_gridlines(false);
    Ok(())
}

/// A section's column on the brief: (first data row, data rows, header row, grid column).
type Located = Option<(u32, usize, Option<u32>, Option<u16>)>;

/// A column's data cells on a sheet, and the cell of its header (which names a series).
struct Span {
    sheet: String,
    col: u16,
    first: u32,
    last: u32,
    header: Option<u32>,
}

impl Span {
    fn range(&self) -> (&str, u32, u16, u32, u16) {
        (self.sheet.as_str(), self.first, self.col, self.last, self.col)
    }
}

fn build_chart(spec: &ChartSpec, this_sheet: &str, locate: impl Fn(usize, usize) -> Located) -> Result<Chart, XlsxError> {
    let missing = |what: String| XlsxError::ParameterError(format!("chart {}: {what}", spec.title));
    let span = |d: &DataRef| -> Result<Span, XlsxError> {
        match d {
            DataRef::Sheet { sheet, col, rows } => Ok(Span { sheet: sheet.clone(), col: *col as u16, first: 1, last: (*rows).max(1) as u32, header: Some(0) }),
            DataRef::Section { section, col } => {
                let (first, rows, header, c) = locate(*section, *col).ok_or_else(|| missing(format!("no section {section}")))?;
                let col = c.ok_or_else(|| missing(format!("no column {col}")))?;
                Ok(Span { sheet: this_sheet.to_string(), col, first, last: first + (rows.max(1) as u32) - 1, header })
            }
        }
    };
    let mut chart = Chart::new(match spec.kind {
        ChartKind::Bar => ChartType::Bar,
        ChartKind::Column => ChartType::Column,
        ChartKind::Line => ChartType::Line,
    });
    chart.title().set_name(spec.title.as_str());
    let cats = span(&spec.categories)?;
    for s in &spec.series {
        let vals = span(s)?;
        let series = chart.add_series();
        series.set_categories(cats.range()).set_values(vals.range());
        if let Some(h) = vals.header {
            series.set_name((vals.sheet.as_str(), h, vals.col));
        }
        series.set_data_label(ChartDataLabel::new().show_value().set_num_format("0.00"));
        if spec.kind == ChartKind::Line {
            series.set_marker(ChartMarker::new().set_automatic());
        } else {
            series.set_gap(50);
        }
        if !spec.point_colors.is_empty() {
            series.set_point_colors(&spec.point_colors);
        }
    }
    match spec.kind {
        ChartKind::Bar => {
            // a bar chart's category axis is its y axis: the first row (rank 1) on top, the
            // value axis below, every label shown
            chart.y_axis().set_reverse().set_crossing(ChartAxisCrossing::Max).set_label_interval(1).set_font(ChartFont::new().set_size(8));
            chart.x_axis().set_name(spec.value_axis.as_str());
            if let Some(min) = spec.value_min {
                chart.x_axis().set_min(min);
            }
        }
        _ => {
            chart.y_axis().set_name(spec.value_axis.as_str());
            if let Some(min) = spec.value_min {
                chart.y_axis().set_min(min);
            }
        }
    }
    if spec.series.len() > 1 {
        chart.legend().set_position(ChartLegendPosition::Bottom);
    } else {
        chart.legend().set_hidden();
    }
    chart.set_width(CHART_WIDTH).set_height(spec.height);
    Ok(chart)
}

fn header_escape(s: &str) -> String {
    s.replace('&', "&&")
}

/// CSV (RFC 4180, CRLF) of one sheet, with a UTF-8 byte-order mark so Excel opens it as UTF-8.
/// A sheet's sections follow its table, each after a blank line: its title, headers and rows.
pub fn to_csv(sheet: &Sheet) -> String {
    let mut out = String::from("\u{feff}");
    let line = |cells: Vec<String>, out: &mut String| {
        let quoted: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    };
    line(sheet.headers.clone(), &mut out);
    for row in &sheet.rows {
        line(row.iter().map(Cell::display).collect(), &mut out);
    }
    for s in &sheet.sections {
        out.push_str("\r\n");
        line(vec![s.title.clone()], &mut out);
        if !s.headers.is_empty() {
            line(s.headers.clone(), &mut out);
        }
        for row in &s.rows {
            line(row.iter().map(Cell::display).collect(), &mut out);
        }
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

fn markdown_table(headers: &[String], rows: &[Vec<Cell>], out: &mut String) {
    let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    if headers.is_empty() {
        // a note: its text as a paragraph
        for row in rows {
            out.push_str(&row.iter().map(|c| esc(&c.display())).collect::<Vec<_>>().join(" "));
            out.push('\n');
        }
        return;
    }
    if rows.is_empty() {
        out.push_str("(无)\n");
        return;
    }
    out.push_str(&format!("| {} |\n", headers.iter().map(|h| esc(h)).collect::<Vec<_>>().join(" | ")));
    out.push_str(&format!(
        "|{}|\n",
        rows[0]
            .iter()
            .map(|c| if matches!(c, Cell::Int(_) | Cell::Score(_) | Cell::Delta(_)) { "---:" } else { "---" })
            .collect::<Vec<_>>()
            .join("|")
    ));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.iter().map(|c| esc(&c.display())).collect::<Vec<_>>().join(" | ")));
    }
}

/// A Markdown section: `## title` and a pipe table, then each section as `### title` and its table.
pub fn to_markdown(sheet: &Sheet) -> String {
    let mut out = format!("## {}\n\n", sheet.title);
    markdown_table(&sheet.headers, &sheet.rows, &mut out);
    for s in &sheet.sections {
        out.push_str(&format!("\n### {}\n\n", s.title));
        markdown_table(&s.headers, &s.rows, &mut out);
    }
    out
}

fn json_rows(rows: &[Vec<Cell>]) -> Vec<serde_json::Value> {
    use serde_json::Value;
    rows.iter()
        .map(|r| {
            Value::Array(
                r.iter()
                    .map(|c| match c {
                        Cell::Empty => Value::Null,
                        Cell::Text(s) | Cell::Grade(s) => Value::String(s.clone()),
                        Cell::Int(i) => Value::from(*i),
                        Cell::Score(d) | Cell::Delta(d) => Value::String(d.to_string()),
                        Cell::Date(d) => Value::String(d.to_string()),
                    })
                    .collect(),
            )
        })
        .collect()
}

/// A sheet as JSON: `{"sheet", "slug", "title", "columns", "rows"}` (and `"sections"`, each
/// `{"title", "columns", "rows"}`, when it has any); scores as exact decimal strings (the
/// convention of kaoping's documents), counts and ranks as numbers, dates as `YYYY-MM-DD`.
pub fn to_json(sheet: &Sheet) -> serde_json::Value {
    let mut v = serde_json::json!({
        "sheet": sheet.name,
        "slug": sheet.slug,
        "title": sheet.title,
        "columns": sheet.headers,
        "rows": json_rows(&sheet.rows),
    });
    if !sheet.sections.is_empty() {
        v["sections"] = sheet
            .sections
            .iter()
            .map(|s| serde_json::json!({"title": s.title, "columns": s.headers, "rows": json_rows(&s.rows)}))
            .collect();
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(3), "D");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn decimals() {
        assert_eq!(decimal_text("98.5".parse().unwrap()), "98.50");
        assert_eq!(decimal_text("100".parse().unwrap()), "100.00");
        assert_eq!(decimal_text("14.333".parse().unwrap()), "14.333");
        assert_eq!(decimal_to_f64("0.1".parse().unwrap()), 0.1);
        assert_eq!(decimal_to_f64("97.35".parse().unwrap()), 97.35);
    }

    #[test]
    fn print_widths() {
        // a long text column is narrowed and wraps once the table is wider than a page holds
        let headers: Vec<String> = ["编号", "说明", "备注"].map(String::from).to_vec();
        let long = "计算得分 14.55: (S007 17×31 + S008 20×31 + S009 20×31 + S010 20×31 + S113 20×31) / 155 / 20 × 15 = 14.55";
        let rows = vec![vec![Cell::text("W01"), Cell::text(long), Cell::text(long.repeat(2))], vec![Cell::Int(3), Cell::Empty, Cell::Empty]];
        let (w, wrap) = fit_widths(&headers, &rows);
        assert_eq!(w[0], 8.0, "ids keep their width");
        assert_eq!(wrap, [false, true, true]);
        assert!(w.iter().sum::<f64>() <= PRINT_BUDGET as f64, "{w:?}");
        // narrow tables are left as they are
        let (w, wrap) = fit_widths(&headers[..1], &[vec![Cell::text("W01")]]);
        assert_eq!((w, wrap), (vec![8.0], vec![false]));
        // 11 CJK characters fit 24 units (161 of 168 pixels), 12 do not
        assert_eq!(lines_in(&"一".repeat(11), 24.0), 1);
        assert_eq!(lines_in(&"一".repeat(12), 24.0), 2);
        assert_eq!(lines_in(&"一".repeat(30), 12.0), 6);
    }

    #[test]
    fn cells_as_text() {
        assert_eq!(Cell::Delta("0.5".parse().unwrap()).display(), "+0.50");
        assert_eq!(Cell::Delta("-1.25".parse().unwrap()).display(), "-1.25");
        assert_eq!(Cell::Delta(Decimal::ZERO).display(), "0.00");
        assert_eq!(Cell::Date(NaiveDate::from_ymd_opt(2026, 10, 9).unwrap()).display(), "2026-10-09");
    }

    #[test]
    fn csv_quotes() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("平"), "平");
    }
}
