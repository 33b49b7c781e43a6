// Debian's python3 (with python3-openpyxl and python3-feedparser) and poppler's pdfinfo for tests
// that read what the project writes with a real, independent reader. CI installs them (.ci/run);
// when one is missing the test fails naming the package to install instead of silently skipping.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Debian's interpreter first: a python3 earlier on PATH (pyenv) lacks the Debian modules.
const PYTHONS = ['/usr/bin/python3', '/usr/local/bin/python3'];
const PDFINFO = '/usr/bin/pdfinfo';

const needed = (what: string, pkg: string) =>
  new Error(`${what} is needed by this test but was not found. Install it: apt-get update && apt-get install -y --no-install-recommends ${pkg}`);

/**
 * Runs `script` with Debian's python3, `args` as sys.argv[1:], and returns what it printed.
 * `module` is the Python module the script imports and `pkg` the Debian package that has it.
 */
const runPython = async (script: string, args: readonly string[], module: string, pkg: string): Promise<string> => {
  const python = PYTHONS.find((p) => existsSync(p));
  if (!python) throw needed('python3', 'python3');
  try {
    await run(python, ['-c', `import ${module}`]);
  } catch {
    throw needed(`The Python module ${module}`, pkg);
  }
  const { stdout } = await run(python, ['-c', script, ...args], { maxBuffer: 16 * 1024 * 1024, timeout: 120_000 });
  return stdout;
};

interface PdfInfo {
  pages: number;
  /** Width and height of each page in points, first page first. */
  sizes: { width: number; height: number }[];
}

/** The page count and every page's size of the PDF at `path`, as poppler's pdfinfo reads them. */
const pdfInfo = async (path: string): Promise<PdfInfo> => {
  if (!existsSync(PDFINFO)) throw needed('pdfinfo', 'poppler-utils');
  const { stdout: summary } = await run(PDFINFO, [path]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(summary)?.[1]);
  const { stdout } = await run(PDFINFO, ['-f', '1', '-l', String(pages), path]);
  const sizes = [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  return { pages, sizes };
};

export { runPython, pdfInfo };
export type { PdfInfo };
