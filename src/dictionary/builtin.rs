//! The dictionaries embedded in the crate (feature `default-dictionaries`).

use std::path::Path;

use super::Dictionary;
use crate::Error;

/// The generated file lists (empty without the feature; see `build.rs`).
mod files {
    include!(concat!(env!("OUT_DIR"), "/builtin_dictionaries.rs"));
}

/// The built-in entity dictionaries, parsed; empty without the
/// `default-dictionaries` feature.
pub(crate) fn builtin_dictionary() -> Result<Dictionary, Error> {
    let mut dict = Dictionary::new();
    for (name, content) in files::ENTITY_FILES {
        let path = Path::new("dictionaries").join(name);
        super::load::parse_into(&mut dict, &path, content)?;
    }
    Ok(dict)
}

/// The built-in files of one kind (`topics` or `rules`), as (name relative
/// to `dictionaries/`, content); empty without the feature.
pub(crate) fn builtin_files(kind: &str) -> &'static [(&'static str, &'static str)] {
    match kind {
        "topics" => files::TOPIC_FILES,
        "rules" => files::RULE_FILES,
        _ => &[],
    }
}
