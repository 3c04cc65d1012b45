//! Evaluation of a compiled hall month by month: each record charged to its subjects and items,
//! the rule kinds' contributions, item caps (monthly, yearly), category and bonus caps (C2, C3),
//! thresholds (S5.2, W6.1), and the year-to-date state carried to the next month.

use crate::compile::Index;
use crate::dataset::{Record, Window, WindowMetrics};
use crate::engine::{Explain, FastMap, Policy};
use crate::kind::{Contribution, Rule, RuleContext, Via, World};
use crate::month::{Days, YearMonth, covers, days_in_month};
use crate::policy::{CountScope, Effects, Floor, Persistence, PolicyDoc, Rounding, RuleItem, SubjectKind, YearToDate};
use crate::render::{OutcomeTexts, PolicyTexts};
use crate::result::*;
use crate::text::{Dec, Text, cat};
use chrono::NaiveDate;
use rust_decimal::Decimal;

// ------------------------------------------------------------------ year state

/// Year-to-date state by subject index and item index (dense tables: `subject × items + item`).
pub(crate) struct YearState<'a> {
    pub(crate) items: usize,
    /// Points counted per (subject, item) in the year, for yearly caps (E7: before the category cap).
    pub(crate) year_used: Vec<Decimal>,
    /// Highest value counted per (subject, item, key) (E4).
    pub(crate) best_key: FastMap<(u32, usize, &'a str), Decimal>,
    /// Counted-status occurrences per (subject, item) in the year to date.
    pub(crate) counts: Vec<u32>,
    /// Categories zeroed for the rest of the year: (subject, category index) → (item index, month).
    pub(crate) zeroed: FastMap<(u32, usize), (usize, YearMonth)>,
}

impl YearState<'_> {
    pub(crate) fn new(subjects: usize, items: usize) -> Self {
        YearState {
            items,
            year_used: vec![Decimal::ZERO; subjects * items],
            best_key: FastMap::default(),
            counts: vec![0; subjects * items],
            zeroed: FastMap::default(),
        }
    }
    pub(crate) fn at(&self, subject: u32, item: usize) -> usize {
        subject as usize * self.items + item
    }
}


/// A record charged to a subject under an item in the month; `slot` is its accumulator.
#[derive(Clone, Copy)]
pub(crate) struct Charged<'a> {
    pub(crate) subject: u32,
    pub(crate) item: u32,
    pub(crate) rec: &'a Record,
    pub(crate) slot: u32,
}

// ------------------------------------------------------------------ month evaluation

pub(crate) struct MonthWorld<'p, 'a> {
    pub(crate) policy: &'p Policy,
    pub(crate) idx: &'p Index<'a>,
    /// Whether results carry category lines and text ([`Explain::Full`]).
    pub(crate) explain: bool,
    /// This month's staff results, once scored (window rules read them).
    pub(crate) staff_results: Vec<SubjectMonth>,
    pub(crate) staff_by_id: FastMap<&'a str, usize>,
    /// By subject index: a window's staff on duty in the month, by staff id, and a staff member's
    /// windows served, by window id, each with its days (what rules read and results show).
    pub(crate) links: Vec<Vec<DaysLink>>,
}

impl<'p, 'a> MonthWorld<'p, 'a> {
    pub(crate) fn new(policy: &'p Policy, idx: &'p Index<'a>, month: YearMonth, explain: bool) -> Self {
        let mut mine: Vec<(&'a str, u32)> = Vec::new();
        let mut links: Vec<Vec<DaysLink>> = vec![Vec::new(); idx.subjects()];
        let nw = idx.windows.len();
        let subject_id = |ix: usize| idx.names.subjects[ix].id.clone();
        // staff in id order (their dense order), so each window's list comes out by staff id
        for (si, s) in idx.staff.values().enumerate() {
            mine.clear();
            for a in &s.assignments {
                let d = days_in_month(a.from, a.to, month);
                if d > 0 {
                    mine.push((a.window.as_str(), d));
                }
            }
            if mine.is_empty() {
                continue;
            }
            // by window id, the days of several assignments to one window added up
            mine.sort_by_key(|(w, _)| *w);
            mine.dedup_by(|b, a| {
                let same = a.0 == b.0;
                if same {
                    a.1 += b.1;
                }
                same
            });
            let sx = nw + si;
            links[sx].reserve_exact(mine.len());
            for &(w, d) in &mine {
                // assignments name windows of the roster (validated)
                if let Some(&wx) = idx.window_ix.get(w) {
                    links[wx as usize].push(DaysLink { id: subject_id(sx), days: d });
                    links[sx].push(DaysLink { id: subject_id(wx as usize), days: d });
                }
            }
        }
        MonthWorld { policy, idx, explain, staff_results: Vec::new(), staff_by_id: FastMap::default(), links }
    }

    pub(crate) fn links_of(&self, kind: SubjectKind, id: &str) -> &[DaysLink] {
        self.idx.ix(kind, id).map_or(&[][..], |i| self.links[i as usize].as_slice())
    }
}

impl World for MonthWorld<'_, '_> {
    fn window(&self, id: &str) -> Option<&Window> {
        self.idx.windows.get(id).copied()
    }
    fn metrics(&self, window: &str, month: YearMonth) -> Option<&WindowMetrics> {
        self.idx.metrics.get(&(window, month)).copied()
    }
    fn target(&self, metric: &str) -> Option<Decimal> {
        self.idx.ds.targets.get(metric).copied()
    }
    fn staff_on_duty(&self, window: &str) -> &[DaysLink] {
        self.links_of(SubjectKind::Window, window)
    }
    fn windows_served(&self, staff: &str) -> &[DaysLink] {
        self.links_of(SubjectKind::Staff, staff)
    }
    fn staff_result(&self, staff: &str) -> Option<&SubjectMonth> {
        self.staff_by_id.get(staff).map(|&i| &self.staff_results[i])
    }
    fn rule(&self, code: &str) -> Option<(&RuleItem, &dyn Rule)> {
        self.policy.item(code)
    }
    fn rounding(&self) -> Rounding {
        self.policy.doc.settings.rounding
    }
    fn window_open_days(&self, window: &str, month: YearMonth) -> Days {
        // the days a window is open form one range: from its opening (or the month's first day)
        // to its closing (or the month's last); none for a window not on the roster
        match self.idx.windows.get(window) {
            Some(w) => Days::within(w.opened, w.closed, month),
            None => Days { first: month.last_day(), last: month.first_day() },
        }
    }
    fn policy(&self) -> &PolicyDoc {
        &self.policy.doc
    }
}

/// The fate of one record on one (subject, item).
#[derive(Default, Clone)]
pub(crate) struct ChargeAcc {
    pub(crate) subject: u32,
    pub(crate) item: u32,
    pub(crate) occurrences: u32,
    pub(crate) counted: u32,
    pub(crate) raw: Decimal,
    pub(crate) points: Decimal,
    pub(crate) reason: Option<Reason>,
}

/// Buffers a month's subjects reuse, so that scoring a subject allocates only for its result.
#[derive(Default)]
pub(crate) struct Scratch<'a> {
    pub(crate) recs: Vec<&'a Record>,
    pub(crate) contributions: Vec<Contribution<'a>>,
    pub(crate) key_winner: FastMap<&'a str, (Decimal, NaiveDate, &'a str)>,
    pub(crate) states: Vec<Pending<'a>>,
    pub(crate) occs: Vec<Pending<'a>>,
    pub(crate) lines: Vec<Pending<'a>>,
    pub(crate) order: Vec<usize>,
}

/// A line awaiting caps: a state, or a run of a record's occurrences (E6) that all count alike.
/// Caps split a run into at most three (those that fit, one cut to what is left, the rest cut to
/// nothing), so work grows with the records, never with their `count`.
pub(crate) struct Pending<'a> {
    pub(crate) item: usize,
    pub(crate) record: Option<&'a Record>,
    /// The record's accumulator on this subject and item.
    pub(crate) slot: Option<u32>,
    /// Occurrences in the run (1 for a state).
    pub(crate) n: u32,
    /// Points of one occurrence before caps.
    pub(crate) raw: Decimal,
    /// Points one occurrence of the run counts after the caps so far.
    pub(crate) applied: Decimal,
    pub(crate) detail: String,
    pub(crate) cut: Option<Reason>,
}

impl<'a> Pending<'a> {
    /// `k` of the run's occurrences, each counting `applied`, cut for `cut` (without the text).
    pub(crate) fn part(&self, k: u32, applied: Decimal, cut: Option<Reason>) -> Pending<'a> {
        Pending { item: self.item, record: self.record, slot: self.slot, n: k, raw: self.raw, applied, detail: String::new(), cut }
    }
}

/// `n` occurrences of `x` points: a multiplication only for a record whose `count` is past 1
/// (most are 1, and a decimal product costs more than the test).
#[inline]
fn times(x: Decimal, n: u32) -> Decimal {
    if n == 1 { x } else { x * Decimal::from(n) }
}

/// How many of `n` occurrences of `each` (> 0) points fit whole into `room` (≥ 0): ⌊room / each⌋,
/// exactly, at most `n`.
pub(crate) fn whole_fits(room: Decimal, each: Decimal, n: u32) -> u32 {
    match crate::exact::quotient(&[room], &[each], 0, crate::policy::RoundingMode::Down) {
        Some(q) if q < Decimal::from(n) => u32::try_from(q).unwrap_or(n),
        _ => n,
    }
}

/// One occurrence of `raw` points under what is left of an item's monthly and yearly caps: the
/// points it counts and the cap that cut it (the yearly one when both did), as E6 takes them.
pub(crate) fn under_item_caps(raw: Decimal, month_left: Option<Decimal>, year_left: Option<Decimal>) -> (Decimal, Option<Reason>) {
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


impl Policy {
    pub(crate) fn month<'a>(&self, idx: &Index<'a>, month: YearMonth, st: &mut YearState<'a>, explain: Explain) -> MonthResult {
        let full = explain == Explain::Full;
        let mut texts = OutcomeTexts::default();
        let mut warnings = Vec::new();

        // subjects evaluated this month, by index (windows by id, then staff by id)
        let mut evaluated = vec![false; idx.subjects()];
        let nw = idx.windows.len();
        let window_ids: Vec<(u32, &'a str)> = idx
            .windows
            .iter()
            .enumerate()
            .filter(|(_, (_, w))| days_in_month(w.opened, w.closed, month) > 0)
            .map(|(i, (id, _))| (i as u32, *id))
            .collect();
        let staff_ids: Vec<(u32, &'a str)> = idx
            .staff
            .iter()
            .enumerate()
            .filter(|(_, (_, s))| s.assignments.iter().any(|a| days_in_month(a.from, a.to, month) > 0))
            .map(|(i, (id, _))| ((nw + i) as u32, *id))
            .collect();
        for &(i, _) in window_ids.iter().chain(staff_ids.iter()) {
            evaluated[i as usize] = true;
        }

        let (mut records, slots_of, charged, mut accs) = self.charge_records(idx, month, &evaluated, &mut texts, full, &mut warnings);

        // each subject's charges, by item, in record order within an item
        let (charged, ranges) = by_subject(&charged, idx.subjects());

        let mut world = MonthWorld::new(self, idx, month, full);
        let mut scratch = Scratch::default();
        let mut staff_results = Vec::with_capacity(staff_ids.len());
        for &(sx, s) in &staff_ids {
            let group = &charged[ranges[sx as usize].clone()];
            staff_results.push(self.subject_month(&world, SubjectKind::Staff, sx, s, month, group, &mut accs, st, &mut scratch));
        }
        // window rules read this month's staff results (W2, W3)
        world.staff_results = staff_results;
        world.staff_by_id = staff_ids.iter().enumerate().map(|(i, (_, s))| (*s, i)).collect();
        let mut window_results = Vec::with_capacity(window_ids.len());
        for &(wx, w) in &window_ids {
            let group = &charged[ranges[wx as usize].clone()];
            let mut res = self.subject_month(&world, SubjectKind::Window, wx, w, month, group, &mut accs, st, &mut scratch);
            if !idx.metrics.contains_key(&(w, month)) {
                let msg = format!("window {w} has no metrics for {month}: no metric rule applied");
                res.warnings.push(msg.clone());
                warnings.push(Warning { subject: Some(res.subject.clone()), rule: None, message: msg });
            }
            window_results.push(res);
        }
        let staff_results = std::mem::take(&mut world.staff_results);
        for res in staff_results.iter().chain(window_results.iter()) {
            for w in &res.warnings {
                if !warnings.iter().any(|x| x.message == *w) {
                    warnings.push(Warning { subject: Some(res.subject.clone()), rule: None, message: w.clone() });
                }
            }
        }

        // year-to-date counts, after the month is scored
        for c in &charged {
            let at = st.at(c.subject, c.item as usize);
            st.counts[at] += c.rec.count;
        }

        record_outcomes(&mut records, slots_of, &mut accs, idx, &mut texts, full);

        MonthResult { policy: idx.names.texts.id.clone(), hall: idx.names.hall.clone(), month, windows: window_results, staff: staff_results, records, warnings }
    }

    /// The month's records charged to their subjects and items (linked items too), each with
    /// its outcome so far (not counted, and why, when it cannot count) and its accumulator slots.
    #[allow(clippy::type_complexity)]
    fn charge_records<'a>(
        &self,
        idx: &Index<'a>,
        month: YearMonth,
        evaluated: &[bool],
        texts: &mut OutcomeTexts,
        full: bool,
        warnings: &mut Vec<Warning>,
    ) -> (Vec<RecordOutcome>, Vec<std::ops::Range<usize>>, Vec<Charged<'a>>, Vec<ChargeAcc>) {
        let settings = &self.doc.settings;
        let ds = idx.ds;
        let this_month = &idx.by_month[(month.month - 1) as usize];
        // in the month's record order (date, then id), with the record's accumulator slots
        let mut records: Vec<RecordOutcome> = Vec::with_capacity(this_month.len());
        let mut slots_of: Vec<std::ops::Range<usize>> = Vec::with_capacity(this_month.len());
        // every (record, subject, item) charge of the month, and its accumulator
        let mut charged: Vec<Charged<'a>> = Vec::with_capacity(this_month.len() * 2);
        let mut accs: Vec<ChargeAcc> = Vec::with_capacity(this_month.len() * 2);
    for &ri in this_month {
        let r = &ds.records[ri];
        let item_idx = idx.rec_item[ri] as usize;
        let sx = idx.rec_subject[ri];
        let mut out = RecordOutcome {
            record: idx.names.records[ri].clone(),
            rule: idx.names.texts.codes[item_idx].clone(),
            subject: idx.names.subjects[sx as usize].id.clone(),
            date: r.date,
            status: r.status,
            outcome: OutcomeKind::NotCounted,
            occurrences: r.count,
            counted_occurrences: 0,
            points: Decimal::ZERO,
            reason: None,
            detail: texts.empty.clone(),
            charges: Charges::new(),
        };
        let (item, rule) = (&self.doc.rules[item_idx], self.rules[item_idx].as_ref());
        let not_counted = if !settings.counted_statuses.contains(&r.status) {
            Some(match r.status {
                crate::dataset::Status::Revoked => Reason::Revoked,
                _ => Reason::Pending,
            })
        } else if rule.derived_from().is_some() {
            Some(Reason::DerivedItem)
        } else if item.requires_evidence && r.evidence.as_deref().is_none_or(|e| e.trim().is_empty()) {
            Some(Reason::NoEvidence)
        } else if !evaluated[sx as usize] {
            Some(Reason::NoTarget)
        } else {
            None
        };
        if let Some(reason) = not_counted {
            out.reason = Some(reason);
            if full {
                out.detail = texts.not_counted(Some(reason));
            }
            records.push(out);
            slots_of.push(0..0);
            continue;
        }
        let first = accs.len();
        let mut charge = |subject: u32, item: usize| {
            let slot = accs.len() as u32;
            charged.push(Charged { subject, item: item as u32, rec: r, slot });
            accs.push(ChargeAcc { subject, item: item as u32, ..ChargeAcc::default() });
        };
        charge(sx, item_idx);
        for &li in &self.links[item_idx] {
            let link = self.rules[li].link().expect("linked");
            let target: Option<&'a str> = match link.via {
                Via::AssignedWindow => idx.window_on(&r.subject, r.date),
                Via::ChiefRepresentative | Via::WindowHead => idx.windows.get(r.subject.as_str()).and_then(|w| {
                    let terms = if link.via == Via::WindowHead { &w.heads } else { &w.chief_representatives };
                    terms.iter().find(|t| covers(t.from, t.to, r.date)).and_then(|t| t.staff.as_deref())
                }),
            };
            match target.and_then(|t| idx.ix(self.doc.rules[li].subject, t)) {
                Some(t) if evaluated[t as usize] => charge(t, li),
                _ => warnings.push(Warning {
                    subject: Some(out.subject.clone()),
                    rule: Some(idx.names.texts.codes[li].clone()),
                    message: format!("record {}: no one to charge under {} on {}", r.id, self.doc.rules[li].code, r.date),
                }),
            }
        }
        records.push(out);
        slots_of.push(first..accs.len());
    }
        (records, slots_of, charged, accs)
    }

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
        accs: &mut [ChargeAcc],
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
        accs: &mut [ChargeAcc],
        st: &mut YearState<'a>,
        scratch: &mut Scratch<'a>,
        tally: &mut Tally,
    ) {
        let SubjectCx { world, kind, sx, id, month } = *subject;
        let Scratch { recs, contributions, key_winner, states, occs, lines, .. } = scratch;
        let Tally { warnings, flags, forced, derived } = tally;
        let idx = world.idx;
        let item = &self.doc.rules[ii];
        // an item that only reads records has nothing to do without them
        if mine.is_empty() && self.record_only[ii] {
            return;
        }
        // charged in the month's record order: date, then id
        recs.clear();
        recs.extend(mine.iter().map(|c| c.rec));
        let mut hint = 0;
        let cx = RuleContext {
            month,
            subject: id,
            kind,
            item,
            records: recs,
            world,
            explain: world.explain,
        };
        contributions.clear();
        self.rules[ii].apply(&cx, contributions);

        key_winners(contributions, key_winner);
        states.clear();
        occs.clear();
        for c in contributions.drain(..) {
            match c {
                Contribution::Warning(w) => warnings.push(w),
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
                    let slot = find_slot(mine, r, &mut hint);
                    if let Some(s) = slot {
                        accs[s as usize].occurrences += r.count;
                    }
                    if !effects.is_empty() || !item.effects.is_empty() {
                        let rid = idx.record_text(r);
                        if !effects.is_empty() {
                            self.apply_effects(&idx.names.texts, 
                                &effects,
                                ii,
                                Some(&rid),
                                flags,
                                forced,
                            );
                        }
                        if !item.effects.is_empty() {
                            self.apply_effects(&idx.names.texts, 
                                &item.effects,
                                ii,
                                Some(&rid),
                                flags,
                                forced,
                            );
                        }
                    }
                    let mut raw = points_each;
                    let mut detail = detail;
                    if let Some(k) = &r.key {
                        let w = &key_winner[k.as_str()];
                        if w.2 != r.id {
                            occs.push(Pending {
                                item: ii,
                                record: Some(r),
                                slot,
                                n: 1,
                                raw,
                                applied: Decimal::ZERO,
                                detail,
                                cut: Some(Reason::NotHighestOfKey),
                            });
                            continue;
                        }
                        if self.doc.settings.achievement_scope
                            == crate::policy::AchievementScope::Year
                        {
                            let best = st
                                .best_key
                                .get(&(sx, ii, k.as_str()))
                                .copied()
                                .unwrap_or_default();
                            if best >= raw {
                                if world.explain {
                                    detail = cat!(detail, "; key ", k, " already counted at ", Dec::norm(best));
                                }
                                occs.push(Pending {
                                    item: ii,
                                    record: Some(r),
                                    slot,
                                    n: 1,
                                    raw,
                                    applied: Decimal::ZERO,
                                    detail,
                                    cut: Some(Reason::AlreadyCounted),
                                });
                                continue;
                            }
                            if best > Decimal::ZERO {
                                if world.explain {
                                    detail = cat!(detail, "; top-up over ", Dec::norm(best), " already counted for key ", k);
                                }
                                raw -= best;
                            }
                        }
                    }
                    // the record's occurrences as one run (E6)
                    occs.push(Pending {
                        item: ii,
                        record: Some(r),
                        slot,
                        n: r.count,
                        raw,
                        applied: raw,
                        detail,
                        cut: None,
                    });
                }
            }
        }
        item_caps(item, st.at(sx, ii), st, states, occs, lines);
    }

    /// `k` occurrences of a line that counted `applied` points each after the category's cap
    /// (cut for `cut`): the year-to-date state (E7's yearly cap usage, E4's best value of a key)
    /// and the record's accumulator.
    fn count_part<'a>(&self, p: &Pending<'a>, (k, applied, cut): (u32, Decimal, Option<Reason>), sx: u32, st: &mut YearState<'a>, accs: &mut [ChargeAcc]) {
        // what each occurrence counted after its item's own caps (E7), before the category's
        let before_category_cap = p.applied;
        // E7: the yearly cap was used by the points before the category's cap cut them; under
        // `yearly_cap_usage: counted` only what counted uses it
        if self.doc.settings.yearly_cap_usage == YearToDate::Counted
            && applied < before_category_cap
            && self.doc.rules[p.item].caps.year.is_some()
        {
            let at = st.at(sx, p.item);
            st.year_used[at] -= times(before_category_cap - applied, k);
        }
        // E4: what a keyed record counted raises the best value of its key for later months:
        // after every cap, or before the category's (settings.achievement_value)
        if let Some(key) = p.record.and_then(|r| r.key.as_ref()) {
            let value = match self.doc.settings.achievement_value {
                YearToDate::Counted => applied,
                YearToDate::BeforeCategoryCap => before_category_cap,
            };
            if value > Decimal::ZERO {
                *st.best_key.entry((sx, p.item, key.as_str())).or_default() += times(value, k);
            }
        }
        if let Some(s) = p.slot {
            let a = &mut accs[s as usize];
            a.raw += times(p.raw, k);
            a.points += times(applied, k);
            if applied > Decimal::ZERO {
                a.counted += k;
            }
            if let Some(c) = cut
                && a.reason.is_none()
            {
                a.reason = Some(c);
            }
        }
    }

    /// The subject's categories and bonus categories, their lines in date order under the
    /// category's cap (C2) or the bonus cap (C3); what each line counted goes to its record's
    /// accumulator and the year-to-date state (E4, E7).
    fn category_results<'a>(
        &self,
        subject: &SubjectCx<'_, '_, 'a>,
        accs: &mut [ChargeAcc],
        st: &mut YearState<'a>,
        scratch: &mut Scratch<'a>,
        derived: &[(usize, (Decimal, String, usize))],
    ) -> (Vec<CategoryResult>, Vec<CategoryResult>) {
        let SubjectCx { world, kind, sx, .. } = *subject;
        let Scratch { lines, order, .. } = scratch;
        let sp = self.subject(kind);
        let idx = world.idx;
        // category caps (C2) and bonus caps (C3), in line order
        let n_bonus = sp.categories.iter().filter(|c| c.bonus).count();
        let mut categories = Vec::with_capacity(sp.categories.len() - n_bonus);
        let mut bonuses = Vec::with_capacity(n_bonus);
        // each line's category, and its order within the category: date, then record id (states,
        // which have no date, first)
        order.clear();
        order.extend(0..lines.len());
        order.sort_by_key(|&i| (self.item_cat[lines[i].item], lines[i].record.map(|r| (r.date, r.id.as_str()))));
        let mut next = 0;
        for (ci, (cat, (cat_code, cat_name))) in sp.categories.iter().zip(idx.names.texts.categories(kind)).enumerate() {
            // C2/C3 consume a category in date order, then record id (states, which have no date, first),
            // as rules.md orders the yearly caps
            let start = next;
            while next < order.len() && self.item_cat[lines[order[next]].item] == ci {
                next += 1;
            }
            let derived_here = derived.iter().find(|(c, _)| *c == ci);
            let mut res = CategoryResult {
                code: cat_code.clone(),
                name: cat_name.clone(),
                max: cat.max,
                points: Decimal::ZERO,
                score: Decimal::ZERO,
                // sized once: the derived score's line and the category's lines
                lines: if world.explain {
                    Vec::with_capacity(next - start + usize::from(derived_here.is_some()))
                } else {
                    Vec::new()
                },
                zeroed_by: None,
            };
            if let Some((_, (score, detail, ii))) = derived_here {
                let raw = (cat.max - *score).max(Decimal::ZERO);
                let (taken, cut) = if sp.floor == Floor::Category && raw > cat.max {
                    (cat.max, Some(Reason::CategoryExhausted))
                } else {
                    (raw, None)
                };
                res.points += taken;
                if world.explain {
                    res.lines.push(Line {
                        rule: idx.names.texts.codes[*ii].clone(),
                        record: None,
                        occurrences: 1,
                        raw,
                        points: taken,
                        detail: cat!("derived score ", Dec(*score), ": ", detail),
                        cut,
                    });
                }
            }
            for &li in &order[start..next] {
                let p = &mut lines[li];
                let capped = cat.bonus || sp.floor == Floor::Category;
                // the run under the category's cap, occurrence by occurrence: those that fit
                // whole, one cut to what is left, the rest to nothing. A line its item's caps cut
                // is cut again when the category has less room left (C2 and C3 hold for every
                // line: an item cap above the category's room let a deduction pass its category)
                let one_part = [(p.n, p.applied, p.cut)];
                let split: [(u32, Decimal, Option<Reason>); 3];
                let mut parts: &[(u32, Decimal, Option<Reason>)] = &one_part;
                if capped {
                    let left = (cat.max - res.points).max(Decimal::ZERO);
                    if times(p.applied, p.n) > left {
                        // here p.applied > 0, as left ≥ 0; a line its item's caps cut already
                        // keeps that reason
                        let whole = whole_fits(left, p.applied, p.n);
                        let why = p.cut.or(Some(if cat.bonus { Reason::BonusCap } else { Reason::CategoryExhausted }));
                        let partial = left - times(p.applied, whole);
                        split = [(whole, p.applied, p.cut), (1, partial, why), (p.n - whole - 1, Decimal::ZERO, why)];
                        parts = &split;
                    }
                }
                let (mut raw_sum, mut applied_sum, mut first_cut) = (Decimal::ZERO, Decimal::ZERO, None);
                for &(k, applied, cut) in parts.iter().filter(|part| part.0 > 0) {
                    applied_sum += times(applied, k);
                    if world.explain {
                        raw_sum += times(p.raw, k);
                        first_cut = first_cut.or(cut);
                    }
                    self.count_part(p, (k, applied, cut), sx, st, accs);
                }
                res.points += applied_sum;
                if world.explain {
                    // one line per record and item: the parts of its run together
                    let record = p.record.map(|r| idx.record_text(r));
                    match res.lines.last_mut() {
                        Some(l) if record.is_some() && l.record == record && l.rule == idx.names.texts.codes[p.item] => {
                            l.occurrences += p.n;
                            l.raw += raw_sum;
                            l.points += applied_sum;
                            l.cut = l.cut.or(first_cut);
                        }
                        _ => res.lines.push(Line {
                            rule: idx.names.texts.codes[p.item].clone(),
                            record,
                            occurrences: p.n,
                            raw: raw_sum,
                            points: applied_sum,
                            detail: std::mem::take(&mut p.detail),
                            cut: first_cut,
                        }),
                    }
                }
            }
            res.score = if cat.bonus {
                res.points
            } else {
                cat.max - res.points
            };
            if cat.bonus {
                bonuses.push(res)
            } else {
                categories.push(res)
            }
        }
        (categories, bonuses)
    }

    /// The item thresholds met this month (S5.2, W6.1): a category zeroed, flags, effects.
    fn thresholds(
        &self,
        subject: &SubjectCx<'_, '_, '_>,
        group: &[Charged<'_>],
        st: &mut YearState<'_>,
        categories: &mut [CategoryResult],
        tally: &mut Tally,
    ) {
        let SubjectCx { world, kind, sx, month, .. } = *subject;
        let Tally { flags, forced, .. } = tally;
        let sp = self.subject(kind);
        let idx = world.idx;
        // thresholds (S5.2, W6.1)
        for &ii in self.items_of(kind).iter().filter(|&&ii| self.has_threshold[ii]) {
            let item = &self.doc.rules[ii];
            let ts = [item.threshold.as_ref(), self.rules[ii].threshold()];
            for (t, refs) in ts.into_iter().zip(self.threshold_refs[ii]) {
                let (Some(t), Some((ci, zcat))) = (t, refs) else { continue };
                let counted_code: &str = t.counts.as_deref().unwrap_or(&item.code);
                let in_month: u32 = group.iter().filter(|c| c.item as usize == ci).map(|c| c.rec.count).sum();
                let before = st.counts[st.at(sx, ci)];
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
                let earlier = zkey.and_then(|k| st.zeroed.get(&k).copied());
                let why = match (met, earlier) {
                    (Some(c), _) => {
                        let n = if c.scope == CountScope::Month {
                            in_month
                        } else {
                            year
                        };
                        let scope = if c.scope == CountScope::Month {
                            "this month"
                        } else {
                            "in the year to date"
                        };
                        Some(format!("{} {counted_code} {scope}", n))
                    }
                    (None, Some((rule, since)))
                        if t.persistence == Persistence::RestOfYear && rule == ii =>
                    {
                        Some(format!("since {since}"))
                    }
                    _ => None,
                };
                let Some(why) = why else { continue };
                if met.is_some()
                    && t.persistence == Persistence::RestOfYear
                    && earlier.is_none()
                    && let Some(k) = zkey
                {
                    st.zeroed.insert(k, (ii, month));
                }
                let code = &idx.names.texts.codes[ii];
                if let Some(zi) = zcat
                    && let Some(c) = categories
                        .iter_mut()
                        .find(|c| c.code == sp.categories[zi].code)
                {
                    let z = &idx.names.texts.categories(kind)[zi].0;
                    let extra = (c.max - c.points).max(Decimal::ZERO);
                    if world.explain {
                        c.lines.push(Line {
                            rule: code.clone(),
                            record: None,
                            occurrences: 1,
                            raw: extra,
                            points: extra,
                            detail: format!("{z} scores 0: {why}"),
                            cut: None,
                        });
                    }
                    c.points = c.max;
                    c.score = Decimal::ZERO;
                    c.zeroed_by = Some(item.code.clone());
                    if t.annual_whole_year {
                        flags.push(Flag {
                            code: idx.names.texts.category_zeroed_for_year.clone(),
                            period: Some(crate::policy::PeriodKind::Year),
                            rule: Some(code.clone()),
                            record: None,
                            category: Some(z.clone()),
                            detail: format!("{z} scores 0 for the year ({why}); the annual result counts it as 0 in every month"),
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
                    self.apply_effects(&idx.names.texts, &t.effects, ii, None, flags, forced);
                }
            }
        }
    }

    /// The subject's month from its categories: base, bonus, total within the policy's bounds,
    /// grade, department and links, flags.
    fn assemble(
        &self,
        subject: &SubjectCx<'_, '_, '_>,
        categories: Vec<CategoryResult>,
        bonuses: Vec<CategoryResult>,
        tally: Tally,
    ) -> SubjectMonth {
        let SubjectCx { world, kind, sx, .. } = *subject;
        let Tally { warnings, mut flags, forced, .. } = tally;
        let sp = self.subject(kind);
        let idx = world.idx;
        let base: Decimal = categories.iter().map(|c| c.score).sum();
        let bonus: Decimal = bonuses.iter().map(|c| c.score).sum();
        let mut total = base + bonus;
        if let Some(hi) = sp.max_total
            && total > hi
        {
            total = hi;
        }
        if let Some(lo) = sp.min_total
            && total < lo
        {
            total = lo;
        }
        let (grade, grade_forced_by) = match forced {
            Some((g, by)) => (idx.names.texts.grade(&self.doc, &g), Some(by)),
            None => (idx.names.texts.grades[self.doc.grades.band(total)].clone(), None),
        };
        let names = &idx.names.subjects[sx as usize];
        let (department, links) = match kind {
            // a window's staff on duty
            SubjectKind::Window => (names.department.clone().unwrap_or_default(), world.links[sx as usize].clone()),
            SubjectKind::Staff => {
                // the windows a staff member served
                let served: Vec<DaysLink> = world.links[sx as usize].clone();
                let dept = names
                    .department
                    .clone()
                    .or_else(|| {
                        served
                            .first()
                            .and_then(|l| idx.subject_names(SubjectKind::Window, &l.id))
                            .and_then(|w| w.department.clone())
                    })
                    .unwrap_or_default();
                (dept, served)
            }
        };
        flags.sort_by(|a, b| (&a.code, &a.period, &a.record).cmp(&(&b.code, &b.period, &b.record)));
        flags.dedup();
        SubjectMonth {
            subject: names.id.clone(),
            kind,
            name: names.name.clone(),
            department,
            links,
            categories,
            bonuses,
            base: base.normalize(),
            bonus: bonus.normalize(),
            total: total.normalize(),
            grade,
            grade_forced_by,
            flags,
            warnings,
        }
    }
}

/// Each subject's charges, by item, in record order within an item: a counting sort by subject
/// (dense indices), then each subject's few charges by item (both stable). Returns the sorted
/// charges and each subject's range of them.
fn by_subject<'a>(charged: &[Charged<'a>], subjects: usize) -> (Vec<Charged<'a>>, Vec<std::ops::Range<usize>>) {
    let mut ranges = vec![0..0; subjects];
    let sorted = {
        let mut start = vec![0usize; subjects + 1];
        for c in charged {
            start[c.subject as usize + 1] += 1;
        }
        for s in 0..subjects {
            start[s + 1] += start[s];
            ranges[s] = start[s]..start[s + 1];
        }
        let mut sorted = charged.to_vec();
        for c in charged {
            let at = &mut start[c.subject as usize];
            sorted[*at] = *c;
            *at += 1;
        }
        for r in &ranges {
            sorted[r.clone()].sort_by_key(|c| c.item);
        }
        sorted
    };
    (sorted, ranges)
}

/// Each record's fate, from its accumulators, written into its outcome in place.
fn record_outcomes(records: &mut [RecordOutcome], slots_of: Vec<std::ops::Range<usize>>, accs: &mut [ChargeAcc], idx: &Index<'_>, texts: &mut OutcomeTexts, full: bool) {
    for (out, slots) in records.iter_mut().zip(slots_of) {
        if slots.len() > 1 {
            out.charges.reserve_exact(slots.len());
        }
        for (i, slot) in slots.enumerate() {
            let a = std::mem::take(&mut accs[slot]);
            if i == 0 {
                out.counted_occurrences = a.counted;
                out.points = a.points;
                out.reason = a.reason;
                out.outcome = if a.points.is_zero() {
                    OutcomeKind::NotCounted
                } else if a.points < a.raw {
                    OutcomeKind::PartlyCounted
                } else {
                    OutcomeKind::Counted
                };
                if full {
                    out.detail = texts.describe(&a, out.outcome);
                }
            }
            out.charges.push(Charge {
                subject: if i == 0 { out.subject.clone() } else { idx.names.subjects[a.subject as usize].id.clone() },
                rule: idx.names.texts.codes[a.item as usize].clone(),
                occurrences: a.occurrences,
                counted_occurrences: a.counted,
                raw: a.raw,
                points: a.points,
                reason: a.reason,
            });
        }
    }
}

/// What one subject's month gathers besides its lines: warnings, flags, a forced grade, and the
/// derived category scores (category → (score, detail, item); a later item of the same category
/// replaces an earlier one).
#[derive(Default)]
pub(crate) struct Tally {
    warnings: Vec<String>,
    flags: Vec<Flag>,
    forced: Option<(String, String)>,
    derived: Vec<(usize, (Decimal, String, usize))>,
}

/// The subject being scored, and the month's world.
#[derive(Clone, Copy)]
pub(crate) struct SubjectCx<'w, 'p, 'a> {
    world: &'w MonthWorld<'p, 'a>,
    kind: SubjectKind,
    sx: u32,
    id: &'a str,
    month: YearMonth,
}

/// Keyed records (C4, E4): the highest record of each key in the month (equal values: the
/// earliest date, then id); later months count only the top-up over the year's best.
fn key_winners<'a>(contributions: &[Contribution<'a>], key_winner: &mut FastMap<&'a str, (Decimal, NaiveDate, &'a str)>) {
        key_winner.clear();
        for c in contributions.iter() {
            if let Contribution::Occurrences {
                record: r,
                points_each,
                ..
            } = c
                && let Some(k) = &r.key
            {
                let cand = (*points_each, r.date, r.id.as_str());
                let better = match key_winner.get(k.as_str()) {
                    None => true,
                    Some(w) => cand.0 > w.0 || (cand.0 == w.0 && (cand.1, cand.2) < (w.1, w.2)),
                };
                if better {
                    key_winner.insert(k.as_str(), cand);
                }
            }
        }

}

/// An item's pending lines under its monthly and yearly caps.
fn item_caps<'a>(
    item: &RuleItem,
    year_key: usize,
    st: &mut YearState<'a>,
    states: &mut Vec<Pending<'a>>,
    occs: &mut Vec<Pending<'a>>,
    lines: &mut Vec<Pending<'a>>,
) {
    let mut month_used = Decimal::ZERO;
        // per-item caps, monthly then yearly, occurrence by occurrence (E6): a run's
        // occurrences that fit whole, then one cut to what is left, then the rest cut to nothing
        let (month_cap, year_cap) = (item.caps.month, item.caps.year);
        let left = |month_used: Decimal, year_used: Decimal| {
            (
                month_cap.map(|c| (c - month_used).max(Decimal::ZERO)),
                year_cap.map(|c| (c - year_used).max(Decimal::ZERO)),
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
                (Some(m), Some(y)) => Some(m.min(y)),
                (m, y) => m.or(y),
            };
            // occurrences of p.raw (> 0) that fit whole under both caps: every one when
            // uncapped or when an occurrence takes nothing
            let whole = match room {
                Some(room) if p.raw > Decimal::ZERO => whole_fits(room, p.raw, p.n),
                _ => p.n,
            };
            let first = lines.len();
            // the run's text goes with its first part
            let detail = std::mem::take(&mut p.detail);
            let mut take = |q: Pending<'a>, month_used: &mut Decimal, year_used: &mut Decimal| {
                let points = times(q.applied, q.n);
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

impl Policy {
    /// Flags and forced grades of an item's effects, for a record (or a threshold, without one).
    pub(crate) fn apply_effects(
        &self,
        texts: &PolicyTexts,
        e: &Effects,
        ii: usize,
        record: Option<&Text>,
        flags: &mut Vec<Flag>,
        forced: &mut Option<(String, String)>,
    ) {
        let item = &self.doc.rules[ii];
        let code = &texts.codes[ii];
        for p in &e.disqualify {
            flags.push(Flag {
                code: texts.disqualified.clone(),
                period: Some(*p),
                rule: Some(code.clone()),
                record: record.cloned(),
                category: None,
                detail: format!(
                    "award eligibility lost for the {} ({})",
                    match p {
                        crate::policy::PeriodKind::Month => "month",
                        crate::policy::PeriodKind::Quarter => "quarter",
                        crate::policy::PeriodKind::Year => "year",
                    },
                    item.code
                ),
            });
        }
        if let Some(g) = &e.force_grade {
            let by = match record {
                Some(r) => format!("{} (record {r})", item.code),
                None => item.code.clone(),
            };
            forced.get_or_insert((g.clone(), by));
            flags.push(Flag {
                code: texts.forced_grade.clone(),
                period: None,
                rule: Some(code.clone()),
                record: record.cloned(),
                category: None,
                detail: format!("grade {g} whatever the score"),
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

/// The accumulator slot of a record among an item's charges. Contributions come in record order,
/// so the search starts after the last one found.
pub(crate) fn find_slot(mine: &[Charged<'_>], r: &Record, hint: &mut usize) -> Option<u32> {
    let n = mine.len();
    (0..n).map(|k| (*hint + k) % n).find(|&i| std::ptr::eq(mine[i].rec, r)).map(|i| {
        *hint = i + 1;
        mine[i].slot
    })
}
