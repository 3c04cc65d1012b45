//! A hall-year's scores as columns, for platforms that parse many halls (issue 22: "lean
//! results"): each table is an object of equal-length arrays, subjects and texts are listed once
//! and rows refer to them by index, numbers are exact decimal strings as everywhere else. It
//! carries the numbers of a scores-only hall-year — each subject-month's categories and totals,
//! each period's scores, ranks and grades, each award's standings — without the texts that
//! explain them (details, outcomes, flags' and warnings' words: ask for the full result for
//! those).
//!
//! ```text
//! {"format": "kaoping-columns/1", "policy": …, "hall": …, "year": 2026,
//!  "subjects": {"id": [...], "kind": [...], "name": [...], "department": [...]},
//!  "texts": [...],                                   // grades, category codes, award ids
//!  "months":     {"month": [1, …], "subject": [0, …], "base": […], "bonus": […], "total": […], "grade": [text index, …]},
//!  "categories": {"month": […], "subject": […], "category": [text index, …], "points": […], "score": […]},
//!  "periods":    {"period": ["2026-Q1", …], "subject": […], "score": […], "grade": […], "rank": […],
//!                 "department_rank": […], "months_evaluated": […], "deductions": […], "bonus": […], "complaints": […]},
//!  "standings":  {"period": […], "award": [text index, …], "subject": […], "rank": […], "score": […], "status": […]}}
//! ```

use crate::period::{AwardStatus, HallYear, PeriodResult};
use crate::policy::SubjectKind;
use crate::result::SubjectRef;
use crate::text::Dec;
use serde::Serialize;
use std::collections::HashMap;

/// The format's name and version, written first.
pub const FORMAT: &str = "kaoping-columns/1";

/// A hall-year as columns ([`HallYearColumns::of`]); serialise it with serde.
#[derive(Debug, Clone, Serialize)]
pub struct HallYearColumns {
    pub format: &'static str,
    pub policy: String,
    pub hall: String,
    pub year: i32,
    pub subjects: Subjects,
    /// Grades, category codes and award ids, each once; the tables refer to them by index.
    pub texts: Vec<String>,
    pub months: Months,
    pub categories: Categories,
    pub periods: Periods,
    pub standings: Standings,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Subjects {
    pub id: Vec<String>,
    pub kind: Vec<SubjectKind>,
    pub name: Vec<String>,
    pub department: Vec<String>,
}

/// One row per subject evaluated in a month.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Months {
    pub month: Vec<u32>,
    pub subject: Vec<u32>,
    pub base: Vec<Dec>,
    pub bonus: Vec<Dec>,
    pub total: Vec<Dec>,
    pub grade: Vec<u32>,
}

/// One row per category (bonus categories too) of a subject-month.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Categories {
    pub month: Vec<u32>,
    pub subject: Vec<u32>,
    pub category: Vec<u32>,
    pub points: Vec<Dec>,
    pub score: Vec<Dec>,
}

/// One row per subject of each quarter and of the year (and each month as a period, when the
/// policy awards monthly).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Periods {
    pub period: Vec<String>,
    pub subject: Vec<u32>,
    pub score: Vec<Dec>,
    pub grade: Vec<u32>,
    pub rank: Vec<u32>,
    pub department_rank: Vec<u32>,
    pub months_evaluated: Vec<u32>,
    pub deductions: Vec<Dec>,
    pub bonus: Vec<Dec>,
    pub complaints: Vec<u32>,
}

/// One row per participant of each award of each period.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Standings {
    pub period: Vec<String>,
    pub award: Vec<u32>,
    pub subject: Vec<u32>,
    pub rank: Vec<u32>,
    pub score: Vec<Dec>,
    pub status: Vec<AwardStatus>,
}

/// Texts listed once, each with its index.
#[derive(Default)]
struct Interned {
    list: Vec<String>,
    at: HashMap<String, u32>,
}

impl Interned {
    fn of(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.at.get(s) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(s.to_string());
        self.at.insert(s.to_string(), i);
        i
    }
}

/// Subjects listed once, each with its index.
#[derive(Default)]
struct SubjectIndex {
    list: Subjects,
    at: HashMap<String, u32>,
}

impl SubjectIndex {
    fn add(&mut self, id: &str, kind: SubjectKind, name: &str, department: &str) -> u32 {
        if let Some(&i) = self.at.get(id) {
            return i;
        }
        let l = &mut self.list;
        let i = l.id.len() as u32;
        l.id.push(id.to_string());
        l.kind.push(kind);
        l.name.push(name.to_string());
        l.department.push(department.to_string());
        self.at.insert(id.to_string(), i);
        i
    }
}

impl HallYearColumns {
    /// The columns of a hall-year (any level of explanation: the texts are left out).
    pub fn of(h: &HallYear) -> HallYearColumns {
        // subjects as the results first name them (each month's windows, then staff)
        let mut subjects = SubjectIndex::default();
        let mut texts = Interned::default();
        let (mut months, mut categories) = (Months::default(), Categories::default());
        for m in &h.year.months {
            for s in m.windows.iter().chain(m.staff.iter()) {
                let at = subjects.add(s.subject(), s.kind(), s.name(), s.department());
                month_rows(m.month.month, at, s, &mut texts, &mut months, &mut categories);
            }
        }
        let (mut periods, mut standings) = (Periods::default(), Standings::default());
        for p in h.months.iter().chain(h.quarters.iter()).chain(std::iter::once(&h.annual)) {
            let label = p.period.to_string();
            for s in p.windows.iter().chain(p.staff.iter()) {
                let at = subjects.add(&s.subject, s.kind, &s.name, &s.department);
                periods.period.push(label.clone());
                periods.subject.push(at);
                periods.score.push(Dec(s.score));
                periods.grade.push(texts.of(&s.grade));
                periods.rank.push(s.rank);
                periods.department_rank.push(s.department_rank);
                periods.months_evaluated.push(s.months_evaluated);
                periods.deductions.push(Dec(s.deductions));
                periods.bonus.push(Dec(s.bonus));
                periods.complaints.push(s.complaints);
            }
            award_rows(p, &label, &subjects.at, &mut texts, &mut standings);
        }
        HallYearColumns {
            format: FORMAT,
            policy: h.year.policy.to_string(),
            hall: h.year.hall.to_string(),
            year: h.year.year,
            subjects: subjects.list,
            texts: texts.list,
            months,
            categories,
            periods,
            standings,
        }
    }
}

fn month_rows(month: u32, at: u32, s: SubjectRef<'_>, texts: &mut Interned, months: &mut Months, categories: &mut Categories) {
    months.month.push(month);
    months.subject.push(at);
    months.base.push(Dec(s.base()));
    months.bonus.push(Dec(s.bonus()));
    months.total.push(Dec(s.total()));
    months.grade.push(texts.of(s.grade()));
    for c in s.all_categories() {
        categories.month.push(month);
        categories.subject.push(at);
        categories.category.push(texts.of(c.code()));
        categories.points.push(Dec(c.points()));
        categories.score.push(Dec(c.score()));
    }
}

fn award_rows(p: &PeriodResult, label: &str, index: &HashMap<String, u32>, texts: &mut Interned, standings: &mut Standings) {
    for a in &p.awards {
        let award = texts.of(&a.award);
        for st in &a.standings {
            // every participant is one of the period's subjects
            let Some(&at) = index.get(st.subject.as_str()) else { continue };
            standings.period.push(label.to_string());
            standings.award.push(award);
            standings.subject.push(at);
            standings.rank.push(st.rank);
            standings.score.push(Dec(st.score));
            standings.status.push(st.status);
        }
    }
}
