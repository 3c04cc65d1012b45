//! `kaoping template`: the workbook the centre fills in — a records sheet with drop-downs and
//! validation, and reference sheets for rule items, windows and staff.

use crate::import::COLUMNS;
pub use kaoping_import::{RECORDS_SHEET, RULES_SHEET, STAFF_SHEET, WINDOWS_SHEET};
use crate::table::{Formats, column_widths, Cell};
use kaoping_core::dataset::Dataset;
use kaoping_core::policy::{RuleItem, SubjectKind};
use kaoping_core::Policy;
use kaoping_core::messages::Lang;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format, Formula, Workbook, XlsxError,
};
use serde_json::Value;

/// The records sheet's name (import reads this sheet by default).
pub const LISTS_SHEET: &str = "选项";

pub const LEVELS_ZH: [&str; 4] = ["县级", "市级", "省级", "国家级"];
pub const STATUS_ZH: [&str; 3] = ["已确认", "待核实", "已撤销"];

/// A rule item as the drop-down shows it: `S1.1 迟到、早退…`; derived items say they are not filled in.
pub fn rule_label(policy: &Policy, item: &RuleItem) -> String {
    if is_derived(policy, item) { format!("{} {}【系统计算,勿填】", item.code, item.name_zh) } else { format!("{} {}", item.code, item.name_zh) }
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

fn level_zh(l: &str) -> &str {
    match l {
        "county" => "县级",
        "city" => "市级",
        "province" => "省级",
        "national" => "国家级",
        other => other,
    }
}

fn unit_zh(u: &str) -> &str {
    match u {
        "half_day" => "半天",
        "working_day" => "工作日",
        "day" => "天",
        other => other,
    }
}

/// The points of an item in words, read from its parameters (display only).
pub fn points_text(policy: &Policy, item: &RuleItem) -> String {
    let p = &item.params;
    let verb = if is_bonus(policy, item) { "加" } else { "扣" };
    match item.kind.as_str() {
        "per_occurrence" => {
            let mut parts = vec![format!("每次{verb}{}分", dec(&p["points"]))];
            if let Some(tiers) = p["minute_tiers"].as_array() {
                for t in tiers {
                    if let Some(a) = t.get("above") {
                        parts.push(format!("超过{}分钟{verb}{}分", dec(a), dec(&t["points"])));
                    } else if let Some(a) = t.get("at_least") {
                        parts.push(format!("{}分钟及以上{verb}{}分", dec(a), dec(&t["points"])));
                    }
                }
            }
            if let Some(a) = p.get("aggravated_points") {
                parts.push(format!("情节加重{verb}{}分", dec(a)));
            }
            parts.join("; ")
        }
        "discretionary" => {
            let mut s = format!("{verb}{}–{}分(视情节)", dec(&p["min"]), dec(&p["max"]));
            if let Some(st) = p.get("step") {
                s.push_str(&format!(", 以{}分为单位", dec(st)));
            }
            s
        }
        "level_points" => p["points"]
            .as_object()
            .map(|m| m.iter().map(|(l, v)| format!("{}{verb}{}分", level_zh(l), dec(v))).collect::<Vec<_>>().join("/"))
            .unwrap_or_default(),
        "per_unit" => format!("每{}{verb}{}分", unit_zh(p["unit"].as_str().unwrap_or("")), dec(&p["points_per_unit"])),
        "linked" => {
            let f = p.get("factor").map(dec).unwrap_or_else(|| "1".into());
            if f == "1" { format!("随{}记录同{verb}", p["source"].as_str().unwrap_or("")) } else { format!("随{}记录{verb}(×{f})", p["source"].as_str().unwrap_or("")) }
        }
        "monthly_state" => format!("当月{verb}{}分", dec(&p["points"])),
        "metric_below_target" => format!("每项未达标{verb}{}分", dec(&p["points_each"])),
        "metric_shortfall" => format!("每低{}个百分点{verb}{}分", dec(&p["unit"]), dec(&p["points_per_unit"])),
        "metric_tiers" => p["tiers"]
            .as_array()
            .map(|ts| ts.iter().map(|t| format!("{}以上{verb}{}分", dec(&t["at_least"]), dec(&t["points"]))).collect::<Vec<_>>().join("/"))
            .unwrap_or_default(),
        "derived_from_staff" => format!("按工作人员{}得分加权平均", p["source"].as_str().unwrap_or("")),
        "count_threshold" => "达到次数时该类别不得分".into(),
        _ => p.to_string(),
    }
}

fn caps_text(item: &RuleItem) -> String {
    let mut parts = Vec::new();
    if let Some(m) = item.caps.month {
        parts.push(format!("每月最多{}分", m.normalize()));
    }
    if let Some(y) = item.caps.year {
        parts.push(format!("每年最多{}分", y.normalize()));
    }
    parts.join("; ")
}

/// Which columns an item needs filled in.
pub fn fill_text(policy: &Policy, item: &RuleItem) -> String {
    if let Some((_, rule)) = policy.item(&item.code)
        && let Some(from) = rule.derived_from_in(kaoping_core::messages::Lang::ZhCn)
    {
        return format!("系统计算, 不填写 (依据: {from})");
    }
    let p = &item.params;
    let mut parts = Vec::new();
    match item.kind.as_str() {
        "per_occurrence" => {
            if p["minute_tiers"].as_array().is_some_and(|t| !t.is_empty()) {
                parts.push("填写分钟".to_string());
            }
            if p.get("aggravated_points").is_some() {
                parts.push("情节加重时“情节加重”填“是”".into());
            }
        }
        "discretionary" => parts.push(format!("必须填写分值 ({}–{})", dec(&p["min"]), dec(&p["max"]))),
        "level_points" => parts.push("必须填写级别; 同一成果填写相同的成果标识".into()),
        "per_unit" => parts.push(format!("必须填写单位数 ({})", unit_zh(p["unit"].as_str().unwrap_or("")))),
        _ => {}
    }
    if item.requires_evidence {
        parts.push("必须填写佐证材料".into());
    }
    if parts.is_empty() { "无需其他信息".into() } else { parts.join("; ") }
}

fn subject_label(id: &str, name: &str) -> String {
    format!("{id} {name}")
}

/// Builds the template workbook.
pub fn build(policy: &Policy, roster: Option<&Dataset>, year: i32, rows: u32) -> Result<Workbook, XlsxError> {
    let f = Formats::new(Lang::ZhCn);
    let mut wb = Workbook::new();
    let rules = &policy.doc().rules;
    let last_row = rows; // data rows 1..=rows (0-based), i.e. sheet rows 2..=rows+1

    // ---------------------------------------------------------------- 记录
    {
        let ws = wb.add_worksheet();
        ws.set_name(RECORDS_SHEET)?;
        let text = Format::new().set_font_name("宋体").set_num_format("@");
        let date = Format::new().set_font_name("宋体").set_num_format("yyyy-mm-dd");
        let plain = Format::new().set_font_name("宋体");
        for (c, col) in COLUMNS.iter().enumerate() {
            let c = c as u16;
            ws.write_string_with_format(0, c, col.header, &f.header)?;
            ws.set_column_width(c, col.width)?;
            let fmt = match col.field {
                "date" => &date,
                "id" | "rule" | "subject" | "key" | "evidence" | "note" | "level" | "status" | "aggravated" => &text,
                _ => &plain,
            };
            ws.set_column_format(c, fmt)?;
            let v = validation(col.field, roster, year, rules.len())?;
            if let Some(v) = v {
                let v = v.set_input_title(col.header)?.set_input_message(col.help)?;
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

    // ---------------------------------------------------------------- 考评项目
    {
        let headers: Vec<String> = ["下拉选项", "代码", "对象", "类别", "项目名称", "分值", "上限", "填写要求", "出处"].map(String::from).to_vec();
        let doc = policy.doc();
        let rows: Vec<Vec<Cell>> = rules
            .iter()
            .map(|r| {
                let sp = match r.subject {
                    SubjectKind::Staff => &doc.staff,
                    SubjectKind::Window => &doc.window,
                };
                let cat = sp.categories.iter().find(|c| c.code == r.category).map(|c| format!("{} {}", c.code, c.name_zh)).unwrap_or_else(|| r.category.clone());
                vec![
                    Cell::text(rule_label(policy, r)),
                    Cell::text(&r.code),
                    Cell::text(r.subject.label_zh()),
                    Cell::text(cat),
                    Cell::text(&r.name_zh),
                    Cell::text(points_text(policy, r)),
                    Cell::text(caps_text(r)),
                    Cell::text(fill_text(policy, r)),
                    Cell::text(&r.cite),
                ]
            })
            .collect();
        reference_sheet(&mut wb, RULES_SHEET, &headers, &rows, &f)?;
    }

    // ---------------------------------------------------------------- 窗口, 人员, 选项
    if let Some(ds) = roster {
        let dept = |id: &str| ds.departments.iter().find(|d| d.id == id).map(|d| d.name.clone()).unwrap_or_else(|| id.to_string());
        let term = |t: &kaoping_core::dataset::Term| {
            let who = t.staff.clone().or(t.name.clone()).unwrap_or_default();
            span(&who, t.from, t.to)
        };
        let headers: Vec<String> = ["编号", "名称", "部门", "开设日期", "撤销日期", "窗口负责人"].map(String::from).to_vec();
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
        reference_sheet(&mut wb, WINDOWS_SHEET, &headers, &rows, &f)?;
        let headers: Vec<String> = ["编号", "姓名", "部门", "所在窗口"].map(String::from).to_vec();
        let rows: Vec<Vec<Cell>> = ds
            .staff
            .iter()
            .map(|s| {
                vec![
                    Cell::text(&s.id),
                    Cell::text(&s.name),
                    Cell::text(s.department.as_deref().map(dept).unwrap_or_default()),
                    Cell::text(s.assignments.iter().map(|a| span(&a.window, a.from, a.to)).collect::<Vec<_>>().join(", ")),
                ]
            })
            .collect();
        reference_sheet(&mut wb, STAFF_SHEET, &headers, &rows, &f)?;
    }

    // ---------------------------------------------------------------- 填写说明
    {
        let ws = wb.add_worksheet();
        ws.set_name("填写说明")?;
        let title = Format::new().set_font_name("宋体").set_bold().set_font_size(14);
        let body = Format::new().set_font_name("宋体");
        let mut lines: Vec<String> = vec![
            format!("{} 考评记录表 ({} 年)", policy.doc().name, year),
            String::new(),
            format!("1. 在“{RECORDS_SHEET}”表中每行填写一条记录 (巡查发现的问题、投诉、表扬等), 表头不要改动。"),
            "2. 必填: 考评项目 (从下拉列表选择)、对象编号 (窗口编号如 W01, 人员编号如 S001)、日期。".into(),
            "3. 记录编号可留空, 导入时自动编为 R+日期-行号; 同一记录不要重复导入。".into(),
            format!("4. 各考评项目的分值和需要填写的信息见“{RULES_SHEET}”表的“分值”“填写要求”两列。"),
            "5. 视情节扣分的项目 (如 S2.3) 在“分值”列填写具体分值; 通报、媒体采用等项目在“级别”列选择级别。".into(),
            "6. 状态留空即为“已确认”; 待核实或申诉中的记录填“待核实”, 不计分; 撤销的记录填“已撤销”。".into(),
            "7. 一行代表多次相同问题时, 在“次数”列填写次数 (留空为 1)。".into(),
            "8. 填好后导入: kaoping import 本文件.xlsx --roster 名单.json -o 数据.json".into(),
            "   导入时逐格检查, 有错误会指明单元格 (如 记录!D7) 和应填内容, 全部改正后才会写出文件。".into(),
        ];
        if roster.is_some() {
            lines.push(format!("9. 窗口和人员名单见“{WINDOWS_SHEET}”“{STAFF_SHEET}”表; 对象编号可从下拉列表选择。"));
        }
        for (i, l) in lines.iter().enumerate() {
            ws.write_string_with_format(i as u32, 0, l, if i == 0 { &title } else { &body })?;
        }
        ws.set_column_width(0, 100)?;
    }

    // ---------------------------------------------------------------- 选项 (hidden list source)
    if let Some(ds) = roster {
        let ws = wb.add_worksheet();
        ws.set_name(LISTS_SHEET)?;
        ws.write_string(0, 0, "对象")?;
        let subjects = ds.windows.iter().map(|w| subject_label(&w.id, &w.name)).chain(ds.staff.iter().map(|s| subject_label(&s.id, &s.name)));
        for (i, s) in subjects.enumerate() {
            ws.write_string(i as u32 + 1, 0, s)?;
        }
        ws.set_column_width(0, 30)?;
        ws.set_hidden(true);
    }
    Ok(wb)
}

fn span(who: &str, from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>) -> String {
    match (from, to) {
        (None, None) => who.to_string(),
        (Some(a), None) => format!("{who}({a}起)"),
        (None, Some(b)) => format!("{who}(至{b})"),
        (Some(a), Some(b)) => format!("{who}({a}至{b})"),
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

fn validation(field: &str, roster: Option<&Dataset>, year: i32, rules: usize) -> Result<Option<DataValidation>, XlsxError> {
    let v = DataValidation::new();
    Ok(Some(match field {
        "rule" => strict(
            v.allow_list_formula(Formula::new(format!("='{RULES_SHEET}'!$A$2:$A${}", rules + 1))),
            "考评项目",
            &format!("请从下拉列表中选择考评项目 (见“{RULES_SHEET}”表)。"),
        )?,
        "subject" => match roster {
            Some(ds) => {
                let n = ds.windows.len() + ds.staff.len();
                strict(
                    v.allow_list_formula(Formula::new(format!("='{LISTS_SHEET}'!$A$2:$A${}", n.max(1) + 1))),
                    "对象编号",
                    "请从下拉列表中选择窗口或人员。",
                )?
            }
            None => strict(v.allow_text_length(DataValidationRule::Between(1, 64)), "对象编号", "请填写窗口编号 (如 W01) 或人员编号 (如 S001)。")?,
        },
        "date" => {
            let first = ExcelDateTime::from_ymd(year as u16, 1, 1)?;
            let last = ExcelDateTime::from_ymd(year as u16, 12, 31)?;
            strict(v.allow_date(DataValidationRule::Between(first, last)), "日期", &format!("请填写 {year} 年内的日期, 如 {year}-10-09。"))?
        }
        "count" => strict(v.allow_whole_number(DataValidationRule::Between(1, 1000)), "次数", "次数为 1 以上的整数, 留空为 1。")?,
        "minutes" => strict(v.allow_whole_number(DataValidationRule::Between(0, 1440)), "分钟", "分钟为 0–1440 的整数。")?,
        "points" => strict(v.allow_decimal_number(DataValidationRule::Between(0.0, 100.0)), "分值", "分值为 0–100 的数, 如 3 或 2.5。")?,
        "units" => strict(v.allow_decimal_number(DataValidationRule::Between(0.0, 1000.0)), "单位数", "单位数为正数, 如 1 或 0.5。")?,
        "level" => strict(v.allow_list_strings(&LEVELS_ZH)?, "级别", "请选择: 县级、市级、省级、国家级。")?,
        "aggravated" => strict(v.allow_list_strings(&["是", "否"])?, "情节加重", "请选择“是”或“否”, 留空为否。")?,
        "status" => strict(v.allow_list_strings(&STATUS_ZH)?, "状态", "请选择: 已确认、待核实、已撤销; 留空为已确认。")?,
        _ => v.allow_any_value(),
    }))
}
