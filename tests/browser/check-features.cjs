// Features that need a real browser, in the system Chromium.
//
//   node check-features.cjs search URL QUERY EXPECTED [QUERY EXPECTED]...
//     Types each QUERY into the search page at URL (the first by typing,
//     the others through `?q=`) and reports the result links, the status
//     line and what the Content-Security-Policy blocked.
//   node check-features.cjs pdf URL...
//     Prints each URL to PDF as the browser's Print command would (CSS page
//     size) and reports its number of pages, and the height in mm the
//     poster's content takes on paper without the stretch that fills the
//     page (its slack is the page's 277 mm less that).
//
// Prints one JSON report on stdout.
const { chromium } = require('playwright-core');

const [mode, ...args] = process.argv.slice(2);

async function search(browser, url, pairs) {
  const report = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const [query, expected] = [pairs[i], pairs[i + 1]];
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    const blocked = [];
    page.on('console', m => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
    if (i === 0) {
      await page.goto(url, { waitUntil: 'load' });
      await page.click('#q');
      await page.keyboard.type(query);
      await page.keyboard.press('Enter');
    } else {
      await page.goto(url + '?q=' + encodeURIComponent(query), { waitUntil: 'load' });
    }
    await page.waitForFunction(() => document.getElementById('ket-qua-trang-thai').textContent !== '',
      null, { timeout: 10000 });
    const result = await page.evaluate(() => ({
      status: document.getElementById('ket-qua-trang-thai').textContent,
      hrefs: Array.from(document.querySelectorAll('#ket-qua a')).map(a => a.href),
      listHidden: document.getElementById('tat-ca').hidden,
      inputValue: document.getElementById('q').value,
    }));
    report.push({ query, expected, csp_violations: blocked, ...result });
    await page.close();
  }
  return report;
}

async function pdf(browser, urls) {
  const report = [];
  for (const url of urls) {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    // A4 less the poster's 10 mm margins, at 96 px to the inch.
    await page.setViewportSize({ width: Math.round(190 / 25.4 * 96), height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const natural_mm = await page.evaluate(() => {
      const poster = document.querySelector('.poster');
      if (!poster) return null;
      poster.style.setProperty('min-height', '0', 'important');
      poster.style.setProperty('height', 'auto', 'important');
      return poster.getBoundingClientRect().height * 25.4 / 96;
    });
    report.push({ url, pages, natural_mm });
    await page.close();
  }
  return report;
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  let report;
  if (mode === 'search') {
    report = await search(browser, args[0], args.slice(1));
  } else if (mode === 'pdf') {
    report = await pdf(browser, args);
  } else {
    throw new Error('usage: check-features.cjs search|pdf …');
  }
  await browser.close();
  process.stdout.write(JSON.stringify(report));
})().catch(e => { console.error(e); process.exit(2); });
