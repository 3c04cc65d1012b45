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
#![forbid(unsafe_code)]

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
pub mod month;
pub mod period;
pub mod policy;
mod render;
pub mod result;
pub mod schema;
pub mod text;

pub use dataset::{Dataset, Id, Record};
pub use engine::{BUILTIN_POLICY_JSON, Checked, Explain, Policy};
pub use error::{Errors, Problem, ProblemKind};
pub use kind::{Registry, RuleKind};
pub use month::YearMonth;
pub use period::{Period, PeriodResult};
pub use policy::PolicyDoc;
pub use result::{MonthResult, YearResult};
pub use text::Text;

/// The library's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
