import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactDeep, redactText, secretValues } from '../src/model/redact.ts';
import { scrubEnv, workloadEnv } from '../src/source/local-pair/start.ts';

test('secretValues: credential-named variables (the Action token input too), long enough, longest first', () => {
  const env = {
    GITHUB_TOKEN: 'ghs_abcdefgh',
    'INPUT_GITHUB-TOKEN': 'ghs_abcdefgh',
    NPM_TOKEN: 'npm_0123456789',
    AWS_SECRET_ACCESS_KEY: 'aws/secret/value',
    INPUT_BASELINE: './bin/service -addr 127.0.0.1:{port}',
    SHORT_TOKEN: 'abc',
    PATH: '/usr/bin:/bin:/usr/local/bin',
  };
  assert.deepEqual(secretValues(env), ['aws/secret/value', 'npm_0123456789', 'ghs_abcdefgh']);
});

test('redactText and redactDeep replace every occurrence, in keys and nested values', () => {
  const secrets = ['ghs_abcdefgh'];
  assert.equal(redactText('a ghs_abcdefgh b ghs_abcdefgh', secrets), 'a *** b ***');
  assert.deepEqual(
    redactDeep({ reasons: [{ message: 'token ghs_abcdefgh' }], n: 3, x: null, ['k ghs_abcdefgh']: true }, secrets),
    { reasons: [{ message: 'token ***' }], n: 3, x: null, ['k ***']: true },
  );
});

test('scrubEnv drops tokens, ACTIONS_* and INPUT_*, keeps the rest and what --pass-env names; GODEBUG still set', () => {
  const base = {
    GITHUB_TOKEN: 't',
    ACTIONS_RUNTIME_TOKEN: 't',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'u',
    'INPUT_GITHUB-TOKEN': 't',
    INPUT_BASELINE: 'x',
    NPM_TOKEN: 't',
    MY_PASSWORD: 'p',
    GITHUB_SHA: 'abc',
    PATH: '/bin',
    GODEBUG: 'madvdontneed=1',
  };
  const { env, dropped } = scrubEnv(base, ['NPM_TOKEN']);
  assert.deepEqual(Object.keys(env).sort(), ['GITHUB_SHA', 'GODEBUG', 'NPM_TOKEN', 'PATH']);
  assert.deepEqual(dropped, [
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_RUNTIME_TOKEN',
    'GITHUB_TOKEN',
    'INPUT_BASELINE',
    'INPUT_GITHUB-TOKEN',
    'MY_PASSWORD',
  ]);
  assert.equal(workloadEnv(env, 65536).GODEBUG, 'madvdontneed=1,memprofilerate=65536');
});
