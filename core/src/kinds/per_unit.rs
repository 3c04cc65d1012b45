//! Points per unit stated on the record (`per_unit`): no item of the county measure; it expresses
//! the variations' V10 (per half day absent, per working day overdue).

use crate::messages::{Lang, text};
use super::{done, positive};
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
    fn per_record(&self) -> bool {
        true
    }
    fn value(&self, rec: RecordRef<'_>) -> Option<Decimal> {
        rec.units().map(|u| u * self.points_per_unit)
    }
    fn points(&self, rec: RecordRef<'_>, lang: Lang) -> Option<(Decimal, String)> {
        rec.units().map(|u| {
            let args: [(&str, &dyn std::fmt::Display); 3] = [("units", &Dec::norm(u)), ("unit", &self.unit), ("per_unit", &Dec::norm(self.points_per_unit))];
            (u * self.points_per_unit, text(lang, "line-per-unit", &args))
        })
    }
    fn check_record(
        &self,
        item: &RuleItem,
        rec: RecordRef<'_>,
        path: &dyn std::fmt::Display,
        out: &mut Vec<Problem>,
    ) {
        match rec.units() {
            None => out.push(record_problem(item, rec, format!("{path}.units"), "problem-units-missing", pa!["rule" => item.code, "unit" => self.unit])),
            Some(u) if u <= Decimal::ZERO => out.push(record_problem(item, rec, format!("{path}.units"), "problem-units-positive", pa!["units" => u])),
            Some(u) if self.whole_units && !u.fract().is_zero() => out.push(record_problem(
                item,
                rec,
                format!("{path}.units"),
                "problem-units-whole",
                pa!["rule" => item.code, "unit" => self.unit, "units" => u],
            )),
            // one occurrence's points within the limit (limits::MAX_FACTOR: no sum can overflow)
            Some(u) if u.checked_mul(self.points_per_unit).is_none_or(|p| p > crate::limits::max_magnitude()) => out.push(record_problem(
                item,
                rec,
                format!("{path}.units"),
                "problem-units-beyond-limit",
                pa!["units" => u, "unit" => self.unit, "per_unit" => Dec::norm(self.points_per_unit), "limit" => crate::limits::max_magnitude()],
            )),
            _ => {}
        }
    }
}
