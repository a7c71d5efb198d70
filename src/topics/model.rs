//! The loaded, compiled topic model.

use std::path::Path;
use std::sync::Arc;

use super::load::Tables;
use super::taxonomy::TopicInfo;
use super::{score, EntityFact, Topic, TopicConfig, TopicInput};
use crate::matcher::{PhraseMatch, PhraseSet};
use crate::normalize::Normalized;
use crate::{Error, MatchPolicy};

/// File names a topic model is read from, in load order.
pub(crate) const TAXONOMY_FILE: &str = "taxonomy.jsonl";
pub(crate) const EVIDENCE_FILE: &str = "evidence.jsonl";
pub(crate) const ENTITY_FILE: &str = "entity_topics.jsonl";

/// IPTC Media Topics with their evidence, compiled for scoring articles.
///
/// A model holds the taxonomy, the evidence rules and one [`PhraseSet`] for
/// every evidence phrase and context term, built once. It is cheap to clone
/// (an `Arc` inside) and `Send + Sync`: build one and share it.
///
/// # Example
///
/// ```
/// # #[cfg(feature = "default-dictionaries")] {
/// use gazetag::topics::{TopicConfig, TopicModel};
///
/// let model = TopicModel::builtin()?;
/// let topics = model.score_article(
///     "Defence ministers hold talks",
///     "The two defence ministers discussed the alliance, joint military exercises and missile threats.",
///     &[],
///     &TopicConfig::default(),
/// );
/// assert_eq!(topics[0].id, "medtop:11000000"); // politics
/// assert!(topics.iter().any(|t| t.id == "medtop:20000598")); // defense
/// # }
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct TopicModel {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    tables: Tables,
    set: PhraseSet,
}

impl TopicModel {
    /// Loads `taxonomy.jsonl`, `evidence.jsonl` and (if present)
    /// `entity_topics.jsonl` from a directory, in the formats of
    /// `dictionaries/topics/README.md`.
    ///
    /// # Errors
    ///
    /// A missing taxonomy or evidence file, or any bad line, with its file and
    /// line ([`Error::file`], [`Error::line`]).
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::topics::TopicModel;
    ///
    /// let err = TopicModel::from_dir("no/such/dir").unwrap_err();
    /// assert!(err.is_io());
    /// ```
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<TopicModel, Error> {
        let dir = dir.as_ref();
        let read = |name: &str, required: bool| -> Result<Option<String>, Error> {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(s) => Ok(Some(s)),
                Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(Error::io(&path, &e)),
            }
        };
        let taxonomy = read(TAXONOMY_FILE, true)?.unwrap_or_default();
        let evidence = read(EVIDENCE_FILE, true)?.unwrap_or_default();
        let entities = read(ENTITY_FILE, false)?.unwrap_or_default();
        TopicModel::build(dir, &taxonomy, &evidence, &entities)
    }

    /// Builds a model from the contents of the three files; errors name them
    /// `taxonomy.jsonl`, `evidence.jsonl` and `entity_topics.jsonl`.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::topics::TopicModel;
    ///
    /// let taxonomy = r#"{"id": "medtop:15000000", "label": "sport"}"#;
    /// let evidence = r#"{"topic": "medtop:15000000", "phrase": "goal", "weight": 2.0}
    /// {"topic": "medtop:99999999", "phrase": "x", "weight": 1.0}"#;
    /// let err = TopicModel::from_jsonl_strs(taxonomy, evidence, "").unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// assert!(err.to_string().contains("evidence.jsonl:2"));
    /// assert!(err.to_string().contains("unknown topic"));
    /// ```
    pub fn from_jsonl_strs(
        taxonomy: &str,
        evidence: &str,
        entity_rules: &str,
    ) -> Result<TopicModel, Error> {
        TopicModel::build(Path::new(""), taxonomy, evidence, entity_rules)
    }

    /// The model built from the crate's embedded `dictionaries/topics/`
    /// (feature `default-dictionaries`). The first call parses and compiles
    /// them (tens of milliseconds); later calls return a clone.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::topics::TopicModel;
    ///
    /// let model = TopicModel::builtin()?;
    /// assert!(model.topic_count() > 1000);
    /// assert_eq!(model.topic("medtop:20000598").unwrap().label(), "defense");
    /// # Ok::<(), gazetag::Error>(())
    /// ```
    ///
    /// Without the feature the files are not in the crate, and this returns
    /// an error.
    pub fn builtin() -> Result<TopicModel, Error> {
        static BUILTIN: std::sync::OnceLock<Result<TopicModel, Error>> = std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let files = crate::dictionary::builtin_files("topics");
                let file = |name: &str| {
                    files
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, content)| *content)
                };
                match (
                    file("topics/taxonomy.jsonl"),
                    file("topics/evidence.jsonl"),
                    file("topics/entity_topics.jsonl"),
                ) {
                    (Some(taxonomy), Some(evidence), Some(entities)) => TopicModel::build(
                        Path::new("dictionaries/topics"),
                        taxonomy,
                        evidence,
                        entities,
                    ),
                    _ => Err(Error::invalid(
                        "the built-in topic model is not in this build (feature `default-dictionaries`)",
                    )),
                }
            })
            .clone()
    }

    fn build(
        dir: &Path,
        taxonomy: &str,
        evidence: &str,
        entities: &str,
    ) -> Result<TopicModel, Error> {
        let mut tables = Tables::default();
        tables.add_taxonomy(&dir.join(TAXONOMY_FILE), taxonomy)?;
        tables.add_evidence(&dir.join(EVIDENCE_FILE), evidence)?;
        tables.add_entity_rules(&dir.join(ENTITY_FILE), entities)?;
        tables.flatten();
        let set = PhraseSet::new(tables.phrase_list())?;
        Ok(TopicModel {
            inner: Arc::new(Inner { tables, set }),
        })
    }

    /// The topic with this qcode.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::topics::TopicModel;
    ///
    /// let model = TopicModel::from_jsonl_strs(
    ///     "{\"id\": \"medtop:11000000\", \"label\": \"politics\"}\n\
    ///      {\"id\": \"medtop:20000574\", \"label\": \"election\", \"parent\": \"medtop:11000000\"}",
    ///     "", "")?;
    /// let election = model.topic("medtop:20000574").unwrap();
    /// assert_eq!(election.parent(), Some("medtop:11000000"));
    /// assert_eq!(election.depth(), 1);
    /// assert!(model.topic("medtop:00000000").is_none());
    /// # Ok::<(), gazetag::Error>(())
    /// ```
    pub fn topic(&self, id: &str) -> Option<&TopicInfo> {
        let t = self.inner.tables.taxonomy.get(id)?;
        self.inner.tables.taxonomy.topics.get(t as usize)
    }

    /// Every topic of the taxonomy, in file order.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::topics::TopicModel;
    ///
    /// let model = TopicModel::builtin()?;
    /// assert_eq!(model.topics().filter(|t| t.parent().is_none()).count(), 17);
    /// # Ok::<(), gazetag::Error>(())
    /// ```
    pub fn topics(&self) -> impl Iterator<Item = &TopicInfo> + '_ {
        self.inner.tables.taxonomy.topics.iter()
    }

    /// Number of topics.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::topics::TopicModel;
    /// assert_eq!(TopicModel::from_jsonl_strs("", "", "")?.topic_count(), 0);
    /// # Ok::<(), gazetag::Error>(())
    /// ```
    pub fn topic_count(&self) -> usize {
        self.inner.tables.taxonomy.topics.len()
    }

    /// Number of evidence rules (phrase rows).
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::topics::TopicModel;
    /// assert!(TopicModel::builtin()?.rule_count() > 5000);
    /// # Ok::<(), gazetag::Error>(())
    /// ```
    pub fn rule_count(&self) -> usize {
        self.inner.tables.rules.len()
    }

    /// The compiled set of evidence phrases and context terms; the phrase
    /// indexes of its matches are what [`TopicInput`] takes.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::topics::TopicModel;
    /// let model = TopicModel::builtin()?;
    /// assert!(model.phrase_set().len() >= model.rule_count() / 2);
    /// # Ok::<(), gazetag::Error>(())
    /// ```
    pub fn phrase_set(&self) -> &PhraseSet {
        &self.inner.set
    }

    /// Every phrase's (text, policy), in the order of [`TopicModel::phrase_set`]:
    /// a tagger compiles them into its own set, after its aliases.
    pub(crate) fn phrases(&self) -> impl Iterator<Item = (&str, MatchPolicy)> + '_ {
        self.inner.tables.phrase_list()
    }

    /// Appends the phrase hits of `text` to `out` (normalizing it first);
    /// see [`TopicModel::phrase_set`] to reuse a normalization.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::topics::TopicModel;
    ///
    /// let model = TopicModel::builtin()?;
    /// let text = "Diplomats met.";
    /// let mut hits = Vec::new();
    /// model.find_phrases(text, &mut hits);
    /// assert!(hits.iter().any(|m| &text[m.start..m.end] == "Diplomats"));
    /// # Ok::<(), gazetag::Error>(())
    /// ```
    pub fn find_phrases(&self, text: &str, out: &mut Vec<PhraseMatch>) {
        let norm = Normalized::new(text);
        self.inner.set.find(text, &norm, out);
    }

    /// Scores topics from phrase hits (found with [`TopicModel::phrase_set`])
    /// and entity facts; sorted by score, best first.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::topics::{EntityFact, TopicConfig, TopicInput, TopicModel};
    /// use gazetag::Label;
    ///
    /// let model = TopicModel::builtin()?;
    /// let entities = [EntityFact { label: Label::Organization, kind: "sports_club", country: Some("GB"), name: "Arsenal" }];
    /// let input = TopicInput { title: "", text: "", title_hits: &[], text_hits: &[], entities: &entities };
    /// let topics = model.score(&input, &TopicConfig::default());
    /// assert_eq!(topics[0].id, "medtop:15000000"); // sport
    /// # Ok::<(), gazetag::Error>(())
    /// ```
    pub fn score(&self, input: &TopicInput<'_>, config: &TopicConfig) -> Vec<Topic> {
        score::score(&self.inner.tables, input, config)
    }

    /// [`TopicModel::score`] into `out`, without making the owned topics;
    /// `wrapped` is whether the text is hard-wrapped, when already judged.
    pub(crate) fn score_into(
        &self,
        input: &TopicInput<'_>,
        wrapped: Option<bool>,
        config: &TopicConfig,
        out: &mut score::Scored,
    ) {
        score::score_into(&self.inner.tables, input, wrapped, config, out);
    }

    /// The compiled tables.
    pub(crate) fn tables(&self) -> &Tables {
        &self.inner.tables
    }

    /// Finds the phrases of `title` and `text` and scores them with
    /// `entities`: the whole pipeline for one article.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::topics::{TopicConfig, TopicModel};
    ///
    /// let model = TopicModel::builtin()?;
    /// let topics = model.score_article("", "The striker scored twice as the club won the cup final.", &[], &TopicConfig::default());
    /// assert_eq!(topics[0].id, "medtop:15000000");
    /// # Ok::<(), gazetag::Error>(())
    /// ```
    pub fn score_article(
        &self,
        title: &str,
        text: &str,
        entities: &[EntityFact<'_>],
        config: &TopicConfig,
    ) -> Vec<Topic> {
        let (mut title_hits, mut text_hits) = (Vec::new(), Vec::new());
        self.find_phrases(title, &mut title_hits);
        self.find_phrases(text, &mut text_hits);
        self.score(
            &TopicInput {
                title,
                text,
                title_hits: &title_hits,
                text_hits: &text_hits,
                entities,
            },
            config,
        )
    }
}
