// @ts-check
// `npm run icon`: renders media/egn.svg (the activity-bar icon, drawn in currentColor) white on a
// rounded tile of the galleryBanner's colour into media/icon.png, 128 × 128, the Marketplace icon
// (vsce refuses an SVG icon). Debian's Chromium draws it headless, as the UI tests use it: no image
// library to add for one committed picture. scripts/check-package.mjs checks the result's size.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './lib/runtime.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const colour = pkg.galleryBanner.color;
const svg = fs.readFileSync(path.join(repoRoot, 'media/egn.svg'), 'utf8').replace('stroke="currentColor"', 'stroke="#ffffff"');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'egn-icon-'));
const html = path.join(scratch, 'icon.html');
fs.writeFileSync(html, `<!doctype html><html><head><style>
html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }
.tile { width: 128px; height: 128px; border-radius: 24px; background: ${colour}; display: flex; align-items: center; justify-content: center; }
.tile svg { width: 96px; height: 96px; }
</style></head><body><div class="tile">${svg}</div></body></html>`);
const out = path.join(repoRoot, 'media/icon.png');
const r = spawnSync('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--default-background-color=00000000',
  '--window-size=128,128', `--screenshot=${out}`, `file://${html}`], { encoding: 'utf8', env: { ...process.env, HOME: scratch } });
fs.rmSync(scratch, { recursive: true, force: true });
if (r.status !== 0 || !fs.existsSync(out)) {
  process.stderr.write(`${r.stderr}\nChromium could not draw the icon (exit ${r.status}).\n`);
  process.exit(1);
}
process.stdout.write(`wrote ${path.relative(repoRoot, out)}\n`);
