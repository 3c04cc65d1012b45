//! Issue 21, "help people fix mistakes" and "no lost records": the importer suggests the code
//! of a rule typed with a slip or by its name, the id of a name typed instead of an id (and the
//! ids of a shared name), reports every bad row at once, and writes the dataset whole or not at
//! all. The expectations are the importer's own words (the cell, the suggestion); the core's
//! problems are checked by their cell only, their wording being the core's catalogue.

mod common;

use common::*;
use kaoping_core::Dataset;
use rust_xlsxwriter::{Formula, Workbook};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// The sample hall with names set for these tests: S037 is 杨健 (the only one), S012 and S088
/// are both 王芳 (S012 of 县市场监督管理局 at W03; S088 of 县人力资源和社会保障局, at W05 until
/// June and at W07 from July), and the window W02 is named 王芳 too.
fn roster_file(dir: &Path) -> PathBuf {
    let mut ds: Value = serde_json::from_str(&std::fs::read_to_string(sample()).unwrap()).unwrap();
    let dept = |ds: &Value, id: &str| ds["departments"].as_array().unwrap().iter().find(|d| d["id"] == id).unwrap()["name"].clone();
    assert_eq!(dept(&ds, "D01"), "县市场监督管理局");
    assert_eq!(dept(&ds, "D02"), "县人力资源和社会保障局");
    for s in ds["staff"].as_array_mut().unwrap() {
        match s["id"].as_str().unwrap() {
            "S037" => s["name"] = json!("杨健"),
            "S012" => *s = json!({"id": "S012", "name": "王芳", "department": "D01", "assignments": [{"window": "W03"}]}),
            "S088" => {
                *s = json!({"id": "S088", "name": "王芳", "department": "D02",
                    "assignments": [{"window": "W05", "to": "2026-06-30"}, {"window": "W07", "from": "2026-07-01"}]})
            }
            _ => {}
        }
    }
    for w in ds["windows"].as_array_mut().unwrap() {
        if w["id"] == "W02" {
            w["name"] = json!("王芳");
        }
    }
    let names: Vec<&str> = ds["staff"].as_array().unwrap().iter().chain(ds["windows"].as_array().unwrap()).map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names.iter().filter(|n| **n == "杨健").count(), 1, "杨健 is one person");
    assert_eq!(names.iter().filter(|n| **n == "王芳").count(), 3, "王芳: two staff and a window");
    assert!(!names.contains(&"杨建"));
    let path = dir.join("hall.json");
    std::fs::write(&path, serde_json::to_string_pretty(&ds).unwrap()).unwrap();
    path
}

/// Imports `csv` (written to `dir/records.csv`) onto the test roster and returns the problem
/// lines by cell: `records.csv!A2` → the rest of its line. The import must fail and write nothing.
fn problems(dir: &Path, csv: &str) -> Vec<(String, String)> {
    let roster = roster_file(dir);
    let file = dir.join("records.csv");
    std::fs::write(&file, csv).unwrap();
    let out = dir.join("out.json");
    let res = run(&["import", s(&file), "--roster", s(&roster), "-o", s(&out)]);
    assert_eq!(res.status.code(), Some(1), "stderr:\n{}", String::from_utf8_lossy(&res.stderr));
    assert!(!out.exists(), "nothing is written");
    problem_lines(&String::from_utf8(res.stderr).unwrap())
}

/// `  记录!B3: message` lines as (cell, message).
fn problem_lines(stderr: &str) -> Vec<(String, String)> {
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter_map(|l| l.split_once(": "))
        .map(|(cell, msg)| (cell.to_string(), msg.to_string()))
        .collect()
}

fn at<'a>(lines: &'a [(String, String)], cell: &str) -> &'a str {
    lines.iter().find(|(c, _)| c == cell).map(|(_, m)| m.as_str()).unwrap_or_else(|| panic!("no problem at {cell} in {lines:#?}"))
}

#[test]
fn a_mistyped_rule_code_gets_the_nearest_code() {
    let dir = scratch("suggest-codes");
    let lines = problems(
        &dir,
        "考评项目,对象编号,日期\n\
         S1.l,S001,2026-10-09\n\
         S11,S001,2026-10-09\n\
         迟到,S001,2026-10-09\n\
         S9.9 迟到,S001,2026-10-09\n\
         锦旗,W01,2026-10-09\n\
         锦旗,市场准入窗口1,2026-10-09\n\
         S1,S001,2026-10-09\n\
         X9.9,S001,2026-10-09\n",
    );
    // S1.l: an l for a 1; S11: the full stop left out; 迟到: the item's name instead of its code,
    // also after a wrong code
    for cell in ["A2", "A3", "A4", "A5"] {
        let msg = at(&lines, &format!("records.csv!{cell}"));
        assert!(msg.starts_with("考评项目: 没有考评项目“"), "{cell}: {msg}");
        assert!(msg.ends_with("; 是 S1.1 (迟到、早退、擅自离岗、窗口空岗)?"), "{cell}: {msg}");
    }
    assert!(at(&lines, "records.csv!A2").contains("“S1.l”"));
    // 锦旗 names an item of the staff (SB.1) and of the windows (WB.3): W01 is a window, and so
    // is the window typed by its name
    for cell in ["A6", "A7"] {
        assert_eq!(at(&lines, &format!("records.csv!{cell}")), "考评项目: 没有考评项目“锦旗”; 是 WB.3 (收到服务对象赠送锦旗或表扬信)?");
    }
    // a category: its four items
    let s1 = at(&lines, "records.csv!A8");
    assert!(s1.starts_with("考评项目: “S1” 是类别, 不是考评项目; 是 S1.1 ("), "{s1}");
    for code in ["S1.1 (", "、S1.2 (", "、S1.3 (", " 还是 S1.4 ("] {
        assert!(s1.contains(code), "{s1} lists {code}");
    }
    // nothing near: the plain message, no question
    let x = at(&lines, "records.csv!A9");
    assert!(x.contains("X9.9") && !x.contains('?'), "{x}");
    // and the window's name is a problem of its own (B7)
    assert!(at(&lines, "records.csv!B7").contains("市场准入窗口1 是 W01?"));
    assert_eq!(lines.len(), 9, "{lines:#?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn full_width_and_lower_case_codes_and_ids_are_the_same_codes_and_ids() {
    let dir = scratch("suggest-width");
    let roster = roster_file(&dir);
    let file = dir.join("records.csv");
    // what a Chinese input method types in full-width mode, and lower case
    std::fs::write(&file, "考评项目,对象编号,日期\nｓ１．１,Ｓ００１,2026-10-09\ns1.1,s037 杨健,2026-10-09\nS1。1,S037　杨 健,2026-10-09\n").unwrap();
    let out = dir.join("out.json");
    expect(&["import", s(&file), "--roster", s(&roster), "-o", s(&out)], 0);
    let ds = Dataset::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let got: Vec<(&str, &str)> = ds.records.iter().rev().take(3).map(|r| (r.rule(), r.subject())).collect();
    assert_eq!(got, [("S1.1", "S037"), ("S1.1", "S037"), ("S1.1", "S001")]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_name_gets_its_id() {
    let dir = scratch("suggest-names");
    let lines = problems(
        &dir,
        "考评项目,对象编号,日期\n\
         S1.1,杨健,2026-10-09\n\
         W1.2,市场准入窗口1,2026-10-09\n\
         S1.1,S999 杨健,2026-10-09\n\
         S1.1,S001 杨健,2026-10-09\n\
         S1.1,S37,2026-10-09\n\
         S1.1,杨建,2026-10-09\n\
         S1.1,S999,2026-10-09\n",
    );
    // the name typed for the id
    assert_eq!(at(&lines, "records.csv!B2"), "对象编号: 应填编号, 不是姓名: 杨健 是 S037? 请填写“S037”或从下拉列表选择“S037 杨健”");
    assert_eq!(at(&lines, "records.csv!B3"), "对象编号: 应填编号, 不是名称: 市场准入窗口1 是 W01? 请填写“W01”或从下拉列表选择“W01 市场准入窗口1”");
    // a wrong id before the name; a known id before another's name
    assert_eq!(at(&lines, "records.csv!B4"), "对象编号: 名单中没有“S999 杨健”; 杨健 是 S037? 请填写“S037”或从下拉列表选择“S037 杨健”");
    assert_eq!(
        at(&lines, "records.csv!B5"),
        "对象编号: 编号 S001 在名单中是“姚欢阳”, 表中写的是“杨健”; 杨健 是 S037? 请填写“S037”或从下拉列表选择“S037 杨健”"
    );
    // the id without its zero; the name with a slip (one character)
    assert_eq!(at(&lines, "records.csv!B6"), "对象编号: 名单中没有“S37”; 是 S037 杨健?");
    assert_eq!(at(&lines, "records.csv!B7"), "对象编号: 名单中没有“杨建”; 是 S037 杨健?");
    // another number is another person: no guess
    let none = at(&lines, "records.csv!B8");
    assert!(none.starts_with("对象编号: 名单中没有窗口或人员“S999”") && !none.contains('?'), "{none}");
    assert_eq!(lines.len(), 7, "{lines:#?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_shared_name_lists_every_id() {
    let dir = scratch("suggest-shared");
    let lines = problems(
        &dir,
        "考评项目,对象编号,日期\n\
         S1.1,王芳,2026-10-09\n\
         S1.1,王芳,2026-03-09\n\
         W1.2,王芳,2026-10-09\n\
         ,王芳,2026-10-09\n",
    );
    // a staff item: the two staff named 王芳, with their departments and their windows that day
    assert_eq!(
        at(&lines, "records.csv!B2"),
        "对象编号: 名单中有 2 人名为“王芳”: S012 (县市场监督管理局, 窗口 W03)、S088 (县人力资源和社会保障局, 窗口 W07); 请填写其中一人的编号"
    );
    assert!(at(&lines, "records.csv!B3").contains("S088 (县人力资源和社会保障局, 窗口 W05)"), "in March S088 was at W05");
    // a window item: the window of that name
    assert_eq!(at(&lines, "records.csv!B4"), "对象编号: 应填编号, 不是名称: 王芳 是 W02? 请填写“W02”或从下拉列表选择“W02 王芳”");
    // no item to tell: all three
    let all = at(&lines, "records.csv!B5");
    assert!(all.starts_with("对象编号: 名单中有 3 个窗口或人员名为“王芳”: W02 (窗口, 县市场监督管理局)、S012 ("), "{all}");
    assert!(all.contains("、S088 (") && all.ends_with("; 请填写其中一个的编号"), "{all}");
    assert!(at(&lines, "records.csv!A5").contains("必填"));
    assert_eq!(lines.len(), 5, "{lines:#?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A workbook with several bad rows, of the importer's checks and of the core's, one row with
/// three bad cells (one an Excel error value): every one is reported with its cell, in sheet
/// order, and nothing is written.
#[test]
fn every_bad_row_is_reported_at_once() {
    let dir = scratch("suggest-all-rows");
    let roster = roster_file(&dir);
    let header = ["记录编号", "考评项目", "对象编号", "日期", "分值"];
    let rows: [[&str; 5]; 9] = [
        ["", "S1.1", "S001", "2026-10-09", ""],      // 2: fine
        ["", "S1.l", "S001", "2026-10-09", ""],      // 3: B3 a slip
        ["", "S1.1", "杨健", "2026-10-10", ""],      // 4: C4 a name
        ["", "S1.1", "王芳", "2026-10-11", ""],      // 5: C5 a shared name
        ["", "#N/A", "杨健", "2026-13-01", ""],      // 6: B6 an error value, C6 a name, D6 no date
        ["", "S2.3", "S001", "2026-10-12", ""],      // 7: E7 points missing (the core's)
        ["", "S1.1", "S001", "2025-12-31", ""],      // 8: D8 outside the year (the core's)
        ["K9", "W1.2", "W01", "2026-10-13", ""],     // 9: fine
        ["", "迟到", "S999", "2026-10-14", ""],      // 10: B10 a name for the code, C10 no one
    ];
    let xlsx = dir.join("october.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("记录").unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match *v {
                "" => {}
                "#N/A" => {
                    ws.write_formula(r, c, Formula::new("=NA()").set_result("#N/A")).unwrap();
                }
                v => {
                    ws.write_string(r, c, v).unwrap();
                }
            }
        }
    }
    book.save(&xlsx).unwrap();
    let out = dir.join("out.json");
    std::fs::write(&out, "previous contents").unwrap();
    let res = run(&["import", s(&xlsx), "--roster", s(&roster), "-o", s(&out)]);
    assert_eq!(res.status.code(), Some(1));
    let stderr = String::from_utf8(res.stderr).unwrap();
    let lines = problem_lines(&stderr);
    let cells: Vec<&str> = lines.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        cells,
        ["记录!B3", "记录!C4", "记录!C5", "记录!B6", "记录!C6", "记录!D6", "记录!E7", "记录!D8", "记录!B10", "记录!C10"],
        "every bad cell, in sheet order:\n{stderr}"
    );
    assert!(at(&lines, "记录!B3").ends_with("是 S1.1 (迟到、早退、擅自离岗、窗口空岗)?"));
    assert!(at(&lines, "记录!C4").contains("杨健 是 S037?"));
    assert!(at(&lines, "记录!C5").contains("S012 (") && at(&lines, "记录!C5").contains("S088 ("));
    assert_eq!(at(&lines, "记录!B6"), "考评项目: 单元格为错误值 #N/A");
    assert!(at(&lines, "记录!C6").contains("杨健 是 S037?"));
    assert!(at(&lines, "记录!D6").contains("2026-13-01"));
    assert!(at(&lines, "记录!E7").starts_with("分值: "));
    assert!(at(&lines, "记录!D8").starts_with("日期: "));
    assert!(at(&lines, "记录!B10").ends_with("是 S1.1 (迟到、早退、擅自离岗、窗口空岗)?"));
    assert!(at(&lines, "记录!C10").contains("S999"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous contents", "nothing is written");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The dataset is written to a temporary file beside the output and renamed over it: a write
/// cut short, by a crash or by an error, leaves the old file as it was. The cut is the file size
/// limit (`ulimit -f`): past it, the process is killed by SIGXFSZ, as by a crash mid-write, or,
/// with the signal ignored, its write fails.
#[cfg(unix)]
#[test]
fn a_write_cut_short_leaves_the_old_dataset() {
    let dir = scratch("atomic-write");
    let roster = roster_file(&dir);
    let csv = dir.join("records.csv");
    std::fs::write(&csv, "考评项目,对象编号,日期\nS1.1,S037,2026-10-09\n").unwrap();
    // what a whole write gives
    let whole = dir.join("whole.json");
    expect(&["import", s(&csv), "--roster", s(&roster), "-o", s(&whole)], 0);
    let whole = std::fs::read(&whole).unwrap();
    let limit = 16 * 1024; // ulimit -f counts 512-byte blocks: 32
    assert!(whole.len() > 4 * limit, "the dataset is larger than the limit ({} bytes)", whole.len());
    let old = std::fs::read(&roster).unwrap();
    let files = |dir: &Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    };
    let before = files(&dir);
    let cut = |script: &str| {
        std::process::Command::new("sh")
            .current_dir(&dir)
            .arg("-c")
            .arg(format!("ulimit -c 0; ulimit -f 32; {script} exec \"$0\" \"$@\""))
            .arg(BIN)
            .args(["import", s(&csv), "--roster", s(&roster), "-o", s(&roster)])
            .output()
            .unwrap()
    };

    // killed mid-write: the old file is whole; what was written is in another file of the same
    // directory, a beginning of the dataset
    let res = cut("");
    assert!(!res.status.success(), "the write was cut: {res:?}");
    assert_eq!(std::fs::read(&roster).unwrap(), old, "a crash mid-write leaves the old file");
    let new: Vec<String> = files(&dir).into_iter().filter(|f| !before.contains(f)).collect();
    assert_eq!(new.len(), 1, "one temporary file beside the output: {new:?}");
    let partial = std::fs::read(dir.join(&new[0])).unwrap();
    assert!(partial.len() < whole.len() && whole.starts_with(&partial), "the temporary file holds the first {} bytes", partial.len());
    std::fs::remove_file(dir.join(&new[0])).unwrap();

    // the write fails: an error, the old file, and no temporary file left
    let res = cut("trap '' XFSZ;");
    assert_eq!(res.status.code(), Some(1), "{}", String::from_utf8_lossy(&res.stderr));
    assert!(!res.stderr.is_empty());
    assert_eq!(std::fs::read(&roster).unwrap(), old, "a failed write leaves the old file");
    assert_eq!(files(&dir), before, "no temporary file is left");

    // and without a limit the same command replaces it whole
    expect(&["import", s(&csv), "--roster", s(&roster), "-o", s(&roster)], 0);
    assert_eq!(std::fs::read(&roster).unwrap(), whole);
    assert_eq!(files(&dir), before);
    let _ = std::fs::remove_dir_all(&dir);
}
