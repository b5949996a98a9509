//! Value types every API family shares: an open string enumeration and a
//! calendar date.

#[macro_use]
mod open_enum;
mod date;

pub use date::Date;
