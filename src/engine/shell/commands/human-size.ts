/**
 * Sizes for people, as gnulib's human_readable prints them for `ls -h`, `du -h` and `df -h`:
 * powers of 1024, rounded up (never shows less than there is), one decimal below 10, no decimal
 * from 10 on: 1023 → `1023`, 1024 → `1.0K`, 5000 → `4.9K`, 2000000 → `2.0M`, 10239 → `10K`.
 */

const UNITS = ['K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];

export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(Math.ceil(bytes));
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (value < 10) {
    const tenths = Math.ceil(value * 10 - 1e-9);
    if (tenths < 100) return `${Math.floor(tenths / 10)}.${tenths % 10}${UNITS[unit]}`;
    value = 10;
  }
  const whole = Math.ceil(value - 1e-9);
  if (whole >= 1024 && unit < UNITS.length - 1) return `1.0${UNITS[unit + 1]}`;
  return `${whole}${UNITS[unit]}`;
}

/** 1K blocks a file of `size` bytes occupies on ext4 (4 KiB allocation units). */
export function diskKilobytes(size: number): number {
  return Math.ceil(size / 4096) * 4;
}
