//! The built-in policy loads and covers every rule code of rules.md.
use kaoping_core::*;

#[test]
fn builtin_policy_covers_every_rule_code() {
    let p = Policy::builtin();
    // rules.md: 24 staff items (S1.1–SB.4) and 19 window items (W1.1–WB.5)
    let codes: Vec<&str> = p.doc().rules.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes.len(), 43);
    for c in [
        "S1.1", "S2.5", "S3.5", "S4.3", "S5.2", "SB.3", "W1.1", "W2", "W3", "W5.1", "W6.1", "WB.5",
    ] {
        assert!(codes.contains(&c), "{c}");
    }
    // every item cites the measure
    assert!(p.doc().rules.iter().all(|r| !r.cite.is_empty()));
    // every convention and edge has a documented reading
    for c in (1..=11)
        .map(|i| format!("C{i}"))
        .chain((1..=12).map(|i| format!("E{i}")))
    {
        assert!(p.doc().readings.iter().any(|r| r.code == c), "{c}");
    }
}
