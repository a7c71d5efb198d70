//! Resolution: choosing among overlapping and ambiguous candidates.
//!
//! The matcher reports every alias that occurs as whole words, so "South
//! Korea" also yields "Korea", and "Georgia" yields the country and the US
//! state. Resolution makes two decisions, each by a named policy:
//!
//! 1. **Overlap** ([`Overlap`]): which spans survive when spans overlap.
//! 2. **Ambiguity**: which entry a surviving span names when several entries
//!    share the alias. The order is: higher `priority`; then country context
//!    (the entry's country is named elsewhere in the document, more weight
//!    nearby); then the larger population. If entries still tie, the mention
//!    is kept without an entity when they share a label
//!    ([`EntityRef::Ambiguous`](crate::EntityRef)), and dropped when they do
//!    not: precision first.
//!
//! Losers are kept as [`Rejected`] with their reason.

use std::collections::BTreeMap;

use crate::doc::{Field, Reason, Rejected, Span};
use crate::Entry;

/// How overlapping candidate spans are resolved.
///
/// The default is [`Overlap::LongestFirst`].
///
/// # Example
///
/// ```
/// use gazetag::{Overlap, Tagger};
///
/// let tagger = Tagger::builder()
///     .builtin_dictionaries()
///     .overlap(Overlap::LeftmostLongest)
///     .build()?;
/// let doc = tagger.tag("The Korean Peninsula");
/// assert_eq!(doc.surface(&doc.mentions()[0]), "Korean Peninsula");
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Overlap {
    /// Longest span first, then higher priority, then earlier start; a span
    /// is kept if it overlaps nothing kept before it. Finds the longest names
    /// even when a shorter one starts earlier ("Ahn Gyu-back" is not cut by
    /// a hypothetical "Defense Minister Ahn").
    #[default]
    LongestFirst,
    /// Left to right: at each position the longest span (then the higher
    /// priority) is kept and the scan resumes after it, as in classic
    /// leftmost-longest matching.
    LeftmostLongest,
    /// Keep every candidate span, overlapping or not (for debugging and for
    /// users who resolve overlaps themselves). Ambiguity is still resolved.
    KeepAll,
}

impl Overlap {
    /// The policy's name, as shown in evidence.
    pub fn as_str(self) -> &'static str {
        match self {
            Overlap::LongestFirst => "longest_first",
            Overlap::LeftmostLongest => "leftmost_longest",
            Overlap::KeepAll => "keep_all",
        }
    }
}

/// A candidate: one alias of one entry at one span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub field: Field,
    pub span: Span,
    pub alias: u32,
    pub entry: u32,
    pub priority: i32,
}

/// Candidates sharing one span, as a range of a sorted candidate slice.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Group {
    pub field: Field,
    pub span: Span,
    pub lo: usize,
    pub hi: usize,
    pub priority: i32,
}

/// Sorts candidates by (field, start, end) and groups those of equal span,
/// into `groups` (cleared first).
pub(crate) fn group(cands: &mut [Candidate], groups: &mut Vec<Group>) {
    cands.sort_unstable_by_key(|c| (c.field, c.span.start, c.span.end, c.entry, c.alias));
    groups.clear();
    // At most one group per candidate: sized once rather than grown.
    groups.reserve(cands.len());
    let mut i = 0;
    while i < cands.len() {
        let (field, span) = (cands[i].field, cands[i].span);
        let mut j = i;
        let mut priority = i32::MIN;
        while j < cands.len() && cands[j].field == field && cands[j].span == span {
            priority = priority.max(cands[j].priority);
            j += 1;
        }
        groups.push(Group {
            field,
            span,
            lo: i,
            hi: j,
            priority,
        });
        i = j;
    }
}

/// Spans already taken, per field; lets later stages (short forms, rules)
/// ask whether a span is free.
#[derive(Default, Debug)]
pub(crate) struct Taken {
    spans: [Spans; 2],
}

impl Taken {
    /// The taken span overlapping `span`, if any.
    // Inlined: its callers on every candidate (`select`) stay as fast
    // whatever calls it in the rules.
    #[inline]
    pub fn overlapping(&self, field: Field, span: Span) -> Option<Span> {
        let (s, e) = self.spans[field as usize].last_before(span.end)?;
        (e > span.start).then_some(Span { start: s, end: e })
    }

    pub fn insert(&mut self, field: Field, span: Span) {
        self.spans[field as usize].insert(span.start, span.end);
    }

    /// Frees a span taken before (a rule taking over a mention).
    pub fn remove(&mut self, field: Field, span: Span) {
        self.spans[field as usize].remove(span.start, span.end);
    }

    /// Frees every span, keeping the memory of short lists.
    pub fn clear(&mut self) {
        for spans in &mut self.spans {
            spans.clear();
        }
    }
}

/// Above this many spans, a field's spans move from a list to a tree.
const LISTED: usize = 512;

/// The taken spans of a field, end by start. A list sorted by start while
/// short, as in most documents: no node allocated and freed per few spans,
/// and kept, emptied, from document to document. A tree once long, so that
/// a huge document's insertions do not turn quadratic.
#[derive(Debug)]
enum Spans {
    List(Vec<(usize, usize)>),
    Tree(BTreeMap<usize, usize>),
}

impl Default for Spans {
    fn default() -> Self {
        Spans::List(Vec::new())
    }
}

impl Spans {
    /// The span that starts last before `end`.
    #[inline]
    fn last_before(&self, end: usize) -> Option<(usize, usize)> {
        match self {
            Spans::List(list) => {
                let i = list.partition_point(|&(s, _)| s < end);
                i.checked_sub(1).map(|i| list[i])
            }
            Spans::Tree(tree) => tree.range(..end).next_back().map(|(&s, &e)| (s, e)),
        }
    }

    /// Takes `start..end`; a span taken at the same start ends there now.
    fn insert(&mut self, start: usize, end: usize) {
        match self {
            Spans::List(list) => match list.binary_search_by_key(&start, |&(s, _)| s) {
                Ok(i) => list[i].1 = end,
                Err(i) if list.len() < LISTED => list.insert(i, (start, end)),
                Err(_) => {
                    let mut tree: BTreeMap<usize, usize> = list.drain(..).collect();
                    tree.insert(start, end);
                    *self = Spans::Tree(tree);
                }
            },
            Spans::Tree(tree) => {
                tree.insert(start, end);
            }
        }
    }

    /// Frees `start..end` if it is taken.
    fn remove(&mut self, start: usize, end: usize) {
        match self {
            Spans::List(list) => {
                if let Ok(i) = list.binary_search_by_key(&start, |&(s, _)| s) {
                    if list[i].1 == end {
                        list.remove(i);
                    }
                }
            }
            Spans::Tree(tree) => {
                if tree.get(&start) == Some(&end) {
                    tree.remove(&start);
                }
            }
        }
    }

    fn clear(&mut self) {
        match self {
            Spans::List(list) => list.clear(),
            Spans::Tree(_) => *self = Spans::default(),
        }
    }
}

/// Chooses which groups survive the overlap policy: their indices, sorted,
/// into `kept` (cleared first); the candidates of dropped groups go to
/// `rejected`.
pub(crate) fn select(
    groups: &[Group],
    cands: &[Candidate],
    overlap: Overlap,
    taken: &mut Taken,
    rejected: &mut Vec<Rejected>,
    kept: &mut Vec<usize>,
) {
    // The groups in the policy's order, then those kept, in place.
    kept.clear();
    kept.extend(0..groups.len());
    match overlap {
        Overlap::LongestFirst => kept.sort_by_key(|&g| {
            let g = &groups[g];
            (
                std::cmp::Reverse(g.span.len()),
                std::cmp::Reverse(g.priority),
                g.field,
                g.span.start,
            )
        }),
        Overlap::LeftmostLongest => kept.sort_by_key(|&g| {
            let g = &groups[g];
            (
                g.field,
                g.span.start,
                std::cmp::Reverse(g.span.len()),
                std::cmp::Reverse(g.priority),
            )
        }),
        Overlap::KeepAll => return,
    }
    kept.retain(|&gi| {
        let g = &groups[gi];
        if let Some(winner) = taken.overlapping(g.field, g.span) {
            reject_all(g, cands, Reason::Overlapped(winner), rejected);
            return false;
        }
        taken.insert(g.field, g.span);
        true
    });
    kept.sort_unstable();
}

pub(crate) fn reject_all(g: &Group, cands: &[Candidate], reason: Reason, out: &mut Vec<Rejected>) {
    for c in &cands[g.lo..g.hi] {
        out.push(Rejected {
            span: c.span,
            field: c.field,
            alias: c.alias,
            reason,
        });
    }
}

/// Country mentions of a document, for disambiguation by context.
///
/// Hits are added in document order, so the mentions near a position are
/// found by binary search: scoring stays logarithmic in the size of the
/// document, not linear (a 100 MB document with a million mentions must not
/// turn quadratic).
#[derive(Default, Debug)]
pub(crate) struct CountryContext {
    /// (field, start, end, country) of each unambiguous mention with a
    /// country, sorted by (field, start).
    hits: Vec<(Field, usize, usize, [u8; 2])>,
    /// Mentions per country; a document names few countries, so a vector
    /// scanned linearly beats hashing.
    counts: Vec<([u8; 2], u32)>,
}

/// Mentions this close (in bytes, same field) count as nearby context.
const NEARBY: usize = 300;

impl CountryContext {
    /// Empties it, keeping its buffers.
    pub fn clear(&mut self) {
        self.hits.clear();
        self.counts.clear();
    }

    /// Records a mention; calls must come in (field, position) order.
    pub fn add(&mut self, field: Field, span: Span, entry: &Entry) {
        if let Some(code) = country_code(entry) {
            debug_assert!(self
                .hits
                .last()
                .is_none_or(|&(f, p, _, _)| (f, p) <= (field, span.start)));
            self.hits.push((field, span.start, span.end, code));
            match self.counts.iter_mut().find(|(c, _)| *c == code) {
                Some((_, n)) => *n += 1,
                None => self.counts.push((code, 1)),
            }
        }
    }

    /// Support for `entry` at a position: one point per mention of its
    /// country anywhere in the document, and up to twelve more for each
    /// mention nearby, the closer the more.
    pub fn score(&self, field: Field, at: usize, entry: &Entry) -> u32 {
        let Some(code) = country_code(entry) else {
            return 0;
        };
        let total = self
            .counts
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(0, |(_, n)| *n);
        let lo = self
            .hits
            .partition_point(|&(f, p, _, _)| (f, p) < (field, at.saturating_sub(NEARBY)));
        let nearby: usize = self.hits[lo..]
            .iter()
            .take_while(|&&(f, p, _, _)| (f, p) <= (field, at + NEARBY))
            .filter(|(_, _, _, c)| *c == code)
            .map(|(_, p, _, _)| (NEARBY - p.abs_diff(at)) / 25)
            .sum();
        total + nearby as u32
    }

    /// True when the place right before `at`, followed by a comma, is in
    /// `entry`'s country: "Atlanta, Georgia" names the state, "Tbilisi,
    /// Georgia" the country. The strongest context there is.
    pub fn contains(&self, field: Field, at: usize, text: &str, entry: &Entry) -> bool {
        let Some(code) = country_code(entry) else {
            return false;
        };
        let i = self
            .hits
            .partition_point(|&(f, p, _, _)| (f, p) < (field, at));
        let Some(&(f, _, end, c)) = i.checked_sub(1).map(|i| &self.hits[i]) else {
            return false;
        };
        let gap = text.as_bytes().get(end..at).unwrap_or_default();
        f == field
            && c == code
            && gap.first() == Some(&b',')
            && gap.len() <= 3
            && gap[1..].iter().all(u8::is_ascii_whitespace)
    }
}

fn country_code(entry: &Entry) -> Option<[u8; 2]> {
    let c = entry.country.as_deref()?.as_bytes();
    (c.len() == 2).then(|| [c[0], c[1]])
}

/// The outcome of deciding among the entries of one span.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Decision {
    /// One entry won (index into the candidate slice).
    One(usize),
    /// Several entries of one label tie (candidate indices).
    Tied(Vec<usize>),
    /// Entries of different labels tie.
    Conflict,
}

/// Decides among the candidates `lo..hi` (one span of `text`) by the place
/// before a comma ("Atlanta, Georgia"), priority, country context and
/// population.
pub(crate) fn decide(
    cands: &[Candidate],
    lo: usize,
    hi: usize,
    entries: &[Entry],
    ctx: &CountryContext,
    text: &str,
) -> Decision {
    // Most spans have one candidate: nothing to rank, and no entry to look
    // up (with a large dictionary, each look-up misses the cache).
    if hi - lo == 1 {
        return Decision::One(lo);
    }
    let key = |i: usize| {
        let c = &cands[i];
        let e = &entries[c.entry as usize];
        (
            ctx.contains(c.field, c.span.start, text, e),
            c.priority,
            ctx.score(c.field, c.span.start, e),
            e.population.unwrap_or(0),
        )
    };
    // The first best candidate; the others that tie with it only when
    // there are some (most spans name one entry: no list to allocate).
    let mut first = lo;
    let mut best: Vec<usize> = Vec::new();
    let mut best_key = None;
    for i in lo..hi {
        // Several aliases of one entry may match one span; count it once
        // (candidates of a group are sorted by entry).
        if i > lo && cands[i - 1].entry == cands[i].entry {
            continue;
        }
        let k = key(i);
        match best_key {
            Some(bk) if k < bk => {}
            Some(bk) if k == bk => {
                if best.is_empty() {
                    best.push(first);
                }
                best.push(i);
            }
            _ => {
                best_key = Some(k);
                first = i;
                best.clear();
            }
        }
    }
    if best.is_empty() {
        return Decision::One(first);
    }
    let label = entries[cands[best[0]].entry as usize].label;
    if best
        .iter()
        .all(|&i| entries[cands[i].entry as usize].label == label)
    {
        Decision::Tied(best)
    } else {
        Decision::Conflict
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    #[test]
    fn taken_spans_answer_alike_as_a_list_and_as_a_tree() {
        for far in [0, LISTED] {
            let mut taken = Taken::default();
            // Spans past the others, that only make the list long.
            for k in 0..far {
                taken.insert(Field::Text, span(1000 + 10 * k, 1005 + 10 * k));
            }
            taken.insert(Field::Text, span(10, 20));
            taken.insert(Field::Text, span(30, 35));
            let tree = matches!(taken.spans[Field::Text as usize], Spans::Tree(_));
            assert_eq!(tree, far > 0);
            assert_eq!(
                taken.overlapping(Field::Text, span(15, 40)),
                Some(span(30, 35))
            );
            assert_eq!(taken.overlapping(Field::Text, span(20, 30)), None);
            assert_eq!(taken.overlapping(Field::Title, span(10, 20)), None);
            // A span at the same start replaces the one there.
            taken.insert(Field::Text, span(10, 25));
            assert_eq!(
                taken.overlapping(Field::Text, span(22, 23)),
                Some(span(10, 25))
            );
            // Only the span taken is freed.
            taken.remove(Field::Text, span(30, 31));
            assert!(taken.overlapping(Field::Text, span(30, 31)).is_some());
            taken.remove(Field::Text, span(30, 35));
            assert!(taken.overlapping(Field::Text, span(30, 31)).is_none());
            taken.clear();
            assert!(matches!(taken.spans[Field::Text as usize], Spans::List(_)));
            assert!(taken.overlapping(Field::Text, span(10, 20)).is_none());
        }
    }
}
