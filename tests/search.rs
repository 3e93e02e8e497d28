//! Search: the index the site ships and the script that reads it.

mod common;

use std::process::Command;

use common::*;

/// The search script's own `fold`, cut out of tim-kiem.js, for node.
fn script_fold() -> String {
    let js = std::fs::read_to_string(repo_root().join("themes/default/static/tim-kiem.js"))
        .expect("tim-kiem.js");
    let start = js.find("  function fold(").expect("a fold function");
    let end = start + js[start..].find("\n  }\n").expect("its end") + 4;
    js[start..end].to_string()
}

fn node_available() -> bool {
    let ok = Command::new("node").arg("--version").output().is_ok();
    assert!(ok || std::env::var("CI").is_err(), "node missing in CI");
    if !ok {
        eprintln!("SKIPPED: node is not installed");
    }
    ok
}

#[test]
fn the_script_and_the_index_fold_every_latin_and_vietnamese_letter_alike() {
    if !node_available() {
        return;
    }
    // Latin-1, Latin Extended-A and -B, the combining marks Vietnamese
    // tones are made of, Latin Extended Additional (Vietnamese), -C, -D, -E.
    let blocks = [
        (0x0080, 0x00FF),
        (0x0100, 0x017F),
        (0x0180, 0x024F),
        (0x0300, 0x036F),
        (0x1E00, 0x1EFF),
        (0x2C60, 0x2C7F),
        (0xA720, 0xA7FF),
        (0xAB30, 0xAB6F),
    ];
    let texts: Vec<String> = blocks
        .iter()
        .flat_map(|&(a, b)| a..=b)
        .filter_map(char::from_u32)
        // Alone, and inside a word: "a" + letter + "b".
        .flat_map(|c| [c.to_string(), format!("a{c}b"), format!("{c}{c}")])
        .collect();
    assert!(texts.len() > 3 * 1000);
    let script = format!(
        "{}\nconst texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n\
         process.stdout.write(JSON.stringify(texts.map(t => fold(t).join(' '))));\n",
        script_fold()
    );
    let mut child = Command::new("node")
        .args(["-e", &script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("node");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&serde_json::to_vec(&texts).unwrap())
        .unwrap();
    let output = child.wait_with_output().expect("node output");
    assert!(output.status.success());
    let folded: Vec<String> = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(folded.len(), texts.len());
    let mut differ = Vec::new();
    for (text, js) in texts.iter().zip(&folded) {
        let rust = loaxa::vi::fold_words(text);
        if &rust != js {
            differ.push(format!(
                "{text:?} ({:04X}): Rust {rust:?}, script {js:?}",
                text.chars().next().unwrap() as u32
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{} differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
    // And the test can fail: the index used to fold ü to a space.
    assert_eq!(loaxa::vi::fold_words("aüb"), "aub");
}
