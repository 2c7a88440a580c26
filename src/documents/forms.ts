/**
 * The forms the texts define, as data. The Mudanjiang 评估认定审批表 is the annex of
 * regulations/mudanjiang-municipal.txt, field by field and verbatim (a test finds every label in the text); it
 * is printed in Chinese whatever the reader's language, as it is handed in. Shared by the staff console's HTML
 * drafts and the Word documents, so a label is written once.
 */

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
