//! gazetag
#![forbid(unsafe_code)]

mod boundary;
mod dictionary;
mod doc;
mod error;
pub mod export;
mod guard;
mod link;
pub mod matcher;
pub mod normalize;
pub mod output;
mod resolve;
pub mod rules;
pub mod segment;
mod tagger;

pub use dictionary::{Alias, Dictionary, Entry, Guard, Label, MatchPolicy};
pub use doc::{Doc, EntityRef, Evidence, Field, LocalEntity, Mention, Reason, Rejected, Span};
pub use error::Error;
pub use resolve::Overlap;
pub use tagger::{Document, Tagger, TaggerBuilder};
