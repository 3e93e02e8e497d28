//! `site.yaml`, notices and pages, the names and the emptiness of files,
//! and the references between files (apps named by campaigns, campaigns
//! named by notices).

use super::{Words, did_you_mean};
use crate::diagnostic::Text;

#[derive(Debug, Clone, PartialEq)]
pub enum SiteProblem {
    UnknownLanguage {
        written: String,
    },
    UnknownTimezone {
        written: String,
    },
    MalformedEmail {
        written: String,
    },
    /// An address with a character that would make `mailto:` add recipients
    /// or text (`a@b.c?cc=…`).
    EmailWithExtra {
        written: String,
        extra: char,
    },
    DuplicateApp {
        id: String,
    },
    EmptyFile,
    /// `opened`: the file starts with `---` that nothing closes.
    MissingFrontMatter {
        opened: bool,
    },
    /// A notice or page whose file name makes no page address.
    MalformedFileName {
        stem: String,
    },
    /// A campaign file whose name is not an id; `fixed` is the id it becomes.
    MalformedCampaignFileName {
        stem: String,
        fixed: String,
    },
    OrderNotWhole,
    /// The site has no `base_url` (and the build was given none).
    NoBaseUrl,
    /// A campaign's `app:` that `site.yaml` does not declare; `near` is the
    /// closest of `known`.
    UnknownApp {
        id: String,
        near: Option<String>,
        known: Vec<String>,
    },
    /// A notice's campaign that has no file.
    UnknownCampaign {
        id: String,
        near: Option<String>,
        known: Vec<String>,
    },
}

impl SiteProblem {
    pub fn words(&self) -> Words {
        use SiteProblem::*;
        match self {
            UnknownLanguage { written } => Words::new(
                "unknown-language",
                format!("Ngôn ngữ `{written}` chưa được hỗ trợ"),
                format!("The language `{written}` is not supported"),
            )
            .hint(
                "viết `vi` (tiếng Việt) hoặc `en` (tiếng Anh)",
                "write `vi` (Vietnamese) or `en` (English)",
            ),
            UnknownTimezone { written } => Words::new(
                "unknown-timezone",
                format!("`{written}` không phải là tên múi giờ"),
                format!("`{written}` is not the name of a time zone"),
            )
            .hint(
                "viết `Asia/Ho_Chi_Minh` (giờ Việt Nam), hoặc bỏ dòng này",
                "write `Asia/Ho_Chi_Minh` (Vietnam time), or remove the line",
            ),
            MalformedEmail { written } => Words::new(
                "malformed-email",
                format!("`{written}` không phải là địa chỉ thư điện tử"),
                format!("`{written}` is not an email address"),
            )
            .hint(
                "ví dụ `vhxh.locha@hatinh.gov.vn`",
                "for example `vhxh.locha@hatinh.gov.vn`",
            ),
            EmailWithExtra { written, extra } => Words::new(
                "malformed-email",
                format!(
                    "`{written}` không phải là một địa chỉ thư điện tử: có ký tự `{extra}`, mà phần từ đó trở đi sẽ thêm người nhận hoặc nội dung khác vào thư người dân gửi"
                ),
                format!(
                    "`{written}` is not one email address: it has `{extra}`, and what follows it would add other recipients or text to the mail a citizen sends"
                ),
            )
            .hint(
                "chỉ ghi một địa chỉ, ví dụ `vhxh.locha@hatinh.gov.vn`",
                "write one address only, e.g. `vhxh.locha@hatinh.gov.vn`",
            ),
            DuplicateApp { id } => Words::new(
                "duplicate-id",
                format!("Mã ứng dụng `{id}` bị trùng"),
                format!("The app id `{id}` is used twice"),
            )
            .hint(
                "đặt cho mỗi ứng dụng một mã riêng",
                "give each app its own id",
            ),
            EmptyFile => Words::new("empty-file", "Tệp đang trống", "The file is empty").hint(
                "viết các trường của tệp, bắt đầu bằng dòng `title: …`, hoặc xóa tệp",
                "write the file's fields, starting with a line `title: …`, or delete the file",
            ),
            MissingFrontMatter { opened } => {
                let (vi, en) = if *opened {
                    (
                        "Phần thông tin mở bằng dòng `---` nhưng chưa có dòng `---` đóng lại",
                        "The front matter opens with a `---` line but no `---` line closes it",
                    )
                } else {
                    (
                        "Tệp phải bắt đầu bằng phần thông tin giữa hai dòng `---`",
                        "The file must start with front matter between two `---` lines",
                    )
                };
                Words::new("missing-front-matter", vi, en).hint(
                    "dòng đầu tiên là `---`, tiếp theo là `title: …`, `date: …`, rồi một dòng `---`, sau đó là nội dung",
                    "the first line is `---`, then `title: …`, `date: …`, then a `---` line, then the body",
                )
            }
            MalformedFileName { stem } => Words::new(
                "malformed-file-name",
                format!("Tên tệp `{stem}` không dùng làm địa chỉ trang được"),
                format!("The file name `{stem}` cannot be used as a page address"),
            )
            .hint(
                "đặt tên tệp bằng chữ không dấu và số, ví dụ `2026-06-02-959-ubnd-vhxh.md`",
                "name the file with plain letters and digits, e.g. `2026-06-02-959-ubnd-vhxh.md`",
            ),
            MalformedCampaignFileName { stem, fixed } => Words::new(
                "malformed-id",
                format!(
                    "Tên tệp `{stem}` là mã chiến dịch nên chỉ được có chữ thường không dấu, số và dấu gạch ngang"
                ),
                format!(
                    "The file name `{stem}` is the campaign id, so it may only have lowercase ASCII letters, digits and dashes"
                ),
            )
            .hint(
                format!("đổi tên tệp thành `{fixed}.yaml`"),
                format!("rename the file to `{fixed}.yaml`"),
            ),
            NoBaseUrl => Words::new(
                "no-base-url",
                "Chưa ghi địa chỉ trang web (`base_url`): khi chia sẻ trang lên Zalo, Facebook sẽ \
                 không hiện ảnh xem trước; trang không có sitemap.xml để Google tìm thấy \
                 mọi trang, và không có liên kết gốc (canonical)",
                "No web address (`base_url`): pages shared on Zalo or Facebook show no preview \
                 picture, the site has no sitemap.xml for search engines to find every page, and \
                 no canonical links",
            )
            .hint(
                "khi đã biết địa chỉ trang, thêm một dòng vào data/site.yaml, ví dụ \
                 `base_url: https://loc-ha.hatinh.gov.vn/cds/` (hoặc dựng bằng \
                 `loaxa build --base-url https://…/`)",
                "once the address is known, add a line to data/site.yaml, e.g. \
                 `base_url: https://loc-ha.hatinh.gov.vn/cds/` (or build with \
                 `loaxa build --base-url https://…/`)",
            ),
            OrderNotWhole => Words::new(
                "wrong-type",
                "`order` phải là một số nguyên",
                "`order` must be a whole number",
            )
            .hint("ví dụ `order: 1`", "for example `order: 1`"),
            UnknownApp { id, near, known } => Words::new(
                "unknown-app",
                format!("Không có ứng dụng mã `{id}` trong site.yaml"),
                format!("There is no app with id `{id}` in site.yaml"),
            )
            .hint_text(known_hint(near.as_deref(), known, "apps")),
            UnknownCampaign { id, near, known } => Words::new(
                "unknown-campaign",
                format!("Không có chiến dịch `{id}` (tệp data/campaigns/{id}.yaml)"),
                format!("There is no campaign `{id}` (file data/campaigns/{id}.yaml)"),
            )
            .hint_text(known_hint(near.as_deref(), known, "campaigns")),
        }
    }
}

/// The near id, else the ids declared under `field`, else that none is.
fn known_hint(near: Option<&str>, known: &[String], field: &str) -> Text {
    match near {
        Some(near) => did_you_mean(near),
        None if known.is_empty() => Text::new(
            format!("chưa khai báo mục nào trong `{field}`"),
            format!("nothing is declared in `{field}` yet"),
        ),
        None => Text::new(
            format!("các mã hiện có: {}", known.join(", ")),
            format!("the known ids are: {}", known.join(", ")),
        ),
    }
}
