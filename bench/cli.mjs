// The command line of run.mjs:
//
//   node bench/run.mjs --site http://127.0.0.1:PORT/ [--runs 10] [--out FILE] [--only NAME[,NAME]]

import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function parseArgs(argv) {
  const args = { runs: 10, out: path.join(ROOT, "target/bench/browser.json"), only: null, site: null };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value`);
      return argv[++i];
    };
    switch (argv[i]) {
      case "--site": args.site = value(); break;
      case "--runs": args.runs = Number(value()); break;
      case "--out": args.out = path.resolve(value()); break;
      case "--only": args.only = value().split(",").map((s) => s.trim()).filter(Boolean); break;
      case "-h":
      case "--help":
        console.log("usage: node bench/run.mjs --site URL [--runs 10] [--out FILE] [--only NAME[,NAME]]");
        process.exit(0);
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (!args.site) throw new Error("--site URL is required (the folder served by cargo xtask static)");
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error("--runs needs a whole number ≥ 1");
  // Relative page and data addresses resolve against the folder, so it must end in a slash.
  if (!args.site.endsWith("/")) args.site += "/";
  return args;
}
