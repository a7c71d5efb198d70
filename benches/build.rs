//! Build time of a tagger, timed apart from tagging: the built-in
//! dictionaries with the built-in topic model (`default`: what
//! `Tagger::default()` does once per process, less the first build of the
//! topic model, which is cached per process), without it (`no-topics`), and
//! the generated 10k, 100k and 1M-alias dictionaries (`benches/gen_dict.py`,
//! no topics).
//!
//! `load+compile` reads and parses the JSONL file and compiles the matcher;
//! `compile` starts from a parsed `Dictionary` (cloned outside the timing), so
//! the difference is the cost of parsing. `build/1m/compile` adds ten builds
//! of several seconds each and only runs with `GAZETAG_BENCH_FULL=1`.

// `criterion_group!` makes an undocumented public function.
#![allow(missing_docs)]

mod common;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use gazetag::topics::TopicModel;
use gazetag::{Dictionary, Tagger, Topics};

/// Aliases of the built-in dictionaries. Update when `dictionaries/` changes
/// (the failing assertion prints the new value).
const BUILTIN_ALIASES: usize = 96_045;

/// Aliases the generator writes per file (exact: `gen_dict.py` tops each
/// file up to its size).
const GENERATED: &[(&str, usize)] = &[("10k", 10_000), ("100k", 100_000), ("1m", 1_000_000)];

fn builtin(c: &mut Criterion) {
    let builtin = Tagger::default().dictionary().clone();
    let aliases = common::alias_count(&builtin);
    common::check_count("build/builtin aliases", aliases, BUILTIN_ALIASES, 10_000);
    let mut g = c.benchmark_group("build/builtin");
    common::configure(&mut g);
    g.throughput(Throughput::Elements(aliases as u64));
    g.bench_function("default", |b| {
        b.iter(|| {
            let t = Tagger::builder()
                .builtin_dictionaries()
                .topics(Topics::Builtin)
                .build()
                .unwrap();
            assert_eq!(common::alias_count(t.dictionary()), aliases);
            t
        })
    });
    g.bench_function("no-topics", |b| {
        b.iter(|| {
            let t = Tagger::builder().builtin_dictionaries().build().unwrap();
            assert_eq!(common::alias_count(t.dictionary()), aliases);
            t
        })
    });
    g.bench_function("compile", |b| {
        b.iter_batched(
            || builtin.clone(),
            |d| {
                let t = Tagger::builder().dictionary(d).build().unwrap();
                assert_eq!(common::alias_count(t.dictionary()), aliases);
                t
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();

    // `TopicModel::builtin()` is built once per process and then cloned, so
    // this times the clone; the first build is in the first `Tagger::default()`
    // of a process (`examples/bench_tag` prints it as `build_s`).
    let mut g = c.benchmark_group("build/topic-model");
    common::configure(&mut g);
    let rules = TopicModel::builtin().unwrap().rule_count();
    g.bench_function("builtin-cached", |b| {
        b.iter(|| {
            let m = TopicModel::builtin().unwrap();
            assert_eq!(m.rule_count(), rules);
            m
        })
    });
    g.finish();
}

fn generated(c: &mut Criterion) {
    for &(name, aliases) in GENERATED {
        let Some(path) = common::generated_dict(name) else {
            continue;
        };
        let dict = Dictionary::from_path(&path).unwrap();
        assert_eq!(
            common::alias_count(&dict),
            aliases,
            "{} does not hold {} aliases: regenerate it",
            common::display(&path),
            aliases
        );
        let mut g = c.benchmark_group(format!("build/{}", name));
        common::configure(&mut g);
        if name == "1m" {
            // One build takes seconds: ten of them are the measurement.
            g.warm_up_time(std::time::Duration::from_millis(1));
        }
        g.throughput(Throughput::Elements(aliases as u64));
        g.bench_function("load+compile", |b| {
            b.iter(|| {
                let t = Tagger::builder().dictionary_path(&path).build().unwrap();
                assert_eq!(common::alias_count(t.dictionary()), aliases);
                t
            })
        });
        if name == "1m" && std::env::var_os("GAZETAG_BENCH_FULL").is_none() {
            // Ten more builds of seconds each: only on request.
            eprintln!("skipping build/1m/compile (set GAZETAG_BENCH_FULL=1 to run it)");
            g.finish();
            continue;
        }
        g.bench_function("compile", |b| {
            b.iter_batched(
                || dict.clone(),
                |d| {
                    let t = Tagger::builder().dictionary(d).build().unwrap();
                    assert_eq!(common::alias_count(t.dictionary()), aliases);
                    t
                },
                BatchSize::PerIteration,
            )
        });
        g.finish();
    }
}

criterion_group!(benches, builtin, generated);
criterion_main!(benches);
