// CSV files built a slice at a time, yielding to the browser between slices, so thousands of rows never freeze the
// page; then saved through a Blob link. RFC 4180 quoting; a leading =, +, - or @ (not a plain negative number) is quoted as text so a spreadsheet
// never runs a cell as a formula.
export type CsvCell = string | number | bigint | null | undefined;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The whole file: header, then rows, `sliceSize` rows per task. */
export async function buildCsv(header: string[], rows: readonly CsvCell[][], sliceSize = 500): Promise<string> {
  const parts: string[] = [header.map(csvCell).join(',')];
  for (let start = 0; start < rows.length; start += sliceSize) {
    for (const row of rows.slice(start, start + sliceSize)) parts.push(row.map(csvCell).join(','));
    if (start + sliceSize < rows.length) await yieldToBrowser();
  }
  return `${parts.join('\r\n')}\r\n`;
}

export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
