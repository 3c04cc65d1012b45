use kaoping_core::*;
#[test]
fn builtin_loads() {
    let p = Policy::builtin();
    assert_eq!(p.doc().rules.len(), 43);
    let ds = Dataset::from_json(r#"{"hall":{"id":"H","name":"h"},"year":2026,
      "departments":[{"id":"D1","name":"d"}],
      "windows":[{"id":"W01","name":"w","department":"D1","heads":[{"staff":"S1"}]}],
      "staff":[{"id":"S1","name":"s","assignments":[{"window":"W01"}]}],
      "records":[{"id":"r1","rule":"S1.1","subject":"S1","date":"2026-10-03","minutes":45}]}"#).unwrap();
    let r = p.evaluate_month(&ds, "2026-10".parse().unwrap()).unwrap();
    println!("{}", serde_json::to_string_pretty(&r).unwrap());
}
