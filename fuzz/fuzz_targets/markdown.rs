//! The Markdown renderer and the body checker on any text: never a panic,
//! never a live tag or unsafe link from the body, every diagnostic on a
//! line of the body, and the same pictures found by both.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use loaxa::diagnostic::Diagnostics;
use loaxa::markdown::{self, PictureSizes, Pictures, Size};

fuzz_target!(|text: &str| {
    let mut diags = Diagnostics::default();
    let found = markdown::check_body(text, 5, Path::new("a.md"), &mut diags);
    let lines = text.split('\n').count();
    for d in diags.iter() {
        assert!(d.line >= 5 && d.line < 5 + lines, "{d:?}");
        assert!(d.column >= 1, "{d:?}");
    }
    let sizes: PictureSizes = found
        .iter()
        .map(|p| (p.path.clone(), Size { width: 4, height: 3 }))
        .collect();
    let pictures = Pictures { root: "../../", sizes: &sizes };
    for html in [
        markdown::render(text).html,
        markdown::render_with(text, Some(&pictures)).html,
        markdown::render_inline(text),
    ] {
        for (name, attributes) in tags(&html) {
            let live = ["script", "style", "iframe", "textarea", "title", "xmp", "noscript", "object", "embed", "form"];
            assert!(!live.contains(&name.as_str()), "<{name}> in {html}");
            for (attribute, value) in attributes {
                assert!(!attribute.starts_with("on"), "{attribute} in {html}");
                let value = value.trim().to_ascii_lowercase();
                assert!(!value.starts_with("javascript:") && !value.starts_with("data:"), "{value} in {html}");
            }
        }
    }
    // Every picture shown is one the checker found (and so measured).
    let shown = markdown::render_with(text, Some(&pictures)).html;
    assert!(shown.matches("<img ").count() <= found.len(), "{shown}");
});

/// The tags of sanitized HTML (text is escaped, so `<` only opens a tag),
/// each with its attributes.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let mut chars = rest[open + 1..].char_indices().peekable();
        let mut name = String::new();
        while let Some((_, c)) = chars.peek().copied() {
            if c.is_whitespace() || c == '>' || c == '/' && !name.is_empty() {
                break;
            }
            name.push(c.to_ascii_lowercase());
            chars.next();
        }
        let mut attributes = Vec::new();
        let mut end = rest.len() - open - 1;
        loop {
            while chars.peek().is_some_and(|(_, c)| c.is_whitespace() || *c == '/') {
                chars.next();
            }
            let Some((i, c)) = chars.next() else { break };
            if c == '>' {
                end = i + 1;
                break;
            }
            let mut attribute = String::from(c.to_ascii_lowercase());
            while let Some((_, c)) = chars.peek().copied() {
                if c.is_whitespace() || c == '=' || c == '>' {
                    break;
                }
                attribute.push(c.to_ascii_lowercase());
                chars.next();
            }
            let mut value = String::new();
            if chars.peek().is_some_and(|(_, c)| *c == '=') {
                chars.next();
                let quote = chars.peek().map(|(_, c)| *c).filter(|c| *c == '"' || *c == '\'');
                if quote.is_some() {
                    chars.next();
                }
                while let Some((_, c)) = chars.peek().copied() {
                    if Some(c) == quote || quote.is_none() && (c.is_whitespace() || c == '>') {
                        break;
                    }
                    value.push(c);
                    chars.next();
                }
                if quote.is_some() {
                    chars.next();
                }
            }
            attributes.push((attribute, value.replace("&amp;", "&")));
        }
        tags.push((name, attributes));
        rest = &rest[(open + 1 + end).min(rest.len())..];
    }
    tags
}
