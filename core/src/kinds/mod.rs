//! The built-in rule kinds. Together they express the whole county measure and the
//! variations other halls publish (`variations.md`).

use crate::dataset::{Level, Record};
use crate::error::{Problem, ProblemKind};
use crate::kind::{Contribution, KindParams, Link, Registry, Rule, RuleContext, Via, typed_kind};
use crate::policy::{Effects, PolicyDoc, RoundingMode, RuleItem, SubjectKind, Threshold};
use crate::result::DaysLink;
use crate::text::{Dec, Piece, cat, push};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

pub(crate) fn register_builtin(r: &mut Registry) {
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
    ] {
        r.register(k).expect("built-in kinds have distinct names");
    }
}

fn invalid(item: &RuleItem, path: String, msg: String) -> Problem {
    Problem::new(ProblemKind::Invalid, path, msg).rule(item.code.clone())
}

fn positive(item: &RuleItem, path: &str, name: &str, v: Decimal, out: &mut Vec<Problem>) {
    if v <= Decimal::ZERO {
        out.push(invalid(
            item,
            format!("{path}.params.{name}"),
            format!("{name} must be greater than 0, got {v}"),
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
            format!(
                "{name} {v} is beyond the limit of ±{}",
                crate::limits::max_magnitude()
            ),
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
fn check_stated_points(
    rule: &dyn Rule,
    item: &RuleItem,
    rec: &Record,
    path: &dyn std::fmt::Display,
    out: &mut Vec<Problem>,
) {
    let Some(stated) = rec.points else { return };
    if let Some((p, _)) = rule.points(rec)
        && stated != p
    {
        out.push(
            invalid(
                item,
                format!("{path}.points"),
                format!(
                    "{} is worth {p} here (fixed by the measure); the record states {stated}",
                    item.code
                ),
            )
            .record(rec.id.clone()),
        );
    }
}

// ---------------------------------------------------------------- per_occurrence

/// Fixed points per occurrence (C8), with optional minute tiers (S1.1: more than 30 minutes → 2)
/// and an aggravated variant (S3.2 bad effect → 5).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerOccurrence {
    /// Points of one occurrence (positive; fractions allowed: 0.5, 0.2).
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub points: Decimal,
    /// Points when the record is flagged `aggravated`.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::decimal::exact_opt")]
    pub aggravated_points: Option<Decimal>,
    /// What `aggravated` means for this item (shown in explanations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggravated_label: Option<String>,
    /// Tiers by the record's `minutes`; the highest tier met applies (E1: without minutes, `points`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub minute_tiers: Vec<MinuteTier>,
}

/// A tier of minutes: give exactly one of `above` (exclusive, C6 超过) or `at_least` (inclusive).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MinuteTier {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<u32>,
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub points: Decimal,
}

/// What set a per-occurrence record's points.
enum Picked<'a> {
    Base,
    Tier(&'a MinuteTier),
    Aggravated,
}

impl PerOccurrence {
    /// A record's points, and what set them: the highest minute tier met (E1: the base points
    /// without minutes), then the aggravated points when flagged and not lower.
    fn pick(&self, rec: &Record) -> (Decimal, Picked<'_>) {
        let mut best = (self.points, Picked::Base);
        if let Some(m) = rec.minutes {
            for t in &self.minute_tiers {
                if t.met(m) && t.points > best.0 {
                    best = (t.points, Picked::Tier(t));
                }
            }
        }
        if rec.aggravated
            && let Some(a) = self.aggravated_points
            && a >= best.0
        {
            best = (a, Picked::Aggravated);
        }
        best
    }
}

impl Piece for MinuteTier {
    /// The same text as its `Display`.
    fn push_to(&self, out: &mut String) {
        match (self.above, self.at_least) {
            (Some(a), _) => push!(*out, "more than ", a, " min"),
            (None, Some(a)) => push!(*out, a, " min or more"),
            _ => {}
        }
    }
    fn size_hint(&self) -> usize {
        20
    }
}

impl MinuteTier {
    fn met(&self, minutes: u32) -> bool {
        match (self.above, self.at_least) {
            (Some(a), _) => minutes > a,
            (None, Some(a)) => minutes >= a,
            (None, None) => false,
        }
    }
}

impl std::fmt::Display for MinuteTier {
    /// The tier as a record's explanation names it ("more than 30 min", "60 min or more").
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.above, self.at_least) {
            (Some(a), _) => write!(f, "more than {a} min"),
            (None, Some(a)) => write!(f, "{a} min or more"),
            _ => Ok(()),
        }
    }
}

impl KindParams for PerOccurrence {
    const NAME: &'static str = "per_occurrence";
    const SUMMARY: &'static str =
        "fixed points per occurrence, with minute tiers and an aggravated variant";
    fn build(self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        let mut p = Vec::new();
        positive(item, path, "points", self.points, &mut p);
        if let Some(a) = self.aggravated_points {
            positive(item, path, "aggravated_points", a, &mut p);
        }
        for (i, t) in self.minute_tiers.iter().enumerate() {
            if t.above.is_some() == t.at_least.is_some() {
                p.push(invalid(
                    item,
                    format!("{path}.params.minute_tiers[{i}]"),
                    "give exactly one of above (exclusive) or at_least (inclusive)".into(),
                ));
            }
            positive(
                item,
                path,
                &format!("minute_tiers[{i}].points"),
                t.points,
                &mut p,
            );
        }
        done(self, p)
    }
}

impl Rule for PerOccurrence {
    fn max_points(&self) -> Option<Decimal> {
        let tiers = self.minute_tiers.iter().map(|t| t.points);
        self.aggravated_points
            .into_iter()
            .chain(tiers)
            .chain([self.points])
            .max()
    }
    fn value(&self, rec: &Record) -> Option<Decimal> {
        Some(self.pick(rec).0)
    }
    fn points(&self, rec: &Record) -> Option<(Decimal, String)> {
        let (points, why) = self.pick(rec);
        let text = match (why, rec.minutes) {
            (Picked::Aggravated, _) => self.aggravated_label.clone().unwrap_or_else(|| "aggravated".into()),
            (Picked::Tier(t), Some(m)) => cat!(m, " min: ", t),
            (_, Some(m)) => cat!(m, " min"),
            (_, None) => String::new(),
        };
        Some((points, text))
    }
    fn check_record(
        &self,
        item: &RuleItem,
        rec: &Record,
        path: &dyn std::fmt::Display,
        out: &mut Vec<Problem>,
    ) {
        check_stated_points(self, item, rec, path, out);
        if rec.aggravated && self.aggravated_points.is_none() && self.minute_tiers.is_empty() {
            out.push(
                invalid(
                    item,
                    format!("{path}.aggravated"),
                    format!("{} has no aggravated variant", item.code),
                )
                .record(rec.id.clone()),
            );
        }
    }
}

// ---------------------------------------------------------------- discretionary

/// Points chosen within a range (C7 视情节/酌情, E11): the record states them.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Discretionary {
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub min: Decimal,
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub max: Decimal,
    /// E11: any decimal in range when absent; a step (1, 0.5) restricts the values.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::decimal::exact_opt")]
    pub step: Option<Decimal>,
}

impl KindParams for Discretionary {
    const NAME: &'static str = "discretionary";
    const SUMMARY: &'static str = "points stated on the record, within [min, max]";
    fn build(self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        let mut p = Vec::new();
        positive(item, path, "min", self.min, &mut p);
        if self.max < self.min {
            p.push(invalid(
                item,
                format!("{path}.params.max"),
                format!("max {} is below min {}", self.max, self.min),
            ));
        }
        bounded(item, path, "max", self.max, &mut p);
        if let Some(s) = self.step {
            positive(item, path, "step", s, &mut p);
        }
        done(self, p)
    }
}

impl Rule for Discretionary {
    fn max_points(&self) -> Option<Decimal> {
        Some(self.max)
    }
    fn value(&self, rec: &Record) -> Option<Decimal> {
        rec.points
    }
    fn points(&self, rec: &Record) -> Option<(Decimal, String)> {
        rec.points.map(|p| {
            (
                p,
                cat!(Dec(p), " within ", Dec::norm(self.min), '–', Dec::norm(self.max)),
            )
        })
    }
    fn check_record(
        &self,
        item: &RuleItem,
        rec: &Record,
        path: &dyn std::fmt::Display,
        out: &mut Vec<Problem>,
    ) {
        let range = format!("{}–{}", self.min.normalize(), self.max.normalize());
        match rec.points {
            None => out.push(
                invalid(
                    item,
                    format!("{path}.points"),
                    format!(
                        "points missing: {} needs the points stated, {range} (C7)",
                        item.code
                    ),
                )
                .record(rec.id.clone()),
            ),
            Some(p) if p < self.min || p > self.max => out.push(
                invalid(
                    item,
                    format!("{path}.points"),
                    format!("points {} outside {range} for {}", p.normalize(), item.code),
                )
                .record(rec.id.clone()),
            ),
            Some(p) => {
                if let Some(s) = self.step
                    && !((p - self.min) % s).is_zero()
                {
                    out.push(
                        invalid(
                            item,
                            format!("{path}.points"),
                            format!(
                                "points {} not a step of {} from {} for {}",
                                p.normalize(),
                                s,
                                self.min,
                                item.code
                            ),
                        )
                        .record(rec.id.clone()),
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------- level_points

/// Points keyed by level (S5.3 county 3 / city 5 / province+ 10; SB.2; WB.5), with per-level effects
/// such as loss of award eligibility. A level not listed is an error (E3).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelPoints {
    #[serde(deserialize_with = "crate::decimal::exact_map")]
    pub points: BTreeMap<Level, Decimal>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub effects: BTreeMap<Level, Effects>,
}

impl KindParams for LevelPoints {
    const NAME: &'static str = "level_points";
    const SUMMARY: &'static str =
        "points by the record's level (county/city/province/national), with per-level effects";
    fn build(self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        let mut p = Vec::new();
        if self.points.is_empty() {
            p.push(invalid(
                item,
                format!("{path}.params.points"),
                "list the points of at least one level".into(),
            ));
        }
        for (l, v) in &self.points {
            positive(item, path, &format!("points.{}", l.as_str()), *v, &mut p);
        }
        done(self, p)
    }
}

impl Rule for LevelPoints {
    fn max_points(&self) -> Option<Decimal> {
        self.points.values().copied().max()
    }
    fn value(&self, rec: &Record) -> Option<Decimal> {
        self.points.get(&rec.level?).copied()
    }
    fn points(&self, rec: &Record) -> Option<(Decimal, String)> {
        let l = rec.level?;
        self.points
            .get(&l)
            .map(|p| (*p, cat!(l.as_str(), " level")))
    }
    fn record_effects(&self, rec: &Record) -> Effects {
        rec.level
            .and_then(|l| self.effects.get(&l))
            .cloned()
            .unwrap_or_default()
    }
    fn check_record(
        &self,
        item: &RuleItem,
        rec: &Record,
        path: &dyn std::fmt::Display,
        out: &mut Vec<Problem>,
    ) {
        let listed = self
            .points
            .keys()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        match rec.level {
            None => out.push(
                invalid(
                    item,
                    format!("{path}.level"),
                    format!("level missing: {} needs one of {listed}", item.code),
                )
                .record(rec.id.clone()),
            ),
            Some(l) if !self.points.contains_key(&l) => out.push(
                invalid(
                    item,
                    format!("{path}.level"),
                    format!(
                        "level {} is not listed for {} (E3); expected one of {listed}",
                        l.as_str(),
                        item.code
                    ),
                )
                .record(rec.id.clone()),
            ),
            _ => check_stated_points(self, item, rec, path, out),
        }
    }
}

// ---------------------------------------------------------------- per_unit

/// Points per unit stated on the record (V10: per half day absent, per working day overdue).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerUnit {
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub points_per_unit: Decimal,
    /// What a unit is (`half_day`, `working_day`), for explanations.
    pub unit: String,
    /// Only whole units allowed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub whole_units: bool,
}

impl KindParams for PerUnit {
    const NAME: &'static str = "per_unit";
    const SUMMARY: &'static str = "points per unit stated on the record (units × points_per_unit)";
    fn build(self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        let mut p = Vec::new();
        positive(item, path, "points_per_unit", self.points_per_unit, &mut p);
        done(self, p)
    }
}

impl Rule for PerUnit {
    fn value(&self, rec: &Record) -> Option<Decimal> {
        rec.units.map(|u| u * self.points_per_unit)
    }
    fn points(&self, rec: &Record) -> Option<(Decimal, String)> {
        rec.units.map(|u| {
            (
                u * self.points_per_unit,
                format!(
                    "{} {} × {}",
                    Dec::norm(u),
                    self.unit,
                    Dec::norm(self.points_per_unit)
                ),
            )
        })
    }
    fn check_record(
        &self,
        item: &RuleItem,
        rec: &Record,
        path: &dyn std::fmt::Display,
        out: &mut Vec<Problem>,
    ) {
        match rec.units {
            None => out.push(
                invalid(
                    item,
                    format!("{path}.units"),
                    format!("units missing: {} counts {}", item.code, self.unit),
                )
                .record(rec.id.clone()),
            ),
            Some(u) if u <= Decimal::ZERO => out.push(
                invalid(
                    item,
                    format!("{path}.units"),
                    format!("units must be greater than 0, got {u}"),
                )
                .record(rec.id.clone()),
            ),
            Some(u) if self.whole_units && !u.fract().is_zero() => out.push(
                invalid(
                    item,
                    format!("{path}.units"),
                    format!("{} counts whole {}, got {u}", item.code, self.unit),
                )
                .record(rec.id.clone()),
            ),
            // one occurrence's points within the limit (limits::MAX_FACTOR: no sum can overflow)
            Some(u) if u.checked_mul(self.points_per_unit).is_none_or(|p| p > crate::limits::max_magnitude()) => out.push(
                invalid(
                    item,
                    format!("{path}.units"),
                    format!(
                        "{u} {} × {} points is beyond the limit of {} points for one occurrence",
                        self.unit,
                        Dec::norm(self.points_per_unit),
                        crate::limits::max_magnitude()
                    ),
                )
                .record(rec.id.clone()),
            ),
            _ => {}
        }
    }
}

// ---------------------------------------------------------------- linked

/// An item charged from another item's records (W6.1 from S5.1 via the assigned window;
/// a window record also charged to its chief representative, V15).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Linked {
    /// The item whose records are read.
    pub source: String,
    pub via: Via,
    /// Multiplier of the source record's points (1: the same points; 0.5: half rate).
    #[serde(default = "one", deserialize_with = "crate::decimal::exact")]
    pub factor: Decimal,
    /// Whether the source record's effects (loss of eligibility) also hit this subject (W6.2).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inherit_effects: bool,
    #[serde(skip)]
    link: Option<Link>,
}

fn one() -> Decimal {
    Decimal::ONE
}

impl KindParams for Linked {
    const NAME: &'static str = "linked";
    const SUMMARY: &'static str = "charges another item's records to a linked subject (assigned window, chief representative)";
    fn build(mut self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        let mut p = Vec::new();
        positive(item, path, "factor", self.factor, &mut p);
        if self.factor > Decimal::from(crate::limits::MAX_FACTOR) {
            p.push(invalid(
                item,
                format!("{path}.params.factor"),
                format!("factor {} is beyond the limit of {}", self.factor, crate::limits::MAX_FACTOR),
            ));
        }
        if self.via.to_kind() != item.subject {
            p.push(invalid(
                item,
                format!("{path}.params.via"),
                format!(
                    "via {} charges a {}, but {} is a {} item",
                    self.via.as_str(),
                    self.via.to_kind().as_str(),
                    item.code,
                    item.subject.as_str()
                ),
            ));
        }
        self.link = Some(Link {
            source: self.source.clone(),
            via: self.via,
        });
        done(self, p)
    }
}

impl Rule for Linked {
    fn derived_from(&self) -> Option<String> {
        Some(format!(
            "{} records (charged {})",
            self.source,
            match self.via {
                Via::AssignedWindow =>
                    "to the window the member was assigned to on the record's date",
                Via::ChiefRepresentative => "to the window's chief representative",
                Via::WindowHead => "to the window's head",
            }
        ))
    }
    fn link(&self) -> Option<&Link> {
        self.link.as_ref()
    }
    fn check_policy(
        &self,
        policy: &PolicyDoc,
        item: &RuleItem,
        path: &str,
        out: &mut Vec<Problem>,
    ) {
        match policy.rules.iter().find(|r| r.code == self.source) {
            None => out.push(
                Problem::new(
                    ProblemKind::UnknownReference,
                    format!("{path}.params.source"),
                    format!("no rule item {:?} to link to", self.source),
                )
                .rule(item.code.clone()),
            ),
            // a linked item has no records of its own (E3), so a link to one (itself, or a
            // cycle) would read nothing
            Some(src) if src.kind == Linked::NAME => out.push(invalid(
                item,
                format!("{path}.params.source"),
                format!("{} is itself a linked item: it has no records of its own to read; link to the item it reads", src.code),
            )),
            Some(src) if src.subject != self.via.from_kind() => out.push(invalid(
                item,
                format!("{path}.params.source"),
                format!(
                    "{} is a {} item but via {} reads {} records",
                    src.code,
                    src.subject.as_str(),
                    self.via.as_str(),
                    self.via.from_kind().as_str()
                ),
            )),
            _ => {}
        }
    }
    fn apply<'a>(&self, cx: &RuleContext<'_, 'a>, out: &mut Vec<Contribution<'a>>) {
        let Some((src_item, src)) = cx.rule(&self.source) else {
            return;
        };
        for &r in cx.records() {
            if !cx.explain() {
                if let Some(p) = src.value(r) {
                    let effects = if self.inherit_effects { src.record_effects(r) } else { Effects::default() };
                    out.push(Contribution::Occurrences { record: r, points_each: p * self.factor, detail: String::new(), effects });
                }
                continue;
            }
            if let Some((p, d)) = src.points(r) {
                let points = p * self.factor;
                let detail = if self.factor == Decimal::ONE {
                    cat!(src_item.code, " record of ", r.subject, ": ", d)
                } else {
                    cat!(src_item.code, " record of ", r.subject, ": ", Dec::norm(p), " × ", Dec::norm(self.factor))
                };
                let effects = if self.inherit_effects {
                    src.record_effects(r)
                } else {
                    Effects::default()
                };
                out.push(Contribution::Occurrences {
                    record: r,
                    points_each: points,
                    detail,
                    effects,
                });
            }
        }
    }
}

// ---------------------------------------------------------------- monthly_state

/// A monthly state read from the roster, once a month (W1.1: no designated window head).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MonthlyState {
    pub condition: StateCondition,
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub points: Decimal,
    /// Which open days must lack the role for the state to hold.
    #[serde(default)]
    pub when: StateWhen,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum StateCondition {
    NoWindowHead,
    NoChiefRepresentative,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum StateWhen {
    /// Any open day of the month without one.
    #[default]
    AnyOpenDay,
    /// Every open day of the month without one.
    AllOpenDays,
}

impl KindParams for MonthlyState {
    const NAME: &'static str = "monthly_state";
    const SUMMARY: &'static str = "points once a month when a roster state holds (no window head)";
    fn build(self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        let mut p = Vec::new();
        positive(item, path, "points", self.points, &mut p);
        if item.subject != SubjectKind::Window {
            p.push(invalid(
                item,
                format!("{path}.subject"),
                "monthly_state reads a window's roster: the item must be a window item".into(),
            ));
        }
        done(self, p)
    }
}

impl Rule for MonthlyState {
    fn derived_from(&self) -> Option<String> {
        Some("the roster (window heads / chief representatives)".into())
    }
    fn apply<'a>(&self, cx: &RuleContext<'_, 'a>, out: &mut Vec<Contribution<'a>>) {
        let Some(w) = cx.window(cx.subject()) else {
            return;
        };
        let terms = match self.condition {
            StateCondition::NoWindowHead => &w.heads,
            StateCondition::NoChiefRepresentative => &w.chief_representatives,
        };
        let days = cx.window_open_days(cx.subject());
        // open days on which no term covers the day: a single term (the usual roster) covers
        // one run of them; several terms are checked day by day
        let missing = match terms.as_slice() {
            [] => days.len(),
            [t] => days.len() - days.overlap(t.from, t.to),
            _ => days.iter().filter(|d| !terms.iter().any(|t| crate::month::covers(t.from, t.to, *d))).count() as u32,
        };
        let holds = match self.when {
            StateWhen::AnyOpenDay => missing > 0,
            StateWhen::AllOpenDays => !days.is_empty() && missing == days.len(),
        };
        if holds {
            let what = match self.condition {
                StateCondition::NoWindowHead => "no designated window head",
                StateCondition::NoChiefRepresentative => "no chief representative",
            };
            out.push(Contribution::State {
                points: self.points,
                detail: detail(cx, || cat!(what, " on ", missing, " of ", days.len(), " open days")),
            });
        }
    }
}

// ---------------------------------------------------------------- metric_below_target

/// Points for each named rate below the year's target (W5.1: 三率, 1 each).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricBelowTarget {
    /// Rate names, read from the window-month's `rates`; targets from the dataset's `targets`.
    pub metrics: Vec<String>,
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub points_each: Decimal,
    /// Targets fixed by the policy, used when the dataset has none for a metric.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "crate::decimal::exact_map")]
    pub targets: BTreeMap<String, Decimal>,
}

impl KindParams for MetricBelowTarget {
    const NAME: &'static str = "metric_below_target";
    const SUMMARY: &'static str = "points for each window rate below its target";
    fn build(self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        let mut p = Vec::new();
        positive(item, path, "points_each", self.points_each, &mut p);
        if self.metrics.is_empty() {
            p.push(invalid(
                item,
                format!("{path}.params.metrics"),
                "name at least one metric".into(),
            ));
        }
        for (k, v) in &self.targets {
            bounded(item, path, &format!("targets.{k}"), *v, &mut p);
        }
        if item.subject != SubjectKind::Window {
            p.push(invalid(
                item,
                format!("{path}.subject"),
                "window metrics: the item must be a window item".into(),
            ));
        }
        done(self, p)
    }
}

impl Rule for MetricBelowTarget {
    fn derived_from(&self) -> Option<String> {
        Some(format!("window metrics {}", self.metrics.join(", ")))
    }
    fn apply<'a>(&self, cx: &RuleContext<'_, 'a>, out: &mut Vec<Contribution<'a>>) {
        let Some(m) = cx.metrics(cx.subject()) else {
            return;
        };
        for name in &self.metrics {
            let target = cx.target(name).or_else(|| self.targets.get(name).copied());
            match (m.rates.get(name), target) {
                (Some(v), Some(t)) if *v < t => out.push(Contribution::State {
                    points: self.points_each,
                    detail: detail(cx, || cat!(name, ' ', Dec::norm(*v), "% below target ", Dec::norm(t), '%')),
                }),
                (None, _) => out.push(Contribution::Warning(format!(
                    "{}: no {name} rate for {}",
                    cx.item().code,
                    cx.month()
                ))),
                (_, None) => out.push(Contribution::Warning(format!(
                    "{}: no target for {name}",
                    cx.item().code
                ))),
                _ => {}
            }
        }
    }
}

// ---------------------------------------------------------------- metric_shortfall

/// Points per unit of shortfall below a target (V10: −1 per percentage point of completion below 100%).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricShortfall {
    /// A rate name (window-month `rates`) or a value name (`values`).
    pub metric: String,
    /// The target; the dataset's target for the metric when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::decimal::exact_opt")]
    pub target: Option<Decimal>,
    /// Size of one unit of shortfall (1 = one percentage point).
    #[serde(default = "one", deserialize_with = "crate::decimal::exact")]
    pub unit: Decimal,
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub points_per_unit: Decimal,
    /// How a part unit counts: `down` (whole units only: 3.5 → 3), `up`, `half_away_from_zero`, or `exact`.
    #[serde(default)]
    pub shortfall_rounding: ShortfallRounding,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum ShortfallRounding {
    #[default]
    Down,
    Up,
    HalfAwayFromZero,
    Exact,
}

impl KindParams for MetricShortfall {
    const NAME: &'static str = "metric_shortfall";
    const SUMMARY: &'static str =
        "points per unit by which a window metric falls short of its target";
    fn build(self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        let mut p = Vec::new();
        positive(item, path, "unit", self.unit, &mut p);
        positive(item, path, "points_per_unit", self.points_per_unit, &mut p);
        if let Some(t) = self.target {
            bounded(item, path, "target", t, &mut p);
        }
        if item.subject != SubjectKind::Window {
            p.push(invalid(
                item,
                format!("{path}.subject"),
                "window metrics: the item must be a window item".into(),
            ));
        }
        done(self, p)
    }
}

impl Rule for MetricShortfall {
    fn derived_from(&self) -> Option<String> {
        Some(format!("window metric {}", self.metric))
    }
    fn apply<'a>(&self, cx: &RuleContext<'_, 'a>, out: &mut Vec<Contribution<'a>>) {
        let Some(m) = cx.metrics(cx.subject()) else {
            return;
        };
        let Some(v) = m
            .rates
            .get(&self.metric)
            .or_else(|| m.values.get(&self.metric))
            .copied()
        else {
            out.push(Contribution::Warning(format!(
                "{}: no {} for {}",
                cx.item().code,
                self.metric,
                cx.month()
            )));
            return;
        };
        let Some(t) = self.target.or_else(|| cx.target(&self.metric)) else {
            out.push(Contribution::Warning(format!(
                "{}: no target for {}",
                cx.item().code,
                self.metric
            )));
            return;
        };
        if v >= t {
            return;
        }
        // (t − v) / unit in whole units rounded once from the exact quotient, or `exact`: the
        // points (t − v) × points_per_unit / unit, a result of a division, rounded per C11
        let gap = t - v;
        let whole = |mode| crate::exact::quotient(&[gap], &[self.unit], 0, mode);
        let (units, points) = match self.shortfall_rounding {
            ShortfallRounding::Down => (whole(RoundingMode::Down), None),
            ShortfallRounding::Up => (whole(RoundingMode::Up), None),
            ShortfallRounding::HalfAwayFromZero => (whole(RoundingMode::HalfAwayFromZero), None),
            ShortfallRounding::Exact => (
                cx.rounding().quotient(&[gap], &[self.unit]),
                cx.rounding().quotient(&[gap, self.points_per_unit], &[self.unit]),
            ),
        };
        let limit = crate::limits::max_magnitude();
        let points = match points.or_else(|| units?.checked_mul(self.points_per_unit)) {
            Some(p) if p <= limit => p,
            // a shortfall in tiny units: its points stop at the limit on one value (SECURITY.md),
            // and the result says so
            _ => {
                out.push(Contribution::Warning(format!(
                    "{}: the shortfall of {} in units of {} is worth more than {limit} points; counted as {limit}",
                    cx.item().code,
                    self.metric,
                    self.unit
                )));
                limit
            }
        };
        if points > Decimal::ZERO {
            out.push(Contribution::State {
                points,
                detail: detail(cx, || {
                    cat!(
                        self.metric,
                        ' ',
                        Dec::norm(v),
                        " below target ",
                        Dec::norm(t),
                        " by ",
                        units.map_or_else(|| String::from("more than a decimal holds"), |u| cat!(Dec::norm(u))),
                        " unit(s) × ",
                        Dec::norm(self.points_per_unit)
                    )
                }),
            });
        }
    }
}

// ---------------------------------------------------------------- metric_tiers

/// Tiered points by a window metric (WB.4: 2000+ cases → 0.3, 3000+ → 0.5, highest tier only).
/// On a staff item, the metric is the window's per staff member (SB.3: cases per staff ≥ 100 → 0.3 each).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricTiers {
    /// `cases`, or a name in the window-month's `values` or `rates`.
    pub metric: String,
    /// Divide the window's metric by the number of staff on duty in the month (SB.3).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub per_staff: bool,
    /// Tiers; the highest one met applies (inclusive, C5).
    pub tiers: Vec<ValueTier>,
    /// E5: a staff member of several windows gets the points `once` (if any qualifies) or for `each` qualifying window.
    #[serde(default)]
    pub several_windows: SeveralWindows,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValueTier {
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub at_least: Decimal,
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub points: Decimal,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum SeveralWindows {
    #[default]
    Once,
    Each,
}

impl KindParams for MetricTiers {
    const NAME: &'static str = "metric_tiers";
    const SUMMARY: &'static str =
        "tiered points by a window metric (optionally per staff member), highest tier only";
    fn build(self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        let mut p = Vec::new();
        if self.tiers.is_empty() {
            p.push(invalid(
                item,
                format!("{path}.params.tiers"),
                "give at least one tier".into(),
            ));
        }
        for (i, t) in self.tiers.iter().enumerate() {
            positive(item, path, &format!("tiers[{i}].points"), t.points, &mut p);
            bounded(
                item,
                path,
                &format!("tiers[{i}].at_least"),
                t.at_least,
                &mut p,
            );
        }
        done(self, p)
    }
}

impl MetricTiers {
    fn value(&self, cx: &RuleContext<'_, '_>, window: &str) -> Option<Decimal> {
        let m = cx.metrics(window)?;
        if self.metric == "cases" {
            m.cases.map(Decimal::from)
        } else {
            m.values
                .get(&self.metric)
                .or_else(|| m.rates.get(&self.metric))
                .copied()
        }
    }
    /// The highest tier the figure (the metric's value, divided by the staff on duty when per
    /// staff) meets, compared exactly (v / n against a tier, not a quotient cut at 28 digits).
    fn tier(&self, (v, n): (Decimal, Option<usize>)) -> Option<&ValueTier> {
        let n = Decimal::from(n.unwrap_or(1) as u64);
        self.tiers
            .iter()
            .filter(|t| crate::exact::cmp_quotient(&[v], &[n], t.at_least) != std::cmp::Ordering::Less)
            .max_by(|a, b| a.points.cmp(&b.points))
    }
    /// The window's figure as the tiers read it: (the metric's value, staff on duty when per
    /// staff).
    fn figure(&self, cx: &RuleContext<'_, '_>, window: &str) -> Option<(Decimal, Option<usize>)> {
        let v = self.value(cx, window)?;
        if self.per_staff {
            let n = cx.staff_on_duty(window).len();
            if n == 0 {
                return None;
            }
            Some((v, Some(n)))
        } else {
            Some((v, None))
        }
    }
    /// The explanation of a figure that reached a tier (formatted only then).
    fn explain_figure(&self, cx: &RuleContext<'_, '_>, window: &str, figure: (Decimal, Option<usize>), tier: &ValueTier) -> String {
        let (v, n) = figure;
        let mut d = String::with_capacity(64);
        push!(d, window, ": ", Dec::norm(v), ' ', self.metric);
        if let Some(n) = n {
            let per = cx.rounding().quotient(&[v], &[Decimal::from(n as u64)]).unwrap_or(v);
            push!(d, " / ", n, " staff = ", Dec(per));
        }
        push!(d, " ≥ ", Dec::norm(tier.at_least));
        d
    }
}

impl Rule for MetricTiers {
    fn derived_from(&self) -> Option<String> {
        Some(format!("window metric {}", self.metric))
    }
    fn apply<'a>(&self, cx: &RuleContext<'_, 'a>, out: &mut Vec<Contribution<'a>>) {
        let subject = cx.subject();
        let served = match cx.subject_kind() {
            SubjectKind::Window => &[][..],
            SubjectKind::Staff => cx.windows_served(subject),
        };
        let windows = match cx.subject_kind() {
            SubjectKind::Window => std::slice::from_ref(&subject),
            SubjectKind::Staff => &[][..],
        };
        // each window's highest tier: every one (`each`), or the first of the highest (`once`)
        let mut best: Option<(Decimal, String)> = None;
        for w in windows.iter().copied().chain(served.iter().map(|l| l.id.as_str())) {
            let Some(f) = self.figure(cx, w) else { continue };
            let Some(t) = self.tier(f) else { continue };
            let hit = (t.points, detail(cx, || self.explain_figure(cx, w, f, t)));
            match self.several_windows {
                SeveralWindows::Each => out.push(Contribution::State { points: hit.0, detail: hit.1 }),
                SeveralWindows::Once => {
                    // max_by keeps the last of equal maxima
                    if best.as_ref().is_none_or(|b| hit.0 >= b.0) {
                        best = Some(hit);
                    }
                }
            }
        }
        if let Some((points, detail)) = best {
            out.push(Contribution::State { points, detail });
        }
    }
}

// ---------------------------------------------------------------- derived_from_staff

/// A window category derived from its staff's scores (W2/W3: weighted mean of S1/S2 ÷ 20 × 15).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DerivedFromStaff {
    /// A staff category code (`S1`), or `total` for the staff members' monthly totals (V12).
    pub source: String,
    /// The scale of the source (the staff category's max, or 100 for totals); read from the policy when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::decimal::exact_opt")]
    pub source_max: Option<Decimal>,
    pub weights: Weights,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Weights {
    /// Each member weighted by days assigned to the window in the month.
    Days,
    /// Each member counts once.
    Equal,
}

impl KindParams for DerivedFromStaff {
    const NAME: &'static str = "derived_from_staff";
    const SUMMARY: &'static str =
        "a window category from its staff's scores: (weighted) mean ÷ source max × category max";
    fn build(self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        let mut p = Vec::new();
        if item.subject != SubjectKind::Window {
            p.push(invalid(
                item,
                format!("{path}.subject"),
                "derived_from_staff makes a window category".into(),
            ));
        }
        if let Some(m) = self.source_max {
            positive(item, path, "source_max", m, &mut p);
        }
        done(self, p)
    }
}

impl Rule for DerivedFromStaff {
    fn derived_from(&self) -> Option<String> {
        Some(format!("staff {} scores", self.source))
    }
    fn check_policy(
        &self,
        policy: &PolicyDoc,
        item: &RuleItem,
        path: &str,
        out: &mut Vec<Problem>,
    ) {
        if self.source != "total"
            && !policy
                .staff
                .categories
                .iter()
                .any(|c| c.code == self.source && !c.bonus)
        {
            out.push(
                Problem::new(
                    ProblemKind::UnknownReference,
                    format!("{path}.params.source"),
                    format!(
                        "no staff deduction category {:?}; give a staff category code or \"total\"",
                        self.source
                    ),
                )
                .rule(item.code.clone()),
            );
        }
    }
    fn apply<'a>(&self, cx: &RuleContext<'_, 'a>, out: &mut Vec<Contribution<'a>>) {
        let Some((item_max, source_max)) = cx.category_scale(&self.source, self.source_max) else {
            return;
        };
        let duty = cx.staff_on_duty(cx.subject());
        let mut num = Decimal::ZERO;
        let mut den = Decimal::ZERO;
        // the sum's terms as text ("S001 18×31 + S002 20×31"), written into one string
        let mut parts = String::with_capacity(if cx.explain() { duty.len() * 24 } else { 0 });
        for DaysLink { id: s, days } in duty {
            let Some(res) = cx.staff_result(s) else {
                continue;
            };
            let score = if self.source == "total" {
                res.total
            } else {
                match res.categories.iter().find(|c| c.code == self.source) {
                    Some(c) => c.score,
                    None => continue,
                }
            };
            let w = match self.weights {
                Weights::Days => Decimal::from(*days),
                Weights::Equal => Decimal::ONE,
            };
            num += w * score;
            den += w;
            if cx.explain() {
                if !parts.is_empty() {
                    parts.push_str(" + ");
                }
                push!(parts, s, ' ', Dec::norm(score), '×', Dec(w));
            }
        }
        if den.is_zero() {
            out.push(Contribution::Warning(format!(
                "{}: no staff on duty this month; full marks",
                cx.item().code
            )));
            out.push(Contribution::Score {
                score: item_max,
                detail: "no staff on duty: full marks".into(),
            });
            return;
        }
        // (Σ w·score / Σ w) / source_max × item_max, as one exact quotient rounded once (C11):
        // dividing step by step cuts a non-terminating mean at 28 digits, and a half cent
        // (13.375) then rounds down. Rounding is monotone, so capping after it is capping before;
        // a quotient beyond a decimal's range (a tiny source_max) is past the cap too.
        let rounding = cx.rounding();
        let cap = rounding.apply(item_max);
        let score = rounding
            .quotient(&[num, item_max], &[den, source_max])
            .map_or(cap, |q| q.min(cap));
        out.push(Contribution::Score {
            score,
            detail: detail(cx, || {
                cat!('(', parts, ") / ", Dec(den), " / ", Dec::norm(source_max), " × ", Dec::norm(item_max), " = ", Dec(score))
            }),
        });
    }
}

/// A contribution's text, formatted only when the result carries text ([`RuleContext::explain`]).
fn detail(cx: &RuleContext<'_, '_>, text: impl FnOnce() -> String) -> String {
    if cx.explain() { text() } else { String::new() }
}

impl RuleContext<'_, '_> {
    /// (this item's category max, the source scale) for a derived category.
    fn category_scale(
        &self,
        source: &str,
        source_max: Option<Decimal>,
    ) -> Option<(Decimal, Decimal)> {
        let item_max = self.category_max(&self.item().category)?;
        let smax = source_max.or_else(|| {
            if source == "total" {
                self.staff_base()
            } else {
                self.staff_category_max(source)
            }
        })?;
        Some((item_max, smax))
    }
}

// ---------------------------------------------------------------- count_threshold

/// A count of another item's occurrences that zeroes a category and flags the month
/// (S5.2: 2+ complaints in a month, or 3+ in the year → S5 scores 0, 建议调岗或辞退).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct CountThreshold(pub Threshold);

impl KindParams for CountThreshold {
    const NAME: &'static str = "count_threshold";
    const SUMMARY: &'static str =
        "zeroes a category / flags the month when an item's count reaches a threshold";
    fn build(self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        let mut p = Vec::new();
        if self.0.counts.is_none() {
            p.push(invalid(
                item,
                format!("{path}.params.counts"),
                "name the item whose occurrences are counted".into(),
            ));
        }
        if self.0.counts.as_deref() == Some(item.code.as_str()) {
            // a count_threshold item has no occurrences of its own (E3)
            p.push(invalid(
                item,
                format!("{path}.params.counts"),
                format!("{} would count itself, which has no records: name the item whose occurrences it counts", item.code),
            ));
        }
        crate::engine::check_threshold(&self.0, item, &format!("{path}.params"), &mut p);
        done(self, p)
    }
}

impl Rule for CountThreshold {
    fn derived_from(&self) -> Option<String> {
        Some(format!(
            "the count of {} records",
            self.0.counts.as_deref().unwrap_or("?")
        ))
    }
    // the items and category its threshold names are checked by the engine, as for any kind's
    // threshold
    fn apply<'a>(&self, _cx: &RuleContext<'_, 'a>, _out: &mut Vec<Contribution<'a>>) {}
    fn threshold(&self) -> Option<&Threshold> {
        Some(&self.0)
    }
}

#[cfg(test)]
mod text_tests {
    use super::MinuteTier;
    use crate::text::Piece;

    #[test]
    fn a_minute_tier_as_a_piece_of_text_is_its_display() {
        let p: rust_decimal::Decimal = "2".parse().unwrap();
        for (above, at_least) in [(Some(30), None), (None, Some(60)), (Some(0), Some(5)), (None, None)] {
            let t = MinuteTier { above, at_least, points: p };
            let mut s = String::from("x: ");
            t.push_to(&mut s);
            assert_eq!(s, format!("x: {t}"));
        }
    }
}
