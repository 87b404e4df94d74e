//! `threadgen --seed N --size N [--out FILE]`: writes a generated discussion file to FILE
//! or stdout, and a one-line summary to stderr.

use std::io::Write as _;
use std::process::ExitCode;

const USAGE: &str = "usage: threadgen --seed N --size N [--out FILE]\n\
    Writes a discussion file (format version 1) with N comments, the same bytes for the\n\
    same seed and size, to FILE or stdout. A summary goes to stderr.";

/// Well above what the app accepts (50 MB is about 170,000 comments), and small enough
/// that a mistyped size fails with a message instead of running out of memory.
const MAX_SIZE: usize = 2_000_000;

struct Args {
    seed: u64,
    size: usize,
    out: Option<String>,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let (mut seed, mut size, mut out) = (None, None, None);
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        if !matches!(flag.as_str(), "--seed" | "--size" | "--out") {
            return Err(format!("unknown argument `{flag}`"));
        }
        let value = args
            .next()
            .ok_or_else(|| format!("`{flag}` needs a value"))?;
        match flag.as_str() {
            "--seed" => seed = Some(number(&flag, &value)?),
            "--size" => size = Some(number(&flag, &value)?),
            _ => out = Some(value),
        }
    }
    let seed = seed.ok_or("`--seed N` is required")?;
    let size = size.ok_or("`--size N` is required")?;
    let size = usize::try_from(size)
        .ok()
        .filter(|&s| s <= MAX_SIZE)
        .ok_or_else(|| format!("`--size` is at most {MAX_SIZE}, not {size}"))?;
    Ok(Some(Args { seed, size, out }))
}

fn number(flag: &str, value: &str) -> Result<u64, String> {
    value
        .parse()
        .map_err(|_| format!("`{flag}` takes a whole number from 0 to 2^64-1, not `{value}`"))
}

fn main() -> ExitCode {
    // Not `std::env::args`, which panics on an argument that is not UTF-8.
    let args: Result<Vec<String>, _> = std::env::args_os()
        .skip(1)
        .map(|a| a.into_string())
        .collect();
    let parsed = match args {
        Ok(args) => parse(args.into_iter()),
        Err(bad) => Err(format!("argument {bad:?} is not valid UTF-8")),
    };
    let args = match parsed {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("threadgen: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };

    let (text, stats) = threadgen::generate_with_stats(args.seed, args.size);
    let written = match &args.out {
        Some(path) => std::fs::write(path, &text).map_err(|e| format!("cannot write {path}: {e}")),
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|e| format!("cannot write to stdout: {e}")),
    };
    if let Err(message) = written {
        eprintln!("threadgen: {message}");
        return ExitCode::FAILURE;
    }

    let near = match stats.near_thousand {
        Some((id, count)) => format!("comment #{id} has {count} descendants (closest to 1000)"),
        None => "no comments".to_string(),
    };
    eprintln!(
        "threadgen: seed {}: {} comments, {} roots, max depth {}, max children {}, \
         {} distinct authors, {} bytes; {near}",
        args.seed,
        stats.comments,
        stats.roots,
        stats.max_depth,
        stats.max_children,
        stats.authors,
        stats.bytes,
    );
    ExitCode::SUCCESS
}
