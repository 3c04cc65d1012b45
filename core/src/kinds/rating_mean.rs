//! Citizen ratings (好差评) on the national five-level scale (`rating_mean`): variations.md V17.
//! A window's category scores the mean of its month's rating points under the policy's table.

use crate::error::pa;
use super::{bounded, detail, done, invalid};
use crate::dataset::Ratings;
use crate::error::Problem;
use crate::kind::{Contribution, KindParams, Rule, RuleContext};
use crate::policy::{Effects, PolicyDoc, RuleItem, SubjectKind};
use crate::text::Dec;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A category scored as the mean rating points of the window's month (V17: 非常满意 10, 满意 8,
/// 基本满意 6, 不满意 3, 非常不满意 0, averaged), read from the window-month's `ratings` counts.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingMean {
    /// Points of one rating at each level, in the category's points.
    pub points: RatingPoints,
    /// The category's score in a month without ratings (no `ratings`, or all counts 0).
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub when_none: Decimal,
    /// A minimum rating rate (评价率): ratings ÷ cases handled × 100 below `percent` deducts
    /// `points` from the category. A month without cases has no rate and deducts nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_rate: Option<MinRate>,
    /// A veto: this many 非常不满意 ratings or more in the month have `effects` (a flag, a forced
    /// grade, loss of eligibility), whatever the mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veto: Option<RatingVeto>,
}

/// Points per level of the five-level scale.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingPoints {
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub very_satisfied: Decimal,
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub satisfied: Decimal,
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub basically_satisfied: Decimal,
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub dissatisfied: Decimal,
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub very_dissatisfied: Decimal,
}

impl RatingPoints {
    fn all(&self) -> [Decimal; 5] {
        [self.very_satisfied, self.satisfied, self.basically_satisfied, self.dissatisfied, self.very_dissatisfied]
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MinRate {
    /// The lowest rating rate, in percent of cases handled.
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub percent: Decimal,
    /// Points deducted from the category below it.
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub points: Decimal,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingVeto {
    /// 非常不满意 ratings in the month that trigger it (1: one is enough).
    pub at_least: u32,
    pub effects: Effects,
}

impl KindParams for RatingMean {
    const NAME: &'static str = "rating_mean";
    const SUMMARY: &'static str = "a window category scored as the mean of its month's citizen ratings under a points table";
    fn build(self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        let mut p = Vec::new();
        let names = ["very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "very_dissatisfied"];
        for (n, v) in names.iter().zip(self.points.all()) {
            bounded(item, path, &format!("points.{n}"), v, &mut p);
            if v < Decimal::ZERO {
                p.push(invalid(item, format!("{path}.params.points.{n}"), "problem-kind-points-non-negative", pa!["value" => v]));
            }
        }
        bounded(item, path, "when_none", self.when_none, &mut p);
        if let Some(m) = &self.min_rate {
            bounded(item, path, "min_rate.percent", m.percent, &mut p);
            super::positive(item, path, "min_rate.points", m.points, &mut p);
        }
        if let Some(v) = &self.veto
            && v.at_least == 0
        {
            p.push(invalid(item, format!("{path}.params.veto.at_least"), "problem-kind-veto-zero", vec![]));
        }
        if item.subject != SubjectKind::Window {
            p.push(invalid(item, format!("{path}.subject"), "problem-kind-window-ratings", vec![]));
        }
        done(self, p)
    }
}

impl Rule for RatingMean {
    fn derived_from(&self) -> Option<String> {
        self.derived_from_in(crate::messages::Lang::En)
    }
    fn derived_from_in(&self, lang: crate::messages::Lang) -> Option<String> {
        Some(crate::messages::text(lang, "from-window-ratings", &[]))
    }
    fn check_policy(&self, policy: &PolicyDoc, item: &RuleItem, path: &str, out: &mut Vec<Problem>) {
        if let Some(v) = &self.veto {
            crate::engine::check_effects(&v.effects, policy, item, &format!("{path}.params.veto.effects"), out);
        }
    }
    fn apply<'a>(&self, cx: &RuleContext<'_, 'a>, out: &mut Vec<Contribution<'a>>) {
        let m = cx.own_metrics();
        let none = Ratings::default();
        let r = m.and_then(|m| m.ratings.as_ref()).unwrap_or(&none);
        let n = r.total();
        if n == 0 {
            out.push(Contribution::Score {
                score: self.when_none,
                detail: detail(cx, || cx.text("line-ratings-none", &[("score", &Dec::norm(self.when_none))])),
            });
        } else {
            // Σ count × points / Σ count, rounded once (C11)
            let num: Decimal = r.counts().iter().zip(self.points.all()).map(|(&c, p)| Decimal::from(c) * p).sum();
            let score = cx.rounding().quotient(&[num], &[Decimal::from(n)]).unwrap_or(self.when_none);
            out.push(Contribution::Score {
                score,
                detail: detail(cx, || {
                    let terms: Vec<String> = r
                        .counts()
                        .iter()
                        .zip(self.points.all())
                        .filter(|(c, _)| **c > 0)
                        .map(|(c, p)| format!("{c}×{}", Dec::norm(p)))
                        .collect();
                    cx.text("line-ratings-mean", &[("terms", &terms.join(" + ")), ("n", &n), ("score", &Dec::norm(score))])
                }),
            });
        }
        if let (Some(mr), Some(cases)) = (&self.min_rate, m.and_then(|m| m.cases))
            && cases > 0
        {
            // rate below percent ⇔ n × 100 < percent × cases (no division)
            if Decimal::from(n) * Decimal::ONE_HUNDRED < mr.percent * Decimal::from(cases) {
                let rate = cx.rounding().quotient(&[Decimal::from(n), Decimal::ONE_HUNDRED], &[Decimal::from(cases)]).unwrap_or_default();
                out.push(Contribution::State {
                    points: mr.points,
                    detail: detail(cx, || cx.text("line-rating-rate-low", &[("n", &n), ("cases", &cases), ("rate", &Dec::norm(rate)), ("min", &Dec::norm(mr.percent))])),
                });
            }
        }
        if let Some(v) = &self.veto
            && r.very_dissatisfied >= v.at_least
        {
            out.push(Contribution::Effects {
                effects: v.effects.clone(),
                detail: cx.text("line-rating-veto", &[("count", &r.very_dissatisfied), ("at_least", &v.at_least)]),
            });
        }
    }
}
