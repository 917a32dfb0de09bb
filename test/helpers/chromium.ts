import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); `.ci/run` installs it. Never `playwright install`. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests can run; when not, says so loudly (they skip rather than pass silently). */
export function haveChromium(what: string): boolean {
  const have = existsSync(CHROMIUM);
  if (!have)
    console.warn(
      `\n\n*** SKIPPING the ${what} end-to-end test: ${CHROMIUM} is missing (apt-get install chromium) ***\n\n`,
    );
  return have;
}

/** Headless Chromium with the flags that work offline in a container. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
