//! The frame around every page: language, the way back to the root, the
//! menu, the links to built-in pages and the link-preview tags.

use crate::check::reader::tel_digits;
use crate::model::Campaign;
use crate::render::components::app_view;
use crate::render::ctx::Ctx;
use crate::render::views::*;
use crate::render::{feed, routes, share};
use crate::vi::Lang;

/// The menu label of a campaign longer than this is shortened.
const NAV_LABEL_MAX: usize = 32;

pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    }
}

/// The frame of the page at `path`, titled `title` (the page's own title;
/// the site's is appended, except on the home page).
pub fn layout(ctx: &Ctx, path: &str, title: &str, description: &str) -> Layout {
    let c = &ctx.site.config;
    let full_title = if path.is_empty() {
        c.title.clone()
    } else {
        format!("{title} – {}", c.title)
    };
    let root = routes::root_of(path);
    Layout {
        lang: lang_code(ctx.lang).into(),
        site_lang: lang_code(ctx.lang).into(),
        links: links(&root),
        root,
        path: path.to_string(),
        title: full_title,
        description: description.to_string(),
        canonical: ctx.base_url.map(|b| format!("{b}{path}")),
        site: SiteView {
            title: c.title.clone(),
            commune: c.commune.clone(),
            province: c.province.clone(),
            sample: c.sample,
            hotline: HotlineView {
                number: c.hotline.number.clone(),
                tel: tel_digits(&c.hotline.number),
                label: c.hotline.label.clone(),
            },
            portal: c.portal.as_ref().map(|p| LinkView {
                title: p.name.clone(),
                href: p.url.clone(),
                external: true,
            }),
            apps: c.apps.iter().map(app_view).collect(),
        },
        nav: nav(ctx, path),
        share: ShareView {
            title: naming_the_commune(if path.is_empty() { &c.title } else { title }, &c.commune),
            description: naming_the_commune(description, &c.commune),
            kind: "website".into(),
            locale: match ctx.lang {
                Lang::Vi => "vi_VN".into(),
                Lang::En => "en_US".into(),
            },
            site_name: c.title.clone(),
            url: ctx.base_url.map(|b| format!("{b}{path}")),
            // The first campaign stands for the site until a page says otherwise.
            image: ctx
                .site
                .campaigns
                .first()
                .and_then(|camp| share_image_elsewhere(ctx, camp)),
        },
    }
}

/// A preview's title says whose page it is: "Văn bản" alone, shared in a
/// Zalo group, could be any commune's.
pub fn naming_the_commune(title: &str, commune: &str) -> String {
    let place = crate::vi::fold_words(crate::render::components::strip_unit(commune));
    if crate::vi::fold_words(title).contains(&place) {
        title.to_string()
    } else {
        format!("{title} – {commune}")
    }
}

/// Moves the page's root: 404.html is served at any depth, so with a
/// `base_url` its links start from that absolute address.
pub fn set_root(layout: &mut Layout, root: String) {
    layout.links = links(&root);
    layout.root = root;
}

fn links(root: &str) -> Links {
    let at = |path: &str| format!("{root}{path}");
    Links {
        home: if root.is_empty() {
            "./".into()
        } else {
            root.to_string()
        },
        notices: at(routes::NOTICES),
        apps: at(routes::APPS),
        contacts: at(routes::CONTACTS),
        search: at(routes::SEARCH),
        english: at(routes::ENGLISH),
        feed: at(feed::PATH),
        data: at(routes::SITE_JSON),
        stylesheet: at("style.css"),
    }
}

/// A campaign's share image on its own pages, for link previews: only with
/// a `base_url`, since Open Graph consumers need an absolute URL. Its text
/// alternative says the figures the image shows.
pub fn share_image(ctx: &Ctx, campaign: &Campaign) -> Option<ShareImageView> {
    share_image_with(ctx, campaign, share::alt_text(ctx, campaign))
}

/// The same image on any other page (a notice, the home page): described
/// without its figures, so a new figure changes the campaign's pages and
/// not every page of the site.
pub fn share_image_elsewhere(ctx: &Ctx, campaign: &Campaign) -> Option<ShareImageView> {
    share_image_with(ctx, campaign, share::general_alt_text(ctx, campaign))
}

fn share_image_with(ctx: &Ctx, campaign: &Campaign, alt: String) -> Option<ShareImageView> {
    let base = ctx.base_url?;
    Some(ShareImageView {
        url: format!("{base}{}", routes::share_image(&campaign.id)),
        alt,
        width: share::WIDTH,
        height: share::HEIGHT,
    })
}

/// The menu of the page at `current`: [`Ctx::menu`], or made now when the
/// context has none.
pub fn nav(ctx: &Ctx, current: &str) -> Vec<NavItem> {
    let made;
    let menu = match ctx.menu {
        [] => {
            made = menu(ctx);
            &made[..]
        }
        menu => menu,
    };
    menu.iter()
        .map(|(title, href)| NavItem {
            current: href == current,
            title: title.clone(),
            href: href.clone(),
        })
        .collect()
}

/// The menu's entries (title, address): the same on every page, so a
/// build makes them once (each campaign's label looks at every campaign).
pub fn menu(ctx: &Ctx) -> Vec<(String, String)> {
    let (home, notices, apps, contacts, search) = match ctx.lang {
        Lang::Vi => (
            "Trang chủ",
            "Văn bản",
            "Tải ứng dụng",
            "Liên hệ",
            "Tìm kiếm",
        ),
        Lang::En => ("Home", "Notices", "Get the app", "Contacts", "Search"),
    };
    let mut items = vec![(home.to_string(), String::new())];
    items.extend(
        ctx.site
            .campaigns
            .iter()
            .map(|c| (nav_label(ctx, c), routes::campaign(&c.id))),
    );
    items.push((notices.into(), routes::NOTICES.into()));
    if !ctx.site.config.apps.is_empty() {
        items.push((apps.into(), routes::APPS.into()));
    }
    items.extend(
        ctx.site
            .pages
            .iter()
            .map(|p| (p.title.clone(), routes::page(&p.slug))),
    );
    items.push((search.into(), routes::SEARCH.into()));
    items.push((contacts.into(), routes::CONTACTS.into()));
    items
}

/// A campaign in the menu: its app's progress when no other campaign drives
/// the same app ("Tiến độ i-HaTinh": the app's name alone would read like a
/// download link beside "Tải ứng dụng"), else its title, shortened at a word.
fn nav_label(ctx: &Ctx, c: &Campaign) -> String {
    let app = c.app.as_ref().and_then(|(id, _)| {
        let shared = ctx
            .site
            .campaigns
            .iter()
            .filter(|o| o.app.as_ref().is_some_and(|(oid, _)| oid == id))
            .nth(1)
            .is_some();
        (!shared)
            .then(|| ctx.site.config.apps.iter().find(|a| &a.id == id))
            .flatten()
    });
    match (app, ctx.lang) {
        (Some(app), Lang::Vi) => format!("Tiến độ {}", app.name),
        (Some(app), Lang::En) => format!("{} progress", app.name),
        (None, _) => shorten(&c.title, NAV_LABEL_MAX),
    }
}

/// Cuts `text` at the last word that fits in `max` characters, with `…`.
/// (Run for every campaign in the menu of every page: the lengths are kept
/// as it goes, never counted again.)
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().nth(max).is_none() {
        return text.to_string();
    }
    let mut out = String::new();
    let mut out_chars = 0;
    for word in text.split_whitespace() {
        let word_chars = word.chars().count();
        let len = out_chars + usize::from(!out.is_empty()) + word_chars;
        if len > max - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        out_chars = len;
    }
    if out.is_empty() {
        // One long word: cut it.
        out = text.chars().take(max - 1).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '–', '-', ' ']);
    format!("{out}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_titles_are_shortened_at_a_word() {
        assert_eq!(shorten("Ngắn", 32), "Ngắn");
        let long = "Kế hoạch cao điểm cài đặt, đăng ký ứng dụng i-HaTinh tháng 5/2026";
        let short = shorten(long, 32);
        assert_eq!(short, "Kế hoạch cao điểm cài đặt, đăng…");
        assert!(short.chars().count() <= 32);
        assert_eq!(shorten(&"a".repeat(40), 10), format!("{}…", "a".repeat(9)));
        // Exactly `max` characters fit; words counted in characters, not bytes.
        assert_eq!(shorten("ắắắắ ắắắắ", 9), "ắắắắ ắắắắ");
        assert_eq!(shorten("ắắắắ ắắắắ ắ", 10), "ắắắắ ắắắắ…");
        assert_eq!(shorten("ab cd, ef", 8), "ab cd…");
    }

    #[test]
    fn links_start_from_the_root() {
        let l = links("../../");
        assert_eq!(l.notices, "../../van-ban/");
        assert_eq!(l.home, "../../");
        assert_eq!(links("").home, "./");
        assert_eq!(
            links("https://x.vn/cds/").search,
            "https://x.vn/cds/tim-kiem/"
        );
    }
}
