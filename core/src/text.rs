//! [`Text`]: an immutable, cheaply shared string for the ids, codes and names that a result
//! repeats thousands of times (a subject's id in every month, a rule code on every line).
//!
//! A short text (up to 23 bytes: ids, codes, most names) is held in place, so cloning it copies
//! 24 bytes and touches no shared count nor the heap; a longer one is shared, and cloning it bumps
//! a reference count instead of copying bytes (`hipstr`). So the engine builds each id once per
//! evaluation and shares it. It serialises, compares and prints as the string it holds,
//! and derefs to `&str`.

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text(hipstr::HipStr<'static>);

impl Text {
    pub fn new(s: &str) -> Text {
        Text(hipstr::HipStr::from(s))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Whether a text of `s` is held in place (short enough that making it allocates nothing
    /// and sharing one saves nothing).
    pub(crate) fn held_in_place(s: &str) -> bool {
        s.len() <= hipstr::HipStr::inline_capacity()
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::new(s)
    }
}

impl From<String> for Text {
    /// A short string is copied in place (and its allocation freed); a longer one keeps its
    /// buffer (hipstr adds its shared count beside it).
    fn from(s: String) -> Text {
        if Text::held_in_place(&s) { Text::new(&s) } else { Text(hipstr::HipStr::from(s)) }
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text::new(s)
    }
}

impl From<&Text> for String {
    fn from(t: &Text) -> String {
        t.0.to_string()
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.0.to_string()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        let s: Cow<'de, str> = Deserialize::deserialize(d)?;
        Ok(Text::new(&s))
    }
}

impl JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        String::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_behaves_as_its_string() {
        let t = Text::from("S01");
        assert_eq!(t, "S01");
        assert_eq!("S01", t);
        assert_eq!(t.len(), 3);
        assert_eq!(format!("{t}/{t:?}"), "S01/\"S01\"");
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"S01\"");
        let back: Text = serde_json::from_str("\"窗口\\u0031\"").unwrap();
        assert_eq!(back, "窗口1");
        // a short text is held in place: its clone is an equal copy
        let copy = t.clone();
        assert_eq!(copy, t);
        assert!(!std::ptr::eq(t.as_str(), copy.as_str()));
        // a longer one (past 23 bytes) is shared: its clone reads the same bytes
        let long = Text::from("政务服务中心综合受理窗口第一组");
        let shared = long.clone();
        assert!(std::ptr::eq(long.as_str(), shared.as_str()));
    }
}

/// Displays a decimal exactly as `Decimal`'s own `Display` does (sign, every digit of its scale,
/// no exponent), writing the digits itself when the value fits in 64 bits and no width or
/// precision is asked for: explanation text prints tens of thousands of points per hall-year,
/// and `Decimal`'s general formatter costs several times more. Anything else goes to `Decimal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dec(pub rust_decimal::Decimal);

impl Dec {
    /// The value without trailing zeros (`Decimal::normalize`), as texts show points.
    pub fn norm(d: rust_decimal::Decimal) -> Dec {
        Dec(d.normalize())
    }
}

impl std::fmt::Display for Dec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut buf = [0u8; 50];
        if f.width().is_some() || f.precision().is_some() || f.sign_plus() {
            return std::fmt::Display::fmt(&self.0, f);
        }
        match self.write_fast(&mut buf) {
            Some(at) => f.write_str(std::str::from_utf8(&buf[at..]).expect("ASCII digits")),
            None => std::fmt::Display::fmt(&self.0, f),
        }
    }
}

impl Dec {
    /// The text of the value into `buf`, as [`Dec`]'s `Display` writes it; `None` past the fast
    /// path (mantissas beyond 64 bits), for the caller to fall back on.
    fn write_fast(self, buf: &mut [u8; 50]) -> Option<usize> {
        let d = self.0;
        let m = d.mantissa().unsigned_abs();
        if m > u64::MAX as u128 {
            return None;
        }
        let scale = d.scale() as usize;
        let mut at = buf.len();
        let mut m = m as u64;
        let mut written = 0;
        while m > 0 || written <= scale {
            if scale > 0 && written == scale {
                at -= 1;
                buf[at] = b'.';
            }
            at -= 1;
            buf[at] = b'0' + (m % 10) as u8;
            m /= 10;
            written += 1;
        }
        if d.is_sign_negative() {
            at -= 1;
            buf[at] = b'-';
        }
        Some(at)
    }
}

/// Serialises a decimal as `rust_decimal` does (a JSON string of its exact text, `"0.5"`), with
/// the text written by [`Dec`] (for `#[serde(serialize_with)]` on the results' decimals).
/// A decimal written as the results write it: a string of its exact digits.
impl serde::Serialize for Dec {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ser_dec(&self.0, s)
    }
}

/// An id's first eight bytes as a number that orders as they do (zeros past a short id's end:
/// a prefix orders before what it is a prefix of, and equal numbers leave the order to the ids).
/// Sorting by it first, then by the ids on a tie, orders ids as their bytes do with few string
/// comparisons (a month's records, a period's subjects and ranks).
#[inline]
pub(crate) fn id_prefix(id: &str) -> u64 {
    let b = id.as_bytes();
    // a short id as two overlapping reads, its first bytes and its last, each shifted to its
    // place (the bytes both hold are the same, so or-ing them is exact). Copying the id into a
    // zeroed buffer read back as one number called `memcpy`, whose narrower stores then stalled
    // that read; a month's records are keyed by it, and their ids are mostly six bytes.
    let n = b.len();
    let be = |at: usize, w: usize| b[at..at + w].iter().fold(0u64, |k, &x| k << 8 | u64::from(x));
    match n {
        8.. => be(0, 8),
        4..8 => be(0, 4) << 32 | be(n - 4, 4) << (8 * (8 - n)),
        2..4 => be(0, 2) << 48 | be(n - 2, 2) << (8 * (8 - n)),
        1 => be(0, 1) << 56,
        _ => 0,
    }
}

/// Two ids in byte order, given their [`id_prefix`]es. When the prefixes tie and neither id is
/// longer than eight bytes, the lengths decide (the shorter is the other's prefix, padded with
/// zeros, or they are equal), so a short id is never compared as a string: a period's
/// subject-months of one subject tie on their prefix once a month. Longer ids are compared whole.
pub(crate) fn cmp_ids(pa: u64, a: &str, pb: u64, b: &str) -> std::cmp::Ordering {
    pa.cmp(&pb).then_with(|| if a.len() <= 8 && b.len() <= 8 { a.len().cmp(&b.len()) } else { a.cmp(b) })
}

pub(crate) fn ser_dec<S: serde::Serializer>(d: &rust_decimal::Decimal, s: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 50];
    match Dec(*d).write_fast(&mut buf) {
        Some(at) => s.serialize_str(std::str::from_utf8(&buf[at..]).expect("ASCII digits")),
        None => serde::Serialize::serialize(d, s),
    }
}

/// [`ser_dec`] for an optional decimal (`None` as `rust_decimal`'s `Option` would be: null).
pub(crate) fn ser_opt_dec<S: serde::Serializer>(d: &Option<rust_decimal::Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_some(&SerDec(*d)),
        None => s.serialize_none(),
    }
}

pub(crate) struct SerDec(pub(crate) rust_decimal::Decimal);

impl serde::Serialize for SerDec {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ser_dec(&self.0, s)
    }
}

#[cfg(test)]
mod dec_tests {
    use super::Dec;
    use rust_decimal::Decimal;

    #[test]
    fn dec_prints_as_decimal_does() {
        let mut cases: Vec<Decimal> = ["0", "-0", "0.0", "0.05", "-0.05", "1.50", "2", "-2", "100", "12.345", "0.000", "-0.10", "79228162514264337593543950335", "0.0000000000000000000000000001", "18446744073709551615", "18446744073709551616", "-184467440737.09551615"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        // every scale, with mantissas around the fast path's bounds
        for scale in 0..=28 {
            for m in [0i128, 1, 9, 10, 99, 12345, -7, -100, u64::MAX as i128, -(u64::MAX as i128), u64::MAX as i128 + 1] {
                cases.push(Decimal::from_i128_with_scale(m, scale));
            }
        }
        for d in cases {
            assert_eq!(Dec(d).to_string(), d.to_string(), "{d:?}");
            assert_eq!(Dec::norm(d).to_string(), d.normalize().to_string(), "{d:?}");
            // serialised as rust_decimal serialises it
            assert_eq!(serde_json::to_string(&super::SerDec(d)).unwrap(), serde_json::to_string(&d).unwrap(), "{d:?}");
            // width and precision go to Decimal's own formatter
            assert_eq!(format!("{:>12}|{:.1}", Dec(d), Dec(d)), format!("{d:>12}|{d:.1}"), "{d:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn dec_prints_any_decimal_as_decimal_does(m in proptest::num::i128::ANY, scale in 0u32..=28) {
            // a 96-bit mantissa, as Decimal holds
            let d = Decimal::from_i128_with_scale(m % (1i128 << 96), scale);
            proptest::prop_assert_eq!(Dec(d).to_string(), d.to_string());
            proptest::prop_assert_eq!(Dec::norm(d).to_string(), d.normalize().to_string());
        }

        #[test]
        fn dec_prints_64_bit_decimals_as_decimal_does(m in proptest::num::i64::ANY, small in -100_000i64..100_000, scale in 0u32..=28) {
            // the fast path's values: any 64-bit mantissa, and small ones like points
            for m in [m, small] {
                let d = Decimal::from_i128_with_scale(m.into(), scale);
                proptest::prop_assert_eq!(Dec(d).to_string(), d.to_string());
                proptest::prop_assert_eq!(Dec::norm(d).to_string(), d.normalize().to_string());
                proptest::prop_assert_eq!(serde_json::to_string(&super::SerDec(d)).unwrap(), serde_json::to_string(&d).unwrap());
            }
        }
    }
}

/// A piece of explanation text that writes itself straight into a string, without `core::fmt`'s
/// machinery (argument tables, a formatter per call, a growing buffer): texts are written for
/// every line of every month, and `cat!` joins pieces into one string sized once.
/// Each piece writes exactly what its `Display` would (tested).
pub trait Piece {
    /// Appends the piece's text.
    fn push_to(&self, out: &mut String);
    /// The length to reserve for it: exact for strings, a guess for numbers.
    fn size_hint(&self) -> usize {
        8
    }
}

impl Piece for str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self)
    }
    fn size_hint(&self) -> usize {
        self.len()
    }
}

impl Piece for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self)
    }
    fn size_hint(&self) -> usize {
        self.len()
    }
}

impl Piece for compact_str::CompactString {
    fn push_to(&self, out: &mut String) {
        out.push_str(self)
    }
    fn size_hint(&self) -> usize {
        self.len()
    }
}

impl Piece for Text {
    fn push_to(&self, out: &mut String) {
        out.push_str(self)
    }
    fn size_hint(&self) -> usize {
        self.len()
    }
}

impl Piece for char {
    fn push_to(&self, out: &mut String) {
        out.push(*self)
    }
    fn size_hint(&self) -> usize {
        self.len_utf8()
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out)
    }
    fn size_hint(&self) -> usize {
        (**self).size_hint()
    }
}

impl Piece for Dec {
    fn push_to(&self, out: &mut String) {
        let mut buf = [0u8; 50];
        match self.write_fast(&mut buf) {
            Some(at) => out.push_str(std::str::from_utf8(&buf[at..]).expect("ASCII digits")),
            None => {
                use std::fmt::Write;
                let _ = write!(out, "{}", self.0);
            }
        }
    }
}

/// The decimal digits of `n` (as `Display` writes an unsigned integer) into the end of `buf`.
fn digits(mut n: u64, buf: &mut [u8; 20]) -> &str {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[at..]).expect("ASCII digits")
}

macro_rules! unsigned_piece {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                out.push_str(digits(*self as u64, &mut [0u8; 20]))
            }
        }
    )*};
}
unsigned_piece!(u8, u16, u32, u64, usize);

impl Piece for i64 {
    fn push_to(&self, out: &mut String) {
        if *self < 0 {
            out.push('-');
        }
        out.push_str(digits(self.unsigned_abs(), &mut [0u8; 20]))
    }
}

impl Piece for i32 {
    fn push_to(&self, out: &mut String) {
        (*self as i64).push_to(out)
    }
}

/// Joins [`Piece`]s into a new `String` reserved once: `cat!("derived score ", Dec(s), ": ", detail)`
/// gives what `format!("derived score {}: {detail}", Dec(s))` gives. Each argument is evaluated
/// once, in order (each is bound to its own `p`: macro hygiene keeps the bindings apart).
macro_rules! cat {
    ($($p:expr),* $(,)?) => { $crate::text::cat!(@bind [] $($p,)*) };
    (@bind [$($b:ident)*] $head:expr, $($rest:expr,)*) => {{
        let p = &$head;
        $crate::text::cat!(@bind [$($b)* p] $($rest,)*)
    }};
    (@bind [$($b:ident)*]) => {{
        let mut s = String::with_capacity(0 $(+ $crate::text::Piece::size_hint($b))*);
        $( $crate::text::Piece::push_to($b, &mut s); )*
        s
    }};
}

/// Appends [`Piece`]s to a `String`: `push!(s, " / ", n, " staff")`; each argument is evaluated
/// once, as with `cat!`.
macro_rules! push {
    ($s:expr, $($p:expr),* $(,)?) => { $crate::text::push!(@bind $s, [] $($p,)*) };
    (@bind $s:expr, [$($b:ident)*] $head:expr, $($rest:expr,)*) => {{
        let p = &$head;
        $crate::text::push!(@bind $s, [$($b)* p] $($rest,)*)
    }};
    (@bind $s:expr, [$($b:ident)*]) => {{
        let s: &mut String = &mut $s;
        s.reserve(0 $(+ $crate::text::Piece::size_hint($b))*);
        $( $crate::text::Piece::push_to($b, s); )*
    }};
}
pub(crate) use {cat, push};

#[cfg(test)]
mod piece_tests {
    use super::{Dec, Text};
    use rust_decimal::Decimal;

    #[test]
    fn pieces_write_what_display_writes() {
        for n in [0u64, 1, 9, 10, 99, 100, 12345, u32::MAX as u64, u64::MAX] {
            assert_eq!(super::cat!(n), n.to_string());
            assert_eq!(super::cat!(n as u32), (n as u32).to_string());
            assert_eq!(super::cat!(n as usize), (n as usize).to_string());
        }
        for n in [0i64, -1, 7, -12345, i64::MIN, i64::MAX] {
            assert_eq!(super::cat!(n), n.to_string());
            assert_eq!(super::cat!(n as i32), (n as i32).to_string());
        }
        let d: Decimal = "-12.50".parse().unwrap();
        let big = Decimal::MAX;
        let t = Text::new("S001");
        let owned = String::from("窗口");
        assert_eq!(
            super::cat!("a ", Dec(d), ' ', Dec::norm(d), " ", Dec(big), " ", t, "/", &t, " ", owned, " ", &owned, 'é'),
            format!("a {} {} {} {t}/{t} {owned} {owned}é", d, d.normalize(), big)
        );
        let mut s = String::from("x");
        super::push!(s, " = ", 3u32, " min");
        assert_eq!(s, "x = 3 min");
        // each argument once, in order
        let mut n = 0u32;
        let mut next = || {
            n += 1;
            n
        };
        assert_eq!(super::cat!(next(), "-", next(), "-", next()), "1-2-3");
        let mut t = String::new();
        super::push!(t, next(), '/', next());
        assert_eq!(t, "4/5");
    }

    proptest::proptest! {
        #[test]
        fn pieces_print_any_number_as_display_does(m in proptest::num::i128::ANY, scale in 0u32..=28, n in proptest::num::u64::ANY, i in proptest::num::i64::ANY) {
            let d = Decimal::from_i128_with_scale(m % (1i128 << 96), scale);
            proptest::prop_assert_eq!(super::cat!(Dec(d), "|", n, "|", i), format!("{d}|{n}|{i}"));
        }
    }
}

#[cfg(test)]
mod id_prefix_tests {
    use super::id_prefix;
    use proptest::prelude::*;

    /// The prefixes order two ids as the ids order, or tie (and the ids decide); and
    /// [`super::cmp_ids`] orders them exactly as the ids order.
    fn agrees(a: &str, b: &str) -> bool {
        let by_prefix = id_prefix(a).cmp(&id_prefix(b));
        (by_prefix.is_eq() || by_prefix == a.cmp(b)) && super::cmp_ids(id_prefix(a), a, id_prefix(b), b) == a.cmp(b)
    }

    #[test]
    fn an_ids_prefix_orders_as_the_id() {
        for (a, b) in [("R1", "R10"), ("R9", "R10"), ("AB", "AB\0x"), ("", "\0"), ("R00000001", "R00000001x"), ("甲", "乙"), ("R0000000", "R00000000"), ("S001", "S001"), ("S\0", "S"), ("S0000000", "S0000000\0"), ("S00000001", "S00000001")] {
            assert!(agrees(a, b) && agrees(b, a), "{a:?} {b:?}");
        }
        assert_eq!(id_prefix("R00000001"), id_prefix("R00000002"), "past eight bytes the ids decide");
    }

    #[test]
    fn an_ids_prefix_is_its_first_eight_bytes_padded_with_zeros() {
        // every length a short id's two overlapping reads take apart (0, 1, 2–3, 4–7, 8 and more)
        let ascii = (0..=10).map(|n| &"\u{1}bcdefgh\u{7f}j"[..n]);
        let wide = [3, 6, 9].map(|n| &"甲乙丙"[..n]);
        for id in ascii.chain(wide) {
            let n = id.len();
            let mut padded = [0u8; 8];
            padded[..n.min(8)].copy_from_slice(&id.as_bytes()[..n.min(8)]);
            assert_eq!(id_prefix(id), u64::from_be_bytes(padded), "{id:?}");
        }
    }

    proptest! {
        #[test]
        fn prefixes_never_contradict_the_ids(a in "[\\x00-\\x7f甲乙]{0,12}", b in "[\\x00-\\x7f甲乙]{0,12}") {
            prop_assert!(agrees(&a, &b));
        }
    }
}
