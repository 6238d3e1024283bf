/**
 * Screenshots of the gallery (dev tool): node --import tsx tests/visual/shoot.ts [section …]
 * with `npx vite --port 5182 --strictPort` running. Writes /tmp/gallery-<section>.png.
 */
import { chromium } from 'playwright-core';

const base = process.env.GALLERY_URL ?? 'http://127.0.0.1:5182/tests/visual/gallery.html';
const sections = process.argv.slice(2);
const scale = Number(process.env.SCALE ?? 1);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, deviceScaleFactor: scale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  for (const section of sections.length ? sections : ['graph-xor']) {
    const [id, action] = section.split(':');
    await page.goto(`${base}?only=${id.replace(/-hover.*$/, '')}`);
    await page.waitForSelector(`#${id} figure, #${id} #bench-text`, { timeout: 90_000 });
    await page.waitForTimeout(id === 'cost' ? 1500 : 400);
    if (action) await runAction(page, action);
    const target = page.locator(`#${id.replace(/-hover.*$/, '')}`);
    await target.screenshot({ path: `/tmp/gallery-${id}${action ? `-${action.replace(/[^a-z0-9]/gi, '')}` : ''}.png` });
    console.log('shot', section);
  }
  if (sections.includes('bench')) {
    await page.waitForFunction(() => (window as unknown as { __viewTimings?: unknown }).__viewTimings, null, { timeout: 60_000 });
    console.log(JSON.stringify(await page.evaluate(() => (window as unknown as { __viewTimings: unknown }).__viewTimings), null, 2));
  }
  if (errors.length) console.log('console:', errors.join('\n'));
} finally {
  await browser.close();
}

async function runAction(page: import('playwright-core').Page, action: string) {
  // hoverNode-l-j, hoverEdge-x-y, tab-n, key-ArrowDown…
  const [kind, ...args] = action.split('-');
  if (kind === 'hoverNode') {
    const box = await page.locator(`[data-node="${args[0]}:${args[1]}"]`).first().boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  } else if (kind === 'hoverAt') {
    const box = await page.locator('figure svg').first().boundingBox();
    if (box) await page.mouse.move(box.x + Number(args[0]), box.y + Number(args[1]));
  } else if (kind === 'plot') {
    const box = await page.locator('.bl-cost__plot').first().boundingBox();
    if (box) await page.mouse.move(box.x + box.width * Number(args[0]), box.y + box.height / 2);
  } else if (kind === 'keys') {
    await page.locator('.bl-graph__samples button').first().focus();
    for (const key of args) await page.keyboard.press(key);
  }
  await page.waitForTimeout(300);
}
