/*!
spaCy-compatible JSON: `{"text", "ents": [{"start", "end", "label"}], "title"}`
with char offsets, the shape displaCy renders with `manual=True` and the
`(start, end, label)` triples `spacy.training` and `Doc.char_span` take. For the text
"Pete Hegseth called South Korea's Ahn Gyu-back." (on one line):

```text
{"text":"Pete Hegseth called South Korea's Ahn Gyu-back.","ents":[
  {"start":0,"end":12,"label":"PERSON","kb_id":"person:pete-hegseth"},
  {"start":20,"end":31,"label":"GPE","kb_id":"place:country:KR","kb_url":"https://www.wikidata.org/wiki/Q884"},
  {"start":34,"end":46,"label":"PERSON","kb_id":"person:ahn-gyu-back"}],"meta":{"id":"a1"}}
```

**Offsets** are in chars (Unicode scalar values, as Python indexes a `str`).

**Labels** map to spaCy's English (OntoNotes) labels (see [`entity_label`]):
`person` to `PERSON`, `organization` to `ORG`, `nationality` to `NORP`,
and `place` to `GPE`, except places of kind `region` (`Northeast Asia`,
`Korean Peninsula`), which are `LOC`.

**Other keys.** `kb_id` (the entity's id) and `kb_url` (its Wikidata page)
are set when known: displaCy links the entity with them. `title` is the
article's title when it has one (displaCy shows it as a heading), and
`meta.id` its id (Prodigy keeps `meta`).

**Limits.** spaCy's `Doc.ents` cannot overlap: of overlapping entities the
outermost is kept (the one that starts first, the longest when they start
together). Only the text field is written; the title's entities are left
out. `ents` are sorted by start.

Loading the output in Python:

```text
import json, spacy
from spacy import displacy
docs = [json.loads(line) for line in open("tagged.spacy.jsonl")]
displacy.serve(docs, style="ent", manual=True)
nlp = spacy.blank("en")
for d in docs:
    doc = nlp(d["text"])
    doc.ents = [doc.char_span(e["start"], e["end"], e["label"], alignment_mode="expand")
                for e in d["ents"]]
```

# Example

```
use gazetag::export::{spacy, Article, Entity};
use gazetag::{Label, Span};

let mut a = Article::new("Ahn in 서울 and Seoul").with_id("k1");
a.entities.push(Entity::new(Span::from(0..3), Label::Person));
a.entities.push(Entity::new(Span::from(18..23), Label::Place));
assert_eq!(
    spacy::to_json(&a),
    r#"{"text":"Ahn in 서울 and Seoul","ents":[{"start":0,"end":3,"label":"PERSON"},{"start":14,"end":19,"label":"GPE"}],"meta":{"id":"k1"}}"#,
);
```
*/

use serde::Serialize;

use crate::export::{Article, CharOffsets};
use crate::Label;

/// The spaCy label of an entity with this label and kind: `PERSON`, `ORG`,
/// `NORP`, and `GPE` for places except regions, which are `LOC`.
///
/// # Example
///
/// ```
/// use gazetag::export::spacy::entity_label;
/// use gazetag::Label;
/// assert_eq!(entity_label(Label::Place, Some("country")), "GPE");
/// assert_eq!(entity_label(Label::Place, Some("region")), "LOC");
/// assert_eq!(entity_label(Label::Nationality, None), "NORP");
/// ```
pub fn entity_label(label: Label, kind: Option<&str>) -> &'static str {
    match label {
        Label::Person => "PERSON",
        Label::Organization => "ORG",
        Label::Place if kind == Some("region") => "LOC",
        Label::Place => "GPE",
        Label::Nationality => "NORP",
    }
}

/// One article in spaCy's shape, ready to serialize.
///
/// # Example
///
/// ```
/// use gazetag::export::{spacy, Article};
/// let d = spacy::to_doc(&Article::new("Hi.").with_title("Greeting"));
/// assert_eq!(d.title, Some("Greeting"));
/// assert!(d.ents.is_empty() && d.meta.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SpacyDoc<'a> {
    /// The article text.
    pub text: &'a str,
    /// Entities, sorted by start, not overlapping.
    pub ents: Vec<SpacyEnt>,
    /// The title, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// The article's id, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<SpacyMeta>,
}

/// One entity in spaCy's shape.
///
/// # Example
///
/// ```
/// use gazetag::export::{spacy, Article, Entity};
/// use gazetag::{Label, Span};
/// let mut a = Article::new("Seoul");
/// a.entities.push(Entity::new(Span::from(0..5), Label::Place));
/// let e = &spacy::to_doc(&a).ents[0];
/// assert_eq!((e.start, e.end, e.label), (0, 5, "GPE"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SpacyEnt {
    /// Char offset of the start.
    pub start: usize,
    /// Char offset of the end (exclusive).
    pub end: usize,
    /// spaCy label ([`entity_label`]).
    pub label: &'static str,
    /// The entity's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kb_id: Option<String>,
    /// The entity's Wikidata page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kb_url: Option<String>,
}

/// Data about the article that spaCy does not read.
///
/// # Example
///
/// ```
/// use gazetag::export::{spacy, Article};
/// let d = spacy::to_doc(&Article::new("").with_id("7"));
/// assert_eq!(d.meta.map(|m| m.id), Some("7".to_string()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SpacyMeta {
    /// The article's id.
    pub id: String,
}

/// The article in spaCy's shape.
///
/// # Example
///
/// ```
/// use gazetag::export::{spacy, Article, Entity};
/// use gazetag::{Label, Span};
/// let mut a = Article::new("North Korea");
/// a.entities.push(Entity::new(Span::from(0..11), Label::Place));
/// a.entities.push(Entity::new(Span::from(6..11), Label::Place)); // overlaps: dropped
/// assert_eq!(spacy::to_doc(&a).ents.len(), 1);
/// ```
pub fn to_doc<'a>(article: &Article<'a>) -> SpacyDoc<'a> {
    let mut chars = CharOffsets::new(article.text);
    let ents = article
        .outermost()
        .into_iter()
        .map(|e| SpacyEnt {
            start: chars.at(e.span.start),
            end: chars.at(e.span.end),
            label: entity_label(e.label, e.kind.as_deref()),
            kb_id: e.id.clone(),
            kb_url: e.wikidata_url(),
        })
        .collect();
    SpacyDoc {
        text: article.text,
        ents,
        title: Some(article.title).filter(|t| !t.is_empty()),
        meta: article.id.clone().map(|id| SpacyMeta { id }),
    }
}

/// The article as one line of JSON (no line break in it, none at the end).
///
/// # Example
///
/// ```
/// use gazetag::export::{spacy, Article};
/// assert_eq!(spacy::to_json(&Article::new("a\nb")), r#"{"text":"a\nb","ents":[]}"#);
/// ```
pub fn to_json(article: &Article<'_>) -> String {
    // Serializing plain strings and numbers to a string cannot fail.
    serde_json::to_string(&to_doc(article)).unwrap_or_default()
}
