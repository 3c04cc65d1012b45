//! Record outcomes are held compactly (`Outcomes`) and rendered when read or written: the JSON
//! they write is the derived form of `RecordOutcome` field for field, and outcomes read back from
//! JSON (or built from rendered ones) equal the engine's.

use kaoping_core::result::{OutcomeKind, Outcomes, RecordOutcome, Reason};
use kaoping_core::{Dataset, Explain, MonthResult, Policy};

fn sample() -> Dataset {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/county-2026.json")).unwrap();
    Dataset::from_json(&text).unwrap()
}

#[test]
fn compact_outcomes_write_what_rendered_outcomes_write() {
    let ds = sample();
    for explain in [Explain::Full, Explain::Scores] {
        let year = Policy::builtin().evaluate_year_with(&ds, explain).unwrap();
        let mut seen = 0;
        for m in &year.months {
            let rendered: Vec<RecordOutcome> = m.records.to_vec();
            assert_eq!(rendered.len(), m.records.len());
            seen += rendered.len();
            // the same bytes as the derived serialisation of the rendered outcomes
            assert_eq!(serde_json::to_string(&m.records).unwrap(), serde_json::to_string(&rendered).unwrap());
            // built back from the rendered form, and read back from JSON: equal
            assert!(Outcomes::from(rendered.clone()) == m.records);
            let back: MonthResult = serde_json::from_str(&serde_json::to_string(m).unwrap()).unwrap();
            assert!(back == *m, "{} does not read back equal", m.month);
            // each view says what its rendered form says
            for (o, r) in m.records.iter().zip(&rendered) {
                assert_eq!((o.record(), o.rule(), o.subject()), (r.record.as_str(), r.rule.as_str(), r.subject.as_str()));
                assert_eq!((o.points(), o.reason(), o.outcome()), (r.points, r.reason, r.outcome));
                assert_eq!(o.charges().len(), r.charges.len());
                assert_eq!(o.detail().is_empty(), explain == Explain::Scores);
            }
        }
        assert_eq!(seen, ds.records.len(), "every record once (C10)");
    }
}

#[test]
fn a_record_not_charged_has_no_charge_and_says_why() {
    // C10: a revoked record is kept, not counted, with its reason and no charge
    let ds = sample();
    let year = Policy::builtin().evaluate_year(&ds).unwrap();
    let revoked = year
        .months
        .iter()
        .flat_map(|m| m.records.iter())
        .find(|o| o.reason() == Some(Reason::Revoked))
        .expect("the sample has a revoked record");
    assert_eq!(revoked.outcome(), OutcomeKind::NotCounted);
    assert_eq!(revoked.charges().len(), 0);
    assert_eq!(revoked.detail(), "not counted: revoked");
    assert!(revoked.points().is_zero());
}
