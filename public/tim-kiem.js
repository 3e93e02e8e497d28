// Search in the browser (loaxa). The index (render/search.rs) holds every
// document's words folded the way vi::fold_words folds them; the query is
// folded the same way: NFD, combining marks dropped, đ → d, lowercase, words
// of a–z and 0–9. "duong day nong" and "Đường dây nóng" are the same query.
// Only the pieces a query needs are fetched: the bucket of each word, then
// the titles of the results shown.
(function () {
  'use strict';
  var form = document.getElementById('tim-kiem');
  if (!form || !window.fetch || !''.normalize) { return; }
  var input = form.querySelector('input[name=q]');
  var status = document.getElementById('ket-qua-trang-thai');
  var results = document.getElementById('ket-qua');
  var more = document.getElementById('ket-qua-them');
  var all = document.getElementById('tat-ca');
  var root = form.getAttribute('data-root') || '';
  var manifestUrl = form.getAttribute('data-index');
  var dir = manifestUrl.replace(/[^/]*$/, '');
  var PAGE = 10;
  var manifest = null;
  var buckets = {};
  var chunks = {};
  var titlesOnly = null;
  var shown = null;
  // Each search's number: typing then pressing Enter starts two, and only
  // the latest may write the results.
  var latest = 0;

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd').toLowerCase()
      .split(/[^a-z0-9]+/).filter(Boolean);
  }

  function json(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    });
  }

  // FNV-1a of a word's first three letters, as render/search.rs hashes it.
  function bucketOf(word) {
    var key = word.slice(0, 3);
    var h = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % manifest.buckets;
  }

  function bucket(b) {
    if (!buckets[b]) { buckets[b] = json(dir + 'chi-muc/' + b + '.json'); }
    return buckets[b];
  }

  function chunk(k) {
    if (!chunks[k]) { chunks[k] = json(dir + 'tai-lieu/' + k + '.json'); }
    return chunks[k];
  }

  // Document → score for one query word: every indexed word it starts
  // (the whole word for one or two letters); 3 in a title, 1 elsewhere,
  // 1 more for the very word.
  function scores(words, w) {
    var found = {};
    Object.keys(words).forEach(function (word) {
      var exact = word === w;
      if (!exact && (w.length < 3 || word.lastIndexOf(w, 0) !== 0)) { return; }
      var id = 0;
      words[word].forEach(function (p) {
        id += p >> 1;
        var s = (p & 1 ? 3 : 1) + (exact ? 1 : 0);
        if (!(found[id] >= s)) { found[id] = s; }
      });
    });
    return found;
  }

  // A document's place in the site's order (campaigns, newest notices,
  // pages); the index puts the notices last, oldest first.
  function place(id) {
    var m = manifest, first = m.docs - m.notices;
    if (id >= first) { return m.campaigns + m.docs - 1 - id; }
    return id < m.campaigns ? id : id + m.notices;
  }

  // Every word of the query must be found; the best score first, then the
  // site's order.
  function search(words) {
    var lists = words.map(function (w) { return bucket(bucketOf(w)); });
    return Promise.all(lists).then(function (loaded) {
      var total = null;
      words.forEach(function (w, i) {
        var found = scores(loaded[i], w);
        if (total === null) { total = found; return; }
        var both = {};
        Object.keys(found).forEach(function (id) {
          if (id in total) { both[id] = total[id] + found[id]; }
        });
        total = both;
      });
      return Object.keys(total).map(Number)
        .sort(function (a, b) { return total[b] - total[a] || place(a) - place(b); });
    });
  }

  // The rows of the documents `ids`: [title, address, kind, date].
  function rows(ids) {
    var wanted = {};
    ids.forEach(function (id) { wanted[Math.floor(id / manifest.chunk)] = true; });
    var keys = Object.keys(wanted);
    return Promise.all(keys.map(function (k) { return chunk(k); })).then(function (loaded) {
      var byChunk = {};
      keys.forEach(function (k, i) { byChunk[k] = loaded[i]; });
      return ids.map(function (id) {
        var r = byChunk[Math.floor(id / manifest.chunk)][id % manifest.chunk];
        return { title: r[0], url: root + r[1], kind: r[2], date: r[3] };
      });
    });
  }

  // Opened from disk, fetch is refused: search the titles listed on the
  // page instead.
  function listed() {
    return Array.prototype.map.call(all.querySelectorAll('li'), function (li) {
      var a = li.querySelector('a');
      return { title: a.textContent, url: a.getAttribute('href'), kind: '', date: '',
        words: ' ' + fold(li.textContent).join(' ') + ' ' };
    });
  }

  function titleSearch(words) {
    if (!titlesOnly) { titlesOnly = listed(); }
    return titlesOnly.filter(function (d) {
      return words.every(function (w) { return d.words.indexOf(' ' + w) >= 0; });
    });
  }

  // Split and joined, not String.replace: that would expand `$&` and the
  // like in what the reader typed.
  function say(template, n, q) {
    return template.split('{n}').join(String(n)).split('{q}').join(q);
  }

  function append(docs) {
    docs.forEach(function (d) {
      var li = document.createElement('li');
      li.className = 'notices__item';
      var a = document.createElement('a');
      a.href = d.url;
      a.textContent = d.title;
      var meta = document.createElement('span');
      meta.className = 'notices__meta';
      meta.textContent = d.kind + (d.date ? ', ' + d.date : '');
      li.appendChild(a);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(meta);
      results.appendChild(li);
    });
  }

  function showMore() {
    var current = shown;
    var next = current.ids.slice(current.count, current.count + PAGE);
    current.count += next.length;
    more.hidden = current.count >= current.ids.length;
    return rows(next).then(function (docs) {
      if (shown === current) { append(docs); }
    });
  }

  function report(q, n, note) {
    results.hidden = n === 0;
    all.hidden = n > 0;
    var message = say(form.getAttribute(n ? 'data-found' : 'data-none'), n, q.trim());
    status.textContent = note ? message + ' ' + note : message;
  }

  function run() {
    var q = input.value;
    var mine = ++latest;
    var words = fold(q).filter(function (w, i, list) { return list.indexOf(w) === i; });
    results.textContent = '';
    more.hidden = true;
    shown = null;
    if (!words.length) {
      results.hidden = true;
      all.hidden = false;
      status.textContent = '';
      return;
    }
    var ready = manifest ? Promise.resolve() : json(manifestUrl).then(function (m) { manifest = m; });
    ready.then(function () { return search(words); }).then(function (ids) {
      if (mine !== latest) { return; }
      shown = { ids: ids, count: 0 };
      // The status last: once it speaks, the results are there.
      return showMore().then(function () { if (mine === latest) { report(q, ids.length); } });
    }).catch(function () {
      if (mine !== latest) { return; }
      var docs = titleSearch(words);
      append(docs);
      report(q, docs.length, form.getAttribute('data-titles-only'));
    });
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  more.addEventListener('click', function () { if (shown) { showMore(); } });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    try {
      var url = new URL(window.location.href);
      url.searchParams.set('q', input.value);
      history.replaceState(null, '', url.toString());
    } catch (e) { /* a page opened from disk may refuse: the search still runs */ }
    run();
  });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    run();
  }
}());
