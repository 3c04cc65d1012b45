//! Evaluation of a compiled hall month by month: each record charged to its subjects and items,
//! the rule kinds' contributions, item caps (monthly, yearly), category and bonus caps (C2, C3),
//! thresholds (S5.2, W6.1), and the year-to-date state carried to the next month.
//!
//! One month, step by step: the records charged (here), each subject's items and their
//! contributions (`subject`), the caps (`caps`), the thresholds and the result (`thresholds`),
//! then each record's fate (here). The months of a hall in order, the year to date carried from
//! each to the next, are `year`'s (`Policy::evaluate_month`, `Policy::evaluate_year`).

mod caps;
pub(crate) mod points;
mod subject;
mod thresholds;
mod year;

pub(crate) use points::{Fixed, Points, exact_or_decimal};

use crate::categories::CategoryRow;
use crate::compile::{Index, MonthRecord};
use crate::dataset::{RecordRef, Window, WindowMetrics};
use crate::engine::{Explain, Policy};
use crate::maps::{FastMap, FastSet};
use crate::kind::{Contribution, Figure, Rule, Via, World};
use crate::month::{Days, YearMonth, covers, day_number};
use crate::policy::{PolicyDoc, Rounding, RuleItem, SubjectKind};
use crate::outcome::Outcomes;
use crate::result::*;
use crate::text::Text;
use chrono::NaiveDate;
use rust_decimal::Decimal;

// ------------------------------------------------------------------ year state

/// Year-to-date state by subject index and item index (dense tables: `subject × items + item`),
/// its points as `N` ([`Points`]).
pub(crate) struct YearState<'a, N> {
    pub(crate) items: usize,
    /// Points counted per (subject, item) in the year, for yearly caps (E7: before the category cap).
    pub(crate) year_used: Vec<N>,
    /// Highest value counted per (subject, item, key) (E4).
    pub(crate) best_key: FastMap<(u32, usize, &'a str), N>,
    /// Counted-status occurrences in the year to date, per subject and item thresholds count
    /// ([`YearState::counted_at`]), before the month being scored.
    pub(crate) counts: Vec<u32>,
    /// How many items thresholds count ([`Policy::counted`]).
    pub(crate) counted: usize,
    /// Categories zeroed for the rest of the year: (subject, category index) → (item index, month).
    pub(crate) zeroed: FastMap<(u32, usize), (usize, YearMonth)>,
    /// Eligibility lost to the end of the year (`effects.disqualify_rest_of_year`): each
    /// subject's flags, with the month they were raised in, repeated in every later month.
    pub(crate) carried: FastMap<u32, Vec<(YearMonth, crate::result::Flag)>>,
}

impl<N: Points> YearState<'_, N> {
    pub(crate) fn new(subjects: usize, items: usize, counted: usize) -> Self {
        YearState {
            items,
            year_used: vec![N::ZERO; subjects * items],
            best_key: FastMap::default(),
            counts: vec![0; subjects * counted],
            counted,
            zeroed: FastMap::default(),
            carried: FastMap::default(),
        }
    }
}

impl<N> YearState<'_, N> {
    pub(crate) fn at(&self, subject: u32, item: usize) -> usize {
        subject as usize * self.items + item
    }

    /// The place of a subject's count of an item thresholds count, at `place` among them
    /// ([`Policy::counted`]), in [`YearState::counts`] and in a month's counts.
    pub(crate) fn counted_at(&self, subject: u32, place: u32) -> usize {
        subject as usize * self.counted + place as usize
    }
}


/// A record charged to a subject under an item in the month; `slot` is its accumulator. What
/// the month reads of the record is here ([`MonthRecord`]), so that scoring it does not visit the
/// parsed record, which only texts, keys, effects and kinds with their own `apply` read.
#[derive(Clone, Copy)]
pub(crate) struct Charged {
    pub(crate) subject: u32,
    pub(crate) item: u32,
    /// The record's place in the dataset's records ([`Charged::rec`] reads it).
    pub(crate) record: u32,
    pub(crate) slot: u32,
    /// The record's place in the month's order (date, then id).
    pub(crate) pos: u32,
    pub(crate) count: u32,
    /// [`MonthRecord::flags`], for the record's own item (none for a linked item's charge).
    pub(crate) flags: u8,
    /// [`MonthRecord::value`], when `VALUED`: carried, since a subject's charges are read in
    /// subject order, not in the month's (32 bytes a charge instead of 28).
    pub(crate) value: u32,
}

impl Charged {
    /// The charged record.
    pub(crate) fn rec<'a>(&self, idx: &Index<'a>) -> RecordRef<'a> {
        idx.ds.records.at(self.record as usize)
    }
    pub(crate) fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
    /// A valued charge's points of one occurrence ([`MonthRecord::value`], its record's own item).
    pub(crate) fn value<V: Copy>(&self, values: &[V]) -> V {
        values[self.value as usize]
    }
}

// ------------------------------------------------------------------ month evaluation

/// The subject being scored, and the month's world.
#[derive(Clone, Copy)]
pub(crate) struct SubjectCx<'w, 'p, 'a> {
    world: &'w MonthWorld<'p, 'a>,
    kind: SubjectKind,
    sx: u32,
    id: &'a str,
    month: YearMonth,
}


pub(crate) struct MonthWorld<'p, 'a> {
    pub(crate) policy: &'p Policy,
    pub(crate) idx: &'p Index<'a>,
    /// Whether results carry category lines and text ([`Explain::Full`]).
    pub(crate) explain: bool,
    /// This month's staff results, once scored (window rules read them).
    pub(crate) staff_results: SubjectMonths,
    /// Each staff member's row in `staff_results`, by dense staff index (`u32::MAX`: not
    /// evaluated this month); found by id through the compiled hall's index, so that no month
    /// builds a map of its own.
    pub(crate) staff_row: Vec<u32>,
    /// A window's staff on duty in the month, by staff id, and a staff member's windows served,
    /// by window id, each with its days (what rules read and results show): subject `i`'s are
    /// `links[link_at[i]..link_at[i + 1]]`, all in one list; `link_to` has the dense index of
    /// each link's other end (so that a window's rule finds its staff's results without ids).
    links: Vec<DaysLink>,
    link_to: Vec<u32>,
    link_at: Vec<u32>,
    /// Each window's metrics of the month, by dense window index: found on the first rule's
    /// asking (a policy without metric rules never asks).
    metrics: std::cell::OnceCell<Vec<Option<(&'a WindowMetrics, u32)>>>,
    month: YearMonth,
}

impl<'p, 'a> MonthWorld<'p, 'a> {
    pub(crate) fn new(policy: &'p Policy, idx: &'p Index<'a>, month: YearMonth, explain: bool) -> Self {
        // each staff member's windows of the month: (staff, window, days), staff by id (their
        // dense order), each one's windows by id (dense order too, as the hall's assignments
        // are), the days of several assignments to one window added up
        let mut served: Vec<(u32, u32, u32)> = Vec::with_capacity(idx.assignments.len());
        let days = Days::of(month);
        let (first, last) = (day_number(days.first), day_number(days.last));
        for a in &idx.assignments {
            let d = a.days_within(first, last);
            if d == 0 {
                continue;
            }
            match served.last_mut() {
                Some(last) if (last.0, last.1) == (a.staff, a.window) => last.2 += d,
                _ => served.push((a.staff, a.window, d)),
            }
        }
        // each subject's links together, by subject index: a window's staff in staff order (the
        // order `served` lists them in), a staff member's windows in window order
        let ends: Vec<(u32, u32, u32)> = served.iter().flat_map(|&(sx, wx, days)| [(wx, sx, days), (sx, wx, days)]).collect();
        let (ends, link_at) = grouped(&ends, idx.subjects(), |&(at, _, _)| at);
        let links = ends.iter().map(|&(_, other, days)| DaysLink { id: idx.names.subjects[other as usize].id.clone(), days }).collect();
        let link_to = ends.iter().map(|&(_, other, _)| other).collect();
        let metrics = std::cell::OnceCell::new();
        MonthWorld { policy, idx, explain, staff_results: SubjectMonths::new(), staff_row: Vec::new(), links, link_to, link_at, metrics, month }
    }

    /// How many links the month has, all subjects' together.
    pub(crate) fn links_len(&self) -> usize {
        self.links.len()
    }

    /// A subject's links of the month, by its dense index.
    pub(crate) fn links_at(&self, sx: u32) -> &[DaysLink] {
        &self.links[self.link_range(sx)]
    }

    fn link_range(&self, sx: u32) -> std::ops::Range<usize> {
        let i = sx as usize;
        self.link_at[i] as usize..self.link_at[i + 1] as usize
    }

    pub(crate) fn links_of(&self, kind: SubjectKind, id: &str) -> &[DaysLink] {
        self.idx.ix(kind, id).map_or(&[][..], |i| self.links_at(i))
    }

    /// A window's metrics of the month and their row of figures, by its dense index: found for
    /// every window on the first rule's asking.
    fn metrics_and_row(&self, wx: u32) -> Option<(&'a WindowMetrics, u32)> {
        let idx = self.idx;
        let all = self.metrics.get_or_init(|| idx.windows.keys().map(|&w| idx.metrics.get(&(w, self.month)).copied()).collect());
        all.get(wx as usize).copied().flatten()
    }

    /// The figures of the dataset's metrics entry at `row` (`Index::figures`).
    fn figure_row(&self, row: u32) -> &[Figure] {
        let n = self.policy.figure_names.len();
        &self.idx.figures[row as usize * n..(row as usize + 1) * n]
    }
}

impl World for MonthWorld<'_, '_> {
    fn window(&self, id: &str) -> Option<&Window> {
        self.idx.windows.get(id).copied()
    }
    fn window_at(&self, wx: u32) -> Option<&Window> {
        self.idx.window_list.get(wx as usize).copied()
    }
    fn metrics(&self, window: &str, month: YearMonth) -> Option<&WindowMetrics> {
        self.idx.metrics.get(&(window, month)).map(|&(m, _)| m)
    }
    fn metrics_at(&self, wx: u32) -> Option<&WindowMetrics> {
        self.metrics_and_row(wx).map(|(m, _)| m)
    }
    fn figures_at(&self, wx: u32) -> Option<&[Figure]> {
        self.metrics_and_row(wx).map(|(_, row)| self.figure_row(row))
    }
    fn figures_of(&self, window: &str) -> Option<&[Figure]> {
        self.idx.metrics.get(&(window, self.month)).map(|&(_, row)| self.figure_row(row))
    }
    fn item_figures(&self, ii: usize) -> &[u32] {
        &self.policy.item_figures[ii]
    }
    fn figure_target(&self, slot: u32) -> Option<Decimal> {
        self.idx.figure_targets.get(slot as usize).copied().flatten()
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
    fn staff_result(&self, staff: &str) -> Option<SubjectRef<'_>> {
        self.staff_result_at(*self.idx.staff_ix.get(staff)?)
    }
    fn staff_result_at(&self, sx: u32) -> Option<SubjectRef<'_>> {
        let row = *self.staff_row.get((sx as usize).checked_sub(self.idx.windows.len())?)?;
        self.staff_results.get(row as usize)
    }
    #[inline]
    fn links_to(&self, sx: u32) -> (&[DaysLink], &[u32]) {
        let r = self.link_range(sx);
        (&self.links[r.clone()], &self.link_to[r])
    }
    fn item_category_max(&self, kind: SubjectKind, ii: usize) -> Option<Decimal> {
        let ci = *self.policy.item_cat.get(ii)?;
        self.policy.subject(kind).categories.get(ci).map(|c| c.max)
    }
    fn rule(&self, code: &str) -> Option<(&RuleItem, &dyn Rule)> {
        self.policy.item(code)
    }
    fn rounding(&self) -> Rounding {
        self.policy.doc.settings.rounding
    }
    fn window_open_days(&self, window: &str, month: YearMonth) -> Days {
        Days::of_window(self.idx.windows.get(window).copied(), month)
    }
    fn policy(&self) -> &PolicyDoc {
        &self.policy.doc
    }
    fn lang(&self) -> crate::messages::Lang {
        self.policy.lang
    }
}

pub(crate) use crate::result::ChargeFate;

/// Buffers a year's months and their subjects reuse, so that scoring a subject allocates nothing
/// of its own (its result goes to the month's rows), and a month grows no buffer the month before
/// grew already.
#[derive(Default)]
pub(crate) struct Scratch<'a, N> {
    pub(crate) recs: Vec<RecordRef<'a>>,
    pub(crate) contributions: Vec<Contribution<'a>>,
    pub(crate) key_winner: FastMap<&'a str, (Decimal, NaiveDate, RecordRef<'a>)>,
    pub(crate) states: Vec<Pending<'a, N>>,
    pub(crate) occs: Vec<Pending<'a, N>>,
    pub(crate) lines: Vec<Pending<'a, N>>,
    /// A subject's lines in category order, then date order: (category << 32 | the line's
    /// `pos`, its place in `lines`).
    pub(crate) order: Vec<(u64, u32)>,
    /// Each contribution's charge among the item's (an index into them), when it names a record.
    pub(crate) at: Vec<Option<usize>>,
    /// The month's long line accounts so far, each held once and shared by the lines that give
    /// the same account (a short one is held in place by each line).
    pub(crate) details: FastSet<Text>,
    /// A subject's bonus categories while its deduction categories go to the month's list.
    pub(crate) bonuses: Vec<CategoryRow>,
    /// Each subject's categories added up straight in the month, or not
    /// ([`Policy::straight_categories`]).
    pub(crate) straight: caps::Straight<N>,
    /// The month's counted-status occurrences per subject and item thresholds count, as
    /// [`YearState::counts`] holds the year's ([`Policy::month_counts`]).
    pub(crate) in_month: Vec<u32>,
    /// The hall's distinct record values ([`Index::values`]) as `N`, by place: converted once a
    /// year ([`Scratch::for_year`]), not once a record.
    pub(crate) values: Vec<N>,
    /// Each kind's category maxima as `N`, by category (kinds by `SubjectKind as usize`):
    /// converted once a year, not once a category of each subject.
    pub(crate) max: [Vec<N>; 2],
    /// Each kind's categories as a subject's month leaves them when it takes nothing from them
    /// ([`caps::Untouched`]): made once a year, copied for each subject at the scores level.
    pub(crate) untouched: [caps::Untouched<N>; 2],
    /// Each kind's bounds on a total (`max_total`, `min_total`) as `N`.
    pub(crate) total_bounds: [(Option<N>, Option<N>); 2],
    /// Each grade band's minimum as `N`, by band (zero for a band without one, which
    /// `Grades::band_by` does not compare).
    pub(crate) band_mins: Vec<N>,
}

impl<N: Points> Scratch<'_, N> {
    /// A year's buffers, with the points its subjects read converted to `N` once: each month
    /// clears what it uses (the buffers keep their room from one month to the next).
    pub(crate) fn for_year(policy: &Policy, idx: &Index<'_>) -> Self {
        let kinds = [SubjectKind::Staff, SubjectKind::Window];
        let max: [Vec<N>; 2] = kinds.map(|k| policy.subject(k).categories.iter().map(|c| N::of(c.max)).collect());
        let untouched = kinds.map(|k| caps::Untouched::new(&policy.subject(k).categories, &max[k as usize]));
        let total_bounds = kinds.map(|k| (policy.subject(k).max_total.map(N::of), policy.subject(k).min_total.map(N::of)));
        let band_mins = policy.doc.grades.bands.iter().map(|b| b.min.map_or(N::ZERO, N::of)).collect();
        Scratch { values: idx.values.iter().map(|&v| N::of(v)).collect(), max, untouched, total_bounds, band_mins, ..Scratch::default() }
    }
}

/// A line's account as text: a short one in place, a long one shared with the month's earlier
/// lines of the same account (a month of a million records gives a few hundred).
pub(crate) fn shared_detail(seen: &mut FastSet<Text>, s: String) -> Text {
    if Text::held_in_place(&s) {
        return Text::new(&s);
    }
    if let Some(t) = seen.get(s.as_str()) {
        return t.clone();
    }
    let t = Text::from(s);
    seen.insert(t.clone());
    t
}

/// A charge's accumulator: the record's occurrences on the subject and item, those that counted,
/// the first reason some did not, and the points (as `N` until the month's outcomes are written).
/// A month's accumulators are in its record order, each record's own charge's first, then its
/// linked charges' ([`AccRole`]); a record not charged at all has one that holds why.
#[derive(Clone, Copy)]
pub(crate) struct Acc<N> {
    pub(crate) subject: u32,
    pub(crate) item: u32,
    pub(crate) occurrences: u32,
    pub(crate) counted: u32,
    pub(crate) reason: Option<Reason>,
    pub(crate) role: AccRole,
    pub(crate) raw: N,
    pub(crate) points: N,
}

/// What an accumulator stands for among its record's ([`Acc`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum AccRole {
    /// The record's charge to its own subject and item.
    Own,
    /// A charge to an item linked to the record's (after its own).
    Linked,
    /// None: the record was not charged, for the accumulator's `reason`.
    Uncharged,
}

impl<N: Points> Acc<N> {
    fn new(subject: u32, item: u32, role: AccRole) -> Self {
        Acc { subject, item, occurrences: 0, counted: 0, reason: None, role, raw: N::ZERO, points: N::ZERO }
    }

    /// Nothing counted yet, as the accumulator was made.
    pub(crate) fn reset(&mut self) {
        *self = Acc::new(self.subject, self.item, self.role);
    }

    /// What a record's own accumulator (or the one that says why it was not charged) gives its
    /// outcome: the outcome (none when not charged) and its own charge.
    #[inline(always)]
    fn outcome(&self, r: &MonthRecord) -> (Option<OutcomeKind>, ChargeFate) {
        match self.role {
            AccRole::Uncharged => (None, ChargeFate { subject: r.subject, item: r.item, reason: self.reason, ..ChargeFate::default() }),
            _ => (Some(OutcomeKind::of(self.points, self.raw)), self.fate()),
        }
    }

    fn fate(&self) -> ChargeFate {
        let Acc { subject, item, occurrences, counted, reason, raw, points, .. } = *self;
        // (a record that counted whole has its points as raw: converted once)
        let (points, raw) = points.dec_with(raw);
        ChargeFate { subject, item, occurrences, counted, raw, points, reason }
    }
}

/// A line awaiting caps: a state, or a run of a record's occurrences (E6) that all count alike.
/// Caps split a run into at most three (those that fit, one cut to what is left, the rest cut to
/// nothing), so work grows with the records, never with their `count`.
pub(crate) struct Pending<'a, N> {
    pub(crate) item: usize,
    pub(crate) record: Option<RecordRef<'a>>,
    /// The record's accumulator on this subject and item.
    pub(crate) slot: Option<u32>,
    /// Where the line stands in its category's date order: 0 for a state (before every record),
    /// else 1 + the record's place in the month's order (date, then id).
    pub(crate) pos: u32,
    /// The record's key (C4, E4), if it has one.
    pub(crate) key: Option<&'a str>,
    /// Occurrences in the run (1 for a state).
    pub(crate) n: u32,
    /// Points of one occurrence before caps.
    pub(crate) raw: N,
    /// Points one occurrence of the run counts after the caps so far.
    pub(crate) applied: N,
    pub(crate) detail: String,
    pub(crate) cut: Option<Reason>,
}

impl<'a, N: Points> Pending<'a, N> {
    /// `k` of the run's occurrences, each counting `applied`, cut for `cut` (without the text).
    pub(crate) fn part(&self, k: u32, applied: N, cut: Option<Reason>) -> Pending<'a, N> {
        Pending { item: self.item, record: self.record, slot: self.slot, pos: self.pos, key: self.key, n: k, raw: self.raw, applied, detail: String::new(), cut }
    }
}

impl Policy {
    /// A month of the year whose state `st` holds, with the year's buffers `scratch`
    /// ([`Scratch::for_year`]).
    pub(crate) fn month<'a, N: Points>(&self, idx: &Index<'a>, month: YearMonth, st: &mut YearState<'a, N>, scratch: &mut Scratch<'a, N>, explain: Explain) -> MonthResult {
        let full = explain == Explain::Full;
        let mut warnings = Vec::new();

        // subjects evaluated this month, by index (windows by id, then staff by id)
        let mut evaluated = vec![false; idx.subjects()];
        let nw = idx.windows.len();
        // the month's days, made once
        let days = Days::of(month);
        let window_ids: Vec<(u32, &'a str)> = idx
            .windows
            .iter()
            .enumerate()
            .filter(|(_, (_, w))| self.doc.window.is_scored() && !days.clip(w.opened, w.closed).is_empty())
            .map(|(i, (id, _))| (i as u32, *id))
            .collect();
        // staff on duty in the month: those with windows served (an assignment names a window
        // of the roster, validated), as the month's links give them
        let mut world = MonthWorld::new(self, idx, month, full);
        let staff_ids: Vec<(u32, &'a str)> = idx
            .staff
            .keys()
            .enumerate()
            .map(|(i, id)| ((nw + i) as u32, *id))
            .filter(|&(sx, _)| self.doc.staff.is_scored() && !world.links_at(sx).is_empty())
            .collect();
        for &(i, _) in window_ids.iter().chain(staff_ids.iter()) {
            evaluated[i as usize] = true;
        }

        let (charged, mut accs, n_linked) = self.charge_records::<N>(idx, month, &evaluated, &mut warnings);
        // (the month's long accounts are shared within the month only)
        scratch.details.clear();
        // the month's counts of the items thresholds count (S5.2, W6.1), and the categories
        // added up straight: the charges left make lines
        scratch.in_month = self.month_counts(&charged, st);
        let lined = self.straight_categories(idx, charged, &mut accs, full, scratch);

        // each subject's charges that make lines, in record order
        // (the charges in record order are dropped once sorted: a month of a million records
        // holds one list of them, not two)
        let (mut charged, starts) = by_subject(lined, idx.subjects());
        let range = |s: u32| starts[s as usize] as usize..starts[s as usize + 1] as usize;

        // each subject's deduction and bonus categories, and its links: about as many a subject
        // as the policy has categories and the month has links per subject
        let links_each = world.links_len().div_ceil(idx.subjects().max(1));
        let mut staff_results = SubjectMonths::with_capacity(staff_ids.len(), self.category_defs(idx, SubjectKind::Staff), links_each);
        for &(sx, s) in &staff_ids {
            let group = &mut charged[range(sx)];
            self.subject_month(&world, SubjectKind::Staff, sx, s, month, group, &mut accs, st, scratch, &mut staff_results);
        }
        // window rules read this month's staff results (W2, W3)
        world.staff_results = staff_results;
        world.staff_row = vec![u32::MAX; idx.staff.len()];
        for (i, &(sx, _)) in staff_ids.iter().enumerate() {
            world.staff_row[sx as usize - nw] = i as u32;
        }
        let mut window_results = SubjectMonths::with_capacity(window_ids.len(), self.category_defs(idx, SubjectKind::Window), links_each);
        for &(wx, w) in &window_ids {
            let group = &mut charged[range(wx)];
            self.subject_month(&world, SubjectKind::Window, wx, w, month, group, &mut accs, st, scratch, &mut window_results);
            if !idx.metrics.contains_key(&(w, month)) {
                let msg = self.msg("warning-no-metrics", &[("window", &w), ("month", &month)]);
                window_results.push_warning(msg.clone());
                warnings.push(Warning { subject: Some(idx.names.subjects[wx as usize].id.clone()), rule: None, message: msg });
            }
        }
        let mut staff_results = std::mem::take(&mut world.staff_results);
        staff_results.shrink_to_fit();
        window_results.shrink_to_fit();
        for res in staff_results.iter().chain(window_results.iter()) {
            for w in res.warnings() {
                if !warnings.iter().any(|x| x.message == *w) {
                    warnings.push(Warning { subject: Some(res.subject().clone()), rule: None, message: w.clone() });
                }
            }
        }

        // year-to-date counts, after the month is scored
        for (year, month) in st.counts.iter_mut().zip(&scratch.in_month) {
            *year += month;
        }

        drop(charged);
        let records = record_outcomes(&idx.by_month[(month.month - 1) as usize], &accs, n_linked, idx, full, self.lang);

        MonthResult { policy: idx.names.texts.id.clone(), hall: idx.names.hall.clone(), month, windows: window_results, staff: staff_results, records, warnings }
    }

    /// The month's records charged to their subjects and items (linked items too), with their
    /// accumulators in the month's record order ([`Acc`]; a record not charged at all, when it
    /// cannot count, has one that says why), and how many of those are linked charges.
    fn charge_records<'a, N: Points>(
        &self,
        idx: &Index<'a>,
        month: YearMonth,
        evaluated: &[bool],
        warnings: &mut Vec<Warning>,
    ) -> (Vec<Charged>, Vec<Acc<N>>, usize) {
        let settings = &self.doc.settings;
        let ds = idx.ds;
        let this_month = &idx.by_month[(month.month - 1) as usize];
        // every (record, subject, item) charge of the month, and its accumulator: at most a
        // record's own and one for each item linked to its item (counted only when the policy
        // links items)
        let most: usize = if self.links.iter().all(Vec::is_empty) {
            this_month.len()
        } else {
            this_month.iter().map(|mr| 1 + self.links[mr.item as usize].len()).sum()
        };
        let mut charged: Vec<Charged> = Vec::with_capacity(most);
        let mut accs: Vec<Acc<N>> = Vec::with_capacity(most);
        let mut n_linked = 0;
        // the statuses that count, as bits (three statuses, the last one's below 8), and each
        // item's bars as the policy compiled them
        const _: () = assert!((crate::dataset::Status::Revoked as u8) < 8);
        let counted_statuses: u8 = settings.counted_statuses.iter().fold(0, |m, &s| m | 1 << s as u8);
        for (pos, mr) in this_month.iter().enumerate() {
            let ri = mr.record as usize;
            let item_idx = mr.item as usize;
            let sx = mr.subject;
            let bar = self.charge_bars[item_idx];
            let not_counted = if counted_statuses & 1 << mr.status as u8 == 0 {
                Some(match mr.status {
                    crate::dataset::Status::Revoked => Reason::Revoked,
                    _ => Reason::Pending,
                })
            } else if bar & Policy::BAR_DERIVED != 0 {
                Some(Reason::DerivedItem)
            } else if bar & Policy::BAR_EVIDENCE != 0 && !mr.evidence {
                Some(Reason::NoEvidence)
            } else if !evaluated[sx as usize] {
                Some(Reason::NoTarget)
            } else {
                None
            };
            if let Some(reason) = not_counted {
                accs.push(Acc { reason: Some(reason), ..Acc::new(sx, mr.item, AccRole::Uncharged) });
                continue;
            }
            let mut charge = |subject: u32, item: usize| {
                let slot = accs.len() as u32;
                // the record's value and flags are its own item's (a linked item's rule reads the record)
                let (flags, role) = if item == item_idx { (mr.flags, AccRole::Own) } else { (mr.flags & MonthRecord::KEYED, AccRole::Linked) };
                charged.push(Charged { subject, item: item as u32, record: mr.record, slot, pos: pos as u32, count: mr.count, flags, value: mr.value });
                accs.push(Acc::new(subject, item as u32, role));
            };
            charge(sx, item_idx);
            if bar & Policy::BAR_LINKED == 0 {
                continue;
            }
            let linked = &self.links[item_idx];
            // the parsed record itself is read by the rule kinds, and here only for links
            let r = ds.records.at(ri);
            for &li in linked {
                let link = self.rules[li].link().expect("linked");
                let target: Option<&'a str> = match link.via {
                    Via::AssignedWindow => idx.window_on(r.subject(), r.date()),
                    Via::ChiefRepresentative | Via::WindowHead => idx.windows.get(r.subject()).and_then(|w| {
                        let terms = if link.via == Via::WindowHead { &w.heads } else { &w.chief_representatives };
                        terms.iter().find(|t| covers(t.from, t.to, r.date())).and_then(|t| t.staff.as_deref())
                    }),
                };
                match target.and_then(|t| idx.ix(self.doc.rules[li].subject, t)) {
                    Some(t) if evaluated[t as usize] => {
                        charge(t, li);
                        n_linked += 1;
                    }
                    _ => warnings.push(Warning {
                        subject: Some(idx.names.subjects[sx as usize].id.clone()),
                        rule: Some(idx.names.texts.codes[li].clone()),
                        message: self.msg("warning-no-one-to-charge", &[("record", &r.id()), ("rule", &self.doc.rules[li].code), ("date", &r.date())]),
                    }),
                }
            }
        }
        (charged, accs, n_linked)
    }
}

/// Each subject's charges, in the month's record order: a stable counting sort by subject (dense
/// indices). Returns the sorted charges and where each subject's charges start (subject `s`'s
/// are `starts[s]..starts[s + 1]`, as [`grouped`] gives them). A subject's month puts its
/// charges in item order only when some make lines (`Policy::subject_month`). (A radix sort of
/// two counting sorts, by item then by subject, was tried to give every subject's charges in
/// item order at once, and cost more than the sorts it saved: BENCHMARKS.md, the twenty-seventh
/// round.)
fn by_subject(charged: Vec<Charged>, subjects: usize) -> (Vec<Charged>, Vec<u32>) {
    let (sorted, starts) = grouped(&charged, subjects, |c| c.subject);
    drop(charged);
    (sorted, starts)
}

/// `items` grouped by a dense key below `keys`, each group in the items' order (a stable
/// counting sort), and where each key's group starts: key `k`'s are `starts[k]..starts[k + 1]`.
/// (A month's links and charges: fewer than 2³² by the limits on records and rosters.)
fn grouped<T: Copy>(items: &[T], keys: usize, key: impl Fn(&T) -> u32) -> (Vec<T>, Vec<u32>) {
    let mut starts = vec![0u32; keys + 1];
    for t in items {
        starts[key(t) as usize + 1] += 1;
    }
    for k in 0..keys {
        starts[k + 1] += starts[k];
    }
    // each key's start as the place of its next item: once placed, each holds its key's end,
    // the next key's start, and the list shifted by one gives the starts back
    let mut sorted = items.to_vec();
    for t in items {
        let at = &mut starts[key(t) as usize];
        sorted[*at as usize] = *t;
        *at += 1;
    }
    starts.copy_within(0..keys, 1);
    starts[0] = 0;
    (sorted, starts)
}

/// Each record's outcome, from its accumulators, in the month's record order: each record's
/// own accumulator (or the one that says why it was not charged), then its linked charges'. The
/// records between two linked charges are zipped with their accumulators, one each, in one pass
/// (a list of a known length, with no check of a role or of room for each record); the linked
/// charges then join the last of them.
fn record_outcomes<N: Points>(records: &[MonthRecord], accs: &[Acc<N>], n_linked: usize, idx: &Index<'_>, full: bool, lang: crate::messages::Lang) -> Outcomes {
    let mut out = Outcomes::with_capacity(idx.names.outcomes.clone(), full, lang, records.len(), n_linked);
    let (mut r, mut a) = (0, 0);
    loop {
        let next = if n_linked == 0 { accs.len() } else { accs[a..].iter().position(|x| x.role == AccRole::Linked).map_or(accs.len(), |p| a + p) };
        let k = next - a;
        out.extend_unlinked(records[r..r + k].iter().zip(&accs[a..next]).map(|(r, own)| {
            let (outcome, fate) = own.outcome(r);
            (r.which(), outcome, fate)
        }));
        (r, a) = (r + k, next);
        if a == accs.len() {
            break;
        }
        let end = accs[a..].iter().position(|x| x.role != AccRole::Linked).map_or(accs.len(), |p| a + p);
        out.link_last(accs[a..end].iter().map(Acc::fate));
        a = end;
    }
    debug_assert_eq!(r, records.len(), "one accumulator of its own a record");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Each subject's charges, in their first order: the order a stable sort by subject gives.
        #[test]
        fn charges_are_grouped_by_subject_in_their_order(keys in proptest::collection::vec((0u32..7, 0u32..5), 0..60)) {
            let charged: Vec<Charged> = keys
                .iter()
                .enumerate()
                .map(|(i, &(subject, item))| Charged { subject, item, record: i as u32, slot: i as u32, pos: i as u32, count: 1, flags: 0, value: 0 })
                .collect();
            let mut expected: Vec<(u32, u32, u32)> = charged.iter().map(|c| (c.subject, c.item, c.record)).collect();
            expected.sort_by_key(|&(s, _, _)| s);
            let (sorted, starts) = by_subject(charged, 7);
            let got: Vec<(u32, u32, u32)> = sorted.iter().map(|c| (c.subject, c.item, c.record)).collect();
            prop_assert_eq!(got, expected);
            prop_assert_eq!(starts.len(), 8);
            prop_assert_eq!((starts[0], starts[7] as usize), (0, sorted.len()));
            for s in 0..7 {
                prop_assert!(starts[s] <= starts[s + 1]);
                prop_assert!(sorted[starts[s] as usize..starts[s + 1] as usize].iter().all(|c| c.subject == s as u32));
            }
        }
    }
}
