//! Points by level (`level_points`): S5.3, SB.2 and WB.5 of the county measure.

use crate::messages::{Lang, text};
use super::{check_stated_points, done, invalid, positive};
use crate::dataset::{Level, RecordRef};
use crate::error::{Problem, pa};
use super::record_problem;
use crate::kind::{KindParams, Rule};
use crate::policy::{Effects, RuleItem};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

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
                "problem-kind-no-level-points",
                vec![],
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
    fn per_record(&self) -> bool {
        true
    }
    fn value(&self, rec: RecordRef<'_>) -> Option<Decimal> {
        self.points.get(&rec.level()?).copied()
    }
    fn points(&self, rec: RecordRef<'_>, lang: Lang) -> Option<(Decimal, String)> {
        let l = rec.level()?;
        let level = text(lang, match l {
            Level::County => "level-county",
            Level::City => "level-city",
            Level::Province => "level-province",
            Level::National => "level-national",
        }, &[]);
        self.points.get(&l).map(|p| (*p, text(lang, "line-level", &[("level", &level)])))
    }
    fn record_effects(&self, rec: RecordRef<'_>) -> Effects {
        rec.level()
            .and_then(|l| self.effects.get(&l))
            .cloned()
            .unwrap_or_default()
    }
    fn has_record_effects(&self, rec: RecordRef<'_>) -> bool {
        rec.level().and_then(|l| self.effects.get(&l)).is_some_and(|e| !e.is_empty())
    }
    fn check_record(
        &self,
        item: &RuleItem,
        rec: RecordRef<'_>,
        path: &dyn std::fmt::Display,
        out: &mut Vec<Problem>,
    ) {
        let listed = self
            .points
            .keys()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        match rec.level() {
            None => out.push(record_problem(item, rec, format!("{path}.level"), "problem-level-missing", pa!["rule" => item.code, "listed" => listed])),
            Some(l) if !self.points.contains_key(&l) => out.push(record_problem(
                item,
                rec,
                format!("{path}.level"),
                "problem-level-not-listed",
                pa!["level" => l.as_str(), "rule" => item.code, "listed" => listed],
            )),
            _ => check_stated_points(self, item, rec, path, out),
        }
    }
}
