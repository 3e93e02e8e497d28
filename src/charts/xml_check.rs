//! A small XML well-formedness check for the tests (the crate has no XML
//! parser): one root element, balanced tags, quoted and unique attributes,
//! only the five predefined entities or character references, no markup
//! characters left raw in text or attribute values.

/// `Ok` when `xml` is a single well-formed element, else what is wrong.
pub fn check(xml: &str) -> Result<(), String> {
    let mut stack: Vec<&str> = Vec::new();
    let mut roots = 0;
    let mut rest = xml;
    while !rest.is_empty() {
        let Some(at) = rest.find('<') else {
            text(rest, stack.is_empty())?;
            break;
        };
        text(&rest[..at], stack.is_empty())?;
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").ok_or("unclosed comment")?;
            rest = &after[end + 3..];
            continue;
        }
        let end = rest.find('>').ok_or("unclosed tag")?;
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().ok_or_else(|| format!("stray </{name}>"))?;
            if open != name.trim() {
                return Err(format!("<{open}> closed by </{name}>"));
            }
            continue;
        }
        if stack.is_empty() {
            roots += 1;
        }
        let (name, self_closing) = element(tag)?;
        if !self_closing {
            stack.push(name);
        }
    }
    match (stack.last(), roots) {
        (Some(open), _) => Err(format!("<{open}> never closed")),
        (None, 1) => Ok(()),
        (None, n) => Err(format!("{n} root elements")),
    }
}

/// Checks one start tag's inside (`svg a="1" b='2'/`); returns its name and
/// whether it closes itself.
fn element(tag: &str) -> Result<(&str, bool), String> {
    let (tag, self_closing) = match tag.strip_suffix('/') {
        Some(t) => (t, true),
        None => (tag, false),
    };
    let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
    let name = &tag[..name_end];
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || "-_:".contains(c))
    {
        return Err(format!("bad element name in <{tag}>"));
    }
    let mut seen: Vec<&str> = Vec::new();
    let mut rest = tag[name_end..].trim_start();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or_else(|| format!("attribute without value in <{tag}>"))?;
        let key = rest[..eq].trim();
        if key.is_empty() || seen.contains(&key) {
            return Err(format!("empty or repeated attribute {key:?} in <{name}>"));
        }
        seen.push(key);
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|q| *q == '"' || *q == '\'');
        let quote = quote.ok_or_else(|| format!("unquoted {key} in <{name}>"))?;
        let close = after[1..].find(quote).ok_or("unterminated attribute")?;
        let value = &after[1..1 + close];
        if value.contains('<') {
            return Err(format!("raw < in {key}"));
        }
        entities(value)?;
        rest = after[close + 2..].trim_start();
    }
    Ok((name, self_closing))
}

fn text(t: &str, outside: bool) -> Result<(), String> {
    if outside && !t.trim().is_empty() {
        return Err(format!("text outside the root: {t:?}"));
    }
    entities(t)
}

/// Every `&` starts a predefined entity or a character reference.
fn entities(t: &str) -> Result<(), String> {
    let mut rest = t;
    while let Some(at) = rest.find('&') {
        rest = &rest[at + 1..];
        let end = rest.find(';').ok_or("unterminated entity")?;
        let name = &rest[..end];
        let known = ["lt", "gt", "amp", "quot", "apos"].contains(&name)
            || name
                .strip_prefix("#x")
                .is_some_and(|h| u32::from_str_radix(h, 16).is_ok())
            || name
                .strip_prefix('#')
                .is_some_and(|d| d.parse::<u32>().is_ok());
        if !known {
            return Err(format!("unknown entity &{name};"));
        }
    }
    Ok(())
}

/// What every chart must be: well-formed, a scalable root `<svg>` (viewBox,
/// no pixel size, no prologue) labelled by its first two children.
pub fn assert_chart(svg: &str, id: &str) {
    if let Err(e) = check(svg) {
        panic!("not well-formed: {e}\n{svg}");
    }
    // A real parser too (a dev-dependency), in case the small check misses
    // something.
    match roxmltree::Document::parse(svg) {
        Ok(doc) => assert_eq!(doc.root_element().tag_name().name(), "svg"),
        Err(e) => panic!("roxmltree: {e}\n{svg}"),
    }
    let root_end = svg.find('>').unwrap_or(0);
    let root = &svg[..root_end];
    assert!(root.starts_with("<svg "), "{root}");
    assert!(root.contains(r#"viewBox="0 0 "#), "{root}");
    assert!(root.contains(r#"role="img""#), "{root}");
    let labelled = format!(r#"aria-labelledby="title-{id} desc-{id}""#);
    assert!(root.contains(&labelled), "{root}");
    assert!(
        !root.contains(" width=") && !root.contains(" height="),
        "{root}"
    );
    let children = svg[root_end + 1..].trim_start();
    assert!(children.starts_with(&format!(r#"<title id="title-{id}">"#)));
    let (_, after_title) = children.split_once("</title>").unwrap_or_default();
    assert!(
        after_title
            .trim_start()
            .starts_with(&format!(r#"<desc id="desc-{id}">"#))
    );
    assert!(!svg.contains("<?xml"));
    for size in svg.split(r#"font-size=""#).skip(1) {
        let size: f64 = size
            .split('"')
            .next()
            .unwrap_or_default()
            .parse()
            .unwrap_or(0.0);
        assert!(size >= 14.0, "font-size {size} is too small for a phone");
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn accepts_well_formed() {
        assert_eq!(
            check(r#"<a x="1" y='"'><b/>t &amp; &#233;<!-- c --></a>"#),
            Ok(())
        );
    }

    #[test]
    fn rejects_broken() {
        for bad in [
            "<a>",
            "<a></b>",
            "<a/><b/>",
            "<a x=1/>",
            "<a x=\"1\" x=\"2\"/>",
            "<a>&nbsp;</a>",
            "<a>a & b</a>",
            "text<a/>",
            "<?xml version=\"1.0\"?><a/>",
        ] {
            assert!(check(bad).is_err(), "accepted {bad}");
        }
    }
}
