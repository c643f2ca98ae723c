/** The `healthscore` program (build/cli.js): cli/main.ts's `main` on this process's arguments and streams. */
import { main } from "./main";

// A reader that stops early (`| head`) is not an error: stop quietly.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
