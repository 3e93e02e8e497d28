//! Text from the sources made safe in what loaxa writes: one escaper for
//! HTML and XML through templates (`escape_html`, Tera's escaper for pages,
//! the feed, the sitemap, the roll-up and the preview's panel), the same for
//! HTML written by hand (`html`: the embed snippet, a notice's pictures), and
//! one for XML written by hand (`escape`: charts, the share card, QR codes),
//! which also drops the control characters XML 1.0 cannot carry.

/// XML-escapes text from user data, dropping control characters that XML 1.0
/// cannot carry at all.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
    out
}

/// Text safe to hand to plotters (which escapes markup but not control
/// characters): controls become spaces, surrounding whitespace goes.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Tera's own escaping, byte for byte, but writing whole runs between the
/// five special bytes instead of one `write_all` per byte: escaping was a
/// tenth of a 10,000-page build.
pub fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        let entity: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(entity)?;
        start = i + 1;
    }
    out.write_all(&bytes[start..])
}

/// Text for HTML written by hand, escaped as the templates escape it.
pub fn html(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len() + 8);
    // Writing to a Vec cannot fail; the escaper only inserts ASCII entities
    // between whole runs of the UTF-8 input.
    let _ = escape_html(text, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_controls_never_pass() {
        assert_eq!(
            escape("<script>&\"'\u{1}"),
            "&lt;script&gt;&amp;&quot;&apos;"
        );
        assert_eq!(clean(" a\u{7}b\n"), "a b");
    }

    #[test]
    fn escaping_matches_tera_byte_for_byte() {
        for text in [
            "",
            "plain",
            "a&b<c>d\"e'f",
            "<<&&>>",
            "Lộc Hà & \"Trường Lưu\"",
            "'",
        ] {
            let (mut ours, mut theirs) = (Vec::new(), Vec::new());
            escape_html(text, &mut ours).unwrap();
            tera::escape_html(text, &mut theirs).unwrap();
            assert_eq!(ours, theirs, "{text}");
            assert_eq!(html(text).as_bytes(), theirs.as_slice());
        }
    }
}
