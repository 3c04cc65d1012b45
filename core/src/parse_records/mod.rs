//! A dataset's records, and its metrics, read straight from the document's text: the parse
//! step's fast path.
//!
//! Written by hand because the benchmark shows the crates are the bottleneck (issue 19's target,
//! parse + validate ≥ 400 MB/s): reading the province's records through serde's derive and
//! sonic-rs took about 245 ns a record, 2,700 instructions, three quarters of parse + validate
//! (BENCHMARKS.md, the nineteenth round, has the numbers before and after); and a window-month's
//! figures through them about 6,000 instructions, 13 % of the county's parse for 5 % of its
//! text (the twenty-third round). Here the document's top-level fields are walked once, the two
//! lists read where they stand; sonic-rs reads the rest of the document (the roster, the
//! targets) from a copy with an empty list in their places. (Letting sonic-rs find the records'
//! end first, by its checked skip, cost as much as the reading saved.)
//!
//! It reads the common shape itself, and only what JSON and the format both accept: each record
//! or window-month an object of the format's fields, each named without escapes and given once;
//! strings without escapes or control characters; counts, minutes and cases as plain whole
//! numbers; decimals as plain numbers or strings of digits; levels and statuses by name; `true`
//! or `false`. A record or window-month of any other shape (an escape, a `null`, a decimal with
//! an exponent, a window-month's ratings, …) is read on its own by serde and sonic-rs, as the
//! other path reads each; and where that refuses it, or the document is not an object with its
//! records at the top level, the document is read by serde as before, which takes it or gives
//! every problem its place. So a list read here is the list serde reads, field for field (`tests`
//! below; `core/tests/parsers_agree.rs` and the fuzz target `dataset_json` for whole documents).

use crate::dataset::{Dataset, Figures, Id, Level, RecordFields, Status, WindowMetrics};
use crate::month::YearMonth;
use crate::records::{Adding, Records};

/// The dataset in `text` (a JSON object, as `Dataset::from_json` has checked), its records (and
/// its metrics, where they are in the shape read here) read here: `None` when the document's
/// records are not at its top level in the shape read here, or anything else is wrong with it
/// (the caller then reads it as before, and finds what).
///
/// The lists are read where they stand; the rest of the document (the roster, the targets: a
/// few per cent of it) is read by sonic-rs from a copy with an empty list in their places, so
/// every other field is read exactly as before, and a field given twice, an unknown one or any
/// fault outside the lists still stops this path.
pub(crate) fn dataset(text: &str) -> Option<Dataset> {
    let b = text.as_bytes();
    // the lists read here: where each stands in the text, and what it holds
    let mut records: Option<(usize, usize, Records)> = None;
    let mut metrics: Option<(usize, usize, Vec<WindowMetrics>)> = None;
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    // the document's fields, in order (a field given twice stays in the copy, where sonic-rs
    // refuses it); values of other fields are skipped here, not checked: sonic-rs reads them
    // afterwards (a string is skipped to its closing quote, escapes and all, so a `"records"`
    // inside a string or a nested value is never taken for a field)
    loop {
        i = skip_ws(b, i);
        let key_start = i + 1;
        i = skip_string(b, i)?;
        let key = &b[key_start..i - 1];
        i = skip_ws(b, i);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        if key == b"records" && records.is_none() {
            let hint = crate::records::RECORDS_HINT.get();
            let (list, len) = read(&text[i..], crate::limits::MAX_RECORDS, hint)?;
            records = Some((i, i + len, list));
            i += len;
        } else if key == b"metrics"
            && metrics.is_none()
            && let Some((list, len)) = read_metrics(&text[i..])
        {
            metrics = Some((i, i + len, list));
            i += len;
        } else {
            i = skip_value(b, i)?;
        }
        i = skip_ws(b, i);
        match b.get(i) {
            Some(b',') => i += 1,
            Some(b'}') => break,
            _ => return None,
        }
    }
    let (records_at, records_end, records) = records?;
    let mut spans = vec![(records_at, records_end)];
    spans.extend(metrics.as_ref().map(|(at, end, _)| (*at, *end)));
    spans.sort_unstable();
    let mut rest = String::with_capacity(text.len() - spans.iter().map(|(a, e)| e - a).sum::<usize>() + 4);
    let mut from = 0;
    for (at, end) in spans {
        rest.push_str(&text[from..at]);
        rest.push_str("[]");
        from = end;
    }
    rest.push_str(&text[from..]);
    crate::records::RECORDS_HINT.set(0);
    let mut ds: Dataset = sonic_rs::from_str(&rest).ok()?;
    ds.records = records;
    if let Some((_, _, list)) = metrics {
        ds.metrics = list;
    }
    Some(ds)
}

#[inline(always)]
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    // (most documents have no space between a record's tokens: one comparison finds that)
    if b.get(i).is_some_and(|&c| c > b' ') {
        return i;
    }
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = b.get(i) {
        i += 1;
    }
    i
}

/// Past the string that begins at `i` (its opening quote), escapes included.
fn skip_string(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let mut i = i + 1;
    loop {
        i += memchr::memchr2(b'"', b'\\', b.get(i..)?)?;
        if b[i] == b'"' {
            return Some(i + 1);
        }
        // a backslash and the character it escapes
        i += 2;
    }
}

/// Past the value that begins at `i`: a string, an object or a list (to its matching close,
/// strings skipped whole), or a number or literal (to the next delimiter).
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = i;
            loop {
                match b.get(i)? {
                    b'"' => {
                        i = skip_string(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let mut i = i;
            while !matches!(b.get(i)?, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                i += 1;
            }
            Some(i)
        }
    }
}

/// The list at the start of `text` (a JSON array of records) and its length in bytes, or `None`
/// where it holds anything this does not read, or more than `limit` records. `hint` sizes the
/// list (see `RECORDS_HINT`).
pub(crate) fn read(text: &str, limit: usize, hint: usize) -> Option<(Records, usize)> {
    let mut c = Cursor::new(text);
    let mut list = Records::with_capacity(hint.min(limit));
    let mut out = list.adding();
    c.eat(b'[')?;
    c.ws();
    if c.peek()? == b']' {
        c.i += 1;
    } else {
        loop {
            let at = c.i;
            if c.record(&mut out).is_none() {
                c.i = other_shape(text, at, &mut out)?;
            }
            if out.len() > limit {
                return None;
            }
            c.ws();
            match c.next()? {
                b',' => c.ws(),
                b']' => break,
                _ => return None,
            }
        }
    }
    list.shrink_to_fit();
    Some((list, c.i))
}

/// A record of another shape than `Cursor::record` reads (escapes, a null, a decimal with an
/// exponent, …), at `at`: read on its own by serde and sonic-rs, as the document's other path
/// reads each record. Where it ends, or `None` when it is not a record.
#[cold]
#[inline(never)]
fn other_shape(text: &str, at: usize, out: &mut Adding<'_>) -> Option<usize> {
    let end = skip_value(text.as_bytes(), at)?;
    out.push_json(text.get(at..end)?)?;
    Some(end)
}

/// The metrics list at the start of `text` (a JSON array of window-months) and its length in
/// bytes, or `None` where it holds anything this does not read. A window-month of another shape
/// than `Cursor::metrics` reads (escapes, ratings, a null, …) is read on its own by sonic-rs, as
/// records of other shapes are.
pub(crate) fn read_metrics(text: &str) -> Option<(Vec<WindowMetrics>, usize)> {
    let mut c = Cursor::new(text);
    let mut out = Vec::new();
    c.eat(b'[')?;
    c.ws();
    if c.peek()? == b']' {
        c.i += 1;
    } else {
        loop {
            let at = c.i;
            match c.metrics() {
                Some(m) => out.push(m),
                None => {
                    let end = skip_value(text.as_bytes(), at)?;
                    out.push(sonic_rs::from_str(text.get(at..end)?).ok()?);
                    c.i = end;
                }
            }
            c.ws();
            match c.next()? {
                b',' => c.ws(),
                b']' => break,
                _ => return None,
            }
        }
    }
    Some((out, c.i))
}

struct Cursor<'a> {
    b: &'a [u8],
    s: &'a str,
    i: usize,
    /// the last date read, as written and as read: records come mostly in date order, so most
    /// records repeat the one before's date (and chrono's `from_ymd_opt` is not read again)
    last_date: Option<([u8; 12], chrono::NaiveDate)>,
}

// the fields, one bit each, to refuse one given twice
const ID: u16 = 1;
const RULE: u16 = 1 << 1;
const SUBJECT: u16 = 1 << 2;
const DATE: u16 = 1 << 3;
const COUNT: u16 = 1 << 4;
const MINUTES: u16 = 1 << 5;
const POINTS: u16 = 1 << 6;
const UNITS: u16 = 1 << 7;
const LEVEL: u16 = 1 << 8;
const KEY: u16 = 1 << 9;
const AGGRAVATED: u16 = 1 << 10;
const STATUS: u16 = 1 << 11;
const EVIDENCE: u16 = 1 << 12;
const NOTE: u16 = 1 << 13;

// a window-month's fields, one bit each
const WINDOW: u16 = 1;
const MONTH: u16 = 1 << 1;
const CASES: u16 = 1 << 2;
const RATES: u16 = 1 << 3;
const VALUES: u16 = 1 << 4;

/// How many bytes `b` starts with before its first `"`, `\` or control character (`None` if it has
/// none), eight bytes at a time.
///
/// Hand-written (SWAR) because the crates' searches do not fit: the strings here are mostly ids and
/// codes of a few bytes and notes of a few dozen, shorter than a SIMD search's setup (`memchr2`
/// for the quote and the backslash, then a check for control characters, cost 11 % more
/// instructions on the county), and a byte at a time spent about 300 instructions a record
/// (BENCHMARKS.md, the twentieth round, has the numbers).
fn plain_len(b: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(&chunk) = b.get(i..).and_then(|rest| rest.first_chunk::<8>()) {
        let x = u64::from_le_bytes(chunk);
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        // a byte's high bit is set here if the byte is zero in `quote` or `backslash`, or below
        // 0x20 in `x`; a borrow can set it in bytes above such a byte, never below the first one,
        // so the lowest set bit is exact
        let found = ((quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (x.wrapping_sub(ONES * 0x20) & !x))
            & HIGH;
        if found != 0 {
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    let tail = b.get(i..)?;
    tail.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20).map(|p| i + p)
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Cursor<'a> {
        Cursor { b: s.as_bytes(), s, i: 0, last_date: None }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.i += 1;
        Some(b)
    }

    fn eat(&mut self, want: u8) -> Option<()> {
        (self.next()? == want).then_some(())
    }

    /// JSON's whitespace: space, tab, line feed, carriage return.
    fn ws(&mut self) {
        self.i = skip_ws(self.b, self.i);
    }

    /// A string without escapes or control characters, as the document's own text.
    #[inline(always)]
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.i;
        self.i += plain_len(self.b.get(start..)?)?;
        // a backslash or a control character (JSON allows neither raw) ends the reading here: the
        // record is then read by sonic-rs (`other_shape`)
        self.eat(b'"')?;
        // the quotes are ASCII, so the text between them is whole characters
        self.s.get(start..self.i - 1)
    }

    /// A field's name, as `known` names it (from the text at the name, its bit and its length
    /// with the closing quote): one of the format's, written without escapes.
    #[inline(always)]
    fn name<T>(&mut self, known: impl FnOnce(&[u8]) -> Option<(T, usize)>) -> Option<T> {
        self.eat(b'"')?;
        let (bit, len) = known(self.b.get(self.i..)?)?;
        self.i += len;
        Some(bit)
    }

    /// The fields of one object, each once, in any order: `field` reads a name as its bit (`None`
    /// for a name the format does not know) and `value` reads the value after it. A name given
    /// twice, or anything but `,` or `}` after a value, ends the reading (`None`).
    #[inline(always)]
    fn object(
        &mut self,
        field: impl Fn(&mut Self) -> Option<u16>,
        mut value: impl FnMut(&mut Self, u16) -> Option<()>,
    ) -> Option<()> {
        self.eat(b'{')?;
        let mut seen = 0u16;
        loop {
            self.ws();
            let bit = field(self)?;
            self.ws();
            self.eat(b':')?;
            self.ws();
            value(self, bit)?;
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            self.ws();
            match self.next()? {
                b',' => {}
                b'}' => return Some(()),
                _ => return None,
            }
        }
    }

    /// A record's field name, as its bit.
    fn field(&mut self) -> Option<u16> {
        // (each name compared as a literal, which compiles to a few integer comparisons)
        self.name(|rest| {
            Some(match *rest.first()? {
                b'i' if rest.starts_with(b"id\"") => (ID, 3),
                b'r' if rest.starts_with(b"rule\"") => (RULE, 5),
                b's' if rest.starts_with(b"subject\"") => (SUBJECT, 8),
                b's' if rest.starts_with(b"status\"") => (STATUS, 7),
                b'd' if rest.starts_with(b"date\"") => (DATE, 5),
                b'c' if rest.starts_with(b"count\"") => (COUNT, 6),
                b'm' if rest.starts_with(b"minutes\"") => (MINUTES, 8),
                b'p' if rest.starts_with(b"points\"") => (POINTS, 7),
                b'u' if rest.starts_with(b"units\"") => (UNITS, 6),
                b'l' if rest.starts_with(b"level\"") => (LEVEL, 6),
                b'k' if rest.starts_with(b"key\"") => (KEY, 4),
                b'a' if rest.starts_with(b"aggravated\"") => (AGGRAVATED, 11),
                b'e' if rest.starts_with(b"evidence\"") => (EVIDENCE, 9),
                b'n' if rest.starts_with(b"note\"") => (NOTE, 5),
                _ => return None,
            })
        })
    }

    /// A date, `"YYYY-MM-DD"` naming a day (as `month::deserialize_date` reads one).
    fn date(&mut self) -> Option<chrono::NaiveDate> {
        let quoted: [u8; 12] = *self.b.get(self.i..)?.first_chunk()?;
        let date = match self.last_date {
            Some((text, date)) if text == quoted => date,
            _ => {
                if quoted[0] != b'"' || quoted[11] != b'"' {
                    return None;
                }
                let date = crate::month::iso_date(self.s.get(self.i + 1..self.i + 11)?)?;
                self.last_date = Some((quoted, date));
                date
            }
        };
        self.i += 12;
        Some(date)
    }

    /// The digits of a JSON number with no exponent, `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, as text.
    fn plain_number(&mut self, sign: bool, fraction: bool) -> Option<&'a str> {
        let start = self.i;
        if sign && self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.next()? {
            b'0' => {}
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if fraction && self.peek() == Some(b'.') {
            self.i += 1;
            let at = self.i;
            self.digits();
            if self.i == at {
                return None;
            }
        }
        // an exponent, a fraction where none is taken, or more digits after a leading zero
        if matches!(self.peek(), Some(b'.' | b'e' | b'E' | b'0'..=b'9')) {
            return None;
        }
        self.s.get(start..self.i)
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
    }

    /// A whole number for a `u32` field (count, minutes).
    fn whole(&mut self) -> Option<u32> {
        self.plain_number(false, false)?.parse().ok()
    }

    /// A decimal (points, units): a plain number, or a string of one; read exactly, as
    /// `decimal::exact` reads it.
    fn decimal(&mut self) -> Option<rust_decimal::Decimal> {
        let text = if self.peek()? == b'"' {
            let s = self.string()?;
            let mut inner = Cursor::new(s);
            let n = inner.plain_number(true, true)?;
            (n.len() == s.len()).then_some(n)?
        } else {
            self.plain_number(true, true)?
        };
        crate::decimal::parse_exact(text).ok()
    }

    fn boolean(&mut self) -> Option<bool> {
        let rest = self.b.get(self.i..)?;
        let (value, len) = if rest.starts_with(b"true") {
            (true, 4)
        } else if rest.starts_with(b"false") {
            (false, 5)
        } else {
            return None;
        };
        self.i += len;
        Some(value)
    }

    /// A window-month's field name, as its bit: one of the format's, written without escapes
    /// (`ratings` is read by sonic-rs, with the window-month).
    fn metrics_field(&mut self) -> Option<u16> {
        self.name(|rest| {
            Some(match *rest.first()? {
                b'w' if rest.starts_with(b"window\"") => (WINDOW, 7),
                b'm' if rest.starts_with(b"month\"") => (MONTH, 6),
                b'c' if rest.starts_with(b"cases\"") => (CASES, 6),
                b'r' if rest.starts_with(b"rates\"") => (RATES, 6),
                b'v' if rest.starts_with(b"values\"") => (VALUES, 7),
                _ => return None,
            })
        })
    }

    /// One window-month's figures ([`WindowMetrics`]).
    fn metrics(&mut self) -> Option<WindowMetrics> {
        let (mut window, mut month, mut cases) = (None, None, None);
        let (mut rates, mut values) = (Figures::new(), Figures::new());
        self.object(Cursor::metrics_field, |c, bit| {
            match bit {
                WINDOW => window = Some(c.string()?),
                MONTH => month = Some(c.string()?.parse::<YearMonth>().ok()?),
                CASES => cases = Some(c.plain_number(false, false)?.parse::<u64>().ok()?),
                RATES => rates = c.figures()?,
                _ => values = c.figures()?,
            }
            Some(())
        })?;
        Some(WindowMetrics { window: window?.to_owned(), month: month?, cases, rates, ratings: None, values })
    }

    /// Named decimals (a window-month's `rates` or `values`), as `dataset::exact_figures` reads them.
    fn figures(&mut self) -> Option<Figures> {
        self.eat(b'{')?;
        self.ws();
        let mut pairs = Vec::with_capacity(4);
        if self.peek()? == b'}' {
            self.i += 1;
        } else {
            loop {
                let name = self.string()?;
                self.ws();
                self.eat(b':')?;
                self.ws();
                pairs.push((Id::from(name), self.decimal()?));
                self.ws();
                match self.next()? {
                    b',' => self.ws(),
                    b'}' => break,
                    _ => return None,
                }
            }
        }
        Some(crate::dataset::figures(pairs))
    }

    /// One record, added to `out`.
    fn record(&mut self, out: &mut Adding<'_>) -> Option<()> {
        let (mut id, mut rule, mut subject, mut date) = (None, None, None, None);
        let mut f = Optional::default();
        self.object(Cursor::field, |c, bit| {
            match bit {
                ID => id = Some(c.string()?),
                RULE => rule = Some(c.string()?),
                SUBJECT => subject = Some(c.string()?),
                DATE => date = Some(c.date()?),
                COUNT => f.count = c.whole()?,
                MINUTES => f.minutes = Some(c.whole()?),
                POINTS => f.points = Some(c.decimal()?),
                UNITS => f.units = Some(c.decimal()?),
                LEVEL => {
                    f.level = Some(match c.string()? {
                        "county" => Level::County,
                        "city" => Level::City,
                        "province" => Level::Province,
                        "national" => Level::National,
                        _ => return None,
                    })
                }
                KEY => f.key = Some(c.string()?),
                AGGRAVATED => f.aggravated = c.boolean()?,
                STATUS => {
                    f.status = match c.string()? {
                        "confirmed" => Status::Confirmed,
                        "pending" => Status::Pending,
                        "revoked" => Status::Revoked,
                        _ => return None,
                    }
                }
                EVIDENCE => f.evidence = Some(c.string()?),
                _ => f.note = Some(c.string()?),
            }
            Some(())
        })?;
        out.push_fields(RecordFields {
            id: id?,
            rule: rule?,
            subject: subject?,
            date: date?,
            count: f.count,
            minutes: f.minutes,
            points: f.points,
            units: f.units,
            level: f.level,
            key: f.key,
            aggravated: f.aggravated,
            status: f.status,
            evidence: f.evidence,
            note: f.note,
        });
        Some(())
    }
}

/// A record's fields that may be left out, at their defaults (as `RecordFields` defaults them).
struct Optional<'a> {
    count: u32,
    minutes: Option<u32>,
    points: Option<rust_decimal::Decimal>,
    units: Option<rust_decimal::Decimal>,
    level: Option<Level>,
    key: Option<&'a str>,
    aggravated: bool,
    status: Status,
    evidence: Option<&'a str>,
    note: Option<&'a str>,
}

impl Default for Optional<'_> {
    fn default() -> Self {
        Optional { count: 1, minutes: None, points: None, units: None, level: None, key: None, aggravated: false, status: Status::default(), evidence: None, note: None }
    }
}

#[cfg(test)]
mod tests;
