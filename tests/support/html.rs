//! HTML read back as a browser parses it (html5ever, the parser of Servo): parse
//! errors, elements by name, attributes and text in document order.

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

/// A parsed page.
pub struct Html {
    pub root: Handle,
    /// What the parser reports as errors (empty for a conforming page).
    pub errors: Vec<String>,
}

/// Parses `text` as an HTML document.
pub fn parse(text: &str) -> Html {
    let dom = html5ever::parse_document(RcDom::default(), Default::default())
        .from_utf8()
        .read_from(&mut text.as_bytes())
        .expect("reading from memory does not fail");
    let errors = dom.errors.borrow().iter().map(|e| e.to_string()).collect();
    Html {
        root: dom.document.clone(),
        errors,
    }
}

/// An element's local name (`a`, `h2`), or "" for other nodes.
pub fn name(node: &Handle) -> String {
    match &node.data {
        NodeData::Element { name, .. } => name.local.to_string(),
        _ => String::new(),
    }
}

/// The value of attribute `attr` of `node`.
pub fn attr(node: &Handle, attr: &str) -> Option<String> {
    match &node.data {
        NodeData::Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| &*a.name.local == attr)
            .map(|a| a.value.to_string()),
        _ => None,
    }
}

/// Every element under `node` (itself included) named `tag`, in document order.
pub fn all(node: &Handle, tag: &str) -> Vec<Handle> {
    let mut out = Vec::new();
    walk(node, &mut |n| {
        if name(n) == tag {
            out.push(n.clone());
        }
    });
    out
}

/// The first element named `tag` under `node`.
pub fn first(node: &Handle, tag: &str) -> Option<Handle> {
    all(node, tag).into_iter().next()
}

/// The text under `node`, whitespace runs collapsed to one space.
pub fn text(node: &Handle) -> String {
    let mut raw = String::new();
    walk(node, &mut |n| {
        if let NodeData::Text { contents } = &n.data {
            raw.push_str(&contents.borrow());
        }
    });
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn walk(node: &Handle, f: &mut dyn FnMut(&Handle)) {
    f(node);
    for child in node.children.borrow().iter() {
        walk(child, f);
    }
}
