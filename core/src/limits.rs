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
/// Largest multiplier a `linked` item applies to its source record's points.
///
/// With it, no sum on the scoring path can overflow a decimal (about 7.9 × 10²⁸): one
/// occurrence counts at most `max_magnitude()` points (a rule's points, a record's stated points
/// or `units × points_per_unit`, each checked at validation), × `MAX_FACTOR` when linked, so a
/// record at most 10⁹ × 10³ × `MAX_COUNT` = 10¹⁵ points on each item it is charged to; a year's
/// `MAX_RECORDS`, each charged to its own item and its linked ones (at most the policy's items),
/// sum to well under 10²⁸ for any policy of fewer than 10⁶ items. Metric kinds give one value a
/// month, bounded the same way (`metric_shortfall` caps a shortfall's points at
/// `max_magnitude()`, saying so).
pub const MAX_FACTOR: u32 = 1000;
/// Most records in one dataset.
pub const MAX_RECORDS: usize = 5_000_000;
/// Largest absolute value of a decimal in a dataset (`units`, `values`) or in a policy (points, maxima, caps).
pub fn max_magnitude() -> Decimal {
    Decimal::from(1_000_000_000u64)
}
/// JSON nesting deeper than this is rejected by the parser (serde_json's own limit).
pub const MAX_NESTING: usize = 128;
