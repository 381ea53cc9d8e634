// Debian's Chromium driven by playwright-core, for end-to-end tests. Never a downloaded browser build.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const webRoot = resolve(import.meta.dirname, '../../dist/web');

/** The flags every Chromium of the tests and benchmarks runs with: headless, and nothing phoning home. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium and the built web apps must both be there; a missing one is a failure, never a silent skip. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium, or set CHROMIUM_PATH`);
  }
  if (!existsSync(resolve(webRoot, 'visitor/index.html'))) {
    throw new Error('web apps not built: npm test builds them (npm run build)');
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}

/**
 * A Chromium of its own whose settings block every site's data (cookies and site data, as safety guides advise
 * and as some browsers do in a frame): reading `sessionStorage` throws a SecurityError there.
 */
export async function launchWithSiteDataBlocked(options: BrowserContextOptions): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'havre-blocked-'));
  mkdirSync(join(profile, 'Default'));
  const preferences = { profile: { default_content_setting_values: { cookies: 2 } } };
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
  const context = await chromium.launchPersistentContext(profile, {
    ...options,
    executablePath: chromiumPath,
    args: chromiumFlags,
  });
  // Chromium may still be writing its profile as the context closes: retry, and never fail a test over it.
  context.once('close', () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      // a temporary folder left behind in /tmp; the next boot clears it
    }
  });
  return context;
}

export const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
export const desktop: BrowserContextOptions = { viewport: { width: 1366, height: 768 } };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page and returns the serious and critical violations. The script is evaluated through
 * the DevTools protocol, so the page's strict CSP need not be loosened for it.
 */
export async function seriousAccessibilityViolations(
  page: Page,
): Promise<{ id: string; help: string; targets: string[] }[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id as string,
      impact: v.impact as string,
      help: v.help as string,
      targets: v.nodes.map((n: any) => String(n.target)),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
