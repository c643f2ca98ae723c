/**
 * npm start: the playground on http://127.0.0.1:5180/ (PORT overrides), serving until Ctrl-C.
 * It prints the URL and the sample's bands after a first rescore.
 */
import { readFileSync } from "node:fs";
import { HISTORY_SHEET, parseRubric, rubricToGrid } from "../../src/core";
import { sampleSheet } from "./sample";
import { DEFAULT_PORT, SAMPLE_DAY, SAMPLE_SHEET, startPlayground } from "./server";

const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(1);
}

try {
  // The sample as a team has it: the accounts, their raw activity as sheets (a login log, a ticket
  // export, NPS answers), and a rubric that scores from that activity (examples/from-activity.json).
  const rubric = parseRubric(JSON.parse(readFileSync("examples/from-activity.json", "utf8")));
  const playground = await startPlayground({
    port,
    sheets: {
      [SAMPLE_SHEET]: sampleSheet(),
      Logins: sampleSheet("examples/logins.csv"),
      Tickets: sampleSheet("examples/tickets.csv"),
      NPS: sampleSheet("examples/nps.csv"),
      // Six months of weekly snapshots with churn dates, so Check rubric against churn is predictive.
      [HISTORY_SHEET]: sampleSheet("examples/history.csv"),
      "Health Rubric": rubricToGrid(rubric),
    },
  });
  console.log(`Health Score playground: ${playground.url}`);
  console.log(
    `${playground.summary ?? "The sample was not scored"} ("${SAMPLE_SHEET}" from examples/customers.csv, scored from the Logins, Tickets and NPS sheets by examples/from-activity.json, as of ${SAMPLE_DAY}).`,
  );
  console.log(
    "Open the URL, use Extensions → Health Score, edit the rubric in the sidebar. Ctrl-C stops it.",
  );
  const stop = () => {
    void playground.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  if (err.code === "EADDRINUSE") {
    console.error(
      `Port ${port} is in use (is a playground already running?). Stop that, or pick another port: PORT=${port + 1} npm start`,
    );
  } else {
    console.error(`The playground could not start: ${err.message}`);
  }
  process.exit(1);
}
