//! The terminal tables of `kaoping score` and `kaoping awards` in the run's language: their
//! titles, headings and words come from the catalogue, English with `--lang en`, Chinese by
//! default. (The policy's own names — categories, grades, awards, the policy's name — and the
//! hall's windows and staff stay as the policy and dataset write them.)

mod common;

use common::*;
use kaoping_core::messages::Lang;
use kaoping_core::policy::PeriodKind;
use kaoping_core::{Dataset, Period, Policy};

/// Chinese characters, CJK punctuation and full-width forms.
fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF))
}

fn stdout(args: &[&str]) -> String {
    String::from_utf8(expect(args, 0).stdout).expect("utf-8 output")
}

/// The policy's award names for a period (Chinese in the built-in policy, and left so).
fn award_names(period: Period) -> Vec<String> {
    let ds = Dataset::from_json(&std::fs::read_to_string(sample()).unwrap()).unwrap();
    Policy::builtin().evaluate_period(&ds, period).unwrap().awards.iter().map(|a| a.name.to_string()).collect()
}

/// The policy's name, which the title line quotes in parentheses.
fn policy_name() -> String {
    Policy::builtin().doc().name.to_string()
}

/// A column-heading line's words, without the category columns (`窗口建设(15)`: the policy's).
fn heading_words(line: &str) -> Vec<&str> {
    line.split("  ").map(str::trim).filter(|w| !w.is_empty() && !w.ends_with(')')).collect()
}

#[test]
fn a_months_tables_in_english() {
    let sample = sample();
    let out = stdout(&["score", s(&sample), "--month", "2026-10", "--lang", "en"]);
    let lines: Vec<&str> = out.lines().collect();
    let title = lines[0].replace(&policy_name(), "");
    assert!(title.contains("2026-10 monthly evaluation"), "{}", lines[0]);
    assert!(!has_cjk(&title), "{}", lines[0]);
    let headings: Vec<&&str> = lines.iter().filter(|l| l.starts_with("== ")).collect();
    assert_eq!(headings.len(), 2, "{out}");
    assert!(headings[0].starts_with("== Windows (") && headings[1].starts_with("== Window staff ("), "{headings:?}");
    for h in &headings {
        assert!(!has_cjk(h), "{h}");
    }
    let columns: Vec<&&str> = lines.iter().filter(|l| l.starts_with("Rank")).collect();
    assert_eq!(columns.len(), 2, "{out}");
    for c in &columns {
        let words = heading_words(c);
        assert_eq!(words[..3], ["Rank", "ID", "Name"], "{c}");
        assert_eq!(words[3..], ["Bonus", "Total", "Grade", "Flags"], "{c}");
        for w in words {
            assert!(!has_cjk(w), "{c}");
        }
    }
    let summary = lines.last().unwrap();
    assert!(summary.contains("records:") && summary.contains("counted") && summary.contains("warnings"), "{summary}");
    assert!(!has_cjk(summary), "{summary}");
    // a flag in English (S037 is to be reassigned in the sample's October)
    assert!(out.contains("reassign or dismiss"), "{out}");
    for zh in ["名次", "编号", "加分", "总分", "等次", "标记", "建议调岗或辞退", "月度考评", " 条"] {
        assert!(!out.contains(zh), "{zh:?} in the English tables:\n{out}");
    }
}

#[test]
fn a_quarters_rankings_and_awards_in_english() {
    let sample = sample();
    let out = stdout(&["score", s(&sample), "--period", "2026-Q3", "--lang", "en"]);
    let awards = award_names(Period::Quarter { year: 2026, quarter: 3 });
    assert!(!awards.is_empty());
    let lines: Vec<&str> = out.lines().collect();
    let title = lines[0].replace(&policy_name(), "");
    assert!(title.contains("2026 Q3 evaluation"), "{}", lines[0]);
    assert!(!has_cjk(&title), "{}", lines[0]);
    assert!(out.contains("\n== Window ranking (") && out.contains("\n== Window staff ranking ("), "{out}");
    let columns: Vec<&&str> = lines.iter().filter(|l| l.starts_with("Rank")).collect();
    assert_eq!(columns.len(), 2, "{out}");
    for c in &columns {
        assert_eq!(
            heading_words(c),
            ["Rank", "Dept. rank", "ID", "Name", "Dept.", "Months", "Score", "Grade", "Deductions", "Complaints", "Bonus", "Award eligibility"],
            "{c}"
        );
    }
    // every `==` heading, the awards' with the award's name (the policy's) taken out
    let mut award_headings = 0;
    for h in lines.iter().filter(|l| l.starts_with("== ")) {
        let mut rest = h.to_string();
        for a in &awards {
            if rest.contains(a.as_str()) {
                award_headings += 1;
                assert!(rest.starts_with("== 2026 Q3 ") && rest.contains("— quota ") && rest.contains(" taking part, "), "{h}");
                rest = rest.replace(a.as_str(), "");
            }
        }
        assert!(!has_cjk(&rest), "{h}");
    }
    assert_eq!(award_headings, awards.len(), "{out}");
    assert!(lines.iter().any(|l| l.starts_with("  ★ ") && l.contains(" score ") && l.contains(", rank ")), "{out}");
    // the sample's staff award is tied at its quota line in the third quarter
    let tied: Vec<&&str> = lines.iter().filter(|l| l.starts_with("  tied at the quota line, for the centre to decide: ")).collect();
    assert!(!tied.is_empty(), "{out}");
    for t in tied {
        assert!(!has_cjk(t), "{t}");
    }
    assert!(lines.iter().any(|l| l.trim_end().ends_with("  disqualified")), "{out}");
    for zh in ["名次", "部门内名次", "评先资格", "名额", "参评", "得分", "第1名", "季度", "取消"] {
        assert!(!out.contains(zh), "{zh:?} in the English tables:\n{out}");
    }
}

#[test]
fn award_lines_in_english() {
    let sample = sample();
    // the year: subjects ranked within the quota but not eligible
    let out = stdout(&["awards", s(&sample), "--period", "2026", "--lang", "en"]);
    let excluded: Vec<&str> = out.lines().filter(|l| l.starts_with("  × ")).collect();
    assert!(!excluded.is_empty(), "{out}");
    for l in excluded {
        assert!(l.contains(" not eligible: ") && !has_cjk(l), "{l}");
    }
    assert!(out.starts_with("== 2026 "), "{out}");
    // a month of a policy whose awards are quarterly and annual
    let out = stdout(&["awards", s(&sample), "--period", "2026-10", "--lang", "en"]);
    assert_eq!(out, "(no awards this period)\n");
}

#[test]
fn the_tables_are_chinese_by_default() {
    let sample = sample();
    let out = stdout(&["score", s(&sample), "--month", "2026-10"]);
    assert!(out.lines().next().unwrap().contains(" — 2026-10 月度考评 ("), "{out}");
    assert!(out.contains("\n== 窗口考评 (29 个) ==\n名次  编号  名称  "), "{out}");
    assert!(out.contains("\n== 窗口工作人员考评 ("), "{out}");
    assert!(out.contains("  加分  总分    等次  标记\n"), "{out}");
    assert!(out.contains("建议调岗或辞退"), "{out}");
    assert!(out.lines().last().unwrap().starts_with("记录 114 条: 计分 "), "{out}");

    let out = stdout(&["score", s(&sample), "--period", "2026-Q3"]);
    assert!(out.contains(" — 2026年第3季度 考评 ("), "{out}");
    assert!(out.contains("\n== 窗口排名 (30 个) ==\n名次  部门内名次  编号  名称"), "{out}");
    assert!(out.contains("  评先资格\n"), "{out}");
    assert!(out.contains("== 2026年第3季度 示范窗口 — 名额 3 (参评 30, "), "{out}");
    assert!(out.contains("  ★ W13 税费综合窗口1 (D05) 得分 101.18 第1名\n"), "{out}");
    assert!(out.contains("  名额线并列, 提请中心研究决定: "), "{out}");

    let out = stdout(&["awards", s(&sample), "--period", "2026"]);
    assert!(out.contains("  × S114 第14名 不具备资格: "), "{out}");
    let out = stdout(&["awards", s(&sample), "--period", "2026-10", "--lang", "zh-CN"]);
    assert_eq!(out, "(本期无评先项目)\n");
}

#[test]
fn flag_labels_in_each_language() {
    use kaoping_cli::flag_label;
    assert_eq!(flag_label("disqualified", Some(PeriodKind::Quarter), Lang::ZhCn), "取消季度评先");
    assert_eq!(flag_label("disqualified", Some(PeriodKind::Year), Lang::ZhCn), "取消年度评先");
    assert_eq!(flag_label("disqualified", None, Lang::ZhCn), "取消当月评先");
    assert_eq!(flag_label("recommend_reassignment", None, Lang::ZhCn), "建议调岗或辞退");
    assert_eq!(flag_label("recommend_reassignment", None, Lang::En), "reassign or dismiss");
    assert_eq!(flag_label("disqualified", Some(PeriodKind::Quarter), Lang::En), "no quarterly awards");
    for code in ["recommend_reassignment", "disqualified", "category_zeroed_for_year", "forced_grade"] {
        for p in [None, Some(PeriodKind::Month), Some(PeriodKind::Quarter), Some(PeriodKind::Year)] {
            assert!(has_cjk(&flag_label(code, p, Lang::ZhCn)), "{code}");
            assert!(!has_cjk(&flag_label(code, p, Lang::En)), "{code}");
        }
    }
    // a code the catalogue has no label for is shown as it is
    assert_eq!(flag_label("a_county_flag", None, Lang::En), "a_county_flag");
}

/// The import summary's clause is joined to the file name with a space (Fluent drops a message's
/// leading blanks unless written `{" "}`: it read "…from sheet.xlsxafter the …").
#[test]
fn the_import_summary_keeps_its_space() {
    let how = kaoping_core::messages::text(Lang::En, "cli-imported-after", &[("kept", &3), ("roster", &"roster.json")]);
    assert_eq!(how, " after the 3 of roster.json");
    let how = kaoping_core::messages::text(Lang::ZhCn, "cli-imported-after", &[("kept", &3), ("roster", &"roster.json")]);
    assert_eq!(how, ", 接在 roster.json 原有的 3 条之后");
}
