//! `--format github`: GitHub Actions workflow commands, one annotation per finding
//! (`::error file=…,line=…,col=…,title=…::message`), shown on the pull request.

use super::CheckReport;

/// Escapes a message as workflow commands require.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (also `:` and `,`, which separate properties).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(r: &CheckReport) -> String {
    let mut out = String::new();
    for f in r.findings.iter().filter(|f| f.allowed.is_none()) {
        let d = &f.diagnostic;
        let command = match f.severity {
            crate::check::Severity::Error => "error",
            crate::check::Severity::Warning => "warning",
            crate::check::Severity::Note => "notice",
        };
        let mut props = Vec::new();
        if let Some(file) = &d.file {
            props.push(format!("file={}", property(&file.display().to_string())));
        }
        if let Some(p) = d.pos {
            props.push(format!("line={}", p.line));
            props.push(format!("col={}", p.column));
        }
        props.push(format!(
            "title={}",
            property(&format!(
                "{} {} ({}/{})",
                f.rule.id, f.rule.name, f.handout, f.locale
            ))
        ));
        let mut message = crate::error::escape(&d.message);
        if let Some(help) = &d.help {
            message.push_str(&format!("\n{}", crate::error::escape(help)));
        }
        out.push_str(&format!(
            "::{command} {}::{}\n",
            props.join(","),
            data(&message)
        ));
    }
    out
}
