//! The policy document: a measure's categories, rule items, caps, grades and every
//! reading the text leaves open. A county adopting kaoping changes this document,
//! not the code.

use crate::dataset::{Level, Status};
/// (The kinds of period, a calendar's: [`crate::month::PeriodKind`].)
pub use crate::month::PeriodKind;
/// (How a quotient is rounded, the exact arithmetic's: [`crate::exact::RoundingMode`].)
pub use crate::exact::RoundingMode;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A measure as data.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PolicyDoc {
    /// Stable identifier, like `xx-county-2026`.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub version: String,
    /// The measure this policy renders (title, issuing body, date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// How staff members (窗口工作人员) are scored. Left out (or without categories), staff are
    /// not scored: a window-only measure.
    #[serde(default, skip_serializing_if = "SubjectPolicy::is_unscored")]
    pub staff: SubjectPolicy,
    /// How windows (窗口) are scored. Left out (or without categories), windows are not scored:
    /// a staff-only measure.
    #[serde(default, skip_serializing_if = "SubjectPolicy::is_unscored")]
    pub window: SubjectPolicy,
    /// Every rule item, each with its kind and typed parameters.
    pub rules: Vec<RuleItem>,
    #[serde(default)]
    pub settings: Settings,
    /// Grade bands; left out, a measure without grades (every grade is empty).
    #[serde(default, skip_serializing_if = "Grades::is_empty")]
    pub grades: Grades,
    #[serde(default)]
    pub periods: PeriodSettings,
    #[serde(default)]
    pub awards: AwardSettings,
    /// How each convention (C1–C11) and edge (E1–E12) of the measure is read, and which setting holds it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
}

/// A documented reading of an ambiguous phrase of the measure.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// `C5`, `E4`, …
    pub code: String,
    /// The reading in force.
    pub reading: String,
    /// Where in this document the reading is set (`settings.rounding`, `rules[S1.1].params.minute_tiers`).
    pub setting: String,
}

/// Which subjects a rule item or category applies to.
#[derive(
    Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    Staff,
    Window,
}

impl SubjectKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Staff => "staff",
            SubjectKind::Window => "window",
        }
    }
}

/// The scoring frame of one kind of subject.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SubjectPolicy {
    /// C1: the monthly base, which must equal the sum of the deduction categories' maxima.
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub base: Decimal,
    /// Deduction categories and bonus categories, in display order.
    pub categories: Vec<Category>,
    /// V2: `category` — a category's deductions stop at its maximum (扣完为止, C2);
    /// `none` — no category caps (扣分不封顶): the base may fall below 0.
    #[serde(default)]
    pub floor: Floor,
    /// The highest monthly total (C3: 110); the total is cut to it.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::decimal::exact_opt")]
    pub max_total: Option<Decimal>,
    /// The lowest monthly total (0 under 扣完为止); none when deductions are uncapped.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::decimal::exact_opt")]
    pub min_total: Option<Decimal>,
    /// Legal reference.
    #[serde(default)]
    pub cite: String,
}

impl SubjectPolicy {
    /// Whether subjects of this kind are scored at all (a policy gives them categories).
    pub fn is_scored(&self) -> bool {
        !self.categories.is_empty()
    }
    pub fn is_unscored(&self) -> bool {
        !self.is_scored()
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Floor {
    #[default]
    Category,
    None,
}

/// A name of the policy in `lang`: the English name when the policy gives one, else the Chinese
/// (a county that names things only in Chinese reads them in Chinese in every language).
pub fn name_in<'a>(zh: &'a str, en: &'a str, lang: crate::messages::Lang) -> &'a str {
    match lang {
        crate::messages::Lang::En if !en.is_empty() => en,
        _ => zh,
    }
}

/// A category: its maximum caps its deductions (C2) or, for a bonus category, its additions (C3).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Stable code: `S1`, `W4`, `SB` (bonus).
    pub code: String,
    pub name_zh: String,
    #[serde(default)]
    pub name_en: String,
    /// Points the category holds (deduction) or may add (bonus).
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub max: Decimal,
    /// A bonus category adds its items (capped at `max`, C3) instead of deducting.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bonus: bool,
    /// Article / paragraph of the measure.
    #[serde(default)]
    pub cite: String,
}

impl Category {
    /// The category's name in `lang` ([`name_in`]).
    pub fn name(&self, lang: crate::messages::Lang) -> &str {
        name_in(&self.name_zh, &self.name_en, lang)
    }
}

/// One rule item of the measure.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RuleItem {
    /// Stable public code (`S1.1`); records name items by it.
    pub code: String,
    pub subject: SubjectKind,
    /// The category the item deducts from, or the bonus category it adds to.
    pub category: String,
    pub name_zh: String,
    #[serde(default)]
    pub name_en: String,
    /// Article / paragraph of the measure, like `一、(一)(1)`.
    pub cite: String,
    /// The rule kind (a name in the registry): `per_occurrence`, `discretionary`, …
    pub kind: String,
    /// The kind's typed parameters (see the kinds' schemas).
    #[serde(default = "empty_object")]
    pub params: serde_json::Value,
    /// Per-item caps (C2 sub-items, yearly bonus caps), applied occurrence by occurrence (E6) before the category cap (E7).
    #[serde(default, skip_serializing_if = "ItemCaps::is_empty")]
    pub caps: ItemCaps,
    /// E12: records without an evidence reference are kept but not counted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub requires_evidence: bool,
    /// A count of this item's occurrences that zeroes a category (W6.1: 5+ in the year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
    /// Effects of every counted occurrence whatever the points: vetoes (一票否决), loss of award eligibility.
    #[serde(default, skip_serializing_if = "Effects::is_empty")]
    pub effects: Effects,
    /// Effects of a counted occurrence whose record is flagged `aggravated` (the aggravated case:
    /// 情节严重), besides `effects`; none by default. A minute tier's effects sit on the tier
    /// (`params.minute_tiers[].effects` of `per_occurrence`).
    #[serde(default, skip_serializing_if = "Effects::is_empty")]
    pub aggravated_effects: Effects,
    /// Why this reading, when the measure is silent or ambiguous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}

impl RuleItem {
    /// The item's name in `lang` ([`name_in`]).
    pub fn name(&self, lang: crate::messages::Lang) -> &str {
        name_in(&self.name_zh, &self.name_en, lang)
    }
}

fn empty_object() -> serde_json::Value {
    serde_json::Value::Object(Default::default())
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ItemCaps {
    /// Most points the item may count in one month (W5.1: 3, WB.3: 2).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::decimal::exact_opt")]
    pub month: Option<Decimal>,
    /// Most points the item may count in the calendar year up to the month scored (SB.1: 2).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::decimal::exact_opt")]
    pub year: Option<Decimal>,
}

impl ItemCaps {
    pub fn is_empty(&self) -> bool {
        self.month.is_none() && self.year.is_none()
    }
}

/// What a counted occurrence does besides its points.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Effects {
    /// Award eligibility lost for the periods containing the record's date (取消评先资格).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disqualify: Vec<PeriodKind>,
    /// Award eligibility lost for these kinds of period from the record's month to the end of
    /// the year (取消当年剩余评优资格): every month, quarter or year containing that month or a
    /// later one. None by default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disqualify_rest_of_year: Vec<PeriodKind>,
    /// A grade forced for the month whatever the score (一票否决), e.g. `不合格`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force_grade: Option<String>,
    /// A flag put on the month's result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
}

impl Effects {
    pub fn is_empty(&self) -> bool {
        self.disqualify.is_empty() && self.disqualify_rest_of_year.is_empty() && self.force_grade.is_none() && self.flag.is_none()
    }
    pub fn merge(&mut self, other: &Effects) {
        for p in &other.disqualify {
            if !self.disqualify.contains(p) {
                self.disqualify.push(*p);
            }
        }
        self.disqualify.sort();
        for p in &other.disqualify_rest_of_year {
            if !self.disqualify_rest_of_year.contains(p) {
                self.disqualify_rest_of_year.push(*p);
            }
        }
        self.disqualify_rest_of_year.sort();
        if other.force_grade.is_some() {
            self.force_grade.clone_from(&other.force_grade);
        }
        if other.flag.is_some() {
            self.flag.clone_from(&other.flag);
        }
    }
}

/// Counts of occurrences that zero a category (S5.2, W6.1) or trigger effects (V11).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// The rule whose counted occurrences (confirmed, on this subject) are counted; the item itself when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<String>,
    /// Conditions, any of which triggers the threshold in a month.
    pub any_of: Vec<ThresholdCondition>,
    /// The category set to 0, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero_category: Option<String>,
    /// `month`: the month the condition holds; `rest_of_year`: that month and every later month of
    /// the year — of `zero_category`, which it requires (a policy giving `rest_of_year` without
    /// a category to zero is refused: flags and effects are the month's own; for eligibility lost
    /// to the end of the year use `effects.disqualify_rest_of_year`).
    #[serde(default)]
    pub persistence: Persistence,
    /// W6.1: the annual result counts the category as 0 in every month of the year once triggered.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub annual_whole_year: bool,
    /// A flag on the month's result (S5.2: `recommend_reassignment`, 建议调岗或辞退).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    /// Other effects (loss of eligibility, forced grade).
    #[serde(default, skip_serializing_if = "Effects::is_empty")]
    pub effects: Effects,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ThresholdCondition {
    /// Count over the month, or over the year up to and including the month (C9).
    pub scope: CountScope,
    /// C5 (以上 inclusive): triggered at this count or more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<u32>,
    /// An exclusive reading: triggered above this count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub more_than: Option<u32>,
    /// S5.2 default: the year condition holds only in a month that has at least one of the counted occurrences.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub requires_occurrence_in_month: bool,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CountScope {
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Persistence {
    #[default]
    Month,
    RestOfYear,
}

/// Readings that apply across rules. A field left out takes its default (the one written in the
/// schema), whether the whole object or only some of its fields are left out.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// C10: statuses whose records count. Others are kept in the result as not counted.
    pub counted_statuses: Vec<Status>,
    /// C11: how results of a division are rounded.
    pub rounding: Rounding,
    /// A window-month without metrics: `warning` (no metric rule applies) or `error`.
    pub missing_metrics: Severity,
    /// E9: a staff record on a day the member has no assignment: `error`, or `warning`
    /// (the member's own item counts; nothing is charged to a window).
    pub unassigned_staff_record: Severity,
    /// E4: `year` — an achievement key spans the calendar year and later months count only the top-up;
    /// `month` — each month counts its highest record of a key afresh.
    pub achievement_scope: AchievementScope,
    /// E4 with C3: what a keyed record leaves as its key's value "already counted", when its
    /// category's cap (the monthly bonus cap C3) cut it. `counted` — the points it counted after
    /// every cap, so a later month tops up to the full value; `before_category_cap` — the points
    /// its item counted before the category's cap cut the month, as E7 uses for yearly caps, so
    /// the part the cap cut is not made up later.
    pub achievement_value: YearToDate,
    /// E7: what uses up an item's yearly cap when its category's cap (C3, or C2 for a deduction
    /// category) cut the month. `before_category_cap` — the points the item counted before that
    /// cut (E7's reading); `counted` — only the points that counted after it.
    pub yearly_cap_usage: YearToDate,
    /// E3: a record naming a derived item is an error (`error`) or is kept, not counted (`warning`).
    pub derived_item_records: Severity,
}

fn confirmed_only() -> Vec<Status> {
    vec![Status::Confirmed]
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            counted_statuses: confirmed_only(),
            rounding: Rounding::default(),
            missing_metrics: Severity::Warning,
            unassigned_staff_record: Severity::Error,
            achievement_scope: AchievementScope::Year,
            achievement_value: YearToDate::Counted,
            yearly_cap_usage: YearToDate::BeforeCategoryCap,
            derived_item_records: Severity::Error,
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    #[default]
    Warning,
    Error,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum AchievementScope {
    #[default]
    Year,
    Month,
}

/// What a line cut by its category's cap leaves in its item's year to date: the value of its
/// achievement key (E4, [`Settings::achievement_value`]) or the use of its yearly cap (E7,
/// [`Settings::yearly_cap_usage`]).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum YearToDate {
    /// The points the line counted, after every cap (the category's included).
    #[default]
    Counted,
    /// The points the line's item counted before the category's cap (C3, or C2 for a deduction
    /// category) cut the month.
    BeforeCategoryCap,
}

/// A stated rounding: decimal places and mode.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    pub places: u32,
    pub mode: RoundingMode,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding {
            places: 2,
            mode: RoundingMode::HalfAwayFromZero,
        }
    }
}

impl Rounding {
    pub fn apply(&self, d: Decimal) -> Decimal {
        use rust_decimal::RoundingStrategy as R;
        let strategy = match self.mode {
            RoundingMode::HalfAwayFromZero => R::MidpointAwayFromZero,
            RoundingMode::HalfEven => R::MidpointNearestEven,
            RoundingMode::Down => R::ToZero,
            RoundingMode::Up => R::AwayFromZero,
        };
        d.round_dp_with_strategy(self.places, strategy).normalize()
    }

    /// `Π num / Π den` rounded once from its exact value (C11: a result a division makes); `None`
    /// when a denominator factor is zero or the result is beyond a decimal's range.
    pub fn quotient(&self, num: &[Decimal], den: &[Decimal]) -> Option<Decimal> {
        crate::exact::quotient(num, den, self.places, self.mode)
    }

    /// The mean of `n` (> 0) values summing to `sum`, rounded once from its exact value.
    pub fn mean(&self, sum: Decimal, n: u64) -> Decimal {
        // a mean lies within its values' range, so it is always a decimal; were it not, the
        // rounding of the decimal quotient is the nearest there is
        self.quotient(&[sum], &[Decimal::from(n)])
            .unwrap_or_else(|| self.apply(sum / Decimal::from(n.max(1))))
    }
}

/// Grade bands (等次, P10).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Grades {
    /// Bands from the highest down; the first band whose bound the score meets is the grade.
    /// The last band has no bound. None: a measure without grades (every grade is empty).
    #[serde(default)]
    pub bands: Vec<GradeBand>,
    /// Whether the bands come from the measure itself (false: a convention the policy adds, P10).
    #[serde(default)]
    pub from_measure: bool,
    /// V8: a grade held by at most a share of the graded subjects of a period (优秀 at most
    /// 15%); those beyond it get the next band. None by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<GradeQuota>,
    /// V16: a subject evaluated in too few months of a period gets no grade (不定等次) and stands
    /// outside the quota's base. None by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_grade: Option<NoGrade>,
    #[serde(default)]
    pub note: String,
}

/// A quota on one grade (V8: 优秀 at most 15% of those graded).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GradeQuota {
    /// The band the quota limits (a band's name, not the last).
    pub grade: String,
    /// The most it may hold, as a share (0.15) of the graded subjects of the kind in the period
    /// (those with a grade: not `no_grade`).
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub share: Decimal,
    /// How share × graded is rounded to a count.
    #[serde(default)]
    pub rounding: QuotaRounding,
    /// The kinds of period the quota applies to.
    #[serde(default = "year_only")]
    pub periods: Vec<PeriodKind>,
    /// The kinds of subject it applies to (both when absent).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<SubjectKind>,
    /// Ties in score at the quota line are broken by these figures, in order; a group still tied
    /// across the line keeps the grade only if it fits, otherwise none of it does (at most the
    /// share holds the grade). Absent: `awards.tie_breakers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie_breakers: Option<Vec<TieBreaker>>,
}

/// No grade (不定等次) for a subject in post too few months of a period.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct NoGrade {
    /// The grade's name (不定等次).
    pub name: String,
    /// Fewer evaluated months than this in the period: no grade.
    pub min_months: u32,
    /// The kinds of period it applies to.
    #[serde(default = "year_only")]
    pub periods: Vec<PeriodKind>,
    /// The kinds of subject it applies to (both when absent).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<SubjectKind>,
}

fn year_only() -> Vec<PeriodKind> {
    vec![PeriodKind::Year]
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GradeBand {
    pub name: String,
    /// Lower bound of the band; none for the lowest band.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::decimal::exact_opt")]
    pub min: Option<Decimal>,
    /// Whether a score equal to `min` is in the band (80 含) or not.
    #[serde(default = "yes")]
    pub inclusive: bool,
}

fn yes() -> bool {
    true
}

impl Grades {
    pub fn is_empty(&self) -> bool {
        *self == Grades::default()
    }
    pub fn grade(&self, score: Decimal) -> String {
        self.bands
            .get(self.band(score))
            .map(|b| b.name.clone())
            .unwrap_or_default()
    }
    /// The index of the band a score falls in (the last band when none matches; 0 without bands).
    pub fn band(&self, score: Decimal) -> usize {
        self.band_by(|_, min| score.cmp(&min))
    }

    /// [`Grades::band`] of a score that `against` compares with band `i`'s minimum (the engine
    /// compares its own exact form of the same values, converted once).
    pub(crate) fn band_by(&self, against: impl Fn(usize, Decimal) -> std::cmp::Ordering) -> usize {
        for (i, b) in self.bands.iter().enumerate() {
            match b.min {
                None => return i,
                Some(min) => {
                    let o = against(i, min);
                    if o.is_gt() || (b.inclusive && o.is_eq()) {
                        return i;
                    }
                }
            }
        }
        self.bands.len().saturating_sub(1)
    }
    pub fn lowest(&self) -> String {
        self.bands
            .last()
            .map(|b| b.name.clone())
            .unwrap_or_default()
    }
}

/// How period scores are made from monthly totals (P2, P3).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PeriodSettings {
    /// P2/P3: the mean over the months in which the subject was evaluated.
    #[serde(default)]
    pub mean_over: MeanOver,
    /// Rounding of period means (C11).
    #[serde(default)]
    pub rounding: Rounding,
    /// V9: period scores made as weighted sums of the monthly mean and outside inputs, by kind
    /// of subject and of period (annual = 80% of the monthly mean + 20% of 年度综合评价). None by
    /// default: the period score is the mean.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roll_ups: Vec<PeriodRollUp>,
}

impl Default for PeriodSettings {
    fn default() -> Self {
        PeriodSettings {
            mean_over: MeanOver::EvaluatedMonths,
            rounding: Rounding::default(),
            roll_ups: Vec::new(),
        }
    }
}

/// V16: what a period's mean is taken over.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum MeanOver {
    /// The months the subject was evaluated in (in post): a member in post 6 months has the mean
    /// of those 6 (P2/P3).
    #[default]
    EvaluatedMonths,
    /// Pro-rated: the sum of the evaluated months over every month of the period, so months out
    /// of post count 0 (6 months at 90 in a year: 540 / 12 = 45).
    PeriodMonths,
}

/// V9: a period score (or an award's score) as a weighted sum of parts, rounded once.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RollUp {
    /// The parts, each a figure times its weight.
    pub parts: Vec<RollUpPart>,
    /// Rounding of the sum (C11).
    #[serde(default)]
    pub rounding: Rounding,
}

/// One part of a roll-up: `weight` × a figure.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RollUpPart {
    /// `monthly_mean` (the mean of the monthly totals, as `periods.mean_over` takes it, before
    /// rounding) or the name of an outside input (`inputs[].name` of the dataset, for the subject
    /// and the period: 年度综合评价, votes).
    pub source: String,
    /// The part's weight (0.8 for 80%).
    #[serde(deserialize_with = "crate::decimal::exact")]
    pub weight: Decimal,
    /// The figure taken when the dataset gives no such input for the subject and period; absent,
    /// 0. Either way the score's detail says the input was missing.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::decimal::exact_opt")]
    pub when_missing: Option<Decimal>,
}

/// A roll-up of one kind of subject's period scores.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PeriodRollUp {
    pub subject: SubjectKind,
    pub period: PeriodKind,
    /// The parts, each a figure times its weight.
    pub parts: Vec<RollUpPart>,
    /// Rounding of the sum (C11).
    #[serde(default)]
    pub rounding: Rounding,
}

/// Award settings (第六条, P4–P9).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AwardSettings {
    #[serde(default)]
    pub awards: Vec<Award>,
    /// P9: tie-breakers at the quota line, in order (E8 gives the figures).
    #[serde(default = "default_tie_breakers")]
    pub tie_breakers: Vec<TieBreaker>,
    /// E8: the items whose counted occurrences are a subject's complaints (none when absent).
    #[serde(default)]
    pub complaint_rules: ComplaintRules,
    /// P7, V16: eligible only when evaluated in every month of the period (a member in post part
    /// of the year is not eligible for the year's awards); `false`: eligible whatever the months
    /// in post. An award's own `require_every_month` overrides it.
    #[serde(default = "yes")]
    pub require_every_month: bool,
    /// P9: a group still tied at the quota line after every tie-breaker, with fewer places left
    /// than its members. `none` (P9, the default): none of them is awarded, and the result lists
    /// them as tied (the places stay empty); `all`: all of them are awarded, beyond the quota;
    /// `centre`: the places are left for the centre to decide (listed as tied, and the award's
    /// `to_decide` says how many places are open).
    #[serde(default)]
    pub tie_at_line: TieAtLine,
}

/// What a group tied at the quota line after every tie-breaker gets (P9).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum TieAtLine {
    /// None of the tied group is awarded (P9); the result lists them.
    #[default]
    None,
    /// All of the tied group are awarded, beyond the quota.
    All,
    /// Listed for the centre to decide; the places stay open (`to_decide`).
    Centre,
}

impl Default for AwardSettings {
    fn default() -> Self {
        AwardSettings {
            awards: Vec::new(),
            tie_breakers: default_tie_breakers(),
            complaint_rules: ComplaintRules::default(),
            require_every_month: true,
            tie_at_line: TieAtLine::None,
        }
    }
}

fn default_tie_breakers() -> Vec<TieBreaker> {
    vec![
        TieBreaker::FewerDeductions,
        TieBreaker::FewerComplaints,
        TieBreaker::MoreBonus,
    ]
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TieBreaker {
    /// Fewer deduction points in the period: Σ (base − base after deductions) over evaluated months.
    FewerDeductions,
    /// Fewer counted complaints in the period.
    FewerComplaints,
    /// More bonus points in the period (after caps).
    MoreBonus,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ComplaintRules {
    #[serde(default)]
    pub staff: Vec<String>,
    #[serde(default)]
    pub window: Vec<String>,
}

impl Default for ComplaintRules {
    /// None: a policy names its complaint items (the county measure: S5.1 for staff, W6.1 for windows).
    fn default() -> Self {
        ComplaintRules {
            staff: Vec::new(),
            window: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Award {
    /// `model_window` (示范窗口) or `service_star` (政务之星).
    pub id: String,
    pub name_zh: String,
    /// The award's English name, for results in English; absent, English results use `name_zh`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    pub subject: SubjectKind,
    pub period: PeriodKind,
    /// Share of the base, as a fraction (0.10).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::decimal::exact_opt")]
    pub share: Option<Decimal>,
    /// A fixed count instead of a share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    #[serde(default)]
    pub rounding: QuotaRounding,
    #[serde(default)]
    pub minimum: u32,
    /// Whose number the share is taken of.
    #[serde(default)]
    pub base: QuotaBase,
    /// V16: this award's own P7 reading, overriding `awards.require_every_month`; absent, that
    /// setting holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_every_month: Option<bool>,
    /// V9: the award's ranking score as a weighted sum of parts (the period score and the
    /// dataset's outside inputs); absent, the period score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<RollUp>,
    #[serde(default)]
    pub cite: String,
}

impl Award {
    /// The award's name in `lang` ([`name_in`]).
    pub fn name(&self, lang: crate::messages::Lang) -> &str {
        name_in(&self.name_zh, &self.name_en, lang)
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum QuotaRounding {
    #[default]
    Down,
    HalfUp,
    Up,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum QuotaBase {
    /// Every subject of the award's kind evaluated in the period.
    #[default]
    Participants,
    /// Every window evaluated in the period (the literal 参评窗口总数 of 第六条).
    Windows,
    /// Only the eligible participants.
    Eligible,
}

/// Points by level (S5.3, SB.2, WB.5).
pub type LevelMap<T> = BTreeMap<Level, T>;
