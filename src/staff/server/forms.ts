/**
 * The forms the texts define, as data. The Mudanjiang 评估认定审批表 is the annex of
 * regulations/mudanjiang-municipal.txt, field by field and verbatim (a test finds every label in the text); it
 * is printed in Chinese whatever the console's language, as it is handed in. Fields the fact vocabulary does
 * not hold (the park's name, address, contact, …) are the documents' "details", typed in the console.
 */
import type { DocKind } from '../shared/types.js';

/** 附件 市级人力资源服务产业园评估认定审批表 (第七条（一）2). */
export const MUDANJIANG_FORM = {
  /** The form's name as 第七条（一）2 cites it. */
  citedTitle: '《牡丹江市市级人力资源服务产业园评估认定审批表》',
  title: '市级人力资源服务产业园评估认定审批表',
  applicant: '申报单位（盖章）：',
  fillDate: '填报日期：',
  parkName: '园区名称',
  address: '园区地址',
  contact: '负责人（联系人）',
  phone: '联系电话',
  ownership: '产权归属',
  registeredOn: '注册时间',
  investment: '建设投入资金',
  investmentUnit: '万元',
  landArea: '占地面积',
  staff: '专（兼）职人员数',
  institutions: '入驻机构数量',
  constructionMode: '载体建设方式',
  services: '园区可提供的服务',
  tick: '（选择打√）',
  countyOpinion: '县级人力资源和社会保障部门意见：',
  cityOpinion: '市人力资源和社会保障局意见：',
  seal: '（盖章）',
  date: '年    月    日',
} as const;

/** 载体建设方式（选择打√）: 新建 / 改建. */
export const CONSTRUCTION_MODES = [
  { value: 'new', label: '新建' },
  { value: 'renovated', label: '改建' },
] as const;

/** 园区可提供的服务（选择打√）, in the annex's order. */
export const MUDANJIANG_SERVICES = [
  { value: 'policy_consulting', label: '政策咨询' },
  { value: 'information', label: '信息服务' },
  { value: 'registration', label: '注册登记' },
  { value: 'licensing', label: '证照审批' },
  { value: 'startup_guidance', label: '开业指导' },
  { value: 'fit_out', label: '装修入住' },
  { value: 'property', label: '物业服务' },
  { value: 'platform', label: '平台搭建' },
  { value: 'financing', label: '融资服务' },
  { value: 'other', label: '其他服务' },
] as const;

/** A detail the documents print that is not a fact. Labels: `staff:details.<id>`. */
export interface DetailDef {
  id: string;
  kind: 'text' | 'choice' | 'multi';
  /** For choices: values with their verbatim Chinese labels (glossed in English by `staff:details.<id>Options.<value>`). */
  options?: readonly { value: string; label: string }[];
  docs: readonly DocKind[];
  /** The largest accepted length. */
  max: number;
}

/** The details, in the order the console shows them. */
export const DETAILS: readonly DetailDef[] = [
  { id: 'parkName', kind: 'text', docs: ['checklist', 'mudanjiang-form', 'jilin-form'], max: 120 },
  { id: 'applicantUnit', kind: 'text', docs: ['checklist', 'mudanjiang-form', 'jilin-form'], max: 120 },
  { id: 'city', kind: 'text', docs: ['jilin-form'], max: 60 },
  { id: 'address', kind: 'text', docs: ['mudanjiang-form', 'jilin-form'], max: 200 },
  { id: 'operator', kind: 'text', docs: ['jilin-form'], max: 120 },
  { id: 'contact', kind: 'text', docs: ['checklist', 'mudanjiang-form', 'jilin-form'], max: 60 },
  { id: 'phone', kind: 'text', docs: ['checklist', 'mudanjiang-form', 'jilin-form'], max: 40 },
  { id: 'ownership', kind: 'text', docs: ['mudanjiang-form'], max: 120 },
  { id: 'registeredOn', kind: 'text', docs: ['mudanjiang-form'], max: 40 },
  { id: 'investment', kind: 'text', docs: ['mudanjiang-form'], max: 40 },
  { id: 'landArea', kind: 'text', docs: ['mudanjiang-form'], max: 40 },
  { id: 'constructionMode', kind: 'choice', options: CONSTRUCTION_MODES, docs: ['mudanjiang-form'], max: 20 },
  { id: 'services', kind: 'multi', options: MUDANJIANG_SERVICES, docs: ['mudanjiang-form'], max: 20 },
  { id: 'fillDate', kind: 'text', docs: ['checklist', 'mudanjiang-form', 'jilin-form'], max: 40 },
];

/** The material of a text that each printable form is a draft of; a jurisdiction offers the forms its materials name. */
export const FORM_MATERIALS: Readonly<Record<Exclude<DocKind, 'checklist'>, string>> = {
  'mudanjiang-form': 'mudanjiang.approval-form',
  'jilin-form': 'jilin.application-form',
};

/** Details as typed, cleaned: known ids only, strings cut to their length, options from their lists. */
export function cleanDetails(raw: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const def of DETAILS) {
    const value = (raw as Record<string, unknown>)[def.id];
    if (def.kind === 'multi') {
      const allowed = new Set(def.options?.map((o) => o.value));
      const list = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && allowed.has(v)) : [];
      if (list.length) out[def.id] = [...new Set(list)];
    } else if (def.kind === 'choice') {
      if (typeof value === 'string' && def.options?.some((o) => o.value === value)) out[def.id] = value;
    } else if (typeof value === 'string' && value.trim() !== '') {
      out[def.id] = value.trim().slice(0, def.max);
    }
  }
  return out;
}
