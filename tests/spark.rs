//! The tagger run on Apache Spark (`examples/spark_tag.py`, `rdd.pipe`)
//! gives the same output, line for line and in order, as the plain run.
//!
//! Needs `python3` with `pyspark` and a Java runtime; without them the test
//! says so and passes, unless `GAZETAG_REQUIRE_SPARK=1` (set in CI), which
//! makes it fail instead. The tagger is the `tag_articles` example when it
//! is built, else the `jsonl_filter` example (both are built by `cargo
//! test`). The articles are the first 300 of
//! `../shared/bench/reuters21578.jsonl`, or generated ones when that file is
//! absent.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const ARTICLES: usize = 300;

fn missing_requirement() -> Option<String> {
    let python = Command::new("python3")
        .args(["-c", "import pyspark"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    match python {
        Ok(s) if s.success() => {}
        Ok(_) => return Some("pyspark is not installed (pip install pyspark)".to_string()),
        Err(e) => return Some(format!("python3 cannot be run: {}", e)),
    }
    let java = Command::new("java")
        .arg("-version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    match java {
        Ok(s) if s.success() => None,
        Ok(_) => Some("`java -version` failed".to_string()),
        Err(e) => Some(format!("java cannot be run: {}", e)),
    }
}

/// The example binary to run: `tag_articles` if built, else `jsonl_filter`.
fn tagger_binary() -> PathBuf {
    // This test runs from target/<profile>/deps/; examples are built into
    // target/<profile>/examples/.
    let exe = std::env::current_exe().expect("current exe");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>");
    let suffix = std::env::consts::EXE_SUFFIX;
    for name in ["tag_articles", "jsonl_filter"] {
        let path = profile_dir
            .join("examples")
            .join(format!("{}{}", name, suffix));
        if path.is_file() {
            return path;
        }
    }
    panic!(
        "no example binary in {}: run `cargo test` (which builds the examples) \
         or `cargo build --example jsonl_filter`",
        profile_dir.join("examples").display()
    );
}

/// The first lines of the Reuters bench file, or generated articles.
fn articles() -> String {
    let bench = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/reuters21578.jsonl");
    if let Ok(all) = std::fs::read_to_string(&bench) {
        let mut out = String::new();
        for line in all.lines().take(ARTICLES) {
            out.push_str(line);
            out.push('\n');
        }
        return out;
    }
    eprintln!("{} not found: generating articles", bench.display());
    let people = [
        "Pete Hegseth",
        "Ahn Gyu-back",
        "Emmanuel Macron",
        "Xi Jinping",
    ];
    let places = [
        "South Korea",
        "Pyongyang",
        "Paris",
        "Northeast Asia",
        "Ürümqi",
    ];
    let mut out = String::new();
    for i in 0..ARTICLES {
        let p = people[i % people.len()];
        let q = places[i % places.len()];
        let r = places[(i / 3) % places.len()];
        let text = format!(
            "{p} visited {q} on day {i}.\nThe South Korean and French delegations met \
             NATO officials in {r}; “{p}” said talks went well.\n\n{q} — {i}"
        );
        let article = serde_json::json!({"id": format!("gen-{}", i), "title": format!("{} in {}", p, q), "text": text});
        out.push_str(&article.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn spark_pipe_equals_plain_run() {
    if let Some(why) = missing_requirement() {
        if std::env::var_os("GAZETAG_REQUIRE_SPARK").is_some_and(|v| v == "1") {
            panic!("GAZETAG_REQUIRE_SPARK=1 but {}", why);
        }
        eprintln!("SKIPPED spark_pipe_equals_plain_run: {}", why);
        return;
    }
    let binary = tagger_binary();
    let dir = std::env::temp_dir().join(format!("gazetag-spark-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("articles.jsonl");
    let articles = articles();
    std::fs::write(&input, &articles).unwrap();

    // The plain run: the whole file through one process.
    let mut child = Command::new(&binary)
        .arg("--quiet")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feed = std::thread::spawn(move || stdin.write_all(articles.as_bytes()));
    let plain = child.wait_with_output().unwrap();
    feed.join().unwrap().unwrap();
    assert!(plain.status.success(), "{} failed", binary.display());
    let plain = String::from_utf8(plain.stdout).unwrap();

    // The Spark run: four partitions, one process each.
    let output = dir.join("tagged.jsonl");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/spark_tag.py");
    let spark = Command::new("python3")
        .arg(&script)
        .arg(&input)
        .arg(&output)
        .arg("--bin")
        .arg(&binary)
        .args(["--partitions", "4", "--master", "local[2]", "--check"])
        .output()
        .unwrap();
    assert!(
        spark.status.success(),
        "spark_tag.py failed:\n{}",
        String::from_utf8_lossy(&spark.stderr)
    );
    let stderr = String::from_utf8_lossy(&spark.stderr);
    assert!(stderr.contains("(4 partitions)"), "{}", stderr);
    let spark = std::fs::read_to_string(&output).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();

    let plain: Vec<&str> = plain.lines().collect();
    let spark: Vec<&str> = spark.lines().collect();
    assert_eq!(plain.len(), ARTICLES);
    assert_eq!(spark.len(), plain.len());
    for (i, (p, s)) in plain.iter().zip(&spark).enumerate() {
        assert_eq!(p, s, "line {} differs", i + 1);
    }
    // Entities were found, so the comparison is not of empty records.
    assert!(plain.iter().any(|l| l.contains("\"label\":\"place\"")));
}
