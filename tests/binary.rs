//! Runs the `tag_articles` example on the nasty inputs of `tests/data/nasty/`
//! and on big inputs generated here: one output line per input line, error
//! records where expected, ids passed through, no panic, safe `--output`.
//!
//! # How the binary is found
//!
//! Cargo gives integration tests `CARGO_BIN_EXE_<name>` for binaries but not
//! for examples. So the first test to need it runs
//! `$CARGO build --example tag_articles --message-format=json` (in the same
//! profile as the test, with the inherited `CARGO_TARGET_DIR`), and takes
//! the path from the `compiler-artifact` message, as `escargot` does. Under
//! `cargo test` the example is already built, so this is a no-op that
//! only asks cargo where it is; it also works with `cargo test --test binary`,
//! which does not build examples.
//!
//! # Which dictionaries
//!
//! Most tests run with `--no-builtin --dictionaries tests/data/nasty/places`,
//! six hand-written places: what they check (line counts, error records,
//! ids, offsets) must not change when the built-in dictionaries grow, and a
//! debug build then starts in milliseconds instead of seconds. The tests
//! about the default tagger (topics, extra dictionaries, usage errors) use
//! [`run_default`].

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

/// The path of the built example.
fn binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        let mut cmd = Command::new(env!("CARGO"));
        cmd.args(["build", "--quiet", "--example", "tag_articles"])
            .arg("--message-format=json-render-diagnostics")
            .arg("--manifest-path")
            .arg(&manifest)
            .stderr(Stdio::inherit());
        if !cfg!(debug_assertions) {
            cmd.arg("--release");
        }
        let out = cmd.output().expect("cargo runs");
        assert!(
            out.status.success(),
            "cargo build --example tag_articles failed"
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        stdout
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "tag_articles")
            .find_map(|m| m["executable"].as_str().map(PathBuf::from))
            .expect("cargo reports the example's executable")
    })
}

fn nasty(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/nasty")
        .join(name)
}

/// A finished run: exit code, stderr, and the output lines parsed.
#[derive(Debug)]
struct Run {
    code: i32,
    stderr: String,
    lines: Vec<Value>,
}

impl Run {
    fn errors(&self) -> Vec<(usize, u64, String)> {
        self.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l["error"].is_null())
            .map(|(i, l)| {
                let line = l["error"]["line"].as_u64().expect("error line");
                let reason = l["error"]["reason"].as_str().expect("reason").to_string();
                (i + 1, line, reason)
            })
            .collect()
    }

    fn ids(&self) -> Vec<Value> {
        self.lines.iter().map(|l| l["id"].clone()).collect()
    }

    /// The surfaces tagged on output line `i` (0-based).
    fn surfaces(&self, i: usize) -> Vec<&str> {
        self.lines[i]["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .map(|e| e["text"].as_str().expect("surface"))
            .collect()
    }
}

/// The arguments that select the small test dictionary.
const PLACES: [&str; 3] = ["--no-builtin", "--dictionaries", "places"];

/// Runs the binary with the small test dictionary (see the module docs).
fn run(args: &[&str], stdin: &[u8]) -> Run {
    run_default(&[&PLACES[..], args].concat(), stdin)
}

/// An empty directory of this test process's own under the system temp dir.
fn fresh_temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gazetag-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs the binary in `tests/data/nasty` with `args` and `stdin`, and checks
/// what every run must satisfy: no panic, stdout nothing but JSON objects
/// with `id`, `entities` and `topics`.
fn run_default(args: &[&str], stdin: &[u8]) -> Run {
    let out = spawn(args, stdin);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out.status.code().unwrap_or(-1);
    assert_ne!(code, 101, "panic: {stderr}");
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {e}: {l}"));
            assert!(v.is_object(), "not an object: {l}");
            assert!(v["entities"].is_array() && v["topics"].is_array(), "{l}");
            assert!(v.get("id").is_some(), "{l}");
            v
        })
        .collect();
    assert!(stdout.is_empty() || stdout.ends_with('\n'));
    Run {
        code,
        stderr,
        lines,
    }
}

/// Lines in a JSON Lines input, the way the binary counts them.
fn count_lines(data: &[u8]) -> usize {
    let n = data.iter().filter(|&&b| b == b'\n').count();
    n + usize::from(!data.is_empty() && !data.ends_with(b"\n"))
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(nasty(name)).expect("test data")
}

#[test]
fn mixed_lines_become_error_records_in_place() {
    let data = read("mixed.jsonl");
    let r = run(&["mixed.jsonl"], b"");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.lines.len(), count_lines(&data));
    assert_eq!(r.lines.len(), 18);
    let errors: Vec<(usize, u64)> = r.errors().iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(
        errors,
        [
            (3, 3),
            (4, 4),
            (5, 5),
            (6, 6),
            (7, 7),
            (9, 9),
            (10, 10),
            (11, 11),
            (13, 13),
            (14, 14),
            (16, 16)
        ]
    );
    let reasons: Vec<String> = r.errors().into_iter().map(|e| e.2).collect();
    assert!(
        reasons[0].starts_with("invalid JSON: EOF"),
        "{}",
        reasons[0]
    );
    assert_eq!(reasons[1], "missing text field `text`");
    assert_eq!(reasons[2], "not a JSON object (found an array)");
    assert_eq!(reasons[3], "not a JSON object (found a string)");
    assert_eq!(reasons[4], "empty line");
    assert_eq!(
        reasons[5],
        "text field `text` is not a string (found a number)"
    );
    assert_eq!(reasons[6], "text field `text` is not a string (found null)");
    assert_eq!(
        reasons[7],
        "title field `title` is not a string (found a number)"
    );
    assert!(reasons[8].contains("trailing characters"), "{}", reasons[8]);
    assert_eq!(reasons[10], "empty line");
    // Error records name the file, keep the id when it could be read.
    assert_eq!(r.lines[2]["source"], "mixed.jsonl");
    assert_eq!(r.lines[3]["id"], "no-text");
    assert_eq!(r.lines[2]["id"], Value::Null);
    // Ids pass through as the same JSON value; without one, the line number.
    let ids = r.ids();
    assert_eq!(ids[0], "good-1");
    assert_eq!(ids[1], 42);
    assert_eq!(ids[7], 8);
    assert_eq!(ids[16], serde_json::json!({"nested": ["id"]}));
    assert_eq!(ids[17], "last");
    // Good lines around the bad ones are tagged; the empty document is not
    // an error; an escaped NUL is text like any other.
    assert_eq!(r.surfaces(0), ["Seoul", "Seoul", "Japan"]);
    assert_eq!(r.lines[0]["entities"][0]["field"], "title");
    assert_eq!(r.surfaces(1), ["North Korea", "Japan"]);
    assert_eq!(r.surfaces(7), ["Pyongyang"]);
    assert_eq!(r.lines[11]["id"], "empty-doc");
    assert!(r.lines[11]["error"].is_null() && r.surfaces(11).is_empty());
    assert_eq!(r.surfaces(14), ["Seoul", "Tokyo"]);
    assert_eq!(r.surfaces(17), ["China", "Japan"]);
}

#[test]
fn the_same_through_stdin() {
    let data = read("mixed.jsonl");
    for args in [&[][..], &["-"][..]] {
        let r = run(args, &data);
        assert_eq!(r.code, 0);
        assert_eq!(r.lines.len(), 18);
        // No `source` for stdin.
        assert!(r.lines[2]["source"].is_null());
        assert_eq!(r.lines[2]["error"]["line"], 3);
    }
}

#[test]
fn invalid_utf8_is_decoded_lossily_and_counted() {
    let r = run(&["invalid_utf8.jsonl"], b"");
    assert_eq!(r.code, 0);
    assert_eq!(r.lines.len(), 5);
    let warn = |i: usize| r.lines[i]["warnings"][0]["invalid_utf8"].as_u64();
    assert_eq!(warn(0), Some(3));
    assert_eq!(r.surfaces(0), ["Seoul", "Japan"]);
    // Offsets are into the decoded text: U+FFFD is 3 bytes for 1.
    let e = &r.lines[0]["entities"][0];
    assert_eq!(
        (e["start"].as_u64(), e["char_start"].as_u64()),
        (Some(16), Some(14))
    );
    assert_eq!(warn(1), Some(2));
    assert_eq!(r.surfaces(1), ["North Korea"]);
    // A line of nothing but invalid bytes: an error record, still counted.
    assert_eq!(r.errors()[0].1, 3);
    assert_eq!(warn(2), Some(4));
    assert_eq!(warn(3), Some(1));
    assert_eq!(r.surfaces(3), ["Seoul"]);
    assert_eq!(warn(4), None);
    assert!(
        r.stderr.contains("4 documents with invalid UTF-8"),
        "{}",
        r.stderr
    );
}

#[test]
fn crlf_line_ends() {
    let r = run(&["crlf.jsonl"], b"");
    assert_eq!(r.lines.len(), 3);
    assert_eq!(r.ids(), [Value::from("c1"), Value::Null, Value::from("c3")]);
    assert_eq!(r.errors()[0].2, "empty line");
    assert_eq!(r.surfaces(2), ["Japan", "China"]);
}

#[test]
fn nul_bytes() {
    let r = run(&["nul.jsonl"], b"");
    assert_eq!(r.code, 0);
    assert_eq!(r.lines.len(), 4);
    let lines: Vec<u64> = r.errors().iter().map(|e| e.1).collect();
    assert_eq!(lines, [1, 2, 3]);
    assert!(r.errors()[0].2.contains("control character"));
    assert_eq!(r.surfaces(3), ["Seoul", "Japan"]);
}

#[test]
fn binary_garbage() {
    let data = read("garbage.bin");
    let r = run(&["garbage.bin"], b"");
    assert_eq!(r.code, 0);
    assert_eq!(r.lines.len(), count_lines(&data));
    assert_eq!(r.errors().len(), r.lines.len());
    // Also as a text document, and in a CSV column.
    let r = run(&["--format-in", "text", "garbage.bin"], b"");
    assert_eq!(r.lines.len(), 1);
    assert!(r.lines[0]["warnings"][0]["invalid_utf8"].as_u64() > Some(0));
    let r = run(&["--format-in", "csv"], &[&b"text\n"[..], &data].concat());
    assert_eq!(r.code, 0);
}

#[test]
fn extremely_long_token() {
    let token = "x".repeat(1 << 20);
    let input = format!(
        "{{\"id\":1,\"text\":\"Seoul {token} Japan\"}}\n{{\"id\":2,\"text\":\"{token}Seoul\"}}\n{token}\n"
    );
    let r = run(&[], input.as_bytes());
    assert_eq!(r.code, 0);
    assert_eq!(r.lines.len(), 3);
    assert_eq!(r.surfaces(0), ["Seoul", "Japan"]);
    assert!(r.surfaces(1).is_empty());
    assert_eq!(r.errors()[0].1, 3);
}

#[test]
fn deeply_nested_json() {
    // Nesting that must be read (an id) hits serde_json's recursion limit
    // (128) and becomes an error record, not a stack overflow; nesting that
    // is skipped is skipped without recursion.
    let open = "[".repeat(10_000);
    let close = "]".repeat(10_000);
    let objects = "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000);
    let input = format!(
        "{open}{close}\n{{\"text\":\"Seoul\",\"x\":{open}{close}}}\n{objects}\n\
         {{\"id\":\"ok\",\"text\":\"Japan\",\"x\":[[[[1]]]]}}\n\
         {{\"id\":{open}{close},\"text\":\"Japan\"}}\n\
         {{\"text\":{open}{close}}}\n"
    );
    let r = run(&[], input.as_bytes());
    assert_eq!(r.code, 0);
    assert_eq!(r.lines.len(), 6);
    let errors = r.errors();
    let lines: Vec<u64> = errors.iter().map(|e| e.1).collect();
    assert_eq!(lines, [1, 3, 5, 6]);
    assert_eq!(errors[0].2, "not a JSON object (found an array)");
    assert_eq!(errors[1].2, "missing text field `text`");
    assert!(errors[2].2.contains("recursion limit"), "{errors:?}");
    assert_eq!(
        errors[3].2,
        "text field `text` is not a string (found an array)"
    );
    assert_eq!(r.surfaces(1), ["Seoul"]);
    assert_eq!(r.surfaces(3), ["Japan"]);
}

#[test]
fn gzip_by_name_and_by_magic_bytes() {
    for name in ["articles.jsonl.gz", "gzip_without_suffix.dat"] {
        let r = run(&[name], b"");
        assert_eq!(r.code, 0);
        assert_eq!(
            r.ids(),
            [Value::from("gz-1"), Value::from("gz-2"), Value::Null]
        );
        assert_eq!(r.surfaces(0), ["Seoul", "Tokyo"]);
        assert_eq!(r.errors()[0].1, 3);
    }
    // Gzip on stdin too.
    let r = run(&[], &read("articles.jsonl.gz"));
    assert_eq!(r.lines.len(), 3);
}

#[test]
fn corrupt_gzip_is_an_input_error() {
    let r = run(&["truncated.jsonl.gz", "crlf.jsonl"], b"");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("truncated.jsonl.gz"), "{}", r.stderr);
    // The run went on with the next input.
    assert_eq!(
        r.lines.last().map(|l| l["id"].clone()),
        Some(Value::from("c3"))
    );
    let r = run(&["--fail-fast", "truncated.jsonl.gz", "crlf.jsonl"], b"");
    assert_eq!(r.code, 1);
    assert!(r.lines.iter().all(|l| l["id"] != "c1"));
}

#[test]
fn csv_input() {
    let r = run(
        &[
            "articles.csv",
            "--csv-id-column",
            "id",
            "--csv-title-column",
            "title",
        ],
        b"",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.ids(),
        ["csv-1", "csv-2", "csv-3", "csv-4", "csv-5"].map(Value::from)
    );
    assert_eq!(r.surfaces(0), ["Seoul", "Japan"]);
    assert_eq!(r.surfaces(1), ["North Korea"]);
    assert_eq!(r.errors().iter().map(|e| e.1).collect::<Vec<_>>(), [4]);
    assert_eq!(r.lines[3]["warnings"][0]["invalid_utf8"], 1);
    assert_eq!(r.surfaces(3), ["Pyongyang"]);
    assert!(r.surfaces(4).is_empty());
    // Without an id column the id is the record number; CSV on stdin.
    let r = run(&["--csv-text-column", "text"], &read("articles.csv"));
    assert_eq!(r.ids(), [1, 2, 3, 4, 5].map(Value::from));
    // A missing column is an input error.
    let r = run(&["articles.csv", "--csv-text-column", "body"], b"");
    assert_eq!(r.code, 1);
    assert!(r.lines.is_empty());
    assert!(r.stderr.contains("no column `body`"), "{}", r.stderr);
}

#[test]
fn directory_of_text_files() {
    let r = run(&["txtdir"], b"");
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Sorted, recursive, hidden and unknown files skipped, JSONL inside read.
    assert_eq!(
        r.ids(),
        [
            "txtdir/a.txt",
            "txtdir/b.txt",
            "txtdir/empty.txt",
            "txtdir/sub/c.txt",
            "d1",
            "d2"
        ]
        .map(Value::from)
    );
    assert_eq!(r.surfaces(0), ["Seoul", "Japan"]);
    assert_eq!(r.surfaces(1), ["Pyongyang"]);
    assert_eq!(r.lines[1]["warnings"][0]["invalid_utf8"], 1);
    assert!(r.surfaces(2).is_empty());
    assert_eq!(r.surfaces(3), ["North Korea"]);
    // A text file named directly.
    let r = run(&["txtdir/a.txt"], b"");
    assert_eq!(r.ids(), [Value::from("txtdir/a.txt")]);
}

#[test]
fn several_inputs_in_order() {
    let r = run(
        &["crlf.jsonl", "-", "txtdir/a.txt"],
        b"{\"id\":\"in\",\"text\":\"Seoul\"}\n",
    );
    assert_eq!(
        r.ids(),
        ["c1", "", "c3", "in", "txtdir/a.txt"].map(|s| if s.is_empty() {
            Value::Null
        } else {
            Value::from(s)
        })
    );
}

#[test]
fn field_selectors() {
    let input =
        b"{\"url\":\"https://x/1\",\"headline\":\"Seoul\",\"body\":\"Japan\",\"text\":\"China\"}\n";
    let r = run(
        &[
            "--text-field",
            "body",
            "--title-field",
            "headline",
            "--id-field",
            "url",
        ],
        input,
    );
    assert_eq!(r.ids(), [Value::from("https://x/1")]);
    assert_eq!(r.surfaces(0), ["Seoul", "Japan"]);
    assert_eq!(r.lines[0]["entities"][0]["field"], "title");
}

#[test]
fn big_input_in_many_batches_keeps_order() {
    // Lines of very different sizes, several batches, several threads: the
    // output is in input order and the same as with one thread.
    let mut input = String::new();
    for i in 0..3000 {
        let pad = "word ".repeat((i * 7919) % 400);
        input.push_str(&format!("{{\"id\":{i},\"text\":\"{pad}Seoul {i}\"}}\n"));
        if i % 500 == 0 {
            input.push_str("{broken\n");
        }
    }
    let args = ["--batch-lines", "97", "--batch-bytes", "100000"];
    let one = run(&[&args[..], &["--threads", "1"]].concat(), input.as_bytes());
    let four = run(&[&args[..], &["--threads", "4"]].concat(), input.as_bytes());
    assert_eq!(one.lines.len(), count_lines(input.as_bytes()));
    assert_eq!(one.lines, four.lines);
    let ids: Vec<i64> = one.lines.iter().filter_map(|l| l["id"].as_i64()).collect();
    assert_eq!(ids, (0..3000).collect::<Vec<_>>());
    assert_eq!(one.errors().len(), 6);
}

#[test]
fn lines_over_the_limit_are_error_records() {
    let long = format!(
        "{{\"id\":\"long\",\"text\":\"{}\"}}\n",
        "Seoul ".repeat(50_000)
    );
    let input =
        format!("{{\"id\":\"a\",\"text\":\"Japan\"}}\n{long}{{\"id\":\"b\",\"text\":\"China\"}}\n");
    let r = run(&["--max-doc-bytes", "100000"], input.as_bytes());
    assert_eq!(r.code, 0);
    assert_eq!(r.lines.len(), 3);
    assert_eq!(r.errors()[0].1, 2);
    assert!(r.errors()[0].2.starts_with("line too long"));
    assert_eq!(r.surfaces(2), ["China"]);
}

#[test]
fn fail_fast_stops_at_the_first_error() {
    let r = run(&["--fail-fast", "mixed.jsonl"], b"");
    assert_eq!(r.code, 1);
    assert_eq!(r.lines.len(), 3);
    assert_eq!(r.errors()[0].1, 3);
    assert!(r.stderr.contains("mixed.jsonl:3"), "{}", r.stderr);
}

#[test]
fn fail_fast_with_one_line_batches_writes_nothing_after_the_error() {
    // Batches are written while the next one is tagged: the ones tagged
    // after the error record must not reach the output.
    let mut input = String::new();
    for i in 0..40 {
        match i {
            7 => input.push_str("{broken\n"),
            _ => input.push_str(&format!("{{\"id\":{i},\"text\":\"Seoul {i}\"}}\n")),
        }
    }
    for threads in ["1", "2"] {
        let r = run(
            &["--fail-fast", "--batch-lines", "1", "--threads", threads],
            input.as_bytes(),
        );
        assert_eq!(r.code, 1);
        assert_eq!(r.lines.len(), 8, "threads {threads}");
        assert_eq!(r.errors()[0].1, 8);
        let ids: Vec<i64> = r.lines.iter().filter_map(|l| l["id"].as_i64()).collect();
        assert_eq!(ids, (0..7).collect::<Vec<_>>());
    }
}

#[test]
fn output_file_is_written_only_on_success() {
    let dir = fresh_temp_dir("binary-test");
    let out = dir.join("out.jsonl");
    let out_arg = out.to_str().expect("UTF-8 temp path");

    let r = run(&["crlf.jsonl", "--output", out_arg], b"");
    assert_eq!(r.code, 0);
    assert!(r.lines.is_empty(), "nothing on stdout with --output");
    let written = std::fs::read_to_string(&out).expect("output written");
    assert_eq!(written.lines().count(), 3);

    // A failed run leaves the previous file as it was, and no temp file.
    let r = run(&["--fail-fast", "mixed.jsonl", "--output", out_arg], b"");
    assert_eq!(r.code, 1);
    assert_eq!(std::fs::read_to_string(&out).expect("still there"), written);
    let new = dir.join("new.jsonl");
    let r = run(
        &[
            "--fail-fast",
            "mixed.jsonl",
            "-o",
            new.to_str().expect("UTF-8"),
        ],
        b"",
    );
    assert_eq!(r.code, 1);
    assert!(!new.exists());
    let names: Vec<_> = std::fs::read_dir(&dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["out.jsonl"]);
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

#[test]
fn usage_and_dictionary_errors_exit_2() {
    let r = run_default(&["no-such-file.jsonl"], b"");
    assert_eq!(r.code, 2);
    assert!(r.lines.is_empty());
    assert!(r.stderr.contains("no-such-file.jsonl"));
    let r = run_default(&["--dictionaries", "bad_dict"], b"");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("bad.jsonl:2"), "{}", r.stderr);
    let r = run_default(&["--no-builtin"], b"");
    assert_eq!(r.code, 2);
    let r = run_default(&["--threads"], b"");
    assert_eq!(r.code, 2);
    let r = run_default(&["--output", "no-such-dir/out.jsonl"], b"");
    assert_eq!(r.code, 2);
}

#[test]
fn extra_dictionaries() {
    let input = b"{\"text\":\"Acme opened an office in Seoul.\"}\n";
    let r = run_default(&["--dictionaries", "dict"], input);
    assert_eq!(r.surfaces(0), ["Acme", "Seoul"]);
    assert_eq!(r.lines[0]["entities"][0]["entity"], "org:acme");
    let r = run_default(&["--dictionaries", "dict", "--no-builtin"], input);
    assert_eq!(r.surfaces(0), ["Acme"]);
}

#[test]
fn summary_on_stderr_unless_quiet() {
    let r = run(&["mixed.jsonl"], b"");
    assert!(r.stderr.contains("18 documents"), "{}", r.stderr);
    assert!(r.stderr.contains("11 error lines"), "{}", r.stderr);
    assert!(r.stderr.contains("place "), "{}", r.stderr);
    let r = run(&["-q", "mixed.jsonl"], b"");
    assert_eq!(r.stderr, "");
}

#[test]
fn empty_input() {
    let r = run(&[], b"");
    assert_eq!(r.code, 0);
    assert!(r.lines.is_empty());
    let r = run(&[], b"\n");
    assert_eq!(r.lines.len(), 1);
    assert_eq!(r.errors()[0].2, "empty line");
}

/// Ctrl-C: the batch read so far is written, the summary printed, exit
/// code 130, and `--output` is not renamed into place.
#[cfg(unix)]
#[test]
fn interrupt_stops_cleanly() {
    use std::io::{BufRead, BufReader};

    let dir = fresh_temp_dir("binary-int");
    for with_output in [false, true] {
        let out = dir.join("out.jsonl");
        let mut cmd = Command::new(binary());
        cmd.current_dir(nasty("")).args(PLACES);
        if with_output {
            cmd.arg("--output").arg(&out);
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starts");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(b"{\"id\":1,\"text\":\"Seoul\"}\n")
            .expect("write");
        stdin.flush().expect("flush");
        if with_output {
            // Wait for the temporary file to appear.
            let start = std::time::Instant::now();
            while std::fs::read_dir(&dir).expect("list").count() == 0 {
                assert!(start.elapsed().as_secs() < 60);
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        } else {
            // The line is answered before more input comes.
            let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
            let mut line = String::new();
            stdout.read_line(&mut line).expect("read");
            assert!(line.contains("\"id\":1"), "{line}");
            child.stdout = Some(stdout.into_inner());
        }
        let killed = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let out_put = child.wait_with_output().expect("exits");
        drop(stdin);
        let stderr = String::from_utf8_lossy(&out_put.stderr);
        assert_eq!(out_put.status.code(), Some(130), "{stderr}");
        assert!(stderr.contains("(interrupted)"), "{stderr}");
        if with_output {
            assert_eq!(
                std::fs::read_dir(&dir).expect("list").count(),
                0,
                "no file left"
            );
        }
    }
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

/// `--output` naming a pipe (or a device such as `/dev/null`) writes into
/// it: renaming a temporary file over it would replace the pipe with a plain
/// file, and the reader would never see a line.
#[cfg(unix)]
#[test]
fn output_to_a_pipe_writes_into_the_pipe() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;

    let dir = fresh_temp_dir("binary-fifo");
    let fifo = dir.join("out.fifo");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    // The reader opens the pipe in its own thread: opening blocks until the
    // binary opens the other end. If the binary never does, the thread stays
    // blocked and the assertions below fail without waiting for it.
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::fs::File::open(reader_path)
            .and_then(|mut f| f.read_to_string(&mut text))
            .map(|_| text)
    });
    let fifo_arg = fifo.to_str().expect("utf-8 temp path");
    let r = run(&["crlf.jsonl", "--output", fifo_arg], b"");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type();
    assert!(kind.is_fifo(), "the pipe was replaced: {kind:?}");
    let text = reader.join().expect("reader").expect("read the pipe");
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.contains("Seoul"), "{text}");
    assert_eq!(
        std::fs::read_dir(&dir).expect("list").count(),
        1,
        "no temp left"
    );
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

#[test]
fn topics_are_scored_unless_turned_off() {
    let input = b"{\"id\":1,\"title\":\"Cup final\",\"text\":\"The striker scored twice as the club won the cup final. The coach praised the team and the goalkeeper after the match.\"}\n";
    let r = run_default(&[], input);
    let topics = r.lines[0]["topics"].as_array().expect("topics");
    assert!(!topics.is_empty(), "{:?}", r.lines[0]);
    assert!(topics
        .iter()
        .all(|t| t["id"].as_str().is_some_and(|id| id.starts_with("medtop:"))));
    let r = run_default(&["--no-topics"], input);
    assert_eq!(r.lines[0]["topics"], serde_json::json!([]));
}

#[test]
fn no_rules_tags_only_dictionary_names() {
    let input = b"{\"id\":1,\"text\":\"Defense Minister Borlan Quist met Mr. Smith in Seoul.\"}\n";
    let surfaces = |r: &Run| -> Vec<String> {
        let text = "Defense Minister Borlan Quist met Mr. Smith in Seoul.";
        let entities = r.lines[0]["entities"].as_array().expect("entities");
        entities
            .iter()
            .map(|e| {
                let (s, e) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
                text[s as usize..e as usize].to_string()
            })
            .collect()
    };
    let r = run_default(&["--no-topics"], input);
    assert_eq!(surfaces(&r), ["Borlan Quist", "Smith", "Seoul"]);
    let r = run_default(&["--no-topics", "--no-rules"], input);
    assert_eq!(surfaces(&r), ["Seoul"]);
    assert_eq!(r.code, 0);
}

/// Runs the binary in `tests/data/nasty` with `args`, feeding it `stdin`.
fn spawn(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(nasty(""))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The binary may stop reading early (--fail-fast): ignore EPIPE.
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("the binary runs");
    writer.join().expect("stdin writer");
    out
}

/// Runs the binary with the small test dictionary and returns its raw
/// stdout, for the output formats that are not JSON Lines.
fn run_raw(args: &[&str], stdin: &[u8]) -> (i32, String) {
    let out = spawn(&[&PLACES[..], args].concat(), stdin);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
    )
}

#[test]
fn output_formats_html_brat_and_explain() {
    let input = b"{\"id\": \"a<1>\", \"text\": \"Talks in Seoul and Paris.\"}\n{\"id\": 2, \"text\": \"Nothing here.\"}\n";
    // CoNLL: a -DOCSTART- block per document, the places tagged.
    let (code, conll) = run_raw(&["--format", "conll"], input);
    assert_eq!(code, 0);
    assert_eq!(conll.matches("-DOCSTART-").count(), 2);
    assert!(conll.contains("Seoul B-LOC\n"), "{conll}");
    // spaCy JSON: one object per input line, with char offsets.
    let (code, spacy) = run_raw(&["--format", "spacy"], input);
    assert_eq!(code, 0);
    let lines: Vec<Value> = spacy
        .lines()
        .map(|l| serde_json::from_str(l).expect("spaCy JSON"))
        .collect();
    assert_eq!(lines.len(), 2);
    let ent = &lines[0]["ents"][0];
    assert_eq!(
        (ent["start"].as_u64(), ent["end"].as_u64()),
        (Some(9), Some(14))
    );
    // HTML page and brat files beside the JSON Lines; --explain lists losers.
    let dir = fresh_temp_dir("formats");
    let page = dir.join("page.html");
    let brat = dir.join("brat");
    let r = run(
        &[
            "--html",
            page.to_str().expect("path"),
            "--brat-dir",
            brat.to_str().expect("path"),
            "--explain",
        ],
        input,
    );
    assert_eq!(r.code, 0);
    assert_eq!(r.lines.len(), 2);
    let html = std::fs::read_to_string(&page).expect("the page");
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    assert!(html.contains("a&lt;1&gt;") && !html.contains("a<1>"));
    assert_eq!(html.matches("<article class=\"doc\"").count(), 2);
    let mut files: Vec<String> = std::fs::read_dir(&brat)
        .expect("brat dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 4, "{files:?}");
    assert!(files[0].ends_with(".ann") && files[1].ends_with(".txt"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn explain_names_the_entity_a_rejected_candidate_would_have_named() {
    // Office holders share the short form "Smith": each rejected candidate
    // says whose it was.
    let r = run_default(
        &["--explain"],
        br#"{"id": "1", "text": "Hegseth and Smith said so."}"#,
    );
    assert_eq!(r.code, 0);
    let rejected = r.lines[0]["rejected"].as_array().expect("rejected");
    let entities = |alias: &str| -> Vec<&str> {
        rejected
            .iter()
            .filter(|x| x["alias"] == alias)
            .filter_map(|x| x["entity"].as_str())
            .collect()
    };
    assert_eq!(entities("Hegseth"), ["person:pete-hegseth"]);
    let smiths = entities("Smith");
    assert!(smiths.len() > 1 && smiths.iter().all(|e| e.starts_with("person:")));
    assert!(smiths.windows(2).all(|w| w[0] != w[1]), "{smiths:?}");
}
