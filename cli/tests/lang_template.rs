//! `kaoping template --lang en`: the input template in English (sheet names, headings, drop-down
//! values, instructions, points and what to fill in, from the catalogue's `template-…`), and the
//! importer reads it as it reads the Chinese one: the same rows filled in either template import
//! as the same records.

mod common;

use common::*;
use kaoping_core::Dataset;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::collections::BTreeMap;
use std::path::Path;

/// Chinese characters, CJK punctuation and full-width forms.
fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF))
}

/// The records sheet's fields, in its column order (kaoping_import::COLUMNS).
const FIELDS: [&str; 14] = ["id", "rule", "subject", "date", "count", "minutes", "points", "units", "level", "key", "aggravated", "status", "evidence", "note"];

enum V {
    Text(String),
    Num(f64),
    Date(u16, u8, u8),
}

/// The template of `lang` for the sample's roster: its sheet names, the rule drop-down's labels
/// by code, and the subject drop-down's labels.
fn template(dir: &Path, lang: &str) -> (std::path::PathBuf, Vec<String>, BTreeMap<String, String>, Vec<String>) {
    let path = dir.join(format!("template-{lang}.xlsx"));
    expect(&["template", s(&path), "--roster", s(&sample()), "--lang", lang], 0);
    let names = sheet_names(&path);
    let rules = read_sheet(&path, &names[1]);
    let labels = rules[1..].iter().map(|r| (text(&r[1]), text(&r[0]))).collect();
    let lists = names.last().unwrap().clone();
    let subjects = read_sheet(&path, &lists)[1..].iter().map(|r| text(&r[0])).collect();
    (path, names, labels, subjects)
}

/// A workbook as a clerk fills the template in: the template's records sheet's name and
/// headings, then `rows` (field → value) under them.
fn fill(template: &Path, sheet: &str, rows: &[Vec<(&str, V)>], out: &Path) {
    let header: Vec<String> = read_sheet(template, sheet)[0].iter().map(text).collect();
    assert_eq!(header.len(), FIELDS.len(), "{header:?}");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (field, v) in row {
            let (r, c) = (r as u32 + 1, FIELDS.iter().position(|f| f == field).unwrap() as u16);
            match v {
                V::Text(s) => ws.write_string(r, c, s).map(|_| ()).unwrap(),
                V::Num(n) => ws.write_number(r, c, *n).map(|_| ()).unwrap(),
                V::Date(y, m, d) => ws.write_datetime_with_format(r, c, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date).map(|_| ()).unwrap(),
            }
        }
    }
    book.save(out).unwrap();
}

#[test]
fn the_template_in_english() {
    let dir = scratch("template-en");
    let (path, names, labels, _) = template(&dir, "en");
    assert_eq!(names, ["Records", "Rule items", "Windows", "Staff", "How to fill in", "Lists"]);
    let header: Vec<String> = read_sheet(&path, "Records")[0].iter().map(text).collect();
    assert_eq!(header[..4], ["Record ID", "Rule item", "Subject ID", "Date"]);
    let rules = read_sheet(&path, "Rule items");
    let row = |code: &str| rules.iter().find(|r| text(&r[1]) == code).unwrap().iter().map(text).collect::<Vec<_>>();
    assert_eq!(
        rules[0].iter().map(text).collect::<Vec<_>>(),
        ["Drop-down option", "Code", "Subject", "Category", "Rule item", "Points", "Caps", "To fill in", "Article"]
    );
    // county.json: S1.1 "late, leaving early, leaving the post, empty window", in S1 attendance;
    // −1 each time, over 30 minutes −2 (minute_tiers), aggravated −2; it needs the minutes
    assert_eq!(
        row("S1.1")[..8],
        [
            "S1.1 late, leaving early, leaving the post, empty window",
            "S1.1",
            "window staff",
            "S1 attendance",
            "late, leaving early, leaving the post, empty window",
            "deduct 1 each time; over 30 minutes: deduct 2; aggravated: deduct 2",
            "",
            "fill in the minutes; when aggravated, \"Aggravated\" is \"yes\"",
        ]
    );
    // S2.3 is scored by severity, 3 to 5 (rules.md: −3 to −5 each)
    assert_eq!(row("S2.3")[5], "deduct 3–5 (by severity)");
    // W2 is computed from the staff's S1 (derived): not filled in
    assert!(labels["W2"].ends_with(" [computed: do not fill in]"), "{}", labels["W2"]);
    // the drop-downs offer the English words the importer reads
    let xml = xlsx_part(&path, "xl/worksheets/sheet1.xml");
    for list in ["\"county,city,province,national\"", "\"yes,no\"", "\"confirmed,pending,revoked\"", "'Rule items'!$A$2", "'Lists'!$A$2"] {
        assert!(xml.contains(list), "no {list} in the records sheet's validations");
    }
    // the template's own words are English: in the records sheet's headings and the
    // instructions, only the policy's name (in the title) is Chinese
    let roster = Dataset::from_json(&std::fs::read_to_string(sample()).unwrap()).unwrap();
    let policy_name = kaoping_core::Policy::builtin().doc().name.clone();
    for sheet in ["Records", "How to fill in"] {
        for cell in read_sheet(&path, sheet).iter().flatten() {
            let t = text(cell).replace(&policy_name, "");
            assert!(!has_cjk(&t), "{sheet}: {t:?}");
        }
    }
    assert!(read_sheet(&path, "How to fill in")[2].iter().any(|c| text(c).starts_with("1. In the \"Records\" sheet")));
    assert_eq!(read_sheet(&path, "Windows").len() - 1, roster.windows.len());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_english_template_filled_in_imports_as_the_chinese_one() {
    let dir = scratch("template-both");
    let mut imported = Vec::new();
    for (lang, city, pending, yes) in [("zh-CN", "市级", "待核实", "是"), ("en", "city", "pending", "yes")] {
        let (path, names, labels, subjects) = template(&dir, lang);
        let who = |id: &str| V::Text(subjects.iter().find(|s| s.split(' ').next() == Some(id)).unwrap().clone());
        let rule = |code: &str| V::Text(labels[code].clone());
        let t = |s: &str| V::Text(s.to_string());
        // the same records, each field in the words of the template's drop-downs
        let rows = vec![
            vec![("rule", rule("S1.1")), ("subject", who("S001")), ("date", V::Date(2026, 10, 9)), ("minutes", V::Num(45.0)), ("note", t("45 min"))],
            vec![("id", t("T002")), ("rule", rule("S2.3")), ("subject", who("S002")), ("date", V::Date(2026, 10, 12)), ("points", V::Num(4.0))],
            vec![("rule", rule("S5.3")), ("subject", who("S001")), ("date", V::Date(2026, 10, 20)), ("level", t(city))],
            vec![("rule", rule("SB.1")), ("subject", who("S002")), ("date", V::Date(2026, 10, 21)), ("count", V::Num(2.0))],
            vec![("rule", rule("S3.2")), ("subject", who("S003")), ("date", V::Date(2026, 10, 22)), ("aggravated", t(yes))],
            vec![("rule", rule("S2.1")), ("subject", who("S001")), ("date", V::Date(2026, 10, 23)), ("status", t(pending))],
            vec![("rule", rule("W1.2")), ("subject", who("W01")), ("date", V::Date(2026, 10, 30)), ("evidence", t("20261030-01"))],
        ];
        let filled = dir.join(format!("filled-{lang}.xlsx"));
        fill(&path, &names[0], &rows, &filled);
        let out = dir.join(format!("dataset-{lang}.json"));
        expect(&["import", s(&filled), "--roster", s(&sample()), "-o", s(&out), "--replace"], 0);
        let ds = Dataset::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
        assert_eq!(ds.records.len(), 7, "{lang}");
        imported.push(ds.records);
    }
    assert_eq!(imported[0], imported[1], "the English template imports as the Chinese one");
    let r = imported[1].to_vec();
    // spot checks by hand: the level, status and aggravation read from the English words
    assert_eq!(r[2].level, Some(kaoping_core::dataset::Level::City));
    assert!(r[4].aggravated);
    assert_eq!(r[5].status, kaoping_core::dataset::Status::Pending);
    assert_eq!((r[0].rule.as_str(), r[0].minutes), ("S1.1", Some(45)));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_import_says_its_problems_in_the_runs_language() {
    let dir = scratch("template-problems");
    let (path, names, labels, subjects) = template(&dir, "en");
    let who = subjects.iter().find(|s| s.starts_with("S001 ")).unwrap().clone();
    let rows = vec![
        // row 2: a level no template offers; row 3: no date
        vec![("rule", V::Text(labels["S5.3"].clone())), ("subject", V::Text(who.clone())), ("date", V::Date(2026, 10, 20)), ("level", V::Text("village".into()))],
        vec![("rule", V::Text(labels["S1.1"].clone())), ("subject", V::Text(who.clone()))],
        // row 4: a wrong code with the English name's start: the item of that name is offered
        vec![("rule", V::Text("S9.9 late".into())), ("subject", V::Text(who)), ("date", V::Date(2026, 10, 21))],
    ];
    let filled = dir.join("filled.xlsx");
    fill(&path, &names[0], &rows, &filled);
    let out = dir.join("out.json");
    for (lang, level, date) in [
        ("en", "Records!I2: Level: it should be county, city, province or national; it is \"village\"", "Records!D3: Date: required: a date, like 2026-10-09"),
        ("zh-CN", "Records!I2: 级别: 应为 县级、市级、省级 或 国家级; 实为“village”", "Records!D3: 日期: 必填: 应为日期, 如 2026-10-09"),
    ] {
        let res = run(&["import", s(&filled), "--roster", s(&sample()), "-o", s(&out), "--lang", lang]);
        assert_eq!(res.status.code(), Some(1), "{lang}");
        let said = String::from_utf8_lossy(&res.stderr);
        assert!(said.contains(level) && said.contains(date), "{lang}: {said}");
        // county.json: S1.1 is "late, leaving early, leaving the post, empty window" (迟到、早退、擅自离岗、窗口空岗)
        let rule = match lang {
            "en" => "Records!B4: Rule item: no rule item \"S9.9 late\"; S1.1 (late, leaving early, leaving the post, empty window)?",
            _ => "Records!B4: 考评项目: 没有考评项目“S9.9 late”; 是 S1.1 (迟到、早退、擅自离岗、窗口空岗)?",
        };
        assert!(said.contains(rule), "{lang}: {said}");
        assert!(!out.exists(), "nothing written");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
