//! gazetag
#![forbid(unsafe_code)]

mod boundary;
mod dictionary;
mod error;
pub mod matcher;
pub mod normalize;

pub use dictionary::{Alias, Dictionary, Entry, Guard, Label, MatchPolicy};
pub use error::Error;
