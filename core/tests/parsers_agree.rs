//! A dataset is parsed by sonic-rs first and, when it refuses, by serde_json (`Dataset::from_json`,
//! issue 19: the faster parser kept, every problem still at its place). That is sound only if
//! sonic-rs accepts no document serde_json refuses and reads every accepted one as serde_json
//! does. These are the JSON edges where parsers differ: each variant of one small dataset is
//! parsed by both, strictly (the whole text, as `Dataset::from_json` reads it).

use kaoping_core::Dataset;

fn serde_json_strict(text: &str) -> Result<Dataset, String> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let ds = <Dataset as serde::Deserialize>::deserialize(&mut *de).map_err(|e| e.to_string())?;
    de.end().map_err(|e| e.to_string())?;
    Ok(ds)
}

const BASE: &str = r#"{"hall": {"id": "H", "name": "大厅"}, "year": 2026, "records": [{"id": "R1", "rule": "S1.1", "subject": "S001", "date": "2026-01-04", "minutes": 10, "note": "NOTE"}]}"#;

/// (name, text, whether JSON and the format accept it)
fn variants() -> Vec<(&'static str, String, bool)> {
    let with = |from: &str, to: &str| BASE.replacen(from, to, 1);
    vec![
        ("as written", BASE.to_string(), true),
        ("a lone high surrogate", with("NOTE", r"\ud800"), false),
        ("a lone low surrogate", with("NOTE", r"\udc00x"), false),
        ("a surrogate pair", with("NOTE", r"\ud83d\ude00"), true),
        ("a raw line break in a string", with("NOTE", "a\nb"), false),
        ("a raw tab in a string", with("NOTE", "a\tb"), false),
        ("a raw NUL in a string", with("NOTE", "a\u{0}b"), false),
        ("DEL in a string (allowed by JSON)", with("NOTE", "a\u{7f}b"), true),
        ("an unknown escape", with("NOTE", r"\x41"), false),
        ("a short unicode escape", with("NOTE", r"\u12"), false),
        ("an escaped solidus", with("NOTE", r"a\/b"), true),
        ("a trailing comma in an object", with(r#""note": "NOTE"}"#, r#""note": "NOTE",}"#), false),
        ("a trailing comma in a list", with("}]}", "},]}"), false),
        ("text after the document", format!("{BASE} x"), false),
        ("a second document", format!("{BASE} {{}}"), false),
        ("a number with a leading zero", with("\"minutes\": 10", "\"minutes\": 010"), false),
        ("a whole number written with a fraction", with("\"minutes\": 10", "\"minutes\": 10.0"), false),
        ("a whole number with an exponent", with("\"minutes\": 10", "\"minutes\": 1e1"), false),
        ("a plus sign", with("\"minutes\": 10", "\"minutes\": +10"), false),
        ("a count past 32 bits", with("\"minutes\": 10", "\"minutes\": 4294967296"), false),
        ("a number past 64 bits", with("\"minutes\": 10", "\"minutes\": 99999999999999999999999"), false),
        ("a year past a float's range", with("2026,", "1e400,"), false),
        ("NaN", with("\"minutes\": 10", "\"minutes\": NaN"), false),
        ("a comment", with("{\"hall\"", "{/*c*/\"hall\""), false),
        ("single quotes", with("\"R1\"", "'R1'"), false),
        ("a field twice", with("\"minutes\": 10", "\"minutes\": 10, \"minutes\": 11"), false),
        ("a document field twice", with("\"year\": 2026", "\"year\": 2026, \"year\": 2027"), false),
        ("an unknown field", with("\"minutes\": 10", "\"minutez\": 10"), false),
        ("null for an optional number", with("\"minutes\": 10", "\"minutes\": null"), true),
        ("null for an optional text", with("\"NOTE\"", "null"), true),
        ("an escaped field name", with("\"minutes\"", "\"minut\\u0065s\""), true),
        ("a decimal as a whole JSON number", with("\"minutes\": 10", "\"points\": 2"), true),
        ("a decimal as a JSON number with a fraction", with("\"minutes\": 10", "\"points\": 2.5"), true),
        ("a decimal past 64 bits as a JSON number", with("\"minutes\": 10", "\"points\": 123456789012345678901234567"), true),
        ("a decimal as a string", with("\"minutes\": 10", "\"points\": \"2.5\""), true),
        ("a cut document", BASE[..BASE.len() - 3].to_string(), false),
        ("a deeply nested value", with("\"NOTE\"", &format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000))), false),
        ("a form feed between fields", with(", \"year\"", ",\u{c} \"year\""), false),
        ("a no-break space between fields", with(", \"year\"", ",\u{a0}\"year\""), false),
        ("a month 13", with("2026-01-04", "2026-13-04"), false),
        ("1 for a flag", with("\"minutes\": 10", "\"aggravated\": 1"), false),
        ("True for a flag", with("\"minutes\": 10", "\"aggravated\": True"), false),
        ("a cut literal", with("\"minutes\": 10", "\"aggravated\": tru"), false),
        ("an empty field name", with("\"minutes\": 10", "\"\": 10"), false),
        ("a BOM inside the document", with(", \"year\"", ", \u{feff}\"year\""), false),
    ]
}

#[test]
fn sonic_rs_accepts_nothing_serde_json_refuses_and_reads_alike() {
    for (name, text, valid) in variants() {
        let strict = serde_json_strict(&text);
        assert_eq!(strict.is_ok(), valid, "{name}: serde_json {strict:?}");
        if let Ok(fast) = sonic_rs::from_str::<Dataset>(&text) {
            assert_eq!(strict.as_ref().ok(), Some(&fast), "{name}: sonic-rs accepted what serde_json read otherwise ({strict:?})");
        }
        // the library: sonic-rs, else serde_json
        match (Dataset::from_json(&text), strict) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}"),
            (Err(_), Err(_)) => {}
            (a, b) => panic!("{name}: from_json {a:?}, serde_json {b:?}"),
        }
    }
}

/// A decimal written as a JSON number is read from its text by sonic-rs too (its raw-number
/// path, asked for by the decimal), never through a binary float: the first parser reads it, as
/// the second would. A form the schema gives strings only (`1e-3`) is read by the second.
#[test]
fn a_decimal_written_as_a_json_number_is_read_exactly_by_either_parser() {
    // 0.1 exactly: a binary float would be 0.1000000000000000055511151231257827…
    for (number, exact) in [("0.1", "0.1"), ("2.50", "2.50"), ("-0.0", "0.0"), ("1e3", "1000"), ("123456789012345678901234567", "123456789012345678901234567")] {
        let text = BASE.replacen("\"minutes\": 10", &format!("\"points\": {number}"), 1);
        let fast = sonic_rs::from_str::<Dataset>(&text).unwrap_or_else(|e| panic!("{number}: sonic-rs {e}"));
        assert_eq!(fast.records.get(0).unwrap().points().unwrap().to_string(), exact, "{number}");
        assert_eq!(Dataset::from_json(&text).unwrap(), fast, "{number}");
        assert_eq!(Some(fast), serde_json_strict(&text).ok(), "{number}");
    }
    let text = BASE.replacen("\"minutes\": 10", "\"points\": 1e-3", 1);
    assert!(sonic_rs::from_str::<Dataset>(&text).is_err(), "the schema's string form has no negative exponent");
    assert_eq!(Dataset::from_json(&text).unwrap().records.get(0).unwrap().points().unwrap().to_string(), "0.001");
    // more digits than a decimal holds: refused by both, never rounded
    let text = BASE.replacen("\"minutes\": 10", "\"points\": 2.999999999999999999999999999999", 1);
    assert!(sonic_rs::from_str::<Dataset>(&text).is_err() && Dataset::from_json(&text).is_err());
}
