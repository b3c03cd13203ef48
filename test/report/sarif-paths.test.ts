/**
 * SARIF paths as GitHub code scanning needs them: every result URI is relative to `%SRCROOT%` (the folder the run
 * started in, the repository root in CI), names a file that exists there, and `run.originalUriBaseIds` says what
 * `%SRCROOT%` is. Fingerprints do not depend on where the run started. Each document validates against the schema.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeTask } from '../../src/pipeline/run.js';
import { renderSarif } from '../../src/report/sarif.js';
import { runCli } from '../cli/run-cli.js';
import { sarifErrors } from './sarif-schema.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** A task whose code comes from markdown (lib/MODEL_RESPONSE.md) and from files beside it. */
const TASK = 'test/fixtures/tasks/tf-basic';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}
interface SarifDoc {
  runs: {
    originalUriBaseIds?: Record<string, { uri?: string; description?: { text: string } }>;
    results: {
      ruleId: string;
      partialFingerprints: Record<string, string>;
      locations: { physicalLocation: { artifactLocation: ArtifactLocation } }[];
      relatedLocations?: { physicalLocation: { artifactLocation: ArtifactLocation } }[];
    }[];
  }[];
}

function artifactLocations(doc: SarifDoc): ArtifactLocation[] {
  return doc.runs[0]!.results.flatMap((r) => [...r.locations, ...(r.relatedLocations ?? [])].map((l) => l.physicalLocation.artifactLocation));
}

/** Where an artifact location points on disk, resolving `%SRCROOT%` through originalUriBaseIds. */
function onDisk(doc: SarifDoc, a: ArtifactLocation): string {
  if (!a.uriBaseId) return fileURLToPath(a.uri);
  const base = doc.runs[0]!.originalUriBaseIds?.[a.uriBaseId]?.uri;
  assert.ok(base, `no originalUriBaseIds entry for ${a.uriBaseId}`);
  return fileURLToPath(new URL(a.uri, base));
}

test('sarif with a source root: URIs relative to it name files that exist, and the root is recorded', () => {
  const doc = JSON.parse(renderSarif(analyzeTask(TASK), { srcRoot: repo })) as SarifDoc;
  assert.deepEqual(sarifErrors(doc), []);
  assert.equal(doc.runs[0]!.originalUriBaseIds?.['%SRCROOT%']?.uri, pathToFileURL(repo).href + '/');
  const locations = artifactLocations(doc);
  assert.ok(locations.length > 5);
  for (const a of locations) {
    assert.equal(a.uriBaseId, '%SRCROOT%');
    assert.ok(a.uri.startsWith(`${TASK}/`), a.uri);
    assert.ok(existsSync(onDisk(doc, a)), `${a.uri} does not exist`);
  }
  // Code extracted from the markdown is located in the markdown (a file that exists), not at its extracted path.
  assert.ok(locations.some((a) => a.uri === `${TASK}/lib/MODEL_RESPONSE.md`));
});

test('sarif without a source root: %SRCROOT% described, the task path taken as given; deterministic', () => {
  const r = analyzeTask(TASK);
  const doc = JSON.parse(renderSarif(r)) as SarifDoc;
  assert.deepEqual(sarifErrors(doc), []);
  assert.match(doc.runs[0]!.originalUriBaseIds?.['%SRCROOT%']?.description?.text ?? '', /ran in/);
  for (const a of artifactLocations(doc)) {
    assert.ok(a.uri.startsWith(`${TASK}/`), a.uri);
    assert.ok(existsSync(join(repo, a.uri)), a.uri);
  }
  assert.equal(renderSarif(r), renderSarif(analyzeTask(TASK)));
});

test('sarif for a task outside the source root, or an absolute path without one: absolute file URIs, no base', () => {
  const r = analyzeTask(TASK);
  const elsewhere = JSON.parse(renderSarif(r, { srcRoot: join(repo, 'src') })) as SarifDoc;
  const absolute = JSON.parse(renderSarif({ ...r, task: { ...r.task, path: resolve(repo, TASK) } })) as SarifDoc;
  for (const doc of [elsewhere, absolute]) {
    assert.deepEqual(sarifErrors(doc), []);
    for (const a of artifactLocations(doc)) {
      assert.equal(a.uriBaseId, undefined);
      assert.ok(a.uri.startsWith('file://'), a.uri);
      assert.ok(existsSync(onDisk(doc, a)), a.uri);
    }
  }
});

test('sarif fingerprints: the same across runs and whatever folder the run starts in', () => {
  const fps = (doc: SarifDoc) => doc.runs[0]!.results.map((x) => `${x.ruleId} ${x.partialFingerprints['iacjudgeFinding/v1']}`);
  const a = fps(JSON.parse(renderSarif(analyzeTask(TASK), { srcRoot: repo })) as SarifDoc);
  const b = fps(JSON.parse(renderSarif(analyzeTask(TASK), { srcRoot: join(repo, 'test') })) as SarifDoc);
  const c = fps(JSON.parse(renderSarif(analyzeTask(resolve(repo, TASK)))) as SarifDoc);
  assert.ok(a.length > 5);
  assert.deepEqual(b, a);
  assert.deepEqual(c, a);
  for (const fp of a) assert.match(fp, / [0-9a-f]{32}$/);
});

test('analyze --format sarif (CLI): the working folder is %SRCROOT% and every URI exists under it', () => {
  const r = runCli(['analyze', TASK, '--format', 'sarif']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as SarifDoc;
  assert.deepEqual(sarifErrors(doc), []);
  assert.equal(doc.runs[0]!.originalUriBaseIds?.['%SRCROOT%']?.uri, pathToFileURL(process.cwd()).href + '/');
  for (const a of artifactLocations(doc)) assert.ok(existsSync(onDisk(doc, a)), a.uri);
});
