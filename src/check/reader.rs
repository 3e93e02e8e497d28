//! Turning located YAML nodes into typed values, reporting every problem with
//! its position; the words are in [`crate::messages`].

use std::path::Path;

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity, suggest};
use crate::messages::{FieldProblem, Found, LinkKind, Message, Subject, Words};
use crate::source::yaml::{Key, Node, Pos, Value};
use crate::vi::slugify;

/// Where problems of the file being read are collected.
pub struct Checker<'a> {
    pub file: &'a Path,
    pub diags: &'a mut Diagnostics,
}

impl Checker<'_> {
    pub fn error(&mut self, pos: Pos, message: impl Into<Message>) {
        self.report(Severity::Error, pos, message.into());
    }

    pub fn warning(&mut self, pos: Pos, message: impl Into<Message>) {
        self.report(Severity::Warning, pos, message.into());
    }

    fn report(&mut self, severity: Severity, pos: Pos, message: Message) {
        let Words { code, text, hint } = message.words();
        self.diags.push(Diagnostic {
            file: self.file.to_path_buf(),
            line: pos.line,
            column: pos.column,
            severity,
            code,
            message: text,
            hint,
        });
    }
}

/// The fields of one YAML map. Unknown keys are reported as soon as the map
/// is opened, with the nearest allowed name as a suggestion.
pub struct Fields<'n> {
    pub pos: Pos,
    subject: Subject,
    entries: &'n [(Key, Node)],
}

impl<'n> Fields<'n> {
    /// `subject` names the map in messages ("the hotline", "a figure").
    pub fn open(
        ck: &mut Checker,
        node: &'n Node,
        subject: Subject,
        allowed: &'static [&'static str],
    ) -> Option<Self> {
        let Value::Map(entries) = &node.value else {
            let found = found(&node.value);
            ck.error(
                node.pos,
                FieldProblem::NotAGroup {
                    subject,
                    found,
                    allowed,
                },
            );
            return None;
        };
        for (key, _) in entries {
            if !allowed.contains(&key.name.as_str()) {
                let near = suggest(&key.name, allowed);
                let field = key.name.clone();
                ck.error(
                    key.pos,
                    FieldProblem::Unknown {
                        subject,
                        field,
                        near,
                        allowed,
                    },
                );
            }
        }
        Some(Fields {
            pos: node.pos,
            subject,
            entries,
        })
    }

    /// An optional field; an explicit `null` (`key:` with nothing) counts as absent.
    pub fn get(&self, name: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(key, _)| key.name == name)
            .map(|(_, node)| node)
            .filter(|node| node.value != Value::Null)
    }

    /// A required field: reports it missing at the map's position.
    pub fn required(&self, ck: &mut Checker, field: &'static str) -> Option<&'n Node> {
        let node = self.get(field);
        if node.is_none() {
            let subject = self.subject;
            ck.error(self.pos, FieldProblem::Missing { subject, field });
        }
        node
    }
}

/// The kind of a value, as messages name it.
fn found(value: &Value) -> Found {
    match value {
        Value::Null => Found::Nothing,
        Value::Bool(_) => Found::Boolean,
        Value::Int(_) | Value::Float(_) => Found::Number,
        Value::Str(_) => Found::Text,
        Value::Seq(_) => Found::List,
        Value::Map(_) => Found::Group,
    }
}

/// Text. Numbers are accepted as their digits (a title may be "2026").
pub fn text(ck: &mut Checker, node: &Node) -> Option<String> {
    let text = match &node.value {
        Value::Str(s) => s.trim().to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        other => {
            let found = found(other);
            ck.error(node.pos, FieldProblem::NotText { found });
            return None;
        }
    };
    if text.is_empty() {
        ck.error(node.pos, FieldProblem::EmptyText);
        return None;
    }
    Some(text)
}

/// A list of text items; a single text is accepted as a one-item list.
pub fn text_list(ck: &mut Checker, node: &Node) -> Vec<String> {
    match &node.value {
        Value::Seq(items) => items.iter().filter_map(|item| text(ck, item)).collect(),
        _ => text(ck, node).into_iter().collect(),
    }
}

/// The items of a list.
pub fn list<'n>(ck: &mut Checker, node: &'n Node) -> &'n [Node] {
    match &node.value {
        Value::Seq(items) => items,
        other => {
            let found = found(other);
            ck.error(node.pos, FieldProblem::NotAList { found });
            &[]
        }
    }
}

pub fn boolean(ck: &mut Checker, node: &Node) -> Option<bool> {
    match &node.value {
        Value::Bool(b) => Some(*b),
        other => {
            let found = found(other);
            ck.error(node.pos, FieldProblem::NotTrueOrFalse { found });
            None
        }
    }
}

/// The largest count a file may give: far above any commune's or province's
/// people, far below where a derived figure (a sum, a share, a pace) could
/// overflow.
pub const MAX_COUNT: u64 = 1_000_000_000;

/// A whole number ≥ 0 (a count of people or accounts), written plainly:
/// `1.000` is one thousand to a Vietnamese reader, so a number written with
/// a dot or comma is refused, never read as 1.
pub fn count(ck: &mut Checker, node: &Node) -> Option<u64> {
    let written = node.raw.as_deref();
    if let Some(raw) = written.filter(|r| r.contains(['.', ','])) {
        let problem = FieldProblem::SeparatorInCount {
            written: raw.to_string(),
            grouped: is_grouped(raw),
        };
        ck.error(node.pos, problem);
        return None;
    }
    let n = match &node.value {
        Value::Int(i) if *i >= 0 => *i as u64,
        Value::Int(_) => {
            ck.error(node.pos, FieldProblem::NegativeCount);
            return None;
        }
        Value::Float(f) if *f < 0.0 => {
            ck.error(node.pos, FieldProblem::NegativeCount);
            return None;
        }
        Value::Float(f) if f.fract() == 0.0 && *f <= MAX_COUNT as f64 => *f as u64,
        Value::Float(f) if f.fract() != 0.0 => {
            let written = written.map_or_else(|| f.to_string(), str::to_string);
            ck.error(node.pos, FieldProblem::FractionalCount { written });
            return None;
        }
        Value::Float(_) => MAX_COUNT + 1,
        other => {
            let digits = match other {
                Value::Str(s) => plain_digits(s),
                _ => None,
            };
            let found = found(other);
            ck.error(node.pos, FieldProblem::NotAWholeNumber { found, digits });
            return None;
        }
    };
    if n > MAX_COUNT {
        ck.error(node.pos, FieldProblem::CountTooLarge);
        return None;
    }
    Some(n)
}

/// `"1 299"`, `"1.299.000"` → the digits alone, when nothing but
/// separators stands between them.
fn plain_digits(s: &str) -> Option<String> {
    let digits: String = s
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}'))
        .collect();
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// A population: a count that is not 0 (a rate of 0 people means nothing).
pub fn population(ck: &mut Checker, node: &Node) -> Option<u64> {
    let n = count(ck, node)?;
    if n == 0 {
        ck.error(node.pos, FieldProblem::PopulationZero);
        return None;
    }
    Some(n)
}

/// `1.000`, `29.226`, `1,299,000`: digits in groups of three after the first.
fn is_grouped(raw: &str) -> bool {
    let mut groups = raw.split(['.', ',']);
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && raw.contains(['.', ','])
        && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

/// A percentage from 0 to 100.
pub fn percent(ck: &mut Checker, node: &Node) -> Option<f64> {
    let value = match &node.value {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Str(s) if s.trim_end().ends_with('%') => {
            let bare = s.trim_end().trim_end_matches('%').trim().replace(',', ".");
            let found = Found::Text;
            ck.error(node.pos, FieldProblem::PercentSign { found, bare });
            return None;
        }
        Value::Str(s) if decimal_comma(s).is_some() => {
            let problem = FieldProblem::DecimalComma {
                found: Found::Text,
                written: s.trim().to_string(),
                fixed: decimal_comma(s).unwrap_or_default(),
            };
            ck.error(node.pos, problem);
            return None;
        }
        other => {
            let found = found(other);
            ck.error(node.pos, FieldProblem::NotAPercentage { found });
            return None;
        }
    };
    if !(0.0..=100.0).contains(&value) || value.is_nan() {
        let written = node.raw.clone().unwrap_or_else(|| value.to_string());
        ck.error(node.pos, FieldProblem::PercentOutOfRange { written });
        return None;
    }
    Some(value)
}

/// `34,4` → `34.4`: a Vietnamese decimal comma in a number.
fn decimal_comma(s: &str) -> Option<String> {
    let (whole, frac) = s.trim().split_once(',')?;
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    (digits(whole) && digits(frac)).then(|| format!("{whole}.{frac}"))
}

/// An ISO date `YYYY-MM-DD`.
pub fn date(ck: &mut Checker, node: &Node) -> Option<NaiveDate> {
    let raw = match &node.value {
        Value::Str(s) => s.trim(),
        other => {
            let found = found(other);
            ck.error(node.pos, FieldProblem::NotADate { found });
            return None;
        }
    };
    let parsed = NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .filter(|_| raw.len() == 10);
    if parsed.is_none() {
        let problem = FieldProblem::MalformedDate {
            written: raw.to_string(),
            iso: vietnamese_date(raw),
        };
        ck.error(node.pos, problem);
    }
    parsed
}

/// The date a Vietnamese `29/5/2026` means.
fn vietnamese_date(raw: &str) -> Option<NaiveDate> {
    let parts: Vec<u32> = raw
        .split(['/', '-', '.'])
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    match parts.as_slice() {
        [d, m, y] if *y > 1900 => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
        _ => None,
    }
}

/// An id: lowercase ASCII letters, digits and dashes (`i-hatinh`).
pub fn id(ck: &mut Checker, node: &Node) -> Option<String> {
    let raw = text(ck, node)?;
    if is_slug(&raw) {
        return Some(raw);
    }
    let fixed = slugify(&raw);
    ck.error(
        node.pos,
        FieldProblem::MalformedId {
            written: raw,
            fixed,
        },
    );
    None
}

/// The `id:` texts of a list of maps as written, whether or not each item
/// read cleanly: a reference to an item that failed for another reason (a
/// missing `label`, `name`…) is not reported a second time as unknown.
pub fn declared_ids(node: &Node) -> Vec<String> {
    let Value::Seq(items) = &node.value else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| match &item.value {
            Value::Map(entries) => entries.iter().find(|(key, _)| key.name == "id"),
            _ => None,
        })
        .filter_map(|(_, id)| match &id.value {
            Value::Str(s) => Some(s.trim().to_string()),
            _ => None,
        })
        .collect()
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// An absolute `http(s)://` link: anything else (`javascript:`, `data:`) is refused.
pub fn web_link(ck: &mut Checker, node: &Node) -> Option<String> {
    let raw = text(ck, node)?;
    if is_web_link(&raw) {
        return Some(raw);
    }
    let allowed = LinkKind::Web;
    ck.error(
        node.pos,
        FieldProblem::UnsafeLink {
            written: raw,
            allowed,
        },
    );
    None
}

/// An attachment link: a web link, or a path inside the site's `static/`.
pub fn site_or_web_link(ck: &mut Checker, node: &Node) -> Option<String> {
    let raw = text(ck, node)?;
    if is_web_link(&raw) || is_safe_relative_path(&raw) {
        return Some(raw);
    }
    let allowed = LinkKind::WebOrSiteFile;
    ck.error(
        node.pos,
        FieldProblem::UnsafeLink {
            written: raw,
            allowed,
        },
    );
    None
}

pub fn is_web_link(raw: &str) -> bool {
    let lower = raw.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
        && !raw
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
}

/// A relative path that stays inside the site: no scheme, no `..`, no
/// leading `/`, only plain characters.
pub fn is_safe_relative_path(raw: &str) -> bool {
    !raw.is_empty()
        && !raw.starts_with('/')
        && raw
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && raw
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
}

/// A phone number: digits, spaces, dots and an optional leading `+`.
pub fn phone(ck: &mut Checker, node: &Node) -> Option<String> {
    let raw = match &node.value {
        Value::Int(i) if *i >= 0 => i.to_string(),
        _ => text(ck, node)?,
    };
    let body = raw.strip_prefix('+').unwrap_or(&raw);
    let valid = body
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '.')
        && body.chars().filter(char::is_ascii_digit).count() >= 3;
    if valid {
        return Some(raw);
    }
    let digits = tel_digits(raw.trim());
    ck.error(
        node.pos,
        FieldProblem::MalformedPhone {
            written: raw,
            digits,
        },
    );
    None
}

/// The digits of a phone number and a leading `+`, for `tel:` links.
pub fn tel_digits(phone: &str) -> String {
    let plus = phone.starts_with('+');
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if plus { format!("+{digits}") } else { digits }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::yaml::parse;

    fn check<T>(yaml: &str, f: impl Fn(&mut Checker, &Node) -> T) -> (T, Vec<Diagnostic>) {
        let root = parse(yaml, 0).unwrap();
        let Value::Map(entries) = &root.value else {
            panic!()
        };
        let mut diags = Diagnostics::default();
        let mut ck = Checker {
            file: Path::new("x.yaml"),
            diags: &mut diags,
        };
        let out = f(&mut ck, &entries[0].1);
        (out, diags.sorted())
    }

    #[test]
    fn counts_refuse_negatives_and_explain_thousand_dots() {
        assert_eq!(check("a: 1299", count).0, Some(1299));
        let (v, d) = check("a: -5", count);
        assert_eq!((v, d[0].code), (None, "negative-count"));
        let (_, d) = check("a: 29.226", count);
        assert!(d[0].hint.as_ref().unwrap().en.contains("`29226`"), "{d:?}");
    }

    #[test]
    fn percents_stay_within_0_to_100() {
        assert_eq!(check("a: 4.59", percent).0, Some(4.59));
        assert_eq!(check("a: 130", percent).1[0].code, "percent-out-of-range");
        assert!(
            check("a: 30%", percent).1[0]
                .hint
                .as_ref()
                .unwrap()
                .en
                .contains("`30`")
        );
    }

    #[test]
    fn dates_are_iso_and_vietnamese_spelling_gets_a_fix() {
        assert_eq!(
            check("a: 2026-05-29", date).0,
            NaiveDate::from_ymd_opt(2026, 5, 29)
        );
        let (v, d) = check("a: 29/5/2026", date);
        assert_eq!(v, None);
        assert_eq!(d[0].code, "malformed-date");
        assert!(d[0].hint.as_ref().unwrap().en.contains("`2026-05-29`"));
        assert_eq!(check("a: 2026-02-30", date).0, None);
    }

    #[test]
    fn links_must_be_web_links() {
        assert!(
            check("a: https://apps.apple.com/vn/app/x", web_link)
                .0
                .is_some()
        );
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "//evil",
            "ftp://x",
        ] {
            let (v, d) = check(&format!("a: \"{bad}\""), web_link);
            assert_eq!((v, d[0].code), (None, "unsafe-link"), "{bad}");
        }
    }

    #[test]
    fn relative_attachment_paths_stay_inside() {
        assert!(is_safe_relative_path("files/959-ubnd-vhxh.pdf"));
        for bad in [
            "../secret",
            "/etc/passwd",
            "files/../../x",
            "a//b",
            "javascript:x",
            "",
        ] {
            assert!(!is_safe_relative_path(bad), "{bad}");
        }
    }

    #[test]
    fn phones_allow_digits_spaces_dots_and_plus() {
        assert_eq!(
            check("a: \"0916 222 326\"", phone).0.as_deref(),
            Some("0916 222 326")
        );
        assert_eq!(check("a: 19009038", phone).0.as_deref(), Some("19009038"));
        assert_eq!(
            check("a: \"+84 916.222.326\"", phone).0.as_deref(),
            Some("+84 916.222.326")
        );
        assert_eq!(
            check("a: \"0916-222-326\"", phone).1[0].code,
            "malformed-phone"
        );
        assert_eq!(tel_digits("+84 916.222.326"), "+84916222326");
    }

    #[test]
    fn ids_are_slugs() {
        assert_eq!(check("a: i-hatinh", id).0.as_deref(), Some("i-hatinh"));
        let (_, d) = check("a: I-HaTinh", id);
        assert!(d[0].hint.as_ref().unwrap().en.contains("`i-hatinh`"));
        assert_eq!(check("a: ../x", id).1[0].code, "malformed-id");
    }
}
