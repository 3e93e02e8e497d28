//! The words of every problem the check stage reports: one place to read
//! and change what an officer is told. Each area has its enum; each variant
//! is one message with the data its words need, and one match arm gives its
//! stable code, its sentence and what to write instead, the Vietnamese and
//! the English side by side. A new check is a new variant and its arm; the
//! checker names it: `ck.error(pos, CampaignProblem::DeadlineBeforeStart)`.
//!
//! Numbers and dates are formatted here, each language in its own style
//! (`1.299` and `29/5/2026`; `1,299` and `29 May 2026`).

mod campaign;
mod fields;
mod figures;
mod files;
mod names;
mod site;

pub use campaign::CampaignProblem;
pub use fields::{FieldProblem, LinkKind};
pub use figures::FigureProblem;
pub use files::{FileProblem, OtherClaim};
pub use names::{Found, Subject};
pub use site::SiteProblem;

use crate::diagnostic::Text;
use crate::vi::{Lang, format_int};

/// One problem the check stage found, with the data its words need.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A field missing or unknown, or a value of the wrong kind or form.
    Field(FieldProblem),
    /// A campaign file's dates, indicators, figures and phases.
    Campaign(CampaignProblem),
    /// `site.yaml`, notices and pages, file names, references between files.
    Site(SiteProblem),
    /// What the derived figures show: late, future or contradicted figures.
    Figure(FigureProblem),
    /// Pages sharing a URL; attachments and pictures of `static/`.
    File(FileProblem),
    /// A YAML syntax error, already worded where the parser's complaints are
    /// explained (they depend on the parser's own messages).
    YamlSyntax { text: Text, hint: Text },
}

/// What a message says, in both languages: its code, its sentence and,
/// when there is one, what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// A stable machine name for the kind of problem, e.g. `unknown-field`;
    /// several sentences may share one kind.
    pub code: &'static str,
    pub text: Text,
    pub hint: Option<Text>,
}

impl Words {
    fn new(code: &'static str, vi: impl Into<String>, en: impl Into<String>) -> Words {
        Words {
            code,
            text: Text::new(vi, en),
            hint: None,
        }
    }

    fn hint(self, vi: impl Into<String>, en: impl Into<String>) -> Words {
        self.hint_text(Text::new(vi, en))
    }

    fn hint_text(mut self, hint: Text) -> Words {
        self.hint = Some(hint);
        self
    }
}

impl Message {
    /// The code, sentence and hint, in both languages at once (what a
    /// diagnostic carries).
    pub fn words(&self) -> Words {
        match self {
            Message::Field(problem) => problem.words(),
            Message::Campaign(problem) => problem.words(),
            Message::Site(problem) => problem.words(),
            Message::Figure(problem) => problem.words(),
            Message::File(problem) => problem.words(),
            Message::YamlSyntax { text, hint } => Words {
                code: "yaml-syntax",
                text: text.clone(),
                hint: Some(hint.clone()),
            },
        }
    }

    pub fn code(&self) -> &'static str {
        self.words().code
    }

    pub fn text(&self, lang: Lang) -> String {
        self.words().text.get(lang).to_string()
    }

    pub fn hint(&self, lang: Lang) -> Option<String> {
        self.words().hint.map(|hint| hint.get(lang).to_string())
    }
}

impl From<FileProblem> for Message {
    fn from(problem: FileProblem) -> Message {
        Message::File(problem)
    }
}

impl From<FieldProblem> for Message {
    fn from(problem: FieldProblem) -> Message {
        Message::Field(problem)
    }
}

impl From<CampaignProblem> for Message {
    fn from(problem: CampaignProblem) -> Message {
        Message::Campaign(problem)
    }
}

impl From<SiteProblem> for Message {
    fn from(problem: SiteProblem) -> Message {
        Message::Site(problem)
    }
}

impl From<FigureProblem> for Message {
    fn from(problem: FigureProblem) -> Message {
        Message::Figure(problem)
    }
}

/// A count in the language's style: `1.299` or `1,299`.
fn int(lang: Lang, n: u64) -> String {
    format_int(lang, i64::try_from(n).unwrap_or(i64::MAX))
}

/// The hint for a misspelt name close to a known one.
fn did_you_mean(near: &str) -> Text {
    Text::new(
        format!("có phải ý bạn là `{near}`?"),
        format!("did you mean `{near}`?"),
    )
}

#[cfg(test)]
mod tests;
