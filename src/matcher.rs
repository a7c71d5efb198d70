//! Candidate finding: an automaton over normalized phrases (an Aho-Corasick
//! DFA for small sets, a trie for large ones), walked only where a word
//! starts.
//!
//! Running leftmost-longest over the whole text and filtering by word
//! boundaries afterwards loses matches: the phrase "the ma" swallows "the" in
//! "the major", and the boundary filter then drops both. So the automaton is
//! never run over the text as a whole. At each word start (see
//! `boundary`) it is walked anchored, byte by byte, until it dies;
//! every phrase that ends at a word boundary on the way is a candidate. Every
//! candidate at every word start is reported, overlapping or not, and the
//! resolution stage picks among them.
//!
//! Case is checked afterwards, against the original text, per phrase policy
//! ([`MatchPolicy`]).

use aho_corasick::automaton::Automaton;
use aho_corasick::Anchored;

use crate::boundary::{for_each_word_start, is_word_end};
use crate::normalize::{fold_keep_case_into, Normalized};
use crate::swar::{in_range, load_le, HIGH};
use crate::{Error, MatchPolicy};

mod bank;
mod trie;
mod words;

use bank::{range, Bank, Folded, Kind, Sorted};
use trie::Trie;
use words::{Head, Resume};

/// A compiled set of phrases, each with its own match policy.
///
/// Phrases are split into two banks, each its own automaton. Phrases that
/// start with a capital letter and whose policy requires it (`exact`,
/// `capitalized`, `short`) can only match where the text's word starts with a
/// capital; most words of running text do not, so at those word starts only
/// the (usually small) other bank is walked. The split changes no result: it
/// only skips walks whose matches the policy check would reject.
///
/// A bank of up to 64 KiB of patterns is an anchored Aho-Corasick DFA (one
/// table look-up per byte); a larger one a trie without failure links (see
/// `matcher/trie.rs`), which builds a million patterns in a fraction of the
/// time and memory an Aho-Corasick NFA takes. A trie bank also keeps a
/// table of its patterns' first words (`matcher/words.rs`): a walk starts
/// with one hash probe for the word at hand, past it, or not at all.
///
/// # Example
///
/// ```
/// use gazetag::matcher::PhraseSet;
/// use gazetag::normalize::Normalized;
/// use gazetag::MatchPolicy;
///
/// let set = PhraseSet::new([("the", MatchPolicy::Any), ("the ma", MatchPolicy::Any), ("US", MatchPolicy::Exact)])?;
/// let text = "The major USB maker and the US";
/// let norm = Normalized::new(text);
/// let mut out = Vec::new();
/// set.find(text, &norm, &mut out);
/// let found: Vec<&str> = out.iter().map(|m| &text[m.start..m.end]).collect();
/// assert_eq!(found, ["The", "the", "US"]);
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct PhraseSet {
    /// Phrases that may match at any word start.
    anywhere: Bank,
    /// Phrases that can only match at a capitalized word start.
    capitalized: Bank,
    /// Per phrase: its policy.
    policies: Vec<MatchPolicy>,
    /// Per phrase: its case-keeping fold, for policy checks, stored one
    /// after another (one allocation instead of one per phrase).
    keep_case: String,
    keep_ends: Vec<u32>,
}

/// A phrase found in the text: which phrase, and where (byte offsets into the
/// original text, half-open).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PhraseMatch {
    /// Byte offset where the match starts.
    pub start: usize,
    /// Byte offset where the match ends (exclusive).
    pub end: usize,
    /// Index of the phrase, in the order given to [`PhraseSet::new`].
    pub phrase: u32,
}

impl PhraseSet {
    /// Compiles phrases. A phrase that folds to nothing is an error; phrases
    /// that fold to the same text share one automaton pattern. Folding runs
    /// on all cores (rayon).
    pub fn new<I, S>(phrases: I) -> Result<PhraseSet, Error>
    where
        I: IntoIterator<Item = (S, MatchPolicy)>,
        S: AsRef<str>,
    {
        PhraseSet::build(phrases, bank::DFA_MAX_PATTERN_BYTES)
    }

    /// [`PhraseSet::new`], with banks of more than `dfa_max` pattern bytes
    /// compiled to the trie (tests force it with 0).
    fn build<I, S>(phrases: I, dfa_max: usize) -> Result<PhraseSet, Error>
    where
        I: IntoIterator<Item = (S, MatchPolicy)>,
        S: AsRef<str>,
    {
        let folded = Folded::new(phrases)?;
        let (capitalized, anywhere): (Vec<u32>, Vec<u32>) =
            (0..folded.policies.len() as u32).partition(|&i| folded.capitalized[i as usize]);
        let sort = |phrases: &[u32]| {
            let sorted = Sorted::new(&folded, phrases);
            let heads = sorted.heads();
            (sorted, heads)
        };
        let ((anywhere, anywhere_heads), (capitalized, capitalized_heads)) =
            rayon::join(|| sort(&anywhere), || sort(&capitalized));
        // The anywhere bank's first-word table (a trie's) marks the
        // capitalized bank's heads: most word starts are not one, and
        // need no look at the original text's case (see `Walk::bank`).
        let (anywhere, capitalized) = rayon::join(
            || Bank::new(anywhere, &anywhere_heads, &capitalized_heads, dfa_max),
            || Bank::new(capitalized, &capitalized_heads, &[], dfa_max),
        );
        Ok(PhraseSet {
            anywhere: anywhere?,
            capitalized: capitalized?,
            policies: folded.policies,
            keep_case: folded.keep,
            keep_ends: folded.keep_ends,
        })
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.policies.len()
    }

    /// True when the set has no phrase.
    pub fn is_empty(&self) -> bool {
        self.policies.is_empty()
    }

    /// Heap memory held by the automata, in bytes.
    pub fn memory_usage(&self) -> usize {
        self.anywhere.memory_usage() + self.capitalized.memory_usage()
    }

    /// Appends to `out` every phrase that occurs in `text` as whole words and
    /// passes its case policy, ordered by start, then end, then phrase.
    /// Overlapping matches are all reported. `norm` must be the normalization
    /// of `text`.
    ///
    /// The `short` policy is checked like `capitalized` here; whether its
    /// full name appeared earlier is for the caller to decide.
    pub fn find(&self, text: &str, norm: &Normalized, out: &mut Vec<PhraseMatch>) {
        let first = out.len();
        let mut walk = Walk {
            set: self,
            text,
            norm,
            out,
            keep: String::new(),
        };
        let hay = norm.as_bytes();
        // Each bank's kind of automaton, told apart once here rather than at
        // every word start.
        let (anywhere, capitalized) = (self.anywhere.kind(), self.capitalized.kind());
        let any_capitalized = !matches!(capitalized, Kind::None);
        for_each_word_start(norm, text, |at, head_end| {
            // Hashed at most once, for both banks' first-word tables.
            let head = Head::new(hay, at, head_end);
            let capitalized_may_start = walk.bank(&self.anywhere, anywhere, at, &head);
            if any_capitalized && capitalized_may_start && starts_upper(text, norm, at) {
                let mid = walk.out.len();
                walk.bank(&self.capitalized, capitalized, at, &head);
                merge_last_start(walk.out, first, mid);
            }
        });
        // Word starts come in order, so the list is sorted but where the
        // original spans of two word starts do not follow theirs (a character
        // that normalizes to several): checked, and sorted only then. Sorting
        // every list cost a tenth of the walks once a set held the topic
        // phrases too.
        let found = &mut walk.out[first..];
        if !found.is_sorted() {
            found.sort_unstable();
        }
    }
}

/// Each bank reports a word start's matches in order, but the two runs
/// together need not be: when the second run (from `mid` on) starts before
/// the end of the first (from `first` on), the matches of this start (those
/// sharing its original start, the last of `out`) are sorted. Tested on
/// `out` itself, not a slice of it: most capitalized word starts add
/// nothing, and the slice cost more than the test.
#[inline]
fn merge_last_start(out: &mut [PhraseMatch], first: usize, mid: usize) {
    if mid <= first || mid >= out.len() || out[mid - 1] <= out[mid] {
        return;
    }
    let (found, mid) = (&mut out[first..], mid - first);
    let start = found[mid].start;
    let lo = found[..mid]
        .iter()
        .rposition(|m| m.start != start)
        .map_or(0, |k| k + 1);
    found[lo..].sort_unstable();
}

/// Whether the original character behind normalized byte `at` is upper case.
#[inline]
fn starts_upper(text: &str, norm: &Normalized, at: usize) -> bool {
    let o = norm.original_offset(at);
    match text.as_bytes().get(o) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => text[o..].chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// The state of one `find` call: where matches go, and a buffer reused for
/// the case-keeping fold of surfaces.
struct Walk<'a> {
    set: &'a PhraseSet,
    text: &'a str,
    norm: &'a Normalized,
    out: &'a mut Vec<PhraseMatch>,
    keep: String,
}

impl<'a> Walk<'a> {
    /// Walks `bank`, whose automaton is `kind`, at word start `at`, whose
    /// head is `head`. Inlined into the word-start loop up to the head
    /// table's answer: many word starts end there, and a call (with its
    /// spills) cost more than the lookup.
    ///
    /// Returns whether a pattern of the capitalized bank may start here, as
    /// far as the anywhere bank's table tells (see `Resume::others`): true
    /// for a DFA, false for a trie whose table does not hold the head.
    #[inline(always)]
    fn bank(&mut self, bank: &Bank, kind: Kind<'_>, at: usize, head: &Head<'_>) -> bool {
        match kind {
            Kind::Dfa(a) => {
                if bank.may_start(self.norm.as_bytes(), at) {
                    self.walk(a, bank, at);
                }
                true
            }
            Kind::Trie(t) => {
                let Some(resume) = bank.resume(head) else {
                    return false;
                };
                // The screen is read here, before the call: on Reuters with
                // the topic phrases, four in five screened walks stop at it,
                // and five in six heads that are a pattern go no further. A
                // call that then did nothing, or only emitted the head, cost
                // more than the screen.
                let end = at + head.len();
                if bank.goes_on(resume, self.norm.as_bytes(), end) {
                    self.resumed(bank, t, at, head.len(), resume);
                } else if let Some(pattern) = resume.pattern() {
                    if is_word_end(self.norm, self.text, end) {
                        self.emit(bank, pattern as usize, at..end);
                    }
                }
                resume.others()
            }
            Kind::None => true,
        }
    }

    /// The trie walk at word start `at`, past its head of `head_len` bytes,
    /// from where the head table says it resumes, when the walk goes on
    /// past the head (see [`Bank::goes_on`]).
    #[inline(never)]
    fn resumed(&mut self, bank: &Bank, trie: &Trie, at: usize, head_len: usize, resume: Resume) {
        let (norm, text) = (self.norm, self.text);
        let mut found = |len: usize, pattern: u32| {
            if is_word_end(norm, text, at + len) {
                self.emit(bank, pattern as usize, at..at + len);
            }
        };
        if let Some(pattern) = resume.pattern() {
            found(head_len, pattern);
        }
        let hay = &norm.as_bytes()[at..];
        trie.walk_from(resume.node as usize, head_len, hay, found);
    }

    /// Walks `aut` anchored at word start `at` until it dies, emitting every
    /// pattern that ends at a word boundary on the way.
    #[inline(never)]
    fn walk<A: Automaton>(&mut self, aut: &A, bank: &Bank, at: usize) {
        let Ok(mut sid) = aut.start_state(Anchored::Yes) else {
            return;
        };
        let hay = self.norm.as_bytes();
        for (k, &b) in hay[at..].iter().enumerate() {
            sid = aut.next_state(Anchored::Yes, sid, b);
            if !aut.is_special(sid) {
                continue;
            }
            if aut.is_dead(sid) {
                break;
            }
            if !aut.is_match(sid) {
                continue;
            }
            let depth = k + 1;
            let end = at + depth;
            if !is_word_end(self.norm, self.text, end) {
                continue;
            }
            for i in 0..aut.match_len(sid) {
                let pid = aut.match_pattern(sid, i);
                // Standard semantics also lists patterns that are suffixes of
                // this prefix; only those starting at `at` count.
                if aut.pattern_len(pid) == depth {
                    self.emit(bank, pid.as_usize(), at..end);
                }
            }
        }
    }

    fn emit(&mut self, bank: &Bank, pattern: usize, range: std::ops::Range<usize>) {
        let span = self.norm.original_span(self.text, range);
        let members = bank.members(pattern);
        let push = |out: &mut Vec<PhraseMatch>, phrase: u32| {
            out.push(PhraseMatch {
                start: span.start,
                end: span.end,
                phrase,
            })
        };
        // Alike phrases (the same alias of several entries) pass or fail
        // together: one check for them all.
        let mut cased = None;
        if bank.alike(pattern) {
            if let Some(&first) = members.first() {
                if self.allows(first, &span, &mut cased) {
                    members.iter().for_each(|&phrase| push(self.out, phrase));
                }
            }
            return;
        }
        for &phrase in members {
            if self.allows(phrase, &span, &mut cased) {
                push(self.out, phrase);
            }
        }
    }

    /// Whether `phrase`'s policy allows the surface `text[span]`. `cased`
    /// keeps the surface's case-keeping fold, made (or found to be the
    /// surface itself) once for all the phrases of a pattern: in a large
    /// dictionary a pattern is the alias of several entries. It holds the
    /// surface and whether it is its own fold (else the fold is in
    /// `self.keep`).
    ///
    /// Always inlined: most phrases checked are of policy `any`, and a call
    /// to learn that cost emit a fifth more.
    #[inline(always)]
    fn allows(
        &mut self,
        phrase: u32,
        span: &std::ops::Range<usize>,
        cased: &mut Option<(&'a str, bool)>,
    ) -> bool {
        let policy = self.set.policies[phrase as usize];
        if policy == MatchPolicy::Any {
            return true;
        }
        let alias = self.set.keep_case(phrase);
        let text = self.text;
        let (surface, itself) = *cased.get_or_insert_with(|| {
            let surface = &text[span.clone()];
            let itself = folds_to_itself(surface);
            if !itself {
                self.keep.clear();
                fold_keep_case_into(surface, &mut self.keep);
            }
            (surface, itself)
        });
        policy_allows(policy, alias, if itself { surface } else { &self.keep })
    }
}

impl PhraseSet {
    /// Calls `each` with every phrase whose fold is exactly `folded` (a
    /// string already folded and trimmed), whatever its policy: the
    /// tagger's stop list is checked this way, without folding every alias
    /// again.
    pub(crate) fn for_each_folding_to(&self, folded: &str, mut each: impl FnMut(u32)) {
        for bank in [&self.anywhere, &self.capitalized] {
            if let Some(p) = bank.pattern_of(folded) {
                bank.members(p).iter().for_each(|&phrase| each(phrase));
            }
        }
    }

    /// The case-keeping fold of a phrase (empty for policy `any`).
    #[inline]
    fn keep_case(&self, phrase: u32) -> &str {
        range(&self.keep_case, &self.keep_ends, phrase as usize)
    }
}

/// Whether [`fold_keep_case`](crate::normalize::fold_keep_case) would return
/// `s` unchanged: printable ASCII with single spaces and no backtick. Most
/// surfaces are; they skip the fold.
fn folds_to_itself(s: &str) -> bool {
    let mut prev_space = true;
    s.bytes().all(|b| {
        let ok = (b.is_ascii_graphic() && b != b'`') || (b == b' ' && !prev_space);
        prev_space = b == b' ';
        ok
    })
}

/// Checks a case policy: `alias` and `surface` are both in their
/// case-keeping fold ([`fold_keep_case`](crate::normalize::fold_keep_case)).
///
/// # Example
///
/// ```
/// use gazetag::matcher::policy_allows;
/// use gazetag::MatchPolicy;
/// assert!(policy_allows(MatchPolicy::Capitalized, "China", "CHINA"));
/// assert!(!policy_allows(MatchPolicy::Capitalized, "China", "china"));
/// assert!(policy_allows(MatchPolicy::Exact, "US", "US"));
/// assert!(!policy_allows(MatchPolicy::Exact, "US", "Us"));
/// ```
pub fn policy_allows(policy: MatchPolicy, alias: &str, surface: &str) -> bool {
    match policy {
        MatchPolicy::Any => true,
        MatchPolicy::Exact => alias == surface,
        MatchPolicy::Capitalized | MatchPolicy::Short | MatchPolicy::Auto => {
            capitals_kept(alias, surface)
        }
    }
}

/// Every upper-case letter of `alias` is upper case in `surface`. Folding can
/// change lengths (`ß`/`SS`); then words are compared by their initials.
fn capitals_kept(alias: &str, surface: &str) -> bool {
    let (a, s) = (alias.as_bytes(), surface.as_bytes());
    if a.len() == s.len() {
        // ASCII (most names), eight bytes at a time: a byte-wise loop cost
        // as much as the rest of a match's check.
        // (An index loop, the bits of all words gathered and tested once:
        // `chunks().zip()` cost a third of the check.)
        let (mut high, mut lost) = (0, 0);
        let mut i = 0;
        while i < a.len() {
            let (a, s) = (load_le(&a[i..]), load_le(&s[i..]));
            high |= a | s;
            lost |= in_range(a, b'A', b'Z') & !in_range(s, b'A', b'Z');
            i += 8;
        }
        if high & HIGH == 0 {
            return lost == 0;
        }
    }
    if alias.chars().count() == surface.chars().count() {
        return alias
            .chars()
            .zip(surface.chars())
            .all(|(a, s)| !a.is_uppercase() || s.is_uppercase());
    }
    let words = |s: &str| -> Vec<char> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let (a, s) = (words(alias), words(surface));
    a.len() == s.len()
        && a.iter()
            .zip(&s)
            .all(|(a, s)| !a.is_uppercase() || s.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(phrases: &[(&str, MatchPolicy)], text: &str) -> Vec<(String, u32)> {
        let set = PhraseSet::new(phrases.iter().copied()).unwrap();
        let norm = Normalized::new(text);
        let mut out = Vec::new();
        set.find(text, &norm, &mut out);
        out.iter()
            .map(|m| (text[m.start..m.end].to_string(), m.phrase))
            .collect()
    }

    use MatchPolicy::*;

    /// (phrases, text, expected (surface, phrase index) in order)
    #[allow(clippy::type_complexity)]
    const TABLE: &[(&[(&str, MatchPolicy)], &str, &[(&str, u32)])] = &[
        // boundaries
        (&[("US", Exact)], "USB drives", &[]),
        (&[("Ahn", Capitalized)], "Ahnold and Ahn", &[("Ahn", 0)]),
        (&[("the", Any), ("the ma", Any)], "the major", &[("the", 0)]),
        (&[("Korea", Capitalized)], "Koreas", &[]),
        (&[("Gyu", Capitalized)], "Ahn Gyu-back", &[]),
        // case policies
        (&[("US", Exact)], "us and US and Us", &[("US", 0)]),
        (
            &[("China", Capitalized)],
            "china, China, CHINA",
            &[("China", 0), ("CHINA", 0)],
        ),
        (
            &[("missile", Any)],
            "Missile MISSILE missile",
            &[("Missile", 0), ("MISSILE", 0), ("missile", 0)],
        ),
        (&[("ROK", Auto)], "ROK rok Rok", &[("ROK", 0)]),
        // Unicode and normalization
        (
            &[("Sebastien Lecornu", Capitalized)],
            "Sébastien Lecornu said",
            &[("Sébastien Lecornu", 0)],
        ),
        (
            &[("Cote d'Ivoire", Capitalized)],
            "in Côte d’Ivoire.",
            &[("Côte d’Ivoire", 0)],
        ),
        (
            &[("North Korea", Capitalized)],
            "North\n  Korea",
            &[("North\n  Korea", 0)],
        ),
        (
            &[("Asia-Pacific", Capitalized)],
            "Asia–Pacific region",
            &[("Asia–Pacific", 0)],
        ),
        (&[("Straße", Capitalized)], "STRASSE", &[("STRASSE", 0)]),
        (&[("서울", Any)], "서울에서", &[]),
        (&[("서울", Any)], "서울 에서", &[("서울", 0)]),
        // possessives
        (
            &[("North Korea", Capitalized)],
            "North Korea’s missiles",
            &[("North Korea", 0)],
        ),
        (&[("China", Capitalized)], "China's", &[("China", 0)]),
        // adjacency and overlaps: all candidates reported
        (
            &[("U.S.", Exact), ("South Korea", Capitalized)],
            "U.S. South Korea",
            &[("U.S.", 0), ("South Korea", 1)],
        ),
        (
            &[
                ("South Korea", Capitalized),
                ("Korea", Capitalized),
                ("South Korean", Capitalized),
            ],
            "South Korean",
            &[("South Korean", 2)],
        ),
        (
            &[("South Korea", Capitalized), ("Korea", Capitalized)],
            "South Korea",
            &[("South Korea", 0), ("Korea", 1)],
        ),
        // phrases sharing a folded form keep their own policies
        (&[("US", Exact), ("us", Any)], "us", &[("us", 1)]),
        // a phrase of one byte, and one at the last byte of the text
        (
            &[("a", Any), ("b c", Any)],
            "b c a",
            &[("b c", 1), ("a", 0)],
        ),
    ];

    #[test]
    fn table() {
        for (phrases, text, want) in TABLE {
            let got = find(phrases, text);
            let want: Vec<(String, u32)> = want.iter().map(|(s, p)| (s.to_string(), *p)).collect();
            assert_eq!(got, want, "phrases {:?} text {:?}", phrases, text);
        }
    }

    /// The table again with every bank a trie: its walks past a head, and
    /// the heads that are a whole pattern, emitted without a walk (the
    /// word end after one still checked: "Ahn Gyu-back").
    #[test]
    fn table_with_the_trie() {
        for (phrases, text, want) in TABLE {
            let set = PhraseSet::build(phrases.iter().copied(), 0).unwrap();
            let norm = Normalized::new(text);
            let mut out = Vec::new();
            set.find(text, &norm, &mut out);
            let got: Vec<(&str, u32)> = out
                .iter()
                .map(|m| (&text[m.start..m.end], m.phrase))
                .collect();
            assert_eq!(&got, want, "phrases {:?} text {:?}", phrases, text);
        }
    }

    #[test]
    fn south_korean_is_not_south_korea() {
        let got = find(
            &[("South Korea", Capitalized), ("South Korean", Capitalized)],
            "South Korean",
        );
        assert_eq!(got, vec![("South Korean".to_string(), 1)]);
    }

    #[test]
    fn large_sets_use_the_trie() {
        let phrases: Vec<(String, MatchPolicy)> = (0..20_000)
            .map(|i| (format!("place number {}", i), Any))
            .collect();
        let set = PhraseSet::new(phrases).unwrap();
        assert!(matches!(set.anywhere.kind(), Kind::Trie(_)));
        let text = "from place number 12345 to place number 7";
        let norm = Normalized::new(text);
        let mut out = Vec::new();
        set.find(text, &norm, &mut out);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].phrase, 12345);
    }

    /// The anywhere bank's table (a trie's) holds the capitalized bank's
    /// heads too, marked, whether a pattern of its own starts with them or
    /// not; a head of neither is not there.
    #[test]
    fn capitalized_heads_marked() {
        let phrases = [
            ("missile", Any),
            ("test site", Any),
            ("Missile Command", Capitalized),
            ("Seoul", Capitalized),
        ];
        let set = PhraseSet::build(phrases, 0).unwrap();
        let text = b"missile test seoul site";
        let marked = |at: usize, end: usize| {
            let head = Head::new(text, at, end);
            set.anywhere.resume(&head).map(Resume::others)
        };
        assert_eq!(marked(0, 7), Some(true));
        assert_eq!(marked(8, 12), Some(false));
        assert_eq!(marked(13, 18), Some(true));
        assert_eq!(marked(19, 23), None);
        // Not a pattern of the anywhere bank: nowhere to resume its walk.
        let seoul = set.anywhere.resume(&Head::new(text, 13, 18)).unwrap();
        assert_eq!((seoul.goes_on(), seoul.pattern()), (false, None));
    }

    #[test]
    fn phrases_by_fold() {
        let phrases = [("US", Exact), ("u.s.", Any), ("us", Any), ("Côte", Auto)];
        for dfa_max in [usize::MAX, 0] {
            let set = PhraseSet::build(phrases, dfa_max).unwrap();
            for (folded, want) in [
                ("us", vec![0, 2]),
                ("cote", vec![3]),
                ("u", vec![]),
                ("usa", vec![]),
            ] {
                let mut got = Vec::new();
                set.for_each_folding_to(folded, |p| got.push(p));
                got.sort();
                assert_eq!(got, want, "{} {}", folded, dfa_max);
            }
        }
    }

    #[test]
    fn empty_set() {
        assert!(find(&[], "anything").is_empty());
    }
}

/// The matcher checked against a naive reference: every pattern tried at
/// every char boundary of the normalized copy, with the same boundary and
/// policy rules. Overlapping patterns and shared prefixes ("the" / "the ma")
/// are where hand-written leftmost-longest matchers go wrong.
#[cfg(test)]
mod reference {
    use super::*;
    use crate::boundary::{is_word_end, is_word_start};
    use crate::normalize::{fold, fold_keep_case};
    use proptest::prelude::*;

    fn naive(phrases: &[(String, MatchPolicy)], text: &str) -> Vec<PhraseMatch> {
        let norm = Normalized::new(text);
        let hay = norm.as_str();
        let mut out = Vec::new();
        for (pi, (phrase, policy)) in phrases.iter().enumerate() {
            let pat = fold(phrase.trim());
            let pat = pat.trim();
            let policy = policy.resolve(phrase.trim());
            for (i, _) in hay.char_indices() {
                if !hay[i..].starts_with(pat) {
                    continue;
                }
                let end = i + pat.len();
                if !is_word_start(&norm, text, i) || !is_word_end(&norm, text, end) {
                    continue;
                }
                let span = norm.original_span(text, i..end);
                let surface = fold_keep_case(&text[span.clone()]);
                if policy == MatchPolicy::Any
                    || policy_allows(policy, &fold_keep_case(phrase.trim()), &surface)
                {
                    out.push(PhraseMatch {
                        start: span.start,
                        end: span.end,
                        phrase: pi as u32,
                    });
                }
            }
        }
        out.sort_unstable();
        out
    }

    const WORDS: &[&str] = &[
        "the", "The", "ma", "major", "us", "US", "U.S.", "korea", "Korea", "south", "South",
        "Straße", "STRASSE", "é", "e", "ahn", "Ahn", "Gyu-back", "gyu", "’s", "'s", "-", ".", ",",
        " ", "  ", "\n", "서울", "x",
    ];

    fn text_strategy() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(WORDS), 0..24).prop_map(|ws| {
            let mut s = String::new();
            for (i, w) in ws.iter().enumerate() {
                if i % 2 == 1 {
                    s.push(' ');
                }
                s.push_str(w);
            }
            s
        })
    }

    fn phrase_strategy() -> impl Strategy<Value = Vec<(String, MatchPolicy)>> {
        let policy = prop::sample::select(vec![
            MatchPolicy::Any,
            MatchPolicy::Exact,
            MatchPolicy::Capitalized,
            MatchPolicy::Auto,
        ]);
        let phrase = prop::collection::vec(prop::sample::select(WORDS), 1..4)
            .prop_map(|ws| ws.join(" "))
            .prop_filter("must fold to something", |p| {
                let f = fold(p.trim());
                let f = f.trim();
                f.chars().next().is_some_and(|c| c.is_alphanumeric())
            });
        prop::collection::vec((phrase, policy), 1..12)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn matches_naive_reference(phrases in phrase_strategy(), text in text_strategy()) {
            let norm = Normalized::new(&text);
            let want = naive(&phrases, &text);
            // Both automata: the DFA (small banks) and the trie (forced).
            for dfa_max in [usize::MAX, 0] {
                let set = PhraseSet::build(phrases.iter().map(|(p, m)| (p.as_str(), *m)), dfa_max).unwrap();
                let mut got = Vec::new();
                set.find(&text, &norm, &mut got);
                prop_assert_eq!(&got, &want);
            }
        }

        #[test]
        fn arbitrary_unicode_never_panics(phrases in phrase_strategy(), text in "\\PC{0,64}", dfa_max in prop::sample::select(vec![usize::MAX, 0])) {
            let set = PhraseSet::build(phrases.iter().map(|(p, m)| (p.as_str(), *m)), dfa_max).unwrap();
            let norm = Normalized::new(&text);
            let mut got = Vec::new();
            set.find(&text, &norm, &mut got);
            for m in &got {
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                prop_assert!(m.start < m.end);
            }
            prop_assert_eq!(got, naive(&phrases, &text));
        }
    }
}
