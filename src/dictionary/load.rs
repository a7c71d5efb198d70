//! Parsing the JSON Lines format.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;
use serde::Deserialize;

use super::entry::{Alias, Details, Entry, Guard, Label, MatchPolicy};
use super::{Dictionary, Shared};
use crate::Error;

/// One line of a dictionary file: a header, a stop word or an entry. Every
/// field is optional here so that one pass of serde reads any line kind;
/// `deny_unknown_fields` turns typos into located errors. The texts every
/// entry has are borrowed from the line where they need no unescaping: they
/// are copied once, into the entry's own boxed or shared texts.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLine<'a> {
    meta: Option<serde_json::Map<String, serde_json::Value>>,
    stop: Option<String>,
    reason: Option<String>,
    #[serde(borrow)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    label: Option<Cow<'a, str>>,
    #[serde(borrow)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    aliases: Vec<RawAlias<'a>>,
    #[serde(borrow)]
    country: Option<Cow<'a, str>>,
    refers_to: Option<String>,
    #[serde(borrow)]
    office: Option<Cow<'a, str>>,
    valid_from: Option<String>,
    valid_to: Option<String>,
    last_checked: Option<String>,
    wikidata: Option<String>,
    population: Option<u64>,
    #[serde(default)]
    priority: i32,
    #[serde(default)]
    ambiguous: bool,
    #[serde(default)]
    attrs: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawAlias<'a> {
    Plain(#[serde(borrow)] Cow<'a, str>),
    Full(#[serde(borrow)] RawAliasObject<'a>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAliasObject<'a> {
    #[serde(borrow)]
    text: Cow<'a, str>,
    #[serde(rename = "match", default)]
    policy: MatchPolicy,
    #[serde(default)]
    guard: Guard,
}

/// Lines parsed per batch: each batch is parsed on all cores, then added in
/// order. Batches bound the parsed entries held besides the dictionary.
const BATCH: usize = 64 * 1024;

/// What one line holds, parsed and validated on its own.
// Nearly every line is an entry, moved into the dictionary next: boxing it
// would add an allocation per entry to save nothing.
#[allow(clippy::large_enum_variant)]
enum Parsed {
    Blank,
    Meta,
    Stop(String),
    Entry(Entry),
}

/// Parses `content` (named `file` in errors) into `dict`. Lines are parsed in
/// parallel (rayon) and added in order, so the error reported is the first
/// in the file, as with a serial parse.
pub(super) fn parse_into(dict: &mut Dictionary, file: &Path, content: &str) -> Result<(), Error> {
    // The parsing threads share kinds, countries and offices as they go, so
    // that no entry allocates its own copy only to drop it when added.
    let shared = Mutex::new(std::mem::take(&mut dict.shared));
    let result = parse_lines(dict, &shared, file, content);
    dict.shared = shared.into_inner().unwrap_or_else(PoisonError::into_inner);
    result
}

fn parse_lines(
    dict: &mut Dictionary,
    shared: &Mutex<Shared>,
    file: &Path,
    content: &str,
) -> Result<(), Error> {
    let lines: Vec<&str> = content.lines().collect();
    dict.reserve(lines.len());
    let mut parsed = Vec::new();
    for (b, batch) in lines.chunks(BATCH).enumerate() {
        let first = b * BATCH + 1;
        batch
            .par_iter()
            .with_min_len(256)
            .enumerate()
            .map(|(i, line)| parse_line(line, first + i, shared).map_err(|e| e.at(file, first + i)))
            .collect_into_vec(&mut parsed);
        for (i, line) in parsed.drain(..).enumerate() {
            match line? {
                Parsed::Blank | Parsed::Meta => {}
                Parsed::Stop(stop) => dict.add_stop(stop),
                Parsed::Entry(entry) => dict.insert(entry).map_err(|e| e.at(file, first + i))?,
            }
        }
    }
    Ok(())
}

fn parse_line(line: &str, lineno: usize, shared: &Mutex<Shared>) -> Result<Parsed, Error> {
    let line = line.trim();
    if line.is_empty() {
        return Ok(Parsed::Blank);
    }
    let raw: RawLine =
        serde_json::from_str(line).map_err(|e| Error::syntax(strip_position(&e.to_string())))?;
    if raw.meta.is_some() {
        if raw.id.is_some() || raw.stop.is_some() {
            return Err(Error::invalid("a meta line holds nothing else"));
        }
        if lineno != 1 {
            return Err(Error::invalid("the meta line must be the first line"));
        }
        return Ok(Parsed::Meta);
    }
    if let Some(stop) = raw.stop {
        if raw.id.is_some() {
            return Err(Error::invalid("a stop line holds only 'stop' and 'reason'"));
        }
        if stop.trim().is_empty() {
            return Err(Error::invalid("empty stop word"));
        }
        let _ = raw.reason;
        return Ok(Parsed::Stop(stop));
    }
    let mut raw = raw;
    let id = raw
        .id
        .take()
        .ok_or_else(|| Error::invalid("missing field 'id'"))?;
    Ok(Parsed::Entry(build_entry(&id, raw, shared)?))
}

fn build_entry<'a>(id: &str, raw: RawLine<'a>, shared: &Mutex<Shared>) -> Result<Entry, Error> {
    let required = |field: Option<Cow<'a, str>>, name: &str| {
        field.ok_or_else(|| Error::invalid(format!("missing field '{}'", name)).in_entry(id))
    };
    let label: Label = required(raw.label, "label")?
        .parse()
        .map_err(|e: Error| e.in_entry(id))?;
    let kind = required(raw.kind, "kind")?;
    let name: Arc<str> = Arc::from(&*required(raw.name, "name")?);
    // An alias that spells the name shares the name's text.
    let text = |t: Cow<'_, str>| {
        if *t == *name {
            name.clone()
        } else {
            Arc::from(&*t)
        }
    };
    let mut aliases = Vec::with_capacity(1 + raw.aliases.len());
    aliases.push(Alias::shared(name.clone(), MatchPolicy::Auto));
    for alias in raw.aliases {
        aliases.push(match alias {
            RawAlias::Plain(t) => Alias::shared(text(t), MatchPolicy::Auto),
            RawAlias::Full(obj) => {
                let mut a = Alias::shared(text(obj.text), obj.policy);
                a.guard = obj.guard;
                a
            }
        });
    }
    let details = Details {
        refers_to: raw.refers_to,
        valid_from: raw.valid_from,
        valid_to: raw.valid_to,
        last_checked: raw.last_checked,
        wikidata: raw.wikidata,
        attrs: raw.attrs,
    };
    let (kind, country, office) = {
        let mut shared = shared.lock().unwrap_or_else(PoisonError::into_inner);
        (
            shared.get(&kind),
            raw.country.map(|c| shared.get(&c)),
            raw.office.map(|o| shared.get(&o)),
        )
    };
    let entry = Entry {
        id: id.into(),
        label,
        kind,
        name,
        aliases,
        country,
        office,
        population: raw.population,
        priority: raw.priority,
        ambiguous: raw.ambiguous,
        details: (!details.is_empty()).then(|| Box::new(details)),
    };
    entry.validated()
}

/// serde_json appends "at line 1 column N"; the line is ours to report, the
/// column is kept.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line 1 column ") {
        Some(i) => format!("{} (column {})", &msg[..i], &msg[i + 18..]),
        None => msg.to_string(),
    }
}

/// The `*.jsonl` files of `path` (itself if it is a file), sorted.
pub(super) fn jsonl_files(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
    if meta.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let read = std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, &e))?;
        for item in read {
            let item = item.map_err(|e| Error::io(&dir, &e))?;
            let p = item.path();
            if p.is_dir() {
                // Rule and topic files have formats of their own.
                let own =
                    dir == path && p.file_name().is_some_and(|n| n == "rules" || n == "topics");
                if !own {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|e| e == "jsonl") {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(content: &str) -> Error {
        Dictionary::from_jsonl_str("t.jsonl", content).unwrap_err()
    }

    /// (content, line, entry, message fragment)
    const BAD: &[(&str, usize, Option<&str>, &str)] = &[
        ("{", 1, None, "syntax error"),
        ("\n{\"id\": \"a\", \"label\": \"place\", \"kind\": \"k\"}", 2, Some("a"), "missing field 'name'"),
        (r#"{"id": "a", "label": "robot", "kind": "k", "name": "A"}"#, 1, Some("a"), "unknown label"),
        (r#"{"id": "a", "label": "place", "kind": "k", "name": "A", "colour": 1}"#, 1, None, "unknown field"),
        (r#"{"id": "a", "label": "place", "kind": "k", "name": "Aaa", "aliases": ["  "]}"#, 1, Some("a"), "white-space alias"),
        (r#"{"id": "a", "label": "place", "kind": "k", "name": "Aaa", "aliases": ["Xi"]}"#, 1, Some("a"), "two characters"),
        (r#"{"id": "a", "label": "place", "kind": "k", "name": "Aaa", "aliases": ["‐‐"]}"#, 1, Some("a"), "folds to no letter"),
        (r#"{"id": "a", "label": "place", "kind": "k", "name": "Aaa", "valid_from": "2025-13"}"#, 1, Some("a"), "invalid date"),
        (r#"{"id": "a", "label": "place", "kind": "k", "name": "Aaa", "wikidata": "884"}"#, 1, Some("a"), "wikidata"),
        ("{\"id\": \"a\", \"label\": \"place\", \"kind\": \"k\", \"name\": \"Aaa\"}\n{\"id\": \"a\", \"label\": \"place\", \"kind\": \"k\", \"name\": \"Bbb\"}", 2, Some("a"), "duplicate id"),
        (r#"{"id": "a", "label": "place", "kind": "k", "name": "Aaa", "aliases": [{"text": "Bbb", "match": "sometimes"}]}"#, 1, None, "syntax"),
        ("{\"id\": \"a\", \"label\": \"place\", \"kind\": \"k\", \"name\": \"Aaa\"}\n{\"meta\": {}}", 2, None, "first line"),
    ];

    #[test]
    fn located_errors() {
        for (content, line, entry, fragment) in BAD {
            let e = err(content);
            assert_eq!(e.line(), Some(*line), "{}: {}", content, e);
            assert_eq!(e.entry(), *entry, "{}: {}", content, e);
            assert_eq!(e.file(), Some(Path::new("t.jsonl")));
            assert!(e.to_string().contains(fragment), "{}: {}", content, e);
        }
    }

    #[test]
    fn good_lines() {
        let dict = Dictionary::from_jsonl_str(
            "t.jsonl",
            r#"{"meta": {"source": "test", "license": "CC0"}}
{"id": "place:country:KR", "label": "place", "kind": "country", "name": "South Korea", "aliases": ["Republic of Korea", {"text": "ROK", "match": "exact"}, {"text": "Korea", "match": "capitalized", "guard": "common_word"}], "country": "KR", "wikidata": "Q884", "priority": 10}

{"stop": "May", "reason": "month"}
"#,
        )
        .unwrap();
        let kr = dict.get("place:country:KR").unwrap();
        assert_eq!(kr.aliases.len(), 4);
        assert_eq!(kr.aliases[2].policy, MatchPolicy::Exact);
        assert_eq!(kr.aliases[3].guard, Guard::CommonWord);
        assert_eq!(kr.priority, 10);
        assert_eq!(dict.stop_list(), ["May".to_string()]);
    }
}
