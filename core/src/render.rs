//! Texts of results: the policy's names shared by every result, and the outcome texts of a
//! month's records, written once and shared.

use crate::evaluate::ChargeAcc;
use crate::policy::{PolicyDoc, SubjectKind, SubjectPolicy};
use crate::result::*;
use crate::text::{Dec, Text, cat};
use rust_decimal::Decimal;

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
    pub(crate) fn new(doc: &PolicyDoc) -> PolicyTexts {
        let cats = |sp: &SubjectPolicy| {
            sp.categories
                .iter()
                .map(|c| (Text::new(&c.code), Text::new(&c.name_zh)))
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


/// A month's record outcome texts. Most records of a month say one of a few things ("counted: 2
/// point(s)", "not counted: revoked"), so each such text is written once and shared ([`Text`]);
/// a partly counted record's text is its own, and so is a counted one's past the first
/// [`OutcomeTexts::SHARED`] amounts of points (stated points can take any value, E11: the search
/// stays short).
#[derive(Default)]
pub(crate) struct OutcomeTexts {
    pub(crate) empty: Text,
    pub(crate) counted: Vec<(Decimal, Text)>,
    pub(crate) not_counted: Vec<(Option<Reason>, Text)>,
}

impl OutcomeTexts {
    const SHARED: usize = 32;

    pub(crate) fn describe(&mut self, a: &ChargeAcc, outcome: OutcomeKind) -> Text {
        match outcome {
            // equal points print alike ("2" and "2.0" both as 2)
            OutcomeKind::Counted => match self.counted.iter().find(|(p, _)| *p == a.points) {
                Some((_, t)) => t.clone(),
                None => {
                    let t = Text::from(describe(a, outcome));
                    if self.counted.len() < Self::SHARED {
                        self.counted.push((a.points, t.clone()));
                    }
                    t
                }
            },
            OutcomeKind::NotCounted => self.not_counted(a.reason),
            OutcomeKind::PartlyCounted => Text::from(describe(a, outcome)),
        }
    }

    pub(crate) fn not_counted(&mut self, reason: Option<Reason>) -> Text {
        match self.not_counted.iter().find(|(r, _)| *r == reason) {
            Some((_, t)) => t.clone(),
            None => {
                let t = Text::from(cat!("not counted: ", reason.map(|r| r.label_en()).unwrap_or("")));
                self.not_counted.push((reason, t.clone()));
                t
            }
        }
    }
}

pub(crate) fn describe(a: &ChargeAcc, outcome: OutcomeKind) -> String {
    let reason = a.reason.map(|r| r.label_en()).unwrap_or("");
    match outcome {
        OutcomeKind::Counted => cat!("counted: ", Dec::norm(a.points), " point(s)"),
        OutcomeKind::PartlyCounted => cat!(
            a.counted,
            " of ",
            a.occurrences,
            " counted: ",
            reason,
            " (",
            Dec::norm(a.points),
            " of ",
            Dec::norm(a.raw),
            " point(s))"
        ),
        OutcomeKind::NotCounted => cat!("not counted: ", reason),
    }
}

#[cfg(test)]
mod outcome_text_tests {
    use super::{ChargeAcc, OutcomeKind, OutcomeTexts};
    use crate::result::Reason;
    use rust_decimal::Decimal;

    fn acc(points: &str) -> ChargeAcc {
        let p: Decimal = points.parse().unwrap();
        ChargeAcc { occurrences: 1, counted: 1, raw: p, points: p, ..Default::default() }
    }

    #[test]
    fn a_months_record_texts_are_written_once_and_shared() {
        let mut t = OutcomeTexts::default();
        // "2" and "2.0" print alike, so they share one text
        let a = t.describe(&acc("2"), OutcomeKind::Counted);
        let b = t.describe(&acc("2.0"), OutcomeKind::Counted);
        assert_eq!(a, "counted: 2 point(s)");
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        let r = t.not_counted(Some(Reason::Revoked));
        assert_eq!(r, "not counted: revoked");
        assert!(std::ptr::eq(r.as_str(), t.not_counted(Some(Reason::Revoked)).as_str()));
        assert_eq!(t.not_counted(None), "not counted: ");
        // past the shared amounts each text is written for its record, and still right
        for i in 0..3 * OutcomeTexts::SHARED {
            let points = format!("0.{i:03}1");
            let d: Decimal = points.parse().unwrap();
            let want = format!("counted: {} point(s)", d.normalize());
            assert_eq!(t.describe(&acc(&points), OutcomeKind::Counted), want);
            assert_eq!(t.describe(&acc(&points), OutcomeKind::Counted), want);
        }
        assert!(t.counted.len() <= OutcomeTexts::SHARED);
        // a partly counted record's text is its own
        let mut part = acc("3");
        part.occurrences = 3;
        part.raw = "9".parse().unwrap();
        part.reason = Some(Reason::YearCap);
        assert_eq!(t.describe(&part, OutcomeKind::PartlyCounted), "1 of 3 counted: yearly cap (3 of 9 point(s))");
    }
}

