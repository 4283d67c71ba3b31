/**
 * The layout rules of docs/architecture.md that the dependency rules (npm run deps) cannot
 * see: one use case per file, named after it; no source file grows into a giant again.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";

const SRC = path.dirname(new URL(import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const camel = (kebab: string) => kebab.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

test("every use-case file exports one function, named as the file (verb-noun)", () => {
  const useCases = sourceFiles(path.join(SRC, "modules")).filter((f) =>
    f.includes(`${path.sep}use-cases${path.sep}`),
  );
  assert.ok(useCases.length > 50, "the modules have their use cases in use-cases/");
  const wrong = useCases.flatMap((file) => {
    const exports = readFileSync(file, "utf8").match(/^export .*/gm) ?? [];
    const name = camel(path.basename(file, ".ts"));
    const ok =
      exports.length === 1 &&
      new RegExp(`^export ((async )?function ${name}\\b|const ${name} = )`).test(exports[0]!);
    return ok ? [] : [`${path.relative(SRC, file)}: ${exports.length} exports, want ${name}`];
  });
  assert.deepEqual(wrong, []);
});

test("no source file is longer than about 500 lines (540 at most)", () => {
  const long = sourceFiles(SRC).flatMap((file) => {
    const rel = path.relative(SRC, file).split(path.sep).join("/");
    const lines = readFileSync(file, "utf8").split("\n").length;
    return lines > 540 ? [`${rel}: ${lines} lines`] : [];
  });
  assert.deepEqual(long, []);
});
