//! Installing the pinned tools. Each is reused when the right version is already there.

use std::path::PathBuf;
use std::process::Command;

use crate::{Result, root, run};

const TRUNK_VERSION: &str = "0.21.14";
const TWIGGY_VERSION: &str = "0.8.0";

/// What `trunk build` needs: the wasm target, Trunk, the wasm-bindgen CLI that matches
/// Cargo.lock, and wasm-opt from npm (Debian's breaks the build, see README); and Pagefind
/// from the same package.json, for the archive's search.
pub fn build_tools() -> Result {
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    cargo_install("trunk", TRUNK_VERSION, &["--locked"])?;
    // Not --locked: with it, wasm-bindgen-cli fails to resolve webpki-roots.
    cargo_install("wasm-bindgen", &wasm_bindgen_version()?, &[])?;
    npm_ci("xtask", "node_modules/.bin/wasm-opt")?;
    // A node_modules from before Pagefind was added has wasm-opt but not Pagefind.
    npm_ci("xtask", "node_modules/pagefind/package.json")
}

/// What the browser tests need: Debian's Chromium and ChromeDriver, and Playwright.
pub fn browser_tools() -> Result {
    let missing = ["/usr/bin/chromium", "/usr/bin/chromedriver"]
        .iter()
        .any(|p| !std::path::Path::new(p).exists());
    if missing {
        let sudo = if is_root() { vec![] } else { vec!["sudo"] };
        let apt = |args: &[&str]| {
            let mut all: Vec<&str> = sudo.clone();
            all.push("apt-get");
            all.extend_from_slice(args);
            run(Command::new(all[0])
                .args(&all[1..])
                .env("DEBIAN_FRONTEND", "noninteractive"))
        };
        apt(&["update"])?;
        apt(&["install", "-y", "chromium", "chromium-driver"])?;
    }
    npm_ci("tests/e2e", "node_modules/@playwright/test/package.json")
}

/// What `cargo xtask bench` needs beyond the browser tests: its own Playwright, and twiggy
/// to say what the wasm is made of.
pub fn bench_tools() -> Result {
    cargo_install("twiggy", TWIGGY_VERSION, &["--locked"])?;
    npm_ci("bench", "node_modules/playwright-core/package.json")
}

/// `command` with the npm-installed wasm-opt first on PATH, ahead of any system one.
pub fn with_tool_path(command: &mut Command) -> &mut Command {
    let mut paths = vec![root().join("xtask/node_modules/.bin"), cargo_bin()];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    command.env(
        "PATH",
        std::env::join_paths(paths).expect("PATH entries are valid"),
    )
}

fn cargo_install(binary: &str, version: &str, extra: &[&str]) -> Result {
    let installed = Command::new(cargo_bin().join(binary))
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains(version))
        .unwrap_or(false);
    if installed {
        return Ok(());
    }
    let package = if binary == "wasm-bindgen" {
        "wasm-bindgen-cli"
    } else {
        binary
    };
    run(Command::new("cargo")
        .args(["install", package, "--version", version])
        .args(extra))
}

/// The wasm-bindgen version Cargo.lock resolved; the CLI must match it exactly.
fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            let version = lines.next().unwrap_or_default();
            if let Some(v) = version.strip_prefix("version = \"") {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".to_string())
}

fn npm_ci(dir: &str, installed_marker: &str) -> Result {
    let dir = root().join(dir);
    if dir.join(installed_marker).exists() {
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir))
}

pub fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    home.join("bin")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}
