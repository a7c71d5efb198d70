/*!
CoNLL IOB2 columns: one token per line with its tag, a blank line after
each sentence, and a `-DOCSTART- O` line and a blank line before each
document, as in the CoNLL-2003 data (with two columns instead of four). For the text
"Pete Hegseth called South Korea's Ahn Gyu-back.":

```text
-DOCSTART- O

Pete B-PER
Hegseth I-PER
called O
South B-LOC
Korea I-LOC
's O
Ahn B-PER
Gyu I-PER
- I-PER
back I-PER
. O

```

**Tags.** IOB2: the first token of an entity is tagged `B-`, the others
`I-`, tokens outside entities `O`. Labels map to the CoNLL-2003 types:
`person` to `PER`, `organization` to `ORG`, `place` to `LOC` and
`nationality` to `MISC` (CoNLL-2003 tags nationalities as MISC; see
[`entity_type`]).

**Tokens.** The text is cut at the UAX #29 word boundaries (the segments
[`crate::segment::words`] is made of, punctuation included, whitespace
dropped), then also at every entity's start and end, so each entity is a
whole number of tokens (`Korea’s` after `North Korea` gives `Korea` and
`’s`). A token never contains whitespace and is always a verbatim piece of
the text, in order: searching for each token from the end of the last one
gives back its offsets.

**Sentences** are those of [`crate::segment::sentences`], except that a
sentence break inside an entity is not made.

**Limits.** IOB2 cannot express overlapping entities: of overlapping
entities the outermost is kept (the one that starts first, the longest
when they start together). Only the text field is written; the title's
entities are left out.

# Example

```
use gazetag::export::{conll, Article, Entity};
use gazetag::{Label, Span};

let mut a = Article::new("Pete Hegseth called Seoul.");
a.entities.push(Entity::new(Span::from(0..12), Label::Person));
a.entities.push(Entity::new(Span::from(20..25), Label::Place));
assert_eq!(
    conll::to_string(&a),
    "-DOCSTART- O\n\nPete B-PER\nHegseth I-PER\ncalled O\nSeoul B-LOC\n. O\n\n",
);
```
*/

use std::fmt;
use std::io;

use unicode_segmentation::UnicodeSegmentation;

use crate::doc::Span;
use crate::export::Article;
use crate::Label;

/// The CoNLL-2003 entity type of a label: `PER`, `ORG`, `LOC`, or `MISC`
/// for nationalities.
///
/// # Example
///
/// ```
/// use gazetag::export::conll::entity_type;
/// use gazetag::Label;
/// assert_eq!(entity_type(Label::Organization), "ORG");
/// assert_eq!(entity_type(Label::Nationality), "MISC");
/// ```
pub fn entity_type(label: Label) -> &'static str {
    match label {
        Label::Person => "PER",
        Label::Organization => "ORG",
        Label::Place => "LOC",
        Label::Nationality => "MISC",
    }
}

/// The IOB2 tag of a token.
///
/// # Example
///
/// ```
/// use gazetag::export::conll::Tag;
/// assert_eq!(Tag::Begin("PER").to_string(), "B-PER");
/// assert_eq!(Tag::Inside("LOC").to_string(), "I-LOC");
/// assert_eq!(Tag::Outside.to_string(), "O");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Not in an entity: `O`.
    Outside,
    /// The first token of an entity of this type: `B-PER`.
    Begin(&'static str),
    /// A later token of an entity of this type: `I-PER`.
    Inside(&'static str),
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tag::Outside => f.write_str("O"),
            Tag::Begin(t) => write!(f, "B-{}", t),
            Tag::Inside(t) => write!(f, "I-{}", t),
        }
    }
}

/// One token of the text with its tag.
///
/// # Example
///
/// ```
/// use gazetag::export::{conll, Article};
/// let a = Article::new("Hi there.");
/// let t = &conll::tokens(&a)[1];
/// assert_eq!((t.text, t.span.start, t.sentence_start), ("there", 3, false));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// Its byte offsets in the text.
    pub span: Span,
    /// Its tag.
    pub tag: Tag,
    /// True for the first token of a sentence.
    pub sentence_start: bool,
}

/// The tokens of the article's text, tagged (see the module docs for how
/// the text is cut).
///
/// # Example
///
/// ```
/// use gazetag::export::{conll, Article, Entity};
/// use gazetag::{Label, Span};
///
/// let mut a = Article::new("North Korea’s test. Japan");
/// a.entities.push(Entity::new(Span::from(0..11), Label::Place));
/// let got: Vec<String> = conll::tokens(&a)
///     .iter()
///     .map(|t| format!("{}/{}", t.text, t.tag))
///     .collect();
/// assert_eq!(got, ["North/B-LOC", "Korea/I-LOC", "’s/O", "test/O", "./O", "Japan/O"]);
/// ```
pub fn tokens<'a>(article: &Article<'a>) -> Vec<Token<'a>> {
    let text = article.text;
    let entities = article.outermost();
    let mut cuts: Vec<usize> = entities
        .iter()
        .flat_map(|e| [e.span.start, e.span.end])
        .collect();
    cuts.dedup();
    let mut sentence_starts = Vec::new();
    crate::segment::sentence_starts(text, &mut sentence_starts);

    let mut out = Vec::new();
    let mut cut = 0; // index into `cuts`
    let mut ent = 0; // index into `entities`
    let mut sent = 0; // index into `sentence_starts`
    for (at, segment) in text.split_word_bound_indices() {
        for (s, e) in non_whitespace_runs(segment) {
            let (mut start, end) = (at + s, at + e);
            while start < end {
                while cut < cuts.len() && cuts[cut] <= start {
                    cut += 1;
                }
                let stop = match cuts.get(cut) {
                    Some(&c) if c < end => c,
                    _ => end,
                };
                while ent < entities.len() && entities[ent].span.end <= start {
                    ent += 1;
                }
                let tag = match entities.get(ent) {
                    Some(e) if e.span.start <= start => {
                        let ty = entity_type(e.label);
                        if out
                            .last()
                            .is_none_or(|t: &Token<'_>| t.span.end <= e.span.start)
                        {
                            Tag::Begin(ty)
                        } else {
                            Tag::Inside(ty)
                        }
                    }
                    _ => Tag::Outside,
                };
                let mut new_sentence = false;
                while sent < sentence_starts.len() && sentence_starts[sent] <= start {
                    sent += 1;
                    new_sentence = true;
                }
                let sentence_start =
                    out.is_empty() || (new_sentence && !matches!(tag, Tag::Inside(_)));
                out.push(Token {
                    text: &text[start..stop],
                    span: Span::from(start..stop),
                    tag,
                    sentence_start,
                });
                start = stop;
            }
        }
    }
    out
}

/// Writes the article as a CoNLL IOB2 document (see the module docs).
///
/// # Errors
///
/// Only the writer's errors.
///
/// # Example
///
/// ```
/// use gazetag::export::{conll, Article};
/// let mut out = Vec::new();
/// conll::write(&mut out, &Article::new("Hello."))?;
/// assert_eq!(out, b"-DOCSTART- O\n\nHello O\n. O\n\n");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write<W: io::Write>(mut wtr: W, article: &Article<'_>) -> io::Result<()> {
    wtr.write_all(b"-DOCSTART- O\n\n")?;
    let tokens = tokens(article);
    for (i, t) in tokens.iter().enumerate() {
        if t.sentence_start && i > 0 {
            wtr.write_all(b"\n")?;
        }
        writeln!(wtr, "{} {}", t.text, t.tag)?;
    }
    if !tokens.is_empty() {
        wtr.write_all(b"\n")?;
    }
    Ok(())
}

/// The article as a CoNLL IOB2 document, in a string.
///
/// # Example
///
/// ```
/// use gazetag::export::{conll, Article};
/// assert_eq!(conll::to_string(&Article::new("")), "-DOCSTART- O\n\n");
/// ```
pub fn to_string(article: &Article<'_>) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and every token is a slice of a str.
    let _ = write(&mut out, article);
    String::from_utf8(out).unwrap_or_default()
}

/// The byte ranges, within `s`, of its runs of non-whitespace chars.
fn non_whitespace_runs(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = s.get(pos..)?;
        let skip = rest.len() - rest.trim_start().len();
        let start = pos + skip;
        if start >= s.len() {
            pos = s.len();
            return None;
        }
        let run = s[start..]
            .find(char::is_whitespace)
            .unwrap_or(s.len() - start);
        pos = start + run;
        Some((start, pos))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Entity;

    #[test]
    fn runs() {
        let got: Vec<(usize, usize)> = non_whitespace_runs(" a\u{a0}bc  d ").collect();
        assert_eq!(got, [(1, 2), (4, 6), (8, 9)]);
        assert_eq!(non_whitespace_runs("   ").count(), 0);
        assert_eq!(non_whitespace_runs("").count(), 0);
    }

    #[test]
    fn entity_inside_a_word_and_adjacent_entities() {
        let text = "Ahn's U.S.-Korean talks";
        let mut a = Article::new(text);
        a.entities
            .push(Entity::new(Span::from(0..3), Label::Person));
        a.entities
            .push(Entity::new(Span::from(6..10), Label::Place));
        a.entities
            .push(Entity::new(Span::from(11..17), Label::Nationality));
        let got: Vec<String> = tokens(&a)
            .iter()
            .map(|t| format!("{}/{}", t.text, t.tag))
            .collect();
        assert_eq!(
            got,
            [
                "Ahn/B-PER",
                "'s/O",
                "U.S/B-LOC",
                "./I-LOC",
                "-/O",
                "Korean/B-MISC",
                "talks/O"
            ]
        );
    }

    #[test]
    fn adjacent_entities_of_one_type_both_begin() {
        let mut a = Article::new("SeoulTokyo");
        a.entities.push(Entity::new(Span::from(0..5), Label::Place));
        a.entities
            .push(Entity::new(Span::from(5..10), Label::Place));
        let tags: Vec<Tag> = tokens(&a).iter().map(|t| t.tag).collect();
        assert_eq!(tags, [Tag::Begin("LOC"), Tag::Begin("LOC")]);
    }

    #[test]
    fn no_sentence_break_inside_an_entity() {
        let mut a = Article::new("Talks with Pete\n\nHegseth ended.");
        a.entities
            .push(Entity::new(Span::from(11..24), Label::Person));
        let s = to_string(&a);
        assert!(s.contains("Pete B-PER\nHegseth I-PER\n"), "{}", s);
    }
}
