//! `loaxa-synth`: writes a deterministic synthetic site for benchmarks.
//!
//! ```text
//! loaxa-synth --notices N [--campaigns 20] --out DIR [--hugo DIR] [--seed S] [--commune NAME]
//! loaxa-synth --sites K --notices N --out DIR      # K commune sites under DIR, for `build --sites`
//! ```
//!
//! Every campaign has 2 indicators of 60 daily figures each ending on
//! [`TODAY`], and a 69-row breakdown (the 69 communes of a province); every
//! notice has ~400 Vietnamese words. The same notices can be written as a
//! Hugo site (`--hugo DIR`) so both generators build the same pages. The
//! numbers come from a tiny LCG seeded by `--seed`: same arguments, same bytes.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Days, NaiveDate};

/// The date every synthetic campaign reports up to: build with `--today` this date.
const TODAY: &str = "2026-06-30";
const FIGURES: u64 = 60;
const COMMUNES: usize = 69;

fn main() -> ExitCode {
    match Args::parse(std::env::args().skip(1)) {
        Ok(args) => match run(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("loaxa-synth: {err}");
                ExitCode::FAILURE
            }
        },
        Err(usage) => {
            eprintln!(
                "loaxa-synth: {usage}\nusage: loaxa-synth --notices N [--campaigns 20] --out DIR [--hugo DIR] [--seed S] [--commune NAME] [--sites K]"
            );
            ExitCode::from(2)
        }
    }
}

struct Args {
    notices: usize,
    campaigns: usize,
    out: PathBuf,
    hugo: Option<PathBuf>,
    seed: u64,
    commune: Option<String>,
    sites: Option<usize>,
}

impl Args {
    fn parse(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
        let mut args = Args {
            notices: 1000,
            campaigns: 20,
            out: PathBuf::new(),
            hugo: None,
            seed: 1,
            commune: None,
            sites: None,
        };
        while let Some(flag) = it.next() {
            let value = it.next().ok_or(format!("{flag} needs a value"))?;
            let number = || {
                value
                    .parse::<usize>()
                    .map_err(|_| format!("{flag}: not a number"))
            };
            match flag.as_str() {
                "--notices" => args.notices = number()?,
                "--campaigns" => args.campaigns = number()?,
                "--seed" => args.seed = number()? as u64,
                "--sites" => args.sites = Some(number()?),
                "--out" => args.out = PathBuf::from(&value),
                "--hugo" => args.hugo = Some(PathBuf::from(&value)),
                "--commune" => args.commune = Some(value),
                _ => return Err(format!("unknown flag {flag}")),
            }
        }
        if args.out.as_os_str().is_empty() {
            return Err("--out is required".into());
        }
        Ok(args)
    }
}

fn run(args: &Args) -> io::Result<()> {
    let Some(count) = args.sites else {
        let commune = args.commune.clone().unwrap_or_else(|| commune_name(0));
        return write_site(args, &args.out, &commune, args.seed, args.hugo.as_deref());
    };
    // A province: K communes, each its own seed so figures (and ranks) differ.
    for k in 0..count {
        let commune = commune_name(k);
        let dir = args.out.join(loaxa::vi::slugify(&commune));
        write_site(args, &dir, &commune, args.seed + k as u64 * 7919, None)?;
    }
    Ok(())
}

fn write_site(
    args: &Args,
    dir: &Path,
    commune: &str,
    seed: u64,
    hugo: Option<&Path>,
) -> io::Result<()> {
    let mut rng = Lcg(seed);
    write(&dir.join("data/site.yaml"), &site_yaml(commune))?;
    let ids: Vec<String> = (0..args.campaigns).map(campaign_id).collect();
    let mut titles = Vec::new();
    for (k, id) in ids.iter().enumerate() {
        let (yaml, title) = campaign_yaml(&mut rng, k);
        write(&dir.join(format!("data/campaigns/{id}.yaml")), &yaml)?;
        titles.push((id.clone(), title));
    }
    let today = date(TODAY);
    for n in 0..args.notices {
        let notice = Notice::new(&mut rng, n, today, &ids, commune);
        let name = format!("{}.md", notice.slug);
        write(&dir.join("content/notices").join(&name), &notice.loaxa())?;
        if let Some(h) = hugo {
            write(&h.join("content/notices").join(&name), &notice.hugo())?;
        }
    }
    if let Some(h) = hugo {
        write_hugo_theme(h, commune, &titles)?;
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, text)
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap_or_default()
}

/// Knuth's MMIX LCG: plain, fast, and the same on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A number in `lo..hi` (hi excluded).
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo).max(1)
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.range(0, words.len() as u64) as usize]
    }
}

const COMMUNE_NAMES: &[&str] = &[
    "Lộc Hà",
    "Thạch Hà",
    "Can Lộc",
    "Nghi Xuân",
    "Cẩm Xuyên",
    "Kỳ Anh",
    "Hương Khê",
    "Hương Sơn",
    "Đức Thọ",
    "Vũ Quang",
    "Trường Lưu",
    "Mai Phụ",
    "Hồng Lộc",
    "Thạch Khê",
    "Đồng Lộc",
    "Tùng Lộc",
    "Xuân Hải",
    "Cổ Đạm",
    "Tiên Điền",
    "Đan Hải",
    "Kỳ Xuân",
    "Sơn Tây",
    "Hương Đô",
    "Phúc Trạch",
    "Thiên Cầm",
    "Cẩm Bình",
];

/// Distinct commune names, as many as asked: the list, then numbered.
fn commune_name(k: usize) -> String {
    let base = COMMUNE_NAMES[k % COMMUNE_NAMES.len()];
    match k / COMMUNE_NAMES.len() {
        0 => format!("Xã {base}"),
        n => format!("Xã {base} {}", n + 1),
    }
}

fn campaign_id(k: usize) -> String {
    format!("chien-dich-{:02}", k + 1)
}

fn site_yaml(commune: &str) -> String {
    format!(
        "# Trang tổng hợp để đo tốc độ (loaxa-synth): dữ liệu minh họa.\n\
         title: Chuyển đổi số {commune}\n\
         commune: {commune}\n\
         province: Hà Tĩnh\n\
         sample: true\n\
         hotline: {{ number: \"19009038\", label: Đường dây nóng phản ánh hiện trường }}\n\
         contacts:\n  - {{ name: Nguyễn Văn An, role: Phòng Văn hóa – Xã hội, phone: \"0916 222 326\" }}\n\
         apps:\n  - id: i-hatinh\n    name: i-HaTinh\n    summary: Ứng dụng Công dân số tỉnh Hà Tĩnh\n    \
         ios: https://apps.apple.com/vn/app/i-hatinh/id6759859323\n    \
         android: https://play.google.com/store/apps/details?id=vn.gov.hatinh.app\n"
    )
}

/// A campaign: 60 daily figures ending on TODAY, two indicators (a rising
/// count and a falling "remaining"), two phases and a 69-row breakdown.
fn campaign_yaml(rng: &mut Lcg, k: usize) -> (String, String) {
    let end = date(TODAY);
    let start = end - Days::new(FIGURES - 1);
    let deadline = end + Days::new(rng.range(10, 120));
    let mid = start + Days::new(FIGURES / 2);
    let title = format!(
        "Chiến dịch chuyển đổi số số {} – {}",
        k + 1,
        sentence(rng, 6, 10)
    );
    let mut y = String::new();
    let _ = write!(
        y,
        "title: {title}\nsummary: {s}\napp: i-hatinh\n\
         start: {start}\ndeadline: {deadline}\nreporting: {{ every: [daily], before: \"16:00\" }}\n\
         phases:\n  - {{ name: Đợt 1, start: {start}, end: {mid}, targets: {{ adults: {{ percent: 20 }} }} }}\n  \
         - {{ name: Đợt 2, start: {mid1}, end: {deadline}, targets: {{ adults: {{ percent: 60 }} }} }}\n\
         indicators:\n",
        s = sentence(rng, 12, 20),
        mid1 = mid + Days::new(1),
    );
    y.push_str(&rising_indicator(rng, start));
    y.push_str(&falling_indicator(rng, start));
    (y, title)
}

fn rising_indicator(rng: &mut Lcg, start: NaiveDate) -> String {
    let population = rng.range(15_000, 40_000);
    let mut y = format!(
        "  - id: adults\n    label: Người dân từ 18 tuổi trở lên có tài khoản\n    unit: tài khoản\n    \
         population: {population}\n    target: {{ percent: {} }}\n    figures:\n",
        rng.range(30, 80)
    );
    let mut count = rng.range(100, 1_000);
    for d in 0..FIGURES {
        count = (count + rng.range(0, population / 200)).min(population);
        let rate = (count as f64 * 10_000.0 / population as f64).round() / 100.0;
        let _ = write!(
            y,
            "      - {{ date: {}, count: {count}, stated_percent: {rate}",
            start + Days::new(d)
        );
        if d % 7 == 6 {
            let _ = write!(y, ", rank: {{ position: {}, of: 69 }}", rng.range(1, 70));
        }
        y.push_str(", source: Sở Khoa học và Công nghệ }\n");
    }
    y.push_str(&breakdown(rng, start + Days::new(FIGURES - 1)));
    y
}

fn falling_indicator(rng: &mut Lcg, start: NaiveDate) -> String {
    let population = rng.range(3_000, 9_000);
    let mut y = format!(
        "  - id: households\n    label: Hộ dân chưa được hỗ trợ cài đặt\n    unit: hộ\n    \
         population: {population}\n    target: {{ percent: 100 }}\n    figures:\n"
    );
    let mut remaining = population - rng.range(0, population / 10);
    for d in 0..FIGURES {
        remaining = remaining.saturating_sub(rng.range(0, population / 90));
        let _ = writeln!(
            y,
            "      - {{ date: {}, remaining: {remaining} }}",
            start + Days::new(d)
        );
    }
    y
}

/// One row per commune of the province: the "thứ 45/69" table.
fn breakdown(rng: &mut Lcg, on: NaiveDate) -> String {
    let mut y = format!("    breakdown:\n      - date: {on}\n        by: xã\n        rows:\n");
    for k in 0..COMMUNES {
        let population = rng.range(5_000, 30_000);
        let count = rng.range(0, population / 2);
        let _ = writeln!(
            y,
            "          - {{ name: \"{}\", count: {count}, population: {population}, target: {{ percent: 30 }} }}",
            commune_name(k)
        );
    }
    y
}

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
fn sentence(rng: &mut Lcg, lo: u64, hi: u64) -> String {
    let n = rng.range(lo, hi);
    let words: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
    let mut s = words.join(" ");
    if let Some(first) = s.chars().next() {
        let upper: String = first.to_uppercase().collect();
        s.replace_range(..first.len_utf8(), &upper);
    }
    s
}

/// ~400 words: a heading every few blocks, paragraphs, lists; a table now and then.
fn body(rng: &mut Lcg) -> String {
    let mut md = String::new();
    let mut words = 0;
    let mut block = 0;
    while words < 400 {
        let text = match block % 4 {
            0 => format!("## {}. {}\n", block / 4 + 1, sentence(rng, 3, 7)),
            3 => (0..rng.range(2, 4))
                .map(|_| format!("- {};\n", sentence(rng, 5, 10)))
                .collect(),
            _ => {
                let para: Vec<String> =
                    (0..rng.range(2, 4)).map(|_| sentence(rng, 6, 12)).collect();
                para.join(". ") + ".\n"
            }
        };
        words += text.split_whitespace().count();
        md.push_str(&text);
        md.push('\n');
        block += 1;
    }
    if rng.range(0, 4) == 0 {
        md.push_str("| Thôn | Số tài khoản | Tỷ lệ |\n|---|--:|--:|\n");
        for k in 0..5 {
            let _ = writeln!(
                md,
                "| Thôn {} | {} | {} % |",
                k + 1,
                rng.range(50, 900),
                rng.range(1, 60)
            );
        }
    }
    md
}

struct Notice {
    slug: String,
    title: String,
    kind: &'static str,
    number: String,
    date: NaiveDate,
    campaigns: Vec<String>,
    body: String,
    commune: String,
}

impl Notice {
    fn new(rng: &mut Lcg, n: usize, today: NaiveDate, ids: &[String], commune: &str) -> Notice {
        let date = today - Days::new(rng.range(0, 6 * 365));
        let kind = ["Công văn", "Kế hoạch", "Thông báo", "Quyết định"][rng.range(0, 4) as usize];
        let campaigns = if ids.is_empty() {
            Vec::new()
        } else {
            let first = rng.range(0, ids.len() as u64) as usize;
            vec![ids[first].clone()]
        };
        Notice {
            slug: format!("{date}-{:06}-ubnd", n + 1),
            title: sentence(rng, 8, 16),
            kind,
            number: format!("{}/UBND-VHXH", n + 1),
            date,
            campaigns,
            body: body(rng),
            commune: commune.to_string(),
        }
    }

    fn loaxa(&self) -> String {
        format!(
            "---\ntitle: {}\nkind: {}\nnumber: {}\ndate: {}\nrecipients: [Các thôn, tổ dân phố, Các trường học trên địa bàn]\n\
             signer: {{ name: Lê Văn Hân, position: Phó Chủ tịch, authority: KT. Chủ tịch, on_behalf: TM. Ủy ban nhân dân }}\n\
             distribution: [Như trên, \"Lưu: VT, VHXH\"]\ncampaigns: [{}]\n---\n{}",
            self.title,
            self.kind,
            self.number,
            self.date,
            self.campaigns.join(", "),
            self.body
        )
    }

    /// The same notice for Hugo: `campaigns` is a taxonomy, so Hugo renders
    /// a page per campaign listing its notices, as loaxa does.
    fn hugo(&self) -> String {
        format!(
            "---\ntitle: \"{}\"\ndate: {}\ncampaigns: [{}]\nparams:\n  kind: {}\n  number: {}\n  issuer: Ủy ban nhân dân {}\n---\n{}",
            self.title,
            self.date,
            self.campaigns.join(", "),
            self.kind,
            self.number,
            self.commune,
            self.body
        )
    }
}

/// A Hugo theme comparable to loaxa's default: the same frame (skip link,
/// hotline, a menu of every campaign, footer), the letter layout of a
/// notice, lists, and the `campaigns` taxonomy — so both write pages of
/// about the same size.
fn write_hugo_theme(dir: &Path, commune: &str, campaigns: &[(String, String)]) -> io::Result<()> {
    write(
        &dir.join("hugo.toml"),
        &format!(
            "baseURL = \"https://example.gov.vn/\"\nlanguageCode = \"vi\"\ntitle = \"Chuyển đổi số {commune}\"\n\
             rssLimit = 100\n[taxonomies]\ncampaign = \"campaigns\"\n"
        ),
    )?;
    let baseof = hugo_baseof(commune, campaigns);
    let layouts = dir.join("layouts/_default");
    write(&layouts.join("baseof.html"), &baseof)?;
    write(&layouts.join("single.html"), HUGO_SINGLE)?;
    write(&layouts.join("list.html"), HUGO_LIST)?;
    let home = "<ul>{{ range first 5 (where site.RegularPages \"Section\" \"notices\") }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>";
    write(
        &dir.join("layouts/index.html"),
        &baseof.replace("{{ block \"main\" . }}{{ end }}", home),
    )?;
    write(
        &dir.join("static/style.css"),
        "body { font-family: sans-serif; }\n",
    )
}

fn hugo_baseof(commune: &str, campaigns: &[(String, String)]) -> String {
    let menu: String = campaigns
        .iter()
        .map(|(id, title)| format!("<li><a href=\"/campaigns/{id}/\">{title}</a></li>\n"))
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{{{{ .Title }}}} – {{{{ site.Title }}}}</title>\n<meta name=\"description\" content=\"{{{{ .Title }}}}\">\n\
         <link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#noi-dung\">Bỏ qua, đến nội dung chính</a>\n<header class=\"site-header\">\n\
         <p class=\"sample-banner\">Dữ liệu minh họa — không phải số liệu chính thức</p>\n\
         <p class=\"brand\"><a class=\"brand__title\" href=\"/\">{{{{ site.Title }}}}</a> <span>{commune}, Hà Tĩnh</span></p>\n\
         <a class=\"hotline\" href=\"tel:19009038\"><svg aria-hidden=\"true\" viewBox=\"0 0 24 24\" width=\"28\" height=\"28\"><path fill=\"currentColor\" d=\"M7.2 2.3 4.4 3.1C3.3 3.5 2.7 4.6 3 5.7c1.9 7 8.3 13.4 15.3 15.3 1.1.3 2.2-.3 2.6-1.4l.8-2.8c.2-.7-.1-1.4-.7-1.8l-3.2-1.9c-.6-.4-1.4-.3-1.9.2l-1.3 1.3c-2.3-1.1-4.3-3.1-5.4-5.4l1.3-1.3c.5-.5.6-1.3.2-1.9L8.8 3c-.4-.6-1.1-.9-1.6-.7z\"/></svg>Gọi đường dây nóng 19009038</a>\n\
         <nav class=\"site-nav\" aria-label=\"Danh mục\"><details><summary>Danh mục</summary><ul>\n<li><a href=\"/\">Trang chủ</a></li>\n{menu}\
         <li><a href=\"/notices/\">Văn bản</a></li>\n</ul></details></nav>\n</header>\n\
         <main id=\"noi-dung\">{{{{ block \"main\" . }}}}{{{{ end }}}}</main>\n<footer class=\"site-footer\">\n\
         <p><strong>Cơ quan công bố:</strong> {commune}, Hà Tĩnh</p>\n<p>Đường dây nóng phản ánh hiện trường: <a href=\"tel:19009038\">19009038</a></p>\n\
         <p>Tỷ lệ và số còn thiếu trên trang được tính lại từ số liệu báo cáo chính thức. Nếu thấy thông tin chưa đúng, xin gọi đường dây nóng.</p>\n\
         </footer>\n</body>\n</html>\n"
    )
}

const HUGO_SINGLE: &str = r#"{{ define "main" }}<article class="letter">
<div class="letter__head"><p class="letter__org">{{ upper .Params.issuer }}</p><p>Số: {{ .Params.number }}</p>
<p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br><strong>Độc lập - Tự do - Hạnh phúc</strong></p>
<p><em><time datetime="{{ .Date.Format "2006-01-02" }}">ngày {{ .Date.Format "02" }} tháng {{ .Date.Format "1" }} năm {{ .Date.Format "2006" }}</time></em></p></div>
<p class="letter__kind">{{ upper .Params.kind }}</p><h1><abbr title="Về việc">V/v</abbr> {{ .Title }}</h1>
<div class="letter__body prose">{{ .Content }}</div>
<div class="letter__foot"><p>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH</p><p>Lê Văn Hân</p>
<ul><li>Như trên</li><li>Lưu: VT, VHXH</li></ul></div></article>
<section class="block notice-info"><h2>Thông tin văn bản</h2><dl>
<div><dt>Loại văn bản</dt><dd>{{ .Params.kind }}</dd></div><div><dt>Số, ký hiệu</dt><dd>{{ .Params.number }}</dd></div>
<div><dt>Ngày ký</dt><dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2/1/2006" }}</time></dd></div>
<div><dt>Thuộc chiến dịch</dt><dd>{{ range .Params.campaigns }}<a href="/campaigns/{{ . }}/">{{ . }}</a>{{ end }}</dd></div>
</dl><p class="more"><a href="/notices/">Xem tất cả văn bản</a></p></section>{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1><ul class="notice-list">{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span>{{ .Params.kind }} {{ .Params.number }}</span> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2/1/2006" }}</time></li>{{ end }}</ul>{{ end }}
"#;
