//! The theme: Tera templates and static files. The default theme is built
//! into the binary so any site folder builds; a site's own
//! `themes/<name>/` overrides it file by file.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Text};
use crate::output::Files;
use crate::render::assets::StaticFile;
use crate::source::inside;

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/", $name)))),*]
    };
}

/// The default theme, compiled in.
const DEFAULT_THEME: &[(&str, &str)] = embedded![
    "templates/base.html",
    "templates/index.html",
    "templates/campaign.html",
    "templates/notices.html",
    "templates/notice.html",
    "templates/apps.html",
    "templates/contacts.html",
    "templates/page.html",
    "templates/404.html",
    "templates/poster.html",
    "templates/embed.html",
    "templates/search.html",
    "templates/en.html",
    "templates/atom.xml",
    "templates/sitemap.xml",
    "static/style.css",
    "static/tim-kiem.js",
];

/// The default theme's binary static files: the favicon, and the Vietnamese
/// subset of Noto Sans the pages and poster are set in, so they look and
/// measure the same whatever fonts the reader's phone or the commune
/// office's PC has.
const DEFAULT_THEME_BINARY: &[(&str, &[u8])] = &[
    (
        "static/fonts/noto-sans-400.woff2",
        include_bytes!("../../themes/default/static/fonts/noto-sans-400.woff2"),
    ),
    (
        "static/fonts/noto-sans-700.woff2",
        include_bytes!("../../themes/default/static/fonts/noto-sans-700.woff2"),
    ),
    // The favicon: the SVG for browsers that take one, the ICO that
    // browsers ask /favicon.ico for, the PNG a phone puts on its home screen.
    (
        "static/favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
    (
        "static/favicon.ico",
        include_bytes!("../../themes/default/static/favicon.ico"),
    ),
    (
        "static/apple-touch-icon.png",
        include_bytes!("../../themes/default/static/apple-touch-icon.png"),
    ),
    (
        "static/fonts/OFL.txt",
        include_bytes!("../../themes/default/static/fonts/OFL.txt"),
    ),
];

/// Templates compiled once, and the theme's static files: the built-in
/// ones in memory, the theme folder's to be copied.
pub struct Theme {
    /// Its name in `data/site.yaml`.
    pub name: String,
    pub tera: tera::Tera,
    pub static_files: Files,
    pub static_copies: Vec<StaticFile>,
    /// The templates the site's theme folder gives, unless the same as the
    /// built-in ones (some files are written without Tera by the built-in
    /// template's rules: see [`Theme::is_built_in`]).
    pub own_templates: Vec<String>,
}

impl Theme {
    /// Whether `template` is the built-in one, not the theme folder's.
    pub fn is_built_in(&self, template: &str) -> bool {
        !self.own_templates.iter().any(|t| t == template)
    }
}

/// Loads the theme `name`: the built-in default, overridden by the site's
/// `themes/<name>/` files. Template syntax errors become diagnostics.
pub fn load(root: &Path, name: &str, diags: &mut Diagnostics) -> Option<Theme> {
    let dir = root.join("themes").join(name);
    if name != "default" && !dir.is_dir() {
        diags.push(theme_error(
            PathBuf::from("data/site.yaml"),
            Text::new(
                format!("Không tìm thấy giao diện `themes/{name}/`"),
                format!("The theme folder `themes/{name}/` was not found"),
            ),
        ));
        return None;
    }
    let mut templates: Vec<(String, String)> = Vec::new();
    let mut static_files = Files::new();
    for (path, text) in DEFAULT_THEME {
        add(
            path,
            text.as_bytes().to_vec(),
            &mut templates,
            &mut static_files,
        );
    }
    for (path, bytes) in DEFAULT_THEME_BINARY {
        add(path, bytes.to_vec(), &mut templates, &mut static_files);
    }
    let mut static_copies = Vec::new();
    let mut own_templates = Vec::new();
    let folder = Path::new("themes").join(name);
    for found in inside::walk(root, &folder, diags) {
        if let Some(output) = found.name.strip_prefix("static/") {
            // The folder's file replaces the built-in one of the same name.
            static_files.remove(output);
            static_copies.push(StaticFile {
                output: output.to_string(),
                shown: folder.join(&found.name),
                source: found.path,
            });
        } else if let Some(template) = found.name.strip_prefix("templates/") {
            let bytes = fs::read(&found.path).unwrap_or_default();
            // A copy of the built-in one (the bundled site has them all) is it.
            let built_in = DEFAULT_THEME.iter().find(|(path, _)| *path == found.name);
            if built_in.is_none_or(|(_, text)| text.as_bytes() != bytes) {
                own_templates.push(template.to_string());
            }
            add(&found.name, bytes, &mut templates, &mut static_files);
        }
    }
    let mut tera = tera::Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    tera.set_escape_fn(crate::markup::escape_html);
    crate::render::filters::register(&mut tera);
    if let Err(err) =
        tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    {
        diags.push(theme_error(
            Path::new("themes").join(name).join("templates"),
            Text::new(
                format!("Lỗi trong mẫu giao diện: {err}"),
                format!("Error in a theme template: {err}"),
            ),
        ));
        return None;
    }
    Some(Theme {
        name: name.to_string(),
        tera,
        static_files,
        static_copies,
        own_templates,
    })
}

/// Later files replace earlier ones with the same name (site over built-in).
fn add(path: &str, bytes: Vec<u8>, templates: &mut Vec<(String, String)>, statics: &mut Files) {
    if let Some(name) = path.strip_prefix("templates/") {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        templates.retain(|(n, _)| n != name);
        templates.push((name.to_string(), text));
    } else if let Some(name) = path.strip_prefix("static/") {
        statics.insert(name.to_string(), bytes);
    }
}

/// Why a file made from a theme template (the feed, the sitemap) could not
/// be rendered: the template is the theme's to fix.
pub fn template_failure(template: &str, output: &str, err: &tera::Error) -> Diagnostic {
    let message = Text::new(
        format!("Không dựng được tệp /{output}: {err}"),
        format!("Cannot render /{output}: {err}"),
    );
    Diagnostic {
        code: "template",
        ..theme_error(
            Path::new("themes").join("templates").join(template),
            message,
        )
    }
}

pub fn theme_error(file: PathBuf, message: Text) -> Diagnostic {
    Diagnostic {
        file,
        line: 0,
        column: 0,
        severity: Severity::Error,
        code: "theme",
        message,
        hint: None,
    }
}
