//! Tagging throughput per stage on the Reuters-21578 corpus
//! (`../shared/bench/reuters21578.jsonl`, title + text bytes), single thread:
//!
//! - `segment/parts`: article parts (`segment::parts`, which the tagger
//!   runs on every text); `segment/sentences`: `segment::sentences` over
//!   title and text;
//! - `normalize`: the folded copy with its offset map
//!   (`Normalized::normalize_into`, one buffer reused);
//! - `match`: `PhraseSet::find` over normalized texts prepared outside the
//!   timing, with a phrase set built from the built-in dictionary's aliases
//!   (the tagger's own set is not public; this one holds the same phrases);
//! - `tag`: `Tagger::tag_article`, the whole pipeline up to a `Doc`
//!   (segmentation, normalization, matching, candidates, resolution, linking,
//!   rules): what it costs beyond the three stages above is resolution and
//!   linking;
//! - `serialize`: `Doc::to_record` and `serde_json::to_writer` into a reused
//!   buffer, over docs tagged outside the timing.
//!
//! Every bench counts what it produced before timing and checks the count
//! against the constant below, and every iteration against that count.

// `criterion_group!` makes an undocumented public function.
#![allow(missing_docs)]

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gazetag::matcher::{PhraseMatch, PhraseSet};
use gazetag::normalize::Normalized;
use gazetag::{segment, Tagger};

/// Counts on the whole Reuters corpus with the built-in dictionaries. When a
/// change to the pipeline moves one on purpose, the failing assertion prints
/// the new value: put it here.
const PARTS: usize = 20_594;
const SENTENCES: usize = 153_354;
const NORMALIZED_BYTES: usize = 16_325_255;
const PHRASE_MATCHES: usize = 182_450;
const MENTIONS: usize = 93_296;
const RECORD_BYTES: usize = 24_692_467;

fn parts_count(corpus: &common::Corpus) -> usize {
    corpus
        .articles
        .iter()
        .map(|a| segment::parts(&a.text).len())
        .sum()
}

fn sentence_count(corpus: &common::Corpus) -> usize {
    corpus
        .articles
        .iter()
        .map(|a| segment::sentences(&a.title).count() + segment::sentences(&a.text).count())
        .sum()
}

fn normalize_count(corpus: &common::Corpus, norm: &mut Normalized) -> usize {
    let mut n = 0;
    for a in &corpus.articles {
        norm.normalize_into(&a.title);
        n += norm.as_bytes().len();
        norm.normalize_into(&a.text);
        n += norm.as_bytes().len();
    }
    n
}

fn match_count(
    set: &PhraseSet,
    prepared: &[(&str, Normalized)],
    out: &mut Vec<PhraseMatch>,
) -> usize {
    let mut n = 0;
    for (text, norm) in prepared {
        out.clear();
        set.find(text, norm, out);
        n += out.len();
    }
    n
}

fn tag_count(tagger: &Tagger, corpus: &common::Corpus) -> usize {
    corpus
        .articles
        .iter()
        .map(|a| tagger.tag_article(&a.title, &a.text).mentions().len())
        .sum()
}

fn stages(c: &mut Criterion) {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let tagger = Tagger::default();
    let mut g = c.benchmark_group("stages");
    common::configure(&mut g);
    g.throughput(Throughput::Bytes(corpus.bytes));

    let expected = parts_count(&corpus);
    common::check_count("stages/segment/parts", expected, PARTS, 20_000);
    g.bench_function("segment/parts", |b| {
        b.iter(|| assert_eq!(parts_count(&corpus), expected))
    });
    let expected = sentence_count(&corpus);
    common::check_count("stages/segment/sentences", expected, SENTENCES, 100_000);
    g.bench_function("segment/sentences", |b| {
        b.iter(|| assert_eq!(sentence_count(&corpus), expected))
    });

    let mut norm = Normalized::default();
    let expected = normalize_count(&corpus, &mut norm);
    common::check_count("stages/normalize", expected, NORMALIZED_BYTES, 10_000_000);
    g.bench_function("normalize", |b| {
        b.iter(|| assert_eq!(normalize_count(&corpus, &mut norm), expected))
    });

    let phrases = PhraseSet::new(
        tagger
            .dictionary()
            .entries()
            .iter()
            .flat_map(|e| e.aliases.iter().map(|a| (a.text.as_str(), a.policy))),
    )
    .unwrap();
    let prepared: Vec<(&str, Normalized)> = corpus
        .articles
        .iter()
        .flat_map(|a| [a.title.as_str(), a.text.as_str()])
        .map(|t| (t, Normalized::new(t)))
        .collect();
    let mut out = Vec::new();
    let expected = match_count(&phrases, &prepared, &mut out);
    common::check_count("stages/match", expected, PHRASE_MATCHES, 100_000);
    g.bench_function("match", |b| {
        b.iter(|| assert_eq!(match_count(&phrases, &prepared, &mut out), expected))
    });
    drop(prepared);

    let expected = tag_count(&tagger, &corpus);
    common::check_count("stages/tag", expected, MENTIONS, 50_000);
    g.bench_function("tag", |b| {
        b.iter(|| assert_eq!(tag_count(&tagger, &corpus), expected))
    });

    let docs: Vec<_> = corpus
        .articles
        .iter()
        .map(|a| (a.id.as_str(), tagger.tag_article(&a.title, &a.text)))
        .collect();
    let mut buf = Vec::with_capacity(1 << 20);
    let serialize = |buf: &mut Vec<u8>| {
        let mut n = 0;
        for (id, doc) in &docs {
            buf.clear();
            let record = doc.to_record(serde_json::Value::from(*id));
            serde_json::to_writer(&mut *buf, &record).unwrap();
            n += buf.len();
        }
        n
    };
    let expected = serialize(&mut buf);
    common::check_count("stages/serialize", expected, RECORD_BYTES, 1_000_000);
    g.bench_function("serialize", |b| {
        b.iter(|| assert_eq!(serialize(&mut buf), expected))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
