//! Citizen-grade pages: the poster, the portal widget, link previews and the
//! share image, the security headers in <meta>, open data links, search,
//! the notice details Nghị định 42/2022 asks for, the contacts in English,
//! and a light home page.

mod common;

use std::fs;

use common::*;

const CAMPAIGN: &str = "chien-dich/i-hatinh/index.html";
const POSTER: &str = "chien-dich/i-hatinh/ap-phich/index.html";
const WIDGET: &str = "chien-dich/i-hatinh/nhung/index.html";
const SHARE_PNG: &str = "chien-dich/i-hatinh/chia-se.png";
const BASE: &str = "https://example.gov.vn/cds/";

fn with_base_url() -> Built {
    let mut opts = options();
    opts.base_url = Some(BASE.into());
    build_dir(copy_site(&repo_root()), &opts)
}

/// Every HTML file of a build, as (path, text).
fn html_pages(site: &Built) -> Vec<(String, String)> {
    let files = site.outcome.files.as_ref().expect("built");
    files
        .iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path.clone(), String::from_utf8_lossy(bytes).into_owned()))
        .collect()
}

/// Every start tag named `name`, as its text (`<a href=…>`).
fn start_tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        let tag = &rest[at..];
        let next = tag.as_bytes().get(open.len()).copied().unwrap_or(b'>');
        let end = tag.find('>').map_or(tag.len(), |e| e + 1);
        if matches!(next, b' ' | b'>' | b'\n' | b'/') {
            out.push(&tag[..end]);
        }
        rest = &tag[end.max(1)..];
    }
    out
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

// ---- 1. the interface: links, notice fields, QR paths, menu label ----

#[test]
fn built_in_links_come_from_the_layout_and_the_menu_names_the_campaign_shortly() {
    let site = build_fixture("");
    let notice = site.page("van-ban/2026-06-02-959-ubnd-vhxh/index.html");
    assert_contains!(
        notice,
        "<a href=\"../../van-ban/\">Xem tất cả văn bản</a>",
        "<a class=\"app-link\" href=\"../../ung-dung/\">",
        "<a href=\"../../lien-he/\">Danh bạ liên hệ</a>",
        "<a href=\"../../tim-kiem/\">Tìm kiếm</a>",
        // A short menu entry for the campaign: its app, not its 60-letter title.
        "<a href=\"../../chien-dich/i-hatinh/\">Tiến độ i-HaTinh</a>"
    );
    let home = site.page("index.html");
    assert_contains!(home, "<a class=\"brand__title\" href=\"./\">");
}

#[test]
fn the_404_page_links_from_the_base_url_so_it_works_at_any_depth() {
    let site = with_base_url();
    let page = site.page("404.html");
    assert_contains!(
        page,
        &format!("<link rel=\"stylesheet\" href=\"{BASE}style.css\">"),
        &format!("<a href=\"{BASE}van-ban/\">Xem tất cả văn bản</a>"),
        &format!("<a class=\"brand__title\" href=\"{BASE}\">"),
        "<title>Không tìm thấy trang – Chuyển đổi số xã Lộc Hà</title>"
    );
    assert_lacks!(page, "href=\"../", "aria-current", "rel=\"canonical\"");
    // Without a base URL it stays relative to the root, where servers put it.
    assert_contains!(
        build_fixture("").page("404.html"),
        "<link rel=\"stylesheet\" href=\"style.css\">"
    );
}

#[test]
fn rates_never_break_before_the_percent_sign() {
    let site = build_fixture("");
    let main = site.main(CAMPAIGN);
    // A plain space inside a no-wrap span: the text stays "30 %".
    assert_contains!(
        main,
        "<span class=\"nowrap\">30 %</span>",
        "<span class=\"nowrap\">14,82 %</span>",
        "<span class=\"headline__figure nowrap\">4,44 %</span>"
    );
    assert_contains!(site.page("style.css"), ".nowrap{white-space:nowrap}");
}

// ---- 2. Content-Security-Policy, referrer, external links ----

#[test]
fn every_page_has_a_strict_policy_and_no_inline_script_or_style() {
    for site in [build_fixture(""), build_fixture("truong-luu")] {
        for (path, html) in html_pages(&site) {
            assert_contains!(
                html,
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; \
                 img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; \
                 base-uri 'self'; form-action 'self'\">",
                "<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">"
            );
            for script in start_tags(&html, "script") {
                assert!(attr(script, "src").is_some(), "{path}: inline {script}");
            }
            // The policy allows no inline style: none is needed.
            assert_lacks!(html, " style=\"", "<style");
            for a in start_tags(&html, "a") {
                if attr(a, "href").is_some_and(|h| h.starts_with("http")) {
                    assert_eq!(attr(a, "rel"), Some("noopener noreferrer"), "{path}: {a}");
                }
            }
        }
    }
}

// ---- 3. sharing: Open Graph, Twitter card, the share image ----

#[test]
fn every_page_has_link_preview_tags_and_absolute_urls_only_with_a_base_url() {
    let site = build_fixture("");
    for (path, html) in html_pages(&site) {
        let locale = if path == "en/index.html" {
            "en_US"
        } else {
            "vi_VN"
        };
        assert_contains!(
            html,
            "<meta property=\"og:title\" content=\"",
            "<meta property=\"og:description\" content=\"",
            "<meta property=\"og:type\" content=\"",
            &format!("<meta property=\"og:locale\" content=\"{locale}\">"),
            "<meta name=\"twitter:card\" content=\"summary\">",
            "<meta name=\"twitter:title\" content=\""
        );
        // Open Graph needs absolute URLs: without a base URL there is none to give.
        assert_lacks!(html, "og:url", "og:image");
    }
    let site = with_base_url();
    let campaign = site.page(CAMPAIGN);
    assert_contains!(
        campaign,
        &format!("<meta property=\"og:url\" content=\"{BASE}chien-dich/i-hatinh/\">"),
        &format!("<meta property=\"og:image\" content=\"{BASE}{SHARE_PNG}\">"),
        "<meta property=\"og:image:width\" content=\"1200\">",
        "<meta property=\"og:image:height\" content=\"630\">",
        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
        "<meta property=\"og:image:alt\" content=\"Cài đặt, đăng ký và sử dụng ứng dụng Công dân số \
         i-HaTinh – Xã Lộc Hà. Người dân từ 18 tuổi trở lên có tài khoản i-HaTinh: 4,44 %"
    );
    assert_contains!(
        site.page("van-ban/2026-06-02-959-ubnd-vhxh/index.html"),
        "<meta property=\"og:type\" content=\"article\">",
        &format!("<meta property=\"og:image\" content=\"{BASE}{SHARE_PNG}\">")
    );
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

#[test]
fn each_campaign_has_a_1200_by_630_share_image_with_the_same_bytes_every_build() {
    let first = build_fixture("");
    let bytes = fs::read(first.out().join(SHARE_PNG)).expect("share image");
    assert_eq!(png_size(&bytes), (1200, 630));
    assert!(bytes.len() < 150 * 1024, "{} bytes", bytes.len());
    let again = fs::read(build_fixture("").out().join(SHARE_PNG)).unwrap();
    assert!(bytes == again, "the share image changed between two builds");
    // Every fixture's campaigns get one.
    for name in ["truong-luu", "cam-xuyen", "hoang-thanh", "cho-don"] {
        let site = build_fixture(name);
        let files = site.outcome.files.as_ref().unwrap();
        let pngs: Vec<_> = files
            .keys()
            .filter(|p| p.ends_with("/chia-se.png"))
            .collect();
        assert_eq!(pngs.len(), site_campaigns(&site), "{name}: {pngs:?}");
        for p in pngs {
            assert_eq!(png_size(&files[p]), (1200, 630), "{name} {p}");
        }
    }
}

fn site_campaigns(site: &Built) -> usize {
    fs::read_dir(site.out().join("chien-dich"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .count()
}

// ---- 4. the poster ----

#[test]
fn the_poster_has_the_figure_both_store_codes_and_the_hotline() {
    let site = build_fixture("");
    let poster = site.main(POSTER);
    assert_contains!(
        poster,
        "Xã Lộc Hà, Hà Tĩnh",
        "<h1 class=\"poster__title\">Cài đặt, đăng ký và sử dụng ứng dụng Công dân số i-HaTinh</h1>",
        "4,44 %",
        "Mục tiêu: <span class=\"nowrap\">30 %</span> (8.768 tài khoản) trước 31/12/2026",
        "<img class=\"qr__image\" src=\"../../../ung-dung/i-hatinh-ios-qr.svg\" \
         alt=\"Mã QR tải i-HaTinh trên App Store\" width=\"200\" height=\"200\">",
        "<img class=\"qr__image\" src=\"../../../ung-dung/i-hatinh-android-qr.svg\" \
         alt=\"Mã QR tải i-HaTinh trên Google Play\" width=\"200\" height=\"200\">",
        "App Store",
        "Google Play",
        "<a href=\"tel:19009038\">19009038</a>",
        "Cập nhật ngày <time datetime=\"2026-05-29\">29/5/2026</time>"
    );
    for qr in [
        "ung-dung/i-hatinh-ios-qr.svg",
        "ung-dung/i-hatinh-android-qr.svg",
    ] {
        assert!(site.out().join(qr).is_file(), "{qr}");
    }
    // One A4 page on paper.
    assert_contains!(site.page("style.css"), "@page poster{size:A4");
    // The campaign page links to it.
    assert_contains!(
        site.main(CAMPAIGN),
        "<a href=\"../../chien-dich/i-hatinh/ap-phich/\">In áp phích</a>"
    );
}

#[test]
fn the_apps_page_shows_the_store_qr_codes_as_images() {
    let site = build_fixture("");
    assert_contains!(
        site.main("ung-dung/index.html"),
        "<img class=\"qr__image\" src=\"../ung-dung/i-hatinh-ios-qr.svg\" \
         alt=\"Mã QR tải i-HaTinh trên App Store\" width=\"200\" height=\"200\">",
        "alt=\"Mã QR tải i-HaTinh trên Google Play\""
    );
}

// ---- 5. the portal widget ----

#[test]
fn the_widget_is_small_framed_for_an_iframe_and_opens_links_over_the_portal() {
    let site = build_fixture("");
    let widget = site.page(WIDGET);
    assert!(widget.len() < 8 * 1024, "{} bytes", widget.len());
    assert_contains!(
        widget,
        "<meta name=\"robots\" content=\"noindex\">",
        "<body class=\"embed\">",
        "4,44 %",
        "<progress",
        "href=\"tel:19009038\"",
        "<a href=\"../\" target=\"_top\">Xem chi tiết</a>"
    );
    assert_lacks!(widget, "<header", "<footer", "<nav");
    for a in start_tags(&widget, "a") {
        let href = attr(a, "href").unwrap_or("");
        if !href.starts_with("tel:") {
            assert_eq!(attr(a, "target"), Some("_top"), "{a}");
        }
    }
    // Nor in the sitemap (there is one with a base URL).
    let mut opts = options();
    opts.base_url = Some("https://locha.hatinh.gov.vn/cds/".into());
    let mapped = build_dir(copy_site(&repo_root()), &opts);
    assert_lacks!(mapped.page("sitemap.xml"), "nhung/");
}

#[test]
fn the_campaign_page_gives_the_iframe_code_only_with_a_base_url() {
    let site = with_base_url();
    assert_contains!(
        site.main(CAMPAIGN),
        "<pre class=\"snippet\"><code>&lt;iframe src=&quot;https://example.gov.vn/cds/chien-dich/i-hatinh/nhung/&quot; \
         title=&quot;Cài đặt, đăng ký và sử dụng ứng dụng Công dân số i-HaTinh&quot; \
         width=&quot;100%&quot; height=&quot;440&quot; loading=&quot;lazy&quot;",
        "<a href=\"../../chien-dich/i-hatinh/nhung/\">Xem trước khung nhúng</a>"
    );
    assert_contains!(
        site.page(WIDGET),
        &format!("<a href=\"{BASE}chien-dich/i-hatinh/\" target=\"_top\">Xem chi tiết</a>")
    );
    let relative = build_fixture("");
    let main = relative.main(CAMPAIGN);
    assert_lacks!(main, "&lt;iframe");
    assert_contains!(main, "base_url", "data/site.yaml");
}

// ---- 6. open data and the feed ----

#[test]
fn charts_link_their_figures_and_every_page_its_feed_and_open_data() {
    let site = build_fixture("");
    let main = site.main(CAMPAIGN);
    assert_contains!(
        main,
        "<p class=\"data-links\"><a href=\"../../chien-dich/i-hatinh/so-lieu.csv\" type=\"text/csv\" download>",
        "<a href=\"../../chien-dich/i-hatinh/so-lieu.json\" type=\"application/json\">"
    );
    assert!(site.out().join("chien-dich/i-hatinh/so-lieu.csv").is_file());
    for (path, html) in html_pages(&site) {
        if path.ends_with("nhung/index.html") {
            continue;
        }
        let root = "../".repeat(path.matches('/').count());
        let (feed, data) = if path == "en/index.html" {
            ("New notices and figures", "Open data (JSON)")
        } else {
            ("Văn bản và số liệu mới", "Dữ liệu mở (JSON)")
        };
        assert_contains!(
            html,
            &format!(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{feed} – Chuyển đổi số xã Lộc Hà\" href=\"{root}atom.xml\">"
            ),
            &format!("<a href=\"{root}data.json\" type=\"application/json\">{data}</a>")
        );
    }
    assert_contains!(
        site.main("van-ban/index.html"),
        "<a href=\"../atom.xml\" type=\"application/atom+xml\">"
    );
}

// ---- 7. search ----

#[test]
fn the_search_index_holds_folded_text_of_every_notice_page_and_campaign() {
    let site = build_fixture("");
    let docs = search_index(&site.out());
    let urls: Vec<&str> = docs.iter().map(|d| d.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "chien-dich/i-hatinh/",
            "huong-dan-cai-dat-i-hatinh/",
            "gioi-thieu/",
            "lien-he/",
            "ung-dung/",
            "en/",
            "van-ban/2026-06-02-959-ubnd-vhxh/"
        ],
        "the campaign, 2 pages, the contacts, the apps, English, then the notices"
    );
    // The script ranks ties in the site's order from these counts.
    let manifest = site.page("tim-kiem/chi-muc.json");
    assert_contains!(manifest, "\"campaigns\":1", "\"notices\":1");
    for doc in &docs {
        for word in doc.words.keys() {
            assert!(
                word.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
                "{word}"
            );
        }
        assert!(
            site.out().join(&doc.url).join("index.html").is_file(),
            "{}",
            doc.url
        );
        assert!(!doc.title.is_empty());
    }
    let notice = &docs[6];
    assert_eq!(
        (notice.kind.as_str(), notice.date.as_str()),
        ("Công văn", "2/6/2026")
    );
    // Its number and subject are its title's words; its whole body is there.
    for word in ["959", "ubnd", "vhxh", "don", "doc", "hatinh"] {
        assert_eq!(notice.words.get(word), Some(&true), "{word}");
    }
    assert_eq!(notice.words.get("vneid"), Some(&false));
    // "Đường dây nóng" in the guide is found as "duong day nong".
    for word in ["duong", "day", "nong"] {
        assert!(docs[1].words.contains_key(word), "{word}");
    }
}

#[test]
fn the_search_page_works_without_script_and_loads_one_external_script() {
    let site = build_fixture("");
    let page = site.page("tim-kiem/index.html");
    assert_contains!(
        page,
        "<script src=\"../tim-kiem.js\" defer></script>",
        "<form class=\"search\" id=\"tim-kiem\" action=\"./\" method=\"get\"",
        "<input class=\"search__input\" id=\"q\" name=\"q\" type=\"search\"",
        "data-index=\"../tim-kiem/chi-muc.json\""
    );
    // Without script: every document listed.
    for href in [
        "../chien-dich/i-hatinh/",
        "../van-ban/2026-06-02-959-ubnd-vhxh/",
        "../huong-dan-cai-dat-i-hatinh/",
        "../gioi-thieu/",
    ] {
        assert_contains!(page, &format!("<a href=\"{href}\">"));
    }
    let script = site.page("tim-kiem.js");
    assert_contains!(script, "normalize('NFD')", "[đĐ]");
    assert!(script.len() < 8 * 1024);
}

#[test]
fn a_thousand_long_notices_keep_every_word_and_a_small_index() {
    // 1,000 letters of ~6,000 characters, each with a word of its own at
    // the end: the whole text is indexed, and the index stays small (each
    // word once per document, not the text).
    let body =
        "Đường dây nóng phản ánh hiện trường, hỗ trợ người dân cài đặt ứng dụng. ".repeat(80);
    let mut files = vec![
        (
            "data/site.yaml".to_string(),
            "title: T\ncommune: Xã Lộc Hà\nprovince: Hà Tĩnh\nhotline: { number: \"19009038\", label: Đường dây nóng }\n"
                .to_string(),
        ),
    ];
    let own = |i: usize| format!("rieng{i}x");
    for i in 0..1000 {
        files.push((
            format!("content/notices/{i:04}.md"),
            format!(
                "---\ntitle: Thông báo số {i}\ndate: 2026-06-02\n---\n{body}{}\n",
                own(i)
            ),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let site = build_dir(site_with(&refs), &options());
    assert!(!site.outcome.has_errors(), "{:?}", site.outcome.diagnostics);
    let docs = search_index(&site.out());
    let notices: Vec<&IndexedDoc> = docs
        .iter()
        .filter(|d| d.url.starts_with("van-ban/"))
        .collect();
    assert_eq!(notices.len(), 1000);
    for doc in &notices {
        let n: usize = doc.url["van-ban/".len()..doc.url.len() - 1]
            .parse()
            .unwrap();
        assert_eq!(doc.words.get(&own(n)), Some(&false), "{}", doc.url);
        assert_eq!(doc.words.get(&n.to_string()), Some(&true), "{}", doc.url);
    }
    let bytes: u64 = walkdir::WalkDir::new(site.out().join("tim-kiem"))
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| e.metadata().unwrap().len())
        .sum();
    assert!(bytes < 200 * 1024, "{bytes} bytes of index");
}

// ---- 8. Nghị định 42/2022: notice details, the original, English contacts ----

#[test]
fn a_notice_page_gives_every_detail_and_the_signed_original() {
    let dir = copy_site(&repo_root());
    let notice = dir
        .path()
        .join("content/notices/2026-06-02-959-ubnd-vhxh.md");
    let text = fs::read_to_string(&notice).unwrap().replacen(
        "date: 2026-06-02\n",
        "date: 2026-06-02\neffective: 2026-06-03\nattachments: [{ title: Bản ký số (PDF), url: files/959.pdf }]\n",
        1,
    );
    fs::write(&notice, text).unwrap();
    fs::create_dir_all(dir.path().join("static/files")).unwrap();
    fs::write(dir.path().join("static/files/959.pdf"), b"%PDF-1.4\n").unwrap();
    let site = build_dir(dir, &options());
    assert!(!site.outcome.has_errors(), "{:?}", site.outcome.diagnostics);
    let main = site.main("van-ban/2026-06-02-959-ubnd-vhxh/index.html");
    assert_contains!(
        main,
        "<div><dt>Loại văn bản</dt><dd>Công văn</dd></div>",
        "<div><dt>Số, ký hiệu</dt><dd>959/UBND-VHXH</dd></div>",
        "<div><dt>Trích yếu</dt><dd>Đôn đốc tiếp tục cài đặt, sử dụng ứng dụng Công dân số i-HaTinh</dd></div>",
        "<div><dt>Ngày ký</dt><dd><time datetime=\"2026-06-02\">2/6/2026</time></dd></div>",
        "<div><dt>Ngày có hiệu lực</dt><dd><time datetime=\"2026-06-03\">3/6/2026</time></dd></div>",
        "<div><dt>Cơ quan ban hành</dt><dd>Ủy ban nhân dân xã Lộc Hà</dd></div>",
        "<a href=\"../../files/959.pdf\" download>Bản ký số (PDF)</a>"
    );
    assert!(site.out().join("files/959.pdf").is_file());
    // Without `effective`, the row says the letter does not give one.
    assert_contains!(
        build_fixture("").main("van-ban/2026-06-02-959-ubnd-vhxh/index.html"),
        "<div><dt>Ngày có hiệu lực</dt><dd>Văn bản không ghi</dd></div>"
    );
}

#[test]
fn the_english_page_lists_the_contacts_in_english() {
    let site = build_fixture("truong-luu");
    let page = site.page("en/index.html");
    assert_contains!(
        page,
        "<html lang=\"en\">",
        "<h1>Contact — Trường Lưu Commune People&#39;s Committee</h1>",
        "Call the hotline",
        "<div><dt>Name</dt><dd lang=\"vi\">Nguyễn Huy Tuyền</dd></div>",
        "<div><dt>Position</dt><dd lang=\"vi\">Phòng Văn hóa – Xã hội</dd></div>",
        "<div><dt>Unit</dt><dd>Trường Lưu Commune People&#39;s Committee</dd></div>",
        "<a href=\"tel:0916222326\">0916222326",
        "<p class=\"help__label\" lang=\"vi\">Đường dây nóng phản ánh hiện trường</p>",
        "<a href=\"../\" lang=\"vi\" hreflang=\"vi\">Tiếng Việt</a>"
    );
    // No Vietnamese menu on an English page.
    assert_lacks!(page, "Danh mục", "Trang chủ");
    assert_contains!(
        site.page("index.html"),
        "<a href=\"en/\" lang=\"en\" hreflang=\"en\">English</a>"
    );
    // A site without contacts still has the page, with its hotline.
    assert_contains!(
        build_fixture("").page("en/index.html"),
        "Lộc Hà Commune People&#39;s Committee",
        "There is no contact person listed yet.",
        "19009038"
    );
}

// ---- 9. light ----

/// The site-local files a page loads: stylesheets, scripts, images, icons.
fn loaded_resources(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in start_tags(html, "link") {
        let rel = attr(tag, "rel").unwrap_or("");
        if ["stylesheet", "icon", "preload", "modulepreload", "manifest"]
            .iter()
            .any(|r| rel.split(' ').any(|x| x == *r))
        {
            out.extend(attr(tag, "href").map(str::to_string));
        }
    }
    for name in [
        "script", "img", "source", "iframe", "video", "audio", "embed", "object",
    ] {
        for tag in start_tags(html, name) {
            out.extend(attr(tag, "src").map(str::to_string));
            out.extend(attr(tag, "data").map(str::to_string));
        }
    }
    out
}

#[test]
fn the_home_page_and_all_it_loads_weigh_under_100_kib() {
    let site = build_fixture("");
    let home = site.page("index.html");
    let mut total = home.len();
    for resource in loaded_resources(&home) {
        let bytes = fs::read(site.out().join(&resource)).expect(&resource);
        total += bytes.len();
    }
    assert!(total < 100 * 1024, "home page and its files: {total} bytes");
}

#[test]
fn no_page_loads_anything_from_another_site() {
    for site in [build_fixture(""), with_base_url(), build_fixture("cho-don")] {
        for (path, html) in html_pages(&site) {
            for resource in loaded_resources(&html) {
                let foreign = resource.starts_with("http:")
                    || resource.starts_with("//")
                    || (resource.starts_with("https:") && !resource.starts_with(BASE));
                assert!(!foreign, "{path} loads {resource}");
            }
        }
    }
}

#[test]
fn the_sitemap_comes_from_a_template_a_theme_can_override() {
    let mut opts = options();
    opts.base_url = Some("https://locha.hatinh.gov.vn/cds/".into());
    // The built-in template: every page once, absolute, dated by its newest content.
    let built = build_dir(copy_site(&fixture("truong-luu")), &opts);
    let xml = built.page("sitemap.xml");
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset"),
        "{xml}"
    );
    assert_contains!(
        xml,
        "<url><loc>https://locha.hatinh.gov.vn/cds/</loc><lastmod>"
    );
    // A theme's own sitemap.xml replaces it.
    let dir = copy_site(&fixture("truong-luu"));
    let templates = dir.path().join("themes/default/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("sitemap.xml"),
        "<urlset>{% for u in urls %}<u>{{ u.loc }}</u>{% endfor %}</urlset>",
    )
    .unwrap();
    let own = build_dir(dir, &opts);
    assert_contains!(
        own.page("sitemap.xml"),
        "<urlset><u>https://locha.hatinh.gov.vn/cds/</u>"
    );
    // A broken one is an error at the template, and nothing is published.
    let dir = copy_site(&fixture("truong-luu"));
    let templates = dir.path().join("themes/default/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("sitemap.xml"), "{{ urls.nothing.here }}").unwrap();
    let broken = build_dir(dir, &opts);
    let diag = broken
        .outcome
        .diagnostics
        .iter()
        .find(|d| d.file.ends_with("templates/sitemap.xml"))
        .expect("a diagnostic at the sitemap template");
    assert!(
        diag.message.vi.contains("/sitemap.xml"),
        "{:?}",
        diag.message
    );
    assert!(!broken.out().join("sitemap.xml").exists());
}
