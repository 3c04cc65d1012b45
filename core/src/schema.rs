//! The published JSON Schemas, generated from the Rust types.

use crate::dataset::Dataset;
use crate::error::Errors;
use crate::kind::Registry;
use crate::policy::PolicyDoc;
use crate::result::{MonthResult, YearResult};
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::{Value, json};

/// Names of the published schemas (`schemas/<name>.schema.json`).
pub const NAMES: &[&str] = &[
    "policy",
    "dataset",
    "result",
    "year_result",
    "period_result",
    "errors",
];

fn generator() -> schemars::SchemaGenerator {
    SchemaSettings::draft2020_12().into_generator()
}

fn root<T: JsonSchema>(id: &str) -> Schema {
    let mut s = generator().into_root_schema_for::<T>();
    s.insert(
        "$id".into(),
        Value::String(format!("https://kaoping.invalid/schemas/{id}.schema.json")),
    );
    s
}

/// The policy schema: the document, with each rule item's `params` checked against the schema of
/// the kind it names, for every kind in `registry`.
pub fn policy_schema(registry: &Registry) -> Schema {
    let mut g = generator();
    let mut kinds = Vec::new();
    let mut names = Vec::new();
    for k in registry.kinds() {
        let params = k.params_schema(&mut g);
        names.push(Value::String(k.name().to_string()));
        kinds.push(json!({
            "if": {"properties": {"kind": {"const": k.name()}}, "required": ["kind"]},
            "then": {"properties": {"params": params}, "description": k.summary()}
        }));
    }
    let mut s = g.into_root_schema_for::<PolicyDoc>();
    s.insert(
        "$id".into(),
        Value::String("https://kaoping.invalid/schemas/policy.schema.json".into()),
    );
    if let Some(Value::Object(defs)) = s.get_mut("$defs")
        && let Some(Value::Object(item)) = defs.get_mut("RuleItem")
    {
        item.insert("allOf".into(), Value::Array(kinds));
        if let Some(Value::Object(props)) = item.get_mut("properties")
            && let Some(Value::Object(kind)) = props.get_mut("kind")
        {
            kind.insert("enum".into(), Value::Array(names));
        }
    }
    s
}

/// A published schema by name, as pretty JSON with a final newline.
pub fn schema_json(name: &str) -> Option<String> {
    let s = match name {
        "policy" => policy_schema(&Registry::builtin()),
        "dataset" => root::<Dataset>("dataset"),
        "result" => root::<MonthResult>("result"),
        "year_result" => root::<YearResult>("year_result"),
        "period_result" => root::<crate::period::PeriodResult>("period_result"),
        "errors" => root::<Errors>("errors"),
        _ => return None,
    };
    Some(serde_json::to_string_pretty(&s).expect("schemas serialise") + "\n")
}
