//! Fixed points per occurrence (`per_occurrence`): most items of the county measure, S1.1–S1.4,
//! S2.1, S2.2, S2.4, S2.5, S3.1–S3.5, S4.1–S4.3, SB.1, SB.4, W1.2, W1.3, W4.3, W4.4, W5.2, W6.3 and
//! WB.1–WB.3.

use crate::messages::{Lang, text};
use super::{check_stated_points, done, invalid, positive};
use crate::dataset::RecordRef;
use crate::error::{Problem, pa};
use super::record_problem;
use crate::kind::{KindParams, Rule};
use crate::policy::{Effects, PolicyDoc, RuleItem};
use crate::text::{Piece, push};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

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
    /// What `aggravated` means for this item (shown in explanations), in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggravated_label: Option<String>,
    /// The same in Chinese (results in zh-CN; `aggravated_label` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggravated_label_zh: Option<String>,
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
    /// Effects of an occurrence in this tier (V11: 30 minutes or more removes the year's
    /// eligibility), besides the item's own `effects`; the tier that applies (the highest met)
    /// gives them. None by default.
    #[serde(default, skip_serializing_if = "Effects::is_empty")]
    pub effects: Effects,
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
    fn pick(&self, rec: RecordRef<'_>) -> (Decimal, Picked<'_>) {
        let mut best = (self.points, Picked::Base);
        if let Some(m) = rec.minutes() {
            for t in &self.minute_tiers {
                if t.met(m) && t.points > best.0 {
                    best = (t.points, Picked::Tier(t));
                }
            }
        }
        if rec.aggravated()
            && let Some(a) = self.aggravated_points
            && a >= best.0
        {
            best = (a, Picked::Aggravated);
        }
        best
    }

    /// The minute tier that applies to a record: the highest met (the first of equal points).
    fn tier(&self, rec: RecordRef<'_>) -> Option<&MinuteTier> {
        let m = rec.minutes()?;
        let mut best: Option<&MinuteTier> = None;
        for t in self.minute_tiers.iter().filter(|t| t.met(m)) {
            if best.is_none_or(|b| t.points > b.points) {
                best = Some(t);
            }
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
                    "problem-kind-tier-bound",
                    vec![],
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
    fn per_record(&self) -> bool {
        true
    }
    /// The effects of the minute tier that applies (besides the item's own `effects` and, for an
    /// aggravated record, the item's `aggravated_effects`).
    fn record_effects(&self, rec: RecordRef<'_>) -> Effects {
        self.tier(rec).map(|t| t.effects.clone()).unwrap_or_default()
    }
    fn has_record_effects(&self, rec: RecordRef<'_>) -> bool {
        self.tier(rec).is_some_and(|t| !t.effects.is_empty())
    }
    fn check_policy(&self, policy: &PolicyDoc, item: &RuleItem, path: &str, out: &mut Vec<Problem>) {
        for (i, t) in self.minute_tiers.iter().enumerate() {
            crate::engine::check_effects(&t.effects, policy, item, &format!("{path}.params.minute_tiers[{i}].effects"), out);
        }
    }
    fn value(&self, rec: RecordRef<'_>) -> Option<Decimal> {
        Some(self.pick(rec).0)
    }
    fn points(&self, rec: RecordRef<'_>, lang: Lang) -> Option<(Decimal, String)> {
        let (points, why) = self.pick(rec);
        let words = match (why, rec.minutes()) {
            (Picked::Aggravated, _) => match lang {
                Lang::ZhCn => self.aggravated_label_zh.as_ref().or(self.aggravated_label.as_ref()),
                Lang::En => self.aggravated_label.as_ref(),
            }
            .cloned()
            .unwrap_or_else(|| text(lang, "line-aggravated", &[])),
            (Picked::Tier(t), Some(m)) => {
                let tier = match (t.above, t.at_least) {
                    (Some(a), _) => text(lang, "tier-above", &[("minutes", &a)]),
                    (None, Some(a)) => text(lang, "tier-at-least", &[("minutes", &a)]),
                    _ => String::new(),
                };
                text(lang, "line-minutes-tier", &[("minutes", &m), ("tier", &tier)])
            }
            (_, Some(m)) => text(lang, "line-minutes", &[("minutes", &m)]),
            (_, None) => String::new(),
        };
        Some((points, words))
    }
    fn check_record(
        &self,
        item: &RuleItem,
        rec: RecordRef<'_>,
        path: &dyn std::fmt::Display,
        out: &mut Vec<Problem>,
    ) {
        check_stated_points(self, item, rec, path, out);
        if rec.aggravated() && self.aggravated_points.is_none() && self.minute_tiers.is_empty() {
            out.push(record_problem(item, rec, format!("{path}.aggravated"), "problem-no-aggravated-variant", pa!["rule" => item.code]));
        }
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
            let t = MinuteTier { above, at_least, points: p, effects: Default::default() };
            let mut s = String::from("x: ");
            t.push_to(&mut s);
            assert_eq!(s, format!("x: {t}"));
        }
    }
}
