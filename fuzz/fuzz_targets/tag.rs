//! Tags arbitrary bytes (decoded lossily) as title and text with the built-in
//! tagger, and checks the invariants every output must hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The first line, if any, doubles as a title.
    let title = text.lines().next().unwrap_or("");
    let tagger = gazetag::Tagger::default();
    for doc in [tagger.tag(&text), tagger.tag_article(title, &text)] {
        for m in doc.mentions() {
            let field = doc.field_text(m.field);
            assert!(m.span.start < m.span.end);
            assert!(field.is_char_boundary(m.span.start) && field.is_char_boundary(m.span.end));
            assert_eq!(doc.surface(m), &field[m.span.range()]);
        }
        let record = doc.to_record(serde_json::Value::Null);
        serde_json::to_string(&record).expect("records serialize");
    }
});
