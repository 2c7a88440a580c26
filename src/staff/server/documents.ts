/**
 * The documents the console prints, as standalone HTML pages for A4 (print stylesheet `doc.css`):
 *
 * - `checklist`: what to hand in, for any jurisdiction — the materials of its text (and the evidence the answers
 *   call for) with a box to tick, where to submit, and what is still unmet or to be confirmed.
 * - `mudanjiang-form`: the annex 市级人力资源服务产业园评估认定审批表, every field, filled from the answers.
 * - `jilin-form`: the cover page (附件1) and the 申报表 (附件3) as outlines: the text lists these annexes without
 *   reproducing them, so the outline follows the annex list and the conditions of 第五条.
 *
 * Unknown values are left blank, never zero. `download` inlines the stylesheet and drops the script and the
 * buttons, so the file stands alone.
 */
import type { Lang } from '../../i18n/index.js';
import { compiledTranslator } from '../../i18n/compiled.js';
import { type AssessmentResult, evaluate } from '../../rules/evaluate.js';
import type { Facts } from '../../rules/facts.js';
import { prepared } from '../../rules/prepared.js';
import { factLabelIn } from '../../rules/labels.js';
import { jurisdictionOn } from '../../rules/registry.js';
import type { JurisdictionDef, JurisdictionId } from '../../rules/types.js';
import type { DocKind } from '../shared/types.js';
import { detailText, factGroups, jilinCoverFields, jilinFormHead, mudanjiangFormValues } from '../../documents/fields.js';
import { quickAnswers } from './catalog.js';
import { CONSTRUCTION_MODES, FORM_MATERIALS, MUDANJIANG_FORM, MUDANJIANG_SERVICES } from './forms.js';
import { criterionGap } from './gaps.js';
import { ASSETS } from './pages.js';
import { esc, staffT } from './text.js';

/** What a document is rendered from. */
export interface DocInput {
  kind: DocKind;
  jurisdiction: JurisdictionId;
  facts: Facts;
  details: Record<string, string | string[]>;
  /** The document's language (the Mudanjiang form's labels stay verbatim Chinese). */
  lang: Lang;
  /** The console's language (toolbar). */
  uiLang: Lang;
  date: string;
  /** The request body to send again for the download. */
  payload: string;
  download: boolean;
  /** The stylesheet, for `download`. */
  css: string;
}

/** A rendered document. */
export interface RenderedDoc {
  html: string;
  filename: string;
}

const text = detailText;

/** A filled value, or a blank to write on. `field` names it for tests and screen readers alike. */
function fill(value: string, field: string): string {
  return value === ''
    ? `<span class="fill blank" data-field="${esc(field)}"></span>`
    : `<span class="fill" data-field="${esc(field)}">${esc(value)}</span>`;
}

function box(checked: boolean, label: string, field: string): string {
  return `<span class="box" data-field="${esc(field)}" data-checked="${checked}"><span class="tick" aria-hidden="true">${checked ? '☑' : '☐'}</span>${esc(label)}</span>`;
}

/** The page around a document: toolbar (not printed), sheet. */
function page(input: DocInput, title: string, sheet: string): string {
  const t = staffT(input.uiLang);
  const head = input.download
    ? `<style>\n${input.css}\n</style>`
    : `<link rel="stylesheet" href="${ASSETS.docCss}">\n<link rel="icon" href="${ASSETS.icon}" type="image/svg+xml">\n<script type="module" src="${ASSETS.docJs}"></script>`;
  const toolbar = input.download
    ? `<div class="doc-toolbar" role="note"><p>${esc(t('doc.printTip'))}</p></div>`
    : `<div class="doc-toolbar">
  <button type="button" id="print-doc" class="print">${esc(t('doc.print'))}</button>
  <form method="post" action="/staff/doc/${esc(input.kind)}?download=1&amp;lang=${esc(input.uiLang)}">
    <input type="hidden" name="payload" value="${esc(input.payload)}">
    <button type="submit">${esc(t('doc.download'))}</button>
  </form>
  <p>${esc(t('doc.draftNote'))}</p>
</div>`;
  return `<!doctype html>
<html lang="${esc(input.kind === 'mudanjiang-form' ? 'zh-CN' : input.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
${head}
</head>
<body class="doc doc-${esc(input.kind)}">
<main>
${toolbar}
${sheet}
</main>
</body>
</html>
`;
}

// ── checklist ────────────────────────────────────────────────────────────────────────────────────────────

function checklist(input: DocInput, def: JurisdictionDef, result: AssessmentResult): RenderedDoc {
  const t = staffT(input.lang);
  const rules = compiledTranslator(input.lang, 'rules');
  const title = t('doc.checklist.title', { name: result.jurisdictionName });
  const meta = [
    ['parkName', t('details.parkName'), text(input.details, 'parkName')],
    ['applicantUnit', t('details.applicantUnit'), text(input.details, 'applicantUnit')],
    ['contact', t('details.contact'), text(input.details, 'contact')],
    ['phone', t('details.phone'), text(input.details, 'phone')],
    ['date', t('doc.checklist.date'), text(input.details, 'fillDate') || result.date],
    ['verdict', t('doc.checklist.verdict'), rules(`verdict.${result.verdict}`)],
    ['basis', t('doc.checklist.basis'), [def.title, def.documentNumber].filter(Boolean).join(' ')],
  ];
  const items = result.checklist
    .map(
      (item, i) => `<tr>
  <td class="check"><span aria-hidden="true">☐</span></td>
  <td class="num">${i + 1}</td>
  <td><span class="item-title">${esc(item.title)}</span>${item.kind === 'evidence' ? ` <span class="tag">${esc(t('doc.checklist.evidence'))}</span>` : ''}${item.quote !== item.title ? `<br><span class="quote" lang="zh-CN">${esc(item.quote)}</span>` : ''}</td>
  <td class="ref">${esc(item.refText)}</td>
</tr>`,
    )
    .join('\n');
  const where = quickAnswers(def, input.lang).find((q) => q.topic === 'where');
  const paren = (ref: string) => `<span class="ref">${esc(input.lang === 'zh-CN' ? `（${ref}）` : `(${ref})`)}</span>`;
  const steps = (where?.items ?? []).map((s) => `<li>${esc(s.title)} ${paren(s.refText)}</li>`).join('\n');
  const unmet = result.criteria.filter((c) => c.status === 'unmet');
  const unmetList = unmet
    .map((c) => `<li><strong>${esc(c.title)}</strong> ${paren(c.refText)}${c.severity === 'advisory' ? ` <span class="tag">${esc(rules('severity.advisory'))}</span>` : ''}<br>${esc(criterionGap(c, def, input.lang))}</li>`)
    .join('\n');
  const missing = result.missingFacts.map((f) => `<li>${esc(factLabelIn(f, input.lang, def.id))}</li>`).join('\n');
  const sheet = `<article class="sheet">
<h1>${esc(title)}</h1>
<table class="meta">
${meta.map(([id, label, value]) => `<tr><th scope="row">${esc(label)}</th><td>${fill(value ?? '', id ?? '')}</td></tr>`).join('\n')}
</table>
${result.notices.length ? `<div class="notices">${result.notices.map((n) => `<p>${esc(n)}</p>`).join('')}</div>` : ''}
<h2>${esc(t('doc.checklist.materials'))}</h2>
<table class="items">
<thead><tr><th scope="col"><span class="visually-hidden">${esc(t('doc.checklist.done'))}</span></th><th scope="col">#</th><th scope="col">${esc(t('doc.checklist.item'))}</th><th scope="col">${esc(t('doc.checklist.ref'))}</th></tr></thead>
<tbody>
${items}
</tbody>
</table>
<h2>${esc(t('doc.checklist.where'))}</h2>
<ol class="steps">
${steps}
</ol>
${unmet.length ? `<h2>${esc(t('doc.checklist.unmet'))}</h2>\n<ul class="gaps">\n${unmetList}\n</ul>` : ''}
${missing ? `<h2>${esc(t('doc.checklist.unknown'))}</h2>\n<ul class="missing">\n${missing}\n</ul>` : ''}
<p class="footnote">${esc(t('doc.checklist.footnote', { date: result.date }))}</p>
</article>`;
  return { html: page(input, title, sheet), filename: `checklist-${def.id}.html` };
}

// ── the Mudanjiang 评估认定审批表 ─────────────────────────────────────────────────────────────────────────

function mudanjiangForm(input: DocInput): RenderedDoc {
  const F = MUDANJIANG_FORM;
  const t = staffT(input.lang);
  const gloss = (key: string) => (input.lang === 'en' ? ` <span class="gloss" lang="en">${esc(t(`doc.mudanjiang.gloss.${key}`))}</span>` : '');
  const v = mudanjiangFormValues(input.facts, input.details);
  const mode = v.constructionMode;
  const services = v.services;
  const row2 = (a: string, aKey: string, aValue: string, b: string, bKey: string, bValue: string) =>
    `<tr><th scope="row">${esc(a)}${gloss(aKey)}</th><td>${fill(aValue, aKey)}</td><th scope="row">${esc(b)}${gloss(bKey)}</th><td>${fill(bValue, bKey)}</td></tr>`;
  const row1 = (a: string, key: string, value: string) =>
    `<tr><th scope="row">${esc(a)}${gloss(key)}</th><td colspan="3">${fill(value, key)}</td></tr>`;
  const opinion = (label: string, key: string) =>
    `<tr class="opinion"><td colspan="4"><p>${esc(label)}${gloss(key)}</p><p class="seal">${esc(F.seal)}</p><p class="date">${esc(F.date)}</p></td></tr>`;
  const half = Math.ceil(MUDANJIANG_SERVICES.length / 2);
  const serviceLine = (list: readonly { value: string; label: string }[]) =>
    `<span class="line">${list.map((s) => box(services.has(s.value), s.label, `services.${s.value}`)).join(' ')}</span>`;
  const sheet = `<article class="sheet form-sheet" lang="zh-CN">
<h1>${esc(F.title)}</h1>
<p class="form-head"><span>${esc(F.applicant)}${fill(v.applicantUnit, 'applicantUnit')}${gloss('applicantUnit')}</span><span>${esc(F.fillDate)}${fill(v.fillDate, 'fillDate')}${gloss('fillDate')}</span></p>
<table class="form">
<colgroup><col class="label"><col class="value"><col class="label"><col class="value"></colgroup>
<tbody>
${row1(F.parkName, 'parkName', v.parkName)}
${row1(F.address, 'address', v.address)}
${row2(F.contact, 'contact', v.contact, F.phone, 'phone', v.phone)}
${row2(F.ownership, 'ownership', v.ownership, F.registeredOn, 'registeredOn', v.registeredOn)}
<tr><th scope="row">${esc(F.investment)}${gloss('investment')}</th><td>${fill(v.investment, 'investment')} ${esc(F.investmentUnit)}</td><th scope="row">${esc(F.landArea)}${gloss('landArea')}</th><td>${fill(v.landArea, 'landArea')}</td></tr>
${row2(F.staff, 'staff', v.staff, F.institutions, 'institutions', v.institutions)}
<tr><th scope="row">${esc(F.constructionMode)}<br>${esc(F.tick)}${gloss('constructionMode')}</th><td colspan="3">${CONSTRUCTION_MODES.map((m) => box(mode === m.value, m.label, `constructionMode.${m.value}`)).join(' ')}</td></tr>
<tr><th scope="row">${esc(F.services)}<br>${esc(F.tick)}${gloss('services')}</th><td colspan="3">${serviceLine(MUDANJIANG_SERVICES.slice(0, half))}<br>${serviceLine(MUDANJIANG_SERVICES.slice(half))}</td></tr>
${opinion(F.countyOpinion, 'countyOpinion')}
${opinion(F.cityOpinion, 'cityOpinion')}
</tbody>
</table>
</article>`;
  return { html: page(input, F.title, sheet), filename: 'mudanjiang-approval-form.html' };
}

// ── the Jilin cover page and 申报表 (outlines) ────────────────────────────────────────────────────────────

function jilinForm(input: DocInput, def: JurisdictionDef): RenderedDoc {
  const t = staffT(input.lang);
  const texts = prepared(def, input.lang);
  const { facts, details } = input;
  const coverMaterial = def.materials.find((m) => m.ref.annex === 1);
  const formMaterial = def.materials.find((m) => m.id === FORM_MATERIALS['jilin-form']);
  const formTitle = formMaterial?.quote ?? '';
  const cover = `<section class="sheet cover">
<p class="kicker">${esc(t('doc.jilin.coverKicker', { ref: coverMaterial ? texts.materials.find((m) => m.id === coverMaterial.id)?.refText ?? '' : '', name: coverMaterial?.quote ?? '' }))}</p>
<h1>${esc(t('doc.jilin.coverTitle'))}</h1>
<table class="cover-fields">
${jilinCoverFields(facts, details, input.lang)
  .map((f) => `<tr><th scope="row">${esc(f.label)}</th><td>${fill(f.value, f.id)}</td></tr>`)
  .join('\n')}
</table>
<h2>${esc(t('doc.jilin.contents'))}</h2>
<ol class="contents">
${texts.materials.map((m) => `<li>${esc(m.title)} <span class="ref">${esc(input.lang === 'zh-CN' ? `（${m.refText}）` : `(${m.refText})`)}</span></li>`).join('\n')}
</ol>
</section>`;
  const groups = factGroups(def, facts, input.lang)
    .filter((g) => g.fields.length > 0)
    .map((g) => {
      const rows = g.fields.map((f) => `<tr><th scope="row">${esc(f.label)}</th><td colspan="3">${fill(f.value, f.id)}</td></tr>`).join('\n');
      return `<tr class="group"><th colspan="4" scope="colgroup">${esc(g.refText)}<span class="group-titles">${esc(g.titles.join(t('doc.jilin.titleSeparator')))}</span></th></tr>\n${rows}`;
    })
    .join('\n');
  const form = `<section class="sheet form-sheet">
<p class="kicker">${esc(t('doc.jilin.formKicker', { ref: formMaterial ? texts.materials.find((m) => m.id === formMaterial.id)?.refText ?? '' : '' }))}</p>
<h1>${esc(formTitle)}</h1>
<table class="form">
<colgroup><col class="label"><col class="value"><col class="label"><col class="value"></colgroup>
<tbody>
${jilinFormHead(details, input.lang)
  .map((f) => `<tr><th scope="row">${esc(f.label)}</th><td colspan="3">${fill(f.value, f.id)}</td></tr>`)
  .join('\n')}
${groups}
<tr class="opinion"><td colspan="4"><p>${esc(t('doc.jilin.applicantOpinion'))}</p><p class="seal">${esc(t('doc.seal'))}</p><p class="date">${esc(t('doc.dateLine'))}</p></td></tr>
<tr class="opinion"><td colspan="4"><p>${esc(t('doc.jilin.cityOpinion'))}</p><p class="seal">${esc(t('doc.seal'))}</p><p class="date">${esc(t('doc.dateLine'))}</p></td></tr>
</tbody>
</table>
<p class="footnote">${esc(t('doc.jilin.footnote'))}</p>
</section>`;
  return { html: page(input, formTitle, `<article class="doc-pages">${cover}\n${form}</article>`), filename: 'jilin-application-form.html' };
}

/** Renders a document. */
export function renderDocument(input: DocInput): RenderedDoc {
  const def = jurisdictionOn(input.jurisdiction, input.date);
  switch (input.kind) {
    case 'checklist':
      return checklist(input, def, evaluate(def.id, input.facts, { lang: input.lang, date: input.date }));
    case 'mudanjiang-form':
      return mudanjiangForm(input);
    case 'jilin-form':
      return jilinForm(input, jurisdictionOn('jilin', input.date));
  }
}
