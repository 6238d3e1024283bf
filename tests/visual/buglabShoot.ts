/**
 * Screenshots of the bug-lab gallery (dev tool): node --import tsx tests/visual/buglabShoot.ts [section[:query] …]
 * with `npx vite --port 5185 --strictPort` running. Writes /tmp/buglab-<section>.png; prints console errors.
 */
import { chromium } from 'playwright-core';

const base = process.env.GALLERY_URL ?? 'http://127.0.0.1:5185/tests/visual/buglab.html';
const shots = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  for (const shot of shots.length ? shots : ['code']) {
    const [id, query = '', action = ''] = shot.split(':');
    await page.goto(`${base}?only=${id}${query ? `&${query}` : ''}`);
    await page.waitForSelector(`#${id} figure`, { timeout: 60_000 });
    if (id === 'sweep' && query.includes('auto') && !query.includes('nowait')) await page.waitForSelector('.bl-sweep__histogram svg', { timeout: 600_000 });
    if (id === 'twin') await page.waitForSelector('.bl-twin__table', { timeout: 60_000 });
    await page.waitForTimeout(500);
    if (action) {
      for (const step of action.split(',')) {
        const [verb, ...rest] = step.split('=');
        const arg = rest.join('=');
        if (verb === 'click') await page.locator(arg).first().click();
        if (verb === 'wait') await page.waitForTimeout(Number(arg));
      }
      await page.waitForTimeout(300);
    }
    const name = `/tmp/buglab-${id}${action ? `-${action.replace(/[^a-z0-9]/gi, '').slice(0, 24)}` : ''}.png`;
    await page.locator(`#${id}`).screenshot({ path: name });
    console.log('shot', name);
    const ms = await page.evaluate(() => (window as unknown as { __sweepMs?: number }).__sweepMs);
    if (ms) console.log('sweep ms', ms.toFixed(0));
  }
  if (errors.length) console.log(`console:\n${errors.join('\n')}`);
} finally {
  await browser.close();
}
