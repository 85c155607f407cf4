// Secrets kept out of every file memgate writes: a service under test that prints a token it should not
// have (or a command line that holds one) must not carry it into workloads.log, report.json,
// report.html, the job summary or the PR comment. Pure: the values come from the edges.

/** Variable names whose values are credentials: `GITHUB_TOKEN`, `INPUT_GITHUB-TOKEN`, `NPM_TOKEN`, `AWS_SECRET_ACCESS_KEY`... */
export const CREDENTIAL_NAME =
  /(^|[_-])(TOKEN|SECRET|SECRETS|PASSWORD|PASSWD|PASSPHRASE|CREDENTIALS?|API_?KEY|PRIVATE_KEY|ACCESS_KEY|AUTH)([_-]|$)/i;

/** Shorter values are left alone: redacting `true` or `1` would mangle every report. */
export const MIN_SECRET_LENGTH = 8;

export const REDACTED = '***';

/** The values of credential-named variables in `env`, longest first (a secret inside another is replaced after it). */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  const values = Object.entries(env)
    .filter(
      ([name, value]) => CREDENTIAL_NAME.test(name) && value !== undefined && value.trim().length >= MIN_SECRET_LENGTH,
    )
    .map(([, value]) => value!.trim());
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/** Every string in a JSON-like value (keys included) with the secrets replaced. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [redactText(k, secrets), walk(x)]));
    return v;
  };
  return walk(value) as T;
}
