import path from 'node:path';
import type { Page } from 'playwright-core';
import { root } from './harness';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; summary: string }>;
}

const axePath = path.join(root, 'node_modules', 'axe-core', 'axe.min.js');

/** Runs axe-core (WCAG 2.x A/AA rules and best practices) on the current page. */
export async function runAxe(page: Page): Promise<{ violations: AxeViolation[]; passedRules: number }> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    type AxeResult = {
      violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
      passes: unknown[];
    };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<AxeResult> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    const violations = r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary ?? '' })),
    }));
    return { violations, passedRules: r.passes.length };
  });
}

/** Only what blocks users: impact serious or critical. */
export function blocking(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Readable report for a failing assertion. */
export function describeViolations(screen: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${screen}: nessuna violazione`;
  return [
    `${screen}: ${violations.length} violazioni gravi`,
    ...violations.map(
      (v) => `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.summary.replace(/\s+/g, ' ')}`).join('\n')}`,
    ),
  ].join('\n');
}
