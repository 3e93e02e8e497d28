//! What a sentence names: the group of fields it is about ("the hotline",
//! "a figure") and the kind of value found where another was wanted.

use crate::diagnostic::Text;

/// The group of fields a message is about, named in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    SiteFile,
    Portal,
    Hotline,
    Contact,
    App,
    CampaignFile,
    Reporting,
    Indicator,
    Target,
    Figure,
    Rank,
    Breakdown,
    BreakdownRow,
    Phase,
    PhaseTargets,
    NoticeFrontMatter,
    Signer,
    Attachment,
    PageFrontMatter,
}

impl Subject {
    pub const ALL: [Subject; 19] = [
        Subject::SiteFile,
        Subject::Portal,
        Subject::Hotline,
        Subject::Contact,
        Subject::App,
        Subject::CampaignFile,
        Subject::Reporting,
        Subject::Indicator,
        Subject::Target,
        Subject::Figure,
        Subject::Rank,
        Subject::Breakdown,
        Subject::BreakdownRow,
        Subject::Phase,
        Subject::PhaseTargets,
        Subject::NoticeFrontMatter,
        Subject::Signer,
        Subject::Attachment,
        Subject::PageFrontMatter,
    ];

    /// Its name inside a sentence ("the hotline", "a figure").
    pub fn name(self) -> Text {
        let (vi, en) = match self {
            Subject::SiteFile => ("tệp site.yaml", "site.yaml"),
            Subject::Portal => ("cổng thông tin (portal)", "the portal"),
            Subject::Hotline => ("đường dây nóng (hotline)", "the hotline"),
            Subject::Contact => ("một người liên hệ (contacts)", "a contact"),
            Subject::App => ("một ứng dụng (apps)", "an app"),
            Subject::CampaignFile => ("tệp chiến dịch", "the campaign file"),
            Subject::Reporting => ("lịch báo cáo (reporting)", "the reporting schedule"),
            Subject::Indicator => ("một chỉ số (indicators)", "an indicator"),
            Subject::Target => ("mục tiêu (target)", "a target"),
            Subject::Figure => ("một số liệu (figures)", "a figure"),
            Subject::Rank => ("thứ hạng (rank)", "a rank"),
            Subject::Breakdown => ("một bảng chi tiết (breakdown)", "a breakdown"),
            Subject::BreakdownRow => ("một dòng chi tiết (rows)", "a breakdown row"),
            Subject::Phase => ("một đợt (phases)", "a phase"),
            Subject::PhaseTargets => ("mục tiêu của đợt (targets)", "the phase targets"),
            Subject::NoticeFrontMatter => {
                ("phần thông tin của văn bản", "the notice's front matter")
            }
            Subject::Signer => ("người ký (signer)", "the signer"),
            Subject::Attachment => ("một tệp đính kèm (attachments)", "an attachment"),
            Subject::PageFrontMatter => ("phần thông tin của trang", "the page's front matter"),
        };
        Text::new(vi, en)
    }

    /// Its name at the start of a sentence ("The hotline must be…").
    pub fn capitalized_name(self) -> Text {
        let name = self.name();
        Text::new(capitalized(&name.vi), capitalized(&name.en))
    }
}

/// The kind of YAML value found where another was wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Nothing,
    Boolean,
    Number,
    Text,
    List,
    Group,
}

impl Found {
    pub const ALL: [Found; 6] = [
        Found::Nothing,
        Found::Boolean,
        Found::Number,
        Found::Text,
        Found::List,
        Found::Group,
    ];

    pub fn name(self) -> Text {
        let (vi, en) = match self {
            Found::Nothing => ("giá trị trống", "null"),
            Found::Boolean => ("giá trị đúng/sai", "bool"),
            Found::Number => ("một số", "number"),
            Found::Text => ("một đoạn chữ", "text"),
            Found::List => ("một danh sách", "list"),
            Found::Group => ("một nhóm trường", "map"),
        };
        Text::new(vi, en)
    }
}

/// A sentence starts with a capital: "tệp chiến dịch" → "Tệp chiến dịch".
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
