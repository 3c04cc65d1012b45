//! One subject's month: its items visited in order, each rule kind's contributions, keyed records
//! taken at their highest (C4, E4), each record's occurrences as one run (E6) handed to the caps,
//! and the effects (flags, forced grades) of records and thresholds.

use super::caps::item_caps;
use super::{Acc, Charged, MonthWorld, Pending, Points, Scratch, SubjectCx, YearState};
use crate::compile::MonthRecord;
use crate::dataset::RecordRef;
use crate::engine::Policy;
use crate::maps::FastMap;
use crate::kind::{Contribution, RuleContext};
use crate::month::YearMonth;
use crate::policy::{Effects, SubjectKind};
use crate::render::PolicyTexts;
use crate::result::*;
use crate::text::{Dec, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;

impl Policy {
    /// One subject's month: its items' lines (each item's contributions under its own caps), its
    /// categories under their caps (C2, C3), its thresholds (S5.2, W6.1), and the result, as a
    /// row of `out`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn subject_month<'a, N: Points>(
        &self,
        world: &MonthWorld<'_, 'a>,
        kind: SubjectKind,
        sx: u32,
        id: &'a str,
        month: YearMonth,
        group: &mut [Charged],
        accs: &mut [Acc<N>],
        st: &mut YearState<'a, N>,
        scratch: &mut Scratch<'a, N>,
        out: &mut SubjectMonths,
    ) {
        let subject = SubjectCx { world, kind, sx, id, month };
        let mut tally = Tally::default();
        scratch.lines.clear();
        // the categories whose caps cannot bind were added up straight for the month
        // (`Policy::straight_categories`): their items make no lines, and `group` holds the
        // charges of the other categories (all of them with text, or on `Decimal`), in the
        // month's record order. Most subjects have none; when there are some, they are put in
        // item order, a stable sort
        let charged_items: &[Charged] = if group.is_empty() {
            &[]
        } else {
            group.sort_by_key(|c| c.item);
            group
        };
        // the items in policy order (ascending indices): those charged (by item, ascending) and
        // those read without records; an item that only reads records has nothing to do without
        // them
        let unread = self.unread_items_of(kind);
        let (mut cur, mut next_unread) = (0, 0);
        loop {
            let charged = charged_items.get(cur).map(|c| c.item as usize);
            let ii = match (charged, unread.get(next_unread)) {
                (Some(c), Some(&u)) => c.min(u),
                (Some(c), None) => c,
                (None, Some(&u)) => u,
                (None, None) => break,
            };
            if unread.get(next_unread) == Some(&ii) {
                next_unread += 1;
            }
            let start = cur;
            while cur < charged_items.len() && charged_items[cur].item as usize == ii {
                cur += 1;
            }
            if scratch.straight.row(sx).get(self.item_cat[ii]).is_some_and(Option::is_some) {
                continue;
            }
            self.item_lines(&subject, ii, &charged_items[start..cur], accs, st, scratch, &mut tally);
        }
        let start = out.categories.len();
        let (bonuses_from, (mut base, bonus)) = self.category_results(&subject, accs, st, scratch, &tally.derived, &mut out.categories);
        self.thresholds(&subject, &scratch.in_month, st, (&mut out.categories, start..bonuses_from), &mut base, &mut tally);
        self.carry_flags(sx, month, st, &mut tally);
        self.assemble(&subject, bonuses_from, (base, bonus), (scratch.total_bounds[kind as usize], &scratch.band_mins), tally, out)
    }

    /// An item's lines for the subject: the kind's contributions (C4/E4 keyed records taken at
    /// their highest), as pending lines under the item's monthly and yearly caps (E6).
    #[allow(clippy::too_many_arguments)]
    fn item_lines<'a, N: Points>(
        &self,
        subject: &SubjectCx<'_, '_, 'a>,
        ii: usize,
        mine: &[Charged],
        accs: &mut [Acc<N>],
        st: &mut YearState<'a, N>,
        scratch: &mut Scratch<'a, N>,
        tally: &mut Tally,
    ) {
        let SubjectCx { world, kind, sx, id, month } = *subject;
        let Scratch { recs, contributions, key_winner, states, occs, lines, at, values, .. } = scratch;
        let Tally { warnings, flags, forced, derived, carry } = tally;
        let idx = world.idx;
        let item = &self.doc.rules[ii];
        // an item that only reads records has nothing to do without them
        if mine.is_empty() && self.record_only[ii] {
            return;
        }
        let rule = self.rules[ii].as_ref();
        states.clear();
        occs.clear();
        if self.per_record[ii] {
            // the records' own points, as the hall was compiled with them (Rule::per_record): each
            // record's run goes straight to its line; the record itself is read only for its text
            // and its effects
            let keyed = mine.iter().filter(|c| c.has(MonthRecord::VALUED) && c.has(MonthRecord::KEYED)).map(|c| (c.rec(idx), c.value(&idx.values)));
            key_winners(keyed, key_winner);
            // an item without caps of its own passes its runs on as they are: straight to the
            // subject's lines (such a kind gives no states to go first)
            let uncapped = item.caps.month.is_none() && item.caps.year.is_none();
            let runs = if uncapped { &mut *lines } else { &mut *occs };
            let mut ocx = OccCx { world, sx, ii, item, mine, accs, st, key_winner, occs: runs, flags, forced, carry };
            for (k, c) in mine.iter().enumerate().filter(|(_, c)| c.has(MonthRecord::VALUED)) {
                let detail = if world.explain { rule.points(c.rec(idx), world.policy.lang).map(|(_, d)| d).unwrap_or_default() } else { String::new() };
                let effects = if c.has(MonthRecord::EFFECTS) { Some(rule.record_effects(c.rec(idx))) } else { None };
                self.occurrence(&mut ocx, c.rec(idx), Some(k), c.value(values), detail, effects.as_ref());
            }
            if !uncapped {
                item_caps(item, st.at(sx, ii), st, states, occs, lines);
            }
            return;
        }
        // charged in the month's record order: date, then id
        recs.clear();
        recs.extend(mine.iter().map(|c| c.rec(idx)));
        let cx = RuleContext {
            month,
            subject: id,
            sx,
            kind,
            item,
            ii,
            records: recs,
            world,
            explain: world.explain,
        };
        contributions.clear();
        rule.apply(&cx, contributions);
        at.clear();
        let mut hint = 0;
        at.extend(contributions.iter().map(|c| match c {
            Contribution::Occurrences { record, .. } => find_charge(idx, mine, *record, &mut hint),
            _ => None,
        }));
        // keyed records: a record a kind names that is not among the item's charges is read where it lies
        let keyed = contributions.iter().zip(at.iter()).filter_map(|(c, at)| match c {
            Contribution::Occurrences { record, points_each, .. } if at.is_none_or(|k| mine[k].has(MonthRecord::KEYED)) => Some((*record, *points_each)),
            _ => None,
        });
        key_winners(keyed, key_winner);
        let mut ocx = OccCx { world, sx, ii, item, mine, accs, st, key_winner, occs, flags, forced, carry };
        for (c, &at) in contributions.drain(..).zip(at.iter()) {
            match c {
                Contribution::Warning(w) => warnings.push(w),
                Contribution::Effects { effects, detail } => {
                    let before = ocx.flags.len();
                    self.apply_effects(&idx.names.texts, &effects, ii, None, ocx.flags, ocx.forced, ocx.carry);
                    for f in &mut ocx.flags[before..] {
                        f.detail = self.msg("flag-because", &[("why", &detail), ("detail", &f.detail)]);
                    }
                }
                Contribution::Score { score, detail } => {
                    match derived.iter_mut().find(|(c, _)| *c == self.item_cat[ii]) {
                        Some(d) => d.1 = (score, detail, ii),
                        None => derived.push((self.item_cat[ii], (score, detail, ii))),
                    }
                }
                Contribution::State { points, detail } => states.push(Pending {
                    item: ii,
                    record: None,
                    slot: None,
                    pos: 0,
                    key: None,
                    n: 1,
                    raw: N::of(points),
                    applied: N::of(points),
                    detail,
                    cut: None,
                }),
                Contribution::Occurrences { record: r, points_each, detail, effects } => {
                    let effects = (!effects.is_empty()).then_some(effects);
                    self.occurrence(&mut ocx, r, at, N::of(points_each), detail, effects.as_ref());
                }
            }
        }
        item_caps(item, st.at(sx, ii), st, states, occs, lines);
    }

    /// A record's occurrences under the item, as one run (E6) of `raw` points each: its
    /// accumulator counts them, its effects and the item's are applied, and a keyed record (C4,
    /// E4) counts only as the highest of its key, over the year's best. `at` is its charge among
    /// the item's, when it is one.
    fn occurrence<'a, N: Points>(&self, o: &mut OccCx<'_, '_, 'a, N>, r: RecordRef<'a>, at: Option<usize>, mut raw: N, detail: String, effects: Option<&Effects>) {
        let (ii, item, idx) = (o.ii, o.item, o.world.idx);
        // the record's charge among the item's: its accumulator, count, place and key (a record a
        // kind names that is not among them is read where it lies, and goes after them in date order)
        let charge = at.map(|k| &o.mine[k]);
        let slot = charge.map(|c| c.slot);
        let count = charge.map_or_else(|| r.count(), |c| c.count);
        let pos = charge.map_or(u32::MAX, |c| c.pos + 1);
        let key = if charge.is_none_or(|c| c.has(MonthRecord::KEYED)) { r.key() } else { None };
        if let Some(s) = slot {
            o.accs[s as usize].occurrences += count;
        }
        // (the policy first: reading the parsed record is a cache miss the month is built to avoid)
        let aggravated = !item.aggravated_effects.is_empty() && r.aggravated();
        if effects.is_some() || !item.effects.is_empty() || aggravated {
            // the dataset's record ids as shared text are made once, for the lines of full text;
            // without text only the few records with effects need theirs
            let rid = if o.world.explain { idx.record_text(r) } else { Text::new(r.id()) };
            let texts = &idx.names.texts;
            if let Some(e) = effects {
                self.apply_effects(texts, e, ii, Some(&rid), o.flags, o.forced, o.carry);
            }
            if !item.effects.is_empty() {
                self.apply_effects(texts, &item.effects, ii, Some(&rid), o.flags, o.forced, o.carry);
            }
            if aggravated {
                self.apply_effects(texts, &item.aggravated_effects, ii, Some(&rid), o.flags, o.forced, o.carry);
            }
        }
        let mut detail = detail;
        let line = move |n: u32, applied: N, detail: String, cut: Option<Reason>| Pending {
            item: ii,
            record: Some(r),
            slot,
            pos,
            key,
            n,
            raw,
            applied,
            detail,
            cut,
        };
        if let Some(k) = key {
            let w = &o.key_winner[k];
            if !w.2.same(r) {
                o.occs.push(line(1, N::ZERO, detail, Some(Reason::NotHighestOfKey)));
                return;
            }
            if self.doc.settings.achievement_scope == crate::policy::AchievementScope::Year {
                let best = o.st.best_key.get(&(o.sx, ii, k)).copied().unwrap_or_default();
                if best >= raw {
                    if o.world.explain {
                        detail = self.msg("line-key-already-counted", &[("detail", &detail), ("key", &k), ("best", &Dec::norm(best.dec()))]);
                    }
                    o.occs.push(line(1, N::ZERO, detail, Some(Reason::AlreadyCounted)));
                    return;
                }
                if best > N::ZERO {
                    if o.world.explain {
                        detail = self.msg("line-key-top-up", &[("detail", &detail), ("best", &Dec::norm(best.dec())), ("key", &k)]);
                    }
                    raw -= best;
                }
            }
        }
        // the record's occurrences as one run (E6)
        o.occs.push(Pending { raw, ..line(count, raw, detail, None) });
    }

    /// Eligibility lost to the end of the year: the flags of earlier months repeated in this one
    /// (saying since when), and this month's own kept for the later months.
    fn carry_flags<N>(&self, sx: u32, month: YearMonth, st: &mut YearState<'_, N>, tally: &mut Tally) {
        if let Some(earlier) = st.carried.get(&sx) {
            for (since, f) in earlier {
                let mut f = f.clone();
                f.detail = self.msg("flag-carried", &[("detail", &f.detail), ("since", since)]);
                tally.flags.push(f);
            }
        }
        if tally.carry.is_empty() {
            return;
        }
        let list = st.carried.entry(sx).or_default();
        for f in tally.carry.drain(..) {
            let same = |(_, g): &(YearMonth, Flag)| g.period == f.period && g.rule == f.rule;
            if !list.iter().any(same) {
                list.push((month, f));
            }
        }
    }

    /// Flags and forced grades of an item's effects, for a record (or a threshold, without one).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn apply_effects(
        &self,
        texts: &PolicyTexts,
        e: &Effects,
        ii: usize,
        record: Option<&Text>,
        flags: &mut Vec<Flag>,
        forced: &mut Option<(String, String)>,
        carry: &mut Vec<Flag>,
    ) {
        let item = &self.doc.rules[ii];
        let code = &texts.codes[ii];
        for p in &e.disqualify_rest_of_year {
            let f = Flag {
                code: texts.disqualified.clone(),
                period: Some(*p),
                rule: Some(code.clone()),
                record: record.cloned(),
                category: None,
                detail: self.msg("flag-disqualified-rest-of-year", &[("period", &self.msg(period_word(*p), &[])), ("rule", &item.code)]),
            };
            carry.push(f.clone());
            flags.push(f);
        }
        for p in &e.disqualify {
            flags.push(Flag {
                code: texts.disqualified.clone(),
                period: Some(*p),
                rule: Some(code.clone()),
                record: record.cloned(),
                category: None,
                detail: self.msg(
                    "flag-disqualified",
                    &[
                        (
                            "period",
                            &self.msg(period_word(*p), &[]),
                        ),
                        ("rule", &item.code),
                    ],
                ),
            });
        }
        if let Some(g) = &e.force_grade {
            let by = match record {
                Some(r) => self.msg("forced-by-record", &[("rule", &item.code), ("record", r)]),
                None => item.code.clone(),
            };
            forced.get_or_insert((g.clone(), by));
            flags.push(Flag {
                code: texts.forced_grade.clone(),
                period: None,
                rule: Some(code.clone()),
                record: record.cloned(),
                category: None,
                detail: self.msg("flag-forced-grade", &[("grade", g)]),
            });
        }
        if let Some(f) = &e.flag {
            flags.push(Flag {
                code: Text::new(f),
                period: None,
                rule: Some(code.clone()),
                record: record.cloned(),
                category: None,
                detail: item.name(self.lang()).to_owned(),
            });
        }
    }
}

/// The catalogue's word for a kind of period.
fn period_word(p: crate::policy::PeriodKind) -> &'static str {
    match p {
        crate::policy::PeriodKind::Month => "period-month",
        crate::policy::PeriodKind::Quarter => "period-quarter",
        crate::policy::PeriodKind::Year => "period-year",
    }
}

/// What one subject's month gathers besides its lines: warnings, flags, a forced grade, and the
/// derived category scores (category → (score, detail, item); a later item of the same category
/// replaces an earlier one).
#[derive(Default)]
pub(crate) struct Tally {
    pub(super) warnings: Vec<String>,
    pub(super) flags: Vec<Flag>,
    pub(super) forced: Option<(String, String)>,
    /// This month's flags of eligibility lost to the end of the year, for the later months.
    pub(super) carry: Vec<Flag>,
    derived: Vec<(usize, (Decimal, String, usize))>,
}

/// What a record's occurrences are applied to ([`Policy::occurrence`]): the item, its charges and
/// their accumulators, the year so far, the keys' winners, the lines, and the subject's effects.
struct OccCx<'o, 'w, 'a, N> {
    world: &'o MonthWorld<'w, 'a>,
    sx: u32,
    ii: usize,
    item: &'o crate::policy::RuleItem,
    mine: &'o [Charged],
    accs: &'o mut [Acc<N>],
    st: &'o mut YearState<'a, N>,
    key_winner: &'o FastMap<&'a str, (Decimal, NaiveDate, RecordRef<'a>)>,
    occs: &'o mut Vec<Pending<'a, N>>,
    flags: &'o mut Vec<Flag>,
    forced: &'o mut Option<(String, String)>,
    carry: &'o mut Vec<Flag>,
}

/// Keyed records (C4, E4): the highest record of each key in the month (equal values: the
/// earliest date, then id); later months count only the top-up over the year's best. `keyed` are
/// the item's keyed records with the points of one occurrence.
fn key_winners<'a>(keyed: impl Iterator<Item = (RecordRef<'a>, Decimal)>, key_winner: &mut FastMap<&'a str, (Decimal, NaiveDate, RecordRef<'a>)>) {
    key_winner.clear();
    for (r, points_each) in keyed {
        let Some(k) = r.key() else { continue };
        let cand = (points_each, r.date(), r);
        let better = match key_winner.get(k) {
            None => true,
            Some(w) => cand.0 > w.0 || (cand.0 == w.0 && (cand.1, cand.2.id()) < (w.1, w.2.id())),
        };
        if better {
            key_winner.insert(k, cand);
        }
    }
}

/// A record's charge among an item's (an index into them). Contributions come in record order, so
/// the search starts after the last one found.
pub(crate) fn find_charge(idx: &crate::compile::Index<'_>, mine: &[Charged], r: RecordRef<'_>, hint: &mut usize) -> Option<usize> {
    let n = mine.len();
    (0..n).map(|k| (*hint + k) % n).find(|&i| mine[i].rec(idx).same(r)).inspect(|&i| {
        *hint = i + 1;
    })
}
