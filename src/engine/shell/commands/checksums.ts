/**
 * md5sum, sha1sum, sha256sum, sha512sum: `HASH  NAME` per file (`-` for standard input), and `-c`
 * to check a list of them (`NAME: OK` / `NAME: FAILED`, then the WARNING lines). Large files are
 * hashed 1 MiB at a time, the way a 2 GB model file would be checked against a published sum.
 */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { encodeText } from '../../fs/state';
import { STRERROR } from '../../fs/types';
import type { Program } from '../../process';
import { has, type OptionDef } from './getopt';
import { codeOf, Invocation, reasonOf } from './invocation';
import { CHECKSUM } from './messages/shellutils';
import { readStream } from './text-input';

interface Hasher {
  update(data: Uint8Array): Hasher;
  digest(): Uint8Array;
}

const ALGORITHMS: Record<string, { create: () => Hasher; hexLength: number }> = {
  md5sum: { create: () => md5.create(), hexLength: 32 },
  sha1sum: { create: () => sha1.create(), hexLength: 40 },
  sha256sum: { create: () => sha256.create(), hexLength: 64 },
  sha512sum: { create: () => sha512.create(), hexLength: 128 },
};

type Key = 'check' | 'binary' | 'text' | 'quiet' | 'status' | 'warn' | 'strict' | 'tag' | 'zero' | 'ignoreMissing';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'binary', short: 'b', long: 'binary' },
  { key: 'check', short: 'c', long: 'check' },
  { key: 'ignoreMissing', long: 'ignore-missing' },
  { key: 'quiet', long: 'quiet' },
  { key: 'status', long: 'status' },
  { key: 'strict', long: 'strict' },
  { key: 'tag', long: 'tag' },
  { key: 'text', short: 't', long: 'text' },
  { key: 'warn', short: 'w', long: 'warn' },
  { key: 'zero', short: 'z', long: 'zero' },
];

const CHUNK = 1024 * 1024;

interface RangeReader {
  read?: (path: string, offset: number, length: number) => Uint8Array;
}

function makeChecksum(name: string): Program {
  const algorithm = ALGORITHMS[name]!;
  return async (ctx) => {
    const inv = new Invocation(ctx);
    const parsed = inv.parse(OPTIONS);
    if (!parsed) return 1;

    /** The hex digest of an operand, or the error to report. */
    const hashOf = async (operand: string): Promise<{ hex: string } | { code: string; reason: string }> => {
      const hasher = algorithm.create();
      if (operand === '-') {
        hasher.update(encodeText(await readStream(ctx.stdin)));
        return { hex: bytesToHex(hasher.digest()) };
      }
      const fs = ctx.fs as typeof ctx.fs & RangeReader;
      try {
        const path = inv.path(operand);
        const st = fs.stat(path);
        if (st.kind === 'dir') return { code: 'EISDIR', reason: STRERROR.EISDIR };
        if (typeof fs.read === 'function' && st.size > CHUNK) {
          for (let offset = 0; offset < st.size; offset += CHUNK) {
            if (ctx.signal.interrupted) break;
            hasher.update(fs.read(path, offset, CHUNK));
            await Promise.resolve();
          }
        } else {
          hasher.update(fs.readFile(path));
        }
        return { hex: bytesToHex(hasher.digest()) };
      } catch (error) {
        return { code: codeOf(error), reason: reasonOf(error) };
      }
    };

    const operands = parsed.operands.length > 0 ? parsed.operands : ['-'];
    let status = 0;
    if (!has(parsed, 'check')) {
      for (const operand of operands) {
        const result = await hashOf(operand);
        if ('hex' in result) inv.out(`${result.hex} ${has(parsed, 'binary') ? '*' : ' '}${operand}\n`);
        else {
          inv.error(CHECKSUM.fileError(operand, result.reason));
          status = 1;
        }
      }
      return status;
    }

    const quiet = has(parsed, 'quiet');
    const silent = has(parsed, 'status');
    for (const list of operands) {
      let text: string;
      try {
        text = list === '-' ? await readStream(ctx.stdin) : ctx.fs.readText(inv.path(list));
      } catch (error) {
        inv.error(CHECKSUM.fileError(list, reasonOf(error)));
        status = 1;
        continue;
      }
      const pattern = new RegExp(`^\\\\?([0-9a-fA-F]{${algorithm.hexLength}}) [ *](.+)$`);
      let wellFormed = 0;
      let mismatched = 0;
      let unreadable = 0;
      let out = '';
      for (const line of text.split('\n')) {
        const match = pattern.exec(line);
        if (!match) continue;
        wellFormed += 1;
        const file = match[2]!;
        const result = await hashOf(file);
        if (!('hex' in result)) {
          if (has(parsed, 'ignoreMissing') && result.code === 'ENOENT') continue;
          inv.out(out);
          out = '';
          inv.error(CHECKSUM.fileError(file, result.reason));
          unreadable += 1;
          if (!silent) out += `${file}: ${CHECKSUM.failedOpen}\n`;
          continue;
        }
        if (result.hex.toLowerCase() === match[1]!.toLowerCase()) {
          if (!quiet && !silent) out += `${file}: OK\n`;
        } else {
          mismatched += 1;
          if (!silent) out += `${file}: FAILED\n`;
        }
      }
      inv.out(out);
      if (wellFormed === 0) {
        inv.error(CHECKSUM.noProperLines(list));
        status = 1;
        continue;
      }
      if (unreadable > 0) {
        if (!silent) inv.error(CHECKSUM.unreadable(unreadable));
        status = 1;
      }
      if (mismatched > 0) {
        if (!silent) inv.error(CHECKSUM.mismatched(mismatched));
        status = 1;
      }
    }
    return status;
  };
}

export const md5sum = makeChecksum('md5sum');
export const sha1sum = makeChecksum('sha1sum');
export const sha256sum = makeChecksum('sha256sum');
export const sha512sum = makeChecksum('sha512sum');
