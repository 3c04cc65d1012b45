//! The points the caps add, subtract and compare, in their hot-path form.
//!
//! A month's caps work on each record's points several times (item caps, the category's cap,
//! accumulators, year-to-date sums). `rust_decimal`'s operations unpack and repack a 96-bit
//! mantissa each time, and they were a third of a month's instructions (BENCHMARKS.md, the tenth
//! round). So the engine is written once over [`Points`] and runs on [`Fixed`]: the same decimal
//! value, digits and scale, as a 64-bit mantissa and its scale, where adding two numbers of the
//! same scale (nearly all) is one integer addition.
//!
//! **Exact, and the same result to the digit.** Each operation gives the value *and the scale*
//! `rust_decimal` gives (a sum or difference has the larger scale, a product by a count keeps it,
//! `max` returns the second operand of equal ones), so a converted result prints the same text.
//! That holds whenever the exact result's mantissa fits: a `Fixed` mantissa is below 2⁶³, and
//! `rust_decimal` is exact below 2⁹⁶. When a value or a step does not fit (a mantissa past 2⁶³,
//! which no real measure's points come near), the step is noted, and the evaluation is run again
//! on `Decimal` itself ([`exact_or_decimal`]): the same code, instantiated for `Decimal`, as the
//! engine always ran. Tests run every example hall both ways and compare the results, and compare
//! each operation with `rust_decimal`'s on random values.

use crate::exact::POW10;
use rust_decimal::Decimal;
use std::cell::Cell;
use std::cmp::Ordering;
use std::ops::{Add, AddAssign, Sub, SubAssign};

/// What the caps do with points: add, subtract, compare, multiply by a count, divide for the
/// occurrences that fit. Implemented by [`Fixed`] (the hot path) and `Decimal` (the fallback).
pub(crate) trait Points:
    Copy + Default + Ord + Add<Output = Self> + Sub<Output = Self> + AddAssign + SubAssign + std::fmt::Debug
{
    const ZERO: Self;
    /// Whether every step is exact (or noted, and the evaluation run again on `Decimal`), so
    /// that a sum of points above zero is the same whatever the order of its terms. `Decimal`
    /// rounds a sum past its 96 bits (28 digits of a large value), so its order could show.
    const EXACT: bool;
    /// A decimal as points (exactly; a value that does not fit is noted, see [`exact_or_decimal`]).
    fn of(d: Decimal) -> Self;
    /// The points as the decimal they stand for, digits and scale.
    fn dec(self) -> Decimal;
    /// Whether the points are zero (of any scale).
    fn is_nothing(self) -> bool;
    /// These points and `o` as decimals ([`Points::dec`]), `o` converted only when it is not the
    /// same number, digits and scale.
    #[inline]
    fn dec_with(self, o: Self) -> (Decimal, Decimal) {
        (self.dec(), o.dec())
    }
    /// `n` occurrences of these points (a count of 1 multiplies nothing).
    fn times(self, n: u32) -> Self;
    /// How many of `n` occurrences of `each` (> 0) points fit whole into `room` (≥ 0):
    /// ⌊room / each⌋, exactly, at most `n`.
    fn whole_fits(room: Self, each: Self, n: u32) -> u32;
    /// The decimal without trailing zeros (`Decimal::normalize`).
    fn normalized(self) -> Decimal;
    /// The larger of the two, `self` when they are equal (`rust_decimal`'s own `max`, which keeps
    /// the first operand's scale: `0.0` against `0` is `0.0`; `Ord::max` would give the second).
    #[inline]
    fn larger(self, o: Self) -> Self {
        if self < o { o } else { self }
    }
    /// The smaller of the two, `self` when they are equal (`rust_decimal`'s `min`).
    #[inline]
    fn smaller(self, o: Self) -> Self {
        if self > o { o } else { self }
    }
}

impl Points for Decimal {
    const ZERO: Self = Decimal::ZERO;
    const EXACT: bool = false;
    #[inline]
    fn is_nothing(self) -> bool {
        self.is_zero()
    }
    #[inline]
    fn of(d: Decimal) -> Self {
        d
    }
    #[inline]
    fn dec(self) -> Decimal {
        self
    }
    #[inline]
    fn times(self, n: u32) -> Self {
        if n == 1 { self } else { self * Decimal::from(n) }
    }
    fn normalized(self) -> Decimal {
        self.normalize()
    }
    fn whole_fits(room: Self, each: Self, n: u32) -> u32 {
        match crate::exact::quotient(&[room], &[each], 0, crate::policy::RoundingMode::Down) {
            Some(q) if q < Decimal::from(n) => u32::try_from(q).unwrap_or(n),
            _ => n,
        }
    }
}

thread_local! {
    /// Set when a [`Fixed`] value or step did not fit (see [`exact_or_decimal`]).
    static OUT_OF_RANGE: Cell<bool> = const { Cell::new(false) };
}

#[cold]
fn out_of_range() {
    OUT_OF_RANGE.with(|f| f.set(true));
}

/// Runs `fixed` (an evaluation on [`Fixed`] points); if any value or step did not fit, runs
/// `decimal` instead (the same evaluation on `Decimal`), so the result is always the exact one.
pub(crate) fn exact_or_decimal<T>(fixed: impl FnOnce() -> T, decimal: impl FnOnce() -> T) -> T {
    let before = OUT_OF_RANGE.with(|f| f.replace(false));
    let out = fixed();
    let missed = OUT_OF_RANGE.with(|f| f.replace(before));
    if missed {
        drop(out);
        decimal()
    } else {
        out
    }
}

/// A decimal as a 64-bit mantissa and its scale (value = `m` / 10^`s`), as the month's caps use it.
/// Packed to 4-byte alignment: 12 bytes instead of 16, so that a month's accumulators (two of
/// these each, one per charge) and pending lines carry no padding (a month of a million records
/// holds over a million accumulators); its fields are only ever read and written by value.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, packed(4))]
pub(crate) struct Fixed {
    m: i64,
    s: u32,
}

impl Fixed {
    /// Both mantissas at the larger scale (exact: an `i64` times at most 10²⁸ fits `i128`).
    #[inline]
    fn aligned(self, o: Fixed) -> (i128, i128, u32) {
        match self.s.cmp(&o.s) {
            Ordering::Equal => (self.m as i128, o.m as i128, self.s),
            Ordering::Less => (self.m as i128 * POW10[(o.s - self.s) as usize], o.m as i128, o.s),
            Ordering::Greater => (self.m as i128, o.m as i128 * POW10[(self.s - o.s) as usize], self.s),
        }
    }

    #[inline]
    fn narrow(m: i128, s: u32) -> Fixed {
        match i64::try_from(m) {
            Ok(m) => Fixed { m, s },
            Err(_) => {
                out_of_range();
                Fixed { m: 0, s }
            }
        }
    }
}

impl Points for Fixed {
    const ZERO: Self = Fixed { m: 0, s: 0 };
    const EXACT: bool = true;
    #[inline]
    fn is_nothing(self) -> bool {
        // (the field by value: the struct is packed)
        let m = self.m;
        m == 0
    }
    #[inline]
    fn of(d: Decimal) -> Self {
        if d.is_zero() && d.is_sign_negative() {
            out_of_range();
        }
        Fixed::narrow(d.mantissa(), d.scale())
    }
    #[inline]
    fn dec(self) -> Decimal {
        Decimal::from_i128_with_scale(self.m as i128, self.s)
    }
    #[inline]
    fn dec_with(self, o: Self) -> (Decimal, Decimal) {
        let d = self.dec();
        // (the fields by value: the struct is packed)
        let (a, b, x, y) = (self.m, o.m, self.s, o.s);
        (d, if a == b && x == y { d } else { o.dec() })
    }
    #[inline]
    fn times(self, n: u32) -> Self {
        if n == 1 {
            return self;
        }
        match self.m.checked_mul(n as i64) {
            // a product with zero is `rust_decimal`'s zero, of scale 0
            Some(0) => Fixed::ZERO,
            Some(m) => Fixed { m, s: self.s },
            None => Fixed::narrow(i128::MAX, self.s),
        }
    }
    fn normalized(self) -> Decimal {
        // (the fields by value: the struct is packed)
        let Fixed { m, s } = self;
        crate::exact::normalized_64(m, s)
    }
    fn whole_fits(room: Self, each: Self, n: u32) -> u32 {
        let (r, e, _) = room.aligned(each);
        // room ≥ 0 and each > 0 (the callers' conditions): the floor of their quotient
        let q = r / e;
        if q < n as i128 { q as u32 } else { n }
    }
}

impl Fixed {
    /// `self + o` (or `self - o`), as `rust_decimal` gives it: a zero operand gives the other as
    /// it is (its scale kept, negated when it is subtracted), else the exact result at the larger
    /// scale (a zero result without a sign, as `rust_decimal` makes it).
    #[inline]
    fn add_sub(self, o: Fixed, subtract: bool) -> Fixed {
        if self.m == 0 {
            return if subtract { Fixed { m: -o.m, s: o.s } } else { o };
        }
        if o.m == 0 {
            return self;
        }
        let o_m = if subtract { -o.m } else { o.m };
        match (self.s == o.s).then(|| self.m.checked_add(o_m)).flatten() {
            Some(m) => Fixed { m, s: self.s },
            None => {
                let (a, b, s) = self.aligned(o);
                Fixed::narrow(if subtract { a - b } else { a + b }, s)
            }
        }
    }
}

impl Add for Fixed {
    type Output = Fixed;
    #[inline]
    fn add(self, o: Fixed) -> Fixed {
        self.add_sub(o, false)
    }
}

impl Sub for Fixed {
    type Output = Fixed;
    #[inline]
    fn sub(self, o: Fixed) -> Fixed {
        self.add_sub(o, true)
    }
}

impl AddAssign for Fixed {
    #[inline]
    fn add_assign(&mut self, o: Fixed) {
        *self = *self + o;
    }
}

impl SubAssign for Fixed {
    #[inline]
    fn sub_assign(&mut self, o: Fixed) {
        *self = *self - o;
    }
}

impl PartialEq for Fixed {
    #[inline]
    fn eq(&self, o: &Fixed) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}

impl Eq for Fixed {}

impl PartialOrd for Fixed {
    #[inline]
    fn partial_cmp(&self, o: &Fixed) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Fixed {
    #[inline]
    fn cmp(&self, o: &Fixed) -> Ordering {
        if self.s == o.s {
            // (the fields by value: the struct is packed)
            let (a, b) = (self.m, o.m);
            return a.cmp(&b);
        }
        let (a, b, _) = self.aligned(*o);
        a.cmp(&b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn a_month_holds_its_points_charges_and_accumulators_without_padding() {
        use std::mem::size_of;
        // a mantissa (8 bytes) and a scale (4), packed: two per accumulator, one per charge
        assert_eq!(size_of::<Fixed>(), 12);
        // subject, item, occurrences, counted (4 × 4), reason (1, padded to 4), raw and points (2 × 12)
        assert_eq!(size_of::<crate::evaluate::Acc<Fixed>>(), 44);
        // subject, item, record, slot, pos, count, the value's place (7 × 4), flags (1, padded):
        // the record itself is read by place
        assert_eq!(size_of::<crate::evaluate::Charged>(), 32);
    }

    /// Decimals of a few digits and scales, both signs, and zeros of several scales.
    fn samples() -> Vec<Decimal> {
        let mut out = Vec::new();
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..400 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let m = (x % 200_001) as i64 - 100_000;
            let s = ((x >> 32) % 6) as u32;
            out.push(Decimal::new(m, s));
        }
        for t in ["0", "0.0", "0.00", "1", "1.50", "20", "-3.25", "-0.50", "0.50", "100.000", "0.5", "1487.5", "1487.50"] {
            out.push(Decimal::from_str(t).unwrap());
        }
        out
    }

    /// Same value and same text (digits and scale) as `rust_decimal` gives.
    fn same(f: Fixed, d: Decimal) {
        assert_eq!(f.dec().to_string(), d.to_string(), "{f:?} against {d}");
    }

    #[test]
    fn each_operation_gives_rust_decimals_value_and_scale() {
        let xs = samples();
        exact_or_decimal(
            || {
                for (i, &a) in xs.iter().enumerate() {
                    let fa = Fixed::of(a);
                    same(fa, a);
                    same(fa.times(3), a * Decimal::from(3));
                    same(fa.times(0), a * Decimal::from(0));
                    same(fa.times(1), a);
                    assert_eq!(fa.normalized().to_string(), a.normalize().to_string());
                    // every pair among the last (zeros of several scales, equal values), a
                    // seventh of the others
                    let special = xs.len() - 13;
                    let pairs = xs.iter().enumerate().filter(|(j, _)| (i >= special && *j >= special) || j % 7 == i % 7);
                    for &b in pairs.map(|(_, b)| b) {
                        let fb = Fixed::of(b);
                        let (da, db) = fa.dec_with(fb);
                        assert_eq!((da.to_string(), db.to_string()), (a.to_string(), b.to_string()));
                        same(fa + fb, a + b);
                        same(fa - fb, a - b);
                        assert_eq!(fa.cmp(&fb), a.cmp(&b), "{a} against {b}");
                        same(fa.larger(fb), a.max(b));
                        same(fa.smaller(fb), a.min(b));
                        assert_eq!(Points::larger(a, b).to_string(), a.max(b).to_string());
                        assert_eq!(Points::smaller(a, b).to_string(), a.min(b).to_string());
                        if a >= Decimal::ZERO && b > Decimal::ZERO {
                            assert_eq!(Fixed::whole_fits(fa, fb, 1000), Decimal::whole_fits(a, b, 1000));
                            assert_eq!(Fixed::whole_fits(fa, fb, 2), Decimal::whole_fits(a, b, 2));
                        }
                    }
                }
            },
            || panic!("every sample fits"),
        );
    }

    #[test]
    fn a_mantissa_of_every_width_converts_back_to_its_decimal() {
        // mantissas across the 32-bit word boundary and up to the largest a Fixed holds, both
        // signs, at the smallest and the largest scale
        let ms = [0, 1, 7, u32::MAX as i64 - 1, u32::MAX as i64, u32::MAX as i64 + 1, 1 << 40, i64::MAX - 1, i64::MAX];
        exact_or_decimal(
            || {
                for m in ms.into_iter().flat_map(|m| [m, -m]) {
                    for s in [0, 1, 2, 27, 28] {
                        let d = Decimal::new(m, s);
                        let back = Fixed::of(d).dec();
                        assert_eq!(back.to_string(), d.to_string());
                        assert_eq!((back.mantissa(), back.scale(), back.is_sign_negative()), (d.mantissa(), d.scale(), d.is_sign_negative()));
                    }
                }
            },
            || panic!("every mantissa fits"),
        );
    }

    #[test]
    fn a_value_past_the_mantissa_runs_on_decimal() {
        let big = Decimal::from_str("123456789012345678901.5").unwrap();
        let used = exact_or_decimal(|| Fixed::of(big).dec(), || big);
        assert_eq!(used, big);
        // a product past 2⁶³
        let ran_fixed = exact_or_decimal(|| Some(Fixed::of(Decimal::from(i64::MAX / 2)).times(3)), || None);
        assert!(ran_fixed.is_none());
        // and the flag does not outlive its evaluation
        assert_eq!(exact_or_decimal(|| 1, || 2), 1);
    }
}
