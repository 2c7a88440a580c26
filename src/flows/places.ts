/**
 * Which jurisdiction a person means: its id, its number in the list, its name, or a place under it — a city,
 * county or district in Chinese (济南, 延边, 东宁, 南宁, 乐清 …, from each definition's `places`) or in pinyin.
 */
import { translator } from '../i18n/index.js';
import { JURISDICTIONS } from '../rules/registry.js';
import type { JurisdictionId } from '../rules/types.js';

/** Pinyin names of the jurisdictions' main places, for people who type in English. */
const PINYIN: Record<JurisdictionId, readonly string[]> = {
  shandong: ['shandong', 'jinan', 'qingdao', 'zibo', 'zaozhuang', 'dongying', 'yantai', 'weifang', 'jining', 'taian', "tai'an", 'weihai', 'rizhao', 'linyi', 'dezhou', 'liaocheng', 'binzhou', 'heze'],
  jilin: ['jilin', 'changchun', 'siping', 'liaoyuan', 'tonghua', 'baishan', 'songyuan', 'baicheng', 'yanbian', 'yanji', 'meihekou', 'changbaishan'],
  mudanjiang: ['mudanjiang', 'suifenhe', 'dongning', 'hailin', 'ningan', "ning'an", 'muling', 'linkou'],
  guangxi: ['guangxi', 'nanning', 'liuzhou', 'guilin', 'wuzhou', 'beihai', 'fangchenggang', 'qinzhou', 'guigang', 'yulin', 'baise', 'hezhou', 'hechi', 'laibin', 'chongzuo'],
  wenzhou: ['wenzhou', 'lucheng', 'longwan', 'ouhai', 'dongtou', 'yueqing', 'ruian', "rui'an", 'longgang', 'yongjia', 'pingyang', 'cangnan', 'wencheng', 'taishun'],
};

interface Name {
  text: string;
  jurisdiction: JurisdictionId;
}

let names: Name[] | undefined;

/** Every name that points to a jurisdiction, longest first (so 牡丹江经济技术开发区 wins over 牡丹江). */
function allNames(): Name[] {
  if (names) return names;
  const list: Name[] = [];
  for (const def of JURISDICTIONS) {
    const add = (text: string) => list.push({ text: text.toLowerCase(), jurisdiction: def.id });
    for (const lang of ['zh-CN', 'en'] as const) {
      const t = translator(lang, def.id);
      add(t('name'));
      add(t('shortName'));
    }
    def.places.forEach(add);
    PINYIN[def.id].forEach(add);
  }
  names = list.filter((n) => n.text.length > 0).sort((a, b) => b.text.length - a.text.length);
  return names;
}

/** The jurisdiction `input` names, or undefined when it names none of the five. */
export function matchJurisdiction(input: string): JurisdictionId | undefined {
  const text = input.normalize('NFKC').trim().toLowerCase();
  if (text.length === 0 || text.length > 60) return undefined;
  const byId = JURISDICTIONS.find((d) => d.id === text);
  if (byId) return byId.id;
  const number = /^(\d)\.?$/.exec(text);
  if (number) return JURISDICTIONS[Number(number[1]) - 1]?.id;
  return allNames().find((n) => text.includes(n.text))?.jurisdiction;
}
