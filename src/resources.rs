//! Where tidings finds the files it ships with — the NER model directory, the ONNX Runtime library and
//! the sample articles — wherever it is started from (systemd, a container, a copied binary), never
//! against the working directory alone.
//!
//! A relative path is a name looked up in an ordered list of places ([`Locator`]):
//! 1. the directory of the configuration file that set it (or, for a value from the environment or
//!    the command line, the working directory: that is where the shell that set it stands);
//! 2. the executable's directory, then the install layout beside it: `<exe>/../share/tidings`
//!    (data) and `<exe>/../lib/tidings` (the library), then `/usr/share/tidings` and `/usr/lib/tidings`;
//! 3. the source tree the binary was built from (`CARGO_MANIFEST_DIR`, or `TIDINGS_DATA_DIR` set at
//!    build time by a packager), so `cargo build` + a copied binary keeps working on the build machine.
//!
//! An absolute path is taken as is. A miss names every place looked in ([`NotFound`]).
//! Imports: std only.

use std::fmt;
use std::path::{Path, PathBuf};

/// The tree the binary was built from (or a packager's data directory, `TIDINGS_DATA_DIR` at build).
pub const BUILD_DIR: &str = match option_env!("TIDINGS_DATA_DIR") {
    Some(d) => d,
    None => env!("CARGO_MANIFEST_DIR"),
};

/// The ONNX Runtime library's file name, and where `scripts/setup` puts it in a source tree.
pub const RUNTIME_FILE: &str = "libonnxruntime.so";
pub const RUNTIME_IN_TREE: &str = ".cache/onnxruntime/libonnxruntime.so";

/// A file or directory that was looked for in every place and found in none.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct NotFound {
    /// What was looked for, as the operator wrote it (or the built-in default).
    pub what: String,
    /// Every path tried, in order.
    pub looked: Vec<PathBuf>,
}

impl fmt::Display for NotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} not found; looked in ", self.what)?;
        for (i, p) in self.looked.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            write!(f, "{sep}{}", p.display())?;
        }
        Ok(())
    }
}

/// Who set a relative path, which decides the first place it is looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetBy {
    /// A configuration file: relative to its directory first.
    File(PathBuf),
    /// The environment or the command line: relative to the working directory first.
    Caller,
    /// The built-in default: only the executable's, the install and the build places.
    Default,
}

/// The ordered places of the module docs, computed once per run.
#[derive(Debug, Clone)]
pub struct Locator {
    exe_dir: Option<PathBuf>,
    build_dir: PathBuf,
}

impl Default for Locator {
    fn default() -> Self {
        Locator::new()
    }
}

impl Locator {
    pub fn new() -> Self {
        // The real path, so a symlink in /usr/local/bin to an unpacked release still finds its tree.
        let exe_dir = std::env::current_exe()
            .ok()
            .and_then(|p| p.canonicalize().ok().or(Some(p)))
            .and_then(|p| p.parent().map(Path::to_path_buf));
        Locator {
            exe_dir,
            build_dir: PathBuf::from(BUILD_DIR),
        }
    }

    /// With the executable's directory given (tests of the lookup order).
    pub fn with_exe_dir(exe_dir: Option<PathBuf>, build_dir: PathBuf) -> Self {
        Locator { exe_dir, build_dir }
    }

    fn first_dir(set_by: &SetBy) -> Option<PathBuf> {
        match set_by {
            SetBy::File(file) => Some(
                file.parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            ),
            SetBy::Caller => std::env::current_dir().ok(),
            SetBy::Default => None,
        }
    }

    /// Places for shipped data (`models/…`, `examples/…`), in lookup order.
    fn data_dirs(&self, set_by: &SetBy) -> Vec<PathBuf> {
        let mut dirs: Vec<PathBuf> = Self::first_dir(set_by).into_iter().collect();
        if let Some(exe) = &self.exe_dir {
            dirs.push(exe.clone());
            dirs.push(exe.join("../share/tidings"));
        }
        dirs.push(PathBuf::from("/usr/share/tidings"));
        dirs.push(self.build_dir.clone());
        dirs
    }

    /// Finds a data file or directory (`rel` as written: a relative name or an absolute path).
    pub fn data(&self, rel: &Path, set_by: &SetBy) -> Result<PathBuf, NotFound> {
        let candidates = if rel.is_absolute() {
            vec![rel.to_path_buf()]
        } else {
            self.data_dirs(set_by)
                .into_iter()
                .map(|d| d.join(rel))
                .collect()
        };
        first_existing(rel.display().to_string(), candidates)
    }

    /// Finds the ONNX Runtime library: `configured` (a config key or `ORT_DYLIB_PATH`) looked up like
    /// data, or else `libonnxruntime.so` beside the executable, in the install layout's `lib/tidings`,
    /// and where `scripts/setup` put it in the build tree.
    pub fn onnx_runtime(&self, configured: Option<(&Path, &SetBy)>) -> Result<PathBuf, NotFound> {
        if let Some((path, set_by)) = configured {
            return self.data(path, set_by);
        }
        let mut candidates = Vec::new();
        if let Some(exe) = &self.exe_dir {
            candidates.push(exe.join(RUNTIME_FILE));
            candidates.push(exe.join("../lib/tidings").join(RUNTIME_FILE));
        }
        candidates.push(Path::new("/usr/lib/tidings").join(RUNTIME_FILE));
        candidates.push(self.build_dir.join(RUNTIME_IN_TREE));
        first_existing("the ONNX Runtime library".into(), candidates)
    }
}

fn first_existing(what: String, candidates: Vec<PathBuf>) -> Result<PathBuf, NotFound> {
    match candidates.iter().find(|p| p.exists()) {
        // `..` segments are kept out of what is logged and printed: the real place is clearer.
        Some(found) => Ok(found.canonicalize().unwrap_or_else(|_| found.clone())),
        None => Err(NotFound {
            what,
            looked: candidates,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_name_is_looked_up_in_order_and_a_miss_names_every_place() {
        let tmp = tempfile::tempdir().unwrap();
        let (etc, bin, build) = (
            tmp.path().join("etc"),
            tmp.path().join("bin"),
            tmp.path().join("src"),
        );
        for d in [
            &etc,
            &bin,
            &build,
            &tmp.path().join("share/tidings/models/m"),
        ] {
            std::fs::create_dir_all(d).unwrap();
        }
        std::fs::create_dir_all(build.join("models/m")).unwrap();
        let loc = Locator::with_exe_dir(Some(bin.clone()), build.clone());
        let file = SetBy::File(etc.join("tidings.toml"));
        // The install layout beside the executable comes before the build tree.
        let found = loc.data(Path::new("models/m"), &file).unwrap();
        assert_eq!(
            found,
            tmp.path()
                .join("share/tidings/models/m")
                .canonicalize()
                .unwrap()
        );
        // Beside the config file wins over both.
        std::fs::create_dir_all(etc.join("models/m")).unwrap();
        assert_eq!(
            loc.data(Path::new("models/m"), &file).unwrap(),
            etc.join("models/m").canonicalize().unwrap()
        );
        let miss = loc.data(Path::new("models/none"), &file).unwrap_err();
        assert_eq!(
            miss.looked,
            vec![
                etc.join("models/none"),
                bin.join("models/none"),
                bin.join("../share/tidings/models/none"),
                PathBuf::from("/usr/share/tidings/models/none"),
                build.join("models/none"),
            ]
        );
        let text = miss.to_string();
        assert!(
            text.starts_with("models/none not found; looked in "),
            "{text}"
        );
        assert!(text.contains(&etc.join("models/none").display().to_string()));
    }

    #[test]
    fn the_runtime_library_defaults_to_the_executable_then_the_build_tree() {
        let tmp = tempfile::tempdir().unwrap();
        let bin = tmp.path().join("bin");
        std::fs::create_dir_all(tmp.path().join("lib/tidings")).unwrap();
        std::fs::create_dir_all(&bin).unwrap();
        let loc = Locator::with_exe_dir(Some(bin.clone()), tmp.path().join("src"));
        let miss = loc.onnx_runtime(None).unwrap_err();
        assert_eq!(miss.looked.len(), 4, "{miss}");
        std::fs::write(tmp.path().join("lib/tidings").join(RUNTIME_FILE), b"").unwrap();
        assert_eq!(
            loc.onnx_runtime(None).unwrap(),
            tmp.path()
                .join("lib/tidings")
                .join(RUNTIME_FILE)
                .canonicalize()
                .unwrap()
        );
    }
}
