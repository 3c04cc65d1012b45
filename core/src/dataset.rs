//! The dataset: one service hall, one calendar year of roster, records and metrics.

use crate::month::YearMonth;
pub use crate::records::{RecordRef, Records};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One hall's data for one calendar year: the roster (departments, windows,
/// staff and their assignments), the incident and commendation records, and
/// the monthly window metrics.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The hall (政务服务大厅) the data belongs to.
    pub hall: Hall,
    /// The calendar year the document covers; every date lies in it.
    pub year: i32,
    /// 进驻单位: the departments stationed in the hall.
    #[serde(default)]
    pub departments: Vec<Department>,
    /// 窗口.
    #[serde(default)]
    pub windows: Vec<Window>,
    /// 窗口工作人员.
    #[serde(default)]
    pub staff: Vec<Staff>,
    /// The year's targets for rate metrics (e.g. the three "三率" indicators), keyed by metric name,
    /// as percentages. A window-month metric below its target triggers the metric rules that name it.
    #[serde(default, deserialize_with = "crate::decimal::exact_map")]
    pub targets: BTreeMap<String, Decimal>,
    /// Monthly metrics of each window (cases handled, rates).
    #[serde(default)]
    pub metrics: Vec<WindowMetrics>,
    /// Incidents, complaints and commendations, one line each.
    // (held as compact rows, read through views: `crate::records`)
    #[serde(default)]
    #[schemars(with = "Vec<Record>")]
    pub records: Records,
    /// V9: figures from outside the measure's records (年度综合评价, votes), per subject and
    /// period, which a policy's roll-ups (`periods.roll_ups`, an award's `score`) weigh in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<OutsideInput>,
}

/// One outside figure for one subject and period (V9).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OutsideInput {
    /// A window or staff id.
    pub subject: String,
    /// The period it is for: `2026`, `2026-Q3` or `2026-10`.
    pub period: crate::month::Period,
    /// The figure's name, as a policy's roll-up part names it (`annual_appraisal`, `votes`).
    pub name: String,
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub value: Decimal,
}

/// V17: a window-month's citizen ratings (好差评) on the national five-level scale, as counts.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Ratings {
    /// 非常满意.
    #[serde(default)]
    pub very_satisfied: u32,
    /// 满意.
    #[serde(default)]
    pub satisfied: u32,
    /// 基本满意.
    #[serde(default)]
    pub basically_satisfied: u32,
    /// 不满意.
    #[serde(default)]
    pub dissatisfied: u32,
    /// 非常不满意.
    #[serde(default)]
    pub very_dissatisfied: u32,
}

impl Ratings {
    /// The counts from the highest level down.
    pub fn counts(&self) -> [u32; 5] {
        [self.very_satisfied, self.satisfied, self.basically_satisfied, self.dissatisfied, self.very_dissatisfied]
    }
    pub fn total(&self) -> u64 {
        self.counts().iter().map(|&c| u64::from(c)).sum()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Hall {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Window {
    pub id: String,
    pub name: String,
    /// The department (进驻单位) the window serves.
    pub department: String,
    /// First day the window is open; open since before the year when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::month::deserialize_date_opt")]
    pub opened: Option<NaiveDate>,
    /// Last day the window is open; open through the year when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::month::deserialize_date_opt")]
    pub closed: Option<NaiveDate>,
    /// 窗口负责人 over time. A day with no term here is a day without a designated head (W1.1).
    #[serde(default)]
    pub heads: Vec<Term>,
    /// 首席代表 over time, for policies whose window records also charge the chief representative.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chief_representatives: Vec<Term>,
}

/// A person holding a role over a date range (both ends inclusive, open when absent).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The staff id, when the person is on the roster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
    /// The person's name, when not on the roster (a department leader, say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::month::deserialize_date_opt")]
    pub from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::month::deserialize_date_opt")]
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Staff {
    pub id: String,
    pub name: String,
    /// The member's home department, when known (assignments say where they work).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Windows the member works at, over date ranges that must not overlap.
    /// A member is evaluated in every month in which an assignment covers at least one day.
    pub assignments: Vec<Assignment>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    pub window: String,
    /// First day (inclusive); since before the year when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::month::deserialize_date_opt")]
    pub from: Option<NaiveDate>,
    /// Last day (inclusive); through the year when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::month::deserialize_date_opt")]
    pub to: Option<NaiveDate>,
}

/// One window's figures for one month.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct WindowMetrics {
    pub window: String,
    pub month: YearMonth,
    /// Cases handled (办件量) in the month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cases: Option<u64>,
    /// Rates in percent (0–100), keyed by metric name: for the county measure
    /// `online_full_process` (网上全流程办理率), `online_available` (网上可办理率),
    /// `one_network` (一网通办率).
    #[serde(default, deserialize_with = "exact_figures", serialize_with = "figures_as_map")]
    #[schemars(with = "BTreeMap<String, Decimal>")]
    pub rates: Figures,
    /// V17: the month's citizen ratings (好差评) by level, as counts; the `rating_mean` kind reads
    /// them. Absent: no ratings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratings: Option<Ratings>,
    /// Other named figures a policy's rules may read (ratings, votes, appraisals).
    #[serde(default, skip_serializing_if = "Figures::is_empty", deserialize_with = "exact_figures", serialize_with = "figures_as_map")]
    #[schemars(with = "BTreeMap<String, Decimal>")]
    pub values: Figures,
}

/// A window-month's named figures ([`WindowMetrics::rates`], [`WindowMetrics::values`]): a map
/// by name held as one sorted list (`litemap`), written and read as a JSON object. A window-month
/// gives three or four figures; a `BTreeMap` of them took a 450-byte node and an allocation a
/// name, 16 MB of a province's 35,100 window-months (BENCHMARKS.md, the fifteenth round).
pub type Figures = litemap::LiteMap<Id, Decimal>;

/// `deserialize_with` for a window-month's named figures ([`Figures`]), each read
/// exactly; a name given twice keeps its last value, as a map read from JSON does.
pub(crate) fn exact_figures<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Figures, D::Error> {
    struct Pairs;
    impl<'de> serde::de::Visitor<'de> for Pairs {
        type Value = Figures;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map of names to decimals")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
            let mut pairs: Vec<(Id, Decimal)> = Vec::with_capacity(m.size_hint().unwrap_or(4).min(64));
            while let Some((k, v)) = m.next_entry::<Id, crate::decimal::Exact>()? {
                pairs.push((k, v.0));
            }
            Ok(figures(pairs))
        }
    }
    d.deserialize_map(Pairs)
}

/// A window-month's named figures from its pairs as written: a name given twice keeps its last
/// value, as a map read from JSON does.
pub(crate) fn figures(mut pairs: Vec<(Id, Decimal)>) -> Figures {
    // by name, a name's last value first (the sort is stable), then the others of the name dropped
    pairs.reverse();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    pairs.dedup_by(|later, kept| later.0 == kept.0);
    pairs.shrink_to_fit();
    Figures::from_sorted_store_unchecked(pairs)
}

/// `serialize_with` for named figures: always a JSON object (`litemap` writes an empty map to a
/// human-readable format as a list, `[]`, where a `BTreeMap` wrote `{}`).
pub(crate) fn figures_as_map<S: serde::Serializer>(m: &Figures, s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(m.iter())
}

/// Status of a record (C10): only confirmed records count.
#[derive(
    Debug,
    Clone,
    Copy,
    Serialize,
    Deserialize,
    JsonSchema,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Confirmed,
    /// Under review or appeal.
    Pending,
    Revoked,
}

/// The level of a publication, criticism or commendation (县级/市级/省级/国家级).
#[derive(
    Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    County,
    City,
    Province,
    National,
}

impl Status {
    /// The status as people read it, in `lang` (已确认, 待核实, 已撤销).
    pub fn label(self, lang: crate::messages::Lang) -> String {
        crate::messages::text(
            lang,
            match self {
                Status::Confirmed => "label-status-confirmed",
                Status::Pending => "label-status-pending",
                Status::Revoked => "label-status-revoked",
            },
            &[],
        )
    }
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::County => "county",
            Level::City => "city",
            Level::Province => "province",
            Level::National => "national",
        }
    }
}

/// A record's id, rule code, subject or key: a string held in place up to 24 bytes (every id and
/// code of the measure and of the generated halls), on the heap only past that. A hall has a
/// million of them; held in place, parsing and validating the province bench's 1,008,500
/// records took 0.50 s instead of 0.59–0.71 s and its peak memory fell from 647 to 508 MiB
/// (`target/release/province target/bench-data/province 3`, BENCHMARKS.md, the seventh round).
/// It reads as a `&str` (`&*r.id`, `r.id.as_str()`) and is made from one (`"R1".into()`).
pub type Id = compact_str::CompactString;

// (its strings are `Id`s; `S` is another string type only where a record is read on its way into
// a list, `Records`, whose strings borrow the document's text instead of being copied once more
// before the list takes them in; a `///` line here would be the schema's description)
/// One incident, complaint or commendation.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>", serialize = "S: Serialize"))]
#[schemars(rename = "Record", bound = "")]
pub struct RecordFields<S = Id> {
    /// Unique within the dataset.
    #[schemars(with = "String")]
    pub id: S,
    /// The rule item code (`S1.1`, `WB.3`, …).
    #[schemars(with = "String")]
    pub rule: S,
    /// A staff id for staff rules, a window id for window rules.
    #[schemars(with = "String")]
    pub subject: S,
    #[serde(deserialize_with = "crate::month::deserialize_date")]
    pub date: NaiveDate,
    /// Occurrences this line stands for (C8), at least 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub count: u32,
    /// Minutes late / absent (S1.1: more than 30 → the higher tier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// Points for discretionary items (C7: 视情节/酌情), as a positive number within the item's range.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::decimal::exact_opt")]
    pub points: Option<Decimal>,
    /// Units for per-unit items (half days absent, days overdue, …).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::decimal::exact_opt")]
    pub units: Option<Decimal>,
    /// Level of a criticism, publication or commendation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Achievement key (C4): records of one subject and rule with the same key are one achievement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub key: Option<S>,
    /// The aggravated variant of the item: over 30 minutes stated explicitly (S1.1), bad effect (S3.2),
    /// caused a complaint (S3.4), evasive reply (W6.3).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub aggravated: bool,
    #[serde(default)]
    pub status: Status,
    // (held as an `Id`, as the note: most references and notes are short enough to sit in
    // place, without an allocation of their own)
    /// Reference to the evidence (photo, file number) — required by WB.2 (E12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub evidence: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub note: Option<S>,
}

/// One incident, complaint or commendation as an owned value: the fields of [`RecordFields`]
/// (where each is described; it is the record as written, and what the schema describes), with
/// the three that few records give (stated points, units, an achievement key) boxed apart in
/// [`Record::rare`]. A dataset holds its records more compactly, as rows read through views
/// ([`Records`], [`RecordRef`]); a `Record` is what [`Records::push`] takes and
/// [`RecordRef::to_record`] gives. Read the rare fields with [`Record::points`],
/// [`Record::units`] and [`Record::key`]; make a record from a [`RecordFields`]
/// (`Record::from(fields)`), or set them with [`Record::rare_mut`].
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(from = "RecordFields", into = "RecordFields")]
pub struct Record {
    pub id: Id,
    pub rule: Id,
    pub subject: Id,
    pub date: NaiveDate,
    pub count: u32,
    pub minutes: Option<u32>,
    pub level: Option<Level>,
    pub aggravated: bool,
    pub status: Status,
    pub evidence: Option<Id>,
    pub note: Option<Id>,
    /// Stated points, units and key, when the record gives any of them (`None` when it gives none).
    pub rare: Option<Box<RareFields>>,
}

/// The fields of a record that few records give, boxed apart ([`Record::rare`]); each is as in
/// [`RecordFields`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RareFields {
    pub points: Option<Decimal>,
    pub units: Option<Decimal>,
    pub key: Option<Id>,
}

impl RareFields {
    /// Boxed, or `None` when no field is given.
    pub fn boxed(self) -> Option<Box<RareFields>> {
        // (by the options, not by comparing decimals with a default's: that was 80 instructions a record)
        (self.points.is_some() || self.units.is_some() || self.key.is_some()).then(|| Box::new(self))
    }
}

impl Record {
    /// Points for discretionary items ([`RecordFields::points`]).
    pub fn points(&self) -> Option<Decimal> {
        self.rare.as_ref()?.points
    }

    /// Units for per-unit items ([`RecordFields::units`]).
    pub fn units(&self) -> Option<Decimal> {
        self.rare.as_ref()?.units
    }

    /// The achievement key (C4, [`RecordFields::key`]).
    pub fn key(&self) -> Option<&Id> {
        self.rare.as_ref()?.key.as_ref()
    }

    /// The rare fields, to set one (made empty first when the record gave none).
    pub fn rare_mut(&mut self) -> &mut RareFields {
        self.rare.get_or_insert_with(Box::default)
    }
}

impl From<RecordFields> for Record {
    #[inline]
    fn from(f: RecordFields) -> Record {
        let RecordFields { id, rule, subject, date, count, minutes, points, units, level, key, aggravated, status, evidence, note } = f;
        Record { id, rule, subject, date, count, minutes, level, aggravated, status, evidence, note, rare: RareFields { points, units, key }.boxed() }
    }
}

impl From<Record> for RecordFields {
    fn from(r: Record) -> RecordFields {
        let Record { id, rule, subject, date, count, minutes, level, aggravated, status, evidence, note, rare } = r;
        let RareFields { points, units, key } = rare.map(|b| *b).unwrap_or_default();
        RecordFields { id, rule, subject, date, count, minutes, points, units, level, key, aggravated, status, evidence, note }
    }
}

/// The schema of a record is its written form's.
impl JsonSchema for Record {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <RecordFields>::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        <RecordFields>::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <RecordFields>::json_schema(generator)
    }
}

/// The problem of a dataset past the records limit (parsing and validation say the same).
pub(crate) fn too_many_records(limit: usize) -> String {
    format!("more than {limit} records; the limit is {limit} a dataset")
}

fn one() -> u32 {
    1
}
fn is_one(n: &u32) -> bool {
    *n == 1
}

impl Dataset {
    /// The dataset as JSON (read by [`Dataset::from_json`]).
    pub fn to_json(&self) -> String {
        crate::json::to_string_pretty(self).expect("a dataset serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record is held in 152 bytes, its rare fields boxed apart only when it gives one, and
    /// reads and writes as the same JSON (issue 19: the parsed records were 2.3× their JSON).
    #[test]
    fn rare_fields_are_boxed_apart_and_the_json_is_the_same() {
        assert_eq!(std::mem::size_of::<Record>(), 152);
        assert_eq!(std::mem::size_of::<RecordFields>(), 208);
        let plain = r#"{"id":"R1","rule":"S1.1","subject":"S1","date":"2026-01-05","minutes":45,"status":"confirmed","note":"迟到"}"#;
        let r: Record = serde_json::from_str(plain).expect("a record");
        assert!(r.rare.is_none());
        assert_eq!((r.points(), r.units(), r.key()), (None, None, None));
        assert_eq!(serde_json::to_string(&r).expect("written"), plain);
        let rare = r#"{"id":"R2","rule":"SB.3","subject":"S1","date":"2026-01-05","points":"2.5","units":"3","key":"K-1","status":"pending"}"#;
        let r: Record = serde_json::from_str(rare).expect("a record");
        assert_eq!((r.points(), r.units(), r.key().map(Id::as_str)), (Some(Decimal::new(25, 1)), Some(Decimal::from(3)), Some("K-1")));
        assert_eq!(serde_json::to_string(&r).expect("written"), rare);
        let mut made = Record::from(RecordFields::from(r.clone()));
        assert_eq!(made, r);
        made.rare_mut().points = None;
        assert_eq!(made.points(), None);
        // an unknown field is refused by the written form, with its name
        let e = serde_json::from_str::<Record>(r#"{"id":"R3","rule":"S1.1","subject":"S1","date":"2026-01-05","pionts":"1"}"#).expect_err("refused");
        assert!(e.to_string().contains("pionts"), "{e}");
    }
}
