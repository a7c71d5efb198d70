//! From an input [`Item`] to its output line: lossy decoding, JSON field
//! selection, tagging and serialization. Runs on the worker threads.

use std::borrow::Cow;
use std::fmt;

use gazetag::export::{brat, conll, html, spacy, Article, Format};
use gazetag::output::{DocRecord, ErrorRecord};
use gazetag::{Doc, Label, Tagger};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::input::{Body, Item};

/// The JSON fields to read the text, title and id from.
#[derive(Clone, Debug)]
pub struct Selector {
    /// The text field (`text`).
    pub text: String,
    /// The title field (`title`); missing or `null` means no title.
    pub title: String,
    /// The id field (`id`); missing means the line number.
    pub id: String,
}

/// What each tagged document is written as.
#[derive(Clone, Debug, Default)]
pub struct Render {
    /// The format of the output lines (`jsonl`, `conll`, `spacy`).
    pub format: Format,
    /// Also render an HTML `<article>` for the `--html` page.
    pub html: bool,
    /// Also write brat `.txt` + `.ann` files into this directory.
    pub brat_dir: Option<std::path::PathBuf>,
    /// Add the rejected candidates (and why they lost) to JSON records.
    pub explain: bool,
}

/// Entity counts, by label, in the order of [`Label::ALL`].
pub type LabelCounts = [u64; Label::ALL.len()];

/// What became of one item.
#[derive(Debug)]
pub struct Outcome {
    /// The output line, with its `\n` (a CoNLL block for `--format conll`).
    pub json: Vec<u8>,
    /// The document's `<article>` for the `--html` page.
    pub html: Option<String>,
    /// For an error record: `source:line: reason`.
    pub error: Option<String>,
    /// Invalid UTF-8 sequences replaced in the document.
    pub invalid_utf8: usize,
    /// Entities found, by label.
    pub entities: LabelCounts,
    /// Input bytes of the item.
    pub bytes: u64,
    /// Bytes of text tagged (title and text).
    pub text_bytes: u64,
}

/// A warning attached to an output record.
#[derive(Debug, Serialize)]
struct Warning {
    /// Invalid UTF-8 sequences replaced by U+FFFD before tagging; offsets
    /// are into the decoded text.
    invalid_utf8: usize,
}

/// The output record: the library's record, plus `source` on error records
/// read from a file, plus `warnings` when there are any.
#[derive(Serialize)]
struct OutRecord<'a> {
    #[serde(flatten)]
    record: &'a DocRecord,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "<[Warning]>::is_empty")]
    warnings: &'a [Warning],
    #[serde(skip_serializing_if = "<[Rejected]>::is_empty")]
    rejected: &'a [Rejected],
}

thread_local! {
    /// The buffer of the last text unescaped, emptied, for the next one
    /// (see [`unescape`]): most news texts have escapes.
    static UNESCAPED: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
}

/// Texts of more room than this are freed, not kept for the next one.
const KEPT_TEXT: usize = 1 << 20;

/// Tags one item and serializes its record. Never fails: whatever is wrong
/// with the item becomes an error record.
/// The document is written as `render` says (format, HTML, brat, explain).
pub fn process_with(tagger: &Tagger, sel: &Selector, render: &Render, item: Item) -> Outcome {
    let Item {
        source,
        line,
        bytes,
        body,
    } = item;
    let source = source.as_deref();
    match body {
        Body::Json(raw) => {
            let (json, invalid) = decode_lossy(raw);
            match parse(&json, sel) {
                Ok(Fields { id, title, text }) => {
                    let id = id.unwrap_or_else(|| Value::from(line));
                    match text {
                        // The text had escapes and was copied: free the line
                        // before tagging (it matters for huge documents).
                        Cow::Owned(mut text) => {
                            let title = title.into_owned();
                            drop(json);
                            let out = tag(tagger, render, id, line, &title, &text, invalid, bytes);
                            if text.capacity() <= KEPT_TEXT {
                                text.clear();
                                UNESCAPED.set(text);
                            }
                            out
                        }
                        Cow::Borrowed(text) => {
                            tag(tagger, render, id, line, &title, text, invalid, bytes)
                        }
                    }
                }
                Err((id, reason)) => error(id, source, line, reason, invalid, bytes),
            }
        }
        Body::Doc { id, title, text } => {
            let (title, bad_title) = decode_lossy(title);
            let (text, bad_text) = decode_lossy(text);
            tag(
                tagger,
                render,
                id,
                line,
                &title,
                &text,
                bad_title + bad_text,
                bytes,
            )
        }
        Body::Error { id, reason } => error(id, source, line, reason, 0, bytes),
    }
}

#[allow(clippy::too_many_arguments)]
fn tag(
    tagger: &Tagger,
    render: &Render,
    id: Value,
    line: u64,
    title: &str,
    text: &str,
    invalid: usize,
    bytes: u64,
) -> Outcome {
    let doc = tagger.tag_article(title, text);
    let needs_article = render.html || render.brat_dir.is_some() || render.format != Format::Jsonl;
    // The id as text is for the article only (the JSON line writes `id`).
    let article = needs_article.then(|| {
        let id_text = match &id {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        Article::from_doc(&doc).with_id(id_text)
    });
    let html = match (&article, render.html) {
        (Some(a), true) => Some(html::article_html(line as usize, a)),
        _ => None,
    };
    let mut error = None;
    if let (Some(dir), Some(a)) = (&render.brat_dir, &article) {
        if let Err(e) = brat::write_files(
            dir,
            &brat_stem(a.id.as_deref().unwrap_or_default(), line),
            a,
        ) {
            error = Some(format!("cannot write brat files: {e}"));
        }
    }
    let mut entities = [0; Label::ALL.len()];
    for m in doc.mentions() {
        if let Some(i) = Label::ALL.iter().position(|&l| l == m.label) {
            entities[i] += 1;
        }
    }
    let warnings = warnings(invalid);
    let rejected = if render.explain {
        explain(&doc)
    } else {
        Vec::new()
    };
    let json = match (render.format, &article) {
        (Format::Conll, Some(a)) => conll::to_string(a).into_bytes(),
        (Format::Spacy, Some(a)) => {
            let mut line = spacy::to_json(a).into_bytes();
            line.push(b'\n');
            line
        }
        _ => serialize_doc(&doc, &id, &warnings, &rejected),
    };
    Outcome {
        json,
        html,
        error,
        invalid_utf8: invalid,
        entities,
        bytes,
        text_bytes: (title.len() + text.len()) as u64,
    }
}

fn error(
    id: Value,
    source: Option<&str>,
    line: u64,
    reason: String,
    invalid: usize,
    bytes: u64,
) -> Outcome {
    let message = format!("{}:{line}: {reason}", source.unwrap_or("<stdin>"));
    let record = DocRecord {
        id,
        entities: Vec::new(),
        topics: Vec::new(),
        error: Some(ErrorRecord { line, reason }),
    };
    let warnings = warnings(invalid);
    Outcome {
        json: serialize(&record, source, &warnings, &[]),
        html: None,
        error: Some(message),
        invalid_utf8: invalid,
        entities: [0; Label::ALL.len()],
        bytes,
        text_bytes: 0,
    }
}

fn warnings(invalid: usize) -> Vec<Warning> {
    if invalid == 0 {
        Vec::new()
    } else {
        vec![Warning {
            invalid_utf8: invalid,
        }]
    }
}

/// A brat file stem from a document id: letters, digits, `-` and `_` kept,
/// the rest replaced, and the line number added so that stems stay unique.
fn brat_stem(id: &str, line: u64) -> String {
    let clean: String = id
        .chars()
        .take(60)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{line:08}-{clean}")
}

/// The candidates a document rejected, for `--explain`.
fn explain(doc: &gazetag::Doc<'_>) -> Vec<Rejected> {
    doc.rejected()
        .iter()
        .map(|r| Rejected {
            field: r.field.as_str(),
            start: r.span.start,
            end: r.span.end,
            text: doc
                .field_text(r.field)
                .get(r.span.range())
                .unwrap_or("")
                .to_string(),
            alias: doc.alias_text(r.alias).to_string(),
            entity: doc.alias_entry(r.alias).map(|e| e.id.to_string()),
            reason: r.reason.as_str(),
        })
        .collect()
}

/// A rejected candidate in an `--explain` record: its span, the alias and
/// the entity it would have named (several entries may share one alias:
/// "Smith"), and why it lost.
#[derive(Debug, Serialize)]
struct Rejected {
    field: &'static str,
    start: usize,
    end: usize,
    text: String,
    alias: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<String>,
    reason: &'static str,
}

/// The JSON line of a tagged document: [`Doc::write_json`] (no owned
/// record), with `warnings` and `rejected` added as `serialize` would.
fn serialize_doc(
    doc: &Doc<'_>,
    id: &Value,
    warnings: &[Warning],
    rejected: &[Rejected],
) -> Vec<u8> {
    // `write_json` sizes the line (asking `doc.topics()` here would make
    // the owned topics, which the line does not need).
    let mut json = Vec::new();
    doc.write_json(id, &mut json);
    let extras = [
        (
            "warnings",
            (!warnings.is_empty()).then(|| serde_json::to_vec(warnings)),
        ),
        (
            "rejected",
            (!rejected.is_empty()).then(|| serde_json::to_vec(rejected)),
        ),
    ];
    for (name, extra) in extras {
        match extra {
            None => {}
            Some(Ok(v)) => {
                // Reopen the object for one more member.
                json.pop();
                json.extend_from_slice(format!(",\"{name}\":").as_bytes());
                json.extend_from_slice(&v);
                json.push(b'}');
            }
            Some(Err(_)) => return serialize(&doc.to_record(id.clone()), None, warnings, rejected),
        }
    }
    json.push(b'\n');
    json
}

fn serialize(
    record: &DocRecord,
    source: Option<&str>,
    warnings: &[Warning],
    rejected: &[Rejected],
) -> Vec<u8> {
    let out = OutRecord {
        record,
        source,
        warnings,
        rejected,
    };
    let mut json = Vec::with_capacity(256 + 192 * record.entities.len());
    if serde_json::to_writer(&mut json, &out).is_err() {
        // Cannot happen (every field serializes, and writing to a Vec cannot
        // fail), but one line out per line in holds even then.
        json.clear();
        json.extend_from_slice(
            br#"{"id":null,"entities":[],"topics":[],"error":{"line":0,"reason":"output could not be serialized"}}"#,
        );
    }
    json.push(b'\n');
    json
}

/// Decodes UTF-8, replacing each invalid sequence with U+FFFD the way
/// `String::from_utf8_lossy` does; returns the text and the number of
/// replacements. Valid input is not copied.
pub fn decode_lossy(bytes: Vec<u8>) -> (String, usize) {
    let bytes = match String::from_utf8(bytes) {
        Ok(s) => return (s, 0),
        Err(e) => e.into_bytes(),
    };
    let mut out = String::with_capacity(bytes.len() + 16);
    let mut rest = &bytes[..];
    let mut replaced = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return (out, replaced);
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                // `good` is valid UTF-8 by construction.
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                out.push(char::REPLACEMENT_CHARACTER);
                replaced += 1;
                match e.error_len() {
                    Some(n) => rest = &bad[n..],
                    None => return (out, replaced),
                }
            }
        }
    }
}

/// The fields of a JSON line that the tagger needs.
#[derive(Debug, PartialEq)]
struct Fields<'a> {
    id: Option<Value>,
    title: Cow<'a, str>,
    text: Cow<'a, str>,
}

/// Reads the selected fields of a JSON line. On failure: the id, when it
/// could be read, and the reason.
///
/// Most lines are read by [`parse_flat`], in one pass over each string
/// (serde_json, even with the text taken raw and unescaped here, went over
/// the text twice and read every key and value through its visitors: 3% of
/// a run). A line that does not come out whole that way is read again by
/// serde_json, so that every result and error message stays serde_json's
/// own.
fn parse<'a>(line: &'a str, sel: &Selector) -> Result<Fields<'a>, (Value, String)> {
    match parse_flat(line, sel) {
        Some(fields) => Ok(fields),
        None => parse_with(line, sel),
    }
}

/// [`parse`] by serde_json.
fn parse_with<'a>(line: &'a str, sel: &Selector) -> Result<Fields<'a>, (Value, String)> {
    if line.trim().is_empty() {
        return Err((Value::Null, "empty line".to_string()));
    }
    let mut de = serde_json::Deserializer::from_str(line);
    let top = TopSeed { sel }
        .deserialize(&mut de)
        .and_then(|top| de.end().map(|()| top))
        .map_err(|e| (Value::Null, format!("invalid JSON: {e}")))?;
    let (id, text, title) = match top {
        Top::Object { id, text, title } => (id, text, title),
        Top::Other(what) => {
            return Err((Value::Null, format!("not a JSON object (found {what})")));
        }
    };
    let text = match text {
        Some(FieldValue::Str(s)) => s,
        None => {
            let reason = format!("missing text field `{}`", sel.text);
            return Err((id.unwrap_or(Value::Null), reason));
        }
        Some(FieldValue::Other(what)) => {
            let reason = format!("text field `{}` is not a string (found {what})", sel.text);
            return Err((id.unwrap_or(Value::Null), reason));
        }
    };
    let title = match title {
        Some(FieldValue::Str(s)) => s,
        None | Some(FieldValue::Other("null")) => Cow::Borrowed(""),
        Some(FieldValue::Other(what)) => {
            let reason = format!("title field `{}` is not a string (found {what})", sel.title);
            return Err((id.unwrap_or(Value::Null), reason));
        }
    };
    Ok(Fields { id, title, text })
}

/// [`parse`] of a line that is one JSON object with a string text, read
/// here: strings in one pass each (end found, escapes replaced, checked),
/// other values skipped or read by serde_json. `None` for any other line,
/// and wherever serde_json might read the line otherwise or reject it (a
/// control byte anywhere, an unpaired surrogate, a nested id...): those
/// are left to [`parse_with`].
fn parse_flat<'a>(line: &'a str, sel: &Selector) -> Option<Fields<'a>> {
    let b = line.as_bytes();
    // Outside strings, only white space may be a control byte; inside,
    // none may. Checking the whole line at once (vectorized) spares the
    // strings a check of every byte.
    if has_control(b) {
        return None;
    }
    let mut at = skip_spaces(b, 0);
    if b.get(at) != Some(&b'{') {
        return None;
    }
    let (mut id, mut title, mut text) = (None, None, None);
    loop {
        at = skip_spaces(b, at + 1);
        let (key, end) = json_string(line, at, String::new)?;
        at = skip_spaces(b, end);
        if b.get(at) != Some(&b':') {
            return None;
        }
        at = skip_spaces(b, at + 1);
        let (is_text, is_title, is_id) = (key == sel.text, key == sel.title, key == sel.id);
        if b.get(at) == Some(&b'"') {
            // The text's copy, when it has escapes, goes to the buffer kept
            // for it, sized once (escapes only shorten); other strings with
            // escapes are short, and grow.
            let room = || match is_text {
                true => {
                    let mut room = UNESCAPED.with(|b| b.take());
                    room.reserve(b.len() - at);
                    room
                }
                false => String::new(),
            };
            let (s, end) = json_string(line, at, room)?;
            at = end;
            // Later duplicates win, as in `TopSeed`.
            if is_id {
                id = Some(Value::String(s.to_string()));
            }
            if is_title {
                title = Some(s.clone());
            }
            if is_text {
                text = Some(s);
            }
        } else if is_text || is_title || is_id {
            // serde_json reads a selected value nested in the line one
            // level deeper than alone: its depth limit could differ.
            if is_text || matches!(b.get(at), Some(b'[' | b'{')) {
                return None;
            }
            let (v, end) = json_value::<Value>(line, at)?;
            at = end;
            if is_title {
                // A title that is not a string is an error but for `null`.
                v.is_null().then_some(())?;
                title = Some(Cow::Borrowed(""));
            }
            if is_id {
                id = Some(v);
            }
        } else {
            at = json_value::<IgnoredAny>(line, at)?.1;
        }
        at = skip_spaces(b, at);
        match b.get(at) {
            Some(b',') => {}
            Some(b'}') => break,
            _ => return None,
        }
    }
    (skip_spaces(b, at + 1) == b.len()).then_some(())?;
    Some(Fields {
        id,
        title: title.unwrap_or(Cow::Borrowed("")),
        text: text?,
    })
}

/// Whether a byte of `b` is below 0x20: whether the least byte of a chunk
/// is. Each chunk's minimum is a fold without an early exit, so that it
/// vectorizes; chunks of 256 bytes spread each chunk's horizontal minimum
/// and exit test over more bytes. On 5,000 Reuters lines this took 1.5M
/// instructions fewer than a fold of `c < 0x20` over 64-byte chunks.
fn has_control(b: &[u8]) -> bool {
    b.chunks(256)
        .any(|chunk| chunk.iter().fold(u8::MAX, |least, &c| least.min(c)) < 0x20)
}

/// The offset of the first byte from `at` that is not JSON white space.
fn skip_spaces(b: &[u8], mut at: usize) -> usize {
    while matches!(b.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// One JSON value at `line[at]`, read by serde_json, and the offset after
/// it; `None` where serde_json rejects it.
fn json_value<'a, T: Deserialize<'a>>(line: &'a str, at: usize) -> Option<(T, usize)> {
    let mut values = serde_json::Deserializer::from_str(line.get(at..)?).into_iter::<T>();
    let value = values.next()?.ok()?;
    Some((value, at + values.byte_offset()))
}

/// The JSON string whose opening quote is at `line[at]`: its contents,
/// unescaped as serde_json unescapes (borrowed from the line when there is
/// no escape, else written into `room()`), and the offset after its closing
/// quote. `None` where it is no string, or ends the line unclosed, or has
/// an escape that serde_json rejects (an unpaired surrogate, an unknown
/// letter). Control bytes are not looked for (see [`parse_flat`]).
fn json_string<'a>(
    line: &'a str,
    at: usize,
    room: impl FnOnce() -> String,
) -> Option<(Cow<'a, str>, usize)> {
    let b = line.as_bytes();
    if b.get(at) != Some(&b'"') {
        return None;
    }
    let start = at + 1;
    let mut from = start;
    let mut room = Some(room);
    let mut out: Option<String> = None;
    loop {
        // Vectorized: news text has an escaped line end every few dozen
        // bytes.
        let stop = from + quote_or_backslash(b.get(from..)?)?;
        if b[stop] == b'"' {
            let s = match out {
                None => Cow::Borrowed(&line[start..stop]),
                Some(mut out) => {
                    out.push_str(&line[from..stop]);
                    Cow::Owned(out)
                }
            };
            return Some((s, stop + 1));
        }
        let out = out.get_or_insert_with(|| room.take().map_or_else(String::new, |r| r()));
        out.push_str(&line[from..stop]);
        let (c, len) = escape(line, stop)?;
        out.push(c);
        from = stop + len;
    }
}

/// The offset of the first `"` or `\` in `h`: `memchr2`'s answer.
///
/// On x86_64 by memchr's SSE2 searcher, which every x86_64 CPU has: it is
/// inlined here, where `memchr2` goes through a function pointer to its
/// AVX2 searcher and sets that up on each call. Most calls search a few
/// dozen bytes (from one escaped line end to the next), so the setup cost
/// more than the wider vectors saved: 16.5M instructions down to 14.5M on
/// 5,000 Reuters articles.
#[cfg(target_arch = "x86_64")]
fn quote_or_backslash(h: &[u8]) -> Option<usize> {
    match memchr::arch::x86_64::sse2::memchr::Two::new(b'"', b'\\') {
        Some(two) => two.find(h),
        None => memchr::memchr2(b'"', b'\\', h),
    }
}

/// The offset of the first `"` or `\` in `h`.
#[cfg(not(target_arch = "x86_64"))]
fn quote_or_backslash(h: &[u8]) -> Option<usize> {
    memchr::memchr2(b'"', b'\\', h)
}

/// The char of the JSON escape whose backslash is at `line[at]`, and the
/// escape's length; `None` where serde_json rejects it (an unknown letter,
/// a short or non-hex `\u`, an unpaired surrogate).
///
/// Inline, with `\u` apart: news text has an escaped line end every few
/// dozen bytes, and a call for each cost more than its match.
#[inline(always)]
fn escape(line: &str, at: usize) -> Option<(char, usize)> {
    Some(match line.as_bytes().get(at + 1)? {
        b'"' => ('"', 2),
        b'\\' => ('\\', 2),
        b'/' => ('/', 2),
        b'b' => ('\u{8}', 2),
        b'f' => ('\u{c}', 2),
        b'n' => ('\n', 2),
        b'r' => ('\r', 2),
        b't' => ('\t', 2),
        b'u' => return unicode_escape(line, at),
        _ => return None,
    })
}

/// [`escape`] of a `\u` escape (and its trailing surrogate's, when it
/// starts a pair).
#[inline(never)]
fn unicode_escape(line: &str, at: usize) -> Option<(char, usize)> {
    let hex = |at: usize| -> Option<u32> {
        let digits = line.get(at..at + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(digits, 16).ok()
    };
    Some(match hex(at + 2)? {
        lead @ 0xD800..=0xDBFF => {
            let trail = match line.get(at + 6..at + 8)? {
                "\\u" => hex(at + 8)?,
                _ => return None,
            };
            if !(0xDC00..=0xDFFF).contains(&trail) {
                return None;
            }
            let c = 0x1_0000 + ((lead - 0xD800) << 10) + (trail - 0xDC00);
            (char::from_u32(c)?, 12)
        }
        // A trailing surrogate alone is no char: `None`.
        n => (char::from_u32(n)?, 6),
    })
}

/// A JSON line, read shallowly: only the selected fields are kept.
enum Top<'de> {
    Object {
        id: Option<Value>,
        text: Option<FieldValue<'de>>,
        title: Option<FieldValue<'de>>,
    },
    /// Not an object: what it is ("an array").
    Other(&'static str),
}

struct TopSeed<'s> {
    sel: &'s Selector,
}

impl<'de> DeserializeSeed<'de> for TopSeed<'_> {
    type Value = Top<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Top<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TopSeed<'_> {
    type Value = Top<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top<'de>, A::Error> {
        let sel = self.sel;
        let (mut id, mut text, mut title) = (None, None, None);
        // Later duplicates win, as in most JSON readers.
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            if key == sel.text {
                let v: FieldValue<'de> = map.next_value()?;
                if key == sel.title {
                    title = Some(v.clone());
                }
                if key == sel.id {
                    id = Some(v.to_value());
                }
                text = Some(v);
            } else if key == sel.title {
                let v: FieldValue<'de> = map.next_value()?;
                if key == sel.id {
                    id = Some(v.to_value());
                }
                title = Some(v);
            } else if key == sel.id {
                id = Some(map.next_value::<Value>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Top::Object { id, text, title })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Top::Other("an array"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Top<'de>, E> {
        Ok(Top::Other("a string"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Top<'de>, E> {
        Ok(Top::Other("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Top<'de>, E> {
        Ok(Top::Other("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Top<'de>, E> {
        Ok(Top::Other("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Top<'de>, E> {
        Ok(Top::Other("a number"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Top<'de>, E> {
        Ok(Top::Other("null"))
    }
}

/// An object key, borrowed from the line when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key<'de>, D::Error> {
        match FieldValue::deserialize(d)? {
            FieldValue::Str(s) => Ok(Key(s)),
            FieldValue::Other(_) => Err(de::Error::custom("object key is not a string")),
        }
    }
}

/// The value of a selected field: a string (borrowed from the line when it
/// has no escapes), or what it is instead ("a number", "null").
#[derive(Clone, Debug, PartialEq)]
enum FieldValue<'de> {
    Str(Cow<'de, str>),
    Other(&'static str),
}

impl FieldValue<'_> {
    /// As an id: strings pass through; other values were not kept, so they
    /// become `null` (the id field is read as a full value when it is not
    /// also the text or title field).
    fn to_value(&self) -> Value {
        match *self {
            FieldValue::Str(ref s) => Value::String(s.to_string()),
            FieldValue::Other(_) => Value::Null,
        }
    }
}

impl<'de> Deserialize<'de> for FieldValue<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<FieldValue<'de>, D::Error> {
        d.deserialize_any(FieldVisitor)
    }
}

struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = FieldValue<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<FieldValue<'de>, E> {
        Ok(FieldValue::Str(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<FieldValue<'de>, E> {
        Ok(FieldValue::Str(Cow::Owned(v.to_string())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<FieldValue<'de>, E> {
        Ok(FieldValue::Str(Cow::Owned(v)))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<FieldValue<'de>, E> {
        Ok(FieldValue::Other("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<FieldValue<'de>, E> {
        Ok(FieldValue::Other("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<FieldValue<'de>, E> {
        Ok(FieldValue::Other("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<FieldValue<'de>, E> {
        Ok(FieldValue::Other("a number"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<FieldValue<'de>, E> {
        Ok(FieldValue::Other("null"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FieldValue<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(FieldValue::Other("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FieldValue<'de>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(FieldValue::Other("an object"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel() -> Selector {
        Selector {
            text: "text".into(),
            title: "title".into(),
            id: "id".into(),
        }
    }

    fn reason(line: &str) -> String {
        parse(line, &sel()).unwrap_err().1
    }

    #[test]
    fn lossy_decoding_counts_replacements() {
        assert_eq!(decode_lossy(b"abc".to_vec()), ("abc".to_string(), 0));
        assert_eq!(
            decode_lossy(b"a\xffb\xfe".to_vec()),
            ("a\u{fffd}b\u{fffd}".to_string(), 2)
        );
        // A truncated sequence at the end counts once.
        assert_eq!(
            decode_lossy(b"a\xe2\x82".to_vec()),
            ("a\u{fffd}".to_string(), 1)
        );
        let bytes = b"x\xc3(\xf0\x28\x8c\xbc".to_vec();
        let expected = String::from_utf8_lossy(&bytes).into_owned();
        let (s, n) = decode_lossy(bytes);
        assert_eq!(s, expected);
        assert_eq!(n, s.matches('\u{fffd}').count());
    }

    #[test]
    fn parses_selected_fields() {
        let f = parse(
            r#"{"x": [1, {"a": 2}], "id": 7, "text": "Seoul", "title": null}"#,
            &sel(),
        )
        .unwrap();
        assert_eq!(f.id, Some(Value::from(7)));
        assert_eq!(f.text, "Seoul");
        assert_eq!(f.title, "");
        let f = parse(r#"{"text": "a\nb", "title": "T"}"#, &sel()).unwrap();
        assert_eq!(
            (f.id, f.text.as_ref(), f.title.as_ref()),
            (None, "a\nb", "T")
        );
    }

    #[test]
    fn flat_reads_as_serde_reads() {
        // (line, read by `parse_flat`)
        let lines = [
            (r#"{"text": "plain", "title": "T", "id": 3}"#, true),
            (
                r#"{"text": "a\nb\t\"q\" \\ \/ \b\f\r \u00e9\u00E9 \ud83d\ude00 \u0000 é"}"#,
                true,
            ),
            (
                r#" { "id" : "r-1" , "date": "x", "title": "A \"B\"", "text": "" } "#,
                true,
            ),
            (
                r#"{"x": [1, {"a": "}"}], "id": -7.5e3, "text": "Seoul", "title": null}"#,
                true,
            ),
            (
                r#"{"id": true, "text": "a", "meta": {"b": [null, "\u00e9"]}}"#,
                true,
            ),
            (r#"{"t\u0065xt": "escaped key", "title": "x\ny"}"#, true),
            (
                r#"{"text": "first", "text": "se\u0063ond", "id": "1", "id": 2}"#,
                true,
            ),
            (r#"{"text": "ok", "text": "\udc00"}"#, false),
            (r#"{"text": "\udc00", "text": "ok"}"#, false),
            (r#"{"text": "lone \ud83d x"}"#, false),
            (r#"{"text": "lone \ude00"}"#, false),
            (r#"{"text": "pair? \ud83d\u0041"}"#, false),
            (r#"{"text": "end \ud83d"}"#, false),
            (r#"{"text": "bad \x escape"}"#, false),
            (r#"{"text": "short \u12"}"#, false),
            ("{\"text\": \"raw\tcontrol\"}", false),
            ("{\"text\":\t\"tab between\"}", false),
            (r#"{"text": 1e400}"#, false),
            (r#"{"text": "a", "x": 1e400}"#, true),
            (r#"{"text": "a", "x": 01}"#, false),
            (r#"{"text": [1, 2], "title": null}"#, false),
            (r#"{"text": "a", "title": 5}"#, false),
            (r#"{"text": "a", "id": [1]}"#, false),
            (r#"{"title": "no text"}"#, false),
            (r#"{}"#, false),
            (r#"{"text": "a",}"#, false),
            (r#"{"text": "a"} x"#, false),
            (r#"{"text": "a" "title": "b"}"#, false),
            (r#"["text"]"#, false),
            (r#"{"text": "unterminated"#, false),
            (r#"{"text": "unterminated\"#, false),
            ("", false),
        ];
        for (line, flat) in lines {
            assert_eq!(parse_flat(line, &sel()).is_some(), flat, "{line}");
            assert_eq!(parse(line, &sel()), parse_with(line, &sel()), "{line}");
        }
        let f = parse(lines[1].0, &sel()).unwrap();
        assert_eq!(f.text, "a\nb\t\"q\" \\ / \u{8}\u{c}\r éé 😀 \0 é");
        let f = parse(lines[6].0, &sel()).unwrap();
        assert_eq!((f.text.as_ref(), f.id), ("second", Some(Value::from(2))));
        // One field for two roles.
        let both = Selector {
            title: "text".into(),
            id: "text".into(),
            ..sel()
        };
        for line in [r#"{"text": "a\"b"}"#, r#"{"text": "a", "text": null}"#] {
            assert_eq!(parse(line, &both), parse_with(line, &both), "{line}");
        }
    }

    #[test]
    fn control_bytes_found_anywhere() {
        let mut line = vec![b'a'; 200];
        assert!(!has_control(&line));
        for at in [0, 63, 64, 130, 199] {
            for c in [0, b'\t', 0x1f] {
                line[at] = c;
                assert!(has_control(&line), "{at} {c}");
                line[at] = b'a';
            }
        }
        assert!(!has_control(" ~\u{7f}é".as_bytes()));
    }

    #[test]
    fn reasons() {
        assert_eq!(reason("  "), "empty line");
        assert!(reason("{\"text\": ").starts_with("invalid JSON: EOF"));
        assert!(reason("{\"text\": \"a\"} x").starts_with("invalid JSON: trailing"));
        assert_eq!(reason("[1, 2]"), "not a JSON object (found an array)");
        assert_eq!(reason("\"s\""), "not a JSON object (found a string)");
        assert_eq!(reason("{\"id\": 1}"), "missing text field `text`");
        assert_eq!(parse("{\"id\": 1}", &sel()).unwrap_err().0, Value::from(1));
        assert_eq!(
            reason("{\"text\": 3}"),
            "text field `text` is not a string (found a number)"
        );
        assert_eq!(
            reason("{\"text\": null}"),
            "text field `text` is not a string (found null)"
        );
        assert_eq!(
            reason("{\"text\": \"\", \"title\": []}"),
            "title field `title` is not a string (found an array)"
        );
        // Nesting that is read (the id) hits serde_json's recursion limit;
        // nesting that is skipped is skipped without recursion.
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(reason(&deep), "not a JSON object (found an array)");
        let deep_id = format!("{{\"id\": {deep}, \"text\": \"a\"}}");
        assert!(reason(&deep_id).contains("recursion limit"));
        let deep = format!(
            "{{\"text\": \"a\", \"x\": {}{}}}",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        // Deep nesting in a skipped field is skipped without recursion.
        assert_eq!(parse(&deep, &sel()).unwrap().text, "a");
    }
}
