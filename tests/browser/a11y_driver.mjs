// Helpers for the accessibility tests: axe-core (npm, loaded into the page only here, through the
// DevTools protocol, so the page's Content Security Policy stays as it is) and Chromium's own
// accessibility tree (CDP Accessibility.getFullAXTree), which is what a screen reader reads.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// Runs axe on the whole page; returns the violations as short lines (rule: target — message).
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + n.failureSummary.split('\n').slice(1).join(' ').trim()) }));
  });
  return result.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
}

// The accessibility tree as Chromium builds it, with each node's text (its name, or for a text
// container the text of its StaticText descendants) and the DOM node behind it.
export async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const textOf = (n) => {
      const own = n.name && n.name.value;
      if (own) return own;
      return (n.childIds || []).map((id) => byId.get(id)).filter(Boolean)
        .map((c) => (c.role && c.role.value === 'StaticText' ? (c.name && c.name.value) || '' : textOf(c))).join('');
    };
    return nodes.filter((n) => !n.ignored).map((n) => ({
      role: n.role ? n.role.value : '', name: (n.name && n.name.value) || '', text: textOf(n),
      backendNodeId: n.backendDOMNodeId, properties: Object.fromEntries((n.properties || []).map((p) => [p.name, p.value.value])),
      value: n.value ? n.value.value : undefined,
    }));
  } finally {
    await cdp.detach();
  }
}

// The accessibility-tree node of each DOM element that carries a control name (data-id).
export async function controlIds(page, tree) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const byBackend = new Map(tree.map((n) => [n.backendNodeId, n]));
    const ids = new Map();
    const walk = (node) => {
      const attrs = node.attributes || [];
      for (let i = 0; i + 1 < attrs.length; i += 2)
        if (attrs[i] === 'data-id' && byBackend.has(node.backendNodeId)) ids.set(attrs[i + 1], byBackend.get(node.backendNodeId));
      for (const c of node.children || []) walk(c);
    };
    walk(root);
    return ids;
  } finally {
    await cdp.detach();
  }
}

// Finds a node by role and name (a string: exact; a RegExp: matched), as a screen reader's list of
// controls does.
export function findNode(tree, role, name) {
  return tree.find((n) => n.role === role && (name instanceof RegExp ? name.test(n.name) : n.name === name));
}

// Puts the DOM focus on a node of the accessibility tree (what a screen reader's cursor does).
export async function focusNode(page, node) {
  const cdp = await page.context().newCDPSession(page);
  try { await cdp.send('DOM.focus', { backendNodeId: node.backendNodeId }); } finally { await cdp.detach(); }
}

// The live region's text, from the accessibility tree (role status).
export function liveText(tree) {
  const live = tree.find((n) => n.role === 'status');
  return live ? live.text : null;
}

// The mirror's own record of ImGui's keyboard focus (the control id the app reports as focused).
export async function appFocus(page) {
  return page.evaluate(() => {
    const m = window.dahTutor.module;
    return JSON.parse(m.UTF8ToString(m._dah_a11y_tree(m.dahApp))).f;
  });
}
