//! Limits on what an input document may hold. Past them the document is rejected with a problem
//! naming the place, before any work that could grow with the value (see SECURITY.md).

use rust_decimal::Decimal;

/// Largest JSON document accepted, in bytes (dataset or policy).
pub const MAX_DOCUMENT_BYTES: usize = 512 * 1024 * 1024;
/// Longest id, rule code, achievement key or metric name, in characters.
pub const MAX_ID_CHARS: usize = 128;
/// Longest name, note or evidence reference, in characters.
pub const MAX_TEXT_CHARS: usize = 4096;
/// Most occurrences one record may stand for (C8).
pub const MAX_COUNT: u32 = 1000;
/// Most records in one dataset.
pub const MAX_RECORDS: usize = 5_000_000;
/// Largest absolute value of a decimal in a dataset (`units`, `values`) or in a policy (points, maxima, caps).
pub fn max_magnitude() -> Decimal {
    Decimal::from(1_000_000_000u64)
}
/// JSON nesting deeper than this is rejected by the parser (serde_json's own limit).
pub const MAX_NESTING: usize = 128;
