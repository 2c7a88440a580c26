/**
 * Word documents over HTTP: the `documents` list a session's result carries, and sending a built .docx with
 * its media type and a Content-Disposition whose `filename*` carries the Chinese name (RFC 5987/6266), with an
 * ASCII `filename` for clients that ignore it. Used by the sessions API and the staff console.
 */
import type { ServerResponse } from 'node:http';
import { type BuiltDocument, documentLinks, DOCX_TYPE } from '../documents/index.js';
import type { SessionView } from '../flows/sessions.js';

/** `value` percent-encoded as an RFC 5987 `ext-value` (attr-char only). */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="<ascii>"; filename*=UTF-8''<utf-8>`. */
export function attachmentHeader(filename: string, asciiFilename: string): string {
  const ascii = asciiFilename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(filename)}`;
}

/** Sends a built document as a download; never cached (it holds the applicant's answers). */
export function sendDocument(res: ServerResponse, doc: BuiltDocument): void {
  res.setHeader('Content-Type', DOCX_TYPE);
  res.setHeader('Content-Disposition', attachmentHeader(doc.filename, doc.asciiFilename));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', String(doc.bytes.length));
  res.end(doc.bytes);
}

/** The view with `result.documents` (name, title, URL of each Word file), when it has a result. */
export function withDocuments<V extends SessionView>(id: string, view: V): V {
  if (!view.result || !view.jurisdiction) return view;
  const documents = documentLinks(view.jurisdiction, view.lang, `/api/sessions/${encodeURIComponent(id)}/documents`, view.result.date);
  return { ...view, result: { ...view.result, documents } };
}
