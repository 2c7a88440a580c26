/**
 * Reads a .docx back with readers independent of the library that wrote it: jszip opens the package, fast-xml-parser
 * validates every XML part strictly, mammoth turns the body into text. A file that is not a well-formed Word
 * package (no main part, a content type missing, one unbalanced tag) fails here.
 */
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { expect } from 'vitest';

/** What a test looks at in a document. */
export interface ReadDocx {
  /** The body as text (mammoth): paragraphs and table cells, one per line. */
  text: string;
  /** word/document.xml. */
  xml: string;
  /** Every part's XML, by path. */
  parts: Record<string, string>;
  /** The text of every table cell, in document order. */
  cells: string[];
}

const MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** The text runs of an XML fragment, concatenated (entities decoded). */
export function runsText(fragment: string): string {
  return [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Opens, validates and reads a .docx. */
export async function readDocx(bytes: Uint8Array): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const [path, entry] of Object.entries(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/.test(path)) continue;
    const xml = await entry.async('string');
    const valid = XMLValidator.validate(xml);
    expect(valid, `${path} is well-formed XML`).toBe(true);
    parts[path] = xml;
  }
  const types = parts['[Content_Types].xml'] ?? '';
  const override = (path: string) => [...types.matchAll(/<Override [^>]*\/>/g)].map((m) => m[0]).find((o) => o.includes(`PartName="/${path}"`));
  expect(override('word/document.xml')).toContain(`ContentType="${MAIN}"`);
  for (const path of Object.keys(parts).filter((p) => p.startsWith('word/') && p.endsWith('.xml'))) {
    // Every part of word/ has its own content type.
    expect(override(path), path).toMatch(/ContentType="application\/vnd\.openxmlformats-officedocument\.[A-Za-z.+-]+"/);
  }
  expect(parts['_rels/.rels']).toContain('Target="word/document.xml"');
  const xml = parts['word/document.xml'] ?? '';
  const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  const cells = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => runsText(m[1] ?? ''));
  return { text, xml, parts, cells };
}

/** The text of the cell right after the cell whose text is `label` (the value of a label/value form). */
export function cellAfter(doc: ReadDocx, label: string): string | undefined {
  const i = doc.cells.findIndex((c) => c.trim() === label || c.startsWith(label));
  return i < 0 ? undefined : doc.cells[i + 1];
}
