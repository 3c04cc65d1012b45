//! # kaoping-core
//!
//! Scores the windows (窗口) and staff (窗口工作人员) of a government service hall against a
//! published performance-evaluation measure, exactly (decimal arithmetic) and explainably (every
//! input record ends up in the result as counted or not counted, with its reason).
//!
//! ```
//! use kaoping_core::{Policy, Dataset, YearMonth};
//! let policy = Policy::builtin();
//! let ds = Dataset::from_json(r#"{"hall": {"id": "H", "name": "大厅"}, "year": 2026}"#).unwrap();
//! let month: YearMonth = "2026-10".parse().unwrap();
//! let result = policy.evaluate_month(&ds, month).unwrap();
//! assert!(result.windows.is_empty());
//! ```
//!
//! The flow, one module a step: `parse` reads a [`dataset`] (its records into [`records`] by
//! `parse_records`) and [`policy`] a policy document, which [`engine`] compiles into a
//! [`Policy`]; `compile` validates a dataset and builds the compiled hall ([`Checked`]: dense
//! indices, records grouped by month), `evaluate` scores the months over it (the caps' points in
//! an exact fixed-point form, `rust_decimal` for a hall whose points do not fit it: the same code
//! and the same results; decimals at every API), [`period`] makes quarters, the year, ranks
//! (`ranks`) and awards from what `period_months` finds once in the months, and `render`, [`explain`] and [`outcome`] turn the compact results into
//! text when asked. No module imports one of a later step.
//!
//! A month's record outcomes ([`result::MonthResult::records`]) are held compactly, one row per
//! record with no text; read them through views, which render ids, codes and the `detail`
//! account on demand (JSON output is unchanged: a list of [`result::RecordOutcome`]):
//!
//! ```
//! # use kaoping_core::{Policy, Dataset};
//! # let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/county-2026.json")).unwrap();
//! # let ds = Dataset::from_json(&text).unwrap();
//! let year = Policy::builtin().evaluate_year(&ds).unwrap();
//! let october = year.month(10).unwrap();
//! for o in &october.records {
//!     let _ = (o.record(), o.rule(), o.points(), o.reason(), o.charges().len());
//! }
//! let owned: Vec<kaoping_core::result::RecordOutcome> = october.records.to_vec();
//! assert_eq!(owned.len(), october.records.len());
//! ```
#![forbid(unsafe_code)]

pub mod categories;
pub mod columns;
pub mod dataset;
pub mod decimal;
mod compile;
pub mod engine;
mod evaluate;
pub mod error;
pub mod exact;
pub mod explain;
pub mod json;
pub mod kind;
pub mod kinds;
pub mod limits;
mod maps;
pub mod messages;
pub mod month;
mod parse;
mod parse_records;
pub mod outcome;
pub mod period;
mod period_months;
mod period_rules;
mod ranks;
pub mod policy;
pub mod records;
mod render;
pub mod result;
pub mod schema;
pub mod subjects;
pub mod summary;
pub mod text;
pub mod views;

pub use dataset::{Dataset, Id, RareFields, Record, RecordFields, RecordRef, Records};
pub use compile::Checked;
pub use engine::{BUILTIN_POLICY_JSON, Explain, Policy};
pub use error::{Errors, Problem, ProblemKind};
pub use kind::{Registry, RuleKind};
pub use month::YearMonth;
pub use period::{Period, PeriodResult};
pub use policy::PolicyDoc;
pub use result::{MonthResult, YearResult};
pub use text::Text;

/// The library's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
