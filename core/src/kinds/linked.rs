//! Items charged from another item's records (`linked`): W6.1 (from S5.1) and W6.2 (from S5.3) of
//! the county measure, and the variations' charge to a chief representative (V15).

use crate::error::Arg;
use crate::error::pa;
use super::{done, invalid, kind_word, one, positive};
use crate::error::{Problem, ProblemKind};
use crate::kind::{Contribution, KindParams, Link, Rule, RuleContext, Via};
use crate::policy::{Effects, PolicyDoc, RuleItem};
use crate::text::Dec;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

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
                "problem-kind-factor-limit",
                pa!["factor" => self.factor, "limit" => crate::limits::MAX_FACTOR],
            ));
        }
        if self.via.to_kind() != item.subject {
            p.push(invalid(
                item,
                format!("{path}.params.via"),
                "problem-kind-via-charges",
                vec![("via", Arg::from(&self.via.as_str())), ("charged", kind_word(self.via.to_kind())), ("code", Arg::from(&item.code)), ("subject", kind_word(item.subject))],
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
        self.derived_from_in(crate::messages::Lang::En)
    }
    fn derived_from_in(&self, lang: crate::messages::Lang) -> Option<String> {
        let id = match self.via {
            Via::AssignedWindow => "from-linked-assigned",
            Via::ChiefRepresentative => "from-linked-chief",
            Via::WindowHead => "from-linked-head",
        };
        Some(crate::messages::text(lang, id, &[("source", &self.source)]))
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
                Problem::msg(ProblemKind::UnknownReference, format!("{path}.params.source"), "problem-kind-no-link-source", pa!["source" => format!("{:?}", self.source)])
                .rule(item.code.clone()),
            ),
            // a linked item has no records of its own (E3), so a link to one (itself, or a
            // cycle) would read nothing
            Some(src) if src.kind == Linked::NAME => out.push(invalid(
                item,
                format!("{path}.params.source"),
                "problem-kind-link-to-linked",
                pa!["code" => src.code],
            )),
            Some(src) if src.subject != self.via.from_kind() => out.push(invalid(
                item,
                format!("{path}.params.source"),
                "problem-kind-link-source-kind",
                vec![("code", Arg::from(&src.code)), ("subject", kind_word(src.subject)), ("via", Arg::from(&self.via.as_str())), ("reads", kind_word(self.via.from_kind()))],
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
            if let Some((p, d)) = src.points(r, cx.lang()) {
                let points = p * self.factor;
                let detail = if self.factor == Decimal::ONE {
                    cx.text("line-linked", &[("source", &src_item.code), ("subject", &r.subject()), ("detail", &d)])
                } else {
                    let args: [(&str, &dyn std::fmt::Display); 4] =
                        [("source", &src_item.code), ("subject", &r.subject()), ("points", &Dec::norm(p)), ("factor", &Dec::norm(self.factor))];
                    cx.text("line-linked-factor", &args)
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
