#!/usr/bin/env python3
"""Reads a handout PDF back and lists what a tagged PDF/A-2a + PDF/UA-1 file must have
and this one lacks. Independent of the writer: the object graph is read with pikepdf
(QPDF), the page content with pdfplumber (pdfminer.six). Used by
docs/check-accessibility.sh; not needed to build or test.

    python3 docs/check_structure.py [--json] [--expect Document,H1,...] FILE.pdf...

Exit status: 0 when no file has a problem, 1 when some file has, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from xml.etree import ElementTree

import pdfplumber
import pikepdf
from pdfplumber.page import PDFPageAggregatorWithMarkedContent
from pdfplumber.utils import decode_text
from pikepdf.models.metadata import decode_pdf_date

# What every handout contains (a title, section headings, paragraphs, a list).
EXPECTED_KINDS = ("Document", "H1", "H2", "P", "L", "LI", "Lbl", "LBody")
MAX_DEPTH = 256  # a deeper structure tree is a cycle or an attack, not a leaflet
MAX_LISTED = 5  # per kind of problem, examples listed before "and N more"

# Annotation flags (ISO 32000-1 Table 165) PDF/A-2 §6.3.2 sets or forbids.
PRINT, HIDDEN, INVISIBLE, NOVIEW = 4, 2, 1, 32


def patch_marked_content_tracking() -> None:
    """pdfplumber remembers only the innermost marked-content sequence: a /Span with
    /ActualText inside /P <</MCID 3>> would leave its characters, and everything after
    it, without an MCID. Track the whole stack instead: an object belongs to the
    nearest enclosing MCID, and to no MCID inside an Artifact."""

    def begin_tag(self, tag, props=None):
        stack = self.__dict__.setdefault("mc_stack", [])
        mcid = props.get("MCID") if isinstance(props, dict) else None
        stack.append((decode_text(tag.name), mcid if isinstance(mcid, int) else None))
        settle(self, stack)

    def end_tag(self):
        stack = self.__dict__.setdefault("mc_stack", [])
        if stack:
            stack.pop()
        settle(self, stack)

    def settle(self, stack):
        if any(name == "Artifact" for name, _ in stack):
            self.cur_tag, self.cur_mcid = "Artifact", None
            return
        owner = next(((n, m) for n, m in reversed(stack) if m is not None), None)
        self.cur_tag, self.cur_mcid = owner if owner else (stack[-1][0] if stack else None, None)

    PDFPageAggregatorWithMarkedContent.begin_tag = begin_tag
    PDFPageAggregatorWithMarkedContent.end_tag = end_tag


class Report:
    """Problems of one file, grouped by kind so a thousand untagged glyphs are one line."""

    def __init__(self) -> None:
        self.groups: dict[str, list[str]] = {}

    def add(self, kind: str, detail: str = "") -> None:
        self.groups.setdefault(kind, []).append(detail)

    def lines(self) -> list[str]:
        out = []
        for kind, details in self.groups.items():
            shown = [d for d in details if d][:MAX_LISTED]
            more = len(details) - len(shown) if shown else 0
            text = kind if not shown else f"{kind}: {'; '.join(shown)}"
            if more > 0:
                text += f" (and {more} more)"
            if len(details) > 1:
                text = f"[{len(details)}x] {text}"
            out.append(text)
        return out


def text(value) -> str | None:
    try:
        return None if value is None else str(value)
    except Exception:
        return None


def name(value) -> str | None:
    return str(value)[1:] if isinstance(value, pikepdf.Name) else None


def objgen(obj) -> tuple[int, int] | None:
    og = getattr(obj, "objgen", (0, 0))
    return og if og != (0, 0) else None


def kids(node) -> list:
    k = node.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def number_tree(node, depth: int = 0) -> dict[int, object]:
    """A number tree (ISO 32000-1 §7.9.7) as a dict."""
    out: dict[int, object] = {}
    if depth > 32 or not isinstance(node, pikepdf.Dictionary):
        return out
    nums = node.get("/Nums")
    if isinstance(nums, pikepdf.Array):
        items = list(nums)
        for key, value in zip(items[::2], items[1::2], strict=False):
            if isinstance(key, int):
                out[key] = value
    for kid in node.get("/Kids", []):
        out.update(number_tree(kid, depth + 1))
    return out


class Tree:
    """The structure tree, walked once: elements, and which element owns each MCID and
    each annotation."""

    def __init__(self, root, page_index: dict, report: Report) -> None:
        self.report = report
        self.page_index = page_index
        self.role_map = root.get("/RoleMap") or pikepdf.Dictionary()
        self.elements: list[tuple[str, object, int]] = []  # (role, element, depth)
        self.mcids: dict[tuple[int, int], object] = {}  # (page, mcid) -> element
        self.objrs: dict[tuple[int, int], object] = {}  # annotation objgen -> element
        self.seen: set[tuple[int, int]] = set()
        for kid in kids(root):
            self.walk(kid, None, None, 0)

    def role(self, element) -> str:
        role = name(element.get("/S")) or "?"
        for _ in range(10):  # RoleMap chains end at a standard type
            mapped = name(self.role_map.get("/" + role))
            if mapped is None or mapped == role:
                break
            role = mapped
        return role

    def page_of(self, node, inherited):
        pg = node.get("/Pg") if isinstance(node, pikepdf.Dictionary) else None
        return self.page_index.get(objgen(pg), inherited) if pg is not None else inherited

    def walk(self, node, parent, page, depth) -> None:
        if depth > MAX_DEPTH:
            self.report.add("structure tree deeper than %d (a cycle?)" % MAX_DEPTH)
            return
        if isinstance(node, int):
            self.own_mcid(page, node, parent)
            return
        if not isinstance(node, pikepdf.Dictionary):
            self.report.add(
                "structure tree kid is neither element, MCID, MCR nor OBJR", repr(node)[:40]
            )
            return
        kind = name(node.get("/Type"))
        page = self.page_of(node, page)
        if kind == "MCR":
            if node.get("/Stm") is not None:
                self.report.add("marked content in a form XObject (not read back)")
            self.own_mcid(page, node.get("/MCID"), parent)
            return
        if kind == "OBJR":
            annot = objgen(node.get("/Obj"))
            if annot is None:
                self.report.add("OBJR without an indirect /Obj")
            elif annot in self.objrs:
                self.report.add("annotation referenced by two OBJRs", str(annot))
            else:
                self.objrs[annot] = parent
            return
        og = objgen(node)
        if og in self.seen:
            self.report.add("structure element reached twice (a cycle or shared kid)", str(og))
            return
        if og:
            self.seen.add(og)
        if parent is not None and objgen(node.get("/P")) != objgen(parent):
            self.report.add("element's /P is not its parent", self.role(node))
        self.elements.append((self.role(node), node, depth))
        for kid in kids(node):
            self.walk(kid, node, page, depth + 1)

    def own_mcid(self, page, mcid, element) -> None:
        if page is None or not isinstance(mcid, int) or element is None:
            self.report.add("MCID without a page or an owning element", repr(mcid))
            return
        if (page, mcid) in self.mcids:
            self.report.add("MCID owned by two elements", f"page {page + 1} MCID {mcid}")
        self.mcids[(page, mcid)] = element


def has_content(element, depth: int = 0) -> bool:
    if depth > MAX_DEPTH:
        return False
    for kid in kids(element):
        if isinstance(kid, int):
            return True
        if isinstance(kid, pikepdf.Dictionary):
            if name(kid.get("/Type")) == "MCR" or has_content(kid, depth + 1):
                return True
    return False


def check_catalog(pdf: pikepdf.Pdf, report: Report) -> None:
    root = pdf.Root
    if pdf.pdf_version != "1.7":
        report.add("PDF version is not 1.7 (PDF/A-2 is based on it)", pdf.pdf_version)
    if not isinstance(root.get("/StructTreeRoot"), pikepdf.Dictionary):
        report.add("no /StructTreeRoot")
    mark = root.get("/MarkInfo")
    if not (isinstance(mark, pikepdf.Dictionary) and mark.get("/Marked") is True):
        report.add("/MarkInfo /Marked is not true")
    if not (text(root.get("/Lang")) or "").strip():
        report.add("catalog has no /Lang")
    prefs = root.get("/ViewerPreferences")
    if not (isinstance(prefs, pikepdf.Dictionary) and prefs.get("/DisplayDocTitle") is True):
        report.add("/ViewerPreferences /DisplayDocTitle is not true")
    outlines = root.get("/Outlines")
    if not (isinstance(outlines, pikepdf.Dictionary) and outlines.get("/First") is not None):
        report.add("no bookmarks (/Outlines is missing or empty)")
    intents = root.get("/OutputIntents")
    ok = isinstance(intents, pikepdf.Array) and any(
        name(i.get("/S")) == "GTS_PDFA1"
        and isinstance(i.get("/DestOutputProfile"), pikepdf.Stream)
        and i.DestOutputProfile.get("/N") == 3
        for i in intents
    )
    if not ok:
        report.add("no RGB PDF/A output intent (/OutputIntents, /S /GTS_PDFA1, /N 3)")


def check_metadata(pdf: pikepdf.Pdf, report: Report) -> None:
    stream = pdf.Root.get("/Metadata")
    if not isinstance(stream, pikepdf.Stream):
        report.add("no XMP /Metadata stream on the catalog")
        return
    if stream.get("/Filter") is not None:
        report.add("XMP stream is compressed (PDF/A: no /Filter)")
    if name(stream.get("/Type")) != "Metadata" or name(stream.get("/Subtype")) != "XML":
        report.add("XMP stream lacks /Type /Metadata /Subtype /XML")
    try:
        meta = pdf.open_metadata()
    except Exception as e:  # malformed XMP is a finding, not a crash
        report.add("XMP does not parse", str(e)[:80])
        return
    if meta.pdfa_status != "2A":
        report.add("XMP does not claim PDF/A-2a", f"pdfaid = {meta.pdfa_status!r}")
    if meta.get("pdfuaid:part") != "1":
        report.add("XMP does not claim PDF/UA-1 (pdfuaid:part)")
    elif not describes_schema(stream.read_bytes(), "http://www.aiim.org/pdfua/ns/id/"):
        report.add("XMP lacks the pdfuaid extension schema description PDF/A requires")
    if not (meta.get("dc:title") or "").strip():
        report.add("XMP has no dc:title")
    info = pdf.trailer.get("/Info")
    info = info if isinstance(info, pikepdf.Dictionary) else pikepdf.Dictionary()
    pairs = [
        ("/Title", "dc:title"),
        ("/Subject", "dc:description"),
        ("/Creator", "xmp:CreatorTool"),
        ("/Producer", "pdf:Producer"),
        ("/Keywords", "pdf:Keywords"),
    ]
    for key, prop in pairs:
        if text(info.get(key)) != (meta.get(prop) or None):
            report.add(
                "Info and XMP differ", f"{key} {text(info.get(key))!r} vs {prop} {meta.get(prop)!r}"
            )
    creators = meta.get("dc:creator") or []
    author = creators[0] if len(creators) == 1 else (None if not creators else "; ".join(creators))
    if text(info.get("/Author")) != author:
        report.add("Info and XMP differ", f"/Author vs dc:creator {creators!r}")
    for key, prop in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        if not same_instant(text(info.get(key)), meta.get(prop)):
            report.add(
                "Info and XMP differ", f"{key} {text(info.get(key))!r} vs {prop} {meta.get(prop)!r}"
            )


def describes_schema(xmp: bytes, uri: str) -> bool:
    """Whether a PDF/A extension schema description (pdfaSchema:namespaceURI) names uri."""
    try:
        root = ElementTree.fromstring(xmp.strip().split(b"?>", 1)[-1].rsplit(b"<?xpacket", 1)[0])
    except ElementTree.ParseError:
        return False
    tag = "{http://www.aiim.org/pdfa/ns/schema#}namespaceURI"
    return any((e.text or "").strip() == uri for e in root.iter(tag))


def same_instant(pdf_date: str | None, xmp_date: str | None) -> bool:
    if pdf_date is None or xmp_date is None:
        return pdf_date is None and xmp_date is None
    try:
        a = decode_pdf_date(pdf_date)
        b = datetime.datetime.fromisoformat(xmp_date.replace("Z", "+00:00"))
        return a == b
    except (ValueError, TypeError):
        return False


def check_tree(tree: Tree, expect: tuple[str, ...], has_images: bool, report: Report) -> None:
    roles = [r for r, _, _ in tree.elements]
    wanted = list(expect) + (["Figure"] if has_images else [])
    missing = [k for k in wanted if k not in roles]
    if missing:
        report.add("expected element kinds missing", ", ".join(missing))
    if tree.elements and roles[0] != "Document":
        report.add("the tree does not start with one Document element", roles[0])
    levels = [int(r[1]) for r in roles if len(r) == 2 and r[0] == "H" and r[1] in "123456"]
    if levels and levels[0] != 1:
        report.add("first heading is not H1", f"H{levels[0]}")
    for before, after in zip(levels, levels[1:], strict=False):
        if after > before + 1:
            report.add("heading level skipped", f"H{before} then H{after}")
    by_og = {objgen(e): r for r, e, _ in tree.elements}
    for role, element, _ in tree.elements:
        parent = by_og.get(objgen(element.get("/P")))
        child_roles = [
            tree.role(k)
            for k in kids(element)
            if isinstance(k, pikepdf.Dictionary) and k.get("/S") is not None
        ]
        if role == "Figure" and not (
            (text(element.get("/Alt")) or "").strip()
            or (text(element.get("/ActualText")) or "").strip()
        ):
            report.add("Figure without /Alt")
        if role in ("H1", "H2", "H3", "H4", "H5", "H6", "P", "Lbl", "LBody") and not has_content(
            element
        ):
            report.add("element with no content", role)
        if role == "L" and any(c not in ("LI", "Caption", "L") for c in child_roles):
            report.add("L has a child other than LI/Caption/L", ", ".join(child_roles))
        if role == "LI" and (parent != "L" or any(c not in ("Lbl", "LBody") for c in child_roles)):
            report.add(
                "LI not in L, or with a child other than Lbl/LBody",
                f"parent {parent}, kids {child_roles}",
            )
        if role in ("Lbl", "LBody") and parent != "LI":
            report.add(f"{role} outside LI", f"parent {parent}")
        if role == "Link" and not any(
            name(k.get("/Type")) == "OBJR"
            for k in kids(element)
            if isinstance(k, pikepdf.Dictionary)
        ):
            report.add("Link element without an OBJR")


def check_pages(pdf: pikepdf.Pdf, tree: Tree, report: Report) -> dict[int, list[int]]:
    """Pages, their annotations and the parent tree; returns the MCIDs each page's
    content marks, read with QPDF's parser."""
    root = pdf.Root.get("/StructTreeRoot")
    parents = number_tree(root.get("/ParentTree")) if isinstance(root, pikepdf.Dictionary) else {}
    marked: dict[int, list[int]] = {}
    for index, page in enumerate(pdf.pages):
        where = f"page {index + 1}"
        if name(page.obj.get("/Tabs")) != "S":
            report.add("page without /Tabs /S", where)
        marked[index] = content_mcids(page, where, report)
        if marked[index]:
            key = page.obj.get("/StructParents")
            entry = parents.get(key) if isinstance(key, int) else None
            if not isinstance(entry, pikepdf.Array):
                report.add("page with MCIDs has no /StructParents entry in the ParentTree", where)
            else:
                for mcid in marked[index]:
                    owner = tree.mcids.get((index, mcid))
                    listed = entry[mcid] if 0 <= mcid < len(entry) else None
                    if owner is None:
                        report.add("MCID in content but in no element", f"{where} MCID {mcid}")
                    elif objgen(listed) != objgen(owner):
                        report.add(
                            "ParentTree entry disagrees with the element owning the MCID",
                            f"{where} MCID {mcid}",
                        )
        for annot in page.obj.get("/Annots", []):
            check_annotation(annot, where, tree, parents, report)
    for page, mcid in tree.mcids:
        if mcid not in marked.get(page, []):
            report.add(
                "element refers to an MCID the page does not mark", f"page {page + 1} MCID {mcid}"
            )
    return marked


def content_mcids(page, where: str, report: Report) -> list[int]:
    mcids, stack = [], []
    try:
        instructions = pikepdf.parse_content_stream(page)
    except Exception as e:
        report.add("content stream does not parse", f"{where}: {e}"[:80])
        return mcids
    for ins in instructions:
        if isinstance(ins, pikepdf.ContentStreamInlineImage):
            continue
        op = str(ins.operator)
        if op in ("BDC", "BMC"):
            tag = name(ins.operands[0]) if ins.operands else None
            props = ins.operands[1] if op == "BDC" and len(ins.operands) > 1 else None
            mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
            if mcid is not None and (not isinstance(mcid, int) or isinstance(mcid, bool)):
                report.add("MCID that is not an integer", f"{where} {mcid!r}"[:60])
                mcid = None
            if mcid is not None:
                if any(t == "Artifact" for t, _ in stack):
                    report.add("tagged content inside an Artifact", f"{where} MCID {mcid}")
                if any(m is not None for _, m in stack):
                    report.add("MCID nested in another MCID", f"{where} MCID {mcid}")
                if mcid in mcids:
                    report.add("MCID used twice on a page", f"{where} MCID {mcid}")
                mcids.append(mcid)
            if tag == "Artifact" and any(m is not None for _, m in stack):
                report.add("Artifact inside tagged content", where)
            stack.append((tag, mcid))
        elif op == "EMC":
            if not stack:
                report.add("EMC without BDC/BMC", where)
            else:
                stack.pop()
    if stack:
        report.add("marked-content sequence left open at the end of the page", where)
    return mcids


def check_annotation(annot, where: str, tree: Tree, parents: dict, report: Report) -> None:
    subtype = name(annot.get("/Subtype")) or "?"
    if not (text(annot.get("/Contents")) or "").strip():
        report.add("annotation without /Contents", f"{where} {subtype}")
    flags = annot.get("/F", 0)
    flags = flags if isinstance(flags, int) else 0
    if not flags & PRINT or flags & (HIDDEN | INVISIBLE | NOVIEW):
        report.add(
            "annotation /F lacks Print or sets Hidden/Invisible/NoView (PDF/A)",
            f"{where} {subtype} /F {flags}",
        )
    if subtype == "Popup":
        return
    owner = tree.objrs.get(objgen(annot))
    if owner is None:
        report.add("annotation not in the structure tree (no OBJR)", f"{where} {subtype}")
        return
    if subtype == "Link" and tree.role(owner) != "Link":
        report.add("link annotation's element is not a Link", f"{where} {tree.role(owner)}")
    key = annot.get("/StructParent")
    if not isinstance(key, int) or objgen(parents.get(key)) != objgen(owner):
        report.add("annotation /StructParent does not lead to its element", f"{where} {subtype}")


def check_objects(path: str, tree: Tree, report: Report) -> None:
    """Every character, image and path either belongs to an element or is an artifact.
    Counted per page and kind, with the first characters as a sample."""
    owned = set(tree.mcids)
    with pdfplumber.open(path) as doc:
        for index, page in enumerate(doc.pages):
            for kind in ("chars", "images", "rects", "lines", "curves"):
                stray = [
                    o
                    for o in getattr(page, kind)
                    if o.get("tag") != "Artifact" and (index, o.get("mcid")) not in owned
                ]
                if not stray:
                    continue
                untagged = sum(1 for o in stray if o.get("mcid") is None)
                sample = "".join(o.get("text", "") for o in stray[:30]) if kind == "chars" else ""
                detail = f"page {index + 1}: {len(stray)} {kind} ({untagged} outside any MCID)"
                report.add(
                    "content neither in the tree nor an artifact",
                    detail + (f" starting {sample!r}" if sample else ""),
                )


def has_image_content(pdf: pikepdf.Pdf) -> bool:
    for page in pdf.pages:
        for xobject in (page.resources.get("/XObject") or {}).values():
            if name(xobject.get("/Subtype")) == "Image":
                return True
    return False


def check_file(path: str, expect: tuple[str, ...]) -> list[str]:
    """Every problem of one file; a checker failure on a malformed file is one too."""
    try:
        return checked_file(path, expect)
    except Exception as e:
        return [f"the checker failed on this file ({type(e).__name__}: {e})"[:200]]


def checked_file(path: str, expect: tuple[str, ...]) -> list[str]:
    report = Report()
    try:
        pdf = pikepdf.open(path)
    except Exception as e:
        return [f"not a readable PDF: {e}"]
    with pdf:
        check_catalog(pdf, report)
        check_metadata(pdf, report)
        page_index = {objgen(p.obj): i for i, p in enumerate(pdf.pages)}
        root = pdf.Root.get("/StructTreeRoot")
        tree = Tree(
            root if isinstance(root, pikepdf.Dictionary) else pikepdf.Dictionary(),
            page_index,
            report,
        )
        if isinstance(root, pikepdf.Dictionary):
            check_tree(tree, expect, has_image_content(pdf), report)
        check_pages(pdf, tree, report)
    try:
        check_objects(path, tree, report)
    except Exception as e:
        report.add("pdfplumber could not read the pages", str(e)[:80])
    return report.lines()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", metavar="FILE.pdf")
    parser.add_argument(
        "--json", action="store_true", help="one JSON object per file, one per line"
    )
    parser.add_argument(
        "--expect",
        default=",".join(EXPECTED_KINDS),
        help="element kinds every file must contain (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    expect = tuple(k for k in args.expect.split(",") if k)
    patch_marked_content_tracking()
    failed = False
    for path in args.files:
        problems = check_file(path, expect)
        failed |= bool(problems)
        if args.json:
            print(json.dumps({"file": path, "problems": problems}, ensure_ascii=False))
        else:
            print(f"{path}: {len(problems)} problem(s)")
            for line in problems:
                print(f"  - {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
