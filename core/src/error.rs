//! Errors that name their place: every problem says where (`records[17].points`),
//! which record and rule it concerns, and what was expected.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of problem it is, for programs that react to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The text is not JSON, or not of the expected shape.
    Syntax,
    /// A value is outside what the rule or schema allows.
    Invalid,
    /// A reference names something that does not exist.
    UnknownReference,
    /// Two things share an id that must be unique.
    Duplicate,
    /// A rule kind is not registered.
    UnknownKind,
    /// The input is valid but cannot be evaluated as asked (e.g. a month outside the dataset's year).
    Unsupported,
}

/// One problem found in an input document.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct Problem {
    pub kind: ProblemKind,
    /// JSON path of the offending value, like `records[17].points` (empty for the whole document).
    pub path: String,
    /// The record id, when the problem is in a record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// The rule code concerned, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// What is wrong and what was expected.
    pub message: String,
    /// The message's entry in the catalogue and its arguments, to write it in another language
    /// ([`Problem::message_in`], [`Errors::in_lang`]); none for a message from elsewhere (the
    /// JSON parser's), which stays as it is.
    #[serde(skip)]
    #[schemars(skip)]
    template: Option<Template>,
}

/// Problems are equal when they say the same thing in the same place (however they were made).
impl PartialEq for Problem {
    fn eq(&self, o: &Problem) -> bool {
        (self.kind, &self.path, &self.record, &self.rule, &self.message) == (o.kind, &o.path, &o.record, &o.rule, &o.message)
    }
}

/// Arguments of a problem's message, each written now: `pa!["window" => w.id, "date" => r.date]`.
macro_rules! pa {
    ($($n:literal => $v:expr),* $(,)?) => { vec![$(($n, $crate::error::Arg::from(&$v))),*] };
}
pub(crate) use pa;

/// A problem's message as the catalogue's entry and its arguments (each already written, and cut
/// as the message is; an argument may itself be an entry, written in the language asked for).
#[derive(Debug, Clone)]
struct Template {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// An argument of a problem's message.
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    /// A value from the input or the policy, the same in every language.
    Text(String),
    /// A word of the catalogue (a field's or a thing's name), written in the message's language.
    Word(&'static str),
    /// A text already written in each language (English, Chinese): a rule kind's own account.
    Each(String, String),
}

impl<T: fmt::Display> From<&T> for Arg {
    fn from(v: &T) -> Arg {
        Arg::Text(bounded(v.to_string(), Problem::MAX_MESSAGE_BYTES))
    }
}

impl Template {
    fn render(&self, lang: crate::messages::Lang) -> String {
        let words: Vec<String> = self
            .args
            .iter()
            .map(|(_, a)| match a {
                Arg::Text(t) => t.clone(),
                Arg::Word(id) => crate::messages::text(lang, id, &[]),
                Arg::Each(en, zh) => match lang {
                    crate::messages::Lang::En => en.clone(),
                    crate::messages::Lang::ZhCn => zh.clone(),
                },
            })
            .collect();
        let args: Vec<(&str, &dyn fmt::Display)> = self.args.iter().zip(&words).map(|((n, _), w)| (*n, w as &dyn fmt::Display)).collect();
        crate::messages::text(lang, self.id, &args)
    }
}

impl Problem {
    /// Longest message, path, record id and rule code a problem keeps, in bytes: a value echoed
    /// from the input (a 50 MB rule code) is cut, with its length said, so that no problem is
    /// larger than a screen (issue 20).
    pub const MAX_MESSAGE_BYTES: usize = 2048;
    pub const MAX_PATH_BYTES: usize = 512;
    pub const MAX_ID_BYTES: usize = 512;

    pub fn new(kind: ProblemKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            kind,
            path: bounded(path.into(), Self::MAX_PATH_BYTES),
            record: None,
            rule: None,
            message: bounded(message.into(), Self::MAX_MESSAGE_BYTES),
            template: None,
        }
    }

    /// A problem whose message is the catalogue's entry `id` with `args`: written in English,
    /// and in another language by [`Problem::message_in`].
    pub(crate) fn msg(kind: ProblemKind, path: impl Into<String>, id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        let template = Template { id, args };
        let mut p = Problem::new(kind, path, template.render(crate::messages::Lang::En));
        p.template = Some(template);
        p
    }

    /// The message in `lang` (a message from outside the catalogue, as it is).
    pub fn message_in(&self, lang: crate::messages::Lang) -> String {
        match &self.template {
            Some(t) => bounded(t.render(lang), Self::MAX_MESSAGE_BYTES),
            None => self.message.clone(),
        }
    }
    pub fn record(mut self, id: impl Into<String>) -> Self {
        self.record = Some(bounded(id.into(), Self::MAX_ID_BYTES));
        self
    }
    pub fn rule(mut self, code: impl Into<String>) -> Self {
        self.rule = Some(bounded(code.into(), Self::MAX_ID_BYTES));
        self
    }
}

/// `s` when it has at most `max` bytes; else its start, cut at a character, and its length.
fn bounded(s: String, max: usize) -> String {
    if s.len() <= max {
        return s;
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}… (cut: {} characters in all)", &s[..cut], s.chars().count())
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "(document)")?;
        } else {
            write!(f, "{}", self.path)?;
        }
        if let Some(r) = &self.record {
            write!(f, " [record {r}]")?;
        }
        if let Some(r) = &self.rule {
            write!(f, " [rule {r}]")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// All the problems of one document: a document with any problem is rejected as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, thiserror::Error)]
pub struct Errors {
    /// Which document: `dataset`, `policy` or `request`.
    pub document: String,
    pub problems: Vec<Problem>,
}

impl Errors {
    /// The same problems with their messages in `lang` (those the catalogue holds).
    pub fn in_lang(mut self, lang: crate::messages::Lang) -> Errors {
        for p in &mut self.problems {
            p.message = p.message_in(lang);
        }
        self
    }

    pub fn one(document: &str, p: Problem) -> Self {
        Errors {
            document: document.into(),
            problems: vec![p],
        }
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_in(crate::messages::Lang::En))
    }
}

impl Errors {
    /// Every problem as a list a person reads, in `lang` (the messages the catalogue holds, and
    /// the list's own words; `Display` writes it in English).
    pub fn display_in(&self, lang: crate::messages::Lang) -> String {
        use crate::messages::text;
        let document = match self.document.as_str() {
            "dataset" => text(lang, "document-dataset", &[]),
            "policy" => text(lang, "document-policy", &[]),
            "request" => text(lang, "document-request", &[]),
            other => other.to_string(),
        };
        let n = self.problems.len();
        let mut out = if n == 1 {
            text(lang, "errors-header-one", &[("document", &document)])
        } else {
            text(lang, "errors-header-many", &[("document", &document), ("count", &n)])
        };
        for p in &self.problems {
            out.push_str("\n  - ");
            if p.path.is_empty() {
                out.push_str(&text(lang, "problem-whole-document", &[]));
            } else {
                out.push_str(&p.path);
            }
            if let Some(r) = &p.record {
                out.push(' ');
                out.push_str(&text(lang, "problem-at-record", &[("record", r)]));
            }
            if let Some(r) = &p.rule {
                out.push(' ');
                out.push_str(&text(lang, "problem-at-rule", &[("rule", r)]));
            }
            out.push_str(": ");
            out.push_str(&p.message_in(lang));
        }
        out
    }
}

/// Parses JSON into `T`, reporting the path of the first value that does not fit.
pub fn parse_json<T: serde::de::DeserializeOwned>(text: &str, document: &str) -> Result<T, Errors> {
    let text = json_object_text(text, document)?;
    // the fast way first; a document that fails is parsed again, tracking the path to the fault
    {
        let de = &mut serde_json::Deserializer::from_str(text);
        if let Ok(value) = T::deserialize(&mut *de)
            && de.end().is_ok()
        {
            return Ok(value);
        }
    }
    parse_json_tracked(text, document)
}

/// The text of a JSON document that may be an object (no BOM): refused when too large, empty or
/// an array, as [`parse_json`] refuses it.
pub(crate) fn json_object_text<'t>(text: &'t str, document: &str) -> Result<&'t str, Errors> {
    if text.len() > crate::limits::MAX_DOCUMENT_BYTES {
        return Err(Errors::one(
            document,
            Problem::new(
                ProblemKind::Invalid,
                "",
                format!(
                    "the {document} is {} bytes; the limit is {} bytes",
                    text.len(),
                    crate::limits::MAX_DOCUMENT_BYTES
                ),
            ),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Errors::one(
            document,
            Problem::new(
                ProblemKind::Syntax,
                "",
                format!("the {document} is empty: expected a JSON object"),
            ),
        ));
    }
    match text.trim_start().chars().next() {
        Some('{') => {}
        Some('[') => {
            return Err(Errors::one(
                document,
                Problem::new(
                    ProblemKind::Syntax,
                    "",
                    format!("expected a JSON object (the {document}), got an array"),
                ),
            ));
        }
        _ => {}
    }
    Ok(text)
}

/// A document parsed by serde_json tracking the path of its first fault: the value, or that
/// fault at its place (`records[3].date`).
fn parse_json_tracked<T: serde::de::DeserializeOwned>(text: &str, document: &str) -> Result<T, Errors> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut *de)
        .map_err(|e| Errors::one(document, format_problem(e, "")))?;
    de.end().map_err(|e| {
        Errors::one(
            document,
            Problem::new(ProblemKind::Syntax, "", format!("not valid JSON: {e}")),
        )
    })?;
    Ok(value)
}

/// The problem a value that does not fit makes, at `prefix` + its path (`records[3]` + `.points`).
pub(crate) fn format_problem(e: serde_path_to_error::Error<serde_json::Error>, prefix: &str) -> Problem {
    let inner_path = clean_path(&e.path().to_string());
    let path = match (prefix.is_empty(), inner_path.is_empty()) {
        (true, _) => inner_path,
        (false, true) => prefix.to_string(),
        (false, false) if inner_path.starts_with('[') => format!("{prefix}{inner_path}"),
        (false, false) => format!("{prefix}.{inner_path}"),
    };
    let inner = e.into_inner();
    let (path, message) = if inner.is_syntax() || inner.is_eof() {
        (path, format!("not valid JSON: {inner}"))
    } else {
        friendly(path, strip_position(&inner.to_string()))
    };
    Problem::new(ProblemKind::Syntax, path, message)
}

/// Rewrites serde's internal wording where it would puzzle a user.
fn friendly(path: String, message: String) -> (String, String) {
    if message == "expected field with custom name" {
        // a decimal field given an object: serde_json's arbitrary-precision number protocol speaks
        let path = match path.rfind('.') {
            Some(i) => path[..i].to_string(),
            None => path,
        };
        return (
            path,
            "invalid type: expected a decimal number, written as a string (\"2.5\") or a number"
                .into(),
        );
    }
    // Rust's names for types, in words a user of the JSON knows
    let message = message
        .replace("expected struct Dataset", "expected a JSON object (the dataset)")
        .replace("expected struct PolicyDoc", "expected a JSON object (the policy)")
        .replace("expected u32", "expected a whole number from 0 to 4294967295")
        .replace("expected u64", "expected a whole number from 0 to 18446744073709551615")
        .replace("expected i32", "expected a whole number (a year such as 2026)");
    let message = match message.find("expected struct ") {
        Some(i) => format!("{}expected a JSON object", &message[..i]),
        None => message,
    };
    // a number where a whole number goes: serde_json reads 2.5, 1e3 and 2^64 (past u64) as
    // floating point and says so; say what the field takes and how to write it instead
    for (lead, hint) in [
        ("invalid type: floating point `", ": write a whole number as digits alone, without a point or an exponent"),
        ("invalid value: integer `", ""),
    ] {
        if let Some(rest) = message.strip_prefix(lead)
            && let Some((value, what)) = rest.split_once("`, expected a whole number")
        {
            return (path, format!("{value} is not a whole number{what}{hint}"));
        }
    }
    (path, message)
}

/// Reads bytes as UTF-8, or says where they stop being UTF-8.
pub fn utf8<'a>(bytes: &'a [u8], document: &str) -> Result<&'a str, Errors> {
    std::str::from_utf8(bytes).map_err(|e| {
        Errors::one(
            document,
            Problem::new(
                ProblemKind::Syntax,
                "",
                format!(
                    "the {document} is not valid UTF-8 (at byte {})",
                    e.valid_up_to()
                ),
            ),
        )
    })
}

/// Parses a JSON value into `T` (used by rule kinds for their parameters).
// (the problem, made once on the error path, is what kinds add to the policy's list as it is:
// a boxed one would be unboxed at every caller)
#[allow(clippy::result_large_err)]
pub fn from_value<T: serde::de::DeserializeOwned>(
    value: &serde_json::Value,
    base: &str,
) -> Result<T, Problem> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let sub = clean_path(&e.path().to_string());
        let path = if sub.is_empty() {
            base.to_string()
        } else if sub.starts_with('[') {
            format!("{base}{sub}")
        } else {
            format!("{base}.{sub}")
        };
        Problem::new(
            ProblemKind::Invalid,
            path,
            strip_position(&e.into_inner().to_string()),
        )
    })
}

fn clean_path(p: &str) -> String {
    if p == "." || p == "?" {
        return String::new();
    }
    let p = p.trim_end_matches(".?");
    // a path through deep nesting is cut, so an error message stays readable
    const MAX: usize = 120;
    if p.len() > MAX {
        let mut cut = MAX;
        while !p.is_char_boundary(cut) {
            cut -= 1;
        }
        format!("{}…", &p[..cut])
    } else {
        p.to_string()
    }
}

fn strip_position(s: &str) -> String {
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}
