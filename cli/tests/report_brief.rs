//! Issue 21, the report as a brief: the zh-CN workbook's every visible text is Chinese; the
//! charts are there and read the right ranges; the per-department workbooks add up to the
//! hall's; and the numbers of the first sheet (概况) are the core's. Every expectation is taken
//! from the core's results (or the policy and dataset) here, never from the report.

mod common;

use calamine::{Data, DataType};
use common::*;
use kaoping_core::messages::Lang;
use kaoping_core::period::{AwardStatus, PeriodResult};
use kaoping_core::policy::SubjectKind;
use kaoping_core::{Dataset, MonthResult, Period, Policy};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn policy() -> Policy {
    Policy::builtin().with_lang(Lang::ZhCn)
}

fn dataset() -> Dataset {
    Dataset::from_json(&std::fs::read_to_string(sample()).unwrap()).unwrap()
}

/// The months behind a period, from the core.
fn months(policy: &Policy, ds: &Dataset, period: Period) -> Vec<MonthResult> {
    policy.evaluate_year(ds).unwrap().months.into_iter().filter(|m| period.contains(m.month)).collect()
}

fn report(dir: &Path, period: &str) -> PathBuf {
    let xlsx = dir.join(format!("{period}.xlsx"));
    expect(&["report", s(&sample()), "--period", period, "-o", s(&xlsx)], 0);
    xlsx
}

// ---------------------------------------------------------------------------------- (a)

/// The ASCII words of a text: runs of ASCII letters, digits, `.`, `-` and `_` that hold a
/// letter (`S1.1`, `R20261009-2`, `2026-Q3`, `30min`, `more`), trailing `.` and `-` left off.
/// Runs without a letter are numbers and dates (`2026-10-09`, `0.1`), not words.
fn ascii_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .map(|t| t.trim_end_matches(['.', '-']))
        .filter(|t| t.chars().any(|c| c.is_ascii_alphabetic()))
        .map(String::from)
        .collect()
}

/// What may be ASCII in a Chinese workbook, and why:
/// - ids and codes: the dataset's hall, department, window, staff and record ids, and the
///   policy's rule and category codes (`W01`, `S037`, `R01191`, `S1.1`, `SB`): they are what
///   the centre writes on its records;
/// - the measure's reading codes (`C1`–`C11`, `E1`–`E12`, `P1`–`P12` of docs/measure/rules.md),
///   which the core's texts cite as the measure's articles are cited;
/// - the ASCII in the names the dataset and policy give (the sample hall is `XX县…`): data, not
///   labels.
///
/// Numbers and dates are not words (they start with a digit).
fn allowed(ds: &Dataset, policy: &Policy) -> BTreeSet<String> {
    let mut ok: BTreeSet<String> = BTreeSet::new();
    ok.insert(ds.hall.id.clone());
    ok.extend(ds.departments.iter().map(|d| d.id.clone()));
    ok.extend(ds.windows.iter().map(|w| w.id.clone()));
    ok.extend(ds.staff.iter().map(|s| s.id.clone()));
    ok.extend(ds.records.iter().map(|r| r.id().to_string()));
    let doc = policy.doc();
    ok.extend(doc.rules.iter().map(|r| r.code.clone()));
    ok.extend(doc.staff.categories.iter().chain(doc.window.categories.iter()).map(|c| c.code.clone()));
    for p in ["C", "E", "P"] {
        ok.extend((1..=12).map(|n| format!("{p}{n}")));
    }
    let names = std::iter::once(ds.hall.name.as_str())
        .chain(ds.departments.iter().map(|d| d.name.as_str()))
        .chain(ds.windows.iter().map(|w| w.name.as_str()))
        .chain(ds.staff.iter().map(|s| s.name.as_str()))
        .chain(std::iter::once(doc.name.as_str()));
    for n in names {
        ok.extend(ascii_words(n));
    }
    ok
}


/// Every ASCII word of every text cell of every sheet that is not allowed, as `sheet!A1: word`.
fn english_in(xlsx: &Path, ok: &BTreeSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    for name in sheet_names(xlsx) {
        if ascii_words(&name).iter().any(|w| !ok.contains(w)) || !name.chars().any(|c| c as u32 >= 0x4e00) {
            found.push(format!("sheet name {name:?}"));
        }
        for (r, row) in read_sheet(xlsx, &name).iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let Data::String(text) = cell else { continue };
                for w in ascii_words(text) {
                    if !ok.contains(&w) {
                        found.push(format!("{name}!R{}C{}: {w:?} in {text:?}", r + 1, c + 1));
                    }
                }
            }
        }
    }
    // the charts' own texts (titles, axis names)
    for part in zip_parts(xlsx).into_iter().filter(|p| p.starts_with("xl/charts/chart")) {
        let xml = xlsx_part(xlsx, &part);
        for t in between(&xml, "<a:t>", "</a:t>") {
            for w in ascii_words(&t) {
                if !ok.contains(&w) {
                    found.push(format!("{part}: {w:?} in {t:?}"));
                }
            }
        }
    }
    found
}

fn zip_parts(path: &Path) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len()).map(|i| zip.by_index(i).unwrap().name().unwrap().to_string()).collect()
}

fn between(text: &str, open: &str, close: &str) -> Vec<String> {
    text.split(open).skip(1).filter_map(|p| p.split_once(close).map(|(a, _)| a.to_string())).collect()
}

#[test]
fn every_visible_text_of_the_chinese_workbooks_is_chinese() {
    let dir = scratch("brief-chinese");
    let (policy, ds) = (policy(), dataset());
    let ok = allowed(&ds, &policy);
    // the words are found, and allowed ones pass: the scan itself
    assert_eq!(ascii_words("S1.1 迟到, R20261009-2 见 W6.1; 2026-10-09 0.1 2026-Q3 30min more than."), ["S1.1", "R20261009-2", "W6.1", "2026-Q3", "30min", "more", "than"]);
    let mut books = vec![report(&dir, "2026-10"), report(&dir, "2026-Q3"), report(&dir, "2026")];
    let by_dept = dir.join("departments");
    expect(&["report", s(&sample()), "--period", "2026-Q3", "--by-department", s(&by_dept)], 0);
    books.extend(std::fs::read_dir(&by_dept).unwrap().map(|e| e.unwrap().path()));
    for xlsx in &books {
        let english = english_in(xlsx, &ok);
        assert!(english.is_empty(), "{}: English in the Chinese workbook:\n{}", xlsx.display(), english.join("\n"));
    }
    // the scan finds English where there is some: with --lang en the core's texts (details,
    // reasons, award standings) and the report's own labels (sheet names, titles, headings) are
    // English (cli/tests/lang_report.rs checks the words)
    let en = dir.join("en.xlsx");
    expect(&["report", s(&sample()), "--period", "2026-Q3", "-o", s(&en), "--lang", "en"], 0);
    let english = english_in(&en, &ok);
    assert!(english.len() > 100, "{english:?}");
    assert_eq!(english.iter().filter(|e| e.starts_with("sheet name")).count(), 9, "sheet names are in the run's language: {english:?}");
    let headers: Vec<String> = read_sheet(&en, "Deductions")[0].iter().map(text).collect();
    assert_eq!(headers[..4], ["Month", "Type", "ID", "Name"], "{headers:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------- (b)

/// A chart's `<c:f>` ranges as (sheet, first column, first row, last row), 0-based.
fn chart_ranges(xml: &str) -> Vec<(String, usize, usize, usize)> {
    between(xml, "<c:f>", "</c:f>")
        .into_iter()
        .map(|f| {
            let (sheet, cells) = f.rsplit_once('!').unwrap();
            let sheet = sheet.trim_matches('\'').to_string();
            let (a, b) = cells.split_once(':').unwrap_or((cells, cells));
            let cell = |x: &str| {
                let x = x.replace('$', "");
                let letters: String = x.chars().take_while(char::is_ascii_alphabetic).collect();
                let row: usize = x[letters.len()..].parse().unwrap();
                let col = letters.chars().fold(0usize, |n, c| n * 26 + (c as usize - 'A' as usize + 1)) - 1;
                (col, row - 1)
            };
            let ((col, r1), (col2, r2)) = (cell(a), cell(b));
            assert_eq!(col, col2, "a one-column range: {f}");
            (sheet, col, r1, r2)
        })
        .collect()
}

/// The cells of a column range of a sheet (the sheets of a report start at A1).
fn cells(xlsx: &Path, sheet: &str, col: usize, r1: usize, r2: usize) -> Vec<Data> {
    let rows = read_sheet(xlsx, sheet);
    (r1..=r2).map(|r| rows[r][col].clone()).collect()
}

#[test]
fn the_brief_has_native_charts_of_the_right_ranges() {
    let dir = scratch("brief-charts");
    let (policy, ds) = (policy(), dataset());
    for period in ["2026-10", "2026-Q3"] {
        let p: Period = period.parse().unwrap();
        let res = policy.evaluate_period(&ds, p).unwrap();
        let xlsx = report(&dir, period);
        let mut charts: Vec<String> = zip_parts(&xlsx).into_iter().filter(|p| p.starts_with("xl/charts/chart") && p.ends_with(".xml")).collect();
        charts.sort();
        let want = if matches!(p, Period::Month(_)) { 2 } else { 3 };
        assert_eq!(charts.len(), want, "{period}: the ranking, deductions by category{}: {charts:?}", if want == 3 { ", the monthly trend" } else { "" });
        // on the first sheet (概况)
        assert!(xlsx_part(&xlsx, "xl/worksheets/sheet1.xml").contains("<drawing "), "{period}: the charts are drawn on 概况");
        let rels = xlsx_part(&xlsx, "xl/drawings/_rels/drawing1.xml.rels");
        assert_eq!(rels.matches("Target=\"../charts/chart").count(), want, "{rels}");

        // 1. the windows' ranking: names and scores of 窗口得分, every window in rank order
        let xml = xlsx_part(&xlsx, "xl/charts/chart1.xml");
        assert!(xml.contains("<c:barChart>") && xml.contains("<c:barDir val=\"bar\"/>"), "a bar chart");
        let ranges = chart_ranges(&xml);
        let scores = read_sheet(&xlsx, "窗口得分");
        let (name_col, score_col) = (col(&scores, "名称"), col(&scores, "得分"));
        let n = res.windows.len();
        assert_eq!(ranges[0], ("窗口得分".to_string(), score_col, 0, 0), "the series is named by the 得分 header");
        assert_eq!(ranges[1], ("窗口得分".to_string(), name_col, 1, n), "categories: the windows' names");
        assert_eq!(ranges[2], ("窗口得分".to_string(), score_col, 1, n), "values: their scores");
        let names: Vec<String> = cells(&xlsx, "窗口得分", name_col, 1, n).iter().map(text).collect();
        let values: Vec<f64> = cells(&xlsx, "窗口得分", score_col, 1, n).iter().map(number).collect();
        assert_eq!(names, res.windows.iter().map(|w| w.name.to_string()).collect::<Vec<_>>());
        assert_eq!(values, res.windows.iter().map(|w| f(w.score)).collect::<Vec<_>>());

        // 2. deductions by category: the category labels and the core's totals, on 概况
        let xml = xlsx_part(&xlsx, "xl/charts/chart2.xml");
        let ranges = chart_ranges(&xml);
        let (sheet, c, r1, r2) = ranges[1].clone();
        assert_eq!(sheet, "概况");
        let labels: Vec<String> = cells(&xlsx, &sheet, c, r1, r2).iter().map(text).collect();
        let (sheet, c, v1, v2) = ranges[2].clone();
        assert_eq!((sheet.as_str(), v1, v2), ("概况", r1, r2), "values beside the categories");
        let totals: Vec<f64> = cells(&xlsx, &sheet, c, v1, v2).iter().map(number).collect();
        let want = by_category(&policy, &months(&policy, &ds, p));
        assert_eq!(labels, want.iter().map(|(l, _)| l.clone()).collect::<Vec<_>>());
        assert_eq!(totals, want.iter().map(|(_, t)| f(*t)).collect::<Vec<_>>());

        // 3. a quarter's monthly means of windows and staff
        if !matches!(p, Period::Month(_)) {
            let xml = xlsx_part(&xlsx, "xl/charts/chart3.xml");
            assert!(xml.contains("<c:lineChart>"), "a line chart");
            let ranges = chart_ranges(&xml);
            // name, categories, values of the windows; name, categories, values of the staff
            assert_eq!(ranges.len(), 6, "{ranges:?}");
            let (sheet, c, r1, r2) = ranges[1].clone();
            let months_shown: Vec<String> = cells(&xlsx, &sheet, c, r1, r2).iter().map(text).collect();
            assert_eq!(months_shown, ["7月", "8月", "9月"]);
            for (series, list) in [(2, &res.windows), (5, &res.staff)] {
                let (sheet, c, a, b) = ranges[series].clone();
                let got: Vec<f64> = cells(&xlsx, &sheet, c, a, b).iter().map(number).collect();
                let want: Vec<f64> = res.months.iter().map(|m| f(mean(&policy, list.iter().filter_map(|s| s.monthly.iter().find(|t| t.month == *m).map(|t| t.total))))).collect();
                assert_eq!(got, want, "{period}: monthly means, series {series}");
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Σ points taken per deduction category, staff's categories then windows', labelled `S1 工作考勤`.
fn by_category(policy: &Policy, months: &[MonthResult]) -> Vec<(String, Decimal)> {
    let doc = policy.doc();
    let mut out = Vec::new();
    for (kind, sp) in [(SubjectKind::Staff, &doc.staff), (SubjectKind::Window, &doc.window)] {
        for c in sp.categories.iter().filter(|c| !c.bonus) {
            let mut total = Decimal::ZERO;
            for m in months {
                for s in if kind == SubjectKind::Staff { &m.staff } else { &m.windows } {
                    total += s.categories().iter().filter(|x| x.code() == c.code.as_str()).map(|x| x.points()).sum::<Decimal>();
                }
            }
            out.push((format!("{} {}", c.code, c.name_zh), total));
        }
    }
    out
}

/// The policy's mean (the rounding the core takes a department's indicator with).
fn mean(policy: &Policy, scores: impl Iterator<Item = Decimal>) -> Decimal {
    let v: Vec<Decimal> = scores.collect();
    policy.doc().periods.rounding.mean(v.iter().sum(), v.len() as u64)
}

// ---------------------------------------------------------------------------------- (c)

#[test]
fn department_workbooks_add_up_to_the_halls() {
    let dir = scratch("brief-departments");
    let (policy, ds) = (policy(), dataset());
    for period in ["2026-10", "2026-Q3"] {
        let p: Period = period.parse().unwrap();
        let res = policy.evaluate_period(&ds, p).unwrap();
        let hall = dir.join(format!("hall-{period}.xlsx"));
        let out_dir = dir.join(format!("dept-{period}"));
        // both at once: the hall's workbook and the departments'
        let out = expect(&["report", s(&sample()), "--period", period, "-o", s(&hall), "--by-department", s(&out_dir)], 0);
        assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("{} 个部门", res.departments.len())), "{}", String::from_utf8_lossy(&out.stdout));

        // one file per department, named to be mailed as it is; nothing else (no temporary files)
        let mut files: Vec<String> = std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        files.sort();
        let mut want: Vec<String> = res.departments.iter().map(|d| format!("考评-{period}-{}.xlsx", d.name)).collect();
        want.sort();
        assert_eq!(files, want);

        // records, deductions and bonuses: the departments' rows are the hall's, each once
        let month_results = months(&policy, &ds, p);
        for (sheet, key_cols) in [("记录核对", vec!["记录编号"]), ("扣分明细", vec!["月份", "编号", "项目", "记录编号", "实扣"]), ("加分明细", vec!["月份", "编号", "项目", "记录编号", "实加"])] {
            let key = |rows: &[Vec<Data>]| -> Vec<String> {
                let cols: Vec<usize> = key_cols.iter().map(|h| col(rows, h)).collect();
                rows[1..].iter().map(|r| cols.iter().map(|&c| text(&r[c])).collect::<Vec<_>>().join("|")).collect()
            };
            let mut hall_rows = key(&read_sheet(&hall, sheet));
            let mut dept_rows: Vec<String> = files.iter().flat_map(|f| key(&read_sheet(&out_dir.join(f), sheet))).collect();
            hall_rows.sort();
            dept_rows.sort();
            assert_eq!(dept_rows.len(), hall_rows.len(), "{period} {sheet}: the departments' rows add up to the hall's");
            assert_eq!(dept_rows, hall_rows, "{period} {sheet}");
        }
        let record_count: usize = month_results.iter().map(|m| m.records.len()).sum();
        assert_eq!(read_sheet(&hall, "记录核对").len() - 1, record_count);

        for d in &res.departments {
            let book = out_dir.join(format!("考评-{period}-{}.xlsx", d.name));
            // its windows and staff, and only its own, with their ranks in the hall
            for (sheet, entries) in [("窗口得分", &d.windows), ("人员得分", &d.staff)] {
                let rows = read_sheet(&book, sheet);
                let got: Vec<(String, f64, f64)> = rows[1..].iter().map(|r| (text(&r[col(&rows, "编号")]), number(&r[col(&rows, "全厅名次")]), number(&r[col(&rows, "得分")]))).collect();
                let want: Vec<(String, f64, f64)> = entries.iter().map(|e| (e.subject.to_string(), e.rank as f64, f(e.score))).collect();
                assert_eq!(got, want, "{period} {}: {sheet}", d.name);
            }
            // every deduction with its rule item's article and its record's date
            let rows = read_sheet(&book, "扣分明细");
            let mine: BTreeSet<&str> = d.windows.iter().chain(d.staff.iter()).map(|e| e.subject.as_str()).collect();
            for r in &rows[1..] {
                assert!(mine.contains(text(&r[col(&rows, "编号")]).as_str()), "{}: a deduction of another department's {}", d.name, text(&r[col(&rows, "编号")]));
                let rule = text(&r[col(&rows, "项目")]);
                let (item, _) = policy.item(&rule).unwrap();
                assert_eq!(text(&r[col(&rows, "条款")]), item.cite, "{rule}'s article");
                let record = text(&r[col(&rows, "记录编号")]);
                if !record.is_empty() {
                    let date = r[col(&rows, "日期")].as_date().unwrap_or_else(|| panic!("{record}: the date is an Excel date, not {:?}", r[col(&rows, "日期")]));
                    assert_eq!(Some(date), ds.records.iter().find(|x| x.id() == record.as_str()).map(|x| x.date()), "{record}'s date");
                }
            }
            // the department's indicator on its first sheet
            let brief = read_sheet(&book, "概况");
            let indicator = brief.iter().find(|r| text(&r[0]) == "政务服务指标").expect("the indicator's row");
            match d.indicator {
                Some(i) => assert_eq!(number(&indicator[2]), f(i)),
                None => assert!(text(&indicator[2]).contains("无参评窗口")),
            }
        }
    }
    // --by-department writes workbooks only
    let sample = sample();
    for args in [vec!["--format", "csv"], vec!["--format", "md"], vec!["--format", "json", "--sheet", "summary"]] {
        let mut a = vec!["report", s(&sample), "--period", "2026-10", "--by-department", "x"];
        a.extend(args);
        expect(&a, 2);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------- (d)

/// A block's header row (text → column) and data rows.
type Block = (BTreeMap<String, usize>, Vec<Vec<Data>>);

/// A titled block of the brief: its header row (text → column) and data rows, up to the first
/// empty row. Blocks start at column A; the brief starts at A1.
fn block(rows: &[Vec<Data>], title: &str) -> Option<Block> {
    let at = rows.iter().position(|r| text(&r[0]) == title)?;
    let header: BTreeMap<String, usize> = rows[at + 1].iter().enumerate().filter(|(_, d)| !d.is_empty()).map(|(i, d)| (text(d), i)).collect();
    let data = rows[at + 2..].iter().take_while(|r| r.iter().take(6).any(|d| !d.is_empty())).cloned().collect();
    Some((header, data))
}

fn column(header: &BTreeMap<String, usize>, rows: &[Vec<Data>], name: &str) -> Vec<String> {
    let c = *header.get(name).unwrap_or_else(|| panic!("no column {name} in {header:?}"));
    rows.iter().map(|r| text(&r[c])).collect()
}

fn numbers(header: &BTreeMap<String, usize>, rows: &[Vec<Data>], name: &str) -> Vec<f64> {
    let c = header[name];
    rows.iter().map(|r| number(&r[c])).collect()
}

/// Σ counted points and occurrences of the deduction lines by rule item, largest first then by code.
fn by_rule(months: &[MonthResult]) -> Vec<(String, Decimal, u64)> {
    let mut by: BTreeMap<String, (Decimal, u64)> = BTreeMap::new();
    for m in months {
        for s in m.windows.iter().chain(m.staff.iter()) {
            for l in s.categories().iter().flat_map(|c| c.lines().iter()).filter(|l| !l.points.is_zero()) {
                let e = by.entry(l.rule.to_string()).or_default();
                e.0 += l.points;
                e.1 += u64::from(l.occurrences);
            }
        }
    }
    let mut v: Vec<_> = by.into_iter().map(|(k, (p, n))| (k, p, n)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

fn check_brief(xlsx: &Path, policy: &Policy, ds: &Dataset, p: Period, previous: Option<&PeriodResult>) {
    let res = policy.evaluate_period(ds, p).unwrap();
    let months = months(policy, ds, p);
    let rows = read_sheet(xlsx, "概况");
    assert!(text(&rows[0][0]).contains("考评概况"), "the title first");

    // the facts
    let fact = |label: &str| rows.iter().find(|r| text(&r[0]) == label).map(|r| r[2].clone()).unwrap_or_else(|| panic!("fact {label}"));
    assert_eq!(number(&fact("参评窗口(个)")), res.windows.len() as f64);
    assert_eq!(number(&fact("参评人员(名)")), res.staff.len() as f64);
    assert_eq!(number(&fact("考评记录(条)")), months.iter().map(|m| m.records.len()).sum::<usize>() as f64);

    // grades: every band, windows and staff
    let (h, data) = block(&rows, "等次分布").unwrap();
    let bands: Vec<String> = policy.doc().grades.bands.iter().map(|b| b.name.clone()).chain(["合计".to_string()]).collect();
    assert_eq!(column(&h, &data, "等次"), bands);
    let count = |list: &[kaoping_core::period::SubjectPeriod], g: &str| if g == "合计" { list.len() } else { list.iter().filter(|s| s.grade == g).count() } as f64;
    assert_eq!(numbers(&h, &data, "窗口(个)"), bands.iter().map(|g| count(&res.windows, g)).collect::<Vec<_>>());
    assert_eq!(numbers(&h, &data, "人员(名)"), bands.iter().map(|g| count(&res.staff, g)).collect::<Vec<_>>());

    // the top and bottom five, with names beside the ids
    for (who, list) in [("窗口", &res.windows), ("人员", &res.staff)] {
        for (title, want) in [(format!("{who}得分前5名"), list.iter().take(5).collect::<Vec<_>>()), (format!("{who}得分后5名"), list.iter().rev().take(5).collect())] {
            let (h, data) = block(&rows, &title).unwrap_or_else(|| panic!("block {title}"));
            assert_eq!(column(&h, &data, "编号"), want.iter().map(|s| s.subject.to_string()).collect::<Vec<_>>(), "{title}");
            assert_eq!(column(&h, &data, "名称"), want.iter().map(|s| s.name.to_string()).collect::<Vec<_>>(), "{title}");
            assert_eq!(numbers(&h, &data, "得分"), want.iter().map(|s| f(s.score)).collect::<Vec<_>>(), "{title}");
            assert_eq!(numbers(&h, &data, "名次"), want.iter().map(|s| s.rank as f64).collect::<Vec<_>>(), "{title}");
            assert_eq!(column(&h, &data, "等次"), want.iter().map(|s| s.grade.to_string()).collect::<Vec<_>>(), "{title}");
        }
    }

    // the largest deductions by rule item: code, name, total, occurrences
    let (h, data) = block(&rows, "扣分最多的考评项目(前10项)").unwrap();
    let want: Vec<_> = by_rule(&months).into_iter().take(10).collect();
    assert_eq!(column(&h, &data, "项目"), want.iter().map(|w| w.0.clone()).collect::<Vec<_>>());
    assert_eq!(column(&h, &data, "项目名称"), want.iter().map(|w| policy.item(&w.0).unwrap().0.name_zh.clone()).collect::<Vec<_>>());
    assert_eq!(numbers(&h, &data, "扣分合计"), want.iter().map(|w| f(w.1)).collect::<Vec<_>>());
    assert_eq!(numbers(&h, &data, "次数"), want.iter().map(|w| w.2 as f64).collect::<Vec<_>>());

    // against the previous month or quarter (none for January, the first quarter, a year)
    let what = if matches!(p, Period::Month(_)) { "上月" } else { "上季度" };
    match previous {
        Some(prev) => {
            let (h, data) = block(&rows, &format!("与{what}比较")).expect("the comparison");
            let prev_col = h.keys().find(|k| k.starts_with(what)).unwrap().clone();
            for (i, (now, before)) in [(&res.windows, &prev.windows), (&res.staff, &prev.staff)].into_iter().enumerate() {
                let (a, b) = (mean(policy, now.iter().map(|s| s.score)), mean(policy, before.iter().map(|s| s.score)));
                assert_eq!(numbers(&h, &data, "本期")[i], f(a));
                assert_eq!(numbers(&h, &data, &prev_col)[i], f(b));
                assert_eq!(numbers(&h, &data, "增减")[i], f(a - b));
            }
        }
        None => assert!(block(&rows, "与上月比较").is_none() && block(&rows, "与上季度比较").is_none(), "{p}: nothing to compare with"),
    }

    // the award lists: who is awarded and who is tied at the line; a month: a note naming each award once
    if res.awards.is_empty() {
        let at = rows.iter().position(|r| text(&r[0]) == "评先").expect("the awards' note");
        let note = text(&rows[at + 1][0]);
        for a in &policy.doc().awards.awards {
            assert_eq!(note.matches(a.name_zh.as_str()).count(), 1, "{note}: {} named once", a.name_zh);
        }
    }
    for a in &res.awards {
        let unit = if a.subject == SubjectKind::Window { "个" } else { "名" };
        let (h, data) = block(&rows, &format!("{} (名额 {} {unit}, 参评 {} {unit})", a.name, a.quota, a.participants)).unwrap_or_else(|| panic!("award {}", a.name));
        let want: Vec<String> = a.standings.iter().filter(|s| matches!(s.status, AwardStatus::Awarded | AwardStatus::TieAtQuotaLine)).map(|s| s.subject.to_string()).collect();
        assert_eq!(column(&h, &data, "编号"), want);
        assert_eq!(column(&h, &data, "结果").iter().filter(|r| *r == "当选").count(), a.awarded.len());
    }
}

#[test]
fn the_briefs_numbers_are_the_cores() {
    let dir = scratch("brief-numbers");
    let (policy, ds) = (policy(), dataset());
    for (period, previous) in [("2026-10", Some("2026-09")), ("2026-Q3", Some("2026-Q2")), ("2026-01", None), ("2026-Q1", None), ("2026", None)] {
        let p: Period = period.parse().unwrap();
        let prev = previous.map(|x| policy.evaluate_period(&ds, x.parse().unwrap()).unwrap());
        let xlsx = report(&dir, period);
        check_brief(&xlsx, &policy, &ds, p, prev.as_ref());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Hand-checkable: October's brief against September, from the sample's own numbers.
#[test]
fn octobers_brief_by_hand() {
    let dir = scratch("brief-october");
    let (policy, ds) = (policy(), dataset());
    let oct = policy.evaluate_period(&ds, "2026-10".parse().unwrap()).unwrap();
    let sep = policy.evaluate_period(&ds, "2026-09".parse().unwrap()).unwrap();
    // 29 windows and 117 staff in October (the sample's roster; W30 opens later)
    assert_eq!((oct.windows.len(), oct.staff.len()), (29, 117));
    let xlsx = report(&dir, "2026-10");
    let rows = read_sheet(&xlsx, "概况");
    let (h, data) = block(&rows, "与上月比较").unwrap();
    // the mean of the 29 window scores: their sum over 29, rounded to 2 places (half away from zero)
    let sum: Decimal = oct.windows.iter().map(|w| w.score).sum();
    let exact = sum / Decimal::from(29);
    let rounded = exact.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    assert_eq!(numbers(&h, &data, "本期")[0], f(rounded), "Σ {sum} / 29 = {exact}");
    let sep_sum: Decimal = sep.windows.iter().map(|w| w.score).sum();
    let sep_mean = (sep_sum / Decimal::from(sep.windows.len() as u64)).round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    assert_eq!(numbers(&h, &data, "增减")[0], f(rounded - sep_mean));
    // the month's dates are Excel dates on 记录核对
    let rec = read_sheet(&xlsx, "记录核对");
    let d = col(&rec, "日期");
    assert!(rec[1..].iter().all(|r| r[d].as_date().is_some_and(|x| x.to_string().starts_with("2026-10-"))), "dates as Excel dates in October");
    // names beside ids on 记录核对
    let (id, name) = (col(&rec, "对象"), col(&rec, "对象名称"));
    for r in &rec[1..] {
        let subject = text(&r[id]);
        let want = ds.windows.iter().find(|w| w.id == subject).map(|w| w.name.clone()).or_else(|| ds.staff.iter().find(|s| s.id == subject).map(|s| s.name.clone()));
        assert_eq!(Some(text(&r[name])), want, "{subject}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every table sheet: a filtered header row, grade columns coloured by conditional format.
#[test]
fn table_sheets_are_filtered_and_grades_coloured() {
    let dir = scratch("brief-tables");
    let xlsx = report(&dir, "2026-Q3");
    let names = sheet_names(&xlsx);
    for (i, name) in names.iter().enumerate().skip(1) {
        let xml = xlsx_part(&xlsx, &format!("xl/worksheets/sheet{}.xml", i + 1));
        let rows = read_sheet(&xlsx, name);
        let last = common_letter(rows[0].len() - 1);
        assert!(xml.contains(&format!("<autoFilter ref=\"A1:{last}{}\"", rows.len())), "{name}: autofilter over the table");
        if rows[0].iter().any(|h| text(h) == "等次") {
            let grade = col(&rows, "等次");
            assert!(xml.contains("<conditionalFormatting"), "{name}: grades coloured");
            for band in ["优秀", "良好", "合格", "不合格"] {
                assert!(xml.contains(&format!("<formula>\"{band}\"</formula>")), "{name}: {band}");
            }
            assert!(xml.contains(&format!("sqref=\"{}2:{}{}\"", common_letter(grade), common_letter(grade), rows.len())), "{name}: over the grade column");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn common_letter(col: usize) -> String {
    kaoping_cli::table::column_letter(col)
}
