//! The seed article, end to end, with the built-in dictionaries.

use std::collections::BTreeSet;

use gazetag::{EntityRef, Label, Tagger};

const SEED: &str = include_str!("data/seed_article.txt");

fn found(label: Label) -> BTreeSet<(String, String)> {
    let doc = Tagger::default().tag(SEED);
    doc.mentions()
        .iter()
        .filter(|m| m.label == label)
        .map(|m| {
            (
                doc.surface(m).to_string(),
                doc.entity_id(m).unwrap_or("-").to_string(),
            )
        })
        .collect()
}

#[test]
fn people_and_their_short_forms() {
    let people = found(Label::Person);
    for (surface, id) in [
        ("Ahn Gyu-back", "person:ahn-gyu-back"),
        ("Ahn", "person:ahn-gyu-back"),
        ("Pete Hegseth", "person:pete-hegseth"),
        ("Hegseth", "person:pete-hegseth"),
    ] {
        assert!(
            people.contains(&(surface.to_string(), id.to_string())),
            "{} missing from {:?}",
            surface,
            people
        );
    }
    assert!(
        people.iter().any(|(s, _)| s == "Ryan Bennett"),
        "the byline's person is missing: {:?}",
        people
    );
}

#[test]
fn every_short_form_in_the_body_is_linked() {
    let doc = Tagger::default().tag(SEED);
    let tagged: BTreeSet<usize> = doc
        .mentions()
        .iter()
        .filter(|m| m.label == Label::Person)
        .map(|m| m.span.start)
        .collect();
    let boilerplate_end = SEED.find("Why it matters").unwrap();
    for word in ["Ahn", "Hegseth"] {
        for (at, _) in SEED.match_indices(word) {
            if at < boilerplate_end {
                continue; // the teaser is boilerplate
            }
            let full_start = SEED[..at].ends_with("Pete ");
            let start = if full_start { at - 5 } else { at };
            assert!(tagged.contains(&start), "{} at {} is not tagged", word, at);
        }
    }
    // Every short form links to the first full mention of its entry.
    for m in doc.mentions() {
        if let gazetag::Evidence::ShortForm { antecedent, .. } = m.evidence {
            let a = &doc.mentions()[antecedent as usize];
            assert_eq!(a.entity, m.entity);
            assert!(a.span.start < m.span.start);
        }
    }
}

#[test]
fn places() {
    let places: BTreeSet<String> = found(Label::Place).into_iter().map(|(s, _)| s).collect();
    for want in [
        "South Korea",
        "North Korea",
        "United States",
        "U.S.",
        "China",
        "Japan",
        "Pyongyang",
        "Korean Peninsula",
        "Northeast Asia",
        "East Asia",
        "Boston",
    ] {
        assert!(places.contains(want), "{} missing from {:?}", want, places);
    }
    let ids: BTreeSet<String> = found(Label::Place).into_iter().map(|(_, id)| id).collect();
    assert!(ids.contains("place:country:US"));
}

#[test]
fn nationalities_link_to_their_countries() {
    let tagger = Tagger::default();
    let doc = tagger.tag(SEED);
    let mut seen = BTreeSet::new();
    for m in doc
        .mentions()
        .iter()
        .filter(|m| m.label == Label::Nationality)
    {
        let entry = doc.entry(m).expect("a nationality entry");
        seen.insert((
            doc.surface(m).to_string(),
            entry.details().refers_to.clone(),
        ));
    }
    for (surface, country) in [
        ("South Korean", "place:country:KR"),
        ("North Korean", "place:country:KP"),
        ("American", "place:country:US"),
    ] {
        assert!(
            seen.contains(&(surface.to_string(), Some(country.to_string()))),
            "{} -> {} missing from {:?}",
            surface,
            country,
            seen
        );
    }
}

#[test]
fn the_defense_ministry_is_south_koreas() {
    let orgs = found(Label::Organization);
    assert!(
        orgs.iter()
            .any(|(s, id)| s == "Defense Ministry" && id.starts_with("org:KR:")),
        "{:?}",
        orgs
    );
}

#[test]
fn nothing_in_boilerplate_and_no_false_friends() {
    let doc = Tagger::default().tag(SEED);
    let teaser = SEED
        .find("South Korean Defense Minister Ahn Gyu-back (pictured")
        .unwrap();
    let teaser_end = teaser + SEED[teaser..].find("...").unwrap();
    for m in doc.mentions() {
        let line_start = SEED[..m.span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = SEED[m.span.start..]
            .find('\n')
            .map_or(SEED.len(), |i| m.span.start + i);
        let line = &SEED[line_start..line_end];
        assert!(!line.contains("CTA Image") && !line.contains("News Image"));
        assert!(
            !(teaser..teaser_end).contains(&m.span.start),
            "{:?} tagged in the truncated teaser",
            doc.surface(m)
        );
        assert_ne!(doc.surface(m), "Defense");
        assert_ne!(doc.surface(m), "U.S. Counterpart");
        assert!(!matches!(m.entity, EntityRef::Ambiguous(_)) || m.label != Label::Person);
    }
}
