/** `iacjudge rules [--json]`: the catalog — id, category, severity, fix class, title. */
import type { RegisterCommand } from './index.js';
import { ruleMetas } from '../../report/metas.js';

export const register: RegisterCommand = (program) => {
  program
    .command('rules')
    .description('list every rule: id, category, default severity, fix class, title')
    .option('--json', 'print JSON instead of a table')
    .action((opts: { json?: boolean }) => {
      // Catalog rules plus the metas of schema checks, syntax and log patterns: every id a finding can carry.
      const metas = [...ruleMetas().values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      if (opts.json) {
        const rows = metas.map((m) => ({ id: m.id, category: m.category, severity: m.severity, fixClass: m.fixClass, title: m.title, docs: m.docs }));
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      const header = ['ID', 'CATEGORY', 'SEVERITY', 'FIX', 'TITLE'];
      const rows = metas.map((m) => [m.id, m.category, m.severity, m.fixClass, m.title]);
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
      process.stdout.write([line(header), ...rows.map(line)].join('\n') + `\n\n${metas.length} rules\n`);
    });
};
