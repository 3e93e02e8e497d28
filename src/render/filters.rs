//! Tera filters the default theme uses beyond Tera's own.

use tera::{Kwargs, State, StringInput, TeraResult, Value};

pub fn register(tera: &mut tera::Tera) {
    tera.register_filter("nowrap_figures", nowrap_figures);
}

/// `{{ text | nowrap_figures }}`: escapes the text and keeps each rate in
/// one piece on a narrow screen (`4,44 %` never breaks before `%`), by
/// wrapping it in `<span class="nowrap">`. The space stays a plain space, so
/// the page's text is what the formatting functions return.
fn nowrap_figures(value: StringInput, _: Kwargs, state: &State) -> TeraResult<Value> {
    let escaped = if value.is_safe() {
        value.as_str().to_string()
    } else {
        state.escape(value.as_str())?
    };
    Ok(Value::safe_string(&wrap_percents(&escaped)))
}

/// Wraps every `<digits> %` in `<span class="nowrap">…</span>`.
pub fn wrap_percents(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(at) = rest.find(" %") {
        let before = &rest[..at];
        let number_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',')
            .last()
            .map(|(i, _)| i);
        match number_start {
            Some(start) if before[start..].starts_with(|c: char| c.is_ascii_digit()) => {
                out.push_str(&before[..start]);
                out.push_str("<span class=\"nowrap\">");
                out.push_str(&before[start..]);
                out.push_str(" %</span>");
            }
            _ => {
                out.push_str(before);
                out.push_str(" %");
            }
        }
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_kept_whole() {
        assert_eq!(
            wrap_percents("Mục tiêu: 30 % (8.768 tài khoản), đạt 4,44 %"),
            "Mục tiêu: <span class=\"nowrap\">30 %</span> (8.768 tài khoản), \
             đạt <span class=\"nowrap\">4,44 %</span>"
        );
        assert_eq!(wrap_percents("không có số %"), "không có số %");
        assert_eq!(wrap_percents("1.299"), "1.299");
        assert_eq!(wrap_percents(""), "");
    }
}
