// dist/licenses.txt: the licences of exactly the packages esbuild bundled, from their own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { bundledLicenses, packageDirOf } from '../scripts/licenses.mjs';
import { ROOT } from './helpers/fixtures.ts';

const metafile = (output: string, inputs: string[]): Metafile => ({
  inputs: {},
  outputs: {
    [output]: {
      bytes: 1,
      inputs: Object.fromEntries(inputs.map((i) => [i, { bytesInOutput: 1 }])),
      imports: [],
      exports: [],
      entryPoint: undefined,
    },
  },
});

test('the package of an input path: scoped, nested installs, our own sources', () => {
  assert.equal(packageDirOf('node_modules/yaml/dist/index.js'), 'node_modules/yaml');
  assert.equal(packageDirOf('node_modules/@actions/core/lib/core.js'), 'node_modules/@actions/core');
  assert.equal(
    packageDirOf('node_modules/@actions/http-client/node_modules/undici/index.js'),
    'node_modules/@actions/http-client/node_modules/undici',
  );
  assert.equal(packageDirOf('src/report/html.ts'), null);
});

test('each bundled package once, with its licence file and the bundles it is in; nothing that was not bundled', () => {
  const text = bundledLicenses(
    [
      metafile('dist/cli.js', ['src/cli.ts', 'node_modules/yaml/dist/index.js', 'node_modules/yaml/dist/doc.js']),
      metafile('dist/index.js', ['node_modules/yaml/dist/index.js', 'node_modules/@actions/core/lib/core.js']),
    ],
    ROOT,
  );
  assert.match(text, /^ {2}@actions\/core \d+\.\d+\.\d+ \(MIT\)\n {2}yaml \d+\.\d+\.\d+ \(ISC\)\n\n/m);
  assert.match(
    text,
    /\nyaml [\d.]+\nLicense: ISC\nBundled in: cli\.js, index\.js\n\n--- LICENSE ---\nCopyright Eemeli Aro/,
  );
  assert.match(
    text,
    /\n@actions\/core [\d.]+\nLicense: MIT\nBundled in: index\.js\n\n--- LICENSE\.md ---\nThe MIT License/,
  );
  assert.doesNotMatch(text, /^( {2})?(esbuild|typescript|simple-statistics) /m, 'only what the metafiles name');
});

test('a package without any licence stops the build, naming it; a licence field alone is said to be one', () => {
  const root = mkdtempSync(join(tmpdir(), 'memgate-licenses-'));
  try {
    mkdirSync(join(root, 'node_modules/mystery'), { recursive: true });
    writeFileSync(
      join(root, 'node_modules/mystery/package.json'),
      JSON.stringify({ name: 'mystery', version: '1.0.0' }),
    );
    assert.throws(
      () => bundledLicenses([metafile('dist/cli.js', ['node_modules/mystery/index.js'])], root),
      /node_modules\/mystery is bundled into dist\/ but states no licence/,
    );
    writeFileSync(
      join(root, 'node_modules/mystery/package.json'),
      JSON.stringify({ name: 'mystery', version: '1.0.0', license: 'Apache-2.0' }),
    );
    assert.match(
      bundledLicenses([metafile('dist/cli.js', ['node_modules/mystery/index.js'])], root),
      /the package ships no licence file; its package\.json says: Apache-2\.0/,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('dist/licenses.txt is shipped, and names the packages the Action needs at run time', () => {
  const shipped = readFileSync(join(ROOT, 'dist/licenses.txt'), 'utf8');
  for (const name of ['@actions/core', 'pprof-format', 'simple-statistics', 'yaml'])
    assert.match(shipped, new RegExp(`^  ${name.replace('/', '\\/')} `, 'm'));
  assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License\n/);
});
