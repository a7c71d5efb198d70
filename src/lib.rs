/*!
Tag news articles with the people, organizations, places and nationalities they
mention — each linked to a dictionary entry — by transparent gazetteer matching
and rules, with byte (and char) offsets that always point into the original
text.

# Quick example

```
use gazetag::{Label, Tagger};

let tagger = Tagger::default();
let text = "South Korean Defense Minister Ahn Gyu-back called Pete Hegseth. Ahn said ...";
let doc = tagger.tag(text);
let people: Vec<(&str, Option<&str>)> = doc
    .mentions()
    .iter()
    .filter(|m| m.label == Label::Person)
    .map(|m| (&text[m.span.range()], doc.entity_id(m)))
    .collect();
assert_eq!(people, [
    ("Ahn Gyu-back", Some("person:ahn-gyu-back")),
    ("Pete Hegseth", Some("person:pete-hegseth")),
    ("Ahn", Some("person:ahn-gyu-back")),
]);
```

# Key types

- [`Tagger`]: the pipeline, built once ([`Tagger::default`] for the built-in
  dictionaries, [`Tagger::builder`] for your own), cheap to clone, `Send + Sync`.
- [`Doc`]: a tagged document; [`Mention`]s are small `Copy` records (a
  [`Span`], a [`Label`], an [`EntityRef`] and the [`Evidence`] that made them);
  [`Doc::rejected`] keeps the candidates that lost and why.
- [`Dictionary`], [`Entry`], [`Alias`], [`MatchPolicy`]: the data, loaded from
  JSON Lines files (format in `dictionaries/README.md`); errors ([`Error`]) name
  the file, line and entry.
- [`Overlap`]: the named policy that resolves overlapping candidates;
  [`ScoreTables`]: what places named in lines of sports scores are (teams by
  default).
- Stages usable alone: [`segment`] (paragraphs, sentences, words, article
  parts), [`normalize`] (folded copy with an offset map), [`matcher`] (the
  word-start phrase matcher), [`output`] (the JSON Lines records),
  [`topics`] (IPTC Media Topics with their evidence), [`rules`] (names no
  dictionary holds).
- [`export`]: the same results as a highlighted HTML page, CoNLL IOB2
  columns, brat standoff or spaCy JSON (`Article::from_doc`).

# Example: your own dictionary

```
use gazetag::{Dictionary, Tagger};

let mine = Dictionary::from_jsonl_str("mine.jsonl", r#"
{"id": "org:acme", "label": "organization", "kind": "company", "name": "Acme Corp", "aliases": [{"text": "ACME", "match": "exact"}]}
"#)?;
let tagger = Tagger::builder().builtin_dictionaries().dictionary(mine).build()?;
let doc = tagger.tag("ACME opened an office in Seoul.");
let ids: Vec<_> = doc.mentions().iter().filter_map(|m| doc.entity_id(m)).collect();
assert_eq!(ids[0], "org:acme");
# Ok::<(), gazetag::Error>(())
```

# Example: many documents on all cores

```
let tagger = gazetag::Tagger::default();
let articles = vec![("Seoul talks", "North Korea fired a missile."), ("", "NATO met in Brussels.")];
let docs = tagger.tag_batch(&articles); // rayon; output in input order
assert_eq!(docs.len(), 2);
// A tagger is shared by reference (or cloned: an Arc inside) across threads.
std::thread::scope(|s| {
    s.spawn(|| assert!(!tagger.tag("Japan").mentions().is_empty()));
});
```

# Example: a highlighted page and standard formats

```
use gazetag::export::{self, Article};

let doc = gazetag::Tagger::default().tag("Pete Hegseth called South Korea's Ahn Gyu-back.");
let article = Article::from_doc(&doc).with_id("a1");
let page = export::html::render("Today's calls", std::slice::from_ref(&article));
assert!(page.contains(r#"<a class="ent-label" href="https://www.wikidata.org/wiki/Q884">"#));
assert!(export::conll::to_string(&article).contains("Korea I-LOC\n"));
assert!(export::spacy::to_json(&article).contains(r#""label":"GPE""#));
```

The example binary `tag_articles` is a line-in, line-out filter over JSON
Lines, so it also runs under Spark's `rdd.pipe` (`examples/spark_tag.py`) or as
a Hadoop Streaming mapper.

# Performance and resource use

`Tagger::default()` parses and compiles the built-in dictionaries (about 65,000
entries, 96,000 aliases), the rules and the topic model once per process, in
about 0.15-0.25 s, with a peak of about 110 MB; later calls clone it. One core tags
about 13-17 MB/s of news end to end (rules, topics and JSON included; 20-25 MB/s
without topics). [`Rules::Off`] makes a dictionary tagger, which finds only the
names the dictionaries hold (most people are then missed: CoNLL-2003 dev F1 0.61
instead of 0.90), at about 20-35 MB/s, and 55-75 MB/s without topics. Cores add up:
`tag_batch` or one tagger shared by threads. A dictionary of a million aliases loads and compiles in
under 2 s of CPU (parsing and folding run on all cores), holding 350-380 MB
at its peak, and tags about 45-50 MB/s on one core, half of it the parsed entries (about 230 bytes each, texts
included: kinds, countries and offices are stored once per dictionary, and a
name shares its text with its alias). Tagging runs per word: the automaton is only walked where
a word starts, and capitalized-only aliases only where the word is capitalized,
so the cost grows with the text, not with the dictionary. Every stage is linear
in the size of the document. Measured figures are in the README.

# Panics

No function panics on any input text or dictionary content; invalid data gives
an [`Error`]. [`Tagger::default`] would panic only if the embedded dictionaries
were invalid, which the crate's tests rule out.

# Features

- `default-dictionaries` (on by default): embed the built-in dictionaries so
  that [`Tagger::default`] works from any directory. Turn it off
  (`default-features = false`) to bring only your own data; the crate is then
  much smaller.
*/
#![forbid(unsafe_code)]

mod boundary;
mod dictionary;
mod doc;
mod error;
pub mod export;
mod guard;
mod json;
mod link;
pub mod matcher;
pub mod normalize;
mod offsets;
pub mod output;
mod resolve;
pub mod rules;
pub mod segment;
mod swar;
mod tagger;
pub mod topics;

pub use dictionary::{Alias, Details, Dictionary, Entry, Guard, Label, MatchPolicy};
pub use doc::{Doc, EntityRef, Evidence, Field, LocalEntity, Mention, Reason, Rejected, Span};
pub use error::Error;
pub use resolve::Overlap;
pub use rules::ScoreTables;
pub use tagger::{Document, Rules, Tagger, TaggerBuilder, Topics};
