//! Readable explanations: how each point of a subject's month was lost or won.

use crate::result::{MonthResult, OutcomeKind};
use std::fmt::Write;

/// Explains one subject's month as text: Chinese labels, rule codes and record ids.
/// `None` when the subject was not evaluated in the month.
pub fn explain(result: &MonthResult, subject: &str) -> Option<String> {
    let s = result.subject(subject)?;
    let mut out = String::new();
    let who = match s.kind {
        crate::policy::SubjectKind::Window => "窗口",
        crate::policy::SubjectKind::Staff => "窗口工作人员",
    };
    let _ = writeln!(
        out,
        "{who} {} {} ({}) — {} 月度考评",
        s.subject, s.name, s.department, result.month
    );
    if !s.links.is_empty() {
        let label = if s.kind == crate::policy::SubjectKind::Staff {
            "所在窗口"
        } else {
            "在岗人员"
        };
        let parts: Vec<String> = s
            .links
            .iter()
            .map(|l| format!("{} {}天", l.id, l.days))
            .collect();
        let _ = writeln!(out, "{label}: {}", parts.join(", "));
    }
    let _ = writeln!(
        out,
        "总分 {} = 基础分 {} + 加分 {}; 等次 {}",
        fmt(s.total),
        fmt(s.base),
        fmt(s.bonus),
        s.grade
    );
    if let Some(by) = &s.grade_forced_by {
        let _ = writeln!(out, "  等次由 {by} 一票否决");
    }
    for c in &s.categories {
        section(&mut out, c, "−");
    }
    for c in &s.bonuses {
        section(&mut out, c, "+");
    }
    for f in &s.flags {
        let rec = f
            .record
            .as_deref()
            .map(|r| format!(" 记录 {r}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "标记 {} [{}{}]: {}",
            f.code,
            f.rule.as_deref().unwrap_or(""),
            rec,
            f.detail
        );
    }
    for w in &s.warnings {
        let _ = writeln!(out, "提示: {w}");
    }
    let others: Vec<_> = result
        .records
        .iter()
        .filter(|r| {
            r.subject() == s.subject.as_str() && r.outcome() == OutcomeKind::NotCounted && r.charge_count() == 0
        })
        .collect();
    if !others.is_empty() {
        let _ = writeln!(out, "未计分记录:");
        for r in others {
            let why = r.reason().map(|x| x.label_zh()).unwrap_or_default();
            let _ = writeln!(out, "  {} {} {}: {}", r.record(), r.rule(), r.date(), why);
        }
    }
    Some(out)
}

fn section(out: &mut String, c: &crate::result::CategoryResult, sign_of_points: &str) {
    let sign = if c.lines.is_empty() { "" } else { ":" };
    let _ = writeln!(
        out,
        "{} {} 满分 {} 得分 {}{sign}",
        c.code,
        c.name,
        fmt(c.max),
        fmt(c.score)
    );
    for l in &c.lines {
        let rec = l
            .record
            .as_deref()
            .map(|r| format!(" 记录 {r}"))
            .unwrap_or_default();
        // a record's occurrences are one line (E6): "×11"
        let times = if l.occurrences > 1 { format!(" ×{}", l.occurrences) } else { String::new() };
        let cut = match l.cut {
            Some(r) if l.points < l.raw => format!(" (应计 {}, {})", fmt(l.raw), r.label_zh()),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "  {} {sign_of_points}{}{rec}{times}{cut} — {}",
            l.rule,
            fmt(l.points),
            l.detail
        );
    }
    if let Some(z) = &c.zeroed_by {
        let _ = writeln!(out, "  → 由 {z} 判定此项不得分");
    }
}

fn fmt(d: rust_decimal::Decimal) -> String {
    format!("{:.2}", d)
}
