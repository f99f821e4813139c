//! A saved web page read as its article: the main content (`article`,
//! `main`, or the element holding the most paragraph text), without
//! navigation, headers, asides, footers, scripts, styles or forms. Block
//! elements become paragraphs, `<br>` a line break (two a paragraph break),
//! list items and table cells paragraphs of their own; headings, captions and
//! bylines are weak. Every prose byte maps back to the file (html5gum gives
//! each token's byte span).

use super::prose::{Builder, Prose};
use crate::engine::Span;
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements whose content is never prose.
const SKIP: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "svg", "math", "iframe", "object", "canvas", "dialog", "footer", "pre", "video", "audio",
    "map", "label", "fieldset", "menu",
];

/// Roles and class or id words that mark page furniture rather than article.
const FURNITURE: &[&str] = &[
    "navigation",
    "complementary",
    "banner",
    "contentinfo",
    "search",
    "nav",
    "navbar",
    "menu",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "related",
    "comments",
    "advert",
    "ad",
    "ads",
    "newsletter",
    "cookie",
    "cookies",
    "promo",
    "subscribe",
    "skip",
];

/// Class or id words of a byline, dateline or caption.
const WEAK_WORDS: &[&str] = &["byline", "author", "dateline", "credit", "credits", "caption"];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "figure",
    "hr",
    "body",
    "html",
    "center",
    "details",
    "summary",
    "hgroup",
];

/// Elements read as weak blocks.
const WEAK: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figcaption",
    "caption",
    "address",
];

/// Elements nested deeper than this are read as part of their ancestor at
/// this depth, so that a hostile page cannot exhaust the stack of the
/// recursive walks below.
const MAX_DEPTH: usize = 256;

/// Start tags that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
];

#[derive(Debug)]
enum Child {
    Node(usize),
    Text(Span),
    Break(usize),
}

#[derive(Debug, Default)]
struct Node {
    name: String,
    /// Lower-cased class, id, role, rel and itemprop words.
    words: Vec<String>,
    hidden: bool,
    kids: Vec<Child>,
    parent: usize,
}

/// Whether `text` looks like an HTML document rather than prose.
#[must_use]
pub fn sniff(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<')
            && ["<body", "<article", "<p>", "<div", "<head"]
                .iter()
                .any(|t| head.contains(t)))
}

/// Reads the article of an HTML page.
#[must_use]
pub fn prose(src: &str) -> Prose {
    let nodes = parse(src);
    let root = choose_root(&nodes);
    let mut b = Builder::new();
    emit(src, &nodes, root, &mut b);
    b.finish()
}

fn parse(src: &str) -> Vec<Node> {
    let mut nodes = vec![Node {
        name: "#root".into(),
        ..Node::default()
    }];
    let mut stack = vec![0usize];
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(src, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                close_implied(&nodes, &mut stack, &name);
                let top = *stack.last().unwrap_or(&0);
                if name == "br" {
                    nodes[top].kids.push(Child::Break(tag.span.start));
                    continue;
                }
                if VOID.contains(&name.as_str()) && name != "hr" {
                    continue;
                }
                let attr = |k: &str| {
                    tag.attributes
                        .get(k.as_bytes())
                        .map(|v| String::from_utf8_lossy(&v.value).to_ascii_lowercase())
                };
                let words = ["class", "id", "role", "rel", "itemprop"]
                    .iter()
                    .filter_map(|k| attr(k))
                    .flat_map(|v| {
                        v.split(|c: char| !c.is_ascii_alphanumeric())
                            .filter(|w| !w.is_empty())
                            .map(str::to_owned)
                            .collect::<Vec<_>>()
                    })
                    .collect();
                let hidden = attr("hidden").is_some() || attr("aria-hidden").as_deref() == Some("true");
                let id = nodes.len();
                nodes.push(Node {
                    name: name.clone(),
                    words,
                    hidden,
                    kids: Vec::new(),
                    parent: top,
                });
                nodes[top].kids.push(Child::Node(id));
                if !tag.self_closing && name != "hr" && stack.len() < MAX_DEPTH {
                    stack.push(id);
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "br" {
                    let top = *stack.last().unwrap_or(&0);
                    nodes[top].kids.push(Child::Break(tag.span.start));
                } else if let Some(i) = stack.iter().rposition(|&n| nodes[n].name == name)
                    && i > 0
                {
                    stack.truncate(i);
                }
            }
            Token::String(s) => {
                let top = *stack.last().unwrap_or(&0);
                nodes[top]
                    .kids
                    .push(Child::Text(Span::new(s.span.start, s.span.end)));
            }
            _ => {}
        }
    }
    nodes
}

/// Closes what a start tag implies: a block closes an open `<p>`, a list
/// item an open item of the same list, a cell an open cell of the same row.
fn close_implied(nodes: &[Node], stack: &mut Vec<usize>, name: &str) {
    let top_is = |stack: &[usize], n: &str| stack.last().is_some_and(|&t| nodes[t].name == n);
    if (BLOCKS.contains(&name) || WEAK.contains(&name)) && top_is(stack, "p") {
        stack.pop();
    }
    let closes: &[&str] = match name {
        "li" => &["li"],
        "dt" | "dd" => &["dt", "dd"],
        "td" | "th" => &["td", "th"],
        "tr" => &["tr", "td", "th"],
        _ => return,
    };
    let scope: &[&str] = &["ul", "ol", "dl", "table", "tbody", "thead", "tfoot"];
    for (i, &n) in stack.iter().enumerate().rev() {
        let here = nodes[n].name.as_str();
        if closes.contains(&here) {
            stack.truncate(i);
            return;
        }
        if scope.contains(&here) || (name != "tr" && here == "tr") {
            return;
        }
    }
}

fn has_ancestor(nodes: &[Node], mut n: usize, name: &str) -> bool {
    while n != 0 {
        n = nodes[n].parent;
        if nodes[n].name == name {
            return true;
        }
    }
    false
}

fn skipped(nodes: &[Node], n: usize) -> bool {
    let node = &nodes[n];
    let name = node.name.as_str();
    node.hidden
        || SKIP.contains(&name)
        || (name == "header" && !has_ancestor(nodes, n, "article"))
        || node.words.iter().any(|w| FURNITURE.contains(&w.as_str()))
}

fn weak(node: &Node) -> bool {
    WEAK.contains(&node.name.as_str()) || node.words.iter().any(|w| WEAK_WORDS.contains(&w.as_str()))
}

/// Bytes of text under `n`, page furniture left out.
fn text_len(nodes: &[Node], n: usize) -> usize {
    nodes[n]
        .kids
        .iter()
        .map(|k| match *k {
            Child::Text(s) => s.len(),
            Child::Node(c) if !skipped(nodes, c) => text_len(nodes, c),
            _ => 0,
        })
        .sum()
}

/// The article element with most text; else `main`; else the element whose
/// own paragraphs hold the most text; else the whole page.
fn choose_root(nodes: &[Node]) -> usize {
    let live = |n: &usize| !chain_skipped(nodes, *n);
    let named = |name: &str| -> Vec<usize> {
        (1..nodes.len())
            .filter(|&n| {
                nodes[n].name == name || (name == "main" && nodes[n].words.iter().any(|w| w == "main"))
            })
            .filter(live)
            .collect()
    };
    let largest = |c: Vec<usize>| c.into_iter().max_by_key(|&n| text_len(nodes, n));
    if let Some(n) = largest(named("article")).filter(|&n| text_len(nodes, n) > 0) {
        return n;
    }
    if let Some(n) = largest(named("main")).filter(|&n| text_len(nodes, n) > 0) {
        return n;
    }
    let paragraph_text = |n: usize| -> usize {
        nodes[n]
            .kids
            .iter()
            .map(|k| match *k {
                Child::Node(c) if nodes[c].name == "p" && !skipped(nodes, c) => text_len(nodes, c),
                _ => 0,
            })
            .sum()
    };
    (0..nodes.len())
        .filter(live)
        .max_by_key(|&n| (paragraph_text(n), std::cmp::Reverse(n)))
        .filter(|&n| paragraph_text(n) > 0)
        .unwrap_or(0)
}

/// Whether `n` or an ancestor is page furniture.
fn chain_skipped(nodes: &[Node], mut n: usize) -> bool {
    loop {
        if n != 0 && skipped(nodes, n) {
            return true;
        }
        if n == 0 {
            return false;
        }
        n = nodes[n].parent;
    }
}

/// A short paragraph that opens with "By …": a byline without markup.
fn looks_like_byline(src: &str, nodes: &[Node], n: usize) -> bool {
    fn first_text(src: &str, nodes: &[Node], n: usize) -> Option<String> {
        nodes[n].kids.iter().find_map(|k| match *k {
            Child::Text(s) => Some(src[s.range()].trim_start().to_owned()).filter(|t| !t.is_empty()),
            Child::Node(c) => first_text(src, nodes, c),
            Child::Break(_) => None,
        })
    }
    matches!(nodes[n].name.as_str(), "p" | "div" | "span")
        && text_len(nodes, n) < 120
        && first_text(src, nodes, n).is_some_and(|t| t.starts_with("By ") || t.starts_with("by "))
}

fn emit(src: &str, nodes: &[Node], n: usize, b: &mut Builder) {
    let node = &nodes[n];
    let is_weak = (weak(node) || looks_like_byline(src, nodes, n)) && !b.in_weak();
    let block = BLOCKS.contains(&node.name.as_str());
    if is_weak {
        b.start_weak();
    } else if block {
        b.end_block();
    }
    let mut breaks = 0;
    for kid in &node.kids {
        match *kid {
            Child::Node(c) => {
                breaks = 0;
                if !skipped(nodes, c) {
                    emit(src, nodes, c, b);
                }
            }
            Child::Text(span) => {
                let raw = &src[span.range()];
                if !raw.trim_ascii().is_empty() {
                    breaks = 0;
                }
                text(src, span, b);
            }
            Child::Break(at) => {
                breaks += 1;
                if breaks >= 2 {
                    b.end_block();
                } else {
                    b.line_break(at);
                }
            }
        }
    }
    if is_weak {
        b.end_weak();
    } else if block {
        b.end_block();
    }
}

/// Feeds the raw text of a string token, decoding its character references.
fn text(src: &str, span: Span, b: &mut Builder) {
    let raw = &src[span.range()];
    let mut done = 0;
    while let Some(i) = raw[done..].find('&') {
        let amp = done + i;
        b.verbatim(&raw[done..amp], span.start + done);
        let tail = &raw[amp + 1..];
        let name_len = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(tail.len());
        let semi = usize::from(tail[name_len..].starts_with(';'));
        let end = amp + 1 + name_len + semi;
        done = entity(&raw[amp..end], span.start + amp, b);
        done += amp;
    }
    b.verbatim(&raw[done..], span.start + done);
}

/// Decodes one `&…` candidate at file offset `at`; returns how many of its
/// bytes it consumed (the rest is literal text the caller feeds on).
fn entity(piece: &str, at: usize, b: &mut Builder) -> usize {
    let decoded: String = Tokenizer::new(piece)
        .flatten()
        .filter_map(|t| match t {
            Token::String(s) => Some(String::from_utf8_lossy(&s.value).into_owned()),
            _ => None,
        })
        .collect();
    // Characters after the reference stay as written ("&notit;" is "¬" then
    // "it;"): the common suffix, leaving at least one character each side.
    let raw: Vec<char> = piece.chars().collect();
    let dec: Vec<char> = decoded.chars().collect();
    let most = raw.len().min(dec.len()).saturating_sub(1);
    let common = raw
        .iter()
        .rev()
        .zip(dec.iter().rev())
        .take(most)
        .take_while(|(a, b)| a == b)
        .count();
    let raw_len: usize = raw[..raw.len() - common].iter().map(|c| c.len_utf8()).sum();
    let dec_len = decoded.len()
        - raw[raw.len() - common..]
            .iter()
            .map(|c| c.len_utf8())
            .sum::<usize>();
    if dec_len == 0 || (raw_len == 1 && decoded.starts_with('&')) {
        b.verbatim("&", at);
        return 1;
    }
    b.decoded(&decoded[..dec_len], Span::new(at, at + raw_len));
    raw_len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> String {
        prose(html).document.text().to_owned()
    }

    #[test]
    fn reads_the_article_not_the_page() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <nav><a href=/>Home</a> <a href=/x>World</a></nav>\
            <header><p>Site name</p></header>\
            <article><h1>Big news</h1><p>First para.</p><p>Second <b>bold</b> para.</p>\
            <aside>Read more</aside><script>var x = '<p>';</script></article>\
            <footer>Copyright</footer></body></html>";
        assert_eq!(text_of(html), "Big news\n\nFirst para.\n\nSecond bold para.");
    }

    #[test]
    fn densest_block_without_article() {
        let html = "<body><div class=menu><p>Home</p></div><div><h2>Headline</h2>\
            <p>One long paragraph here.</p><p>Another one.</p></div><div><p>Short.</p></div></body>";
        assert_eq!(
            text_of(html),
            "Headline\n\nOne long paragraph here.\n\nAnother one."
        );
    }

    #[test]
    fn entities_breaks_and_lists() {
        let html = "<main><p>AT&amp;T said&nbsp;42 &lt; 50 &ampy &#8217;ok&hellip;</p>\
            <p>line one<br>line two<br><br>new para</p><ul><li>first<li>second</ul></main>";
        assert_eq!(
            text_of(html),
            "AT&T said\u{a0}42 < 50 &y ’ok…\n\nline one\nline two\n\nnew para\n\nfirst\n\nsecond"
        );
    }

    #[test]
    fn every_span_maps_to_its_source() {
        let html = "<article><p>Caf&eacute; &amp; bar: 42 <em>people</em>\r\n  came.</p></article>";
        let p = prose(html);
        let text = p.document.text();
        for (i, _) in text.char_indices() {
            let end = i + text[i..].chars().next().map_or(0, char::len_utf8);
            let f = p.map.to_file(Span::new(i, end));
            assert!(html.is_char_boundary(f.start) && html.is_char_boundary(f.end));
        }
        let at = |w: &str| {
            let s = text.find(w).unwrap();
            &html[p.map.to_file(Span::new(s, s + w.len())).range()]
        };
        assert_eq!(at("Café"), "Caf&eacute;");
        assert_eq!(at("42 people"), "42 <em>people");
        assert_eq!(at("people"), "people");
        assert_eq!(at("&"), "&amp;");
    }

    #[test]
    fn headings_and_captions_are_weak() {
        let html = "<article><h2>Fire at pier</h2><p>By <a href=/x>Ann Lee</a>, 3 May.</p><p>Body text here.</p>\
            <figure><img src=a.jpg><figcaption>Photo: J. Doe.</figcaption></figure></article>";
        let p = prose(html);
        let t = p.document.text();
        let span = |w: &str| {
            let s = t.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        assert!(p.document.is_weak(span("Fire at pier")));
        assert!(p.document.is_weak(span("Photo: J. Doe.")));
        assert!(p.document.is_weak(span("By Ann Lee, 3 May.")));
        assert!(!p.document.is_weak(span("Body text here.")));
    }

    #[test]
    fn deep_nesting_does_not_exhaust_the_stack() {
        let depth = 200_000;
        let html = format!(
            "{}<p>Deep text.</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        assert_eq!(text_of(&html), "Deep text.");
    }

    #[test]
    fn sniffs_pages() {
        assert!(sniff("<!DOCTYPE html><p>x"));
        assert!(sniff("\u{feff}  <html lang=en>"));
        assert!(!sniff("Plain text with <b> in it."));
    }
}
