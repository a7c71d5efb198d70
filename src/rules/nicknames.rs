//! Teams by their nicknames in a sports document: "the Mets", "the Blue
//! Jays", "the All Blacks", and their other uses ("Cubs shortstop Jose
//! Hernandez").
//!
//! A nickname is one or two capitalized words after "the", the last a
//! plural in -s of four letters or more, that no mention covers, no
//! capitalized word follows, and no word of the lists that are no name part
//! holds (function words, titles, heads of names, event words: "the
//! Olympics"). After a word of `nickname_not_after` ("in the Alps") it is
//! a place. Only a document that is about sport takes them: one with a
//! team in a score line, named by a strong cue (see
//! [`team_cues`](super::team_cues)) or known as a team, or where a result
//! names a nickname ("beat the Angels").

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::apply::word_before;
use super::token::{word_end, word_kind, Kind};
use super::RuleSet;
use crate::doc::{Doc, Field, Span};
use crate::resolve::Taken;

/// The nicknames of `doc` and every other free use of them, by field, in
/// text order; the name of each (as first written).
pub(crate) fn nicknames(
    rules: &RuleSet,
    doc: &Doc<'_>,
    taken: &Taken,
    sporty: bool,
) -> Vec<(Field, Span, String)> {
    // Outside a document about sport only a result makes a nickname count,
    // and a rule set without `team_win` (none at all, as with no built-in
    // dictionaries) has none: the text is not read.
    if !sporty && rules.team_cues.win == 0 {
        return Vec::new();
    }
    let mut buf = String::new();
    let mut names: Vec<String> = Vec::new();
    let mut strong = false;
    for field in [Field::Title, Field::Text] {
        let text = doc.field_text(field);
        let b = text.as_bytes();
        for the in the_positions(b) {
            // Most "the" come before a lower-case word.
            if !b.get(the).is_some_and(u8::is_ascii_uppercase) {
                continue;
            }
            if let Some(span) = nickname_after(rules, text, the, &mut buf) {
                if taken.overlapping(field, span).is_none() {
                    strong |= result_around(rules, text, span, &mut buf);
                    let name = &text[span.range()];
                    if !names.iter().any(|n| n == name) {
                        names.push(name.to_string());
                    }
                }
            }
        }
    }
    if !(sporty || strong) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for field in [Field::Title, Field::Text] {
        let text = doc.field_text(field);
        let b = text.as_bytes();
        for name in &names {
            for start in memchr::memmem::find_iter(b, name.as_bytes()) {
                let end = start + name.len();
                let word_byte = |i: Option<usize>| {
                    i.and_then(|i| b.get(i))
                        .is_some_and(|c| c.is_ascii_alphanumeric())
                };
                let bounded = !word_byte(start.checked_sub(1)) && !word_byte(Some(end));
                let span = Span { start, end };
                if bounded && taken.overlapping(field, span).is_none() {
                    found.push((field, span, name.clone()));
                }
            }
        }
    }
    found.sort_unstable_by_key(|&(f, s, _)| (f, s.start));
    found.dedup_by_key(|x| (x.0, x.1.start));
    found
}

/// Whether a result names the team: "beat the Angels", "the Brewers
/// defeated Texas" (a word of `team_win` before "the" or right after).
fn result_around(rules: &RuleSet, text: &str, span: Span, buf: &mut String) -> bool {
    let b = text.as_bytes();
    let s = span.end + usize::from(b.get(span.end) == Some(&b' '));
    let e = word_end(text, s);
    win_before(rules, text, span.start, buf) || (e > s && is_win(rules, &text[s..e], buf))
}

/// Whether a word of `team_win` comes before the "the " ending at `i`.
fn win_before(rules: &RuleSet, text: &str, i: usize, buf: &mut String) -> bool {
    word_before(text.as_bytes(), i - 4).is_some_and(|(s, e)| is_win(rules, &text[s..e], buf))
}

fn is_win(rules: &RuleSet, word: &str, buf: &mut String) -> bool {
    rules.lex.lookup(word, Kind::Lower, buf) & rules.team_cues.win != 0
}

/// The searcher for "he ", made once: made for each field, it cost half as
/// much as the searches.
static THE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"he "));

/// Where the word after each "the " / "The " starts.
fn the_positions(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    THE.find_iter(b)
        .filter(move |&i| {
            i > 0 && matches!(b[i - 1], b't' | b'T') && !(i > 1 && b[i - 2].is_ascii_alphanumeric())
        })
        .map(|i| i + 3)
}

/// The nickname starting at `i` (after "the "), if one does.
fn nickname_after(rules: &RuleSet, text: &str, i: usize, buf: &mut String) -> Option<Span> {
    let b = text.as_bytes();
    let not_name = rules.not_in_lists | rules.event_words;
    let capital_at = |s: usize| b.get(s).is_some_and(u8::is_ascii_uppercase);
    let name_word = |s: usize, e: usize, buf: &mut String| {
        let w = &text[s..e];
        word_kind(w) == Kind::Cap && rules.lex.lookup(w, Kind::Cap, buf) & not_name == 0
    };
    if !capital_at(i) {
        return None;
    }
    let first_end = word_end(text, i);
    // A second capitalized word after one space is the name's, or the
    // name is none (it may not hold the word, or is longer).
    let second = (b.get(first_end) == Some(&b' ') && capital_at(first_end + 1)).then(|| {
        let s = first_end + 1;
        (s, word_end(text, s))
    });
    // Whether the last word is a plural is told before any word is looked
    // up: after most "the" it is not ("the Treasury", "the Soviet Union").
    let (last, end) = second.unwrap_or((i, first_end));
    if !is_plural(&text[last..end]) || !name_word(i, first_end, buf) {
        return None;
    }
    if second.is_some() && !name_word(last, end, buf) {
        return None;
    }
    // A capitalized word after: a longer name ("the Rolling Stones Tour").
    if b.get(end) == Some(&b' ') && capital_at(end + 1) {
        return None;
    }
    // "in the Alps": a place.
    let the = i - 4;
    let placed = word_before(b, the).is_some_and(|(s, e)| {
        rules.lex.lookup(&text[s..e], Kind::Lower, buf) & rules.nickname_not_after != 0
    });
    (!placed).then_some(Span { start: i, end })
}

/// Whether a nickname may end in `word`: a plural in -s of four bytes or
/// more ("Mets", not "Bass" or "Gas").
fn is_plural(word: &str) -> bool {
    word.len() >= 4 && word.ends_with('s') && !word.ends_with("ss")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_positions_are_word_starts() {
        let b = b"The Mets beat the Braves; bathe them; tithe X";
        let got: Vec<usize> = the_positions(b).collect();
        assert_eq!(got, [4, 18]);
    }
}
