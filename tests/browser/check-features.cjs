// Features that need a real browser, in the system Chromium.
//
//   node check-features.cjs search URL QUERY EXPECTED [QUERY EXPECTED]...
//     Types each QUERY into the search page at URL (the first by typing,
//     the others through `?q=`) and reports the result links, the status
//     line, the bytes of index files fetched and what the
//     Content-Security-Policy blocked.
//   node check-features.cjs search-url URL QUERY EXPECTED [QUERY EXPECTED]...
//     The same, every QUERY through `?q=` on a freshly opened page.
//   node check-features.cjs noscript URL
//     Opens URL with script off and reports the visible text of <main> and
//     its links.
//   node check-features.cjs pdf URL...
//     Prints each URL to PDF as the browser's Print command would (CSS page
//     size) and reports its number of pages, and the height in mm the
//     poster's content takes on paper without the stretch that fills the
//     page (its slack is the page's 277 mm less that).
//   node check-features.cjs pdf-machine-fonts URL...
//     The same with the site's own fonts never arriving (font-display:
//     optional drops a font that comes late): the machine's fonts print it.
//   node check-features.cjs images URL...
//     Scrolls each picture of each page into view (they load lazily) and
//     reports whether it loaded, its size, and what the Content-Security-
//     Policy blocked.
//   node check-features.cjs layout URL...
//     Opens each URL at 360×640 (a cheap phone's first screen) and reports
//     where the first figure, status and store button are (CSS px from the
//     top of the page), the <h1>s, and how far the page scrolls sideways.
//   node check-features.cjs charts URL...
//     At 360 px, reports each chart's smallest rendered text (CSS px), and
//     every text that sits on another text or on a straight line.
//
// Prints one JSON report on stdout.
const { chromium } = require('playwright-core');

const [mode, ...args] = process.argv.slice(2);

async function search(browser, url, pairs, typed = true) {
  const report = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const [query, expected] = [pairs[i], pairs[i + 1]];
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    const blocked = [];
    page.on('console', m => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
    const fetched = [];
    let pending = 0;
    page.on('request', r => { if (r.url().endsWith('.json')) pending++; });
    page.on('requestfinished', r => {
      if (!r.url().endsWith('.json')) return;
      fetched.push(r.response().then(res => res.body()).then(b => b.length).catch(() => 0));
      pending--;
    });
    page.on('requestfailed', r => { if (r.url().endsWith('.json')) pending--; });
    if (i === 0 && typed) {
      await page.goto(url, { waitUntil: 'load' });
      await page.click('#q');
      await page.keyboard.type(query);
      await page.keyboard.press('Enter');
    } else {
      await page.goto(url + '?q=' + encodeURIComponent(query), { waitUntil: 'load' });
    }
    await page.waitForFunction(() => document.getElementById('ket-qua-trang-thai').textContent !== '',
      null, { timeout: 30000 });
    const result = await page.evaluate(() => ({
      status: document.getElementById('ket-qua-trang-thai').textContent,
      hrefs: Array.from(document.querySelectorAll('#ket-qua a')).map(a => a.href),
      listHidden: document.getElementById('tat-ca').hidden,
      inputValue: document.getElementById('q').value,
    }));
    // Every index file asked for has arrived.
    while (pending > 0) { await page.waitForTimeout(50); }
    const bytes = (await Promise.all(fetched)).reduce((a, b) => a + b, 0);
    report.push({ query, expected, csp_violations: blocked, bytes, ...result });
    await page.close();
  }
  return report;
}

async function noscript(browser, url) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const result = await page.evaluate(() => ({
    text: document.querySelector('main').innerText,
    links: Array.from(document.querySelectorAll('main a')).map(a => a.href),
  }));
  await context.close();
  return [result];
}

async function pdf(browser, urls, machineFonts = false) {
  const report = [];
  for (const url of urls) {
    const page = await browser.newPage();
    if (machineFonts) await page.route('**/*.woff2', route => route.abort());
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    // A4 less the poster's 10 mm margins, at 96 px to the inch.
    await page.setViewportSize({ width: Math.round(190 / 25.4 * 96), height: 1000 });
    await page.emulateMedia({ media: 'print' });
    // Wider than the sheet, the browser would shrink the whole poster.
    const wide_px = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const natural_mm = await page.evaluate(() => {
      const poster = document.querySelector('.poster');
      if (!poster) return null;
      poster.style.setProperty('min-height', '0', 'important');
      poster.style.setProperty('height', 'auto', 'important');
      return poster.getBoundingClientRect().height * 25.4 / 96;
    });
    // Sizes on paper: the QR codes' side in mm, the font sizes in pt.
    const sizes = await page.evaluate(() => {
      const all = (sel, f) => Array.from(document.querySelectorAll(sel)).map(f);
      const pt = el => parseFloat(getComputedStyle(el).fontSize) * 0.75;
      return {
        qr_mm: all('.poster .qr__image', el => el.getBoundingClientRect().width * 25.4 / 96),
        label_pt: all('.poster__label', pt),
        number_pt: all('.poster__number:not(.poster__number--none)', pt),
        no_figure_pt: all('.poster__number--none', pt),
      };
    });
    report.push({ url, pages, natural_mm, wide_px, ...sizes });
    await page.close();
  }
  return report;
}

async function layout(browser, urls) {
  const report = [];
  for (const url of urls) {
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    report.push(await page.evaluate(() => {
      const box = (selector) => {
        const el = document.querySelector(selector);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, text: el.textContent.trim() };
      };
      return {
        url: location.href,
        figure: box('main .glance__figure, main .headline__figure'),
        status: box('main .status'),
        store: box('main .store'),
        h1: Array.from(document.querySelectorAll('h1')).map(h => h.textContent.trim().replace(/\s+/g, ' ')),
        headings: Array.from(document.querySelectorAll('main h2, main h3'))
          .map(h => h.textContent.trim().replace(/\s+/g, ' ')),
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    }));
    await page.close();
  }
  return report;
}

async function charts(browser, urls) {
  const report = [];
  for (const url of urls) {
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    report.push(...await page.evaluate(() => Array.from(document.querySelectorAll('.figure-chart svg')).map(svg => {
      const texts = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim());
      const sizes = texts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
      // Boxes shrunk by a pixel: glyph boxes include the line's leading.
      const box = el => { const r = el.getBoundingClientRect();
        return { l: r.left + 1, r: r.right - 1, t: r.top + 1, b: r.bottom - 1, w: r.width, h: r.height }; };
      const meet = (a, b) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
      const boxes = texts.map(box);
      const clashes = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          if (meet(boxes[i], boxes[j])) clashes.push(texts[i].textContent + ' / ' + texts[j].textContent);
        }
      }
      // Straight lines (gridlines, target, deadline, baselines): thin boxes.
      const lines = Array.from(svg.querySelectorAll('line, polyline, path'))
        .map(l => ({ el: l, r: l.getBoundingClientRect() }))
        .filter(({ r }) => (r.width < 4 || r.height < 4) && r.width + r.height > 12)
        .map(({ r }) => ({ l: r.left, r: r.right, t: r.top, b: r.bottom }));
      texts.forEach((t, i) => lines.forEach(l => {
        if (meet(boxes[i], { l: l.l - 0.5, r: l.r + 0.5, t: l.t - 0.5, b: l.b + 0.5 })) clashes.push(t.textContent + ' / a line');
      }));
      return { url: location.href, id: svg.id, smallest: Math.min(...sizes), texts: texts.length, clashes };
    })));
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
  } else if (mode === 'search-url') {
    report = await search(browser, args[0], args.slice(1), false);
  } else if (mode === 'noscript') {
    report = await noscript(browser, args[0]);
  } else if (mode === 'pdf') {
    report = await pdf(browser, args);
  } else if (mode === 'pdf-machine-fonts') {
    report = await pdf(browser, args, true);
  } else if (mode === 'images') {
    report = await images(browser, args);
  } else if (mode === 'charts') {
    report = await charts(browser, args);
  } else if (mode === 'layout') {
    report = await layout(browser, args);
  } else {
    throw new Error('usage: check-features.cjs search|noscript|pdf|pdf-machine-fonts|images|layout|charts …');
  }
  await browser.close();
  process.stdout.write(JSON.stringify(report));
})().catch(e => { console.error(e); process.exit(2); });
