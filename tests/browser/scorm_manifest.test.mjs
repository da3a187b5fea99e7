// The SCORM packages' structure, read with independent tools: every zip (read here and by Python's
// zipfile) holds exactly imsmanifest.xml and the page; the manifest (parsed by Python's ElementTree) is
// SCORM 1.2 or 2004 4th edition, its organization's item points at a resource whose files are all in
// the zip, its titles name the library or the case, and its passing score follows the rule stated in
// shell/scorm/make_scorm_packages.mjs, recomputed here from the engine's replay (the `dah` tool) and
// the case's answer. The page holds the knowledge base and exactly the package's cases.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { unzipFiles } from '../../shell/scorm/zip.mjs';
import { siteDir } from './harness.mjs';
import { brier, coreAnswer, coreReplay, outcomeSpace } from './player_driver.mjs';
import { packageList, scormDir } from './scorm_host.mjs';

const kb = outcomeSpace();
const caseFiles = JSON.parse(readFileSync(path.join(siteDir, 'cases/index.json'), 'utf8')).filter((f) => f.endsWith('.case.json'));
const cases = caseFiles.map((f) => ({ file: f, ...JSON.parse(readFileSync(path.join(siteDir, 'cases', f), 'utf8')) }));

// Python's ElementTree turns the manifest into plain JSON: namespaces as {uri}name.
const PARSE = `
import json, sys, xml.etree.ElementTree as ET
def node(e):
    return {"tag": e.tag, "attrib": e.attrib, "text": (e.text or "").strip(), "children": [node(c) for c in e]}
print(json.dumps(node(ET.fromstring(sys.stdin.buffer.read()))))
`;
const parseXml = (bytes) => JSON.parse(execFileSync('python3', ['-c', PARSE], { input: bytes, encoding: 'utf8' }));
const find = (n, tag) => n.children.find((c) => c.tag === tag);
const findAll = (n, tag) => n.children.filter((c) => c.tag === tag);
const descendants = (n) => [n, ...n.children.flatMap(descendants)];

const NS = {
  '1.2': { cp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2', adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
    scormType: 'scormtype', schemaversion: '1.2' },
  '2004': { cp: 'http://www.imsglobal.org/xsd/imscp_v1p1', adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
    imsss: 'http://www.imsglobal.org/xsd/imsss', scormType: 'scormType', schemaversion: '2004 4th Edition' },
};

// The passing score, derived independently: the engine's case score from its posteriors, and the
// score of the uniform answer, Brier (1 − 1/n)² + (n − 1)/n² = 1 − 1/n.
const n = kb.diagnoses.length;
const uniformScore = 100 * (1 - (1 - 1 / n) / 2);
const passing = Object.fromEntries(cases.map((c) => {
  const stages = coreReplay(c.file);
  const engine = stages.reduce((s, p) => s + 100 * (1 - brier(p, coreAnswer(c.file)) / 2), 0) / stages.length;
  return [c.id, Math.round((uniformScore + engine) / 2)];
}));

test('one SCORM 1.2 and one SCORM 2004 package for the library and for each case, nothing else', () => {
  const listed = packageList();
  const zips = readdirSync(scormDir).filter((f) => f.endsWith('.zip')).sort();
  const expected = ['scorm12', 'scorm2004'].flatMap((t) => [`dah-tutor-${t}.zip`, ...cases.map((c) => `dah-tutor-${t}-${c.id}.zip`)]).sort();
  assert.deepEqual(zips, expected);
  assert.deepEqual(listed.map((p) => p.file).sort(), expected);
  const sizes = listed.map((p) => `${p.file} ${readFileSync(path.join(scormDir, p.file)).length}`);
  console.log(`package sizes (bytes):\n${sizes.join('\n')}`);
});

for (const version of ['1.2', '2004']) {
  test(`SCORM ${version} packages: manifest, resources, files, titles and passing scores`, () => {
    const ns = NS[version];
    const q = (prefix, name) => `{${ns[prefix]}}${name}`;
    for (const p of packageList().filter((x) => x.version === version)) {
      const entries = unzipFiles(readFileSync(path.join(scormDir, p.file)));
      const names = entries.map((e) => e.name);
      assert.deepEqual(names, ['imsmanifest.xml', 'dah-tutor.html'], `${p.file}: the manifest first, then the page`);
      const listing = execFileSync('python3', ['-c', 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n' +
        'print(",".join(z.namelist()))', path.join(scormDir, p.file)], { encoding: 'utf8' }).trim();
      assert.equal(listing, names.join(','), `${p.file}: Python reads the same zip`);

      const m = parseXml(entries[0].data);
      assert.equal(m.tag, q('cp', 'manifest'), `${p.file}: the content-packaging namespace of SCORM ${version}`);
      assert.equal(m.attrib.identifier, p.id);
      const meta = find(m, q('cp', 'metadata'));
      assert.equal(find(meta, q('cp', 'schema')).text, 'ADL SCORM');
      assert.equal(find(meta, q('cp', 'schemaversion')).text, ns.schemaversion);

      const orgs = find(m, q('cp', 'organizations'));
      const org = findAll(orgs, q('cp', 'organization')).find((o) => o.attrib.identifier === orgs.attrib.default);
      assert.ok(org, `${p.file}: the default organization exists`);
      const items = findAll(org, q('cp', 'item'));
      assert.equal(items.length, 1, 'one SCO');
      const item = items[0];
      const resources = findAll(find(m, q('cp', 'resources')), q('cp', 'resource'));
      const resource = resources.find((r) => r.attrib.identifier === item.attrib.identifierref);
      assert.ok(resource, `${p.file}: the item's resource exists`);
      assert.equal(resource.attrib[q('adlcp', ns.scormType)], 'sco');
      assert.equal(resource.attrib.type, 'webcontent');
      assert.ok(names.includes(resource.attrib.href), `${p.file}: the launch page ${resource.attrib.href} is in the zip`);
      for (const f of findAll(resource, q('cp', 'file'))) assert.ok(names.includes(f.attrib.href), `${p.file}: ${f.attrib.href} is in the zip`);
      assert.deepEqual(findAll(resource, q('cp', 'file')).map((f) => f.attrib.href).sort(), names.filter((x) => x !== 'imsmanifest.xml'),
        'every file of the zip but the manifest is listed');

      const theCases = p.cases.map((id) => cases.find((c) => c.id === id));
      const title = theCases.length === 1 ? `DAH Tutor: ${theCases[0].title}` : `DAH Tutor: diffuse alveolar hemorrhage, ${cases.length} cases`;
      assert.equal(find(org, q('cp', 'title')).text, title);
      assert.equal(find(item, q('cp', 'title')).text, title);
      const expectedPassing = Math.round(theCases.reduce((s, c) => s + passing[c.id], 0) / theCases.length);
      if (version === '1.2') {
        assert.equal(find(item, q('adlcp', 'masteryscore')).text, String(expectedPassing), `${p.file}: mastery score`);
      } else {
        const measure = descendants(item).find((x) => x.tag === q('imsss', 'minNormalizedMeasure'));
        assert.equal(Number(measure.text), expectedPassing / 100, `${p.file}: minimum normalized measure`);
        const objective = descendants(item).find((x) => x.tag === q('imsss', 'primaryObjective'));
        assert.equal(objective.attrib.satisfiedByMeasure, 'true');
        const threshold = find(item, q('adlcp', 'completionThreshold'));
        assert.equal(threshold.attrib.completedByMeasure, 'true');
        assert.equal(Number(threshold.attrib.minProgressMeasure), 1);
      }

      // The page: the package's configuration and exactly its cases, with the knowledge base.
      const html = entries[1].data.toString('utf8');
      assert.ok(html.includes(`<title>${title.replace(/&/g, '&amp;').replace(/'/g, '&#39;')}</title>`), `${p.file}: page title`);
      const config = JSON.parse(html.match(/window\.DAH_SCORM = (\{.*?\});/)[1]);
      assert.equal(config.version, version);
      assert.deepEqual(config.caseIds, p.cases);
      assert.equal(config.masteryScore, expectedPassing);
      const embedded = JSON.parse(html.match(/window\.DAH_EMBEDDED = (\{.*?\});<\/script>/s)[1]);
      assert.deepEqual(embedded.library.files.map((f) => f.name), ['knowledge-base-v2.json', ...theCases.map((c) => c.file)]);
    }
  });
}
