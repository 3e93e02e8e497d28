//! What every chart must be, for the charts' tests: well-formed XML (read
//! by roxmltree, a real parser), one `<svg>` that scales, named by its title
//! and description, with text large enough for a phone.

/// Panics, showing the chart, unless `svg` is such a chart with ids from `id`.
pub fn assert_chart(svg: &str, id: &str) {
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
