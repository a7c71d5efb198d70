//! Topic tagging with IPTC Media Topics, by weighted, explainable evidence.
//!
//! A [`TopicModel`] holds the IPTC Media Topics taxonomy, evidence phrases
//! (`"missile test"` is evidence for *military weaponry*, `"strike"` for
//! *labor strike* only near `"union"` or `"workers"`) and entity-kind rules
//! (a defense ministry is evidence for *defense*; two heads of state from
//! different countries for *diplomacy*). [`TopicModel::score`] turns the
//! phrase hits of an article and the entities found in it into [`Topic`]s,
//! each with a score in `[0, 1)` and the evidence that made it: which phrases
//! and entities, and how much each added. The data formats are documented in
//! `dictionaries/topics/README.md`; the scoring steps in this module's
//! `score.rs` (weights, title boost, repeats, roll-up to every ancestor,
//! length normalization, squashing).
//!
//! # Example
//!
//! ```
//! use gazetag::topics::{EvidenceSource, TopicConfig, TopicModel};
//!
//! let model = TopicModel::builtin()?;
//! let topics = model.score_article(
//!     "Union calls strike",
//!     "Workers will walk out next week after pay talks with the employers failed.",
//!     &[],
//!     &TopicConfig::default(),
//! );
//! let strike = topics.iter().find(|t| t.id == "medtop:20000530").unwrap(); // labor strike
//! assert!(strike.evidence.iter().any(|e| e.source == EvidenceSource::Phrase && e.text == "strike"));
//! assert!(topics.iter().any(|t| t.id == "medtop:09000000")); // labor, its top-level ancestor
//! # Ok::<(), gazetag::Error>(())
//! ```

mod load;
mod model;
mod score;
mod taxonomy;
mod window;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::matcher::PhraseMatch;
use crate::Label;

pub use model::TopicModel;
pub(crate) use score::{Scored, ScoredTopic};
pub use taxonomy::TopicInfo;

/// What to score: an article's title and text, the phrase hits of each (from
/// the model's [`TopicModel::phrase_set`]), and the entities found in it.
///
/// # Example
///
/// ```
/// use gazetag::topics::{TopicConfig, TopicInput, TopicModel};
///
/// let model = TopicModel::builtin()?;
/// let text = "The central bank raised interest rates to curb inflation.";
/// let mut hits = Vec::new();
/// model.find_phrases(text, &mut hits);
/// let input = TopicInput { title: "", text, title_hits: &[], text_hits: &hits, entities: &[] };
/// let topics = model.score(&input, &TopicConfig::default());
/// assert_eq!(topics[0].id, "medtop:04000000"); // economy, business and finance
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct TopicInput<'a> {
    /// The headline; may be empty. Its hits count [`TopicConfig::title_boost`] times.
    pub title: &'a str,
    /// The body text.
    pub text: &'a str,
    /// Phrase hits in `title` (offsets into `title`).
    pub title_hits: &'a [PhraseMatch],
    /// Phrase hits in `text` (offsets into `text`).
    pub text_hits: &'a [PhraseMatch],
    /// Entities found in the article, one per distinct entity.
    pub entities: &'a [EntityFact<'a>],
}

/// An entity found in an article, as topic evidence: its label, its kind
/// (`defense_ministry`, `head_of_state`, `sports_club`...), its country and
/// its name (shown in the evidence list).
///
/// # Example
///
/// ```
/// use gazetag::topics::{EntityFact, TopicConfig, TopicInput, TopicModel};
/// use gazetag::Label;
///
/// let model = TopicModel::builtin()?;
/// let entities = [
///     EntityFact { label: Label::Person, kind: "head_of_state", country: Some("KR"), name: "Lee Jae-myung" },
///     EntityFact { label: Label::Person, kind: "head_of_state", country: Some("US"), name: "Donald Trump" },
/// ];
/// let input = TopicInput { entities: &entities, ..TopicInput::default() };
/// let topics = model.score(&input, &TopicConfig::default());
/// assert!(topics.iter().any(|t| t.id == "medtop:20000639")); // diplomacy, by the pair rule
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EntityFact<'a> {
    /// The entity's label.
    pub label: Label,
    /// The entity's kind, as in the dictionaries.
    pub kind: &'a str,
    /// ISO 3166-1 alpha-2 code of the entity's country, if known.
    pub country: Option<&'a str>,
    /// The entity's name.
    pub name: &'a str,
}

/// Scoring options.
///
/// The defaults: `threshold` 0.2 (a topic needs about one strong phrase in a
/// short article, more in a long one), `top_k` 10, `title_boost` 2.
///
/// # Example
///
/// ```
/// use gazetag::topics::{TopicConfig, TopicModel};
///
/// let model = TopicModel::builtin()?;
/// let config = TopicConfig { top_k: 3, ..TopicConfig::default() };
/// let text = "Rebels shelled the city as the army launched an offensive; the ceasefire collapsed.";
/// assert!(model.score_article("", text, &[], &config).len() <= 3);
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TopicConfig {
    /// Topics scoring below this are left out.
    pub threshold: f32,
    /// At most this many topics are returned (the best ones). Because an
    /// ancestor scores at least as high as its descendants, the returned
    /// topics always include each one's top-level ancestor.
    pub top_k: usize,
    /// How many times a title hit counts.
    pub title_boost: f32,
}

impl Default for TopicConfig {
    fn default() -> TopicConfig {
        TopicConfig {
            threshold: 0.2,
            top_k: 10,
            title_boost: 2.0,
        }
    }
}

/// A topic found in an article.
///
/// # Example
///
/// ```
/// use gazetag::topics::{TopicConfig, TopicModel};
///
/// let model = TopicModel::builtin()?;
/// let topics = model.score_article("Earthquake hits", "The earthquake destroyed homes.", &[], &TopicConfig::default());
/// let quake = topics.iter().find(|t| t.label == "earthquake").unwrap();
/// assert_eq!(quake.id, "medtop:20000153");
/// assert!(quake.score > 0.0 && quake.score < 1.0);
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Topic {
    /// The qcode, `medtop:NNNNNNNN`.
    pub id: String,
    /// The English label.
    pub label: String,
    /// In `[0, 1)`.
    pub score: f32,
    /// What made the score, largest first.
    pub evidence: Vec<TopicEvidence>,
}

/// One piece of evidence for a topic.
///
/// # Example
///
/// ```
/// use gazetag::topics::{EvidenceSource, TopicConfig, TopicModel};
///
/// let model = TopicModel::builtin()?;
/// let topics = model.score_article("", "The diplomat met the ambassador.", &[], &TopicConfig::default());
/// let ir = topics.iter().find(|t| t.id == "medtop:20000638").unwrap(); // international relations
/// let rollup = ir.evidence.iter().find(|e| e.source == EvidenceSource::Rollup).unwrap();
/// assert_eq!(rollup.text, "diplomacy");
/// assert!(rollup.weight_added > 0.0);
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TopicEvidence {
    /// Where it came from.
    pub source: EvidenceSource,
    /// The phrase (lower case), the entity (`kind: name (country)`), or the
    /// label of the child topic rolled up.
    pub text: String,
    /// Raw evidence added, before length normalization and squashing
    /// (negative for negative phrases).
    pub weight_added: f32,
    /// How many hits or entities it sums.
    pub count: u32,
    /// Whether the phrase was found in the title.
    pub in_title: bool,
}

/// The kind of a piece of evidence.
///
/// # Example
///
/// ```
/// use gazetag::topics::EvidenceSource;
/// assert_eq!(EvidenceSource::Rollup.as_str(), "rollup");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EvidenceSource {
    /// A phrase of `evidence.jsonl` found in the article.
    Phrase,
    /// An entity, by an `entity_topics.jsonl` rule.
    Entity,
    /// The summed evidence of a child topic.
    Rollup,
}

impl EvidenceSource {
    /// The name used in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceSource::Phrase => "phrase",
            EvidenceSource::Entity => "entity",
            EvidenceSource::Rollup => "rollup",
        }
    }
}
