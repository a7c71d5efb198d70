//! The JSON record of a document, written straight from the [`Doc`]: the
//! bytes `serde_json` writes for [`Doc::to_record`], without building the
//! owned record first (a copy of every surface, id, name, kind, alias and
//! topic, serialized once and freed).

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use serde::Serialize;

use crate::dictionary::{Entry, Label, MatchPolicy};
use crate::doc::{Doc, EntityRef, Evidence, Field, Mention};
use crate::offsets::{char_len, CharOffsets};
use crate::swar;
use crate::tagger::Inner;
use crate::topics::{EvidenceSource, Scored, ScoredTopic, TopicModel};

impl Doc<'_> {
    /// Appends the JSON of [`to_record(id)`](Doc::to_record) to `out`,
    /// byte for byte what `serde_json::to_writer` writes for it (one line,
    /// no newline), without making the record: the faster way to write the
    /// output contract.
    ///
    /// `out` is first grown to hold a typical record of this many entities
    /// and topics, so that a line is seldom copied to grow it again.
    ///
    /// # Example
    ///
    /// ```
    /// let doc = gazetag::Tagger::default().tag("Talks in Pyongyang.");
    /// let id = serde_json::Value::from(7);
    /// let mut out = Vec::new();
    /// doc.write_json(&id, &mut out);
    /// assert_eq!(out, serde_json::to_vec(&doc.to_record(id)).unwrap());
    /// ```
    pub fn write_json(&self, id: &serde_json::Value, out: &mut Vec<u8>) {
        // Sized from the records' mean sizes on news (~260 bytes an entity,
        // ~280 a topic, a long evidence list more).
        out.reserve(256 + 320 * self.mentions.len() + 384 * self.scored.topics.len());
        out.extend_from_slice(b"{\"id\":");
        // Ids are mostly strings or line numbers: written by `string` and
        // `digits`, byte for byte as serde writes them (its way cost about
        // 200 instructions).
        match id {
            serde_json::Value::String(s) => string(out, s),
            _ => match id.as_u64().and_then(|n| usize::try_from(n).ok()) {
                Some(n) => digits(out, n),
                None => value(out, id),
            },
        }
        out.extend_from_slice(b",\"entities\":[");
        let mut first = true;
        let mut locals = LocalFields::default();
        for field in [Field::Title, Field::Text] {
            let mut chars = CharOffsets::new(self.field_text(field));
            for m in self.mentions.iter().filter(|m| m.field == field) {
                if !first {
                    out.push(b',');
                }
                first = false;
                self.write_entity(m, &mut chars, &mut locals, out);
            }
        }
        out.extend_from_slice(b"],\"topics\":[");
        // From the scored topics, without making the `Topic`s.
        if let Some(model) = &self.inner.topics {
            for (k, t) in self.scored.topics.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                write_topic(model, &self.scored, t, out);
            }
        }
        out.extend_from_slice(b"]}");
    }

    /// One `EntityRecord`, its fields in their order, optional ones left
    /// out when absent as serde's `skip_serializing_if` does.
    fn write_entity(
        &self,
        m: &Mention,
        chars: &mut CharOffsets<'_>,
        locals: &mut LocalFields,
        out: &mut Vec<u8>,
    ) {
        let surface = self.surface(m);
        let char_start = chars.at(m.span.start);
        let span = (m.span.start, m.span.end);
        offsets(out, span, (char_start, char_start + char_len(surface)));
        field_and_label(out, m.field, m.label);
        text(out, ",\"text\":", surface);
        self.write_entity_fields(m.entity, locals, out);
        out.extend_from_slice(b",\"evidence\":{\"source\":");
        match m.evidence {
            Evidence::Alias { alias }
            | Evidence::ShortForm { alias, .. }
            | Evidence::Titled { alias } => {
                let (text, policy, _) = self.inner.alias_info(alias);
                // (Each a copy of a known length.)
                match m.evidence {
                    Evidence::Alias { .. } => out.extend_from_slice(b"\"alias\",\"alias\":"),
                    Evidence::Titled { .. } => out.extend_from_slice(b"\"titled\",\"alias\":"),
                    _ => out.extend_from_slice(b"\"short_form\",\"alias\":"),
                }
                string(out, text);
                match_policy(out, policy);
                if let Evidence::ShortForm { antecedent, .. } = m.evidence {
                    if let Some(a) = self.mentions.get(antecedent as usize) {
                        keyword(out, ",\"antecedent\":[", a.field.as_str());
                        number(out, ",", a.span.start);
                        number(out, ",", a.span.end);
                        out.push(b']');
                    }
                }
                if let EntityRef::Ambiguous(i) = m.entity {
                    // The entries of `alternatives(m)`, without collecting them.
                    let entries = self.inner.dict.entries();
                    out.extend_from_slice(b",\"candidates\":[");
                    let alternatives = self.alternatives.get(i as usize).map_or(&[][..], |a| a);
                    for (k, &e) in alternatives.iter().enumerate() {
                        if k > 0 {
                            out.push(b',');
                        }
                        string(out, &entries[e as usize].id);
                    }
                    out.push(b']');
                }
            }
            Evidence::Byline => keyword(out, "", "byline"),
            // (The source and the key in one copy of a known length.)
            Evidence::Rule { rule } => text(out, "\"rule\",\"alias\":", self.rule_name(rule)),
        }
        out.extend_from_slice(b"}}");
    }

    /// `,"entity":…` to the end of the optional fields of the entity an
    /// entity record refers to (`,"entity":null` alone for none).
    fn write_entity_fields(&self, entity: EntityRef, locals: &mut LocalFields, out: &mut Vec<u8>) {
        match entity {
            EntityRef::Entry(i) => match self.inner.dict.entries().get(i as usize) {
                Some(e) => cached_entry_fields(&self.inner, i, e, out),
                None => out.extend_from_slice(NO_ENTITY),
            },
            EntityRef::Local(i) => match self.locals.get(i as usize) {
                Some(e) => locals.write(i as usize, out, |out| {
                    let more = [e.country.as_deref(), e.office.as_deref(), None];
                    entity_fields(out, &e.id, &e.name, &e.kind, more);
                }),
                None => out.extend_from_slice(NO_ENTITY),
            },
            EntityRef::Ambiguous(_) => out.extend_from_slice(NO_ENTITY),
        }
    }
}

/// Where in the line being written the entity fields of a document's first
/// local entities were written, to be copied from there for their later
/// mentions (5,000 Reuters articles: 18,000 records of 10,800 local
/// entities, about 340 instructions a record to write, a tenth to copy).
/// Only the first few are kept, in place, so that no document allocates.
#[derive(Default)]
struct LocalFields {
    /// By the local entity's index: the start and end of its fields in
    /// the line, an empty range for none written yet.
    written: [(usize, usize); LocalFields::KEPT],
}

impl LocalFields {
    /// How many local entities' fields are kept (most documents have
    /// fewer).
    const KEPT: usize = 16;

    /// Appends local entity `i`'s fields to `out`: copied from where they
    /// were written before, else written by `write` (and kept).
    fn write(&mut self, i: usize, out: &mut Vec<u8>, write: impl FnOnce(&mut Vec<u8>)) {
        let Some(range) = self.written.get_mut(i) else {
            return write(out);
        };
        if range.0 < range.1 {
            return out.extend_from_within(range.0..range.1);
        }
        let from = out.len();
        write(out);
        *range = (from, out.len());
    }
}

/// The entity fields of a record that refers to no entity.
const NO_ENTITY: &[u8; 14] = b",\"entity\":null";

/// Appends the entity fields of a record: the id, name and kind, then the
/// country, office and Wikidata id where given.
fn entity_fields(out: &mut Vec<u8>, id: &str, name: &str, kind: &str, more: [Option<&str>; 3]) {
    text(out, ",\"entity\":", id);
    text(out, ",\"name\":", name);
    text(out, ",\"kind\":", kind);
    let prefixes = [",\"country\":", ",\"office\":", ",\"wikidata\":"];
    for (prefix, v) in prefixes.into_iter().zip(more) {
        if let Some(v) = v {
            text(out, prefix, v);
        }
    }
}

/// The slots of [`ENTRY_FIELDS`].
const ENTRY_SLOTS: usize = 4096;

/// The entity fields of dictionary entries (see [`entity_fields`]), as
/// this thread last wrote them for a tagger.
struct EntryFields {
    /// The tagger whose entries the slots hold. Held, weakly, so that its
    /// allocation, and so its address, is no other tagger's while held.
    owner: Weak<Inner>,
    /// By a hash of the entry's index: the index (`None` for an empty
    /// slot) and the fields.
    slots: Vec<(Option<u32>, Vec<u8>)>,
}

thread_local! {
    /// A news corpus names a few thousand entries over and over (5,000
    /// Reuters articles: 20,000 records of 1,400 entries): their fields
    /// are escaped and written once, then copied (about 300 instructions
    /// a record before).
    static ENTRY_FIELDS: RefCell<EntryFields> = const {
        RefCell::new(EntryFields {
            owner: Weak::new(),
            slots: Vec::new(),
        })
    };
}

/// Appends the entity fields of entry `i`, `e`, of `inner`'s dictionary,
/// from [`ENTRY_FIELDS`] (written there first when not there).
fn cached_entry_fields(inner: &Arc<Inner>, i: u32, e: &Entry, out: &mut Vec<u8>) {
    let write = |out: &mut Vec<u8>| {
        let wikidata = e.details().wikidata.as_deref();
        let more = [e.country.as_deref(), e.office.as_deref(), wikidata];
        entity_fields(out, &e.id, &e.name, &e.kind, more);
    };
    let cached = ENTRY_FIELDS.try_with(|c| {
        let Ok(mut c) = c.try_borrow_mut() else {
            return false;
        };
        if !std::ptr::eq(c.owner.as_ptr(), Arc::as_ptr(inner)) {
            c.owner = Arc::downgrade(inner);
            c.slots.clear();
            c.slots.resize_with(ENTRY_SLOTS, Default::default);
        }
        // Fibonacci hashing, as for the recent floats.
        let slot = (i.wrapping_mul(0x9e37_79b9) >> (32 - ENTRY_SLOTS.trailing_zeros())) as usize;
        let (key, fields) = &mut c.slots[slot];
        if *key == Some(i) {
            out.extend_from_slice(fields);
        } else {
            // Written where they go, then kept: the slot's buffer is
            // allocated once, at the fields' length, not grown.
            let from = out.len();
            write(out);
            fields.clear();
            fields.extend_from_slice(&out[from..]);
            *key = Some(i);
        }
        true
    });
    if cached != Ok(true) {
        write(out);
    }
}

/// One `Topic` and its evidence, as serde derives them.
fn write_topic(model: &TopicModel, scored: &Scored, t: &ScoredTopic, out: &mut Vec<u8>) {
    // The id and label, and the source and text of a roll-up or of a
    // phrase's own text, escaped once per model, not once per record.
    out.extend_from_slice(Scored::json_head(model, t).as_bytes());
    float(out, ",\"score\":", t.score);
    out.extend_from_slice(b",\"evidence\":[");
    for (k, e) in scored.evidence_of(t).iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        match Scored::json_evidence_head(model, e) {
            Some(head) => out.extend_from_slice(head.as_bytes()),
            None => {
                out.extend_from_slice(source_head(e.source));
                string(out, scored.text(model, e));
            }
        }
        float(out, ",\"weight_added\":", e.weight_added);
        // The rest of the record in one write where the count is one digit
        // (nearly always): the template with the digit in place.
        if e.count < 10 {
            let digit = b'0' + e.count as u8;
            if e.in_title {
                with_digit(out, COUNT_IN_TITLE, digit);
            } else {
                with_digit(out, COUNT_NOT_IN_TITLE, digit);
            }
        } else {
            number(out, ",\"count\":", e.count as usize);
            let in_title: &[u8] = if e.in_title { b"true}" } else { b"false}" };
            out.extend_from_slice(b",\"in_title\":");
            out.extend_from_slice(in_title);
        }
    }
    out.extend_from_slice(b"]}");
}

/// `{"source":…,"text":` of an evidence record: one store (the names are
/// of one length).
fn source_head(source: EvidenceSource) -> &'static [u8; 26] {
    match source {
        EvidenceSource::Phrase => b"{\"source\":\"phrase\",\"text\":",
        EvidenceSource::Entity => b"{\"source\":\"entity\",\"text\":",
        EvidenceSource::Rollup => b"{\"source\":\"rollup\",\"text\":",
    }
}

/// The end of an evidence record of a one-digit count, in the title or
/// not: its digit goes at `COUNT_DIGIT`.
const COUNT_IN_TITLE: &[u8; 27] = b",\"count\":0,\"in_title\":true}";
const COUNT_NOT_IN_TITLE: &[u8; 28] = b",\"count\":0,\"in_title\":false}";
const COUNT_DIGIT: usize = 9;

/// Appends `template` with `digit` at `COUNT_DIGIT`: one store of a known
/// length, not a call to `memcpy`.
#[inline(always)]
fn with_digit<const N: usize>(out: &mut Vec<u8>, template: &[u8; N], digit: u8) {
    let mut bytes = *template;
    bytes[COUNT_DIGIT] = digit;
    out.extend_from_slice(&bytes);
}

/// Appends `v` as JSON (numbers, here). Writing into a `Vec` cannot fail,
/// and no value written here can fail to serialize.
fn value<T: Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) {
    let _ = serde_json::to_writer(&mut *out, v);
}

/// Appends `prefix`, then `x` as serde writes an `f32`. Evidence weights
/// are mostly multiples of a quarter below 2^20 (rule weights, halves and
/// their sums): their shortest digits are those of the integer part and
/// `.0`, `.25`, `.5` or `.75` (no other decimal of as many digits or fewer
/// is within half a unit in the last place, a sixteenth at the most),
/// written here; the way through `serde_json` cost about 160 instructions
/// a number. Others (and `-0.0`) go through it.
#[inline(always)]
fn float(out: &mut Vec<u8>, prefix: &str, x: f32) {
    // The prefix written where its length is known: a store, not a call to
    // `memcpy`.
    out.extend_from_slice(prefix.as_bytes());
    float_value(out, x);
}

/// Appends `x` as `serde_json` writes it (see [`float`]). Inlined into
/// its two callers: a call cost a tenth of it.
#[inline(always)]
fn float_value(out: &mut Vec<u8>, x: f32) {
    let quarters = x * 4.0;
    // (`f32::trunc` is a call to `truncf` on x86-64 as built.)
    let q = quarters as u32;
    if x.is_sign_positive() && x < 1_048_576.0 && q as f32 == quarters {
        digits(out, (q / 4) as usize);
        let (fraction, len) = match q % 4 {
            0 => (*b".0\0", 2),
            1 => (*b".25", 3),
            2 => (*b".5\0", 2),
            _ => (*b".75", 3),
        };
        let end = out.len() + len;
        out.extend_from_slice(&fraction);
        out.truncate(end);
    } else {
        recent_float(out, x);
    }
}

/// A float as `serde_json` wrote it: the bits of `x` and its text, padded.
#[derive(Clone, Copy)]
struct Written {
    bits: u32,
    len: u8,
    text: [u8; 16],
}

/// The slots of [`RECENT_FLOATS`]: on 5,000 Reuters articles, 46,000
/// floats of 11,400 values took 16,400 writes by `serde_json` in 1,024
/// slots, 13,700 in 4,096.
const RECENT_SLOTS: usize = 4096;

thread_local! {
    /// The last float written to each slot (by its bits) with its text.
    /// Scores and roll-up weights are not multiples of a quarter but recur
    /// across documents (a short article's score of a single rule, say):
    /// about half the floats `serde_json` writes were written before, at
    /// about 200 instructions each. Empty slots hold the bits of `0.0`,
    /// which [`float_value`] writes itself: all zero, so that the slots
    /// take no room in the binary.
    static RECENT_FLOATS: RefCell<[Written; RECENT_SLOTS]> = const {
        RefCell::new([Written { bits: 0, len: 0, text: [0; 16] }; RECENT_SLOTS])
    };
}

/// Appends `x` as `serde_json` writes it, from [`RECENT_FLOATS`] when it
/// was written there last, else through `serde_json` (and kept there).
fn recent_float(out: &mut Vec<u8>, x: f32) {
    let bits = x.to_bits();
    debug_assert_ne!(bits, 0, "0.0 would be found in an empty slot");
    // Fibonacci hashing: the high bits of the product mix all of `bits`.
    let slot = (bits.wrapping_mul(0x9e37_79b9) >> (32 - RECENT_SLOTS.trailing_zeros())) as usize;
    let written = RECENT_FLOATS.with(|r| r.try_borrow().ok().map(|r| r[slot]));
    match written {
        Some(w) if w.bits == bits && x.is_finite() => {
            // Written whole, then cut to length (see `digits`).
            let end = out.len() + usize::from(w.len);
            out.extend_from_slice(&w.text);
            out.truncate(end);
        }
        _ => {
            let from = out.len();
            value(out, &x);
            let new = &out[from..];
            if x.is_finite() && new.len() <= 16 {
                let mut w = Written {
                    bits,
                    len: new.len() as u8,
                    text: [0; 16],
                };
                w.text[..new.len()].copy_from_slice(new);
                RECENT_FLOATS.with(|r| {
                    if let Ok(mut r) = r.try_borrow_mut() {
                        r[slot] = w;
                    }
                });
            }
        }
    }
}

/// Appends `prefix`, then `n` in decimal, as serde writes an integer (the
/// way through `serde_json::to_writer` cost more than the digits).
#[inline(always)]
fn number(out: &mut Vec<u8>, prefix: &str, n: usize) {
    // (Inlined, as `float`.) Offsets: the prefix and the digits put
    // together in one buffer, written whole and cut to length, one check of
    // the capacity and one store, not two of each.
    let p = prefix.as_bytes();
    if (10..100_000_000).contains(&n) && p.len() <= 16 {
        let (ascii, len) = decimal(n as u64);
        let mut buf = [0u8; 24];
        buf[..p.len()].copy_from_slice(p);
        buf[p.len()..p.len() + 8].copy_from_slice(&ascii.to_le_bytes());
        let end = out.len() + p.len() + len;
        out.extend_from_slice(&buf);
        out.truncate(end);
        return;
    }
    out.extend_from_slice(p);
    digits(out, n);
}

/// Appends `{"start":…,"end":…,"char_start":…,"char_end":…` of an entity
/// record: its byte offsets `span` and char offsets `chars`.
#[inline(always)]
fn offsets(out: &mut Vec<u8>, span: (usize, usize), chars: (usize, usize)) {
    let (start, end) = span;
    if chars == span && (1..100_000_000).contains(&start) && end < 100_000_000 {
        // Where the text up to the mention's end is ASCII (most), the char
        // offsets are the byte offsets: the digits of each made once, and
        // the four written into one buffer, written whole and cut to length
        // (one check of the capacity, not four).
        let (s, e) = (decimal(start as u64), decimal(end as u64));
        let parts: [(&[u8], _); 4] = [
            (b"{\"start\":", s),
            (b",\"end\":", e),
            (b",\"char_start\":", s),
            (b",\"char_end\":", e),
        ];
        let mut buf = [0u8; 96];
        let mut at = 0;
        for (prefix, (ascii, len)) in parts {
            buf[at..at + prefix.len()].copy_from_slice(prefix);
            at += prefix.len();
            buf[at..at + 8].copy_from_slice(&ascii.to_le_bytes());
            at += len;
        }
        let end = out.len() + at;
        out.extend_from_slice(&buf);
        out.truncate(end);
        return;
    }
    number(out, "{\"start\":", start);
    number(out, ",\"end\":", end);
    number(out, ",\"char_start\":", chars.0);
    number(out, ",\"char_end\":", chars.1);
}

/// Appends `n` in decimal. Inlined, with the rare long numbers out of
/// line: a call cost a fifth of its instructions (saving and restoring the
/// registers the long way needs).
#[inline]
fn digits(out: &mut Vec<u8>, n: usize) {
    if n < 10 {
        // Counts and most weights' integer parts.
        out.push(b'0' + n as u8);
        return;
    }
    if n < 100_000_000 {
        // Written whole and cut to length. Appending a slice of variable
        // length is a call to `memcpy`; one of eight bytes is one store.
        let (ascii, len) = decimal(n as u64);
        let end = out.len() + len;
        out.extend_from_slice(&ascii.to_le_bytes());
        out.truncate(end);
        return;
    }
    long_digits(out, n);
}

/// The decimal digits of `n`, from 1 to 10^8 - 1, as the low bytes of a
/// word (the first digit lowest; the bytes above are zero), and how many.
#[inline(always)]
fn decimal(n: u64) -> (u64, usize) {
    // At most eight digits (all offsets but in huge texts): split in one
    // word, the first digit in its lowest byte, by a fixed few
    // multiplications (a division by 10 a digit cost twice as much on
    // offsets).
    // Two halves of four digits, the first in the low 32 bits: `n / 10^4`
    // there, the rest above.
    let halves = (n << 32) - ((10_000 << 32) - 1) * (n / 10_000);
    // Each half (below 10^4) in two of two digits: v / 100 (as
    // `v * 5243 >> 19`), then the rest above, in 16 bits each.
    let hundreds = ((halves * 5243) >> 19) & 0x0000_007f_0000_007f;
    let pairs = (halves << 16) - ((100 << 16) - 1) * hundreds;
    // Each pair (below 100) in two digits: v / 10 (as `v * 103 >> 10`).
    let tens = ((pairs * 103) >> 10) & 0x000f_000f_000f_000f;
    let digits = (pairs << 8) - ((10 << 8) - 1) * tens;
    // The leading zeros are the low zero bytes (`n` is not zero).
    let zeros = digits.trailing_zeros() / 8;
    let ascii = (digits + 0x3030_3030_3030_3030) >> (8 * zeros);
    (ascii, 8 - zeros as usize)
}

/// Appends `n`, of nine digits or more, in decimal.
#[cold]
#[inline(never)]
fn long_digits(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Bytes zero-padded to `N`, and their length: written whole, then cut to
/// length (see [`write_padded`]).
type Padded<const N: usize> = ([u8; N], usize);

/// `parts` one after the other, [`Padded`].
const fn padded<const N: usize>(parts: &[&[u8]]) -> Padded<N> {
    let (mut out, mut n, mut p) = ([0u8; N], 0, 0);
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            out[n] = parts[p][i];
            n += 1;
            i += 1;
        }
        p += 1;
    }
    (out, n)
}

/// Appends the bytes of `padded`: a copy of a known length is a few
/// stores, where one of the names' own lengths was a call to `memcpy`.
#[inline(always)]
fn write_padded<const N: usize>(out: &mut Vec<u8>, padded: &Padded<N>) {
    let (bytes, len) = padded;
    let end = out.len() + len;
    out.extend_from_slice(bytes);
    out.truncate(end);
}

// (`as_str` is not a `const fn`: the names below are those it gives, as
// the tests check.)

/// `,"field":…,"label":…` of every field and label.
const FIELD_AND_LABEL: [[Padded<40>; 4]; 2] = {
    const fn head(field: &[u8], label: &[u8]) -> Padded<40> {
        padded(&[b",\"field\":\"", field, b"\",\"label\":\"", label, b"\""])
    }
    const fn labels(field: &[u8]) -> [Padded<40>; 4] {
        [
            head(field, b"person"),
            head(field, b"organization"),
            head(field, b"place"),
            head(field, b"nationality"),
        ]
    }
    [labels(b"title"), labels(b"text")]
};

/// Appends `,"field":…,"label":…` (see [`FIELD_AND_LABEL`]).
#[inline]
fn field_and_label(out: &mut Vec<u8>, field: Field, label: Label) {
    let f = match field {
        Field::Title => 0,
        Field::Text => 1,
    };
    let l = match label {
        Label::Person => 0,
        Label::Organization => 1,
        Label::Place => 2,
        Label::Nationality => 3,
    };
    write_padded(out, &FIELD_AND_LABEL[f][l]);
}

/// `,"match":…` of every match policy.
const MATCH: [Padded<24>; 5] = {
    const fn head(policy: &[u8]) -> Padded<24> {
        padded(&[b",\"match\":\"", policy, b"\""])
    }
    [
        head(b"exact"),
        head(b"capitalized"),
        head(b"any"),
        head(b"short"),
        head(b"auto"),
    ]
};

/// Appends `,"match":…` (see [`MATCH`]).
#[inline]
fn match_policy(out: &mut Vec<u8>, policy: MatchPolicy) {
    let p = match policy {
        MatchPolicy::Exact => 0,
        MatchPolicy::Capitalized => 1,
        MatchPolicy::Any => 2,
        MatchPolicy::Short => 3,
        MatchPolicy::Auto => 4,
    };
    write_padded(out, &MATCH[p]);
}

/// Appends `prefix`, then `s` quoted: for the crate's own names (labels,
/// fields, policies, sources), which never need an escape.
#[inline]
fn keyword(out: &mut Vec<u8>, prefix: &str, s: &'static str) {
    debug_assert!(s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
    out.extend_from_slice(prefix.as_bytes());
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

/// Appends `prefix`, then the string `s`.
#[inline(always)]
fn text(out: &mut Vec<u8>, prefix: &str, s: &str) {
    // (Inlined, as `float`.)
    out.extend_from_slice(prefix.as_bytes());
    string(out, s);
}

/// Appends `s` as a JSON string. Most strings need no escape: they are
/// copied after one check, eight bytes at a time; the others go through
/// `serde_json`, so escapes stay exactly its own.
fn string(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    if b.len() <= 8 {
        // Most strings (kinds, countries, many names and surfaces): one
        // word, checked and written whole, then cut to length (see
        // `digits`).
        let x = swar::load_le(b);
        let first = u64::MAX.checked_shr(64 - 8 * b.len() as u32).unwrap_or(0);
        if escaped(x) & first == 0 {
            // The quotes and the word in one buffer, written whole and cut
            // to length: one store and one check of the capacity, not three.
            let mut quoted = [0u8; 16];
            quoted[0] = b'"';
            quoted[1..9].copy_from_slice(&x.to_le_bytes());
            quoted[1 + b.len()] = b'"';
            let end = out.len() + b.len() + 2;
            out.extend_from_slice(&quoted);
            out.truncate(end);
            return;
        }
    } else if b.len() <= 16 {
        // Most of the others (surfaces, names, ids): two words, the second
        // ending the string (overlapping the first), checked and written
        // whole, the first cut to where the second starts. A copy of a
        // length not known is a call to `memcpy`.
        let (x, y) = (swar::load_le(b), swar::load_le(&b[b.len() - 8..]));
        if escaped(x) | escaped(y) == 0 {
            // As above, in one buffer: the second word stored over the
            // first's end, then the closing quote.
            let mut quoted = [0u8; 32];
            quoted[0] = b'"';
            quoted[1..9].copy_from_slice(&x.to_le_bytes());
            quoted[b.len() - 7..b.len() + 1].copy_from_slice(&y.to_le_bytes());
            quoted[b.len() + 1] = b'"';
            let end = out.len() + b.len() + 2;
            out.extend_from_slice(&quoted);
            out.truncate(end);
            return;
        }
    } else if b.len() <= 32 {
        // Most longer strings (ids, surfaces, topic phrases): as above,
        // with four words, the last two overlapping the first two; the
        // first and last sixteen bytes copied, each of a known length.
        let n = b.len();
        let (head, tail) = (&b[..16], &b[n - 16..]);
        let word = |at: &[u8]| escaped(swar::load_le(at));
        if word(head) | word(&head[8..]) | word(tail) | word(&tail[8..]) == 0 {
            let mut quoted = [0u8; 48];
            quoted[0] = b'"';
            quoted[1..17].copy_from_slice(head);
            quoted[n - 15..n + 1].copy_from_slice(tail);
            quoted[n + 1] = b'"';
            let end = out.len() + n + 2;
            out.extend_from_slice(&quoted);
            out.truncate(end);
            return;
        }
    } else {
        return long_string(out, s);
    }
    escaped_string(out, s);
}

/// Appends `s`, of more than 32 bytes, as a JSON string: out of line, so
/// that the short ways save no registers for its loops and its copy.
#[inline(never)]
fn long_string(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    let n = b.len();
    if n <= 64 {
        // (Most: local entities' ids, long names.) As `string` does, by
        // sixteen bytes a step, the last step ending the string: each copy
        // of a known length, not a call to `memcpy`.
        let mut quoted = [0u8; 80];
        let mut escapes = 0;
        for at in (0..n).step_by(16).map(|at| at.min(n - 16)) {
            let chunk = &b[at..at + 16];
            escapes |= escaped(swar::load_le(chunk)) | escaped(swar::load_le(&chunk[8..]));
            quoted[at + 1..at + 17].copy_from_slice(chunk);
        }
        if escapes != 0 {
            return escaped_string(out, s);
        }
        quoted[0] = b'"';
        quoted[n + 1] = b'"';
        let end = out.len() + n + 2;
        out.extend_from_slice(&quoted);
        out.truncate(end);
        return;
    }
    if needs_escape(b) {
        return escaped_string(out, s);
    }
    out.reserve(n + 2);
    out.push(b'"');
    out.extend_from_slice(b);
    out.push(b'"');
}

/// Appends `s`, which needs an escape, as `serde_json` writes it: out of
/// line, so that the common way saves no registers for this one.
#[cold]
#[inline(never)]
fn escaped_string(out: &mut Vec<u8>, s: &str) {
    value(out, s);
}

/// Whether `b` holds a byte that JSON escapes: a control character, `"`
/// or `\`. (The byte-at-a-time check cost about 55 instructions a string:
/// the compiler did not vectorize it.)
fn needs_escape(b: &[u8]) -> bool {
    let mut words = b.chunks_exact(8);
    if words.by_ref().any(|w| escaped(swar::load_le(w)) != 0) {
        return true;
    }
    let rest = words.remainder();
    // The word of the last bytes is zero-padded: only its first bytes count.
    let mask = (1u64 << (8 * rest.len())) - 1;
    escaped(swar::load_le(rest)) & mask != 0
}

/// Nonzero when a byte of `x` is below 0x20, `"` or `\`. Only whether it is
/// zero is exact: a byte's high bit can be set wrongly, but only above (at
/// a higher address than) a byte that is one, as a subtraction borrows
/// upwards alone. So bits of padding above the first bytes can be masked off.
/// (Half the operations of testing three exact ranges.)
#[inline]
fn escaped(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let zero_byte = |y: u64| y.wrapping_sub(ONES) & !y;
    (x.wrapping_sub(ONES * 0x20) & !x
        | zero_byte(x ^ (ONES * u64::from(b'"')))
        | zero_byte(x ^ (ONES * u64::from(b'\\'))))
        & swar::HIGH
}

#[cfg(test)]
mod tests {
    use crate::Tagger;

    /// Articles whose records hold every kind of evidence and field:
    /// aliases, short forms, bylines, rules, ambiguous mentions, title
    /// mentions, non-ASCII text, topics.
    const ARTICLES: &[(&str, &str)] = &[
        (
            "Hegseth meets Ahn Gyu-back in Séoul",
            "By Jane Doe\n\nSEOUL, July 31 (Reuters) - U.S. Defense Secretary Pete Hegseth \
             met South Korean Defense Minister Ahn Gyu-back. Hegseth said Mr. Smith of the \
             Ministry of National Defense (MND) and the MND agreed. Paris and Georgia \
             welcomed it; the striker scored twice as the club won the cup final.",
        ),
        (
            "",
            "Côte d’Ivoire and “Washington” talks — Jordan, Mr. Jordan, Springfield.",
        ),
        ("", "The Foreign Ministry said so."),
        // A short form after its office's title (evidence `titled`).
        ("", "In Berlin, Chancellor Merz spoke. Merz left."),
        ("", ""),
    ];

    #[test]
    fn strings_are_escaped_as_serde_escapes_them() {
        for s in [
            "",
            "plain é 서울",
            "a\"b",
            "back\\slash",
            "tab\tnew\nline\u{1}",
            "\u{7f}\u{2028}",
        ] {
            let mut got = Vec::new();
            super::string(&mut got, s);
            assert_eq!(got, serde_json::to_vec(s).unwrap(), "{:?}", s);
        }
        // Each ASCII character, and one beyond, at every place of strings
        // around the eight-byte words.
        for len in 1..=20 {
            for at in 0..len {
                for c in ('\0'..='\u{7f}').chain(['é']) {
                    let mut s: String = "abcdefghijklmnopqrstuvwxyz"[..len].to_string();
                    s.replace_range(at..at + 1, c.encode_utf8(&mut [0; 4]));
                    let mut got = Vec::new();
                    super::string(&mut got, &s);
                    assert_eq!(got, serde_json::to_vec(&s).unwrap(), "{:?}", s);
                    let plain = c >= ' ' && !matches!(c, '"' | '\\');
                    assert_eq!(super::needs_escape(s.as_bytes()), !plain, "{:?}", s);
                }
            }
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        let powers = (0..20).map(|k| 10usize.pow(k));
        let near = powers.flat_map(|p| [p - 1, p, p + 1]);
        let spread = (0..100_000_000).step_by(9_973);
        for n in (0..100_000).chain(near).chain(spread).chain([usize::MAX]) {
            let mut got = b"x".to_vec();
            super::number(&mut got, ":", n);
            assert_eq!(got, format!("x:{}", n).as_bytes());
        }
    }

    #[test]
    fn offsets_are_written_as_four_numbers() {
        let values = [
            0usize,
            1,
            5,
            9,
            10,
            99,
            100,
            12_345,
            99_999_999,
            100_000_000,
            1 << 40,
        ];
        for start in values {
            for end in values.into_iter().filter(|&end| end >= start) {
                for chars in [
                    (start, end),
                    (start, end + 1),
                    (start.saturating_sub(1), end),
                ] {
                    let mut got = b"x".to_vec();
                    super::offsets(&mut got, (start, end), chars);
                    let want = format!(
                        "x{{\"start\":{start},\"end\":{end},\"char_start\":{},\"char_end\":{}",
                        chars.0, chars.1
                    );
                    assert_eq!(String::from_utf8(got).unwrap(), want);
                }
            }
        }
    }

    #[test]
    fn floats_are_written_as_serde_writes_them() {
        let check = |x: f32| {
            let mut got = Vec::new();
            super::float(&mut got, ",", x);
            let want = format!(",{}", serde_json::to_string(&x).unwrap());
            assert_eq!(String::from_utf8(got).unwrap(), want, "{:?}", x);
        };
        // Every multiple of a quarter the short way takes, and past it.
        for q in 0..(1u32 << 22) + 64 {
            check(q as f32 / 4.0);
        }
        // Scores (as `score` squashes them) and other floats, each twice
        // (the second from the recent floats, unless another took its
        // slot), spread over the bits.
        let mut bits = 0x1234_5678u32;
        for k in 0..200_000u32 {
            bits = bits.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let raw = k as f32 / 64.0;
            for x in [f32::from_bits(bits), raw / (raw + 4.0)] {
                check(x);
                check(x);
            }
        }
        for x in [
            -0.0,
            -1.0,
            -0.25,
            0.1,
            0.125,
            1.0 / 3.0,
            1.8333334,
            1e-7,
            3e7,
            1e20,
            f32::MAX,
            f32::MIN_POSITIVE,
            f32::NAN,
            f32::INFINITY,
        ] {
            check(x);
        }
    }

    /// The names in the tables of names are those `as_str` gives.
    #[test]
    fn tables_hold_the_names() {
        use super::{Padded, FIELD_AND_LABEL, MATCH};
        use crate::{Field, Label, MatchPolicy};
        let text = |p: &Padded<40>| String::from_utf8(p.0[..p.1].to_vec()).unwrap();
        for (f, field) in [Field::Title, Field::Text].into_iter().enumerate() {
            for (l, label) in Label::ALL.into_iter().enumerate() {
                let want = format!(
                    ",\"field\":\"{}\",\"label\":\"{}\"",
                    field.as_str(),
                    label.as_str()
                );
                assert_eq!(text(&FIELD_AND_LABEL[f][l]), want);
            }
        }
        let policies = [
            MatchPolicy::Exact,
            MatchPolicy::Capitalized,
            MatchPolicy::Any,
            MatchPolicy::Short,
            MatchPolicy::Auto,
        ];
        for (p, policy) in policies.into_iter().enumerate() {
            let (bytes, len) = MATCH[p];
            let want = format!(",\"match\":\"{}\"", policy.as_str());
            assert_eq!(String::from_utf8(bytes[..len].to_vec()).unwrap(), want);
        }
    }

    #[test]
    fn writes_what_serde_writes_for_the_record() {
        let tagger = Tagger::default();
        for (k, (title, text)) in ARTICLES.iter().enumerate() {
            let doc = tagger.tag_article(title, text);
            for id in [serde_json::Value::from(k), serde_json::Value::from("a\"b")] {
                let mut got = Vec::new();
                doc.write_json(&id, &mut got);
                let want = serde_json::to_vec(&doc.to_record(id)).unwrap();
                assert_eq!(String::from_utf8(got), String::from_utf8(want));
            }
        }
    }
}
