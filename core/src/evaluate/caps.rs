//! The caps on a subject's month: each item's monthly and yearly caps, occurrence by occurrence
//! (E6), then its categories' caps (C2) and the bonus cap (C3), in date order; what counted goes
//! to the records' accumulators and the year-to-date state (E4, E7).

use super::{shared_detail, Acc, Charged, Pending, Points, Scratch, SubjectCx, YearState};
use crate::categories::{CategoryDef, CategoryRow, CategoryStore};
use crate::compile::{Index, MonthRecord};
use crate::engine::Policy;
use crate::maps::FastSet;
use crate::policy::{Category, Floor, RuleItem, SubjectKind, YearToDate};
use crate::result::*;
use crate::text::{Dec, Text};
use rust_decimal::Decimal;

/// One occurrence of `raw` points under what is left of an item's monthly and yearly caps: the
/// points it counts and the cap that cut it (the yearly one when both did), as E6 takes them.
pub(crate) fn under_item_caps<N: Points>(raw: N, month_left: Option<N>, year_left: Option<N>) -> (N, Option<Reason>) {
    let (mut applied, mut cut) = (raw, None);
    if let Some(left) = month_left
        && applied > left
    {
        (applied, cut) = (left, Some(Reason::MonthCap));
    }
    if let Some(left) = year_left
        && applied > left
    {
        (applied, cut) = (left, Some(Reason::YearCap));
    }
    (applied, cut)
}

/// Each subject's categories added up straight in the month ([`Policy::straight_categories`]):
/// by subject index, a row of `Some(sum)` (the sum of the category's records' points) or `None`
/// (the category makes lines), by category index; a subject without charges has an empty row.
#[derive(Default)]
pub(crate) struct Straight<N> {
    width: usize,
    sums: Vec<Option<N>>,
    touched: Vec<bool>,
}

impl<N: Points> Straight<N> {
    /// No subject's row written, for `subjects` subjects whose kinds have at most `width`
    /// categories.
    fn clear(&mut self, subjects: usize, width: usize) {
        self.width = width;
        self.sums.clear();
        self.sums.resize(subjects * width, None);
        self.touched.clear();
        self.touched.resize(subjects, false);
    }

    /// A subject's row, made on its first charge: each category a sum of zero so far, except
    /// those with an item the month visits without records (`unread`), which make lines.
    fn row_or_new(&mut self, sx: u32, unread: &[bool]) -> &mut [Option<N>] {
        let at = sx as usize * self.width;
        let row = &mut self.sums[at..at + self.width];
        if !self.touched[sx as usize] {
            self.touched[sx as usize] = true;
            for (s, &unread) in row.iter_mut().zip(unread) {
                *s = (!unread).then_some(N::ZERO);
            }
        }
        row
    }

    /// A subject's row (empty when it has no charges, or none is added up straight).
    pub(crate) fn row(&self, sx: u32) -> &[Option<N>] {
        if !self.touched.get(sx as usize).copied().unwrap_or(false) {
            return &[];
        }
        let at = sx as usize * self.width;
        &self.sums[at..at + self.width]
    }

    fn row_mut(&mut self, sx: u32) -> &mut [Option<N>] {
        if !self.touched.get(sx as usize).copied().unwrap_or(false) {
            return &mut [];
        }
        let at = sx as usize * self.width;
        &mut self.sums[at..at + self.width]
    }
}

impl Policy {
    /// The month's categories whose caps cannot bind, by subject, added up straight into
    /// [`Scratch::straight`] (`Some(sum)` of the category's records' points, or `None`), and each
    /// of their records' accumulators filled: every occurrence counts whole, as a line would
    /// count it. One pass over the month's charges in its record order; returns the charges of
    /// the other categories (they make lines), in that order, their accumulators fresh.
    ///
    /// A subject's category qualifies when it has no item the month visits without records, each
    /// of its charges is a record of a [`Policy::straight`] item without a key (C4) or effects of
    /// its own, every record's points are above zero, and, when the category is capped (C2, C3),
    /// their sum is within its maximum. Then every prefix of its lines in date order is within
    /// the maximum too, so no line is cut, and the lines' order, which the caps need, does not
    /// matter: the category's points are the sum (the same value and scale in any order). Its
    /// items make no pending lines, and its charges need no grouping by subject. With text
    /// ([`crate::engine::Explain::Full`]) every category goes through its lines, which the result
    /// shows, and so does every category on `Decimal` ([`Points::EXACT`]): then no category is
    /// added up straight and every charge is returned.
    pub(super) fn straight_categories<N: Points>(&self, idx: &Index<'_>, charged: Vec<Charged>, accs: &mut [Acc<N>], explain: bool, scratch: &mut Scratch<'_, N>) -> Vec<Charged> {
        let Scratch { straight, values, max, .. } = scratch;
        // (on `Decimal`, the fallback for points past the fixed form, the lines' order is kept,
        // as a rounded sum could show it)
        if explain || !N::EXACT {
            straight.clear(0, 0);
            return charged;
        }
        straight.clear(idx.subjects(), self.category_width());
        // (dense subject indices: the windows, then the staff)
        let nw = idx.windows.len() as u32;
        let kind_of = |sx: u32| if sx < nw { SubjectKind::Window } else { SubjectKind::Staff };
        // each record counts whole, as `count_part` counts a line's uncut occurrences, into its
        // accumulator (fresh: only its own charge writes it); a category found not to qualify
        // after some of its records were counted has their accumulators made fresh again below
        let mut undo = false;
        for c in &charged {
            let row = straight.row_or_new(c.subject, &self.unread_categories[kind_of(c.subject) as usize]);
            let ci = self.item_cat[c.item as usize];
            let Some(sum) = &mut row[ci] else { continue };
            if !self.straight[c.item as usize] || c.has(MonthRecord::KEYED | MonthRecord::EFFECTS) {
                row[ci] = None;
                undo = true;
                continue;
            }
            // (a record without points of the item makes no line)
            if !c.has(MonthRecord::VALUED) {
                continue;
            }
            // points above zero: a sum of them has the same value and scale in any order (zeros
            // of several scales would not: `rust_decimal` keeps the last one's)
            let each = c.value(values);
            if each <= N::ZERO {
                row[ci] = None;
                undo = true;
                continue;
            }
            let all = each.times(c.count);
            *sum += all;
            // (fresh, so its sums are the run's: zero plus a number is that number, as it is)
            let a = &mut accs[c.slot as usize];
            (a.occurrences, a.counted, a.raw, a.points) = (c.count, c.count, all, all);
        }
        // a capped category whose sum passes its maximum makes lines
        for sx in 0..idx.subjects() as u32 {
            let kind = kind_of(sx);
            let sp = self.subject(kind);
            for ((s, cat), &max) in straight.row_mut(sx).iter_mut().zip(&sp.categories).zip(&max[kind as usize]) {
                if (cat.bonus || sp.floor == Floor::Category) && s.is_some_and(|sum| sum > N::ZERO && sum > max) {
                    *s = None;
                    undo = true;
                }
            }
        }
        // the charges of the categories that do not qualify: they make lines
        let mut lined = charged;
        lined.retain(|c| {
            let straight_here = straight.row(c.subject).get(self.item_cat[c.item as usize]).is_some_and(Option::is_some);
            if !straight_here && undo {
                accs[c.slot as usize].reset();
            }
            !straight_here
        });
        lined
    }

    /// The most categories a subject kind has: the width of [`Straight`]'s rows.
    fn category_width(&self) -> usize {
        self.doc.staff.categories.len().max(self.doc.window.categories.len())
    }

    /// `k` occurrences of a line that counted `applied` points each after the category's cap
    /// (cut for `cut`): the year-to-date state (E7's yearly cap usage, E4's best value of a key)
    /// and the record's accumulator.
    fn count_part<'a, N: Points>(&self, p: &Pending<'a, N>, (k, applied, cut): (u32, N, Option<Reason>), sx: u32, st: &mut YearState<'a, N>, accs: &mut [Acc<N>]) {
        // what each occurrence counted after its item's own caps (E7), before the category's
        let before_category_cap = p.applied;
        // E7: the yearly cap was used by the points before the category's cap cut them; under
        // `yearly_cap_usage: counted` only what counted uses it
        if self.doc.settings.yearly_cap_usage == YearToDate::Counted
            && applied < before_category_cap
            && self.doc.rules[p.item].caps.year.is_some()
        {
            let at = st.at(sx, p.item);
            st.year_used[at] -= (before_category_cap - applied).times(k);
        }
        // E4: what a keyed record counted raises the best value of its key for later months:
        // after every cap, or before the category's (settings.achievement_value)
        if let Some(key) = p.key {
            let value = match self.doc.settings.achievement_value {
                YearToDate::Counted => applied,
                YearToDate::BeforeCategoryCap => before_category_cap,
            };
            if value > N::ZERO {
                *st.best_key.entry((sx, p.item, key)).or_default() += value.times(k);
            }
        }
        if let Some(s) = p.slot {
            let a = &mut accs[s as usize];
            a.raw += p.raw.times(k);
            a.points += applied.times(k);
            if applied > N::ZERO {
                a.counted += k;
            }
            if let Some(c) = cut
                && a.reason.is_none()
            {
                a.reason = Some(c);
            }
        }
    }

    /// The categories of a kind of subject as its results name them: the policy's, in its order
    /// (a category's index is its definition's place), with their texts in the result's language.
    pub(super) fn category_defs(&self, idx: &crate::compile::Index<'_>, kind: SubjectKind) -> Vec<CategoryDef> {
        let names = idx.names.texts.categories(kind);
        self.subject(kind).categories.iter().zip(names).map(|(c, (code, name))| CategoryDef { code: code.clone(), name: name.clone(), max: c.max }).collect()
    }

    /// The subject's categories and bonus categories, their lines in date order under the
    /// category's cap (C2) or the bonus cap (C3); what each line counted goes to its record's
    /// accumulator and the year-to-date state (E4, E7). Also the sums of their scores: the
    /// deduction categories' (the base) and the bonus categories'. The categories go to the end
    /// of `out`'s rows, deductions then bonuses, and their lines to the end of its lines; the
    /// place where the bonuses start is returned.
    pub(super) fn category_results<'a, N: Points>(
        &self,
        subject: &SubjectCx<'_, '_, 'a>,
        accs: &mut [Acc<N>],
        st: &mut YearState<'a, N>,
        scratch: &mut Scratch<'a, N>,
        derived: &[(usize, (Decimal, String, usize))],
        out: &mut CategoryStore,
    ) -> (usize, (N, N)) {
        let SubjectCx { world, kind, sx, .. } = *subject;
        let Scratch { lines, order, details, bonuses, straight, max: maxima, untouched, .. } = scratch;
        let straight = straight.row(sx);
        let sp = self.subject(kind);
        // category caps (C2) and bonus caps (C3), in line order
        bonuses.clear();
        let mut sums = (N::ZERO, N::ZERO);
        // each line's category, and its order within the category: date, then record id (states,
        // which have no date, first)
        // (each line's key held beside its place, so the sort and the scan below read no line; the
        // place last, as the order of lines of the same key: the stable order)
        order.clear();
        order.extend(lines.iter().enumerate().map(|(i, l)| ((self.item_cat[l.item] as u64) << 32 | u64::from(l.pos), i as u32)));
        order.sort_unstable();
        let mut next = 0;
        if !world.explain && N::EXACT {
            // at the scores level (no line is written) the rows start as the month made them for
            // a subject that takes nothing, and only the categories something is taken from are
            // worked out below: most of a subject's categories in a month are untouched. (The
            // sums then add the same scores in another order: exact points only, as `Decimal`
            // could round a sum past its 96 bits differently; the sums are read by value.)
            let u = &untouched[kind as usize];
            let from = out.rows.len();
            out.rows.extend_from_slice(&u.rows);
            let mut sums = u.sums;
            for ((ci, cat), &max) in sp.categories.iter().enumerate().zip(&maxima[kind as usize]) {
                let start = next;
                while next < order.len() && (order[next].0 >> 32) as usize == ci {
                    next += 1;
                }
                let added = straight.get(ci).and_then(Option::as_ref).filter(|s| !s.is_nothing());
                let derived_here = if derived.is_empty() { None } else { derived.iter().find(|(c, _)| *c == ci) };
                if start == next && added.is_none() && derived_here.is_none() {
                    continue;
                }
                let mut points = N::ZERO;
                if let Some(&sum) = added {
                    points += sum;
                }
                let res = &mut out.rows[from + u.place[ci] as usize];
                if derived_here.is_some() || start < next {
                    self.category_lines(subject, (cat, max), derived_here, &order[start..next], (lines, details), (st, accs), (res, &mut out.lines), &mut points);
                }
                finish_row(res, cat.bonus, max, points);
                // (the untouched sums counted the category at nothing taken: its maximum, or a
                // bonus of nothing)
                if cat.bonus {
                    sums.1 += points;
                } else {
                    sums.0 -= points;
                }
            }
            return (from + u.bonuses_at, sums);
        }
        for ((ci, cat), &max) in sp.categories.iter().enumerate().zip(&maxima[kind as usize]) {
            // C2/C3 consume a category in date order, then record id (states, which have no date, first),
            // as rules.md orders the yearly caps
            let start = next;
            while next < order.len() && (order[next].0 >> 32) as usize == ci {
                next += 1;
            }
            let derived_here = derived.iter().find(|(c, _)| *c == ci);
            // the category's maximum and its points so far, as the caps add them (a category
            // added up straight has no lines: its sum is its points)
            let mut points = N::ZERO;
            if let Some(Some(sum)) = straight.get(ci) {
                points += *sum;
            }
            // a deduction category made where it stays, in the month's list, rather than moved
            // there when done; a bonus category moved there once, after the subject's deductions.
            // Its code, name and maximum are the list's definition `ci` (the policy's order)
            let list = if cat.bonus { &mut *bonuses } else { &mut out.rows };
            // (pushed blank, a constant, then its definition set: a row built on the stack and
            // copied into the list stalled on the copy's loads, which straddled the row's stores)
            list.push(CategoryRow::BLANK);
            let res = list.last_mut().expect("pushed above");
            res.def = ci as u32;
            if world.explain {
                // its lines after the list's others: the derived score's line and the category's
                res.lines_at = out.lines.len() as u32;
                out.lines.reserve(next - start + usize::from(derived_here.is_some()));
            }
            if derived_here.is_some() || start < next {
                self.category_lines(subject, (cat, max), derived_here, &order[start..next], (lines, details), (st, accs), (res, &mut out.lines), &mut points);
            }
            let score = finish_row(res, cat.bonus, max, points);
            if cat.bonus {
                sums.1 += score;
            } else {
                sums.0 += score;
            }
        }
        let bonuses_from = out.rows.len();
        out.rows.append(bonuses);
        (bonuses_from, sums)
    }

    /// A category's derived score (W2, W3) and its lines, in date order under the category's cap
    /// (C2) or the bonus cap (C3), onto its `points`: what each line counted goes to its record's
    /// accumulator and the year-to-date state (E4, E7), and, with text, the lines to the end of
    /// `out_lines`, as `res`'s (whose lines start there).
    /// `mine` are the category's lines (each its key and its place in `lines`), in their order. A category added up
    /// straight, and most categories of a month at the scores level, have none.
    #[allow(clippy::too_many_arguments)]
    fn category_lines<'a, N: Points>(
        &self,
        subject: &SubjectCx<'_, '_, 'a>,
        (cat, max): (&Category, N),
        derived_here: Option<&(usize, (Decimal, String, usize))>,
        mine: &[(u64, u32)],
        (lines, details): (&mut [Pending<'a, N>], &mut FastSet<Text>),
        (st, accs): (&mut YearState<'a, N>, &mut [Acc<N>]),
        (res, out_lines): (&mut CategoryRow, &mut Vec<Line>),
        points: &mut N,
    ) {
        let SubjectCx { world, kind, sx, .. } = *subject;
        let sp = self.subject(kind);
        let idx = world.idx;
        if let Some((_, (score, detail, ii))) = derived_here {
            let raw = (max - N::of(*score)).larger(N::ZERO);
            let (taken, cut) = if sp.floor == Floor::Category && raw > max {
                (max, Some(Reason::CategoryExhausted))
            } else {
                (raw, None)
            };
            *points += taken;
            if world.explain {
                res.n_lines += 1;
                out_lines.push(Line {
                    rule: idx.names.texts.codes[*ii].clone(),
                    record: None,
                    occurrences: 1,
                    raw: raw.dec(),
                    points: taken.dec(),
                    detail: self.msg("line-derived-score", &[("score", &Dec(*score)), ("detail", detail)]).into(),
                    cut,
                });
            }
        }
        for &(_, li) in mine {
            let p = &mut lines[li as usize];
            let capped = cat.bonus || sp.floor == Floor::Category;
            // the run under the category's cap, occurrence by occurrence: those that fit
            // whole, one cut to what is left, the rest to nothing. A line its item's caps cut
            // is cut again when the category has less room left (C2 and C3 hold for every
            // line: an item cap above the category's room let a deduction pass its category)
            let one_part = [(p.n, p.applied, p.cut)];
            let split: [(u32, N, Option<Reason>); 3];
            let mut parts: &[(u32, N, Option<Reason>)] = &one_part;
            if capped {
                let left = (max - *points).larger(N::ZERO);
                if p.applied.times(p.n) > left {
                    // here p.applied > 0, as left ≥ 0; a line its item's caps cut already
                    // keeps that reason
                    let whole = N::whole_fits(left, p.applied, p.n);
                    let why = p.cut.or(Some(if cat.bonus { Reason::BonusCap } else { Reason::CategoryExhausted }));
                    let partial = left - p.applied.times(whole);
                    split = [(whole, p.applied, p.cut), (1, partial, why), (p.n - whole - 1, N::ZERO, why)];
                    parts = &split;
                }
            }
            let (mut raw_sum, mut applied_sum, mut first_cut) = (N::ZERO, N::ZERO, None);
            for &(k, applied, cut) in parts.iter().filter(|part| part.0 > 0) {
                applied_sum += applied.times(k);
                if world.explain {
                    raw_sum += p.raw.times(k);
                    first_cut = first_cut.or(cut);
                }
                self.count_part(p, (k, applied, cut), sx, st, accs);
            }
            *points += applied_sum;
            if world.explain {
                let (raw_sum, applied_sum) = (raw_sum.dec(), applied_sum.dec());
                // one line per record and item: the parts of its run together
                let record = p.record.map(|r| idx.record_text(r));
                match out_lines.last_mut().filter(|_| res.n_lines > 0) {
                    Some(l) if record.is_some() && l.record == record && l.rule == idx.names.texts.codes[p.item] => {
                        l.occurrences += p.n;
                        l.raw += raw_sum;
                        l.points += applied_sum;
                        l.cut = l.cut.or(first_cut);
                    }
                    _ => {
                        res.n_lines += 1;
                        out_lines.push(Line {
                        rule: idx.names.texts.codes[p.item].clone(),
                        record,
                        occurrences: p.n,
                        raw: raw_sum,
                        points: applied_sum,
                        detail: shared_detail(details, std::mem::take(&mut p.detail)),
                        cut: first_cut,
                        })
                    }
                }
            }
        }
    }
}

/// An item's pending lines under its monthly and yearly caps.
pub(super) fn item_caps<'a, N: Points>(
    item: &RuleItem,
    year_key: usize,
    st: &mut YearState<'a, N>,
    states: &mut Vec<Pending<'a, N>>,
    occs: &mut Vec<Pending<'a, N>>,
    lines: &mut Vec<Pending<'a, N>>,
) {
    let mut month_used = N::ZERO;
        // per-item caps, monthly then yearly, occurrence by occurrence (E6): a run's
        // occurrences that fit whole, then one cut to what is left, then the rest cut to nothing
        let (month_cap, year_cap) = (item.caps.month.map(N::of), item.caps.year.map(N::of));
        let left = |month_used: N, year_used: N| {
            (
                month_cap.map(|c| (c - month_used).larger(N::ZERO)),
                year_cap.map(|c| (c - year_used).larger(N::ZERO)),
            )
        };
        // an item without caps of its own: its lines as they are
    if month_cap.is_none() && year_cap.is_none() {
        lines.append(states);
        lines.append(occs);
        return;
    }
    for mut p in states.drain(..).chain(occs.drain(..)) {
            if p.cut.is_some() {
                lines.push(p);
                continue;
            }
            let (ml, yl) = left(month_used, st.year_used[year_key]);
            let room = match (ml, yl) {
                (Some(m), Some(y)) => Some(m.smaller(y)),
                (m, y) => m.or(y),
            };
            // occurrences of p.raw (> 0) that fit whole under both caps: every one when
            // uncapped or when an occurrence takes nothing
            let whole = match room {
                Some(room) if p.raw > N::ZERO => N::whole_fits(room, p.raw, p.n),
                _ => p.n,
            };
            let first = lines.len();
            // the run's text goes with its first part
            let detail = std::mem::take(&mut p.detail);
            let mut take = |q: Pending<'a, N>, month_used: &mut N, year_used: &mut N| {
                let points = q.applied.times(q.n);
                *month_used += points;
                if year_cap.is_some() {
                    *year_used += points;
                }
                lines.push(q);
            };
            let rest = p.n - whole;
            if whole > 0 || rest == 0 {
                take(p.part(whole, p.raw, None), &mut month_used, &mut st.year_used[year_key]);
            }
            // past them, the next occurrence is cut to what is left, the rest to nothing
            for k in [1, rest.saturating_sub(1)].into_iter().filter(|&k| k > 0 && rest > 0) {
                let (ml, yl) = left(month_used, st.year_used[year_key]);
                let (applied, cut) = under_item_caps(p.raw, ml, yl);
                take(p.part(k, applied, cut), &mut month_used, &mut st.year_used[year_key]);
            }
            lines[first].detail = detail;
        }
}

/// A category's row finished from its points: they and its score (its maximum less its points, or
/// for a bonus category its points), as decimals. Returns the score.
#[inline(always)]
fn finish_row<N: Points>(res: &mut CategoryRow, bonus: bool, max: N, points: N) -> N {
    res.points = points.dec();
    let score = if bonus { points } else { max - points };
    res.score = score.dec();
    score
}

/// A kind's categories as a subject's month leaves them when it takes nothing from them (no line,
/// no points added up straight, no derived score), made once a year by the steps
/// [`Policy::category_results`] takes for any category: each row with no points taken and its
/// score (the maximum, or for a bonus category nothing), the deduction categories' rows first and
/// then the bonus categories' (as a subject's rows are listed), and the sums of their scores.
#[derive(Default)]
pub(crate) struct Untouched<N> {
    rows: Vec<CategoryRow>,
    /// Each category's place among `rows`, by category index.
    place: Vec<u32>,
    /// Where the bonus categories start among `rows`.
    bonuses_at: usize,
    /// The sums of the deduction categories' scores and of the bonus categories'.
    sums: (N, N),
}

impl<N: Points> Untouched<N> {
    pub(super) fn new(categories: &[Category], max: &[N]) -> Self {
        let mut u = Untouched { rows: Vec::new(), place: vec![0; categories.len()], bonuses_at: 0, sums: (N::ZERO, N::ZERO) };
        let mut bonuses = Vec::new();
        for (ci, (cat, &max)) in categories.iter().zip(max).enumerate() {
            let mut row = CategoryRow { def: ci as u32, ..CategoryRow::BLANK };
            let score = finish_row(&mut row, cat.bonus, max, N::ZERO);
            if cat.bonus {
                u.place[ci] = bonuses.len() as u32;
                bonuses.push(row);
                u.sums.1 += score;
            } else {
                u.place[ci] = u.rows.len() as u32;
                u.rows.push(row);
                u.sums.0 += score;
            }
        }
        u.bonuses_at = u.rows.len();
        for (ci, cat) in categories.iter().enumerate() {
            if cat.bonus {
                u.place[ci] += u.bonuses_at as u32;
            }
        }
        u.rows.append(&mut bonuses);
        u
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::Fixed;
    use std::str::FromStr;

    fn category(code: &str, max: &str, bonus: bool) -> Category {
        Category { code: code.into(), name_zh: code.into(), name_en: String::new(), max: Decimal::from_str(max).unwrap(), bonus, cite: String::new() }
    }

    /// A kind's untouched categories: deductions first, then bonuses, each in the policy's order,
    /// whatever the order of the policy's list.
    #[test]
    fn untouched_categories_list_deductions_then_bonuses_at_their_maxima() {
        let cats = [category("D1", "20", false), category("B", "10", true), category("D2", "30.5", false)];
        let max: Vec<Fixed> = cats.iter().map(|c| Fixed::of(c.max)).collect();
        let u = Untouched::new(&cats, &max);
        // rows: D1 (definition 0), D2 (2), then the bonus B (1)
        assert_eq!(u.rows.iter().map(|r| r.def).collect::<Vec<_>>(), [0, 2, 1]);
        assert_eq!(u.place, [0, 2, 1]);
        assert_eq!(u.bonuses_at, 2);
        // nothing taken: a deduction category scores its maximum, a bonus category nothing
        let scores: Vec<Decimal> = u.rows.iter().map(|r| r.score).collect();
        assert_eq!(scores, [Decimal::from(20), Decimal::from_str("30.5").unwrap(), Decimal::ZERO]);
        assert!(u.rows.iter().all(|r| r.points.is_zero() && r.n_lines == 0));
        // the sums: 20 + 30.5 = 50.5 of deductions' scores, 0 of bonuses
        assert_eq!((u.sums.0.dec(), u.sums.1.dec()), (Decimal::from_str("50.5").unwrap(), Decimal::ZERO));
    }
}
