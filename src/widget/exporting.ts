/**
 * The checklist as a file to keep: Markdown (`- [x]` task items) and a standalone HTML page, both with the
 * verdict, the unmet conditions, the checklist with the user's ticks and the procedure; handed to the browser
 * as a download through a Blob and an object URL (no third-party code, no request).
 */
import { h } from './dom.js';
import type { T } from './i18n.js';
import type { AssessmentResult } from './types.js';

/** Escapes text for Markdown (inline markup, and HTML that a renderer would pass through). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Section {
  heading: string;
  items: { text: string; ticked?: boolean }[];
  ordered?: boolean;
}

/** The document's content, shared by both formats. */
function sections(result: AssessmentResult, ticks: ReadonlySet<string>, t: T): { title: string; lines: string[]; sections: Section[] } {
  const withRef = (title: string, ref: string) => t('withRef', { title, ref });
  const out: Section[] = [];
  for (const kind of ['material', 'evidence'] as const) {
    const items = result.checklist.filter((i) => i.kind === kind);
    if (items.length) out.push({ heading: t(`result.${kind}`), items: items.map((i) => ({ text: withRef(i.title, i.refText), ticked: ticks.has(i.id) })) });
  }
  if (result.procedure.length) out.push({ heading: t('result.procedure'), ordered: true, items: result.procedure.map((s) => ({ text: withRef(s.title, s.refText) })) });
  const unmet = result.criteria.filter((c) => c.status === 'unmet');
  if (unmet.length) out.push({ heading: t('result.unmet'), items: unmet.map((c) => ({ text: c.explanation })) });
  const unknown = result.criteria.filter((c) => c.status === 'unknown');
  if (unknown.length) out.push({ heading: t('result.unknown'), items: unknown.map((c) => ({ text: c.explanation })) });
  return {
    title: t('export.title', { name: result.jurisdictionName }),
    lines: [t('export.verdict', { verdict: t(`result.verdict.${result.verdict}`) }), t('export.date', { date: result.date })],
    sections: out,
  };
}

/** The checklist as Markdown. */
export function checklistMarkdown(result: AssessmentResult, ticks: ReadonlySet<string>, t: T): string {
  const doc = sections(result, ticks, t);
  const md = [`# ${escapeMarkdown(doc.title)}`, '', ...doc.lines.map((l) => `${escapeMarkdown(l)}  `), ''];
  for (const section of doc.sections) {
    md.push(`## ${escapeMarkdown(section.heading)}`, '');
    section.items.forEach((item, i) => {
      const marker = section.ordered ? `${i + 1}.` : item.ticked === undefined ? '-' : `- [${item.ticked ? 'x' : ' '}]`;
      md.push(`${marker} ${escapeMarkdown(item.text)}`);
    });
    md.push('');
  }
  md.push(`_${escapeMarkdown(t('export.generated'))}_`, '');
  return md.join('\n');
}

/** The checklist as a standalone, printable HTML page (every text escaped). */
export function checklistHtml(result: AssessmentResult, ticks: ReadonlySet<string>, t: T): string {
  const doc = sections(result, ticks, t);
  const body = doc.sections
    .map((section) => {
      const tag = section.ordered ? 'ol' : 'ul';
      const items = section.items
        .map((item) =>
          item.ticked === undefined
            ? `<li>${escapeHtml(item.text)}</li>`
            : `<li class="task"><label><input type="checkbox"${item.ticked ? ' checked' : ''}> ${escapeHtml(item.text)}</label></li>`,
        )
        .join('\n');
      return `<h2>${escapeHtml(section.heading)}</h2>\n<${tag}>\n${items}\n</${tag}>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(result.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>
body{font:16px/1.6 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:760px;margin:24px auto;padding:0 16px;color:#1b1b1b}
li{margin:4px 0}.task{list-style:none;margin-left:-20px}input{width:18px;height:18px;vertical-align:-3px}
@media print{body{margin:0}}
</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
${doc.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
${body}
<p><small>${escapeHtml(t('export.generated'))}</small></p>
</body>
</html>
`;
}

/** Offers `text` as a file download named `name`. */
export function download(container: Node, name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  container.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
