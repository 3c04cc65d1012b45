//! The record and metrics reader against serde's reading of the same text: field for field,
//! for the shapes it reads itself and the ones it hands on.

use super::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;

/// serde_json's reading of a whole document, strictly (what `Dataset::from_json` falls back on).
fn by_serde(text: &str) -> Option<Dataset> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let ds = <Dataset as serde::Deserialize>::deserialize(&mut *de).ok()?;
    de.end().ok()?;
    Some(ds)
}

/// This path agrees with serde wherever it reads a document: the same dataset, written out the
/// same (decimals keep their scale); and it reads none that serde refuses.
fn agrees(text: &str) -> Option<Dataset> {
    let here = dataset(text);
    let there = by_serde(text);
    if let Some(h) = &here {
        let t = there.as_ref().unwrap_or_else(|| panic!("read here, refused by serde: {text}"));
        assert_eq!(h, t, "{text}");
        assert_eq!(h.to_json(), t.to_json(), "{text}");
    }
    here
}

/// Each of `cases` (a list's members, and what they are) in the document `doc` makes of them:
/// refused here and by serde.
fn refused(cases: &[(&str, &str)], doc: impl Fn(&str) -> String) {
    for (members, what) in cases {
        let text = doc(members);
        assert!(agrees(&text).is_none() && by_serde(&text).is_none(), "{what}: read here: {text}");
    }
}

fn doc(records: &str) -> String {
    format!(r#"{{"hall": {{"id": "H", "name": "大厅"}}, "year": 2026, "records": [{records}]}}"#)
}

const R: &str = r#"{"id": "R1", "rule": "S1.1", "subject": "S001", "date": "2026-01-04""#;

#[test]
fn the_formats_fields_are_read_as_serde_reads_them() {
    let read = [
        format!("{R}}}"),
        format!("{R}, \"minutes\": 45, \"count\": 3, \"aggravated\": true, \"status\": \"pending\"}}"),
        format!("{R}, \"points\": \"2.50\", \"units\": 1.5, \"level\": \"city\", \"key\": \"K 1\", \"evidence\": \"照片 1\", \"note\": \"吵架\"}}"),
        format!("{R}, \"points\": 3, \"units\": \"-0.25\", \"level\": \"national\", \"status\": \"revoked\", \"aggravated\": false}}"),
        format!("{R}, \"count\": 0, \"minutes\": 4294967295, \"level\": \"county\", \"status\": \"confirmed\"}}"),
        format!("{R}, \"points\": 123456789012345678901234567, \"level\": \"province\"}}"),
        // any order, any JSON whitespace, empty strings, DEL, astral characters
        "{\"date\":\"2026-12-31\",\"subject\":\"\",\"rule\":\"x\",\"id\":\"\u{7f}😀\"}".to_string(),
        format!(" \n\t\r{R} \n\t\r, \"note\" \n:\r\"n\" }} "),
        // escapes, read as serde reads them
        r#"{"id": "R\"1\\", "rule": "S1.\u0031", "subject": "\ud83d\ude00", "date": "2026-01-04", "note": "a\nb\t\/c", "evidence": "\"", "key": "k\u00e9"}"#.to_string(),
    ];
    for r in &read {
        let text = doc(r);
        assert!(agrees(&text).is_some(), "not read here: {text}");
    }
    // two records, and none
    assert_eq!(agrees(&doc(&format!("{R}}}, {R}}}"))).map(|d| d.records.len()), Some(2));
    assert_eq!(agrees(&doc("")).map(|d| d.records.len()), Some(0));
    assert_eq!(agrees(&doc(" ")).map(|d| d.records.len()), Some(0));
}

#[test]
fn records_of_other_shapes_are_read_by_serde_one_at_a_time() {
    let other = [
        (r#""note": "\ud800""#, "a lone high surrogate"),
        (r#""note": "\udc00x""#, "a lone low surrogate"),
        (r#""note": "\x41""#, "an unknown escape"),
        (r#""note": "\u12""#, "a short unicode escape"),
        ("\"note\": \"a\\\"b\u{1}\"", "an escape, then a raw control character"),
        (r#""level": "c\u0069ty""#, "an escape in a level"),
        (r#""points": "\u0032""#, "an escape in a decimal"),
        ("\"note\": \"a\u{1}b\"", "a raw control character"),
        (r#""note": null"#, "null"),
        (r#""nota": "x""#, "an unknown field"),
        (r#""not\u0065": "x""#, "an escaped field name"),
        (r#""minutes": 1, "minutes": 2"#, "a field twice"),
        (r#""id": "R2""#, "a required field twice"),
        (r#""minutes": 01"#, "a leading zero"),
        (r#""minutes": -1"#, "a negative count"),
        (r#""minutes": 1.0"#, "a fraction for a whole number"),
        (r#""minutes": 1e1"#, "an exponent"),
        (r#""minutes": 4294967296"#, "past 32 bits"),
        (r#""minutes": "1""#, "a number as a string"),
        (r#""points": 1e3"#, "a decimal with an exponent"),
        (r#""points": "1e3""#, "a decimal string with an exponent"),
        (r#""points": "+1""#, "a plus sign"),
        (r#""points": " 1""#, "a space in a decimal string"),
        (r#""points": "1.""#, "no digits after the point"),
        (r#""points": .5"#, "no digits before the point"),
        (r#""points": 2.999999999999999999999999999999"#, "more digits than a decimal holds"),
        (r#""level": "County""#, "a level's name in capitals"),
        (r#""status": "ok""#, "an unknown status"),
        (r#""aggravated": 1"#, "1 for a flag"),
        (r#""aggravated": tru"#, "a cut literal"),
        (r#""evidence": 5"#, "a number for a text"),
    ];
    // each record of another shape is read by serde and sonic-rs on its own, as the other
    // path reads it: the document is read here exactly when sonic-rs reads it (and, as
    // `agrees` checks, as serde_json reads it; a document sonic-rs refuses and serde_json
    // reads, such as an escape in a decimal's string, is read by serde_json in the end)
    for (field, what) in other {
        let text = doc(&format!("{R}, {field}}}, {R}, \"minutes\": 45}}"));
        assert_eq!(agrees(&text).is_some(), sonic_rs::from_str::<Dataset>(&text).is_ok(), "{what}: {text}");
    }
    refused(
        &[
            (r#"{"id": "R1", "rule": "S1.1", "subject": "S001"}"#, "no date"),
            (r#"{"id": "R1", "rule": "S1.1", "subject": "S001", "date": "2026-02-30"}"#, "not a day"),
            (r#"{"id": "R1", "rule": "S1.1", "subject": "S001", "date": "2026-2-3"}"#, "not the date's form"),
            (r#"{"id": "R1", "rule": "S1.1", "subject": "S001", "date": " 2026-02-03"}"#, "a space in a date"),
            (r#"{}"#, "an empty record"),
            (r#"{"id": "R1", "rule": "S1.1", "subject": "S001", "date": "2026-01-04",}"#, "a trailing comma in a record"),
            (r#"{"id": "R1", "rule": "S1.1", "subject": "S001", "date": "2026-01-04"},"#, "a trailing comma in the list"),
            (r#"[]"#, "a list for a record"),
            (r#"null"#, "null for a record"),
        ],
        doc,
    );
}

#[test]
fn the_records_field_is_found_only_at_the_top_level() {
    let records = format!("[{R}}}]");
    // where the field stands among the others, and what comes before it: a text and a
    // nested field that say `records` are not the field
    for text in [
        format!(r#"{{"records": {records}, "hall": {{"id": "H", "name": "大厅"}}, "year": 2026}}"#),
        format!(r#"{{"hall": {{"id": "H", "name": "\"records\": [] \\"}}, "year": 2026, "records": {records}, "metrics": []}}"#),
        format!(r#"{{"hall": {{"id": "H", "name": "大厅"}}, "targets": {{"records": "90", "x]": 1.5}}, "year": 2026, "records": {records}}}"#),
    ] {
        assert_eq!(agrees(&text).map(|d| d.records.len()), Some(1), "{text}");
    }
    // the field twice, the field named with an escape, or not at all: serde's to read
    for text in [
        format!(r#"{{"hall": {{"id": "H", "name": "大厅"}}, "year": 2026, "records": {records}, "records": []}}"#),
        format!(r#"{{"hall": {{"id": "H", "name": "大厅"}}, "year": 2026, "recor\u0064s": {records}}}"#),
        r#"{"hall": {"id": "H", "name": "大厅"}, "year": 2026}"#.to_string(),
        format!(r#"{{"hall": {{"id": "H", "name": "大厅"}}, "year": 2026, "records": {records}, "x": 1}}"#),
        format!(r#"{{"hall": {{"id": "H", "name": "大厅"}}, "year": 2026, "records": {records} x}}"#),
    ] {
        assert!(agrees(&text).is_none(), "{text}");
    }
}

/// A document with these window-months and one record.
fn doc_metrics(metrics: &str) -> String {
    format!(r#"{{"hall": {{"id": "H", "name": "大厅"}}, "year": 2026, "metrics": [{metrics}], "records": [{R}}}]}}"#)
}

const M: &str = r#"{"window": "W01", "month": "2026-01""#;

#[test]
fn window_months_are_read_as_serde_reads_them() {
    for m in [
        format!("{M}}}"),
        format!("{M}, \"cases\": 2702, \"rates\": {{\"online_full_process\": \"96.2\", \"online_available\": \"97.50\", \"one_network\": 89.7}}}}"),
        // a name given twice keeps its last value; values as well as rates; none at all
        format!("{M}, \"rates\": {{\"b\": \"1\", \"a\": \"2\", \"b\": \"3.0\"}}, \"values\": {{\"votes\": -4, \"x\": 0}}}}"),
        format!("{M}, \"rates\": {{}}, \"values\": {{ }}, \"cases\": 0}}"),
        format!("{M}, \"cases\": 18446744073709551615, \"rates\": {{\"名\": 123456789012345678901234567}}}}"),
        // any order, any JSON whitespace
        "{ \"rates\" : { \"r\" :\n\"5\" } ,\t\"month\":\"2026-12\",\r\n\"window\":\"\" }".to_string(),
    ] {
        let text = doc_metrics(&m);
        let ds = agrees(&text).unwrap_or_else(|| panic!("not read: {text}"));
        assert_eq!(ds.metrics.len(), 1, "{text}");
        // read by this path's own reading, not handed to sonic-rs
        assert_eq!(Cursor::new(&m).metrics().as_ref(), Some(&ds.metrics[0]), "{m}");
        let list = format!("[{m}]");
        assert_eq!(read_metrics(&list), Some((ds.metrics.clone(), list.len())));
    }
    // the rates of the first: by name, each exactly as written
    let ds = agrees(&doc_metrics(&format!("{M}, \"rates\": {{\"b\": \"1\", \"a\": \"2.50\", \"b\": \"3.0\"}}}}"))).expect("read");
    let rates: Vec<(String, String)> = ds.metrics[0].rates.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    assert_eq!(rates, [("a".to_string(), "2.50".to_string()), ("b".to_string(), "3.0".to_string())]);
    // two, and none
    assert_eq!(agrees(&doc_metrics(&format!("{M}}}, {M}, \"cases\": 1}}"))).map(|d| d.metrics.len()), Some(2));
    assert_eq!(agrees(&doc_metrics("")).map(|d| d.metrics.len()), Some(0));
}

#[test]
fn window_months_of_other_shapes_are_read_by_serde_one_at_a_time() {
    for (field, what) in [
        (r#""ratings": {"satisfied": 3}"#, "ratings"),
        (r#""cases": null"#, "null"),
        (r#""cases": -1"#, "a negative count"),
        (r#""cases": 1.0"#, "a fraction for a whole number"),
        (r#""cases": 18446744073709551616"#, "past 64 bits"),
        (r#""rates": {"a": "1e3"}"#, "a decimal string with an exponent"),
        (r#""rates": {"a": 1e3}"#, "a decimal with an exponent"),
        (r#""rates": {"a": "04"}"#, "a leading zero in a decimal string"),
        (r#""rates": {"a": "+1"}"#, "a plus sign"),
        (r#""rates": {"a": 2.999999999999999999999999999999}"#, "more digits than a decimal holds"),
        (r#""rates": {"a": "1"}"#, "an escaped name"),
        (r#""rates": {"a": null}"#, "null for a rate"),
        (r#""rates": []"#, "a list for the rates"),
        (r#""values": {"a": "1",}"#, "a trailing comma in the values"),
        (r#""cases": 1, "cases": 2"#, "a field twice"),
        (r#""window": "W02""#, "a required field twice"),
        (r#""other": 1"#, "an unknown field"),
        (r#""window": "W02""#, "an escaped field name"),
    ] {
        let text = doc_metrics(&format!("{M}, {field}}}, {M}, \"cases\": 5}}"));
        assert_eq!(agrees(&text).is_some(), sonic_rs::from_str::<Dataset>(&text).is_ok(), "{what}: {text}");
    }
    refused(
        &[
            (r#"{"window": "W01"}"#, "no month"),
            (r#"{"window": "W01", "month": "2026-13"}"#, "not a month"),
            (r#"{"window": "W01", "month": "2026-1"}"#, "not the month's form"),
            (r#"{"window": "W"01", "month": "2026-01"}"#, "a cut string"),
            (r#"{}"#, "an empty window-month"),
            (r#"{"window": "W01", "month": "2026-01"},"#, "a trailing comma in the list"),
            (r#"null"#, "null for a window-month"),
        ],
        doc_metrics,
    );
}

#[test]
fn the_metrics_field_is_read_wherever_it_stands() {
    let records = format!("[{R}}}]");
    let metrics = format!("[{M}, \"cases\": 7}}]");
    for text in [
        format!(r#"{{"hall": {{"id": "H", "name": "大厅"}}, "year": 2026, "records": {records}, "metrics": {metrics}}}"#),
        format!(r#"{{"metrics": {metrics}, "hall": {{"id": "H", "name": "大厅"}}, "records": {records}, "year": 2026}}"#),
        format!(r#"{{"hall": {{"id": "H", "name": "\"metrics\": []"}}, "metrics": {metrics}, "year": 2026, "records": {records}}}"#),
    ] {
        let ds = agrees(&text).unwrap_or_else(|| panic!("not read: {text}"));
        assert_eq!((ds.records.len(), ds.metrics.len(), ds.metrics[0].cases), (1, 1, Some(7)), "{text}");
    }
    // the field twice: serde's to read (and to refuse)
    for text in [
        format!(r#"{{"hall": {{"id": "H", "name": "大厅"}}, "year": 2026, "metrics": {metrics}, "records": {records}, "metrics": []}}"#),
        format!(r#"{{"hall": {{"id": "H", "name": "大厅"}}, "year": 2026, "metrics": [], "records": {records}, "metrics": {metrics}}}"#),
    ] {
        assert!(agrees(&text).is_none() && by_serde(&text).is_none(), "{text}");
    }
}

fn metrics_field() -> impl Strategy<Value = String> {
    // (weighted toward what is read here, so that the property's documents are often read
    // by this path's own reading: `random_window_months_are_often_read_here`)
    let decimal = prop_oneof![
        4 => (-1000i64..100_000, 0u32..4).prop_map(|(m, s)| rust_decimal::Decimal::new(m, s).to_string()),
        4 => (-1000i64..100_000, 0u32..4).prop_map(|(m, s)| format!("\"{}\"", rust_decimal::Decimal::new(m, s))),
        1 => Just("1e3".to_string()),
        1 => Just("\"1.\"".to_string()),
        1 => Just("null".to_string()),
    ];
    let name = prop_oneof![
        3 => proptest::sample::select(&["\"a\"", "\"online_available\"", "\"名\""][..]).prop_map(String::from),
        1 => Just("\"\\u0062\"".to_string()),
    ];
    let figures = proptest::collection::vec((name, decimal), 0..5).prop_map(|v| format!("{{{}}}", v.iter().map(|(k, d)| format!("{k}: {d}")).collect::<Vec<_>>().join(", ")));
    prop_oneof![
        1 => prop_oneof![Just("\"W01\""), Just("\"\""), Just("\"W\\u0030\""), Just("5")].prop_map(|v| format!("\"window\": {v}")),
        1 => prop_oneof![Just("\"2026-01\""), Just("\"2026-12\""), Just("\"2026-13\""), Just("\"26-01\"")].prop_map(|v| format!("\"month\": {v}")),
        3 => prop_oneof![4 => (0u64..u64::MAX).prop_map(|n| n.to_string()), 1 => Just("-1".to_string()), 1 => Just("null".to_string()), 1 => Just("01".to_string())].prop_map(|v| format!("\"cases\": {v}")),
        4 => figures.clone().prop_map(|v| format!("\"rates\": {v}")),
        3 => figures.prop_map(|v| format!("\"values\": {v}")),
        1 => Just("\"ratings\": {\"satisfied\": 2}".to_string()),
        1 => Just("\"other\": 1".to_string()),
    ]
}

fn window_month() -> impl Strategy<Value = String> {
    (proptest::collection::vec(metrics_field(), 0..4), proptest::bool::weighted(0.9)).prop_map(|(fields, required)| {
        let mut all: Vec<String> = if required { vec![M[1..].to_string()] } else { Vec::new() };
        all.extend(fields);
        format!("{{{}}}", all.join(", "))
    })
}

fn field() -> impl Strategy<Value = String> {
    let text = prop_oneof![
        Just("\"\"".to_string()),
        "[a-zA-Z0-9 .-]{1,12}".prop_map(|s| format!("\"{s}\"")),
        Just("\"已确认 照片\"".to_string()),
        Just("\"a\\\"b\"".to_string()),
        Just("\"\\u00e9\\n\"".to_string()),
        Just("\"\\ud800\"".to_string()),
        Just("null".to_string()),
        Just("5".to_string()),
    ];
    let number = prop_oneof![
        (0u64..5_000_000_000).prop_map(|n| n.to_string()),
        Just("-1".to_string()),
        Just("01".to_string()),
        Just("1.5".to_string()),
        Just("2e1".to_string()),
        Just("\"3\"".to_string()),
    ];
    let decimal = prop_oneof![
        (-1000i64..1000, 0u32..4).prop_map(|(m, s)| rust_decimal::Decimal::new(m, s).to_string()),
        (-1000i64..1000, 0u32..4).prop_map(|(m, s)| format!("\"{}\"", rust_decimal::Decimal::new(m, s))),
        Just("1e3".to_string()),
        Just("\"1.\"".to_string()),
        Just("00.5".to_string()),
    ];
    let date = prop_oneof![
        (2025i32..2027, 1u32..13, 1u32..32).prop_map(|(y, m, d)| format!("\"{y:04}-{m:02}-{d:02}\"")),
        Just("\"2026-1-4\"".to_string()),
    ];
    let word = |w: &'static [&'static str]| proptest::sample::select(w).prop_map(|s| format!("\"{s}\""));
    prop_oneof![
        text.clone().prop_map(|v| format!("\"id\": {v}")),
        text.clone().prop_map(|v| format!("\"rule\": {v}")),
        text.clone().prop_map(|v| format!("\"subject\": {v}")),
        date.prop_map(|v| format!("\"date\": {v}")),
        number.clone().prop_map(|v| format!("\"count\": {v}")),
        number.prop_map(|v| format!("\"minutes\": {v}")),
        decimal.clone().prop_map(|v| format!("\"points\": {v}")),
        decimal.prop_map(|v| format!("\"units\": {v}")),
        word(&["county", "city", "province", "national", "City"]).prop_map(|v| format!("\"level\": {v}")),
        word(&["confirmed", "pending", "revoked", "done"]).prop_map(|v| format!("\"status\": {v}")),
        proptest::sample::select(&["true", "false", "1"][..]).prop_map(|v| format!("\"aggravated\": {v}")),
        text.clone().prop_map(|v| format!("\"key\": {v}")),
        text.clone().prop_map(|v| format!("\"evidence\": {v}")),
        text.prop_map(|v| format!("\"note\": {v}")),
        Just("\"other\": 1".to_string()),
    ]
}

fn record() -> impl Strategy<Value = String> {
    let ws = proptest::sample::select(&["", " ", "\n  ", "\t", "\r\n"][..]);
    (proptest::collection::vec((field(), ws.clone(), ws), 0..9), any::<bool>()).prop_map(|(fields, required)| {
        let mut all: Vec<String> = if required { vec![R[1..].to_string()] } else { Vec::new() };
        all.extend(fields.into_iter().map(|(f, a, b)| format!("{a}{f}{b}")));
        format!("{{{}}}", all.join(","))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    /// Records of random fields, values, order and spacing: read here only as serde reads them.
    /// (Most are read by this path's own reading, others a record at a time by sonic-rs.)
    #[test]
    fn random_records_are_read_as_serde_reads_them(records in proptest::collection::vec(record(), 0..4)) {
        let text = doc(&records.join(", "));
        // read here as serde_json reads it, and exactly when sonic-rs reads the document
        prop_assert_eq!(agrees(&text).is_some(), sonic_rs::from_str::<Dataset>(&text).is_ok(), "{}", text);
    }

    /// Window-months of random fields, values and order: read here only as serde reads them.
    #[test]
    fn random_window_months_are_read_as_serde_reads_them(metrics in proptest::collection::vec(window_month(), 0..4)) {
        let text = doc_metrics(&metrics.join(", "));
        prop_assert_eq!(agrees(&text).is_some(), sonic_rs::from_str::<Dataset>(&text).is_ok(), "{}", text);
    }
}

/// Of 500 lists of `items`, how many `read` says yes to: a property above is worth something
/// only if this path's own reading reads many of its documents.
fn read_of_500(items: impl Strategy<Value = Vec<String>>, read: impl Fn(&[String]) -> bool) -> usize {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    (0..500).filter(|_| read(&items.new_tree(&mut runner).expect("a value").current())).count()
}

#[test]
fn random_records_are_often_read_here() {
    let here = read_of_500(proptest::collection::vec(record(), 0..4), |r| agrees(&doc(&r.join(", "))).is_some());
    assert!(here >= 100, "{here} of 500 read here");
}

#[test]
fn random_window_months_are_often_read_here() {
    // documents with window-months, every one read by this path's own reading, not handed to
    // sonic-rs (58 of 500 with the generator's seed today: the others are mostly refused, or
    // hold a shape read by sonic-rs, as they should be)
    let here = read_of_500(proptest::collection::vec(window_month(), 0..3), |m| {
        !m.is_empty() && agrees(&doc_metrics(&m.join(", "))).is_some() && m.iter().all(|m| Cursor::new(m).metrics().is_some())
    });
    assert!(here >= 30, "{here} of 500 read here");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    /// Eight bytes at a time, the plain start of a text is what a byte at a time finds: the
    /// first quote, backslash or control character, wherever it stands (among UTF-8's high
    /// bytes, ahead of a second one whose borrow could mislead, past the last whole eight).
    #[test]
    fn plain_len_is_the_first_ending_byte(
        bytes in proptest::collection::vec(
            prop_oneof![
                4 => proptest::sample::select(&[b'a', b'0', b' ', 0x7f, 0x80, 0xa0, 0xe6, 0xff, 0x21, 0x23, 0x5b, 0x5d, 0x1f + 1][..]),
                1 => proptest::sample::select(&[b'"', b'\\', 0x00, 0x01, 0x1f, b'\n'][..]),
                1 => any::<u8>(),
            ],
            0..40,
        )
    ) {
        let by_byte = bytes.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20);
        prop_assert_eq!(plain_len(&bytes), by_byte);
    }
}
