//! The synthetic notices: Vietnamese sentences, bodies of ~400 words, and
//! each notice's front matter for loaxa and for Hugo.

use chrono::{Days, NaiveDate};

use super::Lcg;
use super::shapes::{self, PICTURE_AT, Shape};

const WORDS: &[&str] = &[
    "ủy ban",
    "nhân dân",
    "xã",
    "thôn",
    "người dân",
    "cán bộ",
    "công chức",
    "triển khai",
    "thực hiện",
    "chuyển đổi số",
    "ứng dụng",
    "tài khoản",
    "định danh",
    "điện tử",
    "cài đặt",
    "hướng dẫn",
    "hỗ trợ",
    "kế hoạch",
    "nhiệm vụ",
    "chỉ tiêu",
    "báo cáo",
    "kết quả",
    "tiến độ",
    "đôn đốc",
    "khẩn trương",
    "nghiêm túc",
    "phối hợp",
    "các đơn vị",
    "trên địa bàn",
    "tổ",
    "công nghệ số",
    "cộng đồng",
    "đoàn thanh niên",
    "hội phụ nữ",
    "mặt trận",
    "tổ quốc",
    "trường học",
    "trạm y tế",
    "nhà văn hóa",
    "loa",
    "truyền thanh",
    "tuyên truyền",
    "rộng rãi",
    "đến từng",
    "hộ gia đình",
    "đảm bảo",
    "đúng hạn",
    "chất lượng",
    "hiệu quả",
    "thiết thực",
    "dịch vụ công",
    "trực tuyến",
    "thanh toán",
    "không dùng",
    "tiền mặt",
    "sức khỏe",
    "sổ",
    "bảo hiểm",
    "y tế",
    "đăng ký",
    "xác thực",
    "mức hai",
    "phản ánh",
    "hiện trường",
    "tỉnh",
    "huyện",
    "sở",
    "khoa học",
    "công nghệ",
    "văn hóa",
    "xã hội",
    "giáo dục",
    "chủ tịch",
    "phó chủ tịch",
    "trưởng",
    "thôn",
    "tổ dân phố",
    "năm",
    "tháng",
    "tuần",
    "ngày",
    "trước",
    "sau",
    "trong",
    "ngoài",
    "cùng",
    "với",
    "và",
    "của",
    "cho",
    "để",
    "theo",
    "đã",
    "đang",
    "sẽ",
    "cần",
    "phải",
    "được",
    "có",
    "không",
    "mỗi",
    "tất cả",
    "tối thiểu",
    "ít nhất",
];

/// A sentence of `lo..hi` words, capitalized, ending with a full stop.
pub fn sentence(rng: &mut Lcg, lo: u64, hi: u64) -> String {
    let n = rng.range(lo, hi);
    let words: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
    let mut s = words.join(" ");
    if let Some(first) = s.chars().next() {
        let upper: String = first.to_uppercase().collect();
        s.replace_range(..first.len_utf8(), &upper);
    }
    s
}

pub struct Notice {
    pub slug: String,
    title: String,
    kind: &'static str,
    number: String,
    date: NaiveDate,
    campaigns: Vec<String>,
    body: String,
    /// Title and path under `static/` of each attached file.
    attachments: Vec<(String, String)>,
    commune: String,
}

impl Notice {
    pub fn new(rng: &mut Lcg, n: usize, today: NaiveDate, ids: &[String], commune: &str) -> Notice {
        let date = today - Days::new(rng.range(0, 6 * 365));
        let kind = ["Công văn", "Kế hoạch", "Thông báo", "Quyết định"][rng.range(0, 4) as usize];
        let campaigns = if ids.is_empty() {
            Vec::new()
        } else {
            let first = rng.range(0, ids.len() as u64) as usize;
            vec![ids[first].clone()]
        };
        let title = sentence(rng, 8, 16);
        let shape = Shape::pick(rng);
        let (body, attachments) = shapes::body(rng, shape);
        Notice {
            slug: format!("{date}-{:06}-ubnd", n + 1),
            title,
            kind,
            number: format!("{}/UBND-VHXH", n + 1),
            date,
            campaigns,
            body,
            attachments,
            commune: commune.to_string(),
        }
    }

    pub fn loaxa(&self) -> String {
        format!(
            "---\ntitle: {}\nkind: {}\nnumber: {}\ndate: {}\nrecipients: [Các thôn, tổ dân phố, Các trường học trên địa bàn]\n\
             signer: {{ name: Lê Văn Hân, position: Phó Chủ tịch, authority: KT. Chủ tịch, on_behalf: TM. Ủy ban nhân dân }}\n\
             distribution: [Như trên, \"Lưu: VT, VHXH\"]\ncampaigns: [{}]\n{}---\n{}",
            self.title,
            self.kind,
            self.number,
            self.date,
            self.campaigns.join(", "),
            self.attachments_yaml(""),
            self.body.replace(PICTURE_AT, "anh/")
        )
    }

    /// The same notice for Hugo: `campaigns` is a taxonomy, so Hugo renders
    /// a page per campaign listing its notices, as loaxa does.
    pub fn hugo(&self) -> String {
        format!(
            "---\ntitle: \"{}\"\ndate: {}\ncampaigns: [{}]\nparams:\n  kind: {}\n  number: {}\n  issuer: Ủy ban nhân dân {}\n{}---\n{}",
            self.title,
            self.date,
            self.campaigns.join(", "),
            self.kind,
            self.number,
            self.commune,
            self.attachments_yaml("  "),
            self.body.replace(PICTURE_AT, "/anh/")
        )
    }

    /// `attachments:` in front matter (under `params:` for Hugo), if any.
    fn attachments_yaml(&self, indent: &str) -> String {
        if self.attachments.is_empty() {
            return String::new();
        }
        let items: Vec<String> = self
            .attachments
            .iter()
            .map(|(title, url)| format!("{{ title: \"{title}\", url: {url} }}"))
            .collect();
        format!("{indent}attachments: [{}]\n", items.join(", "))
    }
}
