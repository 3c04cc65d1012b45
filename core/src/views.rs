//! Views of a store's rows by place: what a month's subject rows ([`crate::subjects`]) and
//! category rows ([`crate::categories`]) are read through, one iterator for both.

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::Range;

/// A view of one row of a store ([`crate::subjects::SubjectRef`], [`crate::categories::CategoryRef`]).
pub trait RowView<'m>: Sized {
    /// What holds the rows.
    type Store: 'm;
    /// The view of row `i` of `store`.
    fn at(store: &'m Self::Store, i: usize) -> Self;
}

/// The views of a store's rows at some places, in order: an iterator, also read by place.
pub struct Rows<'m, V: RowView<'m>> {
    store: &'m V::Store,
    at: Range<usize>,
}

impl<'m, V: RowView<'m>> Rows<'m, V> {
    pub(crate) fn new(store: &'m V::Store, at: Range<usize>) -> Self {
        Rows { store, at }
    }
    /// The views from the first (as `slice::iter` gives them).
    pub fn iter(&self) -> Self {
        self.clone()
    }
    pub fn len(&self) -> usize {
        self.at.len()
    }
    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }
    /// The `i`-th view.
    pub fn get(&self, i: usize) -> Option<V> {
        (i < self.at.len()).then(|| V::at(self.store, self.at.start + i))
    }
}

impl<'m, V: RowView<'m>> Clone for Rows<'m, V> {
    fn clone(&self) -> Self {
        Rows { store: self.store, at: self.at.clone() }
    }
}

impl<'m, V: RowView<'m>> Iterator for Rows<'m, V> {
    type Item = V;
    fn next(&mut self) -> Option<V> {
        self.at.next().map(|i| V::at(self.store, i))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.at.size_hint()
    }
}

impl<'m, V: RowView<'m>> DoubleEndedIterator for Rows<'m, V> {
    fn next_back(&mut self) -> Option<V> {
        self.at.next_back().map(|i| V::at(self.store, i))
    }
}

impl<'m, V: RowView<'m>> ExactSizeIterator for Rows<'m, V> {}

impl<'m, V: RowView<'m> + PartialEq> PartialEq for Rows<'m, V> {
    fn eq(&self, o: &Self) -> bool {
        self.len() == o.len() && self.iter().zip(o.iter()).all(|(a, b)| a == b)
    }
}

impl<'m, V: RowView<'m> + fmt::Debug> fmt::Debug for Rows<'m, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// A list of the rows' own JSON.
impl<'m, V: RowView<'m> + Serialize> Serialize for Rows<'m, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for v in self.iter() {
            seq.serialize_element(&v)?;
        }
        seq.end()
    }
}
