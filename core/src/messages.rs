//! The message catalogue: the texts of results a person reads (reasons, a record's outcome,
//! flags, warnings, award standings and quotas), each in zh-CN and English from the same
//! arguments, kept as Fluent files (`core/messages/zh-CN.ftl`, `core/messages/en.ftl`) and
//! rendered with `fluent-bundle`. Machine codes (reasons, kinds, statuses) stay language-free;
//! only their words come from here.
//!
//! Arguments are passed already written (exact decimals as text), so Fluent never formats a
//! number itself (it would go through a float).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The language of the texts of results. The library writes English unless told otherwise
/// ([`crate::Policy::with_lang`]); the command-line tool and its reports write Chinese.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Lang {
    /// Both languages, zh-CN first.
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// The language's tag: `zh-CN` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    /// `zh-CN` (also `zh`, `zh-Hans`, `zh_CN`) or `en` (also `en-US`, `en-GB`), any case.
    fn from_str(s: &str) -> Result<Lang, String> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "zh" | "zh-cn" | "zh-hans" | "zh-hans-cn" => Ok(Lang::ZhCn),
            "en" | "en-us" | "en-gb" => Ok(Lang::En),
            _ => Err(format!("unknown language {s:?}: use zh-CN or en")),
        }
    }
}

/// Every message of the catalogue with the arguments it takes (the ids bindings and tools can
/// list); the tests check that both files
/// have each of them, render each without error, and have no message besides.
pub const MESSAGES: &[(&str, &[&str])] = &[
    ("reason-pending", &[]),
    ("reason-revoked", &[]),
    ("reason-category-exhausted", &[]),
    ("reason-month-cap", &[]),
    ("reason-year-cap", &[]),
    ("reason-bonus-cap", &[]),
    ("reason-not-highest-of-key", &[]),
    ("reason-already-counted", &[]),
    ("reason-no-evidence", &[]),
    ("reason-derived-item", &[]),
    ("reason-no-target", &[]),
    ("reason-category-zeroed", &[]),
    ("outcome-counted", &["points"]),
    ("outcome-partly-counted", &["counted", "occurrences", "reason", "points", "raw"]),
    ("outcome-not-counted", &["reason"]),
    ("period-month", &[]),
    ("period-quarter", &[]),
    ("period-year", &[]),
    ("flag-disqualified", &["period", "rule"]),
    ("flag-disqualified-rest-of-year", &["period", "rule"]),
    ("from-window-ratings", &[]),
    ("line-ratings-none", &["score"]),
    ("line-ratings-mean", &["terms", "n", "score"]),
    ("line-rating-rate-low", &["n", "cases", "rate", "min"]),
    ("line-rating-veto", &["count", "at_least"]),
    ("flag-because", &["why", "detail"]),
    ("period-pro-rated", &["sum", "months", "evaluated", "score"]),
    ("rollup-term-mean", &["weight", "sum", "months"]),
    ("rollup-term-input", &["weight", "value", "input"]),
    ("rollup-term-missing", &["weight", "value", "input"]),
    ("rollup-detail", &["terms", "score"]),
    ("award-score-composed", &["detail", "score"]),
    ("award-tie-all", &["tied", "left"]),
    ("award-tie-centre", &["tied", "left"]),
    ("grade-none", &["evaluated", "min", "grade"]),
    ("grade-quota-demoted", &["grade", "share", "graded", "exact", "quota", "next"]),
    ("policy-grade-quota-grade", &["grade"]),
    ("policy-share-range", &["share"]),
    ("policy-rollup-no-parts", &[]),
    ("flag-carried", &["detail", "since"]),
    ("flag-forced-grade", &["grade"]),
    ("warning-no-metrics", &["window", "month"]),
    ("warning-no-one-to-charge", &["record", "rule", "date"]),
    ("period-category-zeroed", &["category", "score"]),
    ("period-forced-in-month", &["by", "month"]),
    ("period-flag-in-month", &["detail", "month"]),
    ("award-not-every-month", &["evaluated", "months"]),
    ("award-disqualified", &["rule", "detail"]),
    ("award-disqualified-record", &["rule", "record", "detail"]),
    ("award-within-quota", &["rank", "quota"]),
    ("award-quota-filled", &["rank", "quota"]),
    ("award-tie-at-line", &["tied", "left"]),
    ("quota-fixed", &["count"]),
    ("quota-share", &["share", "base", "exact", "quota", "rounding"]),
    ("quota-none", &[]),
    ("quota-minimum", &["detail", "minimum"]),
    ("rounding-down", &[]),
    ("rounding-up", &[]),
    ("rounding-half-up", &[]),
    ("line-within-range", &["points", "min", "max"]),
    ("line-level", &["level"]),
    ("level-county", &[]),
    ("level-city", &[]),
    ("level-province", &[]),
    ("level-national", &[]),
    ("line-minutes", &["minutes"]),
    ("line-minutes-tier", &["minutes", "tier"]),
    ("line-aggravated", &[]),
    ("line-per-unit", &["units", "unit", "per_unit"]),
    ("line-linked", &["source", "subject", "detail"]),
    ("line-linked-factor", &["source", "subject", "points", "factor"]),
    ("line-rate-below-target", &["metric", "value", "target"]),
    ("line-metric-shortfall", &["metric", "value", "target", "units", "per_unit"]),
    ("line-beyond-decimal", &[]),
    ("line-no-window-head", &["missing", "days"]),
    ("line-no-chief-representative", &["missing", "days"]),
    ("line-no-staff-full-marks", &[]),
    ("line-derived-score", &["score", "detail"]),
    ("line-key-already-counted", &["detail", "key", "best"]),
    ("line-key-top-up", &["detail", "best", "key"]),
    ("threshold-count-month", &["count", "rule"]),
    ("threshold-count-year", &["count", "rule"]),
    ("threshold-since", &["since"]),
    ("threshold-zeroed", &["category", "why"]),
    ("flag-zeroed-for-year", &["category", "why"]),
    ("forced-by-record", &["rule", "record"]),
    ("warning-no-staff-on-duty", &["rule"]),
    ("warning-no-rate", &["rule", "metric", "month"]),
    ("warning-no-target", &["rule", "metric"]),
    ("warning-no-metric", &["rule", "metric", "month"]),
    ("warning-shortfall-limited", &["rule", "metric", "unit", "limit"]),
    ("thing-department", &[]),
    ("thing-window", &[]),
    ("thing-staff", &[]),
    ("thing-record", &[]),
    ("field-heads", &[]),
    ("field-chief-representatives", &[]),
    ("problem-id-too-long", &["max", "got"]),
    ("problem-text-too-long", &["max", "got"]),
    ("problem-beyond-limit", &["value", "limit"]),
    ("problem-too-many-records", &["count", "limit"]),
    ("problem-count-beyond-limit", &["count", "limit"]),
    ("problem-duplicate-id", &["what", "id", "list", "first"]),
    ("problem-empty-id", &[]),
    ("problem-window-unknown-department", &["window", "department"]),
    ("problem-window-closes-before-opening", &["window", "closed", "opened"]),
    ("problem-term-unknown-staff", &["staff"]),
    ("problem-term-no-person", &[]),
    ("problem-term-ends-before-start", &["to", "from"]),
    ("problem-terms-overlap", &["window", "field"]),
    ("problem-staff-unknown-department", &["staff", "department"]),
    ("problem-assigned-unknown-window", &["staff", "window"]),
    ("problem-assignment-ends-before-start", &["to", "from"]),
    ("problem-assignments-overlap", &["staff", "k", "a", "j", "b"]),
    ("problem-target-percentage", &["value"]),
    ("problem-metrics-unknown-window", &["window"]),
    ("problem-month-outside-year", &["month", "year"]),
    ("problem-rate-percentage", &["value"]),
    ("problem-metrics-duplicate", &["window", "month"]),
    ("problem-metrics-missing", &["window", "month"]),
    ("problem-record-id-empty", &[]),
    ("problem-date-outside-year", &["date", "year"]),
    ("problem-count-at-least-1", &["count"]),
    ("problem-unknown-rule", &["rule", "policy"]),
    ("problem-unknown-staff", &["subject"]),
    ("problem-unknown-staff-is-window", &["subject", "id", "rule"]),
    ("problem-unassigned", &["staff", "date"]),
    ("problem-unknown-window", &["subject"]),
    ("problem-unknown-window-is-staff", &["subject", "id", "rule"]),
    ("problem-window-not-open", &["window", "date"]),
    ("problem-derived-recorded", &["rule", "from"]),
    ("problem-keyed-count", &["count"]),
    ("problem-year-range", &["year"]),
    ("problem-staff-id-is-window", &["id", "index"]),
    ("problem-points-missing", &["rule", "range"]),
    ("problem-points-outside", &["points", "range", "rule"]),
    ("problem-points-step", &["points", "step", "min", "rule"]),
    ("problem-level-missing", &["rule", "listed"]),
    ("problem-level-not-listed", &["level", "rule", "listed"]),
    ("problem-units-missing", &["rule", "unit"]),
    ("problem-units-positive", &["units"]),
    ("problem-units-whole", &["rule", "unit", "units"]),
    ("problem-points-fixed", &["rule", "points", "stated"]),
    ("problem-units-beyond-limit", &["units", "unit", "per_unit", "limit"]),
    ("problem-no-aggravated-variant", &["rule"]),
    ("document-dataset", &[]),
    ("document-policy", &[]),
    ("document-request", &[]),
    ("errors-header-one", &["document"]),
    ("errors-header-many", &["document", "count"]),
    ("problem-whole-document", &[]),
    ("problem-at-record", &["record"]),
    ("problem-at-rule", &["rule"]),
    ("problem-period-outside-year", &["period", "year"]),
    ("problem-kind-window-category", &[]),
    ("problem-kind-no-staff-category", &["source"]),
    ("problem-kind-max-below-min", &["max", "min"]),
    ("problem-kind-no-level-points", &[]),
    ("problem-kind-factor-limit", &["factor", "limit"]),
    ("problem-kind-via-charges", &["via", "charged", "code", "subject"]),
    ("problem-kind-no-link-source", &["source"]),
    ("problem-kind-link-to-linked", &["code"]),
    ("problem-kind-link-source-kind", &["code", "subject", "via", "reads"]),
    ("problem-kind-no-metric", &[]),
    ("problem-kind-window-metrics", &[]),
    ("problem-kind-no-tier", &[]),
    ("problem-kind-positive", &["name", "value"]),
    ("problem-kind-beyond-limit", &["name", "value", "limit"]),
    ("problem-kind-monthly-state-window", &[]),
    ("problem-kind-tier-bound", &[]),
    ("problem-kind-points-non-negative", &["value"]),
    ("problem-kind-veto-zero", &[]),
    ("problem-kind-window-ratings", &[]),
    ("problem-kind-counts-missing", &[]),
    ("problem-kind-counts-itself", &["code"]),
    ("problem-unknown-kind", &["kind", "kinds"]),
    ("problem-params-not-a-list", &["kind"]),
    ("metric-cases", &[]),
    ("metric-online_full_process", &[]),
    ("metric-online_available", &[]),
    ("metric-one_network", &[]),
    ("line-metric-tier", &["window", "value", "metric", "at_least"]),
    ("line-metric-tier-per-staff", &["window", "value", "metric", "staff", "per", "at_least"]),
    ("explain-window", &[]),
    ("explain-staff", &[]),
    ("explain-heading", &["who", "id", "name", "department", "month"]),
    ("explain-links-staff", &["list"]),
    ("explain-links-window", &["list"]),
    ("explain-link", &["id", "days"]),
    ("explain-total", &["total", "base", "bonus", "grade"]),
    ("explain-forced", &["by"]),
    ("explain-record", &["record"]),
    ("explain-flag", &["code", "rule", "record", "detail"]),
    ("explain-warning", &["warning"]),
    ("explain-not-counted", &[]),
    ("explain-category", &["code", "name", "max", "score"]),
    ("explain-line-cut", &["raw", "reason"]),
    ("explain-zeroed", &["rule"]),
    ("cli-error", &["message"]),
    ("cli-too-large", &["path", "size", "limit"]),
    ("cli-cannot-read", &["path", "error"]),
    ("cli-not-utf8", &["path", "byte"]),
    ("cli-cannot-write", &["path", "error"]),
    ("cli-policy-ok", &["id", "count"]),
    ("cli-dataset-ok", &["hall", "year", "windows", "staff", "records", "metrics"]),
    ("cli-template-written", &["path", "count", "lists", "year"]),
    ("cli-template-lists", &["windows", "staff"]),
    ("cli-template-no-roster", &[]),
    ("help-about", &[]),
    ("help-after", &[]),
    ("help-arg-lang", &[]),
    ("help-score", &[]),
    ("help-score-after", &[]),
    ("help-score-file", &[]),
    ("help-score-month", &[]),
    ("help-score-period", &[]),
    ("help-score-policy", &[]),
    ("help-score-format", &[]),
    ("help-score-top", &[]),
    ("help-awards", &[]),
    ("help-awards-after", &[]),
    ("help-awards-file", &[]),
    ("help-awards-period", &[]),
    ("help-awards-policy", &[]),
    ("help-awards-format", &[]),
    ("help-validate", &[]),
    ("help-validate-after", &[]),
    ("help-validate-file", &[]),
    ("help-validate-policy", &[]),
    ("help-validate-policy_only", &[]),
    ("help-schema", &[]),
    ("help-schema-after", &[]),
    ("help-schema-name", &[]),
    ("help-policy", &[]),
    ("help-policy-after", &[]),
    ("help-template", &[]),
    ("help-template-after", &[]),
    ("help-template-output", &[]),
    ("help-template-roster", &[]),
    ("help-template-policy", &[]),
    ("help-template-year", &[]),
    ("help-template-rows", &[]),
    ("help-import", &[]),
    ("help-import-after", &[]),
    ("help-import-file", &[]),
    ("help-import-roster", &[]),
    ("help-import-output", &[]),
    ("help-import-append", &[]),
    ("help-import-replace", &[]),
    ("help-import-sheet", &[]),
    ("help-import-policy", &[]),
    ("help-report", &[]),
    ("help-report-after", &[]),
    ("help-report-file", &[]),
    ("help-report-period", &[]),
    ("help-report-output", &[]),
    ("help-report-format", &[]),
    ("help-report-sheet", &[]),
    ("help-report-policy", &[]),
    ("help-report-by_department", &[]),
    ("help-explain", &[]),
    ("help-explain-after", &[]),
    ("help-explain-file", &[]),
    ("help-explain-subject", &[]),
    ("help-explain-month", &[]),
    ("help-explain-policy", &[]),
    ("help-flag-help", &[]),
    ("help-flag-version", &[]),
    ("help-heading-usage", &[]),
    ("help-heading-commands", &[]),
    ("help-heading-arguments", &[]),
    ("help-heading-options", &[]),
    ("label-status-confirmed", &[]),
    ("label-status-pending", &[]),
    ("label-status-revoked", &[]),
    ("label-outcome-counted", &[]),
    ("label-outcome-partly_counted", &[]),
    ("label-outcome-not_counted", &[]),
    ("label-award-awarded", &[]),
    ("label-award-not_eligible", &[]),
    ("label-award-quota_full", &[]),
    ("label-award-tie_at_quota_line", &[]),
    ("cli-cannot-build-template", &["error"]),
    ("cli-usage-month-or-period", &[]),
    ("cli-unknown-format", &["format", "choices"]),
    ("cli-unknown-schema", &["name", "names"]),
    ("cli-bad-year", &["year"]),
    ("cli-bad-rows", &["rows"]),
    ("cli-sheet-csv", &[]),
    ("cli-imported", &["imported", "source", "how", "total"]),
    ("cli-imported-after", &["kept", "roster"]),
    ("cli-imported-replaced", &["dropped", "roster"]),
    ("cli-then-wrote", &["summary", "path"]),
    ("cli-import-problem", &["source"]),
    ("cli-import-problems", &["source", "count"]),
    ("cli-not-evaluated", &["subject", "month"]),
    ("cli-no-subject", &["subject", "path"]),
    ("cli-months-without-data", &["months"]),
    ("cli-unknown-sheet", &["name", "names"]),
    ("cli-by-department-xlsx", &[]),
    ("cli-xlsx-needs-output", &[]),
    ("cli-xlsx-sheet", &[]),
    ("cli-csv-needs-output", &[]),
    ("cli-cannot-create-dir", &["path", "error"]),
    ("cli-wrote-department-books", &["count", "path"]),
    ("cli-wrote-sheets", &["path", "count"]),
    ("cli-wrote-csv", &["count", "path"]),
    ("cli-wrote", &["path"]),
    ("cli-not-a-workbook", &["path", "error"]),
    ("cli-cannot-read-sheet", &["sheet", "path", "error"]),
    ("cli-false-utf8", &["error"]),
    ("cli-table-month-title", &["hall", "month", "policy"]),
    ("cli-table-period-title", &["hall", "period", "policy"]),
    ("cli-table-period-month", &["month"]),
    ("cli-table-period-quarter", &["year", "quarter"]),
    ("cli-table-period-year", &["year"]),
    ("cli-table-heading", &["title", "count"]),
    ("cli-table-windows", &[]),
    ("cli-table-staff", &[]),
    ("cli-table-window-ranking", &[]),
    ("cli-table-staff-ranking", &[]),
    ("cli-table-rank", &[]),
    ("cli-table-department-rank", &[]),
    ("cli-table-id", &[]),
    ("cli-table-name", &[]),
    ("cli-table-department", &[]),
    ("cli-table-months", &[]),
    ("cli-table-score", &[]),
    ("cli-table-deductions", &[]),
    ("cli-table-complaints", &[]),
    ("cli-table-bonus", &[]),
    ("cli-table-total", &[]),
    ("cli-table-grade", &[]),
    ("cli-table-flags", &[]),
    ("cli-table-eligibility", &[]),
    ("cli-table-disqualified", &[]),
    ("cli-table-records", &["records", "counted", "not_counted", "warnings"]),
    ("cli-award-none-this-period", &[]),
    ("cli-award-heading", &["period", "award", "quota", "participants", "detail"]),
    ("cli-award-nobody", &[]),
    ("cli-award-awarded", &["id", "name", "department", "score", "rank"]),
    ("cli-award-tied", &["list"]),
    ("cli-award-not-eligible", &["id", "rank", "detail"]),
    ("cli-award-policy-has-none", &[]),
    ("cli-award-not-this-period", &["names", "when"]),
    ("cli-award-period-month", &[]),
    ("cli-award-period-quarter", &[]),
    ("cli-award-period-year", &[]),
    ("flag-label-recommend-reassignment", &[]),
    ("flag-label-disqualified-month", &[]),
    ("flag-label-disqualified-quarter", &[]),
    ("flag-label-disqualified-year", &[]),
    ("flag-label-category-zeroed-for-year", &[]),
    ("flag-label-forced-grade", &[]),
    ("report-sheet-summary", &[]),
    ("report-sheet-window-scores", &[]),
    ("report-sheet-staff-scores", &[]),
    ("report-sheet-deductions", &[]),
    ("report-sheet-bonuses", &[]),
    ("report-sheet-departments", &[]),
    ("report-sheet-rankings", &[]),
    ("report-sheet-awards", &[]),
    ("report-sheet-records", &[]),
    ("report-title", &["hall", "period"]),
    ("report-title-summary", &[]),
    ("report-title-window-scores", &[]),
    ("report-title-staff-scores", &[]),
    ("report-title-deductions", &[]),
    ("report-title-bonuses", &[]),
    ("report-title-departments", &[]),
    ("report-title-rankings", &[]),
    ("report-title-awards", &[]),
    ("report-title-records", &[]),
    ("report-title-department-brief", &["department"]),
    ("report-period-month", &["year", "month"]),
    ("report-period-quarter", &["year", "quarter"]),
    ("report-period-year", &["year"]),
    ("report-month", &["month"]),
    ("report-month-note", &["month", "note"]),
    ("report-list-separator", &[]),
    ("report-no-department", &[]),
    ("report-progress-evaluating", &[]),
    ("report-progress-writing", &["sheet"]),
    ("report-fact-hall", &[]),
    ("report-fact-period", &[]),
    ("report-fact-months", &[]),
    ("report-fact-policy", &[]),
    ("report-policy-version", &["name", "version"]),
    ("report-fact-windows", &[]),
    ("report-fact-staff", &[]),
    ("report-fact-records", &[]),
    ("report-fact-counted", &[]),
    ("report-fact-not-counted", &[]),
    ("report-fact-incomplete", &[]),
    ("report-incomplete", &["months"]),
    ("report-fact-warnings", &[]),
    ("report-warnings-count", &["count"]),
    ("report-fact-department", &[]),
    ("report-fact-indicator", &[]),
    ("report-fact-deductions", &[]),
    ("report-fact-bonuses", &[]),
    ("report-department-no-windows", &[]),
    ("report-department-file", &["period", "department"]),
    ("report-page-footer", &["page", "pages"]),
    ("report-section-facts", &[]),
    ("report-section-grades", &[]),
    ("report-section-compare-month", &[]),
    ("report-section-compare-quarter", &[]),
    ("report-section-top-windows", &["n"]),
    ("report-section-bottom-windows", &["n"]),
    ("report-section-top-staff", &["n"]),
    ("report-section-bottom-staff", &["n"]),
    ("report-section-top-rules", &["n"]),
    ("report-section-categories", &[]),
    ("report-section-monthly-means", &[]),
    ("report-section-awards", &[]),
    ("report-section-warnings", &[]),
    ("report-section-department-windows", &[]),
    ("report-section-department-staff", &[]),
    ("report-section-notes", &[]),
    ("report-award-title-window", &["award", "quota", "participants"]),
    ("report-award-title-staff", &["award", "quota", "participants"]),
    ("report-award-nobody", &[]),
    ("report-no-awards", &["why"]),
    ("report-none-this-period", &[]),
    ("report-department-brief-note", &[]),
    ("report-department-none-evaluated", &[]),
    ("report-mean-window", &[]),
    ("report-mean-staff", &[]),
    ("report-total", &[]),
    ("report-applies-window", &[]),
    ("report-applies-staff", &[]),
    ("report-disqualified", &["detail"]),
    ("report-eligibility-disqualified", &[]),
    ("report-not-evaluated", &[]),
    ("report-grade-forced", &["by"]),
    ("report-category-zeroed", &[]),
    ("report-chart-window-ranking", &[]),
    ("report-chart-window-ranking-top", &["n"]),
    ("report-chart-categories", &[]),
    ("report-axis-score", &[]),
    ("report-axis-deductions", &[]),
    ("report-axis-mean", &[]),
    ("report-col-fact", &[]),
    ("report-col-value", &[]),
    ("report-col-grade", &[]),
    ("report-col-windows-count", &[]),
    ("report-col-staff-count", &[]),
    ("report-col-measure", &[]),
    ("report-col-this-period", &[]),
    ("report-col-previous-month", &["period"]),
    ("report-col-previous-quarter", &["period"]),
    ("report-col-change", &[]),
    ("report-col-rank", &[]),
    ("report-col-hall-rank", &[]),
    ("report-col-department-rank", &[]),
    ("report-col-id", &[]),
    ("report-col-name", &[]),
    ("report-col-department", &[]),
    ("report-col-department-id", &[]),
    ("report-col-indicator", &[]),
    ("report-col-score", &[]),
    ("report-col-rule", &[]),
    ("report-col-rule-name", &[]),
    ("report-col-article", &[]),
    ("report-col-deductions-total", &[]),
    ("report-col-occurrences", &[]),
    ("report-col-counted-occurrences", &[]),
    ("report-col-category", &[]),
    ("report-col-applies-to", &[]),
    ("report-col-month", &[]),
    ("report-col-window-mean", &[]),
    ("report-col-staff-mean", &[]),
    ("report-col-result", &[]),
    ("report-col-subject", &[]),
    ("report-col-subject-name", &[]),
    ("report-col-message", &[]),
    ("report-col-months-evaluated", &[]),
    ("report-col-deductions", &[]),
    ("report-col-bonus", &[]),
    ("report-col-complaints", &[]),
    ("report-col-eligibility", &[]),
    ("report-col-notes", &[]),
    ("report-col-kind", &[]),
    ("report-col-record", &[]),
    ("report-col-date", &[]),
    ("report-col-deduction-due", &[]),
    ("report-col-deduction-counted", &[]),
    ("report-col-bonus-due", &[]),
    ("report-col-bonus-counted", &[]),
    ("report-col-cut-reason", &[]),
    ("report-col-award", &[]),
    ("report-col-quota", &[]),
    ("report-col-participants", &[]),
    ("report-col-quota-detail", &[]),
    ("report-col-status", &[]),
    ("report-col-points", &[]),
    ("report-col-not-counted-reason", &[]),
    ("report-col-linked", &[]),
    ("from-staff-scores", &["source"]),
    ("from-linked-assigned", &["source"]),
    ("from-linked-chief", &["source"]),
    ("from-linked-head", &["source"]),
    ("from-window-metrics", &["metrics"]),
    ("from-window-metric", &["metric"]),
    ("tier-above", &["minutes"]),
    ("tier-at-least", &["minutes"]),
    ("policy-counted-statuses", &["got"]),
    ("policy-duplicate-code", &["rule"]),
    ("policy-unknown-category", &["kind", "category", "codes"]),
    ("policy-negative-cap", &["cap"]),
    ("policy-item-exceeds-category", &["rule", "most", "category", "max"]),
    ("policy-duplicate-category", &["category"]),
    ("policy-negative-max", &["max"]),
    ("policy-base-mismatch", &["base", "sum"]),
    ("policy-max-total-below-base", &["max_total", "base"]),
    ("policy-min-above-max", &["min_total", "max_total"]),
    ("policy-rest-of-year-without-category", &[]),
    ("policy-band-without-floor", &[]),
    ("policy-last-band-floor", &[]),
    ("policy-bands-order", &["min", "previous"]),
    ("policy-award-share-or-count", &["award"]),
    ("policy-award-share-range", &["share"]),
    ("policy-complaint-rule-unknown", &["rule", "entry"]),
    ("policy-unknown-grade", &["grade"]),
    ("policy-threshold-no-condition", &[]),
    ("policy-threshold-condition-shape", &[]),
    ("policy-threshold-at-least-0", &[]),
    ("policy-threshold-unknown-item", &["rule"]),
    ("policy-threshold-other-subject", &["counted", "counted_kind", "rule", "kind"]),
    ("policy-threshold-unknown-category", &["kind", "category"]),
    ("kind-staff", &[]),
    ("kind-window", &[]),
    ("template-sheet-records", &[]),
    ("template-sheet-rules", &[]),
    ("template-sheet-windows", &[]),
    ("template-sheet-staff", &[]),
    ("template-sheet-lists", &[]),
    ("template-sheet-instructions", &[]),
    ("template-col-id", &[]),
    ("template-col-rule", &[]),
    ("template-col-subject", &[]),
    ("template-col-date", &[]),
    ("template-col-count", &[]),
    ("template-col-minutes", &[]),
    ("template-col-points", &[]),
    ("template-col-units", &[]),
    ("template-col-level", &[]),
    ("template-col-key", &[]),
    ("template-col-aggravated", &[]),
    ("template-col-status", &[]),
    ("template-col-evidence", &[]),
    ("template-col-note", &[]),
    ("template-help-id", &[]),
    ("template-help-rule", &[]),
    ("template-help-subject", &[]),
    ("template-help-date", &[]),
    ("template-help-count", &[]),
    ("template-help-minutes", &[]),
    ("template-help-points", &[]),
    ("template-help-units", &[]),
    ("template-help-level", &[]),
    ("template-help-key", &[]),
    ("template-help-aggravated", &[]),
    ("template-help-status", &[]),
    ("template-help-evidence", &[]),
    ("template-help-note", &[]),
    ("template-kind-staff", &[]),
    ("template-kind-window", &[]),
    ("template-rules-col-option", &[]),
    ("template-rules-col-code", &[]),
    ("template-rules-col-subject", &[]),
    ("template-rules-col-category", &[]),
    ("template-rules-col-name", &[]),
    ("template-rules-col-points", &[]),
    ("template-rules-col-caps", &[]),
    ("template-rules-col-fill", &[]),
    ("template-rules-col-cite", &[]),
    ("template-rule-derived", &["label"]),
    ("template-verb-deduct", &[]),
    ("template-verb-add", &[]),
    ("template-points-each", &["verb", "points"]),
    ("template-points-above-minutes", &["minutes", "verb", "points"]),
    ("template-points-from-minutes", &["minutes", "verb", "points"]),
    ("template-points-aggravated", &["verb", "points"]),
    ("template-points-range", &["verb", "min", "max"]),
    ("template-points-step", &["step"]),
    ("template-points-level", &["level", "verb", "points"]),
    ("template-points-per-unit", &["unit", "verb", "points"]),
    ("template-points-linked", &["source", "verb"]),
    ("template-points-linked-factor", &["source", "verb", "factor"]),
    ("template-points-monthly", &["verb", "points"]),
    ("template-points-below-target", &["verb", "points"]),
    ("template-points-shortfall", &["unit", "verb", "points"]),
    ("template-points-tier", &["at_least", "verb", "points"]),
    ("template-points-derived", &["source"]),
    ("template-points-count-threshold", &[]),
    ("template-level-county", &[]),
    ("template-level-city", &[]),
    ("template-level-province", &[]),
    ("template-level-national", &[]),
    ("template-unit-half_day", &[]),
    ("template-unit-working_day", &[]),
    ("template-unit-day", &[]),
    ("template-cap-month", &["points"]),
    ("template-cap-year", &["points"]),
    ("template-fill-derived", &["from"]),
    ("template-fill-minutes", &[]),
    ("template-fill-aggravated", &[]),
    ("template-fill-points", &["min", "max"]),
    ("template-fill-level", &[]),
    ("template-fill-units", &["unit"]),
    ("template-fill-evidence", &[]),
    ("template-fill-nothing", &[]),
    ("template-col-subject-id", &[]),
    ("template-col-name", &[]),
    ("template-col-person", &[]),
    ("template-col-department", &[]),
    ("template-col-opened", &[]),
    ("template-col-closed", &[]),
    ("template-col-heads", &[]),
    ("template-col-windows", &[]),
    ("template-span-from", &["who", "from"]),
    ("template-span-to", &["who", "to"]),
    ("template-span-both", &["who", "from", "to"]),
    ("template-lists-col-subject", &[]),
    ("template-howto-title", &["policy", "year"]),
    ("template-howto-1", &["records"]),
    ("template-howto-2", &[]),
    ("template-howto-3", &[]),
    ("template-howto-4", &["rules"]),
    ("template-howto-5", &[]),
    ("template-howto-6", &[]),
    ("template-howto-7", &[]),
    ("template-howto-8", &[]),
    ("template-howto-8b", &[]),
    ("template-howto-9", &["windows", "staff"]),
    ("template-valid-rule", &["rules"]),
    ("template-valid-subject-list", &[]),
    ("template-valid-subject", &[]),
    ("template-valid-date", &["year"]),
    ("template-valid-count", &[]),
    ("template-valid-minutes", &[]),
    ("template-valid-points", &[]),
    ("template-valid-units", &[]),
    ("template-valid-level", &[]),
    ("template-valid-aggravated", &[]),
    ("template-valid-status", &[]),
    ("template-yes", &[]),
    ("template-no", &[]),
    ("import-row", &["sheet", "row"]),
    ("import-list-separator", &[]),
    ("import-no-header", &["columns"]),
    ("import-column-twice", &["column", "first"]),
    ("import-column-missing", &["column"]),
    ("import-echo-cut", &["start", "count"]),
    ("import-question-one", &["one"]),
    ("import-question-or", &["rest", "last"]),
    ("import-question-many", &["first", "count", "see"]),
    ("import-see-sheet", &["sheet"]),
    ("import-see-sheets", &["first", "second"]),
    ("import-no-rule", &["typed"]),
    ("import-is-category", &["code", "question"]),
    ("import-describe-window", &["id", "department"]),
    ("import-describe-windows", &["windows"]),
    ("import-named-one", &["name", "id"]),
    ("import-named-staff", &["count", "name", "ids"]),
    ("import-named-windows", &["count", "name", "ids"]),
    ("import-named-subjects", &["count", "name", "ids"]),
    ("import-not-on-roster", &["typed"]),
    ("import-id-not-window-name", &["named"]),
    ("import-id-not-staff-name", &["named"]),
    ("import-no-subject", &["typed", "windows", "staff"]),
    ("import-id-other-name", &["id", "name", "typed"]),
    ("import-cell", &["column", "message"]),
    ("import-got", &["value"]),
    ("import-cell-error", &["error"]),
    ("import-rule-required", &[]),
    ("import-rule-unknown", &["rules", "got"]),
    ("import-subject-required", &[]),
    ("import-date-required", &["year"]),
    ("import-date-bad", &["year", "got"]),
    ("import-count-bad", &["got"]),
    ("import-minutes-bad", &["got"]),
    ("import-number-bad", &["what", "got"]),
    ("import-what-points", &[]),
    ("import-what-units", &[]),
    ("import-level-bad", &["got"]),
    ("import-aggravated-bad", &["got"]),
    ("import-status-bad", &["got"]),
    ("import-record-of", &["record"]),
    ("import-progress-reading", &[]),
    ("import-progress-checking", &[]),
    ("import-read-shared-strings", &["path", "count", "max"]),
    ("import-read-no-such-sheet", &["path", "sheet", "sheets"]),
    ("import-read-no-sheets", &["path"]),
    ("import-read-beyond-grid", &["path", "cell"]),
    ("import-read-too-large", &["path", "sheet", "max", "cell"]),
    ("import-read-false-utf16", &[]),
    ("import-read-not-text", &[]),
];

const FTL_ZH: &str = include_str!("../messages/zh-CN.ftl");
const FTL_EN: &str = include_str!("../messages/en.ftl");

fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => FTL_ZH,
        Lang::En => FTL_EN,
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    // the files are part of the library, and the tests parse them: a syntax error is caught
    // before release, and here the entries that parse are kept
    let resource = FluentResource::try_new(source(lang).to_owned()).unwrap_or_else(|(partial, _)| partial);
    let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // no Unicode isolation marks around arguments: the texts go to tables, JSON and print
    b.set_use_isolating(false);
    let _ = b.add_resource(resource);
    b
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [bundle(Lang::ZhCn), bundle(Lang::En)])
}

fn of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    &bundles()[match lang {
        Lang::ZhCn => 0,
        Lang::En => 1,
    }]
}

/// A message whose pattern is text and variable references only (every message of the
/// catalogue so far), kept as its pieces.
enum Piece {
    Text(&'static str),
    Var(&'static str),
}

/// The simple messages of a language, as pieces, from the same files (fluent-syntax's parse).
/// Formatting through `FluentBundle` cost about 0.5 µs a message (FluentArgs, a `String` per
/// argument, the resolver): with a detail a record, the province's full hall-year evaluation went
/// from 0.84–0.98 s to 1.23–1.53 s (`target/release/province target/bench-data/province 3`). A
/// message with anything else (selectors, functions, terms, escapes) is left to the bundle.
fn simple(lang: Lang) -> Simple {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
    let mut out = Simple::default();
    let resource = match fluent_syntax::parser::parse(source(lang)) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    'messages: for entry in resource.body {
        let Entry::Message(m) = entry else { continue };
        let Some(value) = m.value else { continue };
        let mut pieces = Vec::with_capacity(value.elements.len());
        for e in value.elements {
            pieces.push(match e {
                PatternElement::TextElement { value } => Piece::Text(value),
                PatternElement::Placeable { expression: Expression::Inline(InlineExpression::VariableReference { id }) } => Piece::Var(id.name),
                PatternElement::Placeable { expression: Expression::Inline(InlineExpression::StringLiteral { value }) } if !value.contains('\\') => Piece::Text(value),
                _ => continue 'messages,
            });
        }
        let len = pieces.iter().map(|p| if let Piece::Text(t) = p { t.len() } else { 8 }).sum();
        out.insert(m.id.name, (pieces, len));
    }
    out
}

/// A language's simple messages by id, each with the length its text usually takes (a hash
/// table: the ids share long prefixes, `line-…`, `problem-…`, which a B-tree compares byte by
/// byte, 5 % of a full evaluation).
type Simple = crate::maps::FastMap<&'static str, (Vec<Piece>, usize)>;

fn simple_of(lang: Lang) -> &'static Simple {
    static SIMPLE: OnceLock<[Simple; 2]> = OnceLock::new();
    &SIMPLE.get_or_init(|| [simple(Lang::ZhCn), simple(Lang::En)])[match lang {
        Lang::ZhCn => 0,
        Lang::En => 1,
    }]
}

/// The message `id` in `lang` with its arguments (each already written as text). A message
/// missing from a language (the tests forbid it) falls back to English, then to its id.
pub fn text(lang: Lang, id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write;
    simple_text(lang, id, args, |out, v| {
        let _ = write!(out, "{v}");
    })
    .unwrap_or_else(|| text_by_bundle(lang, id, args))
}

/// [`text`] of a message whose arguments are all counts (an award standing's rank and quota):
/// each written by `itoa`, without `core::fmt`, which was half the time of such a message
/// (BENCHMARKS.md, the twenty-eighth round).
pub(crate) fn text_counts(lang: Lang, id: &str, args: &[(&str, u32)]) -> String {
    simple_text(lang, id, args, |out, v| out.push_str(itoa::Buffer::new().format(v))).unwrap_or_else(|| {
        let shown: Vec<(&str, &dyn std::fmt::Display)> = args.iter().map(|(n, v)| (*n, v as &dyn std::fmt::Display)).collect();
        text_by_bundle(lang, id, &shown)
    })
}

/// A simple message ([`simple`]) of `lang`, else of English, its arguments written by `put`;
/// `None` for a message that is not simple (or missing), which the bundle resolves.
fn simple_text<A: Copy>(lang: Lang, id: &str, args: &[(&str, A)], put: impl Fn(&mut String, A)) -> Option<String> {
    use std::fmt::Write;
    for l in [lang, Lang::En] {
        if let Some((pieces, len)) = simple_of(l).get(id) {
            let mut out = String::with_capacity(*len);
            for p in pieces {
                match p {
                    Piece::Text(t) => out.push_str(t),
                    Piece::Var(name) => match args.iter().find(|(n, _)| n == name) {
                        Some(&(_, v)) => put(&mut out, v),
                        // as Fluent writes a missing argument
                        None => {
                            let _ = write!(out, "{{${name}}}");
                        }
                    },
                }
            }
            return Some(out);
        }
        if of(l).has_message(id) {
            break;
        }
    }
    None
}

/// [`text`] through Fluent's own resolver.
fn text_by_bundle(lang: Lang, id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut fargs = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fargs.set(*name, FluentValue::String(Cow::Owned(value.to_string())));
    }
    for l in [lang, Lang::En] {
        let b = of(l);
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
        }
    }
    id.to_owned()
}

/// A window metric's name in `lang` (`metric-<key>` in the catalogue), or its key as the
/// dataset writes it when the catalogue has no name for it (a county's own metric).
pub fn metric_name(lang: Lang, key: &str) -> String {
    let id = format!("metric-{key}");
    if of(lang).has_message(&id) || of(Lang::En).has_message(&id) { text(lang, &id, &[]) } else { key.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;
    use std::collections::BTreeSet;

    fn ids_in(lang: Lang) -> BTreeSet<String> {
        let res = FluentResource::try_new(source(lang).to_owned()).unwrap_or_else(|(_, e)| panic!("{lang}: the catalogue does not parse: {e:?}"));
        res.entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_message_has_both_renderings_and_no_other_exists() {
        let listed: BTreeSet<String> = MESSAGES.iter().map(|(id, _)| id.to_string()).collect();
        for lang in Lang::ALL {
            let have = ids_in(lang);
            let missing: Vec<_> = listed.difference(&have).collect();
            let extra: Vec<_> = have.difference(&listed).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has messages the code does not list: {extra:?}");
        }
    }

    #[test]
    fn every_message_renders_its_arguments_without_error_in_both_languages() {
        for lang in Lang::ALL {
            let b = of(lang);
            for (id, names) in MESSAGES {
                let mut args = FluentArgs::new();
                for n in names.iter() {
                    args.set(*n, FluentValue::from(format!("<{n}>")));
                }
                let pattern = b.get_message(id).and_then(|m| m.value()).unwrap_or_else(|| panic!("{lang} {id}: no value"));
                let mut errors = Vec::new();
                let out = b.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang} {id}: {errors:?}");
                // each argument the code passes is used, and no other is asked for
                for n in names.iter() {
                    assert!(out.contains(&format!("<{n}>")), "{lang} {id} does not use ${n}: {out}");
                }
                // (Fluent writes an argument it is not given as `{$name}`; a literal brace, as in
                // `{"{"}`, is text)
                assert!(!out.contains("{$"), "{lang} {id} asks for an argument the code does not pass: {out}");
            }
        }
    }

    #[test]
    fn every_message_is_listed_and_written_once() {
        let mut ids: Vec<&str> = MESSAGES.iter().map(|(id, _)| *id).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "an id listed twice in MESSAGES");
        for (lang, source) in [("en", include_str!("../messages/en.ftl")), ("zh-CN", include_str!("../messages/zh-CN.ftl"))] {
            let mut defined: Vec<&str> = source.lines().filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase())).filter_map(|l| l.split(" =").next()).collect();
            defined.sort_unstable();
            let n = defined.len();
            defined.dedup();
            assert_eq!(defined.len(), n, "{lang}: a message written twice (Fluent keeps the first)");
        }
    }

    #[test]
    fn the_fast_path_writes_what_fluent_writes() {
        // every message, both languages, with and without its arguments
        for lang in Lang::ALL {
            for (id, names) in MESSAGES {
                assert!(simple_of(lang).contains_key(id), "{lang} {id} is not a simple message: it would be formatted by the bundle (fine, but slower); list it here if meant");
                let values: Vec<String> = names.iter().map(|n| format!("<{n}>")).collect();
                let args: Vec<(&str, &dyn std::fmt::Display)> = names.iter().zip(&values).map(|(n, v)| (*n, v as &dyn std::fmt::Display)).collect();
                assert_eq!(text(lang, id, &args), text_by_bundle(lang, id, &args), "{lang} {id}");
                assert_eq!(text(lang, id, &[]), text_by_bundle(lang, id, &[]), "{lang} {id} without arguments");
            }
        }
    }

    #[test]
    fn texts_in_each_language() {
        // reason and outcome words as a clerk reads them, and as the English API wrote them before
        assert_eq!(text(Lang::En, "outcome-counted", &[("points", &"2")]), "counted: 2 point(s)");
        assert_eq!(text(Lang::ZhCn, "outcome-counted", &[("points", &"2")]), "计分: 2 分");
        assert_eq!(text(Lang::ZhCn, "reason-year-cap", &[]), "达到本项年度上限");
        assert_eq!(text(Lang::En, "award-quota-filled", &[("rank", &4), ("quota", &3)]), "rank 4: quota of 3 filled");
        assert_eq!(text(Lang::ZhCn, "award-quota-filled", &[("rank", &4), ("quota", &3)]), "排名第 4: 3 个名额已满");
        assert_eq!(text(Lang::En, "no-such-message", &[]), "no-such-message");
    }

    #[test]
    fn counts_are_written_as_any_argument_is() {
        // every message, both languages, its arguments as counts (0, one digit, several, the
        // largest), and none: the same text as `text` writes
        for lang in Lang::ALL {
            for (id, names) in MESSAGES {
                for n in [0u32, 7, 1234, u32::MAX] {
                    let counts: Vec<(&str, u32)> = names.iter().map(|name| (*name, n)).collect();
                    let shown: Vec<(&str, &dyn std::fmt::Display)> = counts.iter().map(|(name, v)| (*name, v as &dyn std::fmt::Display)).collect();
                    assert_eq!(text_counts(lang, id, &counts), text(lang, id, &shown), "{lang} {id} {n}");
                }
                assert_eq!(text_counts(lang, id, &[]), text(lang, id, &[]), "{lang} {id} without arguments");
            }
        }
        assert_eq!(text_counts(Lang::ZhCn, "award-quota-filled", &[("rank", 4), ("quota", 3)]), "排名第 4: 3 个名额已满");
        assert_eq!(text_counts(Lang::En, "no-such-message", &[("rank", 4)]), "no-such-message");
    }

    #[test]
    fn languages_by_tag() {
        assert_eq!("zh-CN".parse::<Lang>(), Ok(Lang::ZhCn));
        assert_eq!("zh".parse::<Lang>(), Ok(Lang::ZhCn));
        assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
        assert!("fr".parse::<Lang>().is_err());
        assert_eq!(Lang::ZhCn.to_string(), "zh-CN");
    }
}
