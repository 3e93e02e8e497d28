//! The walk must write what ammonia writes, byte for byte, whenever it
//! answers: every test compares the two on the HTML a body is written as.

use std::path::PathBuf;

use super::super::{PictureSizes, Pictures, Size, URL_SCHEMES, sanitized_by_ammonia, written};
use super::*;

/// Whether the walk answered for `markdown`; when it did, it agreed.
fn agrees(markdown: &str) -> bool {
    let mut sizes = PictureSizes::new();
    sizes.insert(
        "anh/a.png".into(),
        Size {
            width: 640,
            height: 480,
        },
    );
    let pictures = Pictures {
        root: "../../",
        sizes: &sizes,
    };
    let (html, _) = written(markdown, Some(&pictures));
    match clean(&html, &URL_SCHEMES) {
        Some(fast) => {
            assert_eq!(fast, sanitized_by_ammonia(&html), "{markdown:?}\n{html}");
            true
        }
        None => false,
    }
}

#[test]
fn what_letters_hold_is_walked_and_agrees() {
    for body in [
        "Kính gửi: Ủy ban nhân dân các xã.\n\nCăn cứ Kế hoạch số 12/KH-UBND ngày 2/6/2026,\nđề nghị:\n",
        "## Mục tiêu\n\n1. Cài đặt **i-HaTinh**;\n2. Kích hoạt *VNeID* mức 2.\n\n- một\n  - hai\n    - ba\n",
        "| Thôn | Đã cài | Tỷ lệ |\n|:--|--:|:-:|\n| Thôn 1 | 1.299 | 4,44 % |\n| Thôn \"2\" | 0 | 0 % |\n",
        "Chỉ có tiêu đề\n\n| a |\n|---|\n",
        "Gọi [đường dây nóng](tel:19009038) hoặc [thư](mailto:a@b.vn), xem [trang](https://x.gov.vn/a?b=1&c='2') và [mục](#muc) hay [tệp](../tai-lieu/a.pdf \"Tệp 'A'\").",
        "Đừng bấm [đây](javascript:alert(1)) hay [kia](data:text/html,x) hay [nữa](vbscript:x) hay [lạ](JaVaScRiPt:alert(1)).",
        "Chú thích[^1] và[^hai].\n\n[^1]: Nguồn: Bộ Công an.\n[^hai]: Hai.\n",
        "> Trích: \"Mỗi người dân\" & 'một ứng dụng' < 5 > 3\n>\n> — Chủ tịch",
        "```rust\nfn main() {}\n```\n\n    thụt lề\n\n`mã` và ~~xóa~~",
        "Dòng một  \nDòng hai\\\nDòng ba\n\n---\n\n***\n",
        "Khoảng\u{a0}trắng không ngắt và &copy; &amp; &#39; &#x27; &nbsp; &#8212;",
        "<script>alert(1)</script>\n\n<b>in đậm</b> <a href=\"javascript:x\">d</a>",
        "![Ảnh thôn](anh/a.png) và ![không có](khac.png \"tiêu đề\")",
        "# Một\n\n# Một\n\n###### Sáu\n\n####### Bảy",
        "<https://vneid.gov.vn> và <email@example.com>",
        "[**đậm** và `mã`](https://a.vn)",
    ] {
        assert!(agrees(body), "not walked: {body:?}");
    }
}

#[test]
fn unsafe_links_lose_their_address_on_the_walk() {
    let (html, _) = written(
        "[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](https://a.vn)",
        None,
    );
    let fast = clean(&html, &URL_SCHEMES).expect("walked");
    assert!(!fast.to_ascii_lowercase().contains("javascript"), "{fast}");
    assert!(fast.contains("<a href=\"https://a.vn\" rel=\"noopener noreferrer\">c</a>"));
    assert_eq!(
        fast.matches("<a rel=\"noopener noreferrer\">").count(),
        2,
        "{fast}"
    );
}

#[test]
fn anything_but_what_markdown_writes_goes_through_ammonia() {
    for html in [
        "<p>a<!-- b --></p>",
        "<script>alert(1)</script>",
        "<p onclick=\"x\">a</p><span>b</span>",
        "<p>&copy;</p>",
        "<p>a\r\nb</p>",
        "<p>a\u{0}b</p>",
        "<p>one<p>two</p></p>",
        "<p><div>a</div></p>",
        "<a href=\"x\"><a href=\"y\">b</a></a>",
        "<table><tr><td>a</td></tr></table>",
        "<table>text<tbody></tbody></table>",
        "<p>open",
        "<em>a</strong>",
        "</br>",
        "<pre>\nx</pre>",
        "<div/>",
        "<p class=\"a\" class=\"b\">x</p>",
        "<P>x</P>",
    ] {
        assert_eq!(clean(html, &URL_SCHEMES), None, "{html}");
    }
}

#[test]
fn a_cell_keeps_only_an_alignment_class() {
    let html = "<table><thead><tr><th class=\"align-left\">a</th><th class=\"x\">b</th></tr></thead><tbody>\n<tr><td class=\"ALIGN-RIGHT\">1</td><td>2</td></tr>\n</tbody></table>\n";
    assert_eq!(
        clean(html, &URL_SCHEMES).as_deref(),
        Some(sanitized_by_ammonia(html).as_str())
    );
}

/// The examples of the CommonMark spec (installed with the browser tests'
/// packages): each agrees, and most are walked.
#[test]
fn every_commonmark_example_agrees() {
    let spec = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/node_modules/commonmark-spec/spec.txt");
    let Ok(spec) = std::fs::read_to_string(&spec) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "commonmark-spec is missing: run `npm install` in tests/browser/"
        );
        eprintln!("SKIPPED: commonmark-spec is not installed");
        return;
    };
    let fence = "````````````````````````````````";
    let mut examples = Vec::new();
    let mut rest = spec.as_str();
    while let Some(start) = rest.find(&format!("{fence} example\n")) {
        let body = &rest[start + fence.len() + " example\n".len()..];
        let end = body.find("\n.\n").expect("the example's end");
        examples.push(body[..end + 1].replace('→', "\t"));
        rest = &body[end..];
    }
    assert!(examples.len() > 600, "{} examples", examples.len());
    let walked = examples.iter().filter(|md| agrees(md)).count();
    assert!(
        walked * 10 > examples.len() * 8,
        "{walked} of {} walked",
        examples.len()
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    #[test]
    fn any_body_of_markdown_pieces_agrees(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "Đường", " ", "\n", "\n\n", "*", "**", "_", "`", "~~", "#", "## ", "> ", "- ",
            "1. ", "  ", "|", "|--|", ":-:", "[", "]", "(", ")", "](", "<", ">", "&", "&amp;",
            "&copy;", "\"", "'", "\\", "!", "[^1]", "[^1]: ", "http://a.vn", "javascript:x",
            "tel:1", "<b>", "</p>", "<a href=\"x\">", "```", "    ", "\t", "\u{a0}", "---",
            "\r\n", "&#39;", "&#x27;", "&quot;", "<!--", "-->", "<pre>", "~~~", "***", "+ ",
            "[x]: http://b.vn", "[x]", "![a](b.png)", "![a](anh/a.png)", " \"t\"", "<script>",
            "JaVaScRiPt:", "data:", "//evil", "\\<", "&#0;", "&#x1F600;", "| a | b |\n|---|---|\n",
        ]), 0..40)
    ) {
        agrees(&pieces.concat());
    }
}
