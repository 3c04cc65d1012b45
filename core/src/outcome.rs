//! Every record's outcome of a month, held compactly (issue 19): one row per record with the
//! record's and its charges' dense indices, counts, points and reason codes, and no text. Ids,
//! codes and the `detail` account are rendered from the evaluation's names when a caller reads
//! them ([`OutcomeRef`]) or writes the result as JSON, which holds the same content as before:
//! a list of [`RecordOutcome`] objects.

use crate::dataset::Status;
use crate::result::{Charge, ChargeFate, Charges, OutcomeKind, Reason, RecordOutcome};
use crate::messages::Lang;
use crate::records::RecordIds;
use crate::render::OutcomeDetail;
use crate::text::Text;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::Arc;

/// The names outcomes are rendered with: record ids by record index, rule codes by item index,
/// subject ids by subject index. One per evaluation, shared by its months.
#[derive(Debug, Default)]
pub(crate) struct OutcomeNames {
    /// Every record's id, by record index (the dataset's own buffer, shared).
    ids: RecordIds,
    codes: Vec<Text>,
    subjects: Vec<Text>,
}

impl OutcomeNames {
    pub(crate) fn new(ids: RecordIds, codes: Vec<Text>, subjects: Vec<Text>) -> OutcomeNames {
        OutcomeNames { ids, codes, subjects }
    }

    fn record(&self, i: u32) -> &str {
        self.ids.get(i)
    }
}

/// One record's outcome, compact: its own charge in place, linked charges in the month's list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OutcomeRow {
    pub(crate) record: u32,
    pub(crate) date: NaiveDate,
    pub(crate) occurrences: u32,
    pub(crate) status: Status,
    pub(crate) outcome: OutcomeKind,
    /// Charges: 0 when the record was not charged at all (its reason is `own.reason`), else its
    /// own charge and `charges - 1` linked ones from `linked` on.
    pub(crate) charges: u32,
    pub(crate) linked: u32,
    pub(crate) own: ChargeFate,
}

/// Which record an outcome is of, as the month holds it: its place in the dataset's records, its
/// date, its occurrences and its status.
pub(crate) type Which = (u32, NaiveDate, u32, Status);

/// One outcome per record dated in the month, in date then id order (C10: every record is
/// there, counted or not, with its reason). Read it through [`OutcomeRef`]s; it is written as
/// JSON as a list of [`RecordOutcome`] objects.
#[derive(Clone, Default)]
pub struct Outcomes {
    names: Arc<OutcomeNames>,
    /// Whether `detail` is rendered (`Explain::Full`); empty otherwise.
    full: bool,
    /// The language `detail` is rendered in.
    lang: Lang,
    rows: Vec<OutcomeRow>,
    linked: Vec<ChargeFate>,
}

impl Outcomes {
    /// Room for `n` records and `linked` linked charges, sized once (a month of a million
    /// records does not grow its lists by doubling).
    pub(crate) fn with_capacity(names: Arc<OutcomeNames>, full: bool, lang: Lang, n: usize, linked: usize) -> Outcomes {
        Outcomes { names, full, lang, rows: Vec::with_capacity(n), linked: Vec::with_capacity(linked) }
    }

    /// A record's outcome: `outcome` `None` when it was not charged (not counted, for
    /// `own.reason`), else its own charge `own` first, then its linked ones from `linked` on in
    /// the list of linked charges.
    fn row((record, date, occurrences, status): Which, outcome: Option<OutcomeKind>, own: ChargeFate, linked: u32, n_linked: u32) -> OutcomeRow {
        match outcome {
            None => OutcomeRow { record, date, occurrences, status, outcome: OutcomeKind::NotCounted, charges: 0, linked: 0, own },
            Some(outcome) => OutcomeRow { record, date, occurrences, status, outcome, charges: 1 + n_linked, linked, own },
        }
    }

    /// Month records' outcomes when none has a linked charge, in one pass (a list of a known
    /// length, with no check of room for each): each record's ([`Outcomes::row`]).
    pub(crate) fn extend_unlinked(&mut self, rows: impl Iterator<Item = (Which, Option<OutcomeKind>, ChargeFate)>) {
        let start = self.linked.len() as u32;
        self.rows.extend(rows.map(|(which, outcome, own)| Outcomes::row(which, outcome, own, start, 0)));
    }

    /// The last record's linked charges, after its own outcome ([`Outcomes::extend_unlinked`]):
    /// they join the list of linked charges, and the record's row counts them when it was
    /// charged.
    pub(crate) fn link_last(&mut self, fates: impl Iterator<Item = ChargeFate>) {
        let start = self.linked.len();
        self.linked.extend(fates);
        // (a record's linked charges follow its own: the month's charging makes them so)
        debug_assert!(!self.rows.is_empty(), "a linked charge without its record's own");
        if let Some(row) = self.rows.last_mut().filter(|r| r.charges > 0) {
            (row.linked, row.charges) = (start as u32, 1 + (self.linked.len() - start) as u32);
        }
    }

    /// The rule codes the outcomes' charges name, by item index ([`Outcomes::charge_counts`]).
    pub(crate) fn codes(&self) -> &[Text] {
        &self.names.codes
    }

    /// Every charge of the month, read straight from its lists (not in the records' order:
    /// the records' own charges, then the linked ones), as (its rule's index among
    /// [`Outcomes::codes`], its subject's index for [`Outcomes::subject_id`], its occurrences):
    /// for sums over the charges, which need no record's outcome.
    pub(crate) fn charge_counts(&self) -> impl Iterator<Item = (usize, u32, u32)> {
        let own = self.rows.iter().filter(|r| r.charges > 0).map(|r| &r.own);
        own.chain(self.linked.iter()).map(|f| (f.item as usize, f.subject, f.occurrences))
    }

    /// The id of the subject at a charge's subject index ([`Outcomes::charge_counts`]).
    pub(crate) fn subject_id(&self, ix: u32) -> &str {
        &self.names.subjects[ix as usize]
    }
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<OutcomeRef<'_>> {
        self.rows.get(i).map(|row| OutcomeRef { set: self, row })
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter { set: self, rows: self.rows.iter() }
    }

    /// The outcome of the record with this id.
    pub fn find(&self, record: &str) -> Option<OutcomeRef<'_>> {
        self.iter().find(|o| o.record() == record)
    }

    /// Every outcome rendered as an owned [`RecordOutcome`].
    pub fn to_vec(&self) -> Vec<RecordOutcome> {
        self.iter().map(|o| o.to_owned()).collect()
    }

    /// Whether `detail` texts are rendered (results evaluated with `Explain::Full`).
    pub fn has_details(&self) -> bool {
        self.full
    }

    /// The language `detail` texts are rendered in (the evaluating policy's).
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The same outcomes with `detail` rendered in `lang`.
    pub fn in_lang(mut self, lang: Lang) -> Outcomes {
        self.lang = lang;
        self
    }
}

impl<'m> IntoIterator for &'m Outcomes {
    type Item = OutcomeRef<'m>;
    type IntoIter = Iter<'m>;
    fn into_iter(self) -> Iter<'m> {
        self.iter()
    }
}

/// The outcomes of a month in order ([`Outcomes::iter`]).
#[derive(Clone)]
pub struct Iter<'m> {
    set: &'m Outcomes,
    rows: std::slice::Iter<'m, OutcomeRow>,
}

impl<'m> Iterator for Iter<'m> {
    type Item = OutcomeRef<'m>;
    fn next(&mut self) -> Option<OutcomeRef<'m>> {
        self.rows.next().map(|row| OutcomeRef { set: self.set, row })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.rows.size_hint()
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.rows.next_back().map(|row| OutcomeRef { set: self.set, row })
    }
}

/// A record's charges ([`OutcomeRef::charges`]): its own, then the linked ones.
#[derive(Clone)]
pub struct ChargeIter<'m> {
    set: &'m Outcomes,
    own: Option<&'m ChargeFate>,
    linked: std::slice::Iter<'m, ChargeFate>,
}

impl<'m> Iterator for ChargeIter<'m> {
    type Item = ChargeRef<'m>;
    fn next(&mut self) -> Option<ChargeRef<'m>> {
        let fate = self.own.take().or_else(|| self.linked.next())?;
        Some(ChargeRef { set: self.set, fate })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::from(self.own.is_some()) + self.linked.len();
        (n, Some(n))
    }
}

impl ExactSizeIterator for ChargeIter<'_> {}

/// Outcomes built from rendered ones (as read from JSON, or written by hand): the names are
/// taken from them, and `detail` is rendered again when any of them had one.
impl From<Vec<RecordOutcome>> for Outcomes {
    fn from(v: Vec<RecordOutcome>) -> Outcomes {
        let mut codes: Vec<Text> = Vec::new();
        let mut subjects: Vec<Text> = Vec::new();
        let intern = |list: &mut Vec<Text>, t: &Text| -> u32 {
            match list.iter().position(|x| x == t) {
                Some(i) => i as u32,
                None => {
                    list.push(t.clone());
                    (list.len() - 1) as u32
                }
            }
        };
        let full = v.iter().any(|o| !o.detail.is_empty());
        let mut rows = Vec::with_capacity(v.len());
        let mut linked = Vec::new();
        for (i, o) in v.iter().enumerate() {
            let mut fate = |c: &Charge| ChargeFate {
                subject: intern(&mut subjects, &c.subject),
                item: intern(&mut codes, &c.rule),
                occurrences: c.occurrences,
                counted: c.counted_occurrences,
                raw: c.raw,
                points: c.points,
                reason: c.reason,
            };
            let own = match o.charges.first() {
                Some(c) => fate(c),
                None => fate(&Charge {
                    subject: o.subject.clone(),
                    rule: o.rule.clone(),
                    occurrences: 0,
                    counted_occurrences: o.counted_occurrences,
                    raw: Decimal::ZERO,
                    points: o.points,
                    reason: o.reason,
                }),
            };
            let start = linked.len() as u32;
            for c in o.charges.iter().skip(1) {
                linked.push(fate(c));
            }
            rows.push(OutcomeRow {
                record: i as u32,
                date: o.date,
                occurrences: o.occurrences,
                status: o.status,
                outcome: o.outcome,
                charges: o.charges.len() as u32,
                linked: start,
                own,
            });
        }
        let names = OutcomeNames::new(RecordIds::of(v.iter().map(|o| o.record.as_str())), codes, subjects);
        Outcomes { names: Arc::new(names), full, lang: Lang::default(), rows, linked }
    }
}

impl PartialEq for Outcomes {
    fn eq(&self, other: &Outcomes) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a.same_as(&b))
    }
}

impl fmt::Debug for Outcomes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter().map(|o| o.to_owned())).finish()
    }
}

impl Serialize for Outcomes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for o in self.iter() {
            seq.serialize_element(&o)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Outcomes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Outcomes, D::Error> {
        Vec::<RecordOutcome>::deserialize(d).map(Outcomes::from)
    }
}

impl JsonSchema for Outcomes {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Vec<RecordOutcome> as JsonSchema>::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        <Vec<RecordOutcome> as JsonSchema>::schema_id()
    }
    fn inline_schema() -> bool {
        <Vec<RecordOutcome> as JsonSchema>::inline_schema()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<RecordOutcome> as JsonSchema>::json_schema(g)
    }
}

/// One record's outcome, read from [`Outcomes`]: every field of [`RecordOutcome`], rendered
/// when asked.
#[derive(Clone, Copy)]
pub struct OutcomeRef<'m> {
    set: &'m Outcomes,
    row: &'m OutcomeRow,
}

impl<'m> OutcomeRef<'m> {
    pub fn record(&self) -> &'m str {
        self.set.names.record(self.row.record)
    }
    pub fn rule(&self) -> &'m str {
        &self.set.names.codes[self.row.own.item as usize]
    }
    pub fn subject(&self) -> &'m str {
        &self.set.names.subjects[self.row.own.subject as usize]
    }
    pub fn date(&self) -> NaiveDate {
        self.row.date
    }
    pub fn status(&self) -> Status {
        self.row.status
    }
    pub fn outcome(&self) -> OutcomeKind {
        self.row.outcome
    }
    /// Occurrences on the record (C8).
    pub fn occurrences(&self) -> u32 {
        self.row.occurrences
    }
    /// Occurrences that counted on the record's own item.
    pub fn counted_occurrences(&self) -> u32 {
        self.row.own.counted
    }
    /// Points that counted on the record's own item.
    pub fn points(&self) -> Decimal {
        self.row.own.points
    }
    /// Why it did not count, or not fully.
    pub fn reason(&self) -> Option<Reason> {
        self.row.own.reason
    }
    /// The account in words ("1 of 3 counted: yearly cap (3 of 9 point(s))"), rendered now;
    /// empty for results evaluated without text.
    pub fn detail(&self) -> String {
        self.detail_text(self.set.lang).to_string()
    }
    /// [`OutcomeRef::detail`] in another language.
    pub fn detail_in(&self, lang: Lang) -> String {
        self.detail_text(lang).to_string()
    }
    fn detail_text(&self, lang: Lang) -> OutcomeDetail<'m> {
        OutcomeDetail { full: self.set.full, lang, charged: self.row.charges > 0, outcome: self.row.outcome, own: &self.row.own }
    }
    /// Every subject and item the record was charged to (its own item first, then linked ones);
    /// none for a record not counted before it was charged (pending, revoked, …).
    pub fn charges(&self) -> ChargeIter<'m> {
        let (set, row) = (self.set, self.row);
        let linked = match row.charges {
            0 => &[][..],
            n => &set.linked[row.linked as usize..(row.linked + n - 1) as usize],
        };
        ChargeIter { set, own: (row.charges > 0).then_some(&row.own), linked: linked.iter() }
    }
    /// The number of charges (see [`OutcomeRef::charges`]).
    pub fn charge_count(&self) -> usize {
        self.row.charges as usize
    }
    /// The outcome rendered as an owned [`RecordOutcome`].
    pub fn to_owned(&self) -> RecordOutcome {
        RecordOutcome {
            record: Text::new(self.record()),
            rule: Text::new(self.rule()),
            subject: Text::new(self.subject()),
            date: self.date(),
            status: self.status(),
            outcome: self.outcome(),
            occurrences: self.occurrences(),
            counted_occurrences: self.counted_occurrences(),
            points: self.points(),
            reason: self.reason(),
            detail: Text::new(&self.detail()),
            charges: self.charges().map(|c| c.to_owned()).collect::<Charges>(),
        }
    }
    fn same_as(&self, o: &OutcomeRef<'_>) -> bool {
        let (a, b) = (self.row, o.row);
        self.record() == o.record()
            && self.rule() == o.rule()
            && self.subject() == o.subject()
            && (a.date, a.status, a.outcome, a.occurrences, a.charges) == (b.date, b.status, b.outcome, b.occurrences, b.charges)
            && (a.own.counted, a.own.points, a.own.reason) == (b.own.counted, b.own.points, b.own.reason)
            && self.detail() == o.detail()
            && self.charges().zip(o.charges()).all(|(x, y)| x.to_owned() == y.to_owned())
    }
}

impl fmt::Debug for OutcomeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.to_owned().fmt(f)
    }
}

impl Serialize for OutcomeRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // the fields, names and order of `RecordOutcome`'s derived form
        let reason = self.reason();
        let mut st = s.serialize_struct("RecordOutcome", 11 + usize::from(reason.is_some()))?;
        st.serialize_field("record", self.record())?;
        st.serialize_field("rule", self.rule())?;
        st.serialize_field("subject", self.subject())?;
        st.serialize_field("date", &Iso(self.date()))?;
        st.serialize_field("status", &self.status())?;
        st.serialize_field("outcome", &self.outcome())?;
        st.serialize_field("occurrences", &self.occurrences())?;
        st.serialize_field("counted_occurrences", &self.counted_occurrences())?;
        st.serialize_field("points", &AsDec(self.points()))?;
        match reason {
            Some(r) => st.serialize_field("reason", &r)?,
            None => st.skip_field("reason")?,
        }
        st.serialize_field("detail", &Rendered(self.detail_text(self.set.lang)))?;
        st.serialize_field("charges", &ChargeList(*self))?;
        st.end()
    }
}

struct ChargeList<'m>(OutcomeRef<'m>);

impl Serialize for ChargeList<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.charge_count()))?;
        for c in self.0.charges() {
            seq.serialize_element(&c)?;
        }
        seq.end()
    }
}

/// A date as `YYYY-MM-DD`, as every date of a result is written.
struct Iso(NaiveDate);

impl Serialize for Iso {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::month::ser_date(&self.0, s)
    }
}

/// A decimal as results write points.
struct AsDec(Decimal);

impl Serialize for AsDec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::text::ser_dec(&self.0, s)
    }
}

/// A text written without being collected first.
struct Rendered<T: fmt::Display>(T);

impl<T: fmt::Display> Serialize for Rendered<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// One charge of a record's outcome, read from [`Outcomes`].
#[derive(Clone, Copy)]
pub struct ChargeRef<'m> {
    set: &'m Outcomes,
    fate: &'m ChargeFate,
}

impl<'m> ChargeRef<'m> {
    pub fn subject(&self) -> &'m str {
        &self.set.names.subjects[self.fate.subject as usize]
    }
    pub fn rule(&self) -> &'m str {
        &self.set.names.codes[self.fate.item as usize]
    }
    pub fn occurrences(&self) -> u32 {
        self.fate.occurrences
    }
    pub fn counted_occurrences(&self) -> u32 {
        self.fate.counted
    }
    pub fn raw(&self) -> Decimal {
        self.fate.raw
    }
    pub fn points(&self) -> Decimal {
        self.fate.points
    }
    pub fn reason(&self) -> Option<Reason> {
        self.fate.reason
    }
    pub fn to_owned(&self) -> Charge {
        Charge {
            subject: Text::new(self.subject()),
            rule: Text::new(self.rule()),
            occurrences: self.occurrences(),
            counted_occurrences: self.counted_occurrences(),
            raw: self.raw(),
            points: self.points(),
            reason: self.reason(),
        }
    }
}

impl Serialize for ChargeRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let reason = self.reason();
        let mut st = s.serialize_struct("Charge", 6 + usize::from(reason.is_some()))?;
        st.serialize_field("subject", self.subject())?;
        st.serialize_field("rule", self.rule())?;
        st.serialize_field("occurrences", &self.occurrences())?;
        st.serialize_field("counted_occurrences", &self.counted_occurrences())?;
        st.serialize_field("raw", &AsDec(self.raw()))?;
        st.serialize_field("points", &AsDec(self.points()))?;
        match reason {
            Some(r) => st.serialize_field("reason", &r)?,
            None => st.skip_field("reason")?,
        }
        st.end()
    }
}
