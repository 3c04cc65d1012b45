//! A period's figures for the hall as a whole, as a brief shows them (the report's 概况): the
//! mean window and staff score, each month's means, how many windows and staff each grade has,
//! and where the points went, by rule item and by category. Computed from a period's result and
//! its months' results with the policy's rounding of means (`periods.rounding`), so every number
//! a report or a binding shows comes from here, not from each of them.

use crate::engine::Policy;
use crate::month::YearMonth;
use crate::period::{PeriodResult, SubjectPeriod};
use crate::policy::SubjectKind;
use crate::result::MonthResult;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// A period's figures for the hall as a whole ([`Policy::summarize`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HallSummary {
    /// The windows' mean period score, rounded as the policy rounds means (none without windows).
    pub window_mean: Option<Decimal>,
    /// The staff's mean period score (none without staff).
    pub staff_mean: Option<Decimal>,
    /// Each month of the period: the mean monthly total of the windows and of the staff
    /// evaluated that month.
    pub months: Vec<MonthMeans>,
    /// Each grade band of the policy, in its order: how many windows and staff have it for the
    /// period.
    pub grades: Vec<GradeCount>,
    /// Points taken by each rule item over the period's months and the occurrences of the lines
    /// that took them: largest first, then by code. Read from the months' category lines, so
    /// empty for months evaluated without them (`Explain::Scores`).
    pub by_rule: Vec<RuleDeduction>,
    /// Points taken in each deduction category over the period's subject-months, in the policy's
    /// order (the staff's categories, then the windows').
    pub by_category: Vec<CategoryDeduction>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthMeans {
    pub month: YearMonth,
    pub window_mean: Option<Decimal>,
    pub staff_mean: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradeCount {
    pub grade: String,
    pub windows: usize,
    pub staff: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleDeduction {
    pub rule: String,
    pub points: Decimal,
    pub occurrences: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryDeduction {
    pub kind: SubjectKind,
    pub code: String,
    /// The category's name in the results' language ([`crate::policy::Category::name`]).
    pub name: String,
    pub name_zh: String,
    pub points: Decimal,
}

impl Policy {
    /// The mean of values with the policy's rounding of means (none of no values).
    pub fn mean_of(&self, values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
        let (sum, n) = values.into_iter().fold((Decimal::ZERO, 0u64), |(s, n), x| (s + x, n + 1));
        (n > 0).then(|| self.doc.periods.rounding.mean(sum, n))
    }

    /// A period's figures for the hall as a whole, from its result and its months' results.
    pub fn summarize(&self, period: &PeriodResult, months: &[MonthResult]) -> HallSummary {
        let scores = |list: &[SubjectPeriod]| self.mean_of(list.iter().map(|s| s.score));
        let month_mean = |list: &[SubjectPeriod], m: YearMonth| self.mean_of(list.iter().filter_map(|s| s.monthly.iter().find(|t| t.month == m).map(|t| t.total)));
        let count = |list: &[SubjectPeriod], g: &str| list.iter().filter(|s| s.grade == g).count();
        HallSummary {
            window_mean: scores(&period.windows),
            staff_mean: scores(&period.staff),
            months: period
                .months
                .iter()
                .map(|&m| MonthMeans { month: m, window_mean: month_mean(&period.windows, m), staff_mean: month_mean(&period.staff, m) })
                .collect(),
            grades: self
                .doc
                .grades
                .bands
                .iter()
                .map(|b| GradeCount { grade: b.name.clone(), windows: count(&period.windows, &b.name), staff: count(&period.staff, &b.name) })
                .collect(),
            by_rule: by_rule(months),
            by_category: self.by_category(months),
        }
    }

    fn by_category(&self, months: &[MonthResult]) -> Vec<CategoryDeduction> {
        let mut out = Vec::new();
        for (kind, sp) in [(SubjectKind::Staff, &self.doc.staff), (SubjectKind::Window, &self.doc.window)] {
            for c in sp.categories.iter().filter(|c| !c.bonus) {
                let points = months
                    .iter()
                    .flat_map(|m| if kind == SubjectKind::Window { m.windows.iter() } else { m.staff.iter() })
                    .flat_map(|s| s.categories().iter().filter(|x| x.code() == c.code.as_str()))
                    .map(|x| x.points())
                    .sum();
                out.push(CategoryDeduction { kind, code: c.code.clone(), name: c.name(self.lang).to_owned(), name_zh: c.name_zh.clone(), points });
            }
        }
        out
    }
}

/// Σ points of the months' deduction lines that took any, by rule item, with their occurrences.
fn by_rule(months: &[MonthResult]) -> Vec<RuleDeduction> {
    let mut by: BTreeMap<&str, (Decimal, u64)> = BTreeMap::new();
    for s in months.iter().flat_map(|m| m.windows.iter().chain(m.staff.iter())) {
        for l in s.categories().iter().flat_map(|c| c.lines().iter()).filter(|l| !l.points.is_zero()) {
            let e = by.entry(l.rule.as_str()).or_default();
            e.0 += l.points;
            e.1 += u64::from(l.occurrences);
        }
    }
    let mut v: Vec<RuleDeduction> = by.into_iter().map(|(rule, (points, occurrences))| RuleDeduction { rule: rule.to_string(), points, occurrences }).collect();
    v.sort_by(|a, b| b.points.cmp(&a.points).then_with(|| a.rule.cmp(&b.rule)));
    v
}
