import { readFileSync, writeFileSync } from 'node:fs';
import { withFieldReference } from '../docs/field-reference';

// `npm run docs`: regenerate CONTRIBUTING.md's field reference from the schemas.
const file = 'CONTRIBUTING.md';
writeFileSync(file, withFieldReference(readFileSync(file, 'utf8')));
console.log(`已更新 ${file} 的字段说明。`);
