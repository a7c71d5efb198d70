/*!
Tagged articles in the formats other tools read: a highlighted HTML page,
CoNLL IOB2 columns, brat standoff and spaCy-compatible JSON.

Every format is written from an [`Article`]: a borrowed view of one tagged
document (its id, title, text, entities and topics). An article is made from
a [`Doc`] with [`Article::from_doc`], or from an output record and the text it
was made from with [`Article::from_record`], so the same functions serve the
library and a command line filter that only keeps [`DocRecord`]s. An article
can also be put together by hand from another tagger's results.

| format | module | offsets | overlapping entities |
|---|---|---|---|
| HTML page (one file, many articles) | [`html`] | - | nested; a span crossing another is not highlighted |
| CoNLL IOB2 | [`conll`] | tokens | the outermost is kept |
| brat standoff (`.txt` + `.ann`) | [`brat`] | chars | all kept |
| spaCy JSON (`text` + `ents`) | [`spacy`] | chars | the outermost is kept |

Entities whose span does not lie on `char` boundaries of its field's text
are skipped by every writer: nothing here panics on bad offsets. CoNLL,
brat and spaCy write the text field only (a title's entities are left out,
as the scorers do); the HTML page shows both.

# Example

```
use gazetag::export::{self, Article};
use gazetag::Tagger;

let tagger = Tagger::default();
let doc = tagger.tag("Pete Hegseth called Ahn Gyu-back in Seoul.");
let article = Article::from_doc(&doc).with_id("a1");

let conll = export::conll::to_string(&article);
assert!(conll.contains("Hegseth I-PER\n"));

let ann = export::brat::ann(&article);
assert!(ann.starts_with("T1\tPerson 0 12\tPete Hegseth\n"));

let json = export::spacy::to_json(&article);
assert!(json.contains(r#"{"start":0,"end":12,"label":"PERSON""#));

let page = export::html::render("Tagged", &[article]);
assert!(page.contains(r#"class="ent ent-person""#));
```
*/

use std::fmt;
use std::str::FromStr;

use crate::doc::{Doc, EntityRef, Evidence, Field, Span};
use crate::output::DocRecord;
use crate::segment::Part;
use crate::{Error, Label};

pub mod brat;
pub mod conll;
pub mod html;
pub mod spacy;

/// The output formats of this module, plus the JSON Lines contract, by name:
/// for a `--format` flag.
///
/// # Example
///
/// ```
/// use gazetag::export::Format;
///
/// assert_eq!("conll".parse::<Format>().ok(), Some(Format::Conll));
/// assert_eq!(Format::Spacy.as_str(), "spacy");
/// assert!("docx".parse::<Format>().is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// JSON Lines, one [`DocRecord`] per input line (the default).
    #[default]
    Jsonl,
    /// One HTML page for all articles ([`html`]).
    Html,
    /// CoNLL IOB2 token and tag columns ([`conll`]).
    Conll,
    /// brat standoff, a `.txt` and an `.ann` per article ([`brat`]).
    Brat,
    /// spaCy-compatible JSON, one object per line ([`spacy`]).
    Spacy,
}

impl Format {
    /// Every format, in a fixed order.
    pub const ALL: [Format; 5] = [
        Format::Jsonl,
        Format::Html,
        Format::Conll,
        Format::Brat,
        Format::Spacy,
    ];

    /// The format's name: `jsonl`, `html`, `conll`, `brat` or `spacy`.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::Format;
    /// assert_eq!(Format::Jsonl.as_str(), "jsonl");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Html => "html",
            Format::Conll => "conll",
            Format::Brat => "brat",
            Format::Spacy => "spacy",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format, Error> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| {
                Error::invalid(format!(
                    "unknown format '{}' (expected jsonl, html, conll, brat or spacy)",
                    s
                ))
            })
    }
}

/// One tagged document, ready to be written in any format of this module.
///
/// The text and title are borrowed; entities and topics are owned, so an
/// article can outlive the [`Doc`] it was made from.
///
/// # Example
///
/// ```
/// use gazetag::export::{Article, Entity};
/// use gazetag::{Label, Span};
///
/// let text = "Talks in Seoul.";
/// let mut article = Article::new(text).with_id("x");
/// article.entities.push(Entity::new(Span::from(9..14), Label::Place));
/// assert_eq!(article.surface(&article.entities[0]), Some("Seoul"));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Article<'a> {
    /// The document's id, as text (a JSON string id without its quotes).
    pub id: Option<String>,
    /// The headline, empty when none.
    pub title: &'a str,
    /// The article text.
    pub text: &'a str,
    /// Entity mentions, in any order (writers sort them).
    pub entities: Vec<Entity>,
    /// Topics, best first.
    pub topics: Vec<Topic>,
    /// The parts of the text (see [`crate::segment::parts`]), shown by the
    /// HTML view (boilerplate greyed out); empty when unknown.
    pub parts: Vec<Part>,
}

impl<'a> Article<'a> {
    /// An article with the given text and nothing else.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::Article;
    /// let a = Article::new("No names here.");
    /// assert!(a.entities.is_empty() && a.title.is_empty() && a.id.is_none());
    /// ```
    pub fn new(text: &'a str) -> Article<'a> {
        Article {
            id: None,
            title: "",
            text,
            entities: Vec::new(),
            topics: Vec::new(),
            parts: Vec::new(),
        }
    }

    /// The article of a tagged document: its title, text and every mention,
    /// with the entity's id, canonical name, kind, Wikidata id and a short
    /// description of the evidence; its topics (when the tagger scores
    /// them); and the parts of the text.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::Article;
    /// use gazetag::Tagger;
    ///
    /// let tagger = Tagger::default();
    /// let doc = tagger.tag_article("Seoul talks", "Pete Hegseth called Seoul.");
    /// let a = Article::from_doc(&doc);
    /// let hegseth = a.entities.iter().find(|e| e.name.as_deref() == Some("Pete Hegseth")).unwrap();
    /// assert_eq!(hegseth.id.as_deref(), Some("person:pete-hegseth"));
    /// assert_eq!(a.title, "Seoul talks");
    /// ```
    pub fn from_doc(doc: &Doc<'a>) -> Article<'a> {
        let mut entities = Vec::with_capacity(doc.mentions().len());
        for (i, m) in doc.mentions().iter().enumerate() {
            let mut e = Entity::new(m.span, m.label);
            e.field = m.field;
            e.id = doc.entity_id(m).map(str::to_string);
            match m.entity {
                EntityRef::Entry(_) => {
                    if let Some(entry) = doc.entry(m) {
                        e.name = Some(entry.name.to_string());
                        e.kind = Some(entry.kind.to_string());
                        e.wikidata = entry.details().wikidata.clone();
                    }
                }
                EntityRef::Local(l) => {
                    if let Some(local) = doc.local_entities().get(l as usize) {
                        e.name = Some(local.name.clone());
                        e.kind = Some(local.kind.clone());
                    }
                }
                EntityRef::Ambiguous(_) => {
                    let ids: Vec<&str> = doc.alternatives(m).iter().map(|e| &*e.id).collect();
                    e.evidence = format!("ambiguous: {}; ", ids.join(", "));
                }
            }
            let why = match m.evidence {
                Evidence::Alias { .. } => match doc.alias(m) {
                    Some((alias, policy)) => {
                        format!("alias \"{}\" ({})", alias, policy.as_str())
                    }
                    None => "alias".to_string(),
                },
                Evidence::ShortForm { antecedent, .. } => {
                    match doc.mentions().get(antecedent as usize) {
                        Some(a) if antecedent as usize != i => {
                            format!("short form of \"{}\"", doc.surface(a))
                        }
                        _ => "short form".to_string(),
                    }
                }
                Evidence::Titled { .. } => "short form after its office".to_string(),
                Evidence::Byline => "byline".to_string(),
                Evidence::Rule { rule } => format!("rule {}", doc.rule_name(rule)),
            };
            e.evidence.push_str(&why);
            entities.push(e);
        }
        Article {
            id: None,
            title: doc.title(),
            text: doc.text(),
            entities,
            topics: doc.topics().iter().map(Topic::from).collect(),
            parts: doc.parts().to_vec(),
        }
    }

    /// The article of an output record and the title and text it was made
    /// from (pass `""` for no title). Entities whose offsets do not fit the
    /// text are dropped. Records carry no Wikidata ids and no
    /// parts, so articles made this way have no Wikidata links and no parts
    /// (see [`Article::with_parts`]).
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::Article;
    /// use gazetag::Tagger;
    ///
    /// let text = "Pete Hegseth called Seoul.";
    /// let record = Tagger::default().tag(text).to_record(serde_json::json!(7));
    /// let a = Article::from_record(&record, "", text);
    /// assert_eq!(a.id.as_deref(), Some("7"));
    /// assert_eq!(a.surface(&a.entities[0]), Some("Pete Hegseth"));
    /// ```
    pub fn from_record(record: &DocRecord, title: &'a str, text: &'a str) -> Article<'a> {
        let mut entities = Vec::with_capacity(record.entities.len());
        for r in &record.entities {
            let mut e = Entity::new(Span::from(r.start..r.end), r.label);
            e.field = r.field;
            let field_text = if r.field == Field::Title { title } else { text };
            if field_text.get(e.span.range()).is_none() {
                continue;
            }
            e.id = r.entity.clone();
            e.name = r.name.clone();
            e.kind = r.kind.clone();
            e.wikidata = r.wikidata.clone();
            let ev = &r.evidence;
            let mut why = String::new();
            if let Some(c) = &ev.candidates {
                why.push_str(&format!("ambiguous: {}; ", c.join(", ")));
            }
            why.push_str(ev.source);
            if let Some(alias) = &ev.alias {
                why.push_str(&format!(" \"{}\"", alias));
            }
            if let Some(p) = ev.policy {
                why.push_str(&format!(" ({})", p));
            }
            e.evidence = why;
            entities.push(e);
        }
        let topics = record.topics.iter().map(Topic::from).collect();
        Article {
            id: Some(id_text(&record.id)),
            title,
            text,
            entities,
            topics,
            parts: Vec::new(),
        }
    }

    /// Sets the id.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::Article;
    /// assert_eq!(Article::new("").with_id("a-1").id.as_deref(), Some("a-1"));
    /// ```
    pub fn with_id(mut self, id: impl Into<String>) -> Article<'a> {
        self.id = Some(id.into());
        self
    }

    /// Sets the title.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::Article;
    /// assert_eq!(Article::new("text").with_title("Headline").title, "Headline");
    /// ```
    pub fn with_title(mut self, title: &'a str) -> Article<'a> {
        self.title = title;
        self
    }

    /// Sets the topics (best first), replacing those of the document.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::{Article, Topic};
    /// let a = Article::new("").with_topics(vec![Topic::new("medtop:11000000", 0.8)]);
    /// assert_eq!(a.topics[0].score, 0.8);
    /// ```
    pub fn with_topics(mut self, topics: Vec<Topic>) -> Article<'a> {
        self.topics = topics;
        self
    }

    /// Sets the parts of the text.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::Article;
    /// use gazetag::segment;
    /// let text = "Politics\n\nSeoul talks\n\nBy Jane Doe\n\nThe body.";
    /// let a = Article::new(text).with_parts(segment::parts(text));
    /// assert_eq!(a.parts.len(), 4);
    /// ```
    pub fn with_parts(mut self, parts: Vec<Part>) -> Article<'a> {
        self.parts = parts;
        self
    }

    /// The text of a field.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::Article;
    /// use gazetag::Field;
    /// let a = Article::new("body").with_title("head");
    /// assert_eq!(a.field_text(Field::Title), "head");
    /// ```
    pub fn field_text(&self, field: Field) -> &'a str {
        match field {
            Field::Title => self.title,
            Field::Text => self.text,
        }
    }

    /// The entity's text as written, or `None` when its span does not fit
    /// its field's text (out of bounds, or not on `char` boundaries).
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::{Article, Entity};
    /// use gazetag::{Label, Span};
    /// let a = Article::new("Café");
    /// assert_eq!(a.surface(&Entity::new(Span::from(0..5), Label::Place)), Some("Café"));
    /// assert_eq!(a.surface(&Entity::new(Span::from(0..4), Label::Place)), None);
    /// ```
    pub fn surface(&self, entity: &Entity) -> Option<&'a str> {
        self.field_text(entity.field).get(entity.span.range())
    }

    /// The entities of one field that fit its text, non-empty, sorted by
    /// start, longest first.
    fn sorted(&self, field: Field) -> Vec<&Entity> {
        let mut v: Vec<&Entity> = self
            .entities
            .iter()
            .filter(|e| e.field == field && !e.span.is_empty() && self.surface(e).is_some())
            .collect();
        v.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
        v
    }

    /// The entities of the text field with overlaps removed: sorted by
    /// start, and of overlapping entities the one that starts first (the
    /// longest, when they start together) is kept.
    fn outermost(&self) -> Vec<&Entity> {
        let mut kept: Vec<&Entity> = Vec::new();
        for e in self.sorted(Field::Text) {
            if kept.last().is_none_or(|k| k.span.end <= e.span.start) {
                kept.push(e);
            }
        }
        kept
    }
}

/// One entity mention of an [`Article`].
///
/// # Example
///
/// ```
/// use gazetag::export::Entity;
/// use gazetag::{Field, Label, Span};
///
/// let mut e = Entity::new(Span::from(0..5), Label::Place);
/// e.wikidata = Some("Q8684".to_string());
/// assert_eq!(e.field, Field::Text);
/// assert_eq!(e.wikidata_url().as_deref(), Some("https://www.wikidata.org/wiki/Q8684"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entity {
    /// Byte offsets into the field's text.
    pub span: Span,
    /// The field the span is in.
    pub field: Field,
    /// Coarse type.
    pub label: Label,
    /// The entity's id, when one entity was decided.
    pub id: Option<String>,
    /// Canonical name.
    pub name: Option<String>,
    /// Finer kind (`country`, `defense_minister` ...).
    pub kind: Option<String>,
    /// Wikidata id (`Q884`).
    pub wikidata: Option<String>,
    /// Why it was tagged, in a few words (empty when unknown).
    pub evidence: String,
}

impl Entity {
    /// An entity of the text field with a span and label and nothing else.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::Entity;
    /// use gazetag::{Label, Span};
    /// let e = Entity::new(Span::from(3..8), Label::Person);
    /// assert!(e.id.is_none() && e.evidence.is_empty());
    /// ```
    pub fn new(span: Span, label: Label) -> Entity {
        Entity {
            span,
            field: Field::Text,
            label,
            id: None,
            name: None,
            kind: None,
            wikidata: None,
            evidence: String::new(),
        }
    }

    /// The entity's Wikidata page, when it has a well-formed Wikidata id
    /// (`Q` and digits; anything else gives `None`).
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::Entity;
    /// use gazetag::{Label, Span};
    /// let mut e = Entity::new(Span::from(0..1), Label::Place);
    /// e.wikidata = Some("Q884\"><script>".to_string());
    /// assert_eq!(e.wikidata_url(), None);
    /// ```
    pub fn wikidata_url(&self) -> Option<String> {
        let q = self.wikidata.as_deref()?;
        let digits = q.strip_prefix('Q')?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(format!("https://www.wikidata.org/wiki/{}", q))
    }
}

/// A topic of an [`Article`], with its score: made by hand or from a
/// scored [`topics::Topic`](crate::topics::Topic).
///
/// # Example
///
/// ```
/// use gazetag::export::{Article, Topic};
/// use gazetag::topics::{TopicConfig, TopicModel};
///
/// let mut t = Topic::new("medtop:11000000", 0.72);
/// t.name = Some("politics".to_string());
/// assert_eq!(t.id, "medtop:11000000");
///
/// let model = TopicModel::builtin()?;
/// let text = "The earthquake destroyed homes.";
/// let scored = model.score_article("", text, &[], &TopicConfig::default());
/// let a = Article::new(text).with_topics(scored.iter().map(Topic::from).collect());
/// let quake = a.topics.iter().find(|t| t.id == "medtop:20000153").unwrap();
/// assert_eq!(quake.name.as_deref(), Some("earthquake"));
/// assert!(quake.evidence.contains("earthquake"));
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Topic {
    /// The topic's id (`medtop:11000000`).
    pub id: String,
    /// Its name, when known.
    pub name: Option<String>,
    /// Its score, from 0 to 1.
    pub score: f64,
    /// What made the score, in a few words (empty when unknown).
    pub evidence: String,
}

impl From<&crate::topics::Topic> for Topic {
    fn from(t: &crate::topics::Topic) -> Topic {
        const SHOWN: usize = 6;
        let mut pieces: Vec<String> = t
            .evidence
            .iter()
            .take(SHOWN)
            .map(|e| {
                format!(
                    "{} \"{}\" {:+.2}",
                    e.source.as_str(),
                    e.text,
                    e.weight_added
                )
            })
            .collect();
        if t.evidence.len() > SHOWN {
            pieces.push(format!("and {} more", t.evidence.len() - SHOWN));
        }
        Topic {
            id: t.id.clone(),
            name: Some(t.label.clone()),
            score: f64::from(t.score),
            evidence: pieces.join(", "),
        }
    }
}

impl Topic {
    /// A topic with an id and score and nothing else.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::Topic;
    /// let t = Topic::new("medtop:04000000", 0.5);
    /// assert!(t.name.is_none() && t.evidence.is_empty());
    /// ```
    pub fn new(id: impl Into<String>, score: f64) -> Topic {
        Topic {
            id: id.into(),
            name: None,
            score,
            evidence: String::new(),
        }
    }
}

/// The id of a record as text: a string without its quotes, anything else
/// as JSON.
fn id_text(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

pub(crate) use crate::offsets::CharOffsets;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets() {
        let text = "Café à Séoul";
        let mut c = CharOffsets::new(text);
        assert_eq!(c.at(0), 0);
        assert_eq!(c.at(6), 5);
        assert_eq!(c.at(text.len()), 12);
        assert_eq!(c.at(3), 3);
    }

    #[test]
    fn outermost_keeps_first_and_longest() {
        let mut a = Article::new("North Korea and South Korea");
        for (s, e) in [(0, 5), (0, 11), (6, 11), (16, 27), (10, 20), (50, 60)] {
            a.entities.push(Entity::new(Span::from(s..e), Label::Place));
        }
        let kept: Vec<(usize, usize)> = a
            .outermost()
            .iter()
            .map(|e| (e.span.start, e.span.end))
            .collect();
        assert_eq!(kept, [(0, 11), (16, 27)]);
    }

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>().ok(), Some(f));
        }
    }
}
