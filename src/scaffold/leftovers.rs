//! Placeholders `loaxa init` writes (the hotline `0000000000`, the sample
//! commune, campaign and notice…), found still there in a real site: one
//! that is not marked `sample: true`. Warnings, at the line that holds the
//! value: a citizen must never call `0000000000`.

use std::path::Path;

use super::{DEFAULT_COMMUNE, DEFAULT_PROVINCE, SAMPLE_CAMPAIGN};
use crate::diagnostic::{Diagnostic, Diagnostics, Text};
use crate::model::{Body, Site};
use crate::source::files::{SITE_FILE, split_front_matter};

/// The contacts' placeholders in site.yaml's comments, once uncommented.
const SAMPLE_PHONES: &[&str] = &["0900000000", "0900000001"];
const SAMPLE_NAME: &str = "Họ và tên";
const SAMPLE_EMAIL: &str = "ten@example.gov.vn";
/// The first words of the sample notice's body.
const SAMPLE_NOTICE_BODY: &str = "Đây là văn bản mẫu.";

/// Whether a notice's text may be `loaxa init`'s sample notice: a build
/// keeps its text for [`warn`].
pub fn may_be_sample(text: &str) -> bool {
    text.contains(SAMPLE_NOTICE_BODY)
}

/// Warns about every placeholder left in `site`, unless it is a sample.
/// `text_of`: a source file's text, to point at the line.
pub fn warn(site: &Site, text_of: &dyn Fn(&Path) -> Option<String>, diags: &mut Diagnostics) {
    if site.config.sample {
        return;
    }
    let site_file = Path::new(SITE_FILE);
    let site_text = text_of(site_file).unwrap_or_default();
    let mut at_value = |value: &str, message: Text, hint: Text| {
        let (line, column) = locate(&site_text, value);
        diags.push(
            Diagnostic::warning(site_file, line, column, "sample-value", message).with_hint(hint),
        );
    };
    let hotline = &site.config.hotline.number;
    if hotline.chars().any(|c| c.is_ascii_digit())
        && hotline.chars().all(|c| !c.is_ascii_digit() || c == '0')
    {
        at_value(
            hotline,
            Text::new(
                format!("Số đường dây nóng `{hotline}` là số mẫu: người dân gọi sẽ không được"),
                format!(
                    "The hotline `{hotline}` is the sample number: citizens who call it reach nobody"
                ),
            ),
            Text::new(
                "thay bằng số đường dây nóng thật của xã, ví dụ `number: \"19009038\"`",
                "put in the commune's real hotline, e.g. `number: \"19009038\"`",
            ),
        );
    }
    for (value, field) in [
        (&site.config.commune, "commune"),
        (&site.config.province, "province"),
    ] {
        if value == DEFAULT_COMMUNE || value == DEFAULT_PROVINCE {
            at_value(
                value,
                Text::new(
                    format!("`{field}: {value}` là tên mẫu"),
                    format!("`{field}: {value}` is the sample name"),
                ),
                Text::new(
                    format!("ghi tên thật, ví dụ `{field}: Xã Lộc Hà`"),
                    format!("write the real name, e.g. `{field}: Xã Lộc Hà`"),
                ),
            );
        }
    }
    for contact in &site.config.contacts {
        let sample = [
            Some(&contact.name),
            contact.phone.as_ref(),
            contact.email.as_ref(),
        ]
        .into_iter()
        .flatten()
        .find(|v| {
            v.as_str() == SAMPLE_NAME
                || v.as_str() == SAMPLE_EMAIL
                || SAMPLE_PHONES.contains(&v.as_str())
        });
        if let Some(value) = sample {
            at_value(
                value,
                Text::new(
                    format!("Người liên hệ còn thông tin mẫu `{value}`"),
                    format!("A contact still has the sample value `{value}`"),
                ),
                Text::new(
                    "điền họ tên, số điện thoại và thư điện tử thật như văn bản nêu, hoặc xóa dòng này",
                    "fill in the real name, phone and email as the letter gives them, or delete the line",
                ),
            );
        }
    }
    for campaign in site.campaigns.iter().filter(|c| c.id == SAMPLE_CAMPAIGN) {
        diags.push(
            Diagnostic::warning(
                &campaign.file,
                1,
                0,
                "sample-value",
                Text::new(
                    format!("Chiến dịch mẫu `{SAMPLE_CAMPAIGN}` vẫn còn, với số liệu đặt tạm"),
                    format!("The sample campaign `{SAMPLE_CAMPAIGN}` is still here, with placeholder figures"),
                ),
            )
            .with_hint(Text::new(
                "đổi tên tệp theo chiến dịch thật và thay số liệu bằng số trong văn bản đã ký, hoặc xóa tệp",
                "rename the file after the real campaign and put in the signed letter's figures, or delete it",
            )),
        );
    }
    for notice in &site.notices {
        let sample = match &notice.body {
            Body::Held(body) => body.contains(SAMPLE_NOTICE_BODY),
            // A build kept the text of every notice that may be the sample.
            Body::InFile { .. } => text_of(&notice.file).is_some_and(|text| {
                split_front_matter(&text).is_some_and(|fm| fm.body.contains(SAMPLE_NOTICE_BODY))
            }),
        };
        if !sample {
            continue;
        }
        let text = text_of(&notice.file).unwrap_or_default();
        let (line, column) = locate(&text, SAMPLE_NOTICE_BODY);
        diags.push(
            Diagnostic::warning(
                &notice.file,
                line,
                column,
                "sample-value",
                Text::new(
                    "Văn bản mẫu của `loaxa init` vẫn còn và sẽ được đăng",
                    "The sample notice of `loaxa init` is still here and will be published",
                ),
            )
            .with_hint(Text::new(
                "xóa tệp này, hoặc thay bằng một văn bản đã ký",
                "delete this file, or replace it with a signed letter",
            )),
        );
    }
}

/// Line and column (1-based, in characters) of the first `value` outside a
/// comment line; the whole file (0, 0) when it is not written as such.
fn locate(text: &str, value: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with('#'))
        .find_map(|(i, line)| {
            let at = line.find(value)?;
            Some((i + 1, line[..at].chars().count() + 1))
        })
        .unwrap_or((0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_outside_comments() {
        let text = "# number: \"0000000000\"\nhotline:\n  number: \"0000000000\"\n";
        assert_eq!(locate(text, "0000000000"), (3, 12));
        assert_eq!(locate(text, "nowhere"), (0, 0));
    }
}
