// Builds the archive's Pagefind index from custom records, one per comment.
//
//   node xtask/pagefind-index.mjs RECORDS.json OUTPUT-DIR
//
// RECORDS.json: [{ "url", "title", "author", "content", "language" }, …] as written by
// xtask/src/archive/search.rs; `url` is relative to the archive's root
// ("d/<slug>/#comment-<id>") and Pagefind keeps it as given. OUTPUT-DIR becomes the
// `pagefind/` bundle (pagefind.js, its wasm, the index). Any error from Pagefind fails the
// run with a non-zero exit, so the build stops instead of shipping a partial index.
import { readFile } from "node:fs/promises";
import * as pagefind from "pagefind";

const [recordsPath, outputPath] = process.argv.slice(2);
if (!recordsPath || !outputPath) {
  console.error("usage: node pagefind-index.mjs RECORDS.json OUTPUT-DIR");
  process.exit(2);
}

function check(what, response) {
  if (response?.errors?.length) {
    throw new Error(`${what}: ${response.errors.join("; ")}`);
  }
  return response;
}

try {
  const records = JSON.parse(await readFile(recordsPath, "utf8"));
  const { index } = check("createIndex", await pagefind.createIndex({}));
  if (!index) throw new Error("createIndex returned no index");
  for (const record of records) {
    check(
      `record ${record.url}`,
      await index.addCustomRecord({
        url: record.url,
        content: record.content,
        language: record.language,
        meta: { title: record.title, author: record.author },
      }),
    );
  }
  check("writeFiles", await index.writeFiles({ outputPath }));
  console.error(`pagefind: indexed ${records.length} records into ${outputPath}`);
} catch (error) {
  console.error(`pagefind: ${error.message ?? error}`);
  process.exitCode = 1;
} finally {
  await pagefind.close();
}
