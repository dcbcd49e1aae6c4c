/**
 * A minimal ustar writer and reader (what Go's archive/tar writes for `docker cp`): regular files,
 * directories and symlinks, 512-byte headers, data padded to 512, two zero blocks at the end.
 * Archives are binary strings (one char per byte), as the terminal streams carry them.
 */
import type { FileSystem } from '../../fs/types';

export interface TarEntry {
  /** Path inside the archive (`d/sub/b`, directories end without a slash here). */
  name: string;
  kind: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  /** ms. */
  mtime: number;
  data: Uint8Array;
  linkname: string;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function bytesToBinary(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

function header(entry: TarEntry): string {
  const name = entry.kind === 'dir' ? `${entry.name}/` : entry.name;
  const fields: [string, number][] = [
    [name.slice(0, 100), 100],
    [octal(entry.mode & 0o7777, 8), 8],
    [octal(entry.uid, 8), 8],
    [octal(entry.gid, 8), 8],
    [octal(entry.kind === 'file' ? entry.data.length : 0, 12), 12],
    [octal(Math.floor(entry.mtime / 1000), 12), 12],
    ['        ', 8],
    [entry.kind === 'file' ? '0' : entry.kind === 'dir' ? '5' : '2', 1],
    [entry.linkname.slice(0, 100), 100],
    ['ustar\0', 6],
    ['00', 2],
    ['', 32],
    ['', 32],
    [octal(0, 8), 8],
    [octal(0, 8), 8],
    ['', 155],
  ];
  let block = '';
  for (const [text, width] of fields) block += text.padEnd(width, '\0').slice(0, width);
  block = block.padEnd(BLOCK, '\0');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += block.charCodeAt(i) & 0xff;
  const checksum = sum.toString(8).padStart(6, '0') + '\0 ';
  return block.slice(0, 148) + checksum + block.slice(156);
}

/** The archive of `entries`, as a binary string. */
export function writeTar(entries: readonly TarEntry[]): string {
  let out = '';
  for (const e of entries) {
    out += header(e);
    if (e.kind === 'file' && e.data.length > 0) {
      out += bytesToBinary(e.data);
      const pad = (BLOCK - (e.data.length % BLOCK)) % BLOCK;
      out += '\0'.repeat(pad);
    }
  }
  return out + '\0'.repeat(BLOCK * 2);
}

/** The bytes writeTar would produce (the size `docker cp` reports). */
export function tarSize(entries: readonly TarEntry[]): number {
  let size = BLOCK * 2;
  for (const e of entries) size += BLOCK + (e.kind === 'file' ? Math.ceil(e.data.length / BLOCK) * BLOCK : 0);
  return size;
}

/** Reads an archive; stops at the end blocks or at the first malformed header. */
export function readTar(archive: string): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  const field = (start: number, width: number): string => {
    const raw = archive.slice(offset + start, offset + start + width);
    const nul = raw.indexOf('\0');
    return nul < 0 ? raw : raw.slice(0, nul);
  };
  const num = (start: number, width: number): number => Number.parseInt(field(start, width).trim() || '0', 8) || 0;
  while (offset + BLOCK <= archive.length) {
    const name = field(0, 100);
    if (name === '') break;
    const prefix = field(345, 155);
    const size = num(124, 12);
    const type = archive[offset + 156] ?? '0';
    const full = (prefix ? `${prefix}/${name}` : name).replace(/\/+$/, '');
    const dataStart = offset + BLOCK;
    const data = new Uint8Array(size);
    for (let i = 0; i < size; i++) data[i] = archive.charCodeAt(dataStart + i) & 0xff;
    const kind = type === '5' ? 'dir' : type === '2' ? 'symlink' : 'file';
    entries.push({ name: full, kind, mode: num(100, 8), uid: num(108, 8), gid: num(116, 8), mtime: num(136, 12) * 1000, data, linkname: field(157, 100) });
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

/** The entries for `path` in `fs` (recursively for a directory), named from `base`. */
export function collectEntries(fs: FileSystem, path: string, base: string, follow = false): TarEntry[] {
  const out: TarEntry[] = [];
  const visit = (p: string, name: string, top: boolean): void => {
    const st = top && follow ? fs.stat(p) : fs.lstat(p);
    const common = { name, mode: st.mode, uid: st.uid, gid: st.gid, mtime: st.mtime, linkname: '', data: new Uint8Array(0) };
    if (st.kind === 'dir') {
      out.push({ ...common, kind: 'dir' });
      for (const child of fs.readdir(p)) visit(p === '/' ? `/${child.name}` : `${p}/${child.name}`, name === '' ? child.name : `${name}/${child.name}`, false);
    } else if (st.kind === 'symlink') {
      out.push({ ...common, kind: 'symlink', linkname: fs.readlink(p) });
    } else {
      out.push({ ...common, kind: 'file', data: fs.readFile(p) });
    }
  };
  visit(path, base, true);
  return out;
}
