//! Periods (P1–P3), rankings (P8), awards (P4–P9) and department feedback (P11, P12).

/// (A period itself, `2026-Q3`, is a calendar's: [`crate::month::Period`].)
pub use crate::month::Period;
use crate::dataset::Dataset;
use crate::compile::Checked;
use crate::engine::{Explain, Policy};
use crate::maps::FastMap;
use crate::period_months::{Counted, Row};
use crate::error::{Errors, Problem, ProblemKind, pa};
use crate::month::{PeriodKind, YearMonth};
use crate::policy::{Award, QuotaBase, QuotaRounding, RoundingMode, SubjectKind, TieAtLine, TieBreaker};
use crate::ranks::{Ranked, rank};
use crate::result::{Flag, MonthResult, YearResult};
use crate::text::{Dec, Text};
use rust_decimal::Decimal;
use smallvec::SmallVec;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::ops::Range;

/// The result of a period: scores, rankings, awards and department feedback.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct PeriodResult {
    pub policy: Text,
    pub hall: Text,
    pub period: Period,
    pub kind: PeriodKind,
    pub months: Vec<YearMonth>,
    /// The period's months with no record dated in them and no metrics for any window: most
    /// likely not recorded yet (a quarter asked for after its first month), and scored as clean
    /// months, at the base, for everyone. Awards of a period with such months are provisional.
    #[serde(default)]
    pub months_without_data: Vec<YearMonth>,
    /// Windows by hall rank, then id.
    pub windows: Vec<SubjectPeriod>,
    /// Staff by hall rank, then id.
    pub staff: Vec<SubjectPeriod>,
    pub awards: Vec<AwardResult>,
    pub departments: Vec<DepartmentFeedback>,
}

/// One subject's period.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct SubjectPeriod {
    pub subject: Text,
    pub kind: SubjectKind,
    pub name: Text,
    pub department: Text,
    /// Monthly totals of the evaluated months, as counted for the period (W6.1's yearly zeroing applied in a year).
    pub monthly: Vec<MonthTotal>,
    pub months_evaluated: u32,
    /// Mean of the monthly totals, rounded per the policy (C11: half away from zero, 2 places).
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub score: Decimal,
    pub grade: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade_forced_by: Option<String>,
    /// How the score was composed when the policy rolls it up (V9: weights and outside inputs),
    /// or pro-rated over the period's months (V16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_detail: Option<String>,
    /// Why the grade is not the score's band: a grade quota's demotion (V8) or no grade (V16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade_detail: Option<String>,
    /// E8: Σ (base − base after deductions) over the evaluated months.
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub deductions: Decimal,
    /// E8: Σ monthly bonus after caps.
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub bonus: Decimal,
    /// E8: counted complaint occurrences.
    pub complaints: u32,
    /// P8: rank in the hall among subjects of the same kind (equal scores share a rank).
    pub rank: u32,
    /// P8: rank within the department.
    pub department_rank: u32,
    /// Eligibility losses in the period, with the record behind each (P7).
    pub disqualifications: Vec<Flag>,
}

impl Ranked for SubjectPeriod {
    fn score(&self) -> Decimal {
        self.score
    }
    fn id(&self) -> &str {
        &self.subject
    }
    fn department(&self) -> &str {
        &self.department
    }
    fn set_ranks(&mut self, in_hall: u32, in_department: u32) {
        (self.rank, self.department_rank) = (in_hall, in_department);
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct MonthTotal {
    pub month: YearMonth,
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub total: Decimal,
    /// Why the total counted differs from the month's own (the yearly zeroing of W6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjusted: Option<String>,
}

/// An award list (示范窗口, 政务之星) for the period.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct AwardResult {
    pub award: String,
    pub name: String,
    pub subject: SubjectKind,
    /// Number of subjects of the award's kind evaluated in the period.
    pub participants: u32,
    /// The number the share is taken of (per the award's base).
    pub base: u32,
    pub quota: u32,
    /// How the quota was computed.
    pub quota_detail: String,
    pub awarded: Vec<Text>,
    /// Tied at the quota line after every tie-breaker: for the centre to decide (P9).
    pub tied_at_line: Vec<Text>,
    /// `awards.tie_at_line: centre`: the places left open at the line for the centre to fill
    /// from `tied_at_line`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_decide: Option<u32>,
    /// Every participant's standing, in ranking order.
    pub standings: Vec<Standing>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct Standing {
    pub subject: Text,
    pub rank: u32,
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub score: Decimal,
    pub status: AwardStatus,
    // (why, in the result's language: written when read, a text in the JSON; no `///` line:
    // it would change the schema's description)
    #[schemars(with = "String")]
    pub detail: StandingDetail,
}

/// Why a standing is what it is, as a person reads it, in the result's language: written when
/// read (`Display`, and the JSON's `detail` text), not when the award is placed. A hall-year
/// places several hundred standings, most of them "rank 4: quota of 3 filled", and writing each
/// text with an allocation of its own was the largest part of placing an award (BENCHMARKS.md,
/// the twenty-eighth round). Read back from JSON, it is the text read.
#[derive(Clone, Debug)]
pub struct StandingDetail(Why);

#[derive(Clone, Debug)]
enum Why {
    /// A message of the catalogue whose arguments are a rank and a quota.
    RankAndQuota { lang: crate::messages::Lang, id: &'static str, rank: u32, quota: u32 },
    /// A text written already (a tie, an ineligibility, a composed score, or read from JSON).
    Text(String),
}

impl StandingDetail {
    /// The message `id` (arguments `rank` and `quota`) in `lang`, written when read.
    pub(crate) fn rank_and_quota(lang: crate::messages::Lang, id: &'static str, rank: u32, quota: u32) -> Self {
        StandingDetail(Why::RankAndQuota { lang, id, rank, quota })
    }

    /// The detail as text.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match &self.0 {
            Why::RankAndQuota { lang, id, rank, quota } => crate::messages::text_counts(*lang, id, &[("rank", *rank), ("quota", *quota)]).into(),
            Why::Text(t) => t.as_str().into(),
        }
    }
}

impl From<String> for StandingDetail {
    fn from(t: String) -> Self {
        StandingDetail(Why::Text(t))
    }
}

impl std::fmt::Display for StandingDetail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

/// Two details are equal when they read the same.
impl PartialEq for StandingDetail {
    fn eq(&self, o: &StandingDetail) -> bool {
        self.text() == o.text()
    }
}

impl Serialize for StandingDetail {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

impl<'de> Deserialize<'de> for StandingDetail {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(StandingDetail::from)
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AwardStatus {
    Awarded,
    /// Not evaluated in every month of the period, or disqualified.
    NotEligible,
    /// Eligible, but the quota was filled by higher-ranked subjects.
    QuotaFull,
    /// Tied at the quota line after every tie-breaker: for the centre to decide.
    TieAtQuotaLine,
}

impl AwardStatus {
    /// The standing's status as people read it, in `lang` (当选, 不具备资格, 名额已满, …).
    pub fn label(self, lang: crate::messages::Lang) -> String {
        crate::messages::text(
            lang,
            match self {
                AwardStatus::Awarded => "label-award-awarded",
                AwardStatus::NotEligible => "label-award-not_eligible",
                AwardStatus::QuotaFull => "label-award-quota_full",
                AwardStatus::TieAtQuotaLine => "label-award-tie_at_quota_line",
            },
            &[],
        )
    }
}

/// Feedback to one department (P11) and its "政务服务" indicator (P12).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct DepartmentFeedback {
    pub department: Text,
    pub name: Text,
    /// (window id, score, hall rank)
    pub windows: Vec<DepartmentEntry>,
    pub staff: Vec<DepartmentEntry>,
    /// P12: the mean of the department's windows' period scores (rounded per C11); none without windows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "crate::text::ser_opt_dec")]
    pub indicator: Option<Decimal>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct DepartmentEntry {
    pub subject: Text,
    pub name: Text,
    #[serde(serialize_with = "crate::text::ser_dec")]
    pub score: Decimal,
    pub rank: u32,
    pub department_rank: u32,
}

/// A hall's whole year: months, quarters and the year.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
pub struct HallYear {
    pub year: YearResult,
    /// Each month as a period, with its awards, when the policy has monthly awards (V6: the top 3
    /// each month); empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<PeriodResult>,
    pub quarters: Vec<PeriodResult>,
    pub annual: PeriodResult,
}

impl PeriodResult {
    pub fn subject(&self, id: &str) -> Option<&SubjectPeriod> {
        self.windows
            .iter()
            .chain(self.staff.iter())
            .find(|s| s.subject == id)
    }
    pub fn award(&self, id: &str, kind: SubjectKind) -> Option<&AwardResult> {
        self.awards
            .iter()
            .find(|a| a.award == id && a.subject == kind)
    }
}

impl Policy {
    /// Scores a period: a month, a quarter or the year, with rankings and awards.
    pub fn evaluate_period(&self, ds: &Dataset, period: Period) -> Result<PeriodResult, Errors> {
        self.evaluate_period_with(ds, period, Explain::Full)
    }

    /// [`Policy::evaluate_period`] with the given level of explanation of the months behind it
    /// (the period result itself is the same either way).
    pub fn evaluate_period_with(
        &self,
        ds: &Dataset,
        period: Period,
        explain: Explain,
    ) -> Result<PeriodResult, Errors> {
        self.evaluate_period_months(ds, period, explain).map(|(p, _)| p)
    }

    /// The period result and the results of its months (each month evaluated once), for callers
    /// that show both, as the Python binding does.
    pub fn evaluate_period_months(
        &self,
        ds: &Dataset,
        period: Period,
        explain: Explain,
    ) -> Result<(PeriodResult, Vec<MonthResult>), Errors> {
        if period.year() != ds.year {
            return Err(Errors::one(
                "request",
                Problem::msg(ProblemKind::Unsupported, "period", "problem-period-outside-year", pa!["period" => period, "year" => ds.year]),
            ));
        }
        let checked = self.check(ds)?;
        let range = period.months();
        let (first, last) = (range.first().expect("a period has months").month, range.last().expect("a period has months").month);
        // the period's months, and before them only what the year to date needs
        let months = checked.evaluate_months(first, last, explain);
        Ok((self.period_from_months(ds, period, &months), months))
    }

    /// Everything a hall's year produces, computing each month once: the twelve months, the four
    /// quarters and the year (each with ranks, awards and department feedback).
    pub fn evaluate_hall_year(&self, ds: &Dataset) -> Result<HallYear, Errors> {
        self.evaluate_hall_year_with(ds, Explain::Full)
    }

    /// [`Policy::evaluate_hall_year`] with the given level of explanation of the months.
    pub fn evaluate_hall_year_with(
        &self,
        ds: &Dataset,
        explain: Explain,
    ) -> Result<HallYear, Errors> {
        Ok(self.check(ds)?.evaluate_hall_year(explain))
    }
}

impl Checked<'_, '_> {
    /// Everything a hall's year produces, as [`Policy::evaluate_hall_year_with`].
    pub fn evaluate_hall_year(&self, explain: Explain) -> HallYear {
        let (policy, ds) = (self.policy(), self.dataset());
        let year = self.evaluate_year(explain);
        // each month's complaints counted, and its subjects sorted, once for all the periods
        let counted = Counted::new(policy, &year.months);
        let quarters = (1..=4)
            .map(|q| {
                let p = Period::Quarter {
                    year: ds.year,
                    quarter: q,
                };
                let from = year
                    .months
                    .iter()
                    .position(|m| p.contains(m.month))
                    .unwrap_or(year.months.len());
                let to = year
                    .months
                    .iter()
                    .rposition(|m| p.contains(m.month))
                    .map_or(from, |i| i + 1);
                policy.period_from_counted_months(ds, p, &counted, from..to)
            })
            .collect();
        let annual = policy.period_from_counted_months(ds, Period::Year(ds.year), &counted, 0..year.months.len());
        let monthly_awards = policy.doc().awards.awards.iter().any(|a| a.period == PeriodKind::Month);
        let months = if monthly_awards {
            (0..year.months.len())
                .map(|i| policy.period_from_counted_months(ds, Period::Month(year.months[i].month), &counted, i..i + 1))
                .collect()
        } else {
            Vec::new()
        };
        drop(counted);
        HallYear {
            months,
            year,
            quarters,
            annual,
        }
    }
}

impl Policy {
    /// Builds the period result from its months' results (all months of the period, in order).
    pub fn period_from_months(
        &self,
        ds: &Dataset,
        period: Period,
        months: &[MonthResult],
    ) -> PeriodResult {
        self.period_from_counted_months(ds, period, &Counted::new(self, months), 0..months.len())
    }


    /// [`Policy::period_from_months`] of the months at `range` of a list counted already (all
    /// of the period's months, in order).
    pub(crate) fn period_from_counted_months(
        &self,
        ds: &Dataset,
        period: Period,
        counted: &Counted<'_>,
        range: Range<usize>,
    ) -> PeriodResult {
        // (a month's complaints are counted over the whole list's months of its name: a part of
        // the list is taken only of a list whose months are each there once)
        debug_assert!(range == (0..counted.months.len()) || counted.months.iter().enumerate().all(|(i, m)| counted.months[..i].iter().all(|o| o.month != m.month)));
        let doc = self.doc();
        let months = &counted.months[range.clone()];
        let mut windows = self.subjects(period, counted, range.clone(), SubjectKind::Window);
        let mut staff = self.subjects(period, counted, range, SubjectKind::Staff);
        for list in [&mut windows, &mut staff] {
            self.roll_up_scores(ds, period, list);
            self.grade_rules(period, list);
        }
        rank(&mut windows);
        rank(&mut staff);
        let mut awards = Vec::new();
        for a in doc
            .awards
            .awards
            .iter()
            .filter(|a| a.period == period.kind())
        {
            let list = match a.subject {
                SubjectKind::Window => &windows,
                SubjectKind::Staff => &staff,
            };
            awards.push(self.award(ds, a, period, list, windows.len() as u32));
        }
        // each department's windows and staff in the period's order, departments by id: those of
        // the dataset, and any other a subject names. A department is a slot, found by a hash of
        // its id (a B-tree compared ids byte by byte for every subject), with its lists sized by
        // a first count; the slots are put in id order once at the end
        let mut slot: FastMap<&str, usize> = FastMap::default();
        // (each slot's id and name: a department of the dataset named as its last entry says)
        let mut ids: Vec<(&str, Option<&str>)> = Vec::new();
        for d in &ds.departments {
            match slot.get(d.id.as_str()) {
                Some(&i) => ids[i].1 = Some(d.name.as_str()),
                None => {
                    slot.insert(d.id.as_str(), ids.len());
                    ids.push((d.id.as_str(), Some(d.name.as_str())));
                }
            }
        }
        // each subject's slot (none for a subject without a department), windows then staff
        let at: Vec<Option<usize>> = windows
            .iter()
            .chain(staff.iter())
            .map(|s| {
                let d = s.department.as_str();
                (!d.is_empty()).then(|| {
                    *slot.entry(d).or_insert_with(|| {
                        ids.push((d, None));
                        ids.len() - 1
                    })
                })
            })
            .collect();
        let mut sizes = vec![(0, 0); ids.len()];
        for (k, i) in at.iter().enumerate() {
            if let Some(&i) = i.as_ref() {
                if k < windows.len() { sizes[i].0 += 1 } else { sizes[i].1 += 1 }
            }
        }
        let mut lists: Vec<(Vec<DepartmentEntry>, Vec<DepartmentEntry>)> = sizes.iter().map(|&(w, s)| (Vec::with_capacity(w), Vec::with_capacity(s))).collect();
        for (s, i) in windows.iter().chain(staff.iter()).zip(&at) {
            let Some(&i) = i.as_ref() else { continue };
            let entry = DepartmentEntry { subject: s.subject.clone(), name: s.name.clone(), score: s.score, rank: s.rank, department_rank: s.department_rank };
            if s.kind == SubjectKind::Window { lists[i].0.push(entry) } else { lists[i].1.push(entry) }
        }
        let mut order: Vec<usize> = (0..ids.len()).collect();
        order.sort_unstable_by_key(|&i| ids[i].0);
        let departments = order
            .into_iter()
            .map(|i| {
                let (d, name) = ids[i];
                let (ws, st) = std::mem::take(&mut lists[i]);
                let indicator = if ws.is_empty() {
                    None
                } else {
                    let sum: Decimal = ws.iter().map(|w| w.score).sum();
                    Some(doc.periods.rounding.mean(sum, ws.len() as u64))
                };
                DepartmentFeedback {
                    department: Text::new(d),
                    name: Text::new(name.unwrap_or(d)),
                    windows: ws,
                    staff: st,
                    indicator,
                }
            })
            .collect();
        // months with neither records nor metrics (every record dated in a month has its
        // outcome in that month's result, so an empty list means no record at all)
        let months_without_data = period
            .months()
            .into_iter()
            .filter(|ym| {
                let no_records = months.iter().find(|m| m.month == *ym).is_none_or(|m| m.records.is_empty());
                no_records && !ds.metrics.iter().any(|x| x.month == *ym)
            })
            .collect();
        PeriodResult {
            months_without_data,
            policy: months.first().map(|m| m.policy.clone()).unwrap_or_else(|| self.policy_text()),
            hall: months
                .first()
                .map(|m| m.hall.clone())
                .unwrap_or_else(|| Text::new(&ds.hall.id)),
            period,
            kind: period.kind(),
            months: period.months(),
            windows,
            staff,
            awards,
            departments,
        }
    }

    /// The period's subjects of one kind, by id: the months at `range` of the counted list.
    fn subjects(&self, period: Period, counted: &Counted<'_>, range: Range<usize>, kind: SubjectKind) -> Vec<SubjectPeriod> {
        let months = counted.months;
        let doc = self.doc();
        // this period's own grade texts (threads scoring halls in parallel share no counts)
        let grades: Vec<Text> = doc.grades.bands.iter().map(|b| Text::new(&b.name)).collect();
        let sp = match kind {
            SubjectKind::Staff => &doc.staff,
            SubjectKind::Window => &doc.window,
        };
        let by_subject = counted.by_subject(kind);
        // (room for every subject of the list: a period's results are large, and growing the
        // list moved them several times)
        let mut out = Vec::with_capacity(by_subject.subjects());
        for rows in by_subject.within(range.clone()) {
            // P3: categories zeroed for the whole year (W6.1) count as 0 in every month of the annual result
            let zero_for_year: BTreeSet<&str> = if period.kind() == PeriodKind::Year {
                rows.iter()
                    .flat_map(|r| r.s.flags().iter())
                    .filter(|f| f.code == "category_zeroed_for_year")
                    .filter_map(|f| f.category.as_deref())
                    .collect()
            } else {
                BTreeSet::new()
            };
            let mut monthly = Vec::with_capacity(rows.len());
            // the sums as integers, or (a category zeroed for the year, or a number past 64
            // bits) as the decimals added up row by row below
            let quick = if zero_for_year.is_empty() { by_subject.sums(rows) } else { None };
            let [mut sum, mut deductions, mut bonus] = quick.unwrap_or([Decimal::ZERO; 3]);
            let mut complaints = 0u32;
            let mut forced = None;
            let mut disq = Vec::new();
            for &Row { month: mi, s, total: normalized, complaints: c, .. } in rows {
                let m = &months[mi];
                let mut base = s.base();
                let mut adjusted = None;
                // (a subject's categories are read only when one of them is zeroed for the year)
                if !zero_for_year.is_empty() {
                    for c in s.categories().iter() {
                        if zero_for_year.contains(c.code().as_str()) && !c.score().is_zero() {
                            base -= c.score();
                            adjusted = Some(self.msg("period-category-zeroed", &[("category", c.code()), ("score", &Dec::norm(c.score()))]));
                        }
                    }
                }
                let total = if adjusted.is_some() {
                    let mut t = base + s.bonus();
                    if let Some(hi) = sp.max_total {
                        t = t.min(hi);
                    }
                    if let Some(lo) = sp.min_total {
                        t = t.max(lo);
                    }
                    t
                } else {
                    s.total()
                };
                if quick.is_none() {
                    sum += total;
                    deductions += sp.base - base;
                    bonus += s.bonus();
                }
                complaints += c;
                if forced.is_none() {
                    forced = s
                        .grade_forced_by()
                        .map(|b| (s.grade().clone(), self.msg("period-forced-in-month", &[("by", &b), ("month", &m.month)])));
                }
                for f in s.flags().iter().filter(|f| f.code == "disqualified") {
                    // a flag applies to the period of its own kind only
                    let applies = f.period == Some(period.kind());
                    if applies {
                        let mut f = f.clone();
                        f.detail = self.msg("period-flag-in-month", &[("detail", &f.detail), ("month", &m.month)]);
                        disq.push(f);
                    }
                }
                monthly.push(MonthTotal {
                    month: m.month,
                    total: if adjusted.is_some() { total.normalize() } else { normalized },
                    adjusted,
                });
            }
            let n = rows.len() as u32;
            let score = self.period_mean(period, sum, n);
            let (grade, grade_forced_by) = match forced {
                Some((g, by)) => (g, Some(by)),
                None => (grades.get(doc.grades.band(score)).cloned().unwrap_or_default(), None),
            };
            let first = rows[0].s;
            out.push(SubjectPeriod {
                subject: first.subject().clone(),
                kind,
                name: first.name().clone(),
                department: rows
                    .last()
                    .map(|r| r.s.department().clone())
                    .unwrap_or_default(),
                monthly,
                months_evaluated: n,
                score,
                grade,
                grade_forced_by,
                score_detail: None,
                grade_detail: None,
                deductions: deductions.normalize(),
                bonus: bonus.normalize(),
                complaints,
                rank: 0,
                department_rank: 0,
                disqualifications: disq,
            });
        }
        out
    }

    fn award(
        &self,
        ds: &Dataset,
        a: &Award,
        period: Period,
        list: &[SubjectPeriod],
        window_count: u32,
    ) -> AwardResult {
        let settings = &self.doc().awards;
        let months_in_period = period.months().len() as u32;
        let eligible = |s: &SubjectPeriod| -> Result<(), String> {
            if a.require_every_month.unwrap_or(settings.require_every_month) && s.months_evaluated < months_in_period {
                return Err(self.msg_counts("award-not-every-month", &[("evaluated", s.months_evaluated), ("months", months_in_period)]));
            }
            if let Some(f) = s.disqualifications.first() {
                let rule = f.rule.as_deref().unwrap_or("?");
                return Err(match f.record.as_deref() {
                    Some(r) => self.msg("award-disqualified-record", &[("rule", &rule), ("record", &r), ("detail", &f.detail)]),
                    None => self.msg("award-disqualified", &[("rule", &rule), ("detail", &f.detail)]),
                });
            }
            Ok(())
        };
        let participants = list.len() as u32;
        // each subject's eligibility, once (by position in `list`)
        let mut eligibility: Vec<Result<(), String>> = list.iter().map(eligible).collect();
        let n_eligible = eligibility.iter().filter(|e| e.is_ok()).count() as u32;
        let base = match a.base {
            QuotaBase::Participants => participants,
            QuotaBase::Windows => window_count,
            QuotaBase::Eligible => n_eligible,
        };
        let (quota, quota_detail) = self.award_quota(a, base);
        // ordering among the eligible: score, then the tie-breakers (P9)
        // V9: the award's own score, when it composes one
        let scores: Vec<(Decimal, Option<String>)> = list.iter().map(|s| self.award_score(ds, a, period, s)).collect();
        let key = |i: usize, s: &SubjectPeriod| {
            let mut k: SmallVec<[Decimal; 4]> = smallvec::smallvec![-scores[i].0];
            for t in &settings.tie_breakers {
                k.push(match t {
                    TieBreaker::FewerDeductions => s.deductions,
                    TieBreaker::FewerComplaints => Decimal::from(s.complaints),
                    TieBreaker::MoreBonus => -s.bonus,
                });
            }
            k
        };
        // (key, position in `list`), sorted once with each key computed once
        let mut keyed: Vec<(SmallVec<[Decimal; 4]>, usize)> = list.iter().enumerate().map(|(i, s)| (key(i, s), i)).collect();
        let order = |(kx, x): &(SmallVec<[Decimal; 4]>, usize), (ky, y): &(SmallVec<[Decimal; 4]>, usize)| kx.cmp(ky).then_with(|| list[*x].subject.cmp(&list[*y].subject));
        // the list comes ranked, by score: when the award's scores are in that order too (they
        // are the period's, unless the award composes its own), each run of equal scores is
        // sorted on its own, which gives the whole list's order (the first key never falls
        // from one run to the next)
        if keyed.is_sorted_by(|(kx, _), (ky, _)| kx[0] <= ky[0]) {
            keyed.chunk_by_mut(|(kx, _), (ky, _)| kx[0] == ky[0]).for_each(|run| run.sort_by(order));
        } else {
            keyed.sort_by(order);
        }
        let elig: Vec<(&SmallVec<[Decimal; 4]>, usize)> =
            keyed.iter().filter(|(_, i)| eligibility[*i].is_ok()).map(|(k, i)| (k, *i)).collect();
        let Placed { mut status, awarded, tied, to_decide } = self.place_within_quota(list, &elig, quota);
        let standings = keyed
            .iter()
            .map(|(_, i)| {
                let s = &list[*i];
                let (st, mut detail) = match &mut eligibility[*i] {
                    Err(why) => (AwardStatus::NotEligible, StandingDetail::from(std::mem::take(why))),
                    Ok(()) => status[*i].take().expect("every eligible subject has a status"),
                };
                if let Some(how) = &scores[*i].1 {
                    detail = self.msg("award-score-composed", &[("detail", &detail), ("score", how)]).into();
                }
                Standing {
                    subject: s.subject.clone(),
                    rank: s.rank,
                    score: scores[*i].0,
                    status: st,
                    detail,
                }
            })
            .collect();
        AwardResult {
            award: a.id.clone(),
            name: a.name(self.lang).to_owned(),
            subject: a.subject,
            participants,
            base,
            quota,
            quota_detail,
            awarded,
            tied_at_line: tied,
            to_decide,
            standings,
        }
    }

    /// An award's quota over its base (a fixed count, or a share rounded once from its exact
    /// value), at least its minimum, and how it was reached in words.
    fn award_quota(&self, a: &Award, base: u32) -> (u32, String) {
        let (mut quota, mut quota_detail) = match (a.count, a.share) {
            (Some(c), _) => (c, self.msg("quota-fixed", &[("count", &c)])),
            (None, Some(share)) => {
                // share × base rounded once from its exact value (a 28-digit share times the base
                // may not fit a decimal's mantissa)
                let exact = share * Decimal::from(base);
                let mode = match a.rounding {
                    QuotaRounding::Down => RoundingMode::Down,
                    QuotaRounding::Up => RoundingMode::Up,
                    QuotaRounding::HalfUp => RoundingMode::HalfAwayFromZero,
                };
                let q = crate::exact::quotient(&[share, Decimal::from(base)], &[], 0, mode)
                    .unwrap_or(Decimal::ZERO);
                let q: u32 = q.try_into().unwrap_or(0);
                let rounding = self.msg(
                    match a.rounding {
                        QuotaRounding::Down => "rounding-down",
                        QuotaRounding::Up => "rounding-up",
                        QuotaRounding::HalfUp => "rounding-half-up",
                    },
                    &[],
                );
                let args: [(&str, &dyn std::fmt::Display); 5] = [
                    ("share", &share.normalize()),
                    ("base", &base),
                    ("exact", &exact.normalize()),
                    ("quota", &q),
                    ("rounding", &rounding),
                ];
                (q, self.msg("quota-share", &args))
            }
            (None, None) => (0, self.msg("quota-none", &[])),
        };
        if quota < a.minimum {
            quota = a.minimum;
            quota_detail = self.msg("quota-minimum", &[("detail", &quota_detail), ("minimum", &a.minimum)]);
        }
        (quota, quota_detail)
    }

    /// The eligible subjects (sorted by their keys; equal keys are tied) placed against the quota:
    /// each one's status by position in `list`, who is awarded, who is tied at the quota line and
    /// how many places the centre decides (P9).
    fn place_within_quota(&self, list: &[SubjectPeriod], elig: &[(&SmallVec<[Decimal; 4]>, usize)], quota: u32) -> Placed {
        let settings = &self.doc().awards;
        // each eligible subject's status, by position in `list` (subjects are distinct)
        let mut status: Vec<Option<(AwardStatus, StandingDetail)>> = vec![None; list.len()];
        let mut awarded = Vec::new();
        let mut tied = Vec::new();
        let mut i = 0;
        let mut closed = false;
        let mut to_decide = None;
        while i < elig.len() {
            let k = elig[i].0;
            let mut j = i;
            while j < elig.len() && elig[j].0 == k {
                j += 1;
            }
            let group = &elig[i..j];
            let left = quota.saturating_sub(awarded.len() as u32) as usize;
            if !closed && group.len() <= left {
                for &(_, at) in group {
                    let s = &list[at];
                    awarded.push(s.subject.clone());
                    status[at] = Some(
                        (
                            AwardStatus::Awarded,
                            StandingDetail::rank_and_quota(self.lang, "award-within-quota", s.rank, quota),
                        ),
                    );
                }
            } else if !closed && left > 0 && settings.tie_at_line == TieAtLine::All {
                for &(_, at) in group {
                    awarded.push(list[at].subject.clone());
                    status[at] = Some((AwardStatus::Awarded, self.msg("award-tie-all", &[("tied", &group.len()), ("left", &left)]).into()));
                }
                closed = true;
            } else if !closed && left > 0 {
                let id = match settings.tie_at_line {
                    TieAtLine::Centre => {
                        to_decide = Some(left as u32);
                        "award-tie-centre"
                    }
                    _ => "award-tie-at-line",
                };
                for &(_, at) in group {
                    tied.push(list[at].subject.clone());
                    status[at] = Some((AwardStatus::TieAtQuotaLine, self.msg(id, &[("tied", &group.len()), ("left", &left)]).into()));
                }
                closed = true;
            } else {
                closed = true;
                for &(_, at) in group {
                    let s = &list[at];
                    status[at] = Some(
                        (
                            AwardStatus::QuotaFull,
                            StandingDetail::rank_and_quota(self.lang, "award-quota-filled", s.rank, quota),
                        ),
                    );
                }
            }
            i = j;
        }
        Placed { status, awarded, tied, to_decide }
    }
}

/// The eligible subjects placed against an award's quota ([`Policy::place_within_quota`]).
struct Placed {
    /// Each eligible subject's status and its reason, by position in the award's list.
    status: Vec<Option<(AwardStatus, StandingDetail)>>,
    awarded: Vec<Text>,
    tied: Vec<Text>,
    to_decide: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn a_standing_detail_is_written_when_read_and_reads_back_as_its_text() {
        let lazy = StandingDetail::rank_and_quota(Lang::ZhCn, "award-quota-filled", 4, 3);
        assert_eq!(lazy.to_string(), "排名第 4: 3 个名额已满");
        let en = StandingDetail::rank_and_quota(Lang::En, "award-within-quota", 2, 3);
        assert_eq!(en.text(), crate::messages::text(Lang::En, "award-within-quota", &[("rank", &2), ("quota", &3)]));
        // the JSON is the text; read back, the same detail
        let json = serde_json::to_string(&lazy).expect("writes");
        assert_eq!(json, r#""排名第 4: 3 个名额已满""#);
        let back: StandingDetail = serde_json::from_str(&json).expect("reads");
        assert_eq!(back, lazy);
        assert_ne!(back, en);
        assert_eq!(StandingDetail::from("not eligible".to_string()).text(), "not eligible");
    }
}
