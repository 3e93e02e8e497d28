//! The font setups the layout must not depend on, each a fonts.conf in a
//! temp dir that Chromium reads through `FONTCONFIG_FILE`: Debian's default
//! (DejaVu only) and a desktop's (DejaVu, Liberation, Noto). The pages bring
//! their own font; the machine's fonts still answer for symbols the bundled
//! subset lacks and for the serif of the letter.

use std::path::{Path, PathBuf};

/// One font setup and the environment that gives it to a browser.
pub struct FontSetup {
    pub name: &'static str,
    _dir: tempfile::TempDir,
    conf: PathBuf,
}

impl FontSetup {
    /// Variables for a node process that starts Chromium: the fonts, and a
    /// fixed language and time zone.
    pub fn env(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("FONTCONFIG_FILE", self.conf.clone()),
            ("LANG", "C.UTF-8".into()),
            ("TZ", "Asia/Ho_Chi_Minh".into()),
        ]
    }
}

const DEJAVU: &str = "/usr/share/fonts/truetype/dejavu";
const LIBERATION: &[&str] = &[
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
];
const NOTO: &str = "/usr/share/fonts/truetype/noto";

/// Both setups. A missing font package fails the test in CI (`.ci/run`
/// installs them) and drops that setup elsewhere, with a message.
pub fn font_setups() -> Vec<FontSetup> {
    let liberation = LIBERATION.iter().find(|d| Path::new(d).is_dir());
    let mut setups = Vec::new();
    let mut want = |name: &'static str, dirs: Vec<Option<&str>>| {
        if dirs
            .iter()
            .all(|d| d.is_some_and(|d| Path::new(d).is_dir()))
        {
            let dirs: Vec<&str> = dirs.into_iter().flatten().collect();
            setups.push(setup(name, &dirs));
        } else {
            assert!(
                std::env::var("CI").is_err(),
                "fonts for the `{name}` setup missing in CI: .ci/run must install \
                 fonts-dejavu-core, fonts-liberation2 and fonts-noto-core"
            );
            eprintln!("SKIPPED font setup `{name}`: install its fonts");
        }
    };
    want("DejaVu only", vec![Some(DEJAVU)]);
    want(
        "DejaVu + Liberation + Noto",
        vec![Some(DEJAVU), liberation.copied(), Some(NOTO)],
    );
    setups
}

fn setup(name: &'static str, dirs: &[&str]) -> FontSetup {
    let dir = tempfile::tempdir().expect("temp dir");
    let conf = dir.path().join("fonts.conf");
    let mut xml = String::from(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n<fontconfig>\n",
    );
    for d in dirs {
        xml.push_str(&format!("<dir>{d}</dir>\n"));
    }
    xml.push_str(&format!(
        "<cachedir>{}</cachedir>\n",
        dir.path().join("cache").display()
    ));
    // The generic families (sans-serif, serif, the metric aliases of Arial
    // and Times New Roman) as a Debian desktop sets them; no user or local
    // font folders.
    for rule in [
        "30-metric-aliases.conf",
        "45-generic.conf",
        "45-latin.conf",
        "49-sansserif.conf",
        "60-generic.conf",
        "60-latin.conf",
    ] {
        xml.push_str(&format!(
            "<include ignore_missing=\"yes\">/etc/fonts/conf.d/{rule}</include>\n"
        ));
    }
    xml.push_str("</fontconfig>\n");
    std::fs::write(&conf, xml).expect("write fonts.conf");
    FontSetup {
        name,
        _dir: dir,
        conf,
    }
}
