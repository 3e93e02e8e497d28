//! Feeds, sitemap, open data and QR codes: parsed and decoded back, not
//! just looked for.

mod common;

use common::*;

#[test]
fn atom_feed_parses_and_lists_notices_and_figures() {
    let site = build_fixture("");
    let xml = site.page("atom.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed Atom");
    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let entries: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), 2, "one notice and one figure");
    let titles: Vec<&str> = entries
        .iter()
        .map(|e| {
            e.children()
                .find(|c| c.has_tag_name("title"))
                .and_then(|t| t.text())
                .unwrap()
        })
        .collect();
    assert!(
        titles.iter().any(|t| t.contains("959/UBND-VHXH")),
        "{titles:?}"
    );
    assert!(titles.iter().any(|t| t.contains("4,44 %")), "{titles:?}");
}

#[test]
fn sitemap_lists_only_pages_that_exist() {
    let mut opts = options();
    opts.base_url = Some("https://example.gov.vn/cds/".into());
    let site = build_dir(copy_site(&repo_root()), &opts);
    let xml = site.page("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed sitemap");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.len() >= 7, "{locs:?}");
    for loc in locs {
        let path = loc
            .strip_prefix("https://example.gov.vn/cds/")
            .expect("absolute under base_url");
        assert!(
            site.out().join(path).join("index.html").is_file(),
            "{loc} has no page"
        );
    }
    assert_contains!(
        site.page("robots.txt"),
        "Sitemap: https://example.gov.vn/cds/sitemap.xml"
    );
    assert_contains!(
        site.page("index.html"),
        "<link rel=\"canonical\" href=\"https://example.gov.vn/cds/\""
    );
}

/// The CSV's lines, BOM checked and dropped.
fn csv_lines(site: &Built, path: &str) -> Vec<String> {
    let bytes = std::fs::read(site.out().join(path)).expect("the CSV");
    assert_eq!(&bytes[..3], b"\xef\xbb\xbf", "UTF-8 with a BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.ends_with("\r\n"), "CRLF line ends");
    text.lines().map(String::from).collect()
}

#[test]
fn campaign_figures_are_published_as_csv_and_json_with_derived_values() {
    let site = build_fixture("");
    let lines = csv_lines(&site, "chien-dich/i-hatinh/so-lieu.csv");
    // Vietnamese words with the stable id.
    assert_eq!(
        lines[0],
        "Chiến dịch (campaign),Mã chỉ số (indicator),Chỉ số (label),Đơn vị tính (unit),\
         Chia theo (group_by),Nhóm (group),Ngày (date),Số đã thực hiện (count),\
         Số chưa thực hiện (remaining),Tổng số (population),Tỷ lệ % (rate_percent),\
         Chỉ tiêu (số) (target_count),Chỉ tiêu % (target_percent),\
         Tỷ lệ ghi trong văn bản % (stated_percent),Số ước chừng (1 = có) (approximate),\
         Xếp hạng (rank_position),Trên tổng số (rank_of),Nguồn (source),\
         Dữ liệu minh họa (1 = có) (sample)"
    );
    // 1299 of 29226 is 4,4447 %; 27927 remain; the target 30 % of 29226
    // rounded up is 8768 (decimal comma, quoted).
    assert!(lines[1].starts_with("i-hatinh,adults,"), "{}", lines[1]);
    assert!(
        lines[1].ends_with(
            ",,,2026-05-29,1299,27927,29226,\"4,4447\",8768,30,\"4,59\",0,45,69,Sở Khoa học và Công nghệ,0"
        ),
        "{}",
        lines[1]
    );
    let json: serde_json::Value =
        serde_json::from_str(&site.page("data.json")).expect("valid JSON");
    assert_eq!(json["format"], "loaxa-data-2");
    let adults = &json["campaigns"][0]["indicators"][0];
    assert_eq!(adults["target_count"], 8768);
    // An integer count, not 7469.0; and its unit.
    let needed = &adults["derived"]["needed"];
    assert!(needed.is_u64(), "{needed}");
    assert_eq!(needed, 7469);
    assert_eq!(adults["derived"]["needed_unit"], "count");
    assert_eq!(adults["derived"]["count"], 1299);
    // Every share in percent, 0–100: 1299 of 8768 is 14,82 % of the target.
    assert_eq!(adults["derived"]["progress_percent"], 14.82);
    assert_eq!(adults["derived"]["rate_percent"], 4.4447);
    assert!(adults["derived"].get("share_of_target").is_none());
    let per_campaign: serde_json::Value =
        serde_json::from_str(&site.page("chien-dich/i-hatinh/so-lieu.json")).unwrap();
    assert_eq!(per_campaign["id"], "i-hatinh");
}

#[test]
fn a_rate_only_indicator_needs_percentage_points_and_is_flagged_approximate() {
    // Trường Lưu: "khoảng 3 %" toward 50 %, no population.
    let site = build_fixture("truong-luu");
    let json: serde_json::Value = serde_json::from_str(&site.page("data.json")).unwrap();
    let derived = &json["campaigns"][0]["indicators"][0]["derived"];
    assert_eq!(derived["needed"], 47.0);
    assert_eq!(derived["needed_unit"], "percentage_points");
    assert_eq!(derived["approximate"], true);
    let lines = csv_lines(&site, "chien-dich/i-hatinh/so-lieu.csv");
    // approximate is 1; 3 % of no population: no count.
    assert!(
        lines[1].contains(",2026-06-10,,,,3,,50,,1,"),
        "{}",
        lines[1]
    );
}

#[test]
fn breakdown_rows_and_the_sample_flag_are_in_every_file() {
    // Chợ Đồn: a sample site whose chart of units links the CSV.
    let site = build_fixture("cho-don");
    let lines = csv_lines(&site, "chien-dich/ho-tro-15/so-lieu.csv");
    // 420 of 600 is 70 %; target 450 of 600 is 75 %; 180 remain.
    let row = lines
        .iter()
        .find(|l| l.contains("Các trường Mầm non"))
        .expect("the breakdown row");
    assert!(
        row.ends_with(",đơn vị,Các trường Mầm non,2025-08-18,420,180,600,70,450,75,,0,,,,1"),
        "{row}"
    );
    assert_eq!(lines.iter().filter(|l| l.contains(",đơn vị,")).count(), 6);
    assert!(
        lines[1..].iter().all(|l| l.ends_with(",1")),
        "sample on every row"
    );
    let json: serde_json::Value =
        serde_json::from_str(&site.page("chien-dich/ho-tro-15/so-lieu.json")).unwrap();
    assert_eq!(json["sample"], true);
    let rows = &json["indicators"][0]["breakdowns"][0]["rows"];
    assert_eq!(rows.as_array().unwrap().len(), 6);
    assert_eq!(rows[0]["name"], "Các trường Mầm non");
    assert_eq!(rows[0]["rate_percent"], 70.0);
    assert_eq!(rows[0]["target_count"], 450);
    let site_json: serde_json::Value = serde_json::from_str(&site.page("data.json")).unwrap();
    assert_eq!(site_json["sample"], true);
    assert_eq!(site_json["campaigns"][0]["sample"], true);
}

/// Resolves `link` against the URL path of the file holding it, as a
/// browser or a script does.
fn resolve(holder: &str, link: &str) -> String {
    let mut parts: Vec<&str> = holder.split('/').collect();
    parts.pop();
    for part in link.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[test]
fn links_in_the_json_resolve_relative_to_the_file_that_holds_them() {
    for name in ["", "cho-don"] {
        let site = build_fixture(name);
        let site_json: serde_json::Value = serde_json::from_str(&site.page("data.json")).unwrap();
        for campaign in site_json["campaigns"].as_array().unwrap() {
            let id = campaign["id"].as_str().unwrap();
            let own = format!("chien-dich/{id}/so-lieu.json");
            let per: serde_json::Value = serde_json::from_str(&site.page(&own)).unwrap();
            for (holder, data) in [("data.json", campaign), (own.as_str(), &per)] {
                for key in ["csv", "xlsx"] {
                    let target = resolve(holder, data[key].as_str().unwrap());
                    assert!(
                        site.out().join(&target).is_file(),
                        "{holder}: {key} → {target}"
                    );
                }
                let page = resolve(holder, data["url"].as_str().unwrap());
                assert!(
                    site.out().join(&page).join("index.html").is_file(),
                    "{holder}: url → {page}"
                );
            }
        }
    }
}

#[test]
fn the_xlsx_has_typed_cells() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let site = build_fixture("");
    let mut book: Xlsx<_> =
        open_workbook(site.out().join("chien-dich/i-hatinh/so-lieu.xlsx")).expect("an xlsx");
    let sheet = book.worksheet_range("so-lieu").expect("the sheet");
    assert_eq!(
        sheet.get_value((0, 6)),
        Some(&Data::String("Ngày (date)".into()))
    );
    // Row 1: the 29/5/2026 figure, as numbers and a date.
    assert_eq!(sheet.get_value((1, 7)), Some(&Data::Float(1299.0)));
    assert_eq!(sheet.get_value((1, 9)), Some(&Data::Float(29226.0)));
    assert_eq!(sheet.get_value((1, 10)), Some(&Data::Float(4.4447)));
    match sheet.get_value((1, 6)) {
        Some(Data::DateTime(d)) => {
            // Excel's serial day of 2026-05-29.
            assert_eq!(d.as_f64(), 46171.0);
        }
        other => panic!("a date, not {other:?}"),
    }
    assert_eq!(
        sheet.get_value((1, 17)),
        Some(&Data::String("Sở Khoa học và Công nghệ".into()))
    );
}

/// Runs `frictionless validate` on a built site's datapackage.json;
/// `None` when frictionless is not installed (a failure under CI=true).
fn frictionless(out: &std::path::Path) -> Option<serde_json::Value> {
    let run = std::process::Command::new("frictionless")
        .args(["validate", "--json", "datapackage.json"])
        .current_dir(out)
        .output();
    match run {
        Ok(run) if run.status.code() != Some(127) && !run.stdout.is_empty() => {
            Some(serde_json::from_slice(&run.stdout).expect("frictionless's JSON report"))
        }
        _ => {
            assert!(
                std::env::var("CI").is_err(),
                "frictionless missing in CI: .ci/run must install it"
            );
            eprintln!("SKIPPED: frictionless is not installed (pip install frictionless)");
            None
        }
    }
}

#[test]
fn frictionless_validates_every_fixture_sites_data_package() {
    for name in ["", "truong-luu", "cam-xuyen", "hoang-thanh", "cho-don"] {
        let site = build_fixture(name);
        let Some(report) = frictionless(&site.out()) else {
            return;
        };
        assert_eq!(report["valid"], true, "{name}: {report:#}");
        let package: serde_json::Value =
            serde_json::from_str(&site.page("datapackage.json")).unwrap();
        let campaigns = site
            .outcome
            .files
            .as_ref()
            .unwrap()
            .keys()
            .filter(|k| k.ends_with("so-lieu.csv"))
            .count();
        assert_eq!(package["resources"].as_array().unwrap().len(), campaigns);
    }
}

#[test]
fn frictionless_is_not_blind() {
    let site = build_fixture("");
    let csv = site.out().join("chien-dich/i-hatinh/so-lieu.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    std::fs::write(&csv, text.replacen(",1299,", ",1.299,", 1)).unwrap();
    let Some(report) = frictionless(&site.out()) else {
        return;
    };
    assert_eq!(report["valid"], false);
    assert_contains!(report.to_string(), "type-error");
}

/// LibreOffice Calc, headless, in the vi-VN locale with its default CSV
/// import settings: the CSV converted to a flat ODS, and each cell's type
/// and value read back.
fn calc_cells(csv: &std::path::Path) -> Option<Vec<Vec<(String, String)>>> {
    let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists());
    let Some(soffice) = soffice else {
        assert!(
            std::env::var("CI").is_err(),
            "LibreOffice missing in CI: .ci/run must install libreoffice-calc-nogui"
        );
        eprintln!("SKIPPED: LibreOffice is not installed (libreoffice-calc-nogui)");
        return None;
    };
    let work = tempfile::tempdir().unwrap();
    let run = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            work.path().display()
        ))
        .args(["--headless", "--convert-to", "fods", "--outdir"])
        .arg(work.path())
        // Comma, double quote, UTF-8, from line 1, standard columns,
        // language 1066 (Vietnamese), quoted fields not forced to text,
        // special numbers not detected: what the import dialog proposes.
        .arg("--infilter=CSV:44,34,76,1,,1066,false,false")
        .arg(csv)
        .env("LANG", "vi_VN.UTF-8")
        .env("HOME", work.path())
        .output()
        .expect("run LibreOffice");
    let fods = work
        .path()
        .join(csv.with_extension("fods").file_name().unwrap());
    let xml = std::fs::read_to_string(&fods).unwrap_or_else(|_| {
        panic!(
            "LibreOffice made no file: {}",
            String::from_utf8_lossy(&run.stderr)
        )
    });
    let doc = roxmltree::Document::parse(&xml).unwrap();
    const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    let rows = doc
        .descendants()
        .filter(|n| n.has_tag_name("table-row"))
        .map(|row| {
            row.children()
                .filter(|c| c.has_tag_name("table-cell"))
                .flat_map(|c| {
                    let kind = c
                        .attribute((OFFICE, "value-type"))
                        .unwrap_or("")
                        .to_string();
                    let value = c
                        .attribute((OFFICE, "value"))
                        .or_else(|| c.attribute((OFFICE, "date-value")))
                        .map(String::from)
                        .unwrap_or_else(|| {
                            c.descendants()
                                .filter(|t| t.is_text())
                                .filter_map(|t| t.text())
                                .collect::<String>()
                                .trim()
                                .to_string()
                        });
                    let repeat: usize = c
                        .attribute((
                            "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
                            "number-columns-repeated",
                        ))
                        .and_then(|r| r.parse().ok())
                        .unwrap_or(1)
                        .min(30);
                    std::iter::repeat_n((kind, value), repeat)
                })
                .collect()
        })
        .collect();
    Some(rows)
}

#[test]
fn libreoffice_in_vietnamese_reads_numbers_dates_and_diacritics() {
    let site = build_fixture("");
    let Some(rows) = calc_cells(&site.out().join("chien-dich/i-hatinh/so-lieu.csv")) else {
        return;
    };
    let row = &rows[1];
    let cell = |k: usize| (row[k].0.as_str(), row[k].1.as_str());
    assert_eq!(cell(6), ("date", "2026-05-29"));
    assert_eq!(cell(7), ("float", "1299"));
    assert_eq!(cell(10), ("float", "4.4447"));
    assert_eq!(cell(13), ("float", "4.59"));
    assert_eq!(cell(14), ("float", "0"));
    assert_eq!(cell(17), ("string", "Sở Khoa học và Công nghệ"));
    assert_eq!(
        rows[0][6],
        ("string".to_string(), "Ngày (date)".to_string())
    );
}

#[test]
fn app_store_qr_codes_decode_back_to_the_links() {
    let site = build_fixture("");
    for (file, url) in [
        (
            "ung-dung/i-hatinh-ios-qr.svg",
            "https://apps.apple.com/vn/app/i-hatinh/id6759859323",
        ),
        (
            "ung-dung/i-hatinh-android-qr.svg",
            "https://play.google.com/store/apps/details?id=vn.gov.hatinh.app",
        ),
    ] {
        assert_eq!(decode_qr_svg(&site.page(file)), url, "{file}");
    }
}

/// Rasterises the QR SVG (one path of `M x y h w v h H x V y` squares) and
/// decodes it with an independent decoder.
fn decode_qr_svg(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    let size: usize = doc
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    let d = doc
        .descendants()
        .find(|n| n.has_tag_name("path"))
        .and_then(|n| n.attribute("d"))
        .unwrap();
    let mut dark = vec![false; size * size];
    for square in d.split('M').filter(|s| !s.is_empty()) {
        let numbers: Vec<usize> = square
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let (x, y, w, h) = (numbers[0], numbers[1], numbers[2], numbers[3]);
        for yy in y..y + h {
            for xx in x..x + w {
                dark[yy * size + xx] = true;
            }
        }
    }
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
        if dark[y * size + x] { 0 } else { 255 }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("decodes").1
}
