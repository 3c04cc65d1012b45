//! A month's subject results held as rows (issue 19, `docs/design-results-as-rows.md`): one
//! row per window or staff member with its numbers, names and grade, and its lists (categories,
//! bonuses, links, flags, warnings) laid end to end in one list of each per month, so a
//! subject-month costs no allocation of its own. Read through [`SubjectRef`], whose methods have
//! [`SubjectMonth`]'s fields' names; written as a list of [`SubjectMonth`] objects, the same JSON
//! as before.

use crate::categories::{Categories, CategoryDef, CategoryRef, CategoryStore};
use crate::policy::SubjectKind;
use crate::result::{DaysLink, Flag, SubjectMonth};
use crate::text::Text;
use crate::views::{RowView, Rows};
use rust_decimal::Decimal;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// One kind of subject's results of a month (a month's windows, or its staff), in the order
/// evaluated.
#[derive(Clone, Default)]
pub struct SubjectMonths {
    rows: Vec<Row>,
    /// Each row's deduction categories, then its bonus categories.
    pub(crate) categories: CategoryStore,
    pub(crate) links: Vec<DaysLink>,
    pub(crate) flags: Vec<Flag>,
    pub(crate) warnings: Vec<String>,
}

/// A subject-month's own fields, and where its lists end in the store's (each starts where the
/// row before it ends).
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub(crate) subject: Text,
    pub(crate) kind: SubjectKind,
    pub(crate) name: Text,
    pub(crate) department: Text,
    pub(crate) base: Decimal,
    pub(crate) bonus: Decimal,
    pub(crate) total: Decimal,
    pub(crate) grade: Text,
    pub(crate) grade_forced_by: Option<String>,
    /// Where its bonus categories start (its deduction categories end).
    pub(crate) bonuses_from: u32,
    categories_end: u32,
    links_end: u32,
    flags_end: u32,
    warnings_end: u32,
}

impl Row {
    /// A row whose lists end where the store's lists end now (its categories from
    /// `bonuses_from` on being its bonuses).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        subject: Text,
        kind: SubjectKind,
        name: Text,
        department: Text,
        (base, bonus, total): (Decimal, Decimal, Decimal),
        grade: Text,
        grade_forced_by: Option<String>,
        bonuses_from: usize,
    ) -> Row {
        Row { subject, kind, name, department, base, bonus, total, grade, grade_forced_by, bonuses_from: bonuses_from as u32, categories_end: 0, links_end: 0, flags_end: 0, warnings_end: 0 }
    }
}

impl SubjectMonths {
    pub fn new() -> SubjectMonths {
        SubjectMonths::default()
    }

    /// Room for `n` subjects, each with about `links` links and one category of each of
    /// `categories` (the policy's of the subject kind, in its order).
    pub(crate) fn with_capacity(n: usize, categories: Vec<CategoryDef>, links: usize) -> SubjectMonths {
        let rows = n * categories.len();
        SubjectMonths { rows: Vec::with_capacity(n), categories: CategoryStore::with_capacity(categories, rows), links: Vec::with_capacity(n * links), flags: Vec::new(), warnings: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<SubjectRef<'_>> {
        (i < self.rows.len()).then_some(SubjectRef { list: self, i })
    }

    pub fn iter(&self) -> Iter<'_> {
        Rows::new(self, 0..self.rows.len())
    }

    /// The subject of this id, if evaluated.
    pub fn find(&self, id: &str) -> Option<SubjectRef<'_>> {
        self.iter().find(|s| s.subject().as_str() == id)
    }

    /// Each subject-month as an owned [`SubjectMonth`].
    pub fn to_vec(&self) -> Vec<SubjectMonth> {
        self.iter().map(|s| s.to_owned()).collect()
    }

    /// Adds a subject-month at the end.
    pub fn push(&mut self, s: SubjectMonth) {
        let bonuses_from = self.categories.len() + s.categories.len();
        for c in s.categories.into_iter().chain(s.bonuses) {
            self.categories.push_owned(c);
        }
        self.links.extend(s.links);
        self.flags.extend(s.flags);
        self.warnings.extend(s.warnings);
        let row = Row::new(s.subject, s.kind, s.name, s.department, (s.base, s.bonus, s.total), s.grade, s.grade_forced_by, bonuses_from);
        self.push_row(row);
    }

    /// Adds a row whose lists are those pushed onto the store's lists since the last row.
    pub(crate) fn push_row(&mut self, mut row: Row) {
        row.categories_end = self.categories.len() as u32;
        row.links_end = self.links.len() as u32;
        row.flags_end = self.flags.len() as u32;
        row.warnings_end = self.warnings.len() as u32;
        self.rows.push(row);
    }

    /// Adds a warning to the last subject-month.
    pub(crate) fn push_warning(&mut self, w: String) {
        if let Some(last) = self.rows.last_mut() {
            self.warnings.push(w);
            last.warnings_end = self.warnings.len() as u32;
        }
    }

    /// Frees what the lists hold beyond their length.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.rows.shrink_to_fit();
        self.categories.shrink_to_fit();
        self.links.shrink_to_fit();
    }
}

/// The subject-months of a [`SubjectMonths`], in order.
pub type Iter<'m> = Rows<'m, SubjectRef<'m>>;

impl<'m> RowView<'m> for SubjectRef<'m> {
    type Store = SubjectMonths;
    fn at(list: &'m SubjectMonths, i: usize) -> Self {
        SubjectRef { list, i }
    }
}

impl<'m> IntoIterator for &'m SubjectMonths {
    type Item = SubjectRef<'m>;
    type IntoIter = Iter<'m>;
    fn into_iter(self) -> Iter<'m> {
        self.iter()
    }
}

impl From<Vec<SubjectMonth>> for SubjectMonths {
    fn from(v: Vec<SubjectMonth>) -> SubjectMonths {
        v.into_iter().collect()
    }
}

impl FromIterator<SubjectMonth> for SubjectMonths {
    fn from_iter<I: IntoIterator<Item = SubjectMonth>>(it: I) -> SubjectMonths {
        let mut out = SubjectMonths::new();
        for s in it {
            out.push(s);
        }
        out
    }
}

impl PartialEq for SubjectMonths {
    fn eq(&self, other: &SubjectMonths) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl fmt::Debug for SubjectMonths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter().map(|s| s.to_owned())).finish()
    }
}

impl Serialize for SubjectMonths {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // a list of the subject-months' JSON
        self.iter().serialize(s)
    }
}

impl<'de> Deserialize<'de> for SubjectMonths {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SubjectMonths, D::Error> {
        Vec::<SubjectMonth>::deserialize(d).map(SubjectMonths::from)
    }
}

/// One subject's month, read from [`SubjectMonths`]: every field of [`SubjectMonth`].
#[derive(Clone, Copy)]
pub struct SubjectRef<'m> {
    list: &'m SubjectMonths,
    i: usize,
}

impl<'m> SubjectRef<'m> {
    fn row(&self) -> &'m Row {
        &self.list.rows[self.i]
    }
    /// Where the row's lists start: those of the row before end there.
    fn starts(&self) -> (usize, usize, usize, usize) {
        match self.i.checked_sub(1).map(|p| &self.list.rows[p]) {
            Some(p) => (p.categories_end as usize, p.links_end as usize, p.flags_end as usize, p.warnings_end as usize),
            None => (0, 0, 0, 0),
        }
    }
    pub fn subject(&self) -> &'m Text {
        &self.row().subject
    }
    pub fn kind(&self) -> SubjectKind {
        self.row().kind
    }
    pub fn name(&self) -> &'m Text {
        &self.row().name
    }
    /// The department: a window's own; a staff member's home department, else that of their first window of the month.
    pub fn department(&self) -> &'m Text {
        &self.row().department
    }
    /// For staff: the windows served in the month with days; for windows: the staff on duty with days.
    pub fn links(&self) -> &'m [DaysLink] {
        &self.list.links[self.starts().1..self.row().links_end as usize]
    }
    /// Deduction categories (C1, C2).
    pub fn categories(&self) -> Categories<'m> {
        self.list.categories.slice(self.starts().0..self.row().bonuses_from as usize)
    }
    /// Bonus categories (C3).
    pub fn bonuses(&self) -> Categories<'m> {
        let row = self.row();
        self.list.categories.slice(row.bonuses_from as usize..row.categories_end as usize)
    }
    /// Deduction categories, then bonus categories.
    pub fn all_categories(&self) -> Categories<'m> {
        self.list.categories.slice(self.starts().0..self.row().categories_end as usize)
    }
    /// Base after deductions: the sum of the deduction categories' scores.
    pub fn base(&self) -> Decimal {
        self.row().base
    }
    /// Bonus points after every cap.
    pub fn bonus(&self) -> Decimal {
        self.row().bonus
    }
    /// base + bonus, within the policy's minimum and maximum total.
    pub fn total(&self) -> Decimal {
        self.row().total
    }
    pub fn grade(&self) -> &'m Text {
        &self.row().grade
    }
    /// Why the grade is what it is when a veto forced it.
    pub fn grade_forced_by(&self) -> Option<&'m str> {
        self.row().grade_forced_by.as_deref()
    }
    pub fn flags(&self) -> &'m [Flag] {
        &self.list.flags[self.starts().2..self.row().flags_end as usize]
    }
    pub fn warnings(&self) -> &'m [String] {
        &self.list.warnings[self.starts().3..self.row().warnings_end as usize]
    }
    /// The deduction or bonus category of this code.
    pub fn category(&self, code: &str) -> Option<CategoryRef<'m>> {
        self.all_categories().find(|c| c.code() == code)
    }
    pub fn has_flag(&self, code: &str) -> bool {
        self.flags().iter().any(|f| f.code == code)
    }
    /// The subject-month as an owned [`SubjectMonth`].
    pub fn to_owned(&self) -> SubjectMonth {
        let row = self.row();
        SubjectMonth {
            subject: row.subject.clone(),
            kind: row.kind,
            name: row.name.clone(),
            department: row.department.clone(),
            links: self.links().to_vec(),
            categories: self.categories().to_vec(),
            bonuses: self.bonuses().to_vec(),
            base: row.base,
            bonus: row.bonus,
            total: row.total,
            grade: row.grade.clone(),
            grade_forced_by: row.grade_forced_by.clone(),
            flags: self.flags().to_vec(),
            warnings: self.warnings().to_vec(),
        }
    }
}

impl PartialEq for SubjectRef<'_> {
    fn eq(&self, o: &SubjectRef<'_>) -> bool {
        let (a, b) = (self.row(), o.row());
        a.subject == b.subject
            && a.kind == b.kind
            && a.name == b.name
            && a.department == b.department
            && a.base == b.base
            && a.bonus == b.bonus
            && a.total == b.total
            && a.grade == b.grade
            && a.grade_forced_by == b.grade_forced_by
            && self.links() == o.links()
            && self.categories() == o.categories()
            && self.bonuses() == o.bonuses()
            && self.flags() == o.flags()
            && self.warnings() == o.warnings()
    }
}

impl fmt::Debug for SubjectRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.to_owned().fmt(f)
    }
}

impl Serialize for SubjectRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // the fields, names and order of `SubjectMonth`'s derived form
        let row = self.row();
        let mut st = s.serialize_struct("SubjectMonth", 13 + usize::from(row.grade_forced_by.is_some()))?;
        st.serialize_field("subject", &row.subject)?;
        st.serialize_field("kind", &row.kind)?;
        st.serialize_field("name", &row.name)?;
        st.serialize_field("department", &row.department)?;
        st.serialize_field("links", self.links())?;
        st.serialize_field("categories", &self.categories())?;
        st.serialize_field("bonuses", &self.bonuses())?;
        st.serialize_field("base", &crate::text::SerDec(row.base))?;
        st.serialize_field("bonus", &crate::text::SerDec(row.bonus))?;
        st.serialize_field("total", &crate::text::SerDec(row.total))?;
        st.serialize_field("grade", &row.grade)?;
        match &row.grade_forced_by {
            Some(by) => st.serialize_field("grade_forced_by", by)?,
            None => st.skip_field("grade_forced_by")?,
        }
        st.serialize_field("flags", self.flags())?;
        st.serialize_field("warnings", self.warnings())?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::CategoryResult;

    fn subject(id: &str, cats: &[&str], bonuses: &[&str], links: &[&str], warnings: &[&str]) -> SubjectMonth {
        let cat = |c: &&str| CategoryResult {
            code: Text::new(c),
            name: Text::new(c),
            max: Decimal::from(20),
            points: Decimal::ONE,
            score: Decimal::from(19),
            lines: Vec::new(),
            zeroed_by: None,
        };
        SubjectMonth {
            subject: Text::new(id),
            kind: SubjectKind::Staff,
            name: Text::new(&format!("name of {id}")),
            department: Text::new("D1"),
            links: links.iter().map(|l| DaysLink { id: Text::new(l), days: 3 }).collect(),
            categories: cats.iter().map(cat).collect(),
            bonuses: bonuses.iter().map(cat).collect(),
            base: Decimal::new(985, 1),
            bonus: Decimal::ONE,
            total: Decimal::new(995, 1),
            grade: Text::new("优秀"),
            grade_forced_by: (id == "S2").then(|| "S5.1".to_string()),
            flags: Vec::new(),
            warnings: warnings.iter().map(|w| w.to_string()).collect(),
        }
    }

    fn three() -> Vec<SubjectMonth> {
        vec![
            subject("S1", &["C1", "C2"], &["C3"], &["W1", "W2"], &[]),
            subject("S2", &["C1"], &[], &[], &["no metrics"]),
            subject("S3", &[], &["C3"], &["W3"], &[]),
        ]
    }

    #[test]
    fn each_subject_reads_back_its_own_lists() {
        let owned = three();
        let rows = SubjectMonths::from(owned.clone());
        assert_eq!(rows.len(), 3);
        assert_eq!(rows.to_vec(), owned);
        let s2 = rows.find("S2").expect("S2 is there");
        assert_eq!(s2.categories().len(), 1);
        assert!(s2.bonuses().is_empty() && s2.links().is_empty());
        assert_eq!(s2.warnings(), ["no metrics".to_string()]);
        assert_eq!(s2.grade_forced_by(), Some("S5.1"));
        let s3 = rows.get(2).expect("a third");
        assert!(s3.categories().is_empty());
        assert_eq!(s3.bonuses().get(0).map(|c| c.code().as_str()), Some("C3"));
        assert_eq!(s3.category("C3").map(|c| c.score()), Some(Decimal::from(19)));
        assert!(rows.get(3).is_none());
    }

    #[test]
    fn the_json_is_a_list_of_subject_months() {
        let owned = three();
        let rows = SubjectMonths::from(owned.clone());
        let a = serde_json::to_string(&rows).expect("writes");
        let b = serde_json::to_string(&owned).expect("writes");
        assert_eq!(a, b);
        let back: SubjectMonths = serde_json::from_str(&a).expect("reads");
        assert_eq!(back, rows);
    }

    #[test]
    fn a_warning_goes_to_the_last_subject() {
        let mut rows = SubjectMonths::from(three());
        rows.push_warning("late".to_string());
        assert_eq!(rows.get(2).expect("S3").warnings(), ["late".to_string()]);
        assert_eq!(rows.get(1).expect("S2").warnings(), ["no metrics".to_string()]);
    }
}
