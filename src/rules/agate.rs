//! Sports agate: the people of line-ups, goal scorers and cricket
//! scorecards, named in fixed shapes that no prose rule reads.
//!
//! - `lineup`: a line of two or more shirt numbers, each before a dash and
//!   a name: "15 - Christian Cullen, 14 - Jeff Wilson" (also "Italy - 1 -
//!   Angelo Peruzzi; 2 - ..."). A name followed by a plain number ("2 -
//!   Lithuania 1", a score) is no item.
//! - `scorer`: a name before the minute of a goal in parentheses: "Cosmin
//!   Contra (31st)", "Niall Quinn (11th, 61st)", "(Becerril 46th)".
//! - `scorecard`: a cricket batting line, "M. Bevan c Vaas b Chandana 56",
//!   "A. Ranatunga lbw b Fleming 0", "D. Lehmann st Kaluwitharana b Chandana
//!   2", "R. Ponting not out 46"; a bowler before his figures, "Gough
//!   10-1-45-2"; and the list after "Did not bat:".
//!
//! The shapes are the notation of sports results, not vocabulary: like the
//! score tables (see [`super::ScoreTables`]), they are read by code. Name
//! words are those of `list_person` (no function word, title or head of an
//! organization name), except in a scorecard, whose grammar is strict
//! enough to take any capitalized word. A name that overlaps a mention is
//! left to it.

use std::sync::LazyLock;

use memchr::{memchr3_iter, memmem};

use super::apply::{add_person, overlapping_mentions, Edit};
use super::lists::{part_of, Part};
use super::token::{tokenize_range, Kind, LineBreaks, Token};
use super::RuleSet;
use crate::dictionary::Label;
use crate::doc::{Doc, Field, Span};
use crate::resolve::Taken;

/// The rule of each shape, as [`RuleSet::link_rule`] numbers them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AgateRules {
    pub lineup: u32,
    pub scorer: u32,
    pub scorecard: u32,
}

/// " b " and " out ", words of batting lines searched for in every text:
/// built once.
static FINDERS: LazyLock<[memmem::Finder<'static>; 2]> =
    LazyLock::new(|| [b" b ".as_slice(), b" out "].map(memmem::Finder::new));

/// The list of the players of a side who did not bat, found at its 'D'.
const DID_NOT_BAT: &[u8] = b"Did not bat";

/// Words in a name at most, initials and particles included.
const MAX_WORDS: usize = 5;

/// Adds the people of the document's agate (see the module docs).
pub(crate) fn mark(rules: &RuleSet, doc: &mut Doc<'_>, taken: &mut Taken, ids: AgateRules) {
    let mut found = Vec::new();
    let (mut lines, mut tokens, mut toks) = (Vec::new(), Vec::new(), Vec::new());
    for field in [Field::Title, Field::Text] {
        let text = doc.field_text(field);
        lines.clear();
        candidate_lines(text.as_bytes(), &mut lines);
        for &(a, z) in &lines {
            tokenize(rules, text, a, z, &mut tokens, &mut toks);
            let mut push = |span: Span, rule: u32| found.push((field, span, rule));
            lineup(text, &toks, |s| push(s, ids.lineup));
            scorers(text, &toks, |s| push(s, ids.scorer));
            scorecard(text, &toks, |s| push(s, ids.scorecard));
        }
    }
    if found.is_empty() {
        return;
    }
    let mut edit = Edit::new();
    // The names added, looked up per name: a huge scorecard has many.
    let mut added = Taken::default();
    for (field, span, rule) in found {
        if added.overlapping(field, span).is_some() {
            continue;
        }
        // The shape tells the whole name: it takes over the places,
        // nationalities and people a dictionary or a rule found inside it
        // ("Romania - Viorel [Moldovan] (21st)", "4 - [German] Villa"), but
        // not a mention that is the whole name ("Italy (2nd)") or reaches
        // past it, nor an organization.
        let inside: Vec<usize> = overlapping_mentions(&doc.mentions, field, span).collect();
        let takes_over = inside.iter().all(|&i| {
            let m = &doc.mentions[i];
            m.label != Label::Organization
                && m.span != span
                && m.span.start >= span.start
                && m.span.end <= span.end
                && !edit.is_removed(i)
        });
        if !takes_over || (inside.is_empty() && taken.overlapping(field, span).is_some()) {
            continue;
        }
        for i in inside {
            taken.remove(field, doc.mentions[i].span);
            edit.remove(i);
        }
        taken.insert(field, span);
        added.insert(field, span);
        add_person(doc, &mut edit, field, span, rule);
    }
    edit.finish(doc);
}

/// The lines (`start..end`, sorted, each once) that may hold agate: a
/// shirt number before a dash and a capital ("15 - Christian"), bowling
/// figures ("10-0-38-3"), parentheses holding an ordinal ("(31st)",
/// "(Becerril 46th)"), or a word of a batting line (" b " before a
/// capital, " out " before runs, "Did not bat"). Most lines of prose hold
/// none, and are never tokenized.
fn candidate_lines(b: &[u8], out: &mut Vec<(usize, usize)>) {
    let mut hits = Vec::new();
    let next_after = |i: usize| b[i..].trim_ascii_start().first().copied();
    // Dashes, parentheses and the 'D' of "Did not bat" in one scan: a pass
    // of its own over the text cost more than the capital D's.
    for i in memchr3_iter(b'-', b'(', b'D', b) {
        match b[i] {
            b'-' => {
                let before = b[..i].trim_ascii_end().last();
                if !before.is_some_and(u8::is_ascii_digit) {
                    continue;
                }
                // A shirt number before a name ("15 - Christian", "7-
                // Abdullah"), or bowling figures ("10-0-38-3"): three
                // dashes in one word.
                let name = next_after(i + 1).is_some_and(|c| c.is_ascii_uppercase() || c >= 0x80);
                if name || is_figures_at(b, i) {
                    hits.push(i);
                }
            }
            b'(' => {
                // "(31st)", "( 11th , 61st )", "(Becerril 46th)": an
                // ordinal before the closing parenthesis.
                let inside = &b[i + 1..b.len().min(i + 48)];
                let close = inside.iter().position(|&c| c == b')');
                if close.is_some_and(|k| has_ordinal(&inside[..k])) {
                    hits.push(i);
                }
            }
            _ => {
                if b[i..].starts_with(DID_NOT_BAT) {
                    hits.push(i);
                }
            }
        }
    }
    let [bowled, out_] = &*FINDERS;
    for i in bowled.find_iter(b) {
        // "... c Vaas b Chandana 56", "lbw b Fleming 0"
        if next_after(i + 3).is_some_and(|c| c.is_ascii_uppercase()) {
            hits.push(i);
        }
    }
    for i in out_.find_iter(b) {
        // "not out 46", "run out 9"
        if next_after(i + 5).is_some_and(|c| c.is_ascii_digit() || c == b'(') {
            hits.push(i);
        }
    }
    if hits.is_empty() {
        return;
    }
    hits.sort_unstable();
    for i in hits {
        if out.last().is_some_and(|&(_, z)| i < z) {
            continue;
        }
        let a = b[..i]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |k| k + 1);
        let z = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |k| i + k);
        out.push((a, z));
    }
}

/// One token of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum T {
    /// A capitalized name word (see [`Part`]).
    Name,
    /// Another capitalized word: a function word, a title, a head.
    OtherCap,
    /// An initial with its period ("M.").
    Initial,
    /// A lower-case particle ("van", "st").
    Inner,
    /// A capitalized particle ("Van Gastel", "Gilles De Bilde"): inside a
    /// name, or first.
    CapParticle,
    /// A lower-case word.
    Lower,
    /// Digits: a shirt number, a score, runs.
    Num,
    /// An ordinal: the minute of a goal ("31st").
    Ordinal,
    /// Bowling figures: overs, maidens, runs, wickets ("10-0-38-3", "9.5-0-44-1").
    Figures,
    /// Any other word with digits, or in capitals.
    Code,
    /// Punctuation, by its first byte.
    Punct(u8),
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    t: T,
}

/// The tokens of `text[a..z]`: the rule stage's tokens (`buf` holds them),
/// each given its part in the notation.
fn tokenize(
    rules: &RuleSet,
    text: &str,
    a: usize,
    z: usize,
    buf: &mut Vec<Token>,
    out: &mut Vec<Tok>,
) {
    buf.clear();
    // A line of notation: no line break inside.
    tokenize_range(text, a, z, LineBreaks::Hard, &rules.lex, buf);
    out.clear();
    out.extend(buf.iter().map(|tok| {
        let (start, end) = (tok.start as usize, tok.end as usize);
        let w = &text[start..end];
        let t = match tok.kind {
            Kind::Ordinal => T::Ordinal,
            Kind::Num if w.bytes().all(|c| c.is_ascii_digit()) => T::Num,
            Kind::Num if is_figures(w) => T::Figures,
            Kind::Initial => T::Initial,
            kind if kind.is_word() => match part_of(rules, kind, tok.lists) {
                p if p.is_name() => T::Name,
                Part::Inner => T::Inner,
                _ if kind == Kind::Lower => T::Lower,
                _ if kind == Kind::Cap && tok.lists & rules.particles != 0 => T::CapParticle,
                _ if kind == Kind::Cap => T::OtherCap,
                _ => T::Code,
            },
            _ => T::Punct(text.as_bytes()[start]),
        };
        Tok { start, end, t }
    }));
}

/// Whether token `k` is the lower-case word `w` of the notation ("c",
/// "b", "lbw", "st", "not", "out").
fn is_word(text: &str, toks: &[Tok], k: usize, w: &str) -> bool {
    toks.get(k)
        .is_some_and(|t| matches!(t.t, T::Lower | T::Inner) && &text[t.start..t.end] == w)
}

/// Whether the word around the dash at `i` has three dashes between
/// digits, as bowling figures have.
fn is_figures_at(b: &[u8], i: usize) -> bool {
    let word = |c: &u8| c.is_ascii_digit() || matches!(c, b'-' | b'.');
    let a = b[..i].iter().rposition(|c| !word(c)).map_or(0, |k| k + 1);
    let z = b[i..]
        .iter()
        .position(|c| !word(c))
        .map_or(b.len(), |k| i + k);
    z - a <= 16 && b[a..z].iter().filter(|&&c| c == b'-').count() == 3
}

/// Whether `b` holds digits followed by an ordinal suffix.
fn has_ordinal(b: &[u8]) -> bool {
    b.windows(3)
        .any(|w| w[0].is_ascii_digit() && matches!(&w[1..], b"st" | b"nd" | b"rd" | b"th"))
}

/// "10-0-38-3", "9.5-0-44-1": four numbers joined by dashes.
fn is_figures(w: &str) -> bool {
    let mut parts = 0;
    for p in w.split('-') {
        let (int, frac) = p.split_once('.').unwrap_or((p, "0"));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
        if !digits(int) || !digits(frac) {
            return false;
        }
        parts += 1;
    }
    parts == 4
}

/// The name starting at token `k`: name words, with initials and particles
/// inside (an initial may start it), the last a name word. `loose` takes
/// any capitalized word as a name word. Returns the span and the index past it.
fn name_at(text: &str, toks: &[Tok], k: usize, loose: bool) -> Option<(Span, usize)> {
    let is_name = |t: T| t == T::Name || (loose && t == T::OtherCap);
    let first = toks.get(k)?;
    if !(is_name(first.t) || first.t == T::CapParticle || first.t == T::Initial) {
        return None;
    }
    let mut last = None;
    let mut i = k;
    while i < toks.len() && i - k < MAX_WORDS {
        match toks[i].t {
            t if is_name(t) => last = Some(i),
            // "st" is a particle ("Gerald St John") and a stumping
            // ("Lehmann st Kaluwitharana").
            T::Inner if loose && &text[toks[i].start..toks[i].end] == "st" => break,
            T::Inner | T::Initial | T::CapParticle => {}
            _ => break,
        }
        i += 1;
    }
    let last = last?;
    let span = Span {
        start: first.start,
        end: toks[last].end,
    };
    Some((span, last + 1))
}

/// The name ending just before token `k` (which starts it over, going
/// back): as [`name_at`], and what lies before it must end an item
/// (punctuation, a number, the line start), not a word that would make it
/// longer ("Foreign Minister Smith").
fn name_before(text: &str, toks: &[Tok], k: usize) -> Option<Span> {
    let mut first = k;
    while first > 0
        && k - first < MAX_WORDS
        && matches!(
            toks[first - 1].t,
            T::Name | T::Inner | T::Initial | T::CapParticle
        )
    {
        first -= 1;
    }
    if first > 0 && matches!(toks[first - 1].t, T::OtherCap | T::Lower) {
        return None;
    }
    // Leading lower-case particles are no part of the name.
    while first < k && toks[first].t == T::Inner {
        first += 1;
    }
    let (span, end) = name_at(text, toks, first, false)?;
    (end == k).then_some(span)
}

/// Line-ups: `NUM - NAME` items, two or more on the line.
fn lineup(text: &str, toks: &[Tok], mut found: impl FnMut(Span)) {
    let mut items = Vec::new();
    for k in 0..toks.len().saturating_sub(2) {
        if toks[k].t != T::Num || toks[k + 1].t != T::Punct(b'-') {
            continue;
        }
        // A number inside a score ("Bulgaria 0 - 1") or a date is no shirt.
        if k > 0 && matches!(toks[k - 1].t, T::Num | T::Name | T::OtherCap | T::Lower) {
            continue;
        }
        let Some((span, next)) = name_at(text, toks, k + 2, false) else {
            continue;
        };
        let ends = match toks.get(next).map(|t| t.t) {
            None | Some(T::Ordinal) => true,
            Some(T::Punct(c)) => matches!(c, b',' | b';' | b'(' | b')' | b'.' | b':'),
            // The next item's number.
            Some(T::Num) => toks.get(next + 1).is_some_and(|t| t.t == T::Punct(b'-')),
            _ => false,
        };
        if ends {
            items.push(span);
        }
    }
    if items.len() >= 2 {
        items.into_iter().for_each(&mut found);
    }
}

/// Goal scorers: `NAME ( ORDINAL` and `( NAME ORDINAL )`.
fn scorers(text: &str, toks: &[Tok], mut found: impl FnMut(Span)) {
    for k in 0..toks.len() {
        if toks[k].t != T::Punct(b'(') {
            continue;
        }
        if toks.get(k + 1).is_some_and(|t| t.t == T::Ordinal) {
            if let Some(span) = name_before(text, toks, k) {
                found(span);
            }
        } else if let Some((span, next)) = name_at(text, toks, k + 1, false) {
            let minute = toks.get(next).is_some_and(|t| t.t == T::Ordinal)
                && toks
                    .get(next + 1)
                    .is_some_and(|t| matches!(t.t, T::Punct(b')' | b',')));
            if minute {
                found(span);
            }
        }
    }
}

/// Cricket: a batting line, bowlers before their figures, and the list
/// after "Did not bat:".
fn scorecard(text: &str, toks: &[Tok], mut found: impl FnMut(Span)) {
    batting(text, toks, &mut found);
    for k in 1..toks.len() {
        if toks[k].t == T::Figures {
            let mut first = k;
            while first > 0
                && k - first < MAX_WORDS
                && matches!(
                    toks[first - 1].t,
                    T::Name | T::OtherCap | T::Inner | T::Initial | T::CapParticle
                )
            {
                first -= 1;
            }
            let starts_item =
                first == 0 || matches!(toks[first - 1].t, T::Punct(b',' | b':' | b';'));
            if let Some((span, end)) = name_at(text, toks, first, true).filter(|_| starts_item) {
                if end == k {
                    found(span);
                }
            }
        }
    }
    if let Some(k) = toks.iter().position(|t| t.t == T::Punct(b':')) {
        let did_not_bat = k >= 3
            && text[toks[k - 3].start..toks[k - 1].end]
                .split_ascii_whitespace()
                .map(str::to_ascii_lowercase)
                .eq(["did", "not", "bat"]);
        if did_not_bat {
            let mut i = k + 1;
            while let Some((span, next)) = name_at(text, toks, i, true) {
                found(span);
                match toks.get(next).map(|t| t.t) {
                    Some(T::Punct(b',')) => i = next + 1,
                    _ => break,
                }
            }
        }
    }
}

/// `NAME HOW RUNS` and nothing else on the line, HOW one of: `c NAME b
/// NAME`, `c and b NAME`, `st NAME b NAME`, `lbw b NAME`, `b NAME`, `hit
/// wicket b NAME`, `run out` (maybe with the fielder in parentheses), `not
/// out`, `retired hurt`.
fn batting(text: &str, toks: &[Tok], found: &mut impl FnMut(Span)) {
    let Some((batsman, mut i)) = name_at(text, toks, 0, true) else {
        return;
    };
    let mut names = vec![batsman];
    let fielder = |i: &mut usize, names: &mut Vec<Span>| -> bool {
        match name_at(text, toks, *i, true) {
            Some((span, next)) => {
                names.push(span);
                *i = next;
                true
            }
            None => false,
        }
    };
    let word = |i: usize, w: &str| is_word(text, toks, i, w);
    let ok = if word(i, "c") && word(i + 1, "and") && word(i + 2, "b") {
        i += 3;
        fielder(&mut i, &mut names)
    } else if word(i, "c") || word(i, "st") {
        i += 1;
        fielder(&mut i, &mut names) && word(i, "b") && {
            i += 1;
            fielder(&mut i, &mut names)
        }
    } else if word(i, "lbw") && word(i + 1, "b")
        || word(i, "hit") && word(i + 1, "wicket") && word(i + 2, "b")
    {
        i += if word(i, "lbw") { 2 } else { 3 };
        fielder(&mut i, &mut names)
    } else if word(i, "b") {
        i += 1;
        fielder(&mut i, &mut names)
    } else if word(i, "run") && word(i + 1, "out") {
        i += 2;
        if toks.get(i).is_some_and(|t| t.t == T::Punct(b'(')) {
            i += 1;
            while fielder(&mut i, &mut names) && toks.get(i).is_some_and(|t| t.t == T::Punct(b'/'))
            {
                i += 1;
            }
            if !toks.get(i).is_some_and(|t| t.t == T::Punct(b')')) {
                return;
            }
            i += 1;
        }
        true
    } else if word(i, "not") && word(i + 1, "out")
        || word(i, "retired") && (word(i + 1, "hurt") || word(i + 1, "out"))
    {
        i += 2;
        true
    } else {
        false
    };
    // The runs end the line.
    if ok && toks.get(i).is_some_and(|t| t.t == T::Num) && i + 1 == toks.len() {
        names.into_iter().for_each(found);
    }
}

#[cfg(test)]
mod tests {
    use super::is_figures;

    #[test]
    fn figures_are_four_numbers() {
        assert!(is_figures("10-0-38-3"));
        assert!(is_figures("9.5-0-44-1"));
        assert!(!is_figures("1-21"));
        assert!(!is_figures("F-16-A-1"));
        assert!(!is_figures("1-2-3-4-5"));
    }
}
