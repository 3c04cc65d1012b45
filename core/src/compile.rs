//! Validation and compilation of a dataset against a policy: every problem at once, then the
//! compiled hall the engine reads (subjects and items as dense indices, records grouped by month
//! in the order E6 needs, the roster and metrics by id), held with its policy as a [`Checked`]
//! hall.

use crate::dataset::{Dataset, RecordRef, Records, Staff, Window, WindowMetrics};
use crate::engine::Policy;
use crate::kind::Figure;
use crate::maps::FastMap;
use crate::error::{Errors, Problem, ProblemKind, pa};
use crate::month::{YearMonth, covers, day_number, days_in_month};
use crate::policy::{Severity, SubjectKind};
use crate::render::PolicyTexts;
use crate::text::{Text, id_prefix};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

// ------------------------------------------------------------------ index and validation

/// Lengths, counts and magnitudes past the limits of SECURITY.md.
pub(crate) fn check_dataset_limits(ds: &Dataset, p: &mut Vec<Problem>) {
    use crate::limits::*;
    // paths are formatted only for a problem: a valid dataset costs no allocation here
    // (a string of at most n bytes has at most n characters, so short ones need no count)
    let id = |s: &str, path: std::fmt::Arguments, p: &mut Vec<Problem>| {
        if s.len() > MAX_ID_CHARS && s.chars().count() > MAX_ID_CHARS {
            let n = s.chars().count();
            p.push(Problem::msg(ProblemKind::Invalid, path.to_string(), "problem-id-too-long", pa!["max" => MAX_ID_CHARS, "got" => n]));
        }
    };
    let text = |s: &str, path: std::fmt::Arguments, p: &mut Vec<Problem>| {
        if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS {
            let n = s.chars().count();
            p.push(Problem::msg(ProblemKind::Invalid, path.to_string(), "problem-text-too-long", pa!["max" => MAX_TEXT_CHARS, "got" => n]));
        }
    };
    let big = |v: Decimal, path: std::fmt::Arguments, p: &mut Vec<Problem>| {
        if v.abs() > max_magnitude() {
            p.push(Problem::msg(ProblemKind::Invalid, path.to_string(), "problem-beyond-limit", pa!["value" => v, "limit" => max_magnitude()]));
        }
    };
    if ds.records.len() > MAX_RECORDS {
        p.push(Problem::msg(ProblemKind::Invalid, "records", "problem-too-many-records", pa!["count" => ds.records.len(), "limit" => MAX_RECORDS]));
        return;
    }
    id(&ds.hall.id, format_args!("hall.id"), p);
    text(&ds.hall.name, format_args!("hall.name"), p);
    for (i, d) in ds.departments.iter().enumerate() {
        id(&d.id, format_args!("departments[{i}].id"), p);
        text(&d.name, format_args!("departments[{i}].name"), p);
    }
    for (i, w) in ds.windows.iter().enumerate() {
        id(&w.id, format_args!("windows[{i}].id"), p);
        text(&w.name, format_args!("windows[{i}].name"), p);
    }
    for (i, s) in ds.staff.iter().enumerate() {
        id(&s.id, format_args!("staff[{i}].id"), p);
        text(&s.name, format_args!("staff[{i}].name"), p);
    }
    for (k, v) in &ds.targets {
        id(k, format_args!("targets.{k}"), p);
        big(*v, format_args!("targets.{k}"), p);
    }
    for (i, m) in ds.metrics.iter().enumerate() {
        for (k, v) in m.rates.iter().chain(m.values.iter()) {
            id(k, format_args!("metrics[{i}].{k}"), p);
            big(*v, format_args!("metrics[{i}].{k}"), p);
        }
    }
    // the codes, subjects and texts the records share are measured once; a record's own are
    // looked at only when one of them is too long to be within the limit
    let (names, texts) = ds.records.longest();
    let (names, texts) = (names > MAX_ID_CHARS, texts > MAX_TEXT_CHARS);
    for (i, r) in ds.records.iter().enumerate() {
        let n = p.len();
        id(r.id(), format_args!("records[{i}].id"), p);
        if names {
            id(r.rule(), format_args!("records[{i}].rule"), p);
            id(r.subject(), format_args!("records[{i}].subject"), p);
        }
        if let Some(k) = r.key() {
            id(k, format_args!("records[{i}].key"), p);
        }
        if texts {
            for (field, v) in [("note", &r.note()), ("evidence", &r.evidence())] {
                if let Some(v) = v {
                    text(v, format_args!("records[{i}].{field}"), p);
                }
            }
        }
        if r.count() > MAX_COUNT {
            p.push(Problem::msg(ProblemKind::Invalid, format!("records[{i}].count"), "problem-count-beyond-limit", pa!["count" => r.count(), "limit" => MAX_COUNT]));
        }
        for (field, v) in [("points", r.points()), ("units", r.units())] {
            if let Some(v) = v {
                big(v, format_args!("records[{i}].{field}"), p);
            }
        }
        if p.len() > n && r.id().chars().count() <= MAX_ID_CHARS {
            for q in &mut p[n..] {
                q.record = Some(r.id().to_string());
            }
        }
    }
}

/// Whether `s` is empty or only white space (as `s.trim().is_empty()`, but stopping at the first
/// other character: an id's first, nearly always).
fn blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// A place in a list (`records[17]`), formatted only when a problem names it.
pub(crate) struct Place(&'static str, usize);

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

pub(crate) struct Index<'a> {
    pub(crate) ds: &'a Dataset,
    pub(crate) windows: BTreeMap<&'a str, &'a Window>,
    /// The windows by dense index (the order of `windows`).
    pub(crate) window_list: Vec<&'a Window>,
    pub(crate) staff: BTreeMap<&'a str, &'a Staff>,
    /// Each window-month's metrics, with its place in the dataset's list (its row of `figures`).
    pub(crate) metrics: FastMap<(&'a str, YearMonth), (&'a WindowMetrics, u32)>,
    /// The figures the policy's rules read by name ([`Rule::figures`](crate::kind::Rule::figures)),
    /// found in each window-month's metrics once: a row of the policy's figures
    /// (`Policy::figure_names`) for each entry of the dataset's metrics, in its order.
    pub(crate) figures: Vec<Figure>,
    /// The dataset's target for each of the policy's figures.
    pub(crate) figure_targets: Vec<Option<Decimal>>,
    /// The records of each month (0–11) in date then id order, with what the month's first
    /// pass reads of them held densely ([`MonthRecord`]).
    pub(crate) by_month: Vec<Vec<MonthRecord>>,
    /// The distinct points of one occurrence the records are valued at ([`MonthRecord::value`]),
    /// each with its own digits and scale (`2` and `2.0` are two values: results keep the scale).
    pub(crate) values: Vec<Decimal>,
    /// Each subject's dense index: windows by id first, then staff by id (the order of
    /// `windows` and `staff`).
    pub(crate) window_ix: FastMap<&'a str, u32>,
    pub(crate) staff_ix: FastMap<&'a str, u32>,
    /// The roster's assignments with their subjects as dense indices, by staff member (their
    /// dense order), each one's by window (dense order too), then in the roster's order: what
    /// each month's links are made from, without looking a window up by its id or sorting a
    /// staff member's windows every month.
    pub(crate) assignments: Vec<Assigned>,
    /// Shared texts for results (empty until [`Index::named`]: validation alone does not need them).
    pub(crate) names: Names,
}

/// An assignment of the roster: a staff member at a window from a day to a day, as day numbers
/// ([`day_number`]; an open end is `i32::MIN` or `i32::MAX`), so that a month's
/// days at the window are a subtraction, not two dates' calendar arithmetic.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Assigned {
    pub(crate) staff: u32,
    pub(crate) window: u32,
    pub(crate) from: i32,
    pub(crate) to: i32,
}

impl Assigned {
    /// How many of the days `first..=last` (day numbers) the assignment covers.
    pub(crate) fn days_within(&self, first: i32, last: i32) -> u32 {
        let (from, to) = (self.from.max(first), self.to.min(last));
        if to < from { 0 } else { (to - from) as u32 + 1 }
    }
}

/// A record as a month's evaluation first reads it: its place in the dataset, its item and
/// subject as dense indices, and what decides whether it is charged. A month's records are held
/// in its order (date, then id), 28 bytes each, so the pass over them reads memory in order
/// instead of visiting each 200-byte parsed record where it lies.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MonthRecord {
    pub(crate) record: u32,
    pub(crate) item: u32,
    pub(crate) subject: u32,
    pub(crate) count: u32,
    pub(crate) date: NaiveDate,
    pub(crate) status: crate::dataset::Status,
    /// Whether the record names evidence (not blank; E12).
    pub(crate) evidence: bool,
    /// What the month reads of the record besides: [`MonthRecord::VALUED`],
    /// [`MonthRecord::EFFECTS`], [`MonthRecord::KEYED`].
    pub(crate) flags: u8,
    /// For an item whose rule is [`Rule::per_record`](crate::kind::Rule::per_record): the points
    /// of one occurrence ([`Rule::value`](crate::kind::Rule::value)), computed once here, when
    /// `VALUED`, as its place in [`Index::values`] (a hall's records have few distinct values:
    /// a record is 28 bytes here instead of 40, a province's 12 MB less; BENCHMARKS.md, the
    /// fifteenth round).
    pub(crate) value: u32,
}

// (the size the comments above give: a province holds a million of them)
const _: () = assert!(std::mem::size_of::<MonthRecord>() == 28);

impl MonthRecord {
    /// Which record an outcome is of: its place, date, occurrences and status.
    #[inline]
    pub(crate) fn which(&self) -> crate::outcome::Which {
        (self.record, self.date, self.count, self.status)
    }

    /// The item's rule gives the record points (`value`).
    pub(crate) const VALUED: u8 = 1;
    /// The item's rule gives the record effects of its own (`record_effects` not empty).
    pub(crate) const EFFECTS: u8 = 2;
    /// The record has a key (C4, E4).
    pub(crate) const KEYED: u8 = 4;
}

/// The dataset's ids and names as shared [`Text`], for results.
#[derive(Default)]
pub(crate) struct Names {
    /// This evaluation's own copy of the policy's texts.
    pub(crate) texts: PolicyTexts,
    pub(crate) hall: Text,
    /// What record outcomes are rendered with (record ids, rule codes, subject ids), shared by
    /// the evaluation's months.
    pub(crate) outcomes: std::sync::Arc<crate::outcome::OutcomeNames>,
    /// By subject index.
    pub(crate) subjects: Vec<SubjectNames>,
}

pub(crate) struct SubjectNames {
    pub(crate) id: Text,
    pub(crate) name: Text,
    /// A window's department; a staff member's home department, if any.
    pub(crate) department: Option<Text>,
}

pub(crate) fn dup_check<'a>(
    ids: impl Iterator<Item = (usize, &'a str)>,
    what: &str,
    list: &str,
    out: &mut Vec<Problem>,
) {
    let mut seen: FastMap<&str, usize> = FastMap::default();
    seen.reserve(ids.size_hint().0);
    for (i, id) in ids {
        if let Some(first) = seen.insert(id, i) {
            out.push(duplicate(what, list, i, id, first));
        }
    }
}

/// [`dup_check`] of the records' ids: the table holds each record's place (4 bytes) and reads its
/// id from the list, where a map of ids to places takes 24 bytes an entry. For the province's
/// million records that is the memory the check writes into (fresh pages, which the system
/// clears first) cut by five (BENCHMARKS.md, the seventeenth round).
fn dup_check_records(records: &Records, out: &mut Vec<Problem>) {
    use std::hash::BuildHasher;
    let hasher = foldhash::fast::FixedState::default();
    let id_at = |j: u32| records.at(j as usize).id();
    let mut seen: hashbrown::HashTable<u32> = hashbrown::HashTable::with_capacity(records.len());
    for (i, r) in records.iter().enumerate() {
        let id = r.id();
        let h = hasher.hash_one(id);
        // at most MAX_RECORDS (5,000,000) records: every place fits
        match seen.find_mut(h, |&j| id_at(j) == id) {
            // the place kept is the latest, as the map's insert keeps it
            Some(first) => out.push(duplicate("record", "records", i, id, std::mem::replace(first, i as u32) as usize)),
            None => {
                seen.insert_unique(h, i as u32, |&j| hasher.hash_one(id_at(j)));
            }
        }
    }
}

/// The problem of an id given a second time: at `list[i]`, first given at `list[first]`.
fn duplicate(what: &str, list: &str, i: usize, id: &str, first: usize) -> Problem {
    let thing = match what {
        "department" => "thing-department",
        "window" => "thing-window",
        "staff" => "thing-staff",
        _ => "thing-record",
    };
    let mut args = vec![("what", crate::error::Arg::Word(thing))];
    args.extend(pa!["id" => format!("{id:?}"), "list" => list, "first" => first]);
    let p = Problem::msg(ProblemKind::Duplicate, format!("{list}[{i}].id"), "problem-duplicate-id", args);
    if list == "records" { p.record(id) } else { p }
}

/// The roster: the hall's id, windows (departments, dated terms of heads and chief
/// representatives) and staff (departments, dated, non-overlapping assignments).
fn check_roster(ds: &Dataset, departments: &BTreeSet<&str>, windows: &BTreeMap<&str, &Window>, staff: &BTreeMap<&str, &Staff>, p: &mut Vec<Problem>) {
    for (id, what) in [(&ds.hall.id, "hall.id")] {
        if id.trim().is_empty() {
            p.push(Problem::msg(ProblemKind::Invalid, what, "problem-empty-id", vec![]));
        }
    }
    for (i, w) in ds.windows.iter().enumerate() {
        if !departments.contains(w.department.as_str()) {
            p.push(Problem::msg(
                ProblemKind::UnknownReference,
                format!("windows[{i}].department"),
                "problem-window-unknown-department",
                pa!["window" => w.id, "department" => format!("{:?}", w.department)],
            ));
        }
        if let (Some(a), Some(b)) = (w.opened, w.closed)
            && b < a
        {
            p.push(Problem::msg(ProblemKind::Invalid, format!("windows[{i}].closed"), "problem-window-closes-before-opening", pa!["window" => w.id, "closed" => b, "opened" => a]));
        }
        for (field, terms) in [
            ("heads", &w.heads),
            ("chief_representatives", &w.chief_representatives),
        ] {
            for (j, t) in terms.iter().enumerate() {
                // (the path written only for a problem: a valid roster formats nothing)
                let path = || format!("windows[{i}].{field}[{j}]");
                if let Some(s) = &t.staff
                    && !staff.contains_key(s.as_str())
                {
                    p.push(Problem::msg(ProblemKind::UnknownReference, format!("{}.staff", path()), "problem-term-unknown-staff", pa!["staff" => format!("{s:?}")]));
                }
                if t.staff.is_none() && t.name.is_none() {
                    p.push(Problem::msg(ProblemKind::Invalid, path(), "problem-term-no-person", vec![]));
                }
                if let (Some(a), Some(b)) = (t.from, t.to)
                    && b < a
                {
                    p.push(Problem::msg(ProblemKind::Invalid, format!("{}.to", path()), "problem-term-ends-before-start", pa!["to" => b, "from" => a]));
                }
            }
            let mut sorted: Vec<_> = terms.iter().enumerate().collect();
            sorted.sort_by_key(|(_, t)| t.from);
            for pair in sorted.windows(2) {
                let ((_, a), (j, b)) = (pair[0], pair[1]);
                if a.to
                    .is_none_or(|end| b.from.is_none_or(|start| start <= end))
                {
                    let word = if field == "heads" { "field-heads" } else { "field-chief-representatives" };
                    let mut args = pa!["window" => w.id];
                    args.push(("field", crate::error::Arg::Word(word)));
                    p.push(Problem::msg(ProblemKind::Invalid, format!("windows[{i}].{field}[{j}]"), "problem-terms-overlap", args));
                }
            }
        }
    }
    for (i, s) in ds.staff.iter().enumerate() {
        if let Some(d) = &s.department
            && !departments.contains(d.as_str())
        {
            p.push(Problem::msg(
                ProblemKind::UnknownReference,
                format!("staff[{i}].department"),
                "problem-staff-unknown-department",
                pa!["staff" => s.id, "department" => format!("{d:?}")],
            ));
        }
        for (j, a) in s.assignments.iter().enumerate() {
            // (the path written only for a problem, as a window's terms' above)
            let path = || format!("staff[{i}].assignments[{j}]");
            if !windows.contains_key(a.window.as_str()) {
                p.push(Problem::msg(
                    ProblemKind::UnknownReference,
                    format!("{}.window", path()),
                    "problem-assigned-unknown-window",
                    pa!["staff" => s.id, "window" => format!("{:?}", a.window)],
                ));
            }
            if let (Some(x), Some(y)) = (a.from, a.to)
                && y < x
            {
                p.push(Problem::msg(ProblemKind::Invalid, format!("{}.to", path()), "problem-assignment-ends-before-start", pa!["to" => y, "from" => x]));
            }
        }
        let mut sorted: Vec<_> = s.assignments.iter().enumerate().collect();
        sorted.sort_by_key(|(_, a)| a.from);
        for pair in sorted.windows(2) {
            let ((k, a), (j, b)) = (pair[0], pair[1]);
            if a.to
                .is_none_or(|end| b.from.is_none_or(|start| start <= end))
            {
                p.push(Problem::msg(
                    ProblemKind::Invalid,
                    format!("staff[{i}].assignments[{j}]"),
                    "problem-assignments-overlap",
                    pa!["staff" => s.id, "k" => k, "a" => a.window, "j" => j, "b" => b.window],
                ));
            }
        }
    }
}

/// The year's targets and the window-month metrics, by (window, month), each with its place in
/// the dataset's list.
fn check_metrics<'a>(policy: &Policy, ds: &'a Dataset, windows: &BTreeMap<&str, &Window>, p: &mut Vec<Problem>) -> FastMap<(&'a str, YearMonth), (&'a WindowMetrics, u32)> {
    let year = ds.year;
    for (k, v) in &ds.targets {
        if *v < Decimal::ZERO || *v > Decimal::ONE_HUNDRED {
            p.push(Problem::msg(ProblemKind::Invalid, format!("targets.{k}"), "problem-target-percentage", pa!["value" => v]));
        }
    }
    let mut metrics = FastMap::default();
    for (i, m) in ds.metrics.iter().enumerate() {
        // (written only for a problem: valid metrics format nothing)
        let path = Place("metrics", i);
        if !windows.contains_key(m.window.as_str()) {
            p.push(Problem::msg(ProblemKind::UnknownReference, format!("{path}.window"), "problem-metrics-unknown-window", pa!["window" => format!("{:?}", m.window)]));
        }
        if m.month.year != year {
            p.push(Problem::msg(ProblemKind::Invalid, format!("{path}.month"), "problem-month-outside-year", pa!["month" => m.month, "year" => year]));
        }
        for (k, v) in &m.rates {
            if *v < Decimal::ZERO || *v > Decimal::ONE_HUNDRED {
                p.push(Problem::msg(ProblemKind::Invalid, format!("{path}.rates.{k}"), "problem-rate-percentage", pa!["value" => v]));
            }
        }
        if metrics.insert((m.window.as_str(), m.month), (m, i as u32)).is_some() {
            p.push(Problem::msg(ProblemKind::Duplicate, path.to_string(), "problem-metrics-duplicate", pa!["window" => m.window, "month" => m.month]));
        }
    }
    let settings = &policy.doc.settings;
    if settings.missing_metrics == Severity::Error {
        for w in &ds.windows {
            for m in YearMonth::months_of_year(year) {
                if days_in_month(w.opened, w.closed, m) > 0
                    && !metrics.contains_key(&(w.id.as_str(), m))
                {
                    p.push(Problem::msg(ProblemKind::Invalid, "metrics", "problem-metrics-missing", pa!["window" => w.id, "month" => m]));
                }
            }
        }
    }
    metrics
}

/// Every record against the policy and the roster (E3, E9, C7, …): each one's item index and
/// subject index.
fn check_records(policy: &Policy, ds: &Dataset, windows: &BTreeMap<&str, &Window>, staff: &BTreeMap<&str, &Staff>, window_ix: &FastMap<&str, u32>, staff_ix: &FastMap<&str, u32>, p: &mut Vec<Problem>) -> (Vec<u32>, Vec<u32>) {
    let year = ds.year;
    let in_year = |d: NaiveDate| chrono::Datelike::year(&d) == year;
    let settings = &policy.doc.settings;
    let nw = window_ix.len();
    let wlist: Vec<&Window> = windows.values().copied().collect();
    let slist: Vec<&Staff> = staff.values().copied().collect();
    let mut rec_item = vec![0u32; ds.records.len()];
    let mut rec_subject = vec![0u32; ds.records.len()];
    // each distinct code and subject the records name looked up once, not once a record
    let mut code_item = Vec::new();
    for (at, code) in ds.records.codes() {
        code_item.resize(code_item.len().max(at + 1), None);
        code_item[at] = policy.by_code.get(code).copied();
    }
    let mut subject_ix = Vec::new();
    for (at, id) in ds.records.subjects() {
        subject_ix.resize(subject_ix.len().max(at + 1), (None, None));
        subject_ix[at] = (staff_ix.get(id).copied(), window_ix.get(id).copied());
    }
    for (i, r) in ds.records.iter().enumerate() {
        let path = Place("records", i);
        let bad = |kind, field: &str, id: &'static str, args: Vec<(&'static str, crate::error::Arg)>| {
            Problem::msg(kind, format!("{path}.{field}"), id, args)
                .record(r.id())
                .rule(r.rule())
        };
        if blank(r.id()) {
            p.push(Problem::msg(ProblemKind::Invalid, format!("{path}.id"), "problem-record-id-empty", vec![]));
        }
        if !in_year(r.date()) {
            p.push(bad(ProblemKind::Invalid, "date", "problem-date-outside-year", pa!["date" => r.date(), "year" => year]));
        }
        if r.count() < 1 {
            p.push(bad(ProblemKind::Invalid, "count", "problem-count-at-least-1", pa!["count" => r.count()]));
        }
        let Some((item, rule)) = code_item[r.rule_index()].map(|ii| {
            rec_item[i] = ii as u32;
            (&policy.doc.rules[ii], policy.rules[ii].as_ref())
        }) else {
            p.push(bad(ProblemKind::UnknownReference, "rule", "problem-unknown-rule", pa!["rule" => format!("{:?}", r.rule()), "policy" => policy.doc.id]));
            continue;
        };
        match item.subject {
            SubjectKind::Staff => match subject_ix[r.subject_index()].0.map(|x| {
                rec_subject[i] = x;
                slist[x as usize - nw]
            }) {
                None => {
                    let subject = format!("{:?}", r.subject());
                    p.push(if windows.contains_key(r.subject()) {
                        bad(ProblemKind::UnknownReference, "subject", "problem-unknown-staff-is-window", pa!["subject" => subject, "id" => r.subject(), "rule" => r.rule()])
                    } else {
                        bad(ProblemKind::UnknownReference, "subject", "problem-unknown-staff", pa!["subject" => subject])
                    });
                }
                Some(s) => {
                    if in_year(r.date())
                        && !s.assignments.iter().any(|a| covers(a.from, a.to, r.date()))
                        && settings.unassigned_staff_record == Severity::Error
                    {
                        p.push(bad(ProblemKind::Invalid, "date", "problem-unassigned", pa!["staff" => s.id, "date" => r.date()]));
                    }
                }
            },
            SubjectKind::Window => match subject_ix[r.subject_index()].1.map(|x| {
                rec_subject[i] = x;
                wlist[x as usize]
            }) {
                None => {
                    let subject = format!("{:?}", r.subject());
                    p.push(if staff.contains_key(r.subject()) {
                        bad(ProblemKind::UnknownReference, "subject", "problem-unknown-window-is-staff", pa!["subject" => subject, "id" => r.subject(), "rule" => r.rule()])
                    } else {
                        bad(ProblemKind::UnknownReference, "subject", "problem-unknown-window", pa!["subject" => subject])
                    });
                }
                Some(w) => {
                    if in_year(r.date()) && !covers(w.opened, w.closed, r.date()) {
                        p.push(bad(ProblemKind::Invalid, "date", "problem-window-not-open", pa!["window" => w.id, "date" => r.date()]));
                    }
                }
            },
        }
        if let Some(from) = rule.derived_from() {
            if settings.derived_item_records == Severity::Error {
                let mut args = pa!["rule" => r.rule()];
                let zh = rule.derived_from_in(crate::messages::Lang::ZhCn).unwrap_or_else(|| from.clone());
                args.push(("from", crate::error::Arg::Each(from, zh)));
                p.push(bad(ProblemKind::Invalid, "rule", "problem-derived-recorded", args));
            }
            continue;
        }
        if r.key().is_some() && r.count() != 1 {
            p.push(bad(ProblemKind::Invalid, "count", "problem-keyed-count", pa!["count" => r.count()]));
        }
        rule.check_record(item, r, &path, p);
    }
    (rec_item, rec_subject)
}

/// Each month's records in the order E6 needs (date, then id), compiled: what the month reads of
/// each record ([`MonthRecord`]: its item, subject, count, status, evidence, flags), and each
/// record's points of one occurrence, as a place among the hall's distinct values, which are
/// returned too ([`Index::values`]). `rec_item` and `rec_subject` are each record's item and
/// subject, by record index ([`check_records`]).
fn month_records(policy: &Policy, ds: &Dataset, rec_item: &[u32], rec_subject: &[u32]) -> (Vec<Vec<MonthRecord>>, Vec<Decimal>) {
    // each month's records in date, then id order: sorted by the date and the id's first
    // eight bytes, the whole ids compared only when those are equal (ids are distinct, so
    // the order is total and an unstable sort gives it)
    let mut months: Vec<Vec<(NaiveDate, u64, u32)>> = vec![Vec::new(); 12];
    for (i, r) in ds.records.iter().enumerate() {
        // at most MAX_RECORDS (5,000,000) records: every index fits
        months[(YearMonth::of(r.date()).month - 1) as usize].push((r.date(), id_prefix(r.id()), i as u32));
    }
    // each distinct value once, by its digits and scale (not by `Decimal`'s equality, which
    // holds `2` and `2.0` equal)
    let mut values: Vec<Decimal> = Vec::new();
    let mut value_at: FastMap<[u8; 16], u32> = FastMap::default();
    // each item's last value: most items value their records alike, so most records are
    // matched here, without a lookup
    let mut last: Vec<Option<([u8; 16], u32)>> = vec![None; policy.rules.len()];
    let by_month = months
        .into_iter()
        .map(|mut v| {
            v.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| ds.records.at(a.2 as usize).id().cmp(ds.records.at(b.2 as usize).id())));
            v.into_iter()
                .map(|(_, _, i)| {
                    let i = i as usize;
                    let r = ds.records.at(i);
                    let rule = policy.rules[rec_item[i] as usize].as_ref();
                    let value = if rule.per_record() { rule.value(r) } else { None };
                    let mut flags = 0;
                    if value.is_some() {
                        flags |= MonthRecord::VALUED;
                        if rule.has_record_effects(r) {
                            flags |= MonthRecord::EFFECTS;
                        }
                    }
                    if r.key().is_some() {
                        flags |= MonthRecord::KEYED;
                    }
                    MonthRecord {
                        // at most MAX_RECORDS (5,000,000) records: every index fits
                        record: i as u32,
                        item: rec_item[i],
                        subject: rec_subject[i],
                        count: r.count(),
                        date: r.date(),
                        status: r.status(),
                        evidence: r.evidence().is_some_and(|e| !blank(e)),
                        flags,
                        value: value.map_or(0, |v| {
                            let bytes = v.serialize();
                            let seen = &mut last[rec_item[i] as usize];
                            match *seen {
                                Some((b, at)) if b == bytes => at,
                                _ => {
                                    let at = *value_at.entry(bytes).or_insert_with(|| {
                                        values.push(v);
                                        // at most one value a record: fits as the records' indices do
                                        (values.len() - 1) as u32
                                    });
                                    *seen = Some((bytes, at));
                                    at
                                }
                            }
                        }),
                    }
                })
                .collect()
        })
        .collect();
    (by_month, values)
}

impl<'a> Index<'a> {
    pub(crate) fn build(policy: &Policy, ds: &'a Dataset) -> Result<Index<'a>, Errors> {
        let mut p = Vec::new();
        let year = ds.year;
        if !(1900..=9999).contains(&year) {
            p.push(Problem::msg(ProblemKind::Invalid, "year", "problem-year-range", pa!["year" => year]));
            return Err(Errors {
                document: "dataset".into(),
                problems: p,
            });
        }
        check_dataset_limits(ds, &mut p);
        if ds.records.len() > crate::limits::MAX_RECORDS {
            return Err(Errors {
                document: "dataset".into(),
                problems: p,
            });
        }
        dup_check(
            ds.departments
                .iter()
                .enumerate()
                .map(|(i, d)| (i, d.id.as_str())),
            "department",
            "departments",
            &mut p,
        );
        dup_check(
            ds.windows
                .iter()
                .enumerate()
                .map(|(i, d)| (i, d.id.as_str())),
            "window",
            "windows",
            &mut p,
        );
        dup_check(
            ds.staff.iter().enumerate().map(|(i, d)| (i, d.id.as_str())),
            "staff",
            "staff",
            &mut p,
        );
        dup_check_records(&ds.records, &mut p);
        let departments: BTreeSet<&str> = ds.departments.iter().map(|d| d.id.as_str()).collect();
        let windows: BTreeMap<&str, &Window> =
            ds.windows.iter().map(|w| (w.id.as_str(), w)).collect();
        let staff: BTreeMap<&str, &Staff> = ds.staff.iter().map(|s| (s.id.as_str(), s)).collect();
        // a record's subject, explain and the results name a window or a staff member by id alone
        for (i, s) in ds.staff.iter().enumerate() {
            if windows.contains_key(s.id.as_str())
                && let Some(j) = ds.windows.iter().position(|w| w.id == s.id)
            {
                p.push(Problem::msg(ProblemKind::Duplicate, format!("staff[{i}].id"), "problem-staff-id-is-window", pa!["id" => format!("{:?}", s.id), "index" => j]));
            }
        }
        check_roster(ds, &departments, &windows, &staff, &mut p);
        let metrics = check_metrics(policy, ds, &windows, &mut p);
        // each subject's dense index: windows by id first, then staff by id
        let window_ix: FastMap<&str, u32> = windows.keys().enumerate().map(|(i, w)| (*w, i as u32)).collect();
        let nw = window_ix.len();
        let staff_ix: FastMap<&str, u32> = staff.keys().enumerate().map(|(i, s)| (*s, (nw + i) as u32)).collect();
        let (rec_item, rec_subject) = check_records(policy, ds, &windows, &staff, &window_ix, &staff_ix, &mut p);
        if !p.is_empty() {
            return Err(Errors {
                document: "dataset".into(),
                problems: p,
            });
        }
        let (by_month, values) = month_records(policy, ds, &rec_item, &rec_subject);
        // (assignments name windows of the roster: validated above)
        let mut assignments: Vec<Assigned> = staff
            .values()
            .enumerate()
            .flat_map(|(i, s)| s.assignments.iter().map(move |a| (i, a)))
            .filter_map(|(i, a)| Some(Assigned { staff: (nw + i) as u32, window: *window_ix.get(a.window.as_str())?, from: a.from.map_or(i32::MIN, day_number), to: a.to.map_or(i32::MAX, day_number) }))
            .collect();
        assignments.sort_by_key(|a| (a.staff, a.window));
        let names = &policy.figure_names;
        let figures = ds.metrics.iter().flat_map(|m| names.iter().map(|n| Figure::of(m, n))).collect();
        let figure_targets = names.iter().map(|n| ds.targets.get(n).copied()).collect();
        Ok(Index {
            ds,
            window_list: windows.values().copied().collect(),
            windows,
            staff,
            metrics,
            figures,
            figure_targets,
            by_month,
            values,
            window_ix,
            staff_ix,
            assignments,
            names: Names::default(),
        })
    }

    pub(crate) fn subjects(&self) -> usize {
        self.window_ix.len() + self.staff_ix.len()
    }

    /// A subject's dense index.
    pub(crate) fn ix(&self, kind: SubjectKind, id: &str) -> Option<u32> {
        match kind {
            SubjectKind::Window => self.window_ix.get(id).copied(),
            SubjectKind::Staff => self.staff_ix.get(id).copied(),
        }
    }

    /// Builds the texts results share (each id and name once).
    pub(crate) fn named(mut self, policy: &Policy) -> Self {
        let ds = self.ds;
        let mut departments: BTreeMap<&str, Text> = BTreeMap::new();
        let mut dept = |d: &'a str| departments.entry(d).or_insert_with(|| Text::new(d)).clone();
        let mut subjects = Vec::with_capacity(self.subjects());
        for w in self.windows.values() {
            subjects.push(SubjectNames { id: Text::new(&w.id), name: Text::new(&w.name), department: Some(dept(&w.department)) });
        }
        for s in self.staff.values() {
            subjects.push(SubjectNames { id: Text::new(&s.id), name: Text::new(&s.name), department: s.department.as_deref().map(&mut dept) });
        }
        let texts = policy.texts.fresh();
        let outcomes = crate::outcome::OutcomeNames::new(
            ds.records.ids(),
            texts.codes.clone(),
            subjects.iter().map(|s| s.id.clone()).collect(),
        );
        self.names = Names { texts, hall: Text::new(&ds.hall.id), outcomes: std::sync::Arc::new(outcomes), subjects };
        self
    }

    /// A record's id as text (a line's or a flag's): made where it is needed. A record belongs
    /// to one month and gives one line there (and a flag or two at most), so a long id is made
    /// once or twice, not kept for the whole evaluation (a shared text of every record id, made
    /// at the first long one, was 24 bytes a record and an allocation for each long id, used or not).
    // (kept out of line: inlined into the caps' loop, it slowed the scores-only evaluation by 3 %
    // through the loop's code, with the same instructions; BENCHMARKS.md, the twelfth round)
    #[inline(never)]
    pub(crate) fn record_text(&self, r: RecordRef<'_>) -> Text {
        Text::new(r.id())
    }

    pub(crate) fn window_on(&self, staff: &str, date: NaiveDate) -> Option<&'a str> {
        self.staff
            .get(staff)?
            .assignments
            .iter()
            .find(|a| covers(a.from, a.to, date))
            .map(|a| a.window.as_str())
    }
}

// ------------------------------------------------------------------ a hall checked

impl Policy {
    /// Checks a dataset against the policy; all problems at once.
    pub fn validate(&self, ds: &Dataset) -> Result<(), Errors> {
        Index::build(self, ds).map(|_| ()).map_err(|e| self.in_own_lang(e))
    }

    /// Validates a dataset once and keeps what evaluation needs, for evaluating it several ways
    /// (a platform that re-scores on demand, a benchmark that times validation apart).
    pub fn check<'p, 'a>(&'p self, ds: &'a Dataset) -> Result<Checked<'p, 'a>, Errors> {
        let idx = Index::build(self, ds).map_err(|e| self.in_own_lang(e))?;
        Ok(Checked { policy: self, idx: idx.named(self) })
    }

    /// A dataset's problems in the policy's language (they are made in English).
    fn in_own_lang(&self, e: Errors) -> Errors {
        if self.lang == crate::messages::Lang::En { e } else { e.in_lang(self.lang) }
    }
}

/// A dataset validated against a policy ([`Policy::check`]): evaluating it does not validate again.
pub struct Checked<'p, 'a> {
    pub(crate) policy: &'p Policy,
    pub(crate) idx: Index<'a>,
}

impl<'p, 'a> Checked<'p, 'a> {
    pub fn policy(&self) -> &'p Policy {
        self.policy
    }

    pub fn dataset(&self) -> &'a Dataset {
        self.idx.ds
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::month::Days;
    use proptest::prelude::*;

    proptest! {
        /// An assignment's days in a month by day numbers are the days the calendar gives:
        /// `Days::clip` and `len` on the dates, either end open or not, in or around the month.
        #[test]
        fn an_assignments_days_in_a_month_by_day_numbers_are_the_calendars(
            month in 1u32..=12,
            from in proptest::option::of(-40i64..400),
            to in proptest::option::of(-40i64..400),
        ) {
            let ym = YearMonth { year: 2024, month };
            let day = |k: i64| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(k);
            let (from, to) = (from.map(day), to.map(day));
            let a = Assigned { staff: 0, window: 0, from: from.map_or(i32::MIN, day_number), to: to.map_or(i32::MAX, day_number) };
            let days = Days::of(ym);
            prop_assert_eq!(a.days_within(day_number(days.first), day_number(days.last)), days.clip(from, to).len());
        }
    }
}
