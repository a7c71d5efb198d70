//! Unit tests of scoring on small hand-made models and synthetic hits.

use super::*;

const TAXONOMY: &str = r#"{"meta": {"source": "test", "license": "test", "generated_by": "hand"}}
{"id": "medtop:09000000", "label": "labor"}
{"id": "medtop:20000524", "label": "labor relations", "parent": "medtop:09000000"}
{"id": "medtop:20000529", "label": "labor dispute", "parent": "medtop:20000524"}
{"id": "medtop:20000530", "label": "labor strike", "parent": "medtop:20000529"}
{"id": "medtop:11000000", "label": "politics"}
{"id": "medtop:20000593", "label": "government", "parent": "medtop:11000000"}
{"id": "medtop:20000598", "label": "defense", "parent": "medtop:20000593"}
{"id": "medtop:20000638", "label": "international relations", "parent": "medtop:11000000"}
{"id": "medtop:20000639", "label": "diplomacy", "parent": "medtop:20000638"}
{"id": "medtop:15000000", "label": "sport"}
{"id": "medtop:16000000", "label": "conflict, war and peace"}
{"id": "medtop:20000056", "label": "armed conflict", "parent": "medtop:16000000"}
{"id": "medtop:20000062", "label": "war", "parent": "medtop:20000056"}
"#;

const EVIDENCE: &str = r#"{"topic": "medtop:20000639", "phrase": "diplomat", "weight": 3.0}
{"topic": "medtop:20000639", "phrase": "summit", "weight": 2.0}
{"topic": "medtop:20000530", "phrase": "strike", "weight": 3.0, "requires_any": ["union", "workers", "walkout"], "unless_any": ["air strike"]}
{"topic": "medtop:20000056", "phrase": "strike", "weight": 3.0, "requires_any": ["missile", "air strike", "drone"]}
{"topic": "medtop:15000000", "phrase": "strike", "weight": 1.0, "requires_any": ["goal", "striker"], "scope": "document"}
{"topic": "medtop:20000062", "phrase": "war", "weight": 3.0}
{"topic": "medtop:20000062", "phrase": "trade war", "weight": -3.0}
{"topic": "medtop:20000598", "phrase": "Pentagon", "weight": 3.0, "match": "capitalized"}
"#;

const ENTITIES: &str = r#"{"kind": "defense_ministry", "topic": "medtop:20000598", "weight": 3.0}
{"kind": "news_agency", "topic": null}
{"label": "organization", "topic": "medtop:20000593", "weight": 0.5}
{"pair": {"kinds": ["head_of_state", "foreign_minister"], "min_countries": 2}, "topic": "medtop:20000639", "weight": 3.0}
"#;

fn model() -> TopicModel {
    TopicModel::from_jsonl_strs(TAXONOMY, EVIDENCE, ENTITIES).unwrap()
}

fn run(model: &TopicModel, title: &str, text: &str, entities: &[EntityFact<'_>]) -> Vec<Topic> {
    let config = TopicConfig {
        threshold: 0.0,
        ..TopicConfig::default()
    };
    model.score_article(title, text, entities, &config)
}

fn score_of(topics: &[Topic], id: &str) -> f32 {
    topics.iter().find(|t| t.id == id).map_or(0.0, |t| t.score)
}

#[test]
fn rollup_reaches_every_ancestor() {
    let m = model();
    let topics = run(&m, "", "A diplomat arrived.", &[]);
    let ids: Vec<&str> = topics.iter().map(|t| t.id.as_str()).collect();
    // Ancestors first (equal scores, shallower first).
    assert_eq!(
        ids,
        ["medtop:11000000", "medtop:20000638", "medtop:20000639"]
    );
    assert_eq!(topics[0].score, topics[2].score);
    let ir = &topics[1];
    assert_eq!(ir.evidence.len(), 1);
    assert_eq!(ir.evidence[0].source, EvidenceSource::Rollup);
    assert_eq!(ir.evidence[0].text, "diplomacy");
    assert_eq!(ir.evidence[0].weight_added, 3.0);
}

#[test]
fn rollup_sums_children() {
    let m = model();
    let topics = run(&m, "", "A diplomat spoke. The Pentagon replied.", &[]);
    let politics = topics.iter().find(|t| t.id == "medtop:11000000").unwrap();
    let total: f32 = politics.evidence.iter().map(|e| e.weight_added).sum();
    assert_eq!(total, 6.0);
    assert!(politics.score > score_of(&topics, "medtop:20000639"));
}

#[test]
fn title_boost_counts_twice() {
    let m = model();
    let in_text = run(&m, "", "Summit.", &[]);
    let in_title = run(&m, "Summit", "", &[]);
    let id = "medtop:20000639";
    assert!(score_of(&in_title, id) > score_of(&in_text, id));
    let ev = &in_title.iter().find(|t| t.id == id).unwrap().evidence[0];
    assert!(ev.in_title);
    assert_eq!(ev.weight_added, 4.0);
}

#[test]
fn repeats_diminish() {
    let m = model();
    let topics = run(&m, "", "diplomat diplomat diplomat", &[]);
    let ev = &topics
        .iter()
        .find(|t| t.id == "medtop:20000639")
        .unwrap()
        .evidence[0];
    assert_eq!(ev.count, 3);
    assert!((ev.weight_added - 3.0 * (1.0 + 0.5 + 1.0 / 3.0)).abs() < 1e-5);
}

#[test]
fn strike_depends_on_context() {
    let m = model();
    let labor = "medtop:20000530";
    let armed = "medtop:20000056";
    let sport = "medtop:15000000";
    let t = run(&m, "", "The union called a strike.", &[]);
    assert!(score_of(&t, labor) > 0.0);
    assert_eq!(score_of(&t, armed), 0.0);
    let t = run(&m, "", "A missile strike hit the port.", &[]);
    assert_eq!(score_of(&t, labor), 0.0);
    assert!(score_of(&t, armed) > 0.0);
    // unless_any: "air strike" blocks labor even with "workers" nearby.
    let t = run(&m, "", "Workers died in an air strike.", &[]);
    assert_eq!(score_of(&t, labor), 0.0);
    assert!(score_of(&t, armed) > 0.0);
    // Context is per sentence by default...
    let t = run(&m, "", "The union met. A strike followed.", &[]);
    assert_eq!(score_of(&t, labor), 0.0);
    // ...or per document with scope "document".
    let t = run(&m, "", "He scored a goal. The strike was superb.", &[]);
    assert!(score_of(&t, sport) > 0.0);
}

/// Hits given out of order are scored as in order: their terms' hits are
/// linked again after they are sorted into sentence order.
#[test]
fn hits_out_of_order_score_as_in_order() {
    let m = model();
    let title = "Strike by workers";
    let text = "The union called a strike. A missile strike hit. Workers died in an air strike; \
                the union struck again, and a drone strike followed.";
    let (mut title_hits, mut text_hits) = (Vec::new(), Vec::new());
    m.find_phrases(title, &mut title_hits);
    m.find_phrases(text, &mut text_hits);
    let config = TopicConfig {
        threshold: 0.0,
        ..TopicConfig::default()
    };
    let input = TopicInput {
        title,
        text,
        title_hits: &title_hits,
        text_hits: &text_hits,
        entities: &[],
    };
    let in_order = m.score(&input, &config);
    assert!(score_of(&in_order, "medtop:20000530") > 0.0);
    assert!(score_of(&in_order, "medtop:20000056") > 0.0);
    let reversed: Vec<_> = text_hits.iter().rev().cloned().collect();
    let reversed = TopicInput {
        text_hits: &reversed,
        ..input
    };
    assert_eq!(m.score(&reversed, &config), in_order);
}

#[test]
fn negative_phrase_cancels() {
    let m = model();
    let t = run(&m, "", "The trade war hurt exporters.", &[]);
    assert_eq!(score_of(&t, "medtop:20000062"), 0.0);
    assert_eq!(score_of(&t, "medtop:16000000"), 0.0);
    let t = run(&m, "", "The war hurt exporters.", &[]);
    assert!(score_of(&t, "medtop:16000000") > 0.0);
}

#[test]
fn match_policy_is_respected() {
    let m = model();
    assert!(score_of(&run(&m, "", "The Pentagon said.", &[]), "medtop:20000598") > 0.0);
    assert_eq!(
        score_of(&run(&m, "", "a pentagon shape", &[]), "medtop:20000598"),
        0.0
    );
}

/// A phrase's evidence text is its surface in lower case, one record a
/// text and topic: whichever phrase matched it, and whether the text is a
/// phrase's own in lower case (named by its index in the model) or not
/// (found by hashing it, or interned for the document).
#[test]
fn evidence_texts_are_surfaces_in_lower_case_once_each() {
    let evidence = r#"{"topic": "medtop:20000639", "phrase": "peace talks", "weight": 1.0}
{"topic": "medtop:20000639", "phrase": "Peace Talks", "weight": 1.0, "match": "capitalized"}
{"topic": "medtop:20000639", "phrase": "peace  talks", "weight": 1.0}
"#;
    let m = TopicModel::from_jsonl_strs(TAXONOMY, evidence, "").unwrap();
    let text = "Peace Talks began. PEACE TALKS went on, then peace  talks, peace\ntalks.";
    let topics = run(&m, "", text, &[]);
    let diplomacy = topics.iter().find(|t| t.id == "medtop:20000639").unwrap();
    let records: Vec<(&str, u32)> = diplomacy
        .evidence
        .iter()
        .map(|e| (e.text.as_str(), e.count))
        .collect();
    // Each surface is matched by every phrase whose policy allows it: the
    // first two by all three, the others by the two of any case.
    assert_eq!(
        records,
        [("peace talks", 6), ("peace  talks", 2), ("peace\ntalks", 2)]
    );
}

#[test]
fn entity_rules_kind_label_pair() {
    let m = model();
    let facts = [
        EntityFact {
            label: Label::Organization,
            kind: "defense_ministry",
            country: Some("KR"),
            name: "Ministry of National Defense",
        },
        EntityFact {
            label: Label::Organization,
            kind: "news_agency",
            country: Some("KR"),
            name: "Yonhap",
        },
        EntityFact {
            label: Label::Organization,
            kind: "company",
            country: None,
            name: "Acme",
        },
        EntityFact {
            label: Label::Person,
            kind: "head_of_state",
            country: Some("KR"),
            name: "A",
        },
        EntityFact {
            label: Label::Person,
            kind: "foreign_minister",
            country: Some("US"),
            name: "B",
        },
    ];
    let t = run(&m, "", "", &facts);
    let defense = t.iter().find(|t| t.id == "medtop:20000598").unwrap();
    assert_eq!(defense.evidence[0].source, EvidenceSource::Entity);
    assert!(defense.evidence[0]
        .text
        .contains("Ministry of National Defense"));
    // "company" has no kind rule: the organization label fallback applies.
    let gov = t.iter().find(|t| t.id == "medtop:20000593").unwrap();
    assert!(gov.evidence.iter().any(|e| e.text.contains("Acme")));
    // news_agency: explicitly nothing, and not the label fallback either.
    assert!(!t
        .iter()
        .flat_map(|t| &t.evidence)
        .any(|e| e.text.contains("Yonhap")));
    assert!(score_of(&t, "medtop:20000639") > 0.0);
    // One country is not a pair.
    let t = run(&m, "", "", &facts[3..4]);
    assert_eq!(score_of(&t, "medtop:20000639"), 0.0);
    // A kind that only a pair rule names has no rules of its own: its
    // label's apply.
    let office = EntityFact {
        label: Label::Organization,
        kind: "head_of_state",
        country: Some("FR"),
        name: "Office of the President",
    };
    let t = run(&m, "", "", &[facts[3], office]);
    let gov = t.iter().find(|t| t.id == "medtop:20000593").unwrap();
    assert_eq!(
        gov.evidence[0].text,
        "organization: Office of the President (FR)"
    );
    let diplomacy = t.iter().find(|t| t.id == "medtop:20000639").unwrap();
    assert_eq!(
        diplomacy.evidence[0].text,
        "head_of_state/foreign_minister from FR, KR"
    );
}

#[test]
fn threshold_and_top_k() {
    let m = model();
    let text = "A diplomat spoke. The Pentagon replied. The war went on.";
    let all = run(&m, "", text, &[]);
    let some = m.score_article(
        "",
        text,
        &[],
        &TopicConfig {
            top_k: 2,
            threshold: 0.0,
            ..TopicConfig::default()
        },
    );
    assert_eq!(some.len(), 2);
    assert_eq!(some[..], all[..2]);
    let none = m.score_article(
        "",
        text,
        &[],
        &TopicConfig {
            threshold: 0.999,
            ..TopicConfig::default()
        },
    );
    assert!(none.is_empty());
}

#[test]
fn length_normalization() {
    let m = model();
    let short = run(&m, "", "A diplomat spoke.", &[]);
    let long_text = format!(
        "A diplomat spoke. {}",
        "Nothing happened here. ".repeat(200)
    );
    let long = run(&m, "", &long_text, &[]);
    let id = "medtop:20000639";
    assert!(score_of(&long, id) < score_of(&short, id));
}

#[test]
fn loader_errors_are_located() {
    let bad_json = TopicModel::from_jsonl_strs(TAXONOMY, "{\"topic\": ", "").unwrap_err();
    assert_eq!(bad_json.line(), Some(1));
    assert!(bad_json.to_string().starts_with("evidence.jsonl:1:"));
    let unknown_field = TopicModel::from_jsonl_strs(
        TAXONOMY,
        "",
        "\n{\"kind\": \"x\", \"topic\": \"medtop:15000000\", \"weight\": 1, \"colour\": 1}",
    )
    .unwrap_err();
    assert_eq!(unknown_field.line(), Some(2));
    assert!(unknown_field.to_string().contains("entity_topics.jsonl:2"));
    let bad_parent = TopicModel::from_jsonl_strs(
        "{\"id\": \"medtop:20000001\", \"label\": \"x\", \"parent\": \"medtop:20000002\"}",
        "",
        "",
    )
    .unwrap_err();
    assert!(bad_parent.to_string().contains("taxonomy.jsonl:1"));
    assert!(bad_parent.to_string().contains("unknown parent"));
    let bad_scope = TopicModel::from_jsonl_strs(TAXONOMY, "{\"topic\": \"medtop:15000000\", \"phrase\": \"goal\", \"weight\": 1, \"scope\": \"page\"}", "").unwrap_err();
    assert!(bad_scope.to_string().contains("entry 'goal'"));
    let both = TopicModel::from_jsonl_strs(
        TAXONOMY,
        "",
        "{\"kind\": \"x\", \"label\": \"person\", \"topic\": null}",
    )
    .unwrap_err();
    assert!(both.to_string().contains("exactly one"));
    let dir = TopicModel::from_dir("/nonexistent/topics").unwrap_err();
    assert!(dir.is_io());
}

#[test]
fn model_is_send_sync_and_cheap_to_clone() {
    fn assert_traits<T: Send + Sync + Clone + 'static>() {}
    assert_traits::<TopicModel>();
}

#[cfg(feature = "default-dictionaries")]
#[test]
fn builtin_loads_and_from_dir_agrees() {
    let builtin = TopicModel::builtin().unwrap();
    let dir =
        TopicModel::from_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/dictionaries/topics")).unwrap();
    assert_eq!(builtin.topic_count(), dir.topic_count());
    assert_eq!(builtin.rule_count(), dir.rule_count());
    assert_eq!(
        builtin.topics().filter(|t| t.parent().is_none()).count(),
        17
    );
}

#[cfg(feature = "default-dictionaries")]
#[test]
fn seed_article() {
    let model = TopicModel::builtin().unwrap();
    let article = include_str!("../../tests/data/seed_article.txt");
    let (title, text) = (
        "First Communication Between New South Korean Defense Minister and U.S. Counterpart",
        article,
    );
    // The tagger's entities, written by hand until it passes them itself.
    let entities = [
        EntityFact {
            label: Label::Person,
            kind: "defense_minister",
            country: Some("KR"),
            name: "Ahn Gyu-back",
        },
        EntityFact {
            label: Label::Person,
            kind: "defense_minister",
            country: Some("US"),
            name: "Pete Hegseth",
        },
        EntityFact {
            label: Label::Organization,
            kind: "defense_ministry",
            country: Some("KR"),
            name: "Ministry of National Defense",
        },
        EntityFact {
            label: Label::Place,
            kind: "country",
            country: Some("KR"),
            name: "South Korea",
        },
        EntityFact {
            label: Label::Place,
            kind: "country",
            country: Some("US"),
            name: "United States",
        },
        EntityFact {
            label: Label::Place,
            kind: "country",
            country: Some("KP"),
            name: "North Korea",
        },
        EntityFact {
            label: Label::Place,
            kind: "country",
            country: Some("CN"),
            name: "China",
        },
        EntityFact {
            label: Label::Place,
            kind: "country",
            country: Some("JP"),
            name: "Japan",
        },
    ];
    let topics = model.score_article(title, text, &entities, &TopicConfig::default());
    let top_levels: Vec<&str> = topics
        .iter()
        .filter(|t| model.topic(&t.id).is_some_and(|i| i.parent().is_none()))
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(
        top_levels.first(),
        Some(&"medtop:11000000"),
        "{:#?}",
        topics
    );
    let has = |id: &str| topics.iter().any(|t| t.id == id);
    assert!(has("medtop:20000598"), "defense missing: {:#?}", topics);
    assert!(has("medtop:20000639") || has("medtop:20000638"));
    // Every topic's top-level ancestor is present.
    for t in &topics {
        let top = model.topic(&t.id).unwrap().top_level();
        assert!(has(top), "{} without {}", t.id, top);
    }
    // Phrases alone (no entities) already put politics first.
    let phrases_only = model.score_article(title, text, &[], &TopicConfig::default());
    assert_eq!(phrases_only[0].id, "medtop:11000000");
}
