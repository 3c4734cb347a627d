// The published JSON Schemas agree with parseKpi, as a backend in another language would use them:
// a standard validator (Ajv, draft 2020-12, with format checks) accepts every fixture and rejects
// the same impossible dates and date-times parseKpi rejects (issue #16).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadRegistry } from '../../scripts/registry.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name) => path.join(root, 'demo/public/data', name);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new Map();
const schema = (kind) => {
  if (!compiled.has(kind))
    compiled.set(
      kind,
      ajv.compile(JSON.parse(readFileSync(path.join(root, 'dist/schema', `${kind}.schema.json`), 'utf8'))),
    );
  return compiled.get(kind);
};

test('every fixture is valid for its JSON Schema and for parseKpi', async () => {
  const { parseKpi } = await import('kpi-kit');
  const { WIDGETS } = await loadRegistry();
  for (const w of WIDGETS) {
    const validate = schema(w.kind);
    for (const name of [...w.fixtures, ...Object.values(w.portuguese ?? {})]) {
      const doc = JSON.parse(readFileSync(fixture(name), 'utf8'));
      assert.equal(validate(doc), true, `${name}: ${ajv.errorsText(validate.errors)}`);
      assert.equal(parseKpi(doc, w.kind).ok, true, name);
    }
  }
});

test('the JSON Schema and parseKpi agree on real and impossible dates, date-times and currency codes', async () => {
  const { parseKpi } = await import('kpi-kit');
  const funnel = JSON.parse(readFileSync(fixture('funnel.fulfilment.json'), 'utf8'));
  const validate = schema('funnel');
  const cases = [
    [{ period: { from: '2024-02-29', to: '2024-03-31' } }, true],
    [{ period: { from: '2018-02-30', to: '2018-03-31' } }, false],
    [{ period: { from: '2018-13-01', to: '2018-12-31' } }, false],
    [{ generatedAt: '2026-11-01T03:00:00Z' }, true],
    [{ generatedAt: '2026-11-01T03:00:00-03:00' }, true],
    [{ generatedAt: '2026-02-30T03:00:00Z' }, false],
    [{ generatedAt: '2026-11-01T25:00:00Z' }, false],
    // ISO 4217: a real code passes, three capitals that are no currency do not.
    [{ currency: 'USD' }, true],
    [{ currency: 'XYZ' }, false],
    [{ currency: 'brl' }, false],
  ];
  for (const [change, valid] of cases) {
    const doc = { ...funnel, ...change };
    assert.equal(validate(doc), valid, `JSON Schema on ${JSON.stringify(change)}`);
    assert.equal(parseKpi(doc, 'funnel').ok, valid, `parseKpi on ${JSON.stringify(change)}`);
  }
});

test('every JSON Schema property is described; each kind has an example both validators accept', async () => {
  const { parseKpi } = await import('kpi-kit');
  const { WIDGETS } = await loadRegistry();
  for (const { kind } of WIDGETS) {
    const json = JSON.parse(readFileSync(path.join(root, 'dist/schema', `${kind}.schema.json`), 'utf8'));
    assert.ok(json.description?.length > 20, `${kind}: a description of the document`);
    const undescribed = [];
    const walk = (node, at) => {
      if (!node || typeof node !== 'object') return;
      for (const [k, child] of Object.entries(node.properties ?? {})) {
        if (!(typeof child.description === 'string' && child.description.length > 3)) undescribed.push(`${at}${k}`);
        walk(child, `${at}${k}.`);
      }
      if (node.items) walk(node.items, `${at}[].`);
      if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${at}{}.`);
      for (const x of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) walk(x, at);
    };
    walk(json, '');
    assert.deepEqual(undescribed, [], `${kind}: properties without a description`);
    assert.ok(json.examples?.length >= 1, `${kind}: an example`);
    for (const example of json.examples) {
      assert.equal(schema(kind)(example), true, `${kind} example: ${ajv.errorsText(schema(kind).errors)}`);
      assert.equal(parseKpi(example, kind).ok, true, `${kind} example and parseKpi`);
    }
  }
});

test("the README's smallest documents are valid, one per kind, and its board manifest", async () => {
  const { parseKpi } = await import('kpi-kit');
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const docs = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
  const { WIDGETS } = await loadRegistry();
  assert.deepEqual(docs.map((d) => d.kind).sort(), [...WIDGETS.map((w) => w.kind), 'board'].sort());
  for (const doc of docs) {
    const r = parseKpi(doc, doc.kind);
    assert.equal(
      r.ok,
      true,
      `${doc.kind}: ${r.ok ? '' : r.issues.map((i) => `${i.pathText}: ${i.message}`).join('; ')}`,
    );
    assert.equal(schema(doc.kind)(doc), true, `${doc.kind}: ${ajv.errorsText(schema(doc.kind).errors)}`);
  }
});
