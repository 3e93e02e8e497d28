//! What the world outside the site sees of it: link previews (Open Graph),
//! the sitemap and robots.txt, with and without a `base_url`.

mod common;

use std::process::Command;

use common::*;

/// The sitemaps.org schema for sitemap files, version 0.9 (published at
/// www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd, last modified
/// 2008-03-26), without its documentation annotations: the test validates
/// offline.
const SITEMAP_XSD: &str = r###"<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
  targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
  xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
  <xsd:element name="urlset">
    <xsd:complexType>
      <xsd:sequence>
        <xsd:any namespace="##other" minOccurs="0" maxOccurs="unbounded" processContents="strict"/>
        <xsd:element name="url" type="tUrl" maxOccurs="unbounded"/>
      </xsd:sequence>
    </xsd:complexType>
  </xsd:element>
  <xsd:complexType name="tUrl">
    <xsd:sequence>
      <xsd:element name="loc" type="tLoc"/>
      <xsd:element name="lastmod" type="tLastmod" minOccurs="0"/>
      <xsd:element name="changefreq" type="tChangeFreq" minOccurs="0"/>
      <xsd:element name="priority" type="tPriority" minOccurs="0"/>
      <xsd:any namespace="##other" minOccurs="0" maxOccurs="unbounded" processContents="strict"/>
    </xsd:sequence>
  </xsd:complexType>
  <xsd:simpleType name="tLoc">
    <xsd:restriction base="xsd:anyURI">
      <xsd:minLength value="12"/>
      <xsd:maxLength value="2048"/>
    </xsd:restriction>
  </xsd:simpleType>
  <xsd:simpleType name="tLastmod">
    <xsd:union>
      <xsd:simpleType><xsd:restriction base="xsd:date"/></xsd:simpleType>
      <xsd:simpleType><xsd:restriction base="xsd:dateTime"/></xsd:simpleType>
    </xsd:union>
  </xsd:simpleType>
  <xsd:simpleType name="tChangeFreq">
    <xsd:restriction base="xsd:string">
      <xsd:enumeration value="always"/>
      <xsd:enumeration value="hourly"/>
      <xsd:enumeration value="daily"/>
      <xsd:enumeration value="weekly"/>
      <xsd:enumeration value="monthly"/>
      <xsd:enumeration value="yearly"/>
      <xsd:enumeration value="never"/>
    </xsd:restriction>
  </xsd:simpleType>
  <xsd:simpleType name="tPriority">
    <xsd:restriction base="xsd:decimal">
      <xsd:minInclusive value="0.0"/>
      <xsd:maxInclusive value="1.0"/>
    </xsd:restriction>
  </xsd:simpleType>
</xsd:schema>
"###;

fn with_base_url() -> Built {
    let mut opts = options();
    opts.base_url = Some("https://loc-ha.hatinh.gov.vn/cds/".into());
    build_dir(copy_site(&repo_root()), &opts)
}

/// `content="…"` of the first `<meta property|name="name">`.
fn meta(page: &str, name: &str) -> String {
    let tag = page
        .split('<')
        .find(|t| t.starts_with("meta ") && t.contains(&format!("=\"{name}\"")))
        .unwrap_or_else(|| panic!("no {name} in:\n{page}"));
    let start = tag.find("content=\"").expect("content") + 9;
    tag[start..start + tag[start..].find('"').unwrap()].to_string()
}

#[test]
fn without_base_url_there_is_no_sitemap_and_check_says_once_what_is_lost() {
    let site = build_fixture("");
    assert!(!site.out().join("sitemap.xml").exists());
    let robots = site.page("robots.txt");
    assert_lacks!(robots, "Sitemap");
    assert_contains!(robots, "User-agent: *");

    let out = loaxa(&["check", "--today", TODAY], &repo_root());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("base_url").count(), 2, "{stderr}");
    assert_contains!(
        stderr,
        "cảnh báo: Chưa ghi địa chỉ trang web (`base_url`)",
        "không hiện ảnh xem trước",
        "sitemap.xml",
        "canonical",
        "thêm một dòng vào data/site.yaml",
        "--> data/site.yaml"
    );
    // A site that has one is not told.
    let dir = copy_site(&repo_root());
    let yaml = dir.path().join("data/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(
        &yaml,
        text + "\nbase_url: https://loc-ha.hatinh.gov.vn/cds/\n",
    )
    .unwrap();
    let out = loaxa(&["check", "--today", TODAY], dir.path());
    assert_lacks!(String::from_utf8_lossy(&out.stderr), "base_url");
    // `build` says the same, unless it is given the address.
    let root = repo_root().to_string_lossy().to_string();
    let out_dir = tempfile::tempdir().expect("temp dir");
    let out_arg = out_dir.path().join("site").to_string_lossy().to_string();
    let args = [
        "build", "--root", &root, "--out", &out_arg, "--today", TODAY,
    ];
    let built = loaxa(&args, &repo_root());
    assert_contains!(
        String::from_utf8_lossy(&built.stderr),
        "Chưa ghi địa chỉ trang web (`base_url`)"
    );
    let given = [
        &args[..],
        &["--base-url", "https://loc-ha.hatinh.gov.vn/cds/"],
    ]
    .concat();
    let built = loaxa(&given, &repo_root());
    assert_lacks!(String::from_utf8_lossy(&built.stderr), "base_url");
}

#[test]
fn with_base_url_the_sitemap_is_valid_with_lastmod() {
    let site = with_base_url();
    let sitemap = site.page("sitemap.xml");
    // Dates of the newest content, by hand from the bundled site: the
    // letter was signed 2 June 2026, the newest figure is of 29 May.
    assert_contains!(
        sitemap,
        "<url><loc>https://loc-ha.hatinh.gov.vn/cds/van-ban/2026-06-02-959-ubnd-vhxh/</loc><lastmod>2026-06-02</lastmod></url>",
        "<url><loc>https://loc-ha.hatinh.gov.vn/cds/chien-dich/i-hatinh/</loc><lastmod>2026-05-29</lastmod></url>",
        "<url><loc>https://loc-ha.hatinh.gov.vn/cds/</loc><lastmod>2026-06-02</lastmod></url>",
        "<url><loc>https://loc-ha.hatinh.gov.vn/cds/en/</loc></url>"
    );
    assert_lacks!(sitemap, "nhung/");
    assert_contains!(
        site.page("robots.txt"),
        "Sitemap: https://loc-ha.hatinh.gov.vn/cds/sitemap.xml"
    );

    let xmllint = Command::new("xmllint").arg("--version").output().is_ok();
    if !xmllint {
        assert!(
            std::env::var("CI").is_err(),
            "xmllint missing in CI: .ci/run installs libxml2-utils"
        );
        eprintln!("SKIPPED schema validation: install xmllint (libxml2-utils)");
        return;
    }
    let xsd = site.dir.path().join("sitemap.xsd");
    std::fs::write(&xsd, SITEMAP_XSD).unwrap();
    let out = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(&xsd)
        .arg(site.out().join("sitemap.xml"))
        .output()
        .expect("xmllint");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // And the schema catches what the old sitemap wrote without a base URL.
    let bad = site.dir.path().join("bad.xml");
    std::fs::write(
        &bad,
        "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\
         <url><loc>en/</loc></url></urlset>\n",
    )
    .unwrap();
    let out = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(&xsd)
        .arg(&bad)
        .output()
        .expect("xmllint");
    assert!(!out.status.success());
}

#[test]
fn previews_name_the_commune_and_the_contact_page_gives_the_number() {
    let site = with_base_url();
    for page in [
        "van-ban/index.html",
        "tim-kiem/index.html",
        "ung-dung/index.html",
        "lien-he/index.html",
        "gioi-thieu/index.html",
    ] {
        let html = site.page(page);
        assert_contains!(meta(&html, "og:title"), "Lộc Hà");
        assert_contains!(meta(&html, "og:description"), "Lộc Hà");
        // Every page has a picture when shared: the campaign's card.
        assert_eq!(
            meta(&html, "og:image"),
            "https://loc-ha.hatinh.gov.vn/cds/chien-dich/i-hatinh/chia-se.png"
        );
    }
    assert_contains!(
        meta(&site.page("lien-he/index.html"), "og:description"),
        "19009038"
    );
    // The home page's own title names it already: not twice.
    assert_eq!(
        meta(&site.page("index.html"), "og:title"),
        "Chuyển đổi số xã Lộc Hà"
    );
    // The English page previews in English.
    let en = site.page("en/index.html");
    assert_eq!(
        meta(&en, "og:site_name"),
        "Lộc Hà Commune People&#39;s Committee"
    );
    assert_eq!(meta(&en, "og:locale"), "en_US");
    assert_contains!(meta(&en, "og:image:alt"), "the latest progress");
}

#[test]
fn every_page_has_the_theme_favicon() {
    let site = build_fixture("");
    for file in ["favicon.ico", "favicon.svg", "apple-touch-icon.png"] {
        assert!(site.out().join(file).is_file(), "{file}");
    }
    let ico = std::fs::read(site.out().join("favicon.ico")).unwrap();
    // An ICO header (reserved 0, type 1, one image), then a PNG inside.
    assert_eq!(&ico[..6], &[0, 0, 1, 0, 1, 0]);
    assert_eq!(&ico[22..26], b"\x89PNG");
    assert_contains!(
        site.page("van-ban/2026-06-02-959-ubnd-vhxh/index.html"),
        "<link rel=\"icon\" href=\"../../favicon.ico\" sizes=\"32x32\">",
        "<link rel=\"icon\" href=\"../../favicon.svg\" type=\"image/svg+xml\">"
    );
    assert_contains!(site.page("index.html"), "href=\"favicon.ico\"");
}
