// The campaign dashboard: reads reach-service's API with the bearer token the user gave (kept for the tab's session),
// follows the summary stream and reloads the details when the figures change. Plain JavaScript, no build step.
'use strict';

(() => {
  const API = '/api/v1/reach';
  const TOKEN_KEY = 'reach-dashboard-token';
  const SVG = 'http://www.w3.org/2000/svg';
  const DETAILS_AT_MOST_EVERY_MS = 1000;
  const SILENCE_BEFORE_RECONNECT_MS = 40000; // the server sends a heartbeat every 15 s
  const number = new Intl.NumberFormat('fr-FR');
  const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric' });
  const moment = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const month = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: '2-digit' });
  const $ = (id) => document.getElementById(id);

  const state = {
    token: null, campaign: null, summary: null, level: 'region', outlines: {}, controller: null, retry: 0,
    reconnectTimer: null, silenceTimer: null, details: { running: false, pending: false, last: 0, timer: null }
  };

  class ApiError extends Error {
    constructor(status, detail) {
      super(detail || ('HTTP ' + status));
      this.status = status;
    }
  }

  // ---- DOM helpers: text through textContent only, never HTML from the API.
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : value);
    });
    children.flat().forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
    return node;
  }

  function svg(tag, attributes, ...children) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    children.flat().forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
    return node;
  }

  function table(node, headers, rows, caption) {
    node.replaceChildren(
      caption ? el('caption', {}, caption) : '',
      el('thead', {}, el('tr', {}, headers.map(([label, numeric]) => el('th', { scope: 'col', class: numeric ? 'n' : null }, label)))),
      el('tbody', {}, rows.length === 0
        ? el('tr', {}, el('td', { colspan: headers.length }, 'Rien pour l\u2019instant.'))
        : rows.map((cells) => el('tr', {}, cells.map((cell, i) => i === 0 && headers[0][2]
          ? el('th', { scope: 'row' }, cell)
          : el('td', { class: headers[i][1] ? 'n' : null }, cell))))));
  }

  const n = (value) => number.format(value);
  const workshops = (count) => n(count) + (count > 1 ? ' ateliers' : ' atelier');

  // ---- Messages and the token.
  function say(text) {
    const box = $('message');
    box.textContent = text;
    box.hidden = !text;
  }

  function askForToken(why) {
    stopStream();
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    say(why || '');
    $('tableau').hidden = true;
    $('connexion').hidden = false;
    setLive(false, 'Hors ligne');
    $('jeton').value = '';
    $('jeton').focus();
  }

  /** A token in the URL's fragment (./run prints such a link) is kept for the session, then taken out of the address bar. */
  function tokenFromFragment() {
    const found = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (found) {
      sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(found[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function explain(error) {
    switch (error.status) {
      case 401: return 'Jeton refusé : il est invalide ou a expiré. Collez un nouveau jeton (par exemple celui de « ./run token viewer »).';
      case 403: return 'Ce jeton ne donne pas accès aux chiffres de la campagne.';
      case 404: return 'La campagne « ' + state.campaign + ' » est inconnue de reach-service.';
      default: return 'Le service ne répond pas (' + (error.status || 'réseau') + ') ; nouvel essai dans quelques secondes.';
    }
  }

  async function get(path) {
    const response = await fetch(API + path, { headers: { Authorization: 'Bearer ' + state.token, Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) {
      let detail = null;
      try {
        detail = (await response.json()).detail;
      } catch (ignored) {
        // not a problem document: the status says enough
      }
      throw new ApiError(response.status, detail);
    }
    return response.json();
  }

  // ---- Start: the token, the campaigns, then the stream.
  async function start() {
    state.token = tokenFromFragment();
    if (!state.token) {
      askForToken('');
      return;
    }
    $('connexion').hidden = true;
    let campaigns;
    try {
      campaigns = await get('/campaigns');
    } catch (error) {
      if (error.status === 401 || error.status === 403) {
        askForToken(explain(error));
      } else {
        say(explain(error));
        setTimeout(start, 5000);
      }
      return;
    }
    const asked = new URLSearchParams(location.search).get('campaign');
    const picker = $('campagne');
    picker.replaceChildren(...campaigns.map((c) => el('option', { value: c.code }, c.name ? c.name + ' (' + c.code + ')' : c.code)));
    picker.disabled = campaigns.length === 0;
    if (campaigns.length === 0) {
      say('Aucune campagne pour l\u2019instant : reach-service n\u2019en a encore reçu aucune.');
      return;
    }
    state.campaign = asked || campaigns[0].code;
    if (asked && !campaigns.some((c) => c.code === asked)) {
      picker.prepend(el('option', { value: asked }, asked));
    }
    picker.value = state.campaign;
    say('');
    connect();
  }

  // ---- The summary stream (fetch, not EventSource: EventSource cannot send the Authorization header).
  function stopStream() {
    clearTimeout(state.reconnectTimer);
    clearTimeout(state.silenceTimer);
    if (state.controller) state.controller.abort();
    state.controller = null;
  }

  function reconnectLater() {
    setLive(false, 'Reconnexion…');
    const delay = [1000, 2000, 5000, 10000][Math.min(state.retry++, 3)];
    clearTimeout(state.reconnectTimer);
    state.reconnectTimer = setTimeout(connect, delay);
  }

  function heard(controller) {
    clearTimeout(state.silenceTimer);
    state.silenceTimer = setTimeout(() => controller.abort(), SILENCE_BEFORE_RECONNECT_MS);
  }

  async function connect() {
    stopStream();
    const controller = new AbortController();
    state.controller = controller;
    let response;
    try {
      response = await fetch(API + '/campaigns/' + encodeURIComponent(state.campaign) + '/stream', {
        headers: { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' }, cache: 'no-store', signal: controller.signal
      });
    } catch (error) {
      if (state.controller === controller) reconnectLater();
      return;
    }
    if (!response.ok) {
      const error = new ApiError(response.status);
      if (response.status === 401 || response.status === 403) {
        askForToken(explain(error));
      } else if (response.status === 404) {
        setLive(false, 'Hors ligne');
        say(explain(error));
        $('tableau').hidden = true;
      } else {
        say(explain(error));
        reconnectLater();
      }
      return;
    }
    state.retry = 0;
    setLive(true, 'En direct');
    heard(controller);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        heard(controller);
        buffer += decoder.decode(value, { stream: true });
        const blocks = buffer.split(/\r?\n\r?\n/);
        buffer = blocks.pop();
        blocks.forEach(dispatch);
      }
    } catch (error) {
      // aborted (another campaign, silence) or the connection dropped: both reconnect below unless replaced
    }
    clearTimeout(state.silenceTimer);
    if (state.controller === controller) reconnectLater();
  }

  function dispatch(block) {
    let name = 'message';
    const data = [];
    block.split(/\r?\n/).forEach((line) => {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    });
    if (data.length === 0) return;
    const payload = JSON.parse(data.join('\n'));
    if (name === 'summary') {
      state.summary = payload;
      say('');
      $('tableau').hidden = false;
      renderSummary(payload);
      refreshDetails();
    } else if (name === 'heartbeat' && state.summary) {
      state.summary.asOf = payload.asOf;
      state.summary.lagMs = payload.lagMs;
      renderFreshness(state.summary);
    }
  }

  function setLive(on, text) {
    const badge = $('direct');
    badge.textContent = text;
    badge.className = 'live ' + (on ? 'on' : 'off');
  }

  // ---- The summary: targets, percent, pace.
  const MEASURES = [
    { key: 'studentsSensitised', label: 'Élèves sensibilisés', total: (t) => t.studentsSensitised },
    { key: 'studentWorkshops', label: 'Ateliers élèves réalisés', total: (t) => t.studentWorkshopsDelivered },
    { key: 'parentWorkshops', label: 'Ateliers parents réalisés', total: (t) => t.parentWorkshopsDelivered },
    { key: 'schools', label: 'Établissements touchés', total: (t) => t.schoolsReached },
    { key: 'parentsSensitised', label: 'Parents sensibilisés', total: (t) => t.parentsSensitised }
  ];

  function renderSummary(s) {
    $('titre').textContent = (s.name || s.code) + ' — tableau de bord';
    document.title = (s.name || s.code) + ' — tableau de bord';
    const cards = MEASURES.map((m) => {
      const value = m.total(s.totals);
      const target = s.targets[m.key];
      const percent = s.progress[m.key];
      const rate = s.pace ? s.pace[m.key] : null;
      return el('article', { class: 'target', 'aria-labelledby': 'titre-' + m.key },
        el('h3', { id: 'titre-' + m.key }, m.label),
        el('div', { class: 'figure', id: 'fig-' + m.key, 'data-value': value }, n(value)),
        target
          ? [el('div', { class: 'of' }, 'sur ' + n(target) + ' · ', el('strong', { id: 'pct-' + m.key }, decimal.format(percent) + ' %')),
            el('div', { class: 'bar', role: 'progressbar', 'aria-label': m.label + ' : part de l\u2019objectif', 'aria-valuemin': 0,
              'aria-valuemax': 100, 'aria-valuenow': Math.min(100, percent) }, el('span', { style: 'width:' + Math.min(100, percent) + '%' }))]
          : el('div', { class: 'of' }, 'pas d\u2019objectif'),
        el('p', { class: 'pace' }, paceText(rate, target)));
    });
    cards.push(el('article', { class: 'target', 'aria-labelledby': 'titre-scheduled' },
      el('h3', { id: 'titre-scheduled' }, 'Ateliers programmés'),
      el('div', { class: 'figure', id: 'fig-workshopsScheduled', 'data-value': s.totals.workshopsScheduled }, n(s.totals.workshopsScheduled)),
      el('p', { class: 'pace' }, 'à venir, ni réalisés ni annulés')));
    $('objectifs').replaceChildren(...cards);
    renderFreshness(s);
  }

  // Absent and null are the same here: the API leaves nulls out.
  function paceText(rate, target) {
    if (!rate) return 'Rythme : dates de campagne inconnues';
    const soFar = 'réalisé : ' + decimal.format(rate.soFarPerDay * 7) + ' / semaine';
    if (!target) return 'Rythme ' + soFar;
    if (rate.neededPerDay == null) return ['Campagne terminée · rythme ', soFar];
    if (rate.neededPerDay === 0) return [el('span', { class: 'ok' }, 'Objectif atteint'), ' · ', soFar];
    const onTrack = rate.soFarPerDay >= rate.neededPerDay;
    return ['Il faut ' + decimal.format(rate.neededPerDay * 7) + ' / semaine · ' + soFar + ' · ',
      el('span', { class: onTrack ? 'ok' : 'late' }, onTrack ? 'dans les temps' : 'en retard')];
  }

  function renderFreshness(s) {
    const asOf = s.asOf ? moment.format(new Date(s.asOf)) : '—';
    $('fraicheur').textContent = 'Données au ' + asOf + ' · retard ' + decimal.format((s.lagMs || 0) / 1000) + ' s';
  }

  // ---- Details: reloaded when the summary changes, at most once a second.
  function refreshDetails() {
    const d = state.details;
    if (d.running) {
      d.pending = true;
      return;
    }
    const wait = d.last + DETAILS_AT_MOST_EVERY_MS - Date.now();
    if (wait > 0) {
      clearTimeout(d.timer);
      d.timer = setTimeout(refreshDetails, wait);
      return;
    }
    d.running = true;
    d.last = Date.now();
    const code = encodeURIComponent(state.campaign);
    const byLevel = state.level === 'region' ? 'region' : 'department';
    Promise.all([
      get('/campaigns/' + code + '/timeline?granularity=week'),
      get('/campaigns/' + code + '/breakdown?by=' + byLevel),
      get('/campaigns/' + code + '/breakdown?by=partner'),
      get('/campaigns/' + code + '/breakdown?by=classLevel'),
      get('/campaigns/' + code + '/completions?limit=10'),
      outlines(state.level)
    ]).then(([timeline, places, partners, levels, completions, geo]) => {
      renderTimeline(timeline, state.summary);
      renderMap(places, geo);
      renderPartners(partners);
      renderLevels(levels);
      renderCompletions(completions);
    }).catch((error) => {
      if (error.status === 401 || error.status === 403) askForToken(explain(error));
      else say(explain(error));
    }).finally(() => {
      d.running = false;
      if (d.pending) {
        d.pending = false;
        refreshDetails();
      }
    });
  }

  // ---- Timeline: cumulative students and parents against a steady line to the students' target.
  function renderTimeline(points, s) {
    const today = new Date().toISOString().slice(0, 10);
    const past = points.filter((p) => p.period.slice(0, 10) <= today);
    const W = 720, H = 260, L = 56, R = 12, T = 12, B = 28;
    const target = s.targets.studentsSensitised || 0;
    const top = Math.max(target, ...points.map((p) => p.cumulativeStudentsSensitised), ...points.map((p) => p.cumulativeParentsSensitised), 1);
    const x = (i) => L + (points.length <= 1 ? 0 : i * (W - L - R) / (points.length - 1));
    const y = (v) => T + (H - T - B) * (1 - v / top);
    const line = (key) => past.map((p, i) => (i ? 'L' : 'M') + x(i).toFixed(1) + ',' + y(p[key]).toFixed(1)).join('');
    const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => [
      svg('line', { x1: L, x2: W - R, y1: y(top * f), y2: y(top * f), stroke: '#e2e6ec' }),
      svg('text', { x: L - 6, y: y(top * f) + 4, 'text-anchor': 'end' }, n(Math.round(top * f)))]);
    const ticks = [];
    let previous = '';
    let lastX = -Infinity;
    points.forEach((p, i) => {
      const label = month.format(new Date(p.period.slice(0, 10) + 'T12:00:00'));
      if (label !== previous && x(i) - lastX >= 48) { // a month starting in the first week's label: one of them only
        ticks.push(svg('text', { x: x(i), y: H - 8, 'text-anchor': 'middle' }, label));
        lastX = x(i);
      }
      previous = label;
    });
    const last = past[past.length - 1];
    const chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img',
      'aria-label': 'Élèves sensibilisés cumulés : ' + n(last ? last.cumulativeStudentsSensitised : 0)
        + (target ? ' sur un objectif de ' + n(target) : '') + ' ; parents : ' + n(last ? last.cumulativeParentsSensitised : 0) },
    grid, ticks,
    target ? svg('line', { x1: x(0), y1: y(0), x2: x(points.length - 1), y2: y(target), stroke: '#4a5361', 'stroke-dasharray': '6 4', 'stroke-width': 1.5 }) : [],
    svg('path', { d: line('cumulativeParentsSensitised'), fill: 'none', stroke: '#a3340f', 'stroke-width': 2.5 }),
    svg('path', { d: line('cumulativeStudentsSensitised'), fill: 'none', stroke: '#1547a8', 'stroke-width': 2.5 }));
    $('courbe').replaceChildren(chart);
    table($('table-courbe'), [['Semaine du', false, true], ['Élèves', true], ['Parents', true], ['Élèves cumulés', true], ['Parents cumulés', true]],
      past.map((p) => [day.format(new Date(p.period.slice(0, 10) + 'T12:00:00')), n(p.studentsSensitised), n(p.parentsSensitised),
        n(p.cumulativeStudentsSensitised), n(p.cumulativeParentsSensitised)]));
  }

  // ---- Map: régions or départements, shaded by students sensitised; what the outlines lack is listed beside.
  function outlines(level) {
    if (!state.outlines[level]) {
      state.outlines[level] = fetch(level === 'region' ? 'geo/regions.json' : 'geo/departements.json')
        .then((response) => {
          if (!response.ok) throw new ApiError(response.status, 'contours');
          return response.json();
        }).then(project)
        .catch((error) => {
          state.outlines[level] = null;
          throw error;
        });
    }
    return state.outlines[level];
  }

  /** An equirectangular projection at France's latitude: close enough for a map this size, and a few lines. */
  function project(collection) {
    const k = Math.cos(46.5 * Math.PI / 180);
    const rings = (geometry) => geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    collection.features.forEach((f) => rings(f.geometry).flat().forEach(([lon, lat]) => {
      minX = Math.min(minX, lon * k); maxX = Math.max(maxX, lon * k); minY = Math.min(minY, -lat); maxY = Math.max(maxY, -lat);
    }));
    const scale = 100;
    const features = collection.features.map((f) => ({
      code: f.properties.code,
      name: f.properties.nom,
      d: rings(f.geometry).map((ring) => ring.map(([lon, lat], i) => (i ? 'L' : 'M')
        + ((lon * k - minX) * scale).toFixed(1) + ',' + ((-lat - minY) * scale).toFixed(1)).join('') + 'Z').join('')
    }));
    return { features, width: (maxX - minX) * scale, height: (maxY - minY) * scale };
  }

  /** The annuaire writes départements on three characters (035, 02A), the outlines on two (35, 2A). */
  const outlineCode = (key) => (key.length === 3 && key[0] === '0' ? key.slice(1) : key);
  const SHADES = ['#dbe7f6', '#a9c6ea', '#6b9bd6', '#2f6cbd', '#153f82'];

  function renderMap(rows, geo) {
    const byCode = new Map(rows.map((row) => [outlineCode(row.key), row]));
    const top = Math.max(1, ...rows.map((row) => row.studentsSensitised));
    const shade = (value) => (value <= 0 ? '#eef0f3' : SHADES[Math.min(SHADES.length - 1, Math.floor(value / top * SHADES.length))]);
    const known = new Set(geo.features.map((f) => f.code));
    const map = svg('svg', { viewBox: '0 0 ' + geo.width.toFixed(0) + ' ' + geo.height.toFixed(0) },
      geo.features.map((f) => {
        const row = byCode.get(f.code);
        return svg('path', { d: f.d, fill: shade(row ? row.studentsSensitised : 0), 'data-code': f.code },
          svg('title', {}, f.name + ' : ' + n(row ? row.studentsSensitised : 0) + ' élèves, '
            + workshops(row ? row.studentWorkshopsDelivered + row.parentWorkshopsDelivered : 0)));
      }));
    $('carte').replaceChildren(map);
    $('carte-legende').replaceChildren(el('i', { style: 'background:#eef0f3' }), '0',
      ...SHADES.map((color, i) => [el('i', { style: 'background:' + color }), (i === SHADES.length - 1 ? '≤ ' : '< ')
        + n(Math.ceil(top * (i + 1) / SHADES.length))]).flat());
    const elsewhere = rows.filter((row) => !known.has(outlineCode(row.key)));
    $('hors-carte').replaceChildren(...(elsewhere.length === 0 ? [el('li', {}, 'Aucun atelier hors de la métropole.')]
      : elsewhere.map((row) => el('li', {}, (row.name || (row.key === 'UNKNOWN' ? 'Lieu inconnu' : row.key)) + ' : '
        + n(row.studentsSensitised) + ' élèves, ' + workshops(row.studentWorkshopsDelivered + row.parentWorkshopsDelivered)))));
    table($('classement'), [[state.level === 'region' ? 'Région' : 'Département', false, true], ['Rang', true], ['Élèves', true],
      ['Parents', true], ['Ateliers réalisés', true], ['Établissements', true]],
    rows.map((row, i) => [row.name || row.key, String(i + 1), n(row.studentsSensitised), n(row.parentsSensitised),
      n(row.studentWorkshopsDelivered + row.parentWorkshopsDelivered), n(row.schoolsReached)]));
  }

  function renderPartners(rows) {
    table($('partenaires'), [['Partenaire', false, true], ['Ateliers élèves', true], ['Ateliers parents', true], ['Élèves', true],
      ['Parents', true], ['Programmés', true]],
    rows.map((row) => [row.name || row.key, n(row.studentWorkshopsDelivered), n(row.parentWorkshopsDelivered),
      n(row.studentsSensitised), n(row.parentsSensitised), n(row.workshopsScheduled)]));
  }

  const LEVELS = { SIXIEME: '6e', CINQUIEME: '5e', QUATRIEME: '4e', TROISIEME: '3e', NONE: 'Parents / sans niveau' };

  function renderLevels(rows) {
    const ordered = Object.keys(LEVELS).map((key) => rows.find((row) => row.key === key) || { key, studentsSensitised: 0, parentsSensitised: 0 });
    const top = Math.max(1, ...ordered.map((row) => row.studentsSensitised + row.parentsSensitised));
    $('niveaux').replaceChildren(el('div', { class: 'levels' }, ordered.map((row) => {
      const value = row.studentsSensitised + row.parentsSensitised;
      return el('div', { class: 'row' }, el('span', {}, LEVELS[row.key]),
        el('div', { class: 'bar', role: 'img', 'aria-label': LEVELS[row.key] + ' : ' + n(value) + ' personnes sensibilisées' },
          el('span', { style: 'width:' + (value / top * 100) + '%' })),
        el('span', { class: 'n' }, n(value)));
    })));
  }

  function renderCompletions(rows) {
    table($('derniers'), [['Date', false, true], ['Établissement', false], ['Département', false], ['Partenaire', false],
      ['Public', false], ['Niveau', false], ['Participants', true]],
    rows.map((row) => [day.format(new Date(row.day + 'T12:00:00')), row.schoolName || row.schoolUai, row.departmentName || '—',
      row.partnerName || row.partnerCode, row.audience === 'PARENTS' ? 'Parents' : 'Élèves',
      row.classLevel ? LEVELS[row.classLevel] || row.classLevel : '—', n(row.attendees)]));
  }

  // ---- Controls.
  document.addEventListener('DOMContentLoaded', () => {
    $('form-jeton').addEventListener('submit', (event) => {
      event.preventDefault();
      const token = $('jeton').value.trim();
      if (!token) return;
      sessionStorage.setItem(TOKEN_KEY, token);
      $('jeton').value = '';
      start();
    });
    $('choix').addEventListener('submit', (event) => event.preventDefault());
    $('changer-jeton').addEventListener('click', () => askForToken(''));
    $('campagne').addEventListener('change', () => {
      state.campaign = $('campagne').value;
      state.summary = null;
      const url = new URL(location.href);
      url.searchParams.set('campaign', state.campaign);
      history.pushState(null, '', url.pathname + url.search);
      connect();
    });
    document.querySelectorAll('input[name=niveau]').forEach((radio) => radio.addEventListener('change', () => {
      state.level = radio.value;
      state.details.last = 0;
      if (state.summary) refreshDetails();
    }));
    window.addEventListener('popstate', () => start());
    start();
  });
})();
