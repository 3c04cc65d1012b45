//! A dataset's records as they are held once read ([`crate::dataset::Dataset::records`]): one
//! compact row per record, its texts in shared pools, read through [`RecordRef`] views.
//!
//! A record as a struct of strings ([`Record`]) is 152 bytes; a province's million of them were
//! 146 of the 230 MiB its evaluation peaked at (issue 19, BENCHMARKS.md, the fifteenth round).
//! Here a record is a 40-byte row: its id in one text buffer, its rule code and subject interned
//! (a hall has a few dozen codes and a few hundred subjects, so validation maps each once, not
//! each record), its evidence, note and key interned too (notes repeat: the province's 575,000
//! notes are 21,000 distinct texts), and its stated points and units, which few records give, in
//! a list apart. Reading and writing JSON is unchanged: the list reads and writes as a list of
//! [`RecordFields`], and its schema is that list's.
//!
//! ```
//! use kaoping_core::dataset::Dataset;
//! let ds = Dataset::from_json(r#"{"hall": {"id": "H", "name": "大厅"}, "year": 2026,
//!     "records": [{"id": "R1", "rule": "S1.1", "subject": "S1", "date": "2026-01-05", "minutes": 45}]}"#).unwrap();
//! let r = ds.records.get(0).unwrap();
//! assert_eq!((r.id(), r.rule(), r.minutes()), ("R1", "S1.1", Some(45)));
//! let owned: Vec<kaoping_core::Record> = ds.records.to_vec();
//! assert_eq!(owned[0].subject, "S1");
//! ```

use crate::dataset::{Id, Level, RareFields, Record, RecordFields, Status};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use string_interner::backend::{Backend, StringBackend};
use string_interner::symbol::{Symbol as _, SymbolU32};
use string_interner::StringInterner;
use std::sync::Arc;

type Symbol = SymbolU32;
/// Distinct texts, each held once, found by their text.
type Pool = StringInterner<StringBackend<Symbol>, foldhash::fast::FixedState>;

/// A pool's recently added short texts, by their bytes: a text found here is neither hashed nor
/// compared as the pool finds it. Written here because the benchmark shows the pool's lookup
/// is the bottleneck once records are read straight from the text: interning each record's
/// code and subject was 4.0 M of the county's 21.7 M parse instructions (BENCHMARKS.md, the
/// nineteenth round). A text of 1 to 15 bytes is its bytes and its length in one number; each
/// number has one slot, found by its hash (foldhash), and a slot holds the last text put there.
/// (The slots are made with a list sized for a parse, `Records::with_capacity`, and dropped when
/// it is shrunk after it: a dataset held for its evaluation does not keep them.)
#[derive(Clone, Default)]
struct Recent(Option<Box<Slots>>);

const RECENT: usize = 512;

/// Each slot: a text's bytes and length as one number, and its symbol (none yet).
type Slots = [(u128, Option<Symbol>); RECENT];

impl Recent {
    /// Slots for a list of `n` records, none for an empty one.
    fn sized(n: usize) -> Recent {
        Recent((n > 0).then(|| Box::new([(0, None); RECENT])))
    }

    /// `s`'s symbol in `pool`, added there if new (what `pool.get_or_intern(s)` gives).
    fn get_or_intern(&mut self, pool: &mut Pool, s: &str) -> Symbol {
        use std::hash::BuildHasher;
        let n = s.len();
        if n == 0 || n > 15 {
            return pool.get_or_intern(s);
        }
        let mut bytes = [0u8; 16];
        bytes[..n].copy_from_slice(s.as_bytes());
        bytes[15] = n as u8;
        let key = u128::from_le_bytes(bytes);
        let Some(slots) = &mut self.0 else { return pool.get_or_intern(s) };
        let slot = &mut slots[foldhash::fast::FixedState::default().hash_one(key) as usize % RECENT];
        match *slot {
            (k, Some(symbol)) if k == key => symbol,
            _ => {
                let symbol = pool.get_or_intern(s);
                *slot = (key, Some(symbol));
                symbol
            }
        }
    }
}

/// One record: its texts as places in the list's pools.
#[derive(Debug, Clone, Copy)]
struct Row {
    id: Symbol,
    rule: Symbol,
    subject: Symbol,
    evidence: Option<Symbol>,
    note: Option<Symbol>,
    date: NaiveDate,
    count: u32,
    /// the minutes when `MINUTES` is set
    minutes: u32,
    /// 0, or 1 + the place of the record's rare fields
    rare: u32,
    level: Option<Level>,
    status: Status,
    flags: u8,
}

const AGGRAVATED: u8 = 1;
const MINUTES: u8 = 2;

const _: () = assert!(std::mem::size_of::<Row>() == 40);

/// The records of a dataset, in their order. Read one with [`Records::get`] or all with
/// [`Records::iter`] (each a [`RecordRef`], whose methods are the fields' names); add with
/// [`Records::push`]; make owned [`Record`]s with [`Records::to_vec`] or [`RecordRef::to_record`].
#[derive(Clone)]
pub struct Records {
    rows: Vec<Row>,
    /// every record's id, one after another (ids are distinct: nothing to share), shared with
    /// the results' outcomes ([`RecordIds`]) rather than copied for them
    ids: Arc<StringBackend<Symbol>>,
    codes: Pool,
    subjects: Pool,
    /// the codes and subjects added last, found without the pools' lookup
    recent: [Recent; 2],
    /// evidence, notes and keys
    texts: Pool,
    rare: Vec<RareFields>,
}

impl Default for Records {
    fn default() -> Records {
        Records::with_capacity(0)
    }
}

impl Records {
    pub fn new() -> Records {
        Records::default()
    }

    /// An empty list with room for `n` records.
    pub fn with_capacity(n: usize) -> Records {
        let pool = || Pool::with_hasher(foldhash::fast::FixedState::default());
        Records { rows: Vec::with_capacity(n), ids: Arc::new(StringBackend::with_capacity(n)), codes: pool(), subjects: pool(), recent: [Recent::sized(n), Recent::sized(n)], texts: pool(), rare: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The record at `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<RecordRef<'_>> {
        self.rows.get(i).map(|row| RecordRef { all: self, row })
    }

    /// The record at `i` (crate code holds indices of records it has read: in range).
    pub(crate) fn at(&self, i: usize) -> RecordRef<'_> {
        RecordRef { all: self, row: &self.rows[i] }
    }

    pub fn first(&self) -> Option<RecordRef<'_>> {
        self.get(0)
    }

    pub fn last(&self) -> Option<RecordRef<'_>> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// Every record, in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter { all: self, rows: self.rows.iter() }
    }

    /// Every record as an owned [`Record`].
    pub fn to_vec(&self) -> Vec<Record> {
        self.iter().map(RecordRef::to_record).collect()
    }

    /// Adds a record at the end.
    pub fn push(&mut self, r: Record) {
        let Record { id, rule, subject, date, count, minutes, level, aggravated, status, evidence, note, rare } = r;
        let rare = rare.map(|b| *b);
        self.add(Parts { id: &id, rule: &rule, subject: &subject, date, count, minutes, level, aggravated, status, evidence: evidence.as_deref(), note: note.as_deref(), rare });
    }

    /// Adds a record at the end, as written (its strings [`Id`]s, or any other string type).
    pub fn push_fields<S: AsRef<str>>(&mut self, r: RecordFields<S>) {
        self.adding().push_fields(r);
    }

    /// Adds a copy of a record of this or another list.
    pub fn push_ref(&mut self, r: RecordRef<'_>) {
        let rare = r.rare().cloned();
        self.add(Parts {
            id: r.id(),
            rule: r.rule(),
            subject: r.subject(),
            date: r.date(),
            count: r.count(),
            minutes: r.minutes(),
            level: r.level(),
            aggravated: r.aggravated(),
            status: r.status(),
            evidence: r.evidence(),
            note: r.note(),
            rare,
        });
    }

    fn add(&mut self, p: Parts<'_>) {
        self.adding().add(p);
    }

    /// The list opened for adding records one after another (see [`Adding`]).
    pub(crate) fn adding(&mut self) -> Adding<'_> {
        let Records { rows, ids, codes, subjects, recent, texts, rare } = self;
        // (the buffer is copied first only if results still share it: see `RecordIds`)
        Adding { rows, ids: Arc::make_mut(ids), codes, subjects, recent, texts, rare }
    }

    /// Keeps the records `keep` says yes to, in order, in place (the texts of the others stay
    /// held until the list is cleared or dropped; `iter().filter(…).collect()` makes a list of
    /// the kept ones' texts alone).
    pub fn retain(&mut self, mut keep: impl FnMut(RecordRef<'_>) -> bool) {
        let kept: Vec<bool> = self.iter().map(&mut keep).collect();
        let mut kept = kept.into_iter();
        self.rows.retain(|_| kept.next().unwrap_or(false));
    }

    /// Keeps the first `n` records (in place, as [`Records::retain`]).
    pub fn truncate(&mut self, n: usize) {
        self.rows.truncate(n);
    }

    pub fn clear(&mut self) {
        *self = Records::default();
    }

    pub fn shrink_to_fit(&mut self) {
        self.recent = Default::default();
        self.rows.shrink_to_fit();
        if let Some(ids) = Arc::get_mut(&mut self.ids) {
            ids.shrink_to_fit();
        }
        self.codes.shrink_to_fit();
        self.subjects.shrink_to_fit();
        self.texts.shrink_to_fit();
        self.rare.shrink_to_fit();
    }

    /// The distinct rule codes the records name, each with the number
    /// [`RecordRef::rule_index`] gives a record of that code.
    pub(crate) fn codes(&self) -> impl Iterator<Item = (usize, &str)> {
        self.codes.iter().map(|(s, c)| (s.to_usize(), c))
    }

    /// The distinct subjects the records name, each with the number
    /// [`RecordRef::subject_index`] gives a record of that subject.
    pub(crate) fn subjects(&self) -> impl Iterator<Item = (usize, &str)> {
        self.subjects.iter().map(|(s, c)| (s.to_usize(), c))
    }

    /// Every record's id by its place, for the results' outcomes: the list's own buffer of ids,
    /// shared, not copied (a province's ids are 6 MB, and copying them was 7.6 % of validation's
    /// instructions: BENCHMARKS.md, the seventeenth round).
    pub(crate) fn ids(&self) -> RecordIds {
        // a list read from JSON and not cut holds record `i`'s id as the buffer's `i`th
        let in_order = self.rows.iter().enumerate().all(|(i, r)| r.id.to_usize() == i);
        RecordIds { buf: Arc::clone(&self.ids), at: (!in_order).then(|| self.rows.iter().map(|r| r.id).collect()) }
    }

    /// The longest rule code or subject, and the longest evidence, note or key, in bytes.
    pub(crate) fn longest(&self) -> (usize, usize) {
        let most = |p: &Pool| p.iter().map(|(_, s)| s.len()).max().unwrap_or(0);
        (most(&self.codes).max(most(&self.subjects)), most(&self.texts))
    }

    /// Bytes the list holds on the heap, about (its rows, texts and rare fields).
    pub fn heap_bytes(&self) -> usize {
        let text = |p: &Pool| p.iter().map(|(_, s)| s.len() + 16).sum::<usize>();
        self.rows.capacity() * std::mem::size_of::<Row>()
            + self.ids.iter().map(|(_, s)| s.len() + 8).sum::<usize>()
            + text(&self.codes)
            + text(&self.subjects)
            + text(&self.texts)
            + self.rare.capacity() * std::mem::size_of::<RareFields>()
    }
}

/// A list opened for adding records one after another ([`Records::adding`]): its id buffer is
/// held once, where [`Records::push`] checks that no result shares it for each record. The check
/// is an atomic operation, which stalled the province's parse about 5 % of its time (a sampling
/// profile, BENCHMARKS.md, the twenty-third round).
pub(crate) struct Adding<'r> {
    rows: &'r mut Vec<Row>,
    ids: &'r mut StringBackend<Symbol>,
    codes: &'r mut Pool,
    subjects: &'r mut Pool,
    recent: &'r mut [Recent; 2],
    texts: &'r mut Pool,
    rare: &'r mut Vec<RareFields>,
}

impl Adding<'_> {
    /// How many records the list has.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// [`Records::push_fields`].
    pub(crate) fn push_fields<S: AsRef<str>>(&mut self, r: RecordFields<S>) {
        let RecordFields { id, rule, subject, date, count, minutes, points, units, level, key, aggravated, status, evidence, note } = r;
        let key = key.map(|k| Id::from(k.as_ref()));
        let rare = (points.is_some() || units.is_some() || key.is_some()).then_some(RareFields { points, units, key });
        let (evidence, note) = (evidence.as_ref().map(AsRef::as_ref), note.as_ref().map(AsRef::as_ref));
        self.add(Parts { id: id.as_ref(), rule: rule.as_ref(), subject: subject.as_ref(), date, count, minutes, level, aggravated, status, evidence, note, rare });
    }

    /// Adds the record in `text` (one JSON object), read by sonic-rs as the list reads each of
    /// its records: `None`, and nothing added, when it is not one.
    pub(crate) fn push_json(&mut self, text: &str) -> Option<()> {
        self.push_fields(sonic_rs::from_str::<RecordFields<Borrowed<'_>>>(text).ok()?);
        Some(())
    }

    // (inlined: a parse adds every record through here, and a call moved its `Parts` through
    // memory three times a record: BENCHMARKS.md, the twentieth round)
    #[inline(always)]
    fn add(&mut self, p: Parts<'_>) {
        let rare = match p.rare {
            None => 0,
            Some(f) => {
                self.rare.push(f);
                // at most MAX_RECORDS (5,000,000) records are read from a document
                u32::try_from(self.rare.len()).unwrap_or(u32::MAX)
            }
        };
        let mut flags = 0;
        if p.aggravated {
            flags |= AGGRAVATED;
        }
        if p.minutes.is_some() {
            flags |= MINUTES;
        }
        self.rows.push(Row {
            id: self.ids.intern(p.id),
            rule: self.recent[0].get_or_intern(self.codes, p.rule),
            subject: self.recent[1].get_or_intern(self.subjects, p.subject),
            evidence: p.evidence.map(|e| self.texts.get_or_intern(e)),
            note: p.note.map(|n| self.texts.get_or_intern(n)),
            date: p.date,
            count: p.count,
            minutes: p.minutes.unwrap_or(0),
            rare,
            level: p.level,
            status: p.status,
            flags,
        });
    }
}

/// A record's fields, borrowed, as they are added.
struct Parts<'s> {
    id: &'s str,
    rule: &'s str,
    subject: &'s str,
    date: NaiveDate,
    count: u32,
    minutes: Option<u32>,
    level: Option<Level>,
    aggravated: bool,
    status: Status,
    evidence: Option<&'s str>,
    note: Option<&'s str>,
    rare: Option<RareFields>,
}

/// Record ids by record place, as results' outcomes name their records: a [`Records`] list's
/// buffer of ids, shared (with the ids' places in it when they are not the records' own, as after
/// [`Records::retain`]), or ids of their own (outcomes read from JSON).
#[derive(Debug, Default)]
pub(crate) struct RecordIds {
    buf: Arc<StringBackend<Symbol>>,
    at: Option<Vec<Symbol>>,
}

impl RecordIds {
    /// Ids of their own, in order.
    pub(crate) fn of<'a>(ids: impl Iterator<Item = &'a str>) -> RecordIds {
        let mut buf = StringBackend::default();
        for id in ids {
            buf.intern(id);
        }
        RecordIds { buf: Arc::new(buf), at: None }
    }

    /// Record `i`'s id.
    pub(crate) fn get(&self, i: u32) -> &str {
        let sym = match &self.at {
            Some(at) => at.get(i as usize).copied(),
            None => Symbol::try_from_usize(i as usize),
        };
        sym.and_then(|s| self.buf.resolve(s)).unwrap_or_default()
    }
}

/// One record of a [`Records`] list, read in place: its methods are [`RecordFields`]' names.
#[derive(Clone, Copy)]
pub struct RecordRef<'a> {
    all: &'a Records,
    row: &'a Row,
}

impl<'a> RecordRef<'a> {
    /// Unique within the dataset.
    pub fn id(self) -> &'a str {
        self.all.ids.resolve(self.row.id).unwrap_or_default()
    }

    /// The rule item code (`S1.1`, `WB.3`, …).
    pub fn rule(self) -> &'a str {
        self.all.codes.resolve(self.row.rule).unwrap_or_default()
    }

    /// A staff id for staff rules, a window id for window rules.
    pub fn subject(self) -> &'a str {
        self.all.subjects.resolve(self.row.subject).unwrap_or_default()
    }

    pub fn date(self) -> NaiveDate {
        self.row.date
    }

    /// Occurrences this line stands for (C8).
    pub fn count(self) -> u32 {
        self.row.count
    }

    /// Minutes late / absent.
    pub fn minutes(self) -> Option<u32> {
        (self.row.flags & MINUTES != 0).then_some(self.row.minutes)
    }

    pub fn level(self) -> Option<Level> {
        self.row.level
    }

    pub fn aggravated(self) -> bool {
        self.row.flags & AGGRAVATED != 0
    }

    pub fn status(self) -> Status {
        self.row.status
    }

    pub fn evidence(self) -> Option<&'a str> {
        self.row.evidence.and_then(|s| self.all.texts.resolve(s))
    }

    pub fn note(self) -> Option<&'a str> {
        self.row.note.and_then(|s| self.all.texts.resolve(s))
    }

    fn rare(self) -> Option<&'a RareFields> {
        (self.row.rare as usize).checked_sub(1).and_then(|i| self.all.rare.get(i))
    }

    /// Points for discretionary items (C7).
    pub fn points(self) -> Option<Decimal> {
        self.rare()?.points
    }

    /// Units for per-unit items.
    pub fn units(self) -> Option<Decimal> {
        self.rare()?.units
    }

    /// The achievement key (C4).
    pub fn key(self) -> Option<&'a str> {
        self.rare()?.key.as_deref()
    }

    /// The number of the record's rule code among [`Records::codes`].
    pub(crate) fn rule_index(self) -> usize {
        self.row.rule.to_usize()
    }

    /// The number of the record's subject among [`Records::subjects`].
    pub(crate) fn subject_index(self) -> usize {
        self.row.subject.to_usize()
    }

    /// Whether the two are the same record of the same list.
    pub(crate) fn same(self, other: RecordRef<'_>) -> bool {
        std::ptr::eq(self.row, other.row)
    }

    /// The record as an owned [`Record`].
    pub fn to_record(self) -> Record {
        Record {
            id: Id::from(self.id()),
            rule: Id::from(self.rule()),
            subject: Id::from(self.subject()),
            date: self.date(),
            count: self.count(),
            minutes: self.minutes(),
            level: self.level(),
            aggravated: self.aggravated(),
            status: self.status(),
            evidence: self.evidence().map(Id::from),
            note: self.note().map(Id::from),
            rare: self.rare().cloned().map(Box::new),
        }
    }
}

impl PartialEq for RecordRef<'_> {
    fn eq(&self, o: &Self) -> bool {
        let (a, b) = (*self, *o);
        a.id() == b.id()
            && a.rule() == b.rule()
            && a.subject() == b.subject()
            && a.row.date == b.row.date
            && a.row.count == b.row.count
            && a.minutes() == b.minutes()
            && a.row.level == b.row.level
            && a.aggravated() == b.aggravated()
            && a.row.status == b.row.status
            && a.evidence() == b.evidence()
            && a.note() == b.note()
            && a.rare() == b.rare()
    }
}

impl PartialEq<Record> for RecordRef<'_> {
    fn eq(&self, o: &Record) -> bool {
        self.to_record() == *o
    }
}

impl std::fmt::Debug for RecordRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.to_record().fmt(f)
    }
}

impl Serialize for RecordRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        RecordFields::from(self.to_record()).serialize(s)
    }
}

impl PartialEq for Records {
    fn eq(&self, o: &Records) -> bool {
        self.len() == o.len() && self.iter().eq(o.iter())
    }
}

impl std::fmt::Debug for Records {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The records of a list in order ([`Records::iter`]).
#[derive(Clone)]
pub struct Iter<'a> {
    all: &'a Records,
    rows: std::slice::Iter<'a, Row>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = RecordRef<'a>;
    fn next(&mut self) -> Option<RecordRef<'a>> {
        self.rows.next().map(|row| RecordRef { all: self.all, row })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.rows.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.rows.next_back().map(|row| RecordRef { all: self.all, row })
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Records {
    type Item = RecordRef<'a>;
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl Extend<Record> for Records {
    fn extend<I: IntoIterator<Item = Record>>(&mut self, it: I) {
        for r in it {
            self.push(r);
        }
    }
}

impl FromIterator<Record> for Records {
    fn from_iter<I: IntoIterator<Item = Record>>(it: I) -> Records {
        let mut out = Records::new();
        out.extend(it);
        out
    }
}

impl<'a> Extend<RecordRef<'a>> for Records {
    fn extend<I: IntoIterator<Item = RecordRef<'a>>>(&mut self, it: I) {
        for r in it {
            self.push_ref(r);
        }
    }
}

impl<'a> FromIterator<RecordRef<'a>> for Records {
    fn from_iter<I: IntoIterator<Item = RecordRef<'a>>>(it: I) -> Records {
        let mut out = Records::new();
        out.extend(it);
        out
    }
}

impl From<Vec<Record>> for Records {
    fn from(v: Vec<Record>) -> Records {
        let mut out = Records::with_capacity(v.len());
        out.extend(v);
        out
    }
}

impl Serialize for Records {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Records {
    /// The records, refused as soon as there is one past [`crate::limits::MAX_RECORDS`]: the
    /// parser stops there instead of reading the rest of the document first.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Records, D::Error> {
        d.deserialize_seq(Within(crate::limits::MAX_RECORDS))
    }
}

/// A list of records of at most `.0` members.
struct Within(usize);

std::thread_local! {
    /// How many records the document being parsed on this thread may hold, from its length: a
    /// record takes at least 60 bytes of JSON (`{"id":…,"rule":…,"subject":…,"date":…}`), most
    /// about 100, so the list is sized once at a little more than it needs, and shrunk after.
    /// Read (and reset) by the first list of records parsed.
    pub(crate) static RECORDS_HINT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl<'de> serde::de::Visitor<'de> for Within {
    type Value = Records;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of records")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Records, A::Error> {
        // sized once from the document's length (see `RECORDS_HINT`), not grown by doubling: a
        // record moved again at every growth, into memory the system must clear first, was a
        // fifth of parsing's time
        let mut out = Records::with_capacity(RECORDS_HINT.take().min(self.0));
        // each record added where it is read, not handed back through the sequence first
        while seq.next_element_seed(PushRecord(&mut out))?.is_some() {
            if out.len() > self.0 {
                return Err(serde::de::Error::custom(crate::dataset::too_many_records(self.0)));
            }
        }
        out.shrink_to_fit();
        Ok(out)
    }
}

/// Reads one record into the list, its strings borrowed from the document where it allows.
struct PushRecord<'v>(&'v mut Records);

impl<'de> serde::de::DeserializeSeed<'de> for PushRecord<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.0.push_fields(RecordFields::<Borrowed<'de>>::deserialize(d)?);
        Ok(())
    }
}

/// A record's string on its way into the list: the document's own text when it has no escapes
/// (and the parser lends it), a copy otherwise. The list interns it, so a copy made first (an
/// [`Id`]) was work thrown away: 9 % of the parse's instructions (BENCHMARKS.md, the seventeenth
/// round). It reads as an [`Id`] does, with the same message for a value that is not a string.
struct Borrowed<'a>(std::borrow::Cow<'a, str>);

impl AsRef<str> for Borrowed<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Borrowed<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Text;
        impl<'de> serde::de::Visitor<'de> for Text {
            type Value = Borrowed<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                // what an `Id` (compact_str) says, so that a problem reads the same either way
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Borrowed(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Borrowed(std::borrow::Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Borrowed(std::borrow::Cow::Owned(v)))
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
                match std::str::from_utf8(v) {
                    Ok(s) => self.visit_str(s),
                    Err(_) => Err(E::invalid_value(serde::de::Unexpected::Bytes(v), &self)),
                }
            }
        }
        d.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, note: Option<&str>) -> Record {
        let mut r = Record::from(
            serde_json::from_str::<RecordFields>(r#"{"id":"x","rule":"S1.1","subject":"S1","date":"2026-01-05"}"#).expect("a record"),
        );
        r.id = id.into();
        r.note = note.map(Id::from);
        r
    }

    /// Each field reads back as it was given; notes alike are held once.
    #[test]
    fn fields_read_back_and_notes_are_shared() {
        let mut a = rec("R1", Some("迟到，已批评教育"));
        a.minutes = Some(0);
        a.aggravated = true;
        a.level = Some(Level::City);
        a.status = Status::Pending;
        a.evidence = Some("IMG_1".into());
        a.rare_mut().points = Some(Decimal::new(250, 2));
        a.rare_mut().key = Some("K".into());
        let b = rec("R2", Some("迟到，已批评教育"));
        let list: Records = vec![a.clone(), b.clone()].into();
        assert_eq!(list.to_vec(), vec![a.clone(), b]);
        let r = list.get(0).expect("two records");
        assert_eq!((r.minutes(), r.aggravated(), r.level(), r.status(), r.evidence(), r.key()), (Some(0), true, Some(Level::City), Status::Pending, Some("IMG_1"), Some("K")));
        assert_eq!(r.points().map(|p| p.to_string()).as_deref(), Some("2.50"));
        assert_eq!(list.get(1).and_then(|r| r.minutes()), None);
        assert_eq!(list.texts.len(), 2, "one note and one evidence");
        assert_eq!(list.codes().count(), 1);
        assert!(list.get(2).is_none());
    }

    /// The list writes the JSON a list of owned records writes, byte for byte, and reads back
    /// equal (the sample hall: every field of a record appears in it).
    #[test]
    fn the_json_is_a_list_of_records() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/county-2026.json")).expect("the sample");
        let ds = crate::dataset::Dataset::from_json(&text).expect("parses");
        assert!(ds.records.len() > 1000);
        let owned = ds.records.to_vec();
        assert_eq!(serde_json::to_string(&ds.records).expect("written"), serde_json::to_string(&owned).expect("written"));
        let again: Records = serde_json::from_str(&serde_json::to_string(&ds.records).expect("written")).expect("read");
        assert_eq!(again, ds.records);
        assert_eq!(Records::from(owned.clone()), ds.records);
        assert!(ds.records.iter().zip(&owned).all(|(r, o)| r == *o));
        // every field is given by some record of the sample
        assert!(ds.records.iter().any(|r| r.minutes().is_some()) && ds.records.iter().any(|r| r.points().is_some()));
        assert!(ds.records.iter().any(|r| r.level().is_some()) && ds.records.iter().any(|r| r.key().is_some()));
        assert!(ds.records.iter().any(|r| r.evidence().is_some()) && ds.records.iter().any(|r| r.note().is_some()));
        assert!(ds.records.iter().any(|r| r.aggravated()) && ds.records.iter().any(|r| r.status() != Status::Confirmed));
        assert!(ds.records.iter().any(|r| r.count() > 1));
    }

    /// Strings written with escapes are read unescaped (a copy, where plain ones are borrowed from
    /// the document), by both parsers, and a field that is not a string is refused as an `Id`'s
    /// is: with the same message.
    #[test]
    fn escaped_strings_read_unescaped() {
        let doc = |records: &str| format!(r#"{{"hall": {{"id": "H", "name": "大厅"}}, "year": 2026, "records": {records}}}"#);
        let text = doc(r#"[{"id": "R\u0031", "rule": "S1.\u0031", "subject": "S\/1", "date": "2026-01-05", "key": "k\t1", "evidence": "IMG\\1", "note": "迟到\n\"两次\""},
            {"id": "R2", "rule": "S1.1", "subject": "S1", "date": "2026-01-06", "note": "迟到\n\"两次\""}]"#);
        let parsed = crate::dataset::Dataset::from_json(&text).expect("parses");
        let by_serde_json: crate::dataset::Dataset = serde_json::from_str(&text).expect("parses");
        for list in [&parsed.records, &by_serde_json.records] {
            let r = list.get(0).expect("two records");
            assert_eq!((r.id(), r.rule(), r.subject(), r.key(), r.evidence(), r.note()), ("R1", "S1.1", "S/1", Some("k\t1"), Some("IMG\\1"), Some("迟到\n\"两次\"")));
            // the same note written the same way by another record is the same text
            assert_eq!(list.get(1).and_then(|r| r.note()), r.note());
        }
        let record = r#"{"id": 7, "rule": "S1.1", "subject": "S1", "date": "2026-01-05"}"#;
        let bad = serde_json::from_str::<crate::dataset::Dataset>(&doc(&format!("[{record}]"))).expect_err("refused").to_string();
        let owned = serde_json::from_str::<RecordFields>(record).expect_err("refused").to_string();
        assert!(bad.starts_with("invalid type: integer `7`, expected a string"), "{bad}");
        assert!(owned.starts_with("invalid type: integer `7`, expected a string"), "{owned}");
    }

    /// The recent texts give each text the symbol the pool gives it: texts that share their first
    /// bytes, differ only in a trailing NUL or by length, are empty, or are too long to remember,
    /// and more texts than there are slots (so slots are taken over).
    #[test]
    fn recent_texts_give_the_pools_symbols() {
        let pool = || Pool::with_hasher(foldhash::fast::FixedState::default());
        let (mut cached, mut plain, mut recent) = (pool(), pool(), Recent::sized(1));
        let mut texts: Vec<String> = ["", "S1", "S1\0", "S1\0\0", "S10", "123456789012345", "1234567890123456", "S001", "窗口一"].map(String::from).to_vec();
        texts.extend((0..3 * RECENT).map(|i| format!("S{i:03}")));
        for round in 0..3 {
            for (i, t) in texts.iter().enumerate() {
                let t = if round == 1 { &texts[texts.len() - 1 - i] } else { t };
                assert_eq!(recent.get_or_intern(&mut cached, t), plain.get_or_intern(t), "{t:?}");
            }
        }
        assert_eq!(cached.len(), plain.len());
    }

    /// Kept, cut and cleared as a `Vec` would be.
    #[test]
    fn retain_truncate_and_clear() {
        let mut list: Records = (1..=5).map(|i| rec(&format!("R{i}"), None)).collect();
        list.retain(|r| r.id() != "R2");
        assert_eq!(list.iter().map(|r| r.id()).collect::<Vec<_>>(), ["R1", "R3", "R4", "R5"]);
        list.truncate(2);
        assert_eq!(list.iter().rev().map(|r| r.id()).collect::<Vec<_>>(), ["R3", "R1"]);
        assert_eq!(list.last().map(|r| r.id()), Some("R3"));
        list.clear();
        assert!(list.is_empty() && list.first().is_none());
    }

    /// Issue 20, item 9: a list of records past the limit is refused at the first record past it
    /// (here a limit of 2: the parser never reaches the fourth record, which is not even a record),
    /// with the place and the limit said, as `Dataset::from_json` says it for 5,000,001 records.
    #[test]
    fn records_past_the_limit_are_refused_where_the_limit_is_passed() {
        #[derive(Debug, serde::Deserialize)]
        struct Doc {
            #[serde(deserialize_with = "two")]
            #[allow(dead_code)]
            records: Records,
        }
        fn two<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Records, D::Error> {
            d.deserialize_seq(Within(2))
        }
        let r = |id: &str| format!(r#"{{"id": "{id}", "rule": "S1.1", "subject": "S", "date": "2026-01-05"}}"#);
        let ok = format!(r#"{{"records": [{}, {}]}}"#, r("a"), r("b"));
        assert!(serde_json::from_str::<Doc>(&ok).is_ok());
        let past = format!(r#"{{"records": [{}, {}, {}, "not a record"]}}"#, r("a"), r("b"), r("c"));
        let de = &mut serde_json::Deserializer::from_str(&past);
        let e = serde_path_to_error::deserialize::<_, Doc>(de).expect_err("refused");
        let p = crate::error::format_problem(e, "");
        assert_eq!(p.path, "records");
        assert_eq!(p.message, crate::dataset::too_many_records(2));
        assert_eq!(crate::dataset::too_many_records(crate::limits::MAX_RECORDS), "more than 5000000 records; the limit is 5000000 a dataset");
    }
}
