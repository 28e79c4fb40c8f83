import type { Locator, Page } from 'playwright-core';

/** Picks an option of a Mantine select by typing the start of its label. */
export async function pick(page: Page, select: Locator, typed: string, option: RegExp) {
  await select.click();
  await select.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** Types a day into a date input the way a person would, then leaves the field. */
export async function typeDay(input: Locator, day: string) {
  await input.click();
  await input.fill(day);
  await input.press('Tab');
}
