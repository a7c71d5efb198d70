//! Names inside the names of ships: "USS Abraham Lincoln", "HMS Prince of
//! Wales", "the frigate Stark". The ship is no person or place, and neither
//! is the name it is named after. A person or a place is dropped, with the
//! reason [`Reason::InsideVesselName`], when a word of the list
//! `vessel_prefix` ("USS", "HMS", in capitals) comes right before it, or
//! before up to two capitalized words or "of" that lead to it ("HMS Queen
//! [Elizabeth]"), unless the line is in capitals (a headline); or when a
//! lower-case word of `vessel_noun` comes right before it on its line ("the
//! battleship Missouri"). Organizations stay: "the USS Division of USX
//! Corp" is a firm's, "the carrier TWA" an airline, and a ship an
//! organization's rule tagged is the user's choice. Where the dropped
//! mention was a local entity's, the entity's other mentions go too, and so
//! do the short forms that took a dropped mention as their full name
//! ("Vinson" after "USS Carl Vinson") and a person or place named by the
//! last word of a dropped name after "the" ("the Lincoln"): they name the
//! ship.

use super::apply::{after_the, drop_mentions, word_before};
use super::lexicon::ListBits;
use super::link::line_in_capitals;
use super::token::{word_kind, Kind};
use super::RuleSet;
use crate::dictionary::Label;
use crate::doc::{Doc, EntityRef, Evidence, Mention, Reason};
use crate::resolve::Taken;

/// The most words between a prefix and a mention in a ship's name.
const WORDS_BETWEEN: usize = 2;

/// Drops the mentions inside ships' names (see the module docs).
pub(crate) fn drop_inside_vessel_names(rules: &RuleSet, doc: &mut Doc<'_>, taken: &mut Taken) {
    let mut buf = String::new();
    let mut inside: Vec<usize> = (0..doc.mentions.len())
        .filter(|&i| {
            let m = &doc.mentions[i];
            in_vessel_name(rules, doc.field_text(m.field), m, &mut buf)
        })
        .collect();
    if inside.is_empty() {
        return;
    }
    // The ship's other names: its local entity's mentions, short forms of a
    // dropped full name, and its last word after "the" ("the Lincoln").
    let ships: Vec<EntityRef> = inside
        .iter()
        .map(|&i| doc.mentions[i].entity)
        .filter(|e| matches!(e, EntityRef::Local(_)))
        .collect();
    let last_words: Vec<&str> = inside
        .iter()
        .filter_map(|&i| last_word(doc.surface(&doc.mentions[i])))
        .collect();
    for (i, m) in doc.mentions.iter().enumerate() {
        let short_form_of_ship = match m.evidence {
            Evidence::ShortForm { antecedent, .. } => inside.contains(&(antecedent as usize)),
            _ => false,
        };
        let by_last_word = matches!(m.label, Label::Person | Label::Place)
            && last_words.contains(&doc.surface(m))
            && after_the(doc.field_text(m.field), m.span.start);
        if (ships.contains(&m.entity) || short_form_of_ship || by_last_word) && !inside.contains(&i)
        {
            inside.push(i);
        }
    }
    inside.sort_unstable();
    let dropped: Vec<_> = inside
        .into_iter()
        .map(|i| (i, Reason::InsideVesselName))
        .collect();
    drop_mentions(doc, taken, &dropped);
}

/// Whether `m` is inside a ship's name in `text` (see the module docs).
fn in_vessel_name(rules: &RuleSet, text: &str, m: &Mention, buf: &mut String) -> bool {
    if !matches!(m.label, Label::Person | Label::Place) {
        return false;
    }
    let b = text.as_bytes();
    let Some((mut s, mut e)) = word_before(b, m.span.start) else {
        return false;
    };
    // Most mentions follow a lower-case word or punctuation: a noun of ships
    // is the only lower-case word looked up, and only where it is right
    // before the name, on its line.
    if b[s].is_ascii_lowercase() && &text[s..e] != "of" {
        let word = &text[s..e];
        return end_of_word_before(b, m.span.start) == Some(e)
            && rules.screens.vessel_nouns.may_hold(word)
            && lookup(rules, word, buf) & rules.vessel_nouns != 0;
    }
    for between in 0..=WORDS_BETWEEN {
        let word = &text[s..e];
        if is_prefix_shaped(word) && lookup(rules, word, buf) & rules.vessel_prefixes != 0 {
            return !line_in_capitals(b, s);
        }
        // Only capitalized words and "of" lead back to the prefix.
        let leads_back = word_kind(word) == Kind::Cap || word == "of";
        if !leads_back || between == WORDS_BETWEEN {
            return false;
        }
        match word_before(b, s) {
            Some(w) => (s, e) = w,
            None => return false,
        }
    }
    false
}

/// The last word of a name, if it has more than one ("Lincoln" of "Abraham
/// Lincoln").
fn last_word(name: &str) -> Option<&str> {
    name.rsplit_once(char::is_whitespace).map(|(_, last)| last)
}

/// Where the word before `i` ends, if only blanks on the same line (one or
/// more) come between.
fn end_of_word_before(b: &[u8], i: usize) -> Option<usize> {
    let blanks = b[..i]
        .iter()
        .rev()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    (blanks > 0).then_some(i - blanks)
}

/// Whether `word` may be a prefix of ships' names: two to six ASCII
/// capitals (the list is looked up only then).
fn is_prefix_shaped(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|c| c.is_ascii_uppercase())
}

/// The bits of the lists that hold `word`, looked up as the kind it is.
fn lookup(rules: &RuleSet, word: &str, buf: &mut String) -> ListBits {
    rules.lex.lookup(word, word_kind(word), buf)
}
