//! Properties of the whole tagger over arbitrary input: it never panics, every
//! span lies on char boundaries and slices to its reported surface, and a
//! parallel batch equals tagging each document alone.

use gazetag::{Document, Tagger};
use proptest::prelude::*;

fn records(tagger: &Tagger, docs: &[(String, String)]) -> Vec<String> {
    docs.iter()
        .map(|d| {
            let doc = tagger.tag_article(d.title(), d.text());
            serde_json::to_string(&doc.to_record(serde_json::Value::Null)).unwrap()
        })
        .collect()
}

/// Text built from names the built-in dictionaries know, mixed with noise.
fn newsy() -> impl Strategy<Value = String> {
    let parts = prop::sample::select(vec![
        "South Korea",
        "North Korea’s",
        "U.S.",
        "US",
        "us",
        "Pete Hegseth",
        "Hegseth",
        "Ahn",
        "Ahn Gyu-back",
        "the Defense Ministry",
        "Pyongyang",
        "Korean Peninsula",
        "China",
        "china",
        "Japan",
        "NATO",
        ". ",
        ", ",
        "\n",
        "\n\n",
        " ",
        "é",
        "ß",
        "\u{0}",
        "서울",
        "CTA Image\n",
        "said",
        "the",
        "-",
        "’s",
    ]);
    prop::collection::vec(parts, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn spans_are_sound(text in prop_oneof![newsy(), "\\PC{0,200}", any::<String>()]) {
        let tagger = Tagger::default();
        let doc = tagger.tag(&text);
        let mut last = None;
        for m in doc.mentions() {
            prop_assert!(m.span.start < m.span.end);
            prop_assert!(text.is_char_boundary(m.span.start));
            prop_assert!(text.is_char_boundary(m.span.end));
            prop_assert_eq!(doc.surface(m), &text[m.span.range()]);
            let key = (m.field, m.span.start);
            prop_assert!(last.is_none_or(|l| l <= key));
            last = Some(key);
        }
        let record = doc.to_record(serde_json::Value::Null);
        for e in &record.entities {
            prop_assert_eq!(&text[e.start..e.end], e.text.as_str());
            prop_assert_eq!(text[..e.start].chars().count(), e.char_start);
            prop_assert_eq!(text[..e.end].chars().count(), e.char_end);
        }
    }

    #[test]
    fn serial_equals_parallel(docs in prop::collection::vec((newsy(), newsy()), 0..12)) {
        let tagger = Tagger::default();
        let serial = records(&tagger, &docs);
        let parallel: Vec<String> = tagger
            .tag_batch(&docs)
            .iter()
            .map(|d| serde_json::to_string(&d.to_record(serde_json::Value::Null)).unwrap())
            .collect();
        prop_assert_eq!(serial, parallel);
    }
}

#[test]
fn tagger_is_send_sync_clone() {
    fn assert_traits<T: Send + Sync + Clone + 'static>() {}
    assert_traits::<Tagger>();
    let tagger = Tagger::default();
    let clone = tagger.clone();
    let handle = std::thread::spawn(move || clone.tag("Seoul").mentions().len());
    assert_eq!(handle.join().unwrap(), tagger.tag("Seoul").mentions().len());
}
