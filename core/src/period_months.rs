//! What every period of a list of months reads, found once for a hall's year: each month's
//! complaints counted (E8, for the tie-breakers), and the subject-months of each kind grouped by
//! subject, with the numbers the periods add up ([`crate::period`] makes the periods from them).

use crate::engine::Policy;
use crate::maps::FastMap;
use crate::policy::SubjectKind;
use crate::result::{MonthResult, SubjectRef};
use crate::text::{cmp_ids, id_prefix};
use rust_decimal::Decimal;
use std::ops::Range;

/// E8: counted complaint occurrences per subject id in one month, for windows and for staff.
#[derive(Default)]
pub(crate) struct Complaints<'m> {
    window: FastMap<&'m str, u32>,
    staff: FastMap<&'m str, u32>,
}

impl<'m> Complaints<'m> {
    fn of(&self, kind: SubjectKind) -> &FastMap<&'m str, u32> {
        match kind {
            SubjectKind::Staff => &self.staff,
            SubjectKind::Window => &self.window,
        }
    }
    fn is_empty(&self) -> bool {
        self.window.is_empty() && self.staff.is_empty()
    }
}

/// A list of months' subject-months of one kind, a subject at a time: subjects by id, each one's
/// rows in the order of the months. Grouped once for a hall's year, and read by each of its periods.
pub(crate) struct BySubject<'m> {
    rows: Vec<Row<'m>>,
    /// Where each subject's rows start, and after the last, where they end.
    starts: Vec<usize>,
    /// The scale of the rows' [`Row::numbers`]: the largest of their decimals'.
    scale: u32,
}

/// A subject-month as the periods read it, with the numbers each period adds up read once.
#[derive(Clone, Copy)]
pub(crate) struct Row<'m> {
    /// The month's place in the list.
    pub(crate) month: usize,
    pub(crate) s: SubjectRef<'m>,
    /// Its total, its deductions (the base less its base after deductions) and its bonus as
    /// integers at the list's scale, when each fits 64 bits (else the periods add its decimals).
    numbers: Option<[i64; 3]>,
    /// Its total without trailing zeros, as the periods list it.
    pub(crate) total: Decimal,
    /// E8: the subject's counted complaint occurrences in the month (and in every other month
    /// of the list of the same name: a month given twice counts its records twice).
    pub(crate) complaints: u32,
}

impl BySubject<'_> {
    /// The sums of the numbers of `rows` (of one subject, as [`BySubject::within`] gives them):
    /// the totals, the deductions and the bonuses, each the exact sum's value (its scale the
    /// list's, which may be larger than the decimals' own sum's: the periods use the values
    /// only, in a mean rounded once and in numbers written without trailing zeros). `None` when
    /// a row's numbers or a sum does not fit 64 bits.
    pub(crate) fn sums(&self, rows: &[Row<'_>]) -> Option<[Decimal; 3]> {
        let mut acc = [0i64; 3];
        for r in rows {
            let n = r.numbers?;
            for (a, x) in acc.iter_mut().zip(n) {
                *a = a.checked_add(x)?;
            }
        }
        Some(acc.map(|m| Decimal::new(m, self.scale)))
    }
}

impl<'m> BySubject<'m> {
    /// `base`: the kind's base, from which a subject-month's deductions are taken;
    /// `complaints(mi, id)`: the complaints of subject `id` in the month at `mi` ([`Row::complaints`]).
    fn new(months: &'m [MonthResult], kind: SubjectKind, base: Decimal, complaints: impl Fn(usize, &str) -> u32) -> Self {
        let list = |m: &'m MonthResult| match kind {
            SubjectKind::Staff => &m.staff,
            SubjectKind::Window => &m.windows,
        };
        let n = months.iter().map(|m| list(m).len()).sum();
        // each subject numbered as first met (by a hash of its id), each row tagged with its
        // subject's number, in month order; then the subjects (not the rows) sorted by id, and
        // the rows put in that order by a counting sort, which keeps each subject's in month
        // order. (A stable sort of the rows by id compared ids about twice a row: BENCHMARKS.md,
        // the thirty-first round.)
        // (the ids' first bytes as a number first: ids of more than eight bytes compared whole on a tie)
        // (sized for the first month's subjects: most are in every month)
        let first = months.first().map_or(0, |m| list(m).len());
        let mut number: FastMap<&'m str, u32> = FastMap::with_capacity_and_hasher(first, Default::default());
        let mut ids: Vec<(u64, &'m str)> = Vec::with_capacity(first);
        let mut tagged: Vec<(u32, usize, SubjectRef<'m>)> = Vec::with_capacity(n);
        // (a month mostly lists the subjects of the month before in the same places: a row whose
        // id is that of the row at its place there takes its number without a hash)
        let mut before = 0..0;
        for (mi, m) in months.iter().enumerate() {
            let start = tagged.len();
            for (j, s) in list(m).iter().enumerate() {
                let id = s.subject().as_str();
                let same = (before.start + j < before.end).then(|| tagged[before.start + j]).filter(|t| t.2.subject().as_str() == id);
                let g = match same {
                    Some(t) => t.0,
                    None => *number.entry(id).or_insert_with(|| {
                        ids.push((id_prefix(id), id));
                        ids.len() as u32 - 1
                    }),
                };
                tagged.push((g, mi, s));
            }
            before = start..tagged.len();
        }
        let mut order: Vec<u32> = (0..ids.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let ((pa, a), (pb, b)) = (ids[a as usize], ids[b as usize]);
            cmp_ids(pa, a, pb, b)
        });
        // each subject's place in id order, then where its rows start
        let mut starts = vec![0usize; ids.len() + 1];
        let mut place = vec![0u32; ids.len()];
        for (p, &g) in order.iter().enumerate() {
            place[g as usize] = p as u32;
        }
        for t in &tagged {
            starts[place[t.0 as usize] as usize + 1] += 1;
        }
        for p in 0..ids.len() {
            starts[p + 1] += starts[p];
        }
        let mut next = starts.clone();
        // the numbers the periods add up, at the largest scale of any (read once a row, where
        // each period added the decimals of each of its rows: the year and a quarter read each)
        let scale = tagged.iter().map(|t| t.2.total().scale().max(t.2.base().scale()).max(t.2.bonus().scale())).fold(base.scale(), u32::max);
        let at_scale = |d: Decimal| crate::exact::mantissa_at_64(d, scale);
        let base_at_scale = at_scale(base);
        let row = |mi: usize, s: SubjectRef<'m>| {
            let (total, b, bonus) = (s.total(), s.base(), s.bonus());
            let numbers = (|| Some([at_scale(total)?, base_at_scale?.checked_sub(at_scale(b)?)?, at_scale(bonus)?]))();
            Row { month: mi, s, numbers, total: total.normalize(), complaints: complaints(mi, s.subject().as_str()) }
        };
        // (filled with the first row, each place then written once)
        let mut rows: Vec<Row<'m>> = match tagged.first() {
            Some(&(_, mi, s)) => vec![row(mi, s); n],
            None => Vec::new(),
        };
        for (g, mi, s) in tagged {
            let at = &mut next[place[g as usize] as usize];
            rows[*at] = row(mi, s);
            *at += 1;
        }
        BySubject { rows, starts, scale }
    }

    /// How many subjects the list has.
    pub(crate) fn subjects(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Each subject's rows of the months in `range` (places in the list), subjects by id; those
    /// without a month there are left out.
    pub(crate) fn within(&self, range: Range<usize>) -> impl Iterator<Item = &[Row<'m>]> {
        self.starts.windows(2).filter_map(move |w| {
            let rows = &self.rows[w[0]..w[1]];
            let (a, b) = (rows.partition_point(|r| r.month < range.start), rows.partition_point(|r| r.month < range.end));
            (a < b).then(|| &rows[a..b])
        })
    }
}

/// A list of months (a hall's year, or the months a period was asked for) with what every period
/// within it reads, counted once: the subject-months by subject, each with its complaints (E8).
/// A period takes a range of the list's months: all of them, or (a hall's year, whose months are
/// each there once) some.
pub(crate) struct Counted<'m> {
    pub(crate) months: &'m [MonthResult],
    windows: BySubject<'m>,
    staff: BySubject<'m>,
}

impl<'m> Counted<'m> {
    pub(crate) fn new(policy: &Policy, months: &'m [MonthResult]) -> Self {
        let complaints: Vec<Complaints<'m>> = months.iter().map(|m| policy.complaints(m)).collect();
        // each month's places in the list: itself, or more (a month given twice counts its
        // records twice); the months without a complaint counted left out
        let same: Vec<Vec<usize>> = months.iter().map(|m| (0..months.len()).filter(|&j| months[j].month == m.month).filter(|&j| !complaints[j].is_empty()).collect()).collect();
        let of = |kind: SubjectKind| {
            let (complaints, same) = (&complaints, &same);
            move |mi: usize, id: &str| -> u32 { same[mi].iter().map(|&j| complaints[j].of(kind).get(id).copied().unwrap_or(0)).sum() }
        };
        Counted {
            months,
            windows: BySubject::new(months, SubjectKind::Window, policy.doc().window.base, of(SubjectKind::Window)),
            staff: BySubject::new(months, SubjectKind::Staff, policy.doc().staff.base, of(SubjectKind::Staff)),
        }
    }
    /// The subject-months of one kind, by subject.
    pub(crate) fn by_subject(&self, kind: SubjectKind) -> &BySubject<'m> {
        match kind {
            SubjectKind::Staff => &self.staff,
            SubjectKind::Window => &self.windows,
        }
    }
}

impl Policy {
    /// E8: the counted complaint occurrences of a month, per subject, for windows and for staff
    /// (one pass over the month's record outcomes, whatever periods the month is in).
    pub(crate) fn complaints<'m>(&self, m: &'m MonthResult) -> Complaints<'m> {
        let rules = &self.doc().awards.complaint_rules;
        let mut c = Complaints::default();
        if rules.window.is_empty() && rules.staff.is_empty() {
            return c;
        }
        // whether each rule code the month's outcomes name is a window's (1) or a staff
        // member's (2) complaint rule, found once a month, not once a charge
        let of = |list: &[String], code: &str| list.iter().any(|r| r == code);
        let kinds: Vec<u8> = m.records.codes().iter().map(|c| u8::from(of(&rules.window, c)) | u8::from(of(&rules.staff, c)) << 1).collect();
        for (rule, subject, n) in m.records.charge_counts() {
            let k = kinds[rule];
            if k & 1 != 0 {
                *c.window.entry(m.records.subject_id(subject)).or_default() += n;
            }
            if k & 2 != 0 {
                *c.staff.entry(m.records.subject_id(subject)).or_default() += n;
            }
        }
        c
    }
}
