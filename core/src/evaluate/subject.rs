//! One subject's month: its items visited in order, each rule kind's contributions, keyed records
//! taken at their highest (C4, E4), each record's occurrences as one run (E6) handed to the caps,
//! and the effects (flags, forced grades) of records and thresholds.

use super::caps::item_caps;
use super::{ChargeFate, Charged, MonthWorld, Pending, Scratch, YearState};
use crate::compile::MonthRecord;
use crate::dataset::Record;
use crate::engine::{FastMap, Policy};
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
    /// categories under their caps (C2, C3), its thresholds (S5.2, W6.1), and the result.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn subject_month<'a>(
        &self,
        world: &MonthWorld<'_, 'a>,
        kind: SubjectKind,
        sx: u32,
        id: &'a str,
        month: YearMonth,
        group: &[Charged<'a>],
        accs: &mut [ChargeFate],
        st: &mut YearState<'a>,
        scratch: &mut Scratch<'a>,
    ) -> SubjectMonth {
        let subject = SubjectCx { world, kind, sx, id, month };
        let mut tally = Tally::default();
        scratch.lines.clear();
        // the group holds this subject's charges by item (ascending), as the items are visited
        let mut cur = 0;
        for &ii in self.items_of(kind) {
            while cur < group.len() && (group[cur].item as usize) < ii {
                cur += 1;
            }
            let start = cur;
            while cur < group.len() && group[cur].item as usize == ii {
                cur += 1;
            }
            self.item_lines(&subject, ii, &group[start..cur], accs, st, scratch, &mut tally);
        }
        let (mut categories, bonuses) = self.category_results(&subject, accs, st, scratch, &tally.derived);
        self.thresholds(&subject, group, st, &mut categories, &mut tally);
        self.carry_flags(sx, month, st, &mut tally);
        self.assemble(&subject, categories, bonuses, tally)
    }

    /// An item's lines for the subject: the kind's contributions (C4/E4 keyed records taken at
    /// their highest), as pending lines under the item's monthly and yearly caps (E6).
    #[allow(clippy::too_many_arguments)]
    fn item_lines<'a>(
        &self,
        subject: &SubjectCx<'_, '_, 'a>,
        ii: usize,
        mine: &[Charged<'a>],
        accs: &mut [ChargeFate],
        st: &mut YearState<'a>,
        scratch: &mut Scratch<'a>,
        tally: &mut Tally,
    ) {
        let SubjectCx { world, kind, sx, id, month } = *subject;
        let Scratch { recs, contributions, key_winner, states, occs, lines, at, .. } = scratch;
        let Tally { warnings, flags, forced, derived, carry } = tally;
        let idx = world.idx;
        let item = &self.doc.rules[ii];
        // an item that only reads records has nothing to do without them
        if mine.is_empty() && self.record_only[ii] {
            return;
        }
        let rule = self.rules[ii].as_ref();
        contributions.clear();
        at.clear();
        if self.per_record[ii] {
            // the records' own points, as the hall was compiled with them (Rule::per_record);
            // the record itself is read only for its text and its effects
            for (k, c) in mine.iter().enumerate().filter(|(_, c)| c.has(MonthRecord::VALUED)) {
                let detail = if world.explain { rule.points(c.rec, world.policy.lang).map(|(_, d)| d).unwrap_or_default() } else { String::new() };
                let effects = if c.has(MonthRecord::EFFECTS) { rule.record_effects(c.rec) } else { Effects::default() };
                contributions.push(Contribution::Occurrences { record: c.rec, points_each: c.value, detail, effects });
                at.push(Some(k));
            }
        } else {
            // charged in the month's record order: date, then id
            recs.clear();
            recs.extend(mine.iter().map(|c| c.rec));
            let cx = RuleContext {
                month,
                subject: id,
                kind,
                item,
                records: recs,
                world,
                explain: world.explain,
            };
            rule.apply(&cx, contributions);
            let mut hint = 0;
            at.extend(contributions.iter().map(|c| match c {
                Contribution::Occurrences { record, .. } => find_charge(mine, record, &mut hint),
                _ => None,
            }));
        }

        key_winners(contributions, at, mine, key_winner);
        states.clear();
        occs.clear();
        for (c, &at) in contributions.drain(..).zip(at.iter()) {
            match c {
                Contribution::Warning(w) => warnings.push(w),
                Contribution::Effects { effects, detail } => {
                    let before = flags.len();
                    self.apply_effects(&idx.names.texts, &effects, ii, None, flags, forced, carry);
                    for f in &mut flags[before..] {
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
                    raw: points,
                    applied: points,
                    detail,
                    cut: None,
                }),
                Contribution::Occurrences {
                    record: r,
                    points_each,
                    detail,
                    effects,
                } => {
                    // the record's charge among the item's: its accumulator, count, place and key
                    // (a record a kind names that is not among them is read where it lies, and
                    // goes after them in date order)
                    let charge = at.map(|k| &mine[k]);
                    let slot = charge.map(|c| c.slot);
                    let count = charge.map_or_else(|| r.count, |c| c.count);
                    let pos = charge.map_or(u32::MAX, |c| c.pos + 1);
                    let key = if charge.is_none_or(|c| c.has(MonthRecord::KEYED)) { r.key.as_deref() } else { None };
                    if let Some(s) = slot {
                        accs[s as usize].occurrences += count;
                    }
                    // (the policy first: reading the parsed record is a cache miss the month is built to avoid)
                    let aggravated = !item.aggravated_effects.is_empty() && r.aggravated;
                    if !effects.is_empty() || !item.effects.is_empty() || aggravated {
                        let rid = idx.record_text(r);
                        if !effects.is_empty() {
                            self.apply_effects(&idx.names.texts, &effects, ii, Some(&rid), flags, forced, carry);
                        }
                        if !item.effects.is_empty() {
                            self.apply_effects(&idx.names.texts, &item.effects, ii, Some(&rid), flags, forced, carry);
                        }
                        if aggravated {
                            self.apply_effects(&idx.names.texts, &item.aggravated_effects, ii, Some(&rid), flags, forced, carry);
                        }
                    }
                    let mut raw = points_each;
                    let mut detail = detail;
                    let line = move |n: u32, applied: Decimal, detail: String, cut: Option<Reason>| Pending {
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
                        let w = &key_winner[k];
                        if !std::ptr::eq(w.2, r) {
                            occs.push(line(1, Decimal::ZERO, detail, Some(Reason::NotHighestOfKey)));
                            continue;
                        }
                        if self.doc.settings.achievement_scope == crate::policy::AchievementScope::Year {
                            let best = st.best_key.get(&(sx, ii, k)).copied().unwrap_or_default();
                            if best >= raw {
                                if world.explain {
                                    detail = self.msg("line-key-already-counted", &[("detail", &detail), ("key", &k), ("best", &Dec::norm(best))]);
                                }
                                occs.push(line(1, Decimal::ZERO, detail, Some(Reason::AlreadyCounted)));
                                continue;
                            }
                            if best > Decimal::ZERO {
                                if world.explain {
                                    detail = self.msg("line-key-top-up", &[("detail", &detail), ("best", &Dec::norm(best)), ("key", &k)]);
                                }
                                raw -= best;
                            }
                        }
                    }
                    // the record's occurrences as one run (E6)
                    let run = Pending { raw, ..line(count, raw, detail, None) };
                    occs.push(run);
                }
            }
        }
        item_caps(item, st.at(sx, ii), st, states, occs, lines);
    }

    /// Eligibility lost to the end of the year: the flags of earlier months repeated in this one
    /// (saying since when), and this month's own kept for the later months.
    fn carry_flags(&self, sx: u32, month: YearMonth, st: &mut YearState<'_>, tally: &mut Tally) {
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
                detail: item.name_zh.clone(),
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

/// The subject being scored, and the month's world.
#[derive(Clone, Copy)]
pub(crate) struct SubjectCx<'w, 'p, 'a> {
    pub(super) world: &'w MonthWorld<'p, 'a>,
    pub(super) kind: SubjectKind,
    pub(super) sx: u32,
    id: &'a str,
    pub(super) month: YearMonth,
}

/// Keyed records (C4, E4): the highest record of each key in the month (equal values: the
/// earliest date, then id); later months count only the top-up over the year's best. `at` holds
/// each contribution's charge among the item's (`mine`), which says whether its record has a key.
fn key_winners<'a>(
    contributions: &[Contribution<'a>],
    at: &[Option<usize>],
    mine: &[Charged<'a>],
    key_winner: &mut FastMap<&'a str, (Decimal, NaiveDate, &'a Record)>,
) {
    key_winner.clear();
    for (c, at) in contributions.iter().zip(at) {
        if let Contribution::Occurrences { record: r, points_each, .. } = c
            && at.is_none_or(|k| mine[k].has(MonthRecord::KEYED))
            && let Some(k) = &r.key
        {
            let cand = (*points_each, r.date, *r);
            let better = match key_winner.get(k.as_str()) {
                None => true,
                Some(w) => cand.0 > w.0 || (cand.0 == w.0 && (cand.1, cand.2.id.as_str()) < (w.1, w.2.id.as_str())),
            };
            if better {
                key_winner.insert(k.as_str(), cand);
            }
        }
    }
}

/// A record's charge among an item's (an index into them). Contributions come in record order, so
/// the search starts after the last one found.
pub(crate) fn find_charge(mine: &[Charged<'_>], r: &Record, hint: &mut usize) -> Option<usize> {
    let n = mine.len();
    (0..n).map(|k| (*hint + k) % n).find(|&i| std::ptr::eq(mine[i].rec, r)).inspect(|&i| {
        *hint = i + 1;
    })
}
