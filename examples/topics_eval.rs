//! Scores IPTC topics for JSONL articles: reads `{"id", "title", "text"}`
//! lines on stdin, writes `{"id", "topics": [...]}` lines on stdout, in input
//! order (the contract of `../shared/eval/README.md`, topics only).
//!
//! ```text
//! cargo build --release --example topics_eval
//! python3 ../shared/tools/topiceval.py bbc ../shared/eval/bbc/dev.jsonl --cmd target/release/examples/topics_eval
//! ```
//!
//! Phrases only: no entity facts are passed (the tagger is not wired in here).

use std::io::{self, BufRead, BufWriter, Write};

use gazetag::topics::{TopicConfig, TopicModel};
use rayon::prelude::*;
use serde_json::{json, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let model = match std::env::args().nth(1) {
        Some(dir) => TopicModel::from_dir(dir)?,
        None => TopicModel::builtin()?,
    };
    let config = TopicConfig::default();
    let lines: Vec<String> = io::stdin().lock().lines().collect::<Result<_, _>>()?;
    let out: Vec<String> = lines
        .par_iter()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let doc: Value = serde_json::from_str(line).unwrap_or(Value::Null);
            let title = doc.get("title").and_then(Value::as_str).unwrap_or("");
            let text = doc.get("text").and_then(Value::as_str).unwrap_or("");
            let topics = model.score_article(title, text, &[], &config);
            json!({"id": doc.get("id").cloned().unwrap_or(Value::Null), "entities": [], "topics": topics})
                .to_string()
        })
        .collect();
    let mut w = BufWriter::new(io::stdout().lock());
    for l in out {
        writeln!(w, "{}", l)?;
    }
    w.flush()?;
    Ok(())
}
