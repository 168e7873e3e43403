#!/usr/bin/env node
// Playwright drives Debian's Chromium (browser downloads are impossible here).
// Install it with apt-get when it is missing; say clearly what to do when that fails.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(CHROMIUM)) {
  console.log(`${CHROMIUM} is missing: installing Debian's chromium package`);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  try {
    execSync(
      `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`,
      {
        stdio: 'inherit',
      },
    );
  } catch {
    console.error(
      `could not install chromium; install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
    process.exit(1);
  }
}
