//! People named in a row: an unknown name beside a person in a list is a
//! person too.
//!
//! Line-ups, results and news copy name people one after another:
//! "Kumara Dharmasena, Chaminda Vaas, Muthiah Muralitharan", "opposition
//! leaders Zenon Poznyak and Sergei Naumchik". Where one item of such a list
//! is a person mention, the item beside it (across a comma, a semicolon,
//! "and" or "&") is a person too when it is one to three capitalized name
//! words that no mention covers, and the list goes on from there (rule
//! `list_person`).
//!
//! An item must be the whole of what lies between the separators: "John
//! Smith, Acme Widgets chairman" makes no person of "Acme Widgets", because
//! a lower-case word follows it. Its words must be name words: no function
//! word, month, title, office, or head of an organization or place name
//! ("Smith, Foreign Minister", "Jones and Co.").

use super::apply::{add_person, Edit};
use super::token::{skip_blanks, word_end, word_kind, Kind};
use super::{ListBits, RuleSet};
use crate::dictionary::Label;
use crate::doc::{Doc, Evidence, Field, Span};
use crate::resolve::Taken;

/// Words in an item at most, particles ("van", "bin") included.
const MAX_WORDS: usize = 4;

/// Words in an item at least: a single word in a list is as often a firm's
/// partner ("Pierce, Fenner"), a state ("Mass.") or an adverb ("However,")
/// as a surname.
const MIN_WORDS: usize = 2;

/// How far back (in bytes) an item before a separator may start.
const LOOK_BACK: usize = 96;

/// Adds the people named beside people in lists (see the module docs).
pub(crate) fn mark(rules: &RuleSet, doc: &mut Doc<'_>, taken: &mut Taken, rule: u32) {
    // Rules that guess a person from one name word alone ("Alpha",
    // "Shearson Lehman") start no list: too often a firm.
    let weak = |r: u32| matches!(rules.rule_name(r), "given_alone" | "name_surname");
    let mut queue: Vec<(Field, Span)> = doc
        .mentions
        .iter()
        .filter(|m| m.label == Label::Person)
        .filter(|m| !matches!(m.evidence, Evidence::Rule { rule } if weak(rule)))
        .map(|m| (m.field, m.span))
        .collect();
    if queue.is_empty() {
        return;
    }
    let mut edit = Edit::new();
    let mut buf = String::new();
    while let Some((field, span)) = queue.pop() {
        let text = doc.field_text(field);
        // An item before the person only where the person ends an item
        // too: not "However, Herman Salling went".
        let b = text.as_bytes();
        let before = match ends_item(b, skip_blanks(b, span.end)) {
            true => item_before(rules, text, span.start, &mut buf),
            false => None,
        };
        let found = [item_after(rules, text, span.end, &mut buf), before];
        for item in found.into_iter().flatten() {
            if taken.overlapping(field, item).is_some() {
                continue;
            }
            taken.insert(field, item);
            add_person(doc, &mut edit, field, item, rule);
            queue.push((field, item));
        }
    }
    edit.finish(doc);
}

/// Spaces and tabs back from `i`.
fn skip_blanks_back(b: &[u8], mut i: usize) -> usize {
    while i > 0 && matches!(b[i - 1], b' ' | b'\t') {
        i -= 1;
    }
    i
}

/// Whether the word `and` (any case) starts at `i`.
fn and_at(b: &[u8], i: usize) -> bool {
    b.get(i..i + 3)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"and"))
        && !b.get(i + 3).is_some_and(|c| c.is_ascii_alphanumeric())
        && !(i > 0 && b[i - 1].is_ascii_alphanumeric())
}

/// After a list separator starting at `i` (`,` or `;`, either maybe
/// followed by "and", or "and" alone): where the next item starts. An
/// ampersand joins no list of people: "Smith & Jones" is a firm, "Hootie &
/// the Blowfish" a band. A comma or semicolon ends no paragraph: the list
/// goes on across one line break after it ("Sanath Jayasuriya ,⏎Romesh
/// Kaluwitharana").
fn after_separator(b: &[u8], i: usize) -> Option<usize> {
    let mut i = match b.get(i)? {
        b',' | b';' => skip_line_break(b, skip_blanks(b, i + 1)),
        _ if and_at(b, i) => return Some(skip_blanks(b, i + 3)),
        _ => return None,
    };
    if and_at(b, i) {
        i = skip_blanks(b, i + 3);
    }
    Some(i)
}

/// Past one line break at `i` and the blanks after it, if one is there (not
/// a blank line); else `i`.
fn skip_line_break(b: &[u8], i: usize) -> usize {
    let next = match b.get(i..) {
        Some([b'\r', b'\n', ..]) => i + 2,
        Some([b'\n', ..]) => i + 1,
        _ => return i,
    };
    let after = skip_blanks(b, next);
    match b.get(after) {
        Some(b'\n' | b'\r') => i,
        _ => after,
    }
}

/// Before a list separator ending at `i`: where the item before it ends.
fn before_separator(b: &[u8], i: usize) -> Option<usize> {
    if i == 0 {
        return None;
    }
    let mut i = match b[i - 1] {
        b',' | b';' => return Some(skip_blanks_back(b, i - 1)),
        _ if i >= 3 && and_at(b, i - 3) => skip_blanks_back(b, i - 3),
        _ => return None,
    };
    // ", and"
    if i > 0 && b[i - 1] == b',' {
        i = skip_blanks_back(b, i - 1);
    }
    Some(i)
}

/// Whether what starts at `i` ends a list item: punctuation, a line break,
/// "and", or the end of the text.
fn ends_item(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        None => true,
        Some(b',' | b';' | b'.' | b'(' | b')' | b':' | b'\n' | b'\r') => true,
        Some(_) => and_at(b, i),
    }
}

/// What a word can be in an item.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// A capitalized name word.
    Name,
    /// A capitalized given name.
    Given,
    /// A capitalized known surname that is no given name.
    Surname,
    /// A lower-case particle ("van", "bin") or an initial ("Forrest J
    /// Ackerman"), only inside an item.
    Inner,
    /// Anything else: no item holds it.
    Other,
}

impl Part {
    pub(crate) fn is_name(self) -> bool {
        matches!(self, Part::Name | Part::Given | Part::Surname)
    }
}

fn part(rules: &RuleSet, word: &str, buf: &mut String) -> Part {
    let kind = word_kind(word);
    part_of(rules, kind, rules.lex.lookup(word, kind, buf))
}

/// What a word of shape `kind` in the word lists `bits` can be in an item.
pub(crate) fn part_of(rules: &RuleSet, kind: Kind, bits: ListBits) -> Part {
    match kind {
        Kind::Cap if bits & rules.not_in_lists != 0 => Part::Other,
        Kind::Cap if bits & rules.given != 0 => Part::Given,
        Kind::Cap if bits & rules.surnames != 0 => Part::Surname,
        Kind::Cap => Part::Name,
        Kind::Lower if bits & rules.particles != 0 => Part::Inner,
        Kind::Initial => Part::Inner,
        _ => Part::Other,
    }
}

/// Bytes a note in parentheses after an item may take ("(captain)",
/// "(Ethiopia)").
const MAX_NOTE: usize = 24;

/// Past a short note in parentheses on the line at `i` ("Arjuna Ranatunga
/// (captain), Sanath Jayasuriya"), if one is there; else `i`.
fn skip_note(b: &[u8], i: usize) -> usize {
    if b.get(i) != Some(&b'(') {
        return i;
    }
    let note = &b[i + 1..b.len().min(i + 1 + MAX_NOTE)];
    match note.iter().position(|&c| matches!(c, b')' | b'(' | b'\n')) {
        Some(k) if note[k] == b')' => skip_blanks(b, i + k + 2),
        _ => i,
    }
}

/// The item after a person ending at `end`, if the text lists one.
fn item_after(rules: &RuleSet, text: &str, end: usize, buf: &mut String) -> Option<Span> {
    let b = text.as_bytes();
    let start = after_separator(b, skip_note(b, skip_blanks(b, end)))?;
    let mut words = Vec::with_capacity(MAX_WORDS);
    let mut i = start;
    while words.len() < MAX_WORDS
        && b.get(i)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c >= 0x80)
    {
        let e = word_end(text, i).max(i + 1);
        let e = if text.is_char_boundary(e) {
            e
        } else {
            return None;
        };
        words.push((i, e, part(rules, &text[i..e], buf)));
        let next = skip_blanks(b, e);
        if next == e || ends_item(b, next) {
            break;
        }
        i = next;
    }
    let &(_, last, _) = words.last()?;
    let ok = ends_item(b, skip_blanks(b, last)) && well_formed(&words);
    ok.then_some(Span { start, end: last })
}

/// The item before a person starting at `start`, if the text lists one.
fn item_before(rules: &RuleSet, text: &str, start: usize, buf: &mut String) -> Option<Span> {
    let b = text.as_bytes();
    let end = before_separator(b, skip_blanks_back(b, start))?;
    // The words of the line up to `end`, from a little way back.
    let mut from = end.saturating_sub(LOOK_BACK);
    if let Some(nl) = b[from..end].iter().rposition(|&c| c == b'\n') {
        from += nl + 1;
    }
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut spans = Vec::new();
    let mut i = from;
    while i < end {
        let c = b[i];
        let starts = (c.is_ascii_alphanumeric() || c >= 0x80)
            && (i == from || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] >= 0x80));
        if starts {
            let e = word_end(text, i).max(i + 1).min(end);
            if !text.is_char_boundary(e) {
                return None;
            }
            spans.push((i, e));
            i = e;
        } else {
            i += 1;
        }
    }
    // The last words, one blank apart, ending at `end`.
    let mut words = Vec::with_capacity(MAX_WORDS);
    let mut next_start = None;
    for &(s, e) in spans.iter().rev() {
        let adjacent = match next_start {
            None => e == end,
            Some(n) => e < n && skip_blanks(b, e) == n,
        };
        if !adjacent {
            break;
        }
        let p = part(rules, &text[s..e], buf);
        if p == Part::Other && !words.is_empty() {
            // A word before the item: it must not be a capitalized word
            // (the item would be longer), nor "the".
            if word_kind(&text[s..e]) == Kind::Cap || text[s..e].eq_ignore_ascii_case("the") {
                return None;
            }
            break;
        }
        words.push((s, e, p));
        if words.len() > MAX_WORDS {
            return None;
        }
        next_start = Some(s);
    }
    words.reverse();
    // What comes before the item must end one: line start, punctuation or
    // a lower-case word (checked above).
    let &(first, _, _) = words.first()?;
    let before = skip_blanks_back(b, first);
    if before > 0 && (b[before - 1].is_ascii_alphanumeric() || b[before - 1] >= 0x80) {
        let prev = spans.iter().rev().find(|&&(_, e)| e == before);
        if prev.is_some_and(|&(s, e)| part(rules, &text[s..e], buf) != Part::Other) {
            return None;
        }
    }
    well_formed(&words).then_some(Span { start: first, end })
}

/// Two to four words, name words first and last, particles and initials
/// only between; not a surname before a given name: "Smith Barney" after
/// "Merrill Lynch" is a firm of partners.
fn well_formed(words: &[(usize, usize, Part)]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    first.2.is_name()
        && last.2.is_name()
        && !(first.2 == Part::Surname && last.2 == Part::Given)
        && (MIN_WORDS..=MAX_WORDS).contains(&words.len())
        && words.iter().all(|w| w.2 != Part::Other)
}
