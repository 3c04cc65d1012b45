//! The end of a subject's month: the item thresholds met (S5.2, W6.1), each zeroing a category,
//! raising flags or applying effects, then the result assembled from its categories (base,
//! bonus, total within the policy's bounds, grade).

use super::subject::Tally;
use super::SubjectCx;
use super::{Charged, Points, YearState};
use crate::categories::CategoryStore;
use crate::engine::Policy;
use crate::month::YearMonth;
use crate::policy::{CountScope, Persistence, SubjectKind, Threshold, ThresholdCondition};
use crate::result::*;
use crate::subjects::Row;
use crate::text::Text;
use rust_decimal::Decimal;

impl Policy {
    /// The month's counted-status occurrences of each item thresholds count, by subject
    /// ([`YearState::counted_at`]): every charge's, linked ones too.
    pub(super) fn month_counts<N>(&self, charged: &[Charged], st: &YearState<'_, N>) -> Vec<u32> {
        let mut in_month = vec![0; st.counts.len()];
        if st.counted > 0 {
            for c in charged {
                let place = self.counted[c.item as usize];
                if place != u32::MAX {
                    in_month[st.counted_at(c.subject, place)] += c.count;
                }
            }
        }
        in_month
    }

    /// The item thresholds met this month (S5.2, W6.1): a category zeroed (and the base, the
    /// sum of the deduction categories' scores, lowered by what it scored), flags, effects.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn thresholds<N: Points>(
        &self,
        subject: &SubjectCx<'_, '_, '_>,
        in_month: &[u32],
        st: &mut YearState<'_, N>,
        (categories, deductions): (&mut CategoryStore, std::ops::Range<usize>),
        base: &mut N,
        tally: &mut Tally,
    ) {
        let SubjectCx { kind, sx, .. } = *subject;
        // thresholds (S5.2, W6.1)
        for &ii in self.threshold_items_of(kind) {
            let item = &self.doc.rules[ii];
            // the item's own threshold, then its kind's (each compiled where there is one)
            for (which, refs) in self.threshold_refs[ii].iter().enumerate() {
                let Some((ci, zcat)) = *refs else { continue };
                let Some(t) = (if which == 0 { item.threshold.as_ref() } else { self.rules[ii].threshold() }) else { continue };
                let at = st.counted_at(sx, self.counted[ci]);
                let (in_month, before) = (in_month[at], st.counts[at]);
                let year = before + in_month;
                let met = t.any_of.iter().find(|c| {
                    let n = match c.scope {
                        CountScope::Month => in_month,
                        CountScope::Year => year,
                    };
                    let reached =
                        c.at_least.is_some_and(|a| n >= a) || c.more_than.is_some_and(|m| n > m);
                    reached && (!c.requires_occurrence_in_month || in_month > 0)
                });
                let zkey = zcat.map(|c| (sx, c));
                // (most years zero nothing: no lookup then)
                let earlier = zkey.filter(|_| !st.zeroed.is_empty()).and_then(|k| st.zeroed.get(&k).copied());
                // most subject-months meet no threshold, and carry no category zeroed by one
                if met.is_none() && earlier.is_none() {
                    continue;
                }
                self.threshold_reached(subject, (ii, t, zcat), (in_month, year), (met, earlier), st, (&mut *categories, deductions.clone()), base, tally);
            }
        }
    }

    /// A threshold of the item `ii` (its own or its kind's) met this month, or a category it
    /// zeroed in an earlier month for the rest of the year (`earlier`: the item and the month):
    /// the category zeroed, its flags and effects. (Kept out of [`Policy::thresholds`]' loop,
    /// which most subject-months leave at its check: inlined there, this part's values were set
    /// up for every subject-month.)
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn threshold_reached<N: Points>(
        &self,
        subject: &SubjectCx<'_, '_, '_>,
        (ii, t, zcat): (usize, &Threshold, Option<usize>),
        (in_month, year): (u32, u32),
        (met, earlier): (Option<&ThresholdCondition>, Option<(usize, YearMonth)>),
        st: &mut YearState<'_, N>,
        (categories, deductions): (&mut CategoryStore, std::ops::Range<usize>),
        base: &mut N,
        tally: &mut Tally,
    ) {
        let SubjectCx { world, kind, sx, month, .. } = *subject;
        let Tally { flags, forced, carry, .. } = tally;
        let sp = self.subject(kind);
        let idx = world.idx;
        let item = &self.doc.rules[ii];
        let counted_code: &str = t.counts.as_deref().unwrap_or(&item.code);
        let zkey = zcat.map(|c| (sx, c));
        let why = match (met, earlier) {
            (Some(c), _) => {
                let n = if c.scope == CountScope::Month {
                    in_month
                } else {
                    year
                };
                let id = if c.scope == CountScope::Month { "threshold-count-month" } else { "threshold-count-year" };
                Some(self.msg(id, &[("count", &n), ("rule", &counted_code)]))
            }
            (None, Some((rule, since)))
                if t.persistence == Persistence::RestOfYear && rule == ii =>
            {
                Some(self.msg("threshold-since", &[("since", &since)]))
            }
            _ => None,
        };
        let Some(why) = why else { return };
        if met.is_some()
            && t.persistence == Persistence::RestOfYear
            && earlier.is_none()
            && let Some(k) = zkey
        {
            st.zeroed.insert(k, (ii, month));
        }
        let code = &idx.names.texts.codes[ii];
        // (the engine's category definitions are the policy's, in its order)
        if let Some(zi) = zcat
            && let Some(at) = deductions.clone().find(|&at| categories.rows[at].def as usize == zi)
        {
            let z = &idx.names.texts.categories(kind)[zi].0;
            let max = sp.categories[zi].max;
            let extra = (max - categories.rows[at].points).max(Decimal::ZERO);
            if world.explain {
                categories.push_line(at, Line {
                    rule: code.clone(),
                    record: None,
                    occurrences: 1,
                    raw: extra,
                    points: extra,
                    detail: self.msg("threshold-zeroed", &[("category", z), ("why", &why)]).into(),
                    cut: None,
                });
            }
            let c = &mut categories.rows[at];
            c.points = max;
            *base -= N::of(c.score);
            c.score = Decimal::ZERO;
            categories.zero(at, item.code.clone());
            if t.annual_whole_year {
                flags.push(Flag {
                    code: idx.names.texts.category_zeroed_for_year.clone(),
                    period: Some(crate::policy::PeriodKind::Year),
                    rule: Some(code.clone()),
                    record: None,
                    category: Some(z.clone()),
                    detail: self.msg("flag-zeroed-for-year", &[("category", z), ("why", &why)]),
                });
            }
        }
        if let Some(f) = &t.flag {
            flags.push(Flag {
                code: Text::new(f),
                period: None,
                rule: Some(code.clone()),
                record: None,
                category: None,
                detail: why.clone(),
            });
        }
        if met.is_some() {
            self.apply_effects(&idx.names.texts, &t.effects, ii, None, flags, forced, carry);
        }
    }

    /// The subject's month from its categories: base, bonus, total within the policy's bounds,
    /// grade, department and links, flags; its row of `out`, whose categories are already there
    /// (its bonuses from `bonuses_from` on).
    pub(super) fn assemble<N: Points>(
        &self,
        subject: &SubjectCx<'_, '_, '_>,
        bonuses_from: usize,
        (base, bonus): (N, N),
        (bounds, band_mins): ((Option<N>, Option<N>), &[N]),
        tally: Tally,
        out: &mut SubjectMonths,
    ) {
        let SubjectCx { world, kind, sx, .. } = *subject;
        let Tally { warnings, flags, forced, .. } = tally;
        let idx = world.idx;
        // the sums of the categories' scores as the caps added them (values; the result writes
        // them without trailing zeros), the total within the policy's bounds (as points: `N::of`
        // is exact, so a bound taken is the policy's value and scale)
        let mut total = base + bonus;
        let (max_total, min_total) = bounds;
        if let Some(hi) = max_total
            && total > hi
        {
            total = hi;
        }
        if let Some(lo) = min_total
            && total < lo
        {
            total = lo;
        }
        let (grade, grade_forced_by) = match forced {
            Some((g, by)) => (idx.names.texts.grade(&self.doc, &g), Some(by)),
            None => (idx.names.texts.grades.get(self.doc.grades.band_by(|i, _| total.cmp(&band_mins[i]))).cloned().unwrap_or_default(), None),
        };
        let names = &idx.names.subjects[sx as usize];
        // a window's staff on duty; the windows a staff member served
        let (links, link_to) = crate::kind::World::links_to(world, sx);
        let department = match kind {
            SubjectKind::Window => names.department.clone().unwrap_or_default(),
            // a staff member's home department, else that of their first window of the month
            // (by its dense index, which the month's links hold)
            SubjectKind::Staff => names
                .department
                .clone()
                .or_else(|| link_to.first().and_then(|&wx| idx.names.subjects[wx as usize].department.clone()))
                .unwrap_or_default(),
        };
        out.links.extend_from_slice(links);
        // (most subject-months have neither flags nor warnings)
        if !flags.is_empty() || !warnings.is_empty() {
            flags_and_warnings(flags, warnings, out);
        }
        let numbers = (base.normalized(), bonus.normalized(), total.normalized());
        out.push_row(Row::new(names.id.clone(), kind, names.name.clone(), department, numbers, grade, grade_forced_by, bonuses_from));
    }
}

/// A subject-month's flags, sorted and without repeats, and its warnings, into the month's lists.
/// (Kept out of `Policy::assemble`, whose subject-months mostly have neither.)
#[inline(never)]
fn flags_and_warnings(mut flags: Vec<Flag>, warnings: Vec<String>, out: &mut SubjectMonths) {
    flags.sort_by(|a, b| (&a.code, &a.period, &a.record).cmp(&(&b.code, &b.period, &b.record)));
    flags.dedup();
    out.flags.append(&mut flags);
    out.warnings.extend(warnings);
}
