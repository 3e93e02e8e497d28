// Loads each URL in the system Chromium at phone width, runs axe-core
// (WCAG 2.x A/AA + best practice), measures horizontal overflow and
// collects what the page's Content-Security-Policy blocked and which of the
// site's own files failed to load (a font missing is a 404 here).
// Usage: node check-pages.cjs WIDTH [--no-axe] URL... ; prints one JSON report
// on stdout. --no-axe measures the layout only (a second font setup).
const path = require('path');
const fs = require('fs');
const { chromium } = require('playwright-core');

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [width, ...rest] = process.argv.slice(2);
const runAxe = rest[0] !== '--no-axe';
const urls = runAxe ? rest : rest.slice(1);

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const report = [];
  for (const url of urls) {
    const page = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
    const requests = [];
    const blocked = [];
    const failed = [];
    page.on('request', r => { if (!r.url().startsWith('http://127.0.0.1')) requests.push(r.url()); });
    page.on('response', r => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    page.on('requestfailed', r => failed.push(`${r.failure().errorText} ${r.url()}`));
    // The pages' Content-Security-Policy must never block the site's own files.
    page.on('console', m => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (!runAxe) {
      report.push({ url, overflow, external_requests: requests, csp_violations: blocked,
        failed_requests: failed, violations: [] });
      await page.close();
      continue;
    }
    // Evaluated through the DevTools protocol: the pages' CSP forbids inline
    // scripts, which is what addScriptTag would insert.
    await page.evaluate(axeSource);
    const axe = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }));
    report.push({
      url,
      overflow,
      external_requests: requests,
      csp_violations: blocked,
      failed_requests: failed,
      violations: axe.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })),
    });
    await page.close();
  }
  await browser.close();
  process.stdout.write(JSON.stringify(report));
})().catch(e => { console.error(e); process.exit(2); });
