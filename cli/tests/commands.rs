//! The command's surface: help with examples and exit codes on every subcommand, exit codes,
//! report formats, explain, and the unchanged JSON of score.

mod common;

use common::*;
use kaoping_core::{Dataset, Period, Policy};

const SUBCOMMANDS: &[&str] = &["score", "awards", "validate", "schema", "policy", "template", "import", "report", "explain"];

#[test]
fn every_subcommand_has_help_with_examples_and_exit_codes() {
    // (in English here; help_is_in_the_runs_language checks the Chinese default)
    let top = expect(&["--help", "--lang", "en"], 0);
    let top = String::from_utf8(top.stdout).unwrap();
    assert!(top.contains("Exit codes"), "{top}");
    for sub in SUBCOMMANDS {
        assert!(top.contains(sub), "{sub} listed in --help");
        let out = expect(&[sub, "--help", "--lang", "en"], 0);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Example"), "kaoping {sub} --help has examples:\n{text}");
        assert!(text.contains("Exit codes"), "kaoping {sub} --help documents exit codes:\n{text}");
        assert!(text.contains(&format!("kaoping {sub}")), "kaoping {sub} --help shows the command:\n{text}");
    }
    for sub in ["score", "awards", "validate", "template", "import", "report", "explain"] {
        let text = String::from_utf8(expect(&[sub, "--help"], 0).stdout).unwrap();
        assert!(text.contains("--policy"), "kaoping {sub} takes --policy");
    }
}

#[test]
fn exit_codes() {
    let dir = scratch("exit-codes");
    let sample = sample();
    let sample = s(&sample);
    // 2: usage
    for args in [
        vec!["report", sample],                                            // --period missing
        vec!["report", sample, "--period", "2026-13"],                     // not a period
        vec!["report", sample, "--period", "2026-10"],                     // xlsx needs -o
        vec!["report", sample, "--period", "2026-10", "--format", "pdf"],  // unknown format
        vec!["report", sample, "--period", "2026-10", "--format", "csv"],  // csv needs -o or --sheet
        vec!["report", sample, "--period", "2026-10", "--format", "md", "--sheet", "nope"],
        vec!["import", sample],                                            // --roster missing
        vec!["explain", sample, "--subject", "S001"],                      // --month missing
        vec!["template"],                                                  // output missing
        vec!["score", sample, "--frobnicate"],
        vec!["schema", "nope"],
        vec!["nope"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "kaoping {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty(), "usage errors go to stderr");
        assert!(!out.stderr.is_empty());
    }
    // 1: invalid input
    let missing = dir.join("missing.json");
    let bad = repo().join("tests/fixtures/bad-dataset.json");
    let not_json = dir.join("not.json");
    std::fs::write(&not_json, "{ nope").unwrap();
    let csv = dir.join("r.csv");
    std::fs::write(&csv, "考评项目,对象编号,日期\nS1.1,S001,2026-10-09\n").unwrap();
    for args in [
        vec!["report", s(&missing), "--period", "2026-10", "-o", s(&dir.join("r.xlsx"))],
        vec!["report", s(&not_json), "--period", "2026-10", "-o", s(&dir.join("r.xlsx"))],
        vec!["report", s(&bad), "--period", "2026-10", "--format", "md"],
        vec!["report", sample, "--period", "2025-Q3", "--format", "md"],  // outside the dataset's year
        vec!["report", sample, "--period", "2026-10", "--format", "md", "--policy", s(&not_json)],
        vec!["explain", sample, "--subject", "S999", "--month", "2026-10"],
        vec!["explain", s(&bad), "--subject", "S001", "--month", "2026-10"],
        vec!["import", s(&missing), "--roster", sample],
        vec!["import", s(&csv), "--roster", s(&missing)],
        vec!["import", s(&csv), "--roster", s(&not_json)],
        vec!["template", s(&dir.join("t.xlsx")), "--roster", s(&not_json)],
        vec!["template", s(&dir.join("no/such/dir/t.xlsx"))],
        vec!["validate", s(&bad)],
        vec!["score", sample, "--month", "2025-10"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "kaoping {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr));
        assert!(!out.stderr.is_empty(), "kaoping {}: the problem goes to stderr", args.join(" "));
    }
    assert!(!dir.join("r.xlsx").exists() && !dir.join("t.xlsx").exists());
    // 0
    expect(&["report", sample, "--period", "2026-10", "-o", s(&dir.join("ok.xlsx"))], 0);
    expect(&["template", s(&dir.join("ok-template.xlsx"))], 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn report_formats() {
    let dir = scratch("formats");
    let sample = sample();
    let policy = Policy::builtin();
    let ds = Dataset::from_json(&std::fs::read_to_string(&sample).unwrap()).unwrap();
    let q3 = policy.evaluate_period(&ds, "2026-Q3".parse::<Period>().unwrap()).unwrap();

    // csv: one file per sheet, UTF-8 with BOM, scores exact
    let csv_dir = dir.join("csv");
    expect(&["report", s(&sample), "--period", "2026-Q3", "--format", "csv", "-o", s(&csv_dir)], 0);
    let mut files: Vec<String> = std::fs::read_dir(&csv_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    files.sort();
    assert_eq!(files, ["awards.csv", "bonuses.csv", "deductions.csv", "departments.csv", "rankings.csv", "records.csv", "staff-scores.csv", "summary.csv", "window-scores.csv"]);
    let text = std::fs::read_to_string(csv_dir.join("window-scores.csv")).unwrap();
    assert!(text.starts_with("\u{feff}名次,部门内名次,编号,名称,部门,7月,8月,9月,"), "{}", &text[..200.min(text.len())]);
    let first = &q3.windows[0];
    let line = text.lines().nth(1).unwrap();
    assert!(line.starts_with(&format!("{},{},{},{},", first.rank, first.department_rank, first.subject, first.name)), "{line}");
    assert!(line.contains(&format!(",{:.2},{},", first.score, first.grade)), "{line}: score {}", first.score);

    // one sheet to stdout
    let out = expect(&["report", s(&sample), "--period", "2026-Q3", "--format", "csv", "--sheet", "部门反馈"], 0);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("\u{feff}部门编号,部门,政务服务指标"));
    assert_eq!(text.lines().count() - 1, q3.departments.iter().map(|d| (d.windows.len() + d.staff.len()).max(1)).sum::<usize>());

    // md to stdout and to a file
    let out = expect(&["report", s(&sample), "--period", "2026-Q3", "--format", "md"], 0);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# XX县政务服务大厅 2026年第3季度 考评报告"));
    for title in ["窗口考评得分", "窗口工作人员考评得分", "扣分明细", "加分明细", "进驻部门考评情况反馈", "考评排名", "评先名单", "考评记录核对"] {
        assert!(md.contains(&format!("2026年第3季度 {title}")), "md has {title}");
    }
    let md_file = dir.join("q3.md");
    expect(&["report", s(&sample), "--period", "2026-Q3", "-o", s(&md_file)], 0);
    assert_eq!(std::fs::read_to_string(&md_file).unwrap(), md, "-o FILE.md writes markdown");

    // json: the sheets, scores as exact decimal strings
    let out = expect(&["report", s(&sample), "--period", "2026-Q3", "--format", "json", "--sheet", "awards"], 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sheets = v["sheets"].as_array().unwrap();
    assert_eq!(sheets.len(), 1);
    assert_eq!(sheets[0]["sheet"], "评先名单");
    let awarded: Vec<&serde_json::Value> = sheets[0]["rows"].as_array().unwrap().iter().filter(|r| r[8] == "当选").collect();
    assert_eq!(awarded.len(), q3.awards.iter().map(|a| a.awarded.len()).sum::<usize>());
    for r in awarded {
        let s = q3.subject(r[4].as_str().unwrap()).unwrap();
        assert_eq!(r[7].as_str().unwrap(), s.score.to_string());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn explain_uses_the_core() {
    // the command's texts are Chinese unless --lang en
    let policy = Policy::builtin().with_lang(kaoping_core::messages::Lang::ZhCn);
    let ds = Dataset::from_json(&std::fs::read_to_string(sample()).unwrap()).unwrap();
    let month = "2026-10".parse().unwrap();
    let res = policy.evaluate_month(&ds, month).unwrap();
    for subject in ["S001", "W01"] {
        let out = expect(&["explain", s(&sample()), "--subject", subject, "--month", "2026-10"], 0);
        assert_eq!(String::from_utf8(out.stdout).unwrap(), kaoping_core::explain::explain(&res, subject).unwrap());
    }
    let out = run(&["explain", s(&sample()), "--subject", "S999", "--month", "2026-10"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("S999"));
}

#[test]
fn score_json_is_the_core_result() {
    // the CLI writes Chinese texts by default, and English with --lang en: the core's result in
    // that language, byte for byte
    use kaoping_core::messages::Lang;
    let ds = Dataset::from_json(&std::fs::read_to_string(sample()).unwrap()).unwrap();
    for (lang, flag) in [(Lang::ZhCn, None), (Lang::En, Some("en")), (Lang::ZhCn, Some("zh-CN"))] {
        let policy = Policy::builtin().with_lang(lang);
        let with = |args: &[&str]| -> Vec<String> {
            let mut v: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            if let Some(l) = flag {
                v.extend(["--lang".to_string(), l.to_string()]);
            }
            v
        };
        let res = policy.evaluate_month(&ds, "2026-10".parse().unwrap()).unwrap();
        let args = with(&["score", s(&sample()), "--month", "2026-10", "--format", "json"]);
        let out = expect(&args.iter().map(String::as_str).collect::<Vec<_>>(), 0);
        assert_eq!(String::from_utf8(out.stdout).unwrap(), serde_json::to_string_pretty(&res).unwrap() + "\n");
        let q3 = policy.evaluate_period(&ds, "2026-Q3".parse().unwrap()).unwrap();
        let args = with(&["awards", s(&sample()), "--period", "2026-Q3", "--format", "json"]);
        let out = expect(&args.iter().map(String::as_str).collect::<Vec<_>>(), 0);
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(text, serde_json::to_string_pretty(&q3.awards).unwrap() + "\n");
        // the quota's account in the language asked for (0.1 × 30 windows = 3, rounded down)
        let want = if lang == Lang::ZhCn { "0.1 × 30 = 3 → 3 (向下取整)" } else { "0.1 × 30 = 3 → 3 (down)" };
        assert!(text.contains(want), "{lang}: {want} not in the awards");
    }
}

#[test]
fn closed_pipe_is_quiet() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(BIN)
        .args(["report", s(&sample()), "--period", "2026", "--format", "md"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_document_past_the_size_limit_is_refused_before_it_is_read() {
    // issue 20, item 9: a sparse file of 513 MiB (no disk used): refused from its size, exit 1
    let dir = scratch("too-big");
    let big = dir.join("big.json");
    std::fs::File::create(&big).unwrap().set_len(513 * 1024 * 1024).unwrap();
    let out = expect(&["validate", s(&big)], 1);
    let err = String::from_utf8_lossy(&out.stderr);
    // 513 MiB = 537,919,488 bytes against the 512 MiB (536,870,912) limit
    assert!(err.contains("有 537919488 字节, 文件最大 536870912 字节"), "{err}");
    let out = expect(&["validate", s(&big), "--lang", "en"], 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is 537919488 bytes; a document is at most 536870912 bytes"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_document_not_in_utf8_is_refused_naming_the_byte() {
    // issue 20, item 4: the C ABI and Python said where; the command did not
    let dir = scratch("not-utf8");
    let f = dir.join("bad.json");
    std::fs::write(&f, b"{\"hall\":\xff}").unwrap();
    // in Chinese by default, in English with --lang en
    let out = expect(&["validate", s(&f)], 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("不是有效的 UTF-8 文本 (第 8 字节处)"), "{err}");
    let out = expect(&["validate", s(&f), "--lang", "en"], 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is not valid UTF-8 (at byte 8)"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 21: awards (and scores, and reports) of a period whose later months have no record and
/// no metrics say so on stderr before the list, naming the months; a complete period says nothing.
#[test]
fn a_period_with_months_without_data_is_flagged_before_its_awards() {
    let dir = scratch("months-without-data");
    let full = std::fs::read_to_string(sample()).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&full).unwrap();
    // the sample as it stands right after October: November's and December's records and metrics not in yet
    for list in ["records", "metrics"] {
        let key = if list == "records" { "date" } else { "month" };
        v[list].as_array_mut().unwrap().retain(|x| &x[key].as_str().unwrap()[..7] <= "2026-10");
    }
    let october = dir.join("october.json");
    std::fs::write(&october, v.to_string()).unwrap();
    let out = expect(&["awards", s(&october), "--period", "2026-Q4"], 0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2026-11、2026-12 没有任何记录和指标数据"), "{err}");
    assert!(err.contains("暂定"), "{err}");
    // JSON on stdout stays JSON
    let out = expect(&["awards", s(&october), "--period", "2026-Q4", "--format", "json"], 0);
    serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("stdout is JSON");
    assert!(!out.stderr.is_empty());
    // Q3 is complete, and so is Q4 of the whole sample: nothing said
    assert!(expect(&["awards", s(&october), "--period", "2026-Q3"], 0).stderr.is_empty());
    assert!(expect(&["awards", s(&sample()), "--period", "2026-Q4"], 0).stderr.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn help_is_in_the_runs_language() {
    // issue 21: --help from the message catalogue, Chinese by default, English with --lang en
    for sub in ["", "score", "awards", "validate", "schema", "policy", "template", "import", "report", "explain"] {
        let mut args: Vec<&str> = if sub.is_empty() { vec![] } else { vec![sub] };
        args.push("--help");
        let zh = String::from_utf8(expect(&args, 0).stdout).unwrap();
        assert!(zh.contains("用法: kaoping") && zh.contains("选项:") && zh.contains("退出码"), "{sub}:\n{zh}");
        for english in ["Usage:", "Options:", "Examples:", "Exit codes", "Print help", "[default:"] {
            assert!(!zh.contains(english), "{sub}: {english:?} in\n{zh}");
        }
        args.extend(["--lang", "en"]);
        let en = String::from_utf8(expect(&args, 0).stdout).unwrap();
        assert!(en.contains("Usage: kaoping") && en.contains("Options:") && en.contains("Exit codes"), "{sub}:\n{en}");
        assert!(!en.contains("退出码") && !en.contains("用法"), "{sub}:\n{en}");
    }
}
