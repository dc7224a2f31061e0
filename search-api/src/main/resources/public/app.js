// The journalists' search page. No framework, no build step.
//
// The page's query string IS the API's query string: every control edits the URL (history.pushState, with the
// API's own parameter names only) and the page asks /api/search with exactly that string, so a shared link and an
// API call say the same thing and the API validates everything (an unknown parameter in a link is reported, not
// silently dropped). The interface language is kept in localStorage; an opened article is the hash #article=<id>.
'use strict';

(function () {
  const API = '/api';
  const LANG_KEY = 'akhbar.ui-lang';
  const FILTER_PARAMS = ['province', 'district', 'actor', 'language'];
  const PAGING_PARAMS = ['page', 'cursor'];
  const ACTOR_TYPES = ['person', 'armed_group', 'party', 'government_body', 'state', 'international_org', 'media'];
  const ACTORS_SHOWN = 6;
  const MAX_WINDOW = 10000;

  const $ = (id) => document.getElementById(id);
  const els = {
    form: $('search-form'), q: $('q'), sort: $('sort'), size: $('size'), exportLink: $('export-link'),
    summary: $('summary'), message: $('message'), results: $('results'), pager: $('pager'), area: $('results-area'),
    active: $('active-filters'), histogram: $('histogram'), interval: $('interval'), dateRange: $('date-range'),
    from: $('from'), to: $('to'), dateClear: $('date-clear'), provinceList: $('province-list'),
    provinceMore: $('province-more'), actorFilter: $('actor-filter'), actorList: $('actor-list'),
    languageList: $('language-list'), langToggle: $('lang-toggle'), article: $('article-view'),
    articleContent: $('article-content'), articleBack: $('article-back'), progress: $('progress'), home: $('home-link'),
    qSuggest: $('q-suggest')
  };

  // ---------------------------------------------------------------- state
  const state = {
    lang: readLang(),
    loadedQuery: null,      // the query string the shown results answer
    pendingQuery: null,     // the query string being fetched
    result: null,           // the last /api/search answer
    error: null,            // {kind: 'bad'|'unavailable'|'network'|'server', status, body}
    requestSeq: 0,
    controller: null,
    provinces: null,        // /api/facets/provinces: [{id,name_ar,name_en,count,districts:[…]}]
    actors: null,           // /api/facets/actors?limit=500: every actor, with names and types
    showAllProvinces: false,
    expanded: new Set(),    // province ids whose districts are open
    actorGroupsOpen: new Set(),
    actorFilter: '',
    actorRemote: [],        // archive-wide suggestions for the actor filter
    articleId: null,
    articleReturnFocus: null
  };

  function readLang() {
    try {
      return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'ar';
    } catch (e) {
      return 'ar';
    }
  }

  // ---------------------------------------------------------------- i18n helpers
  function t(key, ...args) {
    const dict = window.I18N[state.lang] || window.I18N.ar;
    let s = dict[key];
    if (s === undefined) s = window.I18N.ar[key];
    if (s === undefined) return key;
    return s.replace(/\{(\d)\}/g, (m, i) => (args[i] === undefined ? '' : String(args[i])));
  }

  /** Like t(), but the placeholders are nodes (e.g. <bdi> around a Latin parameter name inside Arabic text). */
  function tNodes(key, ...nodes) {
    const template = t(key, ...nodes.map((_, i) => '\u0000' + i + '\u0000'));
    return template.split('\u0000').map((part, i) => (i % 2 ? nodes[Number(part)] : part)).filter((x) => x !== '');
  }

  const locale = () => (state.lang === 'ar' ? 'ar-IQ' : 'en-GB');
  const num = (n) => new Intl.NumberFormat(locale()).format(n);

  function plural(n) {
    const rule = new Intl.PluralRules(state.lang === 'ar' ? 'ar' : 'en').select(n);
    return t('results_' + (n === 0 ? 'zero' : rule), num(n));
  }

  function nameOf(item) {
    if (!item) return '';
    if (state.lang === 'en') return item.name_en || item.name_ar || item.id;
    return item.name_ar || item.name_en || item.id;
  }

  /** 2021-02-01 → {ar: "١ شباط ٢٠٢١", iso: "2021-02-01"}; null when absent. */
  function formatDay(iso, opts) {
    if (!iso) return null;
    const day = String(iso).slice(0, 10);
    const d = new Date(day + 'T00:00:00Z');
    if (isNaN(d)) return { text: day, iso: day };
    const f = new Intl.DateTimeFormat(locale(), Object.assign(
      { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', calendar: 'gregory' }, opts || {}));
    return { text: f.format(d), iso: day };
  }

  /** A histogram key ("2021", "2021-02" or "2021-02-01") as words. */
  function formatBucket(key) {
    const parts = key.split('-');
    const d = new Date(Date.UTC(+parts[0], parts[1] ? +parts[1] - 1 : 0, parts[2] ? +parts[2] : 1));
    const opts = { timeZone: 'UTC', calendar: 'gregory', year: 'numeric' };
    if (parts.length >= 2) opts.month = 'long';
    if (parts.length >= 3) opts.day = 'numeric';
    return new Intl.DateTimeFormat(locale(), opts).format(d);
  }

  /** The first and last day a histogram key covers. */
  function bucketRange(key) {
    const p = key.split('-').map(Number);
    const pad = (n) => String(n).padStart(2, '0');
    if (p.length === 1) return [`${p[0]}-01-01`, `${p[0]}-12-31`];
    if (p.length === 2) {
      const last = new Date(Date.UTC(p[0], p[1], 0)).getUTCDate();
      return [`${p[0]}-${pad(p[1])}-01`, `${p[0]}-${pad(p[1])}-${pad(last)}`];
    }
    return [key, key];
  }

  /** Arabic-aware folding for the actor filter: no diacritics or tatweel, one alef, ya, ta marbuta as ha. */
  function fold(s) {
    return (s || '').toLowerCase()
      .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
      .replace(/[أإآٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي')
      .trim();
  }

  function matchesFilter(item, f) {
    if (!f) return true;
    const names = [item.name_ar, item.name_en, item.id].map(fold);
    return names.some((n) => n.includes(f) || (f.startsWith('ال') && n.includes(f.slice(2))));
  }

  // ---------------------------------------------------------------- DOM helpers
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') el.className = v;
        else if (k === 'text') el.textContent = v;
        else if (k === 'html') el.innerHTML = v; // only for server-escaped HTML (title_html, snippets) and i18n markup
        else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
        else if (k === 'dataset') Object.assign(el.dataset, v);
        else if (k === 'style') el.style.cssText = v; // CSSOM, not a style attribute: allowed by the page's CSP
        else if (v === true) el.setAttribute(k, '');
        else el.setAttribute(k, v);
      }
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  // ---------------------------------------------------------------- URL state
  const params = () => new URLSearchParams(location.search);
  const queryString = () => location.search.replace(/^\?/, '');

  function urlFor(p, hash) {
    const qs = p.toString();
    return location.pathname + (qs ? '?' + qs : '') + (hash || '');
  }

  /** Edits the URL's parameters (a copy of them) and searches; filters and the query go back to the first page. */
  function navigate(edit, opts) {
    const o = Object.assign({ resetPage: true, replace: false }, opts || {});
    const p = params();
    edit(p);
    if (o.resetPage) PAGING_PARAMS.forEach((k) => p.delete(k));
    for (const [k, v] of [...p.entries()]) {
      if (v === '' && k !== 'q') removeValue(p, k, v);
    }
    if (p.get('q') === '') p.delete('q');
    const url = urlFor(p, '');
    if (o.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    render();
  }

  function removeValue(p, name, value) {
    const keep = p.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v && v !== value);
    p.delete(name);
    keep.forEach((v) => p.append(name, v));
  }

  /** Values of a multi-valued parameter (repeated or comma-separated, as the API reads them). */
  function values(p, name) {
    return p.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  }

  function toggleValue(name, value, on) {
    navigate((p) => {
      const current = values(p, name);
      const has = current.includes(value);
      const want = on === undefined ? !has : on;
      p.delete(name);
      const next = want ? (has ? current : current.concat(value)) : current.filter((v) => v !== value);
      next.forEach((v) => p.append(name, v));
    });
  }

  function hasFilters(p) {
    return FILTER_PARAMS.some((k) => values(p, k).length) || p.get('from') || p.get('to');
  }

  function exportHref(p) {
    const e = new URLSearchParams(p);
    ['page', 'size', 'cursor', 'format'].forEach((k) => e.delete(k));
    e.set('format', 'csv');
    return API + '/export?' + e.toString();
  }

  // ---------------------------------------------------------------- fetching
  // With AUTH=keys the API asks for a key: kept for the tab's life only (sessionStorage), sent on every call
  const KEY_STORE = 'akhbar.api-key';
  function apiKey() {
    try { return sessionStorage.getItem(KEY_STORE); } catch (e) { return null; }
  }

  function headers(accept) {
    const hd = { Accept: accept };
    const key = apiKey();
    if (key) hd.Authorization = 'ApiKey ' + key;
    return hd;
  }

  async function getJson(url, signal) {
    const res = await fetch(url, { headers: headers('application/json'), signal });
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      body = null;
    }
    if (res.status === 401) showLogin(!!apiKey());
    return { status: res.status, ok: res.ok, body };
  }

  function showLogin(rejected) {
    const box = $('login');
    // several calls answer 401 for one wrong key: the first says so, the others must not hide it again
    if (rejected) {
      try { sessionStorage.removeItem(KEY_STORE); } catch (e) { /* nothing stored */ }
      $('login-error').hidden = false;
    }
    if (box.hidden) {
      box.hidden = false;
      $('login-key').focus();
    }
  }

  function bindLogin() {
    $('login-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const key = $('login-key').value.trim();
      if (!key) return;
      try { sessionStorage.setItem(KEY_STORE, key); } catch (e) { /* storage disabled: this page view only */ }
      $('login').hidden = true;
      $('login-error').hidden = true;
      $('login-key').value = '';
      loadCatalogs();
      loadSaved();
      search(queryString());
      renderArticleFromHash();
    });
  }

  // ---------------------------------------------------------------- saved searches
  function loadSaved() {
    getJson(API + '/saved').then((r) => {
      if (r.ok && Array.isArray(r.body)) renderSaved(r.body);
    }).catch(() => {});
  }

  function renderSaved(list) {
    const ul = $('saved-list');
    ul.replaceChildren();
    if (!list.length) {
      ul.append(h('li', { class: 'muted' }, t('savedNone')));
      return;
    }
    for (const s of list) {
      ul.append(h('li', { class: 'saved-item', dataset: { id: s.id } },
        h('a', { href: s.page_url, class: 'saved-name', dir: 'auto' }, s.name),
        h('a', { href: s.feed_url, class: 'saved-feed', type: 'application/atom+xml' }, t('savedFeed')),
        h('button', { type: 'button', class: 'saved-delete', 'aria-label': t('savedDelete') + ' ' + s.name,
          onclick: () => deleteSaved(s.id) }, '×')));
    }
  }

  async function deleteSaved(id) {
    await fetch(API + '/saved/' + encodeURIComponent(id), { method: 'DELETE', headers: headers('application/json') });
    loadSaved();
  }

  function bindSaved() {
    $('save-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const name = $('save-name').value.trim();
      if (!name) return;
      const hd = headers('application/json');
      hd['Content-Type'] = 'application/json';
      const res = await fetch(API + '/saved', { method: 'POST', headers: hd, body: JSON.stringify({ name, query: queryString() }) });
      if (res.status === 401) { showLogin(!!apiKey()); return; }
      if (res.ok) {
        $('save-name').value = '';
        loadSaved();
      }
    });
  }

  /** The export link downloads directly; with a key it goes through fetch (a link cannot send the header). */
  async function exportWithKey(ev) {
    if (!apiKey()) return;
    ev.preventDefault();
    const res = await fetch(els.exportLink.href, { headers: headers('*/*') });
    if (res.status === 401) { showLogin(true); return; }
    if (!res.ok) return;
    const url = URL.createObjectURL(await res.blob());
    const a = h('a', { href: url, download: 'articles.csv' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function loadCatalogs() {
    getJson(API + '/facets/provinces').then((r) => {
      if (r.ok && Array.isArray(r.body)) {
        state.provinces = r.body;
        renderFacets();
        renderActiveFilters();
      }
    }).catch(() => {});
    getJson(API + '/facets/actors?limit=500').then((r) => {
      if (r.ok && Array.isArray(r.body)) {
        state.actors = r.body;
        renderFacets();
        renderActiveFilters();
      }
    }).catch(() => {});
  }

  // ---------------------------------------------------------------- render cycle
  /** Brings the page in line with the URL: controls, search (when the query string changed) and article view. */
  function render() {
    syncControls();
    renderActiveFilters();
    const qs = queryString();
    // search when the URL asks something else than what is shown, or than what is being fetched (a quick Back)
    if (qs !== state.loadedQuery || state.error || (state.pendingQuery !== null && state.pendingQuery !== qs)) {
      search(qs);
    }
    renderArticleFromHash();
  }

  async function search(qs) {
    const seq = ++state.requestSeq;
    state.pendingQuery = qs;
    if (state.controller) state.controller.abort();
    const controller = new AbortController();
    state.controller = controller;
    setLoading(true);
    let outcome;
    try {
      const r = await getJson(API + '/search' + (qs ? '?' + qs : ''), controller.signal);
      if (r.ok && r.body && Array.isArray(r.body.hits)) outcome = { result: r.body };
      else if (r.status === 400 || r.status === 404) outcome = { error: { kind: 'bad', status: r.status, body: r.body } };
      else if (r.status === 401 || r.status === 403) outcome = { error: { kind: 'auth', status: r.status, body: r.body } };
      else if (r.status === 429) outcome = { error: { kind: 'unavailable', status: r.status, body: r.body } };
      else if (r.status === 503 || r.status === 502 || r.status === 504) outcome = { error: { kind: 'unavailable', status: r.status, body: r.body } };
      else outcome = { error: { kind: 'server', status: r.status, body: r.body } };
    } catch (e) {
      if (e.name === 'AbortError') return;
      outcome = { error: { kind: 'network', status: 0, body: null } };
    }
    if (seq !== state.requestSeq) return; // a newer search is under way
    state.pendingQuery = null;
    state.loadedQuery = qs;
    state.result = outcome.result || null;
    state.error = outcome.error || null;
    setLoading(false);
    renderAll();
  }

  function setLoading(on) {
    document.body.classList.toggle('is-loading', on);
    els.area.setAttribute('aria-busy', on ? 'true' : 'false');
    if (on) els.area.dataset.state = 'loading';
  }

  function renderAll() {
    renderSummary();
    renderResults();
    renderPager();
    renderFacets();
    renderActiveFilters();
    const p = params();
    els.area.dataset.query = state.loadedQuery === null ? '' : state.loadedQuery;
    els.area.dataset.state = state.error ? 'error' : (state.result && state.result.hits.length ? 'results' : 'empty');
    document.title = p.get('q') ? t('pageTitleQuery', p.get('q')) : t('pageTitle');
  }

  function syncControls() {
    const p = params();
    if (document.activeElement !== els.q || els.q.value !== (p.get('q') || '')) els.q.value = p.get('q') || '';
    const sort = p.get('sort') || (p.get('q') ? 'relevance' : 'date_desc');
    els.sort.value = [...els.sort.options].some((o) => o.value === sort) ? sort : 'relevance';
    const size = p.get('size') || '10';
    if (![...els.size.options].some((o) => o.value === size) && /^\d+$/.test(size)) {
      els.size.append(h('option', { value: size }, size));
    }
    els.size.value = size;
    els.from.value = /^\d{4}-\d{2}-\d{2}$/.test(p.get('from') || '') ? p.get('from') : '';
    els.to.value = /^\d{4}-\d{2}-\d{2}$/.test(p.get('to') || '') ? p.get('to') : '';
    const interval = p.get('interval') || 'month';
    els.interval.querySelectorAll('button').forEach((b) => {
      b.setAttribute('aria-pressed', b.dataset.interval === interval ? 'true' : 'false');
    });
    els.exportLink.href = exportHref(p);
    els.exportLink.title = t('exportTitle');
  }

  // ---------------------------------------------------------------- summary, results, pager
  function renderSummary() {
    const s = els.summary;
    s.replaceChildren();
    if (state.error || !state.result) {
      delete s.dataset.total;
      return;
    }
    const r = state.result;
    const p = params();
    s.dataset.total = String(r.total);
    if (!p.get('q') && !hasFilters(p)) s.append(h('span', { class: 'summary-kicker' }, t('latest')), ' · ');
    s.append(h('strong', { class: 'summary-total', id: 'total' }, plural(r.total)));
    // copies of one text are one story by default; the journalist can ask for every article
    if (r.stories != null) {
      s.append(' · ', h('span', { class: 'summary-stories', id: 'stories' }, t('inStories', num(r.stories))));
    }
    const collapsed = p.get('collapse') !== 'false';
    const toggle = h('a', {
      id: 'collapse-toggle', class: 'collapse-toggle', href: urlFor(withCollapse(p, !collapsed), '')
    }, collapsed ? t('showCopies') : t('groupCopies'));
    toggle.addEventListener('click', (ev) => {
      if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
      ev.preventDefault();
      navigate((q) => { if (collapsed) q.set('collapse', 'false'); else q.delete('collapse'); });
    });
    s.append(' · ', toggle);
    if (r.hits.length) {
      const size = Number(p.get('size')) || 10;
      const page = Number(p.get('page')) || 1;
      const first = p.get('cursor') ? null : (page - 1) * size + 1;
      if (first !== null) {
        s.append(' · ', h('span', { class: 'muted' }, t('showing', num(first), num(first + r.hits.length - 1))));
      }
    }
    s.append(h('span', { class: 'muted took' }, ' · ' + t('took', num(r.took_ms))));
  }

  function withCollapse(p, collapse) {
    const q = new URLSearchParams(p);
    PAGING_PARAMS.forEach((k) => q.delete(k));
    if (collapse) q.delete('collapse'); else q.set('collapse', 'false');
    return q;
  }

  /** "Also in: okaz, alriyadh +3", opening on the list of the story's other matching articles. */
  function renderCopies(copies) {
    const shown = copies.sources.slice(0, 2);
    const rest = copies.count - shown.length;
    const label = t('alsoIn') + ' ' + shown.join(t('listSep')) + (rest > 0 ? ' +' + num(rest) : '');
    const list = h('ul', { class: 'copies-list' });
    for (const c of copies.articles) {
      const a = h('a', { href: urlFor(params(), '#article=' + encodeURIComponent(c.id)), dataset: { article: c.id }, dir: 'auto' },
        c.title || t('untitled'));
      a.addEventListener('click', (ev) => {
        if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
        ev.preventDefault();
        openArticle(c.id, a);
      });
      const day = formatDay(c.published_at);
      list.append(h('li', { class: 'copy', dataset: { id: c.id } }, h('bdi', { class: 'source' }, c.source || ''),
        day ? h('time', { datetime: day.iso }, ' · ' + day.text) : '', ' · ', a));
    }
    if (copies.count > copies.articles.length) {
      list.append(h('li', { class: 'muted' }, t('moreCopies', num(copies.count - copies.articles.length))));
    }
    return h('details', { class: 'copies' }, h('summary', { class: 'copies-summary' }, label), list);
  }

  function renderResults() {
    const list = els.results;
    list.replaceChildren();
    els.message.hidden = true;
    els.message.replaceChildren();
    if (state.error) {
      renderError(state.error);
      return;
    }
    const r = state.result;
    if (!r) return;
    if (!r.hits.length) {
      renderEmpty();
      return;
    }
    const p = params();
    const selected = {
      province: new Set(values(p, 'province')), district: new Set(values(p, 'district')), actor: new Set(values(p, 'actor'))
    };
    for (const hit of r.hits) list.append(renderHit(hit, selected));
  }

  function renderHit(hit, selected) {
    const hash = '#article=' + encodeURIComponent(hit.id);
    const title = h('a', {
      class: 'hit-title-link', href: urlFor(params(), hash), dataset: { article: hit.id },
      html: hit.title_html || null
    });
    if (!hit.title_html) title.textContent = hit.title || t('untitled');
    title.addEventListener('click', (ev) => {
      if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
      ev.preventDefault();
      openArticle(hit.id, title);
    });

    const meta = h('div', { class: 'hit-meta' });
    const date = formatDay(hit.published_at);
    if (date) {
      meta.append(h('time', { datetime: date.iso, class: 'date-local' }, date.text),
        h('span', { class: 'date-iso', dir: 'ltr' }, date.iso));
    } else {
      meta.append(h('span', { class: 'date-missing' }, t('noDate')));
    }
    if (hit.source) meta.append(h('span', { class: 'sep', 'aria-hidden': 'true' }, '·'), h('bdi', { class: 'source' }, hit.source));
    if (hit.language) meta.append(h('span', { class: 'lang-badge', title: t('lang_' + hit.language) }, hit.language.toUpperCase()));
    if (hit.url && /^https?:\/\//i.test(hit.url)) {
      meta.append(h('a', { class: 'original-link', href: hit.url, target: '_blank', rel: 'noopener noreferrer' }, t('original') + ' ↗'));
    }

    const snippets = h('div', { class: 'snippets' });
    for (const s of hit.snippets || []) snippets.append(h('p', { class: 'snippet', dir: 'auto', html: '… ' + s + ' …' }));

    return h('li', { class: 'hit', dataset: { id: hit.id } },
      h('h3', { class: 'hit-title', dir: 'auto' }, title), meta, snippets, tagChips(hit, selected, 9),
      hit.copies && hit.copies.count > 0 ? renderCopies(hit.copies) : '');
  }

  /** Places first, then actors (selected ones first); beyond `limit` chips a "+n" button shows the rest. */
  function tagChips(item, selected, limit) {
    const all = [];
    for (const pr of item.provinces || []) all.push(chip('province', pr, selected.province.has(pr.id)));
    for (const d of item.districts || []) all.push(chip('district', d, selected.district.has(d.id)));
    const actors = (item.actors || []).slice().sort((a, b) => Number(selected.actor.has(b.id)) - Number(selected.actor.has(a.id)));
    for (const a of actors) all.push(chip('actor', a, selected.actor.has(a.id)));
    if (!all.length) return null;
    const chips = h('div', { class: 'chips' });
    if (!limit || all.length <= limit + 1) {
      chips.append(...all);
      return chips;
    }
    chips.append(...all.slice(0, limit));
    const rest = all.slice(limit);
    const more = h('button', {
      type: 'button', class: 'chip chip-more', 'aria-expanded': 'false',
      onclick: () => { more.replaceWith(...rest); }
    }, '+' + num(rest.length));
    chips.append(more);
    return chips;
  }

  function chip(kind, item, active) {
    const label = nameOf(item);
    const cls = 'chip chip-' + kind + (kind === 'actor' && item.type ? ' type-' + item.type : '') + (active ? ' is-active' : '');
    return h('button', {
      type: 'button', class: cls, 'aria-pressed': active ? 'true' : 'false',
      title: active ? t('removeFilter', label) : t('filterBy', label),
      dataset: { param: kind, value: item.id },
      onclick: () => {
        closeArticleSilently();
        toggleValue(kind, item.id, !active);
      }
    }, h('bdi', null, label));
  }

  function renderEmpty() {
    const p = params();
    const box = els.message;
    box.className = 'message message-empty';
    box.replaceChildren(
      h('div', { class: 'message-icon', 'aria-hidden': 'true' }, '∅'),
      h('div', { class: 'message-body' },
        h('h2', { id: 'empty-title' }, t('emptyTitle')),
        h('p', null, p.get('q') ? t('emptyQuery', p.get('q')) : t('emptyFilters')),
        h('p', { class: 'muted' }, t('emptyTips')),
        hasFilters(p) ? h('button', { type: 'button', class: 'btn btn-small', onclick: clearFilters }, t('clearAll')) : null));
    box.hidden = false;
  }

  function renderError(err) {
    const box = els.message;
    box.className = 'message message-error';
    const body = err.body && err.body.error ? err.body.error : {};
    const parts = [];
    let title;
    if (err.kind === 'bad') {
      title = t('errorBadTitle');
      const name = body.parameter;
      const code = h('bdi', null, h('code', { class: 'param-name', dir: 'ltr' }, name || ''));
      const known = name && t('param_' + name) !== 'param_' + name;
      let line;
      if (!name) line = [t('errorBadNoParam')];
      else if (body.code === 'unknown_parameter') line = tNodes('errorUnknownParam', code);
      else if (known) line = tNodes('errorBadParam', h('bdi', null, t('param_' + name)), code);
      else line = tNodes('errorBadParamRaw', code);
      parts.push(h('p', { class: 'error-param' }, line));
    } else if (err.kind === 'unavailable') {
      title = t('errorUnavailableTitle');
      parts.push(h('p', null, t('errorUnavailable')));
    } else if (err.kind === 'auth') {
      title = t('errorAuthTitle');
      parts.push(h('p', null, t('errorAuth')));
    } else if (err.kind === 'network') {
      title = t('errorNetworkTitle');
      parts.push(h('p', null, t('errorNetwork')));
    } else {
      title = t('errorServerTitle');
      parts.push(h('p', null, t('errorServer')));
    }
    if (body.message) {
      parts.push(h('p', { class: 'error-detail' }, h('span', { class: 'muted' }, t('errorDetails') + ' '),
        h('code', { dir: 'ltr', id: 'error-message' }, body.message)));
    }
    const actions = h('div', { class: 'message-actions' });
    if (err.kind === 'bad' && body.parameter && params().has(body.parameter)) {
      const name = body.parameter;
      actions.append(h('button', {
        type: 'button', class: 'btn btn-small', id: 'error-fix',
        onclick: () => navigate((p) => p.delete(name), { resetPage: name !== 'page' && name !== 'cursor' })
      }, h('span', null, tNodes('errorRemoveParam', h('bdi', null, name)))));
    } else if (err.kind === 'bad') {
      actions.append(h('a', { class: 'btn btn-small', href: '/' }, t('errorReset')));
    } else if (err.kind === 'auth') {
      actions.append(h('button', { type: 'button', class: 'btn btn-small', id: 'sign-in', onclick: () => showLogin(false) }, t('loginSubmit')));
    } else {
      actions.append(h('button', { type: 'button', class: 'btn btn-small', id: 'retry', onclick: () => search(queryString()) }, t('retry')));
    }
    parts.push(actions);
    box.replaceChildren(
      h('div', { class: 'message-icon', 'aria-hidden': 'true' }, '!'),
      h('div', { class: 'message-body', role: 'alert' }, h('h2', { id: 'error-title' }, title), parts));
    box.dataset.kind = err.kind;
    box.dataset.status = String(err.status);
    box.hidden = false;
  }

  function renderPager() {
    const nav = els.pager;
    nav.replaceChildren();
    const r = state.result;
    if (!r || state.error || !r.hits.length) return;
    const p = params();
    const size = Number(p.get('size')) || 10;
    const link = (label, edit, cls, current) => {
      const q = params();
      edit(q);
      const a = h('a', { href: urlFor(q, ''), class: 'page-link ' + (cls || ''), 'aria-current': current ? 'page' : null }, label);
      a.addEventListener('click', (ev) => {
        if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
        ev.preventDefault();
        navigate(edit, { resetPage: false });
        els.results.focus({ preventScroll: true });
        window.scrollTo({ top: 0 });
      });
      return a;
    };
    if (p.get('cursor')) {
      nav.append(link(t('firstPage'), (q) => { q.delete('cursor'); q.delete('page'); }, 'page-first'));
      if (r.next_cursor) nav.append(link(t('next'), (q) => { q.delete('page'); q.set('cursor', r.next_cursor); }, 'page-next'));
      return;
    }
    const page = Math.max(1, Number(p.get('page')) || 1);
    const lastByTotal = Math.max(1, Math.ceil((r.stories != null ? r.stories : r.total) / size));
    const lastInWindow = Math.max(1, Math.floor(MAX_WINDOW / size));
    const last = Math.min(lastByTotal, lastInWindow);
    if (lastByTotal <= 1) return;
    const goto = (n) => (q) => { q.delete('cursor'); if (n === 1) q.delete('page'); else q.set('page', String(n)); };
    if (page > 1) nav.append(link(t('prev'), goto(page - 1), 'page-prev'));
    const shown = new Set([1, last, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= last));
    let prev = 0;
    for (const n of [...shown].sort((a, b) => a - b)) {
      if (n - prev > 1) nav.append(h('span', { class: 'page-gap', 'aria-hidden': 'true' }, '…'));
      const a = link(num(n), goto(n), n === page ? 'is-current' : '', n === page);
      a.setAttribute('aria-label', t('pageN', num(n)));
      nav.append(a);
      prev = n;
    }
    if (page < last) nav.append(link(t('next'), goto(page + 1), 'page-next'));
    else if (page < lastByTotal && r.next_cursor) {
      nav.append(link(t('next'), (q) => { q.delete('page'); q.set('cursor', r.next_cursor); }, 'page-next'));
    }
  }

  // ---------------------------------------------------------------- active filters
  function labelFor(kind, id) {
    if (kind === 'province') {
      const pr = (state.provinces || []).find((x) => x.id === id) || facetItem('province', id);
      return pr ? nameOf(pr) : id;
    }
    if (kind === 'district') {
      for (const pr of state.provinces || []) {
        const d = (pr.districts || []).find((x) => x.id === id);
        if (d) return nameOf(d);
      }
      const d = facetItem('district', id);
      return d ? nameOf(d) : id;
    }
    if (kind === 'actor') {
      const a = (state.actors || []).find((x) => x.id === id) || facetItem('actor', id);
      return a ? nameOf(a) : id;
    }
    if (kind === 'language') return t('lang_' + id) === 'lang_' + id ? id : t('lang_' + id);
    return id;
  }

  function facetItem(kind, id) {
    const f = state.result && state.result.facets && state.result.facets[kind];
    return f ? f.find((x) => x.id === id) : null;
  }

  function renderActiveFilters() {
    const p = params();
    const box = els.active;
    box.replaceChildren();
    const chips = [];
    const labels = { province: 'chipProvince', district: 'chipDistrict', actor: 'chipActor', language: 'chipLanguage' };
    for (const kind of FILTER_PARAMS) {
      for (const id of values(p, kind)) {
        const label = labelFor(kind, id);
        chips.push(h('button', {
          type: 'button', class: 'filter-pill', title: t('removeFilter', label), dataset: { param: kind, value: id },
          onclick: () => toggleValue(kind, id, false)
        }, h('span', { class: 'pill-kind' }, t(labels[kind]) + ':'), ' ', h('bdi', null, label), h('span', { class: 'pill-x', 'aria-hidden': 'true' }, '×')));
      }
    }
    for (const k of ['from', 'to']) {
      const v = p.get(k);
      if (!v) continue;
      const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDay(v).text : v;
      chips.push(h('button', {
        type: 'button', class: 'filter-pill', title: t('removeFilter', v), dataset: { param: k, value: v },
        onclick: () => navigate((q) => q.delete(k))
      }, h('span', { class: 'pill-kind' }, t(k === 'from' ? 'chipFrom' : 'chipTo') + ':'), ' ', h('bdi', null, d), h('span', { class: 'pill-x', 'aria-hidden': 'true' }, '×')));
    }
    if (!chips.length) {
      box.hidden = true;
      return;
    }
    box.append(...chips);
    if (chips.length > 1) box.append(h('button', { type: 'button', class: 'link-button clear-all', onclick: clearFilters }, t('clearAll')));
    box.hidden = false;
  }

  function clearFilters() {
    navigate((p) => { FILTER_PARAMS.concat(['from', 'to']).forEach((k) => p.delete(k)); });
  }

  // ---------------------------------------------------------------- facets
  function renderFacets() {
    const facets = state.result && !state.error ? state.result.facets : null;
    document.getElementById('facets').classList.toggle('is-unavailable', !!state.error);
    renderHistogram(facets);
    renderProvinces(facets);
    renderActors(facets);
    renderLanguages(facets);
  }

  /** The buckets from first to last with the empty periods filled in (the API leaves them out), so time reads evenly. */
  function timeline(buckets) {
    if (buckets.length < 2) return buckets;
    const counts = new Map(buckets.map((b) => [b.key, b.count]));
    const first = buckets[0].key;
    const last = buckets[buckets.length - 1].key;
    const pad = (n) => String(n).padStart(2, '0');
    const out = [];
    let d = new Date(Date.UTC(+first.slice(0, 4), first.length > 4 ? +first.slice(5, 7) - 1 : 0, first.length > 7 ? +first.slice(8, 10) : 1));
    for (let guard = 0; guard < 800; guard++) {
      const key = first.length === 4 ? String(d.getUTCFullYear())
        : first.length === 7 ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`
          : `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      out.push({ key, count: counts.get(key) || 0 });
      if (key >= last) return out;
      if (first.length === 4) d = new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1));
      else if (first.length === 7) d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
      else d = new Date(d.getTime() + 86400000);
    }
    return buckets; // too many periods to draw evenly: only the ones with articles
  }

  function renderHistogram(facets) {
    const box = els.histogram;
    box.replaceChildren();
    const buckets = timeline(facets ? facets.date || [] : []);
    const missing = facets ? facets.date_missing || 0 : 0;
    const p = params();
    const from = p.get('from');
    const to = p.get('to');
    if (!buckets.length) {
      box.append(h('p', { class: 'facet-empty' }, state.error ? t('facetNA') : t('noDates')));
    } else {
      const max = Math.max(...buckets.map((b) => b.count));
      const bars = h('div', { class: 'bars' + (buckets.length > 48 ? ' is-dense' : ''), role: 'list' });
      const readout = h('p', { class: 'facet-hint', id: 'histogram-readout', 'aria-live': 'polite' }, t('barHint'));
      for (const b of buckets) {
        const [start, end] = bucketRange(b.key);
        const label = t('barTitle', formatBucket(b.key), plural(b.count));
        if (b.count === 0) {
          bars.append(h('span', { class: 'bar is-empty', role: 'listitem', title: label, 'aria-label': label, dataset: { key: b.key, count: '0', tip: label } }));
          continue;
        }
        const exact = from === start && to === end;
        const inRange = (!from || end >= from) && (!to || start <= to) && (from || to);
        const bar = h('button', {
          type: 'button', class: 'bar' + (exact ? ' is-selected' : inRange ? ' is-in-range' : ''), role: 'listitem',
          title: label, 'aria-label': label, 'aria-pressed': exact ? 'true' : 'false',
          dataset: { key: b.key, count: String(b.count), tip: label },
          onclick: () => navigate((q) => {
            if (exact) { q.delete('from'); q.delete('to'); } else { q.set('from', start); q.set('to', end); }
          })
        }, h('span', { class: 'bar-fill', style: `height:${Math.max(4, Math.round((b.count / max) * 100))}%` }));
        bars.append(bar);
      }
      const show = (ev) => {
        const bar = ev.target.closest('.bar');
        readout.textContent = bar ? bar.dataset.tip : t('barHint');
        readout.classList.toggle('is-reading', !!bar);
      };
      bars.addEventListener('mouseover', show);
      bars.addEventListener('focusin', show);
      bars.addEventListener('mouseleave', () => { readout.textContent = t('barHint'); readout.classList.remove('is-reading'); });
      const first = buckets[0].key;
      const last = buckets[buckets.length - 1].key;
      box.append(h('div', { class: 'bars-frame' }, h('span', { class: 'bars-max', 'aria-hidden': 'true' }, num(max)), bars),
        h('div', { class: 'bars-axis', 'aria-hidden': 'true' },
          h('span', null, formatBucket(first)), first !== last ? h('span', null, formatBucket(last)) : null),
        readout);
    }
    if (missing > 0) {
      box.append(h('p', { class: 'date-missing-count', title: t('noDateTitle'), id: 'date-missing', dataset: { count: String(missing) } },
        h('span', { class: 'swatch', 'aria-hidden': 'true' }), t('noDate') + ': ', h('strong', null, num(missing))));
    }
  }

  function renderProvinces(facets) {
    const list = els.provinceList;
    list.replaceChildren();
    const p = params();
    const selected = new Set(values(p, 'province'));
    const selectedDistricts = new Set(values(p, 'district'));
    const counts = new Map((facets ? facets.province || [] : []).map((x) => [x.id, x]));
    const districtCounts = new Map((facets ? facets.district || [] : []).map((x) => [x.id, x]));

    // every governorate we know of: the catalogue, else what the facet names
    const all = state.provinces ? state.provinces.slice() : [...counts.values()];
    for (const id of selected) if (!all.some((x) => x.id === id)) all.push({ id, name_ar: id, name_en: id, districts: [] });
    const withDistrict = new Set();
    for (const pr of all) {
      if ((pr.districts || []).some((d) => selectedDistricts.has(d.id))) withDistrict.add(pr.id);
    }
    for (const d of districtCounts.values()) if (selectedDistricts.has(d.id) && d.province) withDistrict.add(d.province);

    const countOf = (id) => (counts.get(id) ? counts.get(id).count : 0);
    const visible = all.filter((pr) => state.showAllProvinces || countOf(pr.id) > 0 || selected.has(pr.id) || withDistrict.has(pr.id));
    visible.sort((a, b) => countOf(b.id) - countOf(a.id) || nameOf(a).localeCompare(nameOf(b), locale()));

    if (!visible.length) list.append(h('li', { class: 'facet-empty' }, state.error ? t('facetNA') : t('noneInResults')));
    for (const pr of visible) {
      const open = state.expanded.has(pr.id) || withDistrict.has(pr.id);
      const n = countOf(pr.id);
      const row = h('li', { class: 'facet-item province-item' + (n === 0 ? ' is-zero' : ''), dataset: { id: pr.id } });
      const districts = districtsOf(pr, districtCounts);
      const toggle = h('button', {
        type: 'button', class: 'expander', 'aria-expanded': open ? 'true' : 'false',
        title: open ? t('collapse') : t('expand'), 'aria-label': (open ? t('collapse') : t('expand')) + ' — ' + nameOf(pr),
        disabled: districts.length ? null : true,
        onclick: () => {
          if (state.expanded.has(pr.id)) state.expanded.delete(pr.id); else state.expanded.add(pr.id);
          renderProvinces(state.result && !state.error ? state.result.facets : null);
        }
      }, h('span', { 'aria-hidden': 'true' }, '▸'));
      row.append(h('div', { class: 'facet-row' }, toggle,
        checkbox('province', pr.id, nameOf(pr), n, selected.has(pr.id))));
      if (open && districts.length) {
        const sub = h('ul', { class: 'facet-sublist', 'aria-label': t('districtsOf', nameOf(pr)) });
        for (const d of districts) {
          const dn = districtCounts.get(d.id) ? districtCounts.get(d.id).count : 0;
          sub.append(h('li', { class: 'facet-item district-item' + (dn === 0 ? ' is-zero' : ''), dataset: { id: d.id } },
            h('div', { class: 'facet-row' }, checkbox('district', d.id, nameOf(d), dn, selectedDistricts.has(d.id)))));
        }
        row.append(sub);
      }
      list.append(row);
    }
    const total = all.length;
    const hidden = total - visible.length;
    if (!state.error && (hidden > 0 || state.showAllProvinces)) {
      els.provinceMore.hidden = false;
      els.provinceMore.textContent = state.showAllProvinces ? t('showFewerProvinces') : t('showAllProvinces', num(total));
    } else {
      els.provinceMore.hidden = true;
    }
  }

  function districtsOf(pr, districtCounts) {
    const list = (pr.districts || []).slice();
    for (const d of districtCounts.values()) {
      if (d.province === pr.id && !list.some((x) => x.id === d.id)) list.push(d);
    }
    const c = (d) => (districtCounts.get(d.id) ? districtCounts.get(d.id).count : 0);
    return list.sort((a, b) => c(b) - c(a) || nameOf(a).localeCompare(nameOf(b), locale()));
  }

  function checkbox(param, id, label, count, checked) {
    const input = h('input', { type: 'checkbox', name: param, value: id, checked: checked ? true : null, 'data-param': param });
    input.addEventListener('change', () => toggleValue(param, id, input.checked));
    return h('label', { class: 'facet-label' }, input, h('bdi', { class: 'facet-name' }, label),
      h('span', { class: 'count', dataset: { count: String(count) } }, num(count)));
  }

  function renderActors(facets) {
    const box = els.actorList;
    box.replaceChildren();
    const p = params();
    const selected = new Set(values(p, 'actor'));
    const f = fold(state.actorFilter);
    const items = (facets ? facets.actor || [] : []).slice();
    for (const id of selected) {
      if (!items.some((x) => x.id === id)) {
        const known = (state.actors || []).find((x) => x.id === id);
        items.push(Object.assign({ id, name_ar: id, name_en: id, type: null }, known || {}, { count: 0 }));
      }
    }
    const shown = items.filter((a) => matchesFilter(a, f));
    const groups = new Map();
    for (const a of shown) {
      const type = ACTOR_TYPES.includes(a.type) ? a.type : 'other';
      if (!groups.has(type)) groups.set(type, []);
      groups.get(type).push(a);
    }
    if (!shown.length && !state.actorRemote.length) {
      box.append(h('p', { class: 'facet-empty' }, state.error ? t('facetNA') : f ? t('noActorMatch') : t('noActors')));
    }
    for (const type of ACTOR_TYPES.concat('other')) {
      const group = groups.get(type);
      if (!group) continue;
      group.sort((a, b) => Number(selected.has(b.id)) - Number(selected.has(a.id)) || b.count - a.count
        || nameOf(a).localeCompare(nameOf(b), locale()));
      const open = state.actorGroupsOpen.has(type) || !!f;
      const section = h('div', { class: 'actor-group type-' + type, dataset: { type } },
        h('h3', { class: 'actor-group-title' }, h('span', { class: 'type-dot', 'aria-hidden': 'true' }), t('type_' + type)));
      const ul = h('ul', { class: 'facet-list' });
      group.forEach((a, i) => {
        if (!open && i >= ACTORS_SHOWN && !selected.has(a.id)) return;
        ul.append(h('li', { class: 'facet-item actor-item' + (a.count === 0 ? ' is-zero' : ''), dataset: { id: a.id } },
          h('div', { class: 'facet-row' }, checkbox('actor', a.id, nameOf(a), a.count, selected.has(a.id)))));
      });
      section.append(ul);
      if (group.length > ACTORS_SHOWN && !f) {
        section.append(h('button', {
          type: 'button', class: 'link-button more',
          onclick: () => {
            if (state.actorGroupsOpen.has(type)) state.actorGroupsOpen.delete(type); else state.actorGroupsOpen.add(type);
            renderActors(state.result && !state.error ? state.result.facets : null);
          }
        }, open ? t('showLess') : t('showMore', num(group.length - ACTORS_SHOWN))));
      }
      box.append(section);
    }
    const extra = state.actorRemote.filter((a) => !items.some((x) => x.id === a.id));
    if (f && extra.length) {
      const ul = h('ul', { class: 'facet-list' });
      for (const a of extra) {
        ul.append(h('li', { class: 'facet-item actor-item archive-item', dataset: { id: a.id } },
          h('div', { class: 'facet-row' }, checkbox('actor', a.id, nameOf(a), a.count, selected.has(a.id)))));
      }
      box.append(h('div', { class: 'actor-group archive-group' }, h('h3', { class: 'actor-group-title' }, t('actorArchive')), ul));
    }
  }

  let actorTimer = null;
  let actorSeq = 0;
  function onActorFilter() {
    state.actorFilter = els.actorFilter.value;
    renderActors(state.result && !state.error ? state.result.facets : null);
    clearTimeout(actorTimer);
    const prefix = els.actorFilter.value.trim();
    if (!prefix) {
      state.actorRemote = [];
      return;
    }
    actorTimer = setTimeout(() => {
      const seq = ++actorSeq;
      getJson(API + '/facets/actors?prefix=' + encodeURIComponent(prefix) + '&limit=10').then((r) => {
        if (seq !== actorSeq || !r.ok || !Array.isArray(r.body)) return;
        state.actorRemote = r.body.filter((a) => a.count > 0);
        renderActors(state.result && !state.error ? state.result.facets : null);
      }).catch(() => {});
    }, 250);
  }

  // The query box suggests the canonical name of an actor when the journalist types another spelling of it
  // (Jaburi → Salim al-Jabouri): the actor autocomplete's answer for the whole query, else for its last word.
  let suggestTimer = null;
  let suggestSeq = 0;
  function onQueryInput() {
    clearTimeout(suggestTimer);
    const typed = els.q.value.trim();
    if (typed.length < 4 || /["()|+*~]|(^|\s)-|\s(OR|AND|NOT)\s/.test(typed)) {
      showSuggestions(typed, []);
      return;
    }
    suggestTimer = setTimeout(() => {
      const seq = ++suggestSeq;
      const words = typed.split(/\s+/);
      const ask = (prefix) => getJson(API + '/facets/actors?prefix=' + encodeURIComponent(prefix) + '&limit=3');
      ask(typed).then((r) => (r.ok && Array.isArray(r.body) && r.body.length) || words.length < 2 ? r
        : ask(words[words.length - 1])).then((r) => {
        if (seq !== suggestSeq || els.q.value.trim() !== typed) return;
        showSuggestions(typed, r.ok && Array.isArray(r.body) ? r.body.filter((a) => a.count > 0) : []);
      }).catch(() => {});
    }, 300);
  }

  function showSuggestions(typed, actors) {
    const box = els.qSuggest;
    const latin = /[A-Za-z]/.test(typed);
    const names = [];
    for (const a of actors) {
      const name = latin ? (a.name_en || a.name_ar) : (a.name_ar || a.name_en);
      if (name && name.toLowerCase() !== typed.toLowerCase() && !names.includes(name)) names.push(name);
    }
    box.replaceChildren();
    box.hidden = names.length === 0;
    if (!names.length) return;
    box.append(h('span', { class: 'q-suggest-label' }, t('didYouMean')));
    for (const name of names) {
      const b = h('button', { type: 'button', class: 'btn-link q-suggestion', dir: 'auto' }, name);
      b.addEventListener('click', () => {
        els.q.value = name;
        showSuggestions(name, []);
        els.form.requestSubmit();
      });
      box.append(' ', b);
    }
  }

  function renderLanguages(facets) {
    const list = els.languageList;
    list.replaceChildren();
    const selected = new Set(values(params(), 'language'));
    const items = (facets ? facets.language || [] : []).slice();
    for (const id of selected) if (!items.some((x) => x.id === id)) items.push({ id, count: 0 });
    if (!items.length) list.append(h('li', { class: 'facet-empty' }, state.error ? t('facetNA') : t('noneInResults')));
    for (const l of items) {
      const label = t('lang_' + l.id) === 'lang_' + l.id ? l.id : t('lang_' + l.id);
      list.append(h('li', { class: 'facet-item' + (l.count === 0 ? ' is-zero' : ''), dataset: { id: l.id } },
        h('div', { class: 'facet-row' }, checkbox('language', l.id, label, l.count, selected.has(l.id)))));
    }
  }

  // ---------------------------------------------------------------- article view
  function articleIdFromHash() {
    const m = /^#article=(.+)$/.exec(location.hash);
    if (!m) return null;
    try {
      return decodeURIComponent(m[1]);
    } catch (e) {
      return m[1];
    }
  }

  function openArticle(id, returnFocus) {
    state.articleReturnFocus = returnFocus || null;
    history.pushState({ article: id, fromResults: true }, '', urlFor(params(), '#article=' + encodeURIComponent(id)));
    renderArticleFromHash();
  }

  function closeArticle() {
    if (history.state && history.state.fromResults) {
      history.back(); // popstate re-renders (the query string is unchanged: no new search)
    } else {
      history.pushState(null, '', urlFor(params(), ''));
      renderArticleFromHash();
    }
  }

  /** Closing because a tag was clicked: the next state replaces the article entry. */
  function closeArticleSilently() {
    if (!state.articleId) return;
    history.replaceState(null, '', urlFor(params(), ''));
    state.articleId = null;
    hideArticle();
  }

  function hideArticle() {
    els.article.hidden = true;
    document.body.classList.remove('has-article');
    els.articleContent.replaceChildren();
    if (state.articleReturnFocus && document.contains(state.articleReturnFocus)) state.articleReturnFocus.focus();
    state.articleReturnFocus = null;
  }

  let articleSeq = 0;
  async function renderArticleFromHash() {
    const id = articleIdFromHash();
    if (id === state.articleId) return;
    state.articleId = id;
    if (!id) {
      hideArticle();
      return;
    }
    const seq = ++articleSeq;
    els.articleBack.href = urlFor(params(), '');
    els.articleContent.replaceChildren(h('p', { class: 'muted article-loading' }, t('articleLoading')));
    els.article.hidden = false;
    els.article.dataset.state = 'loading';
    document.body.classList.add('has-article');
    let r;
    try {
      r = await getJson(API + '/articles/' + encodeURIComponent(id));
    } catch (e) {
      r = { status: 0, ok: false, body: null };
    }
    if (seq !== articleSeq) return;
    state.article = r.ok ? r.body : null;
    state.articleStatus = r.status;
    drawArticle();
    const focusTarget = els.article.querySelector('#article-title, .article-error');
    if (focusTarget) focusTarget.focus({ preventScroll: true });
  }

  function drawArticle() {
    const box = els.articleContent;
    box.replaceChildren();
    const a = state.article;
    if (!a) {
      box.append(h('p', { class: 'message message-error article-error', tabindex: '-1', role: 'alert' },
        state.articleStatus === 404 ? t('articleMissing') : t('articleError')));
      els.article.dataset.state = 'error';
      return;
    }
    const date = formatDay(a.published_at, { weekday: 'long' });
    const meta = h('div', { class: 'article-meta' });
    if (date) {
      meta.append(h('time', { datetime: date.iso, class: 'date-local' }, date.text), h('span', { class: 'date-iso', dir: 'ltr' }, date.iso));
    } else {
      meta.append(h('span', { class: 'date-missing' }, t('noDate')));
    }
    if (a.source) meta.append(h('span', { class: 'sep', 'aria-hidden': 'true' }, '·'), h('bdi', { class: 'source' }, a.source));
    if (a.language) meta.append(h('span', { class: 'lang-badge', title: t('lang_' + a.language) }, a.language.toUpperCase()));
    if (a.url && /^https?:\/\//i.test(a.url)) {
      meta.append(h('a', { class: 'original-link', href: a.url, target: '_blank', rel: 'noopener noreferrer' }, t('original') + ' ↗'));
    }
    const p = params();
    const selected = { province: new Set(values(p, 'province')), district: new Set(values(p, 'district')), actor: new Set(values(p, 'actor')) };
    const tags = tagChips(a, selected);
    const body = h('div', { class: 'article-body', id: 'article-body' });
    const paragraphs = String(a.body || '').split(/\n\s*\n|\r?\n/).map((s) => s.trim()).filter(Boolean);
    for (const para of paragraphs) body.append(h('p', { dir: 'auto' }, para));
    box.append(
      h('h2', { id: 'article-title', class: 'article-title', dir: 'auto', tabindex: '-1' }, a.title || t('untitled')),
      meta,
      tags ? h('div', { class: 'article-tags' }, h('h3', { class: 'visually-hidden' }, t('tags')), tags) : null,
      taggedByLine(a),
      body);
    els.article.dataset.state = 'loaded';
    els.article.dataset.id = a.id;
  }

  /** Which tagger and gazetteer version tagged the article, when, and a later re-tag that confirmed the tags. */
  function taggedByLine(a) {
    if (!a.tagged_by) return null;
    const when = (iso) => h('time', { datetime: iso }, formatDateTime(iso));
    const line = h('p', { class: 'tagged-by muted' }, t('taggedBy') + ' ', h('bdi', { dir: 'ltr' }, a.tagged_by));
    if (a.tagged_at) line.append(' ' + t('taggedAt') + ' ', when(a.tagged_at));
    if (a.tags_checked_by) {
      line.append(state.lang === 'ar' ? '؛ ' : '; ', t('tagsChecked') + ' ',
        h('bdi', { dir: 'ltr' }, a.tags_checked_by));
      if (a.tags_checked_at) line.append(' ' + t('taggedAt') + ' ', when(a.tags_checked_at));
    }
    return line;
  }

  function formatDateTime(iso) {
    const d = new Date(iso);
    if (isNaN(d)) return iso;
    return d.toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
  }

  // ---------------------------------------------------------------- language
  function applyLanguage() {
    const root = document.documentElement;
    root.lang = state.lang;
    root.dir = state.lang === 'ar' ? 'rtl' : 'ltr';
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-html]').forEach((el) => { el.innerHTML = t(el.dataset.i18nHtml); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
    document.querySelectorAll('[data-i18n-aria-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)); });
    els.q.placeholder = t('placeholder');
    els.langToggle.textContent = t('langToggle');
    els.langToggle.lang = state.lang === 'ar' ? 'en' : 'ar';
    els.langToggle.title = t('langToggleTitle');
  }

  function switchLanguage() {
    state.lang = state.lang === 'ar' ? 'en' : 'ar';
    try {
      localStorage.setItem(LANG_KEY, state.lang);
    } catch (e) { /* not persisted */ }
    applyLanguage();
    syncControls();
    if (state.result || state.error) renderAll();
    renderActiveFilters();
    if (state.articleId && state.article !== undefined) drawArticle();
  }

  // ---------------------------------------------------------------- events
  els.form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = els.q.value.trim();
    navigate((p) => {
      if (q) p.set('q', q); else p.delete('q');
      if (p.get('sort') === 'relevance' && !q) p.delete('sort');
    });
  });
  els.sort.addEventListener('change', () => navigate((p) => p.set('sort', els.sort.value)));
  els.size.addEventListener('change', () => navigate((p) => {
    if (els.size.value === '10') p.delete('size'); else p.set('size', els.size.value);
  }));
  els.dateRange.addEventListener('submit', (ev) => {
    ev.preventDefault();
    let from = els.from.value;
    let to = els.to.value;
    if (from && to && from > to) [from, to] = [to, from];
    navigate((p) => {
      if (from) p.set('from', from); else p.delete('from');
      if (to) p.set('to', to); else p.delete('to');
    });
  });
  els.dateClear.addEventListener('click', () => navigate((p) => { p.delete('from'); p.delete('to'); }));
  els.interval.addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-interval]');
    if (!b) return;
    navigate((p) => { if (b.dataset.interval === 'month') p.delete('interval'); else p.set('interval', b.dataset.interval); },
      { resetPage: false });
  });
  els.provinceMore.addEventListener('click', () => {
    state.showAllProvinces = !state.showAllProvinces;
    renderProvinces(state.result && !state.error ? state.result.facets : null);
  });
  els.actorFilter.addEventListener('input', onActorFilter);
  els.q.addEventListener('input', onQueryInput);
  els.langToggle.addEventListener('click', switchLanguage);
  els.articleBack.addEventListener('click', (ev) => {
    ev.preventDefault();
    closeArticle();
  });
  els.article.addEventListener('click', (ev) => {
    if (ev.target === els.article) closeArticle();
  });
  els.home.addEventListener('click', (ev) => {
    if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
    ev.preventDefault();
    els.actorFilter.value = '';
    state.actorFilter = '';
    state.actorRemote = [];
    navigate((p) => { [...p.keys()].forEach((k) => p.delete(k)); });
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && state.articleId) {
      ev.preventDefault();
      closeArticle();
    } else if (ev.key === '/' && !state.articleId && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      ev.preventDefault();
      els.q.focus();
      els.q.select();
    }
  });
  window.addEventListener('popstate', render);
  window.addEventListener('hashchange', renderArticleFromHash);
  els.exportLink.addEventListener('click', exportWithKey);
  bindLogin();
  bindSaved();
  loadSaved();

  // ---------------------------------------------------------------- start
  applyLanguage();
  loadCatalogs();
  render();
}());
