// Renders the marketplace icon media/icon.png (128x128) from media/activity-bar.svg with chromium:
// the activity-bar glyph in white on a rounded blue-teal tile. Run after changing the glyph.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './code-server.mjs';
import { repoRoot } from './paths.mjs';

const glyph = readFileSync(join(repoRoot, 'media', 'activity-bar.svg'), 'utf8')
  .replace(/width="24" height="24"/, 'width="84" height="84"')
  .replace(/stroke="currentColor"/, 'stroke="#ffffff"')
  .replace(/stroke-width="[\d.]+"/, 'stroke-width="1.9"');

const html = `<!doctype html><html><body style="margin:0;background:transparent">
<div style="width:128px;height:128px;border-radius:24px;display:flex;align-items:center;justify-content:center;
  background:linear-gradient(135deg,#1f6feb 0%,#0b8f8a 100%)">${glyph}</div></body></html>`;

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(html);
  const out = join(repoRoot, 'media', 'icon.png');
  await page.screenshot({ path: out, omitBackground: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
