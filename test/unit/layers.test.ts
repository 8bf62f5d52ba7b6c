import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of ARCHITECTURE.md, read from the code's own import statements (type imports
 * included): domain ← db, io ← app ← ui, and no circle inside the storage layer.
 */

const SRC = 'src';
const files = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => /\.(ts|svelte)$/.test(f) && !f.endsWith('.d.ts'))
  .map((f) => join(SRC, f));

const layerOf = (file: string) => normalize(file).split(/[\\/]/)[1]!;
const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/g;

/** Every import of every source file: `[from, to]`, `to` a source path or a package name. */
const imports: [string, string][] = files.flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m): [string, string] => {
    const target = m[1]!.replace(/\?.*$/, '');
    return [file, target.startsWith('.') ? normalize(join(dirname(file), target)).replace(/\.(ts|js)$/, '') : target];
  });
});

const crossing = (from: string, allowed: readonly string[], packages: RegExp | null = null) =>
  imports
    .filter(([file]) => layerOf(file) === from)
    .filter(([, to]) => (to.startsWith(SRC) ? !allowed.includes(layerOf(to)) : packages !== null && packages.test(to)))
    .map(([file, to]) => `${relative(SRC, file)} → ${to}`);

describe('the layers of ARCHITECTURE.md', () => {
  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.filter(([file]) => layerOf(file) === 'ui').length).toBeGreaterThan(50);
  });

  it('keeps the domain pure: it imports nothing of ours outside it, no Dexie and no Svelte', () => {
    expect(crossing('domain', ['domain'], /^(dexie|svelte)/)).toEqual([]);
  });

  it('lets storage and the file readers depend on the domain only', () => {
    expect(crossing('db', ['db', 'domain'], /^svelte/)).toEqual([]);
    expect(crossing('io', ['io', 'domain'], /^(dexie|svelte)/)).toEqual([]);
  });

  it('lets the use cases depend on anything but the pages', () => {
    expect(crossing('app', ['app', 'db', 'io', 'domain'], /^svelte/)).toEqual([]);
  });

  it('lets pages and their state reach storage and files only through src/app', () => {
    expect(crossing('ui', ['ui', 'app', 'domain'], /^dexie/)).toEqual([]);
  });

  it('has no circle of imports inside src/db', () => {
    const edges = new Map<string, string[]>();
    for (const [from, to] of imports) if (layerOf(from) === 'db' && to.startsWith(SRC) && layerOf(to) === 'db') edges.set(from.replace(/\.ts$/, ''), [...(edges.get(from.replace(/\.ts$/, '')) ?? []), to]);
    const circles: string[] = [];
    const visit = (node: string, path: string[]) => {
      if (path.includes(node)) return void circles.push([...path.slice(path.indexOf(node)), node].join(' → '));
      for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
    };
    for (const node of edges.keys()) visit(node, []);
    expect(edges.size).toBeGreaterThan(3);
    expect(circles).toEqual([]);
  });
});
