//! A monthly state read from the roster (`monthly_state`): W1.1 of the county measure (no
//! designated window head).

use super::{detail, done, invalid, positive};
use crate::error::Problem;
use crate::kind::{Contribution, KindParams, Rule, RuleContext};
use crate::policy::{RuleItem, SubjectKind};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

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
                "problem-kind-monthly-state-window",
                vec![],
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
        let Some(w) = cx.own_window() else {
            return;
        };
        let terms = match self.condition {
            StateCondition::NoWindowHead => &w.heads,
            StateCondition::NoChiefRepresentative => &w.chief_representatives,
        };
        let days = cx.own_window_open_days();
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
                StateCondition::NoWindowHead => "line-no-window-head",
                StateCondition::NoChiefRepresentative => "line-no-chief-representative",
            };
            out.push(Contribution::State {
                points: self.points,
                detail: detail(cx, || cx.text(what, &[("missing", &missing), ("days", &days.len())])),
            });
        }
    }
}
