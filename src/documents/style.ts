/**
 * The house style of the Word documents, after Chinese official-document practice (党政机关公文格式 GB/T
 * 9704-2012): A4, margins of about 37/35/28/26 mm, body in 仿宋_GB2312 三号 (16 pt) on a fixed line pitch, headings
 * in 黑体, the title in 小标宋 二号 (22 pt), tables in 小四 (12 pt), the page number "— 1 —" centred in the
 * footer. Fonts that a reader's machine may lack get alternatives through the font table (`w:altName`, read by
 * Word and WPS) and the run's East Asian language (zh-CN), which makes LibreOffice pick an installed CJK serif
 * such as Noto Serif CJK SC. The helpers build the few kinds of blocks the documents use.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

/** Font names, as Chinese Word and WPS installations name them. */
export const FONTS = {
  body: '仿宋_GB2312',
  heading: '黑体',
  title: '方正小标宋简体',
  table: '宋体',
  latin: 'Times New Roman',
} as const;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
export const SIZES = { title: 44, body: 32, four: 28, table: 24, small: 21 } as const;

/** A4 in twips, and the margins of GB/T 9704 (37 mm top, 35 mm bottom, 28 mm left, 26 mm right). */
export const PAGE = { width: 11_906, height: 16_838, top: 2_098, bottom: 1_984, left: 1_587, right: 1_474 } as const;
/** The text width between the margins, in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** The body's line pitch: fixed 28.95 pt, 22 lines to the page as the standard asks. */
const BODY_LINE = 579;

type RunStyle = Omit<IRunOptions, 'text' | 'children'>;

/** A run of text in a font role, East Asian language zh-CN (so fallbacks stay CJK) and Latin in Times New Roman. */
export function run(text: string, font: keyof typeof FONTS = 'body', style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS[font], cs: FONTS.latin },
    language: { value: 'en-US', eastAsia: 'zh-CN' },
    ...style,
  });
}

/** The document title: 小标宋 二号, centred, one paragraph per line (long titles break where the meaning does). */
export function title(lines: string | readonly string[]): Paragraph[] {
  const list = typeof lines === 'string' ? [lines] : lines;
  return list.map(
    (text, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { line: 660, lineRule: LineRuleType.EXACT, after: i === list.length - 1 ? 300 : 0 },
        children: [run(text, 'title', { size: SIZES.title })],
      }),
  );
}

/** A compact line in the body font (仿宋 四号, single spacing): lists on a cover page. */
export function line(text: string, options: { indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: { line: 380, lineRule: LineRuleType.EXACT },
    indent: options.indent === false ? undefined : { left: 640, hanging: 320 },
    children: [run(text, 'body', { size: SIZES.four })],
  });
}

/** A first-level heading (一、…): 黑体 三号. */
export function heading(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 160 },
    indent: { firstLine: 640 },
    children: [run(text, 'heading', { size: SIZES.body })],
  });
}

/** A body paragraph: 仿宋 三号, first line indented two characters, fixed pitch. */
export function body(children: string | ParagraphChild[], options: { indent?: boolean; align?: 'left' | 'right' | 'center' | 'both' } = {}): Paragraph {
  const alignment = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER, both: AlignmentType.JUSTIFIED }[options.align ?? 'both'];
  return new Paragraph({
    alignment,
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
    indent: options.indent === false ? undefined : { firstLine: 640 },
    children: typeof children === 'string' ? [run(children, 'body', { size: SIZES.body })] : children,
  });
}

/** A highlighted note (a draft or outline mark): 黑体 四号 in a box, so that nobody files it unedited. */
export function mark(text: string, size: number = SIZES.four): Paragraph {
  const line = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    border: { top: line, bottom: line, left: line, right: line },
    spacing: { after: 200 },
    children: [run(text, 'heading', { size })],
  });
}

/** A paragraph of table text: 宋体 小四, single spacing. */
export function cellText(children: string | ParagraphChild[], options: { bold?: boolean; align?: 'left' | 'center' | 'right' } = {}): Paragraph {
  const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT }[options.align ?? 'left'];
  return new Paragraph({
    alignment,
    spacing: { line: 300, lineRule: LineRuleType.AUTO },
    children: typeof children === 'string' ? [run(children, options.bold ? 'heading' : 'table', { size: SIZES.table })] : children,
  });
}

/** A run of table text. */
export function cellRun(text: string, style: RunStyle & { font?: keyof typeof FONTS } = {}): TextRun {
  const { font = 'table', ...rest } = style;
  return run(text, font, { size: SIZES.table, ...rest });
}

/** One cell: its paragraphs, width in twips, how many columns it spans. */
export interface CellSpec {
  children: Paragraph[];
  width: number;
  span?: number;
  /** Vertical alignment (default: centred); long cells read better from the top. */
  align?: 'top' | 'center';
}

/** A cell with the documents' padding and borders. */
export function cell(spec: CellSpec): TableCell {
  return new TableCell({
    children: spec.children,
    width: { size: spec.width, type: WidthType.DXA },
    columnSpan: spec.span,
    verticalAlign: spec.align === 'top' ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
}

/** A table of fixed column widths (twips), full borders, rows at least `minHeight` tall. */
export function table(columns: readonly number[], rows: readonly { cells: CellSpec[]; minHeight?: number; header?: boolean; cantSplit?: boolean }[]): Table {
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  return new Table({
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...columns],
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: rows.map(
      (r) =>
        new TableRow({
          children: r.cells.map(cell),
          tableHeader: r.header,
          cantSplit: r.cantSplit ?? true,
          ...(r.minHeight ? { height: { value: r.minHeight, rule: 'atLeast' as const } } : {}),
        }),
    ),
  });
}

/** An empty paragraph (vertical space). */
export function gap(after = 120): Paragraph {
  return new Paragraph({ spacing: { after }, children: [] });
}

/** The footer: "— 1 —" centred, 宋体 四号, as GB/T 9704 numbers pages. */
function pageFooter(): Footer {
  const size = SIZES.four;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run('— ', 'table', { size }), new TextRun({ children: [PageNumber.CURRENT], size, font: FONTS.latin }), run(' —', 'table', { size })],
      }),
    ],
  });
}

/**
 * The font table: each font the documents name, with an alternative a reader's machine is likelier to have
 * (`w:altName`) and the GB2312 character set, so Word and WPS substitute 仿宋 for 仿宋_GB2312 and 宋体 for 小标宋
 * rather than a Latin font; Noto Serif CJK SC is listed for systems that have only the free CJK fonts.
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${[
  ['仿宋_GB2312', '仿宋', '02010609030101010101', 'modern', 'fixed'],
  ['仿宋', 'FangSong', '02010609060101010101', 'modern', 'fixed'],
  ['黑体', 'SimHei', '02010609060101010101', 'modern', 'fixed'],
  ['方正小标宋简体', '宋体', '02000000000000000000', 'auto', 'variable'],
  ['宋体', 'SimSun', '02010600030101010101', 'auto', 'variable'],
  ['Noto Serif CJK SC', '宋体', '02020400000000000000', 'roman', 'variable'],
  ['Times New Roman', '', '02020603050405020304', 'roman', 'variable'],
]
  .map(
    ([name, alt, panose, family, pitch]) =>
      `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:panose1 w:val="${panose}"/><w:charset w:val="${name === 'Times New Roman' ? '00' : '86'}"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`,
  )
  .join('')}</w:fonts>`;

/** A page header carrying `text` (a draft's or an outline's mark, on every page): 黑体 五号, centred, ruled below. */
function markHeader(text: string): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 2 } },
        children: [run(text, 'heading', { size: SIZES.small })],
      }),
    ],
  });
}

/** What a document is made of: its title (the file's metadata) and its sections' children. */
export interface DocumentSpec {
  title: string;
  /** A mark on every page's header ("草稿", "提纲"). */
  header?: string;
  /** One list of blocks per section; each section starts on a new page. */
  sections: (Paragraph | Table)[][];
  lang: 'zh-CN' | 'en';
}

/** Packs a document in the house style into the bytes of a .docx file. */
export async function pack(spec: DocumentSpec): Promise<Buffer> {
  const doc = new Document({
    title: spec.title,
    creator: 'Park Advisor 园区申报助手',
    description: spec.title,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.body, cs: FONTS.latin },
            size: SIZES.body,
            language: { value: spec.lang === 'en' ? 'en-US' : 'zh-CN', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: spec.sections.map((children) => ({
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 851, footer: 992 },
        },
      },
      ...(spec.header ? { headers: { default: markHeader(spec.header) } } : {}),
      footers: { default: pageFooter() },
      children,
    })),
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
