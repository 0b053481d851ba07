/**
 * Preloaded (`node --require`) into a synth process when GNU time is not installed: writes the process's peak
 * resident set size in KB to $BENCH_RSS_FILE when it exits, the same number `/usr/bin/time -f %M` reports.
 */
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file !== undefined)
  process.on("exit", () => {
    writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
