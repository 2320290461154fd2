// Statecraft Feed dashboard: plain JS, no dependencies, talks only to this service's API.
(function () {
  'use strict';
  var KINDS = ['visit', 'meeting', 'summit', 'sanctions_imposed', 'sanctions_lifted', 'statement',
    'defence_cooperation', 'aid', 'agreement', 'other'];
  var COLOURS = ['#1f5fbf', '#e07b00', '#2e9d4f', '#c0392b', '#8e44ad', '#7f8c8d', '#16a085', '#d4ac0d',
    '#b03a86', '#34495e'];
  var FACETS = ['country', 'kind', 'organisation', 'person'];
  var form = document.getElementById('filters');
  var list = document.getElementById('list');
  var more = document.getElementById('more');
  var errorBox = document.getElementById('error');
  var live = document.getElementById('live');
  var nextLink = null;
  var stream = null;
  var refreshTimer = null;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'cls') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }

  function svg(tag, attrs) {
    var e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  /** The current filters as query parameters (empty values left out). */
  function params() {
    var p = new URLSearchParams();
    ['country', 'kind', 'organisation', 'person', 'q', 'from', 'to'].forEach(function (name) {
      var v = form.elements[name].value.trim();
      if (v) { p.set(name, v); }
    });
    return p;
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.detail || body.title || ('HTTP ' + r.status)); }
        return body;
      });
    });
  }

  function showError(e) {
    errorBox.hidden = !e;
    errorBox.textContent = e ? e.message : '';
  }

  function renderFacets(data) {
    document.getElementById('total').textContent = '(' + data.total + ' matching)';
    FACETS.forEach(function (name) {
      var select = document.getElementById('f-' + name);
      var current = select.value;
      var counts = data.facets[name] || [];
      while (select.options.length > 1) { select.remove(1); }
      var seen = false;
      counts.forEach(function (c) {
        select.appendChild(el('option', { value: c.value, text: c.value + ' (' + c.count + ')' }));
        seen = seen || c.value === current;
      });
      if (current && !seen) { select.appendChild(el('option', { value: current, text: current + ' (0)' })); }
      select.value = current;
    });
  }

  /** Weeks with no announcements still take their place on the time axis. */
  function withEmptyWeeks(weeks) {
    if (weeks.length < 2) { return weeks; }
    var byWeek = {};
    weeks.forEach(function (w) { byWeek[w.week] = w; });
    var all = [];
    var day = new Date(weeks[0].week + 'T00:00:00Z');
    var last = new Date(weeks[weeks.length - 1].week + 'T00:00:00Z');
    while (day <= last && all.length < 1040) {
      var key = day.toISOString().slice(0, 10);
      all.push(byWeek[key] || { week: key, total: 0, kinds: {} });
      day = new Date(day.getTime() + 7 * 86400000);
    }
    return all;
  }

  function renderChart(data) {
    var box = document.getElementById('chart');
    var legend = document.getElementById('legend');
    box.textContent = '';
    legend.textContent = '';
    var weeks = withEmptyWeeks(data.weeks);
    var W = 900, H = 220, left = 36, bottom = 24, top = 8;
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, preserveAspectRatio: 'none' });
    var max = weeks.reduce(function (m, w) { return Math.max(m, w.total); }, 0);
    if (!weeks.length) {
      var t = svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', fill: '#5b6475' });
      t.textContent = 'No announcements match these filters';
      root.appendChild(t);
      box.appendChild(root);
      return;
    }
    var slot = Math.min(60, (W - left) / weeks.length);
    var scale = (H - bottom - top) / max;
    [0, max].forEach(function (v) {
      var y = H - bottom - v * scale;
      root.appendChild(svg('line', { x1: left, x2: W, y1: y, y2: y, stroke: '#d9dde5' }));
      var label = svg('text', { x: left - 4, y: y + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5b6475' });
      label.textContent = v;
      root.appendChild(label);
    });
    var used = {};
    weeks.forEach(function (w, i) {
      var y = H - bottom;
      KINDS.forEach(function (kind, k) {
        var n = w.kinds[kind] || 0;
        if (!n) { return; }
        used[kind] = true;
        var h = n * scale;
        y -= h;
        var rect = svg('rect', { x: left + i * slot + slot * 0.1, y: y, width: Math.max(1, slot * 0.8), height: h,
          fill: COLOURS[k], 'class': 'bar', 'data-week': w.week, 'data-kind': kind });
        var title = svg('title');
        title.textContent = 'week of ' + w.week + ': ' + n + ' ' + kind;
        rect.appendChild(title);
        root.appendChild(rect);
      });
    });
    var step = Math.max(1, Math.ceil(weeks.length / 8));
    weeks.forEach(function (w, i) {
      if (i % step) { return; }
      var label = svg('text', { x: left + i * slot + slot / 2, y: H - 6, 'text-anchor': 'middle', 'font-size': 11, fill: '#5b6475' });
      label.textContent = w.week;
      root.appendChild(label);
    });
    box.appendChild(root);
    KINDS.forEach(function (kind, k) {
      if (used[kind]) { legend.appendChild(el('li', {}, [el('i', { style: 'background:' + COLOURS[k] }), kind])); }
    });
  }

  function itemNode(item) {
    var title = el('button', { type: 'button', cls: 'item-title', text: item.title });
    var li = el('li', { 'data-id': item.id }, [
      title,
      el('div', { cls: 'meta' }, [
        el('span', { cls: 'tag', text: item.kind }),
        (item.countries || []).map(function (c) { return c; }).join(' '),
        ' · ', (item.published_at || '').slice(0, 10),
        item.publisher ? ' · ' + item.publisher : '',
        ' · revision ' + item.revision
      ]),
      item.summary ? el('div', { text: item.summary }) : null
    ]);
    title.addEventListener('click', function () { toggleDetail(li, item.id); });
    return li;
  }

  function renderList(page, append) {
    if (!append) { list.textContent = ''; }
    page.items.forEach(function (item) { list.appendChild(itemNode(item)); });
    if (!append && !page.items.length) { list.appendChild(el('li', { cls: 'meta', text: 'Nothing matches these filters.' })); }
    nextLink = page.next;
    more.hidden = !nextLink;
  }

  /** body_text with every evidence span marked; overlapping spans are merged, the first kind wins. */
  function highlighted(text, spans) {
    spans = spans.filter(function (s) { return s.start >= 0 && s.end <= text.length && s.start < s.end; })
      .sort(function (a, b) { return a.start - b.start; });
    var node = el('div', { cls: 'body-text' });
    var at = 0;
    spans.forEach(function (s) {
      if (s.start < at) { return; }
      node.appendChild(document.createTextNode(text.slice(at, s.start)));
      node.appendChild(el('mark', { cls: s.kind, title: s.label, text: text.slice(s.start, s.end) }));
      at = s.end;
    });
    node.appendChild(document.createTextNode(text.slice(at)));
    return node;
  }

  function detailNode(a) {
    var spans = [];
    function collect(kind, mentions, label) {
      (mentions || []).forEach(function (m) {
        (m.spans || []).forEach(function (s) { spans.push({ start: s[0], end: s[1], kind: kind, label: label(m) }); });
      });
    }
    collect('country', a.countries, function (m) { return m.code; });
    collect('organisation', a.organisations, function (m) { return m.name || m.id; });
    collect('person', a.persons, function (m) { return m.name + (m.role ? ', ' + m.role : ''); });
    var facts = el('dl', { cls: 'facts' });
    function fact(name, values) {
      if (values && values.length) { facts.appendChild(el('dt', { text: name })); facts.appendChild(el('dd', { text: values.join('; ') })); }
    }
    fact('Countries', (a.countries || []).map(function (c) { return c.code; }));
    fact('Organisations', (a.organisations || []).map(function (o) { return o.name || o.id; }));
    fact('Persons', (a.persons || []).map(function (p) { return p.name + (p.role ? ' (' + p.role + ')' : ''); }));
    fact('Locations', (a.locations || []).map(function (l) { return l.name + (l.country ? ' (' + l.country + ')' : ''); }));
    fact('Dates', (a.dates || []).map(function (d) { return d.date + (d.about ? ' — ' + d.about : ''); }));
    fact('Amounts', (a.amounts || []).map(function (m) { return m.text || (m.value + ' ' + m.currency); }));
    fact('Quantities', (a.quantities || []).map(function (q) { return q.text || (q.value + ' ' + q.unit); }));
    fact('Quotes', (a.quotes || []).map(function (q) { return (q.speaker ? q.speaker + ': ' : '') + '“' + q.text + '”'; }));
    fact('Sanctions', (a.sanctions || []).map(function (s) {
      return s.action + (s.regime ? ' (' + s.regime + ')' : '') + ': ' + (s.targets || []).map(function (t) { return t.name; }).join(', ');
    }));
    fact('Engagements', (a.engagements || []).map(function (e) { return e.kind + ': ' + e.title + (e.date ? ' ' + e.date : ''); }));
    var source = a.source && a.source.url ? el('p', { cls: 'meta' }, ['Source: ', el('a', { href: a.source.url, rel: 'noopener', text: a.source.url })]) : null;
    return el('div', { cls: 'detail' }, [facts, highlighted(a.body_text || '', spans), source]);
  }

  function toggleDetail(li, id) {
    var open = li.querySelector('.detail');
    if (open) { open.remove(); return; }
    getJson('/api/announcements/' + encodeURIComponent(id)).then(function (a) {
      if (!li.querySelector('.detail')) { li.appendChild(detailNode(a)); }
    }).catch(showError);
  }

  function refreshSummary() {
    var q = params().toString();
    return Promise.all([
      getJson('/api/facets?' + q).then(renderFacets),
      getJson('/api/histogram?' + q).then(renderChart)
    ]);
  }

  function load() {
    var q = params().toString();
    history.replaceState(null, '', q ? '?' + q : location.pathname);
    showError(null);
    return Promise.all([refreshSummary(), getJson('/api/timeline?limit=50' + (q ? '&' + q : '')).then(function (p) { renderList(p, false); })])
      .then(connect).catch(showError);
  }

  /** Live updates for the current filters: new items go on top, revised ones are replaced. */
  function connect() {
    if (stream) { stream.close(); }
    if (!window.EventSource) { return; }
    stream = new EventSource('/api/stream?' + params().toString());
    stream.onopen = function () { live.textContent = 'live'; live.classList.add('on'); };
    stream.onerror = function () { live.textContent = 'reconnecting'; live.classList.remove('on'); };
    stream.addEventListener('announcement', function (e) {
      var item = JSON.parse(e.data);
      var old = list.querySelector('li[data-id="' + CSS.escape(item.id) + '"]');
      var node = itemNode(item);
      node.classList.add('fresh');
      if (old) { list.replaceChild(node, old); } else {
        var empty = list.querySelector('li.meta');
        if (empty) { empty.remove(); }
        list.insertBefore(node, list.firstChild);
      }
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(function () { refreshSummary().catch(showError); }, 500);
    });
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); load(); });
  FACETS.forEach(function (name) { document.getElementById('f-' + name).addEventListener('change', load); });
  document.getElementById('reset').addEventListener('click', function () { form.reset(); FACETS.forEach(function (n) { document.getElementById('f-' + n).value = ''; }); load(); });
  more.addEventListener('click', function () {
    if (nextLink) { getJson(nextLink).then(function (p) { renderList(p, true); }).catch(showError); }
  });

  // Filters from the address, so a filtered view can be bookmarked.
  var initial = new URLSearchParams(location.search);
  initial.forEach(function (value, name) {
    var field = form.elements[name];
    if (!field) { return; }
    if (field.tagName === 'SELECT' && !Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
      field.appendChild(el('option', { value: value, text: value }));
    }
    field.value = value;
  });
  load();
})();
