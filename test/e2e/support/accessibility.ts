import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** One violation as a line a reader can act on: rule, impact, where, how many. */
export interface A11yFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core on the page as it is now (WCAG 2.1 A and AA rules). Answers the serious and
 * critical findings only; the suite expects none.
 */
export async function seriousA11yFindings(page: Page): Promise<A11yFinding[]> {
  // Legacy mode runs axe in the page itself: no extra blank page beside the app's.
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}
