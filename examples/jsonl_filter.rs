//! A minimal JSON Lines filter: one `{"id", "text", "title"?}` object per
//! input line, one output record per line, in order, on stdout.
//!
//! A stand-in for `tag_articles` in the Spark test and a model of what a
//! line-in, line-out filter needs: stateless per line, order kept, nothing
//! but records on stdout. `--format spacy` writes spaCy JSON lines instead,
//! `--format conll` CoNLL IOB2 and `--format html` one HTML page.
//!
//! ```sh
//! cargo run --release --example jsonl_filter < articles.jsonl > tagged.jsonl
//! ```

use std::io::{self, BufRead, BufWriter, Write};

use gazetag::export::{conll, html, spacy, Article, Format};
use gazetag::output::{DocRecord, ErrorRecord};
use gazetag::Tagger;

fn main() {
    if let Err(err) = run() {
        // A closed pipe (`| head`) is not an error.
        if err.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("jsonl_filter: {}", err);
            std::process::exit(1);
        }
    }
}

fn run() -> io::Result<()> {
    let mut format = Format::Jsonl;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quiet" => {}
            "--format" => {
                let name = args.next().unwrap_or_default();
                format = name
                    .parse()
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
            }
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!(
                    "unknown argument {:?} (usage: jsonl_filter [--format jsonl|spacy|conll|html])",
                    arg
                ),
                ))
            }
        }
    }
    if format == Format::Brat {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "brat writes two files per article: use gazetag::export::brat::write_files",
        ));
    }
    let tagger = Tagger::default();
    let stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut page = match format {
        Format::Html => Some(html::Writer::new(Vec::new(), "Tagged articles")?),
        _ => None,
    };
    for (n, line) in stdin.lines().enumerate() {
        let line = line?;
        let input: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(err) => {
                let record = DocRecord {
                    id: serde_json::Value::Null,
                    entities: Vec::new(),
                    topics: Vec::new(),
                    error: Some(ErrorRecord {
                        line: n as u64 + 1,
                        reason: err.to_string(),
                    }),
                };
                writeln!(out, "{}", serde_json::to_string(&record)?)?;
                continue;
            }
        };
        let id = input.get("id").cloned().unwrap_or(serde_json::Value::Null);
        let text = input.get("text").and_then(|v| v.as_str()).unwrap_or("");
        let title = input.get("title").and_then(|v| v.as_str()).unwrap_or("");
        let doc = tagger.tag_article(title, text);
        if format == Format::Jsonl {
            writeln!(out, "{}", serde_json::to_string(&doc.to_record(id))?)?;
            continue;
        }
        let mut article = Article::from_doc(&doc);
        if !id.is_null() {
            article.id = Some(match &id {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            });
        }
        match (format, page.as_mut()) {
            (Format::Html, Some(page)) => page.article(&article)?,
            (Format::Conll, _) => conll::write(&mut out, &article)?,
            _ => writeln!(out, "{}", spacy::to_json(&article))?,
        }
    }
    if let Some(page) = page {
        out.write_all(&page.finish()?)?;
    }
    out.flush()
}
