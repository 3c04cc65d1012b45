//! Results: every subject's month, every category and bonus, every record's outcome.

use crate::dataset::Status;
use crate::month::YearMonth;
use crate::policy::{PeriodKind, SubjectKind};
use crate::text::Text;
pub use crate::outcome::{ChargeRef, OutcomeRef, Outcomes};
pub use crate::subjects::{SubjectMonths, SubjectRef};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The result of one month: every evaluated window and staff member, and the outcome of every
/// record dated in the month.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct MonthResult {
    pub policy: Text,
    pub hall: Text,
    pub month: YearMonth,
    // held as rows: read through `SubjectMonths::iter`, written as a list of `SubjectMonth`
    #[schemars(with = "Vec<SubjectMonth>")]
    pub windows: SubjectMonths,
    #[schemars(with = "Vec<SubjectMonth>")]
    pub staff: SubjectMonths,
    /// One outcome per record dated in the month, in date then id order.
    // held compactly: read through `Outcomes::iter`, written as a list of `RecordOutcome`
    pub records: Outcomes,
    /// Problems that did not stop the evaluation (a window-month without metrics, …).
    pub warnings: Vec<Warning>,
}

/// The months of a year, each as [`MonthResult`].
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct YearResult {
    pub policy: Text,
    pub hall: Text,
    pub year: i32,
    pub months: Vec<MonthResult>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Warning {
    pub subject: Option<Text>,
    pub rule: Option<Text>,
    pub message: String,
}

/// One subject's score for one month.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct SubjectMonth {
    pub subject: Text,
    pub kind: SubjectKind,
    pub name: Text,
    /// The department: a window's own; a staff member's home department, else that of their first window of the month.
    pub department: Text,
    /// For staff: the windows served in the month with days; for windows: the staff on duty with days.
    pub links: Vec<DaysLink>,
    /// Deduction categories (C1, C2).
    pub categories: Vec<CategoryResult>,
    /// Bonus categories (C3).
    pub bonuses: Vec<CategoryResult>,
    /// Base after deductions: the sum of the deduction categories' scores.
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub base: Decimal,
    /// Bonus points after every cap.
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub bonus: Decimal,
    /// base + bonus, within the policy's minimum and maximum total.
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub total: Decimal,
    pub grade: Text,
    /// Why the grade is what it is when a veto forced it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade_forced_by: Option<String>,
    pub flags: Vec<Flag>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct DaysLink {
    /// A window id (in a staff result) or a staff id (in a window result).
    pub id: Text,
    pub days: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct CategoryResult {
    pub code: Text,
    pub name: Text,
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub max: Decimal,
    /// Points taken (deduction category) or points added (bonus category), after caps.
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub points: Decimal,
    /// max − points for a deduction category; points for a bonus category.
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub score: Decimal,
    /// Every line that moved the category, in the order applied.
    pub lines: Vec<Line>,
    /// Set when a threshold zeroed the category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zeroed_by: Option<String>,
}

/// One contribution to a category: a record's occurrences, a monthly state, a derived score.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Line {
    pub rule: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<Text>,
    /// Points before caps (of all its occurrences).
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub raw: Decimal,
    /// Points that counted.
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub points: Decimal,
    // (as `Text`: an account held in place when short, shared by the lines that give it when long)
    pub detail: Text,
    /// The record's occurrences the line stands for (C8 `count`; 1 for a state or derived score):
    /// a record's occurrences on an item are one line, however many of them the caps cut (E6).
    #[serde(default = "one")]
    pub occurrences: u32,
    /// Why fewer points counted than raw (the first cap that cut one of its occurrences).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cut: Option<Reason>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Flag {
    /// `recommend_reassignment`, `disqualified`, `category_zeroed_for_year`, `forced_grade`, or a policy's own flag.
    pub code: Text,
    /// For `disqualified`: the period lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<PeriodKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<Text>,
    /// For `category_zeroed_for_year`: the category the annual result counts as 0 in every month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Text>,
    pub detail: String,
}

/// Why a record, or part of it, did not count.
#[derive(
    Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Under review or appeal (C10).
    Pending,
    /// Revoked (C10).
    Revoked,
    /// The category had no points left (C2).
    CategoryExhausted,
    /// The item's monthly cap was reached.
    MonthCap,
    /// The item's yearly cap was reached.
    YearCap,
    /// The monthly bonus cap (C3) was reached.
    BonusCap,
    /// Another record of the same achievement key was higher (C4, E4).
    NotHighestOfKey,
    /// The achievement was already counted at this value or higher earlier in the year (E4).
    AlreadyCounted,
    /// The item requires evidence and the record has none (E12).
    NoEvidence,
    /// The record names an item derived from other inputs (E3), kept under a lenient setting.
    DerivedItem,
    /// A linked charge found no one to charge (no chief representative on the date, …).
    NoTarget,
    /// The category was zeroed by a threshold, so the record's points made no difference.
    CategoryZeroed,
}

impl Reason {
    /// The reason's message in the catalogue.
    pub(crate) fn message_id(self) -> &'static str {
        match self {
            Reason::Pending => "reason-pending",
            Reason::Revoked => "reason-revoked",
            Reason::CategoryExhausted => "reason-category-exhausted",
            Reason::MonthCap => "reason-month-cap",
            Reason::YearCap => "reason-year-cap",
            Reason::BonusCap => "reason-bonus-cap",
            Reason::NotHighestOfKey => "reason-not-highest-of-key",
            Reason::AlreadyCounted => "reason-already-counted",
            Reason::NoEvidence => "reason-no-evidence",
            Reason::DerivedItem => "reason-derived-item",
            Reason::NoTarget => "reason-no-target",
            Reason::CategoryZeroed => "reason-category-zeroed",
        }
    }

    /// The reason in words, in `lang` (from the message catalogue).
    pub fn label(self, lang: crate::messages::Lang) -> String {
        crate::messages::text(lang, self.message_id(), &[])
    }

    /// The reason in English ("yearly cap").
    pub fn label_en(self) -> String {
        self.label(crate::messages::Lang::En)
    }

    /// The reason in Chinese ("达到本项年度上限").
    pub fn label_zh(self) -> String {
        self.label(crate::messages::Lang::ZhCn)
    }
}

/// How a record fared: every input record appears exactly once (C10).
// results hold outcomes compactly (`Outcomes`); this is the form they are written and read as,
// and `OutcomeRef::to_owned` renders one
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct RecordOutcome {
    pub record: Text,
    pub rule: Text,
    pub subject: Text,
    #[serde(serialize_with = "crate::month::ser_date")]
    pub date: NaiveDate,
    pub status: Status,
    pub outcome: OutcomeKind,
    /// Occurrences on the record (C8).
    pub occurrences: u32,
    /// Occurrences that counted on the record's own item.
    pub counted_occurrences: u32,
    /// Points that counted on the record's own item.
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub points: Decimal,
    /// Why it did not count, or not fully.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// Human-readable account, like "1 of 3 counted: yearly cap".
    pub detail: Text,
    /// Every subject and item the record was charged to (its own item first, then linked ones).
    pub charges: Charges,
}

/// A record's charges: most records are charged once, to their own item, so one charge is held
/// in place and only a record with linked charges allocates (a slice to read, a list in JSON).
pub type Charges = smallvec::SmallVec<[Charge; 1]>;

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    Counted,
    PartlyCounted,
    NotCounted,
}

impl OutcomeKind {
    /// A charged record's outcome from the points its own charge counted of those it raised:
    /// none counted, fewer than raised, or all.
    pub(crate) fn of<N: PartialOrd + Default>(points: N, raw: N) -> OutcomeKind {
        if points == N::default() {
            OutcomeKind::NotCounted
        } else if points < raw {
            OutcomeKind::PartlyCounted
        } else {
            OutcomeKind::Counted
        }
    }

    /// The outcome as people read it, in `lang` (计分, 部分计分, 未计分).
    pub fn label(self, lang: crate::messages::Lang) -> String {
        crate::messages::text(
            lang,
            match self {
                OutcomeKind::Counted => "label-outcome-counted",
                OutcomeKind::PartlyCounted => "label-outcome-partly_counted",
                OutcomeKind::NotCounted => "label-outcome-not_counted",
            },
            &[],
        )
    }
}

/// How one record fared on one subject and item, compact (a [`Charge`] with its subject and item
/// as indices; its text rendered on demand): the first is the record's own charge.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(crate) struct ChargeFate {
    pub(crate) subject: u32,
    pub(crate) item: u32,
    pub(crate) occurrences: u32,
    pub(crate) counted: u32,
    pub(crate) raw: Decimal,
    pub(crate) points: Decimal,
    pub(crate) reason: Option<Reason>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Charge {
    pub subject: Text,
    pub rule: Text,
    pub occurrences: u32,
    pub counted_occurrences: u32,
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub raw: Decimal,
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub points: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
}

impl MonthResult {
    pub fn subject(&self, id: &str) -> Option<SubjectRef<'_>> {
        self.windows.find(id).or_else(|| self.staff.find(id))
    }
    pub fn record(&self, id: &str) -> Option<OutcomeRef<'_>> {
        self.records.find(id)
    }
}

impl SubjectMonth {
    pub fn category(&self, code: &str) -> Option<&CategoryResult> {
        self.categories
            .iter()
            .chain(self.bonuses.iter())
            .find(|c| c.code == code)
    }
    pub fn has_flag(&self, code: &str) -> bool {
        self.flags.iter().any(|f| f.code == code)
    }
}

impl YearResult {
    pub fn month(&self, m: u32) -> Option<&MonthResult> {
        self.months.iter().find(|r| r.month.month == m)
    }
}

fn one() -> u32 {
    1
}
