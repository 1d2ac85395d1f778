/*
 * The StreamDingo dashboard. Everything it shows comes from the management API beside it (api/…) and its live
 * feed (Server-Sent Events); it keeps nothing but the lag samples of the chart, in this page, for ten minutes.
 * Data is always written with textContent, never as HTML.
 */
(function () {
  'use strict';

  const POLL_MS = 2000;
  const CATALOG_EVERY = 3; // the catalog counts rows; read it every third round
  const LAG_WINDOW_S = 600;
  const FEED_ROWS = 50;
  // Resolved against the page without any user:password@ the address bar may hold: fetch refuses such URLs.
  const API = new URL('api/', window.location.origin + window.location.pathname).href;

  const state = {
    admin: false,
    round: 0,
    subscriptions: [],
    lag: { times: [], series: new Map() },
    chart: null,
    feed: null,
  };

  const $ = (id) => document.getElementById(id);

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '–' : String(text);
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  /**
   * Puts one row per item into body, in order. A row whose item is unchanged since the last round is kept as it
   * is (with its buttons and whatever the user is pointing at); only changed or new items get a new row.
   */
  function renderRows(body, items, keyOf, build) {
    const old = new Map([...body.rows].map((row) => [row.dataset.key, row]));
    body.replaceChildren(...items.map((item) => {
      const key = String(keyOf(item));
      const signature = JSON.stringify(item);
      const kept = old.get(key);
      if (kept && kept.dataset.signature === signature) return kept;
      const row = build(item);
      row.dataset.key = key;
      row.dataset.signature = signature;
      return row;
    }));
  }

  function when(instant) {
    return instant ? new Date(instant).toLocaleString() : '–';
  }

  function showProblem(message) {
    const problem = $('problem');
    problem.textContent = message || '';
    problem.hidden = !message;
  }

  async function api(path, options) {
    const response = await fetch(API + path, Object.assign({ headers: { Accept: 'application/json' } }, options));
    if (response.status === 204) return null;
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const detail = body && body.detail ? body.detail : response.statusText;
      const error = new Error(`${response.status}: ${detail}`);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  async function allPages(path) {
    const items = [];
    let after = null;
    do {
      const query = `limit=500${after === null ? '' : '&after=' + encodeURIComponent(after)}`;
      const page = await api(`${path}?${query}`);
      items.push(...page.items);
      after = page.next || null;
    } while (after !== null);
    return items;
  }

  function setOptions(select, names) {
    const kept = select.value;
    select.replaceChildren(...names.map((name) => {
      const option = document.createElement('option');
      option.value = name;
      option.textContent = name;
      return option;
    }));
    if (names.includes(kept)) select.value = kept;
  }

  // ---- who is looking ----

  async function loadCaller() {
    const caller = await api('caller');
    state.admin = caller.admin;
    $('caller').textContent = caller.name;
    $('role').textContent = caller.admin ? 'admin' : 'viewer';
    $('role').classList.toggle('admin', caller.admin);
    for (const button of document.querySelectorAll('.admin-only')) {
      button.disabled = !caller.admin;
      button.title = caller.admin ? '' : 'needs the role streamdingo-admin';
    }
  }

  // ---- streams ----

  async function refreshCatalog() {
    const catalog = await api('streams');
    $('head-position').textContent = catalog.headPosition;
    renderRows($('streams').tBodies[0], catalog.categories, (category) => category.category, (category) => {
      const row = document.createElement('tr');
      row.dataset.category = category.category;
      cell(row, category.category);
      cell(row, `${category.type}, ${category.scope}`.toLowerCase().replace(/_/g, ' '));
      cell(row, category.semantics);
      cell(row, category.streams, 'num streams');
      cell(row, category.events, 'num events');
      return row;
    });
    setOptions($('verify-category'), catalog.categories
      .filter((category) => category.streams !== null && category.streams !== undefined)
      .map((category) => category.category));
  }

  // ---- subscriptions and lag ----

  function positionsList(subscription) {
    const list = document.createElement('ul');
    for (const position of subscription.positions) {
      const item = document.createElement('li');
      item.textContent = `${position.consumerKey}: ${position.position}, lag ${position.lag}`;
      if (position.lag > 0) item.classList.add('lagging');
      list.appendChild(item);
    }
    return list;
  }

  function consumersList(subscription) {
    const list = document.createElement('ul');
    for (const consumer of subscription.consumers) {
      const item = document.createElement('li');
      item.textContent = `${consumer.state.toLowerCase()}, last progress ${when(consumer.lastProgress)}`;
      item.className = `state-${consumer.state}`;
      if (consumer.lastError) item.title = consumer.lastError;
      list.appendChild(item);
    }
    return list;
  }

  async function refreshSubscriptions() {
    const subscriptions = await allPages('subscriptions');
    state.subscriptions = subscriptions;
    renderRows($('subscriptions').tBodies[0], subscriptions, (subscription) => subscription.name, (subscription) => {
      const row = document.createElement('tr');
      row.dataset.subscription = subscription.name;
      cell(row, subscription.name);
      cell(row, subscription.stream);
      cell(row, subscription.mode);
      cell(row, subscription.semantics);
      cell(row, '').replaceChildren(positionsList(subscription));
      cell(row, '').replaceChildren(consumersList(subscription));
      cell(row, subscription.lag, subscription.lag > 0 ? 'num lag lagging' : 'num lag');
      cell(row, subscription.deadLetters, 'num dead-letters');
      return row;
    });
    const names = subscriptions.map((subscription) => subscription.name);
    // subscriptions holding dead letters first: that is where an operator is going
    setOptions($('dead-letter-subscription'), [...names].sort((a, b) =>
      deadLettersOf(b) - deadLettersOf(a) || a.localeCompare(b)));
    setOptions($('feed-subscription'), subscriptions
      .filter((subscription) => subscription.streamType === 'PERSISTENT')
      .map((subscription) => subscription.name));
    sampleLag(subscriptions);
  }

  function deadLettersOf(name) {
    const found = state.subscriptions.find((subscription) => subscription.name === name);
    return found ? found.deadLetters : 0;
  }

  function sampleLag(subscriptions) {
    const now = Date.now() / 1000;
    const lag = state.lag;
    lag.times.push(now);
    for (const subscription of subscriptions) {
      if (!lag.series.has(subscription.name)) {
        // a subscription seen later has no samples before: gaps, not zeros
        lag.series.set(subscription.name, lag.times.slice(0, -1).map(() => null));
      }
    }
    for (const [name, values] of lag.series) {
      const subscription = subscriptions.find((candidate) => candidate.name === name);
      values.push(subscription ? subscription.lag : null);
    }
    while (lag.times.length > 0 && lag.times[0] < now - LAG_WINDOW_S) {
      lag.times.shift();
      for (const values of lag.series.values()) values.shift();
    }
    drawLag();
  }

  const PALETTE = ['#1f5fbf', '#c2410c', '#1b7a3a', '#7c3aed', '#b91c1c', '#0e7490', '#a16207', '#be185d'];

  function drawLag() {
    const names = [...state.lag.series.keys()];
    const data = [state.lag.times, ...names.map((name) => state.lag.series.get(name))];
    const container = $('lag-chart');
    const width = Math.max(320, container.clientWidth || 480);
    if (state.chart && state.chart.series.length !== names.length + 1) {
      state.chart.destroy();
      state.chart = null;
    }
    if (!state.chart) {
      state.chart = new window.uPlot({
        width,
        height: 220,
        scales: {
          // the window the samples cover, at least a minute wide; the first sample alone is not a range
          x: { time: true, range: (u, min, max) => [Math.min(min, max - 60), max] },
          y: { range: (u, min, max) => [0, Math.max(5, max)] },
        },
        axes: [{}, { label: 'events behind' }],
        series: [{}, ...names.map((name, i) => ({
          label: name,
          stroke: PALETTE[i % PALETTE.length],
          width: 2,
          spanGaps: false,
        }))],
      }, data, container);
    } else {
      if (Math.abs(state.chart.width - width) > 4) state.chart.setSize({ width, height: 220 });
      state.chart.setData(data);
    }
  }

  // ---- dead letters ----

  function letterButton(label, action, needsAdmin) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.dataset.action = label.toLowerCase();
    if (needsAdmin && !state.admin) {
      button.disabled = true;
      button.title = 'needs the role streamdingo-admin';
    } else {
      button.addEventListener('click', () => action().catch((error) => showProblem(error.message)));
    }
    return button;
  }

  async function refreshDeadLetters() {
    const name = $('dead-letter-subscription').value;
    const body = $('dead-letters').tBodies[0];
    if (!name) {
      body.replaceChildren();
      $('dead-letters-empty').hidden = false;
      return;
    }
    const base = `subscriptions/${encodeURIComponent(name)}/dead-letters`;
    const letters = await allPages(base);
    if (body.dataset.subscription !== name) {
      body.replaceChildren();
      body.dataset.subscription = name;
    }
    renderRows(body, letters, (letter) => letter.id, (letter) => {
      const row = document.createElement('tr');
      row.dataset.letter = letter.id;
      cell(row, `${letter.event.type} @ ${letter.event.globalPosition}`);
      cell(row, `${letter.event.category}/${letter.event.streamId} v${letter.event.streamVersion}`);
      cell(row, letter.attempts, 'num');
      cell(row, letter.reason);
      cell(row, when(letter.deadLetteredAt));
      const actions = cell(row, '');
      actions.replaceChildren(
        letterButton('Inspect', async () => {
          const detail = await api(`${base}/${letter.id}${state.admin ? '?payload=true' : ''}`);
          $('dead-letter-detail').textContent = JSON.stringify(detail, null, 2);
          $('dead-letter-detail').hidden = false;
        }, false),
        letterButton('Replay', async () => {
          await api(`${base}/${letter.id}/replay`, { method: 'POST' });
          await refreshDeadLetters();
        }, true),
        letterButton('Delete', async () => {
          if (!window.confirm(`Delete dead letter ${letter.id} for good?`)) return;
          await api(`${base}/${letter.id}`, { method: 'DELETE' });
          await refreshDeadLetters();
        }, true));
      return row;
    });
    $('dead-letters-empty').hidden = letters.length > 0;
  }

  async function replayAll() {
    const name = $('dead-letter-subscription').value;
    if (!name) return;
    await api(`subscriptions/${encodeURIComponent(name)}/dead-letters/replay`, { method: 'POST' });
    await refreshDeadLetters();
  }

  // ---- integrity ----

  async function verify(event) {
    event.preventDefault();
    const category = $('verify-category').value;
    const id = $('verify-stream').value.trim();
    const result = $('verify-result');
    result.className = 'quiet';
    result.textContent = 'verifying…';
    try {
      const answer = await api(`streams/${encodeURIComponent(category)}/${encodeURIComponent(id)}/verification`);
      if (answer.intact) {
        result.className = 'intact';
        result.textContent = `${category}/${id}: intact — ${answer.eventsChecked} events checked, last hash `
          + `${answer.lastHash}`;
      } else {
        result.className = 'broken';
        result.textContent = `${category}/${id}: broken at version ${answer.version} — ${answer.problem}`;
      }
    } catch (error) {
      result.className = 'broken';
      result.textContent = error.message;
    }
  }

  // ---- live feed ----

  async function feedTypes(subscription) {
    if (subscription.eventTypes.length > 0) return subscription.eventTypes;
    // the feed names each event by its type; without a filter, every registered type may come
    const schemas = await allPages('schemas');
    return [...new Set(schemas.map((schema) => schema.name))];
  }

  function stopFeed() {
    if (state.feed) state.feed.close();
    state.feed = null;
    $('feed-toggle').textContent = 'Follow';
    $('feed-status').textContent = 'stopped';
  }

  async function toggleFeed() {
    if (state.feed) {
      stopFeed();
      return;
    }
    const name = $('feed-subscription').value;
    const subscription = state.subscriptions.find((candidate) => candidate.name === name);
    if (!subscription) return;
    const types = await feedTypes(subscription);
    const source = new EventSource(`${API}subscriptions/${encodeURIComponent(name)}/feed`);
    state.feed = source;
    $('feed-toggle').textContent = 'Stop';
    $('feed-status').textContent = `connecting to ${name}…`;
    source.onopen = () => { $('feed-status').textContent = `following ${name}`; };
    source.onerror = () => { $('feed-status').textContent = `${name}: connection lost, reconnecting…`; };
    const show = (message) => {
      const event = JSON.parse(message.data);
      const row = document.createElement('tr');
      cell(row, event.globalPosition, 'num');
      cell(row, event.type);
      cell(row, `${event.category}/${event.streamId} v${event.streamVersion}`);
      cell(row, when(event.recordedAt));
      const body = $('feed').tBodies[0];
      body.insertBefore(row, body.firstChild);
      while (body.rows.length > FEED_ROWS) body.deleteRow(body.rows.length - 1);
    };
    for (const type of types) source.addEventListener(type, show);
  }

  // ---- the loop ----

  async function refresh() {
    try {
      if (state.round % CATALOG_EVERY === 0) await refreshCatalog();
      await refreshSubscriptions();
      await refreshDeadLetters();
      $('updated').textContent = new Date().toLocaleTimeString();
      showProblem(null);
    } catch (error) {
      showProblem(`The management API did not answer: ${error.message}. Retrying every ${POLL_MS / 1000} s.`);
    }
    state.round += 1;
    window.setTimeout(refresh, POLL_MS);
  }

  async function start() {
    $('verify-form').addEventListener('submit', verify);
    $('replay-all').addEventListener('click', () => replayAll().catch((error) => showProblem(error.message)));
    $('dead-letter-subscription').addEventListener('change',
      () => refreshDeadLetters().catch((error) => showProblem(error.message)));
    $('feed-toggle').addEventListener('click', () => toggleFeed().catch((error) => showProblem(error.message)));
    try {
      await loadCaller();
    } catch (error) {
      showProblem(`Cannot tell who you are: ${error.message}`);
    }
    window.addEventListener('resize', () => { if (state.chart) drawLag(); });
    document.body.dataset.ready = 'true';
    refresh();
  }

  start();
}());
