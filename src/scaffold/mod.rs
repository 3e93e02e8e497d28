//! The files `loaxa init` and `loaxa new notice` write: commented templates
//! with a few names filled in. Pure: nothing here touches the disk.
//!
//! The templates sit beside this file as real files so they can be read and
//! reviewed as the officer will see them; the CI recipes are the very files
//! in `ci-recipes/`, so the two can never drift apart.

pub mod leftovers;

use std::path::PathBuf;

use chrono::{Days, NaiveDate};

use crate::source::edit::{yaml_quoted, yaml_scalar};
use crate::vi::slugify;

const SITE: &str = include_str!("templates/site.yaml");
const CAMPAIGN: &str = include_str!("templates/campaign.yaml");
const NOTICE: &str = include_str!("templates/notice.md");
const PAGE: &str = include_str!("templates/page.md");
const README: &str = include_str!("templates/README.md");
const NEW_NOTICE: &str = include_str!("templates/new-notice.md");
pub const GITHUB_WORKFLOW: &str = include_str!("../../ci-recipes/github-actions.yml");
pub const GITLAB_CI: &str = include_str!("../../ci-recipes/gitlab-ci.yml");

/// The id (file stem) of the campaign a new site starts with.
pub const SAMPLE_CAMPAIGN: &str = "chien-dich-mau";
/// The id of its one indicator.
pub const SAMPLE_INDICATOR: &str = "nguoi-dan";

pub const DEFAULT_COMMUNE: &str = "Xã Mẫu";
pub const DEFAULT_PROVINCE: &str = "Tỉnh Mẫu";

/// Longest slug put in a new file name: long enough to recognise a letter by
/// its subject, short enough for any file system and a readable URL.
const MAX_SLUG: usize = 60;

/// Every file of a new site: path relative to the site folder → text.
pub fn site_files(commune: &str, province: &str, today: NaiveDate) -> Vec<(PathBuf, String)> {
    let deadline = today.checked_add_days(Days::new(90)).unwrap_or(today);
    let in_sentence = in_sentence(commune);
    let fill = |template: &str| {
        template
            .replace(
                "%%TITLE%%",
                &yaml_scalar(&format!("Chuyển đổi số {in_sentence}")),
            )
            .replace("%%COMMUNE%%", &yaml_scalar(commune))
            .replace("%%PROVINCE%%", &yaml_scalar(province))
            .replace(
                "%%ISSUER%%",
                &yaml_scalar(&format!("Ủy ban nhân dân {in_sentence}")),
            )
            .replace("%%COMMUNE_TEXT%%", commune)
            .replace("%%PROVINCE_TEXT%%", province)
            .replace("%%COMMUNE_LOWER%%", &in_sentence)
            .replace("%%CAMPAIGN%%", SAMPLE_CAMPAIGN)
            .replace("%%TODAY%%", &today.to_string())
            .replace("%%DEADLINE%%", &deadline.to_string())
    };
    let notice = format!("content/notices/{today}-thong-bao-mau.md");
    vec![
        ("data/site.yaml".into(), fill(SITE)),
        (
            format!("data/campaigns/{SAMPLE_CAMPAIGN}.yaml").into(),
            fill(CAMPAIGN),
        ),
        (notice.into(), fill(NOTICE)),
        ("content/pages/gioi-thieu.md".into(), fill(PAGE)),
        ("README.md".into(), fill(README)),
        (".gitignore".into(), GITIGNORE.into()),
        (".github/workflows/loaxa.yml".into(), GITHUB_WORKFLOW.into()),
        (".gitlab-ci.yml".into(), GITLAB_CI.into()),
    ]
}

const GITIGNORE: &str = "\
# The built site: loaxa writes it, CI publishes it; it is never edited by hand.
public/
# Beside it, loaxa keeps the previous build to fill in place next time (the
# spare), a lock file while a build runs, and a build's trees in flight.
.public.loaxa-spare/
.public.loaxa-spare.lock
.public.loaxa-*
# Temporary files of `loaxa new`, left only by a crash.
.*.loaxa.tmp
";

/// `Xã Lộc Hà` → `xã Lộc Hà`: inside a sentence (`Chuyển đổi số xã Lộc Hà`)
/// the kind of commune is a common noun; the name keeps its capitals.
fn in_sentence(commune: &str) -> String {
    const KINDS: &[&str] = &["Xã", "Phường", "Thị trấn", "Đặc khu"];
    let is_kind = KINDS
        .iter()
        .any(|k| commune.starts_with(k) && commune[k.len()..].starts_with(' '));
    let mut chars = commune.chars();
    match chars.next() {
        Some(first) if is_kind => first.to_lowercase().chain(chars).collect(),
        _ => commune.to_string(),
    }
}

/// What `loaxa new notice` was told about the letter.
#[derive(Debug, Clone, Default)]
pub struct NoticeFields<'a> {
    pub title: &'a str,
    /// The date signed; it names the file too.
    pub date: NaiveDate,
    /// `959/UBND-VHXH`, when the letter has one.
    pub number: Option<&'a str>,
    /// The campaigns it belongs to.
    pub campaigns: &'a [String],
}

/// A new notice: its file name (`2026-06-10-ke-hoach-…md`) and text.
/// `known`: the site's campaign ids, named in a comment to help fill it in.
/// `None` when the title has nothing to make a file name from.
pub fn notice(fields: &NoticeFields, known: &[String]) -> Option<(String, String)> {
    let slug = short_slug(fields.title);
    if slug.is_empty() {
        return None;
    }
    let known_list = if known.is_empty() {
        String::new()
    } else {
        format!(": {}", known.join(", "))
    };
    let example = known.first().map_or("ma-chien-dich", String::as_str);
    let number = match fields.number {
        Some(number) => format!("number: {}", yaml_scalar(number)),
        None => "# number: 123/UBND-VHXH".to_string(),
    };
    let campaigns = if fields.campaigns.is_empty() {
        format!("# campaigns: [{example}]")
    } else {
        format!("campaigns: [{}]", fields.campaigns.join(", "))
    };
    let text = NEW_NOTICE
        .replace("%%TITLE%%", &yaml_quoted(fields.title))
        .replace("%%TODAY%%", &fields.date.to_string())
        .replace("%%KNOWN%%", &known_list)
        .replace("%%NUMBER%%", &number)
        .replace("%%CAMPAIGNS%%", &campaigns);
    Some((format!("{}-{slug}.md", fields.date), text))
}

/// The slug of a title, cut at a word boundary to at most `MAX_SLUG` bytes.
fn short_slug(title: &str) -> String {
    let slug = slugify(title);
    if slug.len() <= MAX_SLUG {
        return slug;
    }
    // The slug is ASCII, so any byte index is a character boundary.
    let cut = slug[..=MAX_SLUG].rfind('-').unwrap_or(MAX_SLUG);
    slug[..cut].trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn communes_are_lowercased_only_in_their_kind() {
        assert_eq!(in_sentence("Xã Lộc Hà"), "xã Lộc Hà");
        assert_eq!(in_sentence("Phường Thành Sen"), "phường Thành Sen");
        assert_eq!(in_sentence("Đặc khu Phú Quốc"), "đặc khu Phú Quốc");
        assert_eq!(in_sentence("Xãhội"), "Xãhội");
        assert_eq!(in_sentence("Lộc Hà"), "Lộc Hà");
    }

    #[test]
    fn notice_file_names_are_dated_short_slugs() {
        let date: NaiveDate = "2026-06-10".parse().unwrap();
        let fields = |title| NoticeFields {
            title,
            date,
            ..NoticeFields::default()
        };
        let (name, text) = notice(&fields("Kế hoạch: tuyên truyền i-HaTinh"), &[]).unwrap();
        assert_eq!(name, "2026-06-10-ke-hoach-tuyen-truyen-i-hatinh.md");
        assert!(text.contains("title: \"Kế hoạch: tuyên truyền i-HaTinh\""));
        assert!(text.contains("date: 2026-06-10\n"));
        assert!(text.contains("draft: true\n"));
        let long =
            "Đôn đốc tiếp tục cài đặt, sử dụng ứng dụng Công dân số i-HaTinh trên địa bàn toàn xã";
        let (name, _) = notice(&fields(long), &[]).unwrap();
        assert!(name.len() <= "2026-06-10-".len() + MAX_SLUG + 3, "{name}");
        assert!(!name.contains("-.md"), "{name}");
        assert!(notice(&fields("???"), &[]).is_none());
        let campaigns = ["i-hatinh".to_string(), "vneid".to_string()];
        let full = NoticeFields {
            number: Some("959/UBND-VHXH"),
            campaigns: &campaigns,
            ..fields("Đôn đốc")
        };
        let (_, text) = notice(&full, &campaigns).unwrap();
        assert!(text.contains("\nnumber: \"959/UBND-VHXH\"\n"), "{text}");
        assert!(text.contains("\ncampaigns: [i-hatinh, vneid]\n"), "{text}");
    }

    #[test]
    fn the_readme_example_points_at_the_population_line() {
        let files = site_files("Xã Mẫu", "Tỉnh Mẫu", "2026-06-10".parse().unwrap());
        let text = |name: &str| {
            let (_, text) = files.iter().find(|(p, _)| p.ends_with(name)).unwrap();
            text.clone()
        };
        let campaign = text(&format!("{SAMPLE_CAMPAIGN}.yaml"));
        let line = campaign
            .lines()
            .position(|l| l.trim_start().starts_with("population:"))
            .unwrap()
            + 1;
        assert!(text("README.md").contains(&format!("{SAMPLE_CAMPAIGN}.yaml:{line}:5")));
    }

    #[test]
    fn site_files_have_no_placeholder_left() {
        let today = "2026-06-10".parse().unwrap();
        for (path, text) in site_files("Xã: Lộc # Hà", "Hà Tĩnh", today) {
            assert!(!text.contains("%%"), "{}", path.display());
        }
    }
}
