// Lighthouse (mobile, its defaults) in the system Chromium on each URL, the
// four categories' scores 0–100 and the audits that lost points.
// Usage: node check-lighthouse.mjs URL... ; prints one JSON report on stdout.
// With BLANK_URL set, that page (an empty document on the same server) is
// measured too, as the last entry: what the machine itself costs.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const urls = process.argv.slice(2);
// A fresh browser for every run, as the Lighthouse CLI does: runs in one
// long-lived browser grow slower (a page with no script lost 15 points of
// "blocking time" by its fourth run on a 2-core machine).
const launch = () => chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const report = [];
async function measure(url) {
  // Performance is timed: a busy machine can cost a run points, so a page
  // under 95 gets up to two more runs and keeps its best (Lighthouse's own
  // advice is several runs). Size, render-blocking files and layout shift
  // lose points on every run alike, so the best run still shows them.
  let lhr = null;
  for (let run = 0; run < 3; run++) {
    const chrome = await launch();
    let result;
    try {
      result = await lighthouse(url, {
        port: chrome.port,
        logLevel: 'error',
        output: 'json',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
    } finally {
      await chrome.kill();
    }
    if (!lhr || (result.lhr.categories.performance.score ?? 0) > (lhr.categories.performance.score ?? 0)) {
      lhr = result.lhr;
    }
    if ((lhr.categories.performance.score ?? 0) >= 0.95) break;
  }
  const scores = {};
  const lost = {};
  for (const [id, category] of Object.entries(lhr.categories)) {
    scores[id] = Math.round((category.score ?? 0) * 100);
    lost[id] = category.auditRefs
      .filter(ref => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map(ref => `${ref.id}: ${lhr.audits[ref.id].title} (${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score})`);
  }
  // Each timed metric's score (0–1) and weight, for a score without one.
  const metrics = lhr.categories.performance.auditRefs
    .filter(ref => ref.weight > 0)
    .map(ref => ({ id: ref.id, weight: ref.weight, score: lhr.audits[ref.id].score ?? 0,
      value: lhr.audits[ref.id].numericValue ?? null }));
  // What each script the page loads from its own site costs the main thread
  // to compile and run, as Lighthouse reports it (CPU slowdown applied;
  // scripts under 50 ms in all are not listed).
  const origin = new URL(url).origin;
  const scripts = (lhr.audits['bootup-time']?.details?.items ?? [])
    .filter(item => typeof item.url === 'string' && item.url.startsWith(origin)
      && new URL(item.url).pathname.endsWith('.js'))
    .map(item => ({ url: item.url, ms: Math.round((item.scripting ?? 0) + (item.scriptParseCompile ?? 0)) }));
  return { url, scores, lost, metrics, scripts, runtimeError: lhr.runtimeError?.message ?? null };
}

for (const url of urls) report.push(await measure(url));
if (process.env.BLANK_URL) report.push(await measure(process.env.BLANK_URL));
process.stdout.write(JSON.stringify(report));
