//! Tags a JSONL corpus (`{id, title, text}` per line) and prints one JSON
//! line of measurements: build time, bytes (title + text), seconds, MB/s,
//! mentions. Used by `benches/compare/compare.py` until the `tag_articles`
//! example can stand in; run it on its own like this:
//!
//! ```text
//! cargo run --release --example bench_tag -- ../shared/bench/reuters21578.jsonl
//! cargo run --release --example bench_tag -- CORPUS --dict target/bench-dicts/aliases-1m.jsonl
//! cargo run --release --example bench_tag -- --export-aliases aliases.txt
//! ```
//!
//! The corpus is read before the clock starts. Each article is tagged and
//! its JSON record written (`Doc::write_json`) into a reused buffer (end to
//! end, one thread); `--threads N` tags with `Tagger::tag_batch` in a pool
//! of N threads instead, then writes the records.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use gazetag::matcher::PhraseSet;
use gazetag::normalize::Normalized;
use gazetag::{Dictionary, Tagger, Topics};

#[derive(Parser)]
struct Args {
    /// JSONL corpus of `{id, title, text}` objects.
    corpus: Option<PathBuf>,
    /// A dictionary file or directory to tag with instead of the built-in
    /// dictionaries.
    #[arg(long)]
    dict: Option<PathBuf>,
    /// Tag with the built-in dictionaries and this dictionary.
    #[arg(long)]
    with_builtin: bool,
    /// Score topics (the built-in model): on by default with the built-in
    /// dictionaries, as `Tagger::default()` does, off with `--dict`.
    #[arg(long)]
    topics: Option<bool>,
    /// Worker threads; 1 tags in a plain loop, more with `tag_batch`.
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Tag only the first articles up to this many bytes of title + text.
    #[arg(long)]
    max_bytes: Option<usize>,
    /// Writes the tagger's aliases, one per line, and exits.
    #[arg(long)]
    export_aliases: Option<PathBuf>,
    /// Runs only the matcher (`PhraseSet::find` on a normalized copy, a
    /// phrase set of the dictionary's aliases): what the peers do.
    #[arg(long)]
    matcher_only: bool,
    /// Passes over the corpus (the fastest is reported).
    #[arg(long, default_value_t = 1)]
    passes: usize,
}

#[derive(serde::Deserialize)]
struct Article {
    id: serde_json::Value,
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    if args.matcher_only {
        return matcher_only(&args);
    }
    let t0 = Instant::now();
    let mut builder = match &args.dict {
        None => Tagger::builder().builtin_dictionaries(),
        Some(path) => {
            let b = Tagger::builder().dictionary_path(path);
            if args.with_builtin {
                b.builtin_dictionaries()
            } else {
                b
            }
        }
    };
    if args.topics.unwrap_or(args.dict.is_none()) {
        builder = builder.topics(Topics::Builtin);
    }
    let tagger = builder.build()?;
    let build_s = t0.elapsed().as_secs_f64();
    if let Some(out) = &args.export_aliases {
        let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
        for e in tagger.dictionary().entries() {
            for a in &e.aliases {
                writeln!(w, "{}", a.text)?;
            }
        }
        w.flush()?;
        return Ok(());
    }
    let (articles, bytes) = read_corpus(&args)?;
    let mut best = f64::INFINITY;
    let mut mentions = 0;
    let mut topics = 0;
    let mut buf = Vec::with_capacity(1 << 20);
    for _ in 0..args.passes.max(1) {
        let t = Instant::now();
        topics = 0;
        mentions = if args.threads <= 1 {
            let mut n = 0;
            for a in &articles {
                let doc = tagger.tag_article(&a.title, &a.text);
                n += doc.mentions().len();
                topics += doc.topics().len();
                buf.clear();
                doc.write_json(&a.id, &mut buf);
                buf.push(b'\n');
            }
            n
        } else {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(args.threads)
                .build()?;
            let pairs: Vec<(&str, &str)> = articles
                .iter()
                .map(|a| (a.title.as_str(), a.text.as_str()))
                .collect();
            let docs = pool.install(|| tagger.tag_batch(&pairs));
            let mut n = 0;
            for (a, doc) in articles.iter().zip(&docs) {
                n += doc.mentions().len();
                topics += doc.topics().len();
                buf.clear();
                doc.write_json(&a.id, &mut buf);
                buf.push(b'\n');
            }
            n
        };
        best = best.min(t.elapsed().as_secs_f64());
    }
    let aliases: usize = tagger
        .dictionary()
        .entries()
        .iter()
        .map(|e| e.aliases.len())
        .sum();
    println!(
        "{}",
        serde_json::json!({
            "system": "gazetag",
            "aliases": aliases,
            "docs": articles.len(),
            "bytes": bytes,
            "build_s": build_s,
            "secs": best,
            "mb_s": bytes as f64 / 1e6 / best,
            "matches": mentions,
            "topics": topics,
        })
    );
    Ok(())
}

/// The articles of the corpus (up to `--max-bytes`) and their bytes.
fn read_corpus(args: &Args) -> Result<(Vec<Article>, usize), Box<dyn std::error::Error>> {
    let Some(corpus) = &args.corpus else {
        return Err("a corpus is needed (or --export-aliases)".into());
    };
    let data = std::fs::read_to_string(corpus)?;
    let mut articles = Vec::new();
    let mut bytes = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let a: Article = serde_json::from_str(line)?;
        let n = a.title.len() + a.text.len();
        if args.max_bytes.is_some_and(|max| bytes + n > max) {
            break;
        }
        bytes += n;
        articles.push(a);
    }
    Ok((articles, bytes))
}

/// Normalization and `PhraseSet::find` alone, over title and text, with a
/// phrase set of the dictionary's aliases (built without a tagger, except
/// for the built-in dictionaries, which only a tagger exposes).
fn matcher_only(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let t0 = Instant::now();
    let dict = match &args.dict {
        Some(path) => Dictionary::from_path(path)?,
        None => Tagger::builder()
            .builtin_dictionaries()
            .build()?
            .dictionary()
            .clone(),
    };
    let phrases = PhraseSet::new(
        dict.entries()
            .iter()
            .flat_map(|e| e.aliases.iter().map(|a| (&*a.text, a.policy))),
    )?;
    let build_s = t0.elapsed().as_secs_f64();
    drop(dict);
    let (articles, bytes) = read_corpus(args)?;
    let mut norm = Normalized::default();
    let mut out = Vec::new();
    let mut best = f64::INFINITY;
    let mut matches = 0;
    for _ in 0..args.passes.max(1) {
        let t = Instant::now();
        matches = 0;
        for a in &articles {
            for text in [&a.title, &a.text] {
                norm.normalize_into(text);
                out.clear();
                phrases.find(text, &norm, &mut out);
                matches += out.len();
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{}",
        serde_json::json!({
            "system": "gazetag-matcher",
            "aliases": phrases.len(),
            "docs": articles.len(),
            "bytes": bytes,
            "build_s": build_s,
            "secs": best,
            "mb_s": bytes as f64 / 1e6 / best,
            "matches": matches,
            "automaton_bytes": phrases.memory_usage(),
        })
    );
    Ok(())
}
