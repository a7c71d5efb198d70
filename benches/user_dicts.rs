//! Tagging throughput on the Reuters-21578 corpus with the generated 100k
//! and 1M-alias user dictionaries (`benches/gen_dict.py`), each alone (no
//! built-in dictionary, no topics: the builder's defaults), single thread. The build is done once, outside the
//! timing (`build.rs` times it).

// `criterion_group!` makes an undocumented public function.
#![allow(missing_docs)]

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gazetag::Tagger;

/// Mentions on the whole Reuters corpus per generated dictionary. They
/// depend on the generator and its pinned inputs: after changing either, or
/// the pipeline, put the values the failing assertion prints here.
const MENTIONS: &[(&str, usize)] = &[("100k", 41_918), ("1m", 145_694)];

fn user_dicts(c: &mut Criterion) {
    let Some(corpus) = common::corpus() else {
        return;
    };
    for &(name, mentions) in MENTIONS {
        let Some(path) = common::generated_dict(name) else {
            continue;
        };
        let tagger = Tagger::builder().dictionary_path(&path).build().unwrap();
        let count = || -> usize {
            corpus
                .articles
                .iter()
                .map(|a| tagger.tag_article(&a.title, &a.text).mentions().len())
                .sum()
        };
        let expected = count();
        common::check_count(&format!("user_dicts/{}", name), expected, mentions, 5_000);
        let mut g = c.benchmark_group("user_dict");
        common::configure(&mut g);
        g.throughput(Throughput::Bytes(corpus.bytes));
        g.bench_function(format!("tag/{}", name), |b| {
            b.iter(|| assert_eq!(count(), expected))
        });
        g.finish();
    }
}

criterion_group!(benches, user_dicts);
criterion_main!(benches);
