//! `loaxa rollup SHARD_DIR… --out DIR`: a higher roll-up (national, or a
//! region) from shards built apart — typically one CI job per province,
//! each running `loaxa build --sites`. Every shard's `data.json` is read
//! and checked first; one missing or malformed shard stops the roll-up
//! with a message naming it, and nothing is written.

use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostic::Text;
use crate::opendata::{self, ReadError, Shard};
use crate::output::guard::lexical;
use crate::province::rollup::{self, Commune};

/// A shard's `data.json`: the folder's, or the file itself.
pub fn data_file(shard: &Path) -> PathBuf {
    if shard.extension().is_some_and(|e| e == "json") && !shard.is_dir() {
        shard.to_path_buf()
    } else {
        shard.join(opendata::SITE_JSON)
    }
}

/// Every commune of every shard, linked from `out`; or one message per
/// shard that cannot be read.
pub fn read_all(shards: &[PathBuf], out: &Path) -> Result<Vec<Commune>, Vec<Text>> {
    let mut communes = Vec::new();
    let mut problems = Vec::new();
    for shard in shards {
        let file = data_file(shard);
        match opendata::read_shard(&file) {
            Ok(data) => {
                let base = file
                    .parent()
                    .and_then(|folder| link_between(out, folder))
                    .unwrap_or_default();
                match data {
                    Shard::Site(site) => communes.push(rollup::commune(base, site)),
                    Shard::Rollup(r) => communes.extend(r.communes.into_iter().map(|mut c| {
                        if !is_absolute_url(&c.link) {
                            c.link = tidy_link(&format!("{base}{}", c.link));
                        }
                        c
                    })),
                }
            }
            Err(err) => problems.push(explain(shard, &file, &err)),
        }
    }
    if problems.is_empty() {
        Ok(communes)
    } else {
        Err(problems)
    }
}

fn is_absolute_url(link: &str) -> bool {
    link.starts_with("https://") || link.starts_with("http://")
}

/// `../national/../shards/x/` → `../shards/x/`: a relative link with each
/// `folder/..` pair taken out (the leading `..` kept).
fn tidy_link(link: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in link.split('/') {
        match part {
            "." => {}
            ".." if parts.last().is_some_and(|p| *p != ".." && !p.is_empty()) => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    parts.join("/")
}

/// The relative URL from the folder `from` to the folder `to` (`../ha-tinh/`),
/// or `None` when one cannot be made (different drives).
pub fn link_between(from: &Path, to: &Path) -> Option<String> {
    let from = lexical(from);
    let to = lexical(to);
    let common = from
        .components()
        .zip(to.components())
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return None;
    }
    let mut link = String::new();
    for _ in from.components().skip(common) {
        link.push_str("../");
    }
    for part in to.components().skip(common) {
        link.push_str(&rollup::url_segment(&part.as_os_str().to_string_lossy()));
        link.push('/');
    }
    Some(link)
}

/// What is wrong with a shard, and what to do, in the officer's words.
fn explain(shard: &Path, file: &Path, err: &ReadError) -> Text {
    let shard = shard.display();
    let file = file.display();
    match err {
        ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound => Text::new(
            format!(
                "{shard}: không có tệp {file} — thư mục này không phải kết quả của \
                 `loaxa build --sites` (hay `loaxa build`). Hãy kiểm tra đường dẫn, hoặc \
                 xem job dựng phân đoạn này đã chạy xong chưa."
            ),
            format!(
                "{shard}: there is no {file} — this folder is not the output of \
                 `loaxa build --sites` (or `loaxa build`). Check the path, or whether the \
                 job that builds this shard has finished."
            ),
        ),
        ReadError::Io(e) => Text::new(
            format!("{shard}: không đọc được {file} ({e})."),
            format!("{shard}: cannot read {file} ({e})."),
        ),
        ReadError::Malformed(e) => {
            let (line, column) = (e.line(), e.column());
            let (vi, en) = match e.classify() {
                serde_json::error::Category::Eof => (
                    "tệp bị cắt ngang (hết tệp giữa chừng)".to_string(),
                    "the file is cut short".to_string(),
                ),
                serde_json::error::Category::Syntax => {
                    ("không phải JSON".to_string(), "it is not JSON".to_string())
                }
                _ => (
                    format!("thiếu hoặc sai một mục ({e})"),
                    format!("a field is missing or wrong ({e})"),
                ),
            };
            Text::new(
                format!(
                    "{file}:{line}:{column}: {vi}. Tệp có thể bị hỏng khi tải về hoặc bị sửa \
                     tay; hãy dựng lại phân đoạn này."
                ),
                format!(
                    "{file}:{line}:{column}: {en}. It may have been damaged in transfer or \
                     edited by hand; build this shard again."
                ),
            )
        }
        ReadError::Format(found) => {
            let found = if found.is_empty() {
                "(không có)".to_string()
            } else {
                format!("`{found}`")
            };
            Text::new(
                format!(
                    "{file}: định dạng {found} không dùng được; cần `{}` (do `loaxa build \
                     --sites` viết) hoặc `{}` (do `loaxa build` viết). Hãy dựng lại phân đoạn \
                     này bằng cùng phiên bản loaxa.",
                    opendata::ROLLUP_FORMAT,
                    opendata::SITE_FORMAT
                ),
                format!(
                    "{file}: format {} cannot be used; expected `{}` (written by `loaxa build \
                     --sites`) or `{}` (written by `loaxa build`). Build this shard again with \
                     the same loaxa version.",
                    found.replace("(không có)", "(none)"),
                    opendata::ROLLUP_FORMAT,
                    opendata::SITE_FORMAT
                ),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_tidied() {
        assert_eq!(tidy_link("../national/../shards/x/"), "../shards/x/");
        assert_eq!(tidy_link("../../a/"), "../../a/");
        assert_eq!(tidy_link("ha-tinh/an/"), "ha-tinh/an/");
    }

    #[test]
    fn links_go_from_the_output_to_each_shard() {
        let link = |a: &str, b: &str| link_between(Path::new(a), Path::new(b));
        assert_eq!(
            link("/ci/public", "/ci/public/ha-tinh").as_deref(),
            Some("ha-tinh/")
        );
        assert_eq!(
            link("/ci/out", "/ci/shards/ha-tinh").as_deref(),
            Some("../shards/ha-tinh/")
        );
        assert_eq!(link("/ci/out", "/ci/out").as_deref(), Some(""));
        assert_eq!(
            link("/ci/out", "/ci/Hà Tĩnh").as_deref(),
            Some("../H%C3%A0%20T%C4%A9nh/")
        );
    }
}
