import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where every e2e file saves the screenshots a person looks at; created on import so test order never matters. */
export const SHOTS = resolve(import.meta.dirname, '../../artifacts/screenshots');
mkdirSync(SHOTS, { recursive: true });
