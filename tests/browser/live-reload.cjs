// `loaxa serve` in the system Chromium, as an officer uses it: a page open
// in a tab, files saved in an editor.
//
//   node live-reload.cjs check PLAN.json
//     PLAN: { url, file, good, broken, broken2, fixed, expect }. Opens url;
//     saves `good` into `file` (the tab must reload by itself and show
//     `expect`); saves `broken` (the error panel must appear at the top
//     without a reload, take the focus, and close with its button); saves
//     `broken2` (a new panel), then `fixed` (the panel must go by itself).
//     Reports what it saw, and every Content-Security-Policy violation.
//   node live-reload.cjs bench PLAN.json
//     PLAN: { url, file, rounds: [{ text, expect }] }. For each round,
//     the time from the save to the new text painted in the tab, in ms; then
//     five reloads without a save (the reload and paint alone).
//
// Prints one JSON report on stdout.
const fs = require('fs');
const { chromium } = require('playwright-core');

const [mode, planFile] = process.argv.slice(2);
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
const PATIENCE = plan.patience_ms || 20000;

// Two animation frames after the text is there: it has been painted.
async function painted(page) {
  await page.evaluate(() => new Promise(done => {
    requestAnimationFrame(() => requestAnimationFrame(() => done()));
  }));
}

// Saves `text` and waits for the tab to load again, then for `expect`.
async function saveAndReload(page, text, expect) {
  const started = Date.now();
  const loaded = page.waitForEvent('load', { timeout: PATIENCE });
  fs.writeFileSync(plan.file, text);
  await loaded;
  await page.waitForFunction(e => document.body.innerText.includes(e), expect, { timeout: PATIENCE });
  await painted(page);
  return Date.now() - started;
}

async function panelState(page) {
  return page.evaluate(() => {
    const panel = document.getElementById('loaxa-overlay');
    if (!panel) return null;
    const rect = panel.getBoundingClientRect();
    const style = getComputedStyle(panel);
    // What is drawn at the top middle of the viewport: the panel, if it is
    // really on top of the page.
    const top = document.elementFromPoint(window.innerWidth / 2, 5);
    return {
      kind: panel.getAttribute('data-kind'),
      role: panel.getAttribute('role'),
      top: rect.top,
      height: rect.height,
      position: style.position,
      onTop: !!top && panel.contains(top),
      focused: panel.contains(document.activeElement),
      text: panel.innerText,
    };
  });
}

// axe-core (WCAG 2.x A/AA) on the panel alone: what a screen reader and a
// keyboard meet first after a broken save.
async function panelAxe(page) {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Through the DevTools protocol: the page's CSP forbids inline scripts.
  await page.evaluate(source);
  const result = await page.evaluate(() => window.axe.run({ include: [['#loaxa-overlay']] }, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.map(v => ({ id: v.id, help: v.help,
    targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }));
}

async function check(browser) {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const blocked = [];
  const errors = [];
  page.on('console', m => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) blocked.push(m.text());
  });
  page.on('pageerror', e => errors.push(String(e)));
  const report = { csp_violations: blocked, page_errors: errors };
  await page.goto(plan.url, { waitUntil: 'load' });
  // The stream is open once the first state arrived; give it a moment.
  await page.waitForTimeout(500);
  report.panel_at_start = await panelState(page);

  // A good save: the tab reloads by itself and shows it.
  report.reload_ms = await saveAndReload(page, plan.good, plan.expect);
  report.shows_new_figure = await page.evaluate(e => document.body.innerText.includes(e), plan.expect);

  // A broken save: the panel, at the top, without a reload.
  await page.evaluate(() => { window.loaxaNotReloaded = true; });
  fs.writeFileSync(plan.file, plan.broken);
  await page.waitForSelector('#loaxa-overlay[data-kind="error"]', { state: 'visible', timeout: PATIENCE });
  report.broken = await panelState(page);
  report.broken.reloaded = await page.evaluate(() => window.loaxaNotReloaded !== true);
  report.broken.page_kept = await page.evaluate(e => document.body.innerText.includes(e), plan.expect);
  report.broken.axe_violations = await panelAxe(page);

  // Its button closes it.
  await page.click('#loaxa-overlay [data-loaxa-close]');
  report.after_close = await panelState(page);

  // Another broken save: a new panel.
  fs.writeFileSync(plan.file, plan.broken2);
  await page.waitForSelector('#loaxa-overlay[data-kind="error"]', { state: 'visible', timeout: PATIENCE });
  report.broken2 = await panelState(page);

  // Fixed: the panel goes by itself.
  fs.writeFileSync(plan.file, plan.fixed);
  await page.waitForSelector('#loaxa-overlay[data-kind="error"]', { state: 'detached', timeout: PATIENCE });
  report.after_fix = await panelState(page);
  report.after_fix_shows = await page.evaluate(e => document.body.innerText.includes(e), plan.expect);
  await page.close();
  return report;
}

async function bench(browser) {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(plan.url, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  const times = [];
  for (const round of plan.rounds) {
    times.push(await saveAndReload(page, round.text, round.expect));
    // Let the watcher settle before the next save.
    await page.waitForTimeout(plan.pause_ms || 500);
  }
  // The same page reloaded without a save: what the reload and the paint
  // cost alone.
  const reloads = [];
  for (let i = 0; i < 5; i++) {
    const started = Date.now();
    await page.reload({ waitUntil: 'load' });
    await painted(page);
    reloads.push(Date.now() - started);
  }
  await page.close();
  return { times_ms: times, reload_only_ms: reloads };
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let report;
  try {
    if (mode === 'check') report = await check(browser);
    else if (mode === 'bench') report = await bench(browser);
    else throw new Error('usage: live-reload.cjs check|bench PLAN.json');
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report));
})().catch(e => { console.error(e); process.exit(2); });
