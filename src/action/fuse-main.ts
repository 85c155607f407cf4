// The fuse sub-action's entry (fuse/action.yml, bundled to dist/fuse.js): @actions/core in, runFuseAction, done.
import * as core from '@actions/core';
import { runFuseAction } from './sub-actions.ts';

await runFuseAction(
  {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
  },
  process.env,
  process.cwd(),
);
