//! threadview-core stays free of browser crates: its logic is tested natively, and the app
//! (the root crate) is the only place that talks to the browser. This fails if a normal or
//! build dependency, however indirect and for whatever target, brings in leptos, web-sys,
//! js-sys, wasm-bindgen (or any `wasm-bindgen*` crate) or gloo. Dev-dependencies do not
//! count: they are never built into the app.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{HashMap, VecDeque};
use std::process::Command;

use serde_json::Value;

fn is_browser_crate(name: &str) -> bool {
    ["leptos", "web-sys", "js-sys", "gloo"]
        .iter()
        .any(|browser| name == *browser || name.starts_with(&format!("{browser}-")))
        || name.starts_with("leptos_")
        || name.starts_with("wasm-bindgen")
        || name.starts_with("gloo")
}

/// The workspace's `cargo metadata`, dependencies of every target included.
fn metadata() -> Value {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON")
}

/// The dependency graph over normal and build edges: package id to (name, dependencies).
struct Graph {
    names: HashMap<String, String>,
    edges: HashMap<String, Vec<String>>,
}

impl Graph {
    fn new(metadata: &Value) -> Self {
        let names = metadata["packages"]
            .as_array()
            .expect("packages")
            .iter()
            .map(|p| (text(&p["id"]), text(&p["name"])))
            .collect();
        let edges = metadata["resolve"]["nodes"]
            .as_array()
            .expect("a resolved graph")
            .iter()
            .map(|node| {
                let deps = node["deps"]
                    .as_array()
                    .expect("deps")
                    .iter()
                    .filter(|dep| {
                        // kind is null for a normal dependency, "build" or "dev" otherwise.
                        let kinds = dep["dep_kinds"].as_array().expect("dep_kinds");
                        kinds.iter().any(|k| k["kind"].as_str() != Some("dev"))
                    })
                    .map(|dep| text(&dep["pkg"]))
                    .collect();
                (text(&node["id"]), deps)
            })
            .collect();
        Self { names, edges }
    }

    /// The id of the workspace member called `name`.
    fn member(&self, metadata: &Value, name: &str) -> String {
        metadata["workspace_members"]
            .as_array()
            .expect("workspace_members")
            .iter()
            .map(text)
            .find(|id| self.names[id] == name)
            .unwrap_or_else(|| panic!("{name} is a workspace member"))
    }

    /// Every browser crate `root` depends on, each with the chain of crates that leads to
    /// it, shortest first.
    fn browser_crates(&self, root: &str) -> Vec<String> {
        let mut via: HashMap<&str, &str> = HashMap::from([(root, root)]);
        let mut queue = VecDeque::from([root]);
        let mut found = Vec::new();
        while let Some(id) = queue.pop_front() {
            if is_browser_crate(&self.names[id]) {
                let mut chain = vec![self.names[id].as_str()];
                let mut at = id;
                while at != root {
                    at = via[at];
                    chain.push(&self.names[at]);
                }
                chain.reverse();
                found.push(chain.join(" -> "));
            }
            for dep in &self.edges[id] {
                if !via.contains_key(dep.as_str()) {
                    via.insert(dep, id);
                    queue.push_back(dep);
                }
            }
        }
        found
    }
}

fn text(value: &Value) -> String {
    value.as_str().expect("a string").to_string()
}

#[test]
fn the_core_depends_on_no_browser_crate() {
    let metadata = metadata();
    let graph = Graph::new(&metadata);

    let core = graph.member(&metadata, "threadview-core");
    let found = graph.browser_crates(&core);
    assert!(
        found.is_empty(),
        "threadview-core depends on browser crates:\n  {}",
        found.join("\n  ")
    );
    // The walk starts from the core's own dependencies, without its dev-dependencies.
    let direct: Vec<&str> = graph.edges[&core]
        .iter()
        .map(|dep| graph.names[dep].as_str())
        .collect();
    assert!(direct.contains(&"serde_json"), "{direct:?}");
    assert!(!direct.contains(&"proptest"), "{direct:?}");

    // The same walk finds them in the app, which does depend on them: it is not vacuous.
    let app = graph.member(&metadata, "threadview");
    let found = graph.browser_crates(&app);
    for name in ["leptos", "web-sys", "js-sys", "wasm-bindgen", "gloo-net"] {
        assert!(
            found
                .iter()
                .any(|chain| chain.ends_with(&format!(" -> {name}"))),
            "the app's {name} is not found; found {found:?}"
        );
    }
    // And what only comes through other crates: wasm-bindgen brings wasm-bindgen-shared.
    assert!(
        found
            .iter()
            .any(|chain| chain.ends_with(" -> wasm-bindgen-shared")
                && chain.matches(" -> ").count() >= 2),
        "no indirect browser dependency of the app is found: {found:?}"
    );
}

#[test]
fn browser_crates_are_recognised_by_name() {
    for name in [
        "leptos",
        "leptos_dom",
        "web-sys",
        "js-sys",
        "wasm-bindgen",
        "wasm-bindgen-futures",
        "wasm-bindgen-macro-support",
        "gloo",
        "gloo-net",
        "gloo-timers",
    ] {
        assert!(is_browser_crate(name), "{name}");
    }
    for name in [
        "serde_json",
        "strum",
        "form_urlencoded",
        "threadview-core",
        "wasm-opt",
    ] {
        assert!(!is_browser_crate(name), "{name}");
    }
}
