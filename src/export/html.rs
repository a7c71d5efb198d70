/*!
A highlighted view of tagged articles: one self-contained HTML page, the
way spaCy's displaCy shows entities, with links and topics.

Each article is shown with its title and text, every entity highlighted in
its label's colour with the label after it, and details on hover (the
`title` attribute: canonical name, kind, id and evidence). An entity with a
Wikidata id links to its Wikidata page from its label. Topics, when the
article has any, are shown as score bars, and a folded table lists every
entity. A legend of the labels heads the page. When the article's
[parts](crate::segment::parts) are known, the section, title, byline and
dateline of a raw article dump are set apart and its boilerplate is greyed
out and marked (it is never tagged).

**Self-contained.** Styles are inline; the page has no script and fetches
nothing (a Content-Security-Policy `default-src 'none'` says so to the
browser as well). Links are only followed when clicked.

**Escaped.** Every piece of text that comes from an article (text, title,
id, names, kinds, evidence, topic names) goes through [`escape`], so it can
never open a tag or leave an attribute. Wikidata links are made only from
well-formed ids ([`Entity::wikidata_url`](crate::export::Entity::wikidata_url)).

**Overlaps.** An entity inside another is highlighted inside it (nested,
with a border). An entity that crosses another (starts inside it and ends
after it) cannot be nested and is not highlighted; it is still listed in
the table, marked "not highlighted". An entity that crosses the edge of a
part is not highlighted either.

# Example

```
use gazetag::export::{html, Article};
use gazetag::Tagger;

let tagger = Tagger::default();
let doc = tagger.tag("Pete Hegseth called Seoul. <b>bold</b>");
let page = html::render("Calls", &[Article::from_doc(&doc)]);
assert!(page.starts_with("<!DOCTYPE html>"));
assert!(page.contains(r#"<mark class="ent ent-person""#));
assert!(page.contains("&lt;b&gt;bold&lt;/b&gt;"));
assert!(!page.contains("<b>"));
```
*/

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

use crate::doc::Field;
use crate::export::{Article, Entity};
use crate::segment::{Part, PartKind};
use crate::Label;

/// The colour of a label's highlight (displaCy's colours for the matching
/// spaCy labels).
///
/// # Example
///
/// ```
/// use gazetag::export::html::label_colour;
/// use gazetag::Label;
/// assert_eq!(label_colour(Label::Person), "#aa9cfc");
/// ```
pub fn label_colour(label: Label) -> &'static str {
    match label {
        Label::Person => "#aa9cfc",
        Label::Organization => "#7aecec",
        Label::Place => "#feca74",
        Label::Nationality => "#c887fb",
    }
}

/// Escapes text for HTML, in element content and in quoted attribute
/// values alike: `&`, `<`, `>`, `"` and `'` become character references,
/// and NUL and other control characters (but tab, line feed and carriage
/// return) become U+FFFD. Text with none of them is borrowed.
///
/// # Example
///
/// ```
/// use gazetag::export::html::escape;
/// assert_eq!(escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
/// assert_eq!(escape(r#""><img src=x onerror='a&b'>"#),
///            "&quot;&gt;&lt;img src=x onerror=&#39;a&amp;b&#39;&gt;");
/// assert!(matches!(escape("Seoul"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn escape(s: &str) -> Cow<'_, str> {
    let needs = |c: char| {
        matches!(c, '&' | '<' | '>' | '"' | '\'')
            || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    };
    if !s.contains(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Renders articles as one HTML page (see the module docs).
///
/// # Example
///
/// ```
/// use gazetag::export::{html, Article, Entity, Topic};
/// use gazetag::{Label, Span};
///
/// let mut a = Article::new("Talks in Seoul.").with_title("Seoul & Tokyo");
/// a.entities.push(Entity::new(Span::from(9..14), Label::Place));
/// let a = a.with_topics(vec![Topic::new("medtop:11000000", 0.75)]);
/// let page = html::render("Two <articles>", &[a, Article::new("Nothing.")]);
/// assert!(page.contains("<title>Two &lt;articles&gt;</title>"));
/// assert!(page.contains("Seoul &amp; Tokyo"));
/// assert!(page.contains(r#"style="width:75.0%""#));
/// assert_eq!(page.matches("<article ").count(), 2);
/// ```
pub fn render(page_title: &str, articles: &[Article<'_>]) -> String {
    let mut out = String::new();
    out.push_str(&head(page_title));
    for (i, a) in articles.iter().enumerate() {
        out.push_str(&article(i + 1, a));
    }
    out.push_str(FOOT);
    out
}

/// Writes an HTML page one article at a time, for more articles than fit in
/// memory at once: [`Writer::new`] writes the head of the page,
/// [`Writer::article`] each article, and [`Writer::finish`] the end.
///
/// # Example
///
/// ```
/// use gazetag::export::{html, Article};
///
/// let mut w = html::Writer::new(Vec::new(), "Dump")?;
/// for text in ["One.", "Two."] {
///     w.article(&Article::new(text))?;
/// }
/// let page = String::from_utf8(w.finish()?).unwrap();
/// assert_eq!(page, html::render("Dump", &[Article::new("One."), Article::new("Two.")]));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct Writer<W: io::Write> {
    wtr: W,
    count: usize,
}

impl<W: io::Write> Writer<W> {
    /// Starts a page with the given title.
    ///
    /// # Errors
    ///
    /// Only the writer's errors.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::html;
    /// let w = html::Writer::new(Vec::new(), "Empty")?;
    /// assert!(String::from_utf8(w.finish()?).unwrap().ends_with("</html>\n"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(mut wtr: W, page_title: &str) -> io::Result<Writer<W>> {
        wtr.write_all(head(page_title).as_bytes())?;
        Ok(Writer { wtr, count: 0 })
    }

    /// Writes one article.
    ///
    /// # Errors
    ///
    /// Only the writer's errors.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::{html, Article};
    /// let mut w = html::Writer::new(Vec::new(), "One")?;
    /// w.article(&Article::new("Text.").with_id("a<1>"))?;
    /// let page = String::from_utf8(w.finish()?).unwrap();
    /// assert!(page.contains(r#"<article class="doc" id="doc-1">"#));
    /// assert!(page.contains("a&lt;1&gt;"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn article(&mut self, article: &Article<'_>) -> io::Result<()> {
        self.count += 1;
        self.wtr
            .write_all(self::article(self.count, article).as_bytes())
    }

    /// Writes an article already rendered by [`article_html`] (for
    /// programs that render in parallel and write in order).
    ///
    /// # Errors
    ///
    /// Only the writer's errors.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::{html, Article};
    /// let mut w = html::Writer::new(Vec::new(), "Dump")?;
    /// w.rendered(&html::article_html(1, &Article::new("One.")))?;
    /// let page = String::from_utf8(w.finish()?).unwrap();
    /// assert_eq!(page, html::render("Dump", &[Article::new("One.")]));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn rendered(&mut self, fragment: &str) -> io::Result<()> {
        self.count += 1;
        self.wtr.write_all(fragment.as_bytes())
    }

    /// Ends the page and returns the writer, flushed.
    ///
    /// # Errors
    ///
    /// Only the writer's errors.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::export::html;
    /// let out = html::Writer::new(Vec::new(), "x")?.finish()?;
    /// assert!(out.starts_with(b"<!DOCTYPE html>"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn finish(mut self) -> io::Result<W> {
        self.wtr.write_all(FOOT.as_bytes())?;
        self.wtr.flush()?;
        Ok(self.wtr)
    }
}

const STYLE: &str = "\
body{font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;\
margin:0 auto;max-width:60em;padding:1em 1.5em;color:#222;background:#fff}\
header{border-bottom:1px solid #ddd;margin-bottom:1em}\
h1{font-size:1.5em;margin:.3em 0}\
.legend{margin:.6em 0 1em}\
.legend .ent{margin-right:.6em}\
.summary{color:#666;font-size:.9em}\
article.doc{border:1px solid #e4e4e4;border-radius:.4em;padding:.6em 1.2em;margin:1.2em 0}\
article.doc h2{font-size:1.25em;line-height:1.9;margin:.3em 0}\
.doc-id{color:#888;font-size:.8em;font-family:monospace}\
.text{white-space:pre-wrap;line-height:2.1;font-size:1em}\
.ent{padding:.15em .35em;margin:0 .1em;border-radius:.35em;\
-webkit-box-decoration-break:clone;box-decoration-break:clone}\
.ent .ent{border:1px solid rgba(0,0,0,.4)}\
.ent-label{font-size:.62em;font-weight:bold;text-transform:uppercase;letter-spacing:.03em;\
margin-left:.4em;vertical-align:middle;color:#333;text-decoration:none}\
a.ent-label{border-bottom:1px dotted #333}\
.ent-person{background:#aa9cfc}.ent-organization{background:#7aecec}\
.ent-place{background:#feca74}.ent-nationality{background:#c887fb}\
.topics{margin:.5em 0;font-size:.85em}\
.topic{display:flex;align-items:center;gap:.6em;margin:.15em 0}\
.topic-name{width:19em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}\
.bar{flex:0 0 14em;height:.8em;background:#eee;border-radius:.4em;overflow:hidden}\
.bar span{display:block;height:100%;background:#4c8bf5}\
.score{font-family:monospace;color:#555}\
details{margin:.6em 0;font-size:.85em}\
table{border-collapse:collapse;margin-top:.4em}\
td,th{border-bottom:1px solid #eee;padding:.2em .5em;text-align:left;vertical-align:top}\
.muted{color:#999}\
.part-section{font-variant:small-caps;color:#777}\
.part-title{font-weight:bold;font-size:1.1em}\
.part-byline,.part-dateline{color:#555;font-size:.92em}\
.part-boilerplate{color:#aaa}\
.part-label{font-size:.62em;font-weight:bold;text-transform:uppercase;color:#999;\
border:1px solid #ccc;border-radius:.3em;padding:0 .3em;margin-right:.4em;vertical-align:middle}\
";

/// The start of the page, up to and including the legend.
fn head(page_title: &str) -> String {
    let title = escape(page_title);
    let mut out = String::with_capacity(STYLE.len() + 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", title);
    let _ = writeln!(out, "<style>{}</style>\n</head>\n<body>", STYLE);
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", title);
    out.push_str("<div class=\"legend\">");
    for label in Label::ALL {
        let _ = write!(
            out,
            "<span class=\"ent ent-{l}\">{l}</span>",
            l = label.as_str()
        );
    }
    out.push_str("</div>\n");
    let _ = writeln!(
        out,
        "<p class=\"summary\">Tagged by gazetag {}. Hover over an entity for its \
         canonical name, kind, id and evidence; a linked label opens its Wikidata page.</p>\n</header>",
        env!("CARGO_PKG_VERSION")
    );
    out
}

const FOOT: &str = "</body>\n</html>\n";

/// One article's `<article>` element, numbered `n` (its HTML id is
/// `doc-n`), to be written with [`Writer::rendered`].
///
/// # Example
///
/// ```
/// use gazetag::export::{html, Article};
/// let fragment = html::article_html(7, &Article::new("<b>"));
/// assert!(fragment.starts_with(r#"<article class="doc" id="doc-7">"#));
/// assert!(fragment.contains("&lt;b&gt;"));
/// ```
pub fn article_html(n: usize, a: &Article<'_>) -> String {
    article(n, a)
}

/// One article's `<article>` element.
fn article(n: usize, a: &Article<'_>) -> String {
    let mut out = String::with_capacity(a.text.len() * 2 + 1024);
    let _ = writeln!(out, "<article class=\"doc\" id=\"doc-{}\">", n);
    let mut hidden: Vec<&Entity> = Vec::new();
    if !a.title.is_empty() {
        out.push_str("<h2>");
        hidden.extend(marked(&mut out, a, Field::Title));
        out.push_str("</h2>\n");
    }
    if let Some(id) = &a.id {
        let _ = writeln!(out, "<div class=\"doc-id\">{}</div>", escape(id));
    }
    if !a.topics.is_empty() {
        out.push_str("<div class=\"topics\">\n");
        for t in &a.topics {
            let score = if t.score.is_finite() {
                t.score.clamp(0.0, 1.0)
            } else {
                0.0
            };
            let name = t.name.as_deref().unwrap_or(&t.id);
            let mut hover = t.id.clone();
            if !t.evidence.is_empty() {
                hover.push_str("\nevidence: ");
                hover.push_str(&t.evidence);
            }
            let _ = writeln!(
                out,
                "<div class=\"topic\" title=\"{hover}\"><span class=\"topic-name\">{name}</span>\
                 <span class=\"bar\"><span style=\"width:{w:.1}%\"></span></span>\
                 <span class=\"score\">{s:.2}</span></div>",
                hover = escape(&hover),
                name = escape(name),
                w = score * 100.0,
                s = score,
            );
        }
        out.push_str("</div>\n");
    }
    out.push_str("<div class=\"text\">");
    hidden.extend(marked(&mut out, a, Field::Text));
    out.push_str("</div>\n");
    table(&mut out, a, &hidden);
    out.push_str("</article>\n");
    out
}

/// Something shown around a piece of a field's text: an article part or an
/// entity.
#[derive(Clone, Copy)]
enum Node<'e> {
    Part(&'e Part),
    Entity(&'e Entity),
}

impl Node<'_> {
    fn span(self) -> (usize, usize) {
        match self {
            Node::Part(p) => (p.span.start, p.span.end),
            Node::Entity(e) => (e.span.start, e.span.end),
        }
    }
}

/// Writes a field's text, escaped, with its parts (text field only) and
/// entities marked; returns the entities that could not be nested.
fn marked<'e>(out: &mut String, a: &'e Article<'_>, field: Field) -> Vec<&'e Entity> {
    let text = a.field_text(field);
    let mut nodes: Vec<Node<'e>> = Vec::new();
    if field == Field::Text {
        nodes.extend(
            a.parts
                .iter()
                .filter(|p| {
                    p.kind != PartKind::Body
                        && p.span.start < p.span.end
                        && text.get(p.span.clone()).is_some()
                })
                .map(Node::Part),
        );
    }
    nodes.extend(a.sorted(field).into_iter().map(Node::Entity));
    // Parts first at the same span: they are the outer element.
    nodes.sort_by_key(|n| {
        let (s, e) = n.span();
        (s, std::cmp::Reverse(e), matches!(n, Node::Entity(_)))
    });
    let mut hidden = Vec::new();
    let mut open: Vec<Node<'e>> = Vec::new();
    let mut at = 0;
    for node in nodes {
        let (start, end) = node.span();
        while let Some(&top) = open.last() {
            let top_end = top.span().1;
            if top_end > start {
                break;
            }
            out.push_str(&escape(&text[at..top_end]));
            at = top_end;
            close(out, top);
            open.pop();
        }
        if open.last().is_some_and(|top| end > top.span().1) {
            if let Node::Entity(e) = node {
                hidden.push(e);
            }
            continue;
        }
        out.push_str(&escape(&text[at..start]));
        at = start;
        open_node(out, node);
        open.push(node);
    }
    while let Some(top) = open.pop() {
        let top_end = top.span().1;
        out.push_str(&escape(&text[at..top_end]));
        at = top_end;
        close(out, top);
    }
    out.push_str(&escape(&text[at..]));
    hidden
}

/// The hover text of an entity: name, label and kind, id, evidence.
fn details(e: &Entity) -> String {
    let mut lines = Vec::new();
    if let Some(name) = &e.name {
        lines.push(name.clone());
    }
    match &e.kind {
        Some(kind) => lines.push(format!("{} · {}", e.label.as_str(), kind)),
        None => lines.push(e.label.as_str().to_string()),
    }
    if let Some(id) = &e.id {
        lines.push(id.clone());
    }
    if let Some(q) = &e.wikidata {
        lines.push(format!("Wikidata {}", q));
    }
    if !e.evidence.is_empty() {
        lines.push(format!("evidence: {}", e.evidence));
    }
    lines.join("\n")
}

fn open_node(out: &mut String, node: Node<'_>) {
    match node {
        Node::Entity(e) => {
            let _ = write!(
                out,
                "<mark class=\"ent ent-{}\" title=\"{}\">",
                e.label.as_str(),
                escape(&details(e))
            );
        }
        Node::Part(p) if p.kind == PartKind::Boilerplate => {
            out.push_str(
                "<span class=\"part part-boilerplate\" title=\"boilerplate: not tagged\">\
                 <span class=\"part-label\">boilerplate</span>",
            );
        }
        Node::Part(p) => {
            let _ = write!(
                out,
                "<span class=\"part part-{k}\" title=\"{k}\">",
                k = p.kind.as_str()
            );
        }
    }
}

fn close(out: &mut String, node: Node<'_>) {
    let e = match node {
        Node::Entity(e) => e,
        Node::Part(_) => {
            out.push_str("</span>");
            return;
        }
    };
    match e.wikidata_url() {
        Some(url) => {
            let _ = write!(
                out,
                "<a class=\"ent-label\" href=\"{}\">{}</a></mark>",
                escape(&url),
                e.label.as_str()
            );
        }
        None => {
            let _ = write!(
                out,
                "<span class=\"ent-label\">{}</span></mark>",
                e.label.as_str()
            );
        }
    }
}

/// The folded table of every entity of the article.
fn table(out: &mut String, a: &Article<'_>, hidden: &[&Entity]) {
    let mut all: Vec<&Entity> = a.sorted(Field::Title);
    all.extend(a.sorted(Field::Text));
    if all.is_empty() {
        out.push_str("<p class=\"muted\">No entities.</p>\n");
        return;
    }
    let _ = writeln!(
        out,
        "<details><summary>{} entities</summary>\n<table>\n<tr><th>text</th><th>label</th>\
         <th>name</th><th>kind</th><th>id</th><th>evidence</th></tr>",
        all.len()
    );
    for e in all {
        let surface = a.surface(e).unwrap_or("");
        let id = e.id.as_deref().unwrap_or("");
        let id_cell = match e.wikidata_url() {
            Some(url) => format!("<a href=\"{}\">{}</a>", escape(&url), escape(id)),
            None => escape(id).into_owned(),
        };
        let mut note = escape(&e.evidence).into_owned();
        if e.field == Field::Title {
            note.push_str(" <span class=\"muted\">(title)</span>");
        }
        if hidden.iter().any(|h| std::ptr::eq(*h, e)) {
            note.push_str(
                " <span class=\"muted\">(not highlighted: crosses another entity)</span>",
            );
        }
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td><span class=\"ent ent-{l}\">{l}</span></td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(surface),
            escape(e.name.as_deref().unwrap_or("")),
            escape(e.kind.as_deref().unwrap_or("")),
            id_cell,
            note,
            l = e.label.as_str(),
        );
    }
    out.push_str("</table>\n</details>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn ent(s: usize, e: usize, label: Label) -> Entity {
        Entity::new(Span::from(s..e), label)
    }

    #[test]
    fn escape_table() {
        let cases = [
            ("", ""),
            ("plain", "plain"),
            ("a & b", "a &amp; b"),
            ("'\"", "&#39;&quot;"),
            ("\0x\u{7}\n\t", "\u{FFFD}x\u{FFFD}\n\t"),
            ("서울 &lt;", "서울 &amp;lt;"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "input: {:?}", input);
        }
    }

    #[test]
    fn nested_and_crossing() {
        let mut a = Article::new("North Korea and South Korea");
        a.entities.push(ent(0, 11, Label::Place));
        a.entities.push(ent(6, 11, Label::Place));
        a.entities.push(ent(10, 20, Label::Person)); // crosses
        a.entities.push(ent(16, 27, Label::Place));
        let mut out = String::new();
        let hidden = marked(&mut out, &a, Field::Text);
        assert_eq!(hidden.len(), 1);
        assert_eq!(hidden[0].span, Span::from(10..20));
        assert_eq!(out.matches("<mark ").count(), 3);
        assert_eq!(out.matches("</mark>").count(), 3);
        assert!(out.starts_with("<mark class=\"ent ent-place\" title=\"place\">North <mark "));
        assert!(out.contains(
            "Korea<span class=\"ent-label\">place</span></mark>\
             <span class=\"ent-label\">place</span></mark> and <mark"
        ));
    }

    #[test]
    fn parts_wrap_entities() {
        let text = "Politics\n\nPete Hegseth\nEditor\n\nSeoul said.\nCTA Image\nCTA Image";
        let mut a = Article::new(text).with_parts(crate::segment::parts(text));
        assert!(a.parts.iter().any(|p| p.kind == PartKind::Boilerplate));
        a.entities.push(ent(10, 22, Label::Person));
        a.entities.push(ent(31, 36, Label::Place));
        a.entities.push(ent(5, 12, Label::Place)); // crosses the section's end
        let mut out = String::new();
        let hidden = marked(&mut out, &a, Field::Text);
        assert_eq!(hidden.len(), 1);
        assert!(
            out.starts_with("<span class=\"part part-section\" title=\"section\">Politics</span>")
        );
        assert!(out.contains(
            "<span class=\"part part-byline\" title=\"byline\"><mark class=\"ent ent-person\""
        ));
        assert!(out.contains("<span class=\"part-label\">boilerplate</span>CTA Image"));
        assert_eq!(out.matches("<span").count(), out.matches("</span>").count());
    }

    #[test]
    fn bad_offsets_are_skipped() {
        let mut a = Article::new("Café");
        a.entities.push(ent(0, 4, Label::Place)); // inside 'é'
        a.entities.push(ent(2, 99, Label::Place));
        a.entities.push(ent(3, 3, Label::Place));
        let mut out = String::new();
        marked(&mut out, &a, Field::Text);
        assert_eq!(out, "Café");
    }

    #[test]
    fn scores_are_clamped() {
        use crate::export::Topic;
        let a = Article::new("x").with_topics(vec![
            Topic::new("t1", f64::NAN),
            Topic::new("t2", 7.0),
            Topic::new("t3", -1.0),
        ]);
        let page = article(1, &a);
        assert!(page.contains("width:0.0%"));
        assert!(page.contains("width:100.0%"));
        assert!(!page.contains("NaN"));
    }
}
