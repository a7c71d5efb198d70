//! Inputs shared by the benches: the Reuters corpus, the generated
//! dictionaries, and the criterion settings sized for a small shared machine.
//!
//! Every input is optional: a bench whose input is missing prints why and
//! registers nothing, so `cargo bench` still runs the rest.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::SamplingMode;
use serde::Deserialize;

/// One article of the corpus.
#[derive(Clone, Debug, Deserialize)]
pub struct Article {
    pub id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
}

/// The corpus, read once: articles and their size in bytes (title + text,
/// which is what every tagging bench reports its throughput over).
pub struct Corpus {
    pub articles: Vec<Article>,
    pub bytes: u64,
}

impl Corpus {
    /// `(title, text)` pairs, as `Tagger::tag_batch` takes them.
    pub fn pairs(&self) -> Vec<(&str, &str)> {
        self.articles
            .iter()
            .map(|a| (a.title.as_str(), a.text.as_str()))
            .collect()
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where the Reuters-21578 corpus is: `$GAZETAG_BENCH_CORPUS`, else
/// `../shared/bench/reuters21578.jsonl` beside the crate.
pub fn corpus_path() -> PathBuf {
    match std::env::var_os("GAZETAG_BENCH_CORPUS") {
        Some(p) => PathBuf::from(p),
        None => root().join("../shared/bench/reuters21578.jsonl"),
    }
}

/// Reads the corpus, or says why not and returns `None`. The expected counts
/// in the benches are for the whole Reuters file; `$GAZETAG_BENCH_CORPUS`
/// pointing elsewhere turns those checks into "same count every iteration".
pub fn corpus() -> Option<Corpus> {
    let path = corpus_path();
    let data = match std::fs::read_to_string(&path) {
        Ok(data) => data,
        Err(err) => {
            eprintln!(
                "skipping corpus benches: cannot read {}: {} \
                 (set GAZETAG_BENCH_CORPUS to a JSONL file of {{id,title,text}})",
                path.display(),
                err
            );
            return None;
        }
    };
    let articles: Vec<Article> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("corpus line is {id,title,text} JSON"))
        .collect();
    let bytes = articles
        .iter()
        .map(|a| (a.title.len() + a.text.len()) as u64)
        .sum();
    eprintln!(
        "corpus: {} articles, {:.1} MB of title + text from {}",
        articles.len(),
        bytes as f64 / 1e6,
        path.display()
    );
    Some(Corpus { articles, bytes })
}

/// Whether the corpus is the Reuters file the expected counts were taken on.
pub fn is_reference_corpus() -> bool {
    std::env::var_os("GAZETAG_BENCH_CORPUS").is_none()
}

/// Checks a count taken before timing against the constant checked into the
/// bench (only on the reference corpus), and against a floor in any case.
///
/// With `GAZETAG_BENCH_COUNTS=print` the counts are printed instead of
/// compared with the constants: the way to update them all at once.
pub fn check_count(what: &str, got: usize, expected: usize, floor: usize) {
    assert!(
        got >= floor,
        "{}: {} is below the floor {}: the pipeline is broken",
        what,
        got,
        floor
    );
    if std::env::var_os("GAZETAG_BENCH_COUNTS").is_some_and(|v| v == "print") {
        eprintln!("count {} = {}", what, got);
        return;
    }
    if is_reference_corpus() {
        assert_eq!(
            got, expected,
            "{}: expected {} but counted {}. If the change is intended, update \
             the constant in the bench (the value printed here is the new one).",
            what, expected, got
        );
    }
}

/// A generated dictionary (`benches/gen_dict.py`), or `None` with a message.
/// `name` is `10k`, `100k` or `1m`.
pub fn generated_dict(name: &str) -> Option<PathBuf> {
    let dir = match std::env::var_os("GAZETAG_BENCH_DICTS") {
        Some(p) => PathBuf::from(p),
        None => root().join("target/bench-dicts"),
    };
    let path = dir.join(format!("aliases-{}.jsonl", name));
    if path.is_file() {
        Some(path)
    } else {
        eprintln!(
            "skipping the {} dictionary benches: {} is missing; generate it with \
             `bash benches/compare/setup.sh && target/bench-venv/bin/python benches/gen_dict.py` \
             (see benches/README.md)",
            name,
            path.display()
        );
        None
    }
}

/// Number of aliases of a dictionary file: what the generator promises.
pub fn alias_count(dict: &gazetag::Dictionary) -> usize {
    dict.entries().iter().map(|e| e.aliases.len()).sum()
}

/// Applies the small-machine settings to a group: few samples, flat sampling
/// (one or few iterations per sample), short warm-up and measurement.
pub fn configure<M: criterion::measurement::Measurement>(g: &mut criterion::BenchmarkGroup<'_, M>) {
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
}

/// The path of a file relative to the crate, for messages.
pub fn display(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}
