//! Where each page of the site lives: the address a leaflet's QR code prints, mapped
//! to a folder of the site, so that scanning the code opens that page.
//!
//! A leaflet's `url:` (`https://handouts.example.org/ketamine/{locale}?v=1.0`) names
//! the page of one handout in one language. Under the site's base address
//! (`https://handouts.example.org/`) its path, `ketamine/en`, becomes the folder
//! `ketamine/en/` with an `index.html`: every static host (GitHub Pages, Netlify,
//! S3, nginx, Apache) answers `/ketamine/en` with that file, redirecting to the
//! address with a final `/` first. The query (`?v=1.0`) tells versions of the
//! printed code apart; a static host ignores it.

/// The address the site is published at, e.g. `https://clinic.org/handouts/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `https://clinic.org`: scheme and host (and port), no final `/`.
    origin: String,
    /// `/handouts/`: always starts and ends with `/`.
    path: String,
}

impl BaseUrl {
    /// Reads `--base-url`: an http(s) address without a query or fragment.
    pub fn parse(text: &str) -> Result<BaseUrl, String> {
        let (origin, path) = split(text.trim())
            .ok_or_else(|| format!("`{text}` is not an http:// or https:// address"))?;
        if text.contains(['?', '#']) {
            return Err(format!(
                "`{text}` has a query or fragment; give the address of the site's folder"
            ));
        }
        let mut path = path.to_string();
        if !path.ends_with('/') {
            path.push('/');
        }
        Ok(BaseUrl { origin, path })
    }

    /// The base address a page address implies when none is given: its origin.
    pub fn origin_of(url: &str) -> Option<BaseUrl> {
        let (origin, _) = split(url)?;
        Some(BaseUrl {
            origin,
            path: "/".into(),
        })
    }

    /// The path part of the address of `folder`, from the host's root
    /// (`/handouts/ketamine/en/`): a page's `<base>`, so that its relative links work
    /// whether the host serves it at `/ketamine/en` or at `/ketamine/en/`.
    pub fn path_of(&self, folder: &str) -> String {
        if folder.is_empty() {
            self.path.clone()
        } else {
            format!("{}{folder}/", self.path)
        }
    }

    /// The absolute address of `folder` (a site folder such as `ketamine/en`, or ""
    /// for the site's root), with its final `/`.
    pub fn address_of(&self, folder: &str) -> String {
        if folder.is_empty() {
            format!("{}{}", self.origin, self.path)
        } else {
            format!("{}{}{folder}/", self.origin, self.path)
        }
    }

    /// The site folder of page address `url`, or why it has none: an address outside
    /// the site, or one whose path would leave the site's folder.
    pub fn folder_of(&self, url: &str) -> Result<String, String> {
        let Some((origin, path)) = split(url) else {
            return Err(format!("`{url}` is not an http:// or https:// address"));
        };
        let path = path.split(['?', '#']).next().unwrap_or("");
        let inside = origin.eq_ignore_ascii_case(&self.origin)
            && (path.starts_with(&self.path) || format!("{path}/") == self.path);
        if !inside {
            return Err(format!(
                "`{url}` is not under the site's address {}",
                self.address_of("")
            ));
        }
        let rest = path
            .get(self.path.len()..)
            .unwrap_or("")
            .trim_end_matches('/');
        if rest.is_empty() {
            return Err(format!(
                "`{url}` is the site's own address, which holds the index of all handouts"
            ));
        }
        for segment in rest.split('/') {
            if !is_folder_name(segment) {
                return Err(format!(
                    "`{url}` has the path segment `{segment}`, which cannot name a folder of the site (use letters, digits, - _ . ~)"
                ));
            }
        }
        Ok(rest.to_string())
    }
}

/// Whether `segment` can name a folder of the site and stand in an address as it
/// is: letters, digits, `-`, `_`, `.`, `~`, and not `.` or `..`.
pub fn is_folder_name(segment: &str) -> bool {
    !segment.is_empty()
        && segment != "."
        && segment != ".."
        && segment
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
}

/// `scheme://host[:port]` and the path (starting with `/`, possibly empty) of an
/// http(s) address.
fn split(url: &str) -> Option<(String, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    if host.is_empty() || host.contains(['@', ' ']) {
        return None;
    }
    let path = &rest[end..];
    let path = if path.starts_with('/') { path } else { "" };
    Some((
        format!(
            "{}://{}",
            scheme.to_ascii_lowercase(),
            host.to_ascii_lowercase()
        ),
        path,
    ))
}

/// The relative path from page folder `from` (e.g. `ketamine/en`, "" for the root)
/// to the site file or folder `to` (e.g. `handout.css`, `ketamine/de/`): up to the
/// folders they share, then down.
pub fn relative(from: &str, to: &str) -> String {
    let from: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let (to_folders, to_name) = match to.rsplit_once('/') {
        Some((folders, name)) => (folders.split('/').collect::<Vec<_>>(), name),
        None => (Vec::new(), to),
    };
    let shared = from
        .iter()
        .zip(&to_folders)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from.len() - shared);
    for folder in &to_folders[shared..] {
        out.push_str(folder);
        out.push('/');
    }
    out.push_str(to_name);
    if out.is_empty() {
        out.push_str("./");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leaflet_address_becomes_a_folder_of_the_site() {
        let base = BaseUrl::parse("https://handouts.example.org").unwrap();
        assert_eq!(
            base.folder_of("https://handouts.example.org/ketamine/en?v=1.0"),
            Ok("ketamine/en".into())
        );
        assert_eq!(
            base.folder_of("https://Handouts.example.org/ketamine/zh-Hant/"),
            Ok("ketamine/zh-Hant".into())
        );
        assert_eq!(
            base.address_of("ketamine/en"),
            "https://handouts.example.org/ketamine/en/"
        );
    }

    #[test]
    fn a_base_with_a_path_holds_only_addresses_below_it() {
        let base = BaseUrl::parse("https://clinic.org/handouts/").unwrap();
        assert_eq!(
            base.folder_of("https://clinic.org/handouts/ketamine/de"),
            Ok("ketamine/de".into())
        );
        assert!(base
            .folder_of("https://clinic.org/other/ketamine/de")
            .unwrap_err()
            .contains("not under"));
        assert!(base
            .folder_of("https://elsewhere.org/handouts/ketamine/de")
            .is_err());
        assert!(base.folder_of("https://clinic.org/handouts/").is_err());
    }

    #[test]
    fn a_path_that_would_leave_the_site_is_refused() {
        let base = BaseUrl::parse("https://clinic.org/").unwrap();
        for url in [
            "https://clinic.org/a/../../etc",
            "https://clinic.org/a//b",
            "https://clinic.org/a/%2e%2e/b",
        ] {
            assert!(base.folder_of(url).is_err(), "{url}");
        }
        assert!(BaseUrl::parse("ftp://clinic.org/").is_err());
        assert!(BaseUrl::parse("https://clinic.org/?x=1").is_err());
    }

    #[test]
    fn relative_paths_climb_out_of_the_page_folder() {
        assert_eq!(relative("ketamine/en", "handout.css"), "../../handout.css");
        assert_eq!(relative("ketamine/en", "ketamine/de/"), "../de/");
        assert_eq!(relative("ketamine/en", "ketamine/en/x.pdf"), "x.pdf");
        assert_eq!(relative("ketamine/en", "media/a.png"), "../../media/a.png");
        assert_eq!(relative("", "ketamine/de/"), "ketamine/de/");
        assert_eq!(relative("", ""), "./");
    }
}
