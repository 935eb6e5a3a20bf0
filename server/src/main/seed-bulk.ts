// `genonaut seed bulk`: the benchmark dataset (SPEC §12) with a progress bar on the terminal.
import type { Config } from '../config';
import { seedBulk } from '../db/seeds/bulk/bulk-seed';
import { createStorage } from '../storage/create-storage';

export interface SeedBulkArgs {
  items: number;
  users: number;
  seed: number;
  password: string;
}

function progressBar(): (done: number, total: number) => void {
  const started = Date.now();
  let lastPrinted = -1;
  return (done, total) => {
    const share = done / total;
    const seconds = (Date.now() - started) / 1000;
    const eta = share > 0 ? Math.round(seconds / share - seconds) : 0;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(1)}% ` +
          `${done.toLocaleString('en')}/${total.toLocaleString('en')} items, ${Math.round(seconds)} s, ~${eta} s left `,
      );
      if (done === total) process.stderr.write('\n');
    } else {
      // Not a terminal (a log file, CI): one line per 10 %.
      const tenth = Math.floor(share * 10);
      if (tenth !== lastPrinted) {
        lastPrinted = tenth;
        process.stderr.write(`${tenth * 10}% (${done}/${total} items, ${Math.round(seconds)} s)\n`);
      }
    }
  };
}

export async function runSeedBulk(config: Config, databaseUrl: string, args: SeedBulkArgs): Promise<void> {
  const summary = await seedBulk(databaseUrl, createStorage(config), {
    ...args,
    hideThreshold: config.moderationHideThreshold,
    log: (m) => console.log(m),
    progress: progressBar(),
  });
  console.log(
    `Bulk data: ${summary.items} items, ${summary.users} users, ${summary.tags} tags, ` +
      `${summary.contentTags} item tags, ${summary.ratings} ratings, ${summary.interactions} interactions, ` +
      `${summary.bookmarks} bookmarks in ${summary.seconds} s.`,
  );
}
