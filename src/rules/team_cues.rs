//! Sports prose: the words around a city, county or state that make it a
//! team ("Surrey captain Chris Lewis", "Leicestershire beat Somerset",
//! "v Derbyshire", "joined Newcastle").
//!
//! The cue words are data, lists of `dictionaries/rules/rules.jsonl`:
//!
//! | list | where | strength |
//! |---|---|---|
//! | `team_role` | after the place, or after its possessive and one more word ("Norwich striker", "Derbyshire's Australian captain") | strong |
//! | `team_win` | after the place before a capitalized word, or before it after one ("Leicestershire beat Somerset", "Wigan beat Bradford") | strong |
//! | `team_versus` | right before or after the place, a capitalized word or a number on its other side ("May 18 v Hampshire", "Walsall v Wrexham") | strong |
//! | `team_before` | right before the place ("against", "joined", "rivals") | weak |
//! | `team_after` | right after the place ("won", "reached", "were", "manager") | weak |
//!
//! A result or a fixture also makes a team of the name on its other side
//! that no dictionary or rule knows ("Leicestershire beat [Somerset]"):
//! up to three capitalized words, whole (not "East [Fife]").
//!
//! A strong cue makes a team anywhere. Weak cues count only in a sports
//! document: one with a score line that names a team, or a strong cue.
//! Countries stay places, as in score lines: a national side is named by its
//! country. A place after "of" ("Bank of Tokyo manager") has no cue. Other
//! mentions of a team's name are the team too, unless named as a place:
//! after a preposition of list `team_place_prep` ("in Leeds") or a comma
//! ("Lubbock, Texas").

use super::apply::word_before;
use super::token::{skip_blanks, word_end, word_kind, Kind};
use super::{ListBits, RuleSet};
use crate::dictionary::Label;
use crate::doc::{Doc, Span};

/// The lexicon bits of the cue lists (0 where a rule set lacks one).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TeamCues {
    pub role: ListBits,
    pub win: ListBits,
    pub versus: ListBits,
    pub before: ListBits,
    pub after: ListBits,
    /// Prepositions before a place named as a place ("in", "at", "near").
    pub place_prep: ListBits,
}

impl TeamCues {
    /// Whether the rule set has any cue list.
    pub(crate) fn any(&self) -> bool {
        self.role | self.win | self.versus | self.before | self.after != 0
    }
}

/// How strongly the words around a place say it is a team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Cue {
    None,
    Weak,
    Strong,
}

/// The indices of the place mentions that `is_local` accepts and whose
/// words make them teams; `sporty` says whether weak cues count from the
/// start (they do once a strong cue is found).
pub(crate) fn teams_in_prose(
    rules: &RuleSet,
    doc: &Doc<'_>,
    is_local: impl Fn(usize) -> bool,
    sporty: bool,
) -> Vec<usize> {
    let cues = rules.team_cues;
    let mut buf = String::new();
    let mut strong = Vec::new();
    let mut weak = Vec::new();
    for (i, m) in doc.mentions.iter().enumerate() {
        if m.label != Label::Place || !is_local(i) {
            continue;
        }
        match cue(rules, &cues, doc.field_text(m.field), m.span, &mut buf) {
            Cue::Strong => strong.push(i),
            Cue::Weak => weak.push(i),
            Cue::None => {}
        }
    }
    if sporty || !strong.is_empty() {
        strong.extend(weak);
        strong.sort_unstable();
    }
    strong
}

/// The cue around the place at `span` of `text`.
pub(crate) fn cue(
    rules: &RuleSet,
    cues: &TeamCues,
    text: &str,
    span: Span,
    buf: &mut String,
) -> Cue {
    let b = text.as_bytes();
    // Each word is looked up once, and the words past the neighbours only
    // where a cue needs them: this runs for every city, county and state.
    let bits = |w: Option<(usize, usize)>, buf: &mut String| {
        w.map_or(0, |(s, e)| {
            let word = &text[s..e];
            rules.lex.lookup(word, word_kind(word), buf)
        })
    };
    let capitalized = |w: Option<(usize, usize)>| w.is_some_and(|(s, _)| b[s].is_ascii_uppercase());
    let numeric = |w: Option<(usize, usize)>| w.is_some_and(|(s, _)| b[s].is_ascii_digit());
    let before = word_before(b, span.start);
    // "Bank of Tokyo manager", "the fans of Philadelphia": a place after
    // "of" is part of a name or where someone is from.
    if before.is_some_and(|(s, e)| text[s..e].eq_ignore_ascii_case("of")) {
        return Cue::None;
    }
    let after = next_word(text, span.end);
    let (next, prev) = (bits(after, buf), bits(before, buf));
    let after2 = || after.and_then(|(_, e)| next_word(text, e));
    let before2 = || before.and_then(|(s, _)| word_before(b, s));
    let possessive = after.is_some_and(|(s, e)| is_possessive(&text[s..e]));
    let strong = next & cues.role != 0
        || (possessive && {
            let a2 = after2();
            let a3 = a2.and_then(|(_, e)| next_word(text, e));
            (bits(a2, buf) | bits(a3, buf)) & cues.role != 0
        })
        // A fixture has a team or a date on the other side ("Walsall v
        // Wrexham", "May 18 v Worcestershire"), a price comparison not
        // ("on Friday, versus New York's $387.60").
        || (next & (cues.win | cues.versus) != 0 && capitalized(after2()))
        || (prev & cues.win != 0 && capitalized(before2()))
        || (prev & cues.versus != 0 && {
            let b2 = before2();
            capitalized(b2) || numeric(b2)
        });
    if strong {
        Cue::Strong
    } else if prev & cues.before != 0 || next & cues.after != 0 {
        Cue::Weak
    } else {
        Cue::None
    }
}

/// The most words of a team's name read on the other side of a result or a
/// fixture ("Bradford Bulls", "Lada Togliatti").
const OPPONENT_WORDS: usize = 3;

/// The name on the other side of the result or fixture that makes the team
/// at `span` one ("Leicestershire beat [Somerset]", "[Walsall] v Wrexham"):
/// the run of up to three capitalized words across the cue, on the same
/// line, none of them a function word, a month or a weekday. Words in
/// capitals are left alone: in a headline every word is.
pub(crate) fn opponent(rules: &RuleSet, text: &str, span: Span, buf: &mut String) -> Option<Span> {
    let b = text.as_bytes();
    let cues = rules.team_cues.win | rules.team_cues.versus;
    let is_cue = |w: (usize, usize), buf: &mut String| {
        let word = &text[w.0..w.1];
        rules.lex.lookup(word, word_kind(word), buf) & cues != 0
    };
    let name_word = |w: (usize, usize), buf: &mut String| {
        let word = &text[w.0..w.1];
        word_kind(word) == Kind::Cap && rules.lex.lookup(word, Kind::Cap, buf) & rules.inert == 0
    };
    let mut run: Option<Span> = None;
    if let Some(cue) = next_word(text, span.end).filter(|&w| is_cue(w, buf)) {
        let mut at = cue.1;
        for _ in 0..OPPONENT_WORDS {
            match next_word(text, at).filter(|&w| name_word(w, buf)) {
                Some((s, e)) => {
                    run = Some(Span {
                        start: run.map_or(s, |r| r.start),
                        end: e,
                    });
                    at = e;
                }
                None => break,
            }
        }
    } else if let Some(cue) = same_line_word_before(b, span.start).filter(|&w| is_cue(w, buf)) {
        let mut at = cue.0;
        for _ in 0..OPPONENT_WORDS {
            match same_line_word_before(b, at).filter(|&w| name_word(w, buf)) {
                Some((s, e)) => {
                    run = Some(Span {
                        start: s,
                        end: run.map_or(e, |r| r.end),
                    });
                    at = s;
                }
                None => break,
            }
        }
    }
    // A name cut short by a word it may not hold ("East [Fife]") is no
    // team's.
    let capitalized = |w: Option<(usize, usize)>| w.is_some_and(|(s, _)| b[s].is_ascii_uppercase());
    run.filter(|r| {
        !capitalized(next_word(text, r.end)) && !capitalized(same_line_word_before(b, r.start))
    })
}

/// The word before `i` on the same line.
fn same_line_word_before(b: &[u8], i: usize) -> Option<(usize, usize)> {
    word_before(b, i).filter(|&(_, e)| !b[e..i].contains(&b'\n'))
}

/// Whether the place at `span` is named as a place: after a preposition of
/// place ("in Leeds", "at Headingley") or a comma ("Lubbock, Texas").
pub(crate) fn named_as_place(rules: &RuleSet, text: &str, span: Span, buf: &mut String) -> bool {
    let b = text.as_bytes();
    let before = b[..span.start].trim_ascii_end();
    if before.last() == Some(&b',') {
        return true;
    }
    word_before(b, span.start).is_some_and(|(s, e)| {
        let word = &text[s..e];
        rules.lex.lookup(word, word_kind(word), buf) & rules.team_cues.place_prep != 0
    })
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'" | "’")
}

/// The word (or possessive) after `i` on the same line.
fn next_word(text: &str, i: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let s = skip_blanks(b, i);
    let c = *b.get(s)?;
    if c == b'\'' || text[s..].starts_with('’') {
        let q = if c == b'\'' { 1 } else { '’'.len_utf8() };
        let e = s + q;
        let e = if matches!(b.get(e), Some(b's' | b'S')) {
            e + 1
        } else {
            e
        };
        return (!b.get(e).is_some_and(|c| c.is_ascii_alphanumeric())).then_some((s, e));
    }
    if !(c.is_ascii_alphanumeric() || c >= 0x80) {
        return None;
    }
    let e = word_end(text, s).max(s + 1);
    text.is_char_boundary(e).then_some((s, e))
}

/// The words right before and after `span`.
#[cfg(test)]
fn words_around(text: &str, span: Span) -> (Option<&str>, Option<&str>) {
    let b = text.as_bytes();
    (
        word_before(b, span.start).map(|(s, e)| &text[s..e]),
        next_word(text, span.end).map(|(s, e)| &text[s..e]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around_a_span() {
        let text = "as Derbyshire's captain; v  Hampshire (three days)";
        let at = |w: &str| {
            let s = text.find(w).unwrap();
            Span {
                start: s,
                end: s + w.len(),
            }
        };
        assert_eq!(
            words_around(text, at("Derbyshire")),
            (Some("as"), Some("'s"))
        );
        assert_eq!(words_around(text, at("Hampshire")), (Some("v"), None));
        let curly = "Nice’s coach";
        assert_eq!(
            words_around(curly, Span { start: 0, end: 4 }),
            (None, Some("’s"))
        );
    }
}
