//! The message catalogue: the texts of results a person reads (reasons, a record's outcome,
//! flags, warnings, award standings and quotas), each in zh-CN and English from the same
//! arguments, kept as Fluent files (`core/messages/zh-CN.ftl`, `core/messages/en.ftl`) and
//! rendered with `fluent-bundle`. Machine codes (reasons, kinds, statuses) stay language-free;
//! only their words come from here.
//!
//! Arguments are passed already written (exact decimals as text), so Fluent never formats a
//! number itself (it would go through a float).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The language of the texts of results. The library writes English unless told otherwise
/// ([`crate::Policy::with_lang`]); the command-line tool and its reports write Chinese.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Lang {
    /// Both languages, zh-CN first.
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// The language's tag: `zh-CN` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    /// `zh-CN` (also `zh`, `zh-Hans`, `zh_CN`) or `en` (also `en-US`, `en-GB`), any case.
    fn from_str(s: &str) -> Result<Lang, String> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "zh" | "zh-cn" | "zh-hans" | "zh-hans-cn" => Ok(Lang::ZhCn),
            "en" | "en-us" | "en-gb" => Ok(Lang::En),
            _ => Err(format!("unknown language {s:?}: use zh-CN or en")),
        }
    }
}

mod list;
pub use list::MESSAGES;

const FTL_ZH: &str = include_str!("../../messages/zh-CN.ftl");
const FTL_EN: &str = include_str!("../../messages/en.ftl");

fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => FTL_ZH,
        Lang::En => FTL_EN,
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    // the files are part of the library, and the tests parse them: a syntax error is caught
    // before release, and here the entries that parse are kept
    let resource = FluentResource::try_new(source(lang).to_owned()).unwrap_or_else(|(partial, _)| partial);
    let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // no Unicode isolation marks around arguments: the texts go to tables, JSON and print
    b.set_use_isolating(false);
    let _ = b.add_resource(resource);
    b
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [bundle(Lang::ZhCn), bundle(Lang::En)])
}

fn of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    &bundles()[match lang {
        Lang::ZhCn => 0,
        Lang::En => 1,
    }]
}

/// A message whose pattern is text and variable references only (every message of the
/// catalogue so far), kept as its pieces.
enum Piece {
    Text(&'static str),
    Var(&'static str),
}

/// The simple messages of a language, as pieces, from the same files (fluent-syntax's parse).
/// Formatting through `FluentBundle` cost about 0.5 µs a message (FluentArgs, a `String` per
/// argument, the resolver): with a detail a record, the province's full hall-year evaluation went
/// from 0.84–0.98 s to 1.23–1.53 s (`target/release/province target/bench-data/province 3`). A
/// message with anything else (selectors, functions, terms, escapes) is left to the bundle.
fn simple(lang: Lang) -> Simple {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
    let mut out = Simple::default();
    let resource = match fluent_syntax::parser::parse(source(lang)) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    'messages: for entry in resource.body {
        let Entry::Message(m) = entry else { continue };
        let Some(value) = m.value else { continue };
        let mut pieces = Vec::with_capacity(value.elements.len());
        for e in value.elements {
            pieces.push(match e {
                PatternElement::TextElement { value } => Piece::Text(value),
                PatternElement::Placeable { expression: Expression::Inline(InlineExpression::VariableReference { id }) } => Piece::Var(id.name),
                PatternElement::Placeable { expression: Expression::Inline(InlineExpression::StringLiteral { value }) } if !value.contains('\\') => Piece::Text(value),
                _ => continue 'messages,
            });
        }
        let len = pieces.iter().map(|p| if let Piece::Text(t) = p { t.len() } else { 8 }).sum();
        out.insert(m.id.name, (pieces, len));
    }
    out
}

/// A language's simple messages by id, each with the length its text usually takes (a hash
/// table: the ids share long prefixes, `line-…`, `problem-…`, which a B-tree compares byte by
/// byte, 5 % of a full evaluation).
type Simple = crate::maps::FastMap<&'static str, (Vec<Piece>, usize)>;

fn simple_of(lang: Lang) -> &'static Simple {
    static SIMPLE: OnceLock<[Simple; 2]> = OnceLock::new();
    &SIMPLE.get_or_init(|| [simple(Lang::ZhCn), simple(Lang::En)])[match lang {
        Lang::ZhCn => 0,
        Lang::En => 1,
    }]
}

/// The message `id` in `lang` with its arguments (each already written as text). A message
/// missing from a language (the tests forbid it) falls back to English, then to its id.
pub fn text(lang: Lang, id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write;
    simple_text(lang, id, args, |out, v| {
        let _ = write!(out, "{v}");
    })
    .unwrap_or_else(|| text_by_bundle(lang, id, args))
}

/// [`text`] of a message whose arguments are all counts (an award standing's rank and quota):
/// each written by `itoa`, without `core::fmt`, which was half the time of such a message
/// (BENCHMARKS.md, the twenty-eighth round).
pub(crate) fn text_counts(lang: Lang, id: &str, args: &[(&str, u32)]) -> String {
    simple_text(lang, id, args, |out, v| out.push_str(itoa::Buffer::new().format(v))).unwrap_or_else(|| {
        let shown: Vec<(&str, &dyn std::fmt::Display)> = args.iter().map(|(n, v)| (*n, v as &dyn std::fmt::Display)).collect();
        text_by_bundle(lang, id, &shown)
    })
}

/// A simple message ([`simple`]) of `lang`, else of English, its arguments written by `put`;
/// `None` for a message that is not simple (or missing), which the bundle resolves.
fn simple_text<A: Copy>(lang: Lang, id: &str, args: &[(&str, A)], put: impl Fn(&mut String, A)) -> Option<String> {
    use std::fmt::Write;
    for l in [lang, Lang::En] {
        if let Some((pieces, len)) = simple_of(l).get(id) {
            let mut out = String::with_capacity(*len);
            for p in pieces {
                match p {
                    Piece::Text(t) => out.push_str(t),
                    Piece::Var(name) => match args.iter().find(|(n, _)| n == name) {
                        Some(&(_, v)) => put(&mut out, v),
                        // as Fluent writes a missing argument
                        None => {
                            let _ = write!(out, "{{${name}}}");
                        }
                    },
                }
            }
            return Some(out);
        }
        if of(l).has_message(id) {
            break;
        }
    }
    None
}

/// [`text`] through Fluent's own resolver.
fn text_by_bundle(lang: Lang, id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut fargs = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fargs.set(*name, FluentValue::String(Cow::Owned(value.to_string())));
    }
    for l in [lang, Lang::En] {
        let b = of(l);
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
        }
    }
    id.to_owned()
}

/// A window metric's name in `lang` (`metric-<key>` in the catalogue), or its key as the
/// dataset writes it when the catalogue has no name for it (a county's own metric).
pub fn metric_name(lang: Lang, key: &str) -> String {
    let id = format!("metric-{key}");
    if of(lang).has_message(&id) || of(Lang::En).has_message(&id) { text(lang, &id, &[]) } else { key.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;
    use std::collections::BTreeSet;

    fn ids_in(lang: Lang) -> BTreeSet<String> {
        let res = FluentResource::try_new(source(lang).to_owned()).unwrap_or_else(|(_, e)| panic!("{lang}: the catalogue does not parse: {e:?}"));
        res.entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_message_has_both_renderings_and_no_other_exists() {
        let listed: BTreeSet<String> = MESSAGES.iter().map(|(id, _)| id.to_string()).collect();
        for lang in Lang::ALL {
            let have = ids_in(lang);
            let missing: Vec<_> = listed.difference(&have).collect();
            let extra: Vec<_> = have.difference(&listed).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has messages the code does not list: {extra:?}");
        }
    }

    #[test]
    fn every_message_renders_its_arguments_without_error_in_both_languages() {
        for lang in Lang::ALL {
            let b = of(lang);
            for (id, names) in MESSAGES {
                let mut args = FluentArgs::new();
                for n in names.iter() {
                    args.set(*n, FluentValue::from(format!("<{n}>")));
                }
                let pattern = b.get_message(id).and_then(|m| m.value()).unwrap_or_else(|| panic!("{lang} {id}: no value"));
                let mut errors = Vec::new();
                let out = b.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang} {id}: {errors:?}");
                // each argument the code passes is used, and no other is asked for
                for n in names.iter() {
                    assert!(out.contains(&format!("<{n}>")), "{lang} {id} does not use ${n}: {out}");
                }
                // (Fluent writes an argument it is not given as `{$name}`; a literal brace, as in
                // `{"{"}`, is text)
                assert!(!out.contains("{$"), "{lang} {id} asks for an argument the code does not pass: {out}");
            }
        }
    }

    #[test]
    fn every_message_is_listed_and_written_once() {
        let mut ids: Vec<&str> = MESSAGES.iter().map(|(id, _)| *id).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "an id listed twice in MESSAGES");
        for (lang, source) in [("en", include_str!("../../messages/en.ftl")), ("zh-CN", include_str!("../../messages/zh-CN.ftl"))] {
            let mut defined: Vec<&str> = source.lines().filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase())).filter_map(|l| l.split(" =").next()).collect();
            defined.sort_unstable();
            let n = defined.len();
            defined.dedup();
            assert_eq!(defined.len(), n, "{lang}: a message written twice (Fluent keeps the first)");
        }
    }

    #[test]
    fn the_fast_path_writes_what_fluent_writes() {
        // every message, both languages, with and without its arguments
        for lang in Lang::ALL {
            for (id, names) in MESSAGES {
                assert!(simple_of(lang).contains_key(id), "{lang} {id} is not a simple message: it would be formatted by the bundle (fine, but slower); list it here if meant");
                let values: Vec<String> = names.iter().map(|n| format!("<{n}>")).collect();
                let args: Vec<(&str, &dyn std::fmt::Display)> = names.iter().zip(&values).map(|(n, v)| (*n, v as &dyn std::fmt::Display)).collect();
                assert_eq!(text(lang, id, &args), text_by_bundle(lang, id, &args), "{lang} {id}");
                assert_eq!(text(lang, id, &[]), text_by_bundle(lang, id, &[]), "{lang} {id} without arguments");
            }
        }
    }

    #[test]
    fn texts_in_each_language() {
        // reason and outcome words as a clerk reads them, and as the English API wrote them before
        assert_eq!(text(Lang::En, "outcome-counted", &[("points", &"2")]), "counted: 2 point(s)");
        assert_eq!(text(Lang::ZhCn, "outcome-counted", &[("points", &"2")]), "计分: 2 分");
        assert_eq!(text(Lang::ZhCn, "reason-year-cap", &[]), "达到本项年度上限");
        assert_eq!(text(Lang::En, "award-quota-filled", &[("rank", &4), ("quota", &3)]), "rank 4: quota of 3 filled");
        assert_eq!(text(Lang::ZhCn, "award-quota-filled", &[("rank", &4), ("quota", &3)]), "排名第 4: 3 个名额已满");
        assert_eq!(text(Lang::En, "no-such-message", &[]), "no-such-message");
    }

    #[test]
    fn counts_are_written_as_any_argument_is() {
        // every message, both languages, its arguments as counts (0, one digit, several, the
        // largest), and none: the same text as `text` writes
        for lang in Lang::ALL {
            for (id, names) in MESSAGES {
                for n in [0u32, 7, 1234, u32::MAX] {
                    let counts: Vec<(&str, u32)> = names.iter().map(|name| (*name, n)).collect();
                    let shown: Vec<(&str, &dyn std::fmt::Display)> = counts.iter().map(|(name, v)| (*name, v as &dyn std::fmt::Display)).collect();
                    assert_eq!(text_counts(lang, id, &counts), text(lang, id, &shown), "{lang} {id} {n}");
                }
                assert_eq!(text_counts(lang, id, &[]), text(lang, id, &[]), "{lang} {id} without arguments");
            }
        }
        assert_eq!(text_counts(Lang::ZhCn, "award-quota-filled", &[("rank", 4), ("quota", 3)]), "排名第 4: 3 个名额已满");
        assert_eq!(text_counts(Lang::En, "no-such-message", &[("rank", 4)]), "no-such-message");
    }

    #[test]
    fn languages_by_tag() {
        assert_eq!("zh-CN".parse::<Lang>(), Ok(Lang::ZhCn));
        assert_eq!("zh".parse::<Lang>(), Ok(Lang::ZhCn));
        assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
        assert!("fr".parse::<Lang>().is_err());
        assert_eq!(Lang::ZhCn.to_string(), "zh-CN");
    }
}
