import * as core from '@actions/core';
import { runAction } from './run-action.ts';

const controller = new AbortController();
for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => controller.abort());

await runAction(
  {
    getInput: (name) => core.getInput(name),
    setSecret: (value) => core.setSecret(value),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    notice: (message) => core.notice(message),
    annotate: ({ level, message, title, file, line }) =>
      (level === 'error' ? core.error : core.warning)(message, { title, file, startLine: line }),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
  },
  process.env,
  controller.signal,
);
