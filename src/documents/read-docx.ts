/**
 * The text of a Word file an applicant wrote, line by line (each paragraph, each table cell), for reading the
 * answers it gives (`flows/document-answers.ts`). mammoth reads the .docx; before it does, the archive's own
 * directory is checked so that a small upload cannot unpack into gigabytes (a .docx is a zip archive).
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';

/** Why a file could not be read. */
export class DocumentReadError extends Error {
  constructor(readonly code: 'notWord' | 'tooLarge') {
    super(code === 'notWord' ? 'Not a Word (.docx) file' : 'The document unpacks to more than is read');
    this.name = 'DocumentReadError';
  }
}

/** The most an applicant's file may weigh, as sent (the staff console's upload, a file sent to the bot). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** The most a document's unpacked parts may hold: far more than any 申报书's text, far less than a zip bomb's. */
const MAX_UNPACKED = 50 * 1024 * 1024;

/** jszip keeps each entry's sizes from the archive's directory (not part of its typings). */
type Entry = JSZip.JSZipObject & { _data?: { uncompressedSize?: number } };

/** The non-empty lines of a .docx's text (paragraphs and table cells in reading order). */
export async function docxLines(file: Uint8Array): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file);
  } catch {
    throw new DocumentReadError('notWord');
  }
  if (!zip.file('word/document.xml')) throw new DocumentReadError('notWord');
  let unpacked = 0;
  zip.forEach((_path, entry) => {
    unpacked += (entry as Entry)._data?.uncompressedSize ?? Number.POSITIVE_INFINITY;
  });
  if (unpacked > MAX_UNPACKED) throw new DocumentReadError('tooLarge');
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: Buffer.from(file) })).value;
  } catch {
    throw new DocumentReadError('notWord');
  }
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
