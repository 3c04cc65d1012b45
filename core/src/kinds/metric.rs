//! Points from window metrics: W5.1 (`metric_below_target`), SB.3 and WB.4 (`metric_tiers`) of the
//! county measure; `metric_shortfall` expresses the variations' V10 (completion below 100%).

use super::{bounded, detail, done, invalid, one, positive};
use crate::error::Problem;
use crate::kind::{Contribution, KindParams, MetricWindow, Rule, RuleContext};
use crate::policy::{RoundingMode, RuleItem, SubjectKind};
use crate::text::{Dec, cat};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

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
                "problem-kind-no-metric",
                vec![],
            ));
        }
        for (k, v) in &self.targets {
            bounded(item, path, &format!("targets.{k}"), *v, &mut p);
        }
        if item.subject != SubjectKind::Window {
            p.push(invalid(
                item,
                format!("{path}.subject"),
                "problem-kind-window-metrics",
                vec![],
            ));
        }
        done(self, p)
    }
}

impl Rule for MetricBelowTarget {
    fn derived_from(&self) -> Option<String> {
        self.derived_from_in(crate::messages::Lang::En)
    }
    fn derived_from_in(&self, lang: crate::messages::Lang) -> Option<String> {
        let names: Vec<String> = self.metrics.iter().map(|m| crate::messages::metric_name(lang, m)).collect();
        Some(crate::messages::text(lang, "from-window-metrics", &[("metrics", &names.join(", "))]))
    }
    fn figures(&self) -> &[String] {
        &self.metrics
    }
    fn apply<'a>(&self, cx: &RuleContext<'_, 'a>, out: &mut Vec<Contribution<'a>>) {
        // (the rates and the dataset's targets by the places the hall was compiled with)
        if cx.own_metrics().is_none() {
            return;
        }
        for (k, name) in self.metrics.iter().enumerate() {
            let target = cx.figure_target(k).or_else(|| self.targets.get(name).copied());
            let rate = cx.own_figure(k).and_then(|f| f.rate);
            match (rate.as_ref(), target) {
                (Some(v), Some(t)) if *v < t => out.push(Contribution::State {
                    points: self.points_each,
                    detail: detail(cx, || {
                        let metric = crate::messages::metric_name(cx.lang(), name);
                        cx.text("line-rate-below-target", &[("metric", &metric), ("value", &Dec::norm(*v)), ("target", &Dec::norm(t))])
                    }),
                }),
                (None, _) => out.push(Contribution::Warning(cx.text(
                    "warning-no-rate",
                    &[("rule", &cx.item().code), ("metric", name), ("month", &cx.month())],
                ))),
                (_, None) => out.push(Contribution::Warning(cx.text("warning-no-target", &[("rule", &cx.item().code), ("metric", name)]))),
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
                "problem-kind-window-metrics",
                vec![],
            ));
        }
        done(self, p)
    }
}

impl Rule for MetricShortfall {
    fn derived_from(&self) -> Option<String> {
        self.derived_from_in(crate::messages::Lang::En)
    }
    fn derived_from_in(&self, lang: crate::messages::Lang) -> Option<String> {
        Some(crate::messages::text(lang, "from-window-metric", &[("metric", &crate::messages::metric_name(lang, &self.metric))]))
    }
    fn figures(&self) -> &[String] {
        std::slice::from_ref(&self.metric)
    }
    fn apply<'a>(&self, cx: &RuleContext<'_, 'a>, out: &mut Vec<Contribution<'a>>) {
        if cx.own_metrics().is_none() {
            return;
        }
        // the rate of the name, else the value of the name
        let Some(v) = cx.own_figure(0).and_then(|f| f.rate.or(f.value)) else {
            out.push(Contribution::Warning(cx.text(
                "warning-no-metric",
                &[("rule", &cx.item().code), ("metric", &self.metric), ("month", &cx.month())],
            )));
            return;
        };
        let Some(t) = self.target.or_else(|| cx.figure_target(0)) else {
            out.push(Contribution::Warning(cx.text("warning-no-target", &[("rule", &cx.item().code), ("metric", &self.metric)])));
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
                out.push(Contribution::Warning(cx.text(
                    "warning-shortfall-limited",
                    &[("rule", &cx.item().code), ("metric", &self.metric), ("unit", &self.unit), ("limit", &limit)],
                )));
                limit
            }
        };
        if points > Decimal::ZERO {
            out.push(Contribution::State {
                points,
                detail: detail(cx, || {
                    let units = units.map_or_else(|| cx.text("line-beyond-decimal", &[]), |u| cat!(Dec::norm(u)));
                    let args: [(&str, &dyn std::fmt::Display); 5] = [
                        ("metric", &self.metric),
                        ("value", &Dec::norm(v)),
                        ("target", &Dec::norm(t)),
                        ("units", &units),
                        ("per_unit", &Dec::norm(self.points_per_unit)),
                    ];
                    cx.text("line-metric-shortfall", &args)
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
                "problem-kind-no-tier",
                vec![],
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
    /// The window-month's `cases`, or the value of the name, else its rate (as the hall was
    /// compiled with them: [`Rule::figures`]).
    fn value(&self, w: &MetricWindow<'_>) -> Option<Decimal> {
        if self.metric == "cases" {
            w.metrics?.cases.map(Decimal::from)
        } else {
            w.figure(0).and_then(|f| f.value.or(f.rate))
        }
    }
    /// The highest tier the figure (the metric's value, divided by the staff on duty when per
    /// staff) meets, compared exactly (v / n against a tier, not a quotient cut at 28 digits).
    fn tier(&self, (v, n): (Decimal, Option<usize>)) -> Option<&ValueTier> {
        let meets = |t: &&ValueTier| match n {
            // the value itself: compared as it is
            None => v >= t.at_least,
            Some(n) => crate::exact::cmp_quotient(&[v], &[Decimal::from(n as u64)], t.at_least) != std::cmp::Ordering::Less,
        };
        self.tiers.iter().filter(meets).max_by(|a, b| a.points.cmp(&b.points))
    }
    /// The window's figure as the tiers read it: (the metric's value, staff on duty when per
    /// staff).
    fn figure(&self, w: &MetricWindow<'_>) -> Option<(Decimal, Option<usize>)> {
        let v = self.value(w)?;
        if self.per_staff {
            let n = w.on_duty;
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
        let metric = crate::messages::metric_name(cx.lang(), &self.metric);
        match n {
            None => cx.text("line-metric-tier", &[("window", &window), ("value", &Dec::norm(v)), ("metric", &metric), ("at_least", &Dec::norm(tier.at_least))]),
            Some(n) => {
                let per = cx.rounding().quotient(&[v], &[Decimal::from(n as u64)]).unwrap_or(v);
                let args: [(&str, &dyn std::fmt::Display); 6] =
                    [("window", &window), ("value", &Dec::norm(v)), ("metric", &metric), ("staff", &n), ("per", &Dec(per)), ("at_least", &Dec::norm(tier.at_least))];
                cx.text("line-metric-tier-per-staff", &args)
            }
        }
    }
}

impl Rule for MetricTiers {
    fn figures(&self) -> &[String] {
        // (`cases` is a field of its own, not a named figure)
        if self.metric == "cases" { &[] } else { std::slice::from_ref(&self.metric) }
    }
    fn derived_from(&self) -> Option<String> {
        self.derived_from_in(crate::messages::Lang::En)
    }
    fn derived_from_in(&self, lang: crate::messages::Lang) -> Option<String> {
        Some(crate::messages::text(lang, "from-window-metric", &[("metric", &crate::messages::metric_name(lang, &self.metric))]))
    }
    fn apply<'a>(&self, cx: &RuleContext<'_, 'a>, out: &mut Vec<Contribution<'a>>) {
        // the window itself, or the staff member's windows of the month; each window's highest
        // tier: every one (`each`), or the last of the highest (`once`), its text formatted only
        // for the tier kept
        // (the window, its figure, its tier)
        type Kept<'x> = (&'x str, (Decimal, Option<usize>), &'x ValueTier);
        let mut best: Option<Kept<'_>> = None;
        for mw in cx.metric_windows() {
            let w = mw.id;
            let Some(f) = self.figure(&mw) else { continue };
            let Some(t) = self.tier(f) else { continue };
            match self.several_windows {
                SeveralWindows::Each => out.push(Contribution::State { points: t.points, detail: detail(cx, || self.explain_figure(cx, w, f, t)) }),
                SeveralWindows::Once => {
                    // max_by keeps the last of equal maxima
                    if best.as_ref().is_none_or(|b| t.points >= b.2.points) {
                        best = Some((w, f, t));
                    }
                }
            }
        }
        if let Some((w, f, t)) = best {
            out.push(Contribution::State { points: t.points, detail: detail(cx, || self.explain_figure(cx, w, f, t)) });
        }
    }
}
