import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * `mkdir -p` for the data directory and the database's directory, creating missing levels
 * with `mode`. Node's own recursive mkdir never returns when a file system answers ENOENT
 * for a directory whose parent exists, as /proc and /sys do and a dangling mount point can;
 * here each missing level is created once, so such a path fails with that ENOENT.
 */
export function ensureDirectory(dir: string, mode: number): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    try {
      if (statSync(current).isDirectory()) break;
      throw new Error(`${current} is not a directory.`);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level, { mode });
    } catch (error) {
      // Created meanwhile by another process: what matters is that it now exists.
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
}
