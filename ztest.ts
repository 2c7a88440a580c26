import { RangeTable } from './src/rules/bounds.js';
const f = { institutionRevenues: Array.from({length:5},()=>({revenue:30_000_000})) };
const t = RangeTable.of(f as any);
console.log(t.get('institutionsRevenueOver30M'), t.get('institutionsRevenueOver3M'), t.conflicts);
