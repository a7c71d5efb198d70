//! People named by two words no rule knew, whose second word alone speaks
//! later: "Faik Nerweyi of the Kurdistan Democratic Party ... Nerweyi said
//! he did", "Semyon Sharetsky, told Reuters ... Sharetsky said" (rule
//! `speaker_name`).
//!
//! The name rules need a given name they know, and news names people from
//! everywhere. A verb of speech after one word alone (list `speech_verb`:
//! "Nerweyi said") says that word is a person's family name — a firm or a
//! place of two words is seldom the subject of "said" by its second word —
//! and a run of exactly two free capitalized words ending in it is that
//! person's full name. Linking (`link_surname`) then takes the family name's
//! other uses. Words of the lists that are no part of a person's name
//! (function words, titles, heads of organization names) are no part of
//! either.

use super::apply::{add_person, Edit};
use super::link::words_of_orgs;
use super::token::{word_end, word_kind, Kind};
use super::RuleSet;
use crate::doc::{Doc, Field, Span};
use crate::resolve::Taken;

/// A word of the text and whether only blanks (spaces, tabs) come between
/// it and the word before.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    joined: bool,
}

/// Adds the full names of people whose family name alone speaks (see the
/// module docs).
pub(crate) fn mark(rules: &RuleSet, doc: &mut Doc<'_>, taken: &mut Taken, rule: u32) {
    if rules.speech_verbs == 0 {
        return;
    }
    let field = Field::Text;
    let text = doc.field_text(field);
    let words = words_of(text);
    let mut buf = String::new();
    let name_word = |w: &Word, buf: &mut String| {
        let s = &text[w.start..w.end];
        word_kind(s) == Kind::Cap
            && rules.lex.lookup(s, Kind::Cap, buf) & rules.not_in_lists == 0
            && taken
                .overlapping(
                    field,
                    Span {
                        start: w.start,
                        end: w.end,
                    },
                )
                .is_none()
    };
    // Family names before a verb of speech, each standing alone.
    let mut speakers: Vec<&str> = Vec::new();
    for k in 1..words.len() {
        let (w, verb) = (&words[k - 1], &words[k]);
        let v = &text[verb.start..verb.end];
        let speaks = verb.joined
            && word_kind(v) == Kind::Lower
            && rules.lex.lookup(v, Kind::Lower, &mut buf) & rules.speech_verbs != 0;
        let alone = k < 2 || !w.joined || !capitalized(text, &words[k - 2]);
        if speaks && alone && name_word(w, &mut buf) {
            speakers.push(&text[w.start..w.end]);
        }
    }
    if speakers.is_empty() {
        return;
    }
    // A firm's short name speaks too ("Niagara Mohawk Power Corp ...
    // Mohawk said").
    let org_words = words_of_orgs(doc);
    speakers.retain(|w| !org_words.contains(w));
    speakers.sort_unstable();
    speakers.dedup();
    // Their full names: two capitalized words, the second a speaker's,
    // with no capitalized word joined before or after.
    let mut found = Vec::new();
    for k in 1..words.len() {
        let (given, family) = (&words[k - 1], &words[k]);
        if !family.joined
            || speakers
                .binary_search(&&text[family.start..family.end])
                .is_err()
        {
            continue;
        }
        let longer_before = k >= 2 && given.joined && capitalized(text, &words[k - 2]);
        let longer_after = words
            .get(k + 1)
            .is_some_and(|n| n.joined && capitalized(text, n));
        if longer_before || longer_after {
            continue;
        }
        // A capital at a sentence's start says nothing: there the first
        // word must be a given name ("Together Siemens", "Echoing Gaviria").
        let first = &text[given.start..given.end];
        let known_given = rules.lex.lookup(first, Kind::Cap, &mut buf) & rules.given != 0;
        if !given.joined && starts_sentence(text, given.start) && !known_given {
            continue;
        }
        if name_word(given, &mut buf) && name_word(family, &mut buf) {
            found.push(Span {
                start: given.start,
                end: family.end,
            });
        }
    }
    let mut edit = Edit::default();
    for span in found {
        taken.insert(field, span);
        add_person(doc, &mut edit, field, span, rule);
    }
    edit.finish(doc);
}

/// Whether `i` starts a sentence: only blanks, quotes or line breaks since
/// the text's start or the end of a sentence (".", "!", "?").
fn starts_sentence(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches([' ', '\t', '\n', '\r', '"', '\'']);
    before.is_empty() || before.ends_with(['.', '!', '?'])
}

/// Whether a word starts with a capital letter.
fn capitalized(text: &str, w: &Word) -> bool {
    text[w.start..w.end].starts_with(char::is_uppercase)
}

/// The words of `text` (runs of letters and digits, see [`word_end`]).
fn words_of(text: &str) -> Vec<Word> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut joined = false;
    while i < b.len() {
        let c = b[i];
        if c >= 0x80 {
            // Not a letter or digit ("—", "’"): no word, and it parts words.
            match text.get(i..).and_then(|s| s.chars().next()) {
                Some(ch) if ch.is_alphanumeric() => {}
                other => {
                    joined = false;
                    i += other.map_or(1, char::len_utf8);
                    continue;
                }
            }
        }
        if c.is_ascii_alphanumeric() || c >= 0x80 {
            let end = word_end(text, i).max(i + 1);
            out.push(Word {
                start: i,
                end,
                joined,
            });
            i = end;
            joined = true;
            continue;
        }
        if !matches!(c, b' ' | b'\t') {
            joined = false;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_know_what_stands_between_them() {
        let text = "Faik Nerweyi, said\tit. Ünal  Kaya — Ali";
        let got: Vec<(&str, bool)> = words_of(text)
            .iter()
            .map(|w| (&text[w.start..w.end], w.joined))
            .collect();
        assert_eq!(
            got,
            [
                ("Faik", false),
                ("Nerweyi", true),
                ("said", false),
                ("it", true),
                ("Ünal", false),
                ("Kaya", true),
                ("Ali", false),
            ]
        );
    }
}
