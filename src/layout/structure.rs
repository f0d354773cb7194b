//! The document's logical structure in reading order: what the tagged PDF's structure
//! tree is written from, and what the build checks its own PDF against.
//!
//! The frames say where things are drawn and which block each group belongs to; the
//! structure says how blocks nest (a list holds its items, the warning box its heading
//! and paragraphs) and in which order they are read, whatever page, column or panel
//! they landed on. Each leaf names its block and the text it must read as.

#![warn(missing_docs)]

/// What a structure node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The whole leaflet.
    Document,
    /// The draft notice of a translation not yet reviewed.
    Notice,
    /// The leaflet's title.
    Title,
    /// A section heading.
    Heading,
    /// A paragraph (also the clinic's contact line and the online address).
    Paragraph,
    /// A bulleted list.
    List,
    /// One item of a list: its label and its body.
    ListItem,
    /// The bullet of a list item.
    Label,
    /// The text of a list item.
    ListBody,
    /// The highlighted warning box: its heading and its content.
    Box,
    /// The closing advice set apart at the end.
    Disclaimer,
    /// An image with a text alternative (a diagram, the clinic's logo).
    Figure,
    /// The QR code of the online version.
    QrCode,
}

/// One node of the structure.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What it is.
    pub kind: Kind,
    /// The block whose groups are its content (for a [`Kind::Label`], the block of its
    /// list item, whose groups of role `ListLabel` are the label).
    pub block: Option<usize>,
    /// The text it must read as: its source text with the markup removed (leaves).
    pub text: String,
    /// The text alternative of a figure or QR code.
    pub alt: Option<String>,
    /// What it holds, in reading order.
    pub children: Vec<Node>,
}

impl Node {
    fn new(kind: Kind, block: Option<usize>) -> Node {
        Node {
            kind,
            block,
            text: String::new(),
            alt: None,
            children: Vec::new(),
        }
    }

    /// Calls `f` with this node and every node under it, in reading (pre-)order, with
    /// its depth (this node's is 0).
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Node, usize)) {
        self.walk_at(0, f);
    }

    fn walk_at<'a>(&'a self, depth: usize, f: &mut impl FnMut(&'a Node, usize)) {
        f(self, depth);
        for c in &self.children {
            c.walk_at(depth + 1, f);
        }
    }
}

/// Builds the structure as the flow lays blocks out: containers are opened and closed
/// around the leaves they hold.
#[derive(Debug, Clone)]
pub struct Outline {
    /// The open nodes, the document first.
    open: Vec<Node>,
}

impl Default for Outline {
    fn default() -> Self {
        Outline {
            open: vec![Node::new(Kind::Document, None)],
        }
    }
}

impl Outline {
    /// Opens a container (list, list item, box, disclaimer) of `block`.
    pub fn open(&mut self, kind: Kind, block: Option<usize>) {
        self.open.push(Node::new(kind, block));
    }

    /// Closes the container opened last.
    pub fn close(&mut self) {
        if self.open.len() > 1 {
            if let Some(node) = self.open.pop() {
                self.push(node);
            }
        }
    }

    /// Adds a leaf of `block` that reads as `text`.
    pub fn leaf(&mut self, kind: Kind, block: usize, text: &str, alt: Option<String>) {
        let mut node = Node::new(kind, Some(block));
        node.text = text.to_string();
        node.alt = alt;
        self.push(node);
    }

    /// Puts the draft notice (`block`, reading as `text`) first: it is heard before
    /// the leaflet.
    pub fn notice_first(&mut self, block: usize, text: &str) {
        let mut node = Node::new(Kind::Notice, Some(block));
        node.text = text.to_string();
        if let Some(doc) = self.open.first_mut() {
            doc.children.insert(0, node);
        }
    }

    fn push(&mut self, node: Node) {
        if let Some(parent) = self.open.last_mut() {
            parent.children.push(node);
        }
    }

    /// The document node, with any container left open closed.
    pub fn finish(mut self) -> Node {
        while self.open.len() > 1 {
            self.close();
        }
        self.open
            .pop()
            .unwrap_or_else(|| Node::new(Kind::Document, None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containers_hold_the_leaves_added_while_they_are_open() {
        let mut o = Outline::default();
        o.leaf(Kind::Title, 0, "Title", None);
        o.open(Kind::List, None);
        o.open(Kind::ListItem, Some(1));
        o.leaf(Kind::Label, 1, "•", None);
        o.leaf(Kind::ListBody, 1, "one", None);
        o.close();
        o.close();
        o.notice_first(2, "Draft");
        let doc = o.finish();
        let mut seen = Vec::new();
        doc.walk(&mut |n, depth| seen.push((n.kind, depth, n.text.clone())));
        assert_eq!(
            seen,
            [
                (Kind::Document, 0, "".into()),
                (Kind::Notice, 1, "Draft".into()),
                (Kind::Title, 1, "Title".into()),
                (Kind::List, 1, "".into()),
                (Kind::ListItem, 2, "".into()),
                (Kind::Label, 3, "•".into()),
                (Kind::ListBody, 3, "one".into()),
            ]
        );
    }
}
