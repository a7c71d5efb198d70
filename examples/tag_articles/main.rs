//! `tag_articles`: tags news articles in JSON Lines, text or CSV with
//! gazetag, and writes one JSON line per input line.
//!
//! ```text
//! cargo run --release --example tag_articles -- [OPTIONS] [FILES]...
//! ```
//!
//! # Input
//!
//! With no file, or `-`, it reads standard input. Several files are read one
//! after the other, and their output lines follow in the same order.
//!
//! * **JSON Lines** (any name but the ones below): one object per line, with
//!   the text in `--text-field` (`text`), an optional title in
//!   `--title-field` (`title`) and an id in `--id-field` (`id`), passed
//!   through as the same JSON value; without an id the id is the 1-based line
//!   number. Gzip is decompressed, whether the name ends in `.gz` or not
//!   (magic bytes). `\r\n` line ends are accepted.
//! * **Text** (`.txt`, `.text`, or `--format-in text`): one document per
//!   file, the id being the path as given or found.
//! * **CSV** (`.csv`, or `--format-in csv`, or any `--csv-text-column`): a
//!   header row, then one document per record: text from
//!   `--csv-text-column` (`text`), optional id and title columns; without
//!   an id column the id is the 1-based record number. `--csv-text-column`
//!   makes stdin CSV too.
//! * **Directories** are walked recursively in sorted order, skipping hidden
//!   entries: `.txt` files are documents, `.jsonl`/`.ndjson`/`.json`/`.gz`
//!   files JSON Lines, `.csv` files CSV when CSV was asked for; other files
//!   are skipped.
//!
//! Input is read by a reader thread and tagged in batches (`--batch-lines`,
//! `--batch-bytes`) on a pool of `--threads` workers; each batch is written
//! in input order by the main thread while the workers tag the next one, so
//! at most two batches are held and memory stays flat whatever the size of
//! the input. A batch also ends when reading would block, and a
//! tagged batch is written before that read, so a program that writes one
//! line and waits for the answer gets it.
//!
//! # Output
//!
//! Standard output carries nothing but JSON lines (a line filter for Spark's
//! `rdd.pipe` or Hadoop Streaming); messages go to stderr. There is exactly
//! one output line per input line (per text file, per CSV record), in input
//! order: `{"id", "entities": [...], "topics": [...]}` as in
//! `../shared/eval/README.md`. A line that cannot be tagged (empty line,
//! invalid JSON, JSON nested too deep, not an object, a missing or non-string
//! text field, a non-string title, a line over `--max-doc-bytes`) becomes an
//! error record and the run goes on:
//!
//! ```text
//! {"id":null,"entities":[],"topics":[],"error":{"line":3,"reason":"invalid JSON: ..."},"source":"a.jsonl"}
//! ```
//!
//! (`source` names the input file; it is left out for stdin.) Invalid UTF-8
//! is decoded lossily (U+FFFD), and the record says how many sequences were
//! replaced: `"warnings":[{"invalid_utf8":2}]`; offsets are then into the
//! decoded text.
//!
//! `--output FILE` writes to a temporary file in the same directory and
//! renames it to `FILE` only when the run succeeds (exit code 0); otherwise
//! the temporary file is removed and an existing `FILE` is left as it was.
//!
//! # Dictionaries and topics
//!
//! By default the tagger is [`Tagger::default`]: the built-in dictionaries,
//! rules and IPTC topic model. `--dictionaries DIR` (repeatable; a file or a
//! directory of `*.jsonl`) adds dictionaries, `--no-builtin` keeps only
//! those, `--topic-model DIR` replaces the topic model, `--no-topics` turns
//! topics off, `--no-rules` the name rules (only dictionary names are then
//! tagged). A bad dictionary stops the run before any output (exit 2),
//! with its file and line.
//!
//! # Exit codes
//!
//! * 0: every input was read and every line has its output line (some may
//!   be error records: they are counted in the summary, and do not fail the
//!   run, so that one bad line cannot fail a whole Spark or Hadoop job).
//! * 1: with `--fail-fast`, a line was an error record (the output stops
//!   after it); or an input could not be read completely (unreadable file,
//!   corrupt gzip, CSV without the text column: the run goes on with the
//!   next input unless `--fail-fast`); or the output could not be written.
//! * 2: usage error: bad option, missing input path, bad dictionary, output
//!   file that cannot be created.
//! * 130: interrupted (Ctrl-C, SIGTERM, SIGHUP): the current batch is
//!   finished and written, the summary printed, and `--output` is not
//!   renamed into place. A second Ctrl-C stops at once.
//!
//! When stdout is closed early (`| head`), the run stops quietly with 0.

mod input;
mod output;
mod record;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use gazetag::topics::TopicModel;
use gazetag::{Label, Rules, Tagger, Topics};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::input::{CsvColumns, Format, Msg};
use crate::output::Sink;
use crate::record::{LabelCounts, Outcome, Render, Selector};
use gazetag::export::{html, Format as OutFormat};

const EXIT_CODES: &str = "\
Exit codes:
  0    done; every input line has its output line (error records included)
  1    --fail-fast stopped on an error record, an input could not be read
       completely, or the output could not be written
  2    usage error: bad option, missing input, bad dictionary, bad --output
  130  interrupted (Ctrl-C, SIGTERM): current batch written, --output not
       renamed into place

Output: one JSON line per input line, in input order; a line that cannot
be tagged becomes {\"id\", \"entities\": [], \"topics\": [], \"error\":
{\"line\", \"reason\"}} and the run goes on.";

/// Tags news articles with people, organizations, places and nationalities.
///
/// Reads JSON Lines (also gzipped), text files, CSV or directories of them;
/// writes one JSON line per input line to stdout, in input order.
#[derive(Debug, Parser)]
#[command(name = "tag_articles", version, after_help = EXIT_CODES)]
struct Args {
    /// Inputs: JSON Lines (.jsonl, .gz), text (.txt), CSV (.csv) files or
    /// directories; `-` or nothing for stdin.
    files: Vec<PathBuf>,

    /// Input format of stdin and of the files named here (directories go by
    /// file names).
    #[arg(long, value_enum, default_value = "auto")]
    format_in: Format,

    /// JSON field holding the text.
    #[arg(long, default_value = "text", value_name = "FIELD")]
    text_field: String,

    /// JSON field holding the title (optional in the input).
    #[arg(long, default_value = "title", value_name = "FIELD")]
    title_field: String,

    /// JSON field holding the id (without it: the line number).
    #[arg(long, default_value = "id", value_name = "FIELD")]
    id_field: String,

    /// CSV column holding the text (default `text`); makes stdin CSV.
    #[arg(long, value_name = "COLUMN")]
    csv_text_column: Option<String>,

    /// CSV column holding the id (without it: the record number).
    #[arg(long, value_name = "COLUMN")]
    csv_id_column: Option<String>,

    /// CSV column holding the title.
    #[arg(long, value_name = "COLUMN")]
    csv_title_column: Option<String>,

    /// Write to FILE (through a temporary file renamed on success) instead
    /// of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Extra dictionary file or directory (repeatable), added to the
    /// built-in dictionaries.
    #[arg(long = "dictionaries", value_name = "DIR")]
    dictionaries: Vec<PathBuf>,

    /// Use only the dictionaries given with --dictionaries (and no built-in
    /// rules or topic model).
    #[arg(long)]
    no_builtin: bool,

    /// Score IPTC Media Topics with the model in DIR instead of the
    /// built-in one.
    #[arg(long, value_name = "DIR", conflicts_with = "no_topics")]
    topic_model: Option<PathBuf>,

    /// Do not score topics (faster; `topics` is then always empty).
    #[arg(long)]
    no_topics: bool,

    /// Run no name rules: tag only the names the dictionaries hold (about
    /// twice as fast; people no dictionary knows are then not found).
    #[arg(long)]
    no_rules: bool,

    /// Output format of the lines: `jsonl` (the contract), `conll` (IOB2
    /// columns, a block per document), `spacy` (spaCy JSON per line). Error
    /// records stay JSON lines in every format.
    #[arg(long, default_value = "jsonl", value_parser = parse_format, value_name = "FORMAT")]
    format: OutFormat,

    /// Also write one self-contained HTML page showing every article with
    /// its entities highlighted and its topics.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,

    /// Also write brat standoff files (`.txt` + `.ann` per document) into DIR.
    #[arg(long, value_name = "DIR")]
    brat_dir: Option<PathBuf>,

    /// Add to each JSON record the candidates that were not tagged and why
    /// (`rejected`: span, alias, the entity it would have named, reason);
    /// entities carry their evidence.
    #[arg(long)]
    explain: bool,

    /// Worker threads (0: one per core).
    #[arg(short = 'j', long, default_value_t = 0, value_name = "N")]
    threads: usize,

    /// Stop at the first error record (or unreadable input), exit code 1.
    #[arg(long)]
    fail_fast: bool,

    /// A batch holds at most this many documents.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    batch_lines: usize,

    /// A batch holds about this many input bytes at most.
    #[arg(long, default_value_t = 8 << 20, value_name = "BYTES")]
    batch_bytes: u64,

    /// Longest document (JSON line, text file, CSV record) tagged; longer
    /// ones become error records, without being held in memory.
    #[arg(long, default_value_t = 256 << 20, value_name = "BYTES")]
    max_doc_bytes: u64,

    /// Print no progress and no summary (errors that stop the run are still
    /// printed).
    #[arg(short, long, conflicts_with_all = ["progress", "no_progress"])]
    quiet: bool,

    /// Show progress even when stderr is not a terminal (a line every 10 s).
    #[arg(long, conflicts_with = "no_progress")]
    progress: bool,

    /// Show no progress bar, even on a terminal.
    #[arg(long)]
    no_progress: bool,
}

/// An error that ends the run before any output: message and exit code.
#[derive(Debug)]
struct Fatal {
    code: u8,
    msg: String,
}

fn usage(msg: impl Into<String>) -> Fatal {
    Fatal {
        code: 2,
        msg: msg.into(),
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("tag_articles: {}", e.msg);
            ExitCode::from(e.code)
        }
    }
}

/// What the run did, for the summary.
#[derive(Debug, Default)]
struct Stats {
    docs: u64,
    bytes: u64,
    text_bytes: u64,
    error_lines: u64,
    invalid_utf8_docs: u64,
    input_errors: u64,
    entities: LabelCounts,
}

impl Stats {
    fn add(&mut self, o: &Outcome) {
        self.docs += 1;
        self.bytes += o.bytes;
        self.text_bytes += o.text_bytes;
        self.error_lines += u64::from(o.error.is_some());
        self.invalid_utf8_docs += u64::from(o.invalid_utf8 > 0);
        for (total, n) in self.entities.iter_mut().zip(o.entities) {
            *total += n;
        }
    }
}

/// How the run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    Done,
    FailFast,
    Interrupted,
    BrokenPipe,
    WriteError,
}

/// A tagged batch, in input order, and the input error that came after it.
struct Tagged {
    outcomes: Vec<Outcome>,
    input_error: Option<String>,
}

/// Where tagged batches go: the output, the HTML page and the counts.
struct Writer {
    sink: Sink,
    html_page: Option<html::Writer<io::BufWriter<std::fs::File>>>,
    stats: Stats,
    fail_fast: bool,
    quiet: bool,
    first_error: Option<String>,
}

impl Writer {
    /// Writes a batch; `End::Done` unless the run must stop here.
    fn write(&mut self, tagged: Tagged, progress: &Progress) -> End {
        let mut end = End::Done;
        for o in &tagged.outcomes {
            if let Err(e) = self.sink.write_all(&o.json) {
                return write_failure(&e, progress, self.quiet);
            }
            if let (Some(page), Some(fragment)) = (self.html_page.as_mut(), o.html.as_deref()) {
                if let Err(e) = page.rendered(fragment) {
                    return write_failure(&e, progress, self.quiet);
                }
            }
            self.stats.add(o);
            if self.fail_fast {
                if let Some(ref e) = o.error {
                    self.first_error = Some(e.clone());
                    end = End::FailFast;
                    break;
                }
            }
        }
        if let Err(e) = self.sink.flush() {
            return write_failure(&e, progress, self.quiet);
        }
        if end != End::Done {
            return end;
        }
        if let Some(e) = tagged.input_error {
            self.stats.input_errors += 1;
            progress.println(&format!("tag_articles: error: {e}"));
            if self.fail_fast {
                self.first_error = Some(e);
                return End::FailFast;
            }
        }
        End::Done
    }
}

fn run(args: Args) -> Result<u8, Fatal> {
    if args.batch_lines == 0 || args.batch_bytes == 0 {
        return Err(usage("--batch-lines and --batch-bytes must be positive"));
    }
    if args.no_builtin && args.dictionaries.is_empty() {
        return Err(usage("--no-builtin needs at least one --dictionaries"));
    }
    let csv_requested = args.format_in == Format::Csv || args.csv_text_column.is_some();
    let opts = input::Options {
        format: args.format_in,
        csv: CsvColumns {
            text: args
                .csv_text_column
                .clone()
                .unwrap_or_else(|| "text".into()),
            id: args.csv_id_column.clone(),
            title: args.csv_title_column.clone(),
        },
        csv_requested,
        max_doc_bytes: args.max_doc_bytes,
        chunk_lines: args.batch_lines,
        chunk_bytes: args.batch_bytes,
    };
    let selector = Selector {
        text: args.text_field.clone(),
        title: args.title_field.clone(),
        id: args.id_field.clone(),
    };
    let inputs = input::plan(&args.files, &opts).map_err(usage)?;
    let total_size: Option<u64> = inputs.iter().map(|i| i.size).sum();

    // Installed first, so that no signal can leave a temporary file behind.
    let stop = Arc::new(AtomicBool::new(false));
    install_signal_handler(&stop, args.quiet);

    // Before the tagger (a second or more to build): cheap checks first.
    // Dropped on an early return, the sink removes its temporary file.
    let sink = match args.output {
        Some(ref path) => {
            Sink::file(path).map_err(|e| usage(format!("cannot write {}: {e}", path.display())))?
        }
        None => Sink::stdout(),
    };

    let render = Render {
        format: args.format,
        html: args.html.is_some(),
        brat_dir: args.brat_dir.clone(),
        explain: args.explain,
    };
    if let Some(dir) = &args.brat_dir {
        std::fs::create_dir_all(dir)
            .map_err(|e| usage(format!("cannot create {}: {e}", dir.display())))?;
    }
    let html_page = match &args.html {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| usage(format!("cannot write {}: {e}", path.display())))?;
            Some(
                html::Writer::new(io::BufWriter::new(file), "gazetag")
                    .map_err(|e| usage(format!("cannot write {}: {e}", path.display())))?,
            )
        }
        None => None,
    };

    let built = Instant::now();
    let tagger = build_tagger(&args)?;
    let build_secs = built.elapsed().as_secs_f64();

    let threads = if args.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        args.threads
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("tag_articles-{i}"))
        .build()
        .map_err(|e| usage(format!("cannot start {threads} threads: {e}")))?;

    if !args.quiet && args.files.is_empty() && io::stdin().is_terminal() {
        eprintln!("tag_articles: reading JSON Lines from stdin (Ctrl-D to end, --help for more)");
    }
    let progress = Progress::new(&args, total_size);
    let counter = Arc::new(AtomicU64::new(0));
    // Two chunks in flight at most, besides the batch being tagged.
    let (tx, rx) = mpsc::sync_channel(2);
    {
        let (counter, stop) = (Arc::clone(&counter), Arc::clone(&stop));
        let spawned = std::thread::Builder::new()
            .name("tag_articles-reader".into())
            .spawn(move || input::read_all(inputs, opts, counter, stop, tx));
        if let Err(e) = spawned {
            return Err(usage(format!("cannot start the reader thread: {e}")));
        }
    }

    let start = Instant::now();
    let mut out = Writer {
        sink,
        html_page,
        stats: Stats::default(),
        fail_fast: args.fail_fast,
        quiet: args.quiet,
        first_error: None,
    };
    let mut end = End::Done;
    let mut reader_done = false;
    // The batch tagged last, written while the next one is tagged.
    let mut pending: Option<Tagged> = None;
    'run: while !reader_done {
        // Wait for the first chunk, watching for an interrupt; while none is
        // ready, write what is tagged, so that a line read from a pipe gets
        // its answer before the next read.
        let first = loop {
            if stop.load(Ordering::Relaxed) {
                end = End::Interrupted;
                break 'run;
            }
            match rx.try_recv() {
                Ok(msg) => break msg,
                Err(mpsc::TryRecvError::Empty) => {}
                Err(mpsc::TryRecvError::Disconnected) => break 'run,
            }
            if let Some(tagged) = pending.take() {
                end = out.write(tagged, &progress);
                if end != End::Done {
                    break 'run;
                }
                continue;
            }
            match rx.recv_timeout(Duration::from_millis(100)) {
                Ok(msg) => break msg,
                Err(RecvTimeoutError::Timeout) => progress.tick(&counter, &out.stats),
                Err(RecvTimeoutError::Disconnected) => break 'run,
            }
        };
        // Then take what else is ready, up to the batch limits; an input
        // error ends the batch, so that the items before it go first.
        let mut batch = Vec::new();
        let mut batch_bytes = 0u64;
        let mut input_error = None;
        let mut msg = Some(first);
        while let Some(m) = msg.take() {
            match m {
                Msg::Items(items) => {
                    batch_bytes += items.iter().map(|i| i.bytes).sum::<u64>();
                    batch.extend(items);
                }
                Msg::Error(e) => {
                    input_error = Some(e);
                    break;
                }
            }
            if batch.len() >= args.batch_lines || batch_bytes >= args.batch_bytes {
                break;
            }
            match rx.try_recv() {
                Ok(m) => msg = Some(m),
                Err(mpsc::TryRecvError::Empty) => {}
                Err(mpsc::TryRecvError::Disconnected) => reader_done = true,
            }
        }

        // Tag this batch on the workers while this thread, idle otherwise,
        // writes the previous one: no worker spends time on the output
        // (with one worker, writing in turn with tagging cost 2-5% of a
        // run, more for a slow disk).
        let previous = pending.take();
        let mut outcomes = Vec::new();
        let written = pool.in_place_scope(|scope| {
            scope.spawn(|_| {
                outcomes = batch
                    .into_par_iter()
                    .map(|item| record::process_with(&tagger, &selector, &render, item))
                    .collect::<Vec<Outcome>>();
            });
            previous.map_or(End::Done, |t| out.write(t, &progress))
        });
        if written != End::Done {
            end = written;
            break;
        }
        pending = Some(Tagged {
            outcomes,
            input_error,
        });
        progress.tick(&counter, &out.stats);
        if stop.load(Ordering::Relaxed) {
            end = End::Interrupted;
            break;
        }
    }
    // What was tagged is written, also when interrupted; a stop in writing
    // it (--fail-fast, an output error) is how the run ends.
    if let (End::Done | End::Interrupted, Some(tagged)) = (end, pending.take()) {
        match out.write(tagged, &progress) {
            End::Done => {}
            stopped => end = stopped,
        }
    }
    let Writer {
        sink,
        mut html_page,
        stats,
        first_error,
        ..
    } = out;
    // Tell the reader to stop (it also stops when it finds the channel
    // closed); it is not joined, as it may be blocked reading stdin.
    stop.store(true, Ordering::Relaxed);
    drop(rx);
    let elapsed = start.elapsed().as_secs_f64();
    progress.finish();

    let code = match end {
        End::Done | End::BrokenPipe if stats.input_errors == 0 => 0,
        End::Done | End::BrokenPipe | End::FailFast | End::WriteError => 1,
        End::Interrupted => 130,
    };
    if let Some(page) = html_page.take() {
        if let Err(e) = page.finish() {
            eprintln!("tag_articles: cannot write the HTML page: {e}");
            return Ok(1);
        }
    }
    let temp = sink.temp_path().map(|p| p.to_path_buf());
    if code == 0 {
        if let Err(e) = sink.commit() {
            if !(end == End::BrokenPipe || e.kind() == io::ErrorKind::BrokenPipe) {
                let dest = args.output.as_deref().unwrap_or("<stdout>".as_ref());
                eprintln!("tag_articles: cannot write {}: {e}", dest.display());
                return Ok(1);
            }
        }
    } else {
        sink.abandon();
    }

    if let Some(ref e) = first_error {
        if end == End::FailFast {
            eprintln!("tag_articles: stopped at the first error (--fail-fast): {e}");
        }
    }
    if !args.quiet {
        summary(&stats, elapsed, build_secs, threads, end);
        if code != 0 {
            if let (Some(out), Some(_)) = (args.output.as_ref(), temp) {
                eprintln!(
                    "tag_articles: {} not written (the run did not succeed)",
                    out.display()
                );
            }
        }
    }
    Ok(code)
}

/// What a failed write means: a closed pipe ends the run quietly.
fn write_failure(e: &io::Error, progress: &Progress, quiet: bool) -> End {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return End::BrokenPipe;
    }
    if !quiet {
        progress.println(&format!("tag_articles: cannot write the output: {e}"));
    } else {
        eprintln!("tag_articles: cannot write the output: {e}");
    }
    End::WriteError
}

/// The tagger: [`Tagger::default`] (built-in dictionaries, rules and topic
/// model) unless the options ask for something else.
fn parse_format(s: &str) -> Result<OutFormat, String> {
    match s.parse::<OutFormat>() {
        Ok(f @ (OutFormat::Jsonl | OutFormat::Conll | OutFormat::Spacy)) => Ok(f),
        Ok(_) => Err("use --html FILE for HTML and --brat-dir DIR for brat".to_string()),
        Err(e) => Err(e.to_string()),
    }
}

fn build_tagger(args: &Args) -> Result<Tagger, Fatal> {
    if args.dictionaries.is_empty()
        && args.topic_model.is_none()
        && !args.no_topics
        && !args.no_rules
    {
        return Ok(Tagger::default());
    }
    let mut builder = Tagger::builder();
    if !args.no_builtin {
        builder = builder.builtin_dictionaries();
    }
    for d in &args.dictionaries {
        builder = builder.dictionary_path(d);
    }
    let topics = match args.topic_model {
        _ if args.no_topics => Topics::Off,
        Some(ref dir) => Topics::Model(
            TopicModel::from_dir(dir).map_err(|e| usage(format!("topic model error: {e}")))?,
        ),
        None if args.no_builtin => Topics::Off,
        None => Topics::Builtin,
    };
    let rules = if args.no_rules {
        Rules::Off
    } else {
        Rules::WithDictionaries
    };
    builder
        .topics(topics)
        .rules(rules)
        .build()
        .map_err(|e| usage(format!("dictionary error: {e}")))
}

/// Stops the run after the current batch on the first signal, and at once
/// (removing the temporary output) on the second.
fn install_signal_handler(stop: &Arc<AtomicBool>, quiet: bool) {
    let stop = Arc::clone(stop);
    let res = ctrlc::set_handler(move || {
        if stop.swap(true, Ordering::SeqCst) {
            output::remove_temp();
            eprintln!("tag_articles: interrupted again, stopping now");
            std::process::exit(130);
        }
        if !quiet {
            eprintln!("tag_articles: interrupted, finishing the current batch (again to stop now)");
        }
    });
    if let Err(e) = res {
        eprintln!("tag_articles: warning: cannot handle Ctrl-C: {e}");
    }
}

fn summary(stats: &Stats, secs: f64, build_secs: f64, threads: usize, end: End) {
    let mb = stats.bytes as f64 / 1e6;
    let rate = if secs > 0.0 { mb / secs } else { 0.0 };
    let how = match end {
        End::Done | End::BrokenPipe => "",
        End::FailFast => " (stopped: --fail-fast)",
        End::Interrupted => " (interrupted)",
        End::WriteError => " (stopped: output error)",
    };
    eprintln!(
        "tag_articles: {} documents, {mb:.1} MB ({:.1} MB of text) in {secs:.2} s: {rate:.1} MB/s on {threads} thread{}{how}",
        stats.docs,
        stats.text_bytes as f64 / 1e6,
        if threads == 1 { "" } else { "s" },
    );
    let total: u64 = stats.entities.iter().sum();
    let by_label: Vec<String> = Label::ALL
        .iter()
        .zip(stats.entities)
        .map(|(l, n)| format!("{} {n}", l.as_str()))
        .collect();
    eprintln!(
        "tag_articles: {total} entities ({}); {} error lines, {} documents with invalid UTF-8, {} input errors; tagger built in {build_secs:.2} s",
        by_label.join(", "),
        stats.error_lines,
        stats.invalid_utf8_docs,
        stats.input_errors,
    );
}

/// Progress on stderr: a bar on a terminal, a line every 10 s with
/// `--progress` elsewhere, nothing with `--quiet`.
struct Progress {
    bar: Option<ProgressBar>,
    lines: bool,
    last: std::sync::Mutex<Instant>,
    start: Instant,
}

impl Progress {
    fn new(args: &Args, total: Option<u64>) -> Progress {
        let term = io::stderr().is_terminal();
        let show = !args.quiet && !args.no_progress && (term || args.progress);
        let bar = (show && term).then(|| {
            let bar = match total {
                Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr())
                    .with_style(
                        ProgressStyle::with_template(
                            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, {eta}) {msg}",
                        )
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                    ),
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
                    .with_style(
                        ProgressStyle::with_template(
                            "{spinner} [{elapsed_precise}] {bytes} ({bytes_per_sec}) {msg}",
                        )
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                    ),
            };
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        let now = Instant::now();
        Progress {
            bar,
            lines: show && !term,
            last: std::sync::Mutex::new(now),
            start: now,
        }
    }

    fn tick(&self, counter: &AtomicU64, stats: &Stats) {
        let read = counter.load(Ordering::Relaxed);
        if let Some(ref bar) = self.bar {
            bar.set_position(read);
            bar.set_message(format!("{} docs, {} errors", stats.docs, stats.error_lines));
        } else if self.lines {
            let mut last = match self.last.lock() {
                Ok(last) => last,
                Err(poisoned) => poisoned.into_inner(),
            };
            if last.elapsed() < Duration::from_secs(10) {
                return;
            }
            *last = Instant::now();
            let secs = self.start.elapsed().as_secs_f64();
            eprintln!(
                "tag_articles: {} documents, {:.1} MB read in {secs:.0} s ({:.1} MB/s), {} error lines",
                stats.docs,
                read as f64 / 1e6,
                read as f64 / 1e6 / secs.max(1e-9),
                stats.error_lines
            );
        }
    }

    fn println(&self, msg: &str) {
        match self.bar {
            Some(ref bar) => bar.suspend(|| eprintln!("{msg}")),
            None => eprintln!("{msg}"),
        }
    }

    fn finish(&self) {
        if let Some(ref bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}
