//! The committed schemas under `schemas/` must equal the ones generated from the Rust types.
//! Regenerate with `KAOPING_BLESS=1 cargo test -p kaoping-core --test schemas`.

use kaoping_core::schema::{NAMES, schema_json};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas")
}

#[test]
fn committed_schemas_match_the_types() {
    let bless = std::env::var_os("KAOPING_BLESS").is_some();
    let mut stale = Vec::new();
    for name in NAMES {
        let fresh = schema_json(name).unwrap();
        let path = dir().join(format!("{name}.schema.json"));
        if bless {
            std::fs::write(&path, &fresh).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != fresh {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "schemas differ from the Rust types (regenerate with KAOPING_BLESS=1): {stale:?}"
    );
}

#[test]
fn builtin_policy_uses_only_registered_kinds_and_named_schema() {
    let s: serde_json::Value = serde_json::from_str(&schema_json("policy").unwrap()).unwrap();
    let kinds = &s["$defs"]["RuleItem"]["properties"]["kind"]["enum"];
    assert!(
        kinds.as_array().unwrap().iter().any(|k| k == "linked"),
        "{kinds}"
    );
    assert!(schema_json("nope").is_none());
}
