import { readFileSync, writeFileSync } from 'node:fs';
import { withFieldReference } from '../docs/field-reference';
import { withProblemCodes } from '../docs/problem-codes';

// `npm run docs`: regenerate CONTRIBUTING.md's field reference (from the schemas) and problem codes (from src/validate/codes.ts).
const file = 'CONTRIBUTING.md';
writeFileSync(file, withProblemCodes(withFieldReference(readFileSync(file, 'utf8'))));
console.log(`已更新 ${file} 的字段说明和问题代码表。`);
