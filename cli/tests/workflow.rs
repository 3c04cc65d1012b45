//! The centre's workflow end to end: template → filled (by this test, with rust_xlsxwriter) →
//! import → report, and the report read back with calamine, every number equal to the core's.

mod common;

use calamine::Data;
use common::*;
use kaoping_core::dataset::{Level, Status};
use kaoping_core::period::AwardStatus;
use kaoping_core::{Dataset, Period, Policy};
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::collections::BTreeMap;
use std::path::Path;

type IdNames = Vec<(String, String)>;

/// Staff members assigned all year and windows open all year, from the roster.
fn all_year(ds: &Dataset) -> (IdNames, IdNames) {
    let staff = ds
        .staff
        .iter()
        .filter(|s| s.assignments.len() == 1 && s.assignments[0].from.is_none() && s.assignments[0].to.is_none())
        .map(|s| (s.id.clone(), s.name.clone()))
        .take(3)
        .collect();
    let windows = ds
        .windows
        .iter()
        .filter(|w| w.opened.is_none() && w.closed.is_none())
        .map(|w| (w.id.clone(), w.name.clone()))
        .take(2)
        .collect();
    (staff, windows)
}

enum V {
    Text(String),
    Num(f64),
    Date(u16, u8, u8),
}

fn t(s: &str) -> V {
    V::Text(s.into())
}

/// Checks a report workbook against the core's result for the period.
fn check_report(xlsx: &Path, ds: &Dataset, policy: &Policy, period: Period) {
    // the report is written in Chinese (the CLI's default), so its headings are the Chinese
    // names of the policy's categories
    let policy = &policy.clone().with_lang(kaoping_core::messages::Lang::ZhCn);
    let res = policy.evaluate_period(ds, period).expect("the core scores the period");
    let names = sheet_names(xlsx);
    for sheet in ["概况", "窗口得分", "人员得分", "扣分明细", "加分明细", "部门反馈", "排名", "评先名单", "记录核对"] {
        assert!(names.iter().any(|n| n == sheet), "sheet {sheet} missing from {names:?}");
    }

    let month_res = match period {
        Period::Month(m) => Some(policy.evaluate_month(ds, m).unwrap()),
        _ => None,
    };
    // window and staff scores: every subject, every figure
    for (sheet, list) in [("窗口得分", &res.windows), ("人员得分", &res.staff)] {
        let rows = read_sheet(xlsx, sheet);
        assert_eq!(rows.len() - 1, list.len(), "{sheet}: one row per subject");
        let (id, score, rank, drank, ded, bonus, grade) =
            (col(&rows, "编号"), col(&rows, "得分"), col(&rows, "名次"), col(&rows, "部门内名次"), col(&rows, "扣分"), col(&rows, "加分"), col(&rows, "等次"));
        for row in &rows[1..] {
            let subject = text(&row[id]);
            let exp = res.subject(&subject).unwrap_or_else(|| panic!("{sheet}: {subject} is not in the core's result"));
            assert_eq!(number(&row[score]), f(exp.score), "{sheet} {subject} 得分");
            assert_eq!(number(&row[ded]), f(exp.deductions), "{sheet} {subject} 扣分");
            assert_eq!(number(&row[bonus]), f(exp.bonus), "{sheet} {subject} 加分");
            assert_eq!(number(&row[rank]), exp.rank as f64, "{sheet} {subject} 名次");
            assert_eq!(number(&row[drank]), exp.department_rank as f64, "{sheet} {subject} 部门内名次");
            assert_eq!(text(&row[grade]), exp.grade, "{sheet} {subject} 等次");
            match &month_res {
                Some(month) => {
                    let sm = month.subject(&subject).unwrap();
                    for c in sm.categories().iter().chain(sm.bonuses().iter()) {
                        let h = format!("{} {}({})", c.code(), c.name(), c.max().normalize());
                        assert_eq!(number(&row[col(&rows, &h)]), f(c.score()), "{sheet} {subject} {h}");
                    }
                }
                None => {
                    for m in &exp.monthly {
                        assert_eq!(number(&row[col(&rows, &format!("{}月", m.month.month))]), f(m.total), "{sheet} {subject} {}", m.month);
                    }
                }
            }
        }
    }

    // department feedback: the indicator and every entry's score
    let rows = read_sheet(xlsx, "部门反馈");
    let (dep, ind, id, score) = (col(&rows, "部门编号"), col(&rows, "政务服务指标"), col(&rows, "编号"), col(&rows, "得分"));
    let mut seen = 0;
    for row in &rows[1..] {
        let d = res.departments.iter().find(|d| d.department == text(&row[dep])).expect("a department of the result");
        match d.indicator {
            Some(i) => assert_eq!(number(&row[ind]), f(i), "indicator of {}", d.department),
            None => assert_eq!(row[ind], Data::Empty),
        }
        if let Some(e) = d.windows.iter().chain(d.staff.iter()).find(|e| e.subject == text(&row[id])) {
            assert_eq!(number(&row[score]), f(e.score));
            seen += 1;
        }
    }
    assert_eq!(seen, res.departments.iter().map(|d| d.windows.len() + d.staff.len()).sum::<usize>());

    // rankings
    let rows = read_sheet(xlsx, "排名");
    assert_eq!(rows.len() - 1, res.windows.len() + res.staff.len());
    for row in &rows[1..] {
        let exp = res.subject(&text(&row[col(&rows, "编号")])).unwrap();
        assert_eq!(number(&row[col(&rows, "全厅名次")]), exp.rank as f64);
        assert_eq!(number(&row[col(&rows, "得分")]), f(exp.score));
    }

    // deduction and bonus details: every line of the core's months, with its points
    let months: Vec<_> = match period {
        Period::Month(m) => vec![policy.evaluate_month(ds, m).unwrap()],
        _ => policy.evaluate_year(ds).unwrap().months.into_iter().filter(|m| period.contains(m.month)).collect(),
    };
    for (sheet, bonus, counted) in [("扣分明细", false, "实扣"), ("加分明细", true, "实加")] {
        let rows = read_sheet(xlsx, sheet);
        let (mo, id, rule, rec, pts) = (col(&rows, "月份"), col(&rows, "编号"), col(&rows, "项目"), col(&rows, "记录编号"), col(&rows, counted));
        let mut got: Vec<(String, String, String, String, u64)> = rows[1..]
            .iter()
            .filter(|r| bonus || !text(&r[col(&rows, "说明")]).eq("此项不得分"))
            .map(|r| (text(&r[mo]), text(&r[id]), text(&r[rule]), text(&r[rec]), number(&r[pts]).to_bits()))
            .collect();
        let mut want: Vec<(String, String, String, String, u64)> = Vec::new();
        for m in &months {
            for s in m.windows.iter().chain(m.staff.iter()) {
                for c in if bonus { s.bonuses() } else { s.categories() } {
                    for l in c.lines().iter().filter(|l| !(l.raw.is_zero() && l.points.is_zero())) {
                        want.push((m.month.to_string(), s.subject().to_string(), l.rule.to_string(), l.record.as_deref().unwrap_or_default().to_string(), f(l.points).to_bits()));
                    }
                }
            }
        }
        got.sort();
        want.sort();
        assert_eq!(got, want, "{sheet}");
    }

    // award lists: who is awarded
    let rows = read_sheet(xlsx, "评先名单");
    for a in &res.awards {
        let mut got: Vec<String> =
            rows[1..].iter().filter(|r| text(&r[0]) == a.name && text(&r[col(&rows, "结果")]) == "当选").map(|r| text(&r[col(&rows, "编号")])).collect();
        let mut want: Vec<String> = a.standings.iter().filter(|s| s.status == AwardStatus::Awarded).map(|s| s.subject.to_string()).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "award {}", a.name);
    }

    // every record of the period, once
    let rows = read_sheet(xlsx, "记录核对");
    assert_eq!(rows.len() - 1, months.iter().map(|m| m.records.len()).sum::<usize>());

    // Excel formatting: scores formatted 0.00, header rows frozen on every sheet
    assert!(xlsx_part(xlsx, "xl/styles.xml").contains("formatCode=\"0.00\""));
    for i in 1..=9 {
        let xml = xlsx_part(xlsx, &format!("xl/worksheets/sheet{i}.xml"));
        assert!(xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\""), "sheet{i} has a frozen header row");
        assert!(xml.contains("<cols>"), "sheet{i} has column widths");
    }
}

#[test]
fn template_fill_import_report() {
    let dir = scratch("workflow");
    let policy = Policy::builtin();
    let roster = Dataset::from_json(&std::fs::read_to_string(sample()).unwrap()).unwrap();

    // 1. the template
    let template = dir.join("template.xlsx");
    expect(&["template", s(&template), "--roster", s(&sample())], 0);
    let names = sheet_names(&template);
    assert_eq!(&names[..4], ["记录", "考评项目", "窗口", "人员"], "{names:?}");
    let rules = read_sheet(&template, "考评项目");
    assert_eq!(text(&rules[0][0]), "下拉选项");
    let label: BTreeMap<String, String> = rules[1..].iter().map(|r| (text(&r[1]), text(&r[0]))).collect();
    for item in &policy.doc().rules {
        let l = label.get(&item.code).unwrap_or_else(|| panic!("rule {} missing from the 考评项目 sheet", item.code));
        assert!(l.starts_with(&format!("{} {}", item.code, item.name_zh)), "{l}");
    }
    assert!(rules[1..].iter().all(|r| !text(&r[5]).is_empty()), "every rule item has its points");
    assert_eq!(read_sheet(&template, "窗口").len() - 1, roster.windows.len());
    assert_eq!(read_sheet(&template, "人员").len() - 1, roster.staff.len());
    // the drop-downs: rule codes from the reference sheet range, subjects from the roster
    let xml = xlsx_part(&template, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<dataValidation "), "the records sheet has validation");
    assert!(xml.contains(&format!("考评项目'!$A$2:$A${}", policy.doc().rules.len() + 1)), "rule drop-down from the reference range");
    assert!(xml.contains(&format!("选项'!$A$2:$A${}", roster.windows.len() + roster.staff.len() + 1)), "subject drop-down");
    assert!(xml.contains("type=\"date\""), "date validation");
    assert!(xml.contains("ySplit=\"1\""), "frozen header");
    let header: Vec<String> = read_sheet(&template, "记录")[0].iter().map(text).collect();
    let subjects: Vec<String> = read_sheet(&template, "选项")[1..].iter().map(|r| text(&r[0])).collect();

    // 2. filled in by "the centre": real date cells, labels from the drop-downs, numbers
    let (staff, windows) = all_year(&roster);
    let who = |id: &str| subjects.iter().find(|s| s.split(' ').next() == Some(id)).unwrap().clone();
    let (a, b, c) = (who(&staff[0].0), who(&staff[1].0), who(&staff[2].0));
    let (wa, wb) = (who(&windows[0].0), who(&windows[1].0));
    let rule = |code: &str| label[code].clone();
    let rows: Vec<Vec<(&str, V)>> = vec![
        vec![("考评项目", t(&rule("S1.1"))), ("对象编号", t(&a)), ("日期", V::Date(2026, 10, 9)), ("分钟", V::Num(45.0)), ("备注", t("迟到45分钟"))],
        vec![("记录编号", t("T002")), ("考评项目", t(&rule("S2.3"))), ("对象编号", t(&b)), ("日期", V::Date(2026, 10, 12)), ("分值", V::Num(4.0))],
        vec![("考评项目", t(&rule("S5.1"))), ("对象编号", t(&c)), ("日期", V::Date(2026, 10, 15)), ("分值", V::Num(2.5))],
        vec![("考评项目", t(&rule("S5.3"))), ("对象编号", t(&a)), ("日期", V::Date(2026, 10, 20)), ("级别", t("市级"))],
        vec![("考评项目", t(&rule("SB.1"))), ("对象编号", t(&b)), ("日期", V::Date(2026, 10, 21)), ("次数", V::Num(2.0))],
        vec![("考评项目", t(&rule("S3.2"))), ("对象编号", t(&c)), ("日期", V::Date(2026, 10, 22)), ("情节加重", t("是"))],
        vec![("考评项目", t(&rule("S2.1"))), ("对象编号", t(&a)), ("日期", V::Date(2026, 10, 23)), ("状态", t("待核实"))],
        vec![("考评项目", t(&rule("W4.1"))), ("对象编号", t(&wa)), ("日期", V::Date(2026, 10, 5)), ("分值", V::Num(3.0))],
        vec![("考评项目", t(&rule("WB.3"))), ("对象编号", t(&wb)), ("日期", V::Date(2026, 10, 6)), ("次数", V::Num(5.0))],
        vec![("考评项目", t(&rule("S5.1"))), ("对象编号", t(&c)), ("日期", V::Date(2026, 10, 27)), ("分值", t("3"))],
        vec![("考评项目", t(&rule("SB.2"))), ("对象编号", t(&b)), ("日期", V::Date(2026, 10, 28)), ("级别", t("省级")), ("成果标识", t("稿件-2026-10"))],
        vec![("考评项目", t("W1.2")), ("对象编号", t(&windows[0].0)), ("日期", t("2026/10/30")), ("佐证材料", t("巡查记录 20261030-01"))],
    ];
    let filled = dir.join("filled.xlsx");
    {
        let mut book = Workbook::new();
        let ws = book.add_worksheet();
        ws.set_name("记录").unwrap();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        for (c, h) in header.iter().enumerate() {
            ws.write_string(0, c as u16, h).unwrap();
        }
        for (r, row) in rows.iter().enumerate() {
            for (h, v) in row {
                let c = header.iter().position(|x| x == h).unwrap() as u16;
                let r = r as u32 + 1;
                match v {
                    V::Text(s) => ws.write_string(r, c, s).map(|_| ()).unwrap(),
                    V::Num(n) => ws.write_number(r, c, *n).map(|_| ()).unwrap(),
                    V::Date(y, m, d) => ws.write_datetime_with_format(r, c, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date).map(|_| ()).unwrap(),
                }
            }
        }
        book.save(&filled).unwrap();
    }

    // 3. import
    let dataset = dir.join("dataset.json");
    // (--replace: the month's twelve records alone, the roster's dropped, and it says how many)
    let out = expect(&["import", s(&filled), "--roster", s(&sample()), "-o", s(&dataset), "--replace"], 0);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("导入 12 条记录"), "{said}");
    assert!(said.contains(&format!("--replace 删除了 {} 原有的 {} 条记录", s(&sample()).rsplit('/').next().unwrap(), roster.records.len())), "{said}");
    let ds = Dataset::from_json(&std::fs::read_to_string(&dataset).unwrap()).unwrap();
    assert_eq!(ds.records.len(), 12, "the roster's records are replaced");
    assert_eq!((ds.windows.len(), ds.staff.len(), ds.metrics.len()), (roster.windows.len(), roster.staff.len(), roster.metrics.len()));
    let r = ds.records.to_vec();
    assert_eq!(r[0].id, "R20261009-2");
    assert_eq!((r[0].rule.as_str(), r[0].subject.as_str(), r[0].minutes, r[0].note.as_deref()), ("S1.1", staff[0].0.as_str(), Some(45), Some("迟到45分钟")));
    assert_eq!(r[1].id, "T002");
    assert_eq!(r[2].points(), Some(Decimal::new(25, 1)));
    assert_eq!(r[3].level, Some(Level::City));
    assert_eq!(r[4].count, 2);
    assert!(r[5].aggravated);
    assert_eq!(r[6].status, Status::Pending);
    assert_eq!(r[9].points(), Some(Decimal::from(3)));
    assert_eq!(r[10].key().map(|k| k.as_str()), Some("稿件-2026-10"));
    assert_eq!(r[11].date.to_string(), "2026-10-30");
    assert_eq!(r[11].evidence.as_deref(), Some("巡查记录 20261030-01"));

    // without --replace the roster's records are kept, the sheet's added after them
    let appended = dir.join("appended.json");
    expect(&["import", s(&filled), "--roster", s(&sample()), "-o", s(&appended)], 0);
    let all = Dataset::from_json(&std::fs::read_to_string(&appended).unwrap()).unwrap();
    assert_eq!(all.records.len(), roster.records.len() + 12);
    assert_eq!(all.records.to_vec()[..roster.records.len()], roster.records.to_vec()[..]);
    // importing the same sheet again onto that is refused: the ids are taken
    let twice = run(&["import", s(&filled), "--roster", s(&appended), "-o", s(&dir.join("twice.json")), "--append"]);
    assert_eq!(twice.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("记录!A3"), "{}", String::from_utf8_lossy(&twice.stderr));
    assert!(!dir.join("twice.json").exists());

    // 4. validate
    expect(&["validate", s(&dataset)], 0);

    // 5. reports, read back, equal to the core's numbers
    for p in ["2026-10", "2026-Q4"] {
        let xlsx = dir.join(format!("report-{p}.xlsx"));
        expect(&["report", s(&dataset), "--period", p, "-o", s(&xlsx)], 0);
        check_report(&xlsx, &ds, &policy, p.parse().unwrap());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sample_reports_equal_the_core() {
    let dir = scratch("sample-reports");
    let policy = Policy::builtin();
    let ds = Dataset::from_json(&std::fs::read_to_string(sample()).unwrap()).unwrap();
    for p in ["2026-10", "2026-Q3", "2026"] {
        let xlsx = dir.join(format!("{p}.xlsx"));
        expect(&["report", s(&sample()), "--period", p, "-o", s(&xlsx)], 0);
        check_report(&xlsx, &ds, &policy, p.parse().unwrap());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn template_follows_the_policy_given() {
    let dir = scratch("template-policy");
    let other = repo().join("examples/policies/other-county.json");
    let policy = Policy::from_json(&std::fs::read_to_string(&other).unwrap()).unwrap();
    let xlsx = dir.join("t.xlsx");
    let out = expect(&["template", s(&xlsx), "--policy", s(&other), "--year", "2027"], 0);
    assert!(String::from_utf8_lossy(&out.stdout).contains("未给名册"));
    let names = sheet_names(&xlsx);
    assert!(!names.iter().any(|n| n == "窗口" || n == "人员"), "no roster, no roster sheets: {names:?}");
    let rules = read_sheet(&xlsx, "考评项目");
    let codes: Vec<String> = rules[1..].iter().map(|r| text(&r[1])).collect();
    let want: Vec<String> = policy.doc().rules.iter().map(|r| r.code.clone()).collect();
    assert_eq!(codes, want);
    let xml = xlsx_part(&xlsx, "xl/worksheets/sheet1.xml");
    // dates of 2027 only: 2027-01-01 is serial 46388, 2027-12-31 is 46752
    assert!(xml.contains("<formula1>46388</formula1>") && xml.contains("<formula2>46752</formula2>"), "date range of 2027");
    let _ = std::fs::remove_dir_all(&dir);
}
