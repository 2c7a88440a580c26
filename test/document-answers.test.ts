/**
 * Reading an applicant's own Word file (申报书, 情况说明) into answers for the staff console: the lines a .docx holds
 * (paragraphs and table cells, as mammoth reads them), the answers they give (a fact's name, then the words after it,
 * read as typed), and the route that does both under the console's access rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import express from 'express';
import JSZip from 'jszip';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DocumentReadError, docxLines } from '../src/documents/read-docx.js';
import { answersInLines } from '../src/flows/document-answers.js';
import { staffRoutes } from '../src/server/staff.js';

const TODAY = '2026-11-23';
/** The project's own copies of the five texts. */
const REGULATIONS = new URL('../regulations/', import.meta.url);

/** A Word file as an applicant writes one: a title, prose with figures, and a two-column table. */
async function applicantDocx(): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '关于申报省级人力资源服务产业园的请示', bold: true })] }),
          new Paragraph('园区总建筑面积1.2万平方米，其中入驻机构使用面积9000平方米。'),
          new Paragraph('目前入驻人力资源服务机构35家，其中经营性人力资源服务机构30家。'),
          new Table({
            rows: [
              new TableRow({ children: [cell('上一年度营业收入'), cell('5.2亿元')] }),
              new TableRow({ children: [cell('专职工作人员'), cell('12人')] }),
              new TableRow({ children: [cell('管理制度'), cell('已建立')] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('the answers lines give', () => {
  const read = (lines: string[]) => Object.fromEntries(answersInLines(lines, TODAY).found.map((a) => [a.questionId, a.text]));

  it.each([
    ['园区总建筑面积1.2万平方米，入驻率75%。', { floorArea: '1.2万平方米' }],
    ['建筑面积：约8000平方米', { floorArea: '约8000平方米' }],
    // The longest name a line says wins: 核心园区建筑面积 is not 建筑面积, 经营性… not 人力资源服务机构.
    ['核心园区建筑面积8000平方米', { coreFloorArea: '8000平方米' }],
    ['入驻人力资源服务机构35家，其中经营性人力资源服务机构30家', { hrInstitutions: '35家', commercialHrInstitutions: '30家' }],
    ['入园企业总数60家', { parkInstitutions: '60家' }],
    ['2024年园区营业收入5亿多元，同比增长12%。', { annualRevenue: '5亿多元' }],
    ['营业收入超过300万元的机构18家', { institutionsRevenueOver3M: '18家' }],
    ['管理制度：已建立', { hasManagementRules: '已建立' }],
    // A branch park's figure is not the park's (per-branch figures are not read from files).
    ['第一分园区建筑面积3000平方米，核心园区建筑面积8000平方米', { coreFloorArea: '8000平方米' }],
    ['Gross floor area: 12,000 sqm', { floorArea: '12,000 sqm' }],
  ])('%s', (line, expected) => {
    expect(read([line])).toEqual(expected);
  });

  it('reads a long paragraph sentence by sentence, and names the sentence an answer came from', () => {
    const filler = '本园区坚持以服务为中心，不断完善管理制度，持续优化营商环境，推动产业集聚发展，'.repeat(10);
    const { found } = answersInLines([`${filler}园区总建筑面积1.2万平方米，入驻人力资源服务机构35家。${'同时积极开展公益活动。'.repeat(20)}`], TODAY);
    expect(found).toEqual([
      { questionId: 'floorArea', text: '1.2万平方米', line: expect.stringMatching(/园区总建筑面积1\.2万平方米，入驻人力资源服务机构35家。$/) },
      { questionId: 'hrInstitutions', text: '35家', line: expect.stringMatching(/园区总建筑面积1\.2万平方米，入驻人力资源服务机构35家。$/) },
    ]);
    expect(found[0]!.line.length).toBeLessThanOrEqual(200);
  });

  it('a name alone on its line (a table\'s label cell) takes the next line, and says where both came from', () => {
    const { found } = answersInLines(['专职工作人员', '12人'], TODAY);
    expect(found).toEqual([{ questionId: 'fullTimeStaff', text: '12人', line: '专职工作人员 12人' }]);
  });

  it('never reads a yes or no from prose, nor a name with nothing readable after it', () => {
    expect(read(['园区设有管委会，负责日常运营，管理制度正在逐步完善，各项工作有序推进。'])).toEqual({});
    expect(read(['园区建筑面积情况详见附件'])).toEqual({});
  });

  it('passes over the conditions a 申报书 quotes: a limit is not the park\'s figure', () => {
    expect(read(['按照《办法》要求，园区建筑面积不少于1万平方米；我园区总建筑面积1.5万平方米。'])).toEqual({ floorArea: '1.5万平方米' });
    expect(read(['经营性人力资源服务机构不少于20家'])).toEqual({});
    expect(read(['上一年度园区营业收入达5亿元以上'])).toEqual({});
  });

  it.each(readdirSync(REGULATIONS).filter((f) => f.endsWith('.txt')))('reads nothing from the text of %s itself (only conditions)', (file) => {
    expect(answersInLines(readFileSync(new URL(file, REGULATIONS), 'utf8').split('\n'), TODAY)).toEqual({ found: [], conflicting: [] });
  });

  it('keeps the first value of a fact, and reports a fact the file gives two values for', () => {
    const result = answersInLines(['园区总建筑面积1.2万平方米', '附：园区总建筑面积约1.3万平方米', '园区建筑面积12000平方米'], TODAY);
    expect(result.found).toEqual([{ questionId: 'floorArea', text: '1.2万平方米', line: '园区总建筑面积1.2万平方米' }]);
    expect(result.conflicting).toEqual(['floorArea']);
  });

  it('reads a part as a share of a whole found before it, as typed answers are (入驻面积 75%)', () => {
    expect(read(['园区建筑面积12000平方米', '入驻面积：75%'])).toEqual({ floorArea: '12000平方米', occupiedArea: '75%' });
  });
});

describe('a .docx', () => {
  it('is read as its paragraphs and table cells, in order', async () => {
    const lines = await docxLines(await applicantDocx());
    expect(lines).toEqual([
      '关于申报省级人力资源服务产业园的请示',
      '园区总建筑面积1.2万平方米，其中入驻机构使用面积9000平方米。',
      '目前入驻人力资源服务机构35家，其中经营性人力资源服务机构30家。',
      '上一年度营业收入',
      '5.2亿元',
      '专职工作人员',
      '12人',
      '管理制度',
      '已建立',
    ]);
  });

  it('refuses what is no Word file, and an archive that would unpack into too much (a zip bomb)', async () => {
    await expect(docxLines(Buffer.from('这不是 Word 文件'))).rejects.toEqual(new DocumentReadError('notWord'));
    const notWord = await new JSZip().file('readme.txt', 'x').generateAsync({ type: 'nodebuffer' });
    await expect(docxLines(notWord)).rejects.toEqual(new DocumentReadError('notWord'));
    const bomb = await new JSZip().file('word/document.xml', '0'.repeat(60 * 1024 * 1024)).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(docxLines(bomb)).rejects.toEqual(new DocumentReadError('tooLarge'));
  });
});

describe('POST /staff/api/document-answers', () => {
  const app = express().use(staffRoutes({ today: () => TODAY }));
  const post = (body: Buffer | string, type: string, query = '?lang=zh-CN&jurisdiction=shandong') =>
    request(app).post(`/staff/api/document-answers${query}`).set('content-type', type).send(body);

  it('answers a .docx with what it says, each with its field\'s name as the text applied names it, its words and its line', async () => {
    const res = await post(await applicantDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.status).toBe(200);
    expect(res.body.found).toContainEqual({ questionId: 'annualRevenue', text: '5.2亿元', line: '上一年度营业收入 5.2亿元', label: '园区年营业收入' });
    expect(res.body.found.map((a: { questionId: string }) => a.questionId)).toEqual([
      'floorArea', 'occupiedArea', 'hrInstitutions', 'commercialHrInstitutions', 'annualRevenue', 'fullTimeStaff', 'hasManagementRules',
    ]);
    expect(res.body.conflicting).toEqual([]);
  });

  it('reads plain text too', async () => {
    const res = await post('园区建筑面积：1.5万平方米\n入驻人力资源服务机构 40家', 'text/plain');
    expect(res.body.found.map((a: { text: string }) => a.text)).toEqual(['1.5万平方米', '40家']);
  });

  it('refuses what it cannot read with a clear message in the console\'s language, and a file over 5 MB', async () => {
    const zh = await post(Buffer.from('PK not really'), 'application/octet-stream');
    expect(zh.status).toBe(400);
    expect(zh.body.error).toMatchObject({ code: 'not_a_document', message: expect.stringContaining('另存为 .docx') });
    const en = await post(Buffer.from('PK not really'), 'application/octet-stream', '?lang=en');
    expect(en.body.error.message).toMatch(/^This is not a Word \(\.docx\) file/);
    const empty = await post(Buffer.alloc(0), 'application/octet-stream');
    expect(empty.status).toBe(400);
    const big = await post(Buffer.alloc(6 * 1024 * 1024, 1), 'application/octet-stream');
    expect(big.status).toBe(413);
  });
});
