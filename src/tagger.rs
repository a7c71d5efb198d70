//! The [`Tagger`] and its builder: the pipeline from text to [`Doc`].

use std::cell::RefCell;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use crate::dictionary::{Dictionary, Guard, Label, MatchPolicy};
use crate::doc::{
    Buffers, Doc, EntityRef, Evidence, Field, LocalEntity, Mention, Reason, Rejected, Span,
};
use crate::guard::{
    common_word_allowed, on_one_line, qualifies_name, reads_as_acronym, short_name_allowed,
    LineCase,
};
use crate::link;
use crate::matcher::{PhraseMatch, PhraseSet};
use crate::normalize::{fold, Normalized};
use crate::resolve::{self, Candidate, CountryContext, Decision, Group, Overlap, Taken};
use crate::rules::{self, FxBuild, RuleSet, ScoreTables};
use crate::segment::{self, PartKind};
use crate::topics::{EntityFact, Scored, TopicConfig, TopicInput, TopicModel};
use crate::Error;

/// Tags news text with the entities of its dictionaries.
///
/// Cheap to clone (an `Arc` inside), `Send + Sync`, with no lifetime: build
/// one and share it across threads.
///
/// # Example
///
/// ```
/// use gazetag::{Label, Tagger};
///
/// let tagger = Tagger::default();
/// let doc = tagger.tag("U.S. Defense Secretary Pete Hegseth called Ahn Gyu-back. Hegseth said ...");
/// let people: Vec<(&str, Option<&str>)> = doc
///     .mentions()
///     .iter()
///     .filter(|m| m.label == Label::Person)
///     .map(|m| (doc.surface(m), doc.entity_id(m)))
///     .collect();
/// assert_eq!(people[0], ("Pete Hegseth", Some("person:pete-hegseth")));
/// assert_eq!(people[2], ("Hegseth", Some("person:pete-hegseth")));
/// ```
#[derive(Clone, Debug)]
pub struct Tagger {
    inner: Arc<Inner>,
}

/// What a tagger holds; shared by every clone and by the docs it makes.
#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) dict: Dictionary,
    /// Per alias phrase: its entry and alias, and what each match checks.
    /// The topic model's phrases come after them (see [`Matcher::build`]).
    aliases: Vec<PhraseAlias>,
    phrases: PhraseSet,
    overlap: Overlap,
    score_tables: ScoreTables,
    /// Rules that find names no dictionary holds.
    pub(crate) rules: RuleSet,
    /// The topic model, when topics are scored.
    pub(crate) topics: Option<TopicModel>,
    topic_config: TopicConfig,
}

/// The alias behind a phrase index, with copies of what tagging checks on
/// every match: with a large dictionary each look-up of an entry or alias
/// misses the cache, and this record (12 bytes) is one miss where the
/// entry, its alias and the stop list were three.
#[derive(Clone, Copy, Debug)]
struct PhraseAlias {
    entry: u32,
    /// Index of the alias within its entry.
    alias: u32,
    policy: MatchPolicy,
    guard: Guard,
    /// Whether its surface is on the stop list. A match's surface folds to
    /// its phrase's pattern, so this is decided once, at build time.
    stopped: bool,
}

impl Inner {
    /// Text, policy and guard of the alias behind a phrase index.
    pub(crate) fn alias_info(&self, phrase: u32) -> (&str, MatchPolicy, Guard) {
        let p = self.aliases[phrase as usize];
        let alias = &self.dict.entries()[p.entry as usize].aliases[p.alias as usize];
        (&alias.text, p.policy, p.guard)
    }

    /// The entry behind a phrase index.
    pub(crate) fn entry_of_alias(&self, phrase: u32) -> Option<&crate::Entry> {
        let p = self.aliases.get(phrase as usize)?;
        self.dict.entries().get(p.entry as usize)
    }

    /// The overlap policy.
    pub(crate) fn overlap_policy(&self) -> Overlap {
        self.overlap
    }
}

impl Default for Tagger {
    /// The tagger with the built-in dictionaries, built once per process and
    /// then cloned (cheap).
    ///
    /// # Panics
    ///
    /// Never in practice: the built-in dictionaries are validated by the
    /// crate's tests. Without the `default-dictionaries` feature the default
    /// tagger is empty.
    fn default() -> Tagger {
        static BUILTIN: OnceLock<Tagger> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                Tagger::builder()
                    .builtin_dictionaries()
                    .topics(Topics::Builtin)
                    .build()
                    .expect("the built-in dictionaries are valid")
            })
            .clone()
    }
}

/// Builds a [`Tagger`]: dictionaries from the crate, files, directories or
/// values, and the resolution policies.
///
/// # Example
///
/// ```
/// use gazetag::{Dictionary, Tagger};
///
/// let mine = Dictionary::from_jsonl_str("mine.jsonl", r#"
/// {"id": "org:acme", "label": "organization", "kind": "company", "name": "Acme Corp", "aliases": ["Acme"]}
/// "#)?;
/// let tagger = Tagger::builder().dictionary(mine).build()?;
/// let doc = tagger.tag("Acme said on Monday");
/// assert_eq!(doc.entity_id(&doc.mentions()[0]), Some("org:acme"));
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct TaggerBuilder {
    builtin: bool,
    rules: Rules,
    dicts: Vec<Dictionary>,
    paths: Vec<PathBuf>,
    overlap: Overlap,
    score_tables: ScoreTables,
    topics: Topics,
    topic_config: TopicConfig,
}

/// Whether, and with which model, a tagger scores IPTC Media Topics.
///
/// The builder's default is [`Topics::Off`]; [`Tagger::default`] uses
/// [`Topics::Builtin`].
///
/// # Example
///
/// ```
/// use gazetag::{Tagger, Topics};
///
/// let tagger = Tagger::builder().builtin_dictionaries().topics(Topics::Builtin).build()?;
/// let doc = tagger.tag("The striker scored twice as the club won the cup final.");
/// assert_eq!(doc.topics()[0].id, "medtop:15000000"); // sport
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub enum Topics {
    /// No topics (tagging is faster).
    #[default]
    Off,
    /// The IPTC model embedded in the crate (feature `default-dictionaries`).
    Builtin,
    /// A model of your own ([`TopicModel::from_dir`]).
    Model(TopicModel),
}

/// Which rules a tagger runs: the token patterns of `dictionaries/rules/`
/// (and of a dictionary directory's `rules/` folder) that find names no
/// dictionary holds ("Defense Minister Ahn Gyu-back", "Ministry of
/// National Defense"), and with them the document-level linking of those
/// names, speakers, sports teams and events.
///
/// The default is [`Rules::WithDictionaries`]. [`Rules::Off`] leaves a
/// dictionary tagger: only the names the dictionaries hold are found,
/// linked and disambiguated as usual, at about twice the speed with topics
/// and three times without (see the crate docs for what it costs in
/// accuracy).
///
/// # Example
///
/// ```
/// use gazetag::{Rules, Tagger};
///
/// let text = "Defense Minister Borlan Quist met Mr. Smith in Seoul.";
/// let full = Tagger::builder().builtin_dictionaries().build()?;
/// let dictionary_only = Tagger::builder().builtin_dictionaries().rules(Rules::Off).build()?;
/// let surfaces = |doc: &gazetag::Doc| -> Vec<String> {
///     doc.mentions().iter().map(|m| doc.surface(m).to_string()).collect()
/// };
/// if cfg!(feature = "default-dictionaries") {
///     assert_eq!(surfaces(&full.tag(text)), ["Borlan Quist", "Smith", "Seoul"]);
///     assert_eq!(surfaces(&dictionary_only.tag(text)), ["Seoul"]);
/// }
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rules {
    /// The built-in rules when the built-in dictionaries are added
    /// ([`TaggerBuilder::builtin_dictionaries`]), none otherwise; and the
    /// rule files of the directories given to
    /// [`TaggerBuilder::dictionary_path`].
    #[default]
    WithDictionaries,
    /// The built-in rules, with or without the built-in dictionaries; and
    /// the rule files of the dictionary directories.
    Builtin,
    /// No rules at all, not even a dictionary directory's rule files.
    Off,
}

impl TaggerBuilder {
    /// Adds the dictionaries embedded in the crate (feature
    /// `default-dictionaries`, on by default; without it this adds nothing).
    pub fn builtin_dictionaries(mut self) -> TaggerBuilder {
        self.builtin = true;
        self
    }

    /// Chooses which rules run (default [`Rules::WithDictionaries`]: the
    /// built-in rules come with the built-in dictionaries).
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::{Rules, Tagger};
    ///
    /// // The built-in rules without the built-in dictionaries: names by rule alone.
    /// let tagger = Tagger::builder().rules(Rules::Builtin).build()?;
    /// let doc = tagger.tag("He met Mr. Smith.");
    /// assert!(cfg!(not(feature = "default-dictionaries")) || doc.surface(&doc.mentions()[0]) == "Smith");
    ///
    /// // The built-in dictionaries without the rules: only names they hold.
    /// let tagger = Tagger::builder().builtin_dictionaries().rules(Rules::Off).build()?;
    /// assert!(tagger.tag("He met Mr. Smith.").mentions().is_empty());
    /// # Ok::<(), gazetag::Error>(())
    /// ```
    pub fn rules(mut self, rules: Rules) -> TaggerBuilder {
        self.rules = rules;
        self
    }

    /// Adds a dictionary.
    pub fn dictionary(mut self, dict: Dictionary) -> TaggerBuilder {
        self.dicts.push(dict);
        self
    }

    /// Adds a dictionary file, or every `*.jsonl` file below a directory;
    /// read when [`build`](TaggerBuilder::build) is called. The rule files
    /// of a directory's `rules/` folder are added to the rules.
    pub fn dictionary_path(mut self, path: impl Into<PathBuf>) -> TaggerBuilder {
        self.paths.push(path.into());
        self
    }

    /// Sets the overlap policy (default [`Overlap::LongestFirst`]).
    pub fn overlap(mut self, overlap: Overlap) -> TaggerBuilder {
        self.overlap = overlap;
        self
    }

    /// Sets what places named in lines of sports scores are (default
    /// [`ScoreTables::Teams`]: teams, that is organizations).
    pub fn score_tables(mut self, tables: ScoreTables) -> TaggerBuilder {
        self.score_tables = tables;
        self
    }

    /// Sets whether topics are scored, and with which model (default
    /// [`Topics::Off`]).
    pub fn topics(mut self, topics: Topics) -> TaggerBuilder {
        self.topics = topics;
        self
    }

    /// Sets the topic threshold, top-k and title boost (see [`TopicConfig`]).
    pub fn topic_config(mut self, config: TopicConfig) -> TaggerBuilder {
        self.topic_config = config;
        self
    }

    /// Loads the dictionaries, validates them and compiles the matcher.
    pub fn build(self) -> Result<Tagger, Error> {
        // The dictionary, the topic model and the rules are independent:
        // loaded side by side (rayon), so that a process's start-up is not
        // all on one core; the phrase set, which holds the aliases and the
        // topic phrases, is compiled from the first two. Errors are reported
        // in this order, as a serial build would find them.
        let TaggerBuilder {
            builtin,
            rules,
            dicts,
            paths,
            overlap,
            score_tables,
            topics,
            topic_config,
        } = self;
        let (dict, (topics, rules)) = rayon::join(
            || load_dictionary(builtin, dicts, &paths),
            || {
                rayon::join(
                    || match topics {
                        Topics::Off => Ok(None),
                        Topics::Builtin => TopicModel::builtin().map(Some),
                        Topics::Model(m) => Ok(Some(m)),
                    },
                    || rule_set(rules, builtin, &paths),
                )
            },
        );
        // A topic model that failed to load adds no phrases, so that alias
        // errors are still reported first.
        let model = topics.as_ref().ok().and_then(Option::as_ref);
        let Matcher {
            dict,
            aliases,
            phrases,
        } = Matcher::build(dict?, model)?;
        // The article splitter's patterns, compiled here rather than while
        // the first document waits. After the matcher, not beside it: the
        // compile's memory then comes after the matcher's peak instead of
        // on top of it (beside it, the peak of a 1M-alias build rose by up
        // to 50 MB).
        segment::prepare();
        let topics = topics?;
        let rules = rules?;
        Ok(Tagger {
            inner: Arc::new(Inner {
                dict,
                aliases,
                phrases,
                overlap,
                score_tables,
                rules,
                topics,
                topic_config,
            }),
        })
    }
}

/// The dictionary part of a tagger: the entries, their aliases compiled to
/// a phrase set (with the topic phrases), and which phrases the stop list
/// rules out.
struct Matcher {
    dict: Dictionary,
    aliases: Vec<PhraseAlias>,
    phrases: PhraseSet,
}

/// The built-in dictionary (when asked for), then `dicts`, then the
/// dictionaries at `paths`, validated.
fn load_dictionary(
    builtin: bool,
    dicts: Vec<Dictionary>,
    paths: &[PathBuf],
) -> Result<Dictionary, Error> {
    let mut dict = Dictionary::new();
    if builtin {
        dict.extend(crate::dictionary::builtin_dictionary()?)?;
    }
    for d in dicts {
        dict.extend(d)?;
    }
    for p in paths {
        dict.add_path(p)?;
    }
    dict.validate()?;
    Ok(dict)
}

impl Matcher {
    /// Compiles the aliases of `dict` and, after them, the phrases of
    /// `topics`, into one set: topic phrase `p` is phrase
    /// `aliases.len() + p`. One walk at each word start then serves both,
    /// where two sets took two (the topic phrases start at most words).
    fn build(dict: Dictionary, topics: Option<&TopicModel>) -> Result<Matcher, Error> {
        // Handed over as an iterator: no list of a million (text, policy)
        // pairs is kept besides the entries.
        let phrases = PhraseSet::new(
            dict.entries()
                .iter()
                .flat_map(|e| e.aliases.iter().map(|a| (&*a.text, a.policy)))
                .chain(topics.into_iter().flat_map(TopicModel::phrases)),
        )?;
        // Made once the phrase set is compiled, so that it does not add to
        // the peak memory of the compilation; sized once.
        let mut aliases = Vec::with_capacity(phrases.len());
        for (ei, entry) in dict.entries().iter().enumerate() {
            aliases.extend(entry.aliases.iter().enumerate().map(|(ai, a)| PhraseAlias {
                entry: ei as u32,
                alias: ai as u32,
                policy: a.policy,
                guard: a.guard,
                stopped: false,
            }));
        }
        for surface in dict.stop_list() {
            let folded = fold(surface.trim());
            phrases.for_each_folding_to(folded.trim(), |p| {
                // Topic phrases (past the aliases) are not on the stop list.
                if let Some(alias) = aliases.get_mut(p as usize) {
                    alias.stopped = true;
                }
            });
        }
        Ok(Matcher {
            dict,
            aliases,
            phrases,
        })
    }
}

/// The rules `which` asks for: the built-in ones, and those of the
/// dictionary paths.
fn rule_set(which: Rules, builtin_dictionaries: bool, paths: &[PathBuf]) -> Result<RuleSet, Error> {
    let builtin = match which {
        Rules::WithDictionaries => builtin_dictionaries,
        Rules::Builtin => true,
        Rules::Off => return RuleSet::from_sources(&[]),
    };
    let mut rule_files = Vec::new();
    if builtin {
        rule_files.extend(rules::builtin_sources());
    }
    for p in paths {
        rule_files.extend(rules::path_sources(p)?);
    }
    RuleSet::from_sources(&rule_files)
}

/// The candidates of a document, in text order, short forms apart: they are
/// kept for linking once the full names are resolved. Split as they are
/// made, where the alias's policy is at hand (about half the matches of
/// news text are short forms of office holders).
#[derive(Default)]
struct Candidates {
    fulls: Vec<Candidate>,
    shorts: Vec<Candidate>,
    /// Buffers of their resolution: the groups of equal span (of the full
    /// names, then of the short forms), those kept, the country context.
    groups: Vec<Group>,
    kept: Vec<usize>,
    ctx: CountryContext,
    /// The spans taken, lent to the rules too.
    taken: Taken,
    /// The spans of the article's boilerplate, sorted: no candidate is
    /// made there, and the rules' mentions there are dropped.
    boilerplate: Vec<Span>,
}

/// Per-thread buffers, so that tagging allocates little beyond its output.
#[derive(Default)]
struct Scratch {
    norm: Normalized,
    matches: Vec<PhraseMatch>,
    /// Topic hit buffers, lent to each article (growing a fresh pair per
    /// article cost more than the matching that fills them).
    topic_hits: TopicHits,
    /// The entities seen, for the topic facts (see [`score_topics`]).
    seen: HashSet<EntityRef, FxBuild>,
    /// Candidate buffers, lent to each article.
    cands: Candidates,
}

/// Topic phrase hits of the title and the text.
#[derive(Default)]
struct TopicHits {
    title: Vec<PhraseMatch>,
    text: Vec<PhraseMatch>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// A document to tag: its text and, optionally, a title.
///
/// Implemented for strings (text only) and `(title, text)` pairs, so that
/// [`Tagger::tag_batch`] takes either.
pub trait Document {
    /// The title; empty when there is none.
    fn title(&self) -> &str {
        ""
    }
    /// The text.
    fn text(&self) -> &str;
}

impl Document for str {
    fn text(&self) -> &str {
        self
    }
}

impl Document for &str {
    fn text(&self) -> &str {
        self
    }
}

impl Document for String {
    fn text(&self) -> &str {
        self
    }
}

impl<T: AsRef<str>, U: AsRef<str>> Document for (T, U) {
    fn title(&self) -> &str {
        self.0.as_ref()
    }
    fn text(&self) -> &str {
        self.1.as_ref()
    }
}

impl Tagger {
    /// A builder with no dictionary and default policies.
    pub fn builder() -> TaggerBuilder {
        TaggerBuilder::default()
    }

    /// The tagger's dictionary (all entries loaded).
    pub fn dictionary(&self) -> &Dictionary {
        &self.inner.dict
    }

    /// Tags one text.
    ///
    /// # Example
    ///
    /// ```
    /// let doc = gazetag::Tagger::default().tag("Talks in Pyongyang.");
    /// let entry = doc.entry(&doc.mentions()[0]).unwrap();
    /// assert_eq!(&*entry.kind, "capital");
    /// assert_eq!(entry.details().refers_to.as_deref(), Some("place:country:KP"));
    /// ```
    pub fn tag<'t>(&self, text: &'t str) -> Doc<'t> {
        self.tag_article("", text)
    }

    /// Tags an article given as title and text. Title mentions come first
    /// and say `Field::Title`; a name introduced in the title links later
    /// short forms in the text, and a short form in the title links to a
    /// full name in the text (a headline names people by their surnames).
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::Field;
    /// let doc = gazetag::Tagger::default().tag_article("Hegseth meets Ahn Gyu-back", "Ahn said ...");
    /// // "Hegseth" alone is a short form with no full name before it: not tagged.
    /// assert_eq!(doc.mentions()[0].field, Field::Title);
    /// assert_eq!(doc.surface(&doc.mentions()[0]), "Ahn Gyu-back");
    /// assert_eq!(doc.surface(&doc.mentions()[1]), "Ahn");
    /// assert_eq!(doc.entity_id(&doc.mentions()[1]), Some("person:ahn-gyu-back"));
    /// ```
    pub fn tag_article<'t>(&self, title: &'t str, text: &'t str) -> Doc<'t> {
        let inner = &self.inner;
        // The candidate buffers of the thread, lent to this article.
        let mut cands = Candidates::default();
        SCRATCH.with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                cands = std::mem::take(&mut s.cands);
            }
        });
        cands.fulls.clear();
        cands.shorts.clear();
        let mut buffers = Buffers::take();
        segment::parts_into(text, &mut buffers.parts);
        // Out of `cands` while candidates are added to it.
        let mut boilerplate = std::mem::take(&mut cands.boilerplate);
        boilerplate.clear();
        boilerplate.extend(
            buffers
                .parts
                .iter()
                .filter(|p| !p.kind.is_tagged())
                .map(|p| Span::from(p.span.clone())),
        );
        let topic_hits = SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let s = &mut *s;
            let mut topic_hits = std::mem::take(&mut s.topic_hits);
            topic_hits.title.clear();
            topic_hits.text.clear();
            for (field, t) in [(Field::Title, title), (Field::Text, text)] {
                if t.is_empty() {
                    continue;
                }
                s.norm.normalize_into(t);
                s.matches.clear();
                let skip = if field == Field::Text {
                    &boilerplate[..]
                } else {
                    &[]
                };
                inner.phrases.find(t, &s.norm, &mut s.matches);
                if inner.topics.is_some() {
                    let hits = match field {
                        Field::Title => &mut topic_hits.title,
                        Field::Text => &mut topic_hits.text,
                    };
                    split_topic_hits(&mut s.matches, inner.aliases.len() as u32, skip, hits);
                }
                self.candidates(
                    field,
                    t,
                    skip,
                    &s.matches,
                    &mut cands,
                    &mut buffers.rejected,
                );
            }
            topic_hits
        });
        cands.boilerplate = boilerplate;
        let mut doc = buffers.into_doc(title, text, Arc::clone(inner));
        self.resolve(&mut doc, &mut cands);
        let mut seen = HashSet::default();
        if let Some(model) = &inner.topics {
            SCRATCH.with(|s| {
                if let Ok(mut s) = s.try_borrow_mut() {
                    seen = std::mem::take(&mut s.seen);
                }
            });
            let mut scored = std::mem::take(&mut doc.scored);
            score_topics(
                model,
                &inner.topic_config,
                &doc,
                &topic_hits,
                &mut seen,
                &mut scored,
            );
            doc.scored = scored;
        }
        SCRATCH.with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                s.topic_hits = topic_hits;
                s.seen = seen;
                s.cands = cands;
            }
        });
        doc
    }

    /// Explains why `span` of `text` was or was not tagged: the mentions
    /// and the losing candidates that overlap it, the alias or rule behind
    /// each, and the policy that decided.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::{Span, Tagger};
    /// let why = Tagger::default().explain("Talks in Pyongyang.", Span { start: 9, end: 18 });
    /// assert!(why.verdict.starts_with("tagged place"), "{}", why.verdict);
    /// ```
    pub fn explain(&self, text: &str, span: Span) -> rules::Explanation {
        rules::explain(&self.tag(text), Field::Text, span)
    }

    /// Tags many documents in parallel (rayon). The output is in input order
    /// and identical to tagging each document alone.
    ///
    /// # Example
    ///
    /// ```
    /// let tagger = gazetag::Tagger::default();
    /// let texts = ["Seoul and Tokyo", "NATO"];
    /// let docs = tagger.tag_batch(&texts);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[1].surface(&docs[1].mentions()[0]), "NATO");
    /// ```
    pub fn tag_batch<'t, D: Document + Sync>(&self, docs: &'t [D]) -> Vec<Doc<'t>> {
        docs.par_iter()
            .map(|d| self.tag_article(d.title(), d.text()))
            .collect()
    }

    /// Turns phrase matches into candidates, dropping those in boilerplate
    /// (`skip`, sorted spans) and those the stop list or a guard rules out.
    fn candidates(
        &self,
        field: Field,
        text: &str,
        skip: &[Span],
        matches: &[PhraseMatch],
        cands: &mut Candidates,
        rejected: &mut Vec<Rejected>,
    ) {
        let inner = &self.inner;
        let entries = inner.dict.entries();
        // Most matches become full-name candidates: grown once, not by
        // doubling.
        cands.fulls.reserve(matches.len());
        let mut lines = LineCase::default();
        for m in matches {
            let span = Span {
                start: m.start,
                end: m.end,
            };
            let alias = inner.aliases[m.phrase as usize];
            let reason = if inside(skip, span) {
                Some(Reason::Boilerplate)
            } else if alias.stopped {
                Some(Reason::StopWord)
            } else if alias.guard == Guard::CommonWord && !common_word_allowed(text, span) {
                Some(Reason::CommonWordGuard)
            } else if alias.guard == Guard::NotInHeadline && !short_name_allowed(text, span) {
                Some(Reason::HeadlineGuard)
            } else if alias.guard == Guard::Qualifier && !qualifies_name(text, span) {
                Some(Reason::QualifierGuard)
            } else if alias.policy == MatchPolicy::Capitalized
                && entries[alias.entry as usize].label == Label::Place
                && text.as_bytes()[span.start..span.end.min(span.start + 2)]
                    .iter()
                    .all(u8::is_ascii_uppercase)
                && reads_as_acronym(
                    text,
                    span,
                    &entries[alias.entry as usize].aliases[alias.alias as usize].text,
                    &mut lines,
                )
            {
                Some(Reason::AcronymInText)
            } else {
                None
            };
            if let Some(reason) = reason {
                rejected.push(Rejected {
                    span,
                    field,
                    alias: m.phrase,
                    reason,
                });
                continue;
            }
            let entry = alias.entry;
            let list = if alias.policy == MatchPolicy::Short {
                &mut cands.shorts
            } else {
                &mut cands.fulls
            };
            list.push(Candidate {
                field,
                span,
                alias: m.phrase,
                entry,
                priority: entries[entry as usize].priority,
            });
        }
    }

    /// Overlaps, ambiguity, then short forms.
    fn resolve(&self, doc: &mut Doc<'_>, cands: &mut Candidates) {
        let inner = &self.inner;
        let entries = inner.dict.entries();
        let Candidates {
            fulls,
            shorts,
            groups,
            kept,
            ctx,
            taken,
            boilerplate,
        } = cands;
        resolve::group(fulls, groups);
        taken.clear();
        resolve::select(groups, fulls, inner.overlap, taken, &mut doc.rejected, kept);

        // Context from the spans that name one entry only.
        ctx.clear();
        for &gi in kept.iter() {
            let g = &groups[gi];
            let first = fulls[g.lo].entry;
            if fulls[g.lo..g.hi].iter().all(|c| c.entry == first) {
                ctx.add(g.field, g.span, &entries[first as usize]);
            }
        }
        doc.mentions.reserve(kept.len());
        for &gi in kept.iter() {
            let g = &groups[gi];
            match resolve::decide(fulls, g.lo, g.hi, entries, ctx, doc.field_text(g.field)) {
                Decision::One(i) => {
                    let c = fulls[i];
                    doc.mentions.push(Mention {
                        span: c.span,
                        field: c.field,
                        label: entries[c.entry as usize].label,
                        entity: EntityRef::Entry(c.entry),
                        evidence: Evidence::Alias { alias: c.alias },
                    });
                    for (k, other) in fulls[g.lo..g.hi].iter().enumerate() {
                        if g.lo + k != i && other.entry != c.entry {
                            doc.rejected.push(rejected(other, Reason::OutRanked));
                        }
                    }
                }
                Decision::Tied(ties) => {
                    let c = fulls[ties[0]];
                    doc.alternatives
                        .push(ties.iter().map(|&i| fulls[i].entry).collect());
                    doc.mentions.push(Mention {
                        span: c.span,
                        field: c.field,
                        label: entries[c.entry as usize].label,
                        entity: EntityRef::Ambiguous(doc.alternatives.len() as u32 - 1),
                        evidence: Evidence::Alias { alias: c.alias },
                    });
                }
                Decision::Conflict => {
                    resolve::reject_all(g, fulls, Reason::AmbiguousLabel, &mut doc.rejected);
                }
            }
        }
        doc.mentions
            .sort_unstable_by_key(|m| (m.field, m.span.start, m.span.end));
        link::short_forms(doc, shorts, groups, taken);
        byline_mention(doc, taken);
        rules::apply(&inner.rules, doc, taken, inner.score_tables);
        drop_boilerplate(doc, boilerplate);
    }
}

/// Moves the topic phrase hits out of `matches` (phrases from `first` on:
/// see [`Matcher::build`]) into `hits`, numbered as the model numbers them,
/// less those in boilerplate (`skip`, sorted spans). Both keep the order of
/// `matches`, which is the order the model's own set would find them in.
fn split_topic_hits(
    matches: &mut Vec<PhraseMatch>,
    first: u32,
    skip: &[Span],
    hits: &mut Vec<PhraseMatch>,
) {
    hits.extend(
        matches
            .iter()
            .filter(|m| m.phrase >= first && !inside(skip, Span::from(m.start..m.end)))
            .map(|m| PhraseMatch {
                phrase: m.phrase - first,
                ..*m
            }),
    );
    matches.retain(|m| m.phrase < first);
}

/// Scores the topics of a tagged document into `out`: its phrase hits, and
/// one entity fact per distinct entity.
fn score_topics(
    model: &TopicModel,
    config: &TopicConfig,
    doc: &Doc<'_>,
    hits: &TopicHits,
    seen: &mut HashSet<EntityRef, FxBuild>,
    out: &mut Scored,
) {
    // `seen` is a buffer lent by the caller.
    seen.clear();
    // At most one fact a mention: one allocation.
    let mut facts = Vec::with_capacity(doc.mentions().len());
    for m in doc.mentions() {
        if !seen.insert(m.entity) {
            continue;
        }
        let (kind, country, name) = match m.entity {
            EntityRef::Entry(i) => {
                let e = &doc.inner.dict.entries()[i as usize];
                (&*e.kind, e.country.as_deref(), &*e.name)
            }
            EntityRef::Local(i) => {
                let e = &doc.locals[i as usize];
                (e.kind.as_str(), e.country.as_deref(), e.name.as_str())
            }
            EntityRef::Ambiguous(_) => continue,
        };
        facts.push(EntityFact {
            label: m.label,
            kind,
            country,
            name,
        });
    }
    model.score_into(
        &TopicInput {
            title: doc.title,
            text: doc.text,
            title_hits: &hits.title,
            text_hits: &hits.text,
            entities: &facts,
        },
        doc.text_wrapped,
        config,
        out,
    );
}

/// Removes mentions that rules made inside boilerplate (`boilerplate`,
/// sorted spans of the text; the dictionary stage never proposes them),
/// keeping short-form antecedent indices right.
fn drop_boilerplate(doc: &mut Doc<'_>, boilerplate: &[Span]) {
    let dropped = |m: &Mention| m.field == Field::Text && inside(boilerplate, m.span);
    // Rules seldom tag boilerplate: most documents are left as they are,
    // with nothing allocated.
    if boilerplate.is_empty() || !doc.mentions.iter().any(dropped) {
        return;
    }
    let keep: Vec<bool> = doc.mentions.iter().map(|m| !dropped(m)).collect();
    let mut new_index = Vec::with_capacity(keep.len());
    let mut next = 0u32;
    for &k in &keep {
        new_index.push(next);
        next += k as u32;
    }
    let old = std::mem::take(&mut doc.mentions);
    for (m, k) in old.into_iter().zip(&keep) {
        if !k {
            continue;
        }
        let mut m = m;
        if let Evidence::ShortForm { antecedent, .. } = &mut m.evidence {
            *antecedent = new_index[*antecedent as usize];
        }
        doc.mentions.push(m);
    }
}

/// Whether `span` overlaps one of the sorted, disjoint `spans`.
fn inside(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.end <= span.start);
    spans.get(i).is_some_and(|s| s.overlaps(span))
}

/// The person a byline names, as a mention of a document-local entity, when
/// no dictionary mention took the span.
fn byline_mention(doc: &mut Doc<'_>, taken: &mut Taken) {
    let Some(name) = doc
        .parts
        .iter()
        .find(|p| p.kind == PartKind::Byline)
        .and_then(|p| p.name.clone())
    else {
        return;
    };
    let span = Span::from(name);
    if taken.overlapping(Field::Text, span).is_some() {
        return;
    }
    let surface = &doc.text[span.range()];
    let id = format!("local:person:{}", slug(surface));
    let name = on_one_line(surface).into_owned();
    doc.add_local_id(&id);
    doc.index_local(Label::Person, &name, doc.locals.len() as u32);
    doc.locals.push(LocalEntity {
        id,
        name,
        label: Label::Person,
        kind: "author".to_string(),
        country: None,
        office: None,
    });
    let mention = Mention {
        span,
        field: Field::Text,
        label: Label::Person,
        entity: EntityRef::Local(doc.locals.len() as u32 - 1),
        evidence: Evidence::Byline,
    };
    let at = doc
        .mentions
        .partition_point(|m| (m.field, m.span.start) < (Field::Text, span.start));
    // Short forms point at earlier mentions by index; shift those after.
    for m in &mut doc.mentions {
        if let Evidence::ShortForm { antecedent, .. } = &mut m.evidence {
            if *antecedent as usize >= at {
                *antecedent += 1;
            }
        }
    }
    doc.mentions.insert(at, mention);
    taken.insert(Field::Text, span);
}

/// A lower-case, hyphenated form of a name, for ids.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

fn rejected(c: &Candidate, reason: Reason) -> Rejected {
    Rejected {
        span: c.span,
        field: c.field,
        alias: c.alias,
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagger_is_send_sync_and_static() {
        fn assert_traits<T: Send + Sync + Clone + 'static>() {}
        assert_traits::<Tagger>();
        assert_traits::<TaggerBuilder>();
        assert_traits::<Dictionary>();
        assert_traits::<Error>();
    }

    /// One phrase set holds the aliases and the topic phrases; split, its
    /// matches are what the two sets find apart: the mentions of a tagger
    /// without topics, and the topics the model scores from its own hits.
    /// An alias and topic phrases share folds here, and a stop-list word is
    /// a topic phrase.
    #[test]
    fn aliases_and_topic_phrases_share_one_set() {
        let dict = || {
            Dictionary::from_jsonl_str(
                "t.jsonl",
                r#"{"id": "org:first", "label": "organization", "kind": "company", "name": "First Bank", "aliases": ["Bank"]}
{"stop": "Central", "reason": "test"}"#,
            )
            .unwrap()
        };
        let model = TopicModel::from_jsonl_strs(
            r#"{"id": "medtop:04000000", "label": "economy"}
{"id": "medtop:20000001", "label": "banking", "parent": "medtop:04000000"}"#,
            r#"{"topic": "medtop:20000001", "phrase": "bank", "weight": 2.0, "requires_any": ["loan"]}
{"topic": "medtop:04000000", "phrase": "central", "weight": 1.0}
{"topic": "medtop:20000001", "phrase": "First Bank", "match": "capitalized", "weight": 1.0}"#,
            "",
        )
        .unwrap();
        let build = |topics| {
            Tagger::builder()
                .dictionary(dict())
                .topics(topics)
                .build()
                .unwrap()
        };
        let (tagger, alone) = (build(Topics::Model(model.clone())), build(Topics::Off));
        for (title, text) in [
            (
                "Central Bank loan",
                "First Bank made a loan. The bank said so.",
            ),
            (
                "",
                "A central bank. Bank loan talks with First Bank and the BANK.",
            ),
            ("Bank loan", "no phrase here"),
        ] {
            let doc = tagger.tag_article(title, text);
            assert_eq!(doc.mentions(), alone.tag_article(title, text).mentions());
            let mut hits = TopicHits::default();
            model.find_phrases(title, &mut hits.title);
            model.find_phrases(text, &mut hits.text);
            let mut scored = Scored::default();
            let mut seen = HashSet::default();
            score_topics(
                &model,
                &tagger.inner.topic_config,
                &doc,
                &hits,
                &mut seen,
                &mut scored,
            );
            let want = scored.to_topics(model.tables());
            assert!(!want.is_empty(), "{} / {}", title, text);
            assert_eq!(doc.topics(), &want[..], "{} / {}", title, text);
        }
    }
}
