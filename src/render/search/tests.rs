//! Tests of `search`: the text of sanitized HTML, the indexed text.

use super::*;

#[test]
fn html_becomes_text() {
    assert_eq!(
        html_text("<h2 id=\"a\">Đường dây nóng</h2><p>Gọi &amp; hỏi &lt;ngay&gt;</p>"),
        " Đường dây nóng  Gọi & hỏi <ngay> "
    );
}

/// The text as the first version took it, a character at a time.
fn html_text_reference(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

#[test]
fn html_text_takes_runs_as_it_took_characters() {
    for html in [
        "",
        "plain",
        "a > b <i>c</i> d",
        "<<b>x</b>>",
        "open <tag never closed",
        "<p>&amp;lt; &lt;&gt; &quot;&#39;&nbsp;&l<b>t;</b></p>",
        "<h2 id=\"đ\">Đường</h2>\n<ul><li>một</li></ul>",
    ] {
        assert_eq!(html_text(html), html_text_reference(html), "{html}");
    }
}

proptest::proptest! {
    #[test]
    fn html_text_of_any_markup(html in "[<>a&;lgtampqu#39nbs đ/\"]{0,40}") {
        proptest::prop_assert_eq!(html_text(&html), html_text_reference(&html));
    }
}

#[test]
fn indexed_text_is_folded_and_whole() {
    let body = format!("<p>{}cuối</p>", "Đường ".repeat(1000));
    let text = indexed_text("Số 959/UBND-VHXH", &body);
    let (title, body) = text.split_once('\n').unwrap();
    assert_eq!(title, "so 959 ubnd vhxh");
    // All 1,000 words and the last one, 6,000 characters in.
    assert_eq!(body.matches("duong").count(), 1000);
    assert!(body.ends_with("duong cuoi"), "{body}");
}
