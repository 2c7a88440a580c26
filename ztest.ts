import { evaluate } from './src/rules/evaluate.js';
const show = (j: string, f: any, lang: 'zh-CN'|'en', ids: string[]) => { const r = evaluate(j, f, {lang, date:'2026-06-01'}); for (const c of r.criteria.filter(c=>ids.includes(c.id))) console.log(c.id, c.status, c.explanation, JSON.stringify(c.settle ?? c.findings)); };
for (const lang of ['zh-CN','en'] as const) {
show('shandong', {layout:'single', floorArea:{min:12001,max:12999}, occupiedArea: 8000}, lang, ['shandong.floor-area','shandong.occupancy']);
show('shandong', {layout:'single', floorArea:{min:12001,max:14000}, occupiedArea: 8000}, lang, ['shandong.occupancy']);
show('shandong', {layout:'single', floorArea:{min:5001,max:8999}, occupiedArea: {min: 1000, max: 2000}, annualRevenue: {min: 300000001}}, lang, ['shandong.floor-area','shandong.occupancy','shandong.annual-revenue']);
show('guangxi', {layout:'single', commercialHrInstitutions: 30}, lang, ['guangxi.institutions']);
show('guangxi', {layout:'single', commercialHrInstitutions: 20, parkInstitutions: 40}, lang, ['guangxi.institutions']);
show('guangxi', {layout:'single', parkInstitutions: 25}, lang, ['guangxi.institutions']);
show('shandong', {commercialHrInstitutions: {min: 31, max: 39}}, lang, ['shandong.commercial-institutions']);
}
