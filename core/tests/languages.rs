//! The texts of results and the problems of a dataset come from one catalogue, in zh-CN and
//! English: a policy set to Chinese writes Chinese texts and the very same numbers.

use kaoping_core::messages::Lang;
use kaoping_core::period::HallYear;
use kaoping_core::{Dataset, Policy};

fn sample() -> Dataset {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/county-2026.json")).unwrap();
    Dataset::from_json(&text).unwrap()
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Lower-case ASCII words of three letters or more: English words (ids and codes are upper-case
/// letters with digits: W01, S1.1, R20261011-6).
fn english_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase()))
        .map(str::to_string)
        .collect()
}

/// Every text a person reads in a hall-year: record details, line details, flags, warnings,
/// award standings and quotas.
fn texts(h: &HallYear) -> Vec<String> {
    let mut v = Vec::new();
    for m in &h.year.months {
        v.extend(m.records.iter().map(|o| o.detail()));
        for s in m.windows.iter().chain(m.staff.iter()) {
            for c in s.categories().iter().chain(s.bonuses().iter()) {
                v.extend(c.lines().iter().map(|l| l.detail.to_string()));
            }
            v.extend(s.flags().iter().map(|f| f.detail.clone()));
            v.extend(s.warnings().iter().cloned());
        }
        v.extend(m.warnings.iter().map(|w| w.message.clone()));
    }
    for p in h.quarters.iter().chain(std::iter::once(&h.annual)) {
        for a in &p.awards {
            v.push(a.quota_detail.clone());
            v.extend(a.standings.iter().map(|s| s.detail.to_string()));
        }
    }
    v.retain(|t| !t.is_empty());
    v
}

#[test]
fn a_chinese_policy_writes_chinese_texts_and_the_same_numbers() {
    let ds = sample();
    let en = Policy::builtin().evaluate_hall_year(&ds).unwrap();
    let zh = Policy::builtin().with_lang(Lang::ZhCn).evaluate_hall_year(&ds).unwrap();
    // the same numbers, grades, ranks and award lists
    for (a, b) in en.year.months.iter().zip(&zh.year.months) {
        for (x, y) in a.windows.iter().chain(&a.staff).zip(b.windows.iter().chain(&b.staff)) {
            assert_eq!((&x.subject(), x.total(), x.base(), x.bonus(), &x.grade()), (&y.subject(), y.total(), y.base(), y.bonus(), &y.grade()));
        }
        for (x, y) in a.records.iter().zip(b.records.iter()) {
            assert_eq!((x.record(), x.points(), x.reason(), x.outcome()), (y.record(), y.points(), y.reason(), y.outcome()));
        }
    }
    for (p, q) in en.quarters.iter().chain([&en.annual]).zip(zh.quarters.iter().chain([&zh.annual])) {
        for (a, b) in p.awards.iter().zip(&q.awards) {
            assert_eq!((&a.awarded, &a.tied_at_line, a.quota), (&b.awarded, &b.tied_at_line, b.quota));
        }
    }
    // every text a person reads is Chinese; the English ones are English
    let (en_texts, zh_texts) = (texts(&en), texts(&zh));
    assert_eq!(en_texts.len(), zh_texts.len());
    assert!(zh_texts.len() > 1000, "the sample has texts to read: {}", zh_texts.len());
    let english: Vec<&String> = zh_texts.iter().filter(|t| !has_cjk(t) || !english_words(t).is_empty()).collect();
    let mut kinds: Vec<String> = english.iter().map(|t| t.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect()).collect();
    kinds.sort();
    kinds.dedup();
    assert!(english.is_empty(), "{} texts without Chinese: {:?}", english.len(), kinds);
    // a record's detail can be asked for in the other language too
    let oct = &zh.year.months[9];
    let o = oct.records.iter().find(|o| o.counted_occurrences() > 0).unwrap();
    assert!(has_cjk(&o.detail()) && o.detail_in(Lang::En).starts_with("counted: "), "{} / {}", o.detail(), o.detail_in(Lang::En));
}

#[test]
fn a_datasets_problems_in_the_policys_language() {
    let mut ds = sample();
    // an unknown rule code and a date outside the year (rules.md: records of the year only)
    let mut records = ds.records.to_vec();
    records[0].rule = "S9.9".into();
    records[1].date = "2025-12-31".parse().unwrap();
    ds.records = records.into();
    let en = Policy::builtin().validate(&ds).unwrap_err();
    let zh = Policy::builtin().with_lang(Lang::ZhCn).validate(&ds).unwrap_err();
    assert_eq!(en.problems.len(), zh.problems.len());
    for (a, b) in en.problems.iter().zip(&zh.problems) {
        // the same place, record and rule; the message in each language
        assert_eq!((&a.path, &a.record, &a.rule, a.kind), (&b.path, &b.record, &b.rule, b.kind));
        assert!(!has_cjk(&a.message) && has_cjk(&b.message), "{} / {}", a.message, b.message);
        assert_eq!(a.message_in(Lang::ZhCn), b.message);
    }
    assert!(en.problems.iter().any(|p| p.message == "unknown rule code \"S9.9\" (not in policy xx-county-2026)"));
    assert!(zh.problems.iter().any(|p| p.message == "未知的考评项目代码 \"S9.9\" (考评办法 xx-county-2026 中没有)"));
    // the list as a person reads it
    let listed = zh.display_in(Lang::ZhCn);
    assert!(listed.starts_with("数据集有 2 个问题:"), "{listed}");
    assert!(listed.contains("[项目 S9.9]"), "{listed}");
    assert_eq!(en.to_string(), en.display_in(Lang::En));
    assert!(en.to_string().starts_with("the dataset has 2 problems:"));
}

#[test]
fn a_policys_problems_in_either_language() {
    // a negative monthly cap on S1.1 and a share over 1: the same places, English by default,
    // Chinese from the same problems (the command writes them so)
    let mut doc: serde_json::Value = serde_json::from_str(kaoping_core::BUILTIN_POLICY_JSON).unwrap();
    let s11 = doc["rules"].as_array_mut().unwrap().iter_mut().find(|r| r["code"] == "S1.1").unwrap();
    s11["caps"] = serde_json::json!({"month": "-1"});
    doc["awards"]["awards"][0]["share"] = serde_json::json!("1.5");
    let e = Policy::from_json(&doc.to_string()).unwrap_err();
    let cap = e.problems.iter().find(|p| p.path.ends_with(".caps.month")).expect("the cap's problem");
    assert_eq!(cap.message, "a cap cannot be negative, got -1");
    assert_eq!(cap.message_in(Lang::ZhCn), "上限不能为负数, 实为 -1");
    let share = e.problems.iter().find(|p| p.path.ends_with(".share")).expect("the share's problem");
    assert_eq!(share.message_in(Lang::ZhCn), "比例应为 0 到 1 之间的小数 (10% 写作 0.10), 实为 1.5");
    let zh = e.clone().in_lang(Lang::ZhCn);
    assert!(zh.display_in(Lang::ZhCn).starts_with("考评办法有 2 个问题:"), "{}", zh.display_in(Lang::ZhCn));
}

#[test]
fn a_rule_kinds_parameter_problems_in_either_language() {
    // issue 21: the kinds' own checks of their parameters come from the catalogue too. A linked
    // item charging a window (via assigned_window) made a staff item; a tier with neither bound;
    // an unknown kind: each in English as before, and in Chinese with no English word left but
    // the policy's own names (kinds, fields)
    let mut doc: serde_json::Value = serde_json::from_str(kaoping_core::BUILTIN_POLICY_JSON).unwrap();
    let rules = doc["rules"].as_array_mut().unwrap();
    let linked = rules.iter_mut().find(|r| r["kind"] == "linked" && r["params"]["via"] == "assigned_window").expect("a linked item via assigned_window");
    linked["subject"] = serde_json::json!("staff");
    let s11 = rules.iter_mut().find(|r| r["code"] == "S1.1").unwrap();
    s11["params"]["minute_tiers"] = serde_json::json!([{"points": "2"}]);
    let s12 = rules.iter_mut().find(|r| r["code"] == "S1.2").unwrap();
    s12["kind"] = serde_json::json!("per_minute");
    let e = Policy::from_json(&doc.to_string()).unwrap_err();
    let find = |suffix: &str| e.problems.iter().find(|p| p.path.ends_with(suffix)).unwrap_or_else(|| panic!("no problem at …{suffix}: {e}"));
    let via = find(".params.via");
    assert!(via.message.starts_with("via assigned_window charges a window, but "), "{}", via.message);
    assert!(via.message.ends_with(" is a staff item"), "{}", via.message);
    let zh = via.message_in(Lang::ZhCn);
    assert!(zh.contains("扣的是窗口的分") && zh.contains("是人员项目"), "{zh}");
    let tier = find(".params.minute_tiers[0]");
    assert_eq!(tier.message, "give exactly one of above (exclusive) or at_least (inclusive)");
    assert_eq!(tier.message_in(Lang::ZhCn), "above (不含) 和 at_least (含) 须且只须给出一个");
    let kind = find(".kind");
    assert!(kind.message.starts_with("unknown rule kind \"per_minute\"; registered kinds: count_threshold, "), "{}", kind.message);
    assert!(kind.message_in(Lang::ZhCn).starts_with("未知的规则类型 \"per_minute\"; 已注册的类型: count_threshold, "));
    // no English word in the Chinese texts but the policy's names
    for p in [via, tier] {
        let zh = p.message_in(Lang::ZhCn);
        let mut rest = zh.clone();
        for name in ["assigned_window", "at_least", "above", "via"] {
            rest = rest.replace(name, " ");
        }
        let left = english_words(&rest);
        assert!(left.is_empty(), "{zh}: {left:?}");
    }
}

/// A policy's own names (categories, awards, the flag of an item) are read in the results'
/// language: the English name where the policy gives one, else the Chinese one.
#[test]
fn categories_and_awards_are_named_in_the_results_language() {
    let ds = sample();
    // county.json: staff category S1 is 工作考勤 / "attendance"; award model_window is
    // 示范窗口 / "model window"
    let cat = |h: &HallYear| {
        let s = h.year.months[0].staff.get(0).unwrap();
        s.categories().iter().find(|c| c.code().as_str() == "S1").map(|c| c.name().to_string()).unwrap()
    };
    let award = |h: &HallYear| h.quarters[0].awards.iter().find(|a| a.award == "model_window").map(|a| a.name.clone()).unwrap();
    let en = Policy::builtin().evaluate_hall_year(&ds).unwrap();
    let zh = Policy::builtin().with_lang(Lang::ZhCn).evaluate_hall_year(&ds).unwrap();
    assert_eq!((cat(&en).as_str(), award(&en).as_str()), ("attendance", "model window"));
    assert_eq!((cat(&zh).as_str(), award(&zh).as_str()), ("工作考勤", "示范窗口"));
    // back to English after Chinese: the shared names follow the language again
    let back = Policy::builtin().with_lang(Lang::ZhCn).with_lang(Lang::En).evaluate_hall_year(&ds).unwrap();
    assert_eq!(cat(&back), "attendance");
    // the hall's summary names its categories in the language too, and keeps the Chinese name
    let p = &zh.quarters[0];
    let months: Vec<_> = zh.year.months.iter().filter(|m| p.months.contains(&m.month)).cloned().collect();
    let s1 = |policy: Policy| policy.summarize(p, &months).by_category.into_iter().find(|c| c.code == "S1").map(|c| (c.name, c.name_zh)).unwrap();
    assert_eq!(s1(Policy::builtin()), ("attendance".to_string(), "工作考勤".to_string()));
    assert_eq!(s1(Policy::builtin().with_lang(Lang::ZhCn)), ("工作考勤".to_string(), "工作考勤".to_string()));
    // a name the policy gives only in Chinese stays Chinese in English results
    let mut doc: serde_json::Value = serde_json::from_str(&Policy::builtin().to_json()).unwrap();
    for c in doc["staff"]["categories"].as_array_mut().unwrap() {
        c.as_object_mut().unwrap().remove("name_en");
    }
    for a in doc["awards"]["awards"].as_array_mut().unwrap() {
        a.as_object_mut().unwrap().remove("name_en");
    }
    let zh_only = Policy::from_json(&doc.to_string()).unwrap().evaluate_hall_year(&ds).unwrap();
    assert_eq!((cat(&zh_only).as_str(), award(&zh_only).as_str()), ("工作考勤", "示范窗口"));
}
