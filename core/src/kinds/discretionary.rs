//! Points the record states within a range (`discretionary`, C7, E11): S2.3, S5.1, W4.1 and W4.2
//! of the county measure.

use crate::messages::{Lang, text};
use super::{bounded, done, invalid, positive};
use crate::dataset::RecordRef;
use crate::error::{Problem, pa};
use super::record_problem;
use crate::kind::{KindParams, Rule};
use crate::policy::RuleItem;
use crate::text::Dec;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

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
                "problem-kind-max-below-min",
                pa!["max" => self.max, "min" => self.min],
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
    fn per_record(&self) -> bool {
        true
    }
    fn value(&self, rec: RecordRef<'_>) -> Option<Decimal> {
        rec.points()
    }
    fn points(&self, rec: RecordRef<'_>, lang: Lang) -> Option<(Decimal, String)> {
        rec.points().map(|p| {
            let args: [(&str, &dyn std::fmt::Display); 3] = [("points", &Dec(p)), ("min", &Dec::norm(self.min)), ("max", &Dec::norm(self.max))];
            (p, text(lang, "line-within-range", &args))
        })
    }
    fn check_record(
        &self,
        item: &RuleItem,
        rec: RecordRef<'_>,
        path: &dyn std::fmt::Display,
        out: &mut Vec<Problem>,
    ) {
        // the range's text, made only for a problem
        let range = || format!("{}–{}", self.min.normalize(), self.max.normalize());
        match rec.points() {
            None => out.push(record_problem(item, rec, format!("{path}.points"), "problem-points-missing", pa!["rule" => item.code, "range" => range()])),
            Some(p) if p < self.min || p > self.max => out.push(record_problem(
                item,
                rec,
                format!("{path}.points"),
                "problem-points-outside",
                pa!["points" => p.normalize(), "range" => range(), "rule" => item.code],
            )),
            Some(p) => {
                if let Some(s) = self.step
                    && !((p - self.min) % s).is_zero()
                {
                    out.push(record_problem(
                        item,
                        rec,
                        format!("{path}.points"),
                        "problem-points-step",
                        pa!["points" => p.normalize(), "step" => s, "min" => self.min, "rule" => item.code],
                    ));
                }
            }
        }
    }
}
