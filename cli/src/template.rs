//! `kaoping template`: the workbook the centre fills in — a records sheet with drop-downs and
//! validation, and reference sheets for rule items, windows and staff.

use crate::import::COLUMNS;
pub use kaoping_import::template_sheet;
use crate::table::{Formats, column_widths, Cell};
use kaoping_core::dataset::Dataset;
use kaoping_core::policy::{RuleItem, SubjectKind};
use kaoping_core::Policy;
use kaoping_core::messages::{Lang, text};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format, Formula, Workbook, XlsxError,
};
use serde_json::Value;

/// A rule item as the drop-down shows it: `S1.1 迟到、早退…`; derived items say they are not filled in.
pub fn rule_label(policy: &Policy, item: &RuleItem, lang: Lang) -> String {
    let label = format!("{} {}", item.code, item.name(lang));
    if is_derived(policy, item) { text(lang, "template-rule-derived", &[("label", &label)]) } else { label }
}

fn is_derived(policy: &Policy, item: &RuleItem) -> bool {
    policy.item(&item.code).is_some_and(|(_, rule)| rule.derived_from().is_some())
}

fn is_bonus(policy: &Policy, item: &RuleItem) -> bool {
    let doc = policy.doc();
    let sp = match item.subject {
        SubjectKind::Staff => &doc.staff,
        SubjectKind::Window => &doc.window,
    };
    sp.categories.iter().any(|c| c.code == item.category && c.bonus)
}

fn dec(v: &Value) -> String {
    match v {
        Value::String(s) => s.parse::<Decimal>().map(|d| d.normalize().to_string()).unwrap_or_else(|_| s.clone()),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// A level's word (县级, county); an unknown one as written.
fn level_word(l: &str, lang: Lang) -> String {
    match l {
        "county" | "city" | "province" | "national" => text(lang, &format!("template-level-{l}"), &[]),
        other => other.to_string(),
    }
}

/// A unit's word (半天, half day); an unknown one as written.
fn unit_word(u: &str, lang: Lang) -> String {
    match u {
        "half_day" | "working_day" | "day" => text(lang, &format!("template-unit-{u}"), &[]),
        other => other.to_string(),
    }
}

/// The points of an item in words, read from its parameters (display only).
pub fn points_text(policy: &Policy, item: &RuleItem, lang: Lang) -> String {
    let p = &item.params;
    let verb = text(lang, if is_bonus(policy, item) { "template-verb-add" } else { "template-verb-deduct" }, &[]);
    let verb: &dyn std::fmt::Display = &verb;
    let t = |id: &str, args: &[(&str, &dyn std::fmt::Display)]| text(lang, id, args);
    match item.kind.as_str() {
        "per_occurrence" => {
            let mut parts = vec![t("template-points-each", &[("verb", verb), ("points", &dec(&p["points"]))])];
            if let Some(tiers) = p["minute_tiers"].as_array() {
                for tier in tiers {
                    if let Some(a) = tier.get("above") {
                        parts.push(t("template-points-above-minutes", &[("minutes", &dec(a)), ("verb", verb), ("points", &dec(&tier["points"]))]));
                    } else if let Some(a) = tier.get("at_least") {
                        parts.push(t("template-points-from-minutes", &[("minutes", &dec(a)), ("verb", verb), ("points", &dec(&tier["points"]))]));
                    }
                }
            }
            if let Some(a) = p.get("aggravated_points") {
                parts.push(t("template-points-aggravated", &[("verb", verb), ("points", &dec(a))]));
            }
            parts.join("; ")
        }
        "discretionary" => {
            let mut s = t("template-points-range", &[("verb", verb), ("min", &dec(&p["min"])), ("max", &dec(&p["max"]))]);
            if let Some(st) = p.get("step") {
                s.push_str(&t("template-points-step", &[("step", &dec(st))]));
            }
            s
        }
        "level_points" => p["points"]
            .as_object()
            .map(|m| m.iter().map(|(l, v)| t("template-points-level", &[("level", &level_word(l, lang)), ("verb", verb), ("points", &dec(v))])).collect::<Vec<_>>().join("/"))
            .unwrap_or_default(),
        "per_unit" => t("template-points-per-unit", &[("unit", &unit_word(p["unit"].as_str().unwrap_or(""), lang)), ("verb", verb), ("points", &dec(&p["points_per_unit"]))]),
        "linked" => {
            let f = p.get("factor").map(dec).unwrap_or_else(|| "1".into());
            let source = p["source"].as_str().unwrap_or("");
            if f == "1" {
                t("template-points-linked", &[("source", &source), ("verb", verb)])
            } else {
                t("template-points-linked-factor", &[("source", &source), ("verb", verb), ("factor", &f)])
            }
        }
        "monthly_state" => t("template-points-monthly", &[("verb", verb), ("points", &dec(&p["points"]))]),
        "metric_below_target" => t("template-points-below-target", &[("verb", verb), ("points", &dec(&p["points_each"]))]),
        "metric_shortfall" => t("template-points-shortfall", &[("unit", &dec(&p["unit"])), ("verb", verb), ("points", &dec(&p["points_per_unit"]))]),
        "metric_tiers" => p["tiers"]
            .as_array()
            .map(|ts| ts.iter().map(|x| t("template-points-tier", &[("at_least", &dec(&x["at_least"])), ("verb", verb), ("points", &dec(&x["points"]))])).collect::<Vec<_>>().join("/"))
            .unwrap_or_default(),
        "derived_from_staff" => t("template-points-derived", &[("source", &p["source"].as_str().unwrap_or(""))]),
        "count_threshold" => t("template-points-count-threshold", &[]),
        _ => p.to_string(),
    }
}

fn caps_text(item: &RuleItem, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(m) = item.caps.month {
        parts.push(text(lang, "template-cap-month", &[("points", &m.normalize())]));
    }
    if let Some(y) = item.caps.year {
        parts.push(text(lang, "template-cap-year", &[("points", &y.normalize())]));
    }
    parts.join("; ")
}

/// Which columns an item needs filled in.
pub fn fill_text(policy: &Policy, item: &RuleItem, lang: Lang) -> String {
    if let Some((_, rule)) = policy.item(&item.code)
        && let Some(from) = rule.derived_from_in(lang)
    {
        return text(lang, "template-fill-derived", &[("from", &from)]);
    }
    let p = &item.params;
    let mut parts = Vec::new();
    match item.kind.as_str() {
        "per_occurrence" => {
            if p["minute_tiers"].as_array().is_some_and(|t| !t.is_empty()) {
                parts.push(text(lang, "template-fill-minutes", &[]));
            }
            if p.get("aggravated_points").is_some() {
                parts.push(text(lang, "template-fill-aggravated", &[]));
            }
        }
        "discretionary" => parts.push(text(lang, "template-fill-points", &[("min", &dec(&p["min"])), ("max", &dec(&p["max"]))])),
        "level_points" => parts.push(text(lang, "template-fill-level", &[])),
        "per_unit" => parts.push(text(lang, "template-fill-units", &[("unit", &unit_word(p["unit"].as_str().unwrap_or(""), lang))])),
        _ => {}
    }
    if item.requires_evidence {
        parts.push(text(lang, "template-fill-evidence", &[]));
    }
    if parts.is_empty() { text(lang, "template-fill-nothing", &[]) } else { parts.join("; ") }
}

fn subject_label(id: &str, name: &str) -> String {
    format!("{id} {name}")
}

/// Builds the template workbook, its words in `lang` (the import reads it in either language).
pub fn build(policy: &Policy, roster: Option<&Dataset>, year: i32, rows: u32, lang: Lang) -> Result<Workbook, XlsxError> {
    let f = Formats::new(lang);
    let mut wb = Workbook::new();
    let rules = &policy.doc().rules;
    let last_row = rows; // data rows 1..=rows (0-based), i.e. sheet rows 2..=rows+1
    let sheet = |id: &str| template_sheet(id, lang);
    let cols = |ids: &[&str]| ids.iter().map(|id| text(lang, id, &[])).collect::<Vec<String>>();

    // ---------------------------------------------------------------- 记录 (records)
    {
        let ws = wb.add_worksheet();
        ws.set_name(sheet("records"))?;
        let as_text = Format::new().set_font_name("宋体").set_num_format("@");
        let date = Format::new().set_font_name("宋体").set_num_format("yyyy-mm-dd");
        let plain = Format::new().set_font_name("宋体");
        for (c, col) in COLUMNS.iter().enumerate() {
            let c = c as u16;
            let header = col.header(lang);
            ws.write_string_with_format(0, c, &header, &f.header)?;
            ws.set_column_width(c, col.width)?;
            let fmt = match col.field {
                "date" => &date,
                "id" | "rule" | "subject" | "key" | "evidence" | "note" | "level" | "status" | "aggravated" => &as_text,
                _ => &plain,
            };
            ws.set_column_format(c, fmt)?;
            let v = validation(col.field, roster, year, rules.len(), lang)?;
            if let Some(v) = v {
                let v = v.set_input_title(&header)?.set_input_message(col.help(lang))?;
                ws.add_data_validation(1, c, last_row, c, &v)?;
            }
        }
        ws.set_row_height(0, 30)?;
        ws.set_freeze_panes(1, 0)?;
        ws.set_active(true);
        ws.set_landscape();
        ws.set_paper_size(9);
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 0)?;
    }

    // ---------------------------------------------------------------- 考评项目 (rule items)
    {
        let headers = cols(&[
            "template-rules-col-option",
            "template-rules-col-code",
            "template-rules-col-subject",
            "template-rules-col-category",
            "template-rules-col-name",
            "template-rules-col-points",
            "template-rules-col-caps",
            "template-rules-col-fill",
            "template-rules-col-cite",
        ]);
        let doc = policy.doc();
        let rows: Vec<Vec<Cell>> = rules
            .iter()
            .map(|r| {
                let sp = match r.subject {
                    SubjectKind::Staff => &doc.staff,
                    SubjectKind::Window => &doc.window,
                };
                let cat = sp.categories.iter().find(|c| c.code == r.category).map(|c| format!("{} {}", c.code, c.name(lang))).unwrap_or_else(|| r.category.clone());
                let kind = match r.subject {
                    SubjectKind::Staff => "template-kind-staff",
                    SubjectKind::Window => "template-kind-window",
                };
                vec![
                    Cell::text(rule_label(policy, r, lang)),
                    Cell::text(&r.code),
                    Cell::text(text(lang, kind, &[])),
                    Cell::text(cat),
                    Cell::text(r.name(lang)),
                    Cell::text(points_text(policy, r, lang)),
                    Cell::text(caps_text(r, lang)),
                    Cell::text(fill_text(policy, r, lang)),
                    Cell::text(&r.cite),
                ]
            })
            .collect();
        reference_sheet(&mut wb, &sheet("rules"), &headers, &rows, &f)?;
    }

    // ---------------------------------------------------------------- 窗口, 人员 (windows, staff)
    if let Some(ds) = roster {
        roster_sheets(&mut wb, ds, &f, lang)?;
    }

    // ---------------------------------------------------------------- 填写说明 (how to fill in)
    instructions_sheet(&mut wb, policy, year, roster.is_some(), lang)?;

    // ---------------------------------------------------------------- 选项 (hidden list source)
    if let Some(ds) = roster {
        let ws = wb.add_worksheet();
        ws.set_name(sheet("lists"))?;
        ws.write_string(0, 0, text(lang, "template-lists-col-subject", &[]))?;
        let subjects = ds.windows.iter().map(|w| subject_label(&w.id, &w.name)).chain(ds.staff.iter().map(|s| subject_label(&s.id, &s.name)));
        for (i, s) in subjects.enumerate() {
            ws.write_string(i as u32 + 1, 0, s)?;
        }
        ws.set_column_width(0, 30)?;
        ws.set_hidden(true);
    }
    Ok(wb)
}

/// The roster's windows and staff, each a sheet to look ids up in.
fn roster_sheets(wb: &mut Workbook, ds: &Dataset, f: &Formats, lang: Lang) -> Result<(), XlsxError> {
    let sheet = |id: &str| template_sheet(id, lang);
    let cols = |ids: &[&str]| ids.iter().map(|id| text(lang, id, &[])).collect::<Vec<String>>();
    let dept = |id: &str| ds.departments.iter().find(|d| d.id == id).map(|d| d.name.clone()).unwrap_or_else(|| id.to_string());
    let term = |t: &kaoping_core::dataset::Term| {
        let who = t.staff.clone().or(t.name.clone()).unwrap_or_default();
        span(&who, t.from, t.to, lang)
    };
    let headers = cols(&["template-col-subject-id", "template-col-name", "template-col-department", "template-col-opened", "template-col-closed", "template-col-heads"]);
    let rows: Vec<Vec<Cell>> = ds
        .windows
        .iter()
        .map(|w| {
            vec![
                Cell::text(&w.id),
                Cell::text(&w.name),
                Cell::text(dept(&w.department)),
                Cell::text(w.opened.map(|d| d.to_string()).unwrap_or_default()),
                Cell::text(w.closed.map(|d| d.to_string()).unwrap_or_default()),
                Cell::text(w.heads.iter().map(term).collect::<Vec<_>>().join(", ")),
            ]
        })
        .collect();
    reference_sheet(wb, &sheet("windows"), &headers, &rows, f)?;
    let headers = cols(&["template-col-subject-id", "template-col-person", "template-col-department", "template-col-windows"]);
    let rows: Vec<Vec<Cell>> = ds
        .staff
        .iter()
        .map(|s| {
            vec![
                Cell::text(&s.id),
                Cell::text(&s.name),
                Cell::text(s.department.as_deref().map(dept).unwrap_or_default()),
                Cell::text(s.assignments.iter().map(|a| span(&a.window, a.from, a.to, lang)).collect::<Vec<_>>().join(", ")),
            ]
        })
        .collect();
    reference_sheet(wb, &sheet("staff"), &headers, &rows, f)?;
    Ok(())
}

/// How to fill in the records sheet, step by step (the roster's sheets named when there are).
fn instructions_sheet(wb: &mut Workbook, policy: &Policy, year: i32, with_roster: bool, lang: Lang) -> Result<(), XlsxError> {
    let sheet = |id: &str| template_sheet(id, lang);
    let ws = wb.add_worksheet();
    ws.set_name(sheet("instructions"))?;
    let title = Format::new().set_font_name("宋体").set_bold().set_font_size(14);
    let body = Format::new().set_font_name("宋体");
    let t = |id: &str, args: &[(&str, &dyn std::fmt::Display)]| text(lang, id, args);
    let mut lines: Vec<String> = vec![
        t("template-howto-title", &[("policy", &policy.doc().name), ("year", &year)]),
        String::new(),
        t("template-howto-1", &[("records", &sheet("records"))]),
        t("template-howto-2", &[]),
        t("template-howto-3", &[]),
        t("template-howto-4", &[("rules", &sheet("rules"))]),
        t("template-howto-5", &[]),
        t("template-howto-6", &[]),
        t("template-howto-7", &[]),
        t("template-howto-8", &[]),
        // (indented under 8.; the catalogue's values cannot start with spaces)
        format!("   {}", t("template-howto-8b", &[])),
    ];
    if with_roster {
        lines.push(t("template-howto-9", &[("windows", &sheet("windows")), ("staff", &sheet("staff"))]));
    }
    for (i, l) in lines.iter().enumerate() {
        ws.write_string_with_format(i as u32, 0, l, if i == 0 { &title } else { &body })?;
    }
    ws.set_column_width(0, 100)?;
    Ok(())
}

fn span(who: &str, from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>, lang: Lang) -> String {
    match (from, to) {
        (None, None) => who.to_string(),
        (Some(a), None) => text(lang, "template-span-from", &[("who", &who), ("from", &a)]),
        (None, Some(b)) => text(lang, "template-span-to", &[("who", &who), ("to", &b)]),
        (Some(a), Some(b)) => text(lang, "template-span-both", &[("who", &who), ("from", &a), ("to", &b)]),
    }
}

fn reference_sheet(wb: &mut Workbook, name: &str, headers: &[String], rows: &[Vec<Cell>], f: &Formats) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &f.header)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string_with_format(r as u32 + 1, c as u16, cell.display(), &f.text)?;
        }
    }
    for (c, w) in column_widths(headers, rows).into_iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

fn strict(v: DataValidation, title: &str, message: &str) -> Result<DataValidation, XlsxError> {
    v.set_error_style(DataValidationErrorStyle::Stop).set_error_title(title)?.set_error_message(message)
}

fn validation(field: &str, roster: Option<&Dataset>, year: i32, rules: usize, lang: Lang) -> Result<Option<DataValidation>, XlsxError> {
    let v = DataValidation::new();
    let title = column(field).map(|c| c.header(lang)).unwrap_or_default();
    let t = |id: &str, args: &[(&str, &dyn std::fmt::Display)]| text(lang, id, args);
    let words = |ids: &[&str]| ids.iter().map(|id| t(id, &[])).collect::<Vec<String>>();
    Ok(Some(match field {
        "rule" => {
            let rules_sheet = template_sheet("rules", lang);
            strict(
                v.allow_list_formula(Formula::new(format!("='{rules_sheet}'!$A$2:$A${}", rules + 1))),
                &title,
                &t("template-valid-rule", &[("rules", &rules_sheet)]),
            )?
        }
        "subject" => match roster {
            Some(ds) => {
                let n = ds.windows.len() + ds.staff.len();
                let lists = template_sheet("lists", lang);
                strict(v.allow_list_formula(Formula::new(format!("='{lists}'!$A$2:$A${}", n.max(1) + 1))), &title, &t("template-valid-subject-list", &[]))?
            }
            None => strict(v.allow_text_length(DataValidationRule::Between(1, 64)), &title, &t("template-valid-subject", &[]))?,
        },
        "date" => {
            let first = ExcelDateTime::from_ymd(year as u16, 1, 1)?;
            let last = ExcelDateTime::from_ymd(year as u16, 12, 31)?;
            strict(v.allow_date(DataValidationRule::Between(first, last)), &title, &t("template-valid-date", &[("year", &year)]))?
        }
        "count" => strict(v.allow_whole_number(DataValidationRule::Between(1, 1000)), &title, &t("template-valid-count", &[]))?,
        "minutes" => strict(v.allow_whole_number(DataValidationRule::Between(0, 1440)), &title, &t("template-valid-minutes", &[]))?,
        "points" => strict(v.allow_decimal_number(DataValidationRule::Between(0.0, 100.0)), &title, &t("template-valid-points", &[]))?,
        "units" => strict(v.allow_decimal_number(DataValidationRule::Between(0.0, 1000.0)), &title, &t("template-valid-units", &[]))?,
        "level" => strict(
            v.allow_list_strings(&words(&["template-level-county", "template-level-city", "template-level-province", "template-level-national"]))?,
            &title,
            &t("template-valid-level", &[]),
        )?,
        "aggravated" => strict(v.allow_list_strings(&words(&["template-yes", "template-no"]))?, &title, &t("template-valid-aggravated", &[]))?,
        "status" => strict(
            v.allow_list_strings(&words(&["label-status-confirmed", "label-status-pending", "label-status-revoked"]))?,
            &title,
            &t("template-valid-status", &[]),
        )?,
        _ => v.allow_any_value(),
    }))
}

/// The records sheet's column of a field.
fn column(field: &str) -> Option<&'static kaoping_import::ColumnDef> {
    COLUMNS.iter().find(|c| c.field == field)
}
