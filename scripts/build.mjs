// Bundles the CLI and the Action into dist/; `--check` fails when the committed dist/ is stale.
import { build as esbuild } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledLicenses } from './licenses.mjs';

const check = process.argv.includes('--check');
const outdir = check ? mkdtempSync(join(tmpdir(), 'memgate-dist-')) : 'dist';
// Every bundle's metafile: which packages went in, for dist/licenses.txt.
const metafiles = [];
const build = async (options) => {
  const result = await esbuild({ ...options, metafile: true });
  metafiles.push(result.metafile);
  return result;
};
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  legalComments: 'none',
  logLevel: 'warning',
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __memgateRequire } from 'node:module'; const require = __memgateRequire(import.meta.url);",
  },
};
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: join(outdir, 'cli.js') });
await build({ ...common, entryPoints: ['src/action/main.ts'], outfile: join(outdir, 'index.js') });
// The sub-actions (plan/action.yml, fuse/action.yml) run these from the same dist/.
await build({ ...common, entryPoints: ['src/action/plan-main.ts'], outfile: join(outdir, 'plan.js') });
await build({ ...common, entryPoints: ['src/action/fuse-main.ts'], outfile: join(outdir, 'fuse.js') });
// The main Action's post: step (action.yml post: dist/post.js): removes what a killed run left.
await build({ ...common, entryPoints: ['src/action/post.ts'], outfile: join(outdir, 'post.js') });
writeFileSync(join(outdir, 'licenses.txt'), bundledLicenses(metafiles));

if (check) {
  const stale = readdirSync(outdir).filter((f) => {
    try {
      return readFileSync(join('dist', f), 'utf8') !== readFileSync(join(outdir, f), 'utf8');
    } catch {
      return true;
    }
  });
  rmSync(outdir, { recursive: true, force: true });
  if (stale.length) {
    console.error(`dist/ does not match the sources (${stale.join(', ')}): run "npm run build" and commit dist/.`);
    process.exit(1);
  }
}
