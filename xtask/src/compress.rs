//! Precompressed copies of the site's text files (`.br`, `.gz`), for static hosts that
//! serve them (nginx `gzip_static`/`brotli_static`, Netlify, Cloudflare Pages, ...), and
//! the sizes a reader downloads.

use std::io::Write;
use std::path::Path;

use crate::Result;

/// A file of the site and what it weighs on the wire.
pub struct Sizes {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// Writes `FILE.gz` and `FILE.br` beside every compressible file in `dist` (not in
/// subfolders), at the strongest settings: this runs once per build, not per request.
pub fn precompress(dist: &Path) -> Result<Vec<Sizes>> {
    let mut sizes = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && compressible(p))
        .collect();
    files.sort();
    for file in files {
        let raw = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let (gz, br) = (gzip(&raw)?, brotli(&raw)?);
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        for (bytes, extension) in [(&gz, "gz"), (&br, "br")] {
            let path = dist.join(format!("{name}.{extension}"));
            std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        sizes.push(Sizes {
            name,
            raw: raw.len() as u64,
            gzip: gz.len() as u64,
            brotli: br.len() as u64,
        });
    }
    Ok(sizes)
}

/// Writes `.gz` and `.br` beside every compressible file of `dir` and its folders, for a
/// site of many pages (an archive), and returns how many files it compressed. Pagefind's
/// folder is left alone: its index files are compressed already.
pub fn precompress_tree(dir: &Path) -> Result<usize> {
    let mut count = 0;
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "pagefind") {
                count += precompress_tree(&path)?;
            }
        } else if compressible(&path) {
            let raw = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            for (bytes, extension) in [(gzip(&raw)?, "gz"), (brotli(&raw)?, "br")] {
                let mut name = path.clone().into_os_string();
                name.push(format!(".{extension}"));
                std::fs::write(&name, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            }
            count += 1;
        }
    }
    Ok(count)
}

fn compressible(path: &Path) -> bool {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    matches!(extension, "html" | "js" | "wasm" | "css" | "json" | "svg")
}

pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}
