//! The site's own words in each language, handed to templates as `t`.
//!
//! Only the theme's fixed wording lives here: everything about the commune
//! (names, numbers, dates, the letters themselves) comes from the site's files
//! through the views. A template writes `{{ t.skip_link }}`, never a literal
//! string, so an English site (`language: en`) reads English throughout.

use serde::Serialize;

use crate::vi::Lang;

/// One field per phrase the default theme prints. Every field is filled in
/// both languages (a test below checks that none is empty).
#[derive(Debug, Clone, Serialize)]
pub struct Words {
    // ---- frame: header, menu, footer (base.html) ----
    /// First focusable element: jumps to `<main id="noi-dung">`.
    pub skip_link: &'static str,
    /// The main `<nav>`: its `aria-label`, and the button that opens it on phones.
    pub menu: &'static str,
    /// Link text back to the home page.
    pub home: &'static str,
    /// Banner on every page of a `sample: true` site.
    pub sample_banner: &'static str,
    /// Words on the hotline button, above the number.
    pub hotline_cta: &'static str,
    /// The header button to the apps page, and the apps page's title.
    pub download_app: &'static str,
    /// Footer: who publishes the site.
    pub footer_publisher: &'static str,
    /// Footer: label before the link back to the commune's portal.
    pub footer_portal: &'static str,
    /// Footer: link to the contacts page.
    pub footer_contacts: &'static str,
    /// Footer: how the figures are made and what to do about a mistake.
    pub footer_note: &'static str,
    /// Footer: link to the contacts in English (always in English).
    pub english: &'static str,
    /// Link back to the Vietnamese site from the English page (always in Vietnamese).
    pub vietnamese: &'static str,
    /// Footer: link to `data.json`, every campaign's figures.
    pub open_data: &'static str,
    /// `title` of the Atom feed's `<link rel="alternate">`.
    pub feed_title: &'static str,

    // ---- statuses and figures (shared) ----
    /// "Cập nhật ngày" before a date.
    pub updated_on: &'static str,
    /// "khoảng" before an approximate figure.
    pub approximately: &'static str,
    /// "Mục tiêu" (target).
    pub target: &'static str,
    /// Label of a deadline.
    pub deadline: &'static str,

    // ---- home (index.html) ----
    /// Heading over the campaign cards.
    pub campaigns: &'static str,
    /// When there is no campaign yet.
    pub no_campaigns: &'static str,
    /// A card whose figures are late by the reporting schedule.
    pub overdue_short: &'static str,
    /// Heading over the latest notices.
    pub latest_notices: &'static str,
    /// Link to the list of every notice.
    pub all_notices: &'static str,
    /// When there is no notice yet.
    pub no_notices: &'static str,
    /// The `aria-label` of the links between pages of the notice list.
    pub pager: &'static str,
    pub pager_previous: &'static str,
    pub pager_next: &'static str,
    /// Heading of the hotline box on the home and apps pages.
    pub need_help: &'static str,
    /// Sentence before the hotline number in that box.
    pub need_help_text: &'static str,

    // ---- campaign (campaign.html) ----
    /// Label of the campaign period ("13/5/2026 – 30/6/2026").
    pub period: &'static str,
    /// Label of "còn 37 ngày".
    pub time_left: &'static str,
    /// Label of the reporting schedule.
    pub reporting: &'static str,
    /// Title of the warning shown when figures are late.
    pub overdue_title: &'static str,
    /// Heading of the list of a campaign's indicators (when several).
    pub indicators: &'static str,
    /// Label of the indicator's rank among communes.
    pub rank: &'static str,
    /// "Biểu đồ" (chart), starts a chart's caption.
    pub chart: &'static str,
    /// Under a chart: where its numbers are as text.
    pub chart_see_table: &'static str,
    /// "Bảng số liệu" (figure table), heading over a table.
    pub table: &'static str,
    /// Small hint over a wide table on a phone.
    pub table_scroll_hint: &'static str,
    /// Heading of the notes readers should see about the figures.
    pub notes: &'static str,
    /// Heading over the breakdowns (by village, unit…).
    pub breakdowns: &'static str,
    /// "Các đợt" (phases).
    pub phases: &'static str,
    /// Phase timing `past`.
    pub phase_past: &'static str,
    /// Phase timing `current`.
    pub phase_current: &'static str,
    /// Phase timing `future`.
    pub phase_future: &'static str,
    /// "Văn bản liên quan" (related notices).
    pub related_notices: &'static str,
    /// Under a chart: link to the campaign's figures as CSV.
    pub download_csv: &'static str,
    /// Under a chart: link to the campaign's figures as JSON.
    pub download_json: &'static str,
    /// Under a chart: link to the campaign's figures as an Excel workbook.
    pub download_xlsx: &'static str,
    /// Heading of the campaign's poster and embed code.
    pub spread_word: &'static str,
    /// Link to the poster, and the poster page's title.
    pub poster: &'static str,
    /// What the poster is for and how to print it (hidden on paper).
    pub poster_hint: &'static str,
    /// Under the store QR codes on the poster.
    pub scan_to_download: &'static str,
    /// Heading of the portal embed code on the campaign page.
    pub embed: &'static str,
    /// What the embed code does.
    pub embed_intro: &'static str,
    /// Said instead of the code when the site has no `base_url`.
    pub embed_needs_base_url: &'static str,
    /// Link to the widget itself.
    pub embed_preview: &'static str,
    /// The widget's link to the campaign page.
    pub see_details: &'static str,

    // ---- notices (notices.html, notice.html) ----
    /// Title of the list of notices.
    pub notices: &'static str,
    /// Sentence under that title.
    pub notices_intro: &'static str,
    /// Link to the Atom feed on the notices page.
    pub follow_feed: &'static str,
    /// "Dự thảo" marker of a draft.
    pub draft: &'static str,
    /// Sentence explaining the draft marker on a notice page.
    pub draft_note: &'static str,
    /// National motto, first line.
    pub motto_country: &'static str,
    /// National motto, second line.
    pub motto_words: &'static str,
    /// "V/v", before the subject of a công văn.
    pub subject_abbr: &'static str,
    /// What "V/v" stands for (`<abbr title>`).
    pub subject_abbr_full: &'static str,
    /// "Kính gửi:" before the recipients.
    pub recipients: &'static str,
    /// "Nơi nhận:" before the distribution list.
    pub distribution: &'static str,
    /// `aria-label` of the signature block.
    pub signature: &'static str,
    /// Heading over the attachments.
    pub attachments: &'static str,
    /// Heading over the notice's metadata (Nghị định 42/2022).
    pub notice_info: &'static str,
    /// Metadata: the kind of letter.
    pub kind: &'static str,
    /// Metadata: the letter's number.
    pub number: &'static str,
    /// Prefix printed before the number in a list ("Số").
    pub number_prefix: &'static str,
    /// Metadata: the subject (trích yếu).
    pub subject: &'static str,
    /// Metadata: a date the notice does not give.
    pub not_stated: &'static str,
    /// Metadata: the date signed.
    pub date_signed: &'static str,
    /// Metadata: the date it takes effect.
    pub date_effective: &'static str,
    /// Metadata: who issued it.
    pub issuer: &'static str,
    /// Metadata: the campaigns the notice belongs to.
    pub notice_campaigns: &'static str,
    /// The kind a letter without "V/v" subject would not have: "Công văn".
    /// A notice whose kind is this (any case) or absent gets "V/v" before its subject.
    pub kind_letter: &'static str,

    // ---- apps (apps.html) ----
    /// Sentence under the apps page title: which store for which phone.
    pub apps_intro: &'static str,
    /// "Tải trên App Store".
    pub app_store: &'static str,
    /// Which phones use it: "cho iPhone".
    pub app_store_for: &'static str,
    /// "Tải trên Google Play".
    pub google_play: &'static str,
    /// Which phones use it: "cho điện thoại Android".
    pub google_play_for: &'static str,
    /// "Hướng dẫn" (guide), link to an app's guide.
    pub guide: &'static str,
    /// When the site lists no app.
    pub no_apps: &'static str,
    /// A store QR code's `alt`, before the app's name: "Mã QR tải".
    pub qr_for: &'static str,
    /// After the app's name: "trên App Store".
    pub on_app_store: &'static str,
    /// After the app's name: "trên Google Play".
    pub on_google_play: &'static str,

    // ---- contacts (contacts.html) ----
    /// Title of the contacts page.
    pub contacts: &'static str,
    /// Heading over the people to contact.
    pub contact_people: &'static str,
    /// "Gọi" (call), before a contact's phone number on its button.
    pub call: &'static str,
    /// Label of a phone number.
    pub phone: &'static str,
    /// Label of an e-mail address.
    pub email: &'static str,
    /// When the site lists no contact person.
    pub no_contacts: &'static str,

    // ---- search (search.html) ----
    /// The search page's title and menu entry.
    pub search: &'static str,
    /// Sentence under the title.
    pub search_intro: &'static str,
    /// Label of the search box.
    pub search_label: &'static str,
    /// The search button.
    pub search_button: &'static str,
    /// Heading of the full list (shown without script, or with an empty query).
    pub search_all: &'static str,
    /// Result count; `{n}` and `{q}` are filled by the script.
    pub search_found: &'static str,
    /// No result; `{q}` is filled by the script.
    pub search_none: &'static str,
    /// When the index cannot be loaded (a page opened from disk): titles only.
    pub search_titles_only: &'static str,
    /// The button under the first ten results.
    pub search_more: &'static str,
    /// Said when the browser runs no script: the box cannot filter.
    pub search_no_script: &'static str,

    // ---- contacts in English (en.html; shown only in English) ----
    /// "Contact", before the organisation's name.
    pub contact_heading: &'static str,
    /// Sentence under the title.
    pub english_intro: &'static str,
    /// A contact's name.
    pub name: &'static str,
    /// A contact's position (the site's `role`).
    pub position: &'static str,
    /// The organisation a contact works for.
    pub unit: &'static str,
    /// Heading over the organisation's details.
    pub organisation: &'static str,
    /// "Hotline".
    pub hotline: &'static str,
    /// "Province".
    pub province: &'static str,

    // ---- 404 ----
    /// Title of the 404 page.
    pub not_found: &'static str,
    /// Plain sentence under it.
    pub not_found_text: &'static str,
    /// Sentence before the links out.
    pub not_found_try: &'static str,
}

/// Vietnamese, the default.
pub const VI: Words = Words {
    skip_link: "Bỏ qua, đến nội dung chính",
    menu: "Danh mục",
    home: "Trang chủ",
    sample_banner: "Dữ liệu minh họa — không phải số liệu chính thức",
    hotline_cta: "Gọi đường dây nóng",
    download_app: "Tải ứng dụng",
    footer_publisher: "Cơ quan công bố",
    footer_portal: "Cổng thông tin chính thức",
    footer_contacts: "Danh bạ liên hệ",
    footer_note: "Tỷ lệ và số còn thiếu trên trang được tính lại từ số liệu báo cáo chính thức. \
                  Nếu thấy thông tin chưa đúng, xin gọi đường dây nóng.",
    english: "English",
    vietnamese: "Tiếng Việt",
    open_data: "Dữ liệu mở (JSON)",
    feed_title: "Văn bản và số liệu mới",

    updated_on: "Cập nhật ngày",
    approximately: "khoảng",
    target: "Mục tiêu",
    deadline: "Hạn hoàn thành",

    campaigns: "Các chiến dịch",
    no_campaigns: "Hiện chưa có chiến dịch nào.",
    overdue_short: "Số liệu chưa được cập nhật đúng lịch",
    latest_notices: "Văn bản mới",
    all_notices: "Xem tất cả văn bản",
    no_notices: "Hiện chưa có văn bản nào.",
    pager: "Các trang của danh sách văn bản",
    pager_previous: "Trang trước",
    pager_next: "Trang sau",
    need_help: "Cần hỗ trợ?",
    need_help_text: "Có câu hỏi, cần hướng dẫn hoặc muốn phản ánh, xin gọi:",

    period: "Thời gian thực hiện",
    time_left: "Thời gian còn lại",
    reporting: "Lịch báo cáo",
    overdue_title: "Số liệu chưa được cập nhật",
    indicators: "Các chỉ số",
    rank: "Xếp hạng",
    chart: "Biểu đồ",
    chart_see_table: "Các số liệu trong biểu đồ có đầy đủ trong bảng dưới đây.",
    table: "Bảng số liệu",
    table_scroll_hint: "Bảng rộng: vuốt sang ngang để xem hết.",
    notes: "Lưu ý về số liệu",
    breakdowns: "Chi tiết theo đơn vị",
    phases: "Các đợt",
    phase_past: "Đã kết thúc",
    phase_current: "Đang diễn ra",
    phase_future: "Sắp diễn ra",
    related_notices: "Văn bản liên quan",
    download_csv: "Tải số liệu (CSV)",
    download_json: "Tải số liệu (JSON)",
    download_xlsx: "Tải số liệu (Excel)",
    spread_word: "Tuyên truyền",
    poster: "In áp phích",
    poster_hint: "Áp phích khổ A4 để dán ở nhà văn hóa thôn, chợ, trường học. \
                  Dùng lệnh In của trình duyệt (Ctrl + P; trên điện thoại: menu ⋮ → Chia sẻ → In) \
                  và chọn khổ giấy A4.",
    scan_to_download: "Mở camera điện thoại, quét mã để tải ứng dụng",
    embed: "Nhúng vào cổng thông tin xã",
    embed_intro: "Chép đoạn mã dưới đây vào một trang của cổng thông tin điện tử xã để hiện \
                  khung tiến độ của chiến dịch. Khung tự cập nhật mỗi khi trang này được dựng lại.",
    embed_needs_base_url: "Chưa có mã nhúng: cần khai báo địa chỉ web của trang (base_url) \
                           trong tệp data/site.yaml rồi dựng lại trang.",
    embed_preview: "Xem trước khung nhúng",
    see_details: "Xem chi tiết",

    notices: "Văn bản",
    notices_intro: "Công văn, kế hoạch, thông báo của chính quyền xã, đăng đúng như bản đã ký.",
    follow_feed: "Theo dõi văn bản mới (nguồn tin Atom)",
    draft: "Dự thảo",
    draft_note: "Văn bản này đang là dự thảo: chưa ký ban hành, chưa có hiệu lực.",
    motto_country: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto_words: "Độc lập - Tự do - Hạnh phúc",
    subject_abbr: "V/v",
    subject_abbr_full: "Về việc",
    recipients: "Kính gửi:",
    distribution: "Nơi nhận:",
    signature: "Chữ ký",
    attachments: "Tệp đính kèm",
    notice_info: "Thông tin văn bản",
    kind: "Loại văn bản",
    number: "Số, ký hiệu",
    number_prefix: "Số",
    subject: "Trích yếu",
    not_stated: "Văn bản không ghi",
    date_signed: "Ngày ký",
    date_effective: "Ngày có hiệu lực",
    issuer: "Cơ quan ban hành",
    notice_campaigns: "Thuộc chiến dịch",
    kind_letter: "Công văn",

    apps_intro: "Chọn đúng kho ứng dụng cho điện thoại của mình: iPhone tải trên App Store, \
                 điện thoại Android (Samsung, Oppo, Xiaomi, Vivo…) tải trên Google Play.",
    app_store: "Tải trên App Store",
    app_store_for: "cho iPhone",
    google_play: "Tải trên Google Play",
    google_play_for: "cho điện thoại Android",
    guide: "Hướng dẫn",
    no_apps: "Hiện chưa có ứng dụng nào.",
    qr_for: "Mã QR tải",
    on_app_store: "trên App Store",
    on_google_play: "trên Google Play",

    contacts: "Liên hệ",
    contact_people: "Cán bộ phụ trách",
    call: "Gọi",
    phone: "Điện thoại",
    email: "Thư điện tử",
    no_contacts: "Hiện chưa có danh bạ cán bộ phụ trách.",

    search: "Tìm kiếm",
    search_intro: "Tìm trong các văn bản, chiến dịch và trang hướng dẫn. \
                   Gõ có dấu hay không dấu đều được.",
    search_label: "Từ cần tìm",
    search_button: "Tìm",
    search_all: "Tất cả văn bản và trang",
    search_found: "Có {n} kết quả cho “{q}”.",
    search_none: "Không tìm thấy kết quả nào cho “{q}”. Hãy thử từ khác, hoặc gọi đường dây nóng.",
    search_titles_only: "Trang đang mở từ tệp trên máy nên chỉ tìm được trong tiêu đề.",
    search_more: "Xem thêm kết quả",
    search_no_script: "Trình duyệt đang tắt JavaScript nên ô tìm kiếm không lọc được. \
                       Dưới đây là các chiến dịch, các trang và những văn bản mới nhất: \
                       dùng lệnh Tìm trong trang của trình duyệt, hoặc xem toàn bộ danh sách văn bản.",

    contact_heading: "Liên hệ",
    english_intro: "Trang dành cho người đọc tiếng Anh: danh bạ liên hệ của Ủy ban nhân dân xã.",
    name: "Họ và tên",
    position: "Chức vụ",
    unit: "Đơn vị",
    organisation: "Cơ quan",
    hotline: "Đường dây nóng",
    province: "Tỉnh",

    not_found: "Không tìm thấy trang",
    not_found_text: "Trang bạn tìm không có hoặc đã được chuyển sang địa chỉ khác.",
    not_found_try: "Bạn có thể:",
};

/// English, for `language: en` sites.
pub const EN: Words = Words {
    skip_link: "Skip to main content",
    menu: "Menu",
    home: "Home",
    sample_banner: "Sample data — not official figures",
    hotline_cta: "Call the hotline",
    download_app: "Get the app",
    footer_publisher: "Published by",
    footer_portal: "Official portal",
    footer_contacts: "Contacts",
    footer_note: "Rates and counts still needed are recomputed from the officially reported figures. \
                  If something looks wrong, please call the hotline.",
    english: "English",
    vietnamese: "Tiếng Việt",
    open_data: "Open data (JSON)",
    feed_title: "New notices and figures",

    updated_on: "Updated",
    approximately: "about",
    target: "Target",
    deadline: "Deadline",

    campaigns: "Campaigns",
    no_campaigns: "There is no campaign yet.",
    overdue_short: "Figures are late by the reporting schedule",
    latest_notices: "Latest notices",
    all_notices: "See all notices",
    no_notices: "There is no notice yet.",
    pager: "Pages of the notice list",
    pager_previous: "Previous page",
    pager_next: "Next page",
    need_help: "Need help?",
    need_help_text: "For questions, help or to report a problem, call:",

    period: "Period",
    time_left: "Time left",
    reporting: "Reporting schedule",
    overdue_title: "Figures are not up to date",
    indicators: "Indicators",
    rank: "Rank",
    chart: "Chart",
    chart_see_table: "Every figure in the chart is in the table below.",
    table: "Figures",
    table_scroll_hint: "Wide table: swipe sideways to see all of it.",
    notes: "About these figures",
    breakdowns: "Breakdown",
    phases: "Phases",
    phase_past: "Finished",
    phase_current: "Under way",
    phase_future: "Coming up",
    related_notices: "Related notices",
    download_csv: "Download the figures (CSV)",
    download_json: "Download the figures (JSON)",
    download_xlsx: "Download the figures (Excel)",
    spread_word: "Spread the word",
    poster: "Print a poster",
    poster_hint: "An A4 poster for village halls, markets and schools. \
                  Use the browser's Print command (Ctrl + P; on a phone: menu ⋮ → Share → Print) \
                  and choose A4 paper.",
    scan_to_download: "Open your phone's camera and scan the code to get the app",
    embed: "Embed on the commune portal",
    embed_intro: "Paste the code below into a page of the commune's web portal to show this \
                  campaign's progress. It updates whenever this site is built again.",
    embed_needs_base_url: "No embed code yet: set the site's web address (base_url) \
                           in data/site.yaml and build again.",
    embed_preview: "Preview the widget",
    see_details: "See details",

    notices: "Notices",
    notices_intro: "Official letters, plans and announcements, published as signed.",
    follow_feed: "Follow new notices (Atom feed)",
    draft: "Draft",
    draft_note: "This notice is a draft: not yet signed, not in force.",
    motto_country: "SOCIALIST REPUBLIC OF VIETNAM",
    motto_words: "Independence - Freedom - Happiness",
    subject_abbr: "Re:",
    subject_abbr_full: "Regarding",
    recipients: "To:",
    distribution: "Copies to:",
    signature: "Signature",
    attachments: "Attachments",
    notice_info: "About this notice",
    kind: "Type",
    number: "Number",
    number_prefix: "No.",
    subject: "Subject",
    not_stated: "Not stated in the notice",
    date_signed: "Date signed",
    date_effective: "Date in force",
    issuer: "Issued by",
    notice_campaigns: "Campaign",
    kind_letter: "Công văn",

    apps_intro: "Pick the store for your phone: iPhones use the App Store, \
                 Android phones (Samsung, Oppo, Xiaomi, Vivo…) use Google Play.",
    app_store: "Download on the App Store",
    app_store_for: "for iPhone",
    google_play: "Get it on Google Play",
    google_play_for: "for Android phones",
    guide: "Guide",
    no_apps: "There is no app yet.",
    qr_for: "QR code to download",
    on_app_store: "from the App Store",
    on_google_play: "from Google Play",

    contacts: "Contacts",
    contact_people: "People to contact",
    call: "Call",
    phone: "Phone",
    email: "E-mail",
    no_contacts: "There is no contact person listed yet.",

    search: "Search",
    search_intro: "Search the notices, campaigns and guides, \
                   with or without Vietnamese diacritics.",
    search_label: "Words to find",
    search_button: "Search",
    search_all: "Every notice and page",
    search_found: "{n} results for “{q}”.",
    search_none: "Nothing found for “{q}”. Try other words, or call the hotline.",
    search_titles_only: "Opened from a file on this device: only titles are searched.",
    search_more: "More results",
    search_no_script: "JavaScript is off in this browser, so the search box cannot filter. \
                       Below are the campaigns, the pages and the newest notices: use the \
                       browser's Find in page, or see the whole list of notices.",

    contact_heading: "Contact",
    english_intro: "This site publishes the commune's official notices and campaign figures \
                    in Vietnamese. To reach the People's Committee, use the contacts below.",
    name: "Name",
    position: "Position",
    unit: "Unit",
    organisation: "Organisation",
    hotline: "Hotline",
    province: "Province",

    not_found: "Page not found",
    not_found_text: "The page you are looking for does not exist or has moved.",
    not_found_try: "You can:",
};

/// The theme's words for a site language.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(w: &Words) -> serde_json::Map<String, serde_json::Value> {
        match serde_json::to_value(w) {
            Ok(serde_json::Value::Object(map)) => map,
            other => panic!("Words must serialize to an object, got {other:?}"),
        }
    }

    #[test]
    fn no_field_is_empty_in_either_language() {
        for (name, w) in [("vi", &VI), ("en", &EN)] {
            for (key, value) in fields(w) {
                let text = value.as_str().unwrap_or_default();
                assert!(!text.trim().is_empty(), "{name}: `{key}` is empty");
                assert!(!text.contains("  "), "{name}: `{key}` has a double space");
            }
        }
    }

    #[test]
    fn both_languages_have_the_same_fields() {
        let vi: Vec<_> = fields(&VI).keys().cloned().collect();
        let en: Vec<_> = fields(&EN).keys().cloned().collect();
        assert_eq!(vi, en);
    }

    #[test]
    fn words_follow_the_language() {
        assert_eq!(words(Lang::Vi).hotline_cta, "Gọi đường dây nóng");
        assert_eq!(words(Lang::En).hotline_cta, "Call the hotline");
    }

    #[test]
    fn vietnamese_words_keep_their_diacritics() {
        // The strings officials expect to see, exactly (NFC, with tone marks).
        assert_eq!(VI.motto_country, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assert_eq!(VI.motto_words, "Độc lập - Tự do - Hạnh phúc");
        assert_eq!(VI.recipients, "Kính gửi:");
        assert_eq!(VI.distribution, "Nơi nhận:");
        assert_eq!(VI.download_app, "Tải ứng dụng");
        assert!(VI.sample_banner.starts_with("Dữ liệu minh họa"));
    }
}
