//! `kaoping report`: the period's report as sheets — a brief for the leaders (概况: grades,
//! the top and bottom, the largest deductions, the change against the previous period, the
//! award lists, with charts), window and staff scores, deduction and bonus details, department
//! feedback, rankings, award lists and every record's outcome; and for each department its
//! own workbook (第六条: the results go back to every unit).
//!
//! Every number is read from the core's [`MonthResult`]s and [`PeriodResult`]s; what the
//! report adds is layout, labels, and in the brief the sums and counts of the core's own lines
//! (exact decimal sums) and the hall's mean scores, taken with the policy's own rounding of
//! means ([`kaoping_core::policy::Rounding::mean`], as the core takes a department's indicator).

use kaoping_core::messages::{Lang, text};
use crate::table::{Cell, ChartKind, ChartSpec, DataRef, Section, Sheet};
use kaoping_core::period::{AwardStatus, PeriodResult, SubjectPeriod};
use kaoping_core::summary::HallSummary;
use kaoping_core::policy::{PeriodKind, SubjectKind};
use kaoping_core::result::{MonthResult, OutcomeKind, SubjectRef};
use kaoping_core::{Dataset, Period, Policy, YearMonth};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The sheets of a report by id (`--sheet`, CSV file names), in workbook order; each one's
/// name in a language is [`sheet_name`]'s.
pub const SHEETS: &[&str] = &["summary", "window-scores", "staff-scores", "deductions", "bonuses", "departments", "rankings", "awards", "records"];

/// A sheet's name in `lang` (the catalogue's `report-sheet-…`: 概况, 窗口得分, …); the id itself
/// for an id that is not one of [`SHEETS`].
pub fn sheet_name(slug: &str, lang: Lang) -> String {
    if SHEETS.contains(&slug) { text(lang, &format!("report-sheet-{slug}"), &[]) } else { slug.to_string() }
}

/// How many windows and staff the brief lists at the top and at the bottom.
pub const TOP: usize = 5;
/// How many rule items the brief lists among the largest deductions.
pub const TOP_RULES: usize = 10;
/// At most this many windows in the ranking chart (the first by rank).
pub const CHART_WINDOWS: usize = 50;

/// A period as the report names it in `lang` (2026年10月, 2026年第3季度, 2026年度).
pub fn period_label(p: Period, lang: Lang) -> String {
    match p {
        Period::Month(m) => month_label(m, lang),
        Period::Quarter { year, quarter } => text(lang, "report-period-quarter", &[("year", &year), ("quarter", &quarter)]),
        Period::Year(y) => text(lang, "report-period-year", &[("year", &y)]),
    }
}

/// A month with its year, as the report names it in `lang` (2026年10月).
fn month_label(m: YearMonth, lang: Lang) -> String {
    text(lang, "report-period-month", &[("year", &m.year), ("month", &m.month)])
}

/// The period before: the previous month of a month, the previous quarter of a quarter, within
/// the same year (a dataset holds one year); none for January, the first quarter and a year.
/// What a report of a period reads, evaluated by the core: the period's months, the period's
/// result built from them, and the previous period's (which the brief compares with).
pub struct Evaluated {
    pub months: Vec<MonthResult>,
    pub period: PeriodResult,
    pub previous: Option<PeriodResult>,
}

/// Evaluates what a report of `period` reads (each month once; the previous period's months too
/// when `with_previous`, for the brief).
pub fn evaluate(policy: &Policy, ds: &Dataset, period: Period, with_previous: bool) -> Result<Evaluated, kaoping_core::Errors> {
    let previous = previous_period(period).filter(|_| with_previous);
    let (months, previous_months): (Vec<MonthResult>, Vec<MonthResult>) = match period {
        Period::Month(m) => {
            let before = match previous {
                Some(Period::Month(p)) => vec![policy.evaluate_month(ds, p)?],
                _ => Vec::new(),
            };
            (vec![policy.evaluate_month(ds, m)?], before)
        }
        // the core's own error for a period outside the dataset's year
        _ if period.year() != ds.year => return Err(policy.evaluate_period(ds, period).expect_err("a period outside the dataset's year is an error")),
        _ => {
            let year = policy.evaluate_year(ds)?.months;
            let before = year.iter().filter(|m| previous.is_some_and(|p| p.contains(m.month))).cloned().collect();
            (year.into_iter().filter(|m| period.contains(m.month)).collect(), before)
        }
    };
    let result = policy.period_from_months(ds, period, &months);
    let previous = previous.map(|p| policy.period_from_months(ds, p, &previous_months));
    Ok(Evaluated { months, period: result, previous })
}

/// The workbook's cell formats for a policy (its grades coloured), in its language.
pub fn formats(policy: &Policy) -> crate::table::Formats {
    let grades: Vec<String> = policy.doc().grades.bands.iter().map(|b| b.name.clone()).collect();
    crate::table::Formats::new(policy.lang()).with_grades(&grades)
}

/// The report's workbook of `period`, every sheet, as `kaoping report … -o FILE.xlsx` writes it.
pub fn workbook(policy: &Policy, ds: &Dataset, period: Period) -> Result<Vec<u8>, String> {
    let ev = evaluate(policy, ds, period, true).map_err(|e| e.to_string())?;
    let rep = Report::new(policy, ds, &ev.period, &ev.months, ev.previous.as_ref());
    crate::table::workbook_bytes(&rep.sheets(), &formats(policy), &mut |_| {}).map_err(|e| e.to_string())
}

pub fn previous_period(p: Period) -> Option<Period> {
    match p {
        Period::Month(m) if m.month > 1 => YearMonth::new(m.year, m.month - 1).map(Period::Month),
        Period::Quarter { year, quarter } if quarter > 1 => Some(Period::Quarter { year, quarter: quarter - 1 }),
        _ => None,
    }
}

/// A kind of subject as the report's tables name it (the catalogue's word: 窗口, 人员).
fn kind_text(k: SubjectKind, lang: Lang) -> String {
    let id = match k {
        SubjectKind::Window => "kind-window",
        SubjectKind::Staff => "kind-staff",
    };
    text(lang, id, &[])
}

/// How often an award is given, as the report says it (the catalogue's word: 月度, 季度, 年度).
fn period_kind_text(k: PeriodKind, lang: Lang) -> String {
    let id = match k {
        PeriodKind::Month => "cli-award-period-month",
        PeriodKind::Quarter => "cli-award-period-quarter",
        PeriodKind::Year => "cli-award-period-year",
    };
    text(lang, id, &[])
}

fn eligibility(s: &SubjectPeriod, lang: Lang) -> String {
    s.disqualifications.iter().map(|f| text(lang, "report-disqualified", &[("detail", &f.detail)])).collect::<Vec<_>>().join("; ")
}

fn flags_text(s: SubjectRef<'_>, lang: Lang) -> String {
    s.flags().iter().map(|f| crate::flag_label(&f.code, f.period, lang)).collect::<Vec<_>>().join(" ")
}

/// Which subjects and records a sheet holds: the hall's, or one department's (by id; `""` for
/// those of no department).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'s> {
    Hall,
    Department(&'s str),
}

impl Scope<'_> {
    fn holds(&self, department: &str) -> bool {
        match self {
            Scope::Hall => true,
            Scope::Department(d) => *d == department,
        }
    }
}

/// One department's workbook: its file name (as a clerk mails it) and sheets.
pub struct DepartmentBook {
    /// The department's id (`""`: records and subjects of no department).
    pub department: String,
    pub name: String,
    /// `考评-2026-10-县市场监督管理局.xlsx` (`evaluation-…` in English, the catalogue's
    /// `report-department-file`): safe on every file system.
    pub file_name: String,
    pub sheets: Vec<Sheet>,
}

/// A file name's part from a department's name: characters no file system takes (and control
/// characters) become `_`, leading and trailing dots and spaces go, and it is cut to 60
/// characters.
pub fn file_safe(name: &str) -> String {
    let trim = |s: &str| s.trim_matches(|c: char| c == '.' || c.is_whitespace()).to_string();
    let s: String = trim(name).chars().map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c }).take(60).collect();
    let s = trim(&s);
    if s.is_empty() { "_".into() } else { s }
}

/// Everything a report is built from: the period result and the months behind it.
pub struct Report<'a> {
    pub policy: &'a Policy,
    pub dataset: &'a Dataset,
    pub hall_name: String,
    pub period: &'a PeriodResult,
    pub months: &'a [MonthResult],
    /// The previous month of a month, or quarter of a quarter, in the dataset's year: the
    /// brief compares the hall's means with it.
    pub previous: Option<&'a PeriodResult>,
    /// Every window's and staff member's name and department: the period's, else the roster's
    /// (with no department).
    subjects: HashMap<&'a str, (&'a str, &'a str)>,
}

impl<'a> Report<'a> {
    pub fn new(policy: &'a Policy, dataset: &'a Dataset, period: &'a PeriodResult, months: &'a [MonthResult], previous: Option<&'a PeriodResult>) -> Report<'a> {
        let mut subjects: HashMap<&'a str, (&'a str, &'a str)> = HashMap::new();
        for w in &dataset.windows {
            subjects.insert(&w.id, (&w.name, ""));
        }
        for s in &dataset.staff {
            subjects.insert(&s.id, (&s.name, ""));
        }
        for s in period.windows.iter().chain(period.staff.iter()) {
            subjects.insert(&s.subject, (&s.name, &s.department));
        }
        Report { policy, dataset, hall_name: dataset.hall.name.clone(), period, months, previous, subjects }
    }
}

impl Report<'_> {
    /// The report's language: its policy's (the core's reasons and details are in it too).
    fn lang(&self) -> Lang {
        self.policy.lang()
    }

    /// A message of the catalogue in the report's language.
    fn say(&self, id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        text(self.lang(), id, args)
    }

    /// Column headings, by message id.
    fn cols(&self, ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| self.say(id, &[])).collect()
    }

    /// A section whose headings are messages (by id).
    fn section(&self, title: impl Into<String>, header_ids: &[&str], spans: &[u16], rows: Vec<Vec<Cell>>) -> Section {
        Section { title: title.into(), headers: self.cols(header_ids), rows, spans: spans.to_vec(), page_break: false }
    }

    /// A sheet's name in the report's language.
    fn sheet_name(&self, slug: &str) -> String {
        sheet_name(slug, self.lang())
    }

    /// A list's items joined as the language joins them (`、`, `, `).
    fn list(&self, items: &[impl AsRef<str>]) -> String {
        items.iter().map(|i| i.as_ref()).collect::<Vec<_>>().join(&self.say("report-list-separator", &[]))
    }

    /// A sheet's title: the hall, the period and `what` (a message id's text).
    fn title(&self, what: &str) -> String {
        format!("{} {} {}", self.hall_name, period_label(self.period.period, self.lang()), what)
    }

    fn rule_name(&self, code: &str) -> String {
        self.policy.item(code).map(|(i, _)| i.name(self.lang()).to_owned()).unwrap_or_default()
    }

    /// The measure's article of a rule item (its `cite`).
    fn rule_cite(&self, code: &str) -> String {
        self.policy.item(code).map(|(i, _)| i.cite.clone()).unwrap_or_default()
    }

    fn month_subject(&self, id: &str) -> Option<SubjectRef<'_>> {
        match self.months {
            [only] => only.subject(id),
            _ => None,
        }
    }

    /// A window's or staff member's name: from the period's result, else the roster.
    fn subject_name(&self, id: &str) -> String {
        self.subjects.get(id).map(|(name, _)| name.to_string()).unwrap_or_default()
    }

    /// A subject's department in the period (the core's), `""` when it has none.
    fn subject_department(&self, id: &str) -> String {
        self.subjects.get(id).map(|(_, d)| d.to_string()).unwrap_or_default()
    }

    /// The department a record goes back to: its subject's in the period; for a subject not
    /// evaluated in the period, the roster's (a window's department; a staff member's own, else
    /// that of the window they were assigned to on the record's date, else their first).
    pub fn record_department(&self, subject: &str, date: chrono::NaiveDate) -> String {
        let d = self.subject_department(subject);
        if !d.is_empty() {
            return d;
        }
        let ds = self.dataset;
        let window_dept = |w: &str| ds.windows.iter().find(|x| x.id == w).map(|x| x.department.clone());
        if let Some(d) = window_dept(subject) {
            return d;
        }
        if let Some(s) = ds.staff.iter().find(|s| s.id == subject) {
            if let Some(d) = s.department.as_ref().filter(|d| !d.is_empty()) {
                return d.clone();
            }
            let on_date = s.assignments.iter().find(|a| a.from.is_none_or(|f| f <= date) && a.to.is_none_or(|t| date <= t));
            if let Some(d) = on_date.or(s.assignments.first()).and_then(|a| window_dept(&a.window)) {
                return d;
            }
        }
        String::new()
    }

    fn department_name(&self, id: &str) -> String {
        if id.is_empty() {
            return self.say("report-no-department", &[]);
        }
        self.period
            .departments
            .iter()
            .find(|d| d.department == id)
            .map(|d| d.name.to_string())
            .or_else(|| self.dataset.departments.iter().find(|d| d.id == id).map(|d| d.name.clone()))
            .unwrap_or_else(|| id.to_string())
    }

    /// All sheets, in workbook order.
    pub fn sheets(&self) -> Vec<Sheet> {
        let windows = self.scores(SubjectKind::Window, Scope::Hall);
        let summary = self.summary(&windows);
        vec![
            summary,
            windows,
            self.scores(SubjectKind::Staff, Scope::Hall),
            self.details(false, Scope::Hall),
            self.details(true, Scope::Hall),
            self.departments(),
            self.rankings(),
            self.awards(),
            self.records(Scope::Hall),
        ]
    }

    // ------------------------------------------------------------------ the brief (概况)

    fn summary(&self, window_sheet: &Sheet) -> Sheet {
        let p = self.period;
        let doc = self.policy.doc();
        // the hall's figures, from the core
        let hall = self.policy.summarize(p, self.months);
        let records: Vec<_> = self.months.iter().flat_map(|m| m.records.iter()).collect();
        let counted = records.iter().filter(|r| r.outcome() != OutcomeKind::NotCounted).count();
        let warnings: Vec<(YearMonth, &kaoping_core::result::Warning)> = self.months.iter().flat_map(|m| m.warnings.iter().map(move |w| (m.month, w))).collect();
        let lang = self.lang();
        let fact = |id: &str, value: Cell| vec![Cell::text(self.say(id, &[])), value];
        let mut facts = vec![fact("report-fact-hall", Cell::text(&self.hall_name)), fact("report-fact-period", Cell::text(period_label(p.period, lang)))];
        if p.months.len() > 1 {
            let months: Vec<String> = p.months.iter().map(|m| self.say("report-month", &[("month", &m.month)])).collect();
            facts.push(fact("report-fact-months", Cell::text(self.list(&months))));
        }
        let policy = if doc.version.is_empty() { doc.name.clone() } else { self.say("report-policy-version", &[("name", &doc.name), ("version", &doc.version)]) };
        facts.extend([
            fact("report-fact-policy", Cell::text(policy)),
            fact("report-fact-windows", Cell::Int(p.windows.len() as i64)),
            fact("report-fact-staff", Cell::Int(p.staff.len() as i64)),
            fact("report-fact-records", Cell::Int(records.len() as i64)),
            fact("report-fact-counted", Cell::Int(counted as i64)),
            fact("report-fact-not-counted", Cell::Int((records.len() - counted) as i64)),
        ]);
        if !p.months_without_data.is_empty() {
            let months: Vec<String> = p.months_without_data.iter().map(|m| month_label(*m, lang)).collect();
            facts.push(fact("report-fact-incomplete", Cell::text(self.say("report-incomplete", &[("months", &self.list(&months))]))));
        }
        if !warnings.is_empty() {
            facts.push(fact("report-fact-warnings", Cell::text(self.say("report-warnings-count", &[("count", &warnings.len())]))));
        }

        let mut sections = Vec::new();
        // grade distribution
        let mut grade_rows: Vec<Vec<Cell>> = hall.grades.iter().map(|g| vec![Cell::grade(&g.grade), Cell::Int(g.windows as i64), Cell::Int(g.staff as i64)]).collect();
        grade_rows.push(vec![Cell::text(self.say("report-total", &[])), Cell::Int(p.windows.len() as i64), Cell::Int(p.staff.len() as i64)]);
        sections.push(self.section(self.say("report-section-grades", &[]), &["report-col-grade", "report-col-windows-count", "report-col-staff-count"], &[2, 1, 1], grade_rows));

        // the change against the previous month or quarter
        sections.extend(self.comparison(&hall));

        // the top and the bottom
        for (list, top_id, bottom_id) in [(&p.windows, "report-section-top-windows", "report-section-bottom-windows"), (&p.staff, "report-section-top-staff", "report-section-bottom-staff")] {
            let row = |s: &SubjectPeriod| {
                vec![Cell::Int(s.rank as i64), Cell::text(&s.subject), Cell::text(&s.name), Cell::text(self.department_name(&s.department)), Cell::Score(s.score), Cell::grade(&s.grade)]
            };
            let headers = ["report-col-rank", "report-col-id", "report-col-name", "report-col-department", "report-col-score", "report-col-grade"];
            let top: Vec<Vec<Cell>> = list.iter().take(TOP).map(row).collect();
            let bottom: Vec<Vec<Cell>> = list.iter().rev().take(TOP).map(row).collect();
            sections.push(self.section(self.say(top_id, &[("n", &TOP)]), &headers, &[], top));
            sections.push(self.section(self.say(bottom_id, &[("n", &TOP)]), &headers, &[], bottom));
        }

        // the largest deductions by rule item
        let rule_rows: Vec<Vec<Cell>> = hall
            .by_rule
            .iter()
            .take(TOP_RULES)
            .map(|d| vec![Cell::text(&d.rule), Cell::text(self.rule_name(&d.rule)), Cell::Score(d.points), Cell::Int(d.occurrences as i64)])
            .collect();
        let mut rules = self.section(
            self.say("report-section-top-rules", &[("n", &TOP_RULES)]),
            &["report-col-rule", "report-col-rule-name", "report-col-deductions-total", "report-col-occurrences"],
            &[1, 3, 1, 1],
            rule_rows,
        );
        // the first page: the facts, grades, the comparison, the top and bottom, and the charts
        rules.page_break = true;
        sections.push(rules);

        // deductions by category (the chart's data)
        let category_section = sections.len();
        let category_rows: Vec<Vec<Cell>> = hall
            .by_category
            .iter()
            .map(|c| {
                let applies = match c.kind {
                    SubjectKind::Window => "report-applies-window",
                    SubjectKind::Staff => "report-applies-staff",
                };
                vec![Cell::text(format!("{} {}", c.code, c.name)), Cell::text(self.say(applies, &[])), Cell::Score(c.points)]
            })
            .collect();
        let category_colors: Vec<u32> = hall.by_category.iter().map(|c| if c.kind == SubjectKind::Window { 0xED7D31 } else { 0x4472C4 }).collect();
        let n_categories = category_rows.len();
        sections.push(self.section(self.say("report-section-categories", &[]), &["report-col-category", "report-col-applies-to", "report-col-deductions-total"], &[3, 1, 1], category_rows));

        // a quarter's or year's months: the hall's mean window and staff score
        let trend_section = (p.months.len() > 1).then(|| {
            let score = |v: Option<Decimal>| v.map(Cell::Score).unwrap_or(Cell::Empty);
            let rows = hall.months.iter().map(|m| vec![Cell::text(self.say("report-month", &[("month", &m.month.month)])), score(m.window_mean), score(m.staff_mean)]).collect();
            sections.push(self.section(self.say("report-section-monthly-means", &[]), &["report-col-month", "report-col-window-mean", "report-col-staff-mean"], &[2, 1, 1], rows));
            sections.len() - 1
        });

        // the award lists, or why there are none; the warnings
        sections.extend(self.award_sections());
        sections.extend(self.warning_section(&warnings));

        // the charts: the windows' ranking (from 窗口得分), deductions by category, the trend
        let charts = self.summary_charts(window_sheet, (category_section, n_categories, category_colors), trend_section);

        let mut sheet = Sheet::new("summary", self.sheet_name("summary"), self.title(&self.say("report-title-summary", &[])), self.cols(&["report-col-fact", "report-col-value"]), facts, 0);
        sheet.sections = sections;
        sheet.charts = charts;
        sheet.brief = true;
        sheet
    }

    /// The hall's mean window and staff score against the previous month's or quarter's, when
    /// there is one.
    fn comparison(&self, hall: &HallSummary) -> Option<Section> {
        let p = self.period;
        let lang = self.lang();
        let prev = self.previous?;
        let (title, header) =
            if matches!(p.period, Period::Month(_)) { ("report-section-compare-month", "report-col-previous-month") } else { ("report-section-compare-quarter", "report-col-previous-quarter") };
        let mut rows = Vec::new();
        let before = self.policy.summarize(prev, &[]);
        for (label, now, before) in [("report-mean-window", hall.window_mean, before.window_mean), ("report-mean-staff", hall.staff_mean, before.staff_mean)] {
            let delta = match (now, before) {
                (Some(a), Some(b)) => Cell::Delta(a - b),
                _ => Cell::Empty,
            };
            rows.push(vec![Cell::text(self.say(label, &[])), now.map(Cell::Score).unwrap_or(Cell::Empty), before.map(Cell::Score).unwrap_or(Cell::Empty), delta]);
        }
        let header_prev = self.say(header, &[("period", &period_label(prev.period, lang))]);
        Some(Section {
            title: self.say(title, &[]),
            headers: vec![self.say("report-col-measure", &[]), self.say("report-col-this-period", &[]), header_prev, self.say("report-col-change", &[])],
            rows,
            spans: vec![2, 1, 1, 1],
            page_break: false,
        })
    }

    /// Each award's list (those awarded and those tied at the quota line), or why there are none.
    fn award_sections(&self) -> Vec<Section> {
        let p = self.period;
        let mut sections = Vec::new();
        if p.awards.is_empty() {
            sections.push(Section::note(self.say("report-section-awards", &[]), self.no_awards_note()));
        }
        for a in &p.awards {
            let title_id = if a.subject == SubjectKind::Window { "report-award-title-window" } else { "report-award-title-staff" };
            let rows: Vec<Vec<Cell>> = a
                .standings
                .iter()
                .filter(|st| matches!(st.status, AwardStatus::Awarded | AwardStatus::TieAtQuotaLine))
                .map(|st| self.standing_cells(st))
                .collect();
            let title = self.say(title_id, &[("award", &a.name), ("quota", &a.quota), ("participants", &a.participants)]);
            if rows.is_empty() {
                sections.push(Section::note(title, self.say("report-award-nobody", &[])));
            } else {
                sections.push(self.section(title, &["report-col-rank", "report-col-id", "report-col-name", "report-col-department", "report-col-score", "report-col-result"], &[], rows));
            }
        }
        sections
    }

    /// The months' warnings, each with its subject, when there are any.
    fn warning_section(&self, warnings: &[(YearMonth, &kaoping_core::result::Warning)]) -> Option<Section> {
        if warnings.is_empty() {
            return None;
        }
        let rows = warnings
            .iter()
            .map(|(m, w)| {
                let who = w.subject.as_deref().map(|s| format!("{s} {}", self.subject_name(s))).unwrap_or_default();
                vec![Cell::text(self.say("report-month", &[("month", &m.month)])), Cell::text(who), Cell::text(&w.message)]
            })
            .collect();
        Some(self.section(self.say("report-section-warnings", &[]), &["report-col-month", "report-col-subject", "report-col-message"], &[1, 2, 3], rows))
    }

    /// The brief's charts: the windows' ranking (from the window sheet), deductions by category
    /// (from its section: its place, its rows and their colours), and the months' means (from
    /// their section, for a quarter or a year).
    fn summary_charts(&self, window_sheet: &Sheet, (category_section, n_categories, category_colors): (usize, usize, Vec<u32>), trend_section: Option<usize>) -> Vec<ChartSpec> {
        let p = self.period;
        let mut charts = Vec::new();
        let col = |id: &str| {
            let h = self.say(id, &[]);
            window_sheet.headers.iter().position(|x| *x == h)
        };
        let n = p.windows.len().min(CHART_WINDOWS);
        if let (Some(name), Some(score)) = (col("report-col-name"), col("report-col-score"))
            && n > 0
        {
            let lowest = p.windows.iter().take(n).map(|s| s.score).min().unwrap_or_default();
            // the value axis from the ten below the lowest score (bars of 85 to 100 are told apart)
            let min = ((crate::table::decimal_to_f64(lowest) / 10.0).floor() * 10.0 - 10.0).max(0.0);
            charts.push(ChartSpec {
                kind: ChartKind::Bar,
                title: if n < p.windows.len() { self.say("report-chart-window-ranking-top", &[("n", &n)]) } else { self.say("report-chart-window-ranking", &[]) },
                categories: DataRef::Sheet { sheet: window_sheet.name.to_string(), col: name, rows: n },
                series: vec![DataRef::Sheet { sheet: window_sheet.name.to_string(), col: score, rows: n }],
                value_axis: self.say("report-axis-score", &[]),
                value_min: Some(min),
                point_colors: Vec::new(),
                height: (90 + 17 * n as u32).max(260),
            });
        }
        if n_categories > 0 {
            charts.push(ChartSpec {
                kind: ChartKind::Bar,
                title: self.say("report-chart-categories", &[]),
                categories: DataRef::Section { section: category_section, col: 0 },
                series: vec![DataRef::Section { section: category_section, col: 2 }],
                value_axis: self.say("report-axis-deductions", &[]),
                value_min: Some(0.0),
                point_colors: category_colors,
                height: (90 + 20 * n_categories as u32).max(220),
            });
        }
        if let Some(t) = trend_section {
            charts.push(ChartSpec {
                kind: ChartKind::Line,
                title: self.say("report-section-monthly-means", &[]),
                categories: DataRef::Section { section: t, col: 0 },
                series: vec![DataRef::Section { section: t, col: 1 }, DataRef::Section { section: t, col: 2 }],
                value_axis: self.say("report-axis-mean", &[]),
                value_min: None,
                point_colors: Vec::new(),
                height: 210,
            });
        }
        charts
    }

    /// The month has no award lists: which awards there are and when they are given (each
    /// award named once).
    fn no_awards_note(&self) -> String {
        let awards = &self.policy.doc().awards.awards;
        if awards.is_empty() {
            return self.say("cli-award-policy-has-none", &[]);
        }
        let mut names: Vec<&str> = Vec::new();
        let mut kinds: Vec<PeriodKind> = Vec::new();
        for a in awards {
            if !names.contains(&a.name(self.lang())) {
                names.push(a.name(self.lang()));
            }
            if !kinds.contains(&a.period) {
                kinds.push(a.period);
            }
        }
        let when: Vec<String> = kinds.iter().map(|k| period_kind_text(*k, self.lang())).collect();
        self.say("cli-award-not-this-period", &[("names", &self.list(&names)), ("when", &self.list(&when))])
    }

    // ------------------------------------------------------------------ the tables

    fn scores(&self, kind: SubjectKind, scope: Scope<'_>) -> Sheet {
        let lang = self.lang();
        let (list, slug, what) = match kind {
            SubjectKind::Window => (&self.period.windows, "window-scores", "report-title-window-scores"),
            SubjectKind::Staff => (&self.period.staff, "staff-scores", "report-title-staff-scores"),
        };
        let monthly = !matches!(self.period.period, Period::Month(_));
        let rank = if scope == Scope::Hall { "report-col-rank" } else { "report-col-hall-rank" };
        let mut headers: Vec<String> = self.cols(&[rank, "report-col-department-rank", "report-col-id", "report-col-name", "report-col-department"]);
        // a month: the categories of the month; a quarter or a year: the monthly totals
        let categories: Vec<(String, String)> = if monthly {
            Vec::new()
        } else {
            let doc = self.policy.doc();
            let sp = match kind {
                SubjectKind::Window => &doc.window,
                SubjectKind::Staff => &doc.staff,
            };
            sp.categories.iter().map(|c| (c.code.clone(), format!("{} {}({})", c.code, c.name(self.lang()), c.max.normalize()))).collect()
        };
        headers.extend(categories.iter().map(|(_, h)| h.clone()));
        if monthly {
            headers.extend(self.period.months.iter().map(|m| self.say("report-month", &[("month", &m.month)])));
        }
        headers.extend(self.cols(&[
            "report-col-months-evaluated",
            "report-col-deductions",
            "report-col-bonus",
            "report-col-complaints",
            "report-col-score",
            "report-col-grade",
            "report-col-eligibility",
            "report-col-notes",
        ]));
        let rows = list
            .iter()
            .filter(|s| scope.holds(&s.department))
            .map(|s| {
                let mut row = vec![
                    Cell::Int(s.rank as i64),
                    Cell::Int(s.department_rank as i64),
                    Cell::text(&s.subject),
                    Cell::text(&s.name),
                    Cell::text(self.department_name(&s.department)),
                ];
                let month = self.month_subject(&s.subject);
                for (code, _) in &categories {
                    row.push(month.and_then(|m| m.category(code)).map(|c| Cell::Score(c.score())).unwrap_or(Cell::Empty));
                }
                let mut notes = Vec::new();
                if monthly {
                    for m in &self.period.months {
                        match s.monthly.iter().find(|t| t.month == *m) {
                            Some(t) => {
                                row.push(Cell::Score(t.total));
                                if let Some(a) = &t.adjusted {
                                    notes.push(self.say("report-month-note", &[("month", &t.month.month), ("note", a)]));
                                }
                            }
                            None => row.push(Cell::text(self.say("report-not-evaluated", &[]))),
                        }
                    }
                }
                if let Some(m) = month {
                    let f = flags_text(m, lang);
                    if !f.is_empty() {
                        notes.push(f);
                    }
                }
                if let Some(by) = &s.grade_forced_by {
                    notes.push(self.say("report-grade-forced", &[("by", by)]));
                }
                row.extend([
                    Cell::Int(s.months_evaluated as i64),
                    Cell::Score(s.deductions),
                    Cell::Score(s.bonus),
                    Cell::Int(s.complaints as i64),
                    Cell::Score(s.score),
                    Cell::grade(&s.grade),
                    Cell::text(eligibility(s, lang)),
                    Cell::text(notes.join("; ")),
                ]);
                row
            })
            .collect();
        Sheet::new(slug, self.sheet_name(slug), self.scope_title(scope, &self.say(what, &[])), headers, rows, 4)
    }

    fn scope_title(&self, scope: Scope<'_>, what: &str) -> String {
        match scope {
            Scope::Hall => self.title(what),
            Scope::Department(d) => self.title(&format!("{} {what}", self.department_name(d))),
        }
    }

    /// Every deduction (or bonus) line of the period's months: its subject with name and
    /// department, its category, rule item with name and article, record with date, points due
    /// and counted, and why fewer counted.
    fn details(&self, bonus: bool, scope: Scope<'_>) -> Sheet {
        let lang = self.policy.lang();
        let mut rows = Vec::new();
        for m in self.months {
            for s in m.windows.iter().chain(m.staff.iter()) {
                let dept = self.subject_department(s.subject());
                if !scope.holds(&dept) {
                    continue;
                }
                let dept_name = self.department_name(&dept);
                let cats = if bonus { s.bonuses() } else { s.categories() };
                for c in cats {
                    for l in c.lines() {
                        if l.raw.is_zero() && l.points.is_zero() {
                            continue;
                        }
                        let cut = match l.cut {
                            Some(r) if l.points < l.raw => r.label(lang),
                            _ => String::new(),
                        };
                        let date = l.record.as_deref().and_then(|r| m.record(r)).map(|o| Cell::Date(o.date())).unwrap_or(Cell::Empty);
                        rows.push(vec![
                            Cell::text(m.month.to_string()),
                            Cell::text(kind_text(s.kind(), lang)),
                            Cell::text(s.subject()),
                            Cell::text(s.name()),
                            Cell::text(&dept_name),
                            Cell::text(format!("{} {}", c.code(), c.name())),
                            Cell::text(&l.rule),
                            Cell::text(self.rule_name(&l.rule)),
                            Cell::text(self.rule_cite(&l.rule)),
                            Cell::text(l.record.clone().unwrap_or_default()),
                            date,
                            Cell::Int(i64::from(l.occurrences)),
                            Cell::Score(l.raw),
                            Cell::Score(l.points),
                            Cell::text(cut),
                            Cell::text(&l.detail),
                        ]);
                    }
                    if !bonus && let Some(z) = c.zeroed_by() {
                        rows.push(vec![
                            Cell::text(m.month.to_string()),
                            Cell::text(kind_text(s.kind(), lang)),
                            Cell::text(s.subject()),
                            Cell::text(s.name()),
                            Cell::text(&dept_name),
                            Cell::text(format!("{} {}", c.code(), c.name())),
                            Cell::text(z),
                            Cell::text(self.rule_name(z)),
                            Cell::text(self.rule_cite(z)),
                            Cell::Empty,
                            Cell::Empty,
                            Cell::Empty,
                            Cell::Empty,
                            Cell::Score(c.points()),
                            Cell::Empty,
                            Cell::text(self.say("report-category-zeroed", &[])),
                        ]);
                    }
                }
            }
        }
        let (slug, what, raw, counted) = if bonus {
            ("bonuses", "report-title-bonuses", "report-col-bonus-due", "report-col-bonus-counted")
        } else {
            ("deductions", "report-title-deductions", "report-col-deduction-due", "report-col-deduction-counted")
        };
        Sheet::new(
            slug,
            self.sheet_name(slug),
            self.scope_title(scope, &self.say(what, &[])),
            self.cols(&[
                "report-col-month",
                "report-col-kind",
                "report-col-id",
                "report-col-name",
                "report-col-department",
                "report-col-category",
                "report-col-rule",
                "report-col-rule-name",
                "report-col-article",
                "report-col-record",
                "report-col-date",
                "report-col-occurrences",
                raw,
                counted,
                "report-col-cut-reason",
                "report-col-notes",
            ]),
            rows,
            4,
        )
    }

    fn departments(&self) -> Sheet {
        let lang = self.lang();
        let mut rows = Vec::new();
        for d in &self.period.departments {
            let entries = d.windows.iter().map(|e| (SubjectKind::Window, e)).chain(d.staff.iter().map(|e| (SubjectKind::Staff, e)));
            let mut any = false;
            for (kind, e) in entries {
                any = true;
                let s = self.period.subject(&e.subject);
                rows.push(vec![
                    Cell::text(&d.department),
                    Cell::text(&d.name),
                    d.indicator.map(Cell::Score).unwrap_or(Cell::Empty),
                    Cell::text(kind_text(kind, lang)),
                    Cell::text(&e.subject),
                    Cell::text(&e.name),
                    Cell::Score(e.score),
                    Cell::grade(s.map(|s| s.grade.to_string()).unwrap_or_default()),
                    Cell::Int(e.rank as i64),
                    Cell::Int(e.department_rank as i64),
                    s.map(|s| Cell::Score(s.deductions)).unwrap_or(Cell::Empty),
                    s.map(|s| Cell::Score(s.bonus)).unwrap_or(Cell::Empty),
                    s.map(|s| Cell::Int(s.complaints as i64)).unwrap_or(Cell::Empty),
                    Cell::text(s.map(|s| eligibility(s, lang)).unwrap_or_default()),
                ]);
            }
            if !any {
                let mut row = vec![Cell::text(&d.department), Cell::text(&d.name), d.indicator.map(Cell::Score).unwrap_or(Cell::Empty)];
                row.push(Cell::text(self.say("report-department-none-evaluated", &[])));
                row.resize(14, Cell::Empty);
                rows.push(row);
            }
        }
        Sheet::new(
            "departments",
            self.sheet_name("departments"),
            self.title(&self.say("report-title-departments", &[])),
            self.cols(&[
                "report-col-department-id",
                "report-col-department",
                "report-col-indicator",
                "report-col-kind",
                "report-col-id",
                "report-col-name",
                "report-col-score",
                "report-col-grade",
                "report-col-hall-rank",
                "report-col-department-rank",
                "report-col-deductions",
                "report-col-bonus",
                "report-col-complaints",
                "report-col-eligibility",
            ]),
            rows,
            2,
        )
    }

    fn rankings(&self) -> Sheet {
        let lang = self.lang();
        let disqualified = self.say("report-eligibility-disqualified", &[]);
        let rows = self
            .period
            .windows
            .iter()
            .chain(self.period.staff.iter())
            .map(|s| {
                vec![
                    Cell::text(kind_text(s.kind, lang)),
                    Cell::Int(s.rank as i64),
                    Cell::Int(s.department_rank as i64),
                    Cell::text(&s.subject),
                    Cell::text(&s.name),
                    Cell::text(self.department_name(&s.department)),
                    Cell::Score(s.score),
                    Cell::grade(&s.grade),
                    Cell::text(if s.disqualifications.is_empty() { "" } else { &disqualified }),
                ]
            })
            .collect();
        Sheet::new(
            "rankings",
            self.sheet_name("rankings"),
            self.title(&self.say("report-title-rankings", &[])),
            self.cols(&[
                "report-col-kind",
                "report-col-hall-rank",
                "report-col-department-rank",
                "report-col-id",
                "report-col-name",
                "report-col-department",
                "report-col-score",
                "report-col-grade",
                "report-col-eligibility",
            ]),
            rows,
            0,
        )
    }

    /// A standing's rank, subject, name, department, score and status, as the brief and the
    /// award sheet show it.
    fn standing_cells(&self, st: &kaoping_core::period::Standing) -> Vec<Cell> {
        let s = self.period.subject(&st.subject);
        vec![
            Cell::Int(st.rank as i64),
            Cell::text(&st.subject),
            Cell::text(s.map(|s| s.name.to_string()).unwrap_or_default()),
            Cell::text(s.map(|s| self.department_name(&s.department)).unwrap_or_default()),
            Cell::Score(st.score),
            Cell::text(st.status.label(self.lang())),
        ]
    }

    fn awards(&self) -> Sheet {
        let mut rows = Vec::new();
        for a in &self.period.awards {
            for st in &a.standings {
                let mut row = vec![Cell::text(&a.name), Cell::Int(a.quota as i64), Cell::Int(a.participants as i64)];
                row.extend(self.standing_cells(st));
                row.extend([Cell::text(st.detail.text()), Cell::text(&a.quota_detail)]);
                rows.push(row);
            }
        }
        if rows.is_empty() {
            let mut row = vec![Cell::text(self.say("report-no-awards", &[("why", &self.no_awards_note())]))];
            row.resize(11, Cell::Empty);
            rows.push(row);
        }
        Sheet::new(
            "awards",
            self.sheet_name("awards"),
            self.title(&self.say("report-title-awards", &[])),
            self.cols(&[
                "report-col-award",
                "report-col-quota",
                "report-col-participants",
                "report-col-rank",
                "report-col-id",
                "report-col-name",
                "report-col-department",
                "report-col-score",
                "report-col-result",
                "report-col-notes",
                "report-col-quota-detail",
            ]),
            rows,
            0,
        )
    }

    fn records(&self, scope: Scope<'_>) -> Sheet {
        let lang = self.policy.lang();
        let mut rows = Vec::new();
        for m in self.months {
            for r in &m.records {
                let dept = self.record_department(r.subject(), r.date());
                if !scope.holds(&dept) {
                    continue;
                }
                let charges: Vec<String> = r
                    .charges()
                    .filter(|c| c.subject() != r.subject() || c.rule() != r.rule())
                    .map(|c| format!("{} {}: {} {}", c.subject(), self.subject_name(c.subject()), c.rule(), crate::table::decimal_text(c.points())))
                    .collect();
                rows.push(vec![
                    Cell::text(r.record()),
                    Cell::Date(r.date()),
                    Cell::text(r.rule()),
                    Cell::text(self.rule_name(r.rule())),
                    Cell::text(r.subject()),
                    Cell::text(self.subject_name(r.subject())),
                    Cell::text(self.department_name(&dept)),
                    Cell::text(r.status().label(lang)),
                    Cell::text(r.outcome().label(lang)),
                    Cell::Int(r.occurrences() as i64),
                    Cell::Int(r.counted_occurrences() as i64),
                    Cell::Score(r.points()),
                    Cell::text(r.reason().map(|x| x.label(lang)).unwrap_or_default()),
                    Cell::text(charges.join("; ")),
                    Cell::text(r.detail()),
                ]);
            }
        }
        Sheet::new(
            "records",
            self.sheet_name("records"),
            self.scope_title(scope, &self.say("report-title-records", &[])),
            self.cols(&[
                "report-col-record",
                "report-col-date",
                "report-col-rule",
                "report-col-rule-name",
                "report-col-subject",
                "report-col-subject-name",
                "report-col-department",
                "report-col-status",
                "report-col-result",
                "report-col-occurrences",
                "report-col-counted-occurrences",
                "report-col-points",
                "report-col-not-counted-reason",
                "report-col-linked",
                "report-col-notes",
            ]),
            rows,
            1,
        )
    }

    // ------------------------------------------------------------------ per department

    /// One workbook per department (第六条: each unit gets its results): the department's
    /// brief (its indicator, windows and staff with their ranks in the hall), its windows' and
    /// staff's scores, every deduction and bonus of theirs with rule, article, record and date,
    /// and every record of theirs. Departments in the core's order; a last book for records and
    /// subjects of no department, when there are any.
    pub fn department_books(&self) -> Vec<DepartmentBook> {
        let mut ids: Vec<String> = self.period.departments.iter().map(|d| d.department.to_string()).collect();
        let orphans = self.period.windows.iter().chain(self.period.staff.iter()).any(|s| s.department.is_empty())
            || self.months.iter().flat_map(|m| m.records.iter()).any(|r| self.record_department(r.subject(), r.date()).is_empty());
        if orphans {
            ids.push(String::new());
        }
        let mut used: Vec<String> = Vec::new();
        ids.iter()
            .map(|id| {
                let name = self.department_name(id);
                let file = |department: String| format!("{}.xlsx", self.say("report-department-file", &[("period", &self.period.period), ("department", &department)]));
                let mut file_name = file(file_safe(&name));
                if used.contains(&file_name) {
                    file_name = file(format!("{}-{}", file_safe(&name), file_safe(id)));
                }
                used.push(file_name.clone());
                let scope = Scope::Department(id);
                DepartmentBook {
                    department: id.clone(),
                    name,
                    file_name,
                    sheets: vec![
                        self.department_brief(id),
                        self.scores(SubjectKind::Window, scope),
                        self.scores(SubjectKind::Staff, scope),
                        self.details(false, scope),
                        self.details(true, scope),
                        self.records(scope),
                    ],
                }
            })
            .collect()
    }

    fn department_brief(&self, id: &str) -> Sheet {
        let p = self.period;
        let feedback = p.departments.iter().find(|d| d.department == id);
        let windows: Vec<&SubjectPeriod> = p.windows.iter().filter(|s| s.department == id).collect();
        let staff: Vec<&SubjectPeriod> = p.staff.iter().filter(|s| s.department == id).collect();
        let sum = |bonus: bool| -> Decimal { windows.iter().chain(staff.iter()).map(|s| if bonus { s.bonus } else { s.deductions }).sum() };
        let records = self.months.iter().flat_map(|m| m.records.iter()).filter(|r| self.record_department(r.subject(), r.date()) == id).count();
        let lang = self.lang();
        let fact = |id: &str, value: Cell| vec![Cell::text(self.say(id, &[])), value];
        let facts = vec![
            fact("report-fact-department", Cell::text(self.department_name(id))),
            fact("report-fact-hall", Cell::text(&self.hall_name)),
            fact("report-fact-period", Cell::text(period_label(p.period, lang))),
            fact("report-fact-indicator", feedback.and_then(|d| d.indicator).map(Cell::Score).unwrap_or_else(|| Cell::text(self.say("report-department-no-windows", &[])))),
            fact("report-fact-windows", Cell::Int(windows.len() as i64)),
            fact("report-fact-staff", Cell::Int(staff.len() as i64)),
            fact("report-fact-deductions", Cell::Score(sum(false))),
            fact("report-fact-bonuses", Cell::Score(sum(true))),
            fact("report-fact-records", Cell::Int(records as i64)),
        ];
        let mut sections = Vec::new();
        for (list, who, total) in [(&windows, "report-section-department-windows", p.windows.len()), (&staff, "report-section-department-staff", p.staff.len())] {
            let who = self.say(who, &[]);
            let rows: Vec<Vec<Cell>> = list
                .iter()
                .map(|s| {
                    vec![
                        Cell::text(format!("{}/{total}", s.rank)),
                        Cell::text(&s.subject),
                        Cell::text(&s.name),
                        Cell::text(if s.disqualifications.is_empty() { String::new() } else { eligibility(s, lang) }),
                        Cell::Score(s.score),
                        Cell::grade(&s.grade),
                    ]
                })
                .collect();
            if rows.is_empty() {
                sections.push(Section::note(who, self.say("report-none-this-period", &[])));
            } else {
                sections.push(self.section(who, &["report-col-hall-rank", "report-col-id", "report-col-name", "report-col-eligibility", "report-col-score", "report-col-grade"], &[], rows));
            }
        }
        sections.push(Section::note(self.say("report-section-notes", &[]), self.say("report-department-brief-note", &[])));
        let title = self.title(&self.say("report-title-department-brief", &[("department", &self.department_name(id))]));
        let mut sheet = Sheet::new("summary", self.sheet_name("summary"), title, self.cols(&["report-col-fact", "report-col-value"]), facts, 0);
        sheet.sections = sections;
        sheet.brief = true;
        sheet
    }
}

/// Finds a sheet by id or by its name in either language (`summary`, `概况`, `Summary`).
pub fn find_sheet(name: &str) -> Option<&'static str> {
    SHEETS.iter().find(|slug| **slug == name || Lang::ALL.iter().any(|l| sheet_name(slug, *l) == name)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_file_names() {
        assert_eq!(file_safe("县市场监督管理局"), "县市场监督管理局");
        assert_eq!(file_safe("县住建局/城管局"), "县住建局_城管局");
        assert_eq!(file_safe(" ..a:b*c?\"d\"<e>|f\t. "), "a_b_c__d__e__f");
        assert_eq!(file_safe("..."), "_");
        assert_eq!(file_safe(&"局".repeat(100)).chars().count(), 60);
    }

    #[test]
    fn previous_periods() {
        let p = |s: &str| s.parse::<Period>().unwrap();
        assert_eq!(previous_period(p("2026-10")), Some(p("2026-09")));
        assert_eq!(previous_period(p("2026-01")), None);
        assert_eq!(previous_period(p("2026-Q3")), Some(p("2026-Q2")));
        assert_eq!(previous_period(p("2026-Q1")), None);
        assert_eq!(previous_period(p("2026")), None);
    }
}
