// Demo client of the conversation API: renders prompts, sends answers and commands, shows the result.
// Text is always inserted as text (never as HTML), so nothing a user or the server says can run as code.
const root = document.getElementById('park-advisor');
const log = root.querySelector('.log');
const form = root.querySelector('form');
const input = root.querySelector('input');
let session = null;
let lang = document.documentElement.lang === 'en' ? 'en' : 'zh-CN';

function add(text, kind) {
  const p = document.createElement('div');
  p.className = `msg ${kind}`;
  p.textContent = text;
  log.append(p);
  log.scrollTop = log.scrollHeight;
  return p;
}

async function call(path, body) {
  const response = await fetch(`/api/sessions${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  const data = await response.json();
  if (response.status === 404) { session = null; return start(); }
  if (data.error && !data.state) { add(data.error.message, 'error'); return; }
  render(data);
}

function render(view) {
  session = view.id;
  if (view.notice) add(view.notice, 'warn');
  if (view.error) add(view.error.message, 'error');
  for (const line of view.feedback ?? []) add(line, 'warn');
  if (view.state === 'results' && view.result) return renderResult(view);
  const prompt = view.prompt;
  if (!prompt || view.error) return;
  const box = add(prompt.text, 'bot');
  if (prompt.progress) box.prepend(Object.assign(document.createElement('div'), { className: 'help', textContent: prompt.progress.text }));
  box.append(Object.assign(document.createElement('div'), { className: 'help', textContent: prompt.help }));
  if (prompt.options && prompt.kind !== 'multi') {
    const options = document.createElement('div');
    options.className = 'options';
    for (const option of prompt.options) {
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: option.label });
      button.addEventListener('click', () => answer(prompt.questionId, option.value, option.label));
      options.append(button);
    }
    box.append(options);
    options.querySelector('button')?.focus();
  } else {
    input.focus();
  }
  input.dataset.question = prompt.questionId;
}

function renderResult(view) {
  const r = view.result;
  const box = add('', 'bot');
  box.append(Object.assign(document.createElement('div'), { className: 'verdict', textContent: `${r.jurisdictionName}：${verdictText(r.verdict)}` }));
  for (const c of r.criteria.filter((c) => c.status === 'unmet' || c.status === 'unknown')) {
    box.append(Object.assign(document.createElement('p'), { textContent: c.explanation }));
  }
  const list = document.createElement('ul');
  for (const m of r.checklist) list.append(Object.assign(document.createElement('li'), { textContent: `${m.title}（${m.refText}）` }));
  box.append(list);
  for (const s of r.procedure) box.append(Object.assign(document.createElement('p'), { className: 'help', textContent: `${s.title}（${s.refText}）` }));
}

function verdictText(verdict) {
  const zh = { eligible: '符合申报条件', ineligible: '暂不符合申报条件', incomplete: '信息不全，尚无法判断' };
  const en = { eligible: 'meets the conditions', ineligible: 'does not yet meet the conditions', incomplete: 'not enough information yet' };
  return (lang === 'en' ? en : zh)[verdict];
}

function answer(questionId, value, shown) {
  add(shown ?? String(value), 'user');
  call(`/${session}/answers`, { questionId, value });
}

async function start() {
  const response = await fetch('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lang }) });
  render(await response.json());
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text || !session) return;
  input.value = '';
  answer(input.dataset.question ?? 'jurisdiction', text);
});

root.querySelector('.toolbar').addEventListener('click', (event) => {
  const command = event.target.closest('button')?.dataset.command;
  if (!command || !session) return;
  if (command === 'lang') {
    lang = lang === 'en' ? 'zh-CN' : 'en';
    event.target.textContent = lang === 'en' ? '中文' : 'English';
    return call(`/${session}/lang`, { lang });
  }
  call(`/${session}/${command}`, {});
});

start();
