//! Names inside the names of events: "Fed Cup", "U.S. Open", "Berlin Grand
//! Prix", "Atlanta Games", "1997 FED CUP". The event is no person,
//! organization or place,
//! and neither is the name it starts with: the tournament, not the Federal
//! Reserve or the United States. A mention right before a capitalized word
//! of the list `event_word` (or a word of `event_mod` and then one of
//! `event_word`: "Grand Prix") is dropped, with the reason
//! [`Reason::InsideEvent`]; so is a name a rule found that ends in such a
//! word ("the Venice Film Festival"). In a headline in capitals, the words of
//! `event_also_verb` ("OPEN", "TOUR") end no event. A place after a word of
//! `event_head` and "of" names an event too ("the Battle of Fredericksburg",
//! "the Treaty of Baden"), and is dropped the same way. An organization
//! that starts a market index's name ("the Dow Jones industrial average",
//! "the FTSE 100 index"; lists `index_word`, `index_mod`) is dropped too,
//! with the reason [`Reason::InsideIndex`].

use super::apply::{drop_mentions, word_before};
use super::link::line_in_capitals;
use super::token::{skip_blanks, word_end, word_kind, Kind};
use super::RuleSet;
use crate::boundary::ascii_word_after;
use crate::dictionary::Label;
use crate::doc::{Doc, Evidence, Reason};
use crate::resolve::Taken;

/// Drops the mentions that start the name of an event (see the module docs).
pub(crate) fn drop_inside_events(rules: &RuleSet, doc: &mut Doc<'_>, taken: &mut Taken) {
    let mut buf = String::new();
    let mut inside: Vec<(usize, Reason)> = (0..doc.mentions.len())
        .filter(|&i| {
            let m = &doc.mentions[i];
            let text = doc.field_text(m.field);
            before_event(rules, text, m.span.end, &mut buf)
                || (m.label == Label::Place
                    && after_event_head(rules, text, m.span.start, &mut buf))
                || (matches!(m.evidence, Evidence::Rule { .. })
                    && ends_in_event(rules, &text[m.span.range()], &mut buf))
        })
        .map(|i| (i, Reason::InsideEvent))
        .collect();
    if rules.index_words != 0 {
        for (i, m) in doc.mentions.iter().enumerate() {
            if m.label == Label::Organization
                && before_index(rules, doc.field_text(m.field), m.span.end, &mut buf)
                && !inside.iter().any(|&(j, _)| j == i)
            {
                inside.push((i, Reason::InsideIndex));
            }
        }
    }
    if inside.is_empty() {
        return;
    }
    drop_mentions(doc, taken, &inside);
}

/// Whether the words after `end` end a market index's name: a word of
/// `index_word`, after a number or a word of `index_mod` or both ("100
/// index", "industrials", "composite index"), or "average" after a word of
/// `index_mod` ("industrial average"). Line breaks count as blanks: wire
/// copy wraps there.
fn before_index(rules: &RuleSet, text: &str, end: usize, buf: &mut String) -> bool {
    let b = text.as_bytes();
    // A word and no compound ("index-linked stock").
    let next = |at: usize| ascii_word_after(b, at).filter(|&(_, e)| b.get(e) != Some(&b'-'));
    let Some((mut s, mut e)) = next(end) else {
        return false;
    };
    if b[s].is_ascii_digit() {
        let Some(w) = next(e) else {
            return false;
        };
        (s, e) = w;
    }
    // Most organizations are followed by other words: screened by first
    // byte and length before the lookup.
    if !b[s].is_ascii_lowercase() || !rules.screens.indices.may_hold(&text[s..e]) {
        return false;
    }
    let bits = rules.lex.lookup(&text[s..e], Kind::Lower, buf);
    if bits & rules.index_words != 0 {
        return true;
    }
    if bits & rules.index_mods == 0 {
        return false;
    }
    next(e).is_some_and(|(s, e)| {
        let w = &text[s..e];
        w == "average" || rules.lex.lookup(w, Kind::Lower, buf) & rules.index_words != 0
    })
}

/// Whether a name a rule found ends in an event word: the whole is the
/// event ("the Venice Film Festival", "the Zandvoort Grand Prix").
fn ends_in_event(rules: &RuleSet, name: &str, buf: &mut String) -> bool {
    let last = last_word(name);
    rules.screens.events.may_hold(last)
        && word_kind(last) == Kind::Cap
        && rules.lex.lookup(last, Kind::Cap, buf) & rules.event_words != 0
}

/// What follows the last white space of `name` (all of it if none).
fn last_word(name: &str) -> &str {
    // Back over ASCII bytes to ASCII white space; from a byte beyond ASCII
    // on (seldom), by characters, as white space may be beyond ASCII too.
    let b = name.as_bytes();
    match b
        .iter()
        .rposition(|&c| c.is_ascii_whitespace() || c >= 0x80)
    {
        Some(k) if b[k] < 0x80 => &name[k + 1..],
        Some(_) => name.rsplit(char::is_whitespace).next().unwrap_or(""),
        None => name,
    }
}

/// Whether "of" (or "of the") and before it a capitalized word of
/// `event_head` come right before `start` ("Battle of [Fredericksburg]").
fn after_event_head(rules: &RuleSet, text: &str, start: usize, buf: &mut String) -> bool {
    if rules.event_heads == 0 {
        return false;
    }
    let b = text.as_bytes();
    let Some((mut s, mut e)) = word_before(b, start) else {
        return false;
    };
    if &text[s..e] == "the" {
        let Some(w) = word_before(b, s) else {
            return false;
        };
        (s, e) = w;
    }
    if &text[s..e] != "of" {
        return false;
    }
    match word_before(b, s) {
        Some((s, e)) if word_kind(&text[s..e]) == Kind::Cap => {
            rules.lex.lookup(&text[s..e], Kind::Cap, buf) & rules.event_heads != 0
        }
        _ => false,
    }
}

/// Whether the words after `end` name an event: a word of `event_word`, or
/// up to two other words and then one of `event_word`, all capitalized
/// ("Grand Prix", "Video Music Awards"). In a headline in capitals only
/// words of `event_mod` come between: every word is in capitals there
/// ("SAN MARINO V ENGLAND IN WORLD CUP").
fn before_event(rules: &RuleSet, text: &str, end: usize, buf: &mut String) -> bool {
    // Most names are followed by punctuation or a lower-case word: told
    // from the bytes before the loop reads the lists' bits.
    if capital_after_blanks(text.as_bytes(), end).is_none() {
        return false;
    }
    let mut at = end;
    for _ in 0..3 {
        let Some((s, e, capitals)) = next_capitalized(text, at) else {
            return false;
        };
        // Looked up as capitalized, as the lists are, also in capitals;
        // only the bits of the lists screened count below.
        let word = &text[s..e];
        let bits = match rules.screens.events.may_hold(word) {
            true => rules.lex.lookup(word, Kind::Cap, buf),
            false => 0,
        };
        // A word in capitals counts in a headline in capitals alone, and
        // only if it is a word of the lists: the line is read for those.
        if capitals
            && (bits & (rules.event_words | rules.event_mods) == 0
                || !line_in_capitals(text.as_bytes(), s))
        {
            return false;
        }
        if bits & rules.event_words != 0 {
            // "CHINA OPEN TO TALKS": in capitals, not a word that is also a
            // verb or an adjective.
            return !capitals || bits & rules.event_verbs == 0;
        }
        if capitals && bits & rules.event_mods == 0 {
            return false;
        }
        at = e;
    }
    false
}

/// The capitalized word after `i`, past spaces on the same line, and
/// whether it is in capitals (whether its line is, [`before_event`] tells).
fn next_capitalized(text: &str, i: usize) -> Option<(usize, usize, bool)> {
    let s = capital_after_blanks(text.as_bytes(), i)?;
    let e = word_end(text, s);
    // In a headline in capitals ("1997 FED CUP DRAW"), words in capitals.
    match word_kind(&text[s..e]) {
        Kind::Cap => Some((s, e, false)),
        Kind::Upper => Some((s, e, true)),
        _ => None,
    }
}

/// Where the word after `i` starts, past one or more blanks (spaces, tabs)
/// on the same line, if it starts with an ASCII capital.
fn capital_after_blanks(b: &[u8], i: usize) -> Option<usize> {
    let s = skip_blanks(b, i);
    (s > i && b.get(s)?.is_ascii_uppercase()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The last word is what `rsplit` at white space gives first.
    #[test]
    fn last_words() {
        for name in [
            "Venice Film Festival",
            "Festival",
            "",
            "a ",
            "Grand\tPrix",
            "Z\u{fc}rich Open",
            "Open Z\u{fc}rich",
            "Le\u{a0}Mans",
            "x\u{a0}Le Mans\u{2003}Cup",
        ] {
            let want = name.rsplit(char::is_whitespace).next().unwrap_or("");
            assert_eq!(last_word(name), want, "{name:?}");
        }
    }
}
