//! The library behind the `kaoping` command: the Excel template, the importer of filled sheets
//! (xlsx, xls, ods, CSV in UTF-8 or GBK), the report sheets and their writers. The binary
//! (`src/main.rs`) parses the command line and calls these; the fuzz targets call the importer
//! with arbitrary bytes ([`import::import_bytes`]).

/// The importer (the `kaoping-import` crate, shared with the Python package).
pub use kaoping_import as import;
pub use kaoping_import::progress;
pub mod report;
pub mod table;
pub mod template;

/// A subject's flag as the tables and reports show it.
pub fn flag_zh(code: &str, period: Option<kaoping_core::policy::PeriodKind>) -> String {
    use kaoping_core::policy::PeriodKind as P;
    match (code, period) {
        ("recommend_reassignment", _) => "建议调岗或辞退".into(),
        ("disqualified", Some(P::Quarter)) => "取消季度评先".into(),
        ("disqualified", Some(P::Year)) => "取消年度评先".into(),
        ("disqualified", _) => "取消当月评先".into(),
        ("category_zeroed_for_year", _) => "投诉处理年度不得分".into(),
        ("forced_grade", _) => "一票否决".into(),
        (other, _) => other.into(),
    }
}
