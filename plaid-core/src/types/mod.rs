//! Value types every API family shares: an open string enumeration, a
//! calendar date, an RFC 3339 date-time and an exact amount of money.

#[macro_use]
mod open_enum;
mod date;
mod datetime;
mod money;

pub use date::Date;
pub use datetime::DateTime;
pub use money::Amount;
