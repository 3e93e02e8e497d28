//! Reading one source file with a checker: YAML files, their syntax errors,
//! and the campaign id a file name gives.

use crate::check::reader::{self, Checker};
use crate::diagnostic::Diagnostics;
use crate::messages::{Message, SiteProblem};
use crate::source::SourceFile;
use crate::source::yaml::{self, SyntaxError};

pub(super) fn with_checker<T>(
    file: &SourceFile,
    diags: &mut Diagnostics,
    read: impl FnOnce(&mut Checker) -> Option<T>,
) -> Option<T> {
    let mut ck = Checker {
        file: &file.path,
        diags,
    };
    read(&mut ck)
}

pub(super) fn read_yaml_file<T>(
    file: &SourceFile,
    diags: &mut Diagnostics,
    read: impl FnOnce(&mut Checker, &yaml::Node) -> Option<T>,
) -> Option<T> {
    with_checker(file, diags, |ck| match yaml::parse(&file.text, 0) {
        Ok(node) if node.value == yaml::Value::Null => {
            ck.error(yaml::Pos { line: 1, column: 1 }, SiteProblem::EmptyFile);
            None
        }
        Ok(node) => read(ck, &node),
        Err(err) => {
            yaml_error(ck, &err);
            None
        }
    })
}

/// A YAML syntax error in plain words.
pub(crate) fn yaml_error(ck: &mut Checker, err: &SyntaxError) {
    // source::yaml explains the parser's words (the one place that knows them).
    ck.error(
        err.pos,
        Message::YamlSyntax {
            text: err.message.clone(),
            hint: err.hint.clone(),
        },
    );
}

/// The campaign id is the file stem and must be a slug.
pub(super) fn campaign_id(file: &SourceFile, diags: &mut Diagnostics) -> Option<String> {
    let stem = file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if reader::is_slug(&stem) {
        return Some(stem);
    }
    let fixed = crate::vi::slugify(&stem);
    let mut ck = Checker {
        file: &file.path,
        diags,
    };
    // The whole file: line and column 0.
    ck.error(
        yaml::Pos::default(),
        SiteProblem::MalformedCampaignFileName { stem, fixed },
    );
    None
}
