//! A Hugo theme comparable to loaxa's default, for paired timings.

use std::io;
use std::path::Path;

use super::write;

/// A Hugo theme comparable to loaxa's default: the same frame (skip link,
/// hotline, a menu of every campaign, footer), the letter layout of a
/// notice, lists, and the `campaigns` taxonomy — so both write pages of
/// about the same size.
pub fn write_theme(dir: &Path, commune: &str, campaigns: &[(String, String)]) -> io::Result<()> {
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
{{ with .Params.attachments }}<section class="block attachments"><h2>Tệp đính kèm</h2><ul class="files">{{ range . }}<li><a href="/{{ .url }}" download>{{ .title }}</a></li>{{ end }}</ul></section>{{ end }}
<section class="block notice-info"><h2>Thông tin văn bản</h2><dl>
<div><dt>Loại văn bản</dt><dd>{{ .Params.kind }}</dd></div><div><dt>Số, ký hiệu</dt><dd>{{ .Params.number }}</dd></div>
<div><dt>Ngày ký</dt><dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2/1/2006" }}</time></dd></div>
<div><dt>Thuộc chiến dịch</dt><dd>{{ range .Params.campaigns }}<a href="/campaigns/{{ . }}/">{{ . }}</a>{{ end }}</dd></div>
</dl><p class="more"><a href="/notices/">Xem tất cả văn bản</a></p></section>{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1><ul class="notice-list">{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span>{{ .Params.kind }} {{ .Params.number }}</span> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2/1/2006" }}</time></li>{{ end }}</ul>{{ end }}
"#;
