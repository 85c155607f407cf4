// The Action's `post:` step (action.yml `post: dist/post.js`, `post-if: always()`): runs after the job's
// steps even when the job was cancelled, and removes the cgroups and systemd scopes of memgate
// processes that are gone (a run the runner killed before its teardown, and its watchdog with it).
// Never fails the job: what it cannot remove is a warning naming it.
import * as core from '@actions/core';
import { removeLeftovers } from '../gate/leftovers.ts';
import { neutraliseLine } from '../report/escape-commands.ts';

try {
  const swept = await removeLeftovers();
  if (swept.removed.length)
    core.info(neutraliseLine(`memgate post: removed what a killed run left: ${swept.removed.join(', ')}`));
  else core.info('memgate post: nothing left behind');
  for (const failure of swept.failed) core.warning(`memgate post: could not remove ${failure}`);
} catch (error) {
  core.warning(`memgate post: could not look for leftovers: ${error instanceof Error ? error.message : String(error)}`);
}
