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

/// A subject's flag as the tables and reports show it, in `lang` (the catalogue's
/// `flag-label-…`); a code the catalogue has no label for is shown as it is.
pub fn flag_label(code: &str, period: Option<kaoping_core::policy::PeriodKind>, lang: kaoping_core::messages::Lang) -> String {
    use kaoping_core::policy::PeriodKind as P;
    let id = match (code, period) {
        ("recommend_reassignment", _) => "flag-label-recommend-reassignment",
        ("disqualified", Some(P::Quarter)) => "flag-label-disqualified-quarter",
        ("disqualified", Some(P::Year)) => "flag-label-disqualified-year",
        ("disqualified", _) => "flag-label-disqualified-month",
        ("category_zeroed_for_year", _) => "flag-label-category-zeroed-for-year",
        ("forced_grade", _) => "flag-label-forced-grade",
        (other, _) => return other.into(),
    };
    kaoping_core::messages::text(lang, id, &[])
}
