//! Texts of results: the policy's names shared by every result, and a record's outcome in
//! words, rendered when asked.

use crate::messages::Lang;
use crate::policy::{PolicyDoc, SubjectKind, SubjectPolicy};
use crate::result::*;
use crate::text::{Dec, Text};

/// A policy's strings that results repeat, each built once and shared. Each evaluation takes its
/// own copy ([`PolicyTexts::fresh`]): threads evaluating halls in parallel then never touch the
/// same reference counts.
#[derive(Clone, Default)]
pub(crate) struct PolicyTexts {
    pub(crate) id: Text,
    /// Rule codes by item index.
    pub(crate) codes: Vec<Text>,
    /// (code, name) of each staff and window category, by index in the policy.
    pub(crate) staff_categories: Vec<(Text, Text)>,
    pub(crate) window_categories: Vec<(Text, Text)>,
    /// Grade band names by index.
    pub(crate) grades: Vec<Text>,
    pub(crate) disqualified: Text,
    pub(crate) forced_grade: Text,
    pub(crate) category_zeroed_for_year: Text,
}

impl PolicyTexts {
    /// The texts of `doc`'s results in `lang` (category names in that language).
    pub(crate) fn new(doc: &PolicyDoc, lang: Lang) -> PolicyTexts {
        let cats = |sp: &SubjectPolicy| {
            sp.categories
                .iter()
                .map(|c| (Text::new(&c.code), Text::new(c.name(lang))))
                .collect()
        };
        PolicyTexts {
            id: Text::new(&doc.id),
            codes: doc.rules.iter().map(|r| Text::new(&r.code)).collect(),
            staff_categories: cats(&doc.staff),
            window_categories: cats(&doc.window),
            grades: doc
                .grades
                .bands
                .iter()
                .map(|b| Text::new(&b.name))
                .collect(),
            disqualified: Text::new("disqualified"),
            forced_grade: Text::new("forced_grade"),
            category_zeroed_for_year: Text::new("category_zeroed_for_year"),
        }
    }

    /// A copy whose texts share nothing with this one.
    pub(crate) fn fresh(&self) -> PolicyTexts {
        let t = |x: &Text| Text::new(x);
        let cats = |v: &[(Text, Text)]| v.iter().map(|(a, b)| (t(a), t(b))).collect();
        PolicyTexts {
            id: t(&self.id),
            codes: self.codes.iter().map(t).collect(),
            staff_categories: cats(&self.staff_categories),
            window_categories: cats(&self.window_categories),
            grades: self.grades.iter().map(t).collect(),
            disqualified: t(&self.disqualified),
            forced_grade: t(&self.forced_grade),
            category_zeroed_for_year: t(&self.category_zeroed_for_year),
        }
    }

    pub(crate) fn categories(&self, kind: SubjectKind) -> &[(Text, Text)] {
        match kind {
            SubjectKind::Staff => &self.staff_categories,
            SubjectKind::Window => &self.window_categories,
        }
    }

    /// A grade band's name; a name no band has (a policy flag's forced grade) is made.
    pub(crate) fn grade(&self, doc: &PolicyDoc, name: &str) -> Text {
        doc.grades
            .bands
            .iter()
            .position(|b| b.name == name)
            .map(|i| self.grades[i].clone())
            .unwrap_or_else(|| Text::new(name))
    }
}


/// A record's outcome in words, rendered from its own charge when a caller reads it: "counted: 2
/// point(s)", "not counted: revoked", "1 of 3 counted: yearly cap (3 of 9 point(s))"; nothing
/// for results evaluated without text.
pub(crate) struct OutcomeDetail<'m> {
    pub(crate) full: bool,
    pub(crate) lang: Lang,
    /// Whether the record was charged at all (a pending or revoked one is not).
    pub(crate) charged: bool,
    pub(crate) outcome: OutcomeKind,
    pub(crate) own: &'m ChargeFate,
}

impl std::fmt::Display for OutcomeDetail<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.full {
            return Ok(());
        }
        let a = self.own;
        let reason = a.reason.map(|r| r.label(self.lang)).unwrap_or_default();
        let text = |id: &str, args: &[(&str, &dyn std::fmt::Display)]| crate::messages::text(self.lang, id, args);
        f.write_str(&match (self.charged, self.outcome) {
            (false, _) | (true, OutcomeKind::NotCounted) => text("outcome-not-counted", &[("reason", &reason)]),
            // equal points print alike ("2" and "2.0" both as 2)
            (true, OutcomeKind::Counted) => text("outcome-counted", &[("points", &Dec::norm(a.points))]),
            (true, OutcomeKind::PartlyCounted) => text(
                "outcome-partly-counted",
                &[
                    ("counted", &a.counted),
                    ("occurrences", &a.occurrences),
                    ("reason", &reason),
                    ("points", &Dec::norm(a.points)),
                    ("raw", &Dec::norm(a.raw)),
                ],
            ),
        })
    }
}

#[cfg(test)]
mod outcome_detail_tests {
    use super::{ChargeFate, Lang, OutcomeDetail, OutcomeKind};
    use crate::result::Reason;
    use rust_decimal::Decimal;
    
    fn fate(points: &str) -> ChargeFate {
        let p: Decimal = points.parse().unwrap();
        ChargeFate { occurrences: 1, counted: 1, raw: p, points: p, ..Default::default() }
    }

    fn text(own: &ChargeFate, charged: bool, outcome: OutcomeKind, full: bool) -> String {
        OutcomeDetail { full, lang: Lang::En, charged, outcome, own }.to_string()
    }

    #[test]
    fn a_records_outcome_in_words() {
        // "2" and "2.0" print alike
        assert_eq!(text(&fate("2"), true, OutcomeKind::Counted, true), "counted: 2 point(s)");
        assert_eq!(text(&fate("2.0"), true, OutcomeKind::Counted, true), "counted: 2 point(s)");
        assert_eq!(text(&fate("0.0010"), true, OutcomeKind::Counted, true), "counted: 0.001 point(s)");
        // a record never charged (C10 revoked) and one charged that counted nothing
        let revoked = ChargeFate { reason: Some(Reason::Revoked), ..Default::default() };
        assert_eq!(text(&revoked, false, OutcomeKind::NotCounted, true), "not counted: revoked");
        let exhausted = ChargeFate { occurrences: 1, raw: Decimal::ONE, reason: Some(Reason::CategoryExhausted), ..Default::default() };
        assert_eq!(text(&exhausted, true, OutcomeKind::NotCounted, true), "not counted: category exhausted");
        // 3 occurrences of 3 points, a yearly cap leaves room for one: 3 of 9 points
        let mut part = fate("3");
        part.occurrences = 3;
        part.raw = "9".parse().unwrap();
        part.reason = Some(Reason::YearCap);
        assert_eq!(text(&part, true, OutcomeKind::PartlyCounted, true), "1 of 3 counted: yearly cap (3 of 9 point(s))");
        // without text (Explain::Scores) nothing is written
        assert_eq!(text(&part, true, OutcomeKind::PartlyCounted, false), "");
        // in Chinese, from the same catalogue entries
        let zh = |own: &ChargeFate, charged, outcome| OutcomeDetail { full: true, lang: Lang::ZhCn, charged, outcome, own }.to_string();
        assert_eq!(zh(&part, true, OutcomeKind::PartlyCounted), "3 次中计 1 次: 达到本项年度上限 (计 3 分, 原 9 分)");
        assert_eq!(zh(&revoked, false, OutcomeKind::NotCounted), "未计分: 已撤销");
        assert_eq!(zh(&fate("2.0"), true, OutcomeKind::Counted), "计分: 2 分");
    }
}
