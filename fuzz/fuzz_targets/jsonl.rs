//! The JSON Lines reader of the example binary `tag_articles`: every input
//! line, however malformed, becomes exactly one output line of valid JSON
//! (a record or an error record), and nothing panics.
#![no_main]

#[allow(dead_code)]
#[path = "../../examples/tag_articles/input.rs"]
mod input;
#[allow(dead_code)]
#[path = "../../examples/tag_articles/record.rs"]
mod record;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let tagger = gazetag::Tagger::default();
    let selector = record::Selector {
        text: "text".to_string(),
        title: "title".to_string(),
        id: "id".to_string(),
    };
    for (i, line) in data.split(|&b| b == b'\n').enumerate() {
        let item = input::Item {
            source: None,
            line: i as u64 + 1,
            bytes: line.len() as u64 + 1,
            body: input::Body::Json(line.to_vec()),
        };
        let outcome = record::process_with(&tagger, &selector, &record::Render::default(), item);
        assert_eq!(outcome.json.last(), Some(&b'\n'));
        assert_eq!(outcome.json.iter().filter(|&&b| b == b'\n').count(), 1);
        let value: serde_json::Value =
            serde_json::from_slice(&outcome.json).expect("every output line is JSON");
        assert!(value.is_object());
    }
});
