//! Exact quotients of decimals, rounded once (C11).
//!
//! A quotient such as W2's `(Σ days × S1) × 15 / (Σ days × 20)` is usually not a terminating
//! decimal. `rust_decimal` cuts it at 28 digits, and a later multiplication or a second division
//! can then land just beside a half cent and round the wrong way (13.375 printed as 13.37). Here a
//! quotient is the integer fraction of its factors' mantissas, and it is rounded once, by integer
//! division and its remainder, so the result is the exact value rounded as the policy says.
//!
//! The mantissas of a decimal are below 2⁹⁶, so the products of two factors and a power of ten
//! usually fit in `i128`; when a step would not, the same arithmetic runs on `num_bigint::BigInt`
//! (the common case allocates nothing).

use num_bigint::BigInt;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

// How a quotient is rounded to its places (C11: the policy's `rounding.mode`); no `///` line:
// it would be the policy schema's description of the type
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// 四舍五入 (C11).
    HalfAwayFromZero,
    HalfEven,
    /// Toward zero (truncate).
    Down,
    /// Away from zero.
    Up,
}

/// Integers for the quotient's steps: `i64` or `i128` (a step may not fit: `None`), or `BigInt`
/// (every step fits).
trait Wide: Sized + Clone + Ord {
    /// `v`, when it fits.
    fn from_i128(v: i128) -> Option<Self>;
    fn mul(&self, other: &Self) -> Option<Self>;
    fn pow10(exp: u32) -> Option<Self>;
    fn is_zero(&self) -> bool;
    fn is_negative(&self) -> bool;
    fn neg(&self) -> Self;
    /// Quotient and remainder of non-negative values, `d` > 0.
    fn div_rem(&self, d: &Self) -> (Self, Self);
    fn add_one(&self) -> Option<Self>;
    fn double(&self) -> Option<Self>;
    fn is_odd(&self) -> bool;
    fn to_i128(&self) -> Option<i128>;
}

/// The powers of ten an `i128` holds: 10⁰ to 10³⁸.
pub(crate) const POW10: [i128; 39] = {
    let mut t = [1i128; 39];
    let mut i = 1;
    while i < 39 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// 64 bits, the steps of most quotients. No value is `i64::MIN` (each step that would give it
/// gives `None`), so every one negates.
impl Wide for i64 {
    fn from_i128(v: i128) -> Option<Self> {
        i64::try_from(v).ok().filter(|&v| v != i64::MIN)
    }
    #[inline]
    fn mul(&self, other: &Self) -> Option<Self> {
        self.checked_mul(*other).filter(|&v| v != i64::MIN)
    }
    fn pow10(exp: u32) -> Option<Self> {
        10i64.checked_pow(exp)
    }
    fn is_zero(&self) -> bool {
        *self == 0
    }
    fn is_negative(&self) -> bool {
        *self < 0
    }
    fn neg(&self) -> Self {
        -*self
    }
    fn div_rem(&self, d: &Self) -> (Self, Self) {
        (self / d, self % d)
    }
    fn add_one(&self) -> Option<Self> {
        self.checked_add(1)
    }
    fn double(&self) -> Option<Self> {
        self.checked_add(*self).filter(|&v| v != i64::MIN)
    }
    fn is_odd(&self) -> bool {
        self % 2 != 0
    }
    fn to_i128(&self) -> Option<i128> {
        Some(i128::from(*self))
    }
}

impl Wide for i128 {
    fn from_i128(v: i128) -> Option<Self> {
        Some(v)
    }
    #[inline]
    fn mul(&self, other: &Self) -> Option<Self> {
        // two factors below 2⁶³ multiply without overflow (a product below 2¹²⁶): one machine
        // multiplication, where `checked_mul` calls the runtime's 128-bit overflow check
        const SMALL: u128 = 1 << 63;
        if self.unsigned_abs() < SMALL && other.unsigned_abs() < SMALL { Some(self * other) } else { self.checked_mul(*other) }
    }
    fn pow10(exp: u32) -> Option<Self> {
        POW10.get(exp as usize).copied()
    }
    fn is_zero(&self) -> bool {
        *self == 0
    }
    fn is_negative(&self) -> bool {
        *self < 0
    }
    fn neg(&self) -> Self {
        // mantissas and their products here are far from i128::MIN
        -*self
    }
    #[inline]
    fn div_rem(&self, d: &Self) -> (Self, Self) {
        // both within 64 bits (the quotient's steps divide numbers of the same sign, mostly
        // small): one 64-bit division; otherwise one 128-bit division and the remainder by
        // multiplying back
        if let (Ok(a), Ok(b)) = (u64::try_from(*self), u64::try_from(*d)) {
            return (i128::from(a / b), i128::from(a % b));
        }
        let q = self / d;
        (q, self - q * d)
    }
    fn add_one(&self) -> Option<Self> {
        self.checked_add(1)
    }
    fn double(&self) -> Option<Self> {
        self.checked_add(*self)
    }
    fn is_odd(&self) -> bool {
        self % 2 != 0
    }
    fn to_i128(&self) -> Option<i128> {
        Some(*self)
    }
}

impl Wide for BigInt {
    fn from_i128(v: i128) -> Option<Self> {
        Some(BigInt::from(v))
    }
    fn mul(&self, other: &Self) -> Option<Self> {
        Some(self * other)
    }
    fn pow10(exp: u32) -> Option<Self> {
        Some(num_traits::pow(BigInt::from(10u8), exp as usize))
    }
    fn is_zero(&self) -> bool {
        num_traits::Zero::is_zero(self)
    }
    fn is_negative(&self) -> bool {
        self.sign() == num_bigint::Sign::Minus
    }
    fn neg(&self) -> Self {
        -self
    }
    fn div_rem(&self, d: &Self) -> (Self, Self) {
        num_integer::Integer::div_rem(self, d)
    }
    fn add_one(&self) -> Option<Self> {
        Some(self + 1u8)
    }
    fn double(&self) -> Option<Self> {
        Some(self * 2u8)
    }
    fn is_odd(&self) -> bool {
        num_integer::Integer::is_odd(self)
    }
    fn to_i128(&self) -> Option<i128> {
        i128::try_from(self).ok()
    }
}

/// Σ wᵢ·xᵢ over decimals `x` and counts `w`, exactly as `rust_decimal` adds the products up
/// (the value, and the scale it gives: the larger of two terms', a zero's aside): held as a
/// mantissa and scale while every step is within a decimal's 96 bits, as a real measure's scores
/// always are; past them, as `rust_decimal` itself adds them from there on. W2's and W3's weighted sum of staff scores:
/// about a hundred instructions a staff member fewer than a decimal multiplication and addition.
pub(crate) struct WeightedSum {
    /// The sum's mantissa and scale while they are exact, or `None` once it is held in `past`.
    exact: Option<(i128, u32)>,
    past: Decimal,
}

impl Default for WeightedSum {
    fn default() -> Self {
        WeightedSum { exact: Some((0, 0)), past: Decimal::ZERO }
    }
}

impl WeightedSum {
    /// Adds `w`·`x`.
    pub(crate) fn add(&mut self, w: u32, x: Decimal) {
        if let Some((m, s)) = self.exact {
            // w·x: rust_decimal's product, exact within 96 bits at x's scale (zero, at scale 0,
            // when either is zero)
            let within = |v: i128| (v.unsigned_abs() < 1 << 96).then_some(v);
            let term = match x.mantissa().mul(&i128::from(w)).and_then(within) {
                Some(0) => Some((0, 0)),
                t => t.map(|t| (t, x.scale())),
            };
            // the sum as rust_decimal adds: a zero sum gives way to the term as it is, a zero
            // term leaves the sum as it is, else both at the larger scale (each step within 96
            // bits is exact)
            let sum = term.and_then(|(t, ts)| match (m, t) {
                (0, _) => Some((t, ts)),
                (_, 0) => Some((m, s)),
                _ => {
                    let scale = s.max(ts);
                    let at = |v: i128, from: u32| if from == scale { Some(v) } else { i128::pow10(scale - from).and_then(|p| v.mul(&p)).and_then(within) };
                    at(t, ts).zip(at(m, s)).and_then(|(t, m)| within(t + m)).map(|v| (v, scale))
                }
            });
            if sum.is_some() {
                self.exact = sum;
                return;
            }
            self.past = Decimal::from_i128_with_scale(m, s);
            self.exact = None;
        }
        self.past += Decimal::from(w) * x;
    }

    /// The sum, as `rust_decimal` gives it.
    pub(crate) fn total(&self) -> Decimal {
        match self.exact {
            Some((m, s)) => Decimal::from_i128_with_scale(m, s),
            None => self.past,
        }
    }
}

/// `d` as an integer at `scale` places (at least its own): its mantissa times 10^(scale − its
/// scale), or `None` past 128 bits. (Through [`mantissa_at_64`] first: a 128-bit product checked
/// for overflow is several times longer, and the periods and ranks rescale most values.)
#[inline]
pub(crate) fn mantissa_at(d: Decimal, scale: u32) -> Option<i128> {
    match mantissa_at_64(d, scale) {
        Some(v) => Some(i128::from(v)),
        None => d.mantissa().checked_mul(10i128.checked_pow(scale.checked_sub(d.scale())?)?),
    }
}

/// [`mantissa_at`] when it fits 64 bits.
#[inline]
pub(crate) fn mantissa_at_64(d: Decimal, scale: u32) -> Option<i64> {
    let m = i64::try_from(d.mantissa()).ok()?;
    match scale.checked_sub(d.scale())? {
        0 => Some(m),
        up => m.checked_mul(10i64.checked_pow(up)?),
    }
}

/// A product of decimals as (integer, decimal places): 2.5 × 3 = (75, 1).
#[inline]
fn product<W: Wide>(factors: &[Decimal]) -> Option<(W, u32)> {
    let mut m = W::from_i128(1)?;
    let mut scale = 0;
    for f in factors {
        m = m.mul(&W::from_i128(f.mantissa())?)?;
        scale += f.scale();
    }
    Some((m, scale))
}

/// (a, b) as two integers of the same decimal places, so they compare as the decimals do.
#[inline]
fn aligned<W: Wide>((a, sa): (W, u32), (b, sb): (W, u32)) -> Option<(W, W)> {
    match sa.cmp(&sb) {
        Ordering::Less => Some((a.mul(&W::pow10(sb - sa)?)?, b)),
        Ordering::Greater => Some((a, b.mul(&W::pow10(sa - sb)?)?)),
        Ordering::Equal => Some((a, b)),
    }
}

/// The steps of [`quotient`] in one integer width: `None` when a step does not fit in it;
/// `Some(None)` when the result does not fit in a decimal.
fn quotient_in<W: Wide>(num: &[Decimal], den: &[Decimal], places: u32, mode: RoundingMode) -> Option<Option<Decimal>> {
    let (n, ns) = product::<W>(num)?;
    // n / 10^ns ÷ d / 10^ds, times 10^places: n × 10^(ds + places) ÷ (d × 10^ns)
    let (d, ds) = product::<W>(den)?;
    let (mut n, mut d) = aligned((n, ns), (d, ds + places))?;
    if d.is_negative() {
        n = n.neg();
        d = d.neg();
    }
    let negative = n.is_negative();
    let (q, r) = if negative { n.neg() } else { n }.div_rem(&d);
    let up = match mode {
        RoundingMode::Down => false,
        RoundingMode::Up => !r.is_zero(),
        RoundingMode::HalfAwayFromZero => r.double()? >= d,
        RoundingMode::HalfEven => match r.double()?.cmp(&d) {
            Ordering::Greater => true,
            Ordering::Equal => q.is_odd(),
            Ordering::Less => false,
        },
    };
    let q = if up { q.add_one()? } else { q };
    let q = if negative { q.neg() } else { q };
    Some(q.to_i128().and_then(|q| normalized(q, places)))
}

/// `q` / 10^`places` as a decimal without trailing zeros (`Decimal::normalize`), or `None` past a
/// decimal's range (`places` at most 28). Within 64 bits, the zeros are stripped from the integer.
pub(crate) fn normalized(q: i128, places: u32) -> Option<Decimal> {
    match i64::try_from(q) {
        Ok(m) => Some(normalized_64(m, places)),
        Err(_) => Decimal::try_from_i128_with_scale(q, places).ok().map(|d| d.normalize()),
    }
}

/// [`normalized`] of a 64-bit integer (`places` at most 28): its trailing zeros stripped from
/// the integer, where `Decimal::normalize` divides 96 bits by ten for each.
#[inline]
pub(crate) fn normalized_64(mut m: i64, mut places: u32) -> Decimal {
    while places > 0 && m % 10 == 0 {
        (m, places) = (m / 10, places - 1);
    }
    Decimal::new(m, places)
}

/// `Π num / Π den`, exactly, rounded once to `places` decimal places (at most 28, a decimal's
/// own limit) by `mode`: `None` when a denominator factor is zero or the result is beyond a
/// decimal's range.
pub fn quotient(num: &[Decimal], den: &[Decimal], places: u32, mode: RoundingMode) -> Option<Decimal> {
    if den.iter().any(|d| d.is_zero()) {
        return None;
    }
    let places = places.min(28);
    // (64 bits first, as a period's mean and W2's and W3's quotients fit: 64-bit multiplications
    // and division, a fifth fewer instructions than the 128-bit steps on the county hall's
    // quotients, BENCHMARKS.md, the thirty-third round)
    quotient_in::<i64>(num, den, places, mode)
        .or_else(|| quotient_in::<i128>(num, den, places, mode))
        .unwrap_or_else(|| quotient_in::<BigInt>(num, den, places, mode).flatten())
}

/// How `Π num / Π den` compares with `x`, exactly (no factor of `den` may be zero).
pub fn cmp_quotient(num: &[Decimal], den: &[Decimal], x: Decimal) -> Ordering {
    debug_assert!(den.iter().all(|d| !d.is_zero()));
    // (no 64-bit steps first: a comparison's 128-bit steps are a few multiplications, and
    // trying 64 bits first cost more than it saved, BENCHMARKS.md, the thirty-third round)
    cmp_in::<i128>(num, den, x).unwrap_or_else(|| cmp_in::<BigInt>(num, den, x).expect("BigInt steps always fit"))
}

/// The steps of [`cmp_quotient`] in one integer width: `None` when a step does not fit in it.
fn cmp_in<W: Wide>(num: &[Decimal], den: &[Decimal], x: Decimal) -> Option<Ordering> {
    // n / d against x, with d > 0: n against x × d
    let (n, ns) = product::<W>(num)?;
    let (d, ds) = product::<W>(den)?;
    let (n, d) = if d.is_negative() { (n.neg(), d.neg()) } else { (n, d) };
    let xd = W::from_i128(x.mantissa())?.mul(&d)?;
    let (a, b) = aligned((n, ns), (xd, x.scale() + ds))?;
    Some(a.cmp(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use RoundingMode::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn a_mantissa_at_a_larger_scale() {
        // 2.5 at 3 places: 2500; below its own scale: none
        assert_eq!(mantissa_at(d("2.5"), 3), Some(2500));
        assert_eq!(mantissa_at_64(d("-2.5"), 1), Some(-25));
        assert_eq!(mantissa_at(d("2.5"), 0), None);
        // 100 at 28 places: 10^30, past 64 bits but within 128
        assert_eq!(mantissa_at_64(d("100"), 28), None);
        assert_eq!(mantissa_at(d("100"), 28), Some(10i128.pow(30)));
        // 7.9… × 10^28 at 10 places: 7.9… × 10^38, past 128 bits
        assert_eq!(mantissa_at(d("79228162514264337593543950335"), 10), None);
    }

    #[test]
    fn a_half_cent_reached_through_a_non_terminating_mean_rounds_up() {
        // issue 18: W3 = 107·31 × 15 / (186 × 20) = 13.375 exactly → 13.38 (C11, half away from zero);
        // 107/6 cut at 28 digits, ÷ 20 × 15 gives 13.37499… → 13.37
        assert_eq!(quotient(&[d("3317"), d("15")], &[d("186"), d("20")], 2, HalfAwayFromZero), Some(d("13.38")));
        assert_eq!(quotient(&[d("3317"), d("15")], &[d("186"), d("20")], 2, HalfEven), Some(d("13.38")));
        assert_eq!(quotient(&[d("3317"), d("15")], &[d("186"), d("20")], 2, Down), Some(d("13.37")));
        // 14.125 = 113/8: half-even keeps 14.12, half away gives 14.13
        assert_eq!(quotient(&[d("113")], &[d("8")], 2, HalfEven), Some(d("14.12")));
        assert_eq!(quotient(&[d("113")], &[d("8")], 2, HalfAwayFromZero), Some(d("14.13")));
        assert_eq!(quotient(&[d("1")], &[d("3")], 2, Up), Some(d("0.34")));
    }

    #[test]
    fn quotients_in_64_bits() {
        let quotient_64 = |num: &[Decimal], den: &[Decimal], places, mode| quotient_in::<i64>(num, den, places, mode).map(|q| q.expect("a decimal"));
        // a period's mean: 1234.56 / 12 = 102.88 exactly; 2.5 / 2 = 1.25 at one place, a half
        // (C11: away from zero 1.3, to even 1.2); −2.5 / 2 the same away from zero
        assert_eq!(quotient_64(&[d("1234.56")], &[d("12")], 2, HalfAwayFromZero), Some(d("102.88")));
        assert_eq!(quotient_64(&[d("2.5")], &[d("2")], 1, HalfAwayFromZero), Some(d("1.3")));
        assert_eq!(quotient_64(&[d("2.5")], &[d("2")], 1, HalfEven), Some(d("1.2")));
        assert_eq!(quotient_64(&[d("2.5")], &[d("2")], 1, Down), Some(d("1.2")));
        assert_eq!(quotient_64(&[d("2.4")], &[d("2")], 1, Up), Some(d("1.2")));
        assert_eq!(quotient_64(&[d("2.5")], &[d("-2")], 1, HalfAwayFromZero), Some(d("-1.3")));
        assert_eq!(quotient_64(&[d("-2.5")], &[d("2")], 1, Up), Some(d("-1.3")));
        // 95 / 1 at 2 places: 95, without trailing zeros (as the wide steps give it)
        assert_eq!(quotient_64(&[d("95.00")], &[d("1")], 2, HalfAwayFromZero).map(|q| (q.mantissa(), q.scale())), Some((95, 0)));
        // W3's two factors over two: 3317 × 15 / (186 × 20) = 13.375 → 13.38 (C11)
        assert_eq!(quotient_64(&[d("3317"), d("15")], &[d("186"), d("20")], 2, HalfAwayFromZero), Some(d("13.38")));
        // past 64 bits: not here (the wide steps take it)
        assert_eq!(quotient_64(&[d("1")], &[d("3")], 28, HalfAwayFromZero), None);
    }

    #[test]
    fn negative_values_round_away_from_zero_symmetrically() {
        assert_eq!(quotient(&[d("-113")], &[d("8")], 2, HalfAwayFromZero), Some(d("-14.13")));
        assert_eq!(quotient(&[d("113")], &[d("-8")], 2, HalfAwayFromZero), Some(d("-14.13")));
        assert_eq!(quotient(&[d("-1")], &[d("3")], 2, Down), Some(d("-0.33")));
        assert_eq!(quotient(&[d("-1")], &[d("3")], 2, Up), Some(d("-0.34")));
    }

    #[test]
    fn wide_factors_take_the_bigint_path_with_the_same_result() {
        // 28-digit mantissas: the products overflow i128
        let big = d("0.1234567890123456789012345678");
        let q = quotient(&[big, d("79228162514264.337593543950")], &[big, d("3")], 2, HalfAwayFromZero);
        assert_eq!(q, Some(d("26409387504754.78")));
        assert_eq!(quotient(&[d("1")], &[d("0.0000000000000000000000000001")], 2, HalfAwayFromZero), None);
        assert_eq!(quotient(&[d("1")], &[d("0")], 2, HalfAwayFromZero), None);
        // places past a decimal's 28 are its 28
        assert_eq!(quotient(&[d("2")], &[d("3")], 30, HalfAwayFromZero), Some(d("0.6666666666666666666666666667")));
    }

    #[test]
    fn comparisons_are_exact() {
        // 300 / 3 = 100 ≥ 100; 299.99 / 3 < 100
        assert_eq!(cmp_quotient(&[d("300")], &[d("3")], d("100")), Ordering::Equal);
        assert_eq!(cmp_quotient(&[d("299.99")], &[d("3")], d("100")), Ordering::Less);
        assert_eq!(cmp_quotient(&[d("1")], &[d("3")], d("0.3333333333333333333333333333")), Ordering::Greater);
        assert_eq!(cmp_quotient(&[d("-1")], &[d("-3")], d("0.34")), Ordering::Less);
        let big = d("0.1234567890123456789012345678");
        assert_eq!(cmp_quotient(&[big, big], &[big], big), Ordering::Equal);
    }

    /// The four rounding modes, for the proptests.
    fn modes() -> impl proptest::strategy::Strategy<Value = RoundingMode> {
        proptest::prop_oneof![proptest::strategy::Just(HalfAwayFromZero), proptest::strategy::Just(HalfEven), proptest::strategy::Just(Down), proptest::strategy::Just(Up)]
    }

    proptest::proptest! {
        /// The `i128` steps (one machine multiplication for factors below 2⁶³, a 64-bit division
        /// for operands within 64 bits) give what `BigInt` gives, across those boundaries and
        /// for both signs, in every rounding mode.
        #[test]
        fn the_i128_steps_are_the_bigint_steps(
            a in proptest::prelude::any::<i128>(), sa in 0u32..=28,
            b in proptest::prelude::any::<i64>(), sb in 0u32..=28,
            c in proptest::prelude::any::<i128>(), sc in 0u32..=28,
            wide in proptest::prelude::any::<bool>(),
            places in 0u32..=6,
            mode in modes(),
        ) {
            // mantissas of all widths: below 2⁶³ half the time, up to a decimal's 96 bits else
            let cut = |v: i128| if wide { v % (1 << 96) } else { v % (1 << 63) };
            let (a, c) = (Decimal::from_i128_with_scale(cut(a), sa), Decimal::from_i128_with_scale(cut(c), sc));
            let b = Decimal::new(b, sb);
            proptest::prop_assume!(!c.is_zero());
            let small = quotient_in::<i128>(&[a, b], &[c], places, mode);
            let big = quotient_in::<BigInt>(&[a, b], &[c], places, mode).expect("BigInt steps always fit");
            if let Some(small) = small {
                proptest::prop_assert_eq!(small, big);
            }
            proptest::prop_assert_eq!(quotient(&[a, b], &[c], places, mode), big);
        }
    }

    proptest::proptest! {
        /// One or two factors over one or two in 64 bits give what the `BigInt` steps give,
        /// digits and scale, for both signs, small and wide mantissas (past 64 bits they give
        /// way), every rounding mode and scales on both sides of `places`; and so do their
        /// comparisons with a decimal.
        #[test]
        fn the_64_bit_steps_are_the_bigint_steps(
            a in proptest::prelude::any::<i128>(), sa in 0u32..=28,
            b in proptest::prelude::any::<i128>(), sb in 0u32..=28,
            c in proptest::prelude::any::<i128>(), sc in 0u32..=28,
            e in proptest::prelude::any::<i128>(), se in 0u32..=28,
            (two_num, two_den) in (proptest::prelude::any::<bool>(), proptest::prelude::any::<bool>()),
            width in 0u32..4,
            places in 0u32..=28,
            mode in modes(),
        ) {
            // (a period's sums and counts, W2's and W3's: small mantissas at few places most of the time)
            let cut = |v: i128| match width { 0 => v % 100_000, 1 => v % (1 << 31), 2 => v % (1 << 64), _ => v % (1 << 96) };
            let at = |v: i128, s: u32| Decimal::from_i128_with_scale(cut(v), if width == 0 { s % 4 } else { s });
            let places = if width == 0 { places % 7 } else { places };
            let (a, b, c, e) = (at(a, sa), at(b, sb), at(c, sc), at(e, se));
            proptest::prop_assume!(!c.is_zero() && !e.is_zero());
            let num: &[Decimal] = if two_num { &[a, b] } else { &[a] };
            let den: &[Decimal] = if two_den { &[c, e] } else { &[c] };
            let big = quotient_in::<BigInt>(num, den, places, mode).expect("BigInt steps always fit");
            if let Some(ours) = quotient_in::<i64>(num, den, places, mode) {
                let (ours, big) = (ours.expect("a quotient within 64 bits is a decimal"), big.expect("a quotient within 64 bits is a decimal"));
                proptest::prop_assert_eq!((ours.mantissa(), ours.scale()), (big.mantissa(), big.scale()), "{:?} / {:?}: {} against {}", num, den, ours, big);
            }
            // and the quotient compared with a decimal (the last factor, say)
            if let Some(ours) = cmp_in::<i64>(num, den, b) {
                proptest::prop_assert_eq!(Some(ours), cmp_in::<BigInt>(num, den, b));
            }
        }
    }

    proptest::proptest! {
        /// A quotient's integer as a decimal without trailing zeros is `rust_decimal`'s
        /// `normalize`, digits and scale (a zero's sign aside, which no text shows), within
        /// 64 bits and past them.
        #[test]
        fn a_quotient_is_normalized_as_rust_decimal_normalizes(q in proptest::prelude::any::<i128>(), zeros in 0u32..20, wide in proptest::prelude::any::<bool>(), places in 0u32..=28) {
            let q = if wide { q % (1 << 96) } else { (q % 1_000_000) * 10i128.pow(zeros) };
            let theirs = Decimal::try_from_i128_with_scale(q, places).ok().map(|d| d.normalize());
            proptest::prop_assert_eq!(normalized(q, places).map(|d| (d.mantissa(), d.scale())), theirs.map(|d| (d.mantissa(), d.scale())));
        }
    }

    proptest::proptest! {
        /// A weighted sum is `rust_decimal`'s, digits and scale (so the same text), whether it
        /// stays within 96 bits or passes them (wide mantissas and weights).
        #[test]
        fn a_weighted_sum_is_rust_decimals(
            terms in proptest::collection::vec((proptest::prelude::any::<u32>(), proptest::prelude::any::<i128>(), 0u32..=28, proptest::prelude::any::<bool>()), 0..8),
        ) {
            let mut ours = WeightedSum::default();
            let mut theirs = Decimal::ZERO;
            for (w, m, scale, wide) in terms {
                // (narrow terms: small counts, zeros among them, and values that cancel out)
                let (w, m) = match (wide, w % 2) {
                    (true, _) => (w, m % (1 << 96)),
                    (false, 0) => (w % 4, m % 5 - 2),
                    (false, _) => (w % 32, m % 100_000),
                };
                let x = Decimal::from_i128_with_scale(m, scale.min(4 * u32::from(!wide) + 28 * u32::from(wide)));
                // (past a decimal's range rust_decimal's steps panic, as W2's would: limits.rs
                // keeps a measure's scores far from it)
                let Some(next) = Decimal::from(w).checked_mul(x).and_then(|t| theirs.checked_add(t)) else { break };
                theirs = next;
                ours.add(w, x);
            }
            // (digits and scale; a zero's sign aside, which no text shows)
            let (ours, theirs) = (ours.total(), theirs);
            proptest::prop_assert_eq!((ours.mantissa(), ours.scale()), (theirs.mantissa(), theirs.scale()), "{} against {}", ours, theirs);
        }
    }
}
