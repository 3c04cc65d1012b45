//! `kaoping report` in the run's language: its sheet names, titles, column headings, labels and
//! notes come from the catalogue (`report-…`), English with `--lang en`, Chinese by default. (The
//! policy's own names — categories, rule items, grades, awards, the policy's name — and the
//! dataset's hall, departments, windows and staff stay as the policy and dataset write them.)

mod common;

use common::*;
use kaoping_core::messages::Lang;

/// Chinese characters, CJK punctuation and full-width forms.
fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF))
}

fn stdout(args: &[&str]) -> String {
    String::from_utf8(expect(args, 0).stdout).expect("utf-8 output")
}

/// Every text of the built-in policy and of the sample dataset (names, articles, notes), longest
/// first: what is left of a report once these are taken out is the report's own words and the
/// core's (both in the run's language).
fn names() -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) if has_cjk(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::from_str(kaoping_core::engine::BUILTIN_POLICY_JSON).unwrap(), &mut out);
    walk(&serde_json::from_str(&std::fs::read_to_string(sample()).unwrap()).unwrap(), &mut out);
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out.dedup();
    out
}

/// The report's text without the policy's and the dataset's names.
fn own_words(text: &str, names: &[String]) -> String {
    names.iter().fold(text.to_string(), |t, n| t.replace(n.as_str(), ""))
}

/// Asserts no line of `out` has Chinese once the policy's and dataset's names are out.
fn assert_english(out: &str, names: &[String], what: &str) {
    for line in out.lines() {
        let rest = own_words(line, names);
        assert!(!has_cjk(&rest), "{what}: Chinese in the report's own words: {rest:?}\n(line: {line})");
    }
}

/// A CSV sheet's first line (the headings), without the BOM.
fn first_line(csv: &str) -> &str {
    csv.trim_start_matches('\u{feff}').lines().next().unwrap_or_default()
}

#[test]
fn csv_sheets_in_english() {
    let sample = sample();
    let names = names();
    let csv = |period: &str, sheet: &str| stdout(&["report", s(&sample), "--period", period, "--format", "csv", "--sheet", sheet, "--lang", "en"]);

    let summary = csv("2026-10", "summary");
    let lines: Vec<&str> = summary.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[..3], ["Item,Value", "Hall,XX县政务服务大厅", "Period,10/2026"], "{summary}");
    assert!(lines.iter().any(|l| l.starts_with("Policy,") && l.ends_with(" (version 2026.1)")), "{summary}");
    for l in ["Windows evaluated,29", "Staff evaluated,117", "Records,114", "Grades", "Grade,Windows,Staff", "Against the previous month", "Measure,This period,Previous month (9/2026),Change", "Top 5 windows", "Bottom 5 staff", "Rank,ID,Name,Department,Score,Grade", "Deductions by category", "Category,Applies to,Deductions"] {
        assert!(lines.contains(&l), "{l:?} not in the summary:\n{summary}");
    }
    assert!(lines.iter().any(|l| l.starts_with("Total,29,117")), "{summary}");
    assert!(lines.iter().any(|l| l.starts_with("Rule items with the largest deductions (top 10)")), "{summary}");
    // a month of a policy whose awards are quarterly and annual: why there is no list
    assert!(summary.contains("awarded quarterly, yearly, not in this period"), "{summary}");
    assert_english(&summary, &names, "summary");

    let windows = csv("2026-Q3", "window-scores");
    assert_eq!(
        first_line(&windows),
        "Rank,Dept. rank,ID,Name,Department,Month 7,Month 8,Month 9,Months evaluated,Deductions,Bonus,Complaints,Score,Grade,Award eligibility,Notes"
    );
    assert_english(&windows, &names, "window-scores");

    let deductions = csv("2026-10", "deductions");
    assert_eq!(
        first_line(&deductions),
        "Month,Type,ID,Name,Department,Category,Rule,Rule name,Article,Record,Date,Occurrences,Due,Deducted,Why not in full,Notes"
    );
    assert!(deductions.lines().skip(1).any(|l| l.starts_with("2026-10,window,W")) && deductions.lines().any(|l| l.starts_with("2026-10,staff,S")), "{deductions}");
    assert_english(&deductions, &names, "deductions");

    let records = csv("2026-10", "records");
    assert_eq!(
        first_line(&records),
        "Record,Date,Rule,Rule name,Subject,Subject name,Department,Status,Result,Occurrences,Counted,Points,Why not counted,Linked charges,Notes"
    );
    assert!(records.contains(",confirmed,counted,"), "{records}");
    assert_english(&records, &names, "records");

    let departments = csv("2026-Q3", "departments");
    assert_eq!(
        first_line(&departments),
        "Dept. ID,Department,Service indicator,Type,ID,Name,Score,Grade,Hall rank,Dept. rank,Deductions,Bonus,Complaints,Award eligibility"
    );
    assert!(departments.contains(",window,W") && departments.contains(",staff,S"), "{departments}");
    assert!(departments.contains(",disqualified: "), "{departments}");
    assert_english(&departments, &names, "departments");

    let awards = csv("2026-Q3", "awards");
    assert_eq!(first_line(&awards), "Award,Quota,Taking part,Rank,ID,Name,Department,Score,Result,Notes,Quota computed");
    assert!(awards.contains(",awarded,rank 1 within the quota of 3,"), "{awards}");
    assert_english(&awards, &names, "awards");

    let rankings = csv("2026", "rankings");
    assert_eq!(first_line(&rankings), "Type,Hall rank,Dept. rank,ID,Name,Department,Score,Grade,Award eligibility");
    assert!(rankings.lines().any(|l| l.ends_with(",disqualified")), "{rankings}");
    assert_english(&rankings, &names, "rankings");

    // a month has no award lists: the awards sheet says why, in English
    let awards = csv("2026-10", "awards");
    assert!(awards.contains("(no awards this period: "), "{awards}");
    assert_english(&awards, &names, "awards of a month");
}

#[test]
fn the_markdown_report_in_english() {
    let sample = sample();
    let names = names();
    for (period, label) in [("2026-10", "10/2026"), ("2026-Q3", "Q3 2026"), ("2026", "2026")] {
        let md = stdout(&["report", s(&sample), "--period", period, "--format", "md", "--lang", "en"]);
        let first = md.lines().next().unwrap();
        assert_eq!(first, format!("# XX县政务服务大厅 {label} evaluation report"), "{period}");
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
        for h in [
            format!("## XX县政务服务大厅 {label} evaluation summary"),
            format!("## XX县政务服务大厅 {label} window scores"),
            format!("## XX县政务服务大厅 {label} window staff scores"),
            format!("## XX县政务服务大厅 {label} deductions in detail"),
            format!("## XX县政务服务大厅 {label} bonuses in detail"),
            format!("## XX县政务服务大厅 {label} feedback to the departments"),
            format!("## XX县政务服务大厅 {label} rankings"),
            format!("## XX县政务服务大厅 {label} award lists"),
            format!("## XX县政务服务大厅 {label} records check"),
            "### Grades".to_string(),
            "### Deductions by category".to_string(),
        ] {
            assert!(headings.contains(&h.as_str()), "{h:?} not among the headings of {period}: {headings:?}");
        }
        assert!(md.contains("\n| Item | Value |\n"), "{period}");
        if period != "2026-10" {
            assert!(headings.contains(&"### Mean scores by month"), "{period}: {headings:?}");
        }
        assert_english(&md, &names, period);
        for zh in ["考评", "名次", "得分", "等次", "合计", "季度", "年度", "说明"] {
            assert!(!own_words(&md, &names).contains(zh), "{zh:?} in the English report of {period}");
        }
    }
}

#[test]
fn the_json_report_in_english() {
    let sample = sample();
    let names = names();
    let json = stdout(&["report", s(&sample), "--period", "2026-Q3", "--format", "json", "--sheet", "rankings", "--lang", "en"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let sheet = &v["sheets"][0];
    assert_eq!(sheet["sheet"], "Rankings", "{json}");
    assert_eq!(sheet["columns"][0], "Type");
    assert_english(&json, &names, "json");
}

#[test]
fn sheets_by_id_or_by_name_in_either_language() {
    let sample = sample();
    let by = |name: &str, lang: &str| stdout(&["report", s(&sample), "--period", "2026-10", "--format", "csv", "--sheet", name, "--lang", lang]);
    let summary = by("summary", "en");
    assert_eq!(by("Summary", "en"), summary);
    assert_eq!(by("概况", "en"), summary);
    assert_eq!(first_line(&by("Summary", "zh-CN")), "项目,内容");
    // an unknown sheet: the ids with their names in the run's language
    let out = expect(&["report", s(&sample), "--period", "2026-10", "--format", "csv", "--sheet", "nope", "--lang", "en"], 2);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("summary (Summary), window-scores (Window scores), "), "{err}");
    assert!(!has_cjk(&err), "{err}");
    let out = expect(&["report", s(&sample), "--period", "2026-10", "--format", "csv", "--sheet", "nope"], 2);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("summary (概况), window-scores (窗口得分), "), "{err}");

    use kaoping_cli::report::{SHEETS, find_sheet, sheet_name};
    for slug in SHEETS {
        assert!(has_cjk(&sheet_name(slug, Lang::ZhCn)), "{slug}");
        assert!(!has_cjk(&sheet_name(slug, Lang::En)), "{slug}");
        for l in Lang::ALL {
            assert_eq!(find_sheet(&sheet_name(slug, l)), Some(*slug));
        }
    }
    assert_eq!(sheet_name("records", Lang::ZhCn), "记录核对");
    assert_eq!(sheet_name("records", Lang::En), "Records");
}

#[test]
fn the_report_is_chinese_by_default() {
    let sample = sample();
    let csv = |period: &str, sheet: &str| stdout(&["report", s(&sample), "--period", period, "--format", "csv", "--sheet", sheet]);
    let summary = csv("2026-10", "summary");
    let lines: Vec<&str> = summary.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[..3], ["项目,内容", "大厅,XX县政务服务大厅", "考评期间,2026年10月"], "{summary}");
    for l in ["参评窗口(个),29", "等次分布", "等次,窗口(个),人员(名)", "与上月比较", "指标,本期,上月(2026年9月),增减", "窗口得分前5名"] {
        assert!(lines.contains(&l), "{l:?} not in the summary:\n{summary}");
    }
    assert!(summary.contains("示范窗口、政务之星按季度、年度评选, 本期不评选"), "{summary}");
    assert_eq!(
        first_line(&csv("2026-Q3", "window-scores")),
        "名次,部门内名次,编号,名称,部门,7月,8月,9月,参评月数,扣分,加分,投诉次数,得分,等次,评先资格,说明"
    );
    assert_eq!(
        first_line(&csv("2026-10", "records")),
        "记录编号,日期,项目,项目名称,对象,对象名称,部门,状态,结果,次数,计分次数,分值,未计分原因,关联计分,说明"
    );
    assert!(csv("2026-10", "awards").contains("(本期无评先项目: "));
    let md = stdout(&["report", s(&sample), "--period", "2026-Q3", "--format", "md"]);
    assert!(md.starts_with("# XX县政务服务大厅 2026年第3季度 考评报告\n\n## XX县政务服务大厅 2026年第3季度 考评概况\n"), "{md}");
    assert!(md.contains("\n### 与上季度比较\n") && md.contains("\n### 各月平均得分\n"), "{md}");
    assert!(md.contains("\n| 考评月份 | 7月、8月、9月 |\n"), "{md}");
}

/// The words the workbook writer adds itself — the printed page's footer, the brief's first
/// block — and the department workbooks' file names, in the run's language.
#[test]
fn the_workbooks_own_words_and_file_names_in_either_language() {
    let sample = sample();
    for (lang, footer, facts, file) in [
        // Excel's footer codes: &C centre, &P the page, &N the number of pages; `&` is `&amp;` in the XML
        ("zh-CN", "<oddFooter>&amp;C第 &amp;P 页 / 共 &amp;N 页</oddFooter>", "<t>基本情况</t>", "考评-2026-10-县市场监督管理局.xlsx"),
        ("en", "<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>", "<t>Key facts</t>", "evaluation-2026-10-县市场监督管理局.xlsx"),
    ] {
        let dir = scratch(&format!("workbook-words-{lang}"));
        let xlsx = dir.join("2026-10.xlsx");
        let books = dir.join("departments");
        expect(&["report", s(&sample), "--period", "2026-10", "--lang", lang, "-o", s(&xlsx), "--by-department", s(&books)], 0);
        // the brief (sheet 1) and a table (sheet 2) print with the footer
        for part in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            assert!(xlsx_part(&xlsx, part).contains(footer), "{lang} {part}: no {footer:?}");
        }
        assert!(xlsx_part(&xlsx, "xl/sharedStrings.xml").contains(facts), "{lang}: the brief's first block is not {facts:?}");
        // the sample's departments include 县市场监督管理局 (examples/data/county-2026.json)
        assert!(books.join(file).is_file(), "{lang}: no {file} in {}", books.display());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
