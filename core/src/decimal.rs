//! Reading decimals exactly. `rust_decimal` reads a text with more digits than it holds (28
//! after the point, 96 bits in all) by rounding it: `"2.999999999999999999999999999999"` would
//! become 3 and pass S2.3's range of 3–5. A dataset's decimals are read here instead: a value
//! that cannot be held exactly is a problem naming its place, never rounded.

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// serde_json's key for a number kept as its text (the `arbitrary_precision` feature).
const NUMBER_KEY: &str = "$serde_json::private::Number";

/// sonic-rs's name for a number read as its text (its `RawNumber`). A decimal asks for it by
/// name (`deserialize_newtype_struct`): sonic-rs then hands a JSON number over as its text, not
/// as a binary float, and a string as its text when it is a number; serde_json and other formats
/// pass the name by (`visit_newtype_struct`) and the decimal is read as before. Were sonic-rs to
/// rename it, a decimal written as a number with a fraction would reach us as a float, be refused,
/// and the dataset be read again by serde_json: slower, never different
/// (`core/tests/parsers_agree.rs` holds that sonic-rs reads it directly).
const SONIC_RAW_NUMBER: &str = "$sonic_rs::private::JsonNumber";

/// The decimal a text stands for, exactly, or what is wrong with it.
pub fn parse_exact(s: &str) -> Result<Decimal, String> {
    if let Ok(d) = Decimal::from_str_exact(s) {
        return Ok(d);
    }
    let shown = shorten(s);
    if s.contains(['e', 'E']) {
        // exponent notation (a JSON number such as 1e3): exact when it holds as a plain decimal
        return scientific(s).ok_or_else(|| {
            format!("{shown} is not a decimal this library holds exactly (at most 28 digits after the point)")
        });
    }
    if Decimal::from_str(s).is_ok() {
        Err(format!("{shown} has more digits than a decimal holds exactly (28 after the point, 28–29 in all); it would be rounded"))
    } else {
        Err(format!("{shown} is not a decimal number"))
    }
}

/// `m` e `x` as a decimal, exactly: the mantissa's digits shifted by the exponent, or `None`
/// when they do not fit a decimal (more than 28 places, or past its 96 bits).
fn scientific(s: &str) -> Option<Decimal> {
    let (m, x) = s.split_once(['e', 'E'])?;
    let x: i32 = x.parse().ok()?;
    let d = Decimal::from_str_exact(m).ok()?;
    let scale = i64::from(d.scale()) - i64::from(x);
    if scale >= 0 {
        Decimal::try_from_i128_with_scale(d.mantissa(), u32::try_from(scale).ok()?).ok()
    } else {
        let shift = 10i128.checked_pow(u32::try_from(-scale).ok()?)?;
        Decimal::try_from_i128_with_scale(d.mantissa().checked_mul(shift)?, 0).ok()
    }
}

/// Whether a decimal given as a string has the published schema's form,
/// `^-?\d+(\.\d+)?([eE]\d+)?$` ("+4", "4." and " 4" do not).
fn schema_form(s: &str) -> bool {
    fn digits(s: &str) -> Option<&str> {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        (n > 0).then(|| &s[n..])
    }
    let s = s.strip_prefix('-').unwrap_or(s);
    let Some(mut rest) = digits(s) else { return false };
    if let Some(r) = rest.strip_prefix('.') {
        match digits(r) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    if let Some(r) = rest.strip_prefix(['e', 'E']) {
        match digits(r) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// A value as a problem quotes it: in full when short, else its start and its length.
fn shorten(s: &str) -> String {
    const SHOWN: usize = 40;
    match s.char_indices().nth(SHOWN) {
        None => format!("{s:?}"),
        Some((cut, _)) => format!("{:?}… ({} characters)", &s[..cut], s.chars().count()),
    }
}

struct ExactVisitor;

impl<'de> Visitor<'de> for ExactVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number, written as a string (\"2.5\") or a number")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        // not reached with serde_json's arbitrary_precision (numbers come as their text)
        Err(E::custom(format!("{v} came as a binary floating-point number; write the decimal as a string (\"{v}\")")))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        if !schema_form(v) {
            return Err(E::custom(format!(
                "{} is not a decimal written as the schema says (digits, a point and digits: \"2.5\", \"-1\")",
                shorten(v)
            )));
        }
        parse_exact(v).map_err(E::custom)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Decimal, D::Error> {
        d.deserialize_any(ExactVisitor)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Decimal, A::Error> {
        match map.next_key::<String>()? {
            Some(k) if k == NUMBER_KEY => {
                let text: String = map.next_value()?;
                parse_exact(&text).map_err(de::Error::custom)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

/// A decimal read exactly (see the module).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Exact(pub(crate) Decimal);

impl<'de> serde::Deserialize<'de> for Exact {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Exact, D::Error> {
        d.deserialize_newtype_struct(SONIC_RAW_NUMBER, ExactVisitor).map(Exact)
    }
}

/// `deserialize_with` for a decimal read exactly.
pub(crate) fn exact<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_newtype_struct(SONIC_RAW_NUMBER, ExactVisitor)
}

/// `deserialize_with` for an optional decimal read exactly.
pub(crate) fn exact_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    Ok(<Option<Exact> as serde::Deserialize>::deserialize(d)?.map(|e| e.0))
}

/// `deserialize_with` for named decimals read exactly.
pub(crate) fn exact_map<'de, D: Deserializer<'de>, K: serde::Deserialize<'de> + Ord>(d: D) -> Result<BTreeMap<K, Decimal>, D::Error> {
    let m = <BTreeMap<K, Exact> as serde::Deserialize>::deserialize(d)?;
    Ok(m.into_iter().map(|(k, v)| (k, v.0)).collect())
}

#[cfg(test)]
mod tests {
    use super::parse_exact;

    #[test]
    fn strings_have_the_schemas_form() {
        for ok in ["2.5", "-1", "04", "1e3", "0.0001"] {
            assert!(super::schema_form(ok), "{ok}");
        }
        for bad in ["+4", "4.", ".5", " 4", "4 ", "1e-3", "1e", "--1", "", "四"] {
            assert!(!super::schema_form(bad), "{bad}");
        }
    }

    #[test]
    fn texts_a_decimal_holds_are_read_and_others_refused() {
        assert_eq!(parse_exact("2.5").unwrap().to_string(), "2.5");
        assert_eq!(parse_exact("0.0000000000000000000000000001").unwrap().to_string(), "0.0000000000000000000000000001");
        assert_eq!(parse_exact("1e3").unwrap(), rust_decimal::Decimal::from(1000));
        assert_eq!(parse_exact("2.5E-3").unwrap().to_string(), "0.0025");
        assert_eq!(parse_exact("25e+2").unwrap(), rust_decimal::Decimal::from(2500));
        assert!(parse_exact("1e-29").is_err());
        let e = parse_exact("2.999999999999999999999999999999").unwrap_err();
        assert!(e.contains("more digits than a decimal holds exactly"), "{e}");
        assert!(parse_exact("89.999999999999999999999999999999").is_err());
        assert!(parse_exact("100.0000000000000000000000000001").is_err());
        assert!(parse_exact("1e30").is_err());
        assert!(parse_exact("1.00000000000000000000000000000001e2").is_err());
        assert!(parse_exact("x").unwrap_err().contains("not a decimal number"));
    }
}
