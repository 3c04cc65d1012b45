//! The `kaoping` command.

use clap::{Parser, Subcommand};
use kaoping_core::result::{MonthResult, SubjectRef};
use kaoping_core::period::{AwardStatus, PeriodResult, SubjectPeriod};
use kaoping_core::{Dataset, Errors, Period, Policy, YearMonth};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kaoping_cli::{flag_label, import, progress, report, table, template};

/// Exit codes: 0 ok, 1 invalid input (dataset, policy, file), 2 usage.
#[derive(Parser)]
#[command(name = "kaoping", version, about = "考评: score service-hall windows and staff against a performance-evaluation measure")]
#[command(after_help = "The centre's monthly routine:
  kaoping template records.xlsx --roster hall.json          # 1. the sheet to fill in
  (fill in the 记录 sheet in Excel or WPS)                    # 2.
  kaoping import records.xlsx --roster hall.json -o hall.json            # 3. (adds to its records)
  kaoping validate hall.json                                # 4.
  kaoping report hall.json --period 2026-10 -o 2026-10.xlsx # 5. (and awards for a quarter)

Every subcommand has --help with examples.
Exit codes: 0 ok; 1 invalid input (the problems go to stderr); 2 usage error.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of the texts of results (details, reasons, flags, warnings, award
    /// standings) in tables, reports and JSON: zh-CN (the default) or en.
    #[arg(long, global = true, default_value = "zh-CN", value_name = "LANG")]
    lang: kaoping_core::messages::Lang,
}

#[derive(Subcommand)]
enum Command {
    /// Score a month: window and staff tables with Chinese labels.
    #[command(after_help = "Examples:\n  kaoping score examples/data/county-2026.json --month 2026-10\n  kaoping score examples/data/county-2026.json --period 2026-Q3\n  kaoping score examples/data/county-2026.json --period 2026 --top 10\n  kaoping score data.json --month 2026-10 --format json > result.json\n\nExit codes: 0 ok; 1 invalid input (dataset, policy, month outside the data: problems on stderr); 2 usage error.")]
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
    #[command(after_help = "Examples:\n  kaoping awards examples/data/county-2026.json --period 2026-Q3\n  kaoping awards examples/data/county-2026.json --period 2026 --format json\n\nExit codes: 0 ok; 1 invalid input (problems on stderr); 2 usage error.")]
    Awards {
        /// The dataset (JSON).
        file: PathBuf,
        /// A quarter 2026-Q3 or a year 2026 (or a month, for policies with monthly awards).
        #[arg(long)]
        period: Period,
        /// Another county's policy (JSON); the built-in county measure when absent.
        #[arg(long)]
        policy: Option<PathBuf>,
        /// `table` (default) or `json`.
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Check a dataset (or with --policy-only, a policy) and list every problem.
    #[command(after_help = "Examples:\n  kaoping validate examples/data/county-2026.json\n  kaoping validate --policy my-county.json examples/data/county-2026.json\n  kaoping validate --policy-only my-county.json\n\nExit codes: 0 valid; 1 problems (each with its place, record and rule, on stderr); 2 usage error.")]
    Validate {
        /// The dataset (JSON), or with --policy-only a policy document.
        file: PathBuf,
        /// Another county's policy (JSON); the built-in county measure when absent.
        #[arg(long)]
        policy: Option<PathBuf>,
        /// FILE is a policy document: check it alone.
        #[arg(long)]
        policy_only: bool,
    },
    /// Print a published JSON Schema: policy, dataset, result, year_result, errors.
    #[command(after_help = "Examples:\n  kaoping schema dataset > dataset.schema.json\n  kaoping schema policy > policy.schema.json\n\nExit codes: 0 ok; 2 unknown schema name.")]
    Schema {
        /// policy, dataset, result, year_result, period_result or errors.
        name: String,
    },
    /// Print the built-in policy (the county measure) as JSON.
    #[command(after_help = "Examples:\n  kaoping policy > my-county.json     # start here to write another county's policy\n  kaoping validate --policy-only my-county.json\n\nExit codes: 0 ok.")]
    Policy,
    /// Write the Excel workbook the centre fills in: a 记录 (records) sheet with drop-downs and
    /// validation, and reference sheets of rule items with their points, windows and staff.
    #[command(after_help = "Examples:
  kaoping template records.xlsx --roster examples/data/county-2026.json
  kaoping template records.xlsx --year 2026              # without a roster: no window/staff lists
  kaoping template records.xlsx --roster hall.json --policy my-county.json --rows 2000

The 记录 sheet's 考评项目 column has a drop-down of every rule code with its Chinese description
(from the 考评项目 sheet); 对象编号 a drop-down of the roster's windows and staff; 日期 accepts
dates of the roster's year only. Fill it in Excel or WPS, then run kaoping import.

Exit codes: 0 written; 1 invalid input (roster, policy, or the file cannot be written); 2 usage error.")]
    Template {
        /// The workbook to write (.xlsx).
        output: PathBuf,
        /// A dataset JSON whose windows and staff fill the reference sheets and drop-downs.
        #[arg(long)]
        roster: Option<PathBuf>,
        /// Another county's policy (JSON); the built-in county measure when absent.
        #[arg(long)]
        policy: Option<PathBuf>,
        /// The year whose dates the sheet accepts (default: the roster's year, else this year).
        #[arg(long)]
        year: Option<i32>,
        /// Rows prepared with drop-downs and validation.
        #[arg(long, default_value_t = 1000)]
        rows: u32,
    },
    /// Read a filled records sheet (xlsx, xls, ods, or CSV in UTF-8 or GBK) into a dataset.
    #[command(after_help = "Examples:
  kaoping import records.xlsx --roster hall.json -o hall.json             # the sheet's records added to the roster's
  kaoping import records.csv --roster hall.json -o dataset.json           # CSV: UTF-8 or GBK, detected
  kaoping import book.xlsx --sheet 十月 --roster hall.json > dataset.json
  kaoping import records.xlsx --roster hall.json -o hall.json --replace   # the roster's records dropped (says how many)

The roster is a dataset JSON providing hall, year, departments, windows, staff, targets, metrics
and the records so far; the sheet's records are added after its records, and a record id
already in the roster is a problem of its cell, so importing a sheet twice adds nothing twice.
Only --replace drops the roster's records (the count dropped is printed). The output is written
whole or not at all (a temporary file renamed over it). Every bad cell is
reported with its address (记录!D7) and what was expected; the dataset is validated before it
is written, and its problems are mapped back to the cells. Nothing is written on error.

Exit codes: 0 imported; 1 invalid input (bad cells, invalid dataset, unreadable file); 2 usage error.")]
    Import {
        /// The filled sheet: .xlsx, .xlsm, .xls, .ods or .csv.
        file: PathBuf,
        /// The dataset JSON giving hall, year, departments, windows, staff, targets and metrics.
        #[arg(long)]
        roster: PathBuf,
        /// Where to write the dataset (JSON); stdout when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Add the sheet's records after the roster's (the default; kept for older scripts).
        #[arg(long, conflicts_with = "replace")]
        append: bool,
        /// Drop the roster's records and keep only the sheet's (the count dropped is printed).
        #[arg(long)]
        replace: bool,
        /// The sheet to read (default: 记录, else the first sheet).
        #[arg(long)]
        sheet: Option<String>,
        /// Another county's policy (JSON); the built-in county measure when absent.
        #[arg(long)]
        policy: Option<PathBuf>,
    },
    /// The period's report: window and staff scores, deduction and bonus details, department
    /// feedback, rankings, award lists and every record's outcome.
    #[command(after_help = "Examples:
  kaoping report examples/data/county-2026.json --period 2026-10 -o 2026-10.xlsx
  kaoping report examples/data/county-2026.json --period 2026-Q3 -o 2026-Q3.xlsx
  kaoping report examples/data/county-2026.json --period 2026-10 --by-department 部门反馈-2026-10/
  kaoping report examples/data/county-2026.json --period 2026 --format csv -o report-2026/
  kaoping report data.json --period 2026-10 --format csv --sheet departments > departments.csv
  kaoping report data.json --period 2026-10 --format md > 2026-10.md
  kaoping report data.json --period 2026-Q3 --format json -o q3.json

Sheets (slug = CSV file name and --sheet value): summary 概况, window-scores 窗口得分,
staff-scores 人员得分, deductions 扣分明细, bonuses 加分明细, departments 部门反馈,
rankings 排名, awards 评先名单, records 记录核对.
xlsx: the first sheet (概况) is a brief with charts (the windows' ranking, deductions by
category, and for a quarter or year the monthly means); the tables have Chinese headers, frozen
and filtered header rows, names beside ids, grades coloured, dates as dates, scores as numbers
formatted 0.00, and print on A4 landscape one page wide.
--by-department DIR: one workbook per department (its brief, windows, staff, every deduction
and bonus with rule, article, record and date, its records), evaluation-2026-10-县市场监督管理局.xlsx.
csv: UTF-8 with BOM (opens in Excel), one file per sheet in the -o directory, or one sheet
with --sheet. md: to stdout or -o. json: the sheets as {sheet, columns, rows}, scores as
exact decimal strings (for the full result, use kaoping score --format json).

Exit codes: 0 written; 1 invalid input (dataset, policy, period outside the data); 2 usage error.")]
    Report {
        /// The dataset (JSON).
        file: PathBuf,
        /// A month 2026-10, a quarter 2026-Q3 or a year 2026.
        #[arg(long)]
        period: Period,
        /// Output file (xlsx, md, json), or directory (csv); md and json go to stdout when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// xlsx (default; from the -o extension when not given), csv, md or json.
        #[arg(long)]
        format: Option<String>,
        /// Only this sheet (slug or Chinese name) — for csv, md and json.
        #[arg(long)]
        sheet: Option<String>,
        /// Another county's policy (JSON); the built-in county measure when absent.
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Also (or, without -o, only) one workbook per department in this directory, named
        /// evaluation-PERIOD-DEPARTMENT.xlsx (考评-… in Chinese), to send to each department as it is.
        #[arg(long, value_name = "DIR")]
        by_department: Option<PathBuf>,
    },
    /// How each point of one window's or staff member's month was lost or won, citing rule codes
    /// and record ids.
    #[command(after_help = "Examples:
  kaoping explain examples/data/county-2026.json --subject S001 --month 2026-10
  kaoping explain examples/data/county-2026.json --subject W01 --month 2026-10
  kaoping explain data.json --subject S012 --month 2026-07 --policy my-county.json

Exit codes: 0 ok; 1 invalid input (dataset, policy, or the subject was not evaluated that month); 2 usage error.")]
    Explain {
        /// The dataset (JSON).
        file: PathBuf,
        /// A window id (W01) or staff id (S001).
        #[arg(long)]
        subject: String,
        /// The month, YYYY-MM.
        #[arg(long)]
        month: YearMonth,
        /// Another county's policy (JSON); the built-in county measure when absent.
        #[arg(long)]
        policy: Option<PathBuf>,
    },
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

/// Writes a result as indented JSON straight to standard output, after what the command wrote
/// before it: a result's JSON can be far larger than the result (a million records' month is
/// some 800 MB), so it is not held in memory. Nothing can fail once the result is computed; a
/// reader that went away (head, less) is not an error of ours.
fn emit_json<T: serde::Serialize + ?Sized>(value: &T) {
    use std::io::Write;
    flush_output();
    let mut w = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let _ = kaoping_core::json::to_writer_pretty(&mut w, value)
        .map_err(std::io::Error::other)
        .and_then(|_| w.write_all(b"\n"))
        .and_then(|_| w.flush());
}

fn flush_output() {
    use std::io::Write;
    let text = OUT.with(|o| std::mem::take(&mut *o.borrow_mut()));
    let mut stdout = std::io::stdout().lock();
    // a reader that went away (head, less) is not an error of ours
    let _ = stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush());
}

/// The language of this run's texts as the command line asks (`--lang X` or `--lang=X`), read
/// before the command line is parsed, so that its help is in that language too.
fn asked_lang() -> kaoping_core::messages::Lang {
    let args: Vec<String> = std::env::args().collect();
    let given = args.iter().enumerate().find_map(|(i, a)| match a.strip_prefix("--lang=") {
        Some(v) => Some(v.to_string()),
        None if a == "--lang" => args.get(i + 1).cloned(),
        None => None,
    });
    given.and_then(|v| v.parse().ok()).unwrap_or(kaoping_core::messages::Lang::ZhCn)
}

/// The command line's definition with every text a person reads in its help from the message
/// catalogue, in `lang`: each command's and argument's description, the examples, the headings.
fn command_in(lang: kaoping_core::messages::Lang) -> clap::Command {
    use clap::{Arg, ArgAction, CommandFactory};
    let t = |id: &str| kaoping_core::messages::text(lang, id, &[]);
    let template = format!("{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}", t("help-heading-usage"));
    // headings, the help flag and each argument's description, for a command whose texts are `help-{key}-…`
    let localize = |c: clap::Command, key: &str| -> clap::Command {
        let ids: Vec<String> = c.get_arguments().map(|a| a.get_id().to_string()).collect();
        let mut c = c
            .help_template(template.clone())
            .subcommand_help_heading(t("help-heading-commands"))
            .disable_help_flag(true)
            .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help(t("help-flag-help")));
        for id in ids {
            let help = t(&format!("{key}-{id}"));
            c = c.mut_arg(id, |a| {
                let heading = if a.is_positional() { t("help-heading-arguments") } else { t("help-heading-options") };
                let a = a.help(help).help_heading(heading);
                // (Chinese descriptions say their default themselves; clap's `[default: …]` is English)
                let zh = lang == kaoping_core::messages::Lang::ZhCn;
                if zh && !a.get_default_values().is_empty() { a.hide_default_value(true) } else { a }
            });
        }
        c.mut_arg("help", |a| a.help_heading(t("help-heading-options")))
    };
    let mut c = Cli::command().about(t("help-about")).after_help(t("help-after"));
    let names: Vec<String> = c.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        let key = format!("help-{name}");
        c = c.mut_subcommand(&name, |s| localize(s.about(t(&key)).after_help(t(&format!("{key}-after"))), &key));
    }
    localize(c, "help-arg")
        .disable_version_flag(true)
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version).help(t("help-flag-version")).help_heading(t("help-heading-options")))
}

fn main() -> ExitCode {
    use clap::FromArgMatches;
    let matches = command_in(asked_lang()).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let result = run(cli);
    flush_output();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(msg)) => {
            eprintln!("{msg}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("{}", say("cli-error", &[("message", &msg)]));
            ExitCode::from(2)
        }
    }
}

enum Failure {
    Input(String),
    Usage(String),
}

/// The language of this run's texts (`--lang`), set once at the start.
static LANG: std::sync::OnceLock<kaoping_core::messages::Lang> = std::sync::OnceLock::new();

fn lang() -> kaoping_core::messages::Lang {
    LANG.get().copied().unwrap_or(kaoping_core::messages::Lang::ZhCn)
}

/// A message of the catalogue in this run's language.
fn say(id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    kaoping_core::messages::text(lang(), id, args)
}

impl From<Errors> for Failure {
    fn from(e: Errors) -> Self {
        Failure::Input(e.display_in(lang()))
    }
}

fn read(path: &Path) -> Result<String, Failure> {
    // a document past the limit is refused before it is read (SECURITY.md)
    let limit = kaoping_core::limits::MAX_DOCUMENT_BYTES;
    if let Ok(m) = std::fs::metadata(path)
        && m.len() > limit as u64
    {
        return Err(Failure::Input(say("cli-too-large", &[("path", &path.display()), ("size", &m.len()), ("limit", &limit)])));
    }
    let bytes = std::fs::read(path).map_err(|e| Failure::Input(say("cli-cannot-read", &[("path", &path.display()), ("error", &e)])))?;
    // where the bytes stop being UTF-8, as the C ABI and Python say it
    String::from_utf8(bytes).map_err(|e| Failure::Input(say("cli-not-utf8", &[("path", &path.display()), ("byte", &e.utf8_error().valid_up_to())])))
}

fn load_policy(path: Option<&Path>, lang: kaoping_core::messages::Lang) -> Result<Policy, Failure> {
    Ok(match path {
        None => Policy::builtin(),
        Some(p) => Policy::from_json(&read(p)?)?,
    }
    .with_lang(lang))
}

fn run(cli: Cli) -> Result<(), Failure> {
    let lang = cli.lang;
    let _ = LANG.set(lang);
    match cli.command {
        Command::Score { file, month, period, policy, format, top } => run_score(&file, month, period, policy.as_deref(), &format, top, lang),
        Command::Awards { file, period, policy, format } => {
            if format != "json" && format != "table" {
                return Err(Failure::Usage(say("cli-unknown-format", &[("format", &format!("{format:?}")), ("choices", &"table, json")])));
            }
            let policy = load_policy(policy.as_deref(), lang)?;
            let ds = Dataset::from_json(&read(&file)?)?;
            let res = policy.evaluate_period(&ds, period)?;
            warn_months_without_data(&res);
            if format == "json" {
                emit_json(&res.awards);
            } else {
                print_awards(&res);
            }
            Ok(())
        }
        Command::Validate { file, policy, policy_only } => {
            if policy_only {
                let p = load_policy(Some(&file), lang)?;
                out!("{}", say("cli-policy-ok", &[("id", &p.doc().id), ("count", &p.doc().rules.len())]));
                return Ok(());
            }
            let policy = load_policy(policy.as_deref(), lang)?;
            let ds = Dataset::from_json(&read(&file)?)?;
            policy.validate(&ds)?;
            let args: [(&str, &dyn std::fmt::Display); 6] = [
                ("hall", &ds.hall.name),
                ("year", &ds.year),
                ("windows", &ds.windows.len()),
                ("staff", &ds.staff.len()),
                ("records", &ds.records.len()),
                ("metrics", &ds.metrics.len()),
            ];
            out!("{}", say("cli-dataset-ok", &args));
            Ok(())
        }
        Command::Schema { name } => match kaoping_core::schema::schema_json(&name) {
            Some(s) => {
                out_raw!("{s}");
                Ok(())
            }
            None => Err(Failure::Usage(say("cli-unknown-schema", &[("name", &format!("{name:?}")), ("names", &kaoping_core::schema::NAMES.join(", "))]))),
        },
        Command::Policy => {
            out_raw!("{}", kaoping_core::BUILTIN_POLICY_JSON);
            Ok(())
        }
        Command::Template { output, roster, policy, year, rows } => run_template(&output, roster.as_deref(), policy.as_deref(), year, rows, lang),
        Command::Import { file, roster, output, append: _, replace, sheet, policy } => run_import(&file, &roster, output.as_deref(), replace, sheet.as_deref(), policy.as_deref(), lang),
        Command::Report { file, period, output, format, sheet, policy, by_department } => run_report(file, period, output, format, sheet, policy, by_department, lang),
        Command::Explain { file, subject, month, policy } => {
            let policy = load_policy(policy.as_deref(), lang)?;
            let ds = Dataset::from_json(&read(&file)?)?;
            let res = policy.evaluate_month(&ds, month)?;
            match kaoping_core::explain::explain_in(&res, &subject, lang) {
                Some(text) => {
                    out_raw!("{text}");
                    Ok(())
                }
                None => {
                    let known = ds.windows.iter().any(|w| w.id == subject) || ds.staff.iter().any(|s| s.id == subject);
                    Err(Failure::Input(if known {
                        say("cli-not-evaluated", &[("subject", &subject), ("month", &month)])
                    } else {
                        say("cli-no-subject", &[("subject", &format!("{subject:?}")), ("path", &file.display())])
                    }))
                }
            }
        }
    }
}

/// `kaoping score`: a month's tables or JSON, or a period's.
#[allow(clippy::too_many_arguments)]
fn run_score(file: &Path, month: Option<YearMonth>, period: Option<Period>, policy: Option<&Path>, format: &str, top: usize, lang: kaoping_core::messages::Lang) -> Result<(), Failure> {
    let period = match (month, period) {
        (Some(m), _) => Period::Month(m),
        (None, Some(p)) => p,
        (None, None) => return Err(Failure::Usage(say("cli-usage-month-or-period", &[]))),
    };
    let month = month.or(match period {
        Period::Month(m) if format == "table" => Some(m),
        _ => None,
    });
    if format != "json" && format != "table" {
        return Err(Failure::Usage(say("cli-unknown-format", &[("format", &format!("{format:?}")), ("choices", &"table, json")])));
    }
    let policy = load_policy(policy, lang)?;
    let ds = Dataset::from_json(&read(file)?)?;
    match (month, period) {
        (Some(m), _) => {
            // the tables show scores, grades and flags, which the scores level holds
            // (core/tests/explain_levels.rs): category lines and texts only for JSON
            let explain = if format == "json" { kaoping_core::Explain::Full } else { kaoping_core::Explain::Scores };
            let res = policy.evaluate_month_with(&ds, m, explain)?;
            if format == "json" {
                emit_json(&res);
            } else {
                print_tables(&policy, &res, top);
            }
        }
        (None, p) => {
            let res = policy.evaluate_period(&ds, p)?;
            warn_months_without_data(&res);
            if format == "json" {
                emit_json(&res);
            } else {
                print_period(&policy, &res, top);
            }
        }
    }
    Ok(())
}

/// `kaoping template`: the Excel workbook staff record incidents in.
fn run_template(output: &Path, roster: Option<&Path>, policy: Option<&Path>, year: Option<i32>, rows: u32, lang: kaoping_core::messages::Lang) -> Result<(), Failure> {
    let policy = load_policy(policy, lang)?;
    let roster = match &roster {
        Some(p) => Some(Dataset::from_json(&read(p)?)?),
        None => None,
    };
    let year = year.or(roster.as_ref().map(|r| r.year)).unwrap_or_else(this_year);
    if !(1900..=9999).contains(&year) {
        return Err(Failure::Usage(say("cli-bad-year", &[("year", &year)])));
    }
    if rows == 0 || rows > 1_048_575 {
        return Err(Failure::Usage(say("cli-bad-rows", &[("rows", &rows)])));
    }
    let mut wb = template::build(&policy, roster.as_ref(), year, rows, lang).map_err(|e| Failure::Input(say("cli-cannot-build-template", &[("error", &e)])))?;
    save_workbook(&mut wb, output)?;
    let lists = match &roster {
        Some(r) => say("cli-template-lists", &[("windows", &r.windows.len()), ("staff", &r.staff.len())]),
        None => say("cli-template-no-roster", &[]),
    };
    let args: [(&str, &dyn std::fmt::Display); 4] = [("path", &output.display()), ("count", &policy.doc().rules.len()), ("lists", &lists), ("year", &year)];
    out!("{}", say("cli-template-written", &args));
    Ok(())
}

/// `kaoping import`: a filled-in sheet read into a dataset, after or instead of the roster's records.
fn run_import(file: &Path, roster: &Path, output: Option<&Path>, replace: bool, sheet: Option<&str>, policy: Option<&Path>, lang: kaoping_core::messages::Lang) -> Result<(), Failure> {
    let append = !replace;
    let policy = load_policy(policy, lang)?;
    let roster_ds = Dataset::from_json(&read(roster)?)?;
    if import::is_csv(file) && sheet.is_some() {
        return Err(Failure::Usage(say("cli-sheet-csv", &[])));
    }
    let grid = import::read_sheet(file, sheet, lang).map_err(Failure::Input)?;
    let roster_name = roster.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    let import::Imported { dataset: ds, imported, kept, dropped } =
        import::import(&grid, &policy, &roster_ds, append, &roster_name, true).map_err(|errors| Failure::Input(import::problems_message_in(&grid, &errors, lang)))?;
    let how = if append {
        say("cli-imported-after", &[("kept", &kept), ("roster", &roster_name)])
    } else {
        say("cli-imported-replaced", &[("dropped", &dropped), ("roster", &roster_name)])
    };
    let args: [(&str, &dyn std::fmt::Display); 4] = [("imported", &imported), ("source", &grid.source), ("how", &how), ("total", &ds.records.len())];
    let summary = say("cli-imported", &args);
    let json = ds.to_json() + "\n";
    match &output {
        Some(path) => {
            write_atomic(path, json.as_bytes())?;
            out!("{}", say("cli-then-wrote", &[("summary", &summary), ("path", &path.display())]));
        }
        None => {
            out_raw!("{json}");
            eprintln!("{summary}");
        }
    }
    Ok(())
}

/// Before a period's scores or awards: its months that have no record and no metrics (most
/// likely not recorded yet) are scored as clean months, so the ranks and award lists are
/// provisional. Said on stderr, so a JSON or CSV on stdout stays as it is.
fn warn_months_without_data(res: &kaoping_core::PeriodResult) {
    if res.months_without_data.is_empty() {
        return;
    }
    let months: Vec<String> = res.months_without_data.iter().map(|m| m.to_string()).collect();
    let list = months.join(if lang() == kaoping_core::messages::Lang::En { ", " } else { "、" });
    eprintln!("{}", say("cli-months-without-data", &[("months", &list)]));
}

fn this_year() -> i32 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let days = (secs / 86_400) as i64;
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_signed(chrono::TimeDelta::days(days)))
        .map(|d| chrono::Datelike::year(&d))
        .unwrap_or(2026)
}

/// Writes a file in one piece: to a temporary file beside it, then renamed over it, so an
/// interrupted run leaves no half-written file.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let tmp = temp_beside(path);
    // a new file (never another's), on disk before it replaces the old one, with the old one's
    // permissions (a 0600 hall file stays 0600)
    let res = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            if let Ok(m) = std::fs::metadata(path) {
                f.set_permissions(m.permissions())?;
            }
            f.sync_all()
        })
        .and_then(|_| std::fs::rename(&tmp, path));
    if let Err(e) = res {
        let _ = std::fs::remove_file(&tmp);
        return Err(Failure::Input(say("cli-cannot-write", &[("path", &path.display()), ("error", &e)])));
    }
    Ok(())
}

fn temp_beside(path: &Path) -> PathBuf {
    let name = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

fn save_workbook(wb: &mut rust_xlsxwriter::Workbook, path: &Path) -> Result<(), Failure> {
    let buf = wb.save_to_buffer().map_err(|e| Failure::Input(say("cli-cannot-write", &[("path", &path.display()), ("error", &e)])))?;
    write_atomic(path, &buf)
}

#[allow(clippy::too_many_arguments)]
fn run_report(
    file: PathBuf,
    period: Period,
    output: Option<PathBuf>,
    format: Option<String>,
    sheet: Option<String>,
    policy: Option<PathBuf>,
    by_department: Option<PathBuf>,
    lang: kaoping_core::messages::Lang,
) -> Result<(), Failure> {
    let ext = output.as_ref().and_then(|o| o.extension()).map(|e| e.to_string_lossy().to_lowercase());
    let format = match (format, ext.as_deref()) {
        (Some(f), _) => f,
        (None, Some("md")) => "md".into(),
        (None, Some("json")) => "json".into(),
        (None, Some("csv")) => "csv".into(),
        _ => "xlsx".into(),
    };
    if !["xlsx", "csv", "md", "json"].contains(&format.as_str()) {
        return Err(Failure::Usage(say("cli-unknown-format", &[("format", &format!("{format:?}")), ("choices", &"xlsx, csv, md, json")])));
    }
    let only = match &sheet {
        Some(name) => Some(report::find_sheet(name).ok_or_else(|| {
            Failure::Usage(say("cli-unknown-sheet", &[("name", &format!("{name:?}")), ("names", &report::SHEETS.iter().map(|s| format!("{s} ({})", report::sheet_name(s, lang))).collect::<Vec<_>>().join(", "))]))
        })?),
        None => None,
    };
    if by_department.is_some() && (format != "xlsx" || only.is_some()) {
        return Err(Failure::Usage(say("cli-by-department-xlsx", &[])));
    }
    match format.as_str() {
        "xlsx" if output.is_none() && by_department.is_none() => {
            return Err(Failure::Usage(say("cli-xlsx-needs-output", &[])));
        }
        "xlsx" if only.is_some() => return Err(Failure::Usage(say("cli-xlsx-sheet", &[]))),
        "csv" if output.is_none() && only.is_none() => {
            return Err(Failure::Usage(say("cli-csv-needs-output", &[])));
        }
        _ => {}
    }
    let policy = load_policy(policy.as_deref(), lang)?;
    let ds = Dataset::from_json(&read(&file)?)?;
    let large = ds.records.len() as u64;
    let bar = progress::bar_if_large(large, report::SHEETS.len() as u64 + 1, "");
    bar.set_message(say("report-progress-evaluating", &[]));
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    // the months behind the period, and behind the period before it (the brief compares the two),
    // then the period results built from them by the core
    let report::Evaluated { months, period: res, previous: previous_res } = report::evaluate(&policy, &ds, period, only.is_none_or(|o| o == "summary"))?;
    bar.inc(1);
    if !res.months_without_data.is_empty() {
        bar.suspend(|| warn_months_without_data(&res));
    }
    let rep = report::Report::new(&policy, &ds, &res, &months, previous_res.as_ref());
    let formats = report::formats(&policy);
    let write_book = |sheets: &[table::Sheet], path: &Path| -> Result<(), Failure> {
        let mut each = |s: &table::Sheet| {
            bar.set_message(say("report-progress-writing", &[("sheet", &s.name)]));
            bar.inc(1);
        };
        let buf = table::workbook_bytes(sheets, &formats, &mut each).map_err(|e| Failure::Input(say("cli-cannot-write", &[("path", &path.display()), ("error", &e)])))?;
        write_atomic(path, &buf)
    };
    let mut said = Vec::new();
    if let Some(dir) = &by_department {
        std::fs::create_dir_all(dir).map_err(|e| Failure::Input(say("cli-cannot-create-dir", &[("path", &dir.display()), ("error", &e)])))?;
        let books = rep.department_books();
        for b in &books {
            write_book(&b.sheets, &dir.join(&b.file_name))?;
        }
        said.push(say("cli-wrote-department-books", &[("count", &books.len()), ("path", &dir.display())]));
        if output.is_none() {
            bar.finish_and_clear();
            for s in said {
                out!("{s}");
            }
            return Ok(());
        }
    }
    let sheets: Vec<table::Sheet> = rep.sheets().into_iter().filter(|s| only.is_none_or(|o| o == s.slug)).collect();
    let written = match format.as_str() {
        "xlsx" => {
            let path = output.as_ref().expect("checked");
            write_book(&sheets, path)?;
            Some(say("cli-wrote-sheets", &[("path", &path.display()), ("count", &sheets.len())]))
        }
        "csv" => match (&output, only) {
            (Some(dir), None) => {
                std::fs::create_dir_all(dir).map_err(|e| Failure::Input(say("cli-cannot-create-dir", &[("path", &dir.display()), ("error", &e)])))?;
                for s in &sheets {
                    write_atomic(&dir.join(format!("{}.csv", s.slug)), table::to_csv(s).as_bytes())?;
                    bar.inc(1);
                }
                Some(say("cli-wrote-csv", &[("count", &sheets.len()), ("path", &dir.display())]))
            }
            (Some(path), Some(_)) => {
                write_atomic(path, table::to_csv(&sheets[0]).as_bytes())?;
                Some(say("cli-wrote", &[("path", &path.display())]))
            }
            (None, _) => {
                out_raw!("{}", table::to_csv(&sheets[0]));
                None
            }
        },
        "md" => {
            let mut text = format!("# {}\n\n", say("report-title", &[("hall", &ds.hall.name), ("period", &report::period_label(period, lang))]));
            for s in &sheets {
                text.push_str(&table::to_markdown(s));
                text.push('\n');
            }
            match &output {
                Some(path) => {
                    write_atomic(path, text.as_bytes())?;
                    Some(say("cli-wrote", &[("path", &path.display())]))
                }
                None => {
                    out_raw!("{text}");
                    None
                }
            }
        }
        _ => {
            let value = serde_json::json!({
                "hall": ds.hall.name,
                "period": period.to_string(),
                "policy": policy.doc().id,
                "sheets": sheets.iter().map(table::to_json).collect::<Vec<_>>(),
            });
            let text = kaoping_core::json::to_string_pretty(&value).expect("serialises") + "\n";
            match &output {
                Some(path) => {
                    write_atomic(path, text.as_bytes())?;
                    Some(say("cli-wrote", &[("path", &path.display())]))
                }
                None => {
                    out_raw!("{text}");
                    None
                }
            }
        }
    };
    bar.finish_and_clear();
    for s in said {
        out!("{s}");
    }
    if let Some(w) = written {
        out!("{w}");
    }
    Ok(())
}

fn print_tables(policy: &Policy, res: &MonthResult, top: usize) {
    let mut windows: Vec<SubjectRef<'_>> = res.windows.iter().collect();
    let mut staff: Vec<SubjectRef<'_>> = res.staff.iter().collect();
    let order = |a: &SubjectRef<'_>, b: &SubjectRef<'_>| b.total().cmp(&a.total()).then_with(|| a.subject().cmp(b.subject()));
    windows.sort_by(order);
    staff.sort_by(order);
    out!("{}", say("cli-table-month-title", &[("hall", &res.hall), ("month", &res.month), ("policy", &policy.doc().name)]));
    out!();
    table(&say("cli-table-windows", &[]), &windows, top);
    out!();
    table(&say("cli-table-staff", &[]), &staff, top);
    let counted = res.records.iter().filter(|r| r.outcome() != kaoping_core::result::OutcomeKind::NotCounted).count();
    out!();
    let args: [(&str, &dyn std::fmt::Display); 4] =
        [("records", &res.records.len()), ("counted", &counted), ("not_counted", &(res.records.len() - counted)), ("warnings", &res.warnings.len())];
    out!("{}", say("cli-table-records", &args));
}

/// The heading of a table: `== title (count) ==`.
fn table_heading(title: &str, count: usize) -> String {
    say("cli-table-heading", &[("title", &title), ("count", &count)])
}

/// Column headings from the catalogue, by the last part of their ids (`cli-table-…`).
fn headings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| say(&format!("cli-table-{id}"), &[])).collect()
}

fn table(title: &str, rows: &[SubjectRef<'_>], top: usize) {
    out!("{}", table_heading(title, rows.len()));
    let Some(first) = rows.first() else { return };
    let mut header = headings(&["rank", "id", "name"]);
    header.extend(first.categories().iter().map(|c| format!("{}({})", c.name(), c.max().normalize())));
    header.extend(headings(&["bonus", "total", "grade", "flags"]));
    let mut lines = vec![header];
    let mut rank = 0;
    let mut prev = None;
    // (English labels are words with spaces: a comma between them)
    let between = if lang() == kaoping_core::messages::Lang::En { ", " } else { " " };
    for (i, s) in rows.iter().enumerate() {
        if prev != Some(s.total()) {
            rank = i + 1;
            prev = Some(s.total());
        }
        if top > 0 && i >= top {
            break;
        }
        let mut l = vec![rank.to_string(), s.subject().to_string(), s.name().to_string()];
        l.extend(s.categories().iter().map(|c| format!("{:.2}", c.score())));
        l.push(format!("{:.2}", s.bonus()));
        l.push(format!("{:.2}", s.total()));
        l.push(s.grade().to_string());
        let flags: Vec<String> = s.flags().iter().map(|f| flag_label(&f.code, f.period, lang())).collect();
        l.push(flags.join(between));
        lines.push(l);
    }
    print_grid(&lines);
}

fn period_label(p: &PeriodResult) -> String {
    // the label of the existing table output; the report has its own (report::period_label)
    match p.period {
        Period::Month(m) => say("cli-table-period-month", &[("month", &m)]),
        Period::Quarter { year, quarter } => say("cli-table-period-quarter", &[("year", &year), ("quarter", &quarter)]),
        Period::Year(y) => say("cli-table-period-year", &[("year", &y)]),
    }
}

fn print_period(policy: &Policy, res: &PeriodResult, top: usize) {
    out!("{}", say("cli-table-period-title", &[("hall", &res.hall), ("period", &period_label(res)), ("policy", &policy.doc().name)]));
    for (title, rows) in [("cli-table-window-ranking", &res.windows), ("cli-table-staff-ranking", &res.staff)] {
        out!();
        out!("{}", table_heading(&say(title, &[]), rows.len()));
        let mut lines = vec![headings(&["rank", "department-rank", "id", "name", "department", "months", "score", "grade", "deductions", "complaints", "bonus", "eligibility"])];
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
    let elig = if s.disqualifications.is_empty() { String::new() } else { say("cli-table-disqualified", &[]) };
    vec![
        s.rank.to_string(),
        s.department_rank.to_string(),
        s.subject.to_string(),
        s.name.to_string(),
        s.department.to_string(),
        s.months_evaluated.to_string(),
        format!("{:.2}", s.score),
        s.grade.to_string(),
        format!("{:.2}", s.deductions),
        s.complaints.to_string(),
        format!("{:.2}", s.bonus),
        elig,
    ]
}

fn print_awards(res: &PeriodResult) {
    if res.awards.is_empty() {
        out!("{}", say("cli-award-none-this-period", &[]));
    }
    for a in &res.awards {
        let args: [(&str, &dyn std::fmt::Display); 5] =
            [("period", &period_label(res)), ("award", &a.name), ("quota", &a.quota), ("participants", &a.participants), ("detail", &a.quota_detail)];
        out!("{}", say("cli-award-heading", &args));
        if a.awarded.is_empty() {
            out!("  {}", say("cli-award-nobody", &[]));
        }
        for id in &a.awarded {
            let s = res.subject(id).expect("awarded subjects are in the result");
            let args: [(&str, &dyn std::fmt::Display); 5] =
                [("id", &s.subject), ("name", &s.name), ("department", &s.department), ("score", &format!("{:.2}", s.score)), ("rank", &s.rank)];
            out!("  {}", say("cli-award-awarded", &args));
        }
        if !a.tied_at_line.is_empty() {
            out!("  {}", say("cli-award-tied", &[("list", &a.tied_at_line.join(", "))]));
        }
        let excluded: Vec<_> = a.standings.iter().filter(|s| s.status == AwardStatus::NotEligible && s.rank as usize <= a.awarded.len() + 5).collect();
        for s in excluded {
            out!("  {}", say("cli-award-not-eligible", &[("id", &s.subject), ("rank", &s.rank), ("detail", &s.detail)]));
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
