/**
 * test/law.test.ts never passes silently without ../shared (issue 10, section 4): outside CI the comparison is
 * an explicit, reported skip; under CI=true it fails. Runs vitest itself on that file, with the shared folder
 * pointed at a place that does not exist (SHARED_REGULATIONS_DIR), so ../shared is never touched.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;

async function lawTest(env: Record<string, string>): Promise<{ code: number; output: string }> {
  const args = ['run', 'test/law.test.ts', '--reporter', 'verbose'];
  const options = { cwd: ROOT, env: { ...process.env, SHARED_REGULATIONS_DIR: '/nonexistent/shared/regulations', ...env } };
  try {
    const { stdout, stderr } = await run(join(ROOT, 'node_modules/.bin/vitest'), args, options);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('test/law.test.ts without the shared regulations', () => {
  it('outside CI: skipped, with the reason in the report', async () => {
    const { code, output } = await lawTest({ CI: 'false' });
    expect(code).toBe(0);
    expect(output).toContain('SKIPPED: /nonexistent/shared/regulations/shandong-provincial.txt is missing (outside CI)');
    expect(output).toMatch(/5 skipped/);
  }, 60_000);

  it('under CI=true: fails', async () => {
    const { code, output } = await lawTest({ CI: 'true' });
    expect(code).not.toBe(0);
    expect(output).toContain('is missing (CI=true: a failure)');
  }, 60_000);
});
