//! The engine: a compiled [`Policy`], validation of a dataset against it, and the month by month
//! evaluation of a year with its year-to-date state.

use crate::dataset::{Dataset, Record, Staff, Window, WindowMetrics};
use crate::error::{Errors, Problem, ProblemKind};
use crate::kind::{Contribution, Registry, Rule, RuleContext, Via, World};
use crate::month::{Days, YearMonth, covers, days_in_month};
use crate::policy::{
    Category, CountScope, Effects, Floor, Persistence, PolicyDoc, Rounding, RuleItem, Severity,
    SubjectKind, SubjectPolicy, Threshold, YearToDate,
};
use crate::result::*;
use crate::text::{Dec, Text, cat};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// How much a result explains. Either way every number is the same and every record has its
/// outcome, with its reason and the subjects and items it was charged to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Explain {
    /// Every category line (each record's occurrences, states, derived scores, caps) and the text
    /// of every line and outcome: what reports and `explain` show. The default.
    #[default]
    Full,
    /// Scores, grades, flags, warnings and record outcomes with their charges, without category
    /// lines or explanatory text (`detail` is empty): for re-scoring many halls fast.
    Scores,
}

/// A policy document checked and compiled against a registry of rule kinds.
#[derive(Clone)]
pub struct Policy {
    doc: PolicyDoc,
    rules: Vec<Arc<dyn Rule>>,
    /// Item index by rule code (a small table of the policy's own codes, so a fast hash is safe).
    by_code: FastMap<String, usize>,
    /// For each source code, the linked items that read its records.
    /// Per item (by index): the linked items that read its records (W6.1 reads S5.1).
    links: Vec<Vec<usize>>,
    /// Items that contribute only from records charged to them (skipped for a subject without any).
    record_only: Vec<bool>,
    /// The policy's ids, codes and names as shared [`Text`], built once.
    texts: PolicyTexts,
    /// Item indices by subject kind, in policy order.
    staff_items: Vec<usize>,
    /// Each item's category, as an index into its subject kind's categories.
    item_cat: Vec<usize>,
    /// Whether an item has a threshold (its own `threshold`, or its kind's).
    has_threshold: Vec<bool>,
    /// Per item, for each of its thresholds (its own, then its kind's): the item whose occurrences
    /// it counts, and the category it zeroes (an index into its subject kind's categories).
    threshold_refs: Vec<[Option<(usize, Option<usize>)>; 2]>,
    window_items: Vec<usize>,
}

/// A policy's strings that results repeat, each built once and shared. Each evaluation takes its
/// own copy ([`PolicyTexts::fresh`]): threads evaluating halls in parallel then never touch the
/// same reference counts.
#[derive(Clone, Default)]
struct PolicyTexts {
    id: Text,
    /// Rule codes by item index.
    codes: Vec<Text>,
    /// (code, name) of each staff and window category, by index in the policy.
    staff_categories: Vec<(Text, Text)>,
    window_categories: Vec<(Text, Text)>,
    /// Grade band names by index.
    grades: Vec<Text>,
    disqualified: Text,
    forced_grade: Text,
    category_zeroed_for_year: Text,
}

impl PolicyTexts {
    fn new(doc: &PolicyDoc) -> PolicyTexts {
        let cats = |sp: &SubjectPolicy| {
            sp.categories
                .iter()
                .map(|c| (Text::new(&c.code), Text::new(&c.name_zh)))
                .collect()
        };
        PolicyTexts {
            id: Text::new(&doc.id),
            codes: doc.rules.iter().map(|r| Text::new(&r.code)).collect(),
            staff_categories: cats(&doc.staff),
            window_categories: cats(&doc.window),
            grades: doc
                .grades
                .bands
                .iter()
                .map(|b| Text::new(&b.name))
                .collect(),
            disqualified: Text::new("disqualified"),
            forced_grade: Text::new("forced_grade"),
            category_zeroed_for_year: Text::new("category_zeroed_for_year"),
        }
    }

    /// A copy whose texts share nothing with this one.
    fn fresh(&self) -> PolicyTexts {
        let t = |x: &Text| Text::new(x);
        let cats = |v: &[(Text, Text)]| v.iter().map(|(a, b)| (t(a), t(b))).collect();
        PolicyTexts {
            id: t(&self.id),
            codes: self.codes.iter().map(t).collect(),
            staff_categories: cats(&self.staff_categories),
            window_categories: cats(&self.window_categories),
            grades: self.grades.iter().map(t).collect(),
            disqualified: t(&self.disqualified),
            forced_grade: t(&self.forced_grade),
            category_zeroed_for_year: t(&self.category_zeroed_for_year),
        }
    }

    fn categories(&self, kind: SubjectKind) -> &[(Text, Text)] {
        match kind {
            SubjectKind::Staff => &self.staff_categories,
            SubjectKind::Window => &self.window_categories,
        }
    }

    /// A grade band's name; a name no band has (a policy flag's forced grade) is made.
    fn grade(&self, doc: &PolicyDoc, name: &str) -> Text {
        doc.grades
            .bands
            .iter()
            .position(|b| b.name == name)
            .map(|i| self.grades[i].clone())
            .unwrap_or_else(|| Text::new(name))
    }
}

impl std::fmt::Debug for Policy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Policy")
            .field("id", &self.doc.id)
            .field("rules", &self.doc.rules.len())
            .finish()
    }
}

/// The built-in policy document: the county measure of `rules.md`.
pub const BUILTIN_POLICY_JSON: &str = include_str!("../policies/county.json");

impl Policy {
    /// The county measure as shipped.
    pub fn builtin() -> Policy {
        Policy::from_json(BUILTIN_POLICY_JSON).expect("the built-in policy is valid")
    }

    /// Loads a policy from bytes that should be UTF-8 (a BOM is allowed), with the built-in rule kinds.
    pub fn from_json_bytes(bytes: &[u8]) -> Result<Policy, Errors> {
        Policy::from_json(crate::error::utf8(bytes, "policy")?)
    }

    /// Loads a policy with the built-in rule kinds.
    pub fn from_json(text: &str) -> Result<Policy, Errors> {
        Policy::from_json_with(text, &Registry::builtin())
    }

    /// Loads a policy whose items may name kinds registered in `registry`.
    pub fn from_json_with(text: &str, registry: &Registry) -> Result<Policy, Errors> {
        let doc: PolicyDoc = crate::error::parse_json(text, "policy")?;
        Policy::from_doc(doc, registry)
    }

    pub fn from_doc(doc: PolicyDoc, registry: &Registry) -> Result<Policy, Errors> {
        let mut problems = Vec::new();
        check_subject_policy(&doc.staff, "staff", &mut problems);
        check_subject_policy(&doc.window, "window", &mut problems);
        let mut rules = Vec::new();
        let mut by_code = FastMap::default();
        for (i, item) in doc.rules.iter().enumerate() {
            let path = format!("rules[{i}]");
            if by_code.insert(item.code.clone(), i).is_some() {
                problems.push(
                    Problem::new(
                        ProblemKind::Duplicate,
                        format!("{path}.code"),
                        format!("rule code {} appears twice", item.code),
                    )
                    .rule(item.code.clone()),
                );
            }
            let sp = subject_policy(&doc, item.subject);
            if !sp.categories.iter().any(|c| c.code == item.category) {
                problems.push(
                    Problem::new(
                        ProblemKind::UnknownReference,
                        format!("{path}.category"),
                        format!(
                            "no {} category {:?}; expected one of {}",
                            item.subject.as_str(),
                            item.category,
                            codes(&sp.categories)
                        ),
                    )
                    .rule(item.code.clone()),
                );
            }
            for (name, cap) in [("month", item.caps.month), ("year", item.caps.year)] {
                if let Some(c) = cap {
                    if c < Decimal::ZERO {
                        problems.push(
                            Problem::new(
                                ProblemKind::Invalid,
                                format!("{path}.caps.{name}"),
                                format!("a cap cannot be negative, got {c}"),
                            )
                            .rule(item.code.clone()),
                        );
                    }
                    magnitude(c, &format!("{path}.caps.{name}"), &mut problems);
                }
            }
            if let Some(t) = &item.threshold {
                check_threshold(t, item, &format!("{path}.threshold"), &mut problems);
                check_threshold_refs(t, &doc, item, &format!("{path}.threshold"), &mut problems);
            }
            check_effects(
                &item.effects,
                &doc,
                item,
                &format!("{path}.effects"),
                &mut problems,
            );
            match registry.compile(item, &path) {
                Ok(r) => {
                    r.check_policy(&doc, item, &path, &mut problems);
                    // a kind's own threshold names items and a category as the item's does
                    if let Some(t) = r.threshold() {
                        check_threshold_refs(t, &doc, item, &format!("{path}.params"), &mut problems);
                    }
                    if let (Some(most), Some(cat)) = (
                        r.max_points(),
                        sp.categories.iter().find(|c| c.code == item.category),
                    ) && most > cat.max
                    {
                        problems.push(
                            Problem::new(
                                ProblemKind::Invalid,
                                format!("{path}.params"),
                                format!(
                                    "{} can take {} points at once but its category {} holds {}",
                                    item.code, most, cat.code, cat.max
                                ),
                            )
                            .rule(item.code.clone()),
                        );
                    }
                    rules.push(r);
                }
                Err(mut p) => problems.append(&mut p),
            }
        }
        check_grades(&doc, &mut problems);
        check_awards(&doc, &mut problems);
        if !problems.is_empty() {
            return Err(Errors {
                document: "policy".into(),
                problems,
            });
        }
        let mut links: Vec<Vec<usize>> = vec![Vec::new(); rules.len()];
        for (i, r) in rules.iter().enumerate() {
            if let Some(l) = r.link()
                && let Some(&src) = by_code.get(l.source.as_str())
            {
                links[src].push(i);
            }
        }
        let record_only = rules
            .iter()
            .map(|r| r.derived_from().is_none() || r.link().is_some())
            .collect();
        let texts = PolicyTexts::new(&doc);
        let of = |k: SubjectKind| doc.rules.iter().enumerate().filter(|(_, r)| r.subject == k).map(|(i, _)| i).collect();
        let (staff_items, window_items) = (of(SubjectKind::Staff), of(SubjectKind::Window));
        let has_threshold = doc.rules.iter().zip(&rules).map(|(item, r)| item.threshold.is_some() || r.threshold().is_some()).collect();
        let threshold_refs = doc
            .rules
            .iter()
            .zip(&rules)
            .map(|(item, r)| {
                [item.threshold.as_ref(), r.threshold()].map(|t| {
                    t.map(|t| {
                        let counted = by_code[t.counts.as_deref().unwrap_or(&item.code)];
                        let zeroed = t
                            .zero_category
                            .as_ref()
                            .and_then(|z| subject_policy(&doc, item.subject).categories.iter().position(|c| &c.code == z));
                        (counted, zeroed)
                    })
                })
            })
            .collect();
        let item_cat = doc
            .rules
            .iter()
            .map(|r| subject_policy(&doc, r.subject).categories.iter().position(|c| c.code == r.category).expect("validated category"))
            .collect();
        Ok(Policy {
            doc,
            rules,
            by_code,
            links,
            record_only,
            texts,
            staff_items,
            window_items,
            item_cat,
            has_threshold,
            threshold_refs,
        })
    }

    /// The items of a subject kind, in policy order.
    fn items_of(&self, kind: SubjectKind) -> &[usize] {
        match kind {
            SubjectKind::Staff => &self.staff_items,
            SubjectKind::Window => &self.window_items,
        }
    }

    /// The policy's id as shared text.
    pub(crate) fn policy_text(&self) -> Text {
        self.texts.id.clone()
    }

    pub fn doc(&self) -> &PolicyDoc {
        &self.doc
    }

    pub fn to_json(&self) -> String {
        crate::json::to_string_pretty(&self.doc).expect("a policy serialises")
    }

    pub fn item(&self, code: &str) -> Option<(&RuleItem, &dyn Rule)> {
        self.by_code
            .get(code)
            .map(|&i| (&self.doc.rules[i], self.rules[i].as_ref()))
    }

    fn subject(&self, kind: SubjectKind) -> &SubjectPolicy {
        subject_policy(&self.doc, kind)
    }

    /// Checks a dataset against the policy; all problems at once.
    pub fn validate(&self, ds: &Dataset) -> Result<(), Errors> {
        Index::build(self, ds).map(|_| ())
    }

    /// Scores one month (the year to date is computed for the yearly state, C9).
    pub fn evaluate_month(&self, ds: &Dataset, month: YearMonth) -> Result<MonthResult, Errors> {
        self.evaluate_month_with(ds, month, Explain::Full)
    }

    /// [`Policy::evaluate_month`] with the given level of explanation.
    pub fn evaluate_month_with(
        &self,
        ds: &Dataset,
        month: YearMonth,
        explain: Explain,
    ) -> Result<MonthResult, Errors> {
        let checked = self.check(ds)?;
        if month.year != ds.year {
            return Err(Errors::one(
                "request",
                Problem::new(
                    ProblemKind::Unsupported,
                    "month",
                    format!("month {month} is outside the dataset's year {}", ds.year),
                ),
            ));
        }
        Ok(checked.evaluate_months(month.month, month.month, explain).pop().expect("one month"))
    }

    /// Scores every month of the dataset's year.
    pub fn evaluate_year(&self, ds: &Dataset) -> Result<YearResult, Errors> {
        self.evaluate_year_with(ds, Explain::Full)
    }

    /// [`Policy::evaluate_year`] with the given level of explanation.
    pub fn evaluate_year_with(&self, ds: &Dataset, explain: Explain) -> Result<YearResult, Errors> {
        Ok(self.check(ds)?.evaluate_year(explain))
    }

    /// Validates a dataset once and keeps what evaluation needs, for evaluating it several ways
    /// (a platform that re-scores on demand, a benchmark that times validation apart).
    pub fn check<'p, 'a>(&'p self, ds: &'a Dataset) -> Result<Checked<'p, 'a>, Errors> {
        Ok(Checked { policy: self, idx: Index::build(self, ds)?.named(self) })
    }
}

/// A dataset validated against a policy ([`Policy::check`]): evaluating it does not validate again.
pub struct Checked<'p, 'a> {
    policy: &'p Policy,
    idx: Index<'a>,
}

impl<'p, 'a> Checked<'p, 'a> {
    pub fn policy(&self) -> &'p Policy {
        self.policy
    }

    pub fn dataset(&self) -> &'a Dataset {
        self.idx.ds
    }

    /// Every month of the dataset's year, as [`Policy::evaluate_year_with`].
    pub fn evaluate_year(&self, explain: Explain) -> YearResult {
        let idx = &self.idx;
        let months = self.evaluate_months(1, 12, explain);
        YearResult { policy: idx.names.texts.id.clone(), hall: idx.names.hall.clone(), year: idx.ds.year, months }
    }

    /// The results of months `first..=last` (1–12) of the dataset's year. The months before
    /// `first` are evaluated too, for the year to date (yearly caps, counts, achievement keys:
    /// C9), but only at the scores level, whose numbers and year-to-date state are those of any
    /// level (`core/tests/explain_levels.rs`), and their results are dropped.
    pub(crate) fn evaluate_months(&self, first: u32, last: u32, explain: Explain) -> Vec<MonthResult> {
        let (p, idx) = (self.policy, &self.idx);
        let mut st = YearState::new(idx.subjects(), p.doc.rules.len());
        let mut out = Vec::with_capacity((last + 1).saturating_sub(first) as usize);
        for m in 1..=last {
            let month = YearMonth { year: idx.ds.year, month: m };
            if m < first {
                drop(p.month(idx, month, &mut st, Explain::Scores));
            } else {
                out.push(p.month(idx, month, &mut st, explain));
            }
        }
        out
    }
}

fn subject_policy(doc: &PolicyDoc, kind: SubjectKind) -> &SubjectPolicy {
    match kind {
        SubjectKind::Staff => &doc.staff,
        SubjectKind::Window => &doc.window,
    }
}

fn codes(cats: &[Category]) -> String {
    cats.iter()
        .map(|c| c.code.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_subject_policy(sp: &SubjectPolicy, name: &str, out: &mut Vec<Problem>) {
    let mut seen = BTreeSet::new();
    let mut sum = Decimal::ZERO;
    for (i, c) in sp.categories.iter().enumerate() {
        if !seen.insert(c.code.as_str()) {
            out.push(Problem::new(
                ProblemKind::Duplicate,
                format!("{name}.categories[{i}].code"),
                format!("category {} appears twice", c.code),
            ));
        }
        if c.max < Decimal::ZERO {
            out.push(Problem::new(
                ProblemKind::Invalid,
                format!("{name}.categories[{i}].max"),
                format!("max cannot be negative, got {}", c.max),
            ));
        }
        magnitude(c.max, &format!("{name}.categories[{i}].max"), out);
        if !c.bonus {
            sum += c.max;
        }
    }
    magnitude(sp.base, &format!("{name}.base"), out);
    for (field, v) in [("max_total", sp.max_total), ("min_total", sp.min_total)] {
        if let Some(v) = v {
            magnitude(v, &format!("{name}.{field}"), out);
        }
    }
    if sum != sp.base {
        out.push(Problem::new(
            ProblemKind::Invalid,
            format!("{name}.base"),
            format!(
                "the base {} must equal the sum of the deduction categories' maxima, {} (C1)",
                sp.base, sum
            ),
        ));
    }
    if let (Some(lo), Some(hi)) = (sp.min_total, sp.max_total)
        && lo > hi
    {
        out.push(Problem::new(
            ProblemKind::Invalid,
            format!("{name}.min_total"),
            format!("min_total {lo} is above max_total {hi}"),
        ));
    }
}

/// A policy number beyond the limits (SECURITY.md) is refused, so sums cannot overflow.
fn magnitude(v: Decimal, path: &str, out: &mut Vec<Problem>) {
    if v.abs() > crate::limits::max_magnitude() {
        out.push(Problem::new(
            ProblemKind::Invalid,
            path,
            format!(
                "{v} is beyond the limit of ±{}",
                crate::limits::max_magnitude()
            ),
        ));
    }
}

fn check_grades(doc: &PolicyDoc, out: &mut Vec<Problem>) {
    let bands = &doc.grades.bands;
    if bands.is_empty() {
        out.push(Problem::new(
            ProblemKind::Invalid,
            "grades.bands",
            "give at least one grade band",
        ));
        return;
    }
    let mut prev: Option<Decimal> = None;
    for (i, b) in bands.iter().enumerate() {
        let last = i + 1 == bands.len();
        match (b.min, last) {
            (None, false) => out.push(Problem::new(
                ProblemKind::Invalid,
                format!("grades.bands[{i}].min"),
                "only the last band may have no lower bound",
            )),
            (Some(_), true) => out.push(Problem::new(
                ProblemKind::Invalid,
                format!("grades.bands[{i}].min"),
                "the last band must have no lower bound",
            )),
            (Some(m), false) => {
                magnitude(m, &format!("grades.bands[{i}].min"), out);
                if let Some(p) = prev
                    && m > p
                {
                    out.push(Problem::new(
                        ProblemKind::Invalid,
                        format!("grades.bands[{i}].min"),
                        format!("bands go from the highest down: {m} is above {p}"),
                    ));
                }
                prev = Some(m);
            }
            _ => {}
        }
    }
}

fn check_awards(doc: &PolicyDoc, out: &mut Vec<Problem>) {
    for (i, a) in doc.awards.awards.iter().enumerate() {
        let path = format!("awards.awards[{i}]");
        match (a.share, a.count) {
            (Some(_), Some(_)) | (None, None) => out.push(Problem::new(
                ProblemKind::Invalid,
                path.clone(),
                format!(
                    "award {}: give exactly one of share (a fraction) or count",
                    a.id
                ),
            )),
            (Some(s), None) if s < Decimal::ZERO || s > Decimal::ONE => out.push(Problem::new(
                ProblemKind::Invalid,
                format!("{path}.share"),
                format!("a share is a fraction between 0 and 1 (0.10 for 10%), got {s}"),
            )),
            _ => {}
        }
    }
    for (i, c) in doc
        .awards
        .complaint_rules
        .staff
        .iter()
        .chain(doc.awards.complaint_rules.window.iter())
        .enumerate()
    {
        if !doc.rules.iter().any(|r| &r.code == c) {
            out.push(Problem::new(
                ProblemKind::UnknownReference,
                "awards.complaint_rules",
                format!("complaint rule {c:?} (entry {i}) is not a rule item"),
            ));
        }
    }
}

fn check_effects(
    e: &Effects,
    doc: &PolicyDoc,
    item: &RuleItem,
    path: &str,
    out: &mut Vec<Problem>,
) {
    if let Some(g) = &e.force_grade
        && !doc.grades.bands.iter().any(|b| &b.name == g)
    {
        out.push(
            Problem::new(
                ProblemKind::UnknownReference,
                format!("{path}.force_grade"),
                format!("no grade band named {g:?}"),
            )
            .rule(item.code.clone()),
        );
    }
}

/// Checks a threshold's own shape.
pub(crate) fn check_threshold(t: &Threshold, item: &RuleItem, path: &str, out: &mut Vec<Problem>) {
    if t.any_of.is_empty() {
        out.push(
            Problem::new(
                ProblemKind::Invalid,
                format!("{path}.any_of"),
                "give at least one condition",
            )
            .rule(item.code.clone()),
        );
    }
    for (i, c) in t.any_of.iter().enumerate() {
        if c.at_least.is_some() == c.more_than.is_some() {
            out.push(
                Problem::new(
                    ProblemKind::Invalid,
                    format!("{path}.any_of[{i}]"),
                    "give exactly one of at_least (inclusive, C5) or more_than",
                )
                .rule(item.code.clone()),
            );
        }
    }
}

/// Checks what a threshold names.
pub(crate) fn check_threshold_refs(
    t: &Threshold,
    doc: &PolicyDoc,
    item: &RuleItem,
    path: &str,
    out: &mut Vec<Problem>,
) {
    if let Some(c) = &t.counts {
        match doc.rules.iter().find(|r| &r.code == c) {
            None => out.push(
                Problem::new(
                    ProblemKind::UnknownReference,
                    format!("{path}.counts"),
                    format!("no rule item {c:?} to count"),
                )
                .rule(item.code.clone()),
            ),
            Some(r) if r.subject != item.subject => out.push(
                Problem::new(
                    ProblemKind::Invalid,
                    format!("{path}.counts"),
                    format!(
                        "{c} is a {} item; {} counts {} items",
                        r.subject.as_str(),
                        item.code,
                        item.subject.as_str()
                    ),
                )
                .rule(item.code.clone()),
            ),
            _ => {}
        }
    }
    if let Some(z) = &t.zero_category {
        let sp = subject_policy(doc, item.subject);
        if !sp.categories.iter().any(|c| &c.code == z && !c.bonus) {
            out.push(
                Problem::new(
                    ProblemKind::UnknownReference,
                    format!("{path}.zero_category"),
                    format!("no {} deduction category {z:?}", item.subject.as_str()),
                )
                .rule(item.code.clone()),
            );
        }
    }
    check_effects(&t.effects, doc, item, &format!("{path}.effects"), out);
}

// ------------------------------------------------------------------ index and validation

/// Lengths, counts and magnitudes past the limits of SECURITY.md.
fn check_dataset_limits(ds: &Dataset, p: &mut Vec<Problem>) {
    use crate::limits::*;
    // paths are formatted only for a problem: a valid dataset costs no allocation here
    // (a string of at most n bytes has at most n characters, so short ones need no count)
    let id = |s: &str, path: std::fmt::Arguments, p: &mut Vec<Problem>| {
        if s.len() > MAX_ID_CHARS && s.chars().count() > MAX_ID_CHARS {
            let n = s.chars().count();
            p.push(Problem::new(
                ProblemKind::Invalid,
                path.to_string(),
                format!("an id or code is at most {MAX_ID_CHARS} characters, got {n}"),
            ));
        }
    };
    let text = |s: &str, path: std::fmt::Arguments, p: &mut Vec<Problem>| {
        if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS {
            let n = s.chars().count();
            p.push(Problem::new(
                ProblemKind::Invalid,
                path.to_string(),
                format!("a text is at most {MAX_TEXT_CHARS} characters, got {n}"),
            ));
        }
    };
    let big = |v: Decimal, path: std::fmt::Arguments, p: &mut Vec<Problem>| {
        if v.abs() > max_magnitude() {
            p.push(Problem::new(
                ProblemKind::Invalid,
                path.to_string(),
                format!("{v} is beyond the limit of ±{}", max_magnitude()),
            ));
        }
    };
    if ds.records.len() > MAX_RECORDS {
        p.push(Problem::new(
            ProblemKind::Invalid,
            "records",
            format!(
                "{} records; the limit is {MAX_RECORDS} a dataset",
                ds.records.len()
            ),
        ));
        return;
    }
    id(&ds.hall.id, format_args!("hall.id"), p);
    text(&ds.hall.name, format_args!("hall.name"), p);
    for (i, d) in ds.departments.iter().enumerate() {
        id(&d.id, format_args!("departments[{i}].id"), p);
        text(&d.name, format_args!("departments[{i}].name"), p);
    }
    for (i, w) in ds.windows.iter().enumerate() {
        id(&w.id, format_args!("windows[{i}].id"), p);
        text(&w.name, format_args!("windows[{i}].name"), p);
    }
    for (i, s) in ds.staff.iter().enumerate() {
        id(&s.id, format_args!("staff[{i}].id"), p);
        text(&s.name, format_args!("staff[{i}].name"), p);
    }
    for (k, v) in &ds.targets {
        id(k, format_args!("targets.{k}"), p);
        big(*v, format_args!("targets.{k}"), p);
    }
    for (i, m) in ds.metrics.iter().enumerate() {
        for (k, v) in m.rates.iter().chain(m.values.iter()) {
            id(k, format_args!("metrics[{i}].{k}"), p);
            big(*v, format_args!("metrics[{i}].{k}"), p);
        }
    }
    for (i, r) in ds.records.iter().enumerate() {
        let n = p.len();
        id(&r.id, format_args!("records[{i}].id"), p);
        id(&r.rule, format_args!("records[{i}].rule"), p);
        id(&r.subject, format_args!("records[{i}].subject"), p);
        if let Some(k) = &r.key {
            id(k, format_args!("records[{i}].key"), p);
        }
        for (field, v) in [("note", &r.note), ("evidence", &r.evidence)] {
            if let Some(v) = v {
                text(v, format_args!("records[{i}].{field}"), p);
            }
        }
        if r.count > MAX_COUNT {
            p.push(Problem::new(
                ProblemKind::Invalid,
                format!("records[{i}].count"),
                format!(
                    "count {} is beyond the limit of {MAX_COUNT} occurrences a record",
                    r.count
                ),
            ));
        }
        for (field, v) in [("points", r.points), ("units", r.units)] {
            if let Some(v) = v {
                big(v, format_args!("records[{i}].{field}"), p);
            }
        }
        if p.len() > n && r.id.chars().count() <= MAX_ID_CHARS {
            for q in &mut p[n..] {
                q.record = Some(r.id.clone());
            }
        }
    }
}

/// A place in a list (`records[17]`), formatted only when a problem names it.
struct Place(&'static str, usize);

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

struct Index<'a> {
    ds: &'a Dataset,
    windows: BTreeMap<&'a str, &'a Window>,
    staff: BTreeMap<&'a str, &'a Staff>,
    metrics: FastMap<(&'a str, YearMonth), &'a WindowMetrics>,
    /// Record indices by month (0–11), each sorted by date then id.
    by_month: Vec<Vec<usize>>,
    /// Each subject's dense index: windows by id first, then staff by id (the order of
    /// `windows` and `staff`).
    window_ix: FastMap<&'a str, u32>,
    staff_ix: FastMap<&'a str, u32>,
    /// Per record: the index of its item in the policy, and of its subject.
    rec_item: Vec<u32>,
    rec_subject: Vec<u32>,
    /// Shared texts for results (empty until [`Index::named`]: validation alone does not need them).
    names: Names,
}

/// The dataset's ids and names as shared [`Text`], for results.
#[derive(Default)]
struct Names {
    /// This evaluation's own copy of the policy's texts.
    texts: PolicyTexts,
    hall: Text,
    /// Record ids, by index in the dataset.
    records: Vec<Text>,
    /// By subject index.
    subjects: Vec<SubjectNames>,
}

struct SubjectNames {
    id: Text,
    name: Text,
    /// A window's department; a staff member's home department, if any.
    department: Option<Text>,
}

fn dup_check<'a>(
    ids: impl Iterator<Item = (usize, &'a str)>,
    what: &str,
    list: &str,
    out: &mut Vec<Problem>,
) {
    let mut seen: FastMap<&str, usize> = FastMap::default();
    seen.reserve(ids.size_hint().0);
    for (i, id) in ids {
        if let Some(first) = seen.insert(id, i) {
            let mut p = Problem::new(
                ProblemKind::Duplicate,
                format!("{list}[{i}].id"),
                format!("{what} id {id:?} is also used by {list}[{first}]"),
            );
            if list == "records" {
                p = p.record(id);
            }
            out.push(p);
        }
    }
}

impl<'a> Index<'a> {
    fn build(policy: &Policy, ds: &'a Dataset) -> Result<Index<'a>, Errors> {
        let mut p = Vec::new();
        let year = ds.year;
        if !(1900..=9999).contains(&year) {
            p.push(Problem::new(
                ProblemKind::Invalid,
                "year",
                format!("year {year} is not a calendar year this library handles (1900–9999)"),
            ));
            return Err(Errors {
                document: "dataset".into(),
                problems: p,
            });
        }
        let in_year = |d: NaiveDate| chrono::Datelike::year(&d) == year;
        check_dataset_limits(ds, &mut p);
        if ds.records.len() > crate::limits::MAX_RECORDS {
            return Err(Errors {
                document: "dataset".into(),
                problems: p,
            });
        }
        dup_check(
            ds.departments
                .iter()
                .enumerate()
                .map(|(i, d)| (i, d.id.as_str())),
            "department",
            "departments",
            &mut p,
        );
        dup_check(
            ds.windows
                .iter()
                .enumerate()
                .map(|(i, d)| (i, d.id.as_str())),
            "window",
            "windows",
            &mut p,
        );
        dup_check(
            ds.staff.iter().enumerate().map(|(i, d)| (i, d.id.as_str())),
            "staff",
            "staff",
            &mut p,
        );
        dup_check(
            ds.records
                .iter()
                .enumerate()
                .map(|(i, d)| (i, d.id.as_str())),
            "record",
            "records",
            &mut p,
        );
        let departments: BTreeSet<&str> = ds.departments.iter().map(|d| d.id.as_str()).collect();
        let windows: BTreeMap<&str, &Window> =
            ds.windows.iter().map(|w| (w.id.as_str(), w)).collect();
        let staff: BTreeMap<&str, &Staff> = ds.staff.iter().map(|s| (s.id.as_str(), s)).collect();
        for (id, what) in [(&ds.hall.id, "hall.id")] {
            if id.trim().is_empty() {
                p.push(Problem::new(
                    ProblemKind::Invalid,
                    what,
                    "an id cannot be empty",
                ));
            }
        }
        for (i, w) in ds.windows.iter().enumerate() {
            if !departments.contains(w.department.as_str()) {
                p.push(Problem::new(
                    ProblemKind::UnknownReference,
                    format!("windows[{i}].department"),
                    format!(
                        "window {} names department {:?}, which is not in departments",
                        w.id, w.department
                    ),
                ));
            }
            if let (Some(a), Some(b)) = (w.opened, w.closed)
                && b < a
            {
                p.push(Problem::new(
                    ProblemKind::Invalid,
                    format!("windows[{i}].closed"),
                    format!("window {} closes ({b}) before it opens ({a})", w.id),
                ));
            }
            for (field, terms) in [
                ("heads", &w.heads),
                ("chief_representatives", &w.chief_representatives),
            ] {
                for (j, t) in terms.iter().enumerate() {
                    let path = format!("windows[{i}].{field}[{j}]");
                    if let Some(s) = &t.staff
                        && !staff.contains_key(s.as_str())
                    {
                        p.push(Problem::new(
                            ProblemKind::UnknownReference,
                            format!("{path}.staff"),
                            format!("staff {s:?} is not in staff"),
                        ));
                    }
                    if t.staff.is_none() && t.name.is_none() {
                        p.push(Problem::new(
                            ProblemKind::Invalid,
                            path.clone(),
                            "give the person's staff id or name",
                        ));
                    }
                    if let (Some(a), Some(b)) = (t.from, t.to)
                        && b < a
                    {
                        p.push(Problem::new(
                            ProblemKind::Invalid,
                            format!("{path}.to"),
                            format!("the term ends ({b}) before it starts ({a})"),
                        ));
                    }
                }
                let mut sorted: Vec<_> = terms.iter().enumerate().collect();
                sorted.sort_by_key(|(_, t)| t.from);
                for pair in sorted.windows(2) {
                    let ((_, a), (j, b)) = (pair[0], pair[1]);
                    if a.to
                        .is_none_or(|end| b.from.is_none_or(|start| start <= end))
                    {
                        p.push(Problem::new(
                            ProblemKind::Invalid,
                            format!("windows[{i}].{field}[{j}]"),
                            format!("window {}: two {field} terms overlap", w.id),
                        ));
                    }
                }
            }
        }
        for (i, s) in ds.staff.iter().enumerate() {
            if let Some(d) = &s.department
                && !departments.contains(d.as_str())
            {
                p.push(Problem::new(
                    ProblemKind::UnknownReference,
                    format!("staff[{i}].department"),
                    format!(
                        "staff {} names department {d:?}, which is not in departments",
                        s.id
                    ),
                ));
            }
            for (j, a) in s.assignments.iter().enumerate() {
                let path = format!("staff[{i}].assignments[{j}]");
                if !windows.contains_key(a.window.as_str()) {
                    p.push(Problem::new(
                        ProblemKind::UnknownReference,
                        format!("{path}.window"),
                        format!(
                            "staff {} is assigned to window {:?}, which is not in windows",
                            s.id, a.window
                        ),
                    ));
                }
                if let (Some(x), Some(y)) = (a.from, a.to)
                    && y < x
                {
                    p.push(Problem::new(
                        ProblemKind::Invalid,
                        format!("{path}.to"),
                        format!("the assignment ends ({y}) before it starts ({x})"),
                    ));
                }
            }
            let mut sorted: Vec<_> = s.assignments.iter().enumerate().collect();
            sorted.sort_by_key(|(_, a)| a.from);
            for pair in sorted.windows(2) {
                let ((k, a), (j, b)) = (pair[0], pair[1]);
                if a.to
                    .is_none_or(|end| b.from.is_none_or(|start| start <= end))
                {
                    p.push(Problem::new(
                        ProblemKind::Invalid,
                        format!("staff[{i}].assignments[{j}]"),
                        format!(
                            "staff {}: assignments[{k}] ({}) and assignments[{j}] ({}) overlap",
                            s.id, a.window, b.window
                        ),
                    ));
                }
            }
        }
        for (k, v) in &ds.targets {
            if *v < Decimal::ZERO || *v > Decimal::ONE_HUNDRED {
                p.push(Problem::new(
                    ProblemKind::Invalid,
                    format!("targets.{k}"),
                    format!("a target is a percentage 0–100, got {v}"),
                ));
            }
        }
        let mut metrics = FastMap::default();
        for (i, m) in ds.metrics.iter().enumerate() {
            let path = format!("metrics[{i}]");
            if !windows.contains_key(m.window.as_str()) {
                p.push(Problem::new(
                    ProblemKind::UnknownReference,
                    format!("{path}.window"),
                    format!("no window {:?}", m.window),
                ));
            }
            if m.month.year != year {
                p.push(Problem::new(
                    ProblemKind::Invalid,
                    format!("{path}.month"),
                    format!("month {} is outside the dataset's year {year}", m.month),
                ));
            }
            for (k, v) in &m.rates {
                if *v < Decimal::ZERO || *v > Decimal::ONE_HUNDRED {
                    p.push(Problem::new(
                        ProblemKind::Invalid,
                        format!("{path}.rates.{k}"),
                        format!("a rate is a percentage 0–100, got {v}"),
                    ));
                }
            }
            if metrics.insert((m.window.as_str(), m.month), m).is_some() {
                p.push(Problem::new(
                    ProblemKind::Duplicate,
                    path,
                    format!(
                        "window {} has two metrics entries for {}",
                        m.window, m.month
                    ),
                ));
            }
        }
        let settings = &policy.doc.settings;
        if settings.missing_metrics == Severity::Error {
            for w in &ds.windows {
                for m in YearMonth::months_of_year(year) {
                    if days_in_month(w.opened, w.closed, m) > 0
                        && !metrics.contains_key(&(w.id.as_str(), m))
                    {
                        p.push(Problem::new(
                            ProblemKind::Invalid,
                            "metrics",
                            format!(
                                "window {} has no metrics for {m} (the policy requires them)",
                                w.id
                            ),
                        ));
                    }
                }
            }
        }
        // each subject's dense index: windows by id first, then staff by id
        let window_ix: FastMap<&str, u32> = windows.keys().enumerate().map(|(i, w)| (*w, i as u32)).collect();
        let nw = window_ix.len();
        let staff_ix: FastMap<&str, u32> = staff.keys().enumerate().map(|(i, s)| (*s, (nw + i) as u32)).collect();
        let wlist: Vec<&Window> = windows.values().copied().collect();
        let slist: Vec<&Staff> = staff.values().copied().collect();
        let mut rec_item = vec![0u32; ds.records.len()];
        let mut rec_subject = vec![0u32; ds.records.len()];
        for (i, r) in ds.records.iter().enumerate() {
            let path = Place("records", i);
            let bad = |kind, field: &str, msg: String| {
                Problem::new(kind, format!("{path}.{field}"), msg)
                    .record(r.id.clone())
                    .rule(r.rule.clone())
            };
            if r.id.trim().is_empty() {
                p.push(Problem::new(
                    ProblemKind::Invalid,
                    format!("{path}.id"),
                    "a record id cannot be empty",
                ));
            }
            if !in_year(r.date) {
                p.push(bad(
                    ProblemKind::Invalid,
                    "date",
                    format!("date {} is outside the dataset's year {year}", r.date),
                ));
            }
            if r.count < 1 {
                p.push(bad(
                    ProblemKind::Invalid,
                    "count",
                    format!("count must be at least 1, got {}", r.count),
                ));
            }
            let Some((item, rule)) = policy.by_code.get(r.rule.as_str()).map(|&ii| {
                rec_item[i] = ii as u32;
                (&policy.doc.rules[ii], policy.rules[ii].as_ref())
            }) else {
                p.push(bad(
                    ProblemKind::UnknownReference,
                    "rule",
                    format!(
                        "unknown rule code {:?} (not in policy {})",
                        r.rule, policy.doc.id
                    ),
                ));
                continue;
            };
            match item.subject {
                SubjectKind::Staff => match staff_ix.get(r.subject.as_str()).map(|&x| {
                    rec_subject[i] = x;
                    slist[x as usize - nw]
                }) {
                    None => {
                        let hint = if windows.contains_key(r.subject.as_str()) {
                            format!(
                                "; {} is a window, but {} is a staff item",
                                r.subject, r.rule
                            )
                        } else {
                            String::new()
                        };
                        p.push(bad(
                            ProblemKind::UnknownReference,
                            "subject",
                            format!("unknown staff member {:?}{hint}", r.subject),
                        ));
                    }
                    Some(s) => {
                        if in_year(r.date)
                            && !s.assignments.iter().any(|a| covers(a.from, a.to, r.date))
                            && settings.unassigned_staff_record == Severity::Error
                        {
                            p.push(bad(ProblemKind::Invalid, "date", format!("staff {} has no window assignment on {} (E9): the window to charge is unknown", s.id, r.date)));
                        }
                    }
                },
                SubjectKind::Window => match window_ix.get(r.subject.as_str()).map(|&x| {
                    rec_subject[i] = x;
                    wlist[x as usize]
                }) {
                    None => {
                        let hint = if staff.contains_key(r.subject.as_str()) {
                            format!(
                                "; {} is a staff member, but {} is a window item",
                                r.subject, r.rule
                            )
                        } else {
                            String::new()
                        };
                        p.push(bad(
                            ProblemKind::UnknownReference,
                            "subject",
                            format!("unknown window {:?}{hint}", r.subject),
                        ));
                    }
                    Some(w) => {
                        if in_year(r.date) && !covers(w.opened, w.closed, r.date) {
                            p.push(bad(
                                ProblemKind::Invalid,
                                "date",
                                format!("window {} is not open on {}", w.id, r.date),
                            ));
                        }
                    }
                },
            }
            if let Some(from) = rule.derived_from() {
                if settings.derived_item_records == Severity::Error {
                    p.push(bad(
                        ProblemKind::Invalid,
                        "rule",
                        format!(
                            "{} cannot be recorded directly: it is derived from {from} (E3)",
                            r.rule
                        ),
                    ));
                }
                continue;
            }
            if r.key.is_some() && r.count != 1 {
                p.push(bad(ProblemKind::Invalid, "count", format!("a record with an achievement key stands for one achievement: count must be 1, got {} (E4)", r.count)));
            }
            rule.check_record(item, r, &path, &mut p);
        }
        if !p.is_empty() {
            return Err(Errors {
                document: "dataset".into(),
                problems: p,
            });
        }
        let mut by_month = vec![Vec::new(); 12];
        for (i, r) in ds.records.iter().enumerate() {
            by_month[(YearMonth::of(r.date).month - 1) as usize].push(i);
        }
        for v in &mut by_month {
            v.sort_by(|&a, &b| {
                (ds.records[a].date, &ds.records[a].id)
                    .cmp(&(ds.records[b].date, &ds.records[b].id))
            });
        }
        Ok(Index {
            ds,
            windows,
            staff,
            metrics,
            by_month,
            window_ix,
            staff_ix,
            rec_item,
            rec_subject,
            names: Names::default(),
        })
    }

    fn subjects(&self) -> usize {
        self.window_ix.len() + self.staff_ix.len()
    }

    /// A subject's dense index.
    fn ix(&self, kind: SubjectKind, id: &str) -> Option<u32> {
        match kind {
            SubjectKind::Window => self.window_ix.get(id).copied(),
            SubjectKind::Staff => self.staff_ix.get(id).copied(),
        }
    }

    /// Builds the texts results share (each id and name once).
    fn named(mut self, policy: &Policy) -> Self {
        let ds = self.ds;
        let mut departments: BTreeMap<&str, Text> = BTreeMap::new();
        let mut dept = |d: &'a str| departments.entry(d).or_insert_with(|| Text::new(d)).clone();
        let mut subjects = Vec::with_capacity(self.subjects());
        for w in self.windows.values() {
            subjects.push(SubjectNames { id: Text::new(&w.id), name: Text::new(&w.name), department: Some(dept(&w.department)) });
        }
        for s in self.staff.values() {
            subjects.push(SubjectNames { id: Text::new(&s.id), name: Text::new(&s.name), department: s.department.as_deref().map(&mut dept) });
        }
        self.names = Names { texts: policy.texts.fresh(), hall: Text::new(&ds.hall.id), records: ds.records.iter().map(|r| Text::new(&r.id)).collect(), subjects };
        self
    }

    /// A record's id as shared text.
    fn record_text(&self, r: &Record) -> Text {
        // a record from the dataset is found by its place; any other (a custom kind's own) by its id
        let i = (r as *const Record as usize).wrapping_sub(self.ds.records.as_ptr() as usize)
            / std::mem::size_of::<Record>().max(1);
        match self.names.records.get(i) {
            Some(t) if std::ptr::eq(&self.ds.records[i], r) => t.clone(),
            _ => Text::new(&r.id),
        }
    }

    fn subject_names(&self, kind: SubjectKind, id: &str) -> Option<&SubjectNames> {
        self.ix(kind, id).map(|i| &self.names.subjects[i as usize])
    }

    fn window_on(&self, staff: &str, date: NaiveDate) -> Option<&'a str> {
        self.staff
            .get(staff)?
            .assignments
            .iter()
            .find(|a| covers(a.from, a.to, date))
            .map(|a| a.window.as_str())
    }
}

// ------------------------------------------------------------------ year state

/// Year-to-date state by subject index and item index (dense tables: `subject × items + item`).
struct YearState<'a> {
    items: usize,
    /// Points counted per (subject, item) in the year, for yearly caps (E7: before the category cap).
    year_used: Vec<Decimal>,
    /// Highest value counted per (subject, item, key) (E4).
    best_key: FastMap<(u32, usize, &'a str), Decimal>,
    /// Counted-status occurrences per (subject, item) in the year to date.
    counts: Vec<u32>,
    /// Categories zeroed for the rest of the year: (subject, category index) → (item index, month).
    zeroed: FastMap<(u32, usize), (usize, YearMonth)>,
}

impl YearState<'_> {
    fn new(subjects: usize, items: usize) -> Self {
        YearState {
            items,
            year_used: vec![Decimal::ZERO; subjects * items],
            best_key: FastMap::default(),
            counts: vec![0; subjects * items],
            zeroed: FastMap::default(),
        }
    }
    fn at(&self, subject: u32, item: usize) -> usize {
        subject as usize * self.items + item
    }
}

/// A hash map with a fast, deterministic hasher (foldhash with a fixed seed) for the engine's
/// internal keys (never iterated into output, so its order cannot leak into results). The former
/// hand-written Fx hasher mixed a short key's later bytes into none of the bucket bits, so ids
/// sharing their first 8 bytes ("R0000001", "R0000002", …) all collided: validating 1M records
/// took 72 s.
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// A record charged to a subject under an item in the month; `slot` is its accumulator.
#[derive(Clone, Copy)]
struct Charged<'a> {
    subject: u32,
    item: u32,
    rec: &'a Record,
    slot: u32,
}

// ------------------------------------------------------------------ month evaluation

struct MonthWorld<'p, 'a> {
    policy: &'p Policy,
    idx: &'p Index<'a>,
    /// Whether results carry category lines and text ([`Explain::Full`]).
    explain: bool,
    /// This month's staff results, once scored (window rules read them).
    staff_results: Vec<SubjectMonth>,
    staff_by_id: FastMap<&'a str, usize>,
    /// By subject index: a window's staff on duty in the month, by staff id, and a staff member's
    /// windows served, by window id, each with its days (what rules read and results show).
    links: Vec<Vec<DaysLink>>,
}

impl<'p, 'a> MonthWorld<'p, 'a> {
    fn new(policy: &'p Policy, idx: &'p Index<'a>, month: YearMonth, explain: bool) -> Self {
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

    fn links_of(&self, kind: SubjectKind, id: &str) -> &[DaysLink] {
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
struct ChargeAcc {
    subject: u32,
    item: u32,
    occurrences: u32,
    counted: u32,
    raw: Decimal,
    points: Decimal,
    reason: Option<Reason>,
}

/// Buffers a month's subjects reuse, so that scoring a subject allocates only for its result.
#[derive(Default)]
struct Scratch<'a> {
    recs: Vec<&'a Record>,
    contributions: Vec<Contribution<'a>>,
    key_winner: FastMap<&'a str, (Decimal, NaiveDate, &'a str)>,
    states: Vec<Pending<'a>>,
    occs: Vec<Pending<'a>>,
    lines: Vec<Pending<'a>>,
    order: Vec<usize>,
}

/// A line awaiting caps: a state, or a run of a record's occurrences (E6) that all count alike.
/// Caps split a run into at most three (those that fit, one cut to what is left, the rest cut to
/// nothing), so work grows with the records, never with their `count`.
struct Pending<'a> {
    item: usize,
    record: Option<&'a Record>,
    /// The record's accumulator on this subject and item.
    slot: Option<u32>,
    /// Occurrences in the run (1 for a state).
    n: u32,
    /// Points of one occurrence before caps.
    raw: Decimal,
    /// Points one occurrence of the run counts after the caps so far.
    applied: Decimal,
    detail: String,
    cut: Option<Reason>,
}

impl<'a> Pending<'a> {
    /// `k` of the run's occurrences, each counting `applied`, cut for `cut` (without the text).
    fn part(&self, k: u32, applied: Decimal, cut: Option<Reason>) -> Pending<'a> {
        Pending { item: self.item, record: self.record, slot: self.slot, n: k, raw: self.raw, applied, detail: String::new(), cut }
    }
}

/// How many of `n` occurrences of `each` (> 0) points fit whole into `room` (≥ 0): ⌊room / each⌋,
/// exactly, at most `n`.
fn whole_fits(room: Decimal, each: Decimal, n: u32) -> u32 {
    match crate::exact::quotient(&[room], &[each], 0, crate::policy::RoundingMode::Down) {
        Some(q) if q < Decimal::from(n) => u32::try_from(q).unwrap_or(n),
        _ => n,
    }
}

/// One occurrence of `raw` points under what is left of an item's monthly and yearly caps: the
/// points it counts and the cap that cut it (the yearly one when both did), as E6 takes them.
fn under_item_caps(raw: Decimal, month_left: Option<Decimal>, year_left: Option<Decimal>) -> (Decimal, Option<Reason>) {
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
    fn month<'a>(&self, idx: &Index<'a>, month: YearMonth, st: &mut YearState<'a>, explain: Explain) -> MonthResult {
        let full = explain == Explain::Full;
        let mut texts = OutcomeTexts::default();
        let settings = &self.doc.settings;
        let ds = idx.ds;
        let mut warnings = Vec::new();
        let this_month = &idx.by_month[(month.month - 1) as usize];
        // in the month's record order (date, then id), with the record's accumulator slots
        let mut records: Vec<RecordOutcome> = Vec::with_capacity(this_month.len());
        let mut slots_of: Vec<std::ops::Range<usize>> = Vec::with_capacity(this_month.len());
        // every (record, subject, item) charge of the month, and its accumulator
        let mut charged: Vec<Charged<'a>> = Vec::with_capacity(this_month.len() * 2);
        let mut accs: Vec<ChargeAcc> = Vec::with_capacity(this_month.len() * 2);

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

        // each subject's charges, by item, in record order within an item: a counting sort by
        // subject (dense indices), then each subject's few charges by item (both stable)
        let mut ranges = vec![0..0; idx.subjects()];
        let charged = {
            let mut start = vec![0usize; idx.subjects() + 1];
            for c in &charged {
                start[c.subject as usize + 1] += 1;
            }
            for s in 0..idx.subjects() {
                start[s + 1] += start[s];
                ranges[s] = start[s]..start[s + 1];
            }
            let mut sorted = charged.clone();
            for c in &charged {
                let at = &mut start[c.subject as usize];
                sorted[*at] = *c;
                *at += 1;
            }
            for r in &ranges {
                sorted[r.clone()].sort_by_key(|c| c.item);
            }
            sorted
        };

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

        // each record's fate, from its accumulators, in place
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

        MonthResult { policy: idx.names.texts.id.clone(), hall: idx.names.hall.clone(), month, windows: window_results, staff: staff_results, records, warnings }
    }

    #[allow(clippy::too_many_arguments)]
    fn subject_month<'a>(
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
        let Scratch { recs, contributions, key_winner, states, occs, lines, order } = scratch;
        lines.clear();
        let sp = self.subject(kind);
        let idx = world.idx;
        let mut warnings = Vec::new();
        let mut flags = Vec::new();
        let mut forced: Option<(String, String)> = None;
        // category → (derived score, detail, item); a later item of the same category replaces an earlier one
        let mut derived: Vec<(usize, (Decimal, String, usize))> = Vec::new();

        // the group holds this subject's charges by item (ascending), as the items are visited
        let mut cur = 0;
        for &ii in self.items_of(kind) {
            let item = &self.doc.rules[ii];
            while cur < group.len() && (group[cur].item as usize) < ii {
                cur += 1;
            }
            let start = cur;
            while cur < group.len() && group[cur].item as usize == ii {
                cur += 1;
            }
            let mine = &group[start..cur];
            // an item that only reads records has nothing to do without them
            if mine.is_empty() && self.record_only[ii] {
                continue;
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

            // keyed records (C4, E4): the highest of a key in the month, then the top-up over the year's best
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

            let mut month_used = Decimal::ZERO;
            let year_key = st.at(sx, ii);
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
                                    &mut flags,
                                    &mut forced,
                                );
                            }
                            if !item.effects.is_empty() {
                                self.apply_effects(&idx.names.texts, 
                                    &item.effects,
                                    ii,
                                    Some(&rid),
                                    &mut flags,
                                    &mut forced,
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
            // per-item caps, monthly then yearly, occurrence by occurrence (E6): a run's
            // occurrences that fit whole, then one cut to what is left, then the rest cut to nothing
            let (month_cap, year_cap) = (item.caps.month, item.caps.year);
            let left = |month_used: Decimal, year_used: Decimal| {
                (
                    month_cap.map(|c| (c - month_used).max(Decimal::ZERO)),
                    year_cap.map(|c| (c - year_used).max(Decimal::ZERO)),
                )
            };
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
                    let points = q.applied * Decimal::from(q.n);
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
                // whole, one cut to what is left, the rest to nothing (a line cut by its item's
                // caps is not cut again)
                let mut parts: [(u32, Decimal, Option<Reason>); 3] = [(p.n, p.applied, p.cut), (0, Decimal::ZERO, None), (0, Decimal::ZERO, None)];
                if capped && p.cut.is_none() {
                    let left = (cat.max - res.points).max(Decimal::ZERO);
                    if p.applied * Decimal::from(p.n) > left {
                        // here p.applied > 0, as left ≥ 0
                        let whole = whole_fits(left, p.applied, p.n);
                        let why = Some(if cat.bonus { Reason::BonusCap } else { Reason::CategoryExhausted });
                        let partial = left - p.applied * Decimal::from(whole);
                        parts = [(whole, p.applied, None), (1, partial, why), (p.n - whole - 1, Decimal::ZERO, why)];
                    }
                }
                // what each occurrence counted after its item's own caps (E7), before the category's
                let before_category_cap = p.applied;
                let (mut raw_sum, mut applied_sum, mut first_cut) = (Decimal::ZERO, Decimal::ZERO, None);
                for (k, applied, cut) in parts {
                    if k == 0 {
                        continue;
                    }
                    let n = Decimal::from(k);
                    raw_sum += p.raw * n;
                    applied_sum += applied * n;
                    first_cut = first_cut.or(cut);
                    // E7: the yearly cap was used by the points before the category's cap cut them;
                    // under `yearly_cap_usage: counted` only what counted uses it
                    if self.doc.settings.yearly_cap_usage == YearToDate::Counted
                        && applied < before_category_cap
                        && self.doc.rules[p.item].caps.year.is_some()
                    {
                        let at = st.at(sx, p.item);
                        st.year_used[at] -= (before_category_cap - applied) * n;
                    }
                    if let Some(rec) = p.record {
                        // E4: what a keyed record counted raises the best value of its key for later
                        // months: after every cap, or before the category's (settings.achievement_value)
                        if let Some(key) = &rec.key {
                            let value = match self.doc.settings.achievement_value {
                                YearToDate::Counted => applied,
                                YearToDate::BeforeCategoryCap => before_category_cap,
                            };
                            if value > Decimal::ZERO {
                                *st.best_key.entry((sx, p.item, key.as_str())).or_default() += value * n;
                            }
                        }
                    }
                    if let Some(s) = p.slot {
                        let a = &mut accs[s as usize];
                        a.raw += p.raw * n;
                        a.points += applied * n;
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
                    self.apply_effects(&idx.names.texts, &t.effects, ii, None, &mut flags, &mut forced);
                }
            }
        }

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

impl Policy {
    /// Flags and forced grades of an item's effects, for a record (or a threshold, without one).
    fn apply_effects(
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
fn find_slot(mine: &[Charged<'_>], r: &Record, hint: &mut usize) -> Option<u32> {
    let n = mine.len();
    (0..n).map(|k| (*hint + k) % n).find(|&i| std::ptr::eq(mine[i].rec, r)).map(|i| {
        *hint = i + 1;
        mine[i].slot
    })
}

/// A month's record outcome texts. Most records of a month say one of a few things ("counted: 2
/// point(s)", "not counted: revoked"), so each such text is written once and shared ([`Text`]);
/// a partly counted record's text is its own, and so is a counted one's past the first
/// [`OutcomeTexts::SHARED`] amounts of points (stated points can take any value, E11: the search
/// stays short).
#[derive(Default)]
struct OutcomeTexts {
    empty: Text,
    counted: Vec<(Decimal, Text)>,
    not_counted: Vec<(Option<Reason>, Text)>,
}

impl OutcomeTexts {
    const SHARED: usize = 32;

    fn describe(&mut self, a: &ChargeAcc, outcome: OutcomeKind) -> Text {
        match outcome {
            // equal points print alike ("2" and "2.0" both as 2)
            OutcomeKind::Counted => match self.counted.iter().find(|(p, _)| *p == a.points) {
                Some((_, t)) => t.clone(),
                None => {
                    let t = Text::from(describe(a, outcome));
                    if self.counted.len() < Self::SHARED {
                        self.counted.push((a.points, t.clone()));
                    }
                    t
                }
            },
            OutcomeKind::NotCounted => self.not_counted(a.reason),
            OutcomeKind::PartlyCounted => Text::from(describe(a, outcome)),
        }
    }

    fn not_counted(&mut self, reason: Option<Reason>) -> Text {
        match self.not_counted.iter().find(|(r, _)| *r == reason) {
            Some((_, t)) => t.clone(),
            None => {
                let t = Text::from(cat!("not counted: ", reason.map(|r| r.label_en()).unwrap_or("")));
                self.not_counted.push((reason, t.clone()));
                t
            }
        }
    }
}

fn describe(a: &ChargeAcc, outcome: OutcomeKind) -> String {
    let reason = a.reason.map(|r| r.label_en()).unwrap_or("");
    match outcome {
        OutcomeKind::Counted => cat!("counted: ", Dec::norm(a.points), " point(s)"),
        OutcomeKind::PartlyCounted => cat!(
            a.counted,
            " of ",
            a.occurrences,
            " counted: ",
            reason,
            " (",
            Dec::norm(a.points),
            " of ",
            Dec::norm(a.raw),
            " point(s))"
        ),
        OutcomeKind::NotCounted => cat!("not counted: ", reason),
    }
}

#[cfg(test)]
mod outcome_text_tests {
    use super::{ChargeAcc, OutcomeKind, OutcomeTexts};
    use crate::result::Reason;
    use rust_decimal::Decimal;

    fn acc(points: &str) -> ChargeAcc {
        let p: Decimal = points.parse().unwrap();
        ChargeAcc { occurrences: 1, counted: 1, raw: p, points: p, ..Default::default() }
    }

    #[test]
    fn a_months_record_texts_are_written_once_and_shared() {
        let mut t = OutcomeTexts::default();
        // "2" and "2.0" print alike, so they share one text
        let a = t.describe(&acc("2"), OutcomeKind::Counted);
        let b = t.describe(&acc("2.0"), OutcomeKind::Counted);
        assert_eq!(a, "counted: 2 point(s)");
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        let r = t.not_counted(Some(Reason::Revoked));
        assert_eq!(r, "not counted: revoked");
        assert!(std::ptr::eq(r.as_str(), t.not_counted(Some(Reason::Revoked)).as_str()));
        assert_eq!(t.not_counted(None), "not counted: ");
        // past the shared amounts each text is written for its record, and still right
        for i in 0..3 * OutcomeTexts::SHARED {
            let points = format!("0.{i:03}1");
            let d: Decimal = points.parse().unwrap();
            let want = format!("counted: {} point(s)", d.normalize());
            assert_eq!(t.describe(&acc(&points), OutcomeKind::Counted), want);
            assert_eq!(t.describe(&acc(&points), OutcomeKind::Counted), want);
        }
        assert!(t.counted.len() <= OutcomeTexts::SHARED);
        // a partly counted record's text is its own
        let mut part = acc("3");
        part.occurrences = 3;
        part.raw = "9".parse().unwrap();
        part.reason = Some(Reason::YearCap);
        assert_eq!(t.describe(&part, OutcomeKind::PartlyCounted), "1 of 3 counted: yearly cap (3 of 9 point(s))");
    }
}
