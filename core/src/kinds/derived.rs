//! A window category derived from its staff's scores (`derived_from_staff`): W2 and W3 of the
//! county measure.

use crate::error::pa;
use super::{detail, done, invalid, positive};
use crate::error::{Problem, ProblemKind};
use crate::kind::{Contribution, KindParams, Rule, RuleContext};
use crate::policy::{PolicyDoc, RuleItem, SubjectKind};
use crate::result::DaysLink;
use crate::text::{Dec, cat, push};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

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
                "problem-kind-window-category",
                vec![],
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
        self.derived_from_in(crate::messages::Lang::En)
    }
    fn derived_from_in(&self, lang: crate::messages::Lang) -> Option<String> {
        Some(crate::messages::text(lang, "from-staff-scores", &[("source", &self.source)]))
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
                Problem::msg(ProblemKind::UnknownReference, format!("{path}.params.source"), "problem-kind-no-staff-category", pa!["source" => format!("{:?}", self.source)])
                .rule(item.code.clone()),
            );
        }
    }
    fn apply<'a>(&self, cx: &RuleContext<'_, 'a>, out: &mut Vec<Contribution<'a>>) {
        let Some(item_max) = cx.item_category_max() else {
            return;
        };
        // the source: the staff members' totals (on the staff base's scale), or a staff category
        // (on its max) by its place among the staff categories, as results list them, found once
        // rather than by code in each staff member's result
        let staff = &cx.world.policy().staff;
        let (source, scale) = if self.source == "total" {
            (None, Some(staff.base))
        } else {
            let at = staff.categories.iter().position(|c| c.code == self.source);
            (Some(at), at.map(|i| staff.categories[i].max))
        };
        let Some(source_max) = self.source_max.or(scale) else {
            return;
        };
        // Σ w·score, and Σ w (a count of days or staff)
        let mut num = crate::exact::WeightedSum::default();
        let mut den = 0u64;
        // the sum's terms as text ("S001 18×31 + S002 20×31"), written into one string
        let mut parts = String::new();
        for (DaysLink { id: s, days }, res) in cx.staff_on_duty_results() {
            let Some(res) = res else {
                continue;
            };
            let score = match source {
                None => res.total(),
                Some(at) => match res.categories().iter().find(|c| Some(c.def_index()) == at) {
                    Some(c) => c.score(),
                    None => continue,
                },
            };
            let w = match self.weights {
                Weights::Days => *days,
                Weights::Equal => 1,
            };
            num.add(w, score);
            den += u64::from(w);
            if cx.explain() {
                if !parts.is_empty() {
                    parts.push_str(" + ");
                }
                push!(parts, s, ' ', Dec::norm(score), '×', w);
            }
        }
        let num = num.total();
        let den = Decimal::from(den);
        if den.is_zero() {
            out.push(Contribution::Warning(cx.text("warning-no-staff-on-duty", &[("rule", &cx.item().code)])));
            out.push(Contribution::Score {
                score: item_max,
                detail: cx.text("line-no-staff-full-marks", &[]),
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
