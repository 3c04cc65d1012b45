//! Invariants over generated datasets and the bundled sample: categories within [0, max],
//! bonus ≤ 10, total within [0, 110]; every input record appears exactly once among the
//! outcomes of the year; any record order gives byte-identical output.

use kaoping_core::result::{OutcomeKind, YearResult};
use kaoping_core::{Dataset, Policy};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// A small deterministic generator (xorshift), so the test needs no extra crate.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len() as u64) as usize]
    }
}

const STAFF_CODES: &[&str] = &[
    "S1.1", "S1.2", "S1.3", "S1.4", "S2.1", "S2.2", "S2.3", "S2.4", "S2.5", "S3.1", "S3.2", "S3.3",
    "S3.4", "S3.5", "S4.1", "S4.2", "S4.3", "S5.1", "S5.3", "SB.1", "SB.2", "SB.4",
];
const WINDOW_CODES: &[&str] = &[
    "W1.2", "W1.3", "W4.1", "W4.2", "W4.3", "W4.4", "W5.2", "W6.3", "WB.1", "WB.2", "WB.3", "WB.5",
];

fn generated(seed: u64, records: usize) -> Value {
    let mut rng = Rng(seed | 1);
    let windows: Vec<Value> = (1..=6)
        .map(|i| {
            let mut w = json!({"id": format!("W{i}"), "name": format!("窗口{i}"), "department": format!("D{}", (i + 1) / 2)});
            if i != 6 {
                w["heads"] = json!([{"staff": format!("S{i}1")}]);
            }
            if i == 5 {
                w["opened"] = json!("2026-04-10");
            }
            w
        })
        .collect();
    // 4 staff per window; staff Sx4 of windows 1-3 move to the next window on the 16th of June
    let mut staff = Vec::new();
    for w in 1..=6 {
        for s in 1..=4 {
            let id = format!("S{w}{s}");
            let from = if w == 5 { Some("2026-04-10") } else { None };
            let assignments = if s == 4 && w <= 3 {
                json!([{"window": format!("W{w}"), "to": "2026-06-15"}, {"window": format!("W{}", w + 1), "from": "2026-06-16"}])
            } else {
                json!([{"window": format!("W{w}"), "from": from}])
            };
            staff
                .push(json!({"id": id, "name": format!("员工{w}{s}"), "assignments": assignments}));
        }
    }
    let mut metrics = Vec::new();
    for w in 1..=6 {
        for m in 1..=12 {
            if w == 5 && m < 4 {
                continue;
            }
            if w == 2 && m == 7 {
                continue; // a window-month without metrics
            }
            metrics.push(json!({
                "window": format!("W{w}"), "month": format!("2026-{m:02}"),
                "cases": rng.below(3500),
                "rates": {"online_full_process": format!("{}", 85 + rng.below(15)), "online_available": format!("{}", 90 + rng.below(10)), "one_network": format!("{}.5", 80 + rng.below(15))}
            }));
        }
    }
    let mut recs = Vec::new();
    for i in 0..records {
        let month = 1 + rng.below(12) as u32;
        let day = 1 + rng.below(28) as u32;
        let staff_rule = rng.below(3) != 0;
        let code = if staff_rule {
            *rng.pick(STAFF_CODES)
        } else {
            *rng.pick(WINDOW_CODES)
        };
        let w = 1 + rng.below(6);
        let w = if w == 5 && month < 5 { 4 } else { w };
        let subject = if staff_rule {
            let s = 1 + rng.below(4);
            // movers: charge on a day the member is assigned (they stay assigned somewhere all year)
            format!("S{w}{s}")
        } else {
            format!("W{w}")
        };
        let mut r = json!({"id": format!("R{i:05}"), "rule": code, "subject": subject, "date": format!("2026-{month:02}-{day:02}")});
        match code {
            "S1.1" => {
                r["minutes"] = json!(5 + rng.below(60));
            }
            "S2.3" => r["points"] = json!(["3", "4", "4.5", "5"][rng.below(4) as usize]),
            "S5.1" => r["points"] = json!(["2", "2.5", "3", "5"][rng.below(4) as usize]),
            "W4.1" | "W4.2" => r["points"] = json!(["2", "3.5", "5"][rng.below(3) as usize]),
            "S5.3" => {
                r["level"] =
                    json!(["county", "city", "province", "national"][rng.below(4) as usize])
            }
            "SB.2" | "WB.5" => {
                r["level"] = json!(["city", "province", "national"][rng.below(3) as usize]);
                r["key"] = json!(format!("K{}", rng.below(3)));
            }
            "WB.2" if rng.below(2) == 0 => r["evidence"] = json!("照片"),
            "S3.2" | "S3.4" | "W6.3" => r["aggravated"] = json!(rng.below(2) == 0),
            _ => {}
        }
        if r.get("key").is_none() && rng.below(10) == 0 {
            r["count"] = json!(2 + rng.below(3));
        }
        match rng.below(20) {
            0 => r["status"] = json!("pending"),
            1 => r["status"] = json!("revoked"),
            _ => {}
        }
        recs.push(r);
    }
    json!({
        "hall": {"id": "H1", "name": "测试大厅"}, "year": 2026,
        "departments": [{"id": "D1", "name": "一"}, {"id": "D2", "name": "二"}, {"id": "D3", "name": "三"}],
        "windows": windows, "staff": staff,
        "targets": {"online_full_process": "90", "online_available": "95", "one_network": "88"},
        "metrics": metrics, "records": recs
    })
}

fn dataset(v: &Value) -> Dataset {
    Dataset::from_json(&v.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn check_bounds(year: &YearResult) {
    let hundred = Decimal::ONE_HUNDRED;
    for m in &year.months {
        for s in m.windows.iter().chain(m.staff.iter()) {
            for c in s.categories() {
                assert!(
                    c.score() >= Decimal::ZERO && c.score() <= c.max(),
                    "{} {} {}: {} not in [0, {}]",
                    m.month,
                    s.subject(),
                    c.code(),
                    c.score(),
                    c.max()
                );
            }
            assert!(
                s.bonus() >= Decimal::ZERO && s.bonus() <= Decimal::TEN,
                "{} {} bonus {}",
                m.month,
                s.subject(),
                s.bonus()
            );
            assert!(
                s.total() >= Decimal::ZERO && s.total() <= hundred + Decimal::TEN,
                "{} {} total {}",
                m.month,
                s.subject(),
                s.total()
            );
            assert_eq!(
                s.total(),
                s.base() + s.bonus(),
                "{} {}: total = base + bonus (C3)",
                m.month,
                s.subject()
            );
            let sum: Decimal = s.categories().iter().map(|c| c.score()).sum();
            assert_eq!(
                sum, s.base(),
                "{} {}: base is the sum of category scores",
                m.month, s.subject()
            );
        }
    }
}

fn check_every_record_once(ds: &Dataset, year: &YearResult) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &year.months {
        for r in &m.records {
            *seen.entry(r.record()).or_default() += 1;
            // outcome and points agree
            match r.outcome() {
                OutcomeKind::NotCounted => {
                    assert!(r.points().is_zero() && r.reason().is_some(), "{r:?}")
                }
                OutcomeKind::PartlyCounted => {
                    assert!(r.reason().is_some() && r.points() > Decimal::ZERO, "{r:?}")
                }
                OutcomeKind::Counted => assert!(r.points() > Decimal::ZERO, "{r:?}"),
            }
        }
    }
    for r in &ds.records {
        assert_eq!(
            seen.get(r.id()),
            Some(&1),
            "record {} must appear exactly once",
            r.id()
        );
    }
    assert_eq!(seen.len(), ds.records.len());
}

#[test]
fn generated_datasets_keep_the_invariants() {
    let policy = Policy::builtin();
    for seed in [1u64, 7, 42, 2026, 99991] {
        let v = generated(seed, 900);
        let ds = dataset(&v);
        let year = policy
            .evaluate_year(&ds)
            .unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        check_bounds(&year);
        check_every_record_once(&ds, &year);
    }
}

#[test]
fn record_order_does_not_change_the_output() {
    let policy = Policy::builtin();
    let v = generated(5, 700);
    let base = serde_json::to_string(&policy.evaluate_year(&dataset(&v)).unwrap()).unwrap();
    let mut rng = Rng(77);
    for _ in 0..3 {
        let mut w = v.clone();
        let recs = w["records"].as_array_mut().unwrap();
        for i in (1..recs.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            recs.swap(i, j);
        }
        let staff = w["staff"].as_array_mut().unwrap();
        staff.reverse();
        let shuffled = serde_json::to_string(&policy.evaluate_year(&dataset(&w)).unwrap()).unwrap();
        assert!(shuffled == base, "shuffled input gave a different result");
    }
}

#[test]
fn a_month_alone_equals_that_month_of_the_year() {
    let policy = Policy::builtin();
    let ds = dataset(&generated(11, 500));
    let year = policy.evaluate_year(&ds).unwrap();
    for m in [1u32, 6, 12] {
        let one = policy
            .evaluate_month(&ds, format!("2026-{m:02}").parse().unwrap())
            .unwrap();
        assert_eq!(&one, year.month(m).unwrap());
    }
}

#[test]
fn the_sample_dataset_keeps_the_invariants() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/data/county-2026.json"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        panic!("the bundled sample {path} is missing");
    };
    let ds = Dataset::from_json(&text).unwrap();
    let year = Policy::builtin()
        .evaluate_year(&ds)
        .unwrap_or_else(|e| panic!("{e}"));
    check_bounds(&year);
    check_every_record_once(&ds, &year);
}
