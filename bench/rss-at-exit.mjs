// Preloaded into a measured Node.js child (`--import`): tells the bench the process's peak
// memory as it exits, on stderr, so the command itself runs exactly as a user runs it.
import { writeSync } from 'node:fs';
import process from 'node:process';

process.on('exit', () => {
  writeSync(2, `\nBENCH_MAX_RSS_KIB ${process.resourceUsage().maxRSS}\n`);
});
