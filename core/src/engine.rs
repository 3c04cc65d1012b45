//! The compiled policy: a policy document checked and compiled into a [`Policy`] (its rule kinds
//! built, codes and categories resolved to indices), and how much a result explains
//! ([`Explain`]). The policy's entry points are defined with the steps they run: `check` and
//! `validate` with the dataset's compilation (`compile`), `evaluate_month` and `evaluate_year`
//! with the months' evaluation (`evaluate`), the periods and the hall-year with theirs (`period`).

use crate::error::{Errors, Problem, ProblemKind, pa};
use crate::kind::{Registry, Rule};
use crate::policy::{Category, Effects, PolicyDoc, RuleItem, SubjectKind, SubjectPolicy, Threshold};
use crate::render::PolicyTexts;
use crate::text::Text;
use rust_decimal::Decimal;
use crate::maps::FastMap;
use std::collections::BTreeSet;
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

/// A threshold compiled: the item whose occurrences it counts, and the category it zeroes (an
/// index into the subject kind's categories), if any.
pub(crate) type ThresholdRef = (usize, Option<usize>);

/// A policy document checked and compiled against a registry of rule kinds.
#[derive(Clone)]
pub struct Policy {
    pub(crate) doc: PolicyDoc,
    pub(crate) rules: Vec<Arc<dyn Rule>>,
    /// Item index by rule code (a small table of the policy's own codes, so a fast hash is safe).
    pub(crate) by_code: FastMap<String, usize>,
    /// For each source code, the linked items that read its records.
    /// Per item (by index): the linked items that read its records (W6.1 reads S5.1).
    pub(crate) links: Vec<Vec<usize>>,
    /// Per item, what decides a record's charge before any rule runs, as bits (read once a
    /// record by a month's charging): [`Policy::BAR_DERIVED`], [`Policy::BAR_EVIDENCE`],
    /// [`Policy::BAR_LINKED`].
    pub(crate) charge_bars: Vec<u8>,
    /// Items that contribute only from records charged to them (skipped for a subject without any).
    pub(crate) record_only: Vec<bool>,
    /// Items whose rule is [`Rule::per_record`]: their records' values are compiled with the hall.
    pub(crate) per_record: Vec<bool>,
    /// Items whose records count whole, at their own points, whenever their category's cap cannot
    /// bind: [`Rule::per_record`], without caps or effects of their own (a month adds up straight
    /// each subject's categories of such items: `Policy::straight_categories`, in `evaluate::caps`).
    pub(crate) straight: Vec<bool>,
    /// By subject kind (staff, window): the categories with an item a month visits without
    /// records (never added up straight).
    pub(crate) unread_categories: [Vec<bool>; 2],
    /// The policy's ids, codes and names as shared [`Text`], built once.
    pub(crate) texts: PolicyTexts,
    /// Each item's category, as an index into its subject kind's categories.
    pub(crate) item_cat: Vec<usize>,
    /// Per item, for each of its thresholds (its own, then its kind's): the item whose occurrences
    /// it counts, and the category it zeroes (an index into its subject kind's categories).
    pub(crate) threshold_refs: Vec<[Option<ThresholdRef>; 2]>,
    /// Per item, its place among the items whose occurrences thresholds count (`u32::MAX` for
    /// the others): a month's and a year's counts are kept for those only, by subject
    /// (`subject × counted + place`).
    pub(crate) counted: Vec<u32>,
    /// By subject kind (staff, window): the items a month visits without records (those that
    /// contribute: [`Rule::contributes`]).
    pub(crate) unread_items: [Vec<usize>; 2],
    /// By subject kind (staff, window): the items with thresholds.
    pub(crate) threshold_items: [Vec<usize>; 2],
    /// The names of the window-month figures the policy's rules read ([`Rule::figures`]), each
    /// once: a compiled hall holds each window-month's figures in this order.
    pub(crate) figure_names: Vec<String>,
    /// Per item, the places among `figure_names` of its rule's figures, in the rule's order.
    pub(crate) item_figures: Vec<Vec<u32>>,
    /// The language of the texts of results (details, flags, warnings, award standings).
    pub(crate) lang: crate::messages::Lang,
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
    /// [`Policy::charge_bars`]: the item's rule derives its points from other results
    /// ([`Rule::derived_from`]; E3), so a record naming it is not counted.
    pub(crate) const BAR_DERIVED: u8 = 1;
    /// The item requires evidence, which a record may lack.
    pub(crate) const BAR_EVIDENCE: u8 = 2;
    /// Items are linked to the item: its records are charged to them too.
    pub(crate) const BAR_LINKED: u8 = 4;

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
        check_policy_limits(&doc, &mut problems);
        // C10: a confirmed record counts; a county may count pending ones too, but a policy that
        // counts no confirmed record would report them as "pending"
        if !doc.settings.counted_statuses.contains(&crate::dataset::Status::Confirmed) {
            problems.push(Problem::msg(
                ProblemKind::Invalid,
                "settings.counted_statuses",
                "policy-counted-statuses",
                pa!["got" => serde_json::to_string(&doc.settings.counted_statuses).unwrap_or_default()],
            ));
        }
        check_subject_policy(&doc.staff, "staff", &mut problems);
        check_subject_policy(&doc.window, "window", &mut problems);
        let mut rules = Vec::new();
        let mut by_code = FastMap::default();
        for (i, item) in doc.rules.iter().enumerate() {
            let path = format!("rules[{i}]");
            if by_code.insert(item.code.clone(), i).is_some() {
                problems.push(
                    Problem::msg(ProblemKind::Duplicate, format!("{path}.code"), "policy-duplicate-code", pa!["rule" => item.code])
                    .rule(item.code.clone()),
                );
            }
            if let Some(r) = compile_item(&doc, item, &path, registry, &mut problems) {
                rules.push(r);
            }
        }
        check_grades(&doc, &mut problems);
        check_awards(&doc, &mut problems);
        check_grade_rules(&doc, &mut problems);
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
        let derived: Vec<bool> = rules.iter().map(|r| r.derived_from().is_some()).collect();
        let record_only: Vec<bool> = rules.iter().zip(&derived).map(|(r, &d)| !d || r.link().is_some()).collect();
        let charge_bars = (0..rules.len())
            .map(|i| (u8::from(derived[i]) * Policy::BAR_DERIVED) | (u8::from(doc.rules[i].requires_evidence) * Policy::BAR_EVIDENCE) | (u8::from(!links[i].is_empty()) * Policy::BAR_LINKED))
            .collect();
        let per_record: Vec<bool> = rules.iter().map(|r| r.per_record()).collect();
        let straight = doc
            .rules
            .iter()
            .zip(&per_record)
            .map(|(item, &p)| p && item.caps.month.is_none() && item.caps.year.is_none() && item.effects.is_empty() && item.aggravated_effects.is_empty())
            .collect();
        let texts = PolicyTexts::new(&doc, crate::messages::Lang::default());
        let of = |k: SubjectKind| doc.rules.iter().enumerate().filter(|(_, r)| r.subject == k).map(|(i, _)| i).collect();
        let (staff_items, window_items) = (of(SubjectKind::Staff), of(SubjectKind::Window));
        let has_threshold: Vec<bool> = doc.rules.iter().zip(&rules).map(|(item, r)| item.threshold.is_some() || r.threshold().is_some()).collect();
        // by subject kind, in policy order: the items a subject's month visits without records
        // (states, derived items), and the items with thresholds (their own or their kind's)
        let visited = |items: &Vec<usize>, when: &dyn Fn(usize) -> bool| items.iter().copied().filter(|&i| when(i)).collect::<Vec<_>>();
        // (an item that contributes nothing, only a threshold, is not visited)
        let unread = |i: usize| !record_only[i] && rules[i].contributes();
        let thresholded = |i: usize| has_threshold[i];
        let unread_items = [visited(&staff_items, &unread), visited(&window_items, &unread)];
        let threshold_items = [visited(&staff_items, &thresholded), visited(&window_items, &thresholded)];
        let threshold_refs: Vec<[Option<ThresholdRef>; 2]> = doc
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
        // the items thresholds count, each once, in policy order
        let mut is_counted = vec![false; doc.rules.len()];
        for &(ci, _) in threshold_refs.iter().flatten().flatten() {
            is_counted[ci] = true;
        }
        let mut places = 0..;
        let counted = is_counted.iter().map(|&c| if c { places.next().expect("unbounded") } else { u32::MAX }).collect();
        let item_cat: Vec<usize> = doc
            .rules
            .iter()
            .map(|r| subject_policy(&doc, r.subject).categories.iter().position(|c| c.code == r.category).expect("validated category"))
            .collect();
        let unread_categories = [(SubjectKind::Staff, &unread_items[0]), (SubjectKind::Window, &unread_items[1])].map(|(k, items)| {
            let mut v = vec![false; subject_policy(&doc, k).categories.len()];
            for &i in items {
                v[item_cat[i]] = true;
            }
            v
        });
        // the figures the rules read by name, each name once, in the order the items name them
        let mut figure_names: Vec<String> = Vec::new();
        let item_figures = rules
            .iter()
            .map(|r| {
                r.figures()
                    .iter()
                    .map(|name| match figure_names.iter().position(|n| n == name) {
                        Some(at) => at as u32,
                        None => {
                            figure_names.push(name.clone());
                            (figure_names.len() - 1) as u32
                        }
                    })
                    .collect()
            })
            .collect();
        Ok(Policy {
            doc,
            rules,
            by_code,
            links,
            charge_bars,
            record_only,
            per_record,
            straight,
            unread_categories,
            texts,
            unread_items,
            threshold_items,
            item_cat,
            threshold_refs,
            counted,
            figure_names,
            item_figures,
            lang: crate::messages::Lang::default(),
        })
    }

    /// The policy writing the texts of its results in `lang` (English unless set; the
    /// command-line tool and its reports use Chinese). Numbers, codes and statuses are the same
    /// in every language.
    pub fn with_lang(mut self, lang: crate::messages::Lang) -> Policy {
        if lang != self.lang {
            // the shared names (categories) are in the results' language
            self.texts = PolicyTexts::new(&self.doc, lang);
        }
        self.lang = lang;
        self
    }

    /// The language of the texts of results.
    pub fn lang(&self) -> crate::messages::Lang {
        self.lang
    }

    /// A message of the catalogue in the policy's language.
    pub(crate) fn msg(&self, id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        crate::messages::text(self.lang, id, args)
    }

    /// [`Policy::msg`] of a message whose arguments are all counts ([`crate::messages::text_counts`]).
    pub(crate) fn msg_counts(&self, id: &str, args: &[(&str, u32)]) -> String {
        crate::messages::text_counts(self.lang, id, args)
    }

    /// The items of a subject kind its month visits even without records (states, derived
    /// items: not [`Policy::record_only`]), in policy order.
    pub(crate) fn unread_items_of(&self, kind: SubjectKind) -> &[usize] {
        &self.unread_items[kind as usize]
    }

    /// How many items thresholds count ([`Policy::counted`]).
    pub(crate) fn counted_items(&self) -> usize {
        self.counted.iter().filter(|&&c| c != u32::MAX).count()
    }

    /// The items of a subject kind with thresholds, in policy order.
    pub(crate) fn threshold_items_of(&self, kind: SubjectKind) -> &[usize] {
        &self.threshold_items[kind as usize]
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

    pub(crate) fn subject(&self, kind: SubjectKind) -> &SubjectPolicy {
        subject_policy(&self.doc, kind)
    }
}

/// A policy's strings within the limits a dataset's keep (SECURITY.md): an id or code (a field
/// named `id`, `code`, `category`, …, or a key of a map) at most `MAX_ID_CHARS` characters, any
/// other text at most `MAX_TEXT_CHARS`. A policy is untrusted input: a megabyte rule code would
/// otherwise be echoed in every problem and result that names it.
fn check_policy_limits(doc: &PolicyDoc, out: &mut Vec<Problem>) {
    use crate::limits::{MAX_ID_CHARS, MAX_TEXT_CHARS};
    const ID_FIELDS: &[&str] = &["id", "code", "category", "counts", "zeroes", "metric", "flag", "force_grade"];
    fn walk(v: &serde_json::Value, path: &mut String, field: &str, out: &mut Vec<Problem>) {
        match v {
            serde_json::Value::String(s) => {
                // a kind's `source` names an item; the policy's own `source` is a text
                let is_id = ID_FIELDS.contains(&field) || (field == "source" && path.ends_with(".params.source"));
                let limit = if is_id { MAX_ID_CHARS } else { MAX_TEXT_CHARS };
                if s.len() > limit && s.chars().count() > limit {
                    let what = if limit == MAX_ID_CHARS { "an id or code" } else { "a text" };
                    out.push(Problem::new(
                        ProblemKind::Invalid,
                        path.clone(),
                        format!("{what} is at most {limit} characters, got {}", s.chars().count()),
                    ));
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    let n = path.len();
                    path.push_str(&format!("[{i}]"));
                    walk(x, path, field, out);
                    path.truncate(n);
                }
            }
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    let n = path.len();
                    if k.len() > MAX_ID_CHARS && k.chars().count() > MAX_ID_CHARS {
                        out.push(Problem::new(
                            ProblemKind::Invalid,
                            path.clone(),
                            format!("a name in {} is at most {MAX_ID_CHARS} characters, got {}", if path.is_empty() { "the policy" } else { path.as_str() }, k.chars().count()),
                        ));
                        continue;
                    }
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                    walk(x, path, k, out);
                    path.truncate(n);
                }
            }
            _ => {}
        }
    }
    if let Ok(v) = serde_json::to_value(doc) {
        walk(&v, &mut String::new(), "", out);
    }
}

/// A problem's arguments with a subject kind's word (人员 / staff, 窗口 / window) as `name`.
fn with_kind(kind: SubjectKind, name: &'static str, mut args: Vec<(&'static str, crate::error::Arg)>) -> Vec<(&'static str, crate::error::Arg)> {
    let word = match kind {
        SubjectKind::Staff => "kind-staff",
        SubjectKind::Window => "kind-window",
    };
    args.push((name, crate::error::Arg::Word(word)));
    args
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
            out.push(Problem::msg(ProblemKind::Duplicate, format!("{name}.categories[{i}].code"), "policy-duplicate-category", pa!["category" => c.code]));
        }
        if c.max < Decimal::ZERO {
            out.push(Problem::msg(ProblemKind::Invalid, format!("{name}.categories[{i}].max"), "policy-negative-max", pa!["max" => c.max]));
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
        out.push(Problem::msg(ProblemKind::Invalid, format!("{name}.base"), "policy-base-mismatch", pa!["base" => sp.base, "sum" => sum]));
    }
    if let Some(hi) = sp.max_total
        && hi < sp.base
    {
        // a subject with nothing recorded scores the base, which the total could never reach
        out.push(Problem::msg(ProblemKind::Invalid, format!("{name}.max_total"), "policy-max-total-below-base", pa!["max_total" => hi, "base" => sp.base]));
    }
    if let (Some(lo), Some(hi)) = (sp.min_total, sp.max_total)
        && lo > hi
    {
        out.push(Problem::msg(ProblemKind::Invalid, format!("{name}.min_total"), "policy-min-above-max", pa!["min_total" => lo, "max_total" => hi]));
    }
}

/// A policy number beyond the limits (SECURITY.md) is refused, so sums cannot overflow.
fn magnitude(v: Decimal, path: &str, out: &mut Vec<Problem>) {
    if v.abs() > crate::limits::max_magnitude() {
        out.push(Problem::msg(ProblemKind::Invalid, path, "problem-beyond-limit", pa!["value" => v, "limit" => crate::limits::max_magnitude()]));
    }
}

fn check_grades(doc: &PolicyDoc, out: &mut Vec<Problem>) {
    let bands = &doc.grades.bands;
    let mut prev: Option<Decimal> = None;
    for (i, b) in bands.iter().enumerate() {
        let last = i + 1 == bands.len();
        match (b.min, last) {
            (None, false) => out.push(Problem::msg(ProblemKind::Invalid, format!("grades.bands[{i}].min"), "policy-band-without-floor", vec![])),
            (Some(_), true) => out.push(Problem::msg(ProblemKind::Invalid, format!("grades.bands[{i}].min"), "policy-last-band-floor", vec![])),
            (Some(m), false) => {
                magnitude(m, &format!("grades.bands[{i}].min"), out);
                if let Some(p) = prev
                    && m >= p
                {
                    // an equal minimum leaves the band above it empty
                    out.push(Problem::msg(ProblemKind::Invalid, format!("grades.bands[{i}].min"), "policy-bands-order", pa!["min" => m, "previous" => p]));
                }
                prev = Some(m);
            }
            _ => {}
        }
    }
}

fn check_grade_rules(doc: &PolicyDoc, out: &mut Vec<Problem>) {
    let bands = &doc.grades.bands;
    if let Some(q) = &doc.grades.quota {
        if bands.iter().position(|b| b.name == q.grade).is_none_or(|i| i + 1 == bands.len()) {
            out.push(Problem::msg(ProblemKind::UnknownReference, "grades.quota.grade", "policy-grade-quota-grade", pa!["grade" => format!("{:?}", q.grade)]));
        }
        if q.share < Decimal::ZERO || q.share > Decimal::ONE {
            out.push(Problem::msg(ProblemKind::Invalid, "grades.quota.share", "policy-share-range", pa!["share" => q.share]));
        }
    }
    let award_rolls = doc.awards.awards.iter().enumerate().filter_map(|(i, a)| a.score.as_ref().map(|r| (format!("awards.awards[{i}].score"), &r.parts)));
    let period_rolls = doc.periods.roll_ups.iter().enumerate().map(|(i, r)| (format!("periods.roll_ups[{i}]"), &r.parts));
    for (path, parts) in period_rolls.chain(award_rolls) {
        if parts.is_empty() {
            out.push(Problem::msg(ProblemKind::Invalid, format!("{path}.parts"), "policy-rollup-no-parts", vec![]));
        }
        for (j, p) in parts.iter().enumerate() {
            magnitude(p.weight, &format!("{path}.parts[{j}].weight"), out);
            if let Some(w) = p.when_missing {
                magnitude(w, &format!("{path}.parts[{j}].when_missing"), out);
            }
        }
    }
}

fn check_awards(doc: &PolicyDoc, out: &mut Vec<Problem>) {
    for (i, a) in doc.awards.awards.iter().enumerate() {
        let path = format!("awards.awards[{i}]");
        match (a.share, a.count) {
            (Some(_), Some(_)) | (None, None) => out.push(Problem::msg(ProblemKind::Invalid, path.clone(), "policy-award-share-or-count", pa!["award" => a.id])),
            (Some(s), None) if s < Decimal::ZERO || s > Decimal::ONE => {
                out.push(Problem::msg(ProblemKind::Invalid, format!("{path}.share"), "policy-award-share-range", pa!["share" => s]))
            }
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
            out.push(Problem::msg(ProblemKind::UnknownReference, "awards.complaint_rules", "policy-complaint-rule-unknown", pa!["rule" => format!("{c:?}"), "entry" => i]));
        }
    }
}

pub(crate) fn check_effects(
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
            Problem::msg(ProblemKind::UnknownReference, format!("{path}.force_grade"), "policy-unknown-grade", pa!["grade" => format!("{g:?}")])
            .rule(item.code.clone()),
        );
    }
}

/// Checks a threshold's own shape.
pub(crate) fn check_threshold(t: &Threshold, item: &RuleItem, path: &str, out: &mut Vec<Problem>) {
    if t.any_of.is_empty() {
        out.push(
            Problem::msg(ProblemKind::Invalid, format!("{path}.any_of"), "policy-threshold-no-condition", vec![])
            .rule(item.code.clone()),
        );
    }
    if t.persistence == crate::policy::Persistence::RestOfYear && t.zero_category.is_none() {
        out.push(
            Problem::msg(ProblemKind::Invalid, format!("{path}.persistence"), "policy-rest-of-year-without-category", vec![])
            .rule(item.code.clone()),
        );
    }
    for (i, c) in t.any_of.iter().enumerate() {
        if c.at_least.is_some() == c.more_than.is_some() {
            out.push(
                Problem::msg(ProblemKind::Invalid, format!("{path}.any_of[{i}]"), "policy-threshold-condition-shape", vec![])
                .rule(item.code.clone()),
            );
        }
        if c.at_least == Some(0) {
            // met by every subject in every month
            out.push(
                Problem::msg(ProblemKind::Invalid, format!("{path}.any_of[{i}].at_least"), "policy-threshold-at-least-0", vec![])
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
                Problem::msg(ProblemKind::UnknownReference, format!("{path}.counts"), "policy-threshold-unknown-item", pa!["rule" => format!("{c:?}")])
                .rule(item.code.clone()),
            ),
            Some(r) if r.subject != item.subject => out.push(
                Problem::msg(
                    ProblemKind::Invalid,
                    format!("{path}.counts"),
                    "policy-threshold-other-subject",
                    with_kind(item.subject, "kind", with_kind(r.subject, "counted_kind", pa!["counted" => c, "rule" => item.code])),
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
                Problem::msg(
                    ProblemKind::UnknownReference,
                    format!("{path}.zero_category"),
                    "policy-threshold-unknown-category",
                    with_kind(item.subject, "kind", pa!["category" => format!("{z:?}")]),
                )
                .rule(item.code.clone()),
            );
        }
    }
    check_effects(&t.effects, doc, item, &format!("{path}.effects"), out);
}


/// One rule item of a policy checked (its category, caps, threshold, effects) and compiled by
/// its kind's plugin (which checks its parameters): the compiled rule, or `None` when the kind
/// refused it. Every problem goes to `problems`.
fn compile_item(doc: &PolicyDoc, item: &RuleItem, path: &str, registry: &Registry, problems: &mut Vec<Problem>) -> Option<Arc<dyn Rule>> {
    let sp = subject_policy(doc, item.subject);
    if !sp.categories.iter().any(|c| c.code == item.category) {
        problems.push(
            Problem::msg(
                ProblemKind::UnknownReference,
                format!("{path}.category"),
                "policy-unknown-category",
                with_kind(item.subject, "kind", pa!["category" => format!("{:?}", item.category), "codes" => codes(&sp.categories)]),
            )
            .rule(item.code.clone()),
        );
    }
    for (name, cap) in [("month", item.caps.month), ("year", item.caps.year)] {
        if let Some(c) = cap {
            if c < Decimal::ZERO {
                problems.push(
                    Problem::msg(ProblemKind::Invalid, format!("{path}.caps.{name}"), "policy-negative-cap", pa!["cap" => c])
                    .rule(item.code.clone()),
                );
            }
            magnitude(c, &format!("{path}.caps.{name}"), problems);
        }
    }
    if let Some(t) = &item.threshold {
        check_threshold(t, item, &format!("{path}.threshold"), problems);
        check_threshold_refs(t, doc, item, &format!("{path}.threshold"), problems);
    }
    check_effects(
        &item.effects,
        doc,
        item,
        &format!("{path}.effects"),
        problems,
    );
    check_effects(&item.aggravated_effects, doc, item, &format!("{path}.aggravated_effects"), problems);
    match registry.compile(item, path) {
        Ok(r) => {
            r.check_policy(doc, item, path, problems);
            // a kind's own threshold names items and a category as the item's does
            if let Some(t) = r.threshold() {
                check_threshold_refs(t, doc, item, &format!("{path}.params"), problems);
            }
            if let (Some(most), Some(cat)) = (
                r.max_points(),
                sp.categories.iter().find(|c| c.code == item.category),
            ) && most > cat.max
            {
                problems.push(
                    Problem::msg(
                        ProblemKind::Invalid,
                        format!("{path}.params"),
                        "policy-item-exceeds-category",
                        pa!["rule" => item.code, "most" => most, "category" => cat.code, "max" => cat.max],
                    )
                    .rule(item.code.clone()),
                );
            }
            Some(r)
        }
        Err(mut p) => {
            problems.append(&mut p);
            None
        }
    }
}

