//! Text written as a YAML value that reads back as the same text.

/// Text as a YAML value: plain when that reads back as the same text,
/// double-quoted otherwise.
pub fn yaml_scalar(text: &str) -> String {
    if is_plain_safe(text) {
        text.to_string()
    } else {
        yaml_quoted(text)
    }
}

/// Plain only for text that starts with a letter, holds letters, digits,
/// spaces and a few harmless marks, and is not a word YAML reads as
/// something else (`true`, `null`, `yes`…).
fn is_plain_safe(text: &str) -> bool {
    const SPECIAL: &[&str] = &["true", "false", "yes", "no", "on", "off", "null", "y", "n"];
    let starts_with_letter = text.chars().next().is_some_and(char::is_alphabetic);
    let harmless = |c: char| c.is_alphanumeric() || " .,-–()/".contains(c);
    starts_with_letter
        && text.chars().all(harmless)
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !SPECIAL.contains(&text.to_lowercase().as_str())
}

/// Text in YAML double quotes, with `\`, `"` and control characters escaped.
pub fn yaml_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text as a value inside a flow map (`{ source: … }`): plain only when it
/// has no comma, bracket or brace, which would end it there.
pub fn flow_scalar(text: &str) -> String {
    if text.contains([',', '[', ']', '{', '}']) {
        yaml_quoted(text)
    } else {
        yaml_scalar(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::yaml::{self, Value};

    fn reads_back(text: &str) {
        for yaml_text in [yaml_scalar(text), yaml_quoted(text)] {
            let node = yaml::parse(&format!("v: {yaml_text}\n"), 0).unwrap();
            let Value::Map(entries) = node.value else {
                panic!("not a map")
            };
            assert_eq!(entries[0].1.value, Value::Str(text.into()), "{yaml_text}");
        }
    }

    #[test]
    fn names_and_titles_read_back_as_written() {
        for text in [
            "Xã Lộc Hà",
            "Hà Tĩnh",
            "Kế hoạch: tuyên truyền \"i-HaTinh\" #1",
            "yes",
            "- dash",
            "a \\ b\tc",
            "123",
            "Đợt 1 (2026)",
            "x: y",
        ] {
            reads_back(text);
        }
        assert_eq!(yaml_scalar("Xã Lộc Hà"), "Xã Lộc Hà");
        assert_eq!(yaml_scalar("null"), "\"null\"");
    }

    #[test]
    fn flow_values_keep_their_commas() {
        let text = "Sở KH&CN, báo cáo số 5 [bản sao]";
        let node = yaml::parse(&format!("v: {{ a: {}, b: 1 }}\n", flow_scalar(text)), 0).unwrap();
        let Value::Map(entries) = node.value else {
            panic!("not a map")
        };
        let Value::Map(inner) = &entries[0].1.value else {
            panic!("not a map")
        };
        assert_eq!(inner[0].1.value, Value::Str(text.into()));
        assert_eq!(flow_scalar("Sở KH&CN"), yaml_scalar("Sở KH&CN"));
    }
}
