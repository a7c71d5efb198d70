//! Prints how long the built-in tagger takes to build, and its matcher size.
fn main() {
    let t0 = std::time::Instant::now();
    let tagger = gazetag::Tagger::default();
    let dt = t0.elapsed();
    let aliases: usize = tagger
        .dictionary()
        .entries()
        .iter()
        .map(|e| e.aliases.len())
        .sum();
    println!(
        "entries {} aliases {} build {:.3}s",
        tagger.dictionary().len(),
        aliases,
        dt.as_secs_f64()
    );
}
