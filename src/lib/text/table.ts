/**
 * Plain-text tables for the terminal: columns padded by display width, so Japanese titles
 * (two columns per character) line up. No borders: the output stays grep- and diff-friendly.
 */
import stringWidth from 'string-width';

export function formatTable(headers: string[], rows: string[][], gap = 2): string {
  const all = [headers, ...rows].map((r) => r.map((c) => c.replace(/\s+/g, ' ')));
  const widths = headers.map((_, i) => Math.max(...all.map((r) => stringWidth(r[i] ?? ''))));
  return all
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - stringWidth(cell) + gap)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}
