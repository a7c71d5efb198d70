//! Owned, serializable records: the JSON Lines output contract.
//!
//! One [`DocRecord`] per input line: `{"id", "entities": [...], "topics": [...]}`
//! as described in `../shared/eval/README.md`; a line that could not be read
//! becomes a record with an `error` instead.

use serde::{Deserialize, Serialize};

use crate::dictionary::Label;
use crate::doc::Field;
use crate::topics::Topic;

/// The output record of one document.
#[derive(Clone, Debug, Serialize)]
pub struct DocRecord {
    /// The input's id, passed through unchanged.
    pub id: serde_json::Value,
    /// Tagged entities, title first, each field in order of position.
    pub entities: Vec<EntityRecord>,
    /// Topics, best first.
    pub topics: Vec<Topic>,
    /// Set when the input line could not be tagged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorRecord>,
}

/// Why an input line produced no tags.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct ErrorRecord {
    /// 1-based line number in the input.
    pub line: u64,
    /// What was wrong.
    pub reason: String,
}

/// One entity mention in the output contract.
#[derive(Clone, Debug, Serialize)]
pub struct EntityRecord {
    /// UTF-8 byte offset of the start, in the field's text.
    pub start: usize,
    /// UTF-8 byte offset of the end (exclusive).
    pub end: usize,
    /// Char (Unicode scalar value) offset of the start.
    pub char_start: usize,
    /// Char offset of the end (exclusive).
    pub char_end: usize,
    /// `"text"` or `"title"`.
    pub field: Field,
    /// `person`, `organization`, `place` or `nationality`.
    pub label: Label,
    /// The surface, as written.
    pub text: String,
    /// The entity's id, when one entity was decided.
    pub entity: Option<String>,
    /// Canonical name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Finer kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// ISO code of the entity's country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// A person's office.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// The entity's Wikidata id (`Q884`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// Why it was tagged.
    pub evidence: EvidenceRecord,
}

/// The evidence of a mention, in the output.
#[derive(Clone, Debug, Serialize)]
pub struct EvidenceRecord {
    /// `alias`, `short_form`, `titled` (a short form after its office's
    /// title), `byline`, or `rule` (the rule's name in `alias`).
    pub source: &'static str,
    /// The alias that matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// Its match policy.
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub policy: Option<&'static str>,
    /// For a short form: the field and byte span of the full name it links to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<(Field, usize, usize)>,
    /// For an ambiguous mention: the ids of the entries that fit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub candidates: Option<Vec<String>>,
}
