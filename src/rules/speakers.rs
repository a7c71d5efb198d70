//! People named by two words no rule knew, whose second word alone speaks
//! later: "Faik Nerweyi of the Kurdistan Democratic Party ... Nerweyi said
//! he did", "Semyon Sharetsky, told Reuters ... Sharetsky said" (rule
//! `speaker_name`).
//!
//! The name rules need a given name they know, and news names people from
//! everywhere. A verb of speech after one word alone (list `speech_verb`:
//! "Nerweyi said") says that word is a person's family name — a place of
//! two words is seldom the subject of "said" by its second word, and a firm
//! whose name holds the word is left out — and a run of exactly two free
//! capitalized words ending in it is that person's full name. Linking
//! (`link_surname`) then takes the family name's other uses. Words of the
//! lists that are no part of a person's name (function words, titles, heads
//! of organization names) are no part of either.
//!
//! Most texts are never tokenized here: a searcher finds the verbs, and
//! only the words beside them are read.

use aho_corasick::{packed, AhoCorasick, MatchKind};

use super::apply::{add_person, Edit};
use super::lexicon::Lexicon;
use super::link::is_word_of_org;
use super::token::{skip_blanks, word_end, word_kind, Kind};
use super::{ListBits, RuleSet};
use crate::doc::{Doc, Field, Span};
use crate::resolve::Taken;

/// A searcher of the verbs of speech, finding the longest at a position
/// ("says", not "say" in it), leftmost first, without overlaps.
#[derive(Clone, Debug)]
pub(crate) enum VerbFinder {
    /// Fat Teddy, on x86-64 with AVX2 and for at most 64 verbs: its 16
    /// buckets spread the two dozen verbs over twice the 8 of the slim
    /// Teddy that the automaton picks for them, with fewer false starts to
    /// check (on Reuters, a quarter fewer instructions to find the verbs).
    Packed(packed::Searcher),
    /// Elsewhere, the automaton.
    Automaton(AhoCorasick),
}

impl VerbFinder {
    /// The verbs of `text`: the start and end of each.
    fn find_iter<'a>(&'a self, text: &'a str) -> VerbMatches<'a> {
        match self {
            VerbFinder::Packed(s) => VerbMatches::Packed(s.find_iter(text)),
            VerbFinder::Automaton(a) => VerbMatches::Automaton(a.find_iter(text)),
        }
    }
}

/// The matches of a [`VerbFinder`].
enum VerbMatches<'a> {
    Packed(packed::FindIter<'a, 'a>),
    Automaton(aho_corasick::FindIter<'a, 'a>),
}

impl Iterator for VerbMatches<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        match self {
            VerbMatches::Packed(it) => it.next().map(|m| (m.start(), m.end())),
            VerbMatches::Automaton(it) => it.next().map(|m| (m.start(), m.end())),
        }
    }
}

/// The searcher of the lower-case words of the lists `bits` (`None` when
/// there are none).
pub(crate) fn verb_finder(lex: &Lexicon, bits: ListBits) -> Option<VerbFinder> {
    if bits == 0 {
        return None;
    }
    let mut verbs: Vec<&str> = lex.words_in(bits).collect();
    verbs.sort_unstable();
    fat_teddy(&verbs)
        .map(VerbFinder::Packed)
        .or_else(|| automaton(&verbs).map(VerbFinder::Automaton))
}

/// The fat Teddy searcher of `verbs`, where there is one (see
/// [`VerbFinder::Packed`]).
fn fat_teddy(verbs: &[&str]) -> Option<packed::Searcher> {
    packed::Config::new()
        .match_kind(packed::MatchKind::LeftmostLongest)
        .only_teddy_fat(Some(true))
        .builder()
        .extend(verbs)
        .build()
}

/// The automaton of `verbs`.
fn automaton(verbs: &[&str]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(verbs)
        .ok()
}

/// Adds the full names of people whose family name alone speaks (see the
/// module docs).
pub(crate) fn mark(rules: &RuleSet, doc: &mut Doc<'_>, taken: &mut Taken, rule: u32) {
    let Some(verbs) = &rules.speech_verbs else {
        return;
    };
    let field = Field::Text;
    let text = doc.field_text(field);
    let b = text.as_bytes();
    let mut buf = String::new();
    let name_word = |(s, e): (usize, usize), buf: &mut String| {
        let w = &text[s..e];
        word_kind(w) == Kind::Cap
            && rules.lex.lookup(w, Kind::Cap, buf) & rules.not_in_lists == 0
            && taken
                .overlapping(field, Span { start: s, end: e })
                .is_none()
    };
    // Family names before a verb of speech, each standing alone.
    let mut speakers: Vec<&str> = Vec::new();
    for (start, end) in verbs.find_iter(text) {
        if b.get(end).copied().is_some_and(is_word_byte) {
            continue;
        }
        // A name word is capitalized; most words before a verb are not
        // ("he said"): told before the word's end is checked, and the word
        // before them is not looked for.
        let Some(w) = word_run_before(text, start) else {
            continue;
        };
        if !capitalized(text, w) || word_end(text, w.0) != w.1 {
            continue;
        }
        let alone = joined_word_before(text, w.0).is_none_or(|p| !capitalized(text, p));
        if alone && name_word(w, &mut buf) {
            speakers.push(&text[w.0..w.1]);
        }
    }
    if speakers.is_empty() {
        return;
    }
    speakers.sort_unstable();
    speakers.dedup();
    // A firm's short name speaks too ("Niagara Mohawk Power Corp ...
    // Mohawk said"). The speakers are few: each is looked for in the
    // firms' names, which are not indexed for it.
    speakers.retain(|w| !is_word_of_org(doc, w));
    // Their full names: two capitalized words, the second a speaker's,
    // with no capitalized word joined before or after.
    let mut found = Vec::new();
    for &family in &speakers {
        for at in memchr::memmem::find_iter(b, family) {
            let end = at + family.len();
            if word_end(text, at) != end || (at > 0 && is_word_byte(b[at - 1])) {
                continue;
            }
            let Some(given) = joined_word_before(text, at) else {
                continue;
            };
            let longer_before =
                joined_word_before(text, given.0).is_some_and(|p| capitalized(text, p));
            let longer_after = joined_word_after(text, end).is_some_and(|n| capitalized(text, n));
            if longer_before || longer_after {
                continue;
            }
            // A capital at a sentence's start says nothing: there the first
            // word must be a given name ("Together Siemens", "Echoing
            // Gaviria").
            let first = &text[given.0..given.1];
            let known_given = rules.lex.lookup(first, Kind::Cap, &mut buf) & rules.given != 0;
            if starts_sentence(text, given.0) && !known_given {
                continue;
            }
            if name_word(given, &mut buf) && name_word((at, end), &mut buf) {
                found.push(Span {
                    start: given.0,
                    end,
                });
            }
        }
    }
    found.sort_unstable_by_key(|s| s.start);
    found.dedup();
    let mut edit = Edit::new();
    for span in found {
        taken.insert(field, span);
        add_person(doc, &mut edit, field, span, rule);
    }
    edit.finish(doc);
}

/// The word ending where only blanks (spaces, tabs) come before `i`, if
/// one does: its start and end. A possessive is no word there ("ASA's").
fn joined_word_before(text: &str, i: usize) -> Option<(usize, usize)> {
    word_run_before(text, i).filter(|&(start, end)| word_end(text, start) == end)
}

/// [`joined_word_before`] but for its last test, that the run of word
/// characters it finds is one word ([`word_end`]).
fn word_run_before(text: &str, i: usize) -> Option<(usize, usize)> {
    if !text.is_char_boundary(i) {
        return None;
    }
    let b = text.as_bytes();
    let end = i - b[..i]
        .iter()
        .rev()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    if end == i {
        return None;
    }
    // Letters, digits, hyphens and apostrophes back from `end`: ASCII ones
    // a byte at a time (this runs for every verb of speech), and from a
    // character that is not ASCII on, characters.
    let ascii = b[..end]
        .iter()
        .rev()
        .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'\'')
        .count();
    let mut start = end - ascii;
    if b[..start].last().is_some_and(|&c| c >= 0x80) {
        start = text[..start]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric() || c == '-' || c == '\'')
            .last()
            .map_or(start, |(k, _)| k);
    }
    // A word starts with a letter or digit: past hyphens and apostrophes,
    // at an ASCII letter or digit or at a character that is not ASCII (one
    // of the run is a letter or digit).
    let start = start
        + b[start..end]
            .iter()
            .position(|&c| c.is_ascii_alphanumeric() || c >= 0x80)?;
    Some((start, end))
}

/// Whether a byte may be part of a word (an ASCII letter or digit, or a
/// byte of a non-ASCII character).
fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// The word starting after only blanks from `i`, if one does.
fn joined_word_after(text: &str, i: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let s = skip_blanks(b, i);
    if s == i || !b.get(s).copied().is_some_and(is_word_byte) {
        return None;
    }
    let e = word_end(text, s);
    (e > s).then_some((s, e))
}

/// Whether `i` starts a sentence: only blanks, quotes or line breaks since
/// the text's start or the end of a sentence (".", "!", "?"). Narrower than
/// `guard::starts_sentence`, which also counts a line break, a colon or a
/// dash: a line break inside wrapped wire copy and a name after a dash or a
/// colon ("-- Faik Nerweyi", "Scorers: Dean Saunders") keep a capital that
/// says something (with that one, 5 names fewer on Reuters, CoNLL -2 hits).
fn starts_sentence(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches([' ', '\t', '\n', '\r', '"', '\'']);
    before.is_empty() || before.ends_with(['.', '!', '?'])
}

/// Whether the word at `w` starts with a capital letter.
fn capitalized(text: &str, w: (usize, usize)) -> bool {
    text[w.0..w.1].starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_joined_by_blanks_only() {
        let text = "Faik Nerweyi, said\tit. Ünal  Kaya \u{2014} Ali's Bo";
        let at = |w: &str| text.find(w).unwrap();
        let word = |w: Option<(usize, usize)>| w.map(|(s, e)| &text[s..e]);
        assert_eq!(word(joined_word_before(text, at("Nerweyi"))), Some("Faik"));
        assert_eq!(word(joined_word_before(text, at("said"))), None);
        assert_eq!(word(joined_word_before(text, at("it"))), Some("said"));
        assert_eq!(word(joined_word_before(text, at("Kaya"))), Some("Ünal"));
        assert_eq!(word(joined_word_before(text, at("Ali"))), None);
        assert_eq!(word(joined_word_before(text, 0)), None);
        assert_eq!(word(joined_word_before(text, at("Bo"))), None);
        assert_eq!(
            word(joined_word_after(text, at("Faik") + 4)),
            Some("Nerweyi")
        );
        assert_eq!(word(joined_word_after(text, at("Nerweyi") + 7)), None);
        assert!(starts_sentence(text, at("Ünal")) && starts_sentence(text, 0));
        assert!(!starts_sentence(text, at("Kaya")));
    }

    #[test]
    fn fat_teddy_finds_what_the_automaton_finds() {
        let verbs = [
            "added", "adds", "asked", "noted", "said", "says", "wrote", "writes",
        ];
        // No fat Teddy without AVX2: nothing to compare.
        let Some(teddy) = fat_teddy(&verbs) else {
            return;
        };
        let teddy = VerbFinder::Packed(teddy);
        let automaton = VerbFinder::Automaton(automaton(&verbs).unwrap());
        let long = "He said, she says: unsaid saidsays addsadded noted\twrote writes asked. ";
        for text in ["said", "x adds", &long.repeat(3)] {
            let spans = |f: &VerbFinder| f.find_iter(text).collect::<Vec<_>>();
            assert_eq!(spans(&teddy), spans(&automaton), "{text:?}");
        }
    }

    /// Read back a byte at a time where ASCII, the word before is the one
    /// read back by characters.
    #[test]
    fn word_before_by_bytes_is_word_before_by_chars() {
        fn by_chars(text: &str, i: usize) -> Option<(usize, usize)> {
            let head = text.get(..i)?.trim_end_matches([' ', '\t']);
            if head.len() == i {
                return None;
            }
            let start = head
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphanumeric() || c == '-' || c == '\'')
                .last()
                .map(|(k, _)| k)?;
            let start = start + head[start..].find(char::is_alphanumeric)?;
            (word_end(text, start) == head.len()).then_some((start, head.len()))
        }
        for text in [
            "Faik Nerweyi, said\tit. Ünal  Kaya \u{2014} Ali's Bo",
            "O'Brien said; Jean-Paul  said -x said 'a said  said",
            "Müller-Lüdenscheidt said, Gyu-back \t said, ÉCOLE said",
            "x\u{e9}ab said ab\u{e9}cd said \u{2019}s said 9 said - said",
            " said",
            "",
        ] {
            for i in 0..=text.len() + 1 {
                assert_eq!(
                    joined_word_before(text, i),
                    by_chars(text, i),
                    "{text:?} {i}"
                );
            }
        }
    }
}
