// screenshots of the Bug lab views in both languages (not committed)
import { chromium } from 'playwright-core';
const BASE = process.argv[2];
const OUT = '/tmp/buglab/shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const good = process.argv[3];
for (const lang of ['zh-CN', 'en']) {
  for (const [w, h] of [[1280, 720], [390, 844]]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, locale: 'en-US' });
    const page = await ctx.newPage();
    await page.goto(`${BASE}?lang=${lang}&stop=2000`);
    if (await page.locator('.landing').count()) await page.locator('.landing button').nth(1).click();
    await page.getByRole('tab').nth(2).waitFor();
    await page.getByRole('tab').nth(2).click();
    const panel = page.locator('.buglab');
    await panel.waitFor();
    await panel.locator('.bl-start__presets .chip').nth(1).click();
    await page.waitForTimeout(500);
    await panel.locator('section[aria-labelledby="bl-twin-title"] .button--primary').click();
    await panel.locator('.bl-twin').waitFor({ timeout: 60000 });
    await panel.locator('.bl-sweep__input').first().fill('20');
    await panel.locator('.bl-sweep__run').first().click();
    await panel.locator('.bl-sweep__result:not(:empty)').first().waitFor({ timeout: 120000 });
    await panel.locator('.bl-sweep__outcomes button:not([disabled])').first().click();
    await page.waitForTimeout(300);
    await panel.locator(':scope > section').nth(2).screenshot({ path: `${OUT}/${lang}-${w}-sweep.png`, animations: 'disabled', timeout: 60000 });
    await panel.locator('.bl-sweep__input').nth(1).fill('2');
    await panel.locator('.bl-sweep__run').nth(1).click();
    await panel.locator('tr[data-gate="XOR"] td:has-text("1–2")').waitFor({ timeout: 180000 });
    await panel.locator('.bl-slip__switch').nth(2).click();
    await page.waitForTimeout(300);
    await panel.locator('section.bl-check input[type="file"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
    await page.waitForTimeout(200);
    const bad = `${OUT}/${lang}-${w}-check-bad.png`;
    await panel.locator('section.bl-check').screenshot({ path: bad, animations: 'disabled', timeout: 60000 });
    await panel.locator('section.bl-check input[type="file"]').setInputFiles({ name: 'slip.json', mimeType: 'application/json', buffer: Buffer.from(good) });
    await panel.locator('.bl-mystery .button').first().click();
    await panel.locator('.bl-mystery select').selectOption({ index: 1 });
    await panel.locator('.bl-mystery .button--primary').click();
    await page.waitForTimeout(500);
    const sections = await panel.locator(':scope > section').count();
    for (let k = 0; k < sections; k++) await panel.locator(':scope > section').nth(k).screenshot({ path: `${OUT}/${lang}-${w}-s${k}.png`, animations: 'disabled', timeout: 60000 });
    await page.screenshot({ path: `${OUT}/${lang}-${w}-top.png` });
    await ctx.close();
    // the exercise and the embedded twin
    const ex = await browser.newContext({ viewport: { width: w, height: h }, locale: 'en-US' });
    const p2 = await ex.newPage();
    await p2.goto(`${BASE}?lang=${lang}&exercise=question-one-pass`);
    const box = p2.locator('.exercise-cell--open input');
    await box.waitFor({ timeout: 30000 });
    await box.fill('0.5');
    await box.press('Enter');
    await p2.waitForTimeout(500);
    await p2.locator('.exercise-bar').screenshot({ path: `${OUT}/${lang}-${w}-exercise.png` });
    await ex.close();
    const em = await browser.newContext({ viewport: { width: w, height: h }, locale: 'en-US' });
    const p3 = await em.newPage();
    await p3.goto(`${BASE}?lang=${lang}&embed=twin&stop=500`);
    await p3.locator('main .button--primary').click();
    await p3.locator('.bl-twin').waitFor({ timeout: 60000 });
    await p3.waitForTimeout(500);
    await p3.screenshot({ path: `${OUT}/${lang}-${w}-embed.png`, fullPage: true });
    await em.close();
    console.log('done', lang, w);
  }
}
await browser.close();
