//! Rule kinds as plugins: the [`RuleKind`] trait, the [`Rule`] a kind compiles an item
//! into, the [`Registry`] that maps kind names to kinds, and the context a rule reads.

use crate::messages::Lang;
use crate::dataset::{RecordRef, Window, WindowMetrics};
use crate::error::{Problem, ProblemKind};
use crate::month::YearMonth;
use crate::policy::{Effects, PolicyDoc, Rounding, RuleItem, SubjectKind};
use crate::result::{DaysLink, SubjectRef};
use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

/// A kind of rule: it checks an item's parameters and compiles them into a [`Rule`].
pub trait RuleKind: Send + Sync {
    /// The name policies use in `kind`.
    fn name(&self) -> &str;
    /// One line on what the kind does.
    fn summary(&self) -> &str;
    /// JSON Schema of the kind's `params`.
    fn params_schema(&self, generator: &mut SchemaGenerator) -> Schema;
    /// Builds the rule from the item; `path` is the item's place in the policy (`rules[3]`).
    fn compile(&self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>>;
}

/// Whose records a linked item reads, and how it finds the subject to charge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// A staff record charged to the window the member was assigned to on the record's date.
    AssignedWindow,
    /// A window record charged to the window's chief representative (首席代表) on the date.
    ChiefRepresentative,
    /// A window record charged to the window's head (窗口负责人) on the date.
    WindowHead,
}

impl Via {
    /// The name the policy writes (`assigned_window`).
    pub fn as_str(self) -> &'static str {
        match self {
            Via::AssignedWindow => "assigned_window",
            Via::ChiefRepresentative => "chief_representative",
            Via::WindowHead => "window_head",
        }
    }
    pub fn from_kind(self) -> SubjectKind {
        match self {
            Via::AssignedWindow => SubjectKind::Staff,
            Via::ChiefRepresentative | Via::WindowHead => SubjectKind::Window,
        }
    }
    pub fn to_kind(self) -> SubjectKind {
        match self {
            Via::AssignedWindow => SubjectKind::Window,
            Via::ChiefRepresentative | Via::WindowHead => SubjectKind::Staff,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub source: String,
    pub via: Via,
}

/// A compiled rule item.
pub trait Rule: Send + Sync + fmt::Debug {
    /// [`Rule::derived_from`] in `lang` (by default, as `derived_from` writes it).
    fn derived_from_in(&self, _lang: Lang) -> Option<String> {
        self.derived_from()
    }
    /// When the item is computed from other inputs (E3), what from: records may not name it.
    fn derived_from(&self) -> Option<String> {
        None
    }
    /// For an item that reads another item's records (W6.1 reads S5.1).
    fn link(&self) -> Option<&Link> {
        None
    }
    /// The names of the window-month figures (`rates` and `values`) the rule reads, in its own
    /// order: they are found in each window-month's metrics once, when the hall is compiled, and
    /// the rule reads the `k`-th with [`RuleContext::own_figure`], [`MetricWindow::figure`] and
    /// [`RuleContext::figure_target`] instead of looking its name up in every month it scores.
    fn figures(&self) -> &[String] {
        &[]
    }
    /// Checks one record naming the item; pushes a problem per fault. `path` is the record's place
    /// (`records[17]`), formatted only when there is a problem to report.
    fn check_record(
        &self,
        _item: &RuleItem,
        _record: RecordRef<'_>,
        _path: &dyn fmt::Display,
        _out: &mut Vec<Problem>,
    ) {
    }
    /// Checks references to the rest of the policy (a linked source exists, a category exists).
    fn check_policy(
        &self,
        _policy: &PolicyDoc,
        _item: &RuleItem,
        _path: &str,
        _out: &mut Vec<Problem>,
    ) {
    }
    /// Points of one occurrence of a record of the item, before any cap, with an explanation in
    /// `lang` (from [`crate::messages::text`]).
    fn points(&self, _record: RecordRef<'_>, _lang: Lang) -> Option<(Decimal, String)> {
        None
    }
    /// The points of [`Rule::points`] without their explanation, for results without text
    /// ([`crate::engine::Explain::Scores`]). By default `points` with the text dropped; a kind
    /// overrides it to skip the formatting.
    fn value(&self, record: RecordRef<'_>) -> Option<Decimal> {
        self.points(record, Lang::En).map(|(p, _)| p)
    }
    /// Whether the item's contributions are its records' own and nothing else: one
    /// `Occurrences` per record for which [`Rule::value`] gives points, worth those points, with
    /// [`Rule::record_effects`] — what the default [`Rule::apply`] does. A kind that keeps the
    /// default `apply` says so (per_occurrence, level_points, discretionary, per_unit): the
    /// compiled hall then holds each record's value, computed once, and a month's evaluation
    /// reads it there instead of visiting the record (with [`Rule::points`] called only for the
    /// text of [`crate::engine::Explain::Full`]). A kind that overrides `apply` leaves it false.
    fn per_record(&self) -> bool {
        false
    }
    /// The most points one occurrence can take, when the rule fixes it (checked against the category's max).
    fn max_points(&self) -> Option<Decimal> {
        None
    }
    /// Effects a record has besides its points (S5.3 city level: quarterly eligibility lost).
    fn record_effects(&self, _record: RecordRef<'_>) -> Effects {
        Effects::default()
    }
    /// Whether the record has effects ([`Rule::record_effects`] not empty): what compiling the
    /// hall asks of every record, so a kind that can say it without building the effects should.
    fn has_record_effects(&self, record: RecordRef<'_>) -> bool {
        !self.record_effects(record).is_empty()
    }
    /// A threshold the item applies (count_threshold), besides the item's own `threshold` field.
    fn threshold(&self) -> Option<&crate::policy::Threshold> {
        None
    }
    /// Whether [`Rule::apply`] may contribute anything. A kind whose item only carries a
    /// threshold (count_threshold) says no: a month then neither visits its items nor keeps their
    /// categories from being added up straight.
    fn contributes(&self) -> bool {
        true
    }
    /// Contributes the item's lines for one subject and month.
    fn apply<'a>(&self, cx: &RuleContext<'_, 'a>, out: &mut Vec<Contribution<'a>>) {
        for &r in cx.records() {
            let points = if cx.explain() { self.points(r, cx.lang()) } else { self.value(r).map(|p| (p, String::new())) };
            if let Some((points, detail)) = points {
                out.push(Contribution::Occurrences {
                    record: r,
                    points_each: points,
                    detail,
                    effects: self.record_effects(r),
                });
            }
        }
    }
}

/// A named window-month figure as the hall was compiled with it ([`Rule::figures`]): the
/// window-month's rate of that name and its value of that name (`rates` and `values` of
/// [`WindowMetrics`]), each absent when the metrics do not give it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Figure {
    pub rate: Option<Decimal>,
    pub value: Option<Decimal>,
}

impl Figure {
    /// The figure of `name` in a window-month's metrics.
    pub(crate) fn of(m: &WindowMetrics, name: &str) -> Figure {
        Figure { rate: m.rates.get(name).copied(), value: m.values.get(name).copied() }
    }
}

/// A window whose metrics a rule reads ([`RuleContext::metric_windows`]): its id, its metrics of
/// the month and how many staff were on duty there, and its figures as the hall was compiled with
/// them.
pub struct MetricWindow<'c> {
    pub id: &'c str,
    pub metrics: Option<&'c WindowMetrics>,
    pub on_duty: usize,
    /// The window's dense index, the item's place and the month's world, for [`MetricWindow::figure`]
    /// (found only when asked: a rule that reads `cases` never asks).
    wx: u32,
    ii: usize,
    world: &'c dyn World,
}

impl MetricWindow<'_> {
    /// The `k`-th of the rule's figures ([`Rule::figures`]) in this window's month; none when the
    /// window has no metrics for the month.
    pub fn figure(&self, k: usize) -> Option<Figure> {
        Some(self.world.figures_at(self.wx)?[*self.world.item_figures(self.ii).get(k)? as usize])
    }
}

/// What a rule adds to a subject's month. The engine applies caps, in the order of E7.
#[derive(Debug, Clone, PartialEq)]
pub enum Contribution<'a> {
    /// A record's occurrences (count from the record), each worth `points_each` before caps.
    Occurrences {
        record: RecordRef<'a>,
        points_each: Decimal,
        detail: String,
        effects: Effects,
    },
    /// A monthly state or metric (W1.1, W5.1, WB.4), not from a record.
    State { points: Decimal, detail: String },
    /// A category score derived from other results (W2, W3), before record deductions in that category.
    Score { score: Decimal, detail: String },
    /// Something the result should say.
    Warning(String),
    /// Effects of the month's state, not of a record (V17: one 非常不满意 rating → a veto), with
    /// why; each flag it raises says so.
    Effects { effects: Effects, detail: String },
}

/// What a rule can read while it contributes to one subject's month: `'c` is the month being
/// scored, `'a` the dataset (records a contribution names outlive the month's scoring).
pub struct RuleContext<'c, 'a> {
    pub(crate) month: YearMonth,
    pub(crate) subject: &'a str,
    /// The subject's dense index in the compiled hall.
    pub(crate) sx: u32,
    pub(crate) kind: SubjectKind,
    pub(crate) item: &'c RuleItem,
    /// The item's place among the policy's items.
    pub(crate) ii: usize,
    pub(crate) records: &'c [RecordRef<'a>],
    pub(crate) world: &'c dyn World,
    pub(crate) explain: bool,
}

/// The engine's view of the month, as the context exposes it.
pub(crate) trait World {
    fn window(&self, id: &str) -> Option<&Window>;
    /// A window by its dense index.
    fn window_at(&self, wx: u32) -> Option<&Window>;
    fn metrics(&self, window: &str, month: YearMonth) -> Option<&WindowMetrics>;
    fn target(&self, metric: &str) -> Option<Decimal>;
    /// Staff on duty at a window in the month being scored, with days, by staff id.
    fn staff_on_duty(&self, window: &str) -> &[DaysLink];
    /// Windows a staff member served in the month being scored, with days, by window id.
    fn windows_served(&self, staff: &str) -> &[DaysLink];
    fn staff_result(&self, staff: &str) -> Option<SubjectRef<'_>>;
    /// [`World::staff_result`] by the staff member's dense index.
    fn staff_result_at(&self, staff: u32) -> Option<SubjectRef<'_>>;
    /// A subject's links of the month (a window's staff on duty, a staff member's windows), by
    /// its dense index, with the dense index of each link's other end.
    fn links_to(&self, sx: u32) -> (&[DaysLink], &[u32]);
    /// A window's metrics of the month being scored, by its dense index.
    fn metrics_at(&self, wx: u32) -> Option<&WindowMetrics>;
    /// A window's figures of the month being scored (all the policy's rules', [`Rule::figures`]),
    /// by its dense index; none when it has no metrics for the month.
    fn figures_at(&self, wx: u32) -> Option<&[Figure]>;
    /// [`World::figures_at`] of a window by its id.
    fn figures_of(&self, window: &str) -> Option<&[Figure]>;
    /// The places among the policy's figures of the figures of the policy's item at `ii`.
    fn item_figures(&self, ii: usize) -> &[u32];
    /// The dataset's target for the policy's figure at `slot`.
    fn figure_target(&self, slot: u32) -> Option<Decimal>;
    fn rule(&self, code: &str) -> Option<(&RuleItem, &dyn Rule)>;
    /// The max of the category of the policy's item at `ii`, among the categories of `kind`.
    fn item_category_max(&self, kind: SubjectKind, ii: usize) -> Option<Decimal>;
    fn rounding(&self) -> Rounding;
    fn window_open_days(&self, window: &str, month: YearMonth) -> crate::month::Days;
    fn policy(&self) -> &PolicyDoc;
    /// The language of the texts of results.
    fn lang(&self) -> Lang;
}

impl<'a> RuleContext<'_, 'a> {
    pub fn month(&self) -> YearMonth {
        self.month
    }
    /// Whether the result carries explanatory text ([`crate::engine::Explain::Full`]); when it
    /// does not, a rule may leave its contributions' `detail` empty instead of formatting it.
    pub fn explain(&self) -> bool {
        self.explain
    }
    /// The language the item's texts (details, warnings) are written in.
    pub fn lang(&self) -> Lang {
        self.world.lang()
    }
    /// A message of the catalogue in the result's language.
    pub fn text(&self, id: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
        crate::messages::text(self.lang(), id, args)
    }
    pub fn subject(&self) -> &str {
        self.subject
    }
    pub fn subject_kind(&self) -> SubjectKind {
        self.kind
    }
    pub fn item(&self) -> &RuleItem {
        self.item
    }
    /// The counted-status records charged to this subject under this item in the month, by date then id.
    pub fn records(&self) -> &[RecordRef<'a>] {
        self.records
    }
    pub fn window(&self, id: &str) -> Option<&Window> {
        self.world.window(id)
    }
    /// The window being scored: `window(subject)`, found by the hall's dense index rather than
    /// by its id (for a staff member, a window of the same id, as `window` finds it).
    pub fn own_window(&self) -> Option<&Window> {
        match self.kind {
            SubjectKind::Window => self.world.window_at(self.sx),
            SubjectKind::Staff => self.world.window(self.subject),
        }
    }
    pub fn metrics(&self, window: &str) -> Option<&WindowMetrics> {
        self.world.metrics(window, self.month)
    }
    /// The subject's own metrics of the month: `metrics(subject)`, found for a window by the
    /// hall's dense index rather than by its id.
    pub fn own_metrics(&self) -> Option<&WindowMetrics> {
        match self.kind {
            SubjectKind::Window => self.world.metrics_at(self.sx),
            SubjectKind::Staff => self.world.metrics(self.subject, self.month),
        }
    }
    /// The `k`-th of the rule's figures ([`Rule::figures`]) of the subject's own window in the
    /// month (as [`RuleContext::own_metrics`] finds it); none when it has no metrics for the month.
    pub fn own_figure(&self, k: usize) -> Option<Figure> {
        let row = match self.kind {
            SubjectKind::Window => self.world.figures_at(self.sx),
            SubjectKind::Staff => self.world.figures_of(self.subject),
        }?;
        Some(row[*self.world.item_figures(self.ii).get(k)? as usize])
    }
    /// The dataset's target for the `k`-th of the rule's figures ([`Rule::figures`]):
    /// `target(name)`, found when the hall was compiled.
    pub fn figure_target(&self, k: usize) -> Option<Decimal> {
        self.world.figure_target(*self.world.item_figures(self.ii).get(k)?)
    }
    /// The windows whose metrics a rule of this subject reads: the window being scored itself,
    /// or each window the staff member being scored served in the month, in window order. Each
    /// with its id, its metrics of the month, how many staff were on duty there and its figures,
    /// found by the hall's dense indices (as `metrics` and `staff_on_duty` give them by id).
    pub fn metric_windows(&self) -> impl Iterator<Item = MetricWindow<'_>> {
        let own = (self.kind == SubjectKind::Window).then(|| self.metric_window(self.subject, self.sx));
        let (served, to) = self.links_when(SubjectKind::Staff);
        own.into_iter().chain(served.iter().zip(to).map(move |(l, &wx)| self.metric_window(l.id.as_str(), wx)))
    }
    /// The window of id `id` and dense index `wx` as [`RuleContext::metric_windows`] gives it.
    fn metric_window<'s>(&'s self, id: &'s str, wx: u32) -> MetricWindow<'s> {
        MetricWindow {
            id,
            metrics: self.world.metrics_at(wx),
            on_duty: self.world.links_to(wx).0.len(),
            wx,
            ii: self.ii,
            world: self.world,
        }
    }
    /// The dataset's target for a rate metric.
    pub fn target(&self, metric: &str) -> Option<Decimal> {
        self.world.target(metric)
    }
    /// Staff assigned to a window in the month, with the days of the month each was assigned there, by staff id.
    pub fn staff_on_duty(&self, window: &str) -> &[DaysLink] {
        self.world.staff_on_duty(window)
    }
    /// Windows a staff member served in the month, with days, by window id.
    pub fn windows_served(&self, staff: &str) -> &[DaysLink] {
        self.world.windows_served(staff)
    }
    /// A staff member's result of this month (available to window rules: staff are scored first).
    pub fn staff_result(&self, staff: &str) -> Option<SubjectRef<'_>> {
        self.world.staff_result(staff)
    }
    /// The staff on duty at the window being scored, each with their result of this month if
    /// they have one: [`RuleContext::staff_on_duty`] and [`RuleContext::staff_result`] together,
    /// found by the hall's dense indices rather than by ids. Nothing for a staff member.
    pub fn staff_on_duty_results(&self) -> impl Iterator<Item = (&DaysLink, Option<SubjectRef<'_>>)> {
        let (links, to) = self.links_when(SubjectKind::Window);
        links.iter().zip(to).map(|(l, &sx)| (l, self.world.staff_result_at(sx)))
    }
    /// The subject's links of the month (a window's staff on duty, a staff member's windows
    /// served) with the dense index of each one's other end, when the subject is of `kind`;
    /// none otherwise.
    fn links_when(&self, kind: SubjectKind) -> (&[DaysLink], &[u32]) {
        if self.kind == kind { self.world.links_to(self.sx) } else { (&[], &[]) }
    }
    pub fn rule(&self, code: &str) -> Option<(&RuleItem, &dyn Rule)> {
        self.world.rule(code)
    }
    /// The policy's rounding of division results (C11).
    pub fn rounding(&self) -> Rounding {
        self.world.rounding()
    }
    /// The max of this item's own category: `category_max(&item().category)`, found by the
    /// compiled policy's index of the item's category rather than by its code.
    pub fn item_category_max(&self) -> Option<Decimal> {
        self.world.item_category_max(self.kind, self.ii)
    }
    /// The max of a category of this item's subject kind.
    pub fn category_max(&self, code: &str) -> Option<Decimal> {
        let p = self.world.policy();
        let sp = match self.kind {
            SubjectKind::Staff => &p.staff,
            SubjectKind::Window => &p.window,
        };
        sp.categories.iter().find(|c| c.code == code).map(|c| c.max)
    }
    /// The max of a staff category.
    pub fn staff_category_max(&self, code: &str) -> Option<Decimal> {
        self.world
            .policy()
            .staff
            .categories
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.max)
    }
    /// The staff base (C1).
    pub fn staff_base(&self) -> Option<Decimal> {
        Some(self.world.policy().staff.base)
    }
    /// The days of the month on which a window is open (one run of days; empty for a window not
    /// on the roster or closed all month).
    pub fn window_open_days(&self, window: &str) -> crate::month::Days {
        self.world.window_open_days(window, self.month)
    }
    /// The days of the month on which the window being scored is open: `window_open_days` of
    /// [`RuleContext::own_window`] (empty when there is none).
    pub fn own_window_open_days(&self) -> crate::month::Days {
        crate::month::Days::of_window(self.own_window(), self.month)
    }
}

/// Kind names mapped to kinds. [`Registry::builtin`] holds the kinds that express the county measure
/// and the variations of other halls; a Rust user registers more with [`Registry::register`].
#[derive(Clone)]
pub struct Registry {
    kinds: BTreeMap<String, Arc<dyn RuleKind>>,
}

impl fmt::Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.kinds.keys()).finish()
    }
}

impl Registry {
    pub fn empty() -> Self {
        Registry {
            kinds: BTreeMap::new(),
        }
    }

    // (`Registry::builtin`, the built-in kinds, is defined with them: `crate::kinds`)

    /// Adds a kind; a name already taken is refused.
    pub fn register(&mut self, kind: Arc<dyn RuleKind>) -> Result<(), String> {
        let name = kind.name().to_string();
        if self.kinds.contains_key(&name) {
            return Err(format!("a rule kind named {name:?} is already registered"));
        }
        self.kinds.insert(name, kind);
        Ok(())
    }

    pub fn get(&self, name: &str) -> Option<&Arc<dyn RuleKind>> {
        self.kinds.get(name)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.kinds.keys().map(|s| s.as_str())
    }

    pub fn kinds(&self) -> impl Iterator<Item = &Arc<dyn RuleKind>> {
        self.kinds.values()
    }

    pub(crate) fn compile(
        &self,
        item: &RuleItem,
        path: &str,
    ) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        match self.get(&item.kind) {
            Some(k) => k.compile(item, path),
            None => Err(vec![
                Problem::msg(
                    ProblemKind::UnknownKind,
                    format!("{path}.kind"),
                    "problem-unknown-kind",
                    crate::error::pa!["kind" => format!("{:?}", item.kind), "kinds" => self.names().collect::<Vec<_>>().join(", ")],
                )
                .rule(item.code.clone()),
            ]),
        }
    }
}

/// Parameters of a kind that compile into a rule: implement this on a `Deserialize + JsonSchema`
/// struct and register it with [`typed_kind`].
pub trait KindParams: DeserializeOwned + JsonSchema + Send + Sync + 'static {
    const NAME: &'static str;
    const SUMMARY: &'static str;
    fn build(self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>>;
}

struct Typed<P>(PhantomData<fn() -> P>);

impl<P: KindParams> RuleKind for Typed<P> {
    fn name(&self) -> &str {
        P::NAME
    }
    fn summary(&self) -> &str {
        P::SUMMARY
    }
    fn params_schema(&self, generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<P>()
    }
    fn compile(&self, item: &RuleItem, path: &str) -> Result<Arc<dyn Rule>, Vec<Problem>> {
        // named parameters given as a list would be read by position (serde reads a struct from
        // a sequence): refused, as the schema does
        if item.params.is_array() && schemars::schema_for!(P).get("type").and_then(|t| t.as_str()) == Some("object") {
            return Err(vec![Problem::msg(
                ProblemKind::Invalid,
                format!("{path}.params"),
                "problem-params-not-a-list",
                crate::error::pa!["kind" => P::NAME],
            )
            .rule(item.code.clone())]);
        }
        let params: P = crate::error::from_value(&item.params, &format!("{path}.params"))
            .map_err(|p| vec![p.rule(item.code.clone())])?;
        params.build(item, path)
    }
}

/// A kind made from a parameters type.
pub fn typed_kind<P: KindParams>() -> Arc<dyn RuleKind> {
    Arc::new(Typed::<P>(PhantomData))
}
