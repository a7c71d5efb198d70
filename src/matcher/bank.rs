//! Compiling phrases: folding them (in parallel), grouping those that fold
//! to the same pattern, and building each bank's automaton.

use aho_corasick::automaton::Automaton;
use aho_corasick::{dfa, Anchored, MatchKind, StartKind};
use rayon::prelude::*;

use super::trie::{self, Trie};
use super::words::{head_len, FirstWords, Head, Resume, SCREEN_BYTES};
use crate::normalize::{fold, fold_keep_case_into};
use crate::{Error, MatchPolicy};

/// Banks with more pattern bytes than this use the trie; smaller ones a
/// DFA. Both build in a few milliseconds at this size, and the DFA steps
/// with one table look-up per byte where the trie scans a node's children;
/// above it the DFA's memory (a full row per state) and build time grow
/// too fast.
pub(super) const DFA_MAX_PATTERN_BYTES: usize = 64 * 1024;

/// Phrases folded per rayon task: big enough that the per-task arenas stay
/// few, small enough to spread over the cores.
const CHUNK: usize = 4096;

/// Phrases taken from the caller's iterator at a time.
const BATCH: usize = 64 * CHUNK;

/// The phrases of a set after folding, in input order.
#[derive(Default)]
pub(super) struct Folded {
    /// Every phrase's fold (the automaton pattern), one after another.
    pub(super) text: String,
    /// End of each phrase's fold in `text`.
    pub(super) ends: Vec<u32>,
    /// Every phrase's case-keeping fold, for policy checks; empty for
    /// phrases of policy `any`, which never look at it.
    pub(super) keep: String,
    /// End of each phrase's case-keeping fold in `keep`.
    pub(super) keep_ends: Vec<u32>,
    /// Each phrase's policy, `auto` resolved.
    pub(super) policies: Vec<MatchPolicy>,
    /// Whether each phrase can only match at a capitalized word start.
    pub(super) capitalized: Vec<bool>,
}

impl Folded {
    /// Folds `phrases` on all cores, a batch at a time (the phrases need not
    /// be `Sync`, and only a batch of them is held at once); the first
    /// phrase (in input order) that folds to nothing is an error.
    pub(super) fn new<I, S>(phrases: I) -> Result<Folded, Error>
    where
        I: IntoIterator<Item = (S, MatchPolicy)>,
        S: AsRef<str>,
    {
        let mut all = Folded::default();
        let mut phrases = phrases.into_iter().peekable();
        let mut batch: Vec<(S, MatchPolicy)> = Vec::new();
        while phrases.peek().is_some() {
            batch.clear();
            batch.extend(phrases.by_ref().take(BATCH));
            let texts: Vec<(&str, MatchPolicy)> =
                batch.iter().map(|(s, p)| (s.as_ref(), *p)).collect();
            let chunks: Vec<Result<Folded, Error>> = texts
                .par_chunks(CHUNK)
                .map(|chunk| {
                    let mut f = Folded::default();
                    for &(text, policy) in chunk {
                        f.push(text, policy)?;
                    }
                    Ok(f)
                })
                .collect();
            for chunk in chunks {
                all.append(chunk?);
            }
        }
        Ok(all)
    }

    fn push(&mut self, text: &str, policy: MatchPolicy) -> Result<(), Error> {
        let text = text.trim();
        let folded = fold(text);
        let folded = folded.trim();
        if folded.is_empty() {
            return Err(Error::invalid(format!(
                "phrase '{}' folds to nothing",
                text
            )));
        }
        let policy = policy.resolve(text);
        self.text.push_str(folded);
        self.ends.push(self.text.len() as u32);
        let start = self.keep.len();
        if policy != MatchPolicy::Any {
            fold_keep_case_into(text, &mut self.keep);
        }
        let capitalized = self.keep[start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        self.keep_ends.push(self.keep.len() as u32);
        self.policies.push(policy);
        self.capitalized.push(capitalized);
        Ok(())
    }

    fn append(&mut self, other: Folded) {
        let (base, keep_base) = (self.text.len() as u32, self.keep.len() as u32);
        self.text.push_str(&other.text);
        self.ends.extend(other.ends.iter().map(|e| e + base));
        self.keep.push_str(&other.keep);
        self.keep_ends
            .extend(other.keep_ends.iter().map(|e| e + keep_base));
        self.policies.extend(other.policies);
        self.capitalized.extend(other.capitalized);
    }

    /// The fold of phrase `i`.
    pub(super) fn pattern(&self, i: u32) -> &str {
        range(&self.text, &self.ends, i as usize)
    }
}

/// The `i`-th of the strings stored one after another in `arena`, each
/// ending at `ends[i]`.
#[inline]
pub(super) fn range<'a>(arena: &'a str, ends: &[u32], i: usize) -> &'a str {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    &arena[start..ends[i] as usize]
}

/// One automaton and the phrases behind each of its patterns.
#[derive(Clone, Debug, Default)]
pub(super) struct Bank {
    pub(super) automaton: Option<Compiled>,
    /// For a trie: the first words of its patterns (see `words.rs`).
    words: FirstWords,
    /// For a DFA: the first two bytes its patterns can start with (see
    /// [`Bank::may_start`]).
    pairs: Vec<u64>,
    /// The phrases of pattern `p` are `members[starts[p]..starts[p + 1]]`,
    /// in input order.
    starts: Vec<u32>,
    members: Vec<u32>,
    /// One bit per pattern, set when its phrases are alike (see
    /// [`Bank::alike`]).
    alike: Vec<u64>,
}

#[derive(Clone, Debug)]
pub(super) enum Compiled {
    Dfa(Box<dfa::DFA>),
    Trie(Trie),
}

/// A bank's automaton, borrowed: what the phrase walk tells apart at every
/// word start, from a plain tag (an `Option<Compiled>` is told apart by the
/// trie's vector capacity, several instructions a test).
#[derive(Clone, Copy, Debug)]
pub(super) enum Kind<'a> {
    Dfa(&'a dfa::DFA),
    Trie(&'a Trie),
    None,
}

/// A bank's phrases sorted by fold, and the folds they make, each once:
/// the first half of the bank's build. Both banks are sorted before either
/// is compiled, as the anywhere bank's table marks the capitalized bank's
/// heads (see [`Bank::new`]), which its sorted patterns give cheaply.
pub(super) struct Sorted<'f> {
    /// The phrases (indices into a `Folded`), in the order of their folds.
    phrases: Vec<u32>,
    /// The distinct folds, sorted: the automaton's patterns.
    patterns: Vec<&'f str>,
    /// The phrases of pattern `p` are `phrases[starts[p]..starts[p + 1]]`.
    starts: Vec<u32>,
    /// One bit per pattern, set when its phrases are alike (see
    /// [`Bank::alike`]).
    alike: Vec<u64>,
}

impl<'f> Sorted<'f> {
    /// The phrases `phrases` (indices into `folded`), sorted by fold (then
    /// index), grouped by fold.
    pub(super) fn new(folded: &'f Folded, phrases: &[u32]) -> Sorted<'f> {
        // Sorting by an 8-byte prefix first keeps most comparisons off the
        // texts (a cache miss each, at a million phrases).
        let mut keyed: Vec<(u64, u32)> = phrases
            .iter()
            .map(|&p| (prefix(folded.pattern(p)), p))
            .collect();
        keyed.par_sort_unstable_by(|&(ka, a), &(kb, b)| {
            ka.cmp(&kb)
                .then_with(|| folded.pattern(a).cmp(folded.pattern(b)))
                .then(a.cmp(&b))
        });
        let phrases: Vec<u32> = keyed.into_iter().map(|(_, p)| p).collect();
        let mut patterns: Vec<&str> = Vec::new();
        let mut starts = Vec::new();
        for (k, &phrase) in phrases.iter().enumerate() {
            let pattern = folded.pattern(phrase);
            if patterns.last() != Some(&pattern) {
                patterns.push(pattern);
                starts.push(k as u32);
            }
        }
        starts.push(phrases.len() as u32);
        let alike = alike_bits(folded, &phrases, &starts);
        Sorted {
            phrases,
            patterns,
            starts,
            alike,
        }
    }

    /// The distinct non-empty heads of the patterns (see `words.rs`),
    /// sorted.
    pub(super) fn heads(&self) -> Vec<&'f [u8]> {
        let mut heads: Vec<&[u8]> = Vec::new();
        for p in &self.patterns {
            let head = &p.as_bytes()[..head_len(p.as_bytes())];
            // Patterns that share a head mostly follow one another.
            if !head.is_empty() && heads.last() != Some(&head) {
                heads.push(head);
            }
        }
        // Sorted patterns can repeat a head after others ("ab", "abc", then
        // "ab" and a byte beyond ASCII), so the heads are sorted again; in
        // long runs already in order, which a stable sort merges rather than
        // sorting anew.
        heads.sort();
        heads.dedup();
        heads
    }
}

impl Bank {
    /// The bank of the phrases `sorted`, whose patterns' heads are `heads`
    /// (see [`Sorted::heads`]). Patterns are numbered in sorted order,
    /// which the trie is built in. A trie's first-word table also marks
    /// the heads `others` (sorted) of another bank's patterns (see
    /// `Resume::others`).
    pub(super) fn new(
        sorted: Sorted<'_>,
        heads: &[&[u8]],
        others: &[&[u8]],
        dfa_max: usize,
    ) -> Result<Bank, Error> {
        let Sorted {
            phrases,
            patterns,
            starts,
            alike,
        } = sorted;
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(compile(&patterns, dfa_max)?)
        };
        let (words, pairs) = match &automaton {
            Some(Compiled::Trie(t)) => (first_words(t, heads, others), Vec::new()),
            _ => (FirstWords::default(), first_pairs(&patterns)),
        };
        Ok(Bank {
            automaton,
            words,
            pairs,
            starts,
            members: phrases,
            alike,
        })
    }

    /// The bank's automaton, borrowed.
    pub(super) fn kind(&self) -> Kind<'_> {
        match &self.automaton {
            Some(Compiled::Dfa(a)) => Kind::Dfa(a),
            Some(Compiled::Trie(t)) => Kind::Trie(t),
            None => Kind::None,
        }
    }

    /// Where a trie walk at a word start with this head resumes (`head`'s
    /// length on), or `None` when no pattern can match there.
    #[inline(always)]
    pub(super) fn resume(&self, head: &Head<'_>) -> Option<Resume> {
        if head.len() == 0 {
            return Some(Resume::new(0, None, true, false).with_others());
        }
        self.words.resume(head)
    }

    /// Whether a DFA walk at `at` of `hay` may find a pattern: most word
    /// starts of running text begin with two bytes no pattern of a small
    /// bank begins with, and the walk's set-up alone cost more than this.
    #[inline]
    pub(super) fn may_start(&self, hay: &[u8], at: usize) -> bool {
        let Some(&[a, b]) = hay.get(at..at + 2) else {
            return true;
        };
        let pair = usize::from(a) << 8 | usize::from(b);
        self.pairs
            .get(pair / 64)
            .is_some_and(|w| w & (1 << (pair % 64)) != 0)
    }

    /// Whether a walk resumed at `resume` may find a pattern past the head
    /// that ends at `end` of `hay`.
    #[inline]
    pub(super) fn goes_on(&self, resume: Resume, hay: &[u8], end: usize) -> bool {
        resume.goes_on() && (!resume.screened() || self.words.continues(resume.node, hay, end))
    }

    /// The phrases behind pattern `p`.
    #[inline]
    pub(super) fn members(&self, p: usize) -> &[u32] {
        // Both bounds through one check, the slice through another: indexed
        // one by one, each read was checked.
        let Some(&[start, end]) = self.starts.get(p..p + 2) else {
            return &[];
        };
        self.members
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// Whether the phrases of pattern `p` are alike: all of one policy and
    /// one case-keeping fold, so that one policy check decides them all. In
    /// a large dictionary a pattern is often the same alias of several
    /// entries (a town name in several countries).
    #[inline]
    pub(super) fn alike(&self, p: usize) -> bool {
        self.alike
            .get(p / 64)
            .is_some_and(|w| w & (1 << (p % 64)) != 0)
    }

    /// The pattern that is exactly `folded`.
    pub(super) fn pattern_of(&self, folded: &str) -> Option<usize> {
        let mut pattern = None;
        let whole = |len: usize, p: usize| (len == folded.len()).then_some(p);
        match &self.automaton {
            Some(Compiled::Dfa(a)) => {
                let mut sid = a.start_state(Anchored::Yes).ok()?;
                for &b in folded.as_bytes() {
                    sid = a.next_state(Anchored::Yes, sid, b);
                    if a.is_dead(sid) {
                        return None;
                    }
                }
                if a.is_match(sid) {
                    for i in 0..a.match_len(sid) {
                        let p = a.match_pattern(sid, i);
                        pattern = pattern.or(whole(a.pattern_len(p), p.as_usize()));
                    }
                }
            }
            Some(Compiled::Trie(t)) => t.walk(folded.as_bytes(), |len, p| {
                pattern = pattern.or(whole(len, p as usize));
            }),
            None => {}
        }
        pattern
    }

    /// Heap memory of the automaton (as `PhraseSet::memory_usage` reports).
    pub(super) fn memory_usage(&self) -> usize {
        match &self.automaton {
            Some(Compiled::Dfa(a)) => a.memory_usage() + self.pairs.len() * 8,
            Some(Compiled::Trie(t)) => t.memory_usage() + self.words.memory_usage(),
            None => 0,
        }
    }
}

/// The bits of [`Bank::alike`]: the phrases of pattern `p` are
/// `phrases[starts[p]..starts[p + 1]]`, indices into `folded`.
fn alike_bits(folded: &Folded, phrases: &[u32], starts: &[u32]) -> Vec<u64> {
    let patterns = starts.len().saturating_sub(1);
    let mut bits = vec![0u64; patterns.div_ceil(64)];
    let case = |p: u32| {
        let keep = range(&folded.keep, &folded.keep_ends, p as usize);
        (folded.policies[p as usize], keep)
    };
    for (p, ends) in starts.windows(2).enumerate() {
        let members = &phrases[ends[0] as usize..ends[1] as usize];
        if members.windows(2).all(|w| case(w[0]) == case(w[1])) {
            bits[p / 64] |= 1 << (p % 64);
        }
    }
    bits
}

/// One bit for each pair of bytes some pattern starts with (a pattern of
/// one byte starts them all).
fn first_pairs(patterns: &[&str]) -> Vec<u64> {
    let mut pairs = vec![0u64; (1 << 16) / 64];
    for p in patterns {
        match *p.as_bytes() {
            [a] => pairs[usize::from(a) << 2..][..4].fill(u64::MAX),
            [a, b, ..] => {
                let pair = usize::from(a) << 8 | usize::from(b);
                pairs[pair / 64] |= 1 << (pair % 64);
            }
            [] => {}
        }
    }
    pairs
}

/// The heads `heads` (sorted) of a trie's patterns, each with the node of
/// `trie` it leads to, and their continuations; and the heads `others`
/// (sorted) of another bank's patterns, marked on those heads or in slots
/// of their own.
fn first_words(trie: &Trie, heads: &[&[u8]], others: &[&[u8]]) -> FirstWords {
    let mut continuations = Vec::new();
    let mut others = others.iter().copied().peekable();
    let mut others_only = Vec::new();
    let mut resumes: Vec<(&[u8], Resume)> = Vec::with_capacity(heads.len() + others.len());
    for &h in heads {
        // Both lists sorted: the other bank's heads before `h` are not
        // this bank's.
        while let Some(o) = others.next_if(|&o| o < h) {
            others_only.push(o);
        }
        let marked = others.next_if_eq(&h).is_some();
        let node = trie.node_of(h).unwrap_or(0);
        debug_assert!(node != 0, "a head is a prefix of a pattern");
        let goes_on = trie.children(node).any(|(_, b)| !b.is_ascii_alphanumeric());
        let screened = goes_on && screen(trie, node, &mut continuations);
        let resume = Resume::new(node as u32, trie.pattern_at(node), goes_on, screened);
        resumes.push((h, if marked { resume.with_others() } else { resume }));
    }
    others_only.extend(others);
    resumes.extend(others_only.into_iter().map(|h| (h, Resume::others_only())));
    let mut words = FirstWords::new(resumes.into_iter());
    words.set_screen(&continuations);
    words
}

/// Appends to `out` the first [`SCREEN_BYTES`] bytes of every way on from
/// the head at trie node `node` (past it, a byte outside letters and
/// digits), and returns true; or returns false, leaving `out` as it was,
/// when a pattern ends sooner than that past the head.
fn screen(trie: &Trie, node: usize, out: &mut Vec<(u32, [u8; SCREEN_BYTES])>) -> bool {
    let start = out.len();
    let mut ways = vec![(node, [0; SCREEN_BYTES])];
    for depth in 0..SCREEN_BYTES {
        let mut next = Vec::new();
        for &(s, bytes) in &ways {
            // Past the head, the text has a byte outside letters and digits.
            let children = trie
                .children(s)
                .filter(|&(_, b)| depth > 0 || !b.is_ascii_alphanumeric());
            for (child, b) in children {
                if depth + 1 < SCREEN_BYTES && trie.pattern_at(child).is_some() {
                    out.truncate(start);
                    return false;
                }
                let mut bytes = bytes;
                bytes[depth] = b;
                next.push((child, bytes));
            }
        }
        ways = next;
    }
    out.extend(ways.iter().map(|&(_, bytes)| (node as u32, bytes)));
    true
}

/// The first 8 bytes of `s`, zero-padded, as a number that orders like the
/// bytes (ties are broken on the whole text).
fn prefix(s: &str) -> u64 {
    let mut b = [0u8; 8];
    let n = s.len().min(8);
    b[..n].copy_from_slice(&s.as_bytes()[..n]);
    u64::from_be_bytes(b)
}

fn compile(patterns: &[&str], dfa_max: usize) -> Result<Compiled, Error> {
    let bytes: usize = patterns.iter().map(|p| p.len()).sum();
    if bytes > dfa_max {
        if patterns.len() > trie::MAX_PATTERNS || bytes >= u32::MAX as usize {
            return Err(Error::build(format!(
                "more than {} distinct phrases or 4 GiB of them",
                trie::MAX_PATTERNS
            )));
        }
        return Ok(Compiled::Trie(Trie::new(patterns)));
    }
    let dfa = dfa::Builder::new()
        .match_kind(MatchKind::Standard)
        .start_kind(StartKind::Anchored)
        .prefilter(false)
        .build(patterns)
        .map_err(|e| Error::build(e.to_string()))?;
    Ok(Compiled::Dfa(Box::new(dfa)))
}
