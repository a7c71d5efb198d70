//! Turning phrase hits and entity facts into scored topics.
//!
//! The steps, in order (each a function below so that tests can pin them):
//!
//! 1. **Phrase evidence.** Each hit of a phrase fires every rule of that
//!    phrase whose context holds (a `requires_any` term in the same sentence,
//!    no `unless_any` term there; the title is one sentence). The n-th firing
//!    of one rule adds `weight / n`, so repetition helps with diminishing
//!    returns; title hits are counted first and are multiplied by
//!    [`TopicConfig::title_boost`].
//! 2. **Entity evidence.** Each distinct entity fact fires the rules of its
//!    kind (or, if its kind has none, of its label); the n-th fact of one rule
//!    adds `weight / n`. Pair rules fire once.
//! 3. **Floor.** A topic's own evidence is floored at zero: negative phrases
//!    cancel evidence, they never count against ancestors.
//! 4. **Roll-up.** A topic's own evidence is added in full to each ancestor.
//! 5. **Length.** Sums are divided by `sqrt(max(words, 100) / 100)`: a long
//!    article repeats its subject, a short one cannot.
//! 6. **Squash.** `x / (x + 4)`: in `[0, 1)`, and never saturating, so the
//!    order of strong topics survives in an `f32`.
//!
//! Because roll-up is in full, an ancestor's score is at least that of any
//! descendant, so sorting by score (ties: shallower first) lists every
//! topic's top-level ancestor before it, and `top_k` can never cut one off.

use std::cell::RefCell;
use std::ops::Range;

use super::load::Tables;
use super::window::special_free_window;
use super::{
    EntityFact, EvidenceSource, Topic, TopicConfig, TopicEvidence, TopicInput, TopicModel,
};
use crate::matcher::PhraseMatch;
use crate::segment::{hard_block, sentences_judged, Sentences};
use crate::swar::{in_range, load_le, HIGH};

/// The hyperbolic squash's half-point: raw evidence of 4 (after length
/// normalization) scores 0.5.
pub(crate) const SQUASH_HALF: f32 = 4.0;

/// Articles shorter than this many words are normalized as if this long.
pub(crate) const MIN_WORDS: f32 = 100.0;

// How it is computed. Nothing here is a hash map iterated in hash order:
// evidence comes as events (topic, source, text, title, amount) in
// processing order, each summed as it comes into the one item of its key,
// and the items are sorted by key, so every float sum is taken in one fixed
// order. Texts live in one per-document arena, or are the model's phrase
// texts in lower case (see `phrase_text_id`), and become `String`s only for
// the topics returned. All buffers are thread-local and reused.

/// Per-thread buffers, reused across documents.
#[derive(Default)]
struct Scratch {
    /// Hits to process, in order: (phrase, start, end, in_title).
    hits: Vec<Hit>,
    /// Per phrase, the stamp of the last document it was a term hit in and
    /// its last text hit there (`NO_HIT` for none): the head of the list of
    /// its text hits, linked through `Hit::prev_same`.
    term_hits: Vec<(u32, u32)>,
    /// The `requires_any` terms of each rule met in the document that are
    /// in it, each with the head of its text hits, found once a rule: per
    /// rule, the stamp of the last document it was met in and its run of
    /// `present` then (a phrase's later hits meet its rules again); and its
    /// `unless_any` terms there the same way, found once a rule where its
    /// `requires_any` terms let it fire (`NOT_FOUND` before).
    present: Vec<(u32, u32)>,
    present_at: Vec<PresentAt>,
    stamp: u32,
    /// Sentence starts of the text, found lazily (see `SentenceIndex`).
    starts: Vec<usize>,
    /// Per rule, how many times it fired in this document (dense; reset
    /// through `fired_touched`).
    fired: Vec<u32>,
    fired_touched: Vec<u32>,
    /// The same for entity rules.
    entity_fired: Vec<u32>,
    entity_touched: Vec<u32>,
    /// Evidence texts: one arena and ranges into it, and the
    /// [`leading_bytes`] of each.
    arena: String,
    texts: Vec<Range<usize>>,
    leads: Vec<u128>,
    /// Open addressing from a text to its id (see `intern_tail`).
    text_slots: Vec<u32>,
    /// The items evidence events sum to, in the order of their first
    /// events (see `add_event`).
    items: Vec<Item>,
    /// Open addressing from an item's packed key to the item (see
    /// `add_event`): (stamp, key, item), a slot empty unless its stamp is
    /// `stamp` (so the table is not cleared for each document).
    item_slots: Vec<(u32, u64, u32)>,
    /// Per topic, total after roll-up (dense; reset through `touched`).
    totals: Vec<f32>,
    /// The topics with a total, in no order that matters: what is made of
    /// them is sorted by keys that tell them all apart.
    touched: Vec<u32>,
    /// (parent, child) for the touched topics with a parent, sorted.
    children: Vec<(u32, u32)>,
    /// Per topic, its runs of `items` and `children` in the document of
    /// `stamp` (dense: found once, not searched for each topic kept).
    runs: Vec<TopicRuns>,
    /// (`rank_key`, score, topic) of the topics kept.
    kept: Vec<(u128, f32, u32)>,
    /// The evidence of each topic kept.
    ranges: Vec<EvidenceRanges>,
    /// Open addressing from an entity fact's `fact_hash` to the first fact
    /// with its key (see `distinct_facts`).
    fact_slots: Vec<(u64, u32)>,
    /// Entity facts kept after de-duplication (indexes).
    facts: Vec<u32>,
    /// (pair rule, fact) for each distinct fact with a country and a kind
    /// that the pair rule counts.
    pair_counted: Vec<(u32, u32)>,
    /// The facts that one pair rule counts (indexes).
    pair_facts: Vec<u32>,
}

/// A topic's items and children, ranges of `Scratch::items` and
/// `Scratch::children`.
type EvidenceRanges = (Range<usize>, Range<usize>);

/// A topic's [`EvidenceRanges`] in the document of `stamp`.
#[derive(Clone, Copy, Default)]
struct TopicRuns {
    stamp: u32,
    items: (u32, u32),
    children: (u32, u32),
}

/// A rule's runs of `Scratch::present` in the document of its stamp: of its
/// `requires_any` terms, then of its `unless_any` terms.
type PresentAt = (u32, (u32, u32), (u32, u32));

/// The `unless_any` terms not found yet, in a [`PresentAt`].
const NOT_FOUND: (u32, u32) = (u32::MAX, u32::MAX);

/// No hit, in `Scratch::term_hits` and `Hit::prev_same`.
const NO_HIT: u32 = u32::MAX;

#[derive(Clone, Copy)]
struct Hit {
    phrase: u32,
    start: usize,
    end: usize,
    in_title: bool,
    /// Whether its phrase is a context term (read when the hit is
    /// collected, not looked up again).
    is_term: bool,
    sentence: u32,
    /// For a text hit of a term, the term's text hit before it (`NO_HIT`
    /// for none; see `Scratch::term_hits`).
    prev_same: u32,
}

/// Evidence for one (topic, source, text, in_title) key.
#[derive(Clone, Copy)]
struct Event {
    topic: u32,
    source: EvidenceSource,
    text: u32,
    in_title: bool,
    add: f32,
}

/// Summed events of one key.
#[derive(Clone, Copy)]
struct Item {
    /// Topic, source and the leading bits of the text, as one number: the
    /// items' order but where these tie (see `sort_items`).
    order: u64,
    topic: u32,
    source: EvidenceSource,
    text: u32,
    in_title: bool,
    weight: f32,
    count: u32,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

pub(crate) fn score(tables: &Tables, input: &TopicInput<'_>, config: &TopicConfig) -> Vec<Topic> {
    let mut out = Scored::default();
    score_into(tables, input, None, config, &mut out);
    out.to_topics(tables)
}

/// Scores into `out` (cleared first): the topics without their owned
/// strings, which a tagged document keeps until (if ever) they are asked for.
/// `wrapped` is whether `input.text` is hard-wrapped, if the caller judged
/// it already (see [`crate::segment::looks_hard_wrapped`]).
pub(crate) fn score_into(
    tables: &Tables,
    input: &TopicInput<'_>,
    wrapped: Option<bool>,
    config: &TopicConfig,
    out: &mut Scored,
) {
    SCRATCH.with(|s| match s.try_borrow_mut() {
        Ok(mut s) => score_with(&mut s, tables, input, wrapped, config, out),
        Err(_) => score_with(&mut Scratch::default(), tables, input, wrapped, config, out),
    })
}

/// The topics of one article as scoring leaves them: taxonomy indexes,
/// evidence whose texts are ranges of one string or topic labels. A
/// [`Topic`] owns two strings and a list of evidence each owning its text
/// (about 45 allocations for an article's topics); this is three buffers,
/// and the JSON writer reads it without making `Topic`s at all.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scored {
    /// Best first.
    pub(crate) topics: Vec<ScoredTopic>,
    /// Every topic's evidence, in topic order, each topic's largest first.
    pub(crate) evidence: Vec<ScoredEvidence>,
    /// The phrase and entity texts of the evidence.
    texts: String,
}

/// One topic of [`Scored`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct ScoredTopic {
    /// Index into the taxonomy.
    pub(crate) topic: u32,
    pub(crate) score: f32,
    /// Its evidence: `Scored::evidence[evidence.0..evidence.1]`.
    pub(crate) evidence: (u32, u32),
}

/// One [`TopicEvidence`] of [`Scored`], its text by reference.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ScoredEvidence {
    pub(crate) source: EvidenceSource,
    text: EvidenceText,
    pub(crate) weight_added: f32,
    pub(crate) count: u32,
    pub(crate) in_title: bool,
}

/// Where an evidence text is.
#[derive(Clone, Copy, Debug)]
enum EvidenceText {
    /// `Scored::texts[start..end]`.
    Own(u32, u32),
    /// This text of [`Tables::lower_texts`] (a phrase's text).
    Lower(u32),
    /// The label of this topic (a roll-up).
    Label(u32),
}

impl Scored {
    /// Empties it, keeping its buffers.
    pub(crate) fn clear(&mut self) {
        self.topics.clear();
        self.evidence.clear();
        self.texts.clear();
    }

    /// The evidence of `topic`.
    pub(crate) fn evidence_of(&self, topic: &ScoredTopic) -> &[ScoredEvidence] {
        self.evidence
            .get(topic.evidence.0 as usize..topic.evidence.1 as usize)
            .unwrap_or_default()
    }

    /// The text of `e`, one of its evidence, scored by `model`.
    pub(crate) fn text<'a>(&'a self, model: &'a TopicModel, e: &ScoredEvidence) -> &'a str {
        evidence_text(&self.texts, model.tables(), e.text)
    }

    /// The start of the JSON record of `topic`, one of its topics, scored
    /// by `model`: `{"id":…,"label":…`.
    pub(crate) fn json_head<'a>(model: &'a TopicModel, topic: &ScoredTopic) -> &'a str {
        &model.tables().taxonomy.topics[topic.topic as usize].json_head
    }

    /// The start of the JSON record of `e`, one of its evidence, scored by
    /// `model`, when the model holds it: a roll-up's,
    /// `{"source":"rollup","text":…`, and that of a phrase's own text in
    /// lower case, `{"source":"phrase","text":…`.
    pub(crate) fn json_evidence_head<'a>(
        model: &'a TopicModel,
        e: &ScoredEvidence,
    ) -> Option<&'a str> {
        let tables = model.tables();
        match e.text {
            EvidenceText::Label(t) => Some(&tables.taxonomy.topics[t as usize].json_rollup),
            EvidenceText::Lower(t) => Some(&tables.lower_json[t as usize]),
            EvidenceText::Own(..) => None,
        }
    }

    /// The owned topics.
    pub(crate) fn to_topics(&self, tables: &Tables) -> Vec<Topic> {
        self.topics
            .iter()
            .map(|t| {
                let info = &tables.taxonomy.topics[t.topic as usize];
                Topic {
                    id: info.id.clone(),
                    label: info.label.clone(),
                    score: t.score,
                    evidence: self
                        .evidence_of(t)
                        .iter()
                        .map(|e| TopicEvidence {
                            source: e.source,
                            text: evidence_text(&self.texts, tables, e.text).to_string(),
                            weight_added: e.weight_added,
                            count: e.count,
                            in_title: e.in_title,
                        })
                        .collect(),
                }
            })
            .collect()
    }
}

/// An evidence text: a range of `texts`, or a topic's label.
fn evidence_text<'a>(texts: &'a str, tables: &'a Tables, text: EvidenceText) -> &'a str {
    match text {
        EvidenceText::Own(a, b) => texts.get(a as usize..b as usize).unwrap_or(""),
        EvidenceText::Label(t) => &tables.taxonomy.topics[t as usize].label,
        EvidenceText::Lower(t) => &tables.lower_texts[t as usize],
    }
}

fn score_with(
    s: &mut Scratch,
    tables: &Tables,
    input: &TopicInput<'_>,
    wrapped: Option<bool>,
    config: &TopicConfig,
    out: &mut Scored,
) {
    out.clear();
    s.arena.clear();
    s.texts.clear();
    s.leads.clear();
    s.text_slots.clear();
    s.items.clear();
    // (Read once: the hits' offsets are checked faster in ASCII text, and
    // whether it is comes with the words, from the same pass.)
    let (title_words, title_ascii) = count_words(input.title);
    let (text_words, text_ascii) = count_words(input.text);
    let ascii = Ascii {
        title: title_ascii,
        text: text_ascii,
    };
    phrase_evidence(s, tables, input, ascii, wrapped, config);
    entity_evidence(s, tables, input.entities);
    sort_items(s, tables);
    roll_up(s, tables);
    s.children.clear();
    for &c in &s.touched {
        if let Some(p) = tables.taxonomy.parent(c) {
            s.children.push((p, c));
        }
    }
    // (As one number: one compare a step.)
    s.children
        .sort_unstable_by_key(|&(p, c)| u64::from(p) << 32 | u64::from(c));
    find_child_runs(s);
    let words = title_words + text_words;
    let norm = (MIN_WORDS.max(words as f32) / MIN_WORDS).sqrt();
    let mut kept = std::mem::take(&mut s.kept);
    kept.clear();
    for &t in &s.touched {
        let x = s.totals[t as usize] / norm;
        let score = x / (x + SQUASH_HALF);
        if score < config.threshold || score <= 0.0 {
            continue;
        }
        let info = &tables.taxonomy.topics[t as usize];
        kept.push((rank_key(score, info.depth, info.id_rank), score, t));
    }
    // Keys are distinct (ids are): only the best `top_k` are sorted.
    let best_first = |&(key, _, _): &(u128, f32, u32)| key;
    if config.top_k < kept.len() {
        kept.select_nth_unstable_by_key(config.top_k, best_first);
        kept.truncate(config.top_k);
    }
    kept.sort_unstable_by_key(best_first);
    if !kept.is_empty() {
        // The texts the evidence points into: the whole arena, a few
        // hundred bytes.
        out.texts.push_str(&s.arena);
    }
    // Each buffer allocated once, at its size (a document's buffers are
    // its own: they cannot be reused).
    out.topics.reserve_exact(kept.len());
    // Each topic's evidence found once, both to size the buffer and to fill
    // it.
    let mut ranges = std::mem::take(&mut s.ranges);
    ranges.clear();
    ranges.extend(kept.iter().map(|&(_, _, t)| evidence_ranges(s, t)));
    let evidence: usize = ranges.iter().map(|(i, c)| i.len() + c.len()).sum();
    out.evidence.reserve_exact(evidence);
    for (&(_, score, t), r) in kept.iter().zip(&ranges) {
        let start = out.evidence.len() as u32;
        evidence_of(s, tables, r.clone(), out);
        out.topics.push(ScoredTopic {
            topic: t,
            score,
            evidence: (start, out.evidence.len() as u32),
        });
    }
    s.kept = kept;
    s.ranges = ranges;
}

/// A number that orders topics best first: by `score` down (as
/// [`f32::total_cmp`] orders), then by `depth` up, then by id (its
/// `id_rank`). One integer compare, not three (one of strings), at each step
/// of the sort.
fn rank_key(score: f32, depth: u32, id_rank: u32) -> u128 {
    let bits = score.to_bits();
    // `total_cmp`'s order as unsigned: negative numbers reversed, below
    // the positive ones.
    let total = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    };
    u128::from(!total) << 64 | u128::from(depth) << 32 | u128::from(id_rank)
}

/// The items and the children of topic `t`: its evidence.
fn evidence_ranges(s: &Scratch, t: u32) -> EvidenceRanges {
    match s.runs.get(t as usize) {
        Some(r) if r.stamp == s.stamp => {
            let range = |(a, b): (u32, u32)| a as usize..b as usize;
            (range(r.items), range(r.children))
        }
        _ => (0..0, 0..0),
    }
}

/// The runs of `Scratch::runs` of topic `t` in this document, made empty
/// when first asked for in it.
fn runs_of(s: &mut Scratch, t: u32) -> &mut TopicRuns {
    let stamp = s.stamp;
    let r = &mut s.runs[t as usize];
    if r.stamp != stamp {
        *r = TopicRuns {
            stamp,
            ..TopicRuns::default()
        };
    }
    r
}

/// Records the runs of `Scratch::children` of each parent.
fn find_child_runs(s: &mut Scratch) {
    let mut k = 0;
    while let Some(&(p, _)) = s.children.get(k) {
        let from = k;
        while s.children.get(k).is_some_and(|c| c.0 == p) {
            k += 1;
        }
        runs_of(s, p).children = (from as u32, k as u32);
    }
}

/// Appends the itemized evidence of a topic, given by its
/// [`evidence_ranges`], to `out`: its own items, then the roll-up of each
/// child with evidence, largest first.
fn evidence_of(s: &Scratch, tables: &Tables, ranges: EvidenceRanges, out: &mut Scored) {
    let (items, children) = ranges;
    let from = out.evidence.len();
    out.evidence.extend(s.items[items].iter().map(|i| {
        let text = match i.text.checked_sub(LOWER_TEXT) {
            Some(lower) => EvidenceText::Lower(lower),
            None => {
                let r = &s.texts[i.text as usize];
                EvidenceText::Own(r.start as u32, r.end as u32)
            }
        };
        ScoredEvidence {
            source: i.source,
            text,
            weight_added: i.weight,
            count: i.count,
            in_title: i.in_title,
        }
    }));
    out.evidence
        .extend(s.children[children].iter().map(|&(_, c)| ScoredEvidence {
            source: EvidenceSource::Rollup,
            text: EvidenceText::Label(c),
            weight_added: s.totals[c as usize],
            count: 1,
            in_title: false,
        }));
    let (texts, evidence) = (&out.texts, &mut out.evidence[from..]);
    let text = |e: &ScoredEvidence| evidence_text(texts, tables, e.text);
    // A stable sort, as `Topic` evidence was always sorted.
    evidence.sort_by(|a, b| {
        b.weight_added
            .abs()
            .total_cmp(&a.weight_added.abs())
            .then_with(|| text(a).cmp(text(b)))
    });
}

/// Whether an article's title and text are ASCII.
#[derive(Clone, Copy)]
struct Ascii {
    title: bool,
    text: bool,
}

/// Words as `split_whitespace` counts them, and whether `text` is ASCII:
/// ASCII text is counted without decoding, and found ASCII on the way (a
/// pass of its own over the text cost four times as much as finding it
/// here).
fn count_words(text: &str) -> (usize, bool) {
    // A word starts at a byte that is not white space after one that is (or
    // at the start); counted 64 bytes at a time in loops the compiler
    // vectorizes, each byte's white space found once (looking at each pair
    // of bytes, twice, cost twice the instructions).
    #[inline(always)]
    fn ws(c: u8) -> bool {
        (c == b' ') | (c.wrapping_sub(b'\t') < 5)
    }
    const CHUNK: usize = 64;
    // The word starts in `chunk`; `after_ws`, whether the byte before it is
    // white space (the start counts as one), is moved on past it; `bits`
    // gathers the bits of the bytes, lane by lane, looked at once at the
    // end (gathered into one byte and looked at each chunk, they cost over
    // half as much as the pass they replace).
    #[inline(always)]
    fn starts(chunk: &[u8; CHUNK], after_ws: &mut bool, bits: &mut [u8; CHUNK]) -> usize {
        // `w[j + 1]`: whether byte `j` is white space; `w[0]`, the byte
        // before the chunk.
        let mut w = [0u8; CHUNK + 1];
        w[0] = u8::from(*after_ws);
        for j in 0..CHUNK {
            w[j + 1] = u8::from(ws(chunk[j]));
            bits[j] |= chunk[j];
        }
        let mut c = 0u8;
        for j in 0..CHUNK {
            c += w[j] & !w[j + 1] & 1;
        }
        *after_ws = w[CHUNK] != 0;
        usize::from(c)
    }
    let mut after_ws = true;
    let mut bits = [0u8; CHUNK];
    let mut chunks = text.as_bytes().chunks_exact(CHUNK);
    let mut n = 0;
    for chunk in chunks.by_ref() {
        n += starts(
            chunk.try_into().unwrap_or(&[0; CHUNK]),
            &mut after_ws,
            &mut bits,
        );
    }
    // The rest as one more chunk, padded with spaces, which start no word
    // (a byte at a time cost nearly as much as all the chunks).
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [b' '; CHUNK];
        last[..rest.len()].copy_from_slice(rest);
        n += starts(&last, &mut after_ws, &mut bits);
    }
    if bits.is_ascii() {
        (n, true)
    } else {
        // (Unicode's white space: counted as `text` decodes.)
        (text.split_whitespace().count(), false)
    }
}

/// Interns an evidence text already appended to the arena at `from..`:
/// found by its leading bytes and length in `Scratch::text_slots` (a
/// search of every text interned before grew with the square of a
/// document's texts, and compared bytes at each).
fn intern_tail(s: &mut Scratch, from: usize) -> u32 {
    if 2 * (s.texts.len() + 1) > s.text_slots.len() {
        grow_text_slots(s);
    }
    let bytes = s.arena.as_bytes();
    let new = &bytes[from..];
    let lead = leading_bytes(new);
    let mask = s.text_slots.len() - 1;
    let mut i = text_slot(lead, new.len(), mask);
    loop {
        let k = s.text_slots[i];
        if k == NO_TEXT {
            break;
        }
        let r = &s.texts[k as usize];
        // Texts of one length and leading bytes are compared whole.
        if s.leads[k as usize] == lead
            && r.len() == new.len()
            && (new.len() <= 16 || &bytes[r.clone()] == new)
        {
            s.arena.truncate(from);
            return k;
        }
        i = (i + 1) & mask;
    }
    let id = s.texts.len() as u32;
    s.text_slots[i] = id;
    s.texts.push(from..s.arena.len());
    s.leads.push(lead);
    id
}

/// No text, in `Scratch::text_slots`.
const NO_TEXT: u32 = u32::MAX;

/// The first slot to look for a text in, by its leading bytes and length,
/// of `mask + 1` (a power of two).
fn text_slot(lead: u128, len: usize, mask: usize) -> usize {
    // FxHash's multiplier, and its way of mixing words.
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let h = ((lead >> 64) as u64).wrapping_mul(K).rotate_left(5) ^ lead as u64 ^ len as u64;
    (h.wrapping_mul(K) >> 32) as usize & mask
}

/// Doubles `Scratch::text_slots` (to 32 slots at first) and puts the texts
/// back.
fn grow_text_slots(s: &mut Scratch) {
    let len = (2 * s.text_slots.len()).max(32);
    s.text_slots.clear();
    s.text_slots.resize(len, NO_TEXT);
    for (k, (r, &lead)) in s.texts.iter().zip(&s.leads).enumerate() {
        let mut i = text_slot(lead, r.len(), len - 1);
        while s.text_slots[i] != NO_TEXT {
            i = (i + 1) & (len - 1);
        }
        s.text_slots[i] = k as u32;
    }
}

/// Whether `text` is the lower-case form of `surface` (ASCII surfaces
/// only).
fn is_lower(text: &[u8], surface: &[u8]) -> bool {
    if text.len() != surface.len() {
        return false;
    }
    let lower = |x: u64| x | in_range(x, b'A', b'Z') >> 2;
    let (mut a, mut b) = (surface, text);
    // Eight bytes at a time (a byte at a time cost three times as much):
    // ASCII, and equal once upper case is lowered (the high bit of an upper
    // case byte, moved to 0x20).
    while a.len() > 8 {
        let x = load_le(a);
        if x & HIGH != 0 || lower(x) != load_le(b) {
            return false;
        }
        (a, b) = (&a[8..], &b[8..]);
    }
    let x = load_le(a);
    x & HIGH == 0 && lower(x) == load_le(b)
}

/// The text id of the lower-case form of the surface `src[span]` (a span
/// checked to be one), a hit of `phrase`.
/// Nearly always that is the phrase's own text in lower case, one of
/// [`Tables::lower_texts`]: checked in place, and named by its index there
/// (see [`LOWER_TEXT`]; interning each surface cost over three times as
/// much). Other surfaces are lowered into the arena, and found among
/// `lower_texts` by hashing, else interned: so a text has one id (among
/// phrase evidence; entity evidence, of another source, interns its own).
fn phrase_text_id(
    s: &mut Scratch,
    tables: &Tables,
    phrase: u32,
    src: &str,
    span: Range<usize>,
) -> u32 {
    let own = tables.phrase_info[phrase as usize].lower_text;
    // The surface's bytes: a `str` is sliced (which checks that both ends
    // are character boundaries) only for the few surfaces that are not the
    // phrase's own text.
    if is_lower(
        tables.lower_texts[own as usize].as_bytes(),
        &src.as_bytes()[span.clone()],
    ) {
        return LOWER_TEXT + own;
    }
    let from = s.arena.len();
    push_lower(s, &src[span]);
    match tables.lower_text_index.get(&s.arena[from..]) {
        Some(&lower) => {
            s.arena.truncate(from);
            LOWER_TEXT + lower
        }
        None => intern_tail(s, from),
    }
}

/// Text ids from here on name the texts of [`Tables::lower_texts`], text
/// `i` as `LOWER_TEXT + i`; those below, the texts of the arena. (An item's
/// key leaves a text id 29 bits: a model's phrases, a line of a file each,
/// are far fewer than this.)
const LOWER_TEXT: u32 = 1 << 28;

/// Where the texts that ids name are: a document's arena, and the model's
/// lower-case phrase texts (see [`LOWER_TEXT`]).
#[derive(Clone, Copy)]
struct Texts<'a> {
    arena: &'a [u8],
    ranges: &'a [Range<usize>],
    leads: &'a [u128],
    tables: &'a Tables,
}

impl<'a> Texts<'a> {
    /// The bytes of text `id`.
    fn bytes(&self, id: u32) -> &'a [u8] {
        match id.checked_sub(LOWER_TEXT) {
            Some(lower) => self.tables.lower_texts[lower as usize].as_bytes(),
            None => &self.arena[self.ranges[id as usize].clone()],
        }
    }

    /// The [`leading_bytes`] of text `id`.
    fn lead(&self, id: u32) -> u128 {
        match id.checked_sub(LOWER_TEXT) {
            Some(lower) => self.tables.lower_leads[lower as usize],
            None => self.leads[id as usize],
        }
    }
}

/// Appends the lower-case form of `surface` to the arena.
fn push_lower(s: &mut Scratch, surface: &str) {
    let from = s.arena.len();
    // Most surfaces are lower case already: copied as they are (lowering
    // each byte cost more than the rest of interning).
    if is_ascii_lower(surface.as_bytes()) {
        s.arena.push_str(surface);
    } else if surface.is_ascii() {
        s.arena.push_str(surface);
        s.arena[from..].make_ascii_lowercase();
    } else {
        s.arena.push_str(&surface.to_lowercase());
    }
}

/// Whether `text` is ASCII without upper-case letters, eight bytes at a
/// time.
fn is_ascii_lower(mut text: &[u8]) -> bool {
    loop {
        // (Every byte of a short `text` is loaded, the rest zero.)
        let x = load_le(text);
        if x & HIGH != 0 || in_range(x, b'A', b'Z') != 0 {
            return false;
        }
        match text.get(8..) {
            Some(rest) if !rest.is_empty() => text = rest,
            _ => return true,
        }
    }
}

/// Sentence numbers of text offsets, from sentence starts found only as far
/// as needed. Sentence 0 is the title; text sentences are numbered from 1.
struct SentenceIndex<'a> {
    iter: Option<Sentences<'a>>,
    text: &'a str,
    /// Whether `text` is hard-wrapped, when the caller judged it already.
    wrapped: Option<bool>,
    /// The starts found (the buffer of `Scratch::starts`).
    starts: Vec<usize>,
    /// The last block found (see [`SentenceIndex::block_of`]).
    block: Option<Range<usize>>,
}

impl SentenceIndex<'_> {
    /// Finds starts until one is past `pos`. The last start found is that
    /// of a sentence not split yet (see [`Sentences::next_start`]): the
    /// sentence after that of `pos` is split only once an offset in it is
    /// asked for (splitting it at once cost a third of the splitter's work).
    fn extend_past(&mut self, pos: usize) {
        let starts = &mut self.starts;
        let iter = self.iter.get_or_insert_with(|| {
            starts.clear();
            sentences_judged(self.text, self.wrapped)
        });
        while starts.last().is_none_or(|&l| l <= pos) {
            let next = iter.next_start().unwrap_or(usize::MAX);
            if starts.last() == Some(&next) {
                // Found already, and not past `pos`: split its sentence.
                iter.next();
            } else {
                starts.push(next);
            }
        }
    }

    /// The lines between the hard line breaks around `span`, bytes among
    /// which is no hard break (see [`hard_block`]): the sentence of a byte
    /// in `span` lies in them.
    fn block_of(&mut self, span: Range<usize>) -> Range<usize> {
        // Hits come in order, many to a block: the last block is the block
        // of every byte in it and of the break that ends it. (Finding all
        // the text's breaks cost a scan of the whole text.)
        match &self.block {
            Some(b) if b.start <= span.start && span.start <= b.end => b.clone(),
            _ => self.block.insert(hard_block(self.text, span)).clone(),
        }
    }

    /// The byte range of the sentence holding `pos`, whose block (see
    /// [`SentenceIndex::block_of`]) starts at `block`. The scan skips to the
    /// block when it is not there yet, leaving out the starts before it: so
    /// `pos` must not be less than one asked before, unless its starts were
    /// all found ([`SentenceIndex::extend_past`]).
    fn range_at(&mut self, pos: usize, block: usize) -> Range<usize> {
        let starts = &mut self.starts;
        let iter = self.iter.get_or_insert_with(|| {
            starts.clear();
            sentences_judged(self.text, self.wrapped)
        });
        iter.skip_to_block(block);
        self.extend_past(pos);
        self.found_range(pos)
    }

    /// The byte range of the sentence holding `pos` if its starts were
    /// found already: [`SentenceIndex::range_at`] would find no more, so
    /// its block is not needed. The same rule holds for `pos`.
    fn known_range(&self, pos: usize) -> Option<Range<usize>> {
        let past = self.iter.is_some() && self.starts.last().is_some_and(|&l| l > pos);
        past.then(|| self.found_range(pos))
    }

    /// The byte range of the sentence holding `pos`, from the starts found.
    fn found_range(&self, pos: usize) -> Range<usize> {
        let sentence = 1 + self.starts.partition_point(|&s| s <= pos) as u32;
        Self::range_of(&self.starts, sentence)
    }

    /// The byte range of text sentence `sentence` (from 1).
    fn range_of(starts: &[usize], sentence: u32) -> Range<usize> {
        let c = sentence as usize - 1;
        let lo = if c == 0 { 0 } else { starts[c - 1] };
        let hi = starts.get(c).copied().unwrap_or(usize::MAX);
        lo..hi
    }
}

/// Step 1: phrase hits, with context and repeats.
fn phrase_evidence(
    s: &mut Scratch,
    tables: &Tables,
    input: &TopicInput<'_>,
    ascii: Ascii,
    wrapped: Option<bool>,
    config: &TopicConfig,
) {
    if s.term_hits.len() < tables.phrase_info.len() {
        s.term_hits.resize(tables.phrase_info.len(), (0, NO_HIT));
    }
    if s.present_at.len() < tables.flat_rules.len() {
        s.present_at
            .resize(tables.flat_rules.len(), (0, (0, 0), NOT_FOUND));
    }
    s.stamp = s.stamp.wrapping_add(1);
    if s.stamp == 0 {
        s.term_hits.fill((0, NO_HIT));
        s.present_at.fill((0, (0, 0), NOT_FOUND));
        s.runs.fill(TopicRuns::default());
        s.item_slots.fill((0, 0, 0));
        s.stamp = 1;
    }
    s.hits.clear();
    // (In ASCII text every offset up to the end is a character boundary.)
    let valid = |text: &str, ascii: bool, m: &PhraseMatch| {
        if ascii {
            m.start <= m.end && m.end <= text.len()
        } else {
            text.get(m.start..m.end).is_some()
        }
    };
    // Terms are linked as their hits are collected (a pass of its own over
    // the hits cost over a third as much again as collecting them).
    let push = |s: &mut Scratch, m: &PhraseMatch, in_title: bool| {
        let is_term = tables
            .phrase_info
            .get(m.phrase as usize)
            .is_some_and(|e| e.is_term);
        let mut prev_same = NO_HIT;
        if is_term {
            prev_same = link_term_hit(s, m.phrase, in_title);
        }
        s.hits.push(Hit {
            phrase: m.phrase,
            start: m.start,
            end: m.end,
            in_title,
            is_term,
            sentence: 0,
            prev_same,
        });
    };
    for m in input.title_hits {
        if valid(input.title, ascii.title, m) {
            push(s, m, true);
        }
    }
    // Whether the text hits (valid or not) are sorted by start, found on
    // the way (a pass of its own cost a tenth of collecting them).
    let mut sorted = true;
    let mut last_start = 0;
    for m in input.text_hits {
        sorted &= last_start <= m.start;
        last_start = m.start;
        if valid(input.text, ascii.text, m) {
            push(s, m, false);
        }
    }
    let mut index = SentenceIndex {
        iter: None,
        text: input.text,
        wrapped,
        starts: std::mem::take(&mut s.starts),
        block: None,
    };
    // Title hits first, so that they are the undiminished ones; text hits in
    // sentence order (the order given, when sorted by start as the matcher
    // gives them).
    if !sorted {
        let mut max = 0;
        for h in &s.hits {
            if !h.in_title {
                max = max.max(h.start);
            }
        }
        index.extend_past(max);
        for h in &mut s.hits {
            if !h.in_title {
                h.sentence = 1 + index.starts.partition_point(|&x| x <= h.start) as u32;
            }
        }
        s.hits.sort_by_key(|h| (!h.in_title, h.sentence));
        relink_term_hits(s);
    }
    let first_text = s.hits.partition_point(|h| h.in_title);
    let n_rules = tables.flat_rules.len();
    if s.fired.len() < n_rules {
        s.fired.resize(n_rules, 0);
    }
    let boost = config.title_boost;
    let mut present_all = std::mem::take(&mut s.present);
    present_all.clear();
    // The special-free window of the last text hit that needed one (see
    // `special_free_window`; none yet): the window of every word start in
    // it, and hits come in order, many to a window (a sentence, in
    // hard-wrapped text; a text not judged is windowed as if not wrapped).
    let mut window = 0..1;
    let soft_breaks = wrapped == Some(true);
    for k in 0..s.hits.len() {
        // About half the hits (in Reuters) are of terms without rules of
        // their own: passed over before the hit is read whole.
        let rules = match tables.phrase_info.get(s.hits[k].phrase as usize) {
            Some(entry) if entry.rules_start < entry.rules_end => {
                entry.rules_start..entry.rules_end
            }
            _ => continue,
        };
        let hit = s.hits[k];
        // The hit's sentence range and hard block, for context checks
        // (found lazily).
        let mut range: Option<Range<usize>> = None;
        let mut block: Option<Range<usize>> = None;
        let mut text_id: Option<u32> = None;
        for r in rules {
            let rule = &tables.flat_rules[r as usize];
            let requires = rule.requires(&tables.terms);
            let unless = rule.unless(&tables.terms);
            if !requires.is_empty() || !unless.is_empty() {
                let (term_hits, stamp) = (&s.term_hits, s.stamp);
                // Most terms of a rule are not in the document: the checks
                // below go over those that are alone (a rule has ten terms
                // on average, and each was looked up at every check).
                let in_doc = |&t: &u32| match term_hits.get(t as usize) {
                    Some(&(x, last)) if x == stamp => Some((t, last)),
                    _ => None,
                };
                let at = &mut s.present_at[r as usize];
                if at.0 != stamp {
                    let from = present_all.len() as u32;
                    present_all.extend(requires.iter().filter_map(in_doc));
                    *at = (stamp, (from, present_all.len() as u32), NOT_FOUND);
                }
                // Decided without sentences when no term is in the document.
                let (from, to) = at.1;
                if !requires.is_empty() && from == to {
                    continue;
                }
                if at.2 == NOT_FOUND {
                    let from = present_all.len() as u32;
                    present_all.extend(unless.iter().filter_map(in_doc));
                    at.2 = (from, present_all.len() as u32);
                }
                let run = |(a, b): (u32, u32)| &present_all[a as usize..b as usize];
                let (present, present_unless) = (run(at.1), run(at.2));
                let unless_in_doc = !present_unless.is_empty();
                if rule.doc_scope {
                    if unless_in_doc {
                        continue;
                    }
                } else if !requires.is_empty() || unless_in_doc {
                    let hits = &s.hits;
                    // Whether a hit of one of `terms` starts in `range` (the
                    // title is one sentence).
                    // (`terms` are those in the document, each with its last
                    // text hit.)
                    let any_in = |terms: &[(u32, u32)], range: &Range<usize>| {
                        if hit.in_title {
                            return hits[..first_text]
                                .iter()
                                .any(|x| terms.iter().any(|&(t, _)| t == x.phrase));
                        }
                        // Each term's text hits, last first.
                        terms.iter().any(|&(_, last)| {
                            let mut k = last;
                            while let Some(x) = hits.get(k as usize) {
                                if range.contains(&x.start) {
                                    return true;
                                }
                                if sorted && x.start < range.start {
                                    break;
                                }
                                k = x.prev_same;
                            }
                            false
                        })
                    };
                    // First the run of text around the hit that holds no
                    // byte a sentence could end at: hits there are surely
                    // in its sentence.
                    let near = if hit.in_title {
                        0..usize::MAX
                    } else {
                        // (A window ends past the byte that bounds it.)
                        if !(window.start..window.end - 1).contains(&hit.start) {
                            window = special_free_window(input.text, hit.start, soft_breaks);
                        }
                        window.clone()
                    };
                    // Then, for a text hit, the lines between hard breaks
                    // around it, which hold its whole sentence: terms not
                    // there need no splitter, which starts at their first
                    // line when they are.
                    // Once the splitter has passed the hit (for an earlier
                    // one in its sentence), the sentence is known, and
                    // checked before the block (which is looked for only
                    // when a term is in the sentence).
                    // The block is scanned for out from the ends of `near`
                    // (less the byte that bounds it, which may be a hard
                    // break): no hard break is inside.
                    let mut in_sentence = |terms: &[(u32, u32)]| {
                        if range.is_none() {
                            range = index.known_range(hit.start);
                        }
                        let span = near.start..near.end - 1;
                        if let Some(r) = &range {
                            return any_in(terms, r)
                                && any_in(
                                    terms,
                                    block.get_or_insert_with(|| index.block_of(span)),
                                );
                        }
                        let b = block.get_or_insert_with(|| index.block_of(span)).clone();
                        any_in(terms, &b) && {
                            let r = range.insert(index.range_at(hit.start, b.start));
                            any_in(terms, r)
                        }
                    };
                    // Hits in `near` are in the hit's sentence; only the
                    // others need the splitter.
                    let mut pass = true;
                    if !requires.is_empty() && !any_in(present, &near) {
                        pass = !hit.in_title && in_sentence(present);
                    }
                    if pass && unless_in_doc {
                        if any_in(present_unless, &near) {
                            pass = false;
                        } else if !hit.in_title {
                            pass = !in_sentence(present_unless);
                        }
                    }
                    if !pass {
                        continue;
                    }
                }
            }
            let n = &mut s.fired[r as usize];
            if *n == 0 {
                s.fired_touched.push(r);
            }
            *n += 1;
            let b = if hit.in_title { boost } else { 1.0 };
            let add = rule.weight * b / *n as f32;
            let text = match text_id {
                Some(id) => id,
                None => {
                    let src = if hit.in_title {
                        input.title
                    } else {
                        input.text
                    };
                    let id = phrase_text_id(s, tables, hit.phrase, src, hit.start..hit.end);
                    text_id = Some(id);
                    id
                }
            };
            let event = Event {
                topic: rule.topic,
                source: EvidenceSource::Phrase,
                text,
                in_title: hit.in_title,
                add,
            };
            add_event(s, tables, event);
        }
    }
    for &r in &s.fired_touched {
        s.fired[r as usize] = 0;
    }
    s.fired_touched.clear();
    s.starts = index.starts;
    s.present = present_all;
}

/// Stamps term `phrase` as in the document and, for a text hit, makes the
/// hit about to be pushed the head of its text hits (see
/// `Scratch::term_hits`): returns the hit's `prev_same`.
fn link_term_hit(s: &mut Scratch, phrase: u32, in_title: bool) -> u32 {
    let (stamp, last) = &mut s.term_hits[phrase as usize];
    if *stamp != s.stamp {
        *stamp = s.stamp;
        *last = NO_HIT;
    }
    if in_title {
        return NO_HIT;
    }
    std::mem::replace(last, s.hits.len() as u32)
}

/// Links the terms' text hits again after the hits were reordered.
fn relink_term_hits(s: &mut Scratch) {
    for h in &s.hits {
        if h.is_term {
            s.term_hits[h.phrase as usize].1 = NO_HIT;
        }
    }
    for k in 0..s.hits.len() {
        let h = s.hits[k];
        if h.is_term && !h.in_title {
            let last = &mut s.term_hits[h.phrase as usize].1;
            s.hits[k].prev_same = std::mem::replace(last, k as u32);
        }
    }
}

/// Step 2: entity facts, by kind or label, and pair rules.
fn entity_evidence(s: &mut Scratch, tables: &Tables, entities: &[EntityFact<'_>]) {
    let n_rules = tables.entity_rule_count as usize;
    if s.entity_fired.len() < n_rules {
        s.entity_fired.resize(n_rules, 0);
    }
    distinct_facts(s, entities);
    s.pair_counted.clear();
    for k in 0..s.facts.len() {
        let fact = &entities[s.facts[k] as usize];
        let kind = tables.kind_rules.get(fact.kind);
        if let (Some(kind), Some(_)) = (kind, fact.country) {
            let counted = kind.pairs.iter().map(|&p| (p, s.facts[k]));
            s.pair_counted.extend(counted);
        }
        let (key_name, rules) = match kind {
            Some(kind) if !kind.rules.is_empty() => (fact.kind, &kind.rules),
            _ => (
                fact.label.as_str(),
                &tables.label_rules[fact.label as usize],
            ),
        };
        let mut text_id: Option<u32> = None;
        for rule in rules {
            let Some(topic) = rule.topic else { continue };
            let n = &mut s.entity_fired[rule.id as usize];
            if *n == 0 {
                s.entity_touched.push(rule.id);
            }
            *n += 1;
            let add = rule.weight / *n as f32;
            let text = match text_id {
                Some(id) => id,
                None => {
                    let from = s.arena.len();
                    s.arena.push_str(key_name);
                    s.arena.push_str(": ");
                    s.arena.push_str(fact.name);
                    if let Some(c) = fact.country {
                        s.arena.push_str(" (");
                        s.arena.push_str(c);
                        s.arena.push(')');
                    }
                    let id = intern_tail(s, from);
                    text_id = Some(id);
                    id
                }
            };
            let event = Event {
                topic,
                source: EvidenceSource::Entity,
                text,
                in_title: false,
                add,
            };
            add_event(s, tables, event);
        }
    }
    for &r in &s.entity_touched {
        s.entity_fired[r as usize] = 0;
    }
    s.entity_touched.clear();
    let country = |i: &u32| entities[*i as usize].country.unwrap_or_default();
    // The distinct facts have the countries of all facts.
    for (p, pair) in (0..).zip(&tables.pair_rules) {
        let countries = &mut s.pair_facts;
        countries.clear();
        let counted = s.pair_counted.iter().filter(|&&(q, _)| q == p);
        countries.extend(counted.map(|&(_, i)| i));
        if countries.len() < pair.min_countries {
            continue;
        }
        countries.sort_unstable_by_key(country);
        countries.dedup_by_key(|i| country(i));
        if countries.len() >= pair.min_countries {
            let from = s.arena.len();
            for (i, k) in pair.kinds.iter().enumerate() {
                if i > 0 {
                    s.arena.push('/');
                }
                s.arena.push_str(k);
            }
            s.arena.push_str(" from ");
            for (i, c) in s.pair_facts.iter().enumerate() {
                if i > 0 {
                    s.arena.push_str(", ");
                }
                s.arena.push_str(country(c));
            }
            let text = intern_tail(s, from);
            let event = Event {
                topic: pair.topic,
                source: EvidenceSource::Entity,
                text,
                in_title: false,
                add: pair.weight,
            };
            add_event(s, tables, event);
        }
    }
}

/// Fills `Scratch::facts` with the distinct entity facts, first occurrences,
/// in input order: each fact is looked up by its `fact_hash` in
/// `Scratch::fact_slots` (a table of at least twice as many slots as facts)
/// as it comes, so no sort is needed (sorting the facts by hash, then the
/// distinct ones back into input order, cost more).
fn distinct_facts(s: &mut Scratch, entities: &[EntityFact<'_>]) {
    s.facts.clear();
    if entities.is_empty() {
        return;
    }
    let key = |i: u32| {
        let f = &entities[i as usize];
        (f.kind, f.country, f.name, f.label)
    };
    let bits = (2 * entities.len()).next_power_of_two().trailing_zeros();
    s.fact_slots.clear();
    s.fact_slots.resize(1 << bits, (0, NO_FACT));
    for (f, i) in entities.iter().zip(0..) {
        let hash = fact_hash(f);
        // (The hash ends in a multiplication: its high bits are the best
        // mixed.)
        let mut slot = (hash >> (64 - bits)) as usize;
        loop {
            let (h, first) = &mut s.fact_slots[slot];
            if *first == NO_FACT {
                (*h, *first) = (hash, i);
                s.facts.push(i);
                break;
            }
            if *h == hash && key(*first) == key(i) {
                break;
            }
            slot = (slot + 1) & ((1 << bits) - 1);
        }
    }
}

/// No fact, in `Scratch::fact_slots`.
const NO_FACT: u32 = u32::MAX;

/// A hash of the key an entity fact is counted once by: of the lengths and
/// the first bytes of its strings, enough to tell most keys apart (the sort
/// compares the keys where it does not).
fn fact_hash(f: &EntityFact<'_>) -> u64 {
    // FxHash's multiplier.
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mix = |h: u64, x: u64| (h.rotate_left(5) ^ x).wrapping_mul(K);
    let country = f.country.map_or(u64::MAX, |c| load_le(c.as_bytes()));
    let lengths = (f.name.len() as u64) << 32 | (f.kind.len() as u64) << 8 | f.label as u64;
    let h = mix(
        mix(lengths, load_le(f.name.as_bytes())),
        load_le(f.kind.as_bytes()),
    );
    mix(h, country)
}

/// Adds event `e` to the item of its key, made at the key's first event
/// (so each item's sum is taken in processing order): found by the packed
/// key in `Scratch::item_slots`, a table of at least twice as many slots as
/// items. (Keeping a list of events, to sum once they were all known, cost
/// more; and so did a call for each event, not inlined.)
#[inline(always)]
fn add_event(s: &mut Scratch, tables: &Tables, e: Event) {
    if 2 * (s.items.len() + 1) > s.item_slots.len() {
        grow_item_slots(s);
    }
    let key = item_key(e.topic, e.source, e.text, e.in_title);
    let mask = s.item_slots.len() - 1;
    let mut i = item_slot(key, mask);
    loop {
        let (stamp, k, item) = &mut s.item_slots[i];
        if *stamp != s.stamp {
            (*stamp, *k, *item) = (s.stamp, key, s.items.len() as u32);
            let texts = Texts {
                arena: s.arena.as_bytes(),
                ranges: &s.texts,
                leads: &s.leads,
                tables,
            };
            let lead = texts.lead(e.text);
            s.items.push(Item {
                order: u64::from(e.topic) << 32 | (e.source as u64) << 30 | (lead >> 98) as u64,
                topic: e.topic,
                source: e.source,
                text: e.text,
                in_title: e.in_title,
                weight: e.add,
                count: 1,
            });
            return;
        }
        if *k == key {
            let item = &mut s.items[*item as usize];
            item.weight += e.add;
            item.count += 1;
            return;
        }
        i = (i + 1) & mask;
    }
}

/// The first slot to look for an item's packed `key` in, of `mask + 1` (a
/// power of two).
fn item_slot(key: u64, mask: usize) -> usize {
    // FxHash's multiplier; the high bits are the best mixed.
    let bits = (mask + 1).trailing_zeros();
    (key.wrapping_mul(0x517c_c1b7_2722_0a95) >> (64 - bits)) as usize
}

/// Doubles `Scratch::item_slots` (to 64 slots at first) and puts the items
/// of this document back.
fn grow_item_slots(s: &mut Scratch) {
    let len = (2 * s.item_slots.len()).max(64);
    s.item_slots.clear();
    // (Stamp 0 is no document's.)
    s.item_slots.resize(len, (0, 0, 0));
    for (k, item) in s.items.iter().enumerate() {
        let key = item_key(item.topic, item.source, item.text, item.in_title);
        let mut i = item_slot(key, len - 1);
        while s.item_slots[i].0 == s.stamp {
            i = (i + 1) & (len - 1);
        }
        s.item_slots[i] = (s.stamp, key, k as u32);
    }
}

/// Sorts the items in (topic, source, text, in_title) order (texts in byte
/// order): only the items, fewer than the events, are sorted, and texts are
/// compared only within a topic and source.
fn sort_items(s: &mut Scratch, tables: &Tables) {
    // The texts items name, borrowed field by field: the items are sorted
    // below.
    let texts = Texts {
        arena: s.arena.as_bytes(),
        ranges: &s.texts,
        leads: &s.leads,
        tables,
    };
    // By topic, source and the text's first 30 bits, as numbers; then
    // each run where these tie (rare: mostly one text in and out of the
    // title) by the whole text, in byte order, and whether in the title.
    s.items.sort_unstable_by_key(|i| i.order);
    let mut start = 0;
    while let Some([a, b]) = s.items.get(start..start + 2) {
        // (Most items tie with none: passed over with one comparison.)
        if a.order != b.order {
            start += 1;
            continue;
        }
        let order = a.order;
        let len = s.items[start..]
            .iter()
            .take_while(|i| i.order == order)
            .count();
        // Keys are distinct, and so are the texts of distinct ids of one
        // source (see `phrase_text_id`), which items that tie share.
        s.items[start..start + len].sort_unstable_by(|a, b| {
            let (x, y) = (a.text, b.text);
            texts
                .lead(x)
                .cmp(&texts.lead(y))
                .then_with(|| texts.bytes(x).cmp(texts.bytes(y)))
                .then(a.in_title.cmp(&b.in_title))
        });
        start += len;
    }
}

/// The key an event is summed by, (topic, source, text, in_title), as one
/// number.
fn item_key(topic: u32, source: EvidenceSource, text: u32, in_title: bool) -> u64 {
    u64::from(topic) << 32 | (source as u64) << 30 | u64::from(text) << 1 | u64::from(in_title)
}

/// The first 16 bytes of `text`, zero-padded, as a number that orders like
/// the bytes; texts that tie are compared whole. (From two loads: a copy of
/// variable length into a buffer is a call to `memcpy`.)
pub(super) fn leading_bytes(text: &[u8]) -> u128 {
    let first = load_le(text).swap_bytes();
    let second = load_le(text.get(8..).unwrap_or_default()).swap_bytes();
    u128::from(first) << 64 | u128::from(second)
}

/// Steps 3 and 4: floor each topic's own evidence at zero and add it to the
/// topic and every ancestor, in topic order.
fn roll_up(s: &mut Scratch, tables: &Tables) {
    let n_topics = tables.taxonomy.topics.len();
    if s.totals.len() < n_topics {
        s.totals.resize(n_topics, 0.0);
        s.runs.resize(n_topics, TopicRuns::default());
    }
    for &t in &s.touched {
        s.totals[t as usize] = 0.0;
    }
    s.touched.clear();
    let mut k = 0;
    while k < s.items.len() {
        let t = s.items[k].topic;
        let from = k;
        let mut own = 0.0f32;
        while s.items.get(k).is_some_and(|i| i.topic == t) {
            own += s.items[k].weight;
            k += 1;
        }
        runs_of(s, t).items = (from as u32, k as u32);
        let own = own.max(0.0);
        if own <= 0.0 {
            continue;
        }
        let mut at = Some(t);
        while let Some(a) = at {
            let total = &mut s.totals[a as usize];
            if *total == 0.0 {
                s.touched.push(a);
            }
            *total += own;
            at = tables.taxonomy.parent(a);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Words are counted as `split_whitespace` counts them, and ASCII
        /// text found as `is_ascii` finds it, ASCII or not, in the chunked
        /// loop and in the tail.
        #[test]
        fn counts_words_as_split_whitespace(
            pieces in prop::collection::vec(
                prop::sample::select(vec![
                    "a", "word", " ", "  ", "\n", "\t", "\u{b}", "\u{c}", "\r", "\u{1c}", "\u{a0}",
                    "\u{85}", "é", "\u{3000}", ".",
                ]),
                0..120,
            )
        ) {
            let text = pieces.concat();
            prop_assert_eq!(count_words(&text), (text.split_whitespace().count(), text.is_ascii()));
        }

        /// The leading bytes are the first sixteen, zero-padded, read
        /// big-endian.
        #[test]
        fn leading_bytes_are_the_first_sixteen(text in prop::collection::vec(any::<u8>(), 0..40)) {
            let mut padded = [0u8; 16];
            let n = text.len().min(16);
            padded[..n].copy_from_slice(&text[..n]);
            prop_assert_eq!(leading_bytes(&text), u128::from_be_bytes(padded));
        }

        /// A text is the lower case of a surface as a byte at a time says,
        /// around the eight-byte words.
        #[test]
        fn lower_case_is_checked_as_bytes(
            surface in "[a-zA-Z@\\[`{é]{0,20}",
            other in "[a-z@\\[`{é]{0,20}",
            same in any::<bool>(),
        ) {
            let text = if same { surface.to_ascii_lowercase() } else { other };
            let bytewise = text.len() == surface.len()
                && surface
                    .bytes()
                    .zip(text.bytes())
                    .all(|(a, b)| a.is_ascii() && a.to_ascii_lowercase() == b);
            prop_assert_eq!(is_lower(text.as_bytes(), surface.as_bytes()), bytewise);
        }

        /// A text is ASCII lower case as a byte at a time says, around
        /// the eight-byte words.
        #[test]
        fn ascii_lower_case_is_checked_as_bytes(text in "[a-zA-Z@\\[`{ é]{0,20}") {
            let bytewise = text.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase());
            prop_assert_eq!(is_ascii_lower(text.as_bytes()), bytewise);
        }
    }
}
