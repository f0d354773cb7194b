//! Finding the fonts folder and mapping font files into memory.
//!
//! Font files are memory-mapped rather than read: a leaflet touches only the tables
//! and glyphs it uses (a Chinese leaflet reads a few hundred of the 16 MB face's 65 000
//! glyphs), and the pages are shared by every thread and cached by the system between
//! runs. Compressing the faces into the binary was measured and rejected: the Chinese
//! face shrinks only from 16.4 to 12.1 MB (zstd -19) and takes 110–180 ms to unpack,
//! ten times a whole English build.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The environment variable that names the fonts folder of an installed program.
pub const ENV: &str = "HANDOUT_FONTS";

/// The places searched for the fonts folder, in order: `$HANDOUT_FONTS`, `fonts/`
/// beside the executable, `../share/handout/fonts` from it (a Unix install), and the
/// `fonts/` folder of the source tree the program was built from.
pub fn candidates() -> Vec<PathBuf> {
    let mut places = Vec::new();
    if let Some(dir) = std::env::var_os(ENV).filter(|d| !d.is_empty()) {
        places.push(PathBuf::from(dir));
    }
    if let Some(exe_dir) = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
    {
        places.push(exe_dir.join("fonts"));
        places.push(exe_dir.join("../share/handout/fonts"));
    }
    places.push(PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts")));
    places
}

/// The fonts folder: the first candidate that holds the shipped fonts (looked up once).
pub fn shipped_folder() -> Result<&'static Path, String> {
    static FOLDER: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    FOLDER
        .get_or_init(|| {
            let places = candidates();
            // A folder counts if it holds the licence every shipped face comes with.
            places
                .iter()
                .find(|p| p.join("OFL.txt").is_file())
                .cloned()
                .ok_or_else(|| {
                    let list: Vec<String> =
                        places.iter().map(|p| p.display().to_string()).collect();
                    format!(
                        "the fonts folder was not found (looked in: {}); set {ENV} to the \
                         `fonts` folder that comes with handout",
                        list.join(", ")
                    )
                })
        })
        .as_ref()
        .map(PathBuf::as_path)
        .map_err(Clone::clone)
}

/// The bytes of font file `path`, mapped for the rest of the process (once: the
/// faces of a collection share one mapping).
pub fn map(path: &Path) -> Result<&'static [u8], String> {
    static MAPPED: OnceLock<std::sync::Mutex<std::collections::HashMap<PathBuf, &'static [u8]>>> =
        OnceLock::new();
    let mapped = MAPPED.get_or_init(Default::default);
    if let Some(bytes) = mapped.lock().ok().and_then(|m| m.get(path).copied()) {
        return Ok(bytes);
    }
    let bytes = map_new(path)?;
    if let Ok(mut m) = mapped.lock() {
        m.insert(path.to_path_buf(), bytes);
    }
    Ok(bytes)
}

fn map_new(path: &Path) -> Result<&'static [u8], String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    // SAFETY: the mapping is read-only and lives for the process. Font files are not
    // expected to change while a build runs; if one is truncated meanwhile, reading
    // the lost pages faults, as with any program that maps its data files.
    let map =
        unsafe { memmap2::Mmap::map(&file) }.map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Box::leak(Box::new(map)))
}
