//! [`Text`]: an immutable, cheaply shared string for the ids, codes and names that a result
//! repeats thousands of times (a subject's id in every month, a rule code on every line).
//!
//! Cloning a `Text` bumps a reference count instead of copying bytes, so the engine builds each
//! id once per evaluation and shares it. It serialises, compares and prints as the string it holds,
//! and derefs to `&str`.

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text(Arc<str>);

impl Text {
    pub fn new(s: &str) -> Text {
        Text(Arc::from(s))
    }
    pub fn as_str(&self) -> &str {
        &self.0
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
    fn from(s: String) -> Text {
        Text(Arc::from(s))
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
        let shared = t.clone();
        assert!(std::ptr::eq(t.as_str(), shared.as_str()));
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

struct SerDec(rust_decimal::Decimal);

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
