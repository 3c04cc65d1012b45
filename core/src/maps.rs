//! The hash maps and sets of the engine's internal keys: `std`'s, with foldhash's fast hasher.

/// A hash map with a fast, deterministic hasher (foldhash with a fixed seed) for the engine's
/// internal keys (never iterated into output, so its order cannot leak into results). The former
/// hand-written Fx hasher mixed a short key's later bytes into none of the bucket bits, so ids
/// sharing their first 8 bytes ("R0000001", "R0000002", …) all collided: validating 1M records
/// took 72 s.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// A hash set with the same hasher as [`FastMap`].
pub(crate) type FastSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;
