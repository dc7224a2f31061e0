// The batch search page: a list of names (pasted, or a text/CSV file) → POST /api/batch → one row a name, each
// linking to its search. The API key, when the API asks for one, is the one the search page signed in with.
(function () {
  'use strict';
  const T = {
    ar: {
      brand: 'أخبار العراق', title: 'بحث بقائمة أسماء',
      label: 'الأسماء، اسم في كل سطر (أشخاص، شركات، أماكن، بالعربية أو بالحروف اللاتينية)',
      file: 'أو ملف (نص أو CSV)', submit: 'ابحث عن الجميع', csv: 'تنزيل الجدول (CSV)', name: 'الاسم',
      total: 'المقالات', first: 'أول تاريخ', last: 'آخر تاريخ', provinces: 'أكثر المحافظات',
      running: 'جارٍ البحث…', done: (n, ms) => `${n} اسمًا في ${(ms / 1000).toFixed(1)} ث`,
      auth: 'يلزم مفتاح: ادخل من صفحة البحث أولًا.', failed: 'تعذّر البحث: ',
    },
    en: {
      brand: 'Iraq news', title: 'Batch search of names',
      label: 'Names, one a line (people, companies, places, in Arabic or Latin script)',
      file: 'or a file (text or CSV)', submit: 'Search them all', csv: 'Download the table (CSV)', name: 'Name',
      total: 'Articles', first: 'First date', last: 'Last date', provinces: 'Top provinces',
      running: 'Searching…', done: (n, ms) => `${n} names in ${(ms / 1000).toFixed(1)} s`,
      auth: 'A key is needed: sign in on the search page first.', failed: 'The search failed: ',
    },
  };
  const lang = document.documentElement.lang === 'en' ? 'en' : 'ar';
  const t = (k) => T[lang][k];
  const $ = (id) => document.getElementById(id);
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  document.title = t('title');

  function headers(type) {
    const h = { 'Content-Type': type };
    try {
      const key = sessionStorage.getItem('akhbar.api-key');
      if (key) h.Authorization = 'ApiKey ' + key;
    } catch (e) { /* no storage: no key */ }
    return h;
  }

  // the filters of the page's URL (from, to, province…) apply to every name; q is each name
  const filters = new URLSearchParams(location.search);
  filters.delete('q');
  const api = (format) => '/api/batch?' + (format ? 'format=' + format + '&' : '') + filters.toString();

  function cell(text, cls) {
    const td = document.createElement('td');
    if (cls) td.className = cls;
    td.textContent = text === null || text === undefined ? '–' : String(text);
    return td;
  }

  function render(result) {
    const body = $('batch-rows');
    body.replaceChildren();
    for (const r of result.rows) {
      const tr = document.createElement('tr');
      const name = document.createElement('td');
      if (r.search_url) {
        const a = document.createElement('a');
        a.href = r.search_url;
        a.textContent = r.name;
        a.dir = 'auto';
        name.append(a);
      } else {
        name.textContent = r.name;
      }
      tr.append(name);
      if (r.error) {
        const err = cell(r.error, 'batch-error');
        err.colSpan = 4;
        tr.append(err);
        tr.dataset.error = 'true';
      } else {
        tr.append(cell(r.total, 'num'), cell(r.first_date), cell(r.last_date),
          cell(r.top_provinces.map((p) => (lang === 'ar' ? p.name_ar : p.name_en) + ' (' + p.count + ')').join('، ')));
      }
      body.append(tr);
    }
    $('batch-table').hidden = false;
    $('batch-csv').hidden = false;
    $('batch-status').textContent = t('done')(result.names, result.took_ms);
  }

  async function run(ev) {
    ev.preventDefault();
    $('batch-status').textContent = t('running');
    const res = await fetch(api(''), { method: 'POST', headers: headers('text/plain; charset=utf-8'), body: $('batch-names').value });
    const body = await res.json().catch(() => null);
    if (res.status === 401) { $('batch-status').textContent = t('auth'); return; }
    if (!res.ok) { $('batch-status').textContent = t('failed') + (body && body.error ? body.error.message : res.status); return; }
    render(body);
  }

  async function downloadCsv() {
    const res = await fetch(api('csv'), { method: 'POST', headers: headers('text/plain; charset=utf-8'), body: $('batch-names').value });
    if (!res.ok) return;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'batch.csv';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  $('batch-form').addEventListener('submit', run);
  $('batch-csv').addEventListener('click', downloadCsv);
  $('batch-file').addEventListener('change', () => {
    const f = $('batch-file').files[0];
    if (!f) return;
    f.text().then((text) => {
      // a CSV: the column headed name (or the first); the server reads CSV the same way
      const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
      const header = (lines[0] || '').split(',').map((h) => h.trim().toLowerCase());
      let col = header.findIndex((h) => ['name', 'names', 'الاسم', 'الأسماء', 'اسم'].includes(h));
      const rows = col >= 0 ? lines.slice(1) : lines;
      if (col < 0) col = 0;
      $('batch-names').value = rows.map((l) => (f.name.toLowerCase().endsWith('.csv') ? (l.split(',')[col] || '') : l)
        .replace(/^"|"$/g, '').trim()).filter(Boolean).join('\n');
    });
  });
}());
