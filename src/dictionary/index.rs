//! The id index of a dictionary: entry positions in an open-addressing
//! table, keyed by the entries' own ids.
//!
//! A `HashMap<String, usize>` keeps a second copy of every id, one
//! allocation each, and hashes with SipHash: at a million entries that was
//! 55 MB and a tenth of the load time. This table holds per slot an entry
//! position and 32 bits of its id's hash; only a probe whose hash bits agree
//! reads `entries[slot].id` (two cache misses away).

use super::Entry;

/// Marks an empty slot.
const EMPTY: u64 = u64::MAX;

/// Entry positions by id; the entries themselves live in the dictionary.
#[derive(Clone, Debug, Default)]
pub(super) struct IdIndex {
    /// `hash << 32 | position`, or `EMPTY`; the length is a power of two
    /// (or 0). The slot is chosen by the hash's low bits, the tag is its
    /// high bits.
    slots: Vec<u64>,
    len: usize,
}

impl IdIndex {
    /// The position of the entry with this id.
    pub(super) fn get(&self, entries: &[Entry], id: &str) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let h = hash(id);
        let mut i = h as usize & mask;
        loop {
            match self.slots[i] {
                EMPTY => return None,
                slot if same(slot, h, entries, id) => return Some(slot as u32 as usize),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Adds `entries[at]`, unless an entry with its id is there already
    /// (then returns false).
    pub(super) fn insert(&mut self, entries: &[Entry], at: usize) -> bool {
        if full(self.len + 1, self.slots.len()) {
            self.grow(entries);
        }
        let mask = self.slots.len() - 1;
        let id = &*entries[at].id;
        let h = hash(id);
        let mut i = h as usize & mask;
        loop {
            match self.slots[i] {
                EMPTY => break,
                slot if same(slot, h, entries, id) => return false,
                _ => i = (i + 1) & mask,
            }
        }
        self.slots[i] = h & !0xffff_ffff | at as u64;
        self.len += 1;
        true
    }

    /// Reserves room for `more` entries, so that a large load rehashes once.
    pub(super) fn reserve(&mut self, entries: &[Entry], more: usize) {
        let len = self.len + more;
        if full(len, self.slots.len()) {
            self.rebuild(entries, (len * 4 / 3 + 1).next_power_of_two());
        }
    }

    fn grow(&mut self, entries: &[Entry]) {
        self.rebuild(entries, (self.slots.len() * 2).max(16));
    }

    fn rebuild(&mut self, entries: &[Entry], size: usize) {
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; size]);
        let mask = size - 1;
        for slot in old.into_iter().filter(|&s| s != EMPTY) {
            let h = hash(&entries[slot as u32 as usize].id);
            let mut i = h as usize & mask;
            while self.slots[i] != EMPTY {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }
}

/// Whether `len` ids would fill `slots` past three quarters. Probes are
/// short at that load (a miss reads about six slots, within a cache line or
/// two, and most probes stop at the hash tag), and the table is half the size
/// it would be at one half: 8 MB at a million entries.
fn full(len: usize, slots: usize) -> bool {
    len * 4 > slots * 3
}

/// Whether `slot` holds the entry with id `id`, of hash `h`.
#[inline]
fn same(slot: u64, h: u64, entries: &[Entry], id: &str) -> bool {
    slot >> 32 == h >> 32 && *entries[slot as u32 as usize].id == *id
}

/// FxHash over 8-byte words, finished with a multiply-shift so that the
/// low bits (the slot) depend on every byte.
fn hash(s: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = s.len() as u64;
    let mut chunks = s.as_bytes().chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or_default());
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^ (h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Label;

    #[test]
    fn finds_every_id_and_refuses_duplicates() {
        let entries: Vec<Entry> = (0..1000)
            .map(|i| Entry::new(&format!("place:city:{}", i), Label::Place, "city", "Aaa"))
            .collect();
        let mut index = IdIndex::default();
        for i in 0..entries.len() {
            assert!(index.insert(&entries, i));
        }
        assert!(!index.insert(&entries, 7));
        for (i, e) in entries.iter().enumerate() {
            assert_eq!(index.get(&entries, &e.id), Some(i));
        }
        assert_eq!(index.get(&entries, "place:city:1000"), None);
        assert_eq!(IdIndex::default().get(&entries, "x"), None);
    }
}
