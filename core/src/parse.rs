//! Parse: a dataset read from its JSON text. The records and the window-months are read by
//! `parse_records` where the document has them in the shape it reads (almost always), the rest by
//! sonic-rs; a document that either refuses is read by serde_json, which gives every problem its
//! place.

use crate::dataset::{Dataset, Department, Record, Staff, Window, WindowMetrics, too_many_records};
use crate::error::{Errors, Problem, format_problem};
use serde_json::value::RawValue;

/// Bytes of JSON a record takes, at the least that sizes the list of records once
/// ([`crate::records`]).
const RECORD_BYTES_HINT: usize = 80;

impl Dataset {
    /// Parses a dataset; a document that does not fit the format gives every such problem at once
    /// (see `every_format_problem` in this module).
    pub fn from_json(text: &str) -> Result<Dataset, Errors> {
        crate::records::RECORDS_HINT.set(text.len() / RECORD_BYTES_HINT);
        // sonic-rs first (SIMD: ~20 % faster on the province, BENCHMARKS.md; decimals read from
        // their text through its raw-number path, see decimal.rs); a document it refuses, for any
        // fault, is read by serde_json as before, which gives every problem its place. sonic-rs
        // accepts no document serde_json refuses (core/tests/parsers_agree.rs holds the cases),
        // and both read an accepted one alike.
        // The records and metrics are read by `parse_records` first, where the document has them
        // in the shape it reads, which is almost always.
        let parsed = crate::error::json_object_text(text, "dataset").and_then(|t| match crate::parse_records::dataset(t).map_or_else(|| sonic_rs::from_str::<Dataset>(t), Ok) {
            Ok(ds) => Ok(ds),
            Err(_) => crate::error::parse_json(text, "dataset"),
        });
        crate::records::RECORDS_HINT.set(0);
        parsed.map_err(|first| every_format_problem(text, first))
    }

    /// Parses a dataset from bytes that should be UTF-8 (a BOM is allowed).
    pub fn from_json_bytes(bytes: &[u8]) -> Result<Dataset, Errors> {
        Dataset::from_json(crate::error::utf8(bytes, "dataset")?)
    }
}

/// Every format problem of a dataset that is valid JSON but does not fit the format, not only
/// the first: the document's own fields are read with its lists left empty, then each member of
/// each list on its own, from its own text (a bad date in `records[0]` hides nothing in
/// `records[1]`; the messages are the parser's). A record's problem names its id. `first` (the
/// parser's first problem) stands when this finds none, or when the document is not a JSON object.
fn every_format_problem(text: &str, first: Errors) -> Errors {
    use std::collections::BTreeMap;
    const LISTS: [&str; 5] = ["departments", "windows", "staff", "metrics", "records"];
    // past the records limit the document is refused as it is, not read again member by member
    if first.problems.iter().any(|p| p.path == "records" && p.message == too_many_records(crate::limits::MAX_RECORDS)) {
        return first;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(mut doc) = serde_json::from_str::<BTreeMap<String, &RawValue>>(text) else {
        return first;
    };
    let mut lists = Vec::new();
    for name in LISTS {
        if let Some(raw) = doc.get(name)
            && let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(raw.get())
        {
            lists.push((name, items));
        }
    }
    let empty = RawValue::from_string("[]".into()).expect("[] is JSON");
    for (name, _) in &lists {
        doc.insert(name.to_string(), &empty);
    }
    // (a problem is made once per bad member, on the error path: boxing it would only add an
    // allocation)
    #[allow(clippy::result_large_err)]
    fn read<T: serde::de::DeserializeOwned>(text: &str, prefix: &str) -> Result<(), Problem> {
        let de = &mut serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize::<_, T>(de).map(|_| ()).map_err(|e| format_problem(e, prefix))
    }
    fn each<T: serde::de::DeserializeOwned>(list: &str, items: &[&RawValue], out: &mut Vec<Problem>) {
        #[derive(serde::Deserialize)]
        struct Id {
            id: Option<String>,
        }
        for (i, item) in items.iter().enumerate() {
            let prefix = format!("{list}[{i}]");
            if let Err(mut p) = read::<T>(item.get(), &prefix) {
                // the member is valid JSON, so a "syntax" error is a value the field cannot take
                // (serde_json says "expected value" for a null where a name is expected)
                if p.message.starts_with("not valid JSON") {
                    let at = p.path.strip_prefix(prefix.as_str()).unwrap_or("").trim_start_matches('.');
                    let value = serde_json::from_str::<serde_json::Value>(item.get()).ok().and_then(|v| {
                        at.split('.').filter(|k| !k.is_empty()).try_fold(v, |v, k| v.get(k).cloned())
                    });
                    p.message = match value {
                        Some(serde_json::Value::Null) => "null is not a value for this field: leave the field out, or give one of its values".into(),
                        _ => "this value does not fit the field".into(),
                    };
                }
                if list == "records"
                    && let Ok(Id { id: Some(id) }) = serde_json::from_str::<Id>(item.get())
                {
                    // an id past the limit is cut, not echoed whole
                    let id = match id.char_indices().nth(crate::limits::MAX_ID_CHARS) {
                        Some((cut, _)) => format!("{}…", &id[..cut]),
                        None => id,
                    };
                    p = p.record(id);
                }
                out.push(p);
            }
        }
    }
    let mut problems = Vec::new();
    if let Ok(own) = serde_json::to_string(&doc)
        && let Err(p) = read::<Dataset>(&own, "")
    {
        problems.push(p);
    }
    for (name, items) in &lists {
        match *name {
            "departments" => each::<Department>(name, items, &mut problems),
            "windows" => each::<Window>(name, items, &mut problems),
            "staff" => each::<Staff>(name, items, &mut problems),
            "metrics" => each::<WindowMetrics>(name, items, &mut problems),
            _ => each::<Record>(name, items, &mut problems),
        }
    }
    if problems.is_empty() { first } else { Errors { document: first.document, problems } }
}
