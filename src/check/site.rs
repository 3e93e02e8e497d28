//! Reading `data/site.yaml` into a [`SiteConfig`].

use chrono_tz::Tz;

use crate::check::reader::{self as r, Checker, Fields};
use crate::diagnostic::Diagnostics;
use crate::messages::{SiteProblem, Subject};
use crate::model::site::DEFAULT_TIMEZONE;
use crate::model::{App, Contact, Hotline, Portal, SiteConfig};
use crate::source::yaml::{Node, Pos};
use crate::vi::Lang;

const SITE_FIELDS: &[&str] = &[
    "title", "commune", "province", "language", "base_url", "timezone", "theme", "sample",
    "portal", "hotline", "contacts", "apps",
];

pub fn read_site(ck: &mut Checker, root: &Node) -> Option<SiteConfig> {
    let f = Fields::open(ck, root, Subject::SiteFile, SITE_FIELDS)?;
    let title = f.required(ck, "title").and_then(|n| r::text(ck, n));
    let commune = f.required(ck, "commune").and_then(|n| r::text(ck, n));
    let province = f.required(ck, "province").and_then(|n| r::text(ck, n));
    let hotline = f.required(ck, "hotline").and_then(|n| read_hotline(ck, n));
    let config = SiteConfig {
        title: title.unwrap_or_default(),
        commune: commune.unwrap_or_default(),
        province: province.unwrap_or_default(),
        language: f
            .get("language")
            .and_then(|n| read_language(ck, n))
            .unwrap_or_default(),
        base_url: f.get("base_url").and_then(|n| read_base_url(ck, n)),
        timezone: f
            .get("timezone")
            .and_then(|n| read_timezone(ck, n))
            .unwrap_or(DEFAULT_TIMEZONE),
        theme: f
            .get("theme")
            .and_then(|n| r::id(ck, n))
            .unwrap_or_else(|| "default".into()),
        sample: f
            .get("sample")
            .and_then(|n| r::boolean(ck, n))
            .unwrap_or(false),
        portal: f.get("portal").and_then(|n| read_portal(ck, n)),
        hotline: hotline.clone().unwrap_or(Hotline {
            number: String::new(),
            label: String::new(),
        }),
        contacts: f
            .get("contacts")
            .map(|n| {
                r::list(ck, n)
                    .iter()
                    .filter_map(|c| read_contact(ck, c))
                    .collect()
            })
            .unwrap_or_default(),
        apps: f.get("apps").map(|n| read_apps(ck, n)).unwrap_or_default(),
    };
    let complete =
        !config.title.is_empty() && !config.commune.is_empty() && !config.province.is_empty();
    (complete && hotline.is_some()).then_some(config)
}

fn read_language(ck: &mut Checker, node: &Node) -> Option<Lang> {
    match r::text(ck, node)?.as_str() {
        "vi" => Some(Lang::Vi),
        "en" => Some(Lang::En),
        other => {
            let written = other.to_string();
            ck.error(node.pos, SiteProblem::UnknownLanguage { written });
            None
        }
    }
}

fn read_base_url(ck: &mut Checker, node: &Node) -> Option<String> {
    let url = r::web_link(ck, node)?;
    Some(if url.ends_with('/') {
        url
    } else {
        format!("{url}/")
    })
}

/// An IANA time zone name (`Asia/Ho_Chi_Minh`), parsed once into the zone
/// "today", dates and the feed's timestamps are computed in.
fn read_timezone(ck: &mut Checker, node: &Node) -> Option<Tz> {
    let name = r::text(ck, node)?;
    if let Ok(tz) = name.trim().parse::<Tz>() {
        return Some(tz);
    }
    ck.error(node.pos, SiteProblem::UnknownTimezone { written: name });
    None
}

fn read_portal(ck: &mut Checker, node: &Node) -> Option<Portal> {
    let f = Fields::open(ck, node, Subject::Portal, &["name", "url"])?;
    let name = f.required(ck, "name").and_then(|n| r::text(ck, n));
    let url = f.required(ck, "url").and_then(|n| r::web_link(ck, n));
    Some(Portal {
        name: name?,
        url: url?,
    })
}

fn read_hotline(ck: &mut Checker, node: &Node) -> Option<Hotline> {
    let f = Fields::open(ck, node, Subject::Hotline, &["number", "label"])?;
    let number = f.required(ck, "number").and_then(|n| r::phone(ck, n));
    let label = f.required(ck, "label").and_then(|n| r::text(ck, n));
    Some(Hotline {
        number: number?,
        label: label?,
    })
}

fn read_contact(ck: &mut Checker, node: &Node) -> Option<Contact> {
    let f = Fields::open(
        ck,
        node,
        Subject::Contact,
        &["name", "role", "phone", "email"],
    )?;
    let name = f.required(ck, "name").and_then(|n| r::text(ck, n));
    let contact = Contact {
        name: name.unwrap_or_default(),
        role: f.get("role").and_then(|n| r::text(ck, n)),
        phone: f.get("phone").and_then(|n| r::phone(ck, n)),
        email: f.get("email").and_then(|n| read_email(ck, n)),
    };
    (!contact.name.is_empty()).then_some(contact)
}

fn read_email(ck: &mut Checker, node: &Node) -> Option<String> {
    let email = r::text(ck, node)?;
    // What would make `mailto:` do more than address one person: `?cc=`,
    // `&bcc=`, `&body=` add recipients or text, `%` hides them.
    let extra = email.chars().find(|c| "?&=#%/".contains(*c));
    let valid = extra.is_none()
        && email.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty()
                && host.contains('.')
                && !host.contains('@')
                && !email
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || "<>\"'(),;:\\".contains(c))
        });
    if valid {
        return Some(email);
    }
    match extra {
        Some(extra) => ck.error(
            node.pos,
            SiteProblem::EmailWithExtra {
                written: email,
                extra,
            },
        ),
        None => ck.error(node.pos, SiteProblem::MalformedEmail { written: email }),
    }
    None
}

fn read_apps(ck: &mut Checker, node: &Node) -> Vec<App> {
    let mut apps: Vec<App> = Vec::new();
    for item in r::list(ck, node) {
        let Some(app) = read_app(ck, item) else {
            continue;
        };
        if apps.iter().any(|a| a.id == app.id) {
            ck.error(app.pos, SiteProblem::DuplicateApp { id: app.id });
            continue;
        }
        apps.push(app);
    }
    apps
}

fn read_app(ck: &mut Checker, node: &Node) -> Option<App> {
    let f = Fields::open(
        ck,
        node,
        Subject::App,
        &["id", "name", "summary", "ios", "android", "guide"],
    )?;
    let id_node = f.required(ck, "id");
    let id = id_node.and_then(|n| r::id(ck, n));
    let name = f.required(ck, "name").and_then(|n| r::text(ck, n));
    let app = App {
        pos: id_node.map_or(f.pos, |n| n.pos),
        summary: f.get("summary").and_then(|n| r::text(ck, n)),
        ios: f.get("ios").and_then(|n| r::web_link(ck, n)),
        android: f.get("android").and_then(|n| r::web_link(ck, n)),
        guide: f.get("guide").and_then(|n| r::web_link(ck, n)),
        id: id?,
        name: name?,
    };
    Some(app)
}

/// A site without a `base_url` (and a build given none) loses its link
/// previews, its sitemap and its canonical links: said once, at site.yaml.
pub fn warn_without_base_url(config: &SiteConfig, given: bool, diags: &mut Diagnostics) {
    if config.base_url.is_some() || given {
        return;
    }
    let mut ck = Checker {
        file: std::path::Path::new(crate::source::files::SITE_FILE),
        diags,
    };
    ck.warning(Pos::default(), SiteProblem::NoBaseUrl);
}
