//! A count of another item's occurrences reaching a threshold (`count_threshold`): S5.2 of the
//! county measure.

use crate::error::pa;
use super::{done, invalid};
use crate::error::Problem;
use crate::kind::{Contribution, KindParams, Rule, RuleContext};
use crate::policy::{RuleItem, Threshold};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

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
                "problem-kind-counts-missing",
                vec![],
            ));
        }
        if self.0.counts.as_deref() == Some(item.code.as_str()) {
            // a count_threshold item has no occurrences of its own (E3)
            p.push(invalid(
                item,
                format!("{path}.params.counts"),
                "problem-kind-counts-itself",
                pa!["code" => item.code],
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
    fn contributes(&self) -> bool {
        false
    }
}
