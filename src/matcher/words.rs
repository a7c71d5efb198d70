//! The first words of a trie bank's patterns, for skipping walks that can
//! find nothing and the first bytes of those that can.
//!
//! A match starts at a word start and ends at a word end, so the run of
//! ASCII letters and digits that starts a match is the whole run of them
//! that starts the text there: a pattern whose run is shorter would need a
//! letter or digit where it has another byte (or would end inside a word),
//! one whose run is longer would need another byte where the text has a
//! letter or digit. So at a word start the text's leading run (its *head*:
//! found by the word-start scan, hashed at most once for every bank) is
//! looked up here: no entry means no pattern can match there, and an entry
//! says where the walk resumes: the trie node the head leads to, the
//! pattern ending there, and whether any pattern goes on past the head.
//! Patterns ending inside the head are skipped with it; they could only
//! end inside a word. An empty head (the word starts with a letter beyond
//! ASCII) is not looked up: the walk starts at the root as before.
//!
//! The trie's first levels are the widest and the most often walked; one
//! hash probe replaces them, and for many words of running text (two in
//! five with the topic phrases) nothing is read after it.
//!
//! Most walks that go on past the head die within the next word's first
//! bytes (on Reuters with the topic phrases, two in three by its first
//! letter, four in five by its second). So the table also keeps a filter
//! of the first [`SCREEN_BYTES`] bytes that can follow each head: a walk
//! whose next bytes are not in it is not started. Heads with a pattern
//! ending sooner than that past them are not screened.

use std::cell::Cell;

use crate::swar::load_le;

/// The leading run of ASCII letters and digits of the normalized text at a
/// word start, hashed when a table first asks (a text's only trie banks may
/// be walked at capitalized word starts alone).
#[derive(Debug)]
pub(crate) struct Head<'a> {
    hay: &'a [u8],
    at: usize,
    end: usize,
    /// Its key, once computed.
    key: Cell<Option<Key>>,
}

/// A head's hash and its first eight bytes (zero-padded), which decide
/// equality for all but the longest heads without a call to `memcmp`. The
/// first eight bytes of a head longer than eight carry the flag [`LONGER`]
/// (no head byte has its high bit), so that one comparison of `first` also
/// tells heads of eight bytes from the longer ones they begin.
#[derive(Clone, Copy, Debug)]
struct Key {
    hash: u64,
    first: u64,
}

/// The bit of [`Key::first`] set for a head longer than eight bytes: the
/// high bit of its eighth byte, which is ASCII in every head.
const LONGER: u64 = 1 << 63;

impl<'a> Head<'a> {
    /// The head `hay[at..end]`: `at` a word start of the normalized text
    /// `hay`, `end` the end of the run of ASCII letters and digits there.
    #[inline]
    pub(crate) fn new(hay: &'a [u8], at: usize, end: usize) -> Head<'a> {
        Head {
            hay,
            at,
            end,
            key: Cell::new(None),
        }
    }

    /// Its length in bytes.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.end - self.at
    }

    #[inline(always)]
    fn key(&self) -> Key {
        match self.key.get() {
            Some(key) => key,
            None => {
                let key = key(self.hay, self.at, self.end);
                self.key.set(Some(key));
                key
            }
        }
    }
}

/// The length of the run of ASCII letters and digits that starts `bytes`.
pub(super) fn head_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len())
}

/// The multiplier of [`key`]'s mixing.
const MIX: u64 = 0xf135_7aea_2e62_a9c5;

/// The key of `hay[at..end]`: FxHash-style mixing, eight bytes at a time.
/// Words are read as whole 8-byte loads where `hay` has the bytes, the
/// bytes past `end` masked off: most heads are one load and one multiply.
/// The length is not mixed in: a head has no zero byte, so its zero-padded
/// words alone tell it from every other.
#[inline(always)]
fn key(hay: &[u8], at: usize, end: usize) -> Key {
    // A head of at most eight bytes (most words) with eight bytes to read
    // is the loop of `key_long` run once, without its bookkeeping: the head
    // is hashed at nearly every word start of a text, in the word-start
    // loop.
    // (`first_chunk` of the rest: `get(at..at + 8)` also checked that
    // `at + 8` does not overflow, two instructions more a head.)
    let len = end - at;
    match (len, hay.get(at..).and_then(<[u8]>::first_chunk::<8>)) {
        (1..=8, Some(&w)) => {
            let word = u64::from_le_bytes(w) & (u64::MAX >> (64 - 8 * len));
            finish(word.wrapping_mul(MIX), word)
        }
        _ => key_long(hay, at, end),
    }
}

/// [`key`] of a head longer than eight bytes or near the end of `hay`; out
/// of the word-start loop, as one head in ten needs it. Its words are the
/// head's eight-byte chunks, the last zero-padded (as `key` masks it).
#[inline(never)]
fn key_long(hay: &[u8], at: usize, end: usize) -> Key {
    let head = &hay[at..end];
    let mut words = head.chunks(8).map(load_le);
    let first = words.next().unwrap_or(0);
    let mix = |h: u64, word: u64| (h.rotate_left(26) ^ word).wrapping_mul(MIX);
    let h = words.fold(first.wrapping_mul(MIX), mix);
    let longer = if head.len() > 8 { LONGER } else { 0 };
    finish(h, first | longer)
}

/// The key of a head from its mixed words and its first word.
#[inline(always)]
fn finish(h: u64, first: u64) -> Key {
    // The low bits of a product depend only on the low bits of its factors
    // (the first bytes): fold the high half in, as the table is indexed by
    // the low bits.
    Key {
        hash: h ^ (h >> 32),
        first,
    }
}

/// Where a walk resumes after a head: the trie node it leads to, the
/// pattern that ends there, whether the walk can go on past the head (the
/// node has a child outside letters and digits: the byte after a head never
/// is one), and whether the bytes it would go on with are screened (see
/// [`FirstWords::continues`]); and whether the head is also one of another
/// bank's (see [`Resume::others`]).
///
/// Kept packed as the table's slot holds it, eight bytes: unpacked into
/// four fields it was copied field by field at every head found, and passed
/// to the walk through memory.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Resume {
    pub(super) node: u32,
    /// 1 + the pattern (0 for none), and the flags `GOES_ON`, `SCREENED`,
    /// `OTHERS`.
    meta: u32,
}

impl Resume {
    /// Where a walk resumes at trie `node`, with the pattern ending there,
    /// whether it goes on and whether that is screened.
    pub(super) fn new(node: u32, pattern: Option<u32>, goes_on: bool, screened: bool) -> Resume {
        let mut meta = pattern.map_or(0, |p| p + 1);
        debug_assert!(meta <= PATTERN_BITS);
        if goes_on {
            meta |= GOES_ON;
        }
        if screened {
            meta |= SCREENED;
        }
        Resume { node, meta }
    }

    /// The same, with the head also one of the other bank's (see
    /// [`Resume::others`]).
    pub(super) fn with_others(self) -> Resume {
        Resume {
            node: self.node,
            meta: self.meta | OTHERS,
        }
    }

    /// Where a walk at a head of the other bank's patterns only resumes:
    /// nowhere, as no pattern of this bank starts with it.
    pub(super) fn others_only() -> Resume {
        Resume {
            node: 0,
            meta: OTHERS,
        }
    }

    /// Whether some pattern of the other bank may start at the head: a word
    /// start whose head is not one of that bank's patterns' (nor empty)
    /// can start none of them. Only a table given the other bank's heads
    /// marks them; a head it does not hold is none of them.
    #[inline]
    pub(super) fn others(self) -> bool {
        self.meta & OTHERS != 0
    }

    /// The pattern ending at the node.
    #[inline]
    pub(super) fn pattern(self) -> Option<u32> {
        (self.meta & PATTERN_BITS).checked_sub(1)
    }

    /// Whether some pattern goes on past the head.
    #[inline]
    pub(super) fn goes_on(self) -> bool {
        self.meta & GOES_ON != 0
    }

    /// Whether the bytes past the head are screened.
    #[inline]
    pub(super) fn screened(self) -> bool {
        self.meta & SCREENED != 0
    }
}

/// Bytes past a head that the continuation filter screens.
pub(super) const SCREEN_BYTES: usize = 4;

/// Filter bits per screened continuation (about one false pass in eight).
const SCREEN_BITS_PER_KEY: usize = 8;

/// The hash of a head's node and the bytes that follow it, for the
/// continuation filter: its top bits index the filter.
#[inline]
fn screen_hash(node: u32, next: [u8; SCREEN_BYTES]) -> u64 {
    // The bytes as one little-endian load: put together byte by byte, they
    // were taken apart and shifted back in place (ten instructions a walk).
    ((node as u64) << 32 | u64::from(u32::from_le_bytes(next))).wrapping_mul(MIX)
}

/// Bits of `Resume::meta`: 1 + the pattern (24 bits, as in the trie), then
/// flags.
const PATTERN_BITS: u32 = (1 << 24) - 1;
const GOES_ON: u32 = 1 << 24;
const SCREENED: u32 = 1 << 25;
const OTHERS: u32 = 1 << 26;

/// Bits in `FirstWords::filter` (8 KiB).
const FILTER_BITS: usize = 1 << 16;

/// The filter bit of a hash: bits the slot index (the low ones) does not
/// use in tables of up to 2^40 slots.
#[inline]
fn filter_bit(hash: u64) -> usize {
    (hash >> 40) as usize & (FILTER_BITS - 1)
}

/// One slot of the open-addressing table, 16 bytes; `first == 0`, which no
/// head's key has, marks it empty. The walk needs nothing more than the
/// slot unless it goes on past the head.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The head's [`Key::first`]: with no zero byte in a head, its first
    /// eight bytes are the whole head when it is at most eight bytes long.
    first: u64,
    /// Where the walk resumes.
    resume: Resume,
}

/// The distinct heads of a bank's patterns, each with where a walk resumes
/// after it.
#[derive(Clone, Debug, Default)]
pub(super) struct FirstWords {
    /// One bit per value of 16 bits of a key's hash, set for the heads':
    /// small enough to stay in the first-level cache, it turns most heads
    /// that start no pattern away before their slot is read.
    filter: Vec<u64>,
    slots: Vec<Slot>,
    /// Per slot, where the bytes of its head past the eighth lie in `tails`
    /// (heads of more than eight bytes only).
    tail_ranges: Vec<(u32, u32)>,
    tails: Vec<u8>,
    /// The continuation filter: one bit per value of the top bits of a
    /// [`screen_hash`], set for the continuations of screened heads.
    screen: Vec<u64>,
    /// How far a screen hash is shifted right to index `screen`.
    screen_shift: u32,
}

impl FirstWords {
    /// The table of `heads` (distinct, non-empty). The continuations of
    /// screened heads are set next, with [`FirstWords::set_screen`].
    pub(super) fn new<'p>(heads: impl ExactSizeIterator<Item = (&'p [u8], Resume)>) -> FirstWords {
        // At most half full: most lookups in running text miss, and a miss
        // ends at the first empty slot.
        let capacity = (heads.len() * 2).next_power_of_two().max(1);
        let mut words = FirstWords {
            filter: vec![0; FILTER_BITS / 64],
            slots: vec![Slot::default(); capacity],
            tail_ranges: vec![(0, 0); capacity],
            tails: Vec::new(),
            screen: Vec::new(),
            screen_shift: 0,
        };
        let mask = capacity - 1;
        for (head, resume) in heads {
            debug_assert!(!head.is_empty());
            let key = key(head, 0, head.len());
            let bit = filter_bit(key.hash);
            words.filter[bit / 64] |= 1 << (bit % 64);
            let mut i = key.hash as usize & mask;
            while words.slots[i].first != 0 {
                i = (i + 1) & mask;
            }
            if head.len() > 8 {
                let start = words.tails.len() as u32;
                words.tails.extend_from_slice(&head[8..]);
                words.tail_ranges[i] = (start, words.tails.len() as u32);
            }
            words.slots[i] = Slot {
                first: key.first,
                resume,
            };
        }
        words
    }

    /// Where a walk resumes after `head` (non-empty), or `None` when no
    /// pattern starts with it. Inlined into the word-start loop, as
    /// `Walk::bank` is.
    #[inline(always)]
    pub(super) fn resume(&self, head: &Head<'_>) -> Option<Resume> {
        let key = head.key();
        let bit = filter_bit(key.hash);
        if self
            .filter
            .get(bit / 64)
            .is_none_or(|w| w & (1 << (bit % 64)) == 0)
        {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = key.hash as usize & mask;
        loop {
            let slot = self.slots[i];
            // Equal firsts make the slot a full one, of a head as long or
            // as short as this one (see `Key`): most heads found are
            // settled by this one comparison.
            if slot.first == key.first
                && (key.first & LONGER == 0
                    || self.tail_matches(i, &head.hay[head.at + 8..head.end]))
            {
                return Some(slot.resume);
            }
            if slot.first == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Sets the continuation filter to `continuations`: the first
    /// [`SCREEN_BYTES`] bytes past each screened head, with its node.
    pub(super) fn set_screen(&mut self, continuations: &[(u32, [u8; SCREEN_BYTES])]) {
        let bits = (continuations.len() * SCREEN_BITS_PER_KEY)
            .next_power_of_two()
            .max(64);
        self.screen = vec![0; bits / 64];
        self.screen_shift = 64 - bits.trailing_zeros();
        for &(node, next) in continuations {
            let bit = (screen_hash(node, next) >> self.screen_shift) as usize;
            self.screen[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// Whether a walk resumed at `node`, a screened head's, may find a
    /// pattern going on past the head with the bytes from `end` of `hay`
    /// (always, when the text ends sooner).
    #[inline]
    pub(super) fn continues(&self, node: u32, hay: &[u8], end: usize) -> bool {
        let Some(&[a, b, c, d]) = hay.get(end..end + SCREEN_BYTES) else {
            return true;
        };
        let bit = (screen_hash(node, [a, b, c, d]) >> self.screen_shift) as usize;
        self.screen
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    /// Whether the head in slot `i` goes on with `tail` past its eighth byte.
    #[inline(never)]
    fn tail_matches(&self, i: usize, tail: &[u8]) -> bool {
        let (start, end) = self.tail_ranges[i];
        self.tails.get(start as usize..end as usize) == Some(tail)
    }

    /// Heap memory held, in bytes.
    pub(super) fn memory_usage(&self) -> usize {
        self.filter.len() * 8
            + self.slots.len() * std::mem::size_of::<Slot>()
            + self.tail_ranges.len() * 8
            + self.tails.len()
            + self.screen.len() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_and_lookups() {
        let head = |s: &'static [u8]| Head::new(s, 0, head_len(s));
        assert_eq!(head(b"u.s. and").len(), 1);
        assert_eq!(head(b"missile test").len(), 7);
        assert_eq!(head(b"").len(), 0);
        let at = |node, pattern, goes_on| Resume::new(node, pattern, goes_on, goes_on);
        let long = b"internationalization ";
        let longer = b"internationalizations";
        let mut words = FirstWords::new(
            [
                (&b"missile"[..], at(3, None, true)),
                (&long[..20], at(9, Some(4), false)),
                (&longer[..], at(12, Some(5), false)),
            ]
            .into_iter(),
        );
        words.set_screen(&[(3, *b" tes"), (3, *b"-bas")]);
        let find = |h: &Head<'_>| words.resume(h).map(|r| r.node);
        assert_eq!(
            words.resume(&head(b"missile test")),
            Some(at(3, None, true))
        );
        // (A long head's resume is the one it was given.)
        let long_resume = words.resume(&head(long)).unwrap();
        assert_eq!(
            (
                long_resume.node,
                long_resume.pattern(),
                long_resume.goes_on()
            ),
            (9, Some(4), false)
        );
        assert_eq!(find(&head(longer)), Some(12));
        assert_eq!(find(&head(b"internationalizatio")), None);
        assert_eq!(find(&head(b"missiles")), None);
        assert_eq!(find(&head(b"missil")), None);
        // Read in place, the bytes past the head do not change its key.
        let text = b"the missile test";
        assert_eq!(find(&Head::new(text, 4, 11)), Some(3));
        assert_eq!(find(&Head::new(text, 4, 10)), None);
        // Screened continuations: listed, or too near the end to tell.
        assert!(words.continues(3, text, 11));
        assert!(words.continues(3, b"missile-based", 7));
        assert!(words.continues(3, b"missile t", 7));
        assert!(!words.continues(3, b"missile of it", 7));
        assert!(!words.continues(9, text, 11));
    }
}
