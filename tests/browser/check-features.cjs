// Features that need a real browser, in the system Chromium.
//
//   node check-features.cjs search URL QUERY EXPECTED [QUERY EXPECTED]...
//     Types each QUERY into the search page at URL (the first by typing,
//     the others through `?q=`) and reports the result links, the status
//     line and what the Content-Security-Policy blocked.
//   node check-features.cjs pdf URL...
//     Prints each URL to PDF as the browser's Print command would (CSS page
//     size) and reports its number of pages.
//   node check-features.cjs images URL...
//     Scrolls each picture of each page into view (they load lazily) and
//     reports whether it loaded, its size, and what the Content-Security-
//     Policy blocked.
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
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    report.push({ url, pages });
    await page.close();
  }
  return report;
}

async function images(browser, urls) {
  const report = [];
  for (const url of urls) {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    const blocked = [];
    page.on('console', m => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
    await page.goto(url, { waitUntil: 'load' });
    const count = await page.locator('main img').count();
    for (let i = 0; i < count; i++) {
      await page.locator('main img').nth(i).scrollIntoViewIfNeeded();
    }
    await page.waitForFunction(() => Array.from(document.querySelectorAll('main img')).every(i => i.complete),
      null, { timeout: 10000 });
    const pictures = await page.evaluate(() => Array.from(document.querySelectorAll('main img')).map(i => ({
      src: i.getAttribute('src'), alt: i.alt, loading: i.loading,
      naturalWidth: i.naturalWidth, naturalHeight: i.naturalHeight,
      width: i.width, height: i.height,
    })));
    report.push({ url, pictures, csp_violations: blocked });
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
  } else if (mode === 'images') {
    report = await images(browser, args);
  } else {
    throw new Error('usage: check-features.cjs search|pdf|images …');
  }
  await browser.close();
  process.stdout.write(JSON.stringify(report));
})().catch(e => { console.error(e); process.exit(2); });
