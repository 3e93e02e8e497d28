//! `data/site.yaml`: the commune, its hotline, contacts and apps.

use crate::diagnostic::Text;
use crate::model::reader::{self as r, Checker, Fields};
use crate::source::yaml::{Node, Pos};
use crate::vi::Lang;

#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub commune: String,
    pub province: String,
    pub language: Lang,
    pub base_url: Option<String>,
    pub timezone: String,
    pub theme: String,
    pub sample: bool,
    pub portal: Option<Portal>,
    pub hotline: Hotline,
    pub contacts: Vec<Contact>,
    pub apps: Vec<App>,
}

#[derive(Debug, Clone)]
pub struct Portal {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct Hotline {
    pub number: String,
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct Contact {
    pub name: String,
    pub role: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone)]
pub struct App {
    pub id: String,
    pub pos: Pos,
    pub name: String,
    pub summary: Option<String>,
    pub ios: Option<String>,
    pub android: Option<String>,
    pub guide: Option<String>,
}

/// Timezones we can compute "today" in without a timezone database.
/// Vietnam has one offset and no daylight saving.
pub const KNOWN_TIMEZONES: &[(&str, i32)] = &[
    ("Asia/Ho_Chi_Minh", 7 * 3600),
    ("Asia/Saigon", 7 * 3600),
    ("Asia/Bangkok", 7 * 3600),
    ("UTC", 0),
];

const SITE_FIELDS: &[&str] = &[
    "title", "commune", "province", "language", "base_url", "timezone", "theme", "sample",
    "portal", "hotline", "contacts", "apps",
];

fn the_site() -> Text {
    Text::new("tệp site.yaml", "site.yaml")
}

pub fn read_site(ck: &mut Checker, root: &Node) -> Option<SiteConfig> {
    let what = the_site();
    let f = Fields::open(ck, root, &what, SITE_FIELDS)?;
    let title = f.required(ck, "title", &what).and_then(|n| r::text(ck, n));
    let commune = f
        .required(ck, "commune", &what)
        .and_then(|n| r::text(ck, n));
    let province = f
        .required(ck, "province", &what)
        .and_then(|n| r::text(ck, n));
    let hotline = f
        .required(ck, "hotline", &what)
        .and_then(|n| read_hotline(ck, n));
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
            .unwrap_or_else(|| "Asia/Ho_Chi_Minh".into()),
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
            ck.error(
                node.pos,
                "unknown-language",
                Text::new(
                    format!("Ngôn ngữ `{other}` chưa được hỗ trợ"),
                    format!("The language `{other}` is not supported"),
                ),
                Some(Text::new(
                    "viết `vi` (tiếng Việt) hoặc `en` (tiếng Anh)",
                    "write `vi` (Vietnamese) or `en` (English)",
                )),
            );
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

fn read_timezone(ck: &mut Checker, node: &Node) -> Option<String> {
    let tz = r::text(ck, node)?;
    if KNOWN_TIMEZONES.iter().any(|(name, _)| *name == tz) {
        return Some(tz);
    }
    ck.error(
        node.pos,
        "unknown-timezone",
        Text::new(
            format!("Múi giờ `{tz}` chưa được hỗ trợ"),
            format!("The timezone `{tz}` is not supported"),
        ),
        Some(Text::new(
            "viết `Asia/Ho_Chi_Minh` (giờ Việt Nam), hoặc bỏ dòng này",
            "write `Asia/Ho_Chi_Minh` (Vietnam time), or remove the line",
        )),
    );
    None
}

fn read_portal(ck: &mut Checker, node: &Node) -> Option<Portal> {
    let what = Text::new("cổng thông tin (portal)", "the portal");
    let f = Fields::open(ck, node, &what, &["name", "url"])?;
    let name = f.required(ck, "name", &what).and_then(|n| r::text(ck, n));
    let url = f
        .required(ck, "url", &what)
        .and_then(|n| r::web_link(ck, n));
    Some(Portal {
        name: name?,
        url: url?,
    })
}

fn read_hotline(ck: &mut Checker, node: &Node) -> Option<Hotline> {
    let what = Text::new("đường dây nóng (hotline)", "the hotline");
    let f = Fields::open(ck, node, &what, &["number", "label"])?;
    let number = f
        .required(ck, "number", &what)
        .and_then(|n| r::phone(ck, n));
    let label = f.required(ck, "label", &what).and_then(|n| r::text(ck, n));
    Some(Hotline {
        number: number?,
        label: label?,
    })
}

fn read_contact(ck: &mut Checker, node: &Node) -> Option<Contact> {
    let what = Text::new("một người liên hệ (contacts)", "a contact");
    let f = Fields::open(ck, node, &what, &["name", "role", "phone", "email"])?;
    let name = f.required(ck, "name", &what).and_then(|n| r::text(ck, n));
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
    let (message, hint) = match extra {
        Some(c) => (
            Text::new(
                format!(
                    "`{email}` không phải là một địa chỉ thư điện tử: có ký tự `{c}`, mà phần từ đó trở đi sẽ thêm người nhận hoặc nội dung khác vào thư người dân gửi"
                ),
                format!(
                    "`{email}` is not one email address: it has `{c}`, and what follows it would add other recipients or text to the mail a citizen sends"
                ),
            ),
            Text::new(
                "chỉ ghi một địa chỉ, ví dụ `vhxh.locha@hatinh.gov.vn`",
                "write one address only, e.g. `vhxh.locha@hatinh.gov.vn`",
            ),
        ),
        None => (
            Text::new(
                format!("`{email}` không phải là địa chỉ thư điện tử"),
                format!("`{email}` is not an email address"),
            ),
            Text::new(
                "ví dụ `vhxh.locha@hatinh.gov.vn`",
                "for example `vhxh.locha@hatinh.gov.vn`",
            ),
        ),
    };
    ck.error(node.pos, "malformed-email", message, Some(hint));
    None
}

fn read_apps(ck: &mut Checker, node: &Node) -> Vec<App> {
    let mut apps: Vec<App> = Vec::new();
    for item in r::list(ck, node) {
        let Some(app) = read_app(ck, item) else {
            continue;
        };
        if apps.iter().any(|a| a.id == app.id) {
            ck.error(
                app.pos,
                "duplicate-id",
                Text::new(
                    format!("Mã ứng dụng `{}` bị trùng", app.id),
                    format!("The app id `{}` is used twice", app.id),
                ),
                Some(Text::new(
                    "đặt cho mỗi ứng dụng một mã riêng",
                    "give each app its own id",
                )),
            );
            continue;
        }
        apps.push(app);
    }
    apps
}

fn read_app(ck: &mut Checker, node: &Node) -> Option<App> {
    let what = Text::new("một ứng dụng (apps)", "an app");
    let f = Fields::open(
        ck,
        node,
        &what,
        &["id", "name", "summary", "ios", "android", "guide"],
    )?;
    let id_node = f.required(ck, "id", &what);
    let id = id_node.and_then(|n| r::id(ck, n));
    let name = f.required(ck, "name", &what).and_then(|n| r::text(ck, n));
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
