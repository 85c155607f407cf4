// report.html rendered by a real browser: headless Chromium takes a screenshot, and the pixels show
// both series of the chart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { judgeBundle } from '../src/gate/judge-bundle.ts';
import { renderHtml } from '../src/report/html.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';
import { countColor, decodePng } from './helpers/png.ts';

function chromium(): string {
  for (const bin of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(bin)) return bin;
  throw new Error('this test needs Chromium: apt-get install chromium (.ci/run installs it)');
}

function screenshot(html: string, dir: string, name: string): ReturnType<typeof decodePng> {
  const page = join(dir, `${name}.html`);
  const png = join(dir, `${name}.png`);
  writeFileSync(page, html);
  const result = spawnSync(
    chromium(),
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(dir, `profile-${name}`)}`,
      '--window-size=1000,800',
      '--hide-scrollbars',
      `--screenshot=${png}`,
      `file://${page}`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  assert.ok(existsSync(png), `chromium wrote no screenshot: ${result.stderr}`);
  return decodePng(readFileSync(png));
}

test('report.html draws both sides: the screenshot holds the baseline and the gray line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-html-'));
  const report = judgeBundle(makeBundle({ gray: { slope: (6 * MiB) / 60 } }), parseJudgeSettings({ warmup: '5s' }));
  const html = renderHtml(report);
  assert.match(html, /class="series-baseline"/);
  assert.match(html, /class="series-gray"/);
  const image = screenshot(html, dir, 'both');
  assert.equal(image.width, 1000);
  const baseline = countColor(image, '#1f77b4', 10);
  const gray = countColor(image, '#d62728', 10);
  assert.ok(baseline > 500, `baseline line pixels: ${baseline}`);
  assert.ok(gray > 500, `gray line pixels: ${gray}`);

  // The check can fail: without the gray series, its colour is (almost) gone from the picture.
  const withoutGray = screenshot(html.replace(/<polyline class="series-gray"[^>]*\/>/, ''), dir, 'baseline-only');
  assert.ok(countColor(withoutGray, '#d62728', 10) < gray / 5, 'the gray line is what put the red pixels there');
});
