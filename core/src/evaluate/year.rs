//! A hall's months evaluated in order, the year to date carried from each to the next (C9): a
//! month, or every month of the year, of a [`Checked`] hall (or of a dataset, checked first).

use super::{Fixed, Points, YearState, exact_or_decimal};
use crate::compile::Checked;
use crate::dataset::Dataset;
use crate::engine::{Explain, Policy};
use crate::error::{Errors, Problem, ProblemKind, pa};
use crate::month::YearMonth;
use crate::result::{MonthResult, YearResult};
use rust_decimal::Decimal;

impl Policy {
    /// Scores one month (the year to date is computed for the yearly state, C9).
    pub fn evaluate_month(&self, ds: &Dataset, month: YearMonth) -> Result<MonthResult, Errors> {
        self.evaluate_month_with(ds, month, Explain::Full)
    }

    /// [`Policy::evaluate_month`] with the given level of explanation.
    pub fn evaluate_month_with(
        &self,
        ds: &Dataset,
        month: YearMonth,
        explain: Explain,
    ) -> Result<MonthResult, Errors> {
        let checked = self.check(ds)?;
        if month.year != ds.year {
            return Err(Errors::one(
                "request",
                Problem::msg(ProblemKind::Unsupported, "month", "problem-month-outside-year", pa!["month" => month, "year" => ds.year]),
            ));
        }
        Ok(checked.evaluate_months(month.month, month.month, explain).pop().expect("one month"))
    }

    /// Scores every month of the dataset's year.
    pub fn evaluate_year(&self, ds: &Dataset) -> Result<YearResult, Errors> {
        self.evaluate_year_with(ds, Explain::Full)
    }

    /// [`Policy::evaluate_year`] with the given level of explanation.
    pub fn evaluate_year_with(&self, ds: &Dataset, explain: Explain) -> Result<YearResult, Errors> {
        Ok(self.check(ds)?.evaluate_year(explain))
    }
}

impl Checked<'_, '_> {
    /// Every month of the dataset's year, as [`Policy::evaluate_year_with`].
    pub fn evaluate_year(&self, explain: Explain) -> YearResult {
        let idx = &self.idx;
        let months = self.evaluate_months(1, 12, explain);
        YearResult { policy: idx.names.texts.id.clone(), hall: idx.names.hall.clone(), year: idx.ds.year, months }
    }

    /// [`Checked::evaluate_year`] with every point on `rust_decimal`, as the engine runs a hall
    /// whose points do not fit its fixed-point form: for tests that hold the two to the same
    /// bytes (`core/tests/properties.rs`, `core/tests/fixed_points.rs`). Not a stable API.
    #[doc(hidden)]
    pub fn evaluate_year_on_decimals(&self, explain: Explain) -> YearResult {
        let idx = &self.idx;
        let months = self.months_with::<Decimal>(1, 12, explain);
        YearResult { policy: idx.names.texts.id.clone(), hall: idx.names.hall.clone(), year: idx.ds.year, months }
    }

    /// The results of months `first..=last` (1–12) of the dataset's year. The months before
    /// `first` are evaluated too, for the year to date (yearly caps, counts, achievement keys:
    /// C9), but only at the scores level, whose numbers and year-to-date state are those of any
    /// level (`core/tests/explain_levels.rs`), and their results are dropped.
    pub(crate) fn evaluate_months(&self, first: u32, last: u32, explain: Explain) -> Vec<MonthResult> {
        // the caps' points as fixed-point numbers; a hall whose points do not fit runs on
        // decimals (the same code, and the same results: evaluate::points)
        exact_or_decimal(
            || self.months_with::<Fixed>(first, last, explain),
            || self.months_with::<Decimal>(first, last, explain),
        )
    }

    /// [`Checked::evaluate_months`] with the caps' points as `N`.
    pub(crate) fn months_with<N: Points>(&self, first: u32, last: u32, explain: Explain) -> Vec<MonthResult> {
        let (p, idx) = (self.policy, &self.idx);
        let mut st = YearState::<N>::new(idx.subjects(), p.doc.rules.len(), p.counted_items());
        let mut scratch = super::Scratch::for_year(p, idx);
        let mut out = Vec::with_capacity((last + 1).saturating_sub(first) as usize);
        for m in 1..=last {
            let month = YearMonth { year: idx.ds.year, month: m };
            if m < first {
                drop(p.month(idx, month, &mut st, &mut scratch, Explain::Scores));
            } else {
                out.push(p.month(idx, month, &mut st, &mut scratch, explain));
            }
        }
        out
    }
}

