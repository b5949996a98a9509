//! [`Amount`]: an exact decimal amount of money, as the modern API sends it.
//!
//! The modern API sends money as JSON numbers (`"available": 1274.93`,
//! `format: double`). Read as `f64`, `1274.93` is really
//! 1274.930000000000063664629124104976654052734375: sums drift, and
//! converting to cents can land one cent off. `Amount` reads the number's
//! digits instead of its `f64` value and keeps them exactly, as an integer
//! mantissa and a count of decimal places.
//!
//! A small type of our own rather than a decimal crate, as with
//! [`Date`](super::Date): plaid-core's short dependency tree is a feature,
//! and the API needs only exact reading, writing, comparing and adding.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Neg;
use std::str::FromStr;

use serde::de::{Error as _, Unexpected};
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::error::Error;

/// The most decimal places an [`Amount`] holds.
///
/// With at most 18 places and a mantissa of at most `i64::MAX`, two
/// amounts brought to the same scale still fit an `i128`
/// (`i64::MAX × 10¹⁸ < i128::MAX`): comparing never overflows, and `10¹⁸`
/// itself fits an `i64`.
const MAX_SCALE: u32 = 18;

/// What the decoder expects, without the value it was given.
const EXPECTED: &str = "a JSON number with at most 18 decimal places whose digits fit a signed \
                        64-bit integer";

/// An exact decimal amount: `mantissa × 10^-scale`, for example
/// `1274.93` = 127493 × 10⁻².
///
/// A number of a currency's units (dollars, not cents); the currency
/// travels beside it in the API (`iso_currency_code`). Not `f64`, because
/// most decimal fractions have no exact binary value: `0.1 + 0.2 != 0.3` in
/// `f64`, and a balance must add up to the cent.
///
/// - **Range.** The mantissa lies in `-i64::MAX..=i64::MAX` (so negating
///   never overflows) and the scale in `0..=18`: about ±9.2 × 10¹⁸ at scale
///   0, ±92 × 10¹⁵ at scale 2. A number outside that range, or with more
///   decimal places than 18 (after dropping trailing zeros), is an error,
///   never rounded.
/// - **Scale kept.** Trailing zeros are kept as written: `12.50` has scale 2,
///   prints as `12.50` and serialises as `12.50`. An exponent is applied:
///   `1e3` is `1000`, `1.5E-2` is `0.015`. `-0` is zero and prints as `0`.
/// - **Equality by value.** `12.5 == 12.50`, and [`Ord`] and [`Hash`] agree
///   with that; [`mantissa`](Amount::mantissa) and
///   [`scale`](Amount::scale) tell the two apart.
///
/// Serde reads a JSON number's text (never its `f64`), so it needs a
/// `serde_json` deserializer: `from_slice`, `from_str`, `from_reader` and
/// `serde_path_to_error` over them all work. `serde_json::from_value` works
/// too but sees what `Value` kept, an `f64` unless serde_json's
/// `arbitrary_precision` feature is on. `#[serde(flatten)]` beside an
/// `Amount` is fine (serde reads known fields directly), but an `Amount`
/// inside an untagged or internally tagged enum fails to decode: serde
/// buffers those values as `f64` first, and `Amount` refuses rather than
/// round. Serialising writes the plain decimal text as a JSON number through
/// `serde_json`'s raw values.
///
/// ```
/// use plaid_core::Amount;
///
/// let available: Amount = serde_json::from_str("1274.93")?;
/// assert_eq!(available.minor_units(2), Some(127_493));
/// assert_eq!(Amount::from_minor_units(127_493, 2), Some(available));
/// let price: Amount = serde_json::from_str("12.50")?;
/// assert_eq!(serde_json::to_string(&price)?, "12.50");
/// assert_eq!(price, Amount::from_minor_units(125, 1).unwrap_or_default());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Default)]
pub struct Amount {
    mantissa: i64,
    scale: u8,
}

/// Why text is not an [`Amount`]; never quotes the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    /// Not JSON number syntax.
    Syntax,
    /// The integer part does not fit.
    TooLarge,
    /// More decimal places, or significant digits, than fit.
    TooPrecise,
}

impl Problem {
    fn describe(self) -> &'static str {
        match self {
            Problem::Syntax => "text that is not a JSON number",
            Problem::TooLarge => "a number too large for 64-bit digits",
            Problem::TooPrecise => "a number with more decimal places than fit",
        }
    }
}

impl Amount {
    /// Zero, with no decimal places.
    pub const ZERO: Amount = Amount {
        mantissa: 0,
        scale: 0,
    };

    /// The amount `units × 10^-decimals`: `Amount::from_minor_units(127493,
    /// 2)` is `1274.93`. `None` if `decimals` is over 18 or `units` is
    /// `i64::MIN` (whose negation would not fit).
    pub fn from_minor_units(units: i64, decimals: u32) -> Option<Amount> {
        if decimals > MAX_SCALE || units == i64::MIN {
            return None;
        }
        let scale = u8::try_from(decimals).ok()?;
        Some(Amount {
            mantissa: units,
            scale,
        })
    }

    /// The integer digits: 127493 for `1274.93`, 1250 for `12.50`.
    pub fn mantissa(self) -> i64 {
        self.mantissa
    }

    /// The number of decimal places as written: 2 for `12.50`, 0 for `1e3`.
    pub fn scale(self) -> u32 {
        u32::from(self.scale)
    }

    /// The amount in units of `10^-decimals` (cents for 2) when that is an
    /// exact integer that fits an `i64`: `12.5` gives `Some(1250)` for 2 and
    /// `None` for 0.
    pub fn minor_units(self, decimals: u32) -> Option<i64> {
        if self.mantissa == 0 {
            return Some(0);
        }
        let own = self.scale();
        if decimals >= own {
            self.mantissa
                .checked_mul(10i64.checked_pow(decimals - own)?)
        } else {
            let divisor = pow10(own - decimals);
            (self.mantissa % divisor == 0).then_some(self.mantissa / divisor)
        }
    }

    /// The nearest `f64`. **Lossy**: most decimal fractions have no exact
    /// `f64`; use it for display or statistics, never for sums that must
    /// balance.
    pub fn to_f64(self) -> f64 {
        // Both operands exact and one IEEE division: correctly rounded.
        // (10^18 is exact in f64, as every power of ten up to 10^22 is.)
        const EXACT_F64_INT: u64 = 1 << 53;
        let quotient = self.mantissa as f64 / pow10(self.scale()) as f64;
        if self.mantissa.unsigned_abs() <= EXACT_F64_INT {
            return quotient;
        }
        // Rust's float parser rounds correctly; the text is always valid.
        self.to_string().parse().unwrap_or(quotient)
    }

    /// Whether the amount is below zero (`-0` is not).
    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// Whether the amount is zero, at any scale.
    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// The absolute value, with the same scale. Never overflows: the
    /// mantissa's range is symmetric.
    pub fn abs(self) -> Amount {
        Amount {
            mantissa: self.mantissa.abs(),
            scale: self.scale,
        }
    }

    /// The same value without trailing zeros: `12.50` becomes `12.5`, `100`
    /// stays `100`.
    pub fn normalized(self) -> Amount {
        let mut out = self;
        while out.scale > 0 && out.mantissa % 10 == 0 {
            out.mantissa /= 10;
            out.scale -= 1;
        }
        out
    }

    /// The exact sum, at the larger of the two scales (`1.5 + 0.25 =
    /// 1.75`), or `None` if it does not fit.
    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        let (a, b, scale) = aligned(self, other);
        Amount::from_wide(a + b, scale)
    }

    /// The exact difference, at the larger of the two scales, or `None` if
    /// it does not fit.
    pub fn checked_sub(self, other: Amount) -> Option<Amount> {
        let (a, b, scale) = aligned(self, other);
        Amount::from_wide(a - b, scale)
    }

    /// `mantissa × 10^-scale` from a wide mantissa, dropping trailing zeros
    /// only as far as needed to fit.
    fn from_wide(mut mantissa: i128, mut scale: u32) -> Option<Amount> {
        while scale > MAX_SCALE || mantissa.unsigned_abs() > i64::MAX.unsigned_abs().into() {
            if scale == 0 || mantissa % 10 != 0 {
                return None;
            }
            mantissa /= 10;
            scale -= 1;
        }
        Amount::from_minor_units(i64::try_from(mantissa).ok()?, scale)
    }

    /// Parses JSON number syntax exactly (see [`Amount`] for the range).
    fn parse(text: &str) -> Result<Amount, Problem> {
        let number = Number::split(text).ok_or(Problem::Syntax)?;
        number.to_amount()
    }
}

/// The two mantissas brought to the larger scale, and that scale. Fits:
/// see [`MAX_SCALE`].
fn aligned(a: Amount, b: Amount) -> (i128, i128, u32) {
    let scale = a.scale().max(b.scale());
    let widen = |x: Amount| i128::from(x.mantissa) * i128::from(pow10(scale - x.scale()));
    (widen(a), widen(b), scale)
}

/// `10^exponent` for the exponents a scale difference can take (0 to 18).
fn pow10(exponent: u32) -> i64 {
    10i64.pow(exponent.min(MAX_SCALE))
}

/// A JSON number split into its parts: `-12.50e3` is negative, `12`,
/// `50`, exponent 3.
struct Number<'a> {
    negative: bool,
    integer: &'a str,
    fraction: &'a str,
    /// Saturated far beyond any exponent that could give an amount, so a
    /// huge exponent still decides correctly (zero, too large, too precise).
    exponent: i64,
}

impl<'a> Number<'a> {
    /// The parts of `text` if it is exactly JSON number syntax:
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn split(text: &'a str) -> Option<Number<'a>> {
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (integer, rest) = split_digits(rest);
        if integer.is_empty() || (integer.len() > 1 && integer.starts_with('0')) {
            return None;
        }
        let (fraction, rest) = match rest.strip_prefix('.') {
            Some(rest) => {
                let (fraction, rest) = split_digits(rest);
                if fraction.is_empty() {
                    return None;
                }
                (fraction, rest)
            }
            None => ("", rest),
        };
        let exponent = match rest.strip_prefix(['e', 'E']) {
            Some(rest) => {
                let (sign, rest) = match rest.strip_prefix(['+', '-']) {
                    Some(digits) => (rest.starts_with('-'), digits),
                    None => (false, rest),
                };
                let (digits, rest) = split_digits(rest);
                if digits.is_empty() || !rest.is_empty() {
                    return None;
                }
                let magnitude = digits.bytes().fold(0i64, |acc, digit| {
                    (acc * 10 + i64::from(digit - b'0')).min(EXPONENT_LIMIT)
                });
                if sign { -magnitude } else { magnitude }
            }
            None if rest.is_empty() => 0,
            None => return None,
        };
        Some(Number {
            negative,
            integer,
            fraction,
            exponent,
        })
    }

    /// The exact amount, keeping the written scale when it fits and
    /// dropping trailing zeros only as far as needed.
    fn to_amount(&self) -> Result<Amount, Problem> {
        let digits = || self.integer.bytes().chain(self.fraction.bytes());
        let leading_zeros = digits().take_while(|&d| d == b'0').count();
        let significant = digits().count() - leading_zeros;
        // The value is (significant digits) × 10^-written_scale.
        let fraction_len = i64::try_from(self.fraction.len()).unwrap_or(i64::MAX);
        let written_scale = fraction_len.saturating_sub(self.exponent);
        if significant == 0 {
            let scale = u8::try_from(written_scale.clamp(0, i64::from(MAX_SCALE))).unwrap_or(0);
            return Ok(Amount { mantissa: 0, scale });
        }
        let trailing_zeros = digits().rev().take_while(|&d| d == b'0').count();
        let significant_digits = || digits().skip(leading_zeros);

        if written_scale <= 0 {
            // An integer: the digits followed by -written_scale zeros.
            let shift = u32::try_from(-written_scale).map_err(|_| Problem::TooLarge)?;
            let mantissa = accumulate(significant_digits()).ok_or(Problem::TooLarge)?;
            let mantissa = 10i64
                .checked_pow(shift)
                .and_then(|factor| mantissa.checked_mul(factor))
                .ok_or(Problem::TooLarge)?;
            return Ok(self.signed(mantissa, 0));
        }

        // Drop trailing zeros, fewest first, until the scale and the digits fit.
        let droppable = i64::try_from(trailing_zeros)
            .unwrap_or(i64::MAX)
            .min(written_scale);
        let first = (written_scale - i64::from(MAX_SCALE)).max(0);
        for dropped in first..=droppable {
            let kept = significant - usize::try_from(dropped).unwrap_or(usize::MAX);
            if let Some(mantissa) = accumulate(significant_digits().take(kept)) {
                let scale =
                    u8::try_from(written_scale - dropped).map_err(|_| Problem::TooPrecise)?;
                return Ok(self.signed(mantissa, scale));
            }
        }
        if first > droppable {
            return Err(Problem::TooPrecise);
        }
        // Nothing fits: blame the integer part if it alone is too large.
        let integer_digits = i64::try_from(significant)
            .unwrap_or(i64::MAX)
            .saturating_sub(written_scale);
        let integer_part = usize::try_from(integer_digits).unwrap_or(0);
        if integer_part > 0 && accumulate(significant_digits().take(integer_part)).is_none() {
            Err(Problem::TooLarge)
        } else {
            Err(Problem::TooPrecise)
        }
    }

    fn signed(&self, magnitude: i64, scale: u8) -> Amount {
        let mantissa = if self.negative { -magnitude } else { magnitude };
        Amount { mantissa, scale }
    }
}

/// Far beyond any exponent that gives a representable non-zero amount
/// (|exponent| ≤ 18 + the digits written), yet small enough that no sum
/// with it overflows.
const EXPONENT_LIMIT: i64 = 1 << 40;

/// The leading ASCII digits of `text`, and the rest.
fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// The decimal value of `digits` if it is at most `i64::MAX`.
fn accumulate(mut digits: impl Iterator<Item = u8>) -> Option<i64> {
    digits.try_fold(0i64, |acc, digit| {
        acc.checked_mul(10)?.checked_add(i64::from(digit - b'0'))
    })
}

impl PartialEq for Amount {
    fn eq(&self, other: &Amount) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Amount {}

impl PartialOrd for Amount {
    fn partial_cmp(&self, other: &Amount) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Amount {
    fn cmp(&self, other: &Amount) -> Ordering {
        let (a, b, _) = aligned(*self, *other);
        a.cmp(&b)
    }
}

impl Hash for Amount {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Equal values have the same normalized form.
        let normal = self.normalized();
        normal.mantissa.hash(state);
        normal.scale.hash(state);
    }
}

impl Neg for Amount {
    type Output = Amount;

    /// Never overflows: the mantissa's range is symmetric.
    fn neg(self) -> Amount {
        Amount {
            mantissa: -self.mantissa,
            scale: self.scale,
        }
    }
}

/// Plain decimal text with the amount's scale, never an exponent:
/// `1274.93`, `-0.05`, `12.50`, `1000`.
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.is_negative() { "-" } else { "" };
        let magnitude = self.mantissa.unsigned_abs();
        if self.scale == 0 {
            return write!(f, "{sign}{magnitude}");
        }
        let divisor = pow10(self.scale()).unsigned_abs();
        let width = usize::from(self.scale);
        write!(
            f,
            "{sign}{}.{:0width$}",
            magnitude / divisor,
            magnitude % divisor
        )
    }
}

impl fmt::Debug for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Parses exactly JSON number syntax (`12.50`, `-1.5E-2`; not `+1`, `.5`,
/// `01` or surrounding spaces), with the range of [`Amount`].
impl FromStr for Amount {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Amount::parse(text).map_err(|problem| {
            Error::invalid_input(format!(
                "an amount must be {EXPECTED}, not {}",
                problem.describe()
            ))
        })
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A raw value is the only way to write a number's exact digits
        // through serde_json without its `arbitrary_precision` feature.
        let raw = RawValue::from_string(self.to_string()).map_err(S::Error::custom)?;
        raw.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // The number's text, not its f64. Boxed rather than borrowed so that
        // readers and `Value`s, which cannot lend their text, work too.
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let text = raw.get();
        let unexpected = match text.bytes().next() {
            Some(b'"') => Unexpected::Other("string"),
            Some(b't' | b'f') => Unexpected::Other("boolean"),
            Some(b'n') => Unexpected::Unit,
            Some(b'{') => Unexpected::Map,
            Some(b'[') => Unexpected::Seq,
            _ => {
                return Amount::parse(text).map_err(|problem| {
                    D::Error::invalid_value(Unexpected::Other(problem.describe()), &EXPECTED)
                });
            }
        };
        Err(D::Error::invalid_type(unexpected, &EXPECTED))
    }
}

#[cfg(test)]
mod tests;
