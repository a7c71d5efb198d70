//! Every export format on the seed article, read back and compared with the
//! tagger's mentions; the HTML view checked for structure and escaping.

use std::collections::BTreeSet;

use gazetag::export::{brat, conll, html, spacy, Article, Entity, Topic};
use gazetag::{Field, Label, Overlap, Span, Tagger};

const SEED: &str = include_str!("data/seed_article.txt");

/// (byte start, byte end, label) of the seed's text mentions.
fn seed_mentions(tagger: &Tagger) -> Vec<(usize, usize, Label)> {
    let doc = tagger.tag(SEED);
    doc.mentions()
        .iter()
        .filter(|m| m.field == Field::Text)
        .map(|m| (m.span.start, m.span.end, m.label))
        .collect()
}

/// The mentions with overlaps removed the documented way: sorted by start,
/// longest first, and one that overlaps a kept one dropped.
fn outermost(mut v: Vec<(usize, usize, Label)>) -> Vec<(usize, usize, Label)> {
    v.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut kept: Vec<(usize, usize, Label)> = Vec::new();
    for m in v {
        if kept.last().is_none_or(|k| k.1 <= m.0) {
            kept.push(m);
        }
    }
    kept
}

fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

fn char_slice(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().collect()
}

#[test]
fn seed_has_entities_of_every_label_and_non_ascii_text() {
    let got: BTreeSet<Label> = seed_mentions(&Tagger::default())
        .into_iter()
        .map(|m| m.2)
        .collect();
    assert!(got.contains(&Label::Person) && got.contains(&Label::Place));
    assert!(got.contains(&Label::Nationality));
    // Char and byte offsets differ: the round trips below test both.
    assert!(!SEED.is_ascii());
}

// ---------------------------------------------------------------- CoNLL

/// Tokens (byte offsets), entity spans (byte offsets and type), sentence count.
type ConllRead = (Vec<(usize, usize)>, Vec<(usize, usize, String)>, usize);

/// Reads a CoNLL IOB2 document back: (tokens with byte offsets found by
/// searching the text, entity spans rebuilt from the tags, sentence count).
fn read_conll(text: &str, conll: &str) -> ConllRead {
    let mut lines = conll.lines();
    assert_eq!(lines.next(), Some("-DOCSTART- O"));
    assert_eq!(lines.next(), Some(""));
    let mut at = 0;
    let mut tokens = Vec::new();
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    let mut open: Option<(usize, usize, String)> = None;
    let mut sentences = 0;
    let mut in_sentence = false;
    for line in lines {
        if line.is_empty() {
            assert!(in_sentence, "two blank lines in a row");
            in_sentence = false;
            continue;
        }
        if !in_sentence {
            sentences += 1;
            in_sentence = true;
        }
        let (token, tag) = line.rsplit_once(' ').expect("two columns");
        assert!(!token.is_empty() && !token.contains(char::is_whitespace));
        let found = text[at..].find(token).expect("token in text") + at;
        assert!(
            text[at..found].chars().all(char::is_whitespace),
            "text skipped before {:?}: {:?}",
            token,
            &text[at..found]
        );
        let (s, e) = (found, found + token.len());
        at = e;
        tokens.push((s, e));
        match tag.split_once('-') {
            None => {
                assert_eq!(tag, "O");
                spans.extend(open.take());
            }
            Some(("B", ty)) => {
                spans.extend(open.take());
                open = Some((s, e, ty.to_string()));
            }
            Some(("I", ty)) => {
                let o = open.as_mut().expect("I- after B- or I-");
                assert_eq!(o.2, ty, "I- of another type");
                o.1 = e;
            }
            _ => panic!("bad tag {:?}", tag),
        }
    }
    spans.extend(open.take());
    assert!(
        !in_sentence,
        "the last sentence is not ended by a blank line"
    );
    assert!(text[at..].chars().all(char::is_whitespace));
    (tokens, spans, sentences)
}

#[test]
fn conll_round_trip() {
    let tagger = Tagger::default();
    let doc = tagger.tag(SEED);
    let article = Article::from_doc(&doc);
    let out = conll::to_string(&article);
    let (tokens, spans, sentences) = read_conll(SEED, &out);
    assert!(tokens.len() > 800, "{} tokens", tokens.len());
    assert!(sentences > 20, "{} sentences", sentences);
    let want: Vec<(usize, usize, String)> = outermost(seed_mentions(&tagger))
        .into_iter()
        .map(|(s, e, l)| (s, e, conll::entity_type(l).to_string()))
        .collect();
    assert_eq!(spans, want);
    // The token column with the tags is what `tokens` gives.
    assert_eq!(conll::tokens(&article).len(), tokens.len());
}

#[test]
fn conll_keeps_the_outermost_of_overlapping_mentions() {
    let tagger = Tagger::builder()
        .builtin_dictionaries()
        .overlap(Overlap::KeepAll)
        .build()
        .unwrap();
    let all = seed_mentions(&tagger);
    let kept = outermost(all.clone());
    assert!(
        kept.len() < all.len(),
        "KeepAll gave no overlaps on the seed"
    );
    let doc = tagger.tag(SEED);
    let (_, spans, _) = read_conll(SEED, &conll::to_string(&Article::from_doc(&doc)));
    let got: Vec<(usize, usize)> = spans.iter().map(|s| (s.0, s.1)).collect();
    let want: Vec<(usize, usize)> = kept.iter().map(|s| (s.0, s.1)).collect();
    assert_eq!(got, want);
}

// ---------------------------------------------------------------- brat

/// Reads an `.ann` file's text-bound annotations back against its `.txt`:
/// (type, fragments in chars), checking each text column.
fn read_ann(txt: &str, ann: &str) -> Vec<(String, Vec<(usize, usize)>)> {
    let chars: Vec<char> = txt.chars().collect();
    let mut out = Vec::new();
    for line in ann.lines() {
        let mut cols = line.splitn(3, '\t');
        let id = cols.next().unwrap();
        let middle = cols.next().expect("second column");
        let text = cols.next().expect("third column");
        match id.chars().next() {
            Some('T') => {
                let (ty, offsets) = middle.split_once(' ').unwrap();
                let frags: Vec<(usize, usize)> = offsets
                    .split(';')
                    .map(|f| {
                        let (s, e) = f.split_once(' ').unwrap();
                        (s.parse().unwrap(), e.parse().unwrap())
                    })
                    .collect();
                let sliced: Vec<String> = frags
                    .iter()
                    .map(|&(s, e)| char_slice(&chars, s, e))
                    .collect();
                for f in &sliced {
                    assert!(!f.contains('\n'), "fragment crosses a line: {:?}", f);
                }
                assert_eq!(sliced.join(" "), text, "{}", line);
                out.push((ty.to_string(), frags));
            }
            Some('#') => assert!(middle.starts_with("AnnotatorNotes T")),
            Some('N') => {
                assert!(middle.starts_with("Reference T") && middle.contains(" Wikidata:Q"))
            }
            _ => panic!("unexpected line {:?}", line),
        }
    }
    out
}

#[test]
fn brat_round_trip() {
    let tagger = Tagger::default();
    let doc = tagger.tag(SEED);
    let article = Article::from_doc(&doc).with_id("seed");
    let dir = std::env::temp_dir().join(format!("gazetag-brat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    brat::write_files(&dir, "seed", &article).unwrap();
    let txt = std::fs::read_to_string(dir.join("seed.txt")).unwrap();
    let ann = std::fs::read_to_string(dir.join("seed.ann")).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(txt, SEED);

    let got: Vec<(String, usize, usize)> = read_ann(&txt, &ann)
        .into_iter()
        .map(|(ty, frags)| (ty, frags[0].0, frags[frags.len() - 1].1))
        .collect();
    // Char offsets computed apart, by the output record.
    let record = doc.to_record(serde_json::Value::Null);
    let mut want: Vec<(String, usize, usize)> = record
        .entities
        .iter()
        .filter(|e| e.field == Field::Text)
        .map(|e| {
            (
                brat::entity_type(e.label).to_string(),
                e.char_start,
                e.char_end,
            )
        })
        .collect();
    want.sort_by_key(|w| (w.1, std::cmp::Reverse(w.2)));
    assert_eq!(got, want);
    // Every entity with a Wikidata id has its normalization line.
    let with_q = article
        .entities
        .iter()
        .filter(|e| e.wikidata.is_some())
        .count();
    assert!(with_q > 0);
    assert_eq!(ann.lines().filter(|l| l.starts_with('N')).count(), with_q);
}

#[test]
fn brat_keeps_overlaps_and_splits_at_line_breaks() {
    let text = "Talks: Pete\r\nHegseth, North Korea’s envoy.";
    let mut a = Article::new(text);
    let pete = text.find("Pete").unwrap();
    let nk = text.find("North").unwrap();
    a.entities.push(Entity::new(
        Span::from(pete..pete + 4 + 2 + 7),
        Label::Person,
    ));
    a.entities
        .push(Entity::new(Span::from(nk..nk + 11), Label::Place));
    a.entities
        .push(Entity::new(Span::from(nk + 6..nk + 11), Label::Place));
    let got = read_ann(text, &brat::ann(&a));
    assert_eq!(
        got,
        [
            ("Person".to_string(), vec![(7, 11), (13, 20)]),
            ("Place".to_string(), vec![(22, 33)]),
            ("Place".to_string(), vec![(28, 33)]),
        ]
    );
}

// ---------------------------------------------------------------- spaCy

#[test]
fn spacy_round_trip() {
    let tagger = Tagger::default();
    let doc = tagger.tag(SEED);
    let article = Article::from_doc(&doc).with_id("seed");
    let line = spacy::to_json(&article);
    assert!(!line.contains('\n'));
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(v["text"], SEED);
    assert_eq!(v["meta"]["id"], "seed");
    let chars: Vec<char> = SEED.chars().collect();
    let ents = v["ents"].as_array().unwrap();
    let want = outermost(seed_mentions(&tagger));
    assert_eq!(ents.len(), want.len());
    let mut last_end = 0;
    for (e, &(s, end, label)) in ents.iter().zip(&want) {
        let (cs, ce) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert!(cs >= last_end, "ents overlap or are out of order");
        last_end = ce;
        assert_eq!((cs, ce), (char_offset(SEED, s), char_offset(SEED, end)));
        assert_eq!(char_slice(&chars, cs, ce), SEED[s..end]);
        let l = e["label"].as_str().unwrap();
        let ok = match label {
            Label::Person => l == "PERSON",
            Label::Organization => l == "ORG",
            Label::Place => l == "GPE" || l == "LOC",
            Label::Nationality => l == "NORP",
            _ => false,
        };
        assert!(ok, "{:?} as {}", label, l);
        assert!(e["kb_id"].is_string());
    }
    assert!(ents.iter().any(|e| e["kb_url"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://www.wikidata.org/wiki/Q"))));
}

// ---------------------------------------------------------------- HTML

const VOID: &[&str] = &["meta"];
const ALLOWED: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "div", "span",
    "mark", "a", "article", "details", "summary", "table", "tr", "th", "td",
];

/// Checks that the page is made of allowed, balanced tags with well-quoted
/// attributes and text without `<` or `>`; returns the tags' names in order
/// (`/name` for end tags) and the attributes' values.
fn check_markup(page: &str) -> (Vec<String>, Vec<String>) {
    let body = page.strip_prefix("<!DOCTYPE html>\n").expect("doctype");
    let b = body.as_bytes();
    let mut tags = Vec::new();
    let mut values = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            assert_ne!(
                b[i],
                b'>',
                "stray '>' at {}: {:?}",
                i,
                &body[i.saturating_sub(40)..i + 1]
            );
            i += 1;
            continue;
        }
        i += 1;
        let end_tag = b[i] == b'/';
        if end_tag {
            i += 1;
        }
        let start = i;
        while b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let name = body[start..i].to_string();
        assert!(
            ALLOWED.contains(&name.as_str()),
            "tag <{}> at {}",
            name,
            start
        );
        // Attributes: name="value" pairs, nothing else.
        loop {
            while b[i] == b' ' {
                i += 1;
            }
            if b[i] == b'>' {
                i += 1;
                break;
            }
            let a = i;
            while b[i].is_ascii_alphanumeric() || b[i] == b'-' {
                i += 1;
            }
            assert!(i > a, "bad attribute in <{}> at {}", name, a);
            assert_eq!(&body[i..i + 2], "=\"", "unquoted attribute in <{}>", name);
            i += 2;
            let v = i;
            while b[i] != b'"' {
                assert!(
                    b[i] != b'<' && b[i] != b'>',
                    "'<' or '>' in an attribute value"
                );
                i += 1;
            }
            values.push(body[v..i].to_string());
            i += 1;
        }
        if end_tag {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.as_str()),
                "unbalanced </{}>",
                name
            );
            tags.push(format!("/{}", name));
        } else {
            if name == "style" {
                let close = body[i..].find("</style>").unwrap();
                i += close;
            }
            if !VOID.contains(&name.as_str()) {
                stack.push(name.clone());
            }
            tags.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {:?}", stack);
    (tags, values)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text shown in the `<div class="text">` of the first article, labels
/// left out, unescaped.
fn shown_text(page: &str) -> String {
    let start = page.find("<div class=\"text\">").unwrap() + "<div class=\"text\">".len();
    let end = start + page[start..].find("</div>").unwrap();
    let mut s = &page[start..end];
    let mut out = String::new();
    while let Some(lt) = s.find('<') {
        out.push_str(&s[..lt]);
        let rest = &s[lt..];
        let skip = if rest.starts_with("<span class=\"ent-label\">")
            || rest.starts_with("<span class=\"part-label\">")
            || rest.starts_with("<a class=\"ent-label\"")
        {
            let close = if rest.starts_with("<a") {
                "</a>"
            } else {
                "</span>"
            };
            rest.find(close).unwrap() + close.len()
        } else {
            rest.find('>').unwrap() + 1
        };
        s = &rest[skip..];
    }
    out.push_str(s);
    unescape(&out)
}

#[test]
fn html_of_the_seed_article() {
    let tagger = Tagger::default();
    let doc = tagger.tag(SEED);
    let article = Article::from_doc(&doc)
        .with_id("seed")
        .with_topics(vec![Topic::new("medtop:11000000", 0.82)]);
    let page = html::render("Seed article", std::slice::from_ref(&article));
    let (tags, values) = check_markup(&page);
    assert!(!tags
        .iter()
        .any(|t| t == "script" || t == "img" || t == "link"));

    // Every mention is wrapped, with its label's class.
    for label in Label::ALL {
        let n = seed_mentions(&tagger)
            .iter()
            .filter(|m| m.2 == label)
            .count();
        let marks = page
            .matches(&format!("<mark class=\"ent ent-{}\"", label.as_str()))
            .count();
        assert_eq!(marks, n, "{}", label.as_str());
    }
    // Each mark holds its surface.
    let hegseth = page.find(">Pete Hegseth<span class=\"ent-label\">person</span></mark>");
    assert!(hegseth.is_some());
    // The text shown is the article's text, unchanged.
    assert_eq!(shown_text(&page), SEED);
    // Details on hover, Wikidata links, topic bar.
    assert!(values.iter().any(|v| v.contains("person:pete-hegseth")));
    assert!(page.contains("href=\"https://www.wikidata.org/wiki/Q"));
    assert!(page.contains("style=\"width:82.0%\""));
    // The boilerplate is marked as such.
    assert!(page.contains("<span class=\"part part-boilerplate\""));
    // Nothing fetched: no src, no stylesheet link, no url().
    assert!(!page.contains("src=") && !page.contains("url("));
}

#[test]
fn html_escapes_everything() {
    const SCRIPT: &str = "<script>alert(1)</script>";
    const BREAK: &str = "\"><img src=x onerror=alert(1)>";
    let text = format!("Seoul {} & {} 'x' Tokyo", SCRIPT, BREAK);
    let title = format!("Title {}{}", SCRIPT, BREAK);
    let mut a = Article::new(&text)
        .with_title(&title)
        .with_id(format!("id{}", BREAK));
    let mut seoul = Entity::new(Span::from(0..5), Label::Place);
    seoul.name = Some(format!("name{}", BREAK));
    seoul.kind = Some(SCRIPT.to_string());
    seoul.id = Some(format!("place:{}", BREAK));
    seoul.wikidata = Some(format!("Q1{}", BREAK));
    seoul.evidence = format!("alias '{}'", BREAK);
    a.entities.push(seoul);
    // An entity over the injected markup itself.
    let at = text.find("<script>").unwrap();
    a.entities.push(Entity::new(
        Span::from(at..at + SCRIPT.len()),
        Label::Person,
    ));
    let mut in_title = Entity::new(Span::from(6..14), Label::Organization);
    in_title.field = Field::Title;
    a.entities.push(in_title);
    let mut topic = Topic::new(format!("medtop:{}", BREAK), 0.5);
    topic.name = Some(SCRIPT.to_string());
    let a = a.with_topics(vec![topic]);

    let page = html::render(&format!("Page {}", SCRIPT), &[a]);
    let (tags, values) = check_markup(&page);
    assert!(!tags.iter().any(|t| t == "script" || t == "img"));
    let lower = page.to_lowercase();
    assert!(!lower.contains("<script") && !lower.contains("<img"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    // The bad Wikidata id made no link.
    assert!(!page.contains("wikidata.org"));
    // Attribute values hold the escaped text and no raw quote.
    assert!(values.iter().any(|v| v.contains("name&quot;&gt;&lt;img")));
    assert!(values.iter().all(|v| !v.contains('"')));
    assert_eq!(shown_text(&page), text);
    assert_eq!(page.matches("<mark ").count(), 3);
}

#[test]
fn html_with_overlapping_mentions_is_well_formed() {
    let tagger = Tagger::builder()
        .builtin_dictionaries()
        .overlap(Overlap::KeepAll)
        .build()
        .unwrap();
    let doc = tagger.tag(SEED);
    let mut article = Article::from_doc(&doc);
    // A crossing entity too.
    let nk = SEED.find("North Korean threats").unwrap();
    article.entities.push(Entity::new(
        Span::from(nk + 6..nk + 20),
        Label::Organization,
    ));
    let page = html::render("KeepAll", &[article]);
    check_markup(&page);
    assert_eq!(shown_text(&page), SEED);
    assert!(page.contains("not highlighted: crosses another entity"));
}

#[test]
fn from_record_gives_the_same_exports() {
    let tagger = Tagger::default();
    let doc = tagger.tag(SEED);
    let record = doc.to_record(serde_json::json!("seed"));
    let from_record = Article::from_record(&record, "", SEED);
    let from_doc = Article::from_doc(&doc).with_id("seed");
    assert_eq!(conll::to_string(&from_record), conll::to_string(&from_doc));
    // Records have no Wikidata ids: compare the rest.
    fn strip<'a>(a: &Article<'a>) -> Article<'a> {
        let mut a = a.clone();
        for e in &mut a.entities {
            e.wikidata = None;
            e.evidence.clear();
        }
        a
    }
    assert_eq!(
        spacy::to_json(&strip(&from_record)),
        spacy::to_json(&strip(&from_doc))
    );
    assert_eq!(
        brat::ann(&strip(&from_record)),
        brat::ann(&strip(&from_doc))
    );
}

#[test]
fn html_shows_the_topics() {
    let doc = Tagger::default().tag(SEED);
    let scored = doc.topics();
    assert!(!scored.is_empty(), "the default tagger scores topics");
    let article = Article::from_doc(&doc);
    assert_eq!(article.topics.len(), scored.len());
    let page = html::render("Topics", &[article]);
    check_markup(&page);
    assert_eq!(page.matches("<div class=\"topic\"").count(), scored.len());
    let best = &scored[0];
    let bar = format!("style=\"width:{:.1}%\"", f64::from(best.score) * 100.0);
    assert!(page.contains(&bar), "{}", bar);
    assert!(page.contains(&format!("<span class=\"topic-name\">{}</span>", best.label)));
    // The evidence is in the hover text.
    assert!(page.contains("\nevidence: "));
}

#[test]
fn from_record_keeps_the_topics() {
    let doc = Tagger::default().tag(SEED);
    let record = doc.to_record(serde_json::json!(1));
    let from_record = Article::from_record(&record, "", SEED);
    let from_doc = Article::from_doc(&doc);
    assert!(!from_doc.topics.is_empty());
    assert_eq!(from_record.topics, from_doc.topics);
}
