// Bundles the CLI and the Action into dist/; `--check` fails when the committed dist/ is stale.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const check = process.argv.includes('--check');
const outdir = check ? mkdtempSync(join(tmpdir(), 'memgate-dist-')) : 'dist';
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  legalComments: 'none',
  logLevel: 'warning',
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __memgateRequire } from 'node:module'; const require = __memgateRequire(import.meta.url);" },
};
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: join(outdir, 'cli.js') });
await build({ ...common, entryPoints: ['src/action/main.ts'], outfile: join(outdir, 'index.js') });

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
