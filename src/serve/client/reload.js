// loaxa serve: live reload and the problems panel. Served by the preview
// only (never part of a built site), as a file so the pages' own
// Content-Security-Policy (script-src 'self') lets it run.
//
// The server tells every open tab its state: the build it serves and the
// report (errors, warnings, drafts not shown) of the newest save. A tab made
// from another build reloads; one whose report changed swaps the panel in
// place, without reloading: a broken save keeps the last good page.
(function () {
  'use strict';
  var script = document.currentScript;
  var shown = {
    build: script ? script.getAttribute('data-build') : '',
    report: script ? script.getAttribute('data-report') : ''
  };
  var CLOSED = 'loaxa-overlay-closed';

  function panel() {
    return document.getElementById('loaxa-overlay');
  }

  function remembered() {
    try { return sessionStorage.getItem(CLOSED); } catch (e) { return null; }
  }

  function remember(report) {
    try { sessionStorage.setItem(CLOSED, report); } catch (e) { /* private mode */ }
  }

  // A panel of errors takes the focus, so a screen reader reads it and the
  // keyboard is in it; one of warnings or drafts only is announced politely.
  function present(focus) {
    var el = panel();
    if (!el) return;
    if (el.getAttribute('data-report') === remembered()) {
      el.remove();
      return;
    }
    if (focus && el.getAttribute('data-kind') === 'error') {
      el.focus({ preventScroll: true });
    }
  }

  function close() {
    var el = panel();
    if (!el) return;
    remember(el.getAttribute('data-report'));
    el.remove();
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (target && target.closest && target.closest('[data-loaxa-close]')) close();
  });
  document.addEventListener('keydown', function (event) {
    var el = panel();
    if (event.key === 'Escape' && el && el.contains(document.activeElement)) close();
  });

  function swap(html) {
    var old = panel();
    if (old) old.remove();
    if (html.trim() !== '') {
      document.body.insertAdjacentHTML('afterbegin', html);
      present(true);
    }
  }

  function update(state) {
    if (String(state.build) !== shown.build) {
      location.reload();
      return;
    }
    if (String(state.report) === shown.report) return;
    shown.report = String(state.report);
    fetch('/__loaxa/overlay', { cache: 'no-store' })
      .then(function (response) { return response.text(); })
      .then(swap)
      .catch(function () { location.reload(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { present(true); });
  } else {
    present(true);
  }
  var events = new EventSource('/__loaxa/events');
  events.addEventListener('state', function (event) {
    try { update(JSON.parse(event.data)); } catch (e) { /* a garbled event: wait for the next */ }
  });
})();
