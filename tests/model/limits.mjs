// The app's limits (core/src/limits.rs), as `cargo xtask limits` writes them to
// target/limits.json: the one source for the JavaScript tests and the benchmark.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FILE = new URL('../../target/limits.json', import.meta.url);

function read() {
  let text;
  try {
    text = readFileSync(FILE, 'utf8');
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
    throw new Error(`${fileURLToPath(FILE)} is missing: run \`cargo xtask limits\` from the repository root to write it.`);
  }
  return Object.freeze(JSON.parse(text));
}

/** { FIRST_VIEW, PAGE, DEPTH_CAP, UNFOLD_STEP, COMMENTS_PER_SLICE, MAX_BYTES, TIMEOUT_MS, OVERVIEW_MARKS, PARTICIPANTS_SHOWN, DESCRIPTION_CHARS } */
export const LIMITS = read();
