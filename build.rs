//! Build facts the binary reports in `tidings --version` and the `tidings_build_info` metric: the git
//! commit it was built from. `TIDINGS_GIT_COMMIT` set at build time wins (a build from a tarball or a
//! Docker context without `.git`); without either it is "unknown", never a build failure.

use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !s.is_empty()).then_some(s)
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=TIDINGS_GIT_COMMIT");
    let commit = std::env::var("TIDINGS_GIT_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(|| git(&["rev-parse", "--short=12", "HEAD"]))
        .unwrap_or_else(|| "unknown".into());
    // A new commit moves HEAD's reflog (in a worktree too): rebuild then, not on every source edit.
    if let Some(log) = git(&["rev-parse", "--git-path", "logs/HEAD"]) {
        if Path::new(&log).exists() {
            println!("cargo:rerun-if-changed={log}");
        }
    }
    println!("cargo:rustc-env=TIDINGS_GIT_COMMIT={commit}");
}
