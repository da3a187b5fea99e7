// Builds the SCORM packages from the site: for SCORM 1.2 and SCORM 2004 4th edition, one package with
// the whole library and one per case (a lecturer assigns one case). Each is a zip with imsmanifest.xml
// and dah-tutor.html, the single-file edition (make_single_file.mjs) holding only the package's cases
// and, before the app and the loader, the LMS adapter (scorm_adapter.js with suspend_codec.js). Also writes
// packages.json listing them (file, version, title, cases, passing score, bytes).
//
// Passing score: halfway from an answer without reasoning to the engine. The score is the app's: the
// mean over stages of 100 × (1 − Brier / 2). Leaving every one of the n diagnoses equally likely at
// every stage scores 100 × (1 − (1 − 1/n) / 2) (53.3 with 15); the engine, which reasons with the
// knowledge base's published figures, scores 89–100 on the cases. A case is passed at the mean of the
// two, rounded; a package of several cases passes at the mean of their passing scores.
// DAH_JS is the `dah` tool built for node (`dah outcomes` gives the engine).
// Usage: node make_scorm_packages.mjs SITE_DIR OUT_DIR DAH_JS
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { escapeHtml, singleFileHtml } from '../make_single_file.mjs';
import { zipFiles } from './zip.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PAGE = 'dah-tutor.html';

// The app's case score for the engine: mean over stages of 100 × (1 − Brier / 2), Brier over every diagnosis.
export function engineScore(replayed, answer) {
  const scores = replayed.stages.map((s) => {
    const brier = s.posterior.reduce((sum, p, i) => sum + (p - (replayed.diagnoses[i] === answer ? 1 : 0)) ** 2, 0);
    return Math.min(100, Math.max(0, 100 * (1 - brier / 2)));
  });
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

// The score of the uniform answer over n diagnoses at every stage.
export const uniformScore = (n) => 100 * (1 - (1 - 1 / n) / 2);
export const passingScoreOf = (engine, n) => Math.round((uniformScore(n) + engine) / 2);

function manifest12({ id, title, mastery }) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${escapeHtml(title)}</title>
      <item identifier="item" identifierref="sco" isvisible="true">
        <title>${escapeHtml(title)}</title>
        <adlcp:masteryscore>${mastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="${PAGE}">
      <file href="${PAGE}"/>
    </resource>
  </resources>
</manifest>
`;
}

function manifest2004({ id, title, mastery }) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${escapeHtml(title)}</title>
      <item identifier="item" identifierref="sco" isvisible="true">
        <title>${escapeHtml(title)}</title>
        <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="1.0"/>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="passing-score" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${(mastery / 100).toFixed(2)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormType="sco" href="${PAGE}">
      <file href="${PAGE}"/>
    </resource>
  </resources>
</manifest>
`;
}

const NOTICE_STYLE = `
.scorm-notice { position: fixed; left: 50%; bottom: 1em; transform: translateX(-50%); max-width: min(36em, 90vw);
  padding: .6em 1em; background: #2e3440; color: #eceff4; border: 1px solid #88c0d0; border-radius: .4em;
  font-size: .85em; box-shadow: 0 .2em .8em rgba(0, 0, 0, .5); cursor: pointer; z-index: 10; }
`;

export function buildPackages(siteDir, outDir, engineReplay) {
  const library = JSON.parse(readFileSync(path.join(siteDir, 'cases/library.json'), 'utf8'));
  const [kbFile, ...caseFiles] = library.files;
  const cases = caseFiles.map((f) => {
    const c = JSON.parse(f.text);
    const replayed = engineReplay.cases.find((r) => r.case === c.id);
    if (!replayed) throw new Error(`the engine's replay has no case ${c.id}`);
    const engine = engineScore(replayed, replayed.answer);
    return { id: c.id, title: c.title, file: f, engine, mastery: passingScoreOf(engine, replayed.diagnoses.length) };
  });
  const scripts = [readFileSync(path.join(here, 'suspend_codec.js'), 'utf8'), readFileSync(path.join(here, 'scorm_adapter.js'), 'utf8')];
  const scopes = [
    { suffix: '', title: `DAH Tutor: diffuse alveolar hemorrhage, ${cases.length} cases`, cases },
    ...cases.map((c) => ({ suffix: '-' + c.id, title: `DAH Tutor: ${c.title}`, cases: [c] })),
  ];
  mkdirSync(outDir, { recursive: true });
  const listed = [];
  for (const version of ['1.2', '2004']) {
    const tag = version === '1.2' ? 'scorm12' : 'scorm2004';
    for (const scope of scopes) {
      const id = `dah-tutor-${tag}${scope.suffix}`;
      const mastery = Math.round(scope.cases.reduce((s, c) => s + c.mastery, 0) / scope.cases.length);
      const config = { version, packageId: id, title: scope.title, caseIds: scope.cases.map((c) => c.id), masteryScore: mastery };
      const html = singleFileHtml(siteDir, {
        library: { files: [kbFile, ...scope.cases.map((c) => c.file)] },
        scripts: ['window.DAH_SCORM = ' + JSON.stringify(config).replace(/</g, '\\u003c') + ';', ...scripts],
        style: NOTICE_STYLE,
        title: scope.title,
      });
      const xml = (version === '1.2' ? manifest12 : manifest2004)({ id, title: scope.title, mastery });
      const zip = zipFiles([{ name: 'imsmanifest.xml', data: xml }, { name: PAGE, data: html }]);
      const file = `${id}.zip`;
      writeFileSync(path.join(outDir, file), zip);
      listed.push({ file, version, id, title: scope.title, cases: config.caseIds, mastery, bytes: zip.length });
    }
  }
  // A case that has left the library leaves no package of an earlier build behind for an LMS to upload.
  const current = new Set(listed.map((p) => p.file));
  for (const f of readdirSync(outDir)) {
    if (/^dah-tutor-scorm(12|2004).*\.zip$/.test(f) && !current.has(f)) rmSync(path.join(outDir, f));
  }
  writeFileSync(path.join(outDir, 'packages.json'), JSON.stringify({
    passing_rule: 'round((uniform answer score + engine score) / 2)',
    uniform_score: Math.round(uniformScore(engineReplay.cases[0] ? engineReplay.cases[0].diagnoses.length : 1) * 100) / 100,
    engine_scores: Object.fromEntries(cases.map((c) => [c.id, Math.round(c.engine * 100) / 100])),
    packages: listed,
  }, null, 1));
  return listed;
}

// The engine after each stage of every case of the site, from `dah outcomes --json` (the causal model over
// the tutor's outcomes, as the app shows it).
export function replayAll(siteDir, dahJs) {
  const names = JSON.parse(readFileSync(path.join(siteDir, 'cases/index.json'), 'utf8')).filter((n) => n.endsWith('.case.json'));
  const out = execFileSync(process.execPath, [dahJs, 'outcomes', ...names.map((n) => path.join(siteDir, 'cases', n)),
    '--kb', path.join(siteDir, 'cases/knowledge-base-v2.json'), '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out);
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const [siteDir, outDir, dahJs] = process.argv.slice(2);
  if (!dahJs) {
    console.error('usage: node make_scorm_packages.mjs SITE_DIR OUT_DIR DAH_JS');
    process.exit(2);
  }
  const listed = buildPackages(siteDir, outDir, replayAll(siteDir, dahJs));
  const total = listed.reduce((s, p) => s + p.bytes, 0);
  console.log(`${outDir}: ${listed.length} SCORM packages, ${total} bytes`);
}
