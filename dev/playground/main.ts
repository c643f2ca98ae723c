/**
 * npm start: the playground on http://127.0.0.1:5180/ (PORT overrides), serving until Ctrl-C.
 * It prints the URL and the sample's bands after a first rescore.
 */
import { sampleSpreadsheet } from "./sample";
import { DEFAULT_PORT, SAMPLE_DAY, SAMPLE_SHEET, startPlayground } from "./server";

const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(1);
}

try {
  const playground = await startPlayground({ port, sheets: sampleSpreadsheet(SAMPLE_SHEET) });
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
