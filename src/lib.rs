//! gazetag
#![forbid(unsafe_code)]

pub mod segment;
