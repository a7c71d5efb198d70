//! Sports results tables: a city named in a line of scores is a team.
//!
//! Wire copy carries results and standings as lines of names and numbers
//! ("Wycombe 0 Bournemouth 1 Peterborough 2", "CHICAGO 72 64 .529"). There a
//! city, county or state names a club, an organization, not the place, and
//! so do the unknown names beside it ("Millwall 2"). Countries stay places:
//! a national side is named by its country.
//!
//! A line is a *score line* when at least two runs of capitalized words are
//! each followed by a number, or when it starts with such a run followed by
//! two numbers (a standings row), and it holds no more lower-case words than
//! scored runs (prose has many). In a score line with at least one scored
//! run that is a non-national place or an organization mention, every scored
//! run that is not a person or a country becomes an organization mention
//! (rule `score_table`, kind `sports_team`); once one line has, a line of
//! unknown names alone holds teams too. Elsewhere in the document,
//! places with the same name (any case) become the same team: "Seattle" in
//! "Texas's lead over Seattle" after the standings.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use super::apply::{local_entity, overlapping_mentions, Edit};
use super::lexicon::FxBuild;
use super::nicknames::nicknames;
use super::team_cues::{named_as_place, opponent, teams_in_prose};
use super::token::Kind;
use super::RuleSet;
use crate::dictionary::Label;
use crate::doc::{Doc, EntityRef, Evidence, Field, Mention, Span};
use crate::resolve::Taken;
use crate::segment::PartKind;
use crate::swar::{self, skip_to_range};

/// What to make of places named in lines of sports scores.
///
/// The default is [`ScoreTables::Teams`].
///
/// # Example
///
/// ```
/// use gazetag::{Label, ScoreTables, Tagger};
///
/// let text = "Results:\nChicago 4 Houston 3\n";
/// let doc = Tagger::default().tag(text);
/// assert!(doc.mentions().iter().all(|m| m.label == Label::Organization));
///
/// let places = Tagger::builder()
///     .builtin_dictionaries()
///     .score_tables(ScoreTables::Places)
///     .build()?;
/// let doc = places.tag(text);
/// assert!(doc.mentions().iter().all(|m| m.label == Label::Place));
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ScoreTables {
    /// A city, county or state named in a score line is a team (an
    /// organization, kind `sports_team`), and so are the unknown names
    /// scored beside it; the same place named elsewhere in the document is
    /// that team too.
    #[default]
    Teams,
    /// Score lines get no special treatment: places stay places.
    Places,
}

/// A whitespace-separated token of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    /// Digits with `.,:/-+` ("4", ".529", "42-36", "13:06.65").
    Num,
    /// Starts with an upper-case letter.
    Cap,
    /// Starts with a lower-case letter.
    Lower,
    /// Anything else (punctuation).
    Other,
}

/// Bytes a number token may hold besides digits ("13:06.65", "42-36").
const NUMBER_PUNCT: &[u8] = b".,:/-+";

fn classify(word: &str) -> Tok {
    let bytes = word.as_bytes();
    if bytes.iter().any(u8::is_ascii_digit)
        && bytes
            .iter()
            .all(|b| b.is_ascii_digit() || NUMBER_PUNCT.contains(b))
    {
        return Tok::Num;
    }
    match word.chars().next() {
        Some(c) if c.is_uppercase() => Tok::Cap,
        Some(c) if c.is_lowercase() => Tok::Lower,
        _ => Tok::Other,
    }
}

/// How many words (runs of bytes that are no ASCII white space) of `line`
/// start with a lower-case letter, and how many with a digit or a byte of
/// [`NUMBER_PUNCT`] (every number does, and some non-numbers: fine); eight
/// bytes at a time.
fn word_starts(line: &[u8]) -> (usize, usize) {
    let mut counts = WordStarts::default();
    // Whole words loaded as such, the tail alone padded: this runs on every
    // line with a number after a capitalized word.
    let mut chunks = line.chunks_exact(8);
    for chunk in &mut chunks {
        counts.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        // Padding past the end starts no word that counts: zero is neither.
        counts.add(swar::load_le(tail));
    }
    (counts.lower, counts.numbers)
}

/// The running counts of [`word_starts`].
struct WordStarts {
    lower: usize,
    numbers: usize,
    /// The high bit of byte 0 when the byte before the next chunk is white
    /// space (or the line starts).
    before: u64,
}

impl Default for WordStarts {
    fn default() -> Self {
        WordStarts {
            lower: 0,
            numbers: 0,
            before: 0x80,
        }
    }
}

impl WordStarts {
    /// Counts the word starts of the next eight bytes, `x`.
    #[inline]
    fn add(&mut self, x: u64) {
        let ws = swar::ascii_whitespace(x);
        // Bytes after white space; those counted below are no white space
        // themselves.
        let after_space = (ws << 8 | self.before) & swar::HIGH;
        self.lower += swar::count_high(after_space & swar::in_range(x, b'a', b'z'));
        // Digits and NUMBER_PUNCT are the bytes '+' to ':'.
        self.numbers += swar::count_high(after_space & swar::in_range(x, b'+', b':'));
        self.before = (ws >> 56) & 0x80;
    }
}

/// A run of capitalized tokens followed by a number: `start..end` in bytes.
fn scored_runs(line: &str, base: usize, toks: &mut Vec<Token>, runs: &mut Vec<Span>) -> bool {
    toks.clear();
    runs.clear();
    // A score line has no more lower-case words than scored runs, nor more
    // scored runs than numbers: count word starts first, most lines with
    // a number after a capitalized word are prose still ("rose 5 pct in
    // March 1986").
    let (lower_words, numbers) = word_starts(line.as_bytes());
    if lower_words > numbers || numbers == 0 {
        return false;
    }
    // Split at ASCII white space by hand: no byte of a multi-byte char is
    // one, so every slice is on char boundaries.
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i > start {
            toks.push((
                classify(&line[start..i]),
                Span {
                    start: base + start,
                    end: base + i,
                },
            ));
        }
    }
    let mut lower = 0;
    let mut standings = false;
    let mut i = 0;
    while i < toks.len() {
        if toks[i].0 == Tok::Lower {
            lower += 1;
        }
        if toks[i].0 != Tok::Cap {
            i += 1;
            continue;
        }
        let first = i;
        while i < toks.len() && toks[i].0 == Tok::Cap {
            i += 1;
        }
        // A price ("Mpls 3.45", "Toledo 2.35 2.40") or a quantity ("Cuba
        // 253,067") scores nothing.
        let scored = toks
            .get(i)
            .is_some_and(|t| t.0 == Tok::Num && !is_price(&line[t.1.start - base..t.1.end - base]));
        if scored {
            if first == 0 && toks.get(i + 1).map(|t| t.0) == Some(Tok::Num) {
                standings = true;
            }
            runs.push(Span {
                start: toks[first].1.start,
                end: toks[i - 1].1.end,
            });
        }
    }
    (runs.len() >= 2 || standings) && lower <= runs.len()
}

/// Digits, one period and digits ("3.45"): a price or a rate; or digits in
/// groups of three ("176,287", "2,444,260"): a quantity. A score is a whole
/// number ("4"), a standings rate starts with its period (".529") and a
/// time has a colon ("13:06.65").
fn is_price(number: &str) -> bool {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit());
    let mut parts = number.split('.');
    let price = parts.next().is_some_and(digits)
        && parts.next().is_some_and(digits)
        && parts.next().is_none();
    let mut groups = number.split(',');
    let first = groups.next().filter(|g| digits(g) && g.len() <= 3);
    let quantity =
        first.is_some() && number.contains(',') && groups.all(|g| digits(g) && g.len() == 3);
    price || quantity
}

/// Words a team's name has at most ("Queens Park Rangers"): a longer run of
/// capitalized words is a headline ("NEW YORK BANK DISCOUNT WINDOW").
const TEAM_WORDS: usize = 3;

/// True for places that name a country or a wider area, whose sides stay
/// places.
fn is_national(kind: &str) -> bool {
    !matches!(kind, "city" | "capital" | "admin1")
}

/// What a scored run is.
enum Run {
    /// A person, a country or region: left alone.
    Skip,
    /// A city, county or state (the mention's index), or an organization
    /// mention: a team.
    Team(Option<usize>),
    /// No mention: a team if the line has one.
    Free,
}

fn classify_run(rules: &RuleSet, doc: &Doc<'_>, field: Field, span: Span, buf: &mut String) -> Run {
    // Too long for a team, or holding a function word or a month after its
    // first word ("PCT FROM", "UND MAY UP"; not "NEW YORK", "East Fife") or
    // as its only word ("OCT"): business copy in capitals.
    let name = &doc.field_text(field)[span.range()];
    let n = name.split_ascii_whitespace().count();
    let mut words = name.split_ascii_whitespace();
    // A lone word counts from the first ("OCT", "JUNE").
    let checked = if n == 1 { words.next() } else { words.nth(1) };
    if n > TEAM_WORDS
        || checked
            .into_iter()
            .chain(words)
            .any(|w| rules.lex.lookup(w, Kind::Cap, buf) & rules.inert != 0)
    {
        return Run::Skip;
    }
    let mut team = None;
    for i in overlapping_mentions(&doc.mentions, field, span) {
        let m = &doc.mentions[i];
        if m.span.start < span.start || m.span.end > span.end {
            return Run::Skip;
        }
        match m.label {
            Label::Place => match doc.entry(m) {
                Some(e) if !is_national(&e.kind) => team = Some(Some(i)),
                // A place a rule found by its head or suffix ("Port
                // Vale", "Notts County"); not one in capitals, which a
                // table of figures also has ("CCC STOCKS").
                None if by_place_rule(rules, m) && !is_upper(doc.surface(m)) => {
                    team = Some(Some(i))
                }
                _ => return Run::Skip,
            },
            Label::Organization => team = team.or(Some(None)),
            Label::Person | Label::Nationality => return Run::Skip,
        }
    }
    match team {
        Some(place) => Run::Team(place),
        None => Run::Free,
    }
}

/// Whether a rule found the place by its head, suffix or compass word
/// ("Port Vale", "Notts County", "East Stirling").
fn by_place_rule(rules: &RuleSet, m: &Mention) -> bool {
    matches!(m.evidence, Evidence::Rule { rule }
        if matches!(rules.rule_name(rule), "place_head" | "place_suffix" | "compass_place"))
}

/// Whether a name has no lower-case letter.
fn is_upper(name: &str) -> bool {
    !name.bytes().any(|c| c.is_ascii_lowercase())
}

/// A score line: its field and its scored runs, each with what it is.
struct ScoreLine {
    field: Field,
    runs: Vec<(Span, Run)>,
}

/// A token of a line, with its span in the field.
type Token = (Tok, Span);

thread_local! {
    /// The tokens and scored runs of a line: buffers reused from document
    /// to document (growing them anew cost allocations in every document
    /// with figures).
    static SCRATCH: RefCell<(Vec<Token>, Vec<Span>)> = RefCell::default();
}

/// The score lines of the document.
fn score_lines(rules: &RuleSet, doc: &Doc<'_>) -> Vec<ScoreLine> {
    SCRATCH.with(|s| match s.try_borrow_mut() {
        Ok(mut s) => {
            let (toks, runs) = &mut *s;
            score_lines_with(rules, doc, toks, runs)
        }
        Err(_) => score_lines_with(rules, doc, &mut Vec::new(), &mut Vec::new()),
    })
}

/// [`score_lines`], with buffers for a line's tokens and scored runs.
fn score_lines_with(
    rules: &RuleSet,
    doc: &Doc<'_>,
    toks: &mut Vec<Token>,
    runs: &mut Vec<Span>,
) -> Vec<ScoreLine> {
    let mut buf = String::new();
    let mut lines = Vec::new();
    for field in [Field::Title, Field::Text] {
        let text = doc.field_text(field);
        let b = text.as_bytes();
        // A score line holds a number after a capitalized word, the end of
        // a scored run: go from number to number, and look at the line
        // (its `\n` included) around the first such; most lines have none
        // ("rose 5 pct in 1986"), and are never read whole.
        let mut from = 0;
        // Where the line after the last one looked at starts.
        let mut floor = 0;
        while let Some(d) = next_digit(b, from) {
            let (word_start, word_end) = word_around(b, d);
            from = word_end;
            if !(is_number(&b[word_start..word_end]) && capital_before(b, word_start)) {
                continue;
            }
            let start = memchr::memrchr(b'\n', &b[floor..d]).map_or(floor, |k| floor + k + 1);
            let end = memchr::memchr(b'\n', &b[d..]).map_or(b.len(), |k| d + k + 1);
            from = end;
            floor = end;
            let line = &text[start..end];
            if scored_runs(line, start, toks, runs) {
                lines.push(ScoreLine {
                    field,
                    runs: runs
                        .iter()
                        .map(|&r| (r, classify_run(rules, doc, field, r, &mut buf)))
                        .collect(),
                });
            }
        }
    }
    lines
}

/// The word (a run of bytes that are no ASCII white space) holding `b[i]`:
/// its start and end.
fn word_around(b: &[u8], i: usize) -> (usize, usize) {
    let mut start = i;
    while start > 0 && !b[start - 1].is_ascii_whitespace() {
        start -= 1;
    }
    let mut end = i + 1;
    while end < b.len() && !b[end].is_ascii_whitespace() {
        end += 1;
    }
    (start, end)
}

/// Whether a word holding a digit is a number ([`Tok::Num`]): its other
/// bytes are digits or of [`NUMBER_PUNCT`], the bytes '+' to ':'.
fn is_number(word: &[u8]) -> bool {
    word.iter().all(|c| (b'+'..=b':').contains(c))
}

/// Whether the word before the one starting at `i`, on its line, may be
/// capitalized ([`Tok::Cap`]): it starts with an upper-case ASCII letter
/// or a byte that is not ASCII.
fn capital_before(b: &[u8], i: usize) -> bool {
    let mut end = i;
    while end > 0 && b[end - 1].is_ascii_whitespace() {
        if b[end - 1] == b'\n' {
            return false;
        }
        end -= 1;
    }
    if end == i || end == 0 {
        return false;
    }
    let (start, _) = word_around(b, end - 1);
    b[start].is_ascii_uppercase() || b[start] >= 0x80
}

/// The first index from `from` holding an ASCII digit. Sixteen bytes a
/// step, one branch for both words: every byte of every text is looked at,
/// and most lines hold no digit.
fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 16) {
        let lo = swar::ascii_digits(swar::load_le(&chunk[..8]));
        let hi = swar::ascii_digits(swar::load_le(&chunk[8..]));
        if lo | hi != 0 {
            let at = if lo != 0 {
                lo.trailing_zeros()
            } else {
                64 + hi.trailing_zeros()
            };
            return Some(i + (at / 8) as usize);
        }
        i += 16;
    }
    Some(skip_to_range(b, i, b'0'..=b'9', false)).filter(|&d| d < b.len())
}

/// The local entity of the team named `name` (any case), made the first
/// time.
fn team_of(
    doc: &mut Doc<'_>,
    teams: &mut HashMap<String, u32, FxBuild>,
    name: &str,
    country: Option<String>,
) -> u32 {
    let key = name.to_lowercase();
    if let Some(&l) = teams.get(&key) {
        return l;
    }
    let l = local_entity(doc, Label::Organization, name, "sports_team", country, None);
    teams.insert(key, l);
    l
}

/// Adds a mention of team `local` at `span`.
fn add_team(edit: &mut Edit, taken: &mut Taken, field: Field, span: Span, local: u32, rule: u32) {
    taken.insert(field, span);
    edit.add(Mention {
        span,
        field,
        label: Label::Organization,
        entity: EntityRef::Local(local),
        evidence: Evidence::Rule { rule },
    });
}

/// Turns the places of score lines into teams (see the module docs), and
/// those that the words around them in prose make teams (see
/// [`team_cues`](super::team_cues)).
pub(crate) fn mark(rules: &RuleSet, doc: &mut Doc<'_>, taken: &mut Taken, rule: u32) {
    let lines = score_lines(rules, doc);
    let has_team = |l: &ScoreLine| l.runs.iter().any(|(_, k)| matches!(k, Run::Team(_)));
    // Once a line names a team, the document is a results page: a line of
    // unknown names only ("Cukaricki 4 2 0") holds teams too.
    let results_page = lines.iter().any(has_team);
    let mut edit = Edit::new();
    // Lower-cased name -> local entity of the team.
    let mut teams: HashMap<String, u32, FxBuild> = HashMap::default();
    for line in &lines {
        let all_free = line.runs.iter().all(|(_, k)| matches!(k, Run::Free));
        if !(has_team(line) || (results_page && all_free)) {
            continue;
        }
        let field = line.field;
        let text = doc.field_text(field);
        for &(span, ref kind) in &line.runs {
            let place = match *kind {
                Run::Skip | Run::Team(None) => continue,
                Run::Team(Some(i)) => Some(i),
                Run::Free => None,
            };
            let name = &text[span.range()];
            let country = place
                .and_then(|i| doc.entry(&doc.mentions[i]))
                .and_then(|e| e.country.as_deref().map(str::to_string));
            let local = team_of(doc, &mut teams, name, country);
            for i in overlapping_mentions(&doc.mentions, field, span).collect::<Vec<_>>() {
                taken.remove(field, doc.mentions[i].span);
                edit.remove(i);
            }
            add_team(&mut edit, taken, field, span, local, rule);
        }
    }
    // Teams the words around them name in prose, and their names: other
    // places of those names are teams too, unless named as places ("in
    // Leeds", "Lubbock, Texas").
    let mut in_prose = Vec::new();
    let mut prose_names: HashSet<String, FxBuild> = HashSet::default();
    // A document about sport: a score line names a team, or a dictionary
    // or rule names one ("the Minnesota Twins").
    let sporty = !teams.is_empty()
        || doc.mentions.iter().any(|m| match m.entity {
            EntityRef::Local(i) => doc.locals[i as usize].kind == "sports_team",
            _ => doc.entry(m).is_some_and(|e| &*e.kind == "sports_team"),
        });
    if rules.team_cues.any() {
        let local_place = |i: usize| {
            !edit.is_removed(i)
                && doc
                    .entry(&doc.mentions[i])
                    .is_some_and(|e| !is_national(&e.kind))
        };
        in_prose = teams_in_prose(rules, doc, local_place, sporty);
        for &i in &in_prose {
            let m = doc.mentions[i];
            let key = doc.surface(&m).to_lowercase();
            if teams.contains_key(&key) {
                continue;
            }
            let name = doc.surface(&m).to_string();
            let country = doc
                .entry(&m)
                .and_then(|e| e.country.as_deref().map(str::to_string));
            team_of(doc, &mut teams, &name, country);
            prose_names.insert(key);
        }
        opponents(rules, doc, taken, &mut edit, &mut teams, &in_prose, rule);
    }
    // Teams by their nicknames ("the Mets"), in a document about sport.
    let sporty = sporty || !teams.is_empty();
    for (field, span, name) in nicknames(rules, doc, taken, sporty) {
        let local = team_of(doc, &mut teams, &name, None);
        add_team(&mut edit, taken, field, span, local, rule);
    }
    if teams.is_empty() {
        edit.finish(doc);
        return;
    }
    // The same places named elsewhere.
    let mut buf = String::new();
    for (i, m) in doc.mentions.iter().enumerate() {
        if m.label != Label::Place || edit.is_removed(i) {
            continue;
        }
        let key = doc.surface(m).to_lowercase();
        let Some(local) = teams.get(&key) else {
            continue;
        };
        if prose_names.contains(&key)
            && in_prose.binary_search(&i).is_err()
            && named_as_place(rules, doc.field_text(m.field), m.span, &mut buf)
        {
            continue;
        }
        // A dateline names where the report was filed, not a team.
        if in_dateline(doc, m) {
            continue;
        }
        if doc.entry(m).is_some_and(|e| !is_national(&e.kind)) {
            edit.remove(i);
            edit.add(Mention {
                label: Label::Organization,
                entity: EntityRef::Local(*local),
                evidence: Evidence::Rule { rule },
                ..*m
            });
        }
    }
    edit.finish(doc);
}

/// Adds the teams named on the other side of the results and fixtures that
/// made the places `in_prose` teams ("Leicestershire beat [Somerset]"),
/// where no mention holds their words. Linking finds their other uses
/// ("[Somerset] got a solid start").
fn opponents(
    rules: &RuleSet,
    doc: &mut Doc<'_>,
    taken: &mut Taken,
    edit: &mut Edit,
    teams: &mut HashMap<String, u32, FxBuild>,
    in_prose: &[usize],
    rule: u32,
) {
    let mut buf = String::new();
    for &i in in_prose {
        let m = doc.mentions[i];
        let text = doc.field_text(m.field);
        let Some(span) = opponent(rules, text, m.span, &mut buf) else {
            continue;
        };
        if taken.overlapping(m.field, span).is_none() {
            let name = text[span.range()].to_string();
            let local = team_of(doc, teams, &name, None);
            add_team(edit, taken, m.field, span, local, rule);
        }
    }
}

/// Whether the mention lies in the text's dateline, as the article parts
/// found it ("NEW YORK 1996-08-30").
fn in_dateline(doc: &Doc<'_>, m: &Mention) -> bool {
    m.field == Field::Text
        && doc.parts.iter().any(|p| {
            p.kind == PartKind::Dateline && p.span.start <= m.span.start && m.span.end <= p.span.end
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_score_line(line: &str) -> bool {
        scored_runs(line, 0, &mut Vec::new(), &mut Vec::new())
    }

    #[test]
    fn prices_are_no_scores() {
        for (n, price) in [
            ("3.45", true),
            ("12.0", true),
            ("4", false),
            (".529", false),
            ("13:06.65", false),
            ("42-36", false),
            ("1.2.3", false),
            ("176,287", true),
            ("2,444,260", true),
            ("1,23", false),
        ] {
            assert_eq!(is_price(n), price, "{n}");
        }
    }

    #[test]
    fn score_lines_and_prose() {
        for line in [
            "Wycombe 0 Bournemouth 1 Peterborough 2 Bristol Rovers 1",
            "CHICAGO 72 64 .529 8",
            "Brighton 4 1 1 2 3 4",
            "Pohang 3 Ulsan 2 ( halftime 1-0 )",
        ] {
            assert!(is_score_line(line), "{line}");
        }
        for line in [
            "Chicago rose 4 percent in 1996 and Houston 3 percent.",
            "SEOUL 1996-08-22",
            "In 1995 Ford sold 2 million cars.",
            "Brighton 4 points behind",
        ] {
            assert!(!is_score_line(line), "{line}");
        }
    }

    #[test]
    fn numbers_after_capitals() {
        let text = "Wycombe 0 \u{c5}tvidaberg  +2\n4 x 5 Y x6 Z 7a\n";
        let at = |w: &str| text.find(w).unwrap();
        let b = text.as_bytes();
        assert_eq!(word_around(b, at("+2") + 1), (at("+2"), at("+2") + 2));
        for (word, capital) in [("0", true), ("+2", true), ("4", false), ("5", false)] {
            let (start, end) = word_around(b, at(word));
            assert!(is_number(&b[start..end]), "{word}");
            assert_eq!(capital_before(b, start), capital, "{word}");
        }
        assert!(capital_before(b, at("x6")) && !is_number(b"x6") && !is_number(b"7a"));
    }

    #[test]
    fn finds_digits() {
        let text = b"abc def ghi jkl /:09 \xc3\xa9 x9 long words here 5";
        let mut hits = Vec::new();
        let mut i = 0;
        while let Some(d) = next_digit(text, i) {
            hits.push(d);
            i = d + 1;
        }
        let want: Vec<usize> = (0..text.len())
            .filter(|&k| text[k].is_ascii_digit())
            .collect();
        assert_eq!(hits, want);
    }

    #[test]
    fn counts_word_starts() {
        let scalar = |line: &[u8]| {
            let (mut lower, mut numbers, mut at_start) = (0, 0, true);
            for &c in line {
                if c.is_ascii_whitespace() {
                    at_start = true;
                } else if at_start {
                    at_start = false;
                    lower += usize::from(c.is_ascii_lowercase());
                    numbers += usize::from(c.is_ascii_digit() || NUMBER_PUNCT.contains(&c));
                }
            }
            (lower, numbers)
        };
        for line in [
            &b"Wycombe 0 Bournemouth 1 Peterborough 2 Bristol Rovers 1\n"[..],
            b"rose 5 pct in 1986, +3.2 -4 :5 /6 .7 ,8 \x0bx\tv\x0cw\ry",
            "  caf\u{e9} \u{e9}t\u{e9} 12345678 abcdefgh ijklmnop q".as_bytes(),
            b"",
            b"a",
            b"        b       9",
        ] {
            assert_eq!(
                word_starts(line),
                scalar(line),
                "{:?}",
                String::from_utf8_lossy(line)
            );
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(classify("13:06.65"), Tok::Num);
        assert_eq!(classify(".529"), Tok::Num);
        assert_eq!(classify("42-36"), Tok::Num);
        assert_eq!(classify("-"), Tok::Other);
        assert_eq!(classify("Brentford3"), Tok::Cap);
    }
}
