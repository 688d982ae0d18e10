import { buildFixtureSite } from './tests/support/sites';
const r = buildFixtureSite('second');
console.log(r.status, r.output.slice(-300));
