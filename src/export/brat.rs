/*!
brat standoff: the article's text as a `.txt` file, and its entities in an
`.ann` file beside it, for the brat annotation tool and the many readers of
its format. For the text "Pete Hegseth called South Korea's Ahn Gyu-back."
(`\t` stands for a tab):

```text
T1\tPerson 0 12\tPete Hegseth
#1\tAnnotatorNotes T1\tperson:pete-hegseth Pete Hegseth
T2\tPlace 20 31\tSouth Korea
#2\tAnnotatorNotes T2\tplace:country:KR South Korea
N2\tReference T2 Wikidata:Q884\tSouth Korea
```

**Offsets** are in chars (Unicode scalar values, as Python counts them),
into the `.txt`, which is the article's text unchanged.

**Types** are the labels capitalized: `Person`, `Organization`, `Place` and
`Nationality` (see [`entity_type`]; [`ANNOTATION_CONF`] declares them for
brat).

**Line breaks.** brat does not accept a text-bound annotation that spans a
line break: such an entity is written as fragments, one per line, with the
whitespace around each fragment left out (`T3\tPerson 10 14;15 22\tPete
Hegseth`); the text column is the fragments' texts joined by a space.

**Notes.** An entity with an id gets an `AnnotatorNotes` line (`#n`) with
its id and canonical name; one with a Wikidata id gets a normalization line
(`Nn`) to `Wikidata:Q...`. Notes are on one line: line breaks, tabs and
other control characters in them become spaces.

Overlapping entities are all written (brat shows them stacked). Only the
text field is written; the title's entities are left out.

# Example

```
use gazetag::export::{brat, Article, Entity};
use gazetag::{Label, Span};

let text = "Café talks: Pete\nHegseth.";
let mut a = Article::new(text);
a.entities.push(Entity::new(Span::from(13..25), Label::Person));
assert_eq!(brat::ann(&a), "T1\tPerson 12 16;17 24\tPete Hegseth\n");
```
*/

use std::io;
use std::path::Path;

use crate::doc::Field;
use crate::export::{Article, CharOffsets};
use crate::Label;

/// An `annotation.conf` for brat that declares the entity types of
/// [`entity_type`].
///
/// # Example
///
/// ```
/// use gazetag::export::brat::ANNOTATION_CONF;
/// assert!(ANNOTATION_CONF.contains("\nNationality\n"));
/// ```
pub const ANNOTATION_CONF: &str = "[entities]\nPerson\nOrganization\nPlace\nNationality\n\n[relations]\n\n[events]\n\n[attributes]\n";

/// The brat entity type of a label: `Person`, `Organization`, `Place` or
/// `Nationality`.
///
/// # Example
///
/// ```
/// use gazetag::export::brat::entity_type;
/// use gazetag::Label;
/// assert_eq!(entity_type(Label::Place), "Place");
/// ```
pub fn entity_type(label: Label) -> &'static str {
    match label {
        Label::Person => "Person",
        Label::Organization => "Organization",
        Label::Place => "Place",
        Label::Nationality => "Nationality",
    }
}

/// Writes the `.ann` file of the article (its `.txt` file is
/// [`Article::text`] as it is).
///
/// # Errors
///
/// Only the writer's errors.
///
/// # Example
///
/// ```
/// use gazetag::export::{brat, Article, Entity};
/// use gazetag::{Label, Span};
///
/// let mut a = Article::new("서울 and Seoul");
/// a.entities.push(Entity::new(Span::from(11..16), Label::Place));
/// let mut out = Vec::new();
/// brat::write_ann(&mut out, &a)?;
/// assert_eq!(out, "T1\tPlace 7 12\tSeoul\n".as_bytes());
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_ann<W: io::Write>(mut wtr: W, article: &Article<'_>) -> io::Result<()> {
    let text = article.text;
    let mut chars = CharOffsets::new(text);
    let mut n = 0;
    for e in article.sorted(Field::Text) {
        let frags = fragments(text, e.span.start, e.span.end);
        if frags.is_empty() {
            continue;
        }
        n += 1;
        let mut offsets = String::new();
        let mut surface = String::new();
        for (i, &(s, end)) in frags.iter().enumerate() {
            if i > 0 {
                offsets.push(';');
                surface.push(' ');
            }
            let (cs, ce) = (chars.at(s), chars.at(end));
            offsets.push_str(&format!("{} {}", cs, ce));
            surface.push_str(&text[s..end]);
        }
        writeln!(
            wtr,
            "T{}\t{} {}\t{}",
            n,
            entity_type(e.label),
            offsets,
            surface
        )?;
        if let Some(id) = &e.id {
            let note = match &e.name {
                Some(name) => format!("{} {}", id, name),
                None => id.clone(),
            };
            writeln!(wtr, "#{}\tAnnotatorNotes T{}\t{}", n, n, one_line(&note))?;
        }
        if let (Some(q), Some(_)) = (&e.wikidata, e.wikidata_url()) {
            let name = e.name.as_deref().unwrap_or(&surface);
            writeln!(
                wtr,
                "N{}\tReference T{} Wikidata:{}\t{}",
                n,
                n,
                q,
                one_line(name)
            )?;
        }
    }
    Ok(())
}

/// The `.ann` file of the article, in a string.
///
/// # Example
///
/// ```
/// use gazetag::export::{brat, Article};
/// assert_eq!(brat::ann(&Article::new("Nothing.")), "");
/// ```
pub fn ann(article: &Article<'_>) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and every piece written is valid UTF-8.
    let _ = write_ann(&mut out, article);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes `STEM.txt` and `STEM.ann` in `dir`.
///
/// # Errors
///
/// The file system's errors, and an error of kind
/// [`io::ErrorKind::InvalidInput`] when `stem` is empty or names anything
/// other than a plain file name (a path separator, `.` or `..`).
///
/// # Example
///
/// ```
/// use gazetag::export::{brat, Article};
///
/// let dir = std::env::temp_dir().join(format!("gazetag-brat-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// brat::write_files(&dir, "a1", &Article::new("Seoul."))?;
/// assert_eq!(std::fs::read_to_string(dir.join("a1.txt"))?, "Seoul.");
/// assert!(brat::write_files(&dir, "../a1", &Article::new("")).is_err());
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_files(dir: &Path, stem: &str, article: &Article<'_>) -> io::Result<()> {
    let plain = !stem.is_empty()
        && stem != "."
        && stem != ".."
        && !stem.contains(['/', '\\', '\0'])
        && Path::new(stem).components().count() == 1;
    if !plain {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("not a plain file name: {:?}", stem),
        ));
    }
    std::fs::write(dir.join(format!("{}.txt", stem)), article.text)?;
    std::fs::write(dir.join(format!("{}.ann", stem)), ann(article))
}

/// True for the chars that end a line for brat (Python's `str.splitlines`).
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0B}'
            | '\u{0C}'
            | '\u{1C}'
            | '\u{1D}'
            | '\u{1E}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// The pieces of `text[start..end]` between line breaks, trimmed of
/// whitespace, non-empty, as byte ranges.
fn fragments(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let Some(span) = text.get(start..end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut at = start;
    for piece in span.split(is_line_break) {
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push((at + lead, at + lead + trimmed.len()));
        }
        // Every separator `split` consumed is one char; find its length.
        at += piece.len();
        at += text[at..].chars().next().map_or(0, char::len_utf8);
    }
    out
}

/// `s` with control characters (line breaks, tabs) replaced by spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || is_line_break(c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Entity;
    use crate::Span;

    #[test]
    fn fragments_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Seoul", &["Seoul"]),
            ("Pete\nHegseth", &["Pete", "Hegseth"]),
            ("Pete \r\n Hegseth", &["Pete", "Hegseth"]),
            ("A\u{2028}B\u{85}C", &["A", "B", "C"]),
            ("\n\n", &[]),
            ("  x  ", &["x"]),
        ];
        for &(input, want) in cases {
            let got: Vec<&str> = fragments(input, 0, input.len())
                .into_iter()
                .map(|(s, e)| &input[s..e])
                .collect();
            assert_eq!(got, want, "input: {:?}", input);
        }
        assert!(fragments("é", 0, 1).is_empty());
    }

    #[test]
    fn notes_are_one_line() {
        let mut a = Article::new("Seoul");
        let mut e = Entity::new(Span::from(0..5), Label::Place);
        e.id = Some("place:x".to_string());
        e.name = Some("Se\noul\tCity".to_string());
        e.wikidata = Some("Q8684".to_string());
        a.entities.push(e);
        assert_eq!(
            ann(&a),
            "T1\tPlace 0 5\tSeoul\n#1\tAnnotatorNotes T1\tplace:x Se oul City\n\
             N1\tReference T1 Wikidata:Q8684\tSe oul City\n"
        );
    }

    #[test]
    fn bad_wikidata_ids_are_not_written() {
        let mut a = Article::new("Seoul");
        let mut e = Entity::new(Span::from(0..5), Label::Place);
        e.wikidata = Some("Q1\nT9\tPerson 0 1".to_string());
        a.entities.push(e);
        assert_eq!(ann(&a), "T1\tPlace 0 5\tSeoul\n");
    }
}
