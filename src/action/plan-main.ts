// The plan sub-action's entry (plan/action.yml, bundled to dist/plan.js): @actions/core in, runPlanAction, done.
import * as core from '@actions/core';
import { runPlanAction } from './sub-actions.ts';

await runPlanAction(
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
