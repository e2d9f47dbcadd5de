// The sarif format: one SARIF 2.1.0 log with a run describing every rule that ran (id,
// description, help with the rule's source, default level) and a result per finding, located by
// line and column (UTF-16 code units, SARIF's default column kind), with its fix and suggestions
// as `fixes` (artifact changes) and a context hash as partial fingerprint. A file that could not
// be read (or a line of it, or its fix not written) is an error notification of the invocation
// (`toolExecutionNotifications`, located in that file), and the invocation is then not successful.

import { pathToFileURL } from 'node:url';
import type { Edit, RuleSpec, Severity } from '../types.js';
import { computeLineStarts, positionAt } from '../text/lines.js';
import { contextHash } from './fingerprint.js';
import { locate, type Formatter } from './result.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = 'SRCROOT';
const MIME: Record<string, string> = { text: 'text/plain', markdown: 'text/markdown', html: 'text/html', feed: 'application/xml', ndjson: 'application/x-ndjson' };

/** A relative path as a URI reference (forward slashes, each segment percent-encoded). */
function uriOf(path: string): { uri: string; uriBaseId?: string } {
  if (/^(?:\/|[A-Za-z]:[\\/])/.test(path)) return { uri: pathToFileURL(path).href };
  const segments = path.split(/[\\/]/).filter((s) => s !== '.' && s !== '');
  return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function firstSentence(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  const m = /^.*?[.!?](?=\s|$)/.exec(flat);
  return m ? m[0] : flat;
}

function descriptor(r: RuleSpec) {
  const description = r.description.replace(/\s+/g, ' ').trim();
  const source = r.source.replace(/\s+/g, ' ').trim();
  return {
    id: r.id,
    name: r.id.split(/[/_-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: firstSentence(description) },
    fullDescription: { text: description },
    help: {
      text: `${description}\nSource: ${source}\nFix: ${r.fix === 'safe' ? 'applied by --fix' : r.fix === 'suggest' ? 'suggested (applied by --fix --fix-level suggest)' : 'none; an editor decides'}.`,
    },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { kind: r.kind, fix: r.fix, confidence: r.confidence, source, tags: [r.id.split('/')[0]] },
  };
}

export const sarif: Formatter = (results, options) => {
  const specs = new Map<string, RuleSpec>();
  for (const r of options.rules ?? []) specs.set(r.id, r);
  // A finding from a rule the caller did not describe still gets a (minimal) descriptor.
  const ids = [...new Set([...specs.keys(), ...results.flatMap((r) => r.findings.map((f) => f.ruleId))])].sort();
  const ruleIndex = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => {
    const spec = specs.get(id);
    return spec ? descriptor(spec) : { id, shortDescription: { text: id } };
  });

  const artifacts = results.map((r) => ({
    location: uriOf(r.path),
    ...(MIME[r.inputFormat ?? 'text'] ? { mimeType: MIME[r.inputFormat ?? 'text'] } : {}),
  }));
  const sarifResults = results.flatMap((r, artifactIndex) => {
    const starts = computeLineStarts(r.text);
    const location = { ...uriOf(r.path), index: artifactIndex };
    const region = (start: number, end: number) => {
      const a = positionAt(starts, start);
      const b = positionAt(starts, end);
      return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
    };
    const change = (e: Edit, description: string) => ({
      description: { text: description },
      artifactChanges: [
        {
          artifactLocation: location,
          replacements: [{ deletedRegion: region(e.start, e.end), ...(e.text !== '' ? { insertedContent: { text: e.text } } : {}) }],
        },
      ],
    });
    // In the words the rules checked (an HTML block deletion: its words, not its markup).
    const describe = (e: Edit) => {
      const v = e.view ?? { old: r.text.slice(e.start, e.end), new: e.text };
      return v.new === '' ? `Delete \`${v.old.trim()}\`` : v.old === '' ? `Insert \`${v.new}\`` : `Replace \`${v.old}\` with \`${v.new}\``;
    };
    return locate(r).map((f) => {
      const fixes = [
        ...(f.fix ? [change(f.fix, `${describe(f.fix)} (fix)`)] : []),
        ...f.suggestions.map((s) => change(s, `${describe(s)} (suggestion)`)),
      ];
      return {
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId)!,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: { ...region(f.start, f.end), snippet: { text: f.text } },
            },
            ...(f.article !== undefined ? { logicalLocations: [{ name: f.article, kind: 'object' }] } : {}),
          },
        ],
        partialFingerprints: { 'mtlintContextHash/v1': contextHash(f.ruleId, r.text, f.start, f.end) },
        ...(fixes.length > 0 ? { fixes } : {}),
        properties: { confidence: f.confidence, ...(f.article !== undefined ? { article: f.article } : {}) },
      };
    });
  });

  const notifications = results.flatMap((r, index) =>
    (r.errors ?? []).map((e) => ({
      level: 'error',
      message: { text: e.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { ...uriOf(r.path), index },
            ...(e.line !== undefined ? { region: { startLine: e.line, ...(e.column !== undefined ? { startColumn: e.column } : {}) } } : {}),
          },
        },
      ],
      descriptor: { id: 'file-error' },
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mtlint',
            ...(options.version ? { version: options.version, semanticVersion: options.version } : {}),
            rules,
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        ...(options.cwd ? { originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(options.cwd.replace(/[\\/]?$/, '/')).href } } } : {}),
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
