//! The shape of the code, read from the sources: the stages depend on each other in
//! one direction only (no import cycles between the top-level modules), and the PDF
//! stage writes what layout hands it without reading the model.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read src")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file under `src/` belongs to (`layout` for
/// `src/layout/flow/mod.rs`, `build` for `src/build.rs`).
fn module_of(file: &Path) -> String {
    let rel = file.strip_prefix("src").expect("under src");
    let first = rel.components().next().expect("a component");
    Path::new(first.as_os_str())
        .file_stem()
        .expect("a name")
        .to_string_lossy()
        .into_owned()
}

/// The top-level modules `text` names through `crate::…` (comments left out, so a
/// doc link is not a dependency).
fn uses(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

/// Every top-level module and the other top-level modules it uses.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let module = module_of(&f);
        let text = std::fs::read_to_string(&f).expect("read");
        let deps = graph.entry(module.clone()).or_default();
        deps.extend(uses(&text).into_iter().filter(|d| *d != module));
    }
    graph
}

/// A cycle through `from`, as the list of modules on it, if there is one.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    fn walk(
        graph: &BTreeMap<String, BTreeSet<String>>,
        start: &str,
        at: &str,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        for next in graph.get(at).into_iter().flatten() {
            if next == start {
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(graph, start, next, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![from.to_string()];
    walk(graph, from, from, &mut path, &mut BTreeSet::new()).then_some(path)
}

#[test]
fn the_stages_import_each_other_in_one_direction() {
    let graph = graph();
    // The checker itself must see the real dependencies.
    assert!(graph["cli"].contains("batch"), "{graph:?}");
    assert!(graph["layout"].contains("text"), "{graph:?}");
    let cycles: Vec<Vec<String>> = graph.keys().filter_map(|m| cycle_from(&graph, m)).collect();
    assert!(cycles.is_empty(), "import cycles: {cycles:?}");
}

/// The modules of `layout/` (`flow` for `src/layout/flow/closing.rs`) and the other
/// ones each names, through `super::…` from a file directly in `layout/` or through
/// `crate::layout::…` from anywhere inside it. `layout/mod.rs`, the parent that
/// dispatches to them, is left out; so are names it re-exports.
fn layout_graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new("src/layout");
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let module = |f: &Path| -> Option<String> {
        let rel = f.strip_prefix(root).expect("under src/layout");
        let first = rel.components().next()?;
        let name = Path::new(first.as_os_str())
            .file_stem()?
            .to_string_lossy()
            .into_owned();
        (name != "mod").then_some(name)
    };
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module(f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let Some(m) = module(f) else { continue };
        let text = std::fs::read_to_string(f).expect("read");
        let direct = f.parent() == Some(root);
        let deps = graph.entry(m.clone()).or_default();
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or("");
            let mut prefixes = vec!["crate::layout::"];
            if direct {
                prefixes.push("super::");
            }
            for prefix in prefixes {
                let mut rest = code;
                while let Some(i) = rest.find(prefix) {
                    rest = &rest[i + prefix.len()..];
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if name != m && modules.contains(&name) {
                        deps.insert(name);
                    }
                }
            }
        }
    }
    graph
}

#[test]
fn the_modules_of_layout_import_each_other_in_one_direction() {
    let graph = layout_graph();
    // The checker itself must see the real dependencies.
    assert!(graph["pages"].contains("flow"), "{graph:?}");
    assert!(graph["flow"].contains("qr"), "{graph:?}");
    let cycles: Vec<Vec<String>> = graph.keys().filter_map(|m| cycle_from(&graph, m)).collect();
    assert!(cycles.is_empty(), "import cycles in layout/: {cycles:?}");
}

#[test]
fn the_pdf_stage_does_not_read_the_model() {
    let graph = graph();
    for stage in ["model", "i18n", "discover", "build", "batch", "cli"] {
        assert!(
            !graph["pdf"].contains(stage),
            "pdf uses `{stage}`: {:?}",
            graph["pdf"]
        );
    }
}

#[test]
fn a_cycle_is_found_when_there_is_one() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.insert("a".into(), ["b".to_string()].into());
    graph.insert("b".into(), ["c".to_string()].into());
    graph.insert("c".into(), ["a".to_string()].into());
    assert_eq!(
        cycle_from(&graph, "a"),
        Some(vec!["a".into(), "b".into(), "c".into()])
    );
    graph.insert("c".into(), BTreeSet::new());
    assert_eq!(cycle_from(&graph, "a"), None);
    assert_eq!(
        uses("use crate::model::Text; // see crate::pdf\nlet x = crate::text::FontBook::shared();"),
        ["model".to_string(), "text".to_string()].into()
    );
}
