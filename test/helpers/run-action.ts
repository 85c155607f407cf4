// The one way the e2e tests run the Action (dist/index.js) as the runner does: inputs as INPUT_*
// variables, outputs and the job summary through the files GITHUB_OUTPUT and GITHUB_STEP_SUMMARY name.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixtures.ts';

export interface ActionRun {
  code: number | null;
  /** stdout and stderr together, as the job log shows them. */
  log: string;
  pid: number;
  ms: number;
  /** The outputs, by name. */
  outputs: Record<string, string>;
  /** The GITHUB_OUTPUT file as written. */
  outputText: string;
  summary: string;
}

/** `name<<DELIMITER\nvalue\nDELIMITER` blocks of a GITHUB_OUTPUT file. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const m of text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3];
  return outputs;
}

let runs = 0;

/** Runs the Action in `cwd` with `inputs`; `env` adds to PATH, HOME, GITHUB_ACTIONS and the two files. */
export function runActionProcess(
  inputs: Record<string, string>,
  /** `entry`: the script (default dist/index.js; dist/plan.js and dist/fuse.js are the sub-actions). */
  options: { cwd: string; env?: NodeJS.ProcessEnv; entry?: string },
): Promise<ActionRun> {
  const stamp = `${process.pid}-${++runs}-${Date.now()}`;
  const outputFile = join(options.cwd, `output-${stamp}`);
  const summaryFile = join(options.cwd, `summary-${stamp}`);
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [options.entry ?? join(ROOT, 'dist/index.js')], { cwd: options.cwd, env });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('exit', (code) => {
      const outputText = readFileSync(outputFile, 'utf8');
      resolve({
        code,
        log,
        pid: child.pid!,
        ms: Date.now() - started,
        outputs: parseOutputFile(outputText),
        outputText,
        summary: readFileSync(summaryFile, 'utf8'),
      });
    });
  });
}
