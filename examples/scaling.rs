//! Times the tagging of one huge document at several sizes, to check that
//! every stage is linear in the size of a document (no quadratic step).
//!
//! ```sh
//! cargo run --release --example scaling -- 10 50 100   # sizes in MB
//! ```
//!
//! The document repeats the seed article and a few hundred Reuters-style
//! sentences with names, short forms and boilerplate, so that every stage has
//! work to do. Prints MB, seconds, MB/s and mentions per size.

use std::time::Instant;

const SEED: &str = include_str!("../tests/data/seed_article.txt");

fn document(bytes: usize) -> String {
    let extra = "Georgia's defense ministry said on Monday. Reading and Nice. \
                 Mr. Smith, a spokesman for the Pentagon, met Gen. Kim in Seoul. \
                 Smith said the Defense Ministry ... NATO (North Atlantic Treaty \
                 Organization) and the EU. ";
    let mut doc = String::with_capacity(bytes + SEED.len());
    while doc.len() < bytes {
        doc.push_str(SEED);
        doc.push_str("\n\n");
        doc.push_str(extra);
        doc.push_str("\n\n");
    }
    doc
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10, 50, 100]
    } else {
        sizes
    };
    let tagger = gazetag::Tagger::default();
    println!(
        "{:>6} {:>8} {:>8} {:>10}",
        "MB", "seconds", "MB/s", "mentions"
    );
    for mb in sizes {
        let text = document(mb * 1_000_000);
        let t0 = Instant::now();
        let doc = tagger.tag(&text);
        let secs = t0.elapsed().as_secs_f64();
        println!(
            "{:>6} {:>8.2} {:>8.1} {:>10}",
            mb,
            secs,
            text.len() as f64 / 1e6 / secs,
            doc.mentions().len()
        );
    }
}
