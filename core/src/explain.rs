//! Readable explanations: how each point of a subject's month was lost or won, in the words of
//! the message catalogue.

use crate::messages::{Lang, text};
use crate::result::{MonthResult, OutcomeKind};
use std::fmt::{Display, Write};

/// Explains one subject's month as text: labels, rule codes and record ids, in the language the
/// result was evaluated in (the policy's: [`crate::Policy::with_lang`]). `None` when the subject
/// was not evaluated in the month.
pub fn explain(result: &MonthResult, subject: &str) -> Option<String> {
    explain_in(result, subject, result.records.lang())
}

/// [`explain`] in `lang`. The texts the result carries (line details, flags, warnings) are in
/// the language the result was evaluated in.
pub fn explain_in(result: &MonthResult, subject: &str, lang: Lang) -> Option<String> {
    let s = result.subject(subject)?;
    let t = |id: &str, args: &[(&str, &dyn Display)]| text(lang, id, args);
    let mut out = String::new();
    let staff = s.kind() == crate::policy::SubjectKind::Staff;
    let who = t(if staff { "explain-staff" } else { "explain-window" }, &[]);
    let heading: [(&str, &dyn Display); 5] = [("who", &who), ("id", s.subject()), ("name", s.name()), ("department", s.department()), ("month", &result.month)];
    let _ = writeln!(out, "{}", t("explain-heading", &heading));
    if !s.links().is_empty() {
        let parts: Vec<String> = s.links().iter().map(|l| t("explain-link", &[("id", &l.id), ("days", &l.days)])).collect();
        let list = parts.join(", ");
        let _ = writeln!(out, "{}", t(if staff { "explain-links-staff" } else { "explain-links-window" }, &[("list", &list)]));
    }
    let total: [(&str, &dyn Display); 4] = [("total", &fmt(s.total())), ("base", &fmt(s.base())), ("bonus", &fmt(s.bonus())), ("grade", s.grade())];
    let _ = writeln!(out, "{}", t("explain-total", &total));
    if let Some(by) = &s.grade_forced_by() {
        let _ = writeln!(out, "  {}", t("explain-forced", &[("by", by)]));
    }
    for c in s.categories() {
        section(&mut out, c, "−", lang);
    }
    for c in s.bonuses() {
        section(&mut out, c, "+", lang);
    }
    for f in s.flags() {
        let rec = f.record.as_deref().map(|r| format!(" {}", t("explain-record", &[("record", &r)]))).unwrap_or_default();
        let rule = f.rule.as_deref().unwrap_or("");
        let args: [(&str, &dyn Display); 4] = [("code", &f.code), ("rule", &rule), ("record", &rec), ("detail", &f.detail)];
        let _ = writeln!(out, "{}", t("explain-flag", &args));
    }
    for w in s.warnings() {
        let _ = writeln!(out, "{}", t("explain-warning", &[("warning", w)]));
    }
    let others: Vec<_> = result
        .records
        .iter()
        .filter(|r| r.subject() == s.subject().as_str() && r.outcome() == OutcomeKind::NotCounted && r.charge_count() == 0)
        .collect();
    if !others.is_empty() {
        let _ = writeln!(out, "{}", t("explain-not-counted", &[]));
        for r in others {
            let why = r.reason().map(|x| x.label(lang)).unwrap_or_default();
            let _ = writeln!(out, "  {} {} {}: {}", r.record(), r.rule(), r.date(), why);
        }
    }
    Some(out)
}

fn section(out: &mut String, c: crate::categories::CategoryRef<'_>, sign_of_points: &str, lang: Lang) {
    let t = |id: &str, args: &[(&str, &dyn Display)]| text(lang, id, args);
    let sign = if c.lines().is_empty() { "" } else { ":" };
    let head: [(&str, &dyn Display); 4] = [("code", c.code()), ("name", c.name()), ("max", &fmt(c.max())), ("score", &fmt(c.score()))];
    let _ = writeln!(out, "{}{sign}", t("explain-category", &head));
    for l in c.lines() {
        let rec = l.record.as_deref().map(|r| format!(" {}", t("explain-record", &[("record", &r)]))).unwrap_or_default();
        // a record's occurrences are one line (E6): "×11"
        let times = if l.occurrences > 1 { format!(" ×{}", l.occurrences) } else { String::new() };
        let cut = match l.cut {
            Some(r) if l.points < l.raw => format!(" {}", t("explain-line-cut", &[("raw", &fmt(l.raw)), ("reason", &r.label(lang))])),
            _ => String::new(),
        };
        let _ = writeln!(out, "  {} {sign_of_points}{}{rec}{times}{cut} — {}", l.rule, fmt(l.points), l.detail);
    }
    if let Some(z) = c.zeroed_by() {
        let _ = writeln!(out, "  {}", t("explain-zeroed", &[("rule", &z)]));
    }
}

fn fmt(d: rust_decimal::Decimal) -> String {
    format!("{:.2}", d)
}
