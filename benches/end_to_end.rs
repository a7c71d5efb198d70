//! End to end on the Reuters-21578 corpus (title + text bytes): tag every
//! article and write its JSON record, single thread; then `Tagger::tag_batch`
//! in rayon pools of 1 and 2 threads (thread scaling: compare the two
//! throughputs of one run); and the dictionary tagger (`Rules::Off`, no
//! topics) on one thread.
//!
//! Each bench counts the mentions it produced before timing, checks the
//! count against `MENTIONS`, and every iteration against that count.

// `criterion_group!` makes an undocumented public function.
#![allow(missing_docs)]

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gazetag::{Rules, Tagger};

/// Mentions on the whole Reuters corpus with the built-in dictionaries (same
/// constant as in `stages.rs`). When a pipeline change moves it on purpose,
/// the failing assertion prints the new value: put it here.
const MENTIONS: usize = 166_511;

/// Mentions of the dictionary tagger (built-in dictionaries, `Rules::Off`).
const DICTIONARY_MENTIONS: usize = 99_531;

/// Tags and serializes every article into `buf` (one JSON line each, the
/// buffer cleared per article as a writer flushed to a file would be);
/// returns the number of mentions.
fn tag_and_write(tagger: &Tagger, corpus: &common::Corpus, buf: &mut Vec<u8>) -> usize {
    let mut n = 0;
    for a in &corpus.articles {
        let doc = tagger.tag_article(&a.title, &a.text);
        n += doc.mentions().len();
        buf.clear();
        let record = doc.to_record(serde_json::Value::from(a.id.as_str()));
        serde_json::to_writer(&mut *buf, &record).unwrap();
        buf.push(b'\n');
    }
    n
}

fn end_to_end(c: &mut Criterion) {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let tagger = Tagger::default();
    let mut g = c.benchmark_group("end_to_end");
    common::configure(&mut g);
    g.throughput(Throughput::Bytes(corpus.bytes));

    let mut buf = Vec::with_capacity(1 << 20);
    let expected = tag_and_write(&tagger, &corpus, &mut buf);
    common::check_count("end_to_end/tag+serialize", expected, MENTIONS, 50_000);
    g.bench_function("tag+serialize/1-thread", |b| {
        b.iter(|| assert_eq!(tag_and_write(&tagger, &corpus, &mut buf), expected))
    });

    let dictionary_only = Tagger::builder()
        .builtin_dictionaries()
        .rules(Rules::Off)
        .build()
        .unwrap();
    let found = tag_and_write(&dictionary_only, &corpus, &mut buf);
    common::check_count(
        "end_to_end/tag+serialize/no-rules-no-topics",
        found,
        DICTIONARY_MENTIONS,
        50_000,
    );
    g.bench_function("tag+serialize/no-rules-no-topics", |b| {
        b.iter(|| assert_eq!(tag_and_write(&dictionary_only, &corpus, &mut buf), found))
    });

    let pairs = corpus.pairs();
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let count = || -> usize {
            pool.install(|| tagger.tag_batch(&pairs))
                .iter()
                .map(|d| d.mentions().len())
                .sum()
        };
        assert_eq!(count(), expected, "tag_batch differs from tag_article");
        g.bench_with_input(BenchmarkId::new("tag_batch", threads), &threads, |b, _| {
            b.iter(|| assert_eq!(count(), expected))
        });
    }
    g.finish();
}

criterion_group!(benches, end_to_end);
criterion_main!(benches);
