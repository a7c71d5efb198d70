//! The dictionaries embedded in the crate (feature `default-dictionaries`).

use std::path::Path;

use super::Dictionary;
use crate::Error;

#[cfg(feature = "default-dictionaries")]
mod files {
    include!(concat!(env!("OUT_DIR"), "/builtin_dictionaries.rs"));
}

/// The built-in entity dictionaries, parsed; empty without the
/// `default-dictionaries` feature.
pub(crate) fn builtin_dictionary() -> Result<Dictionary, Error> {
    let mut dict = Dictionary::new();
    #[cfg(feature = "default-dictionaries")]
    for (name, content) in files::ENTITY_FILES {
        let path = Path::new("dictionaries").join(name);
        super::load::parse_into(&mut dict, &path, content)?;
    }
    let _ = Path::new("");
    Ok(dict)
}

/// The built-in files of one kind (`topics` or `rules`), as (name, content).
#[allow(dead_code)]
pub(crate) fn builtin_files(kind: &str) -> &'static [(&'static str, &'static str)] {
    #[cfg(feature = "default-dictionaries")]
    {
        match kind {
            "topics" => return files::TOPIC_FILES,
            "rules" => return files::RULE_FILES,
            _ => {}
        }
    }
    let _ = kind;
    &[]
}
