import { describe, expect, it } from 'vitest';
import {
  keychainSteps,
  problemCatalog,
  updateCheckSteps,
  updateCheckTexts,
} from '../../../../src/shared/problems/catalog';
import { fillSteps, fillText, makeProblem } from '../../../../src/shared/problems/make-problem';
import type { ProblemCode } from '../../../../src/shared/problems/problem-codes';
import { fleschKincaidGrade } from '../../../support/flesch-kincaid-grade';

// Issue 16: problem cards are read by admins who are not developers, so their words are
// measured. Each title fits on one line, and each title, explanation and fix step reads at
// Flesch-Kincaid grade 9 or below, with the median of them all at grade 8 or below.
//
// The texts are measured as a user reads them: makeProblem fills the placeholders with the
// realistic values below and drops the step markers. Facts that are whole sentences or steps
// ({clockChecked}, {askedWait}, {leftOut}, {keychainStep}, {windowsStep}, ...) are left out, as
// makeProblem does when a fact is missing: their words are written elsewhere, except the
// keychain steps, which are measured on their own below. {variable} is given, so the proxy
// variable step is measured too.
const sampleFacts: Record<string, string> = {
  host: 'veza.example.com',
  url: 'https://veza.example.com/api/v1/providers',
  proxy: 'http://proxy.example.com:8080',
  proxySource: "set in this instance's network settings",
  variable: 'HTTPS_PROXY',
  issuer: 'Example Corp Root CA',
  subject: 'www.example.net',
  validFrom: '1 March 2027',
  validTo: '1 March 2026',
  localTime: '2 December 2026, 09:00',
  serverTime: '2 December 2026, 12:00',
  difference: '3 hours behind',
  seconds: '30',
  status: 'HTTP 503',
  limit: '1 MB',
  scheme: 'ftp:',
  file: 'history.json',
  where: 'in /home/jdoe/project/.env',
  pages: '100',
  items: '10,000',
  size: '5 MB',
  count: '500',
  wait: '2 minutes',
  answerer: 'Cloudflare',
  tool: 'Fiddler',
  versions: 'TLS 1.0 and TLS 1.1',
  cipher: 'RC4-SHA',
  name: 'Production',
  savedFor: 'https://veza.example.com',
  nowNames: 'https://veza-test.example.com',
  changed: 'the address',
  aside: 'profiles.json.broken',
  kept: 'the last good copy',
};

const codes = Object.keys(problemCatalog) as ProblemCode[];
const texts = codes.flatMap((code) => {
  const { title, explanation, fix } = makeProblem(code, { facts: sampleFacts });
  return [
    { code, part: 'title', text: title },
    { code, part: 'explanation', text: explanation },
    ...fix.map((text, index) => ({ code, part: `fix step ${index + 1}`, text })),
  ];
});
// Each OS's keychain step is the catalog's too, though main picks the one for this computer.
for (const [os, text] of Object.entries(keychainSteps))
  texts.push({ code: 'KEYCHAIN_UNAVAILABLE', part: `keychain step (${os})`, text });
// The update check's steps stand in for a network problem's own (Help > Check for updates…).
for (const [kind, steps] of Object.entries(updateCheckSteps))
  for (const [index, text] of fillSteps(steps, sampleFacts).entries())
    texts.push({ code: 'INTERNAL_ERROR', part: `update check step ${index + 1} (${kind})`, text });
// And the words it shows for the network problems whose own speak of an instance.
const updateTitles = Object.entries(updateCheckTexts).flatMap(([code, words]) =>
  words?.title ? [{ code, title: fillText(words.title, sampleFacts) }] : [],
);
for (const [code, words] of Object.entries(updateCheckTexts) as [
  ProblemCode,
  { title?: string; explanation: string },
][]) {
  texts.push({
    code,
    part: 'update check explanation',
    text: fillText(words.explanation, sampleFacts),
  });
  if (words.title)
    texts.push({ code, part: 'update check title', text: fillText(words.title, sampleFacts) });
}
const measured = texts.map((entry) => ({ ...entry, grade: fleschKincaidGrade(entry.text) }));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  // The middle one, or the mean of the middle two (the same one when the count is odd).
  const lower = sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
  const upper = sorted[Math.ceil((sorted.length - 1) / 2)] ?? Number.NaN;
  return (lower + upper) / 2;
};

describe('the problem catalog in plain words (issue 16)', () => {
  it.each(codes)('%s: the title is at most 60 characters', (code) => {
    const { title } = makeProblem(code, { facts: sampleFacts });
    expect(title.length, `${code}: "${title}" has ${title.length} characters`).toBeLessThanOrEqual(
      60,
    );
  });

  it.each(updateTitles)('$code: the update check’s title is at most 60 characters', ({ title }) => {
    expect(title.length, `"${title}" has ${title.length} characters`).toBeLessThanOrEqual(60);
  });

  it.each(measured.map((entry) => [entry.code, entry.part, entry] as const))(
    '%s, %s: Flesch-Kincaid grade at most 9',
    (code, part, { text, grade }) => {
      expect(
        grade,
        `${code} ${part} reads at grade ${grade.toFixed(1)}: "${text}"`,
      ).toBeLessThanOrEqual(9);
    },
  );

  it('reads at a median Flesch-Kincaid grade of 8 or below', () => {
    const grade = median(measured.map(({ grade }) => grade));
    expect(
      grade,
      `median grade ${grade.toFixed(2)} over ${measured.length} texts`,
    ).toBeLessThanOrEqual(8);
  });
});
