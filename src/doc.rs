//! What tagging returns: a [`Doc`] holding [`Mention`]s.
//!
//! Mentions are small `Copy` records (spans and indices); names, kinds and
//! evidence text are looked up through the [`Doc`], which keeps a cheap handle
//! on the tagger's dictionary. Owned, serializable records are made only at
//! the output edge ([`Doc::to_record`]).

use std::cell::RefCell;
use std::hash::BuildHasher;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::dictionary::{Entry, Label, MatchPolicy};
use crate::offsets::{char_len, CharOffsets};
use crate::output::{DocRecord, EntityRecord, EvidenceRecord};
use crate::rules::FxBuild;
use crate::segment::Part;
use crate::tagger::Inner;
use crate::topics::{Scored, Topic};

/// Which field of an article a span is in.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The headline given apart from the text ([`Tagger::tag_article`](crate::Tagger::tag_article)).
    Title,
    /// The article text.
    #[default]
    Text,
}

impl Field {
    /// The field's name in the output contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Text => "text",
        }
    }
}

/// A half-open byte range `start..end` into one field's original text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// Inclusive start, in bytes.
    pub start: usize,
    /// Exclusive end, in bytes.
    pub end: usize,
}

impl Span {
    /// The span as a `Range`, to slice the text with.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span {
            start: r.start,
            end: r.end,
        }
    }
}

/// What a mention refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityRef {
    /// A dictionary entry (index into the tagger's dictionary).
    Entry(u32),
    /// An entity found by a rule in this document (index into
    /// [`Doc::local_entities`]).
    Local(u32),
    /// Several entries fit and nothing decided between them (index into
    /// [`Doc::alternatives`]); the label is shared by all of them.
    Ambiguous(u32),
}

/// Why a mention was made: the entry's alias, a short form linked to an
/// earlier full name, or a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Evidence {
    /// An alias of the entry matched (index into the tagger's alias table).
    Alias {
        /// The alias that matched.
        alias: u32,
    },
    /// A short form (`Hegseth`) linked to an earlier mention of the full name.
    ShortForm {
        /// The short alias that matched.
        alias: u32,
        /// Index, in [`Doc::mentions`], of the mention that introduced the name.
        antecedent: u32,
    },
    /// A short form (`Merz`) right after the title of its entry's office
    /// (`Chancellor Merz`), with no full name before it: a head of state or
    /// government, in a document that names their country. The built-in
    /// leaders are today's: in old text the title may name a predecessor,
    /// unless a longer name follows it ("Prime Minister Kim Mahn-je").
    ///
    /// ```
    /// use gazetag::{Evidence, Tagger};
    ///
    /// let doc = Tagger::default().tag("In Berlin, Chancellor Merz spoke.");
    /// let merz = doc.mentions().iter().find(|m| doc.surface(m) == "Merz").unwrap();
    /// assert!(matches!(merz.evidence, Evidence::Titled { .. }));
    /// assert_eq!(doc.entity_id(merz), Some("person:friedrich-merz"));
    /// ```
    Titled {
        /// The short alias that matched.
        alias: u32,
    },
    /// The person named in the byline of a raw article.
    Byline,
    /// A rule of the tagger's rule set (index into its rules; see
    /// [`Doc::rule_name`]).
    Rule {
        /// The rule that fired.
        rule: u32,
    },
}

/// One tagged mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Mention {
    /// Byte offsets into the field's original text.
    pub span: Span,
    /// The field the span is in.
    pub field: Field,
    /// Coarse type.
    pub label: Label,
    /// What it refers to.
    pub entity: EntityRef,
    /// Why it was made.
    pub evidence: Evidence,
}

/// An entity made by a rule for one document (a byline's author), with no
/// dictionary entry behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalEntity {
    /// Id, unique within the document: `local:person:ryan-bennett`.
    pub id: String,
    /// The name as written.
    pub name: String,
    /// Coarse type.
    pub label: Label,
    /// Finer kind (`author` for a byline).
    pub kind: String,
    /// ISO code of the entity's country, when a rule found it ("South Korean
    /// Defense Minister ...").
    pub country: Option<String>,
    /// A person's office, when a rule found it.
    pub office: Option<String>,
}

/// A candidate that did not become a mention, kept for debugging and
/// [`Doc::rejected`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// Where it was.
    pub span: Span,
    /// The field it was in.
    pub field: Field,
    /// The alias that matched (index into the tagger's alias table).
    pub alias: u32,
    /// Why it lost.
    pub reason: Reason,
}

/// Why a candidate was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// Inside boilerplate (image captions, promo lines).
    Boilerplate,
    /// The surface is on the stop list.
    StopWord,
    /// A common-word alias at a sentence start or in a headline.
    CommonWordGuard,
    /// A short name's alias in a headline, inside a longer name ("Noboru
    /// Goto", "Gao Jianming"), or an acronym opening a sentence.
    HeadlineGuard,
    /// A qualifier alias ("Calif.") not right after a name and a comma.
    QualifierGuard,
    /// A short form with no earlier full name in the document.
    NoAntecedent,
    /// Another mention won the overlap (its span given).
    Overlapped(Span),
    /// Another entry won for the same span.
    OutRanked,
    /// Entries of different labels fit and nothing decided.
    AmbiguousLabel,
    /// The start of an event's name ("Fed Cup", "U.S. Open"): not the
    /// entity it names.
    InsideEvent,
    /// The start of a market index's name ("the Dow Jones industrial
    /// average", "the FTSE 100 index"): not the organization it names.
    InsideIndex,
    /// Inside a ship's name ("USS Abraham Lincoln", "the frigate Stark"):
    /// not the person or place it is named after.
    InsideVesselName,
    /// A place's name written in capitals in running text, short enough to
    /// be an acronym ("the GAO has", not the town of Gao).
    AcronymInText,
}

impl Reason {
    /// A short, stable name for the reason.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Boilerplate => "boilerplate",
            Reason::StopWord => "stop_word",
            Reason::CommonWordGuard => "common_word_guard",
            Reason::HeadlineGuard => "headline_guard",
            Reason::QualifierGuard => "qualifier_guard",
            Reason::NoAntecedent => "no_antecedent",
            Reason::Overlapped(_) => "overlapped",
            Reason::OutRanked => "out_ranked",
            Reason::AmbiguousLabel => "ambiguous_label",
            Reason::InsideEvent => "inside_event",
            Reason::InsideIndex => "inside_index",
            Reason::InsideVesselName => "inside_vessel_name",
            Reason::AcronymInText => "acronym_in_text",
        }
    }
}

/// No local entity, in `Doc::local_index`.
pub(crate) const NO_LOCAL: u32 = u32::MAX;

/// See [`Doc::local_index`].
pub(crate) type LocalIndex = std::collections::HashMap<u64, [u32; Label::ALL.len()], FxBuild>;

/// The buffers of a document, reused from document to document: a dropped
/// [`Doc`] leaves them, emptied, to its thread, and the next document
/// tagged there takes them (each allocated and grown anew, then freed, cost
/// more than the resolution that fills them).
#[derive(Default)]
pub(crate) struct Buffers {
    pub(crate) mentions: Vec<Mention>,
    pub(crate) rejected: Vec<Rejected>,
    pub(crate) locals: Vec<LocalEntity>,
    pub(crate) alternatives: Vec<Vec<u32>>,
    pub(crate) parts: Vec<Part>,
    pub(crate) scored: Scored,
    pub(crate) local_index: LocalIndex,
    pub(crate) local_ids: std::collections::HashSet<u64, FxBuild>,
}

/// Above this many mentions and rejected candidates, a document's buffers
/// are freed rather than kept: one huge document must not hold on to its
/// memory in every thread that tagged one.
const KEPT_MENTIONS: usize = 1 << 12;

/// At most this many local entities of dropped documents are kept per
/// thread: more than a news article makes, and a batch of documents
/// dropped together must not leave all of theirs behind.
const KEPT_LOCALS: usize = 256;

thread_local! {
    static SPARE: RefCell<Buffers> = RefCell::default();
    /// Local entities of dropped documents, whose strings new local
    /// entities take over (three strings allocated and freed per entity
    /// cost more than filling them).
    static SPARE_LOCALS: RefCell<Vec<LocalEntity>> = RefCell::default();
}

impl LocalEntity {
    /// An entity to fill (label and all), its strings empty: one of a
    /// dropped document's when this thread keeps one, its strings' memory
    /// kept.
    pub(crate) fn spare() -> LocalEntity {
        let kept = SPARE_LOCALS
            .try_with(|s| s.try_borrow_mut().ok().and_then(|mut s| s.pop()))
            .ok()
            .flatten();
        match kept {
            Some(mut e) => {
                e.id.clear();
                e.name.clear();
                e.kind.clear();
                e.country = None;
                e.office = None;
                e
            }
            None => LocalEntity {
                id: String::new(),
                name: String::new(),
                label: Label::Person,
                kind: String::new(),
                country: None,
                office: None,
            },
        }
    }

    /// Keeps the entities of `locals` for [`LocalEntity::spare`], up to
    /// [`KEPT_LOCALS`]; `locals` is left empty.
    fn keep_spare(locals: &mut Vec<LocalEntity>) {
        let _ = SPARE_LOCALS.try_with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                let room = KEPT_LOCALS.saturating_sub(s.len());
                s.extend(locals.drain(..).take(room));
            }
        });
        // Not kept (no room, or the thread is exiting): freed.
        locals.clear();
    }
}

impl Buffers {
    /// The buffers this thread has spare, if any.
    pub(crate) fn take() -> Buffers {
        SPARE
            .try_with(|s| s.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)))
            .ok()
            .and_then(Result::ok)
            .unwrap_or_default()
    }

    /// A document of `title` and `text` in these buffers.
    pub(crate) fn into_doc<'t>(self, title: &'t str, text: &'t str, inner: Arc<Inner>) -> Doc<'t> {
        Doc {
            title,
            text,
            inner,
            mentions: self.mentions,
            rejected: self.rejected,
            locals: self.locals,
            alternatives: self.alternatives,
            parts: self.parts,
            scored: self.scored,
            topics: OnceLock::new(),
            local_index: self.local_index,
            local_ids: self.local_ids,
            text_wrapped: None,
        }
    }

    /// Empties the buffers of `doc` and leaves them to this thread.
    fn keep(doc: &mut Doc<'_>) {
        if doc.mentions.capacity() + doc.rejected.capacity() > KEPT_MENTIONS {
            return;
        }
        LocalEntity::keep_spare(&mut doc.locals);
        let mut kept = Buffers {
            mentions: std::mem::take(&mut doc.mentions),
            rejected: std::mem::take(&mut doc.rejected),
            locals: std::mem::take(&mut doc.locals),
            alternatives: std::mem::take(&mut doc.alternatives),
            parts: std::mem::take(&mut doc.parts),
            scored: std::mem::take(&mut doc.scored),
            local_index: std::mem::take(&mut doc.local_index),
            local_ids: std::mem::take(&mut doc.local_ids),
        };
        kept.clear();
        let _ = SPARE.try_with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                *s = kept;
            }
        });
    }

    fn clear(&mut self) {
        self.mentions.clear();
        self.rejected.clear();
        self.locals.clear();
        self.alternatives.clear();
        self.parts.clear();
        self.scored.clear();
        self.local_index.clear();
        self.local_ids.clear();
    }
}

impl Drop for Doc<'_> {
    fn drop(&mut self) {
        Buffers::keep(self);
    }
}

/// A tagged document: the mentions of its title and text, the article parts,
/// the topics, and what was rejected.
///
/// # Example
///
/// ```
/// use gazetag::{Label, Tagger};
///
/// let tagger = Tagger::default();
/// let text = "North Korea’s missile tests worry Japan.";
/// let doc = tagger.tag(text);
/// let places: Vec<&str> = doc
///     .mentions()
///     .iter()
///     .filter(|m| m.label == Label::Place)
///     .map(|m| doc.surface(m))
///     .collect();
/// assert_eq!(places, ["North Korea", "Japan"]);
/// ```
#[derive(Clone, Debug)]
pub struct Doc<'t> {
    pub(crate) title: &'t str,
    pub(crate) text: &'t str,
    pub(crate) inner: Arc<Inner>,
    pub(crate) mentions: Vec<Mention>,
    pub(crate) rejected: Vec<Rejected>,
    pub(crate) locals: Vec<LocalEntity>,
    pub(crate) alternatives: Vec<Vec<u32>>,
    pub(crate) parts: Vec<Part>,
    /// The topics as scored; made into `Topic`s (strings and all) only by
    /// [`Doc::topics`], which the JSON output does not need.
    pub(crate) scored: Scored,
    pub(crate) topics: OnceLock<Vec<Topic>>,
    /// Local entities by the hash of their name, then label (`NO_LOCAL` for
    /// none): rules look them up per proposal, by a name they borrow (see
    /// [`Doc::local_of`]); no copy of each name.
    pub(crate) local_index: LocalIndex,
    /// The hashes of the local entities' ids (see [`Doc::local_id_taken`]):
    /// not a copy of each id.
    pub(crate) local_ids: std::collections::HashSet<u64, FxBuild>,
    /// Whether the text is hard-wrapped (see
    /// [`crate::segment::looks_hard_wrapped`]), once the rules judged it:
    /// the topic stage's sentence splitting reads it instead of judging the
    /// text again.
    pub(crate) text_wrapped: Option<bool>,
}

impl<'t> Doc<'t> {
    /// The title that was tagged (empty when none was given).
    pub fn title(&self) -> &'t str {
        self.title
    }

    /// The text that was tagged.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Mentions, title first, each field in order of position.
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// Candidates that lost, with the reason.
    pub fn rejected(&self) -> &[Rejected] {
        &self.rejected
    }

    /// Entities made by rules for this document.
    pub fn local_entities(&self) -> &[LocalEntity] {
        &self.locals
    }

    /// For [`EntityRef::Ambiguous`] mentions: the entries that fit.
    pub fn alternatives(&self, mention: &Mention) -> Vec<&Entry> {
        match mention.entity {
            EntityRef::Ambiguous(i) => self.alternatives[i as usize]
                .iter()
                .map(|&e| &self.inner.dict.entries()[e as usize])
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The parts of the text: section, title, byline, dateline, body and
    /// boilerplate (see [`crate::segment::parts`]). Boilerplate is not tagged.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// The IPTC Media Topics, best first; every topic's top-level ancestor
    /// is among them. Empty unless the tagger scores topics
    /// ([`Topics`](crate::Topics)).
    pub fn topics(&self) -> &[Topic] {
        self.topics.get_or_init(|| match &self.inner.topics {
            Some(model) => self.scored.to_topics(model.tables()),
            None => Vec::new(),
        })
    }

    /// The text of a field.
    pub fn field_text(&self, field: Field) -> &'t str {
        match field {
            Field::Title => self.title,
            Field::Text => self.text,
        }
    }

    /// The mention's text, as written in the original.
    pub fn surface(&self, mention: &Mention) -> &'t str {
        self.field_text(mention.field)
            .get(mention.span.range())
            .unwrap_or("")
    }

    /// The dictionary entry a mention refers to, if it refers to one.
    pub fn entry(&self, mention: &Mention) -> Option<&Entry> {
        match mention.entity {
            EntityRef::Entry(i) => self.inner.dict.entries().get(i as usize),
            _ => None,
        }
    }

    /// The id of the entity a mention refers to (`None` when ambiguous).
    pub fn entity_id(&self, mention: &Mention) -> Option<&str> {
        match mention.entity {
            EntityRef::Entry(i) => self.inner.dict.entries().get(i as usize).map(|e| &*e.id),
            EntityRef::Local(i) => self.locals.get(i as usize).map(|e| e.id.as_str()),
            EntityRef::Ambiguous(_) => None,
        }
    }

    /// The alias text and policy behind a mention, for dictionary mentions.
    pub fn alias(&self, mention: &Mention) -> Option<(&str, MatchPolicy)> {
        let alias = match mention.evidence {
            Evidence::Alias { alias }
            | Evidence::ShortForm { alias, .. }
            | Evidence::Titled { alias } => alias,
            Evidence::Byline | Evidence::Rule { .. } => return None,
        };
        let (text, policy, _) = self.inner.alias_info(alias);
        Some((text, policy))
    }

    /// The text of an alias, by its index in the tagger's alias table (as in
    /// [`Evidence::Alias`] and [`Rejected::alias`]).
    ///
    /// # Example
    ///
    /// ```
    /// let doc = gazetag::Tagger::default().tag("The U.S. said");
    /// let m = &doc.mentions()[0];
    /// if let gazetag::Evidence::Alias { alias } = m.evidence {
    ///     assert_eq!(doc.alias_text(alias), "U.S.");
    /// }
    /// ```
    pub fn alias_text(&self, alias: u32) -> &str {
        self.inner.alias_info(alias).0
    }

    /// The dictionary entry an alias index belongs to (of
    /// [`Evidence::Alias`] or [`Rejected::alias`]): the entity a rejected
    /// candidate would have named.
    ///
    /// ```
    /// let doc = gazetag::Tagger::default().tag("Hegseth said.");
    /// let r = doc.rejected().iter().find(|r| doc.alias_text(r.alias) == "Hegseth").unwrap();
    /// let entry = doc.alias_entry(r.alias).unwrap();
    /// assert_eq!(&*entry.id, "person:pete-hegseth");
    /// ```
    pub fn alias_entry(&self, alias: u32) -> Option<&Entry> {
        self.inner.entry_of_alias(alias)
    }

    /// The name of a rule, for [`Evidence::Rule`].
    pub fn rule_name(&self, rule: u32) -> &str {
        self.inner.rules.rule_name(rule)
    }

    /// Whether a local entity has this id: surely not when no id of theirs
    /// hashes alike; else they are compared (rare: one slug for two names).
    pub(crate) fn local_id_taken(&self, id: &str) -> bool {
        self.local_ids.contains(&FxBuild::default().hash_one(id))
            && self.locals.iter().any(|e| e.id == id)
    }

    /// Records the id of a new local entity (pushed to `locals` next).
    pub(crate) fn add_local_id(&mut self, id: &str) {
        self.local_ids.insert(FxBuild::default().hash_one(id));
    }

    /// The local entity of `label` named `name` (`NO_LOCAL` for none).
    pub(crate) fn local_of(&self, label: Label, name: &str) -> u32 {
        let Some(ids) = self.local_index.get(&FxBuild::default().hash_one(name)) else {
            return NO_LOCAL;
        };
        if self.indexed_name(ids) == name {
            return ids[label as usize];
        }
        // Another name of the same hash holds the entry: this one's entities
        // are not indexed (see `index_local`).
        self.locals
            .iter()
            .position(|e| e.label == label && e.name == name)
            .map_or(NO_LOCAL, |i| i as u32)
    }

    /// Indexes local entity `index` under its label and name, unless another
    /// name of the same hash holds the entry ([`Doc::local_of`] then finds
    /// it by its name).
    pub(crate) fn index_local(&mut self, label: Label, name: &str, index: u32) {
        let key = FxBuild::default().hash_one(name);
        let other = self
            .local_index
            .get(&key)
            .is_some_and(|ids| self.indexed_name(ids) != name);
        if !other {
            let ids = self
                .local_index
                .entry(key)
                .or_insert([NO_LOCAL; Label::ALL.len()]);
            ids[label as usize] = index;
        }
    }

    /// The name of the local entities of an entry of `local_index`.
    fn indexed_name(&self, ids: &[u32]) -> &str {
        ids.iter()
            .find(|&&i| i != NO_LOCAL)
            .map_or("", |&i| self.locals[i as usize].name.as_str())
    }

    /// An owned, serializable record of the document in the output contract
    /// of `../shared/eval/README.md`: entities with byte and char offsets,
    /// label, entity id, name, kind and evidence; topics.
    pub fn to_record(&self, id: serde_json::Value) -> DocRecord {
        let mut entities = Vec::with_capacity(self.mentions.len());
        for field in [Field::Title, Field::Text] {
            let text = self.field_text(field);
            let mut chars = CharOffsets::new(text);
            for m in self.mentions.iter().filter(|m| m.field == field) {
                entities.push(self.entity_record(m, &mut chars));
            }
        }
        DocRecord {
            id,
            entities,
            topics: self.topics().to_vec(),
            error: None,
        }
    }

    fn entity_record(&self, m: &Mention, chars: &mut CharOffsets<'_>) -> EntityRecord {
        let char_start = chars.at(m.span.start);
        let char_end = char_start + char_len(self.surface(m));
        let (name, kind, country, office) = match m.entity {
            EntityRef::Entry(i) => {
                let e = &self.inner.dict.entries()[i as usize];
                (
                    Some(e.name.to_string()),
                    Some(e.kind.to_string()),
                    e.country.as_deref().map(str::to_string),
                    e.office.as_deref().map(str::to_string),
                )
            }
            EntityRef::Local(i) => {
                let e = &self.locals[i as usize];
                (
                    Some(e.name.clone()),
                    Some(e.kind.clone()),
                    e.country.clone(),
                    e.office.clone(),
                )
            }
            EntityRef::Ambiguous(_) => (None, None, None, None),
        };
        let evidence = match m.evidence {
            Evidence::Alias { alias } | Evidence::Titled { alias } => {
                let (text, policy, _) = self.inner.alias_info(alias);
                let titled = matches!(m.evidence, Evidence::Titled { .. });
                EvidenceRecord {
                    source: if titled { "titled" } else { "alias" },
                    alias: Some(text.to_string()),
                    policy: Some(policy.as_str()),
                    antecedent: None,
                    candidates: self.candidate_ids(m),
                }
            }
            Evidence::ShortForm { alias, antecedent } => {
                let (text, policy, _) = self.inner.alias_info(alias);
                let a = self.mentions.get(antecedent as usize);
                EvidenceRecord {
                    source: "short_form",
                    alias: Some(text.to_string()),
                    policy: Some(policy.as_str()),
                    antecedent: a.map(|a| (a.field, a.span.start, a.span.end)),
                    candidates: self.candidate_ids(m),
                }
            }
            Evidence::Byline => EvidenceRecord {
                source: "byline",
                alias: None,
                policy: None,
                antecedent: None,
                candidates: None,
            },
            Evidence::Rule { rule } => EvidenceRecord {
                source: "rule",
                alias: Some(self.rule_name(rule).to_string()),
                policy: None,
                antecedent: None,
                candidates: None,
            },
        };
        EntityRecord {
            start: m.span.start,
            end: m.span.end,
            char_start,
            char_end,
            field: m.field,
            label: m.label,
            text: self.surface(m).to_string(),
            entity: self.entity_id(m).map(str::to_string),
            name,
            kind,
            country,
            office,
            wikidata: self.entry(m).and_then(|e| e.details().wikidata.clone()),
            evidence,
        }
    }

    fn candidate_ids(&self, m: &Mention) -> Option<Vec<String>> {
        match m.entity {
            EntityRef::Ambiguous(_) => Some(
                self.alternatives(m)
                    .into_iter()
                    .map(|e| e.id.to_string())
                    .collect(),
            ),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_entities_are_found_by_name_when_another_has_their_hash() {
        let tagger = crate::Tagger::default();
        let mut doc = tagger.tag("");
        let hash = |name: &str| FxBuild::default().hash_one(name);
        let add = |doc: &mut Doc<'_>, name: &str| {
            doc.index_local(Label::Person, name, doc.locals.len() as u32);
            doc.locals.push(LocalEntity {
                id: format!("local:person:{name}"),
                name: name.to_string(),
                label: Label::Person,
                kind: "person".to_string(),
                country: None,
                office: None,
            });
        };
        add(&mut doc, "Ann");
        // As if "Bob" hashed as "Ann" does: the entry stays Ann's.
        let ann = doc.local_index[&hash("Ann")];
        doc.local_index.insert(hash("Bob"), ann);
        add(&mut doc, "Bob");
        assert_eq!(doc.local_index[&hash("Bob")], ann);
        assert_eq!(doc.local_of(Label::Person, "Ann"), 0);
        assert_eq!(doc.local_of(Label::Person, "Bob"), 1);
        assert_eq!(doc.local_of(Label::Place, "Bob"), NO_LOCAL);
        assert_eq!(doc.local_of(Label::Person, "Cy"), NO_LOCAL);
    }
}
