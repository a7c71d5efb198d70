//! A byte trie without failure transitions, for walks anchored at a word
//! start.
//!
//! An anchored walk never follows a failure link, yet an Aho-Corasick NFA
//! computes one for every state, keeps a match list per state that includes
//! the patterns ending in its suffixes, and is built through an intermediate
//! NFA twice its final size. For a million aliases that was most of the
//! build time and a tenth of the tagger's memory. This trie is built in one
//! breadth-first pass over the sorted patterns, with no hashing and no
//! intermediate structure.
//!
//! Layout: nodes are numbered breadth-first, so the children of a node are
//! consecutive and the children of node `s + 1` follow those of node `s`.
//! A node therefore only stores where its children start (they end where
//! the next node's start), the byte on the edge into it and the pattern, if
//! any, that ends at it, packed in 8 bytes. A step scans the children's
//! bytes (sorted) and lands on the child's own word, which holds all the
//! next step needs: one cache line per byte of the walk, where separate
//! arrays of labels and nodes took two (measured: the walk spent most of
//! its time waiting on those two loads at a million patterns). The root and
//! the nodes just below it, where fan-out is widest, have a table of 256
//! children instead (walks at word starts mostly begin past them, at the
//! node a first-word table gives: see `words.rs`). (A depth-first layout, with
//! explicit edge targets so that a pattern's path is contiguous, was
//! measured too: 40% larger, and 10-15% slower at a million patterns, since
//! walks rarely go deep.)

use std::collections::VecDeque;

/// Patterns are stored in 24 bits of a node, as `pattern + 1`.
pub(super) const MAX_PATTERNS: usize = (1 << 24) - 1;

/// Children lists longer than this are binary-searched; shorter ones
/// scanned (most nodes below the first levels have one child).
const SCAN_MAX: usize = 8;

/// Nodes up to this depth get a dense row of children (see `Trie::dense`).
const DENSE_DEPTH: usize = 2;

/// A node: its first child's index (bits 0-31), the byte on the edge into
/// it (bits 32-39) and 1 + the pattern ending at it, or 0 (bits 40-63).
#[derive(Clone, Copy, Debug, Default)]
struct Node(u64);

impl Node {
    fn new(label: u8) -> Node {
        Node((label as u64) << 32)
    }

    #[inline]
    fn first(self) -> usize {
        self.0 as u32 as usize
    }

    #[inline]
    fn label(self) -> u8 {
        (self.0 >> 32) as u8
    }

    /// The pattern ending here, plus one; 0 for none.
    #[inline]
    fn pattern1(self) -> u32 {
        (self.0 >> 40) as u32
    }

    fn set_first(&mut self, first: usize) {
        self.0 = self.0 & !0xffff_ffff | first as u64;
    }

    fn set_pattern(&mut self, pattern: usize) {
        self.0 = self.0 & 0xff_ffff_ffff | (pattern as u64 + 1) << 40;
    }
}

/// A trie over byte strings; pattern `i` is the `i`-th of the sorted,
/// deduplicated list it was built from.
#[derive(Clone, Debug)]
pub(super) struct Trie {
    /// Breadth-first nodes, plus one sentinel so that `nodes[s + 1].first()`
    /// always exists. Node 0 is the root.
    nodes: Vec<Node>,
    /// For the first nodes (the root and those at depth up to
    /// `DENSE_DEPTH`), a row of 256 children, one per byte; 0 (the root)
    /// for none. Most walks end within a few bytes, where fan-out is wide.
    /// Node `s` has a row when `s < dense.len()`: one test for both the
    /// kind of step and the bounds of the row.
    dense: Vec<[u32; 256]>,
}

impl Trie {
    /// Builds the trie of `patterns`, which must be sorted, distinct and
    /// non-empty, and at most `MAX_PATTERNS`, of fewer than 4 GiB in all.
    pub(super) fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Trie {
        debug_assert!(patterns.windows(2).all(|w| w[0].as_ref() < w[1].as_ref()));
        debug_assert!(patterns.len() <= MAX_PATTERNS);
        // At most one node per pattern byte, plus the root and the sentinel:
        // reserving that once spares the copies of a growing vector (the
        // pages never written are never resident, and `shrink_to_fit` gives
        // them back).
        let bytes: usize = patterns.iter().map(|p| p.as_ref().len()).sum();
        let mut nodes = Vec::with_capacity(bytes + 2);
        nodes.push(Node::default());
        // The patterns below each node not yet expanded, in node order:
        // nodes are expanded in the order they were made. A level of the
        // trie can hold nearly one node per pattern, so the queue keeps two
        // u32s a node; the depth is counted instead (the nodes of a level
        // are consecutive: a level ends where the nodes made by the level
        // before it end).
        let mut queue = VecDeque::from([(0u32, patterns.len() as u32)]);
        let mut s = 0;
        let mut dense_nodes = 0;
        let mut depth = 0;
        let mut level_end = 1;
        while let Some((lo, hi)) = queue.pop_front() {
            let (mut lo, hi) = (lo as usize, hi as usize);
            if s == level_end {
                depth += 1;
                level_end = nodes.len();
            }
            if depth <= DENSE_DEPTH {
                dense_nodes = s + 1;
            }
            let first = nodes.len();
            nodes[s].set_first(first);
            // Sorted order puts the pattern that ends here first.
            if lo < hi && patterns[lo].as_ref().len() == depth {
                nodes[s].set_pattern(lo);
                lo += 1;
            }
            while lo < hi {
                let b = patterns[lo].as_ref()[depth];
                let mut end = lo + 1;
                while end < hi && patterns[end].as_ref()[depth] == b {
                    end += 1;
                }
                nodes.push(Node::new(b));
                queue.push_back((lo as u32, end as u32));
                lo = end;
            }
            s += 1;
        }
        let mut sentinel = Node::default();
        sentinel.set_first(nodes.len());
        nodes.push(sentinel);
        let mut dense = vec![[0u32; 256]; dense_nodes];
        for (s, row) in dense.iter_mut().enumerate() {
            for child in nodes[s].first()..nodes[s + 1].first() {
                row[nodes[child].label() as usize] = child as u32;
            }
        }
        nodes.shrink_to_fit();
        Trie { nodes, dense }
    }

    /// Walks `hay` from its first byte for as long as it spells a prefix
    /// of some pattern, calling `found(len, pattern)` for every pattern
    /// equal to `hay[..len]`, shortest first.
    #[inline]
    pub(super) fn walk(&self, hay: &[u8], found: impl FnMut(usize, u32)) {
        self.walk_from(0, 0, hay, found);
    }

    /// [`Trie::walk`] resumed at node `s`, the node `hay[..from]` leads to
    /// (see [`Trie::node_of`]): calls `found` for the patterns equal to
    /// `hay[..len]` with `len > from`.
    #[inline]
    pub(super) fn walk_from(
        &self,
        mut s: usize,
        from: usize,
        hay: &[u8],
        mut found: impl FnMut(usize, u32),
    ) {
        // An index loop: `enumerate().skip(from)` cost three times its
        // bookkeeping, a tenth of the walk.
        let mut len = from;
        while let Some(&b) = hay.get(len) {
            let Some((child, node)) = self.step(s, b) else {
                return;
            };
            s = child;
            len += 1;
            let pattern1 = node.pattern1();
            if pattern1 != 0 {
                found(len, pattern1 - 1);
            }
        }
    }

    /// The child of node `s` on byte `b`, and its node word. Each step reads
    /// the words it needs through one bounds check each: indexing them one
    /// by one cost the walk a check for every read.
    #[inline]
    fn step(&self, s: usize, b: u8) -> Option<(usize, Node)> {
        if let Some(row) = self.dense.get(s) {
            let child = row[usize::from(b)] as usize;
            return match child {
                0 => None,
                _ => Some((child, *self.nodes.get(child)?)),
            };
        }
        let &[node, next] = self.nodes.get(s..s + 2)? else {
            return None;
        };
        let lo = node.first();
        let children = self.nodes.get(lo..next.first())?;
        let i = child_in(children, b)?;
        Some((lo + i, *children.get(i)?))
    }

    /// The node that `bytes` leads to from the root, if some pattern starts
    /// with them.
    pub(super) fn node_of(&self, bytes: &[u8]) -> Option<usize> {
        let mut s = 0;
        for &b in bytes {
            let lo = self.nodes[s].first();
            s = lo + child_in(&self.nodes[lo..self.nodes[s + 1].first()], b)?;
        }
        Some(s)
    }

    /// The pattern that ends at node `s`.
    pub(super) fn pattern_at(&self, s: usize) -> Option<u32> {
        self.nodes[s].pattern1().checked_sub(1)
    }

    /// The children of node `s`, each with the byte on its edge.
    pub(super) fn children(&self, s: usize) -> impl Iterator<Item = (usize, u8)> + '_ {
        (self.nodes[s].first()..self.nodes[s + 1].first()).map(|c| (c, self.nodes[c].label()))
    }

    /// Heap memory held, in bytes.
    pub(super) fn memory_usage(&self) -> usize {
        self.nodes.len() * std::mem::size_of::<Node>() + self.dense.len() * 1024
    }
}

/// The index of the child labelled `b` among `children` (a node's).
#[inline]
fn child_in(children: &[Node], b: u8) -> Option<usize> {
    if children.len() <= SCAN_MAX {
        children.iter().position(|n| n.label() == b)
    } else {
        children.binary_search_by_key(&b, |n| n.label()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(trie: &Trie, hay: &str) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        trie.walk(hay.as_bytes(), |len, p| out.push((len, p)));
        out
    }

    #[test]
    fn prefixes_in_order() {
        let trie = Trie::new(&["a", "ab", "abc", "abd", "b", "ba"]);
        assert_eq!(found(&trie, "abcx"), [(1, 0), (2, 1), (3, 2)]);
        assert_eq!(found(&trie, "abd"), [(1, 0), (2, 1), (3, 3)]);
        assert_eq!(found(&trie, "ba"), [(1, 4), (2, 5)]);
        assert_eq!(found(&trie, "c"), []);
        assert_eq!(found(&trie, ""), []);
    }

    #[test]
    fn wide_and_deep() {
        // Every byte below a node past the dense rows (binary search), every
        // byte below the root's dense row, and a long chain.
        let mut patterns: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b'x', b'y', b'z', b]).collect();
        patterns.extend((0..=255u8).map(|b| vec![b]));
        patterns.push(vec![b'y'; 300]);
        patterns.sort();
        patterns.dedup();
        let trie = Trie::new(&patterns);
        for (i, p) in patterns.iter().enumerate() {
            let mut got = Vec::new();
            trie.walk(p, |len, id| got.push((len, id)));
            assert_eq!(got.last(), Some(&(p.len(), i as u32)), "{:?}", p);
        }
        let mut got = Vec::new();
        trie.walk(&[b'y'; 299], |len, id| got.push((len, id)));
        assert_eq!(
            got,
            [(1, patterns.binary_search(&vec![b'y']).unwrap() as u32)]
        );
    }

    #[test]
    fn empty_trie_finds_nothing() {
        let trie = Trie::new::<&str>(&[]);
        assert_eq!(found(&trie, "anything"), []);
    }
}
