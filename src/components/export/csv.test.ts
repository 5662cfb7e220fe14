import { describe, expect, it } from 'vitest';
import { buildCsv, csvCell } from './csv';

describe('csv', () => {
  it('quotes what needs quoting and keeps formulas as text', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(12345678901234567890n)).toBe('12345678901234567890');
    expect(csvCell(null)).toBe('');
    // a negative amount stays a number
    expect(csvCell('-101.05')).toBe('-101.05');
    expect(csvCell('-1+1')).toBe(`"'-1+1"`);
  });

  it('builds thousands of rows in slices, in order', async () => {
    const rows = Array.from({ length: 5_001 }, (_, i) => [i, `row ${i}`]);
    const text = await buildCsv(['n', 'label'], rows, 500);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(5_002);
    expect(lines[0]).toBe('n,label');
    expect(lines[5_001]).toBe('5000,row 5000');
  });
});
