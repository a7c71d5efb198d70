//! Running the rules over a tagged document.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt::Write;

use regex_automata::hybrid;
use regex_automata::nfa::thompson::{backtrack, pikevm};
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::{Anchored, Input, Match};

use super::initials::CapsStarts;
use super::pattern::{mention_index, WIDTH};
use super::token::{
    plain_word, tokenize_range_known, word_end, word_kind, Kind, KnownWord, LineBreaks, Token,
};
use super::{
    agate, articles, events, firms, link, lists, offices, speakers, teams, vessels, FxBuild,
    ListBits, RuleCaptures, RuleSet, ScoreTables,
};
use crate::dictionary::Label;
use crate::doc::{
    Doc, EntityRef, Evidence, Field, LocalEntity, Mention, Reason, Rejected, Span, NO_LOCAL,
};
use crate::guard::on_one_line;
use crate::resolve::Taken;
use crate::swar::{ascii_whitespace_in_text, count_high, load_le, skip_to_range, HIGH};

/// Per-thread buffers.
#[derive(Default)]
pub(crate) struct Scratch {
    /// Tokens of the windows of the title and of the text.
    pub tokens: [Vec<Token>; 2],
    symbols: Vec<u8>,
    windows: Vec<(usize, usize)>,
    /// What `find_windows` read of the capitalized words.
    seen: Seen,
    buf: String,
    /// The caches made for the patterns of id
    /// [`Patterns::id`](super::Patterns::id), kept for the next document
    /// (the lazy DFA's states above all: made anew, they cost far more than
    /// a document's search).
    regex: Option<(u64, Caches)>,
    /// The mentions the rules propose (a buffer lent to each document).
    proposals: Vec<Proposal>,
    /// The mentions a proposal overlaps (see [`commit`]).
    overlapping: Vec<usize>,
    /// The offices the rules found before persons' names.
    holders: Vec<offices::Holder>,
    link: link::Buffers,
}

/// What [`find_windows`] read of the capitalized words, for the stages
/// after it.
#[derive(Default)]
struct Seen {
    /// The capitalized words it looked up, of the field it read last.
    known: Vec<KnownWord>,
    /// The pairs of capitals that start words in capitals, in both fields
    /// (for linking initials).
    caps: CapsStarts,
}

/// The caches of the engines of [`Patterns`](super::Patterns), and those
/// of the rules' [`RuleCaptures`] with the slots of their captures.
struct Caches {
    dfa: hybrid::dfa::Cache,
    /// Made when first needed, which it hardly ever is: it costs as much
    /// as the searches of hundreds of documents.
    pikevm: Option<pikevm::Cache>,
    /// One cache serves every rule's engine, reset for it before a search.
    backtrack: Option<backtrack::Cache>,
    rule_pikevm: Option<pikevm::Cache>,
    slots: Vec<Option<NonMaxUsize>>,
}

thread_local! {
    pub(crate) static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// A mention a rule proposes.
#[derive(Clone, Debug)]
struct Proposal {
    field: Field,
    span: Span,
    label: Label,
    rule: u32,
    office: Option<Span>,
    country: Option<Span>,
}

/// A byte that no symbol uses: put before a window that does not start the
/// field, so that `^` does not match there.
pub(super) const NOT_START: u8 = 0xFF;

/// Adds the mentions the rules find in spans still free, then links what
/// they found across the document.
///
/// Rules run only in windows around *triggers*: capitalized words no
/// dictionary mention covers (less those known to be no name part:
/// function words, months), and words of rule anchors ("Province", "Corp",
/// "Mr.") inside mentions. Every rule match holds one, so most of a news
/// text is never tokenized.
pub(crate) fn apply(rules: &RuleSet, doc: &mut Doc<'_>, taken: &mut Taken, tables: ScoreTables) {
    let Some(patterns) = &rules.patterns else {
        if tables == ScoreTables::Teams {
            teams::mark(rules, doc, taken, rules.link_rule("score_table"));
        }
        return;
    };
    SCRATCH.with(|s| {
        let mut s = s.borrow_mut();
        let s = &mut *s;
        let mut proposals = std::mem::take(&mut s.proposals);
        // Used in place: the caches are large to move.
        let c = match &mut s.regex {
            Some((id, c)) if *id == patterns.id => c,
            slot => {
                let (_, c) = slot.insert((
                    patterns.id,
                    Caches {
                        dfa: patterns.dfa.create_cache(),
                        pikevm: None,
                        backtrack: None,
                        rule_pikevm: None,
                        slots: Vec::new(),
                    },
                ));
                c
            }
        };
        // How each field's line breaks read, judged when first needed.
        let mut breaks = [None; 2];
        s.seen.caps = match rules.full_scan {
            true => CapsStarts::all(),
            false => CapsStarts::default(),
        };
        for field in [Field::Title, Field::Text] {
            let text = doc.field_text(field);
            if rules.full_scan {
                s.windows.clear();
                s.windows.push((0, text.len()));
                s.seen.known.clear();
            } else {
                find_windows(
                    rules,
                    text,
                    &doc.mentions,
                    field,
                    &mut s.windows,
                    &mut s.seen,
                    &mut s.buf,
                );
            }
            let tokens = &mut s.tokens[field as usize];
            tokens.clear();
            for &(a, b) in &s.windows {
                let first = tokens.len();
                let lines = LineBreaks::for_range(&mut breaks[field as usize], text, a, b);
                let known = &s.seen.known[s.seen.known.partition_point(|w| w.0 < a)..];
                tokenize_range_known(text, (a, b), lines, &rules.lex, known, tokens);
                let lo = doc
                    .mentions
                    .partition_point(|m| (m.field, m.span.start) < (field, a))
                    .saturating_sub(1);
                let win = &mut tokens[first..];
                mark_mentions(win, &doc.mentions[lo..], field);
                s.symbols.clear();
                let off = if a == 0 {
                    0
                } else {
                    s.symbols.push(NOT_START);
                    1
                };
                for t in win.iter() {
                    rules.syms.push(t.kind, t.lists, t.mention, &mut s.symbols);
                }
                let win = &tokens[first..];
                let span_of = |m: regex_automata::Span| -> Option<Span> {
                    let (a, b) = ((m.start - off) / WIDTH, (m.end - off) / WIDTH);
                    (b > a).then(|| Span {
                        start: win[a].start as usize,
                        end: win[b - 1].end as usize,
                    })
                };
                // The matches `captures_iter` of `regex` would find, found
                // by a search anchored at each token in turn: a match that
                // is not empty starts at a token (at a kind byte), and an
                // empty one proposes nothing. One unanchored scan would be
                // linear, but its lazy DFA states mix the partial matches of
                // every start: many more states, each far larger to build.
                // The pattern that matched is the rule; its captures are
                // taken over the match alone, as the regex takes them.
                // Most tokens start no match, as the pair they begin tells.
                let starts = patterns.starts.as_ref();
                let mut at = off;
                loop {
                    if let Some(starts) = starts {
                        at = starts.next_start(&s.symbols, at);
                    }
                    if at >= s.symbols.len() {
                        break;
                    }
                    let input = Input::new(&s.symbols).range(at..).anchored(Anchored::Yes);
                    let found = match patterns.dfa.try_search_fwd(&mut c.dfa, &input) {
                        Ok(m) => m.map(|m| (m.pattern(), m.offset())),
                        // Not with this DFA (it never gives up, and no byte
                        // makes it quit), but a search must not fail.
                        Err(_) => patterns
                            .pikevm
                            .find(
                                c.pikevm
                                    .get_or_insert_with(|| patterns.pikevm.create_cache()),
                                input.clone(),
                            )
                            .map(|m| (m.pattern(), m.end())),
                    };
                    let Some((pattern, end)) = found.filter(|&(_, end)| end > at) else {
                        at += WIDTH;
                        continue;
                    };
                    let m = Match::new(pattern, at..end);
                    at = end;
                    let ri = m.pattern().as_usize();
                    let r = &rules.rules[ri];
                    if let Some(engines) = &r.engines {
                        captures(engines, &s.symbols, m, c);
                    }
                    let get = |k: usize| match (r.captures[k], &r.engines) {
                        (Some(_), None) => span_of(m.span()),
                        (Some(slot), Some(_)) => match (c.slots[slot], c.slots[slot + 1]) {
                            (Some(a), Some(b)) => span_of((a.get()..b.get()).into()),
                            _ => None,
                        },
                        (None, _) => None,
                    };
                    let Some((k, span)) = (0..3).find_map(|k| get(k).map(|span| (k, span))) else {
                        continue;
                    };
                    // The next search starts where the name ends: the words
                    // after it that the rule read as context may start a
                    // name of their own ("the House [and Senate]", "Bank
                    // [president Barber Conable]").
                    if let (Some(slot), Some(_)) = (r.captures[k], &r.engines) {
                        if let Some(e) = c.slots[slot + 1] {
                            at = e.get().max(m.start() + WIDTH);
                        }
                    }
                    proposals.push(Proposal {
                        field,
                        span,
                        label: r.label,
                        rule: ri as u32,
                        office: get(3),
                        country: get(4),
                    });
                }
            }
        }
        s.holders.clear();
        if !proposals.is_empty() {
            let mut edit = Edit::new();
            for p in proposals.drain(..) {
                if let (Label::Person, Some(office)) = (p.label, p.office) {
                    s.holders.push(offices::Holder {
                        field: p.field,
                        office,
                        person: p.span,
                    });
                }
                commit(rules, doc, taken, &mut edit, &mut s.overlapping, p);
            }
            edit.finish(doc);
        }
        s.proposals = proposals;
        if tables == ScoreTables::Teams {
            teams::mark(rules, doc, taken, rules.link_rule("score_table"));
        }
        if rules.not_in_lists != 0 {
            let ids = agate::AgateRules {
                lineup: rules.link_rule("lineup"),
                scorer: rules.link_rule("scorer"),
                scorecard: rules.link_rule("scorecard"),
            };
            agate::mark(rules, doc, taken, ids);
            lists::mark(rules, doc, taken, rules.link_rule("list_person"));
            speakers::mark(rules, doc, taken, rules.link_rule("speaker_name"));
        }
        link::link(
            rules,
            doc,
            taken,
            &mut breaks,
            &mut s.tokens[0],
            &s.seen.caps,
            &mut s.link,
        );
        // The topic stage splits the text into sentences as hard-wrapped or
        // not: judged once a document.
        doc.text_wrapped = breaks[Field::Text as usize].map(|b| b == LineBreaks::Wrapped);
        firms::relink(rules, doc, taken);
        offices::refer(doc, taken, &s.holders, rules.link_rule("office_reference"));
        // Last: the rules find names of their own ("PGA"), and linking tags
        // other uses of a name ("UEFA").
        if rules.event_words != 0 {
            events::drop_inside_events(rules, doc, taken);
        }
        if rules.vessel_prefixes | rules.vessel_nouns != 0 {
            vessels::drop_inside_vessel_names(rules, doc, taken);
        }
        if rules.name_articles != 0 {
            articles::take_articles(rules, doc, taken);
        }
    });
}

/// Takes the captures of match `m` of a rule into `c.slots`, with the rule's
/// `engines` (all `None` should they find no match).
fn captures(engines: &RuleCaptures, symbols: &[u8], m: Match, c: &mut Caches) {
    let input = Input::new(symbols).span(m.range()).anchored(Anchored::Yes);
    let bt = &engines.backtracker;
    c.slots.clear();
    c.slots.resize(bt.get_nfa().group_info().slot_len(), None);
    let cache = match &mut c.backtrack {
        Some(cache) => {
            cache.reset(bt);
            cache
        }
        none => none.insert(bt.create_cache()),
    };
    let found = match bt.try_search_slots(cache, &input, &mut c.slots) {
        Ok(found) => found.is_some(),
        // Too long for the backtracker's memory.
        Err(_) => {
            let vm = &engines.pikevm;
            let cache = match &mut c.rule_pikevm {
                Some(cache) => {
                    cache.reset(vm);
                    cache
                }
                none => none.insert(vm.create_cache()),
            };
            vm.search_slots(cache, &input, &mut c.slots).is_some()
        }
    };
    if !found {
        c.slots.fill(None);
    }
}

/// The windows of `text` the rules look at, sorted and disjoint: the
/// context of each trigger (see [`apply`]), merged; and into `known`, the
/// capitalized words it looked up, for [`tokenize_range_known`].
fn find_windows(
    rules: &RuleSet,
    text: &str,
    mentions: &[Mention],
    field: Field,
    out: &mut Vec<(usize, usize)>,
    seen: &mut Seen,
    buf: &mut String,
) {
    out.clear();
    seen.known.clear();
    let b = text.as_bytes();
    let mut ms = mentions.iter().filter(|m| m.field == field).peekable();
    let mut i = 0;
    while i < b.len() {
        i = skip_to_candidate(b, i);
        if i >= b.len() {
            break;
        }
        let c = b[i];
        let before = i.checked_sub(1).map(|j| b[j]);
        if before.is_some_and(|p| p.is_ascii_alphanumeric() || p >= 0x80) {
            // Inside a word.
            i += 1;
            continue;
        }
        if c >= 0x80 {
            let Some(ch) = text[i..].chars().next() else {
                break;
            };
            if !ch.is_uppercase() {
                i += ch.len_utf8();
                continue;
            }
        }
        while ms.peek().is_some_and(|m| m.span.end <= i) {
            ms.next();
        }
        if let Some(m) = ms.peek().filter(|m| m.span.start <= i) {
            // Words a dictionary tagged start no match: rules take over a
            // mention only from a free word next to it, or extend it to its
            // left when it ends in a suffix ("National [Security Council]").
            let (start, end) = (m.span.start, m.span.end);
            i = end.max(i + 1);
            let after_word = b[..start]
                .iter()
                .rev()
                .find(|c| !c.is_ascii_whitespace())
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'&');
            if m.label == Label::Place && place_names_more(b, end) {
                push_window(out, left(b, start, 1), right(b, end, 5));
            }
            if after_word && matches!(m.label, Label::Organization | Label::Place) {
                let last = b[start..end]
                    .iter()
                    .rposition(|c| !c.is_ascii_alphanumeric() && *c != b'.')
                    .map_or(start, |k| start + k + 1);
                let word = &text[last..end];
                // Its shape is needed only for a word of the lists.
                let lists = match word.is_empty() {
                    true => 0,
                    false => rules.lex.lists(word, buf) & rules.suffixes,
                };
                if lists != 0 && lists & rules.lex.mask(word_kind(word)) != 0 {
                    push_window(out, left(b, start, 7), right(b, end, 1));
                }
            }
            continue;
        }
        let (end, kind) = plain_word(text, i).map_or_else(
            || {
                let end = word_end(text, i).max(i + 1);
                (end, word_kind(&text[i..end]))
            },
            |(end, kind, _)| (end, kind),
        );
        let lists = trigger_lists(rules, text, (i, end), kind, buf);
        match kind {
            Kind::Cap => seen.known.push((i, end, lists)),
            Kind::Upper => seen.caps.add(&b[i..end]),
            _ => {}
        }
        if let Some((before, after)) = trigger(rules, text, i, end, kind, lists, buf) {
            push_window(out, left(b, i, before), right(b, end, after));
        }
        i = end;
    }
}

/// Whether the place at `start..end` comes before a capitalized word: the
/// first word of a longer name ("the Pittsburgh Pirates") or a given name
/// ("Paris Hilton").
fn place_names_more(b: &[u8], end: usize) -> bool {
    b[end..]
        .iter()
        .find(|c| !c.is_ascii_whitespace())
        .is_some_and(u8::is_ascii_uppercase)
}

/// Adds the window `a..z`, merged with those it touches (a later trigger
/// may need more context before it than an earlier one).
fn push_window(out: &mut Vec<(usize, usize)>, mut a: usize, mut z: usize) {
    while let Some(&(x, y)) = out.last() {
        if a > y {
            break;
        }
        a = a.min(x);
        z = z.max(y);
        out.pop();
    }
    out.push((a, z));
}

/// The lists of a free word of shape `kind` that [`trigger`] reads: those
/// of a capitalized word, and of a word in capitals of four bytes at most
/// (of the anchors, only legal forms are written in capitals); none of the
/// others'.
fn trigger_lists(
    rules: &RuleSet,
    text: &str,
    (i, end): (usize, usize),
    kind: Kind,
    buf: &mut String,
) -> ListBits {
    match kind {
        Kind::Cap => rules.lex.lookup_inline(text, (i, end), kind, buf),
        Kind::Upper if end - i <= 4 => rules.lex.lookup_inline(text, (i, end), kind, buf),
        _ => 0,
    }
}

/// Whether the word `text[i..end]` (free, of shape `kind`, in the lists
/// `lists` as [`trigger_lists`] finds them) may take part in a rule match
/// that no other trigger would find; if so, the chunks of context its rules
/// need before and after it. Inlined into its one caller, which runs it
/// for most capitalized words: a call costs much of what it does.
#[inline(always)]
fn trigger(
    rules: &RuleSet,
    text: &str,
    i: usize,
    end: usize,
    kind: Kind,
    lists: ListBits,
    buf: &mut String,
) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let next = b[end..].iter().find(|c| !c.is_ascii_whitespace()).copied();
    match kind {
        // `M. Waugh`, `J.R. Smith`: an initial before a capitalized word.
        Kind::Initial => {
            let rest = &b[end..];
            let k = rest
                .iter()
                .position(|&c| c != b'.' && !c.is_ascii_whitespace())
                .unwrap_or(rest.len());
            rest.get(k)
                .is_some_and(|c| c.is_ascii_uppercase() || *c >= 0x80)
                .then_some((2, 3))
        }
        Kind::Upper => {
            // A dateline starts a line: "SEOUL, July 31", "BRUSSELS 1996-08-22".
            let line_start = b[..i]
                .iter()
                .rev()
                .find(|c| !matches!(c, b' ' | b'\t' | b'\r'))
                .is_none_or(|&c| c == b'\n');
            let dateline = line_start
                && next.is_some_and(|c| {
                    c == b',' || c == b'(' || c.is_ascii_digit() || c.is_ascii_uppercase()
                });
            let ctx = context(rules, lists & rules.anchors);
            // An acronym in running text: a lower-case word beside it.
            let prose = next.is_some_and(|c| c.is_ascii_lowercase())
                || b[..i]
                    .trim_ascii_end()
                    .last()
                    .is_some_and(u8::is_ascii_lowercase);
            match (dateline, ctx) {
                (true, Some((x, y))) => Some((x, y.max(5))),
                (true, None) => Some((0, 5)),
                (false, None) if prose => Some((1, 1)),
                (false, ctx) => ctx,
            }
        }
        Kind::Cap => {
            let mut bits = lists;
            if bits & rules.inert != 0 {
                // No name part; still a title or a head ("General").
                bits &= !rules.given;
            }
            let anchor = context(rules, bits & rules.anchors);
            if anchor.is_none() && bits & rules.inert != 0 {
                return None;
            }
            // A name before a comma (an apposition), or after a role
            // word ("spokesman John Doe"). Each cue widens the context to
            // the chunks it needs, so a cue is looked for only where the
            // context lacks them.
            let mut ctx = anchor;
            let needs = |ctx: Option<(usize, usize)>, (x, y): (usize, usize)| {
                !ctx.is_some_and(|(a, b)| a >= x && b >= y)
            };
            let with = |ctx: &mut Option<(usize, usize)>, c: (usize, usize)| {
                *ctx = Some(ctx.map_or(c, |(x, y)| (x.max(c.0), y.max(c.1))));
            };
            if next == Some(b',') {
                with(&mut ctx, (3, 11));
            }
            // A name before its country in parentheses ("Jan Kroslak
            // (Slovakia)").
            if next == Some(b'(') {
                with(&mut ctx, (3, 4));
            }
            // A firm's name joined by "&" ("Douglas & Lomason").
            if next == Some(b'&') {
                with(&mut ctx, (2, 4));
            }
            // The word before, found once for the cues that read it (most
            // words need it: found at once, it costs less than kept for
            // later in a cell).
            let before = word_before(b, i);
            // Two chunks back: the quotation before a verb of speech
            // ('work," said Parnevik'). A place a word before names as one
            // ("near Dabiq,", "the town of Azaz"). Context for a role holds
            // that for a place.
            if needs(ctx, (2, 4)) {
                let (role, place) = cues_before(rules, text, before, buf);
                if role {
                    with(&mut ctx, (2, 4));
                }
                if place {
                    with(&mut ctx, (2, 3));
                }
            }
            // A place or a publication before its kind ("the Tigris
            // river", "the Zycie Warszawy daily"): the noun, and the verb
            // after "daily" ("daily said").
            // The lower-case word after, found once for the two cues that
            // read it: none unless the next byte is a lower-case letter.
            let after = match next {
                Some(c) if c.is_ascii_lowercase() => lower_word_after(b, end),
                _ => None,
            };
            if needs(ctx, (2, 2)) && next_is_kind_noun(rules, text, after, buf) {
                with(&mut ctx, (2, 2));
            }
            // A definition: "Aisby is a village".
            if needs(ctx, (1, 9)) && defined_as_a(b, end) {
                with(&mut ctx, (1, 9));
            }
            // A fixture ("East Fife v Clydebank"): both teams and what ends
            // each.
            if needs(ctx, (3, 3)) && beside_versus(rules, text, after, before, buf) {
                with(&mut ctx, (3, 3));
            }
            ctx
        }
        _ => None,
    }
}

/// Whether " is a " or " is an " follows `end`.
fn defined_as_a(b: &[u8], end: usize) -> bool {
    let rest = &b[end..b.len().min(end + 7)];
    rest.starts_with(b" is a ") || rest.starts_with(b" is an ")
}

/// The context the anchor lists of `bits` need, if any.
fn context(rules: &RuleSet, bits: ListBits) -> Option<(usize, usize)> {
    if bits == 0 {
        return None;
    }
    let mut ctx = (0, 0);
    let mut rest = bits;
    while rest != 0 {
        let k = rest.trailing_zeros() as usize;
        let (before, after) = rules.contexts.get(k).copied().unwrap_or_default();
        ctx = (ctx.0.max(before), ctx.1.max(after));
        rest &= rest - 1;
    }
    Some(ctx)
}

/// What the words before a word say of it, given the word right before it
/// ([`word_before`]): whether that is a lower-case role word, and whether
/// they introduce a place name: a word of `place_before` ("near"), or a
/// lower-case kind of place and "of" ("the town of"). The word before is
/// looked up once for both.
fn cues_before(
    rules: &RuleSet,
    text: &str,
    before: Option<(usize, usize)>,
    buf: &mut String,
) -> (bool, bool) {
    let b = text.as_bytes();
    let Some((s, e)) = before else {
        return (false, false);
    };
    // Looked up whatever its shape: a role word is looked up as `Lower`
    // (one starting in lower case may have a digit), and the shape is
    // needed only for a word of `place_before`.
    let lists = rules.lex.lists_inline(text, (s, e), buf);
    let role = b[s].is_ascii_lowercase() && lists & rules.lex.mask(Kind::Lower) & rules.roles != 0;
    if rules.place_before | rules.place_kinds == 0 {
        return (role, false);
    }
    let place = if b[s..e].eq_ignore_ascii_case(b"of") {
        match word_before(b, s) {
            Some((s, e)) if b[s].is_ascii_lowercase() => {
                rules.lex.lookup(&text[s..e], Kind::Lower, buf) & rules.place_kinds != 0
            }
            _ => false,
        }
    } else {
        lists & rules.place_before != 0
            && lists & rules.lex.mask(word_kind(&text[s..e])) & rules.place_before != 0
    };
    (role, place)
}

/// Whether the word after a word, `after` ([`lower_word_after`]), or the
/// word before it, `before` ([`word_before`]), is a word of `team_versus`
/// ("v") in lower case.
fn beside_versus(
    rules: &RuleSet,
    text: &str,
    after: Option<(usize, usize)>,
    before: Option<(usize, usize)>,
    buf: &mut String,
) -> bool {
    let versus = rules.team_cues.versus;
    if versus == 0 {
        return false;
    }
    let b = text.as_bytes();
    let mut is_versus = |(s, e): (usize, usize)| {
        let word = &text[s..e];
        rules.screens.versus.may_hold(word)
            && rules.lex.lookup(word, Kind::Lower, buf) & versus != 0
    };
    after.is_some_and(&mut is_versus)
        || before.is_some_and(|(s, e)| b[s].is_ascii_lowercase() && is_versus((s, e)))
}

/// The word of ASCII letters after `end`, past white space, if it starts
/// in lower case.
fn lower_word_after(b: &[u8], end: usize) -> Option<(usize, usize)> {
    let s = end
        + b[end..]
            .iter()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
    if !b.get(s).is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    let e = s + b[s..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    Some((s, e))
}

/// Whether the word after a word, `after` ([`lower_word_after`]), is a
/// lower-case kind of place ("river") or of publication ("daily").
fn next_is_kind_noun(
    rules: &RuleSet,
    text: &str,
    after: Option<(usize, usize)>,
    buf: &mut String,
) -> bool {
    if rules.kind_nouns == 0 {
        return false;
    }
    after.is_some_and(|(s, e)| {
        let word = &text[s..e];
        rules.screens.kind_nouns.may_hold(word)
            && rules.lex.lookup(word, Kind::Lower, buf) & rules.kind_nouns != 0
    })
}

/// The bytes of [`word_before`]'s words, by value: one load a byte where
/// the three ranges and the hyphen are four tests.
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric() || c as u8 == b'-';
        c += 1;
    }
    t
};

/// The word (ASCII letters, digits and hyphens) before `i`, past white
/// space; `None` if punctuation or nothing comes first.
pub(crate) fn word_before(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let e = b[..i].trim_ascii_end().len();
    let s = e - b[..e]
        .iter()
        .rev()
        .take_while(|&&c| WORD_BYTES[usize::from(c)])
        .count();
    (s < e).then_some((s, e))
}

/// Whether the word "the" (or "The") comes before `start`, with white space
/// between.
pub(crate) fn after_the(text: &str, start: usize) -> bool {
    word_before(text.as_bytes(), start)
        .is_some_and(|(s, e)| e < start && matches!(&text[s..e], "the" | "The"))
}

/// The first index from `i` holding an ASCII capital or a non-ASCII byte.
#[inline]
fn skip_to_candidate(b: &[u8], i: usize) -> usize {
    skip_to_range(b, i, b'A'..=b'Z', true)
}

/// The start of the window that holds the chunk of `i` and `n` chunks
/// before it: the end of the chunk before them, or 0.
///
/// That is the end of the `n + 1`-th chunk that ends before `i`, found by
/// counting the last bytes of chunks (bytes before white space) eight bytes
/// at a time: a walk of one byte at a time cost six instructions a byte,
/// and a window's context reaches up to a dozen chunks.
pub(crate) fn left(b: &[u8], i: usize, n: usize) -> usize {
    let mut wanted = n + 1;
    // The bytes before `p` are still to read; `space_at_p`: whether `b[p]`
    // is white space, in the high bit of the top byte.
    let Some(mut p) = i.checked_sub(1) else {
        return 0;
    };
    let mut space_at_p = high_if(b[p].is_ascii_whitespace()) << 56;
    while p >= 8 {
        let ws = ascii_whitespace_in_text(load_le(&b[p - 8..p]));
        let last_bytes = !ws & (ws >> 8 | space_at_p) & HIGH;
        let count = count_high(last_bytes);
        if wanted <= count {
            return p - 8 + nth_highest(last_bytes, wanted) + 1;
        }
        wanted -= count;
        space_at_p = (ws & 0x80) << 56;
        p -= 8;
    }
    let mut space_after = space_at_p != 0;
    while p > 0 {
        p -= 1;
        let space = b[p].is_ascii_whitespace();
        if !space && space_after {
            wanted -= 1;
            if wanted == 0 {
                return p + 1;
            }
        }
        space_after = space;
    }
    0
}

/// The end of the `n`-th chunk after `i`, or of `b` (never in a chunk).
///
/// That is the end of the `n + 1`-th chunk that ends at `i` or after it
/// when `i` is in a chunk or ends one; else of the `n`-th (`i` itself for
/// `n` 0). Found as in [`left`], by counting the white space bytes after a
/// chunk eight bytes at a time; the end of `b` ends a chunk too.
pub(crate) fn right(b: &[u8], i: usize, n: usize) -> usize {
    if i >= b.len() {
        return i;
    }
    let chunk_before = i > 0 && !b[i - 1].is_ascii_whitespace();
    let in_chunk = chunk_before || !b[i].is_ascii_whitespace();
    let mut wanted = if in_chunk { n + 1 } else { n };
    if wanted == 0 {
        return i;
    }
    // `chunk_before`: whether `b[p - 1]` is no white space, in the high bit
    // of the lowest byte.
    let mut p = i;
    let mut chunk_before = high_if(chunk_before);
    while p + 8 <= b.len() {
        let ws = ascii_whitespace_in_text(load_le(&b[p..p + 8]));
        let chunk = !ws & HIGH;
        let ends = ws & (chunk << 8 | chunk_before);
        let count = count_high(ends);
        if wanted <= count {
            return p + nth_lowest(ends, wanted);
        }
        wanted -= count;
        chunk_before = chunk >> 56;
        p += 8;
    }
    let mut chunk_before = chunk_before != 0;
    while p < b.len() {
        let space = b[p].is_ascii_whitespace();
        if space && chunk_before {
            wanted -= 1;
            if wanted == 0 {
                return p;
            }
        }
        chunk_before = !space;
        p += 1;
    }
    b.len()
}

/// 0x80 if `yes`, else 0: a byte's high bit.
fn high_if(yes: bool) -> u64 {
    u64::from(yes) << 7
}

/// The byte of the `n`-th lowest high bit of `bits` (`n` from 1, at most
/// the count of its bits).
fn nth_lowest(mut bits: u64, n: usize) -> usize {
    for _ in 1..n {
        bits &= bits - 1;
    }
    (bits.trailing_zeros() / 8) as usize
}

/// The byte of the `n`-th highest high bit of `bits` (`n` from 1, at most
/// the count of its bits).
fn nth_highest(mut bits: u64, n: usize) -> usize {
    for _ in 1..n {
        bits &= !(1 << (63 - bits.leading_zeros()));
    }
    ((63 - bits.leading_zeros()) / 8) as usize
}

/// Sets each token's mention label from the document's mentions of `field`
/// (sorted by start). A compound adjective that only begins with a mention
/// ("Boston-based", a `lower` token) lies in none: it is no word of a name
/// ("[Boston]-based [Reagan Communications]"). Nor does a period that ends
/// a mention ("Wenatchee, Wash."): it may end the sentence too, and the
/// name after it starts another ("Wash. [Asamera] said").
pub(crate) fn mark_mentions(tokens: &mut [Token], mentions: &[Mention], field: Field) {
    let mut ms = mentions.iter().filter(|m| m.field == field).peekable();
    for t in tokens.iter_mut() {
        t.mention = 0;
        while ms.peek().is_some_and(|m| m.span.end as u32 <= t.start) {
            ms.next();
        }
        if let Some(m) = ms.peek() {
            let end = m.span.end as u32;
            if m.span.start as u32 <= t.start
                && !(t.kind == Kind::Lower && end < t.end)
                && !(t.kind == Kind::Period && end == t.end)
            {
                t.mention = mention_index(m.label);
            }
        }
    }
}

/// Mentions to remove and to add, merged at the end so that indices held
/// by short forms stay right.
#[derive(Default)]
pub(crate) struct Edit {
    pub removed: Vec<usize>,
    pub added: Vec<Mention>,
    /// `removed` as a set, and the spans of `added`: looked up per proposal,
    /// so they must not be scanned (a huge document has many of each).
    removed_set: HashSet<usize, FxBuild>,
    added_spans: Taken,
}

impl Edit {
    /// An empty edit, in the buffers of the last one finished on this
    /// thread (an edit is made per stage of the rules and document, most
    /// of them small: buffers made, grown and freed each time cost more
    /// than filling them).
    pub(crate) fn new() -> Edit {
        FINISH
            .with(|f| f.try_borrow_mut().map(|mut f| std::mem::take(&mut f.spare)))
            .unwrap_or_default()
    }

    /// Whether mention `i` is marked for removal.
    pub(crate) fn is_removed(&self, i: usize) -> bool {
        self.removed_set.contains(&i)
    }

    /// Marks mention `i` for removal.
    pub(crate) fn remove(&mut self, i: usize) {
        if self.removed_set.insert(i) {
            self.removed.push(i);
        }
    }

    /// Adds a mention.
    pub(crate) fn add(&mut self, m: Mention) {
        self.added_spans.insert(m.field, m.span);
        self.added.push(m);
    }

    /// Applies the edit: removes, adds, sorts, and remaps the antecedents of
    /// short forms (a short form whose antecedent went goes too).
    pub(crate) fn finish(self, doc: &mut Doc<'_>) {
        let unchanged = self.removed.is_empty() && self.added.is_empty();
        FINISH.with(|f| match f.try_borrow_mut() {
            // Its buffers are kept all the same, for the next edit.
            Ok(mut f) if unchanged => f.spare = self.emptied(),
            Ok(mut f) => self.apply(doc, &mut f),
            Err(_) if unchanged => {}
            Err(_) => self.apply(doc, &mut FinishBuffers::default()),
        });
    }

    /// [`Edit::finish`], with the buffers of [`FinishBuffers`]. The mentions
    /// are sorted by position, as every edit leaves them, and those added
    /// are few: they are sorted and merged in, not all sorted again. The
    /// result swaps places with the mentions' own buffer.
    fn apply(mut self, doc: &mut Doc<'_>, bufs: &mut FinishBuffers) {
        let FinishBuffers {
            new_index,
            merged,
            spare,
        } = bufs;
        let mentions = &mut doc.mentions;
        let n = mentions.len();
        new_index.clear();
        new_index.resize(n, 0);
        for &i in &self.removed {
            new_index[i] = GONE;
        }
        for (i, m) in mentions.iter().enumerate() {
            if let Evidence::ShortForm { antecedent, .. } = m.evidence {
                if new_index
                    .get(antecedent as usize)
                    .is_none_or(|&a| a == GONE)
                {
                    new_index[i] = GONE;
                }
            }
        }
        self.added.sort_by_key(position);
        merged.clear();
        if mentions.is_sorted_by_key(position) {
            merge_sorted(mentions, self.added.drain(..), new_index, merged);
        } else {
            let mut all: Vec<(u32, Mention)> = (mentions.iter().enumerate())
                .filter(|&(i, _)| new_index[i] != GONE)
                .map(|(i, m)| (i as u32, *m))
                .collect();
            all.extend(self.added.drain(..).map(|m| (GONE, m)));
            all.sort_by_key(|(_, m)| position(m));
            for (old, m) in all {
                if old != GONE {
                    new_index[old as usize] = merged.len() as u32;
                }
                merged.push(m);
            }
        }
        for m in merged.iter_mut() {
            if let Evidence::ShortForm { antecedent, .. } = &mut m.evidence {
                *antecedent = new_index[*antecedent as usize];
            }
        }
        std::mem::swap(mentions, merged);
        *spare = self.emptied();
    }

    /// The edit emptied, its buffers kept.
    fn emptied(mut self) -> Edit {
        self.removed.clear();
        self.added.clear();
        self.removed_set.clear();
        self.added_spans.clear();
        self
    }
}

/// The index of a mention that goes, in [`FinishBuffers::new_index`].
const GONE: u32 = u32::MAX;

/// The order of mentions: by field and position.
fn position(m: &Mention) -> (Field, usize, usize) {
    (m.field, m.span.start, m.span.end)
}

/// Merges `added` (sorted) into the `mentions` (sorted) that stay (those
/// whose `new_index` is not [`GONE`]) into `merged`, as a stable sort of
/// the mentions that stay, then those added, orders them (a mention before
/// one added at the same position), and sets the `new_index` of each that
/// stays. The mentions between two removed or added are copied as one run:
/// most edits change a few of many.
fn merge_sorted(
    mentions: &[Mention],
    added: impl Iterator<Item = Mention>,
    new_index: &mut [u32],
    merged: &mut Vec<Mention>,
) {
    let mut added = added.peekable();
    let mut i = 0;
    while i < mentions.len() {
        if new_index[i] == GONE {
            i += 1;
            continue;
        }
        let end = new_index[i..]
            .iter()
            .position(|&x| x == GONE)
            .map_or(mentions.len(), |k| i + k);
        while i < end {
            // The mentions of the run that go before the next one added.
            let to = added.peek().map_or(end, |a| {
                i + mentions[i..end].partition_point(|m| position(m) <= position(a))
            });
            for (k, slot) in new_index[i..to].iter_mut().enumerate() {
                *slot = (merged.len() + k) as u32;
            }
            merged.extend_from_slice(&mentions[i..to]);
            i = to;
            if i < end {
                // The next one added goes before the mention at `i`.
                merged.extend(added.next());
            }
        }
    }
    merged.extend(added);
}

/// The buffers of [`Edit::apply`], kept by the thread.
#[derive(Default)]
struct FinishBuffers {
    /// Each mention's new index (first whether it stays).
    new_index: Vec<u32>,
    /// The mentions after the edit, in order.
    merged: Vec<Mention>,
    /// The last edit finished, emptied, for [`Edit::new`].
    spare: Edit,
}

thread_local! {
    /// Apart from `SCRATCH`: edits are finished while it is borrowed.
    static FINISH: RefCell<FinishBuffers> = RefCell::default();
}

/// Adds one proposal if its span is free, or if it only overlaps mentions it
/// may take over; an exact dictionary mention of the same label is kept.
/// `overlapping` is scratch space.
fn commit(
    rules: &RuleSet,
    doc: &mut Doc<'_>,
    taken: &mut Taken,
    edit: &mut Edit,
    overlapping: &mut Vec<usize>,
    p: Proposal,
) {
    let r = &rules.rules[p.rule as usize];
    let mut entity = None;
    if taken.overlapping(p.field, p.span).is_some() {
        // Which existing mentions overlap? Mentions are sorted by position.
        overlapping.clear();
        overlapping.extend(
            overlapping_mentions(&doc.mentions, p.field, p.span).filter(|&i| !edit.is_removed(i)),
        );
        let added_overlap = edit.added_spans.overlapping(p.field, p.span).is_some();
        // "Cyril Ramaphosa" around the family name "Ramaphosa": the whole
        // name, of the entry, if its first names fit the entry's; else
        // another person of that family name, found by the rule.
        let family = match overlapping.as_slice() {
            [i] if !added_overlap && p.label == Label::Person => {
                family_name_of(doc, p.field, p.span, &doc.mentions[*i])
            }
            _ => None,
        };
        if let Some((entry, fits)) = family {
            entity = fits.then_some(EntityRef::Entry(entry));
        }
        // "Exxon Inc", "J. Henry Schroder Wagg and Co Ltd": a firm of the
        // dictionary with its legal form is still that firm.
        if let ([i], false, Label::Organization) = (overlapping.as_slice(), added_overlap, p.label)
        {
            entity =
                entity.or_else(|| with_legal_form(rules, doc, p.field, p.span, &doc.mentions[*i]));
        }
        let may_take = !added_overlap
            && !overlapping.is_empty()
            && overlapping.iter().all(|&i| {
                let m = &doc.mentions[i];
                (r.overrides.contains(&m.label) || family.is_some())
                    && p.span.start <= m.span.start
                    && m.span.end <= p.span.end
                    && !(m.span == p.span && m.label == p.label)
                    // Only a title or honorific beats a dictionary name of
                    // exactly the same span ("Mr. Jordan"); a suffix does not
                    // ("West Bank" stays a place).
                    && (m.span != p.span || p.label == Label::Person)
            });
        if !may_take {
            return;
        }
        for &i in overlapping.iter() {
            taken.remove(p.field, doc.mentions[i].span);
            edit.remove(i);
        }
    }
    if let Some(entity) = entity {
        taken.insert(p.field, p.span);
        edit.add(Mention {
            span: p.span,
            field: p.field,
            label: p.label,
            entity,
            evidence: Evidence::Rule { rule: p.rule },
        });
        return;
    }
    let text = doc.field_text(p.field);
    // Borrowed from the text and the rule: `local_entity` copies only what
    // it keeps.
    let name = text.get(p.span.range()).unwrap_or("");
    let office = p
        .office
        .and_then(|s| text.get(s.range()))
        .map(str::to_string);
    let country = p.country.and_then(|s| country_in(doc, p.field, s));
    let kind = r.kind.as_deref().unwrap_or_else(|| default_kind(p.label));
    let local = local_entity(doc, p.label, name, kind, country, office);
    taken.insert(p.field, p.span);
    edit.add(Mention {
        span: p.span,
        field: p.field,
        label: p.label,
        entity: EntityRef::Local(local),
        evidence: Evidence::Rule { rule: p.rule },
    });
}

/// Drops the mentions `dropped` (indices in order, each with its reason):
/// one a dictionary alias found is kept in [`Doc::rejected`] with the
/// reason.
pub(crate) fn drop_mentions(doc: &mut Doc<'_>, taken: &mut Taken, dropped: &[(usize, Reason)]) {
    let mut edit = Edit::new();
    for &(i, reason) in dropped {
        let m = doc.mentions[i];
        taken.remove(m.field, m.span);
        edit.remove(i);
        if let Evidence::Alias { alias }
        | Evidence::ShortForm { alias, .. }
        | Evidence::Titled { alias } = m.evidence
        {
            doc.rejected.push(Rejected {
                span: m.span,
                field: m.field,
                alias,
                reason,
            });
        }
    }
    edit.finish(doc);
}

/// Adds a person a rule found at `span` of `field`, a local entity named by
/// the span's text.
pub(crate) fn add_person(doc: &mut Doc<'_>, edit: &mut Edit, field: Field, span: Span, rule: u32) {
    let name = doc.field_text(field)[span.range()].to_string();
    let local = local_entity(doc, Label::Person, &name, "person", None, None);
    edit.add(Mention {
        span,
        field,
        label: Label::Person,
        entity: EntityRef::Local(local),
        evidence: Evidence::Rule { rule },
    });
}

/// A firm's name without its legal form, so that "Burton Group Plc" and
/// "Burton Group" are one entity: "Inc", "Co Ltd", "and Co" come off the
/// end; the first word stays.
pub(crate) fn without_legal_form<'a>(rules: &RuleSet, name: &'a str) -> &'a str {
    let mut buf = String::new();
    let mut stripped = name;
    while let Some(k) = stripped.rfind(|c: char| c.is_ascii_whitespace()) {
        let word = stripped[k + 1..].trim_end_matches(['.', ',']);
        let legal = rules.screens.legal_forms.may_hold(word)
            && rules.lex.lookup(word, Kind::Upper, &mut buf) & rules.legal_forms != 0;
        // "and" before a legal form that came off ("Wagg and Co Ltd").
        let joins = stripped.len() < name.len() && matches!(word, "and" | "&");
        if !(legal || joins) {
            break;
        }
        stripped = stripped[..k].trim_end_matches(|c: char| c.is_ascii_whitespace() || c == ',');
    }
    stripped
}

/// The entry of `m`, a dictionary organization, if the rule's name at
/// `span` is `m` and legal forms after it ("Inc", "Co Ltd", "and Co").
fn with_legal_form(
    rules: &RuleSet,
    doc: &Doc<'_>,
    field: Field,
    span: Span,
    m: &Mention,
) -> Option<EntityRef> {
    let (EntityRef::Entry(_), Evidence::Alias { .. }, Label::Organization) =
        (m.entity, m.evidence, m.label)
    else {
        return None;
    };
    if m.span.start != span.start || m.span.end >= span.end {
        return None;
    }
    // The words after the entry's name come off with the legal forms (the
    // entry's own name may end in one: "Merrill Lynch and Co" + "Inc").
    let name = doc.field_text(field).get(span.range())?;
    let bare = without_legal_form(rules, name);
    (span.start + bare.len() <= m.span.end).then_some(m.entity)
}

/// Whether `m` is a dictionary person named by a family name alone (an
/// alias of one word, or a short form the entry's title introduced) that
/// ends the rule's name at `span`: its entry, and whether the words before
/// it fit the entry's names (each starts like a word of the entry's name or
/// aliases: "Cyril" in "Matamela Cyril Ramaphosa", "Sitivene" for
/// "Sitiveni"; an initial like a word's). Where they do not, the rule's
/// name is another person of the family: "Nancy Reagan" after "President
/// Reagan". A short form after the full name is left alone: there the name
/// around it is as often the same person by a nickname ("Bill Webster"
/// after "William Webster") as a relative.
fn family_name_of(doc: &Doc<'_>, field: Field, span: Span, m: &Mention) -> Option<(u32, bool)> {
    let EntityRef::Entry(entry) = m.entity else {
        return None;
    };
    let by_family_name = match m.evidence {
        Evidence::Alias { .. } | Evidence::Titled { .. } => true,
        Evidence::ShortForm { antecedent, .. } => doc
            .mentions
            .get(antecedent as usize)
            .is_some_and(|a| matches!(a.evidence, Evidence::Titled { .. })),
        _ => false,
    };
    if !by_family_name || m.label != Label::Person {
        return None;
    }
    if m.span.end != span.end || m.span.start <= span.start {
        return None;
    }
    let text = doc.field_text(field);
    if text[m.span.range()].contains(char::is_whitespace) {
        return None;
    }
    let e = &doc.inner.dict.entries()[entry as usize];
    let words = || {
        e.aliases
            .iter()
            .flat_map(|a| a.text.split(|c: char| c.is_whitespace() || c == '-'))
            .chain(e.name.split(|c: char| c.is_whitespace() || c == '-'))
    };
    let given = text[span.start..m.span.start].split(|c: char| c.is_whitespace() || c == '-');
    let fits = given.filter(|g| !g.is_empty()).all(|g| {
        let g = g.trim_end_matches('.');
        let n = if g.chars().count() <= 1 { 1 } else { 3 };
        words().any(|w| starts_alike(w, g, n))
    });
    Some((entry, fits))
}

/// Whether `a` and `b` start with the same `n` characters, case aside (all
/// of the shorter one's, if fewer).
fn starts_alike(a: &str, b: &str, n: usize) -> bool {
    let fold = |s: &str| {
        s.chars()
            .flat_map(char::to_lowercase)
            .take(n)
            .collect::<String>()
    };
    let (a, b) = (fold(a), fold(b));
    !a.is_empty() && a == b
}

/// Indices of the mentions of `field` overlapping `span`, found by binary
/// search in the sorted mentions (the dictionary stage's mentions never
/// overlap, so the walk stops at the first one that does not).
pub(crate) fn overlapping_mentions(
    mentions: &[Mention],
    field: Field,
    span: Span,
) -> impl Iterator<Item = usize> + '_ {
    let at = mentions.partition_point(|m| (m.field, m.span.start) < (field, span.start));
    let mut lo = at;
    while lo > 0 {
        let m = &mentions[lo - 1];
        if m.field != field || m.span.end <= span.start {
            break;
        }
        lo -= 1;
    }
    (lo..mentions.len())
        .take_while(move |&i| mentions[i].field == field && mentions[i].span.start < span.end)
        .filter(move |&i| mentions[i].span.overlaps(span))
}

fn default_kind(label: Label) -> &'static str {
    match label {
        Label::Person => "person",
        Label::Organization => "organization",
        Label::Place => "place",
        Label::Nationality => "demonym",
    }
}

/// The country code of the first dictionary mention with a country inside
/// `span`.
fn country_in(doc: &Doc<'_>, field: Field, span: Span) -> Option<String> {
    overlapping_mentions(&doc.mentions, field, span)
        .map(|i| &doc.mentions[i])
        .filter(|m| span.start <= m.span.start && m.span.end <= span.end)
        .find_map(|m| {
            doc.entry(m)
                .and_then(|e| e.country.as_deref().map(str::to_string))
        })
}

/// The local entity of that label and name, made if new. Later facts
/// (office, country) fill what is missing.
pub(crate) fn local_entity(
    doc: &mut Doc<'_>,
    label: Label,
    name: &str,
    kind: &str,
    country: Option<String>,
    office: Option<String>,
) -> u32 {
    let name = &*on_one_line(name);
    let name = match label {
        Label::Organization => without_legal_form(&doc.inner.rules, name),
        _ => name,
    };
    let office = office.map(|o| match on_one_line(&o) {
        Cow::Owned(one_line) => one_line,
        Cow::Borrowed(_) => o,
    });
    let known = doc.local_of(label, name);
    if known != NO_LOCAL {
        let e = &mut doc.locals[known as usize];
        if e.office.is_none() {
            e.office = office;
        }
        if e.country.is_none() {
            e.country = country;
        }
        return known;
    }
    // Into the strings of a dropped document's entity, when the thread
    // keeps one; pushed rather than `format!`ted, the slug straight into
    // the id: this runs for every new name.
    let mut entity = LocalEntity::spare();
    let prefix = label.as_str();
    let id = &mut entity.id;
    id.reserve(8 + prefix.len() + name.len());
    for part in ["local:", prefix, ":"] {
        id.push_str(part);
    }
    push_slug(id, name);
    let stem = id.len();
    let mut n = 2;
    while doc.local_id_taken(id) {
        id.truncate(stem);
        let _ = write!(id, "-{n}");
        n += 1;
    }
    doc.add_local_id(id);
    doc.index_local(label, name, doc.locals.len() as u32);
    entity.name.push_str(name);
    entity.label = label;
    entity.kind.push_str(kind);
    entity.country = country;
    entity.office = office;
    doc.locals.push(entity);
    (doc.locals.len() - 1) as u32
}

/// Appends the slug of `name` to `out`: folded, lower-cased letters and
/// digits, other runs as one `-`, none at either end.
fn push_slug(out: &mut String, name: &str) {
    let base = out.len();
    // Whole runs copied, then lower-cased in place, not a char at a time:
    // this runs for every new name.
    let mut push_run = |run: &str| {
        if out.len() > base {
            out.push('-');
        }
        let at = out.len();
        out.push_str(run);
        out[at..].make_ascii_lowercase();
    };
    // Most names are ASCII: their runs are found a byte at a time, with no
    // chars decoded.
    if name.is_ascii() {
        let b = name.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let start = i + b[i..]
                .iter()
                .take_while(|c| !c.is_ascii_alphanumeric())
                .count();
            i = start
                + b[start..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
            if i > start {
                push_run(&name[start..i]);
            }
        }
        return;
    }
    let folded = crate::normalize::fold(name);
    for run in folded.split(|c: char| !c.is_alphanumeric()) {
        if !run.is_empty() {
            push_run(run);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::token::tokenize_range;

    #[test]
    fn slugs_join_runs_of_letters_and_digits() {
        for (name, want) in [
            ("Ahn Gyu-back", "ahn-gyu-back"),
            ("  A.B. (Holdings) 2 ", "a-b-holdings-2"),
            ("--", ""),
            ("Société Générale", "societe-generale"),
            ("Ünal  Kaya-Ödül", "unal-kaya-odul"),
        ] {
            let mut out = String::from("local:");
            push_slug(&mut out, name);
            assert_eq!(out, format!("local:{want}"), "{name:?}");
        }
    }

    #[test]
    fn known_words_tokenize_as_read_anew() {
        let doc = crate::Tagger::default().tag("");
        let rules = &doc.inner.rules;
        let text = "WASHINGTON, March 3 - Defense Secretary Caspar Weinberger told \
                    Gen. John Vessey and Mr. O'Brien's aides in Washington D.C. that \
                    U.S. Steel Corp. and the Boston-based Gillette Co would sell \
                    Dynamo Moscow shares to \u{c9}lise Dupont, spokesman Ahn Gyu-back said.";
        let (mut windows, mut seen, mut buf) = (Vec::new(), Seen::default(), String::new());
        find_windows(
            rules,
            text,
            &[],
            Field::Text,
            &mut windows,
            &mut seen,
            &mut buf,
        );
        let known = seen.known;
        assert!(known.len() > 10);
        let shape = |t: &Token| (t.start, t.end, t.kind, t.lists);
        for &(a, b) in &windows {
            let (mut fresh, mut reused) = (Vec::new(), Vec::new());
            tokenize_range(text, a, b, LineBreaks::Hard, &rules.lex, &mut fresh);
            tokenize_range_known(
                text,
                (a, b),
                LineBreaks::Hard,
                &rules.lex,
                &known,
                &mut reused,
            );
            let fresh: Vec<_> = fresh.iter().map(shape).collect();
            assert_eq!(reused.iter().map(shape).collect::<Vec<_>>(), fresh);
        }
    }

    #[test]
    fn windows_merge_backwards() {
        let mut w = vec![(0, 5), (10, 20)];
        push_window(&mut w, 4, 25);
        assert_eq!(w, [(0, 25)]);
        push_window(&mut w, 30, 31);
        assert_eq!(w, [(0, 25), (30, 31)]);
    }

    #[test]
    fn windows_do_not_cut_chunks() {
        let b = b"one two  three\nfour five";
        assert_eq!(left(b, 9, 1), 3);
        assert_eq!(left(b, 11, 0), 7);
        assert_eq!(right(b, 9, 1), 19);
        assert_eq!(right(b, 0, 0), 3);
    }

    #[test]
    fn windows_end_where_a_walk_ends() {
        // The walks one byte at a time that `left` and `right` count.
        fn walk_left(b: &[u8], mut i: usize, n: usize) -> usize {
            let space = |i: usize| b[i - 1].is_ascii_whitespace();
            while i > 0 && !space(i) {
                i -= 1;
            }
            for _ in 0..n {
                while i > 0 && space(i) {
                    i -= 1;
                }
                while i > 0 && !space(i) {
                    i -= 1;
                }
            }
            while i > 0 && space(i) {
                i -= 1;
            }
            i
        }
        fn walk_right(b: &[u8], mut i: usize, n: usize) -> usize {
            let space = |i: usize| b[i].is_ascii_whitespace();
            while i < b.len() && !space(i) {
                i += 1;
            }
            for _ in 0..n {
                while i < b.len() && space(i) {
                    i += 1;
                }
                while i < b.len() && !space(i) {
                    i += 1;
                }
            }
            i
        }
        let mut seed = 7u64;
        let mut next = |m: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % m
        };
        let bytes = b"ab.\xC3 \n\t\r\x0B\x0C";
        for _ in 0..3000 {
            // Runs of a byte, up to longer than eight, of up to 40 bytes.
            let mut b = Vec::new();
            while b.len() < 40 && next(8) != 0 {
                let c = bytes[next(bytes.len())];
                b.extend(std::iter::repeat_n(c, 1 + next(10)));
            }
            for i in 0..=b.len() {
                for n in 0..6 {
                    assert_eq!(left(&b, i, n), walk_left(&b, i, n), "{b:?} {i} {n}");
                    assert_eq!(right(&b, i, n), walk_right(&b, i, n), "{b:?} {i} {n}");
                }
            }
        }
    }

    #[test]
    fn edits_leave_mentions_as_a_stable_sort_does() {
        // Sorted, as edits find the mentions, or not (the general path).
        for reverse in [false, true] {
            let mut doc = crate::Tagger::default().tag("Paris, London, Berlin and Rome.");
            assert!(doc.mentions.len() >= 4);
            if reverse {
                doc.mentions.reverse();
            }
            let before = doc.mentions.clone();
            let at = |start, end| Mention {
                span: Span { start, end },
                ..before[0]
            };
            // One at the same span as a mention that stays, one between.
            let added = [at(7, 13), at(0, 5), at(14, 15)];
            let mut edit = Edit::new();
            edit.remove(2);
            for m in added {
                edit.add(m);
            }
            edit.finish(&mut doc);
            let mut want: Vec<Mention> = before
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != 2)
                .map(|(_, m)| *m)
                .chain(added)
                .collect();
            want.sort_by_key(|m| (m.field, m.span.start, m.span.end));
            assert_eq!(doc.mentions, want, "reversed: {reverse}");
        }
    }

    #[test]
    fn local_entities_get_one_id_each() {
        let mut doc = crate::Tagger::builder().build().unwrap().tag("");
        let mut add = |label, name: &str| {
            let i = local_entity(&mut doc, label, name, "k", None, Some("office".into()));
            (i, doc.locals[i as usize].id.clone())
        };
        let first = add(Label::Person, "Jean-Paul Dé");
        assert_eq!(first, (0, "local:person:jean-paul-de".to_string()));
        // One slug, another name: the id is made unique.
        assert_eq!(
            add(Label::Person, "Jean Paul De"),
            (1, "local:person:jean-paul-de-2".into())
        );
        assert_eq!(
            add(Label::Person, "Jean-Paul De"),
            (2, "local:person:jean-paul-de-3".into())
        );
        // The same name and label: the same entity; another label: another.
        assert_eq!(add(Label::Person, "Jean-Paul Dé"), first);
        assert_eq!(
            add(Label::Place, "Jean-Paul Dé"),
            (3, "local:place:jean-paul-de".into())
        );
        // A name wrapped over two lines or spaced twice is the name on one
        // line, and so is its office.
        assert_eq!(add(Label::Person, "Jean\nPaul  De").0, 1);
        assert_eq!(doc.locals[0].office.as_deref(), Some("office"));
        let i = local_entity(
            &mut doc,
            Label::Person,
            "Ahn\r\nGyu-back",
            "k",
            None,
            Some("Defense\nMinister".into()),
        );
        assert_eq!(doc.locals[i as usize].name, "Ahn Gyu-back");
        assert_eq!(
            doc.locals[i as usize].office.as_deref(),
            Some("Defense Minister")
        );
    }

    /// The context of a capitalized trigger, its cues looked for only
    /// where the context lacks their chunks and the word before looked up
    /// once, is the context with every cue looked for, each word looked up
    /// for itself.
    #[test]
    fn triggers_skip_only_cues_their_context_holds() {
        fn every_cue(rules: &RuleSet, text: &str, i: usize, end: usize) -> Option<(usize, usize)> {
            let b = text.as_bytes();
            let mut buf = String::new();
            let lookup = |w: &str, kind, buf: &mut String| rules.lex.lookup(w, kind, buf);
            let mut bits = lookup(&text[i..end], Kind::Cap, &mut buf);
            if bits & rules.inert != 0 {
                bits &= !rules.given;
            }
            let anchor = context(rules, bits & rules.anchors);
            if anchor.is_none() && bits & rules.inert != 0 {
                return None;
            }
            let next = b[end..].iter().find(|c| !c.is_ascii_whitespace()).copied();
            let before = word_before(b, i);
            let after = lower_word_after(b, end);
            let role = before.is_some_and(|(s, e)| {
                b[s].is_ascii_lowercase()
                    && lookup(&text[s..e], Kind::Lower, &mut buf) & rules.roles != 0
            });
            let place = before.is_some_and(|(s, e)| {
                let word = &text[s..e];
                if word.eq_ignore_ascii_case("of") {
                    word_before(b, s).is_some_and(|(s, e)| {
                        b[s].is_ascii_lowercase()
                            && lookup(&text[s..e], Kind::Lower, &mut buf) & rules.place_kinds != 0
                    })
                } else {
                    lookup(word, word_kind(word), &mut buf) & rules.place_before != 0
                }
            });
            let cues = [
                (next == Some(b','), (3, 11)),
                (next == Some(b'('), (3, 4)),
                (next == Some(b'&'), (2, 4)),
                (role, (2, 4)),
                (place, (2, 3)),
                (next_is_kind_noun(rules, text, after, &mut buf), (2, 2)),
                (defined_as_a(b, end), (1, 9)),
                (beside_versus(rules, text, after, before, &mut buf), (3, 3)),
            ];
            cues.iter().filter(|c| c.0).fold(anchor, |ctx, &(_, c)| {
                Some(ctx.map_or(c, |(x, y)| (x.max(c.0), y.max(c.1))))
            })
        }
        let doc = crate::Tagger::default().tag("");
        let rules = &doc.inner.rules;
        let text = "Smith, spokesman John Doe said near Dabiq, the town of Azaz and \
                    the Tigris river. Jan Kroslak (Slovakia) and Mr. Lee Kuan Yew met \
                    General Motors Corp in Paris. Aisby is a village; a1 Foo, 2nd Bar \
                    (Baz) of Qux, Gen. Ray Odierno is an officer, Near Town river, the \
                    John river, near Mary Cole, spokesman Paul Lee, Robert is a man, the \
                    Zycie Warszawy daily said, Le Matin newspaper, East Fife v Clydebank, \
                    Bolton vs Wigan, Douglas & Lomason";
        let mut buf = String::new();
        let mut tested = 0;
        for (i, _) in text.match_indices(|c: char| c.is_ascii_uppercase()) {
            if i > 0 && text.as_bytes()[i - 1].is_ascii_alphanumeric() {
                continue;
            }
            let end = word_end(text, i);
            if word_kind(&text[i..end]) != Kind::Cap {
                continue;
            }
            tested += 1;
            assert_eq!(
                {
                    let lists = trigger_lists(rules, text, (i, end), Kind::Cap, &mut buf);
                    trigger(rules, text, i, end, Kind::Cap, lists, &mut buf)
                },
                every_cue(rules, text, i, end),
                "{}",
                &text[i..end]
            );
        }
        assert!(tested > 20);
    }

    #[test]
    fn firms_are_one_entity_with_or_without_their_legal_form() {
        let mut doc = crate::Tagger::default().tag("");
        let inner = doc.inner.clone();
        let rules = &inner.rules;
        for (name, want) in [
            ("Burton Group Plc", "Burton Group"),
            (
                "J. Henry Schroder Wagg and Co Ltd.",
                "J. Henry Schroder Wagg",
            ),
            ("Banco Santander, S.A.", "Banco Santander"),
            ("Procter and Gamble Co", "Procter and Gamble"),
            ("Ford Motor Co of Canada", "Ford Motor Co of Canada"),
            ("Burton Group", "Burton Group"),
            ("Inc", "Inc"),
            ("Smith and", "Smith and"),
        ] {
            assert_eq!(without_legal_form(rules, name), want, "{name:?}");
        }
        let plc = local_entity(
            &mut doc,
            Label::Organization,
            "Burton Group\nPlc",
            "k",
            None,
            None,
        );
        let bare = local_entity(
            &mut doc,
            Label::Organization,
            "Burton Group",
            "k",
            None,
            None,
        );
        assert_eq!(plc, bare);
        assert_eq!(
            doc.locals[plc as usize].id,
            "local:organization:burton-group"
        );
        // A person's name keeps its last word.
        let person = local_entity(&mut doc, Label::Person, "John Co", "k", None, None);
        assert_eq!(doc.locals[person as usize].name, "John Co");
    }
}
