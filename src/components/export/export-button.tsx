import { useState } from 'react';
import { Button } from '../ui/button';
import { buildCsv, downloadCsv, type CsvCell } from './csv';
import { useT } from '../../i18n/messages';
import { exportMessages } from './messages';

/** "Export CSV": builds the file a slice at a time (the page stays responsive), then saves it. */
export function ExportButton({ testId, fileName, header, rows }: { testId: string; fileName: string; header: string[]; rows: () => CsvCell[][] }) {
  const t = useT(exportMessages);
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="sm"
      variant="ghost"
      data-testid={testId}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          downloadCsv(fileName, await buildCsv(header, rows()));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t(busy ? 'exporting' : 'export')}
    </Button>
  );
}
