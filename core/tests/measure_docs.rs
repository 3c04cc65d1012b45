//! The measure's documentation in the repository (docs/measure/) and the built-in policy name the
//! same rule items, categories and readings: a code added to one and not the other fails here.

use kaoping_core::Policy;
use std::collections::BTreeSet;

fn rules_md() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/measure/rules.md");
    std::fs::read_to_string(path).expect("docs/measure/rules.md")
}

/// The first cells of the table rows of rules.md that look like `prefix` codes.
fn row_codes(text: &str, is_code: impl Fn(&str) -> bool) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("| ")?.split(" |").next())
        .filter(|c| is_code(c))
        .map(str::to_string)
        .collect()
}

/// S1, S1.1, SB, SB.2, W2, WB.5 …
fn is_item_or_category(c: &str) -> bool {
    let Some(rest) = c.strip_prefix('S').or_else(|| c.strip_prefix('W')) else { return false };
    let (head, tail) = rest.split_once('.').unwrap_or((rest, ""));
    (head == "B" || (!head.is_empty() && head.bytes().all(|b| b.is_ascii_digit())))
        && tail.bytes().all(|b| b.is_ascii_digit())
        && !(rest.contains('.') && tail.is_empty())
}

/// C1 … C11, E1 … E12
fn is_reading(c: &str) -> bool {
    c.len() > 1 && (c.starts_with('C') || c.starts_with('E')) && c[1..].bytes().all(|b| b.is_ascii_digit())
}

#[test]
fn every_rule_item_of_the_policy_is_documented_and_every_documented_code_is_in_the_policy() {
    let doc = Policy::builtin();
    let doc = doc.doc();
    let items: BTreeSet<String> = doc.rules.iter().map(|r| r.code.clone()).collect();
    let categories: BTreeSet<String> = [&doc.staff, &doc.window].iter().flat_map(|s| s.categories.iter().map(|c| c.code.clone())).collect();
    let documented = row_codes(&rules_md(), is_item_or_category);
    // 43 rule items (S1.1 … WB.5) in the policy; every one a row of rules.md
    assert_eq!(items.len(), 43);
    let missing: Vec<_> = items.difference(&documented).collect();
    assert!(missing.is_empty(), "rule items of the policy missing from docs/measure/rules.md: {missing:?}");
    // every row's code is an item or a category of the policy (the bonus categories SB and WB
    // head their sections instead of a row)
    let unknown: Vec<_> = documented.iter().filter(|c| !items.contains(*c) && !categories.contains(*c)).collect();
    assert!(unknown.is_empty(), "codes in docs/measure/rules.md the policy does not have: {unknown:?}");
}

#[test]
fn every_reading_of_rules_md_is_a_reading_of_the_policy() {
    let policy = Policy::builtin();
    let readings: BTreeSet<String> = policy.doc().readings.iter().map(|r| r.code.clone()).collect();
    let documented = row_codes(&rules_md(), is_reading);
    // C1–C11 and E1–E12
    assert_eq!(documented.len(), 23, "{documented:?}");
    assert_eq!(readings, documented);
}
