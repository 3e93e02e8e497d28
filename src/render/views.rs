//! What templates see: plain serializable structs, every number already
//! formatted for the site's language. Kept apart from the model on purpose:
//! this is the interface a theme author writes against.

use serde::Serialize;

/// Shared by every page: the frame around `main`.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    /// `vi` or `en`, for `<html lang>`.
    pub lang: String,
    /// Relative prefix to the site root from this page: `""`, `"../"`, `"../../"`;
    /// on 404.html, which a server shows at any depth, the `base_url` when set.
    /// Every internal link in a template is `{{ root }}{{ href }}`.
    pub root: String,
    /// This page's path from the site root, e.g. `chien-dich/i-hatinh/`.
    pub path: String,
    /// `<title>`: the page's own title, then the site's.
    pub title: String,
    /// `<meta name="description">`.
    pub description: String,
    /// Absolute URL of this page when `base_url` is set.
    pub canonical: Option<String>,
    pub site: SiteView,
    /// The menu, in order; `current` marks this page's entry. Empty on
    /// pages with their own frame (the English page).
    pub nav: Vec<NavItem>,
    /// The built-in pages and files, as ready-to-use `href`s (already
    /// prefixed with `root`).
    pub links: Links,
    /// Link-preview tags (Open Graph, Twitter card).
    pub share: ShareView,
    /// The language of the site's own texts (names, labels from the site's
    /// files): differs from `lang` on the English page, where such texts get
    /// `lang="{{ layout.site_lang }}"`.
    pub site_lang: String,
}

/// Where the built-in pages and files are, from this page. Every value is
/// a complete `href`: `{{ layout.links.notices }}`.
#[derive(Debug, Clone, Serialize)]
pub struct Links {
    /// The home page (`./` on the home page itself).
    pub home: String,
    pub notices: String,
    /// The apps page (written only when the site lists apps).
    pub apps: String,
    pub contacts: String,
    pub search: String,
    /// The contacts in English (`en/`).
    pub english: String,
    /// The Atom feed of notices and figures.
    pub feed: String,
    /// Every campaign's figures as one JSON file.
    pub data: String,
    pub stylesheet: String,
}

/// What a shared link shows (Open Graph and Twitter card tags).
#[derive(Debug, Clone, Serialize)]
pub struct ShareView {
    /// The page's own title (without the site's).
    pub title: String,
    pub description: String,
    /// `og:type`: `website`, or `article` for a notice.
    pub kind: String,
    /// `og:locale`: `vi_VN` or `en_US`.
    pub locale: String,
    pub site_name: String,
    /// Absolute URL of the page; only with `base_url` (Open Graph needs absolute URLs).
    pub url: Option<String>,
    /// The campaign's 1200×630 share image; only with `base_url`.
    pub image: Option<ShareImageView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ShareImageView {
    /// Absolute URL.
    pub url: String,
    pub alt: String,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub commune: String,
    pub province: String,
    /// Marks every page "dữ liệu minh họa" (sample data).
    pub sample: bool,
    pub hotline: HotlineView,
    pub portal: Option<LinkView>,
    /// The first app, for the "download" button in the header.
    pub apps: Vec<AppView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HotlineView {
    /// As written: `1900 9038`.
    pub number: String,
    /// For `href="tel:…"`: digits and a leading `+` only.
    pub tel: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub title: String,
    /// Absolute (`https://…`) or root-relative (no leading slash, prefix with `root`).
    pub href: String,
    /// True for `http(s)://` links: gets `rel="noopener noreferrer"`.
    pub external: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    pub title: String,
    pub href: String,
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppView {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub ios: Option<String>,
    pub android: Option<String>,
    pub guide: Option<String>,
    /// Root-relative path of the QR code of the App Store link (an SVG file).
    pub ios_qr: Option<String>,
    /// Root-relative path of the QR code of the Google Play link.
    pub android_qr: Option<String>,
}

/// A status in words and as a stable code for CSS (`reached`, `on-track`,
/// `behind`, `no-data`, `unknown`). Never shown by colour alone.
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub code: String,
    pub label: String,
}

/// A progress bar toward a target.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressView {
    /// 0–100, the bar's fill: share of the target reached.
    pub fill: f64,
    /// The bar in words: "Đạt 14,8 % chỉ tiêu".
    pub label: String,
}

/// A notice in a list.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeItem {
    pub title: String,
    pub href: String,
    pub kind: Option<String>,
    pub number: Option<String>,
    /// Formatted date signed: `2/6/2026`.
    pub date: String,
    /// ISO date for `<time datetime>`.
    pub date_iso: String,
    pub draft: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct HomePage {
    pub campaigns: Vec<CampaignCard>,
    pub notices: Vec<NoticeItem>,
}

/// A campaign on the home page.
#[derive(Debug, Clone, Serialize)]
pub struct CampaignCard {
    pub title: String,
    pub href: String,
    /// Sanitized inline HTML.
    pub summary_html: String,
    /// The headline indicator's latest rate or count, "khoảng" included
    /// when the source said so: "4,44 %", "khoảng 3 %".
    pub headline: Option<String>,
    /// What the headline is: "Người dân … có tài khoản (1.299/29.226 tài khoản, ngày 29/5/2026)".
    pub headline_label: Option<String>,
    pub progress: Option<ProgressView>,
    pub status: StatusView,
    /// "29/5/2026", when the newest figure was reported.
    pub updated: Option<String>,
    pub updated_iso: Option<String>,
    pub deadline: Option<String>,
    pub overdue: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct CampaignPage {
    pub id: String,
    pub title: String,
    pub summary_html: String,
    pub app: Option<AppView>,
    /// "13/5/2026 – 30/6/2026".
    pub period: Option<String>,
    pub deadline: Option<String>,
    /// "còn 37 ngày" / "đã hết hạn 5 ngày".
    pub days_left: Option<String>,
    /// "Báo cáo vào thứ Hai, thứ Năm trước 14:00".
    pub reporting: Option<String>,
    /// Said plainly when figures are overdue by the reporting schedule.
    pub overdue: Option<String>,
    pub indicators: Vec<IndicatorView>,
    pub phases: Vec<PhaseView>,
    pub notices: Vec<NoticeItem>,
    /// Root-relative paths of the campaign's open data.
    pub data_csv: String,
    pub data_xlsx: String,
    pub data_json: String,
    /// Root-relative path of the printable poster.
    pub poster: String,
    /// Root-relative path of the widget for the commune portal.
    pub embed: String,
    /// The `<iframe>` to paste into the portal, as text; only with `base_url`
    /// (a portal page needs an absolute address).
    pub embed_snippet: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    /// Anchor on the page: `chi-so-adults`.
    pub anchor: String,
    pub label: String,
    pub unit: Option<String>,
    pub status: StatusView,
    /// What the status rests on, when that helps: "Đến hạn 18/8/2025 còn thiếu 165 tài khoản so với chỉ tiêu."
    pub status_detail: Option<String>,
    /// The big number: "4,44 %" (or "1.299" without a population).
    pub headline: Option<String>,
    /// The sentence under it: "1.299 trên 29.226 tài khoản, ngày 29/5/2026".
    pub headline_detail: Option<String>,
    /// "khoảng" when the source said "about".
    pub approximate: bool,
    pub progress: Option<ProgressView>,
    /// "Mục tiêu: 30 % (8.768 tài khoản) trước 31/12/2026".
    pub target: Option<String>,
    /// Each derived fact as a label and a value, in reading order:
    /// still needed, days left, pace so far, pace needed, projection, rank.
    pub facts: Vec<Fact>,
    /// "thứ 45/69 xã, phường trong tỉnh".
    pub rank: Option<String>,
    pub updated: Option<String>,
    pub updated_iso: Option<String>,
    /// Inline SVG, already safe (generated, no user HTML inside unescaped).
    pub chart_svg: Option<String>,
    pub table: FigureTable,
    pub breakdowns: Vec<BreakdownView>,
    /// Warnings about this indicator's figures that readers should see
    /// (e.g. the stated rate differs from the computed one).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// The figures as a table: headers and rows of formatted cells.
#[derive(Debug, Clone, Serialize)]
pub struct FigureTable {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BreakdownView {
    /// "Theo thôn, ngày 10/6/2026".
    pub title: String,
    pub chart_svg: Option<String>,
    pub table: FigureTable,
}

#[derive(Debug, Clone, Serialize)]
pub struct PhaseView {
    pub name: String,
    /// "13/5/2026 – 17/5/2026".
    pub period: String,
    /// Each target with how it went: "Đảng viên: 85 %" — "không có số liệu".
    pub targets: Vec<PhaseTargetView>,
    /// `past`, `current` or `future`, relative to today.
    pub timing: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PhaseTargetView {
    /// The indicator.
    pub label: String,
    /// "85 %".
    pub value: String,
    /// `upcoming`, `reached`, `not-yet`, `not-reached`, `no-data`, `incomparable`.
    pub result: String,
    /// The result in words: "Đạt (87 % ngày 17/5/2026)", "Không có số liệu".
    pub result_label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoticeListPage {
    pub notices: Vec<NoticeItem>,
    /// Links to the other pages of the list, when there is more than one.
    pub pager: Option<Pager>,
}

/// The links between the pages of a long list.
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    /// "Trang 2/14".
    pub position: String,
    /// Root-relative.
    pub previous: Option<String>,
    pub next: Option<String>,
    /// The first, the last and those around the current one, with gaps.
    pub pages: Vec<PagerLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PagerLink {
    /// The page number as shown, or `…` for a gap.
    pub label: String,
    /// Root-relative; `None` for a gap.
    pub href: Option<String>,
    pub current: bool,
}

/// An official letter, laid out as it was signed (Nghị định 30/2020 layout).
#[derive(Debug, Clone, Serialize)]
pub struct NoticePage {
    /// "ỦY BAN NHÂN DÂN" then "XÃ LỘC HÀ": upper-case lines of the issuer.
    pub issuer_lines: Vec<String>,
    pub kind: Option<String>,
    /// "Số: 959/UBND-VHXH", or "Số: …" for a draft.
    pub number: Option<String>,
    /// "959/UBND-VHXH" as written; `None` for a draft without a number.
    pub number_bare: Option<String>,
    /// The issuing body as written: "Ủy ban nhân dân xã Lộc Hà".
    pub issuer: String,
    /// "Lộc Hà, ngày 02 tháng 6 năm 2026".
    pub place_date: String,
    pub date_iso: String,
    /// "2/6/2026" for metadata lists.
    pub date: String,
    pub effective: Option<String>,
    /// ISO date for `<time datetime>` of `effective`.
    pub effective_iso: Option<String>,
    pub title: String,
    pub recipients: Vec<String>,
    /// Sanitized HTML.
    pub body_html: String,
    pub distribution: Vec<String>,
    pub signer: Option<SignerView>,
    pub attachments: Vec<LinkView>,
    pub campaigns: Vec<LinkView>,
    pub draft: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SignerView {
    /// Upper case as printed: "TM. ỦY BAN NHÂN DÂN".
    pub on_behalf: Option<String>,
    pub authority: Option<String>,
    pub position: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppsPage {
    pub apps: Vec<AppView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactsPage {
    pub contacts: Vec<ContactView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    pub name: String,
    pub role: Option<String>,
    pub phone: Option<String>,
    pub tel: Option<String>,
    pub email: Option<String>,
}

/// A campaign's A4 poster: one figure, the target, the store QR codes, the hotline.
#[derive(Debug, Clone, Serialize)]
pub struct PosterPage {
    pub title: String,
    /// `long` or `very-long` for a title that would push the sheet onto a
    /// second page at full size (the poster then shrinks); empty otherwise.
    pub title_length: &'static str,
    /// Back to the campaign page (root-relative).
    pub href: String,
    pub updated: Option<String>,
    pub updated_iso: Option<String>,
    pub app: Option<AppView>,
    /// Every indicator, the headline one first: its figure, what it counts
    /// and its target.
    pub lines: Vec<LeadView>,
}

/// One indicator in a glance (poster, share image): what, how much, the
/// target naming whom it is for, the status.
#[derive(Debug, Clone, Serialize)]
pub struct LeadView {
    /// What the figure counts (worded as not yet done for people still to reach).
    pub label: String,
    /// "4,44 %"; `None` without figures.
    pub figure: Option<String>,
    pub approximate: bool,
    /// "khoảng 3 %", "còn 6.516 người".
    pub figure_phrase: Option<String>,
    /// "1.299/29.226 tài khoản, ngày 29/5/2026".
    pub detail: Option<String>,
    /// "30 % (8.768 tài khoản) trước 31/12/2026".
    pub target: Option<String>,
    /// Share of the target reached, 0–1, when it means something.
    pub share: Option<f64>,
    pub status: StatusView,
}

/// A campaign's widget for an `<iframe>` on the commune portal.
#[derive(Debug, Clone, Serialize)]
pub struct EmbedPage {
    pub card: CampaignCard,
    pub app: Option<AppView>,
    /// The campaign page: absolute with `base_url`, else relative to the widget.
    pub detail_href: String,
}

/// Search: every notice, page and campaign, listed (the page works without
/// script); `tim-kiem.js` filters them with the index.
#[derive(Debug, Clone, Serialize)]
pub struct SearchPage {
    /// Every campaign and page, and the newest notices.
    pub items: Vec<SearchItem>,
    /// "Xem tất cả 10.000 văn bản", when not every notice is listed.
    pub all_notices: Option<String>,
    /// Root-relative path of the JSON index.
    pub index: String,
    /// Root-relative path of the script.
    pub script: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchItem {
    pub title: String,
    pub href: String,
    /// "Công văn", "Trang", "Chiến dịch"…
    pub kind: String,
    pub date: Option<String>,
    pub date_iso: Option<String>,
}

/// The organisation's contacts in English (`en/`), whatever the site's language.
#[derive(Debug, Clone, Serialize)]
pub struct EnglishPage {
    /// "Lộc Hà Commune People's Committee".
    pub organisation: String,
    /// The commune and province as written, in Vietnamese.
    pub commune: String,
    pub province: String,
    pub hotline_label: String,
    pub contacts: Vec<ContactView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FreePage {
    pub title: String,
    pub body_html: String,
}
