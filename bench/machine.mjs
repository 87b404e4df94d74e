// What the figures were measured on: the machine, how busy it was, and the versions.

import { readFileSync } from "node:fs";
import os from "node:os";

export function machine() {
  let osName = `${os.type()} ${os.release()}`;
  try {
    const pretty = readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]*)"?/m);
    if (pretty) osName = `${pretty[1]} (${os.type()} ${os.release()})`;
  } catch {}
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memory_bytes: os.totalmem(),
    os: osName,
    load_average_start: os.loadavg()[0],
  };
}

// The 1-minute load average: other work on the machine is the main source of noise.
export const loadAverage = () => os.loadavg()[0];

// Chromium (from the running Playwright browser), Node.js and playwright-core.
export function versions(playwrightBrowser) {
  const pkg = new URL("./node_modules/playwright-core/package.json", import.meta.url);
  return { chromium: playwrightBrowser.version(), node: process.version, "playwright-core": JSON.parse(readFileSync(pkg, "utf8")).version };
}
