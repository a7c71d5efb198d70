//! Word lists: each list has a name, a case rule and words; a word maps to
//! the bit set of the lists it is in.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::token::{Kind, KINDS};
use crate::normalize::fold;
use crate::swar::{in_range, load_le, HIGH};

/// Which shapes of a token a list's words match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// `Smith` (a capitalized word, or an initial), not `smith` or `SMITH`.
    Capitalized,
    /// Any case: `of`, `Of`, `OF`.
    Any,
    /// All capitals only: `PLC`.
    Upper,
}

impl Case {
    pub(crate) fn parse(s: &str) -> Option<Case> {
        match s {
            "capitalized" => Some(Case::Capitalized),
            "any" => Some(Case::Any),
            "upper" => Some(Case::Upper),
            _ => None,
        }
    }

    fn allows(self, kind: Kind) -> bool {
        match self {
            Case::Capitalized => matches!(kind, Kind::Cap | Kind::Initial),
            // A symbol too: '&' is a literal of patterns ("Smith & Co").
            Case::Any => kind.is_word() || kind == Kind::Sym,
            Case::Upper => kind == Kind::Upper,
        }
    }
}

/// A small, fast hasher for short keys (FxHash).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            self.0 =
                (self.0.rotate_left(5) ^ load_le(chunk)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// A set of word lists, one bit a list.
pub(crate) type ListBits = u128;

/// The most lists a rule set may define (bits of a [`ListBits`]).
pub(crate) const MAX_LISTS: usize = ListBits::BITS as usize;

/// Named word lists, compiled to a word -> bit set map.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    names: Vec<String>,
    cases: Vec<Case>,
    words: HashMap<Box<str>, ListBits, FxBuild>,
    /// An open-addressing copy of `words` (ASCII words) for lookups
    /// without allocation: one hash, one probe sequence.
    table: Table,
    /// Per token kind, the lists whose case allows it.
    masks: [ListBits; KINDS],
    abbrev: ListBits,
}

impl Lexicon {
    /// The bit of list `name`, adding the list if it is new; an error when
    /// there are already [`MAX_LISTS`] lists or its case differs.
    pub(crate) fn list(&mut self, name: &str, case: Case) -> Result<ListBits, String> {
        if let Some(i) = self.names.iter().position(|n| n == name) {
            if self.cases[i] != case {
                return Err(format!("list '{}' is given two different cases", name));
            }
            return Ok(1 << i);
        }
        if self.names.len() == MAX_LISTS {
            return Err(format!(
                "list '{}' is one more than {} word lists (a literal word of a \
                 pattern is one)",
                name, MAX_LISTS
            ));
        }
        self.names.push(name.to_string());
        self.cases.push(case);
        let bit = 1 << (self.names.len() - 1);
        for k in Kind::ALL {
            if case.allows(k) {
                self.masks[k as usize] |= bit;
            }
        }
        if name == "abbrev" {
            self.abbrev = bit;
        }
        Ok(bit)
    }

    /// The names of the lists whose bits are in `bits`.
    pub(crate) fn names_of(&self, bits: ListBits) -> impl Iterator<Item = &str> {
        self.names
            .iter()
            .enumerate()
            .filter(move |(i, _)| bits & (1 << i) != 0)
            .map(|(_, n)| n.as_str())
    }

    /// The bit of an existing list.
    pub(crate) fn bit(&self, name: &str) -> Option<ListBits> {
        self.names.iter().position(|n| n == name).map(|i| 1 << i)
    }

    /// Adds a word to the lists of `bit`.
    pub(crate) fn add_word(&mut self, word: &str, bit: ListBits) {
        let key = key_of(word);
        *self.words.entry(key.into_boxed_str()).or_insert(0) |= bit;
    }

    /// The bit of the `abbrev` list (words that take a period), or 0.
    pub(crate) fn abbrev_bit(&self) -> ListBits {
        self.abbrev
    }

    /// The words of the lists in `bits`, in no order.
    pub(crate) fn words_in(&self, bits: ListBits) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .filter(move |(_, &b)| b & bits != 0)
            .map(|(w, _)| &**w)
    }

    /// Every distinct bit set a word can have, with 0.
    pub(crate) fn combos(&self) -> Vec<ListBits> {
        let mut all: Vec<ListBits> = self.words.values().copied().collect();
        all.push(0);
        let mut out = Vec::new();
        for k in Kind::ALL {
            let m = self.masks[k as usize];
            out.extend(all.iter().map(|&b| b & m));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Builds the lookup table; call once every word is added.
    pub(crate) fn seal(&mut self) {
        self.table = Table::new(&self.words, ListBits::MAX);
    }

    /// The lists `token` (of shape `kind`) is in. `buf` is scratch space.
    #[inline]
    pub(crate) fn lookup(&self, token: &str, kind: Kind, buf: &mut String) -> ListBits {
        let mask = self.masks[kind as usize];
        if mask == 0 {
            return 0;
        }
        self.lists(token, buf) & mask
    }

    /// [`Lexicon::lookup`] of the word `text[start..end]`, inlined, for
    /// the scans that look up most words (finding the rules' windows and
    /// tokenizing them), where a call and its saved registers cost a third
    /// of the lookup. Elsewhere the call keeps callers small (and their own
    /// inlining as it was).
    #[inline(always)]
    pub(crate) fn lookup_inline(
        &self,
        text: &str,
        word: (usize, usize),
        kind: Kind,
        buf: &mut String,
    ) -> ListBits {
        match self.mask(kind) {
            0 => 0,
            mask => self.lists_inline(text, word, buf) & mask,
        }
    }

    /// [`Lexicon::lookup_inline`] of an ASCII word of `len` bytes, eight at
    /// most and no final period, read (as [`load_le`] reads it, zero-padded)
    /// into `head` and lower-cased (each capital gaining bit 0x20): the
    /// tokenizer has read and tested it so while finding its end, and
    /// reading it again (a load of variable length), testing it for ASCII
    /// and lower-casing it cost as much as the probe.
    #[inline(always)]
    pub(crate) fn lookup_ascii(&self, head: u64, len: usize, kind: Kind) -> ListBits {
        match self.mask(kind) {
            0 => 0,
            mask => self.table.get_lowered(head, len) & mask,
        }
    }

    /// The lists `token` is in whatever its shape: [`Lexicon::lookup`]
    /// without the lists' cases (see [`Lexicon::mask`]), for a word whose
    /// shape matters only if it is in some lists.
    #[inline(never)]
    pub(crate) fn lists(&self, token: &str, buf: &mut String) -> ListBits {
        self.lists_inline(token, (0, token.len()), buf)
    }

    /// [`Lexicon::lists`] of the word `text[start..end]`, inlined (see
    /// [`Lexicon::lookup_inline`]). Read as bytes: a `str` is sliced (its
    /// ends checked for character boundaries) only to be folded.
    #[inline(always)]
    pub(crate) fn lists_inline(
        &self,
        text: &str,
        (start, end): (usize, usize),
        buf: &mut String,
    ) -> ListBits {
        let word = &text.as_bytes()[start..end];
        let key = word.strip_suffix(b".").unwrap_or(word);
        let found = match key.len() {
            ..=8 => self.table.get_short(key),
            _ => self.table.get_long(key),
        };
        match found {
            Some(bits) => bits,
            None => self.lookup_folded(&text[start..start + key.len()], buf),
        }
    }

    /// The lists whose case allows a token of shape `kind`.
    pub(crate) fn mask(&self, kind: Kind) -> ListBits {
        self.masks[kind as usize]
    }

    /// The lists of a word that is not ASCII, by its folded key: rare, so
    /// out of line, which keeps [`Lexicon::lookup`] small enough to inline.
    #[inline(never)]
    fn lookup_folded(&self, token: &str, buf: &mut String) -> ListBits {
        // No words (the table's probe found none at once): nothing to fold.
        if self.words.is_empty() {
            return 0;
        }
        buf.clear();
        buf.push_str(&key_of(token));
        self.words.get(buf.as_str()).copied().unwrap_or(0)
    }

    #[cfg(test)]
    pub(crate) fn for_tests(abbrev: &[&str]) -> Lexicon {
        let mut lex = Lexicon::default();
        let bit = lex.list("abbrev", Case::Any).unwrap_or(0);
        for w in abbrev {
            lex.add_word(w, bit);
        }
        lex.seal();
        lex
    }
}

/// Which words may be in some lists, by their first letter and length: a
/// test of a few instructions that spares most words the lookup of a
/// small list ("v", "vs", "versus").
#[derive(Clone, Debug)]
pub(crate) struct Screen {
    /// Per ASCII first byte, lower-cased, a bit per length of the lists'
    /// words (bit 63: 63 bytes or more).
    lengths: Box<[u64; 128]>,
}

/// Holds every word: a screen that spares nothing.
impl Default for Screen {
    fn default() -> Screen {
        Screen {
            lengths: Box::new([u64::MAX; 128]),
        }
    }
}

impl Screen {
    /// The screen of the words of the lists `bits` of `lex`.
    pub(crate) fn new(lex: &Lexicon, bits: ListBits) -> Screen {
        let mut lengths = [0; 128];
        for w in lex.words_in(bits) {
            if let Some(&c) = w.as_bytes().first().filter(|c| c.is_ascii()) {
                lengths[usize::from(c.to_ascii_lowercase())] |= 1 << w.len().min(63);
            }
        }
        Screen {
            lengths: Box::new(lengths),
        }
    }

    /// Whether [`Lexicon::lookup`] may find `word` in the lists: false only
    /// for an ASCII word (it is compared without case; another is folded
    /// first) whose first letter and length no word of them has.
    #[inline]
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        let w = word.strip_suffix('.').unwrap_or(word).as_bytes();
        match w.first() {
            Some(&c) if w.is_ascii() => {
                self.lengths[usize::from(c.to_ascii_lowercase())] >> w.len().min(63) & 1 != 0
            }
            _ => true,
        }
    }
}

/// The lookup key of a word: folded (lower case, no diacritics), without a
/// final period.
pub(crate) fn key_of(word: &str) -> String {
    let w = word.trim();
    fold(w.strip_suffix('.').unwrap_or(w))
}

/// Open addressing over ASCII keys, compared without case: no allocation
/// and one hash per lookup. A slot holds a key's first eight bytes, so a
/// word of up to eight bytes (most words) is hashed and compared as one
/// integer.
#[derive(Clone, Debug, Default)]
struct Table {
    slots: Vec<Slot>,
    /// The bytes past the eighth of the longer keys.
    rest: Vec<u8>,
    mask: usize,
    /// `64 - log2(slots.len())`: a slot index is the hash's top bits.
    shift: u32,
}

/// One slot: empty when `len` is 0.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The first eight bytes, lower-cased, zero-padded.
    head: u64,
    len: u32,
    /// Where the bytes past the eighth start in [`Table::rest`].
    rest: u32,
    /// The bytes past the eighth up to the 16th, lower-cased, zero-padded:
    /// a key of up to 16 bytes is compared as two integers.
    tail: u64,
    bits: ListBits,
}

/// `x` with each ASCII capital lower-cased (it gains bit 0x20).
#[inline]
fn lower(x: u64) -> u64 {
    x | in_range(x, b'A', b'Z') >> 2
}

/// The multiplier of the table's hash (FxHash's).
const HASH_K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The first eight bytes of `key` lower-cased, and its hash, which ignores
/// ASCII case; `None` when `key` is not ASCII.
#[inline(always)]
fn hash_folded(key: &[u8]) -> Option<(u64, u64)> {
    const K: u64 = HASH_K;
    let n = key.len();
    let first = load_le(&key[..n.min(8)]);
    let head = lower(first);
    let mut high = first;
    let mut h = head ^ n as u64;
    if n > 8 {
        for c in key[8..].chunks(8) {
            let x = load_le(c);
            high |= x;
            h = (h.rotate_left(5) ^ lower(x)).wrapping_mul(K);
        }
    }
    (high & HIGH == 0).then_some((head, h.wrapping_mul(K)))
}

/// `a.eq_ignore_ascii_case(b)` for ASCII slices of one length, eight bytes
/// at a time.
#[inline]
fn eq_folded(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() {
        let e = a.len().min(i + 8);
        if lower(load_le(&a[i..e])) != lower(load_le(&b[i..e])) {
            return false;
        }
        i = e;
    }
    true
}

impl Table {
    /// A table of the words with a bit in `keep`, holding those bits.
    fn new(words: &HashMap<Box<str>, ListBits, FxBuild>, keep: ListBits) -> Table {
        let kept: Vec<(&[u8], ListBits, (u64, u64))> = words
            .iter()
            .filter(|(_, &b)| b & keep != 0)
            .filter_map(|(k, &b)| Some((k.as_bytes(), b & keep, hash_folded(k.as_bytes())?)))
            .collect();
        let cap = (kept.len() * 2).next_power_of_two().max(16);
        let mut t = Table {
            slots: vec![Slot::default(); cap],
            rest: Vec::new(),
            mask: cap - 1,
            shift: 64 - cap.trailing_zeros(),
        };
        for (k, bits, (head, h)) in kept {
            let mut i = (h >> t.shift) as usize;
            while t.slots[i].len != 0 {
                i = (i + 1) & t.mask;
            }
            t.slots[i] = Slot {
                head,
                len: k.len() as u32,
                rest: t.rest.len() as u32,
                tail: lower(load_le(k.get(8..k.len().min(16)).unwrap_or_default())),
                bits,
            };
            t.rest.extend_from_slice(k.get(8..).unwrap_or_default());
        }
        t
    }

    /// The bits of `key`, of eight bytes at most; `None` when it is not
    /// ASCII (only ASCII words are here, but its folded form may be a
    /// word). Most words: their head and length are the whole key, hashed
    /// as [`hash_folded`] hashes them, with no loop and no rest to compare.
    #[inline(always)]
    fn get_short(&self, key: &[u8]) -> Option<ListBits> {
        let x = load_le(key);
        if x & HIGH != 0 {
            return None;
        }
        Some(self.get_lowered(lower(x), key.len()))
    }

    /// The bits of the ASCII key of `len` bytes, eight at most, read (as
    /// [`load_le`] reads it, zero-padded) and lower-cased into `head`.
    #[inline(always)]
    fn get_lowered(&self, head: u64, len: usize) -> ListBits {
        let h = (head ^ len as u64).wrapping_mul(HASH_K);
        self.probe(h, |s| s.head == head && s.len as usize == len)
    }

    /// [`Table::get_short`] of a key longer than eight bytes: out of line,
    /// so that the short keys' path stays small. A key of up to 16 bytes
    /// is two words, hashed as [`hash_folded`] hashes them.
    #[inline(never)]
    fn get_long(&self, key: &[u8]) -> Option<ListBits> {
        let n = key.len();
        if n > 16 {
            let (head, h) = hash_folded(key)?;
            return Some(self.probe(h, |s| {
                s.head == head && s.len as usize == n && self.rest_eq(s.rest, &key[8..])
            }));
        }
        let (x, y) = (load_le(&key[..8]), load_le(&key[8..]));
        if (x | y) & HIGH != 0 {
            return None;
        }
        let (head, tail) = (lower(x), lower(y));
        let h = ((head ^ n as u64).rotate_left(5) ^ tail)
            .wrapping_mul(HASH_K)
            .wrapping_mul(HASH_K);
        Some(self.probe(h, |s| {
            s.head == head && s.tail == tail && s.len as usize == n
        }))
    }

    /// The bits of the slot of hash `h` that `is_key` accepts, or 0 when
    /// the probe meets an empty slot first (or there are none).
    #[inline(always)]
    fn probe(&self, h: u64, is_key: impl Fn(&Slot) -> bool) -> ListBits {
        let mut i = (h >> self.shift) as usize;
        // No slots (a table never built) is an empty slot too.
        while let Some(s) = self.slots.get(i).filter(|s| s.len != 0) {
            if is_key(s) {
                return s.bits;
            }
            i = (i + 1) & self.mask;
        }
        0
    }

    /// Whether the bytes past the eighth of a key whose rest starts at `at`
    /// are `rest`, case aside.
    #[inline(always)]
    fn rest_eq(&self, at: u32, rest: &[u8]) -> bool {
        let at = at as usize;
        eq_folded(&self.rest[at..at + rest.len()], rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The eight-byte comparison folds letters only, as
    /// `eq_ignore_ascii_case` does ('@' is no '`', '[' no '{').
    #[test]
    fn folded_equality_is_ascii_case_folding() {
        let words: [&[u8]; 10] = [
            b"of",
            b"OF",
            b"oF",
            b"@x",
            b"`x",
            b"[a",
            b"{a",
            b"Internationalization",
            b"INTERNATIONALIZATIOn",
            b"internationalizatioM",
        ];
        for a in words {
            for b in words.iter().filter(|b| b.len() == a.len()) {
                assert_eq!(eq_folded(a, b), a.eq_ignore_ascii_case(b), "{a:?} {b:?}");
            }
            assert_eq!(hash_folded(a).is_some(), a.is_ascii());
            // The hash ignores case as the comparison does.
            if a.is_ascii() {
                for b in words
                    .iter()
                    .filter(|b| b.len() == a.len() && eq_folded(a, b))
                {
                    assert_eq!(hash_folded(a), hash_folded(b), "{a:?} {b:?}");
                }
            }
        }
        assert_eq!(hash_folded("Zürich".as_bytes()), None);
    }

    /// Keys of every length are found whatever their case, by the short
    /// path (up to eight bytes), the two-word one (up to 16) and the long
    /// one, and a key one byte shorter or longer is not.
    #[test]
    fn keys_of_every_length_are_found() {
        let mut lex = Lexicon::default();
        let bit = lex.list("all", Case::Any).unwrap_or(0);
        let word = "internationalizations-of-the-world";
        for n in 1..word.len() {
            if n % 2 == 1 {
                lex.add_word(&word[..n], bit);
            }
        }
        lex.seal();
        let mut buf = String::new();
        for n in 1..word.len() {
            let want = if n % 2 == 1 { bit } else { 0 };
            let upper = word[..n].to_ascii_uppercase();
            assert_eq!(lex.lists(&word[..n], &mut buf), want, "{n}");
            assert_eq!(lex.lists(&upper, &mut buf), want, "{n}");
            let text = format!(" {upper}.");
            assert_eq!(lex.lists_inline(&text, (1, n + 1), &mut buf), want, "{n}");
            assert_eq!(lex.lists_inline(&text, (1, n + 2), &mut buf), want, "{n}");
        }
    }

    /// A word's lists whatever its shape, masked by the lists of a shape,
    /// are the lists it is looked up in with that shape.
    #[test]
    fn lists_of_a_shape_are_the_lookup() {
        let mut lex = Lexicon::default();
        let bits = [
            lex.list("cap", Case::Capitalized).unwrap_or(0),
            lex.list("any", Case::Any).unwrap_or(0),
            lex.list("upper", Case::Upper).unwrap_or(0),
        ];
        for (w, b) in [
            ("near", 1),
            ("Near", 0),
            ("co", 2),
            ("&", 1),
            ("d\u{e9}j\u{e0}", 1),
        ] {
            lex.add_word(w, bits[b]);
        }
        lex.add_word("co", bits[0]);
        lex.seal();
        let mut buf = String::new();
        for w in [
            "near",
            "NEAR",
            "Near.",
            "Co",
            "CO",
            "co",
            "&",
            "D\u{e9}j\u{e0}",
            "deja",
            "x",
        ] {
            for k in Kind::ALL {
                assert_eq!(
                    lex.lists(w, &mut buf) & lex.mask(k),
                    lex.lookup(w, k, &mut buf),
                    "{w:?} {k:?}"
                );
            }
        }
        assert_eq!(lex.lists("Co", &mut buf), bits[0] | bits[2]);
        assert_eq!(Lexicon::default().lists("near", &mut buf), 0);
    }

    /// A screen turns away only words the lookup finds in none of its
    /// lists, whatever their case, final period or diacritics.
    #[test]
    fn screens_keep_every_word_of_their_lists() {
        let mut lex = Lexicon::default();
        let versus = lex.list("versus", Case::Any).unwrap_or(0);
        let other = lex.list("other", Case::Any).unwrap_or(0);
        for w in ["v", "vs", "versus", "über"] {
            lex.add_word(w, versus);
        }
        for w in ["vx", "verses", "a", "long"] {
            lex.add_word(w, other);
        }
        lex.seal();
        let screen = Screen::new(&lex, versus);
        let mut buf = String::new();
        for w in [
            "v", "V", "vs.", "VS", "Versus", "VERSUS.", "vx", "verses", "a", "long", "ve", "Über",
            "uber", "Uber", "x", "", ".", "versusx", "\u{e9}",
        ] {
            let bits = lex.lookup(w, Kind::Lower, &mut buf) & versus;
            assert!(bits == 0 || screen.may_hold(w), "{w:?}");
        }
        // Most other words are turned away.
        for w in ["a", "long", "x", "vsx", "Vers."] {
            assert!(!screen.may_hold(w), "{w:?}");
        }
        assert!(screen.may_hold("Vs."));
        assert!(Screen::default().may_hold("anything"));
    }
}
