//! Inputs the importer's fuzz targets found (fuzz/fuzz_targets/import_csv.rs, import_xlsx.rs) and
//! their neighbours: each is refused with a message naming the problem, by the library and by
//! `kaoping import`, never with a crash or an allocation the size of a sheet's bounding box.
//! The files in tests/import-regressions/ are fuzz inputs as found: for import_xlsx, a mode byte
//! and the records sheet's XML, shared strings and styles (see [`workbook_of`]).

mod common;

use common::*;
use kaoping_cli::import::{Format, MAX_GRID_CELLS, MAX_SHARED_STRINGS, import_bytes};
use kaoping_core::{Dataset, Policy};
use std::io::Write;
use std::path::PathBuf;

fn roster() -> Dataset {
    Dataset::from_json(&std::fs::read_to_string(sample()).unwrap()).unwrap()
}

fn regression(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/import-regressions").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>"#;

const NO_STRINGS: &[u8] = br#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>"#;

/// A one-sheet workbook (记录) of the given sheet XML, shared strings and styles: the same parts
/// as the import_xlsx fuzz target zips.
fn xlsx(sheet: &[u8], shared: &[u8], styles: &[u8]) -> Vec<u8> {
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const PKG: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    const CT: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    let types = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="{CT}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="{CT}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="{CT}.sharedStrings+xml"/></Types>"#
    );
    let rels = format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#);
    let workbook = format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="记录" sheetId="1" r:id="rId1"/></sheets></workbook>"#);
    let workbook_rels = format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#);
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in [
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
        ("xl/styles.xml", styles),
        ("xl/sharedStrings.xml", shared),
        ("xl/worksheets/sheet1.xml", sheet),
    ] {
        z.start_file(name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// The workbook an import_xlsx fuzz input stands for: an even first byte, the file as is; odd,
/// the sheet XML, shared strings and styles (NUL-separated) zipped by [`xlsx`].
fn workbook_of(input: &[u8]) -> Vec<u8> {
    let (mode, body) = input.split_first().unwrap();
    if mode & 1 == 0 {
        return body.to_vec();
    }
    let mut parts = body.splitn(3, |&b| b == 0);
    let (sheet, shared) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    xlsx(sheet, shared, parts.next().unwrap_or(STYLES.as_bytes()))
}

fn sheet_xml(rows: &str) -> String {
    format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#)
}

/// The header row of a records sheet in inline strings, then `rest`.
fn header_and(rest: &str) -> String {
    let header: String = ["考评项目", "对象编号", "日期"]
        .iter()
        .enumerate()
        .map(|(i, h)| format!(r#"<c r="{}1" t="inlineStr"><is><t>{h}</t></is></c>"#, (b'A' + i as u8) as char))
        .collect();
    sheet_xml(&format!(r#"<row r="1">{header}</row>{rest}"#))
}

/// Imports a workbook through the library and through `kaoping import`; both must refuse it with
/// a message containing `want`. Returns the command's stderr.
/// The library's message (its builtin policy's language, English) must contain `want[0]`; the
/// command's, in its own language (Chinese), `want[1]`, and under `--lang en` `want[0]`.
fn refused(book: &[u8], name: &str, want: [&str; 2]) -> String {
    let err = match import_bytes(book, Format::Workbook, "book.xlsx", &Policy::builtin(), &roster(), false) {
        Ok(imp) => panic!("{name}: imported {} records", imp.imported),
        Err(e) => e,
    };
    assert!(err.contains(want[0]), "{name}: library message {err:?} should contain {:?}", want[0]);
    let dir = scratch(&format!("regression-{name}"));
    let file = dir.join("book.xlsx");
    std::fs::write(&file, book).unwrap();
    let (out, roster) = (dir.join("out.json"), sample());
    for (lang, want) in [(None, want[1]), (Some("en"), want[0])] {
        let mut args = vec!["import", s(&file), "--roster", s(&roster), "-o", s(&out)];
        args.extend(lang.map(|l| ["--lang", l]).into_iter().flatten());
        let res = run(&args);
        let stderr = String::from_utf8_lossy(&res.stderr).into_owned();
        assert_eq!(res.status.code(), Some(1), "{name}: kaoping import exits 1, stderr:\n{stderr}");
        assert!(stderr.contains(want), "{name}: stderr {stderr:?} should contain {want:?}");
        assert!(!out.exists(), "{name}: nothing written");
    }
    let _ = std::fs::remove_dir_all(&dir);
    err
}

/// Found by import_xlsx: a cell address with 102 letters of column (`Bppp…p2`) made calamine
/// allocate the rectangle from A1 to that column (hundreds of GB): the process aborted.
#[test]
fn a_cell_beyond_the_last_column_is_refused_not_allocated() {
    let book = workbook_of(&regression("xlsx-cell-beyond-the-grid"));
    let err = refused(&book, "beyond-the-grid", ["is beyond the last cell of a sheet (XFD1048576)", "超出了工作表的最后一个单元格 (XFD1048576)"]);
    assert!(err.contains("book.xlsx: cell 记录!"), "the cell is named: {err}");
}

/// Its neighbours: a row past 1,048,576, a column past XFD.
#[test]
fn cells_past_xfd1048576_are_refused() {
    for (name, cell) in [("row", "A1048577"), ("column", "XFE2"), ("far", "ZZZZZ99999999")] {
        let book = xlsx(header_and(&format!(r#"<row r="2"><c r="{cell}"><v>1</v></c></row>"#)).as_bytes(), NO_STRINGS, STYLES.as_bytes());
        refused(&book, name, ["is beyond the last cell of a sheet (XFD1048576)", "超出了工作表的最后一个单元格 (XFD1048576)"]);
    }
}

/// A1 and XFD1048576 are both legal: the sheet is read row by row (calamine's range would be
/// 17 billion cells), and its problems are reported as for any sheet.
#[test]
fn opposite_corners_are_read_without_the_rectangle() {
    let book = xlsx(header_and(r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#).as_bytes(), NO_STRINGS, STYLES.as_bytes());
    let started = std::time::Instant::now();
    let imp = import_bytes(&book, Format::Workbook, "book.xlsx", &Policy::builtin(), &roster(), false).unwrap();
    assert_eq!(imp.imported, 0, "the far cell is in no record column: its row is blank");
    assert!(started.elapsed().as_secs() < 60, "a sparse sheet is read quickly");
}

/// More cells than a grid may hold (rows filled up to column XFD): refused before memory fills.
#[test]
fn a_sheet_too_wide_and_long_is_refused() {
    let rows = MAX_GRID_CELLS / 16_384 + 2;
    let rest: String = (2..rows + 2).map(|r| format!(r#"<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>"#)).collect();
    let book = xlsx(header_and(&rest).as_bytes(), NO_STRINGS, STYLES.as_bytes());
    refused(&book, "too-many-cells", [&format!("is too large to import: more than {MAX_GRID_CELLS} cells"), &format!("太大, 无法导入: 到各行最后一个已填单元格为止超过 {MAX_GRID_CELLS} 个单元格")]);
}

/// A shared strings table declaring more strings than any workbook holds: calamine would reserve
/// room for them all before reading one (an abort on the allocation). Refused before it opens.
#[test]
fn an_impossible_shared_strings_count_is_refused() {
    for count in [MAX_SHARED_STRINGS + 1, 4_000_000_000_000, u64::MAX] {
        let shared = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="{count}"><si><t>x</t></si></sst>"#
        );
        let err = refused(&xlsx(header_and("").as_bytes(), shared.as_bytes(), STYLES.as_bytes()), &format!("sst-{count}"), ["shared strings table declares", "其共享字符串表声明了"]);
        assert!(err.contains("the file is damaged"), "{err}");
    }
    // an honest count is read as before
    let shared = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>考评项目</t></si><si><t>对象编号</t></si><si><t>日期</t></si></sst>"#;
    let sheet = sheet_xml(r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>S1.1</t></is></c><c r="B2" t="inlineStr"><is><t>S001</t></is></c><c r="C2" s="1"><v>46304</v></c></row>"#);
    let imp = import_bytes(&xlsx(sheet.as_bytes(), shared.as_bytes(), STYLES.as_bytes()), Format::Workbook, "book.xlsx", &Policy::builtin(), &roster(), false).unwrap();
    assert_eq!(imp.imported, 1);
    assert_eq!(imp.dataset.records.to_vec()[0].date.to_string(), "2026-10-09");
}

/// A sheet the workbook does not have is named with the sheets it has, in the run's language.
#[test]
fn a_missing_sheet_is_said_in_the_runs_language() {
    use kaoping_cli::import::read_workbook_bytes;
    use kaoping_core::messages::Lang;
    let book = xlsx(header_and("").as_bytes(), NO_STRINGS, STYLES.as_bytes());
    // the workbook's one sheet is 记录 (see `xlsx`)
    assert_eq!(read_workbook_bytes(book.clone(), "book.xlsx", Some("Nope"), Lang::En).err().expect("refused"), r#"book.xlsx: no sheet "Nope"; the sheets are 记录"#);
    assert_eq!(read_workbook_bytes(book, "book.xlsx", Some("Nope"), Lang::ZhCn).err().expect("refused"), r#"book.xlsx: 没有工作表 "Nope"; 现有的工作表: 记录"#);
}

/// The committed seeds of the fuzz targets import as `kaoping import` does: the filled ones
/// succeed, the bad ones list their cells.
#[test]
fn the_fuzz_seeds_import_as_the_command_does() {
    let seeds = repo().join("tests/import-seeds");
    // the command writes Chinese unless told otherwise: the library, given a Chinese policy, the same
    let (policy, roster) = (Policy::builtin().with_lang(kaoping_core::messages::Lang::ZhCn), roster());
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some("csv") => Format::Csv,
            Some("xlsx") => Format::Workbook,
            _ => continue,
        };
        // the command adds the sheet's records to the roster's (append), as `--append` did
        let got = import_bytes(&std::fs::read(&path).unwrap(), format, &name, &policy, &roster, true);
        let res = run(&["import", s(&path), "--roster", s(&sample())]);
        match got {
            Ok(imp) => {
                assert!(name.starts_with("filled"), "{name} imports");
                assert_eq!(res.status.code(), Some(0), "{name}");
                assert_eq!(String::from_utf8_lossy(&res.stdout), imp.dataset.to_json() + "\n", "{name}: the same dataset");
            }
            Err(msg) => {
                assert!(!name.starts_with("filled"), "{name}: {msg}");
                assert_eq!(res.status.code(), Some(1), "{name}");
                assert_eq!(String::from_utf8_lossy(&res.stderr).trim_end(), msg, "{name}: the same message");
            }
        }
    }
}
