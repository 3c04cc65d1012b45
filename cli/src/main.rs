//! The `kaoping` command.

use clap::{Parser, Subcommand};
use kaoping_core::result::{MonthResult, SubjectMonth};
use kaoping_core::period::{AwardStatus, PeriodResult, SubjectPeriod};
use kaoping_core::{Dataset, Errors, Period, Policy, YearMonth};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit codes: 0 ok, 1 invalid input (dataset, policy, file), 2 usage.
#[derive(Parser)]
#[command(name = "kaoping", version, about = "考评: score service-hall windows and staff against a performance-evaluation measure")]
#[command(after_help = "Exit codes: 0 ok; 1 invalid input (the problems go to stderr); 2 usage error.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Score a month: window and staff tables with Chinese labels.
    #[command(after_help = "Examples:\n  kaoping score examples/data/county-2026.json --month 2026-10\n  kaoping score examples/data/county-2026.json --period 2026-Q3\n  kaoping score examples/data/county-2026.json --period 2026 --top 10\n  kaoping score data.json --month 2026-10 --format json > result.json")]
    Score {
        /// The dataset (JSON).
        file: PathBuf,
        /// The month, YYYY-MM: the month's full result (every category line, every record's outcome).
        #[arg(long, conflicts_with = "period")]
        month: Option<YearMonth>,
        /// A month 2026-10, a quarter 2026-Q3 or a year 2026: period scores, ranks and awards
        /// (with --format json, the period result; --month gives a month's full detail).
        #[arg(long)]
        period: Option<Period>,
        /// Another county's policy (JSON); the built-in county measure when absent.
        #[arg(long)]
        policy: Option<PathBuf>,
        /// `table` (default) or `json` (the full result with every record's outcome).
        #[arg(long, default_value = "table")]
        format: String,
        /// Rows per table (0: all).
        #[arg(long, default_value_t = 0)]
        top: usize,
    },
    /// Rankings and award lists (示范窗口, 政务之星) for a quarter or a year.
    #[command(after_help = "Examples:\n  kaoping awards examples/data/county-2026.json --period 2026-Q3\n  kaoping awards examples/data/county-2026.json --period 2026 --format json")]
    Awards {
        file: PathBuf,
        /// A quarter 2026-Q3 or a year 2026 (or a month, for policies with monthly awards).
        #[arg(long)]
        period: Period,
        #[arg(long)]
        policy: Option<PathBuf>,
        /// `table` (default) or `json`.
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Check a dataset (or with --policy-only, a policy) and list every problem.
    #[command(after_help = "Example:\n  kaoping validate examples/data/county-2026.json\n  kaoping validate --policy my-county.json examples/data/county-2026.json")]
    Validate {
        file: PathBuf,
        #[arg(long)]
        policy: Option<PathBuf>,
        /// FILE is a policy document: check it alone.
        #[arg(long)]
        policy_only: bool,
    },
    /// Print a published JSON Schema: policy, dataset, result, year_result, errors.
    #[command(after_help = "Example:\n  kaoping schema dataset > dataset.schema.json")]
    Schema { name: String },
    /// Print the built-in policy (the county measure) as JSON.
    Policy,
}


thread_local! {
    static OUT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Appends a line to the command's output, written at the end in one piece (so a closed pipe,
/// as in `kaoping score … | head`, ends the command quietly instead of with a panic).
macro_rules! out {
    () => { OUT.with(|o| o.borrow_mut().push('\n')) };
    ($($t:tt)*) => { OUT.with(|o| { let mut o = o.borrow_mut(); o.push_str(&format!($($t)*)); o.push('\n'); }) };
}
macro_rules! out_raw {
    ($($t:tt)*) => { OUT.with(|o| o.borrow_mut().push_str(&format!($($t)*))) };
}

fn flush_output() {
    use std::io::Write;
    let text = OUT.with(|o| std::mem::take(&mut *o.borrow_mut()));
    let mut stdout = std::io::stdout().lock();
    // a reader that went away (head, less) is not an error of ours
    let _ = stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush());
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = run(cli);
    flush_output();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(msg)) => {
            eprintln!("{msg}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}

enum Failure {
    Input(String),
    Usage(String),
}

impl From<Errors> for Failure {
    fn from(e: Errors) -> Self {
        Failure::Input(e.to_string())
    }
}

fn read(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure::Input(format!("cannot read {}: {e}", path.display())))
}

fn load_policy(path: Option<&Path>) -> Result<Policy, Failure> {
    match path {
        None => Ok(Policy::builtin()),
        Some(p) => Ok(Policy::from_json(&read(p)?)?),
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Score { file, month, period, policy, format, top } => {
            let period = match (month, period) {
                (Some(m), _) => Period::Month(m),
                (None, Some(p)) => p,
                (None, None) => return Err(Failure::Usage("give --month YYYY-MM or --period (2026-10, 2026-Q3, 2026)".into())),
            };
            let month = month.or(match period {
                Period::Month(m) if format == "table" => Some(m),
                _ => None,
            });
            if format != "json" && format != "table" {
                return Err(Failure::Usage(format!("unknown format {format:?}: use table or json")));
            }
            let policy = load_policy(policy.as_deref())?;
            let ds = Dataset::from_json(&read(&file)?)?;
            match (month, period) {
                (Some(m), _) => {
                    let res = policy.evaluate_month(&ds, m)?;
                    if format == "json" {
                        out!("{}", serde_json::to_string_pretty(&res).expect("serialises"));
                    } else {
                        print_tables(&policy, &res, top);
                    }
                }
                (None, p) => {
                    let res = policy.evaluate_period(&ds, p)?;
                    if format == "json" {
                        out!("{}", serde_json::to_string_pretty(&res).expect("serialises"));
                    } else {
                        print_period(&policy, &res, top);
                    }
                }
            }
            Ok(())
        }
        Command::Awards { file, period, policy, format } => {
            if format != "json" && format != "table" {
                return Err(Failure::Usage(format!("unknown format {format:?}: use table or json")));
            }
            let policy = load_policy(policy.as_deref())?;
            let ds = Dataset::from_json(&read(&file)?)?;
            let res = policy.evaluate_period(&ds, period)?;
            if format == "json" {
                out!("{}", serde_json::to_string_pretty(&res.awards).expect("serialises"));
            } else {
                print_awards(&res);
            }
            Ok(())
        }
        Command::Validate { file, policy, policy_only } => {
            if policy_only {
                let p = load_policy(Some(&file))?;
                out!("ok: policy {} with {} rule items", p.doc().id, p.doc().rules.len());
                return Ok(());
            }
            let policy = load_policy(policy.as_deref())?;
            let ds = Dataset::from_json(&read(&file)?)?;
            policy.validate(&ds)?;
            out!(
                "ok: {} ({}), {} windows, {} staff, {} records, {} metric rows",
                ds.hall.name,
                ds.year,
                ds.windows.len(),
                ds.staff.len(),
                ds.records.len(),
                ds.metrics.len()
            );
            Ok(())
        }
        Command::Schema { name } => match kaoping_core::schema::schema_json(&name) {
            Some(s) => {
                out_raw!("{s}");
                Ok(())
            }
            None => Err(Failure::Usage(format!("unknown schema {name:?}: one of {}", kaoping_core::schema::NAMES.join(", ")))),
        },
        Command::Policy => {
            out_raw!("{}", kaoping_core::BUILTIN_POLICY_JSON);
            Ok(())
        }
    }
}

fn print_tables(policy: &Policy, res: &MonthResult, top: usize) {
    let mut windows: Vec<&SubjectMonth> = res.windows.iter().collect();
    let mut staff: Vec<&SubjectMonth> = res.staff.iter().collect();
    let order = |a: &&SubjectMonth, b: &&SubjectMonth| b.total.cmp(&a.total).then_with(|| a.subject.cmp(&b.subject));
    windows.sort_by(order);
    staff.sort_by(order);
    out!("{} — {} 月度考评 ({})", res.hall, res.month, policy.doc().name);
    out!();
    table("窗口考评", &windows, top);
    out!();
    table("窗口工作人员考评", &staff, top);
    let counted = res.records.iter().filter(|r| r.outcome != kaoping_core::result::OutcomeKind::NotCounted).count();
    out!();
    out!("记录 {} 条: 计分 {} 条, 未计分 {} 条; 提示 {} 条", res.records.len(), counted, res.records.len() - counted, res.warnings.len());
}

fn table(title: &str, rows: &[&SubjectMonth], top: usize) {
    out!("== {title} ({} 个) ==", rows.len());
    let Some(first) = rows.first() else { return };
    let mut header = vec!["名次".to_string(), "编号".into(), "名称".into()];
    header.extend(first.categories.iter().map(|c| format!("{}({})", c.name, c.max.normalize())));
    header.extend(["加分".into(), "总分".into(), "等次".into(), "标记".into()]);
    let mut lines = vec![header];
    let mut rank = 0;
    let mut prev = None;
    for (i, s) in rows.iter().enumerate() {
        if prev != Some(s.total) {
            rank = i + 1;
            prev = Some(s.total);
        }
        if top > 0 && i >= top {
            break;
        }
        let mut l = vec![rank.to_string(), s.subject.clone(), s.name.clone()];
        l.extend(s.categories.iter().map(|c| format!("{:.2}", c.score)));
        l.push(format!("{:.2}", s.bonus));
        l.push(format!("{:.2}", s.total));
        l.push(s.grade.clone());
        let flags: Vec<String> = s.flags.iter().map(|f| flag_zh(&f.code, f.period)).collect();
        l.push(flags.join(" "));
        lines.push(l);
    }
    print_grid(&lines);
}

fn flag_zh(code: &str, period: Option<kaoping_core::policy::PeriodKind>) -> String {
    use kaoping_core::policy::PeriodKind as P;
    match (code, period) {
        ("recommend_reassignment", _) => "建议调岗或辞退".into(),
        ("disqualified", Some(P::Quarter)) => "取消季度评先".into(),
        ("disqualified", Some(P::Year)) => "取消年度评先".into(),
        ("disqualified", _) => "取消当月评先".into(),
        ("category_zeroed_for_year", _) => "投诉处理年度不得分".into(),
        ("forced_grade", _) => "一票否决".into(),
        (other, _) => other.into(),
    }
}

fn period_label(p: &PeriodResult) -> String {
    match p.period {
        Period::Month(m) => format!("{m} 月度"),
        Period::Quarter { year, quarter } => format!("{year}年第{quarter}季度"),
        Period::Year(y) => format!("{y}年度"),
    }
}

fn print_period(policy: &Policy, res: &PeriodResult, top: usize) {
    out!("{} — {} 考评 ({})", res.hall, period_label(res), policy.doc().name);
    for (title, rows) in [("窗口排名", &res.windows), ("窗口工作人员排名", &res.staff)] {
        out!();
        out!("== {title} ({} 个) ==", rows.len());
        let mut lines = vec![vec!["名次".to_string(), "部门内名次".into(), "编号".into(), "名称".into(), "部门".into(), "参评月数".into(), "得分".into(), "等次".into(), "扣分".into(), "投诉".into(), "加分".into(), "评先资格".into()]];
        for (i, s) in rows.iter().enumerate() {
            if top > 0 && i >= top {
                break;
            }
            lines.push(period_row(s));
        }
        print_grid(&lines);
    }
    out!();
    print_awards(res);
}

fn period_row(s: &SubjectPeriod) -> Vec<String> {
    let elig = if s.disqualifications.is_empty() { String::new() } else { "取消".to_string() };
    vec![
        s.rank.to_string(),
        s.department_rank.to_string(),
        s.subject.clone(),
        s.name.clone(),
        s.department.clone(),
        s.months_evaluated.to_string(),
        format!("{:.2}", s.score),
        s.grade.clone(),
        format!("{:.2}", s.deductions),
        s.complaints.to_string(),
        format!("{:.2}", s.bonus),
        elig,
    ]
}

fn print_awards(res: &PeriodResult) {
    if res.awards.is_empty() {
        out!("(本期无评先项目)");
    }
    for a in &res.awards {
        out!("== {} {} — 名额 {} (参评 {}, {}) ==", period_label(res), a.name, a.quota, a.participants, a.quota_detail);
        if a.awarded.is_empty() {
            out!("  无");
        }
        for id in &a.awarded {
            let s = res.subject(id).expect("awarded subjects are in the result");
            out!("  ★ {} {} ({}) 得分 {:.2} 第{}名", s.subject, s.name, s.department, s.score, s.rank);
        }
        if !a.tied_at_line.is_empty() {
            out!("  名额线并列, 提请中心研究决定: {}", a.tied_at_line.join(", "));
        }
        let excluded: Vec<_> = a.standings.iter().filter(|s| s.status == AwardStatus::NotEligible && s.rank as usize <= a.awarded.len() + 5).collect();
        for s in excluded {
            out!("  × {} 第{}名 不具备资格: {}", s.subject, s.rank, s.detail);
        }
    }
}

fn print_grid(lines: &[Vec<String>]) {
    let width = |s: &str| s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>();
    let cols = lines[0].len();
    let widths: Vec<usize> = (0..cols).map(|c| lines.iter().map(|l| width(&l[c])).max().unwrap_or(0)).collect();
    for l in lines {
        let cells: Vec<String> = l.iter().enumerate().map(|(c, v)| format!("{v}{}", " ".repeat(widths[c] - width(v)))).collect();
        out!("{}", cells.join("  ").trim_end());
    }
}
