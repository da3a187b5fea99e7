// Case pictures (issue 7): the gallery (?gallery) draws every picture kind; each is screenshotted and
// compared with its stored reference in tests/browser/reference/<name>.png, pixel by pixel inside the
// page (2D canvas, no extra packages), with a small tolerance, so an unintended change fails here.
// To re-record the references after an intended change: DAH_UPDATE_REFERENCES=1 node --test pictures.test.mjs
// (then look at every new image before keeping it).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { artifactsDir, launchBrowser, openApp, settle, startServer } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const referenceDir = path.join(here, 'reference');
const shotDir = path.join(artifactsDir, 'pictures');
const update = process.env.DAH_UPDATE_REFERENCES === '1';
const kinds = ['chest_xray', 'ct_axial', 'histology', 'immunofluorescence', 'urine_microscopy', 'bal_tubes'];
// A pixel differs when a channel moves by more than this; a picture fails past this share of pixels.
const channelTolerance = 40;
const maxDifferingShare = 0.005;

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

async function openGallery() {
  const app = await openApp({ query: 'gallery=1', viewport: { width: 1400, height: 1500 }, server, browser });
  await settle(app.page, 4);
  return app;
}

// Names the pictures by kind: the first of a kind is "<kind>", the next "<kind>-2", ...
function named(pictures) {
  const seen = {};
  return pictures.map((p) => {
    seen[p.kind] = (seen[p.kind] || 0) + 1;
    return { ...p, name: seen[p.kind] === 1 ? p.kind : `${p.kind}-${seen[p.kind]}` };
  });
}

// Holds the key for a few frames: ImGui 1.86 misses a press whose down and up land in the same frame.
async function pressKey(page, key) {
  await page.keyboard.down(key);
  await settle(page, 3);
  await page.keyboard.up(key);
  await settle(page, 3);
}

async function shootPicture(page, picture, file) {
  mkdirSync(path.dirname(file), { recursive: true });
  const r = picture.rect;
  await page.screenshot({ path: file, clip: { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.w), height: Math.round(r.h) } });
  return file;
}

// Counts differing pixels of two PNGs in the page; returns { width, height, differing, diffPng }.
async function comparePngs(page, actualFile, referenceFile) {
  const a = 'data:image/png;base64,' + readFileSync(actualFile).toString('base64');
  const b = 'data:image/png;base64,' + readFileSync(referenceFile).toString('base64');
  return page.evaluate(async ({ a, b, tolerance }) => {
    const load = (src) => new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error('could not decode a PNG'));
      img.src = src;
    });
    const [ia, ib] = await Promise.all([load(a), load(b)]);
    const pixels = (img) => {
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, img.width, img.height);
    };
    if (ia.width !== ib.width || ia.height !== ib.height) {
      return { width: ia.width, height: ia.height, refWidth: ib.width, refHeight: ib.height, differing: -1 };
    }
    const pa = pixels(ia), pb = pixels(ib);
    const diff = new ImageData(ia.width, ia.height);
    let differing = 0;
    for (let i = 0; i < pa.data.length; i += 4) {
      const d = Math.max(Math.abs(pa.data[i] - pb.data[i]), Math.abs(pa.data[i + 1] - pb.data[i + 1]),
        Math.abs(pa.data[i + 2] - pb.data[i + 2]));
      const bad = d > tolerance;
      if (bad) differing++;
      diff.data[i] = bad ? 255 : pa.data[i] / 4;
      diff.data[i + 1] = bad ? 0 : pa.data[i + 1] / 4;
      diff.data[i + 2] = bad ? 0 : pa.data[i + 2] / 4;
      diff.data[i + 3] = 255;
    }
    const c = document.createElement('canvas');
    c.width = ia.width; c.height = ia.height;
    c.getContext('2d').putImageData(diff, 0, 0);
    return { width: ia.width, height: ia.height, differing, diffPng: c.toDataURL('image/png') };
  }, { a, b, tolerance: channelTolerance });
}

test('the gallery draws every picture kind, each with a caption and a description', async () => {
  const app = await openGallery();
  try {
    const state = await app.state();
    const pictures = state.pictures;
    assert.ok(Array.isArray(pictures) && pictures.length >= kinds.length, `pictures in state(): ${JSON.stringify(pictures)}`);
    for (const kind of kinds) assert.ok(pictures.some((p) => p.kind === kind), `the gallery shows a ${kind}`);
    for (const p of pictures) {
      assert.ok(p.caption.length > 0, 'every picture has a caption');
      assert.ok(p.description.length > 20, `every picture has a description: ${p.description}`);
      assert.ok(p.rect.w >= 200 && Math.abs(p.rect.w - p.rect.h) < 1, `a square picture on screen: ${JSON.stringify(p.rect)}`);
      assert.ok(p.rect.y + p.rect.h <= 1500, `the picture is inside the viewport: ${JSON.stringify(p.rect)}`);
    }
    const xray = pictures.find((p) => p.kind === 'chest_xray');
    assert.match(xray.description, /bat-wing/);
    assert.match(pictures.find((p) => p.kind === 'immunofluorescence' && /pauci/.test(p.description)).description, /No immune deposits/);
    await app.shot('pictures-gallery');
    assert.deepEqual(app.problems.consoleErrors, []);
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('every picture matches its stored reference image', async () => {
  const app = await openGallery();
  try {
    const pictures = named((await app.state()).pictures);
    const failures = [];
    for (const p of pictures) {
      const actual = await shootPicture(app.page, p, path.join(shotDir, `${p.name}.png`));
      const reference = path.join(referenceDir, `${p.name}.png`);
      if (update) {
        mkdirSync(referenceDir, { recursive: true });
        copyFileSync(actual, reference);
        continue;
      }
      if (!existsSync(reference)) {
        failures.push(`${p.name}: no reference image ${reference} (record with DAH_UPDATE_REFERENCES=1)`);
        continue;
      }
      const result = await comparePngs(app.page, actual, reference);
      if (result.differing < 0) {
        failures.push(`${p.name}: size ${result.width}×${result.height}, reference ${result.refWidth}×${result.refHeight}`);
        continue;
      }
      const share = result.differing / (result.width * result.height);
      if (share > maxDifferingShare) {
        const diffFile = path.join(shotDir, `${p.name}.diff.png`);
        writeFileSync(diffFile, Buffer.from(result.diffPng.split(',')[1], 'base64'));
        failures.push(`${p.name}: ${result.differing} of ${result.width * result.height} pixels differ ` +
          `(${(share * 100).toFixed(2)} %, allowed ${(maxDifferingShare * 100).toFixed(2)} %); ` +
          `see ${actual} against ${reference}, differences in red in ${diffFile}`);
      }
    }
    assert.deepEqual(failures, [], 'pictures that changed:\n' + failures.join('\n'));
  } finally {
    await app.close();
  }
});

test('labels toggle with the X key, descriptions with A, and the comparison sees the change', async () => {
  const app = await openGallery();
  try {
    const before = named((await app.state()).pictures).find((p) => p.name === 'chest_xray');
    assert.equal((await app.state()).picture_options.labels, true);
    await pressKey(app.page, 'x');
    const state = await app.state();
    assert.equal(state.picture_options.labels, false, 'X turns the labels off');
    const p = named(state.pictures).find((x) => x.name === 'chest_xray');
    assert.deepEqual(p.rect, before.rect, 'the picture stays where it was');
    const actual = await shootPicture(app.page, p, path.join(shotDir, 'chest_xray.no-labels.png'));
    const reference = path.join(referenceDir, 'chest_xray.png');
    if (existsSync(reference)) {
      const result = await comparePngs(app.page, actual, reference);
      assert.ok(result.differing / (result.width * result.height) > maxDifferingShare,
        `without labels the picture must differ from the labelled reference (${result.differing} pixels differ)`);
    }
    await pressKey(app.page, 'a');
    assert.equal((await app.state()).picture_options.descriptions, true, 'A shows the descriptions');
    await app.shot('pictures-gallery-descriptions');
  } finally {
    await app.close();
  }
});

test('the player shows the pictures of the stage in view, with their descriptions in state()', async () => {
  const app = await openApp({ query: 'case=gpa-cavities&free-reveal=1', viewport: { width: 1400, height: 1000 }, server, browser });
  try {
    await settle(app.page, 4);
    let state = await app.state();
    assert.equal(state.case?.id, 'gpa-cavities');
    assert.deepEqual(state.pictures, [], 'the history stage has no pictures');
    for (let i = 0; i < 10 && state.case.stage.id !== 'imaging'; ++i) {
      await pressKey(app.page, 'n');
      state = await app.state();
    }
    assert.equal(state.case.stage.id, 'imaging');
    assert.deepEqual(state.pictures.map((p) => p.kind), ['chest_xray', 'ct_axial']);
    assert.match(state.pictures[0].description, /cavitating nodule of about 30 mm in the right lung/);
    assert.match(state.pictures[1].description, /aortic arch/);
    await app.shot('pictures-player-imaging');
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await app.close();
  }
});
