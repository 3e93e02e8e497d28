//! QR codes for app store links, as standalone SVG files that print sharply
//! on posters and scan from a phone screen.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use std::collections::HashSet;

use super::input::Sink;
use crate::model::App;
use crate::output::{Files, made};

/// Where an app's QR code for a store is written: `ung-dung/i-hatinh-ios-qr.svg`.
pub fn path(app_id: &str, store: &str) -> String {
    format!("{}{app_id}-{store}-qr.svg", crate::render::routes::APPS)
}

/// The most bytes a QR code holds at error correction level M (version 40,
/// byte mode). Longer links get no code, and pages show none.
const MAX_BYTES: usize = 2331;

/// Whether `url` gets a QR code: pages link to the code only when it exists.
pub fn encodable(url: &str) -> bool {
    url.len() <= MAX_BYTES
}

/// A QR code of `url` as an SVG document, or `None` if the URL is too long
/// to encode (store links are far below the limit).
pub fn svg(url: &str, label: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let image = code
        .render::<svg::Color>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    let title = crate::markup::escape(label);
    // Give the image an accessible name: the link it encodes.
    Some(image.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{title}\" "),
        1,
    ))
}

/// Every app's store QR codes.
pub fn files(apps: &[App]) -> Files {
    let files = std::sync::Mutex::new(Files::new());
    put(apps, &|path, bytes| {
        if let Ok(mut files) = files.lock() {
            files.insert(path, bytes);
        }
    });
    files.into_inner().unwrap_or_default()
}

/// What a code is drawn by: change it when the drawing changes (another
/// `qrcode` version, other colours), so no code drawn before is kept.
const DRAWING: &str = "qr: qrcode 0.14, EcLevel::M, 240 px, quiet zone, aria-label";

/// Puts every app's store QR codes into `sink`, each keyed by what it
/// encodes and says (see [`crate::output::made`]); returns their paths.
pub fn put(apps: &[App], sink: &dyn Sink) -> HashSet<String> {
    let mut paths = HashSet::new();
    for app in apps {
        for (store, link) in [("ios", &app.ios), ("android", &app.android)] {
            let Some(url) = link.as_deref().filter(|url| encodable(url)) else {
                continue;
            };
            let label = format!("{} – {url}", app.name);
            let key = made::key(&[DRAWING.as_bytes(), url.as_bytes(), label.as_bytes()]);
            let path = path(&app.id, store);
            sink.put_made(path.clone(), key, &|| {
                svg(url, &label).map(String::into_bytes)
            });
            paths.insert(path);
        }
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_links_become_square_svg_codes() {
        let svg = svg(
            "https://apps.apple.com/vn/app/i-hatinh/id6759859323",
            "i-HaTinh",
        )
        .unwrap();
        assert!(
            svg.contains("<svg role=\"img\" aria-label=\"i-HaTinh\""),
            "{svg}"
        );
        assert!(
            svg.contains("<path") || svg.contains("<rect"),
            "no modules drawn"
        );
    }

    #[test]
    fn every_encodable_link_encodes() {
        let longest = format!("https://e.vn/{}", "a".repeat(MAX_BYTES - 13));
        assert!(encodable(&longest));
        assert!(svg(&longest, "x").is_some());
        assert!(!encodable(&format!("{longest}a")));
    }
}
