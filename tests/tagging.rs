//! Table-driven tagging tests: one dictionary, many (text, expected mentions)
//! cases, read from `tests/data/tagging_cases.json` and run under every
//! overlap policy where the policy cannot change the answer.

use gazetag::{Dictionary, Field, Overlap, Tagger};
use serde_json::Value;

fn tagger(overlap: Overlap) -> Tagger {
    let data: Value = serde_json::from_str(include_str!("data/tagging_cases.json")).unwrap();
    let lines: Vec<String> = data["dictionary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.to_string())
        .collect();
    let dict = Dictionary::from_jsonl_str("tagging_cases.json", &lines.join("\n")).unwrap();
    Tagger::builder()
        .dictionary(dict)
        .overlap(overlap)
        .build()
        .unwrap()
}

#[test]
fn cases() {
    let data: Value = serde_json::from_str(include_str!("data/tagging_cases.json")).unwrap();
    for overlap in [Overlap::LongestFirst, Overlap::LeftmostLongest] {
        let tagger = tagger(overlap);
        for case in data["cases"].as_array().unwrap() {
            let name = case["name"].as_str().unwrap();
            let text = case["text"].as_str().unwrap();
            let title = case["title"].as_str().unwrap_or("");
            let doc = tagger.tag_article(title, text);
            let got: Vec<Value> = doc
                .mentions()
                .iter()
                .map(|m| {
                    let mut row = vec![
                        Value::from(doc.surface(m)),
                        Value::from(m.label.as_str()),
                        doc.entity_id(m).map_or(Value::Null, Value::from),
                    ];
                    if m.field == Field::Title {
                        row.push(Value::from("title"));
                    }
                    // The span must slice the original text to the surface.
                    let field_text = doc.field_text(m.field);
                    assert!(field_text.is_char_boundary(m.span.start));
                    assert!(field_text.is_char_boundary(m.span.end));
                    Value::Array(row)
                })
                .collect();
            let want = case["expect"].as_array().unwrap();
            assert_eq!(&got, want, "case '{}' under {:?}", name, overlap);
        }
    }
}

#[test]
fn losers_stay_inspectable() {
    let tagger = tagger(Overlap::LongestFirst);
    let doc = tagger.tag("South Korean Hegseth");
    let reasons: Vec<&str> = doc.rejected().iter().map(|r| r.reason.as_str()).collect();
    assert!(reasons.contains(&"no_antecedent"), "{:?}", reasons);
}

#[test]
fn keep_all_keeps_overlaps() {
    let tagger = tagger(Overlap::KeepAll);
    let doc = tagger.tag("North Korea");
    let surfaces: Vec<&str> = doc.mentions().iter().map(|m| doc.surface(m)).collect();
    assert_eq!(surfaces, ["North Korea"]);
    let doc = tagger.tag("South Korean Peninsula");
    let surfaces: Vec<&str> = doc.mentions().iter().map(|m| doc.surface(m)).collect();
    assert_eq!(surfaces, ["South Korean", "Korean", "Korean Peninsula"]);
}
