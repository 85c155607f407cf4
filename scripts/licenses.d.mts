// Types of licenses.mjs, for the tests (the build script itself is plain JavaScript).
import type { Metafile } from 'esbuild';

export function packageDirOf(input: string): string | null;
export function bundledLicenses(metafiles: Metafile[], root?: string): string;
