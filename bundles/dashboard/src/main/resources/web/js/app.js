// The dashboard's shell: login, the header, and a router over the URL fragment
// (#/runs, #/runs/ID, #/workflows, #/workflows/ID/edit, #/steps, #/steps/TYPE, #/models, #/models/NAME).

import * as api from './api.js';
import { h, clear, notice, leavePage } from './ui.js';
import { runsPage } from './pages/runs.js';
import { runPage } from './pages/run.js';
import { workflowsPage } from './pages/workflows.js';
import { editorPage } from './pages/editor.js';
import { stepsPage, stepPage } from './pages/steps.js';
import { modelsPage, modelPage } from './pages/models.js';

const main = document.getElementById('main');

const routes = [
  [/^#\/runs\/([^/]+)$/, (m) => runPage(main, decodeURIComponent(m[1])), 'runs'],
  [/^#\/runs$/, () => runsPage(main), 'runs'],
  [/^#\/workflows\/new$/, () => editorPage(main, null), 'workflows'],
  [/^#\/workflows\/([^/]+)\/edit$/, (m) => editorPage(main, decodeURIComponent(m[1])), 'workflows'],
  [/^#\/workflows$/, () => workflowsPage(main), 'workflows'],
  [/^#\/steps\/([^/]+)$/, (m) => stepPage(main, decodeURIComponent(m[1])), 'steps'],
  [/^#\/steps$/, () => stepsPage(main), 'steps'],
  [/^#\/models\/([^/]+)$/, (m) => modelPage(main, decodeURIComponent(m[1])), 'models'],
  [/^#\/models$/, () => modelsPage(main), 'models'],
];

async function route() {
  leavePage();
  if (!api.session()) {
    showLogin();
    return;
  }
  showHeader();
  const hash = location.hash || '#/runs';
  for (const [pattern, render, page] of routes) {
    const m = hash.match(pattern);
    if (m) {
      document.querySelectorAll('#nav a').forEach((a) => {
        if (a.dataset.page === page) {
          a.setAttribute('aria-current', 'page');
        } else {
          a.removeAttribute('aria-current');
        }
      });
      clear(main, h('p', { class: 'muted' }, 'Loading…'));
      try {
        await render(m);
      } catch (e) {
        clear(main, notice('error', h('strong', {}, e.problem?.title || 'Could not load the page'), ' ',
          e.problem?.detail || e.message));
      }
      main.focus({ preventScroll: true });
      return;
    }
  }
  location.hash = '#/runs';
}

function showHeader() {
  const s = api.session();
  document.getElementById('nav').hidden = false;
  document.getElementById('who').hidden = false;
  document.getElementById('who-name').textContent = `${s.user} (${s.roles.join(', ') || 'no role'})`;
}

function showLogin() {
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  document.title = 'Log in · Assay';
  const error = h('div', { 'aria-live': 'assertive' });
  const user = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'card login', id: 'login-form', onsubmit: async (e) => {
    e.preventDefault();
    clear(error);
    try {
      await api.login(user.value, password.value);
      if (!location.hash || location.hash === '#/login') {
        location.hash = '#/runs';
      }
      route();
    } catch (err) {
      const refused = err.status === 401 || err.status === 403;
      clear(error, notice('error', refused ? 'Wrong user name or password.' : `Login failed: ${err.message}`));
      password.select();
    }
  } },
  h('h1', {}, 'Log in to Assay'),
  h('p', { class: 'muted' }, 'Use your Karaf user, the same as for the shell. ',
    'The password of the admin user karaf is in ~/.assay/admin.password (bin/assay password).'),
  h('label', { for: 'login-user' }, 'User'), user,
  h('label', { for: 'login-password' }, 'Password'), password,
  error,
  h('button', { type: 'submit', id: 'login-submit' }, 'Log in'));
  clear(main, form);
  user.focus();
}

document.getElementById('logout').addEventListener('click', () => {
  api.logout();
  location.hash = '#/login';
  route();
});

api.whenUnauthorized(() => {
  api.logout();
  route();
});

window.addEventListener('hashchange', route);
route();
