//! Tables as the report and the template write them: typed cells, Chinese headers, and the
//! renderings to Excel (rust_xlsxwriter), CSV, Markdown and JSON.
//!
//! Every number in a table comes from the core's results: this module only formats.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A count or a rank.
    Int(i64),
    /// A score or points: written to Excel as a number with format `0.00`.
    Score(Decimal),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() { Cell::Empty } else { Cell::Text(s) }
    }

    /// The cell as text: scores exactly, with at least two decimal places (`98.50`, `14.333`).
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Score(d) => decimal_text(*d),
        }
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

/// One sheet of a report.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// File-name slug for CSV output and `--sheet` (`window-scores`).
    pub slug: &'static str,
    /// The sheet's (Chinese) name.
    pub name: &'static str,
    /// A title for printing (page header) and Markdown.
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Columns kept in view when scrolling right (id and name).
    pub freeze_cols: u16,
}

/// Display width of text: CJK and other wide characters count two.
pub fn text_width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) < 0x1100 { 1 } else { 2 }).sum()
}

/// Excel column letters: 0 → A, 25 → Z, 26 → AA.
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

/// Formats shared by the workbook writers.
pub struct Formats {
    pub header: Format,
    pub score: Format,
    pub text: Format,
    pub int: Format,
}

impl Default for Formats {
    fn default() -> Self {
        Self::new()
    }
}

impl Formats {
    pub fn new() -> Formats {
        let font = "宋体";
        Formats {
            header: Format::new()
                .set_bold()
                .set_font_name(font)
                .set_background_color(0xD9E1F2)
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            score: Format::new().set_font_name(font).set_num_format("0.00").set_border(FormatBorder::Thin),
            text: Format::new().set_font_name(font).set_border(FormatBorder::Thin),
            int: Format::new().set_font_name(font).set_num_format("0").set_border(FormatBorder::Thin),
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

/// Writes one table sheet: bold header row, frozen, widths set, scores as numbers `0.00`,
/// printed landscape, one page wide, with the header row repeated on every page.
pub fn write_sheet(workbook: &mut Workbook, sheet: &Sheet, formats: &Formats, on_row: &mut dyn FnMut()) -> Result<(), XlsxError> {
    let ws: &mut Worksheet = workbook.add_worksheet();
    ws.set_name(sheet.name)?;
    for (c, h) in sheet.headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &formats.header)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Empty => ws.write_blank(r, c, &formats.text).map(|_| ())?,
                Cell::Text(s) => ws.write_string_with_format(r, c, s, &formats.text).map(|_| ())?,
                Cell::Int(i) => ws.write_number_with_format(r, c, *i as f64, &formats.int).map(|_| ())?,
                Cell::Score(d) => ws.write_number_with_format(r, c, decimal_to_f64(*d), &formats.score).map(|_| ())?,
            }
        }
        on_row();
    }
    for (c, w) in column_widths(&sheet.headers, &sheet.rows).into_iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }
    ws.set_row_height(0, 30)?;
    ws.set_freeze_panes(1, sheet.freeze_cols)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    ws.set_header(format!("&C&\"宋体,Bold\"&12{}", header_escape(&sheet.title)));
    ws.set_footer("&C第 &P 页 / 共 &N 页");
    Ok(())
}

fn header_escape(s: &str) -> String {
    s.replace('&', "&&")
}

/// CSV (RFC 4180, CRLF) of one sheet, with a UTF-8 byte-order mark so Excel opens it as UTF-8.
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
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

/// A Markdown section: `## title` and a pipe table.
pub fn to_markdown(sheet: &Sheet) -> String {
    let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = format!("## {}\n\n", sheet.title);
    if sheet.rows.is_empty() {
        out.push_str("(无)\n");
        return out;
    }
    out.push_str(&format!("| {} |\n", sheet.headers.iter().map(|h| esc(h)).collect::<Vec<_>>().join(" | ")));
    out.push_str(&format!(
        "|{}|\n",
        sheet.rows[0]
            .iter()
            .map(|c| if matches!(c, Cell::Int(_) | Cell::Score(_)) { "---:" } else { "---" })
            .collect::<Vec<_>>()
            .join("|")
    ));
    for row in &sheet.rows {
        out.push_str(&format!("| {} |\n", row.iter().map(|c| esc(&c.display())).collect::<Vec<_>>().join(" | ")));
    }
    out
}

/// A sheet as JSON: `{"sheet", "slug", "title", "columns", "rows"}`; scores as exact decimal
/// strings (the convention of kaoping's documents), counts and ranks as numbers.
pub fn to_json(sheet: &Sheet) -> serde_json::Value {
    use serde_json::Value;
    let rows: Vec<Value> = sheet
        .rows
        .iter()
        .map(|r| {
            Value::Array(
                r.iter()
                    .map(|c| match c {
                        Cell::Empty => Value::Null,
                        Cell::Text(s) => Value::String(s.clone()),
                        Cell::Int(i) => Value::from(*i),
                        Cell::Score(d) => Value::String(d.to_string()),
                    })
                    .collect(),
            )
        })
        .collect();
    serde_json::json!({
        "sheet": sheet.name,
        "slug": sheet.slug,
        "title": sheet.title,
        "columns": sheet.headers,
        "rows": rows,
    })
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
    fn csv_quotes() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("平"), "平");
    }
}
