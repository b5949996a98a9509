//! Value types every API family shares: an open string enumeration, a
//! calendar date and an exact amount of money.

#[macro_use]
mod open_enum;
mod date;
mod money;

pub use date::Date;
pub use money::Amount;
