// Browser benchmarks for threadview: the release app against the hand-written baseline
// (bench/baseline/), both served from one folder, measured in Debian's Chromium through
// Playwright. `cargo xtask bench` builds the site and runs this; report.mjs turns the JSON
// it writes into BENCHMARKS.md.
//
//   node bench/run.mjs --site http://127.0.0.1:PORT/ [--runs 10] [--out FILE] [--only NAME[,NAME]]
//
// Every figure is taken inside the page (probe.mjs), never from node, so the CDP round
// trips do not count. The parts: cli.mjs (arguments), browser.mjs (Chromium and pages),
// measure.mjs (interleaved runs), stats.mjs (medians and ratios), scenarios/ (one file
// each), machine.mjs (what it ran on). The thread model and the app's limits come from
// tests/model/, shared with the end-to-end tests.

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Browser } from "./browser.mjs";
import { parseArgs } from "./cli.mjs";
import { loadAverage, machine, versions } from "./machine.mjs";
import { log } from "./measure.mjs";
import { choose } from "./scenarios/index.mjs";

async function main(browser) {
  const args = parseArgs(process.argv.slice(2));
  const chosen = choose(args.only);

  const started = new Date();
  const result = {
    date: started.toISOString(),
    site: args.site,
    machine: machine(),
    versions: versions(await browser.get()),
    runs: args.runs,
    scenarios: {},
  };
  log(`bench: ${result.versions.chromium}, ${args.runs} runs, ${chosen.flatMap((s) => s.names).join(", ")}`);

  // One unrecorded load of each page first: the first page a new browser opens pays for
  // starting its processes, which would otherwise land on whichever side runs first.
  for (const url of [args.site, args.site + "baseline.html"]) {
    const opened = await browser.open(url, { cfg: {}, until: "firstComment", timeoutMs: 60000 });
    if (opened.outcome !== "ok") log(`bench: warm-up load of ${url}: ${opened.outcome}`);
    await opened.close();
  }

  const ctx = Object.freeze({ site: args.site, runs: args.runs, browser });
  for (const scenario of chosen) {
    const t = Date.now();
    Object.assign(result.scenarios, await scenario.run(ctx));
    log(`bench: ${scenario.names.join(", ")} done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  result.duration_s = (Date.now() - started.getTime()) / 1000;
  // Other work on the machine is the main source of noise: say how busy it was.
  result.machine.load_average_end = loadAverage();

  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(result, null, 2) + "\n");
  log(`bench: wrote ${args.out}`);
}

const browser = new Browser();
main(browser)
  .then(() => browser.close())
  .catch(async (e) => {
    // Only the harness's own failures end here: slow or failed pages are recorded, not thrown.
    console.error(`bench: ${e.stack || e}`);
    await browser.close();
    process.exit(1);
  });
