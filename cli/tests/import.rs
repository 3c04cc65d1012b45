//! Importing: GBK and UTF-8 CSV, every bad cell reported with its address, nothing written on error.

mod common;

use common::*;
use kaoping_core::Dataset;
use rust_decimal::Decimal;
use rust_xlsxwriter::Workbook;

fn roster() -> Dataset {
    Dataset::from_json(&std::fs::read_to_string(sample()).unwrap()).unwrap()
}

/// A staff member assigned all year, and an all-year window.
fn subjects(ds: &Dataset) -> (String, String, String) {
    let s = ds.staff.iter().find(|s| s.assignments.len() == 1 && s.assignments[0].from.is_none() && s.assignments[0].to.is_none()).unwrap();
    let w = ds.windows.iter().find(|w| w.opened.is_none() && w.closed.is_none()).unwrap();
    (s.id.clone(), s.name.clone(), w.id.clone())
}

fn csv_text(ds: &Dataset) -> String {
    let (sid, sname, wid) = subjects(ds);
    format!(
        "记录编号,考评项目,对象编号,日期,次数,分钟,分值,级别,情节加重,状态,佐证材料,备注\r\n\
         ,S1.1 迟到、早退、擅自离岗、窗口空岗,{sid} {sname},2026-10-09,,45,,,,,,\"迟到,45分钟\"\r\n\
         K2,S2.3,{sid},2026/10/12,,,3.5,,,,,与群众争执\r\n\
         K3,S5.3,{sid},2026年10月20日,,,,县级,,待核实,,通报\r\n\
         K4,WB.3 收到服务对象赠送锦旗或表扬信,{wid},2026-10-21,2,,,,,,锦旗照片,群众送锦旗\r\n\
         ,,,,,,,,,,,\r\n"
    )
}

fn check_imported(out: &std::path::Path, ds: &Dataset) {
    let (sid, _, wid) = subjects(ds);
    let got = Dataset::from_json(&std::fs::read_to_string(out).unwrap()).unwrap();
    // the roster's records first, every one kept (import adds; only --replace drops), then the
    // sheet's four (the blank line is skipped)
    let n = ds.records.len();
    assert!(n > 0);
    assert_eq!(got.records.to_vec()[..n], ds.records.to_vec()[..], "the roster's records are kept as they were");
    assert_eq!(got.records.len(), n + 4, "the blank line is skipped");
    let all = got.records.to_vec();
    let r = &all[n..];
    assert_eq!((r[0].id.as_str(), r[0].rule.as_str(), r[0].subject.as_str(), r[0].minutes), ("R20261009-2", "S1.1", sid.as_str(), Some(45)));
    assert_eq!(r[0].note.as_deref(), Some("迟到,45分钟"));
    assert_eq!((r[1].id.as_str(), r[1].points()), ("K2", Some(Decimal::new(35, 1))));
    assert_eq!(r[1].note.as_deref(), Some("与群众争执"));
    assert_eq!(r[2].date.to_string(), "2026-10-20");
    assert_eq!(r[2].level, Some(kaoping_core::dataset::Level::County));
    assert_eq!(r[2].status, kaoping_core::dataset::Status::Pending);
    assert_eq!((r[3].subject.as_str(), r[3].count, r[3].evidence.as_deref()), (wid.as_str(), 2, Some("锦旗照片")));
    assert_eq!(got.hall, ds.hall);
    assert_eq!(got.metrics, ds.metrics);
}

#[test]
fn gbk_csv_imports() {
    let dir = scratch("gbk");
    let ds = roster();
    let text = csv_text(&ds);
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&gbk).is_err(), "the file really is GBK, not UTF-8");
    let csv = dir.join("records-gbk.csv");
    std::fs::write(&csv, &gbk).unwrap();
    let out = dir.join("gbk.json");
    let res = expect(&["import", s(&csv), "--roster", s(&sample()), "-o", s(&out)], 0);
    assert!(String::from_utf8_lossy(&res.stdout).contains("(GBK)"));
    check_imported(&out, &ds);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn utf8_csv_with_and_without_bom_imports() {
    let dir = scratch("utf8");
    let ds = roster();
    for (name, bytes) in [("bom.csv", format!("\u{feff}{}", csv_text(&ds))), ("plain.csv", csv_text(&ds))] {
        let csv = dir.join(name);
        std::fs::write(&csv, bytes.as_bytes()).unwrap();
        let out = dir.join(format!("{name}.json"));
        expect(&["import", s(&csv), "--roster", s(&sample()), "-o", s(&out)], 0);
        check_imported(&out, &ds);
    }
    // without -o the dataset goes to stdout
    let res = expect(&["import", s(&dir.join("bom.csv")), "--roster", s(&sample())], 0);
    let got = Dataset::from_json(&String::from_utf8(res.stdout).unwrap()).unwrap();
    assert_eq!(got.records.len(), ds.records.len() + 4);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 21: an import onto a dataset cannot lose its records. Without flags the sheet's records
/// are added (importing the same sheet again is refused, its ids taken, and nothing is written);
/// only `--replace` drops the roster's records, and it says how many.
#[test]
fn reimporting_without_flags_cannot_drop_a_record() {
    let dir = scratch("no-loss");
    let ds = roster();
    let csv = dir.join("october.csv");
    std::fs::write(&csv, csv_text(&ds)).unwrap();
    // the hall's dataset, imported onto itself (-o over the roster), as a clerk does each month
    let hall = dir.join("hall.json");
    std::fs::copy(sample(), &hall).unwrap();
    let n = ds.records.len();
    let res = expect(&["import", s(&csv), "--roster", s(&hall), "-o", s(&hall)], 0);
    let out = String::from_utf8_lossy(&res.stdout);
    // appended (the default): the summary says after how many of the file's own records
    assert!(out.contains(&format!("接在 hall.json 原有的 {n} 条之后")), "{out}");
    let once = std::fs::read(&hall).unwrap();
    assert_eq!(Dataset::from_json(std::str::from_utf8(&once).unwrap()).unwrap().records.len(), n + 4);
    // the same sheet again: K2, K3, K4 and the generated id are taken, so it is refused and the
    // file is left as it was
    let again = run(&["import", s(&csv), "--roster", s(&hall), "-o", s(&hall)]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("未写入任何内容"));
    assert_eq!(std::fs::read(&hall).unwrap(), once, "a refused import leaves the file untouched");
    // --append is the default, still accepted; with --replace it is a usage error
    let both = run(&["import", s(&csv), "--roster", s(&sample()), "--append", "--replace"]);
    assert_eq!(both.status.code(), Some(2));
    // --replace keeps the sheet's four records only and says the roster's n went
    let replaced = dir.join("replaced.json");
    let res = expect(&["import", s(&csv), "--roster", s(&sample()), "-o", s(&replaced), "--replace"], 0);
    let out = String::from_utf8_lossy(&res.stdout);
    assert!(out.contains(&format!("--replace 删除了 county-2026.json 原有的 {n} 条记录")), "{out}");
    assert_eq!(Dataset::from_json(&std::fs::read_to_string(&replaced).unwrap()).unwrap().records.len(), 4);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_cells_are_all_reported_and_nothing_is_written() {
    let dir = scratch("bad-cells");
    let ds = roster();
    let (sid, sname, wid) = subjects(&ds);
    let header = ["记录编号", "考评项目", "对象编号", "日期", "次数", "分钟", "分值", "级别", "成果标识", "情节加重", "状态", "佐证材料", "备注"];
    let wrong_name = format!("{sid} 无此人");
    // row (1-based) → cells by header
    let rows: Vec<Vec<(&str, &str)>> = vec![
        vec![("考评项目", "S1.1"), ("对象编号", &sid), ("日期", "2026-10-09")], // row 2: fine
        vec![("考评项目", "X9.9 不存在"), ("对象编号", &sid), ("日期", "2026-10-10")], // row 3: B3 unknown code
        vec![("考评项目", "S1.1"), ("对象编号", &sid), ("日期", "2026-13-01")], // row 4: D4 bad date
        vec![("考评项目", "S2.3"), ("对象编号", &sid), ("日期", "2026-10-11"), ("分值", "-2")], // row 5: G5 negative
        vec![("考评项目", "S2.3"), ("对象编号", &sid), ("日期", "2026-10-11")], // row 6: G6 points missing (core)
        vec![("考评项目", "S1.2"), ("对象编号", "S999"), ("日期", "2026-10-12")], // row 7: C7 no one of that id
        vec![("考评项目", "S1.2"), ("对象编号", &wrong_name), ("日期", "2026-10-12")], // row 8: C8 wrong name
        vec![("考评项目", "S1.3"), ("对象编号", &sid), ("日期", "2026-10-12"), ("次数", "0"), ("状态", "作废")], // row 9: E9, K9
        vec![("考评项目", "S5.3"), ("对象编号", &sid), ("日期", "2026-10-13"), ("级别", "乡级")], // row 10: H10
        vec![("考评项目", "W4.1"), ("对象编号", &wid), ("日期", "2026-10-14"), ("分值", "9")], // row 11: G11 outside 2–5 (core)
        vec![("对象编号", &wid), ("日期", "2026-10-14")], // row 12: B12 rule missing
        vec![("考评项目", "S1.1"), ("对象编号", &sid), ("日期", "2025-12-31")], // row 13: D13 outside year (core)
        vec![("考评项目", "S3.2"), ("对象编号", &sid), ("日期", "2026-10-15"), ("情节加重", "也许")], // row 14: J14
    ];
    let xlsx = dir.join("bad.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("记录").unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (h, v) in row {
            let c = header.iter().position(|x| x == h).unwrap() as u16;
            ws.write_string(r as u32 + 1, c, *v).unwrap();
        }
    }
    book.save(&xlsx).unwrap();

    let out = dir.join("out.json");
    std::fs::write(&out, "previous contents").unwrap();
    let res = run(&["import", s(&xlsx), "--roster", s(&sample()), "-o", s(&out)]);
    assert_eq!(res.status.code(), Some(1));
    let err = String::from_utf8(res.stderr).unwrap();
    for (cell, what) in [
        ("记录!B3", "X9.9"),
        ("记录!D4", "2026-13-01"),
        ("记录!G5", "-2"),
        ("记录!G6", "分值: "), // the core's problems: the cell and the record, not their wording
        ("记录!C7", "S999"),
        ("记录!C8", &sname),
        ("记录!E9", "1 以上的整数"),
        ("记录!K9", "作废"),
        ("记录!H10", "乡级"),
        ("记录!G11", "分值: "),
        ("记录!B12", "必填"),
        ("记录!D13", "日期: "),
        ("记录!J14", "也许"),
    ] {
        let line = err.lines().find(|l| l.trim_start().starts_with(&format!("{cell}:")));
        let line = line.unwrap_or_else(|| panic!("no error for {cell} in:\n{err}"));
        assert!(line.contains(what), "{cell}: {line:?} should mention {what:?}");
    }
    for (cell, record) in [("记录!G6", "[记录 R20261011-6]"), ("记录!G11", "[记录 R20261014-11]"), ("记录!D13", "[记录 R20251231-13]")] {
        assert!(err.lines().any(|l| l.trim_start().starts_with(cell) && l.ends_with(record)), "{cell} names {record}:\n{err}");
    }
    assert!(err.contains("有 13 处问题, 未写入任何内容"), "{err}");
    // in English, the first line too (the cells' messages are the template's Chinese)
    let en = run(&["import", s(&xlsx), "--roster", s(&sample()), "-o", s(&out), "--lang", "en"]);
    assert!(String::from_utf8_lossy(&en.stderr).contains("bad.xlsx (记录): 13 problems, nothing written:"), "{}", String::from_utf8_lossy(&en.stderr));
    assert!(!err.contains("记录!A2") && !err.contains("记录!B2") && !err.contains("记录!D2"), "row 2 is fine:\n{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous contents", "the output is left alone");
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 2, "no temporary files: {leftovers:?}");

    // a CSV with bad cells: addressed by file name
    let csv = dir.join("bad.csv");
    std::fs::write(&csv, format!("考评项目,对象编号,日期\nS1.1,{sid},10月9日\nS1.1,,2026-10-09\n")).unwrap();
    let res = run(&["import", s(&csv), "--roster", s(&sample()), "-o", s(&dir.join("csv.json"))]);
    assert_eq!(res.status.code(), Some(1));
    let err = String::from_utf8(res.stderr).unwrap();
    assert!(err.contains("bad.csv!C2: 日期") && err.contains("bad.csv!B3: 对象编号"), "{err}");
    assert!(!dir.join("csv.json").exists());

    // a sheet without the required columns
    let csv = dir.join("noheader.csv");
    std::fs::write(&csv, "考评项目,备注\nS1.1,x\n").unwrap();
    let res = run(&["import", s(&csv), "--roster", s(&sample())]);
    assert_eq!(res.status.code(), Some(1));
    let err = String::from_utf8(res.stderr).unwrap();
    assert!(err.contains("缺少必填列“对象编号”") && err.contains("缺少必填列“日期”"), "{err}");
    assert!(res.stdout.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn large_import_draws_no_progress_bar_off_a_terminal() {
    let dir = scratch("large");
    let ds = roster();
    let (sid, _, wid) = subjects(&ds);
    let mut text = String::from("考评项目,对象编号,日期,分钟\n");
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for i in 0..1500u64 {
        let date = start + chrono::Days::new(i % 365);
        if i % 3 == 0 {
            text.push_str(&format!("W1.3,{wid},{date},\n"));
        } else {
            text.push_str(&format!("S1.1,{sid},{date},{}\n", i % 60));
        }
    }
    let csv = dir.join("large.csv");
    std::fs::write(&csv, text).unwrap();
    let out = dir.join("large.json");
    let res = expect(&["import", s(&csv), "--roster", s(&sample()), "-o", s(&out)], 0);
    assert!(res.stderr.is_empty(), "no progress bar when stderr is not a terminal: {:?}", String::from_utf8_lossy(&res.stderr));
    assert_eq!(Dataset::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap().records.len(), ds.records.len() + 1500);
    let res = expect(&["report", s(&out), "--period", "2026", "-o", s(&dir.join("large.xlsx"))], 0);
    assert!(res.stderr.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
