// Search in the browser (loaxa). The index holds each document's text
// folded the way vi::fold_words folds it; the query is folded the same way:
// NFD, combining marks dropped, đ → d, lowercase, words of a–z and 0–9.
// "duong day nong" and "Đường dây nóng" are the same query.
(function () {
  'use strict';
  var form = document.getElementById('tim-kiem');
  if (!form || !window.fetch || !''.normalize) { return; }
  var input = form.querySelector('input[name=q]');
  var status = document.getElementById('ket-qua-trang-thai');
  var results = document.getElementById('ket-qua');
  var all = document.getElementById('tat-ca');
  var root = form.getAttribute('data-root') || '';
  var docs = null;
  var loading = null;

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd').toLowerCase()
      .split(/[^a-z0-9]+/).filter(Boolean);
  }

  // The index, fetched on the first search only. Opened from disk, fetch is
  // refused: search the titles listed on the page instead.
  function index() {
    if (!loading) {
      loading = fetch(form.getAttribute('data-index'))
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (list) {
          docs = list.map(function (d) {
            return { title: d.title, url: root + d.url, kind: d.kind, date: d.date,
              text: ' ' + d.text + ' ', head: ' ' + fold(d.title).join(' ') + ' ' };
          });
        })
        .catch(function () {
          docs = Array.prototype.map.call(all.querySelectorAll('li'), function (li) {
            var a = li.querySelector('a');
            var meta = li.querySelector('.notices__meta');
            var words = ' ' + fold(li.textContent).join(' ') + ' ';
            return { title: a.textContent, url: a.getAttribute('href'),
              kind: meta ? meta.textContent : '', date: null, text: words, head: words, titlesOnly: true };
          });
        });
    }
    return loading;
  }

  // Every word of the query must start a word of the document; a match in
  // the title, or of the whole phrase, ranks first.
  function score(doc, words, phrase) {
    var s = 0;
    for (var i = 0; i < words.length; i++) {
      if (doc.text.indexOf(' ' + words[i]) < 0) { return 0; }
      s += doc.head.indexOf(' ' + words[i]) >= 0 ? 3 : 1;
    }
    if (doc.text.indexOf(' ' + phrase + ' ') >= 0) { s += 5; }
    if (doc.head.indexOf(' ' + phrase + ' ') >= 0) { s += 10; }
    return s;
  }

  // Split and joined, not String.replace: that would expand `$&` and the
  // like in what the reader typed.
  function say(template, n, q) {
    return template.split('{n}').join(String(n)).split('{q}').join(q);
  }

  function show(q) {
    var words = fold(q);
    results.textContent = '';
    if (!words.length) {
      results.hidden = true;
      all.hidden = false;
      status.textContent = '';
      return;
    }
    var phrase = words.join(' ');
    var hits = docs.map(function (d, i) { return { d: d, s: score(d, words, phrase), i: i }; })
      .filter(function (h) { return h.s > 0; })
      .sort(function (a, b) { return b.s - a.s || a.i - b.i; });
    hits.forEach(function (h) {
      var li = document.createElement('li');
      li.className = 'notices__item';
      var a = document.createElement('a');
      a.href = h.d.url;
      a.textContent = h.d.title;
      var meta = document.createElement('span');
      meta.className = 'notices__meta';
      meta.textContent = h.d.titlesOnly ? '' : h.d.kind + (h.d.date ? ', ' + h.d.date : '');
      li.appendChild(a);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(meta);
      results.appendChild(li);
    });
    results.hidden = hits.length === 0;
    all.hidden = hits.length > 0;
    var message = say(form.getAttribute(hits.length ? 'data-found' : 'data-none'), hits.length, q.trim());
    if (docs.length && docs[0].titlesOnly) { message += ' ' + form.getAttribute('data-titles-only'); }
    status.textContent = message;
  }

  function run() {
    var q = input.value;
    index().then(function () { show(q); });
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
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
