//! What other measures do with a period's scores, each a setting of the policy: the mean taken
//! over the months in post or pro-rated (V16), weighted roll-ups with outside inputs (V9), no
//! grade for a subject in post too few months and a quota on a grade (V8, V16).

use crate::dataset::Dataset;
use crate::engine::Policy;
use crate::period::{Period, SubjectPeriod};
use crate::policy::{Award, MeanOver, QuotaRounding, RollUpPart, Rounding, RoundingMode, SubjectKind, TieBreaker};
use crate::text::{Dec, Text};
use rust_decimal::Decimal;

/// The name a roll-up part gives the mean of the monthly totals.
const MONTHLY_MEAN: &str = "monthly_mean";

impl Policy {
    /// The number the monthly totals' sum is divided by: the months evaluated, or every month of
    /// the period when the policy pro-rates (V16).
    fn mean_divisor(&self, period: Period, n: u32) -> u32 {
        match self.doc().periods.mean_over {
            MeanOver::EvaluatedMonths => n,
            MeanOver::PeriodMonths => period.months().len() as u32,
        }
    }

    /// A period's mean of `n` monthly totals summing to `sum`, rounded once (C11).
    pub(crate) fn period_mean(&self, period: Period, sum: Decimal, n: u32) -> Decimal {
        self.doc().periods.rounding.mean(sum, u64::from(self.mean_divisor(period, n).max(1)))
    }

    /// V9 and V16: each subject's score as its roll-up composes it (weights, outside inputs), or
    /// the pro-rated mean explained; the grade follows the new score unless a veto forced it.
    pub(crate) fn roll_up_scores(&self, ds: &Dataset, period: Period, list: &mut [SubjectPeriod]) {
        let doc = self.doc();
        // a subject's monthly totals added up, only for a subject whose score is rolled up or
        // pro-rated (most are neither)
        let sum = |s: &SubjectPeriod| -> Decimal { s.monthly.iter().map(|m| m.total).sum() };
        for s in list.iter_mut() {
            let div = self.mean_divisor(period, s.months_evaluated);
            let roll = doc.periods.roll_ups.iter().find(|r| r.subject == s.kind && r.period == period.kind());
            match roll {
                Some(r) => {
                    let (score, detail) = self.compose(ds, period, &s.subject, &r.parts, r.rounding, sum(s), div);
                    s.score = score;
                    s.score_detail = Some(detail);
                    if s.grade_forced_by.is_none() {
                        s.grade = self.band_text(score);
                    }
                }
                None if div != s.months_evaluated => {
                    s.score_detail = Some(self.msg(
                        "period-pro-rated",
                        &[("sum", &Dec::norm(sum(s))), ("months", &div), ("evaluated", &s.months_evaluated), ("score", &Dec::norm(s.score))],
                    ));
                }
                None => {}
            }
        }
    }

    /// Σ weight × figure, rounded once from its exact value: the monthly mean is `sum / div`, any
    /// other part an outside input of the subject and period (or its `when_missing`, else 0).
    #[allow(clippy::too_many_arguments)]
    fn compose(
        &self,
        ds: &Dataset,
        period: Period,
        subject: &str,
        parts: &[RollUpPart],
        rounding: Rounding,
        sum: Decimal,
        div: u32,
    ) -> (Decimal, String) {
        let div = Decimal::from(div.max(1));
        // (Σ w_mean × sum + div × Σ w_i × x_i) / div
        let mut num = Decimal::ZERO;
        let mut terms = Vec::with_capacity(parts.len());
        for p in parts {
            if p.source == MONTHLY_MEAN {
                num += p.weight * sum;
                terms.push(self.msg("rollup-term-mean", &[("weight", &Dec::norm(p.weight)), ("sum", &Dec::norm(sum)), ("months", &div)]));
                continue;
            }
            let given = ds.inputs.iter().find(|i| i.subject == subject && i.period == period && i.name == p.source).map(|i| i.value);
            let x = given.or(p.when_missing).unwrap_or(Decimal::ZERO);
            num += div * p.weight * x;
            let id = if given.is_some() { "rollup-term-input" } else { "rollup-term-missing" };
            terms.push(self.msg(id, &[("weight", &Dec::norm(p.weight)), ("value", &Dec::norm(x)), ("input", &p.source)]));
        }
        let score = rounding.quotient(&[num], &[div]).unwrap_or(Decimal::ZERO);
        let detail = self.msg("rollup-detail", &[("terms", &terms.join(" + ")), ("score", &Dec::norm(score))]);
        (score, detail)
    }

    /// V9: an award's ranking score — its own composition of the subject's period score (a part
    /// `monthly_mean` stands for it) and outside inputs — or the period score.
    pub(crate) fn award_score(&self, ds: &Dataset, a: &Award, period: Period, s: &SubjectPeriod) -> (Decimal, Option<String>) {
        match &a.score {
            None => (s.score, None),
            Some(r) => {
                let (score, detail) = self.compose(ds, period, &s.subject, &r.parts, r.rounding, s.score, 1);
                (score, Some(detail))
            }
        }
    }

    fn band_text(&self, score: Decimal) -> Text {
        let g = &self.doc().grades;
        g.bands.get(g.band(score)).map(|b| Text::new(&b.name)).unwrap_or_default()
    }

    /// V16 and V8: no grade (不定等次) for a subject in post too few months, then the quota on a
    /// grade, those beyond it given the next band.
    pub(crate) fn grade_rules(&self, period: Period, list: &mut [SubjectPeriod]) {
        let grades = &self.doc().grades;
        let Some(kind) = list.first().map(|s| s.kind) else { return };
        let applies = |periods: &[crate::policy::PeriodKind], subjects: &[SubjectKind]| {
            periods.contains(&period.kind()) && (subjects.is_empty() || subjects.contains(&kind))
        };
        let mut ungraded = vec![false; list.len()];
        if let Some(ng) = &grades.no_grade
            && applies(&ng.periods, &ng.subjects)
        {
            for (i, s) in list.iter_mut().enumerate() {
                // a veto's forced grade stands
                if s.months_evaluated < ng.min_months && s.grade_forced_by.is_none() {
                    s.grade = Text::new(&ng.name);
                    s.grade_detail = Some(self.msg("grade-none", &[("evaluated", &s.months_evaluated), ("min", &ng.min_months), ("grade", &ng.name)]));
                    ungraded[i] = true;
                }
            }
        }
        if let Some(q) = &grades.quota
            && applies(&q.periods, &q.subjects)
        {
            self.grade_quota(q, list, &ungraded);
        }
    }

    fn grade_quota(&self, q: &crate::policy::GradeQuota, list: &mut [SubjectPeriod], ungraded: &[bool]) {
        let grades = &self.doc().grades;
        let Some(at) = grades.bands.iter().position(|b| b.name == q.grade) else { return };
        let next = grades.bands.get(at + 1).map(|b| b.name.clone()).unwrap_or_default();
        let graded = ungraded.iter().filter(|u| !**u).count() as u32;
        let mode = match q.rounding {
            QuotaRounding::Down => RoundingMode::Down,
            QuotaRounding::Up => RoundingMode::Up,
            QuotaRounding::HalfUp => RoundingMode::HalfAwayFromZero,
        };
        let quota: u32 = crate::exact::quotient(&[q.share, Decimal::from(graded)], &[], 0, mode)
            .and_then(|d| d.try_into().ok())
            .unwrap_or(0);
        let breakers = q.tie_breakers.as_ref().unwrap_or(&self.doc().awards.tie_breakers);
        let key = |s: &SubjectPeriod| -> Vec<Decimal> {
            let mut k = vec![-s.score];
            k.extend(breakers.iter().map(|t| match t {
                TieBreaker::FewerDeductions => s.deductions,
                TieBreaker::FewerComplaints => Decimal::from(s.complaints),
                TieBreaker::MoreBonus => -s.bonus,
            }));
            k
        };
        // those holding the grade by score (not forced, not ungraded), best first
        let mut holders: Vec<(Vec<Decimal>, usize)> = list
            .iter()
            .enumerate()
            .filter(|(i, s)| !ungraded[*i] && s.grade_forced_by.is_none() && s.grade == q.grade.as_str())
            .map(|(i, s)| (key(s), i))
            .collect();
        holders.sort();
        let exact = q.share * Decimal::from(graded);
        let mut kept = 0usize;
        let mut i = 0;
        while i < holders.len() {
            let j = holders[i..].iter().position(|h| h.0 != holders[i].0).map_or(holders.len(), |k| i + k);
            // a group that does not fit below the line keeps none of it (at most the share)
            let fits = kept + (j - i) <= quota as usize;
            for &(_, at) in &holders[i..j] {
                let s = &mut list[at];
                if fits {
                    continue;
                }
                s.grade = Text::new(&next);
                s.grade_detail = Some(self.msg(
                    "grade-quota-demoted",
                    &[("grade", &q.grade), ("share", &Dec::norm(q.share)), ("graded", &graded), ("exact", &Dec::norm(exact)), ("quota", &quota), ("next", &next)],
                ));
            }
            if fits {
                kept += j - i;
            } else {
                kept = quota as usize;
            }
            i = j;
        }
    }
}
