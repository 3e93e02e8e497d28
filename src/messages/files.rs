//! The site's files beside the data: pages that would write the same URL,
//! attachments and pictures that are missing, hidden, or links leading out
//! of the site, and files that are not pictures.

use super::Words;
use crate::diagnostic::Text;

/// Who else wants a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OtherClaim {
    /// One of the pages every site has (home, notices, apps, contacts, search).
    BuiltIn,
    /// A source file, as messages name it.
    File(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    /// Two pages would write `/url`; `others` are the other claimants.
    DuplicateUrl {
        url: String,
        others: Vec<OtherClaim>,
    },
    /// `path` is under `static/`.
    HiddenAttachment {
        path: String,
    },
    AttachmentOutside {
        path: String,
        real: String,
    },
    MissingAttachment {
        path: String,
    },
    MissingPicture {
        path: String,
    },
    PictureOutside {
        path: String,
        real: String,
    },
    NotAPicture {
        path: String,
    },
}

impl OtherClaim {
    fn words(&self) -> Text {
        match self {
            OtherClaim::BuiltIn => Text::new(
                "một trang có sẵn của trang web (trang chủ, văn bản, ứng dụng, liên hệ, tìm kiếm)",
                "a page every site has (home, notices, apps, contacts, search)",
            ),
            OtherClaim::File(file) => Text::new(file.clone(), file.clone()),
        }
    }
}

impl FileProblem {
    pub fn words(&self) -> Words {
        use FileProblem::*;
        match self {
            DuplicateUrl { url, others } => {
                let others: Vec<Text> = others.iter().map(OtherClaim::words).collect();
                let list = |pick: fn(&Text) -> &str| {
                    others.iter().map(pick).collect::<Vec<_>>().join(", ")
                };
                Words::new(
                    "duplicate-url",
                    format!("Trang này trùng địa chỉ /{url} với {}", list(|t| &t.vi)),
                    format!(
                        "This page would write the same URL /{url} as {}",
                        list(|t| &t.en)
                    ),
                )
                .hint(
                    "đổi tên tệp để mỗi trang có một địa chỉ riêng",
                    "rename the file so each page has its own URL",
                )
            }
            HiddenAttachment { path } => Words::new(
                "hidden-attachment",
                format!(
                    "Tệp đính kèm `static/{path}` là tệp ẩn (tên bắt đầu bằng dấu chấm): tệp ẩn không được đăng"
                ),
                format!(
                    "The attachment `static/{path}` is hidden (its name starts with a dot): hidden files are not published"
                ),
            )
            .hint(
                "đổi tên tệp hoặc thư mục, bỏ dấu chấm ở đầu, rồi sửa `url`",
                "rename the file or folder without the leading dot, then fix the `url`",
            ),
            AttachmentOutside { path, real } => Words::new(
                "link-outside-site",
                format!(
                    "Tệp đính kèm `static/{path}` là liên kết tới `{real}`, nằm ngoài thư mục của trang: tệp đó không được đăng"
                ),
                format!(
                    "The attachment `static/{path}` is a link to `{real}`, outside the site folder: that file is not published"
                ),
            )
            .hint(
                "chép tệp vào thư mục static/ của trang thay cho liên kết",
                "copy the file into the site's static/ folder instead of linking to it",
            ),
            MissingAttachment { path } => Words::new(
                "missing-attachment",
                format!("Không tìm thấy tệp đính kèm `static/{path}`"),
                format!("The attachment `static/{path}` was not found"),
            )
            .hint(
                "chép tệp vào thư mục static/ của trang, hoặc sửa `url`",
                "copy the file into the site's static/ folder, or fix the `url`",
            ),
            MissingPicture { path } => Words::new(
                "missing-picture",
                format!("Không tìm thấy ảnh `static/{path}`"),
                format!("The picture `static/{path}` was not found"),
            )
            .hint(
                "chép ảnh vào thư mục static/ của trang, hoặc sửa đường dẫn trong ngoặc tròn",
                "copy the picture into the site's static/ folder, or fix the path in the parentheses",
            ),
            PictureOutside { path, real } => Words::new(
                "link-outside-site",
                format!(
                    "Ảnh `static/{path}` là liên kết tới `{real}`, nằm ngoài thư mục của trang: ảnh đó không được đăng"
                ),
                format!(
                    "The picture `static/{path}` is a link to `{real}`, outside the site folder: it is not published"
                ),
            )
            .hint(
                "chép ảnh vào thư mục static/ của trang thay cho liên kết",
                "copy the picture into the site's static/ folder instead of linking to it",
            ),
            NotAPicture { path } => Words::new(
                "not-a-picture",
                format!("Tệp `static/{path}` không phải là ảnh PNG, JPEG, GIF hay WebP"),
                format!("`static/{path}` is not a PNG, JPEG, GIF or WebP picture"),
            )
            .hint(
                "lưu ảnh lại dưới dạng PNG hoặc JPEG",
                "save the picture again as PNG or JPEG",
            ),
        }
    }
}
