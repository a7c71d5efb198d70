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
//! - `topics`: the topic model's phrase search over the prepared normalized
//!   texts and `TopicModel::score` with each article's entity facts
//!   (prepared outside the timing);
//! - `tag`: `Tagger::tag_article` of `Tagger::default()`, the whole pipeline
//!   up to a `Doc` (segmentation, normalization, matching, candidates,
//!   resolution, linking, rules, topics); `tag/no-topics` the same without
//!   topics: what `tag` costs beyond the stages above is resolution, linking
//!   and rules;
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
use gazetag::topics::{EntityFact, TopicConfig, TopicInput, TopicModel};
use gazetag::{segment, Doc, EntityRef, Tagger, Topics};

/// Counts on the whole Reuters corpus with the built-in dictionaries. When a
/// change to the pipeline moves one on purpose, the failing assertion prints
/// the new value: put it here.
const PARTS: usize = 20_550;
const SENTENCES: usize = 153_354;
const NORMALIZED_BYTES: usize = 16_325_255;
const PHRASE_MATCHES: usize = 246_287;
const TOPICS: usize = 160_141;
const MENTIONS: usize = 166_511;
const RECORD_BYTES: usize = 89_540_042;

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

/// One entity fact per distinct entity of a doc, as the tagger gives them to
/// the topic model.
fn facts<'d>(doc: &'d Doc<'_>) -> Vec<EntityFact<'d>> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for m in doc.mentions() {
        if matches!(m.entity, EntityRef::Ambiguous(_)) || seen.contains(&m.entity) {
            continue;
        }
        seen.push(m.entity);
        if let Some(e) = doc.entry(m) {
            out.push(EntityFact {
                label: m.label,
                kind: &e.kind,
                country: e.country.as_deref(),
                name: &e.name,
            });
        }
    }
    out
}

/// Topic phrase search and scoring; returns the number of topics.
fn topic_count(
    model: &TopicModel,
    prepared: &[(&str, Normalized)],
    facts: &[Vec<EntityFact<'_>>],
    hits: &mut [Vec<PhraseMatch>; 2],
) -> usize {
    let config = TopicConfig::default();
    let mut n = 0;
    for (pair, facts) in prepared.chunks_exact(2).zip(facts) {
        for ((text, norm), hits) in pair.iter().zip(hits.iter_mut()) {
            hits.clear();
            model.phrase_set().find(text, norm, hits);
        }
        let input = TopicInput {
            title: pair[0].0,
            text: pair[1].0,
            title_hits: &hits[0],
            text_hits: &hits[1],
            entities: facts,
        };
        n += model.score(&input, &config).len();
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
            .flat_map(|e| e.aliases.iter().map(|a| (&*a.text, a.policy))),
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

    let model = TopicModel::builtin().unwrap();
    let docs: Vec<_> = corpus
        .articles
        .iter()
        .map(|a| tagger.tag_article(&a.title, &a.text))
        .collect();
    let all_facts: Vec<_> = docs.iter().map(facts).collect();
    let mut hits = [Vec::new(), Vec::new()];
    let expected = topic_count(&model, &prepared, &all_facts, &mut hits);
    common::check_count("stages/topics", expected, TOPICS, 10_000);
    g.bench_function("topics", |b| {
        b.iter(|| {
            assert_eq!(
                topic_count(&model, &prepared, &all_facts, &mut hits),
                expected
            )
        })
    });
    drop(all_facts);
    drop(docs);
    drop(prepared);

    let expected = tag_count(&tagger, &corpus);
    common::check_count("stages/tag", expected, MENTIONS, 50_000);
    g.bench_function("tag", |b| {
        b.iter(|| assert_eq!(tag_count(&tagger, &corpus), expected))
    });
    let no_topics = Tagger::builder()
        .builtin_dictionaries()
        .topics(Topics::Off)
        .build()
        .unwrap();
    assert_eq!(tag_count(&no_topics, &corpus), expected);
    g.bench_function("tag/no-topics", |b| {
        b.iter(|| assert_eq!(tag_count(&no_topics, &corpus), expected))
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
