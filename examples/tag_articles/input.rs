//! Where documents come from: the inputs named on the command line, and a
//! reader thread that streams them, in order, as [`Item`]s.
//!
//! The reader sends its items over a bounded channel in chunks. A chunk ends
//! when it reaches the batch limits (lines or bytes), and also whenever the
//! next read could block (the line buffer is empty), so that a program that
//! writes one line and waits for its answer gets it. Memory stays bounded by a
//! few chunks whatever the size of the input.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::SyncSender;
use std::sync::Arc;

use flate2::read::MultiGzDecoder;
use serde_json::Value;

/// The input format asked for on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// By file name: `.txt` is text, `.csv` is CSV, anything else JSON Lines
    /// (gzip, by name or magic bytes, is decompressed first).
    Auto,
    /// JSON Lines: one JSON object per line.
    Jsonl,
    /// Plain text: one document per file.
    Text,
    /// CSV with a header row and a named text column.
    Csv,
}

/// How one input is read, once [`Format::Auto`] is resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// JSON Lines.
    Jsonl,
    /// One document per file.
    Text,
    /// CSV with a header row.
    Csv,
}

/// One input: a file, or standard input.
#[derive(Clone, Debug)]
pub struct Input {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// How to read it.
    pub kind: Kind,
    /// Its size on disk, when known.
    pub size: Option<u64>,
}

impl Input {
    /// The name used in ids and messages: the path as given, or `-`.
    pub fn name(&self) -> String {
        match self.path {
            Some(ref p) => p.to_string_lossy().into_owned(),
            None => "-".to_string(),
        }
    }
}

/// The CSV columns to read.
#[derive(Clone, Debug)]
pub struct CsvColumns {
    /// The column holding the text.
    pub text: String,
    /// The column holding the id; without it the id is the record number.
    pub id: Option<String>,
    /// The column holding the title.
    pub title: Option<String>,
}

/// Everything the reader needs to know.
#[derive(Clone, Debug)]
pub struct Options {
    /// The format asked for (applies to stdin and to files named on the
    /// command line; files found in directories go by their names).
    pub format: Format,
    /// CSV columns.
    pub csv: CsvColumns,
    /// True when CSV was asked for (`--format-in csv` or `--csv-text-column`):
    /// then stdin defaults to CSV and directories include `.csv` files.
    pub csv_requested: bool,
    /// Longest document (line, file or record) read; longer ones become
    /// error records without being held in memory.
    pub max_doc_bytes: u64,
    /// A chunk ends after this many items...
    pub chunk_lines: usize,
    /// ... or this many bytes.
    pub chunk_bytes: u64,
}

/// One unit of work: a JSON line, a text file or a CSV record.
#[derive(Debug)]
pub struct Item {
    /// The input's name, for error records; `None` for standard input.
    pub source: Option<Arc<str>>,
    /// 1-based line number in the input (the record's first line for CSV,
    /// 1 for a text file).
    pub line: u64,
    /// Input bytes it took (after decompression), line terminator included.
    pub bytes: u64,
    /// What to tag.
    pub body: Body,
}

/// The content of an [`Item`].
#[derive(Debug)]
pub enum Body {
    /// A JSON line, without its terminator (`\n` or `\r\n`).
    Json(Vec<u8>),
    /// A document read whole: a text file or a CSV record.
    Doc {
        /// Its id.
        id: Value,
        /// Its title, as read.
        title: Vec<u8>,
        /// Its text, as read.
        text: Vec<u8>,
    },
    /// Could not be read; becomes an error record.
    Error {
        /// The id, when known.
        id: Value,
        /// Why.
        reason: String,
    },
}

/// What the reader thread sends.
#[derive(Debug)]
pub enum Msg {
    /// The next items, in input order.
    Items(Vec<Item>),
    /// An input could not be read, wholly or in part (the items before it
    /// have been sent). The message names the input.
    Error(String),
}

/// Resolves the command line's paths into inputs: `-` (or no path at all)
/// is stdin, directories are walked recursively in sorted order.
///
/// Fails, naming the path, when a path does not exist or a directory cannot
/// be listed.
pub fn plan(paths: &[PathBuf], opts: &Options) -> Result<Vec<Input>, String> {
    let mut inputs = Vec::new();
    if paths.is_empty() {
        inputs.push(stdin_input(opts));
    }
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(stdin_input(opts));
            continue;
        }
        let meta = fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
        if meta.is_dir() {
            walk(path, opts, &mut inputs, 0)?;
        } else {
            let kind = match opts.format {
                // A file named on the command line goes by its name,
                // `.csv` included; anything unknown is JSON Lines.
                Format::Auto => kind_by_name(path, true).unwrap_or(Kind::Jsonl),
                Format::Jsonl => Kind::Jsonl,
                Format::Text => Kind::Text,
                Format::Csv => Kind::Csv,
            };
            inputs.push(Input {
                path: Some(path.clone()),
                kind,
                size: Some(meta.len()),
            });
        }
    }
    Ok(inputs)
}

fn stdin_input(opts: &Options) -> Input {
    let kind = match opts.format {
        Format::Auto if opts.csv_requested => Kind::Csv,
        Format::Auto | Format::Jsonl => Kind::Jsonl,
        Format::Text => Kind::Text,
        Format::Csv => Kind::Csv,
    };
    Input {
        path: None,
        kind,
        size: None,
    }
}

/// The kind of a file by its name (a `.gz` suffix is looked through):
/// `.txt`/`.text` text, `.jsonl`/`.ndjson`/`.json` JSON Lines, `.csv` CSV,
/// a bare `.gz` JSON Lines; `None` for anything else.
fn kind_by_name(path: &Path, csv: bool) -> Option<Kind> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let (stem, gz) = match name.strip_suffix(".gz") {
        Some(stem) => (stem, true),
        None => (name.as_str(), false),
    };
    let ext = Path::new(stem)
        .extension()
        .map(|e| e.to_string_lossy().into_owned());
    match ext.as_deref() {
        Some("txt" | "text") => Some(Kind::Text),
        Some("jsonl" | "ndjson" | "json") => Some(Kind::Jsonl),
        Some("csv") if csv => Some(Kind::Csv),
        Some("csv") => None,
        _ if gz => Some(Kind::Jsonl),
        _ => None,
    }
}

/// Adds the files below `dir`, depth first, each directory's entries sorted
/// by name. Hidden entries (`.name`) are skipped, symbolic links to
/// directories are not followed (no cycles), other files are skipped unless
/// their name gives a kind (a `.csv` only when CSV was asked for).
fn walk(dir: &Path, opts: &Options, inputs: &mut Vec<Input>, depth: usize) -> Result<(), String> {
    const MAX_DEPTH: usize = 256;
    if depth > MAX_DEPTH {
        return Err(format!("{}: directories nested too deep", dir.display()));
    }
    let err = |e: io::Error| format!("{}: {e}", dir.display());
    let mut entries = fs::read_dir(dir)
        .map_err(err)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(err)?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let ftype = entry
            .file_type()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if ftype.is_dir() {
            walk(&path, opts, inputs, depth + 1)?;
            continue;
        }
        // A symbolic link counts as the file it points to (a dangling or
        // directory link is skipped).
        let meta = match fs::metadata(&path) {
            Ok(m) if m.is_file() => m,
            _ => continue,
        };
        if let Some(kind) = kind_by_name(&path, opts.csv_requested) {
            inputs.push(Input {
                path: Some(path),
                kind,
                size: Some(meta.len()),
            });
        }
    }
    Ok(())
}

/// Reads every input in order and sends its items; returns when done, when
/// `stop` is set, or when the receiver has hung up.
pub fn read_all(
    inputs: Vec<Input>,
    opts: Options,
    counter: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    tx: SyncSender<Msg>,
) {
    let mut chunker = Chunker {
        items: Vec::new(),
        bytes: 0,
        opts: &opts,
        tx,
        stop: &stop,
    };
    for input in &inputs {
        let source: Option<Arc<str>> = input.path.as_ref().map(|_| input.name().into());
        let res = match input.kind {
            Kind::Jsonl => read_jsonl(input, &source, &counter, &mut chunker),
            Kind::Text => read_text(input, &source, &counter, &mut chunker),
            Kind::Csv => read_csv(input, &source, &counter, &mut chunker),
        };
        if res.is_err() {
            return;
        }
    }
    // A hang-up here changes nothing: we are done either way.
    let _ = chunker.flush();
}

/// The reader has to stop: the receiver hung up or `stop` was set.
#[derive(Debug)]
struct Stopped;

/// Gathers items into chunks and sends them.
struct Chunker<'a> {
    items: Vec<Item>,
    bytes: u64,
    opts: &'a Options,
    tx: SyncSender<Msg>,
    stop: &'a AtomicBool,
}

impl Chunker<'_> {
    fn push(&mut self, item: Item) -> Result<(), Stopped> {
        self.bytes += item.bytes;
        self.items.push(item);
        if self.items.len() >= self.opts.chunk_lines || self.bytes >= self.opts.chunk_bytes {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Stopped> {
        if self.stop.load(Ordering::Relaxed) {
            return Err(Stopped);
        }
        if self.items.is_empty() {
            return Ok(());
        }
        let items = std::mem::take(&mut self.items);
        self.bytes = 0;
        self.tx.send(Msg::Items(items)).map_err(|_| Stopped)
    }

    /// Sends the items so far, then the error.
    fn error(&mut self, msg: String) -> Result<(), Stopped> {
        self.flush()?;
        self.tx.send(Msg::Error(msg)).map_err(|_| Stopped)
    }
}

/// Counts the bytes read through it (the raw bytes, before decompression),
/// for the progress bar.
struct Counting<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Opens an input, decompressing it when it starts with the gzip magic
/// bytes (whatever its name).
fn open(input: &Input, counter: &Arc<AtomicU64>) -> io::Result<Box<dyn Read + Send>> {
    let raw: Box<dyn Read + Send> = match input.path {
        Some(ref p) => Box::new(File::open(p)?),
        None => Box::new(io::stdin()),
    };
    let mut r = BufReader::with_capacity(
        64 * 1024,
        Counting {
            inner: raw,
            counter: Arc::clone(counter),
        },
    );
    let head = loop {
        match r.fill_buf() {
            Ok(head) => break head,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    };
    if head.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(MultiGzDecoder::new(r)))
    } else {
        Ok(Box::new(r))
    }
}

fn read_jsonl(
    input: &Input,
    source: &Option<Arc<str>>,
    counter: &Arc<AtomicU64>,
    chunker: &mut Chunker<'_>,
) -> Result<(), Stopped> {
    let name = input.name();
    let reader = match open(input, counter) {
        Ok(r) => r,
        Err(e) => return chunker.error(format!("{name}: {e}")),
    };
    let max = chunker.opts.max_doc_bytes;
    let mut lines = LineReader::new(reader);
    let mut lineno = 0u64;
    loop {
        if lines.is_drained() {
            // The next read may block (a pipe): send what we have first.
            chunker.flush()?;
        }
        let line = match lines.next_line(max) {
            Ok(line) => line,
            Err(e) => return chunker.error(format!("{name}: line {}: {e}", lineno + 1)),
        };
        lineno += 1;
        let (body, bytes) = match line {
            Next::Eof => return Ok(()),
            Next::Line(mut bytes, len) => {
                if bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
                (Body::Json(bytes), len)
            }
            Next::TooLong(len) => (
                Body::Error {
                    id: Value::Null,
                    reason: format!(
                        "line too long ({len} bytes; the limit is {max}, see --max-doc-bytes)"
                    ),
                },
                len,
            ),
        };
        chunker.push(Item {
            source: source.clone(),
            line: lineno,
            bytes,
            body,
        })?;
    }
}

fn read_text(
    input: &Input,
    source: &Option<Arc<str>>,
    counter: &Arc<AtomicU64>,
    chunker: &mut Chunker<'_>,
) -> Result<(), Stopped> {
    let id = Value::String(input.name());
    let max = chunker.opts.max_doc_bytes;
    let mut text = Vec::new();
    let res =
        open(input, counter).and_then(|r| r.take(max.saturating_add(1)).read_to_end(&mut text));
    let body = match res {
        Err(e) => Body::Error {
            id,
            reason: format!("cannot read: {e}"),
        },
        Ok(n) if n as u64 > max => Body::Error {
            id,
            reason: format!("document too long (over {max} bytes, see --max-doc-bytes)"),
        },
        Ok(_) => Body::Doc {
            id,
            title: Vec::new(),
            text,
        },
    };
    let bytes = match body {
        Body::Doc { ref text, .. } => text.len() as u64,
        _ => 0,
    };
    chunker.push(Item {
        source: source.clone(),
        line: 1,
        bytes,
        body,
    })
}

fn read_csv(
    input: &Input,
    source: &Option<Arc<str>>,
    counter: &Arc<AtomicU64>,
    chunker: &mut Chunker<'_>,
) -> Result<(), Stopped> {
    let name = input.name();
    let reader = match open(input, counter) {
        Ok(r) => r,
        Err(e) => return chunker.error(format!("{name}: {e}")),
    };
    let cols = chunker.opts.csv.clone();
    let max = chunker.opts.max_doc_bytes;
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(reader);
    let headers = match rdr.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => return chunker.error(format!("{name}: {e}")),
    };
    let find = |col: &str| {
        headers.iter().enumerate().find_map(|(i, h)| {
            let h = if i == 0 {
                h.strip_prefix(b"\xef\xbb\xbf").unwrap_or(h)
            } else {
                h
            };
            (h == col.as_bytes()).then_some(i)
        })
    };
    let missing = |col: &str| format!("{name}: no column `{col}` in the CSV header");
    let Some(text_col) = find(&cols.text) else {
        return chunker.error(missing(&cols.text));
    };
    let id_col = match cols.id {
        Some(ref c) => match find(c) {
            Some(i) => Some(i),
            None => return chunker.error(missing(c)),
        },
        None => None,
    };
    let title_col = match cols.title {
        Some(ref c) => match find(c) {
            Some(i) => Some(i),
            None => return chunker.error(missing(c)),
        },
        None => None,
    };
    let mut record = csv::ByteRecord::new();
    let mut n = 0u64;
    loop {
        let before = rdr.position().byte();
        let line = rdr.position().line();
        match rdr.read_byte_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(e) => return chunker.error(format!("{name}: {e}")),
        }
        n += 1;
        let bytes = rdr.position().byte().saturating_sub(before);
        // The record's first line, as the csv reader counts it.
        let line = record.position().map_or(line, |p| p.line());
        let id = match id_col {
            Some(i) => match record.get(i) {
                Some(v) => Value::String(String::from_utf8_lossy(v).into_owned()),
                None => Value::Null,
            },
            None => Value::from(n),
        };
        let body = match record.get(text_col) {
            None => Body::Error {
                id,
                reason: format!("missing column `{}` in this record", cols.text),
            },
            Some(_) if bytes > max => Body::Error {
                id,
                reason: format!(
                    "record too long ({bytes} bytes; the limit is {max}, see --max-doc-bytes)"
                ),
            },
            Some(text) => Body::Doc {
                id,
                title: title_col
                    .and_then(|i| record.get(i))
                    .unwrap_or_default()
                    .to_vec(),
                text: text.to_vec(),
            },
        };
        chunker.push(Item {
            source: source.clone(),
            line,
            bytes,
            body,
        })?;
    }
}

/// One line read by [`LineReader`].
#[derive(Debug)]
enum Next {
    /// End of input.
    Eof,
    /// A line, without its `\n`, and the bytes it took (with its `\n`).
    Line(Vec<u8>, u64),
    /// A line longer than the limit (its bytes skipped, not kept), and the
    /// bytes it took.
    TooLong(u64),
}

/// Splits a reader into lines, holding at most one line (up to the limit)
/// and one buffer in memory; knows when its buffer is empty, so that the
/// caller can send its work before a read that may block.
struct LineReader {
    inner: Box<dyn Read + Send>,
    buf: Box<[u8]>,
    pos: usize,
    end: usize,
}

impl LineReader {
    fn new(inner: Box<dyn Read + Send>) -> LineReader {
        LineReader {
            inner,
            buf: vec![0; 256 * 1024].into_boxed_slice(),
            pos: 0,
            end: 0,
        }
    }

    /// True when the next line needs a read.
    fn is_drained(&self) -> bool {
        self.pos == self.end
    }

    fn next_line(&mut self, max: u64) -> io::Result<Next> {
        let mut line = Vec::new();
        let mut len = 0u64;
        let mut too_long = false;
        let mut any = false;
        loop {
            if self.pos == self.end {
                self.pos = 0;
                self.end = loop {
                    match self.inner.read(&mut self.buf) {
                        Ok(n) => break n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(e),
                    }
                };
                if self.end == 0 {
                    return Ok(match (any, too_long) {
                        (false, _) => Next::Eof,
                        (true, true) => Next::TooLong(len),
                        (true, false) => Next::Line(line, len),
                    });
                }
            }
            any = true;
            let avail = &self.buf[self.pos..self.end];
            let (take, found) = match memchr::memchr(b'\n', avail) {
                Some(i) => (i, true),
                None => (avail.len(), false),
            };
            len += take as u64 + u64::from(found);
            if !too_long {
                if (line.len() + take) as u64 > max {
                    too_long = true;
                    line = Vec::new();
                } else {
                    line.extend_from_slice(&avail[..take]);
                }
            }
            self.pos += take + usize::from(found);
            if found {
                return Ok(if too_long {
                    Next::TooLong(len)
                } else {
                    Next::Line(line, len)
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out its data a few bytes at a time.
    struct Trickle(Vec<u8>, usize);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(3).min(self.0.len() - self.1);
            buf[..n].copy_from_slice(&self.0[self.1..self.1 + n]);
            self.1 += n;
            Ok(n)
        }
    }

    fn lines(data: &[u8], max: u64) -> Vec<String> {
        let mut r = LineReader::new(Box::new(Trickle(data.to_vec(), 0)));
        let mut out = Vec::new();
        loop {
            match r.next_line(max).unwrap() {
                Next::Eof => return out,
                Next::Line(l, n) => out.push(format!("{}:{n}", String::from_utf8_lossy(&l))),
                Next::TooLong(n) => out.push(format!("LONG:{n}")),
            }
        }
    }

    #[test]
    fn splits_lines() {
        assert_eq!(lines(b"", 10), Vec::<String>::new());
        assert_eq!(lines(b"a\n\nbc", 10), ["a:2", ":1", "bc:2"]);
        assert_eq!(lines(b"a\nbcdefgh\ni\n", 3), ["a:2", "LONG:8", "i:2"]);
        assert_eq!(lines(b"abcdefgh", 3), ["LONG:8"]);
    }

    #[test]
    fn kinds_by_name() {
        let k = |n: &str, csv| kind_by_name(Path::new(n), csv);
        assert_eq!(k("a/b.txt", false), Some(Kind::Text));
        assert_eq!(k("b.TXT.gz", false), Some(Kind::Text));
        assert_eq!(k("b.jsonl.gz", false), Some(Kind::Jsonl));
        assert_eq!(k("dump.gz", false), Some(Kind::Jsonl));
        assert_eq!(k("b.csv", false), None);
        assert_eq!(k("b.csv", true), Some(Kind::Csv));
        assert_eq!(k("README.md", false), None);
    }
}
