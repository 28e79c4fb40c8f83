import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'web');
const builtIndex = path.join(webDir, 'dist', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'dist' && entry.name !== 'node_modules')
        newest = Math.max(newest, newestSource(full));
    } else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when web/dist is missing or older than a web source file. */
export function webBuildNeeded(): boolean {
  if (!fs.existsSync(path.join(webDir, 'vite.config.ts'))) return false;
  if (!fs.existsSync(builtIndex)) return true;
  return newestSource(webDir) > fs.statSync(builtIndex).mtimeMs;
}

export function buildWeb(): Promise<void> {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vite, 'build', '--config', path.join(webDir, 'vite.config.ts'), '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`The web build failed (exit ${code})`)),
    );
  });
}
