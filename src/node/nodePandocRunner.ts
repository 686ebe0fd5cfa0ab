import { execFile, spawn } from 'node:child_process';
import { PandocError, type PandocRunner } from '../export/pandocRunner';

/**
 * Runs the `pandoc` found on the PATH of the extension host (the user's own install: the extension
 * ships none). Arguments are passed as an array, never through a shell.
 */
export function createNodePandocRunner(command = 'pandoc'): PandocRunner {
  return {
    version: () => new Promise((resolve) => {
      execFile(command, ['--version'], { timeout: 10_000 }, (error, stdout) => {
        resolve(error ? undefined : stdout.split('\n')[0].trim());
      });
    }),
    run: (args, stdin, cwd) => new Promise((resolve, reject) => {
      const child = spawn(command, [...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.on('error', (e) => reject(new PandocError(e.message)));
      child.on('close', (code) => {
        if (code === 0) {
          resolve(Buffer.concat(out).toString('utf8'));
        } else {
          reject(new PandocError(Buffer.concat(err).toString('utf8').trim() || `pandoc exited ${code}`));
        }
      });
      child.stdin.on('error', () => { /* pandoc closed its input early: its exit code says why */ });
      child.stdin.end(stdin, 'utf8');
    }),
  };
}
