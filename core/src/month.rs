//! Calendar helpers: a month of a year (`2026-10`), date ranges, and the periods a measure scores
//! (a month, a quarter `2026-Q3` or a year `2026`).

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar month, written `YYYY-MM` in JSON (`"2026-10"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> Option<Self> {
        if (1..=12).contains(&month) && (1..=9999).contains(&year) {
            Some(Self { year, month })
        } else {
            None
        }
    }

    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("valid month")
    }

    pub fn last_day(self) -> NaiveDate {
        let (y, m) = if self.month == 12 {
            (self.year + 1, 1)
        } else {
            (self.year, self.month + 1)
        };
        NaiveDate::from_ymd_opt(y, m, 1)
            .expect("valid month")
            .pred_opt()
            .expect("has a previous day")
    }

    pub fn days(self) -> u32 {
        self.last_day().day()
    }

    /// The quarter (1–4) the month belongs to.
    pub fn quarter(self) -> u32 {
        (self.month - 1) / 3 + 1
    }

    pub fn months_of_year(year: i32) -> impl Iterator<Item = YearMonth> {
        (1..=12).map(move |month| YearMonth { year, month })
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl crate::text::Piece for YearMonth {
    /// The same text as its `Display`.
    fn push_to(&self, out: &mut String) {
        if (0..=9999).contains(&self.year) && (1..=99).contains(&self.month) {
            let (y, m) = (self.year as u32, self.month);
            let b = [
                b'0' + (y / 1000) as u8,
                b'0' + (y / 100 % 10) as u8,
                b'0' + (y / 10 % 10) as u8,
                b'0' + (y % 10) as u8,
                b'-',
                b'0' + (m / 10) as u8,
                b'0' + (m % 10) as u8,
            ];
            out.push_str(std::str::from_utf8(&b).expect("ASCII digits"));
        } else {
            use std::fmt::Write;
            let _ = write!(out, "{self}");
        }
    }
}

impl FromStr for YearMonth {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("expected a month written YYYY-MM (like 2026-10), got {s:?}");
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        YearMonth::new(year, month).ok_or_else(bad)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for YearMonth {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "YearMonth".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$",
            "description": "A calendar month, YYYY-MM."
        })
    }
}

/// Number of days of `[from, to]` (inclusive, `to` open-ended when `None`) that fall in `month`.
pub fn days_in_month(from: Option<NaiveDate>, to: Option<NaiveDate>, month: YearMonth) -> u32 {
    Days::within(from, to, month).len()
}

/// A run of consecutive days, `first` to `last` inclusive; empty when `first > last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Days {
    /// The days of `month` within `from`–`to` (either end open when `None`).
    pub fn within(from: Option<NaiveDate>, to: Option<NaiveDate>, month: YearMonth) -> Days {
        Days::of(month).clip(from, to)
    }
    /// The days of `month` on which a window is open: one range, from its opening (or the
    /// month's first day) to its closing (or the month's last); none for no window (one not on
    /// the roster).
    pub(crate) fn of_window(window: Option<&crate::dataset::Window>, month: YearMonth) -> Days {
        match window {
            Some(w) => Days::within(w.opened, w.closed, month),
            None => Days { first: month.last_day(), last: month.first_day() },
        }
    }
    /// Every day of `month`.
    pub fn of(month: YearMonth) -> Days {
        Days { first: month.first_day(), last: month.last_day() }
    }
    /// These days within `from`–`to` (either end open when `None`).
    pub fn clip(self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Days {
        Days { first: from.map_or(self.first, |f| f.max(self.first)), last: to.map_or(self.last, |t| t.min(self.last)) }
    }
    /// How many days.
    pub fn len(&self) -> u32 {
        if self.last < self.first { 0 } else { (self.last - self.first).num_days() as u32 + 1 }
    }
    pub fn is_empty(&self) -> bool {
        self.last < self.first
    }
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.first <= date && date <= self.last
    }
    /// Each day, in order.
    pub fn iter(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let last = self.last;
        self.first.iter_days().take_while(move |d| *d <= last)
    }
    /// How many of these days fall within `from`–`to` (either end open when `None`).
    pub fn overlap(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> u32 {
        Days { first: from.map_or(self.first, |f| f.max(self.first)), last: to.map_or(self.last, |t| t.min(self.last)) }.len()
    }
}

/// A date as a day number (days from the common era's first day), for counting days by
/// subtraction.
pub(crate) fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

/// Whether `date` lies in `[from, to]` (bounds optional, inclusive).
/// A date as the schema writes it, `YYYY-MM-DD` (four, two and two ASCII digits) naming a real
/// day, and nothing else: chrono would also take `2026-3-9` and `+2026-03-09`, which the
/// published schema excludes. A value that is not one says what it is and the form expected.
pub(crate) fn deserialize_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DateVisitor)
}

/// An optional date, read as [`deserialize_date`] reads one.
pub(crate) fn deserialize_date_opt<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    struct Date(NaiveDate);
    impl<'de> serde::Deserialize<'de> for Date {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
            deserialize_date(d).map(Date)
        }
    }
    Ok(<Option<Date> as serde::Deserialize>::deserialize(d)?.map(|d| d.0))
}

struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = NaiveDate;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a date written YYYY-MM-DD (\"2026-10-09\")")
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<NaiveDate, E> {
        if let Some(d) = iso_date(s) {
            return Ok(d);
        }
        let shown = match s.char_indices().nth(40) {
            None => format!("{s:?}"),
            Some((cut, _)) => format!("{:?}… ({} characters)", &s[..cut], s.chars().count()),
        };
        let digits = |r: std::ops::Range<usize>| s.as_bytes().get(r).is_some_and(|b| b.iter().all(u8::is_ascii_digit));
        let shaped = s.len() == 10 && digits(0..4) && digits(5..7) && digits(8..10) && &s[4..5] == "-" && &s[7..8] == "-";
        Err(E::custom(if shaped {
            format!("{shown} is not a day of the calendar (a date is written YYYY-MM-DD)")
        } else {
            format!("{shown} is not a date written YYYY-MM-DD (\"2026-10-09\")")
        }))
    }
}

/// `YYYY-MM-DD` with four, two and two ASCII digits, when it names a real day.
pub(crate) fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digit = |i: usize| -> Option<u32> {
        let d = b[i].wrapping_sub(b'0');
        (d < 10).then_some(u32::from(d))
    };
    let year = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
    NaiveDate::from_ymd_opt(year as i32, digit(5)? * 10 + digit(6)?, digit(8)? * 10 + digit(9)?)
}

/// Serialises a date as chrono does (`"2026-10-08"`), writing the digits itself for years 0–9999
/// (chrono goes through its `Debug` formatter; `#[serde(serialize_with)]` on the results' dates).
pub(crate) fn ser_date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    let y = d.year();
    if !(0..=9999).contains(&y) {
        return Serialize::serialize(d, s);
    }
    let (y, m, day) = (y as u32, d.month(), d.day());
    let digit = |n: u32| b'0' + n as u8;
    let b = [digit(y / 1000), digit(y / 100 % 10), digit(y / 10 % 10), digit(y % 10), b'-', digit(m / 10), digit(m % 10), b'-', digit(day / 10), digit(day % 10)];
    s.serialize_str(std::str::from_utf8(&b).expect("ASCII digits"))
}

pub fn covers(from: Option<NaiveDate>, to: Option<NaiveDate>, date: NaiveDate) -> bool {
    from.is_none_or(|f| f <= date) && to.is_none_or(|t| date <= t)
}

/// Periods an eligibility loss can cover.
#[derive(
    Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
}

/// A month (`2026-10`), a quarter (`2026-Q3`) or a year (`2026`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Month(YearMonth),
    Quarter { year: i32, quarter: u32 },
    Year(i32),
}

impl Period {
    pub fn year(self) -> i32 {
        match self {
            Period::Month(m) => m.year,
            Period::Quarter { year, .. } | Period::Year(year) => year,
        }
    }
    pub fn kind(self) -> PeriodKind {
        match self {
            Period::Month(_) => PeriodKind::Month,
            Period::Quarter { .. } => PeriodKind::Quarter,
            Period::Year(_) => PeriodKind::Year,
        }
    }
    pub fn months(self) -> Vec<YearMonth> {
        match self {
            Period::Month(m) => vec![m],
            Period::Quarter { year, quarter } => (1..=3)
                .map(|i| YearMonth {
                    year,
                    month: (quarter - 1) * 3 + i,
                })
                .collect(),
            Period::Year(year) => YearMonth::months_of_year(year).collect(),
        }
    }
    pub fn contains(self, m: YearMonth) -> bool {
        self.months().contains(&m)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Month(m) => write!(f, "{m}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Period::Year(y) => write!(f, "{y:04}"),
        }
    }
}

impl FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || {
            format!(
                "expected a period: a month 2026-10, a quarter 2026-Q3 or a year 2026; got {s:?}"
            )
        };
        if s.len() == 4 {
            let y: i32 = s.parse().map_err(|_| bad())?;
            return if (1..=9999).contains(&y) {
                Ok(Period::Year(y))
            } else {
                Err(bad())
            };
        }
        if let Some((y, q)) = s.split_once("-Q").or_else(|| s.split_once("-q")) {
            let year: i32 = y.parse().map_err(|_| bad())?;
            let quarter: u32 = q.parse().map_err(|_| bad())?;
            if y.len() == 4 && (1..=4).contains(&quarter) {
                return Ok(Period::Quarter { year, quarter });
            }
            return Err(bad());
        }
        s.parse::<YearMonth>().map(Period::Month).map_err(|_| bad())
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$",
            "description": "A month YYYY-MM, a quarter YYYY-Qn or a year YYYY."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_as_a_piece_of_text_is_its_display() {
        for (year, month) in [(2026, 10), (2026, 1), (1, 12), (999, 5), (9999, 12), (0, 3), (-5, 7), (12345, 1), (2026, 123)] {
            let m = YearMonth { year, month };
            let mut s = String::from(">");
            crate::text::Piece::push_to(&m, &mut s);
            assert_eq!(s, format!(">{m}"), "{year}-{month}");
        }
    }

    #[test]
    fn days_within_a_month() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let feb = YearMonth { year: 2026, month: 2 };
        // open at both ends: the whole month, 28 days in February 2026
        assert_eq!(Days::within(None, None, feb).len(), 28);
        // 2026-02-10 to 2026-03-05 → 10 … 28 February: 19 days
        let part = Days::within(Some(d("2026-02-10")), Some(d("2026-03-05")), feb);
        assert_eq!((part.first, part.last, part.len()), (d("2026-02-10"), d("2026-02-28"), 19));
        assert_eq!(part.iter().count(), 19);
        assert!(part.contains(d("2026-02-10")) && !part.contains(d("2026-02-09")));
        // a term ending before the month: no days, and nothing to iterate
        let none = Days::within(None, Some(d("2026-01-31")), feb);
        assert_eq!(none.len(), 0);
        assert!(none.is_empty() && none.iter().next().is_none());
        // 2026-02-20 onwards overlaps 10–28 February on 20 … 28: 9 days
        assert_eq!(part.overlap(Some(d("2026-02-20")), None), 9);
        assert_eq!(days_in_month(Some(d("2026-02-27")), None, feb), 2);
        // the month's days made once, then clipped (as a month clips each assignment): February
        // 2024 has 29 days; clipped to 2024-02-15 … (open): 15 … 29 February, 15 days; clipped
        // again to … 2024-02-20: 15 … 20 February, 6 days
        let leap = Days::of(YearMonth { year: 2024, month: 2 });
        assert_eq!((leap.first, leap.last, leap.len()), (d("2024-02-01"), d("2024-02-29"), 29));
        let from_15th = leap.clip(Some(d("2024-02-15")), None);
        assert_eq!(from_15th.len(), 15);
        assert_eq!(from_15th.clip(None, Some(d("2024-02-20"))).len(), 6);
        // an assignment ending the day before the month: nothing left
        assert!(leap.clip(Some(d("2023-12-01")), Some(d("2024-01-31"))).is_empty());
    }

    #[test]
    fn dates_serialise_as_chrono_serialises_them() {
        #[derive(Serialize)]
        struct D(#[serde(serialize_with = "ser_date")] NaiveDate);
        let mut days: Vec<NaiveDate> = ["2026-01-04", "2026-12-31", "2024-02-29", "0001-01-01", "9999-12-31", "0000-01-01"].iter().map(|s| s.parse().unwrap()).collect();
        // outside the fast path's years: chrono's own text (+10000-01-01, -0001-12-31)
        days.extend([NaiveDate::from_ymd_opt(10000, 1, 1).unwrap(), NaiveDate::from_ymd_opt(-1, 12, 31).unwrap()]);
        let mut d = NaiveDate::from_ymd_opt(2023, 12, 25).unwrap();
        for _ in 0..800 {
            days.push(d);
            d = d.succ_opt().unwrap();
        }
        for d in days {
            assert_eq!(serde_json::to_string(&D(d)).unwrap(), serde_json::to_string(&d).unwrap(), "{d}");
        }
    }

    #[test]
    fn iso_dates_read_as_chrono_reads_them() {
        for s in ["2026-01-04", "2026-12-31", "2024-02-29", "0001-01-01", "9999-12-31"] {
            assert_eq!(iso_date(s), s.parse().ok(), "{s}");
        }
        // not the fast path's shape, or not a day: left to chrono
        for s in ["2026-02-30", "2026-13-01", "2026-1-04", "+2026-01-04", " 2026-01-04", "2026-01-04 ", "2026/01/04", "２０２６-01-04", "2026-0a-04"] {
            assert_eq!(iso_date(s), None, "{s}");
        }
        let de = |s: &str| deserialize_date(serde_json::Value::String(s.into())).map_err(|e| e.to_string());
        assert_eq!(de("2026-10-05"), Ok(NaiveDate::from_ymd_opt(2026, 10, 5).unwrap()));
        // only the schema's form (issue 20): chrono's other forms are refused, saying why
        assert_eq!(de("2026-02-30"), Err("\"2026-02-30\" is not a day of the calendar (a date is written YYYY-MM-DD)".into()));
        for s in ["2026-3-9", "+2026-03-09", " 2026-03-09", "2026/10/09", "x", ""] {
            assert_eq!(de(s), Err(format!("{s:?} is not a date written YYYY-MM-DD (\"2026-10-09\")")), "{s}");
        }
        let n = deserialize_date(&mut serde_json::Deserializer::from_str("5")).map_err(|e| e.to_string());
        assert_eq!(n, Err("invalid type: integer `5`, expected a date written YYYY-MM-DD (\"2026-10-09\") at line 1 column 1".into()));
    }

    #[test]
    fn parse_and_days() {
        let m: YearMonth = "2026-09".parse().unwrap();
        assert_eq!(m.days(), 30);
        assert_eq!(m.to_string(), "2026-09");
        assert!("2026-13".parse::<YearMonth>().is_err());
        assert!("2026-1".parse::<YearMonth>().is_err());
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // moved in on 11 September: 11..=30 is 20 days
        assert_eq!(days_in_month(Some(d("2026-09-11")), None, m), 20);
        assert_eq!(days_in_month(None, Some(d("2026-09-10")), m), 10);
        assert_eq!(days_in_month(Some(d("2026-10-01")), None, m), 0);
        assert_eq!("2026-02".parse::<YearMonth>().unwrap().days(), 28);
    }
}
