//! The built-in rule kinds. Together they express the whole county measure and the
//! variations other halls publish (`variations.md`).

mod derived;
mod discretionary;
mod level_points;
mod linked;
mod metric;
mod monthly_state;
mod per_occurrence;
mod per_unit;
mod rating_mean;
mod threshold;

pub use derived::{DerivedFromStaff, Weights};
pub use discretionary::Discretionary;
pub use level_points::LevelPoints;
pub use linked::Linked;
pub use metric::{
    MetricBelowTarget, MetricShortfall, MetricTiers, SeveralWindows, ShortfallRounding, ValueTier,
};
pub use monthly_state::{MonthlyState, StateCondition, StateWhen};
pub use per_occurrence::{MinuteTier, PerOccurrence};
pub use per_unit::PerUnit;
pub use rating_mean::{MinRate, RatingMean, RatingPoints, RatingVeto};
pub use threshold::CountThreshold;

use crate::dataset::RecordRef;
use crate::error::{Problem, ProblemKind, pa};
use crate::kind::{Registry, Rule, RuleContext, typed_kind};
use crate::policy::RuleItem;
use rust_decimal::Decimal;
use std::sync::Arc;

impl Registry {
    /// A registry of the built-in kinds, which together express the county measure.
    pub fn builtin() -> Self {
        let mut r = Registry::empty();
        register_builtin(&mut r);
        r
    }
}

fn register_builtin(r: &mut Registry) {
    for k in [
        typed_kind::<PerOccurrence>(),
        typed_kind::<Discretionary>(),
        typed_kind::<LevelPoints>(),
        typed_kind::<PerUnit>(),
        typed_kind::<Linked>(),
        typed_kind::<MonthlyState>(),
        typed_kind::<MetricBelowTarget>(),
        typed_kind::<MetricShortfall>(),
        typed_kind::<MetricTiers>(),
        typed_kind::<DerivedFromStaff>(),
        typed_kind::<CountThreshold>(),
        typed_kind::<RatingMean>(),
    ] {
        r.register(k).expect("built-in kinds have distinct names");
    }
}

/// A problem with the item's parameters, with a message of the catalogue.
fn invalid(item: &RuleItem, path: String, id: &'static str, args: Vec<(&'static str, crate::error::Arg)>) -> Problem {
    Problem::msg(ProblemKind::Invalid, path, id, args).rule(item.code.clone())
}

/// A subject kind as a word of the catalogue (staff, window; 人员, 窗口).
fn kind_word(kind: crate::policy::SubjectKind) -> crate::error::Arg {
    crate::error::Arg::Word(match kind {
        crate::policy::SubjectKind::Staff => "kind-staff",
        crate::policy::SubjectKind::Window => "kind-window",
    })
}

/// A record's problem with a message of the catalogue, naming the record and the item's code.
fn record_problem(item: &RuleItem, rec: RecordRef<'_>, path: String, id: &'static str, args: Vec<(&'static str, crate::error::Arg)>) -> Problem {
    Problem::msg(ProblemKind::Invalid, path, id, args).rule(item.code.clone()).record(rec.id())
}

fn positive(item: &RuleItem, path: &str, name: &str, v: Decimal, out: &mut Vec<Problem>) {
    if v <= Decimal::ZERO {
        out.push(invalid(
            item,
            format!("{path}.params.{name}"),
            "problem-kind-positive",
            pa!["name" => name, "value" => v],
        ));
    }
    bounded(item, path, name, v, out);
}

/// Rejects a parameter beyond the limits (SECURITY.md), so sums of points cannot overflow.
fn bounded(item: &RuleItem, path: &str, name: &str, v: Decimal, out: &mut Vec<Problem>) {
    if v.abs() > crate::limits::max_magnitude() {
        out.push(invalid(
            item,
            format!("{path}.params.{name}"),
            "problem-kind-beyond-limit",
            pa!["name" => name, "value" => v, "limit" => crate::limits::max_magnitude()],
        ));
    }
}

fn done(rule: impl Rule + 'static, problems: Vec<Problem>) -> Result<Arc<dyn Rule>, Vec<Problem>> {
    if problems.is_empty() {
        Ok(Arc::new(rule))
    } else {
        Err(problems)
    }
}

/// Rejects a record that states points for an item whose points the rule fixes, unless they agree.
// (inlined, and the check of stated points apart: most records state none, and the call with
// the problem's room on its stack was 3 % of a province's parse + validate, a sampling profile
// showed, BENCHMARKS.md, the twenty-third round)
#[inline(always)]
fn check_stated_points(
    rule: &dyn Rule,
    item: &RuleItem,
    rec: RecordRef<'_>,
    path: &dyn std::fmt::Display,
    out: &mut Vec<Problem>,
) {
    if let Some(stated) = rec.points() {
        check_points_agree(rule, item, rec, stated, path, out);
    }
}

/// [`check_stated_points`] for a record that states `stated`.
#[inline(never)]
fn check_points_agree(rule: &dyn Rule, item: &RuleItem, rec: RecordRef<'_>, stated: Decimal, path: &dyn std::fmt::Display, out: &mut Vec<Problem>) {
    if let Some(p) = rule.value(rec)
        && stated != p
    {
        out.push(record_problem(item, rec, format!("{path}.points"), "problem-points-fixed", pa!["rule" => item.code, "points" => p, "stated" => stated]));
    }
}

fn one() -> Decimal {
    Decimal::ONE
}

/// A contribution's text, formatted only when the result carries text ([`RuleContext::explain`]).
fn detail(cx: &RuleContext<'_, '_>, text: impl FnOnce() -> String) -> String {
    if cx.explain() { text() } else { String::new() }
}
