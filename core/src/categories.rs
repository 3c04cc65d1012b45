//! A month's category results held compactly (issue 19): each subject-month's categories are
//! rows of one list per month ([`crate::subjects::SubjectMonths`]), a row holding only what the
//! month decided (points, score, where its lines are, what zeroed it), its code, name and maximum
//! held once per list (`CategoryDef`), its lines in the list's one list of lines. A row is 48
//! bytes and plain data (`Copy`: nothing of its own to drop) where a [`CategoryResult`] is 144:
//! the subset's 136,900 province staff-months write 821,400 of them, and copying them into fresh
//! memory took a fifth of the sampled time without records (BENCHMARKS.md, the twenty-fourth
//! round). Read through [`CategoryRef`], whose methods have [`CategoryResult`]'s fields' names;
//! written as [`CategoryResult`]'s JSON.

use crate::result::{CategoryResult, Line};
use crate::text::{SerDec, Text};
use crate::views::{RowView, Rows};
use rust_decimal::Decimal;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt;

/// A category as results name it: the policy's code, name (in the result's language) and maximum.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CategoryDef {
    pub(crate) code: Text,
    pub(crate) name: Text,
    pub(crate) max: Decimal,
}

/// A subject-month's category: its definition (a place in the list's `defs`), and what the month
/// decided.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CategoryRow {
    pub(crate) def: u32,
    /// Its place in the list's `zeroed` texts when a threshold zeroed it ([`NOT_ZEROED`] if not).
    pub(crate) zeroed: u32,
    /// Where its lines start in the list's `lines`, and how many there are (a category's lines
    /// are together there).
    pub(crate) lines_at: u32,
    pub(crate) n_lines: u32,
    pub(crate) points: Decimal,
    pub(crate) score: Decimal,
}

pub(crate) const NOT_ZEROED: u32 = u32::MAX;

impl CategoryRow {
    /// A category of no definition yet, with nothing taken or added.
    pub(crate) const BLANK: CategoryRow = CategoryRow { def: 0, zeroed: NOT_ZEROED, lines_at: 0, n_lines: 0, points: Decimal::ZERO, score: Decimal::ZERO };

    /// The places of its lines in the list's `lines`.
    pub(crate) fn lines(&self) -> std::ops::Range<usize> {
        self.lines_at as usize..(self.lines_at + self.n_lines) as usize
    }
}

/// A month's categories: the definitions they name, the rows, their lines, and the codes of the
/// items that zeroed some (few: a month zeroes a handful of categories). Read through
/// [`Categories`].
#[derive(Debug, Clone, Default)]
pub struct CategoryStore {
    /// The engine's are the policy's categories of the subject kind, in its order, so that a
    /// row's `def` is the category's index in the policy.
    pub(crate) defs: Vec<CategoryDef>,
    pub(crate) rows: Vec<CategoryRow>,
    /// Every row's lines, each row's together (with text only: [`crate::engine::Explain::Full`]).
    pub(crate) lines: Vec<Line>,
    pub(crate) zeroed: Vec<String>,
}

impl CategoryStore {
    pub(crate) fn with_capacity(defs: Vec<CategoryDef>, rows: usize) -> CategoryStore {
        CategoryStore { defs, rows: Vec::with_capacity(rows), lines: Vec::new(), zeroed: Vec::new() }
    }

    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Adds a category given whole (as read back from JSON), its definition found or added.
    pub(crate) fn push_owned(&mut self, c: CategoryResult) {
        let def = CategoryDef { code: c.code, name: c.name, max: c.max };
        // (the maximum compared with its scale: `20` and `20.0` are two definitions, as the JSON
        // writes them apart)
        let at = match self.defs.iter().position(|d| d.code == def.code && d.name == def.name && d.max.serialize() == def.max.serialize()) {
            Some(at) => at,
            None => {
                self.defs.push(def);
                self.defs.len() - 1
            }
        };
        let lines_at = self.lines.len() as u32;
        let n_lines = c.lines.len() as u32;
        self.lines.extend(c.lines);
        self.rows.push(CategoryRow { def: at as u32, lines_at, n_lines, points: c.points, score: c.score, ..CategoryRow::BLANK });
        if let Some(by) = c.zeroed_by {
            self.zero(self.rows.len() - 1, by);
        }
    }

    /// Marks the category at `at` zeroed by the item `by`.
    pub(crate) fn zero(&mut self, at: usize, by: String) {
        self.rows[at].zeroed = self.zeroed.len() as u32;
        self.zeroed.push(by);
    }

    /// Adds `line` to the lines of the row at `at`: after them, where they are the last of the
    /// list's lines; otherwise they are moved there first (a threshold's line, written after
    /// later rows' lines).
    pub(crate) fn push_line(&mut self, at: usize, line: Line) {
        let row = self.rows[at];
        if row.lines().end != self.lines.len() {
            let moved = row.lines_at as usize;
            self.rows[at].lines_at = self.lines.len() as u32;
            self.lines.extend_from_within(moved..moved + row.n_lines as usize);
        }
        self.lines.push(line);
        self.rows[at].n_lines += 1;
    }

    /// The categories at `at`.
    pub(crate) fn slice(&self, at: std::ops::Range<usize>) -> Categories<'_> {
        Rows::new(self, at)
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.rows.shrink_to_fit();
        self.lines.shrink_to_fit();
    }
}

/// One category of a subject-month: every field of [`CategoryResult`], as methods.
#[derive(Clone, Copy)]
pub struct CategoryRef<'m> {
    store: &'m CategoryStore,
    i: usize,
}

impl<'m> CategoryRef<'m> {
    fn row(&self) -> &'m CategoryRow {
        &self.store.rows[self.i]
    }
    fn def(&self) -> &'m CategoryDef {
        &self.store.defs[self.row().def as usize]
    }
    pub fn code(&self) -> &'m Text {
        &self.def().code
    }
    /// The category's place among the policy's categories of its subject kind.
    pub(crate) fn def_index(&self) -> usize {
        self.row().def as usize
    }
    pub fn name(&self) -> &'m Text {
        &self.def().name
    }
    pub fn max(&self) -> Decimal {
        self.def().max
    }
    /// Points taken (deduction category) or points added (bonus category), after caps.
    pub fn points(&self) -> Decimal {
        self.row().points
    }
    /// max − points for a deduction category; points for a bonus category.
    pub fn score(&self) -> Decimal {
        self.row().score
    }
    /// Every line that moved the category, in the order applied.
    pub fn lines(&self) -> &'m [Line] {
        &self.store.lines[self.row().lines()]
    }
    /// The item whose threshold zeroed the category, if one did.
    pub fn zeroed_by(&self) -> Option<&'m str> {
        self.store.zeroed.get(self.row().zeroed as usize).map(String::as_str)
    }
    /// The category as an owned [`CategoryResult`].
    pub fn to_owned(&self) -> CategoryResult {
        CategoryResult {
            code: self.code().clone(),
            name: self.name().clone(),
            max: self.max(),
            points: self.points(),
            score: self.score(),
            lines: self.lines().to_vec(),
            zeroed_by: self.zeroed_by().map(str::to_owned),
        }
    }
}

impl PartialEq for CategoryRef<'_> {
    fn eq(&self, o: &CategoryRef<'_>) -> bool {
        self.def() == o.def() && self.points() == o.points() && self.score() == o.score() && self.lines() == o.lines() && self.zeroed_by() == o.zeroed_by()
    }
}

impl fmt::Debug for CategoryRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.to_owned().fmt(f)
    }
}

impl Serialize for CategoryRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // the fields, names and order of `CategoryResult`'s derived form
        let zeroed_by = self.zeroed_by();
        let mut st = s.serialize_struct("CategoryResult", 6 + usize::from(zeroed_by.is_some()))?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("name", self.name())?;
        st.serialize_field("max", &SerDec(self.max()))?;
        st.serialize_field("points", &SerDec(self.points()))?;
        st.serialize_field("score", &SerDec(self.score()))?;
        st.serialize_field("lines", self.lines())?;
        match zeroed_by {
            Some(by) => st.serialize_field("zeroed_by", by)?,
            None => st.skip_field("zeroed_by")?,
        }
        st.end()
    }
}

/// A subject-month's categories (its deduction categories, its bonus categories, or both), in
/// order: an iterator of [`CategoryRef`], also read by place.
pub type Categories<'m> = Rows<'m, CategoryRef<'m>>;

impl<'m> RowView<'m> for CategoryRef<'m> {
    type Store = CategoryStore;
    fn at(store: &'m CategoryStore, i: usize) -> Self {
        CategoryRef { store, i }
    }
}

impl Categories<'_> {
    /// Each category as an owned [`CategoryResult`].
    pub fn to_vec(&self) -> Vec<CategoryResult> {
        self.iter().map(|c| c.to_owned()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::Reason;

    fn category(code: &str, max: i64, points: i64, bonus: bool, zeroed_by: Option<&str>) -> CategoryResult {
        let line = Line {
            rule: Text::new("S1.1"),
            record: Some(Text::new("r1")),
            raw: Decimal::from(points),
            points: Decimal::from(points),
            detail: Text::new("late"),
            occurrences: 1,
            cut: Some(Reason::CategoryExhausted),
        };
        CategoryResult {
            code: Text::new(code),
            name: Text::new(&format!("name of {code}")),
            max: Decimal::from(max),
            points: Decimal::from(points),
            score: Decimal::from(if bonus { points } else { max - points }),
            lines: vec![line],
            zeroed_by: zeroed_by.map(str::to_owned),
        }
    }

    #[test]
    fn categories_read_back_as_given_with_each_definition_held_once() {
        let given = vec![
            category("S1", 20, 3, false, None),
            category("S5", 20, 20, false, Some("S5.2")),
            category("SB", 10, 2, true, None),
            // the same code, name and maximum: the definition held once
            category("S1", 20, 1, false, None),
        ];
        let mut store = CategoryStore::default();
        for c in given.clone() {
            store.push_owned(c);
        }
        assert_eq!(store.defs.len(), 3);
        let all = store.slice(0..4);
        assert_eq!(all.to_vec(), given);
        assert_eq!(all.get(1).and_then(|c| c.zeroed_by()), Some("S5.2"));
        assert_eq!(all.get(0).and_then(|c| c.zeroed_by()), None);
        assert!(all.get(4).is_none());
        let bonuses = store.slice(2..3);
        assert_eq!((bonuses.len(), bonuses.get(0).map(|c| c.score())), (1, Some(Decimal::from(2))));
        assert_eq!(all.clone().next_back().map(|c| c.points()), Some(Decimal::ONE));
    }

    #[test]
    fn a_maximum_keeps_its_scale() {
        // S1 with max 20 and with max 20.0: equal decimals, two texts in the JSON
        let mut tenths = category("S1", 20, 3, false, None);
        tenths.max = Decimal::new(200, 1);
        let given = vec![category("S1", 20, 3, false, None), tenths];
        let mut store = CategoryStore::default();
        for c in given.clone() {
            store.push_owned(c);
        }
        assert_eq!(store.defs.len(), 2);
        let a = serde_json::to_string(&store.slice(0..2)).expect("writes");
        assert_eq!(a, serde_json::to_string(&given).expect("writes"));
        assert!(a.contains(r#""max":"20.0""#));
    }

    #[test]
    fn the_json_is_that_of_category_results() {
        let given = vec![category("S5", 20, 20, false, Some("S5.2")), category("SB", 10, 2, true, None)];
        let mut store = CategoryStore::default();
        for c in given.clone() {
            store.push_owned(c);
        }
        let a = serde_json::to_string(&store.slice(0..2)).expect("writes");
        let b = serde_json::to_string(&given).expect("writes");
        assert_eq!(a, b);
    }

    #[test]
    fn a_row_is_within_a_cache_line() {
        assert!(std::mem::size_of::<CategoryRow>() <= 48);
    }

    #[test]
    fn a_line_added_to_an_earlier_row_moves_its_lines_after_the_others() {
        let given = vec![category("S1", 20, 3, false, None), category("S2", 20, 4, false, None)];
        let mut store = CategoryStore::default();
        for c in given.clone() {
            store.push_owned(c);
        }
        let mut extra = given[0].lines[0].clone();
        extra.rule = Text::new("S1.9");
        store.push_line(0, extra.clone());
        // the first row's two lines, then the second's one: each row's own, in order
        let all = store.slice(0..2);
        assert_eq!(all.get(0).map(|c| c.lines().to_vec()), Some(vec![given[0].lines[0].clone(), extra.clone()]));
        assert_eq!(all.get(1).map(|c| c.lines().to_vec()), Some(given[1].lines.clone()));
        // (two lines first, one moved: four in the list)
        assert_eq!(store.lines.len(), 4);
        // a line added to the row whose lines are the last goes after them, where they are
        store.push_line(0, extra.clone());
        assert_eq!(store.slice(0..1).get(0).map(|c| c.lines().len()), Some(3));
        assert_eq!(store.lines.len(), 5);
    }
}
